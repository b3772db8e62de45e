"""Details of the blind batch z41 (session 40), each worded here apart from the batch's mail: a trade held on a street
without its article, a pub named and then described, a confidentiality notice under the signature, the client of a
job with its administration in brackets, an association's chair with a home in brackets, a stand described by its
size, a shop refitted for a client, a contact named mid-sentence after a colon, a business's name in quotes after
"skal hedde", a landlord writing for a tenant."""

from __future__ import annotations

from datetime import date

import pytest

from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 5))


def body(text: str) -> dict:
    return values([("body", text)])


# ---------------------------------------------------------------- where the business itself is

@pytest.mark.parametrize("sentence", ["Jeg har købmandsforretning på Istedgade siden 2009",
                                      "Vi har blomsterbutik på Istedgade"])
def test_a_trade_held_on_a_street_without_its_article_is_no_site(sentence):
    found = body(f"Hej\n\n{sentence}, og vil gerne stille en stand ud foran fra 1. marts 2027.\n\n"
                 "Istedgade Frugt v/ Ali Demir\nIstedgade 40, 1650 København V\nCVR 98761535\n\nMvh\nAli Demir\n")
    assert found.get("activity_location") is None


def test_a_pub_named_and_then_described_lies_on_its_own_street():
    found = body("Hi,\n\nI run The Red Lion, the old pub on Blegdamsvej, and would like benches outside from 1 April "
                 "2027.\n\nThe Red Lion ApS\nBlegdamsvej 12, 2200 København N\nCVR: 46078497\n\nCheers,\nTom Hale\n")
    assert found.get("activity_location") is None


def test_a_market_stall_on_another_street_is_still_the_site():
    found = body("Hej\n\nJeg har købmandsforretning på Istedgade, og vil gerne have en bod på Gammeltorv den 5. juni "
                 "2027.\n\nIstedgade Frugt v/ Ali Demir\nIstedgade 40, 1650 København V\n\nMvh\nAli Demir\n")
    assert found.get("activity_location") == "Gammeltorv"


# ---------------------------------------------------------------- the confidentiality notice

@pytest.mark.parametrize("notice", [
    "Denne e-mail og eventuelle vedhæftede filer er fortrolige og kun tiltænkt adressaten. Revisorhuset Vest I/S, "
    "CVR 72392302.",
    "This e-mail is confidential and may be privileged. If you are not the intended recipient, please delete it. "
    "Revisorhuset Vest I/S, CVR 72392302.",
    "Diese E-Mail enthält vertrauliche Informationen. Revisorhuset Vest I/S, CVR 72392302."])
def test_the_firm_in_a_confidentiality_notice_is_not_the_company(notice):
    found = body("Hej\n\nJeg skriver på vegne af vores klient, Café Solsort ApS, som åbner på Elmegade 20 til foråret."
                 "\n\nVirksomhedens oplysninger:\nCafé Solsort ApS\nCVR-nr. 25 51 03 80\nElmegade 20, 2200 København N"
                 "\n\nMed venlig hilsen\n\nLone Bech\nRevisor\nRevisorhuset Vest I/S\nVesterbrogade 41\n"
                 f"1620 København V\n\n--\n{notice}\n")
    assert (found["company_name"], found["cvr"]) == ("Café Solsort ApS", "25510380")


def test_a_paragraph_on_confidential_matters_in_the_letter_stays():
    found = body("Hej\n\nDenne mail handler ikke om noget fortroligt: Café Solsort ApS, CVR 25510380, søger om "
                 "udeservering på Elmegade 20.\n\nMvh\nLone Bech\n")
    assert found["cvr"] == "25510380"


# ---------------------------------------------------------------- other parties' places

def test_the_client_of_the_job_with_its_administration_in_brackets_is_not_the_address():
    found = body("Hej\n\nVi er entreprenør på tagrenoveringen for Andelsboligforeningen Lærkehøj (bygherre, CVR "
                 "95650600, administration: Bispebjerg Bakke 20, 2400 København NV). Pladsen er Lærkevej 3.\n\n"
                 "Ansøger:\nTagfolkene A/S\nCVR 54307055\nRoskildevej 300, 2630 Taastrup\n\nVh.\nKim Lund\n")
    assert (found["address"], found["postcode"]) == ("Roskildevej 300", "2630")


def test_the_applicants_own_bracket_with_its_office_stays_the_address():
    found = body("Hej\n\nVi søger om stillads på Lærkevej 3 fra 11. januar 2027.\n\nAnsøger: Tagfolkene A/S "
                 "(entreprenør, CVR 54307055, kontor: Roskildevej 300, 2630 Taastrup)\n\nVh.\nKim Lund\n")
    assert found["address"] == "Roskildevej 300"


