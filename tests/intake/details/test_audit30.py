"""Details that the session 30 audit mails (written blind, read as a caseworker reads them) showed read wrongly; each
test words its case differently from the mail."""

from __future__ import annotations

from datetime import date

from intake.details.periods import find_period
from tests.intake.details.reading import body_at

REF = date(2026, 11, 8)
body = body_at(REF)


def test_another_countrys_vat_number_is_no_cvr():
    found = body("Hello,\n\nWe will film on Gråbrødretorv on 24 February 2027.\n\nCompany details:\nNordlicht Film "
                 "GmbH\nSchanzenstraße 22, 20357 Hamburg, Germany\nVAT ID: DE287451936 (no Danish CVR number)\n\n"
                 "Best regards,\nLars Nielsen\n")
    assert "cvr" not in found


def test_a_danish_vat_number_under_its_label_is_the_cvr():
    found = body("Hej\n\nJeg søger om udeservering.\n\nFirma: Kaya Grill ApS\nMoms nr.: DK 15791497\n\nMvh\n"
                 "Murat Kaya\n")
    assert found["cvr"] == "15791497"


def test_a_sole_trader_whose_business_bears_his_name_is_the_company():
    found = body("Hej\n\nJeg søger om stadeplads til juletræssalg ud for Amagerbrogade 174 i december 2026.\n\n"
                 "Firmaet er en enkeltmandsvirksomhed og hedder bare mit navn.\n\nVenlig hilsen\nBjarne Thomsen\n"
                 "CVR 30 64 34 88\n")
    assert found["company_name"] == "Bjarne Thomsen"


def test_a_helper_reached_on_his_phone_gives_way_to_the_writer_who_wants_the_letters():
    found = body("Hej\n\nJeg søger om stadeplads på Amagerbrogade i december 2026.\n\nMin svigersøn står i boden. Han "
                 "kan træffes på 60 44 81 27, men alt skriftligt bedes sendt til mig.\n\nVenlig hilsen\n"
                 "Bjarne Thomsen\nTlf. 40 18 63 92\n")
    assert found["phone"] == "40186392"


def test_a_phone_written_after_another_persons_name_is_not_the_contacts():
    found = body("Hi,\n\nWe need an excavation permit at Strandboulevarden 120 from 18 to 29 January 2027.\n\nThe "
                 "work is done by our contractor. Their site manager, Thomas Lauritsen (+45 24 61 90 37), will send "
                 "the traffic plan. For everything else, please contact me.\n\nKind regards\n\nAnna Sjöberg\n"
                 "Project Coordinator\n+46 70 412 38 55\n")
    assert found["contact_name"] == "Anna Sjöberg"
    assert "phone" not in found


def test_a_phone_after_another_persons_name_gives_way_to_the_writers_own():
    found = body("Hej\n\nVi søger om en container foran butikken fra 1. til 14. februar 2027.\n\nArbejdet udføres af "
                 "vores tømrer (Frank Lund, 22 48 19 06), men skriv til mig.\n\nTak!\nIda Nørgaard\nIndehaver\n"
                 "31 70 45 62\n")
    assert found["phone"] == "31704562"


def test_a_phone_after_a_title_is_the_contacts_own():
    found = body("Dear Sir or Madam,\n\nPlease address questions to me: Maja Skov, Environmental Coordinator, "
                 "+45 25 70 33 81.\n\nYours faithfully,\nMaja Skov\n")
    assert found["phone"] == "25703381"


def test_the_contact_person_for_the_application_is_named_after_til():
    found = body("Hej\n\nForeningen holder loppemarked på Husum Torv den 5. september 2027. Kontaktperson til "
                 "ansøgningen og på dagen er vores kasserer Ole Dam, tlf. 28 36 11 94.\n\nVenlig hilsen\n"
                 "Lis Mikkelsen, formand\n")
    assert found["contact_name"] == "Ole Dam"
    assert found["phone"] == "28361194"


def test_eight_digits_alone_on_a_signature_line_are_the_phone_not_the_cvr():
    found = body("hej\n\nvi vil gerne have en fast plads til vores foodtruck i sommer.\n\nhilsen Kasper Holm\n"
                 "Smokey Brothers v/Kasper Holm\ncvr 3845 1927\nHolmbladsgade 88, 2.th, 2300 kbh S\n28551946\n")
    assert found["phone"] == "28551946"


def test_a_day_to_a_whole_month_is_a_period():
    assert find_period("- fra paaske (fredag d 26 marts 2027) til og med september", REF) == \
        find_period("fra 26. marts 2027 til 30. september 2027", REF)
    period = find_period("We would like the pitch from 1 May 2027 until the end of September.", REF)
    assert (period.start, period.end) == (date(2027, 5, 1), date(2027, 9, 30))


def test_a_greeting_of_ones_own_words_and_a_logo_line_before_the_name():
    found = body("Kære Københavns Kommune\n\nVi ansøger om udeservering foran butikken.\n\nBlomstrende hilsner\n\n"
                 "BLOMST & BØNNE\nSofie Winther\nFounder & Creative Director\nBlomst & Bønne ApS\n"
                 "Jægersborggade 22, 2200 København N\n")
    assert found["contact_name"] == "Sofie Winther"


def test_the_street_where_the_text_puts_the_premises_is_no_site_apart_from_the_address():
    found = body("Forår på Jægersborggade – vi vil gerne rykke ud!\n\nKære Byliv\n\nVi er Blomst & Bønne – en lille "
                 "blomsterbutik med kaffebar på Jægersborggade, hvor kaffe møder blomster.\n\nVi ansøger om "
                 "udeservering foran butikken.\n\nHilsen\nSofie Winther\nBlomst & Bønne ApS\nJægersborggade 22, "
                 "2200 København N\n")
    assert found["address"] == "Jægersborggade 22"
    assert "activity_location" not in found


def test_a_street_party_of_a_group_of_shops_keeps_its_street_as_the_site():
    found = body("Hej\n\nVi er en gruppe butikker på Istedgade, og Butik Vinyl ApS (Istedgade 101, 1650 Kbh. V) står "
                 "som ansøger. Vi vil holde gadefest på Istedgade lørdag 4. september 2027.\n\nHilsen Mads Winther\n")
    assert found["activity_location"] == "Istedgade"