@pytest.mark.parametrize("chair", ["Foreningens formand Lise Berg", "The association's chairwoman Lise Berg"])
def test_an_associations_chair_with_a_home_in_brackets_is_no_site(chair):
    found = body(f"Hej\n\nVi skal tage julelyset ned i Ravnsborggade den 11. januar 2027. {chair} (Ravnsborggade 9, "
                 "2200 København N) kender til opgaven.\n\nLysfolk ApS\nRentemestervej 60\n2400 København NV\n\n"
                 "Hilsen\nBo Kofoed\n")
    assert "Ravnsborggade 9" not in str(found.get("activity_location"))


# ---------------------------------------------------------------- a site field

@pytest.mark.parametrize("line", ["Stand: 3 x 2 m wooden hut (6 m²), no power", "Stand: 2,5 x 3 meter telt med disk"])
def test_a_stand_described_by_its_size_names_no_site(line):
    found = body(f"Hello,\n\nWe would like a Christmas stand on Gammeltorv this year.\n\n{line}\nDates: 11/12 - 23/12"
                 "\n\nKind regards,\nPieter van Dijk\n")
    assert found["activity_location"] == "Gammeltorv"


def test_a_stand_labelled_with_its_square_is_the_site():
    found = body("Hello,\n\nWe would like a Christmas stand this year.\n\nStand: Gammeltorv, by the fountain\n\n"
                 "Kind regards,\nPieter van Dijk\n")
    assert found["activity_location"] == "Gammeltorv"


def test_a_shop_a_builder_refits_is_the_site():
    found = body("Hello,\n\nWe are refitting the shop at Læderstræde 5, 1201 København K, for our client and need a "
                 "container outside from 7 June 2027.\n\nBygmester Holm ApS, Hvidovrevej 100, 2650 Hvidovre, CVR "
                 "96194587.\n\nKind regards\nOle Holm\n")
    assert (found["address"], found["activity_location"].split(",")[0]) == ("Hvidovrevej 100", "Læderstræde 5")


def test_a_repair_shop_at_an_address_is_the_business_there():
    found = body("Hello,\n\nWe run the repair shop at Læderstræde 5, 1201 København K, and need a sign.\n\n"
                 "Kind regards\nOle Holm\n")
    assert found["address"] == "Læderstræde 5" and found.get("activity_location") is None


# ---------------------------------------------------------------- the contact and the company

@pytest.mark.parametrize("sentence", ["Det er min datter selv, der er kontaktperson: Laura Dam, laura.dam@gmail.com / "
                                      "29 63 07 51.",
                                      "It is my daughter who is the contact: Laura Dam, laura.dam@gmail.com / "
                                      "29 63 07 51."])
def test_a_contact_named_after_a_colon_mid_sentence_is_the_contact(sentence):
    found = body(f"Hej\n\nMin datter vil sælge is i Fælledparken til sommer. {sentence}\n\nMange hilsner\nBirthe Dam\n"
                 "Tlf. 51 22 90 43\n")
    assert (found["contact_name"], found["phone"]) == ("Laura Dam", "29630751")


def test_the_writer_named_as_the_one_who_is_not_the_contact_stays():
    found = body("Hej\n\nMin datter vil sælge is i Fælledparken. Det er ikke hende, der er kontaktperson.\n\n"
                 "Mange hilsner\nBirthe Dam\nTlf. 51 22 90 43\n")
    assert found["contact_name"] == "Birthe Dam"


@pytest.mark.parametrize("sentence", ['Firmaet skal hedde "Lauras Is"', 'Butikken kommer til at hedde "Lauras Is"'])
def test_a_name_in_quotes_the_business_is_to_have_is_the_company(sentence):
    found = body(f"Hej\n\nMin datter vil sælge is i Fælledparken til sommer. {sentence}, men hun har ikke CVR endnu."
                 "\n\nMange hilsner\nBirthe Dam\n")
    assert found["company_name"] == "Lauras Is"


# ---------------------------------------------------------------- a landlord writes

@pytest.mark.parametrize("opening", ["Jeg er udlejer af ejendommen Rosenvængets Allé 5, 2100 København Ø, hvor min nye "
                                     "lejer, Kiosk Rosen v/ Ida Holm (CVR 90340204), åbner efter nytår.",
                                     "I am the landlord of the building at Rosenvængets Allé 5, 2100 København Ø, "
                                     "where my new tenant, Kiosk Rosen v/ Ida Holm (CVR 90340204), opens in January."])
def test_the_property_a_landlord_writes_for_is_the_tenants_address(opening):
    found = body(f"Goddag\n\n{opening} Hun ønsker et skilt på facaden.\n\nMed venlig hilsen\nHenrik Dal\n"
                 "Classensgade 21, 4. th.\n2100 København Ø\n")
    assert (found["address"], found.get("activity_location")) == ("Rosenvængets Allé 5", None)


def test_a_tent_rental_business_is_no_landlord():
    found = body("Hej\n\nVi er udlejer af festtelte og skal stille et telt op på Rosenvængets Allé 5 den 5. juni 2027."
                 "\n\nTeltudlejning Dal ApS\nClassensgade 21\n2100 København Ø\n\nMvh\nHenrik Dal\n")
    assert found["address"] == "Classensgade 21"


# ---------------------------------------------------------------- the period and the place in the subject

@pytest.mark.parametrize("sentence", ["Selskabet forventer at påbegynde driften den 1. maj 2027.",
                                      "We expect to start operations on 1 May 2027."])
def test_the_day_a_business_starts_operating_is_no_period(sentence):
    found = body(f"Hej\n\nVi søger om tilladelse til afledning af spildevand fra vaskehallen på Valby Langgade 3. "
                 f"{sentence}\n\nMvh\nAli Yilmaz\n")
    assert found.get("period_from") is None


def test_a_period_before_operations_start_stays():
    found = body("Hej\n\nVi søger om lov til en container på Valby Langgade 3 fra den 1. maj 2027 til 14. maj 2027, "
                 "inden vi påbegynder driften.\n\nMvh\nAli Yilmaz\n")
    assert (found["period_from"], found["period_to"]) == ("2027-05-01", "2027-05-14")


def test_a_place_the_body_names_in_full_wins_over_its_short_name_in_the_subject():
    found = values([("subject", "Smoothies på Amager Strand til sommer"),
                    ("body", "Hej\n\nMin søn vil sælge smoothies fra en ladcykel i Amager Strandpark fra 26. juni "
                             "til 8. august 2027.\n\nMvh\nHanne Kjær\n")])
    assert found["activity_location"] == "Amager Strandpark"


def test_the_subjects_place_stays_when_the_body_names_none():
    found = values([("subject", "Smoothies på Amager Strand til sommer"),
                    ("body", "Hej\n\nMin søn vil sælge smoothies fra en ladcykel på stranden fra 26. juni til 8. "
                             "august 2027.\n\nMvh\nHanne Kjær\n")])
    assert found["activity_location"] == "Amager Strand"


# ---------------------------------------------------------------- the contact's name and address

@pytest.mark.parametrize("name", ["Hrafn Sigurðsson", "Katharina Weiß", "Þóra Guðmundsdóttir"])
def test_a_name_with_icelandic_or_german_letters_signs_the_mail(name):
    found = body("Hello,\n\nI would like to show a sculpture on Israels Plads from 1 May 2027.\n\nBest wishes,\n"
                 f"{name}\nstudio@atelier.dk\n")
    assert found["contact_name"] == name


_COLLEAGUE = ("Hello,\n\nWe apply for a stand on Ofelia Plads on 3 September 2027. My colleague Tobias Brenner "
              "(t.brenner@nordlicht.de) will be at the site visit, but please address all questions to me.\n\n"
              "With kind regards\n\nKatharina Weiß\nSenior Project Manager\nNordlicht Events GmbH\n")


def test_a_sender_whose_display_name_adds_the_firm_after_a_bar_keeps_her_own_address():
    found = values([("body", _COLLEAGUE)], sender="k.weiss@nordlicht.de",
                   sender_name="Katharina Weiß | Nordlicht Events")
    assert (found["contact_name"], found["contact_email"]) == ("Katharina Weiß", "k.weiss@nordlicht.de")


def test_another_person_before_the_bar_of_the_display_name_gives_no_address():
    found = values([("body", _COLLEAGUE)], sender="info@nordlicht.de", sender_name="Jan Pahl | Nordlicht Events")
    assert found["contact_email"] != "info@nordlicht.de"


# ---------------------------------------------------------------- litres

@pytest.mark.parametrize("line", ["Capacity: max. 30 scooters", "Kapacitet: 40 cykler"])
def test_a_capacity_counted_in_things_is_no_litres(line):
    found = body(f"Hello,\n\nWe apply for a parking area on Sankt Hans Torv.\n\n{line}\n\nRegards\nElif Demir\n")
    assert found.get("litres") is None


@pytest.mark.parametrize("line", ["Capacity: 1.200 litres", "Tankens kapacitet: 2500 l"])
def test_a_capacity_in_litres_stays(line):
    found = body(f"Hej\n\nVi skal have installeret en olietank på Valby Langgade 3.\n\n{line}\n\nMvh\nAli Yilmaz\n")
    assert found["litres"] in (1200, 2500)
