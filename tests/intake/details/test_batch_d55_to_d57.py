"""Details in the voices of development batches d55, d56 and d57 (session 31), written blind: small business owners
writing hurriedly themselves (a kiosk on a phone without æøå, a second-language pizzeria owner, a florist, a tattoo
studio); people writing within or for larger organisations (an event agency, a festival's volunteers, a film's
location manager, a church council, a foreign chain's first Danish shop); and mail as it arrives at a shared mailbox
(replies and corrections above the quoted thread, forwards, long signatures). Each test words its case differently
from the batch."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.periods import find_period
from tests.intake.details.reading import values_at

REF = date(2027, 1, 13)
values = values_at(REF)


def body(text: str, subject: str = "") -> dict:
    return values([("subject", subject), ("body", text)] if subject else [("body", text)])


def period(text: str) -> tuple[str | None, str | None]:
    found = find_period(text, REF)
    return (found.start.isoformat() if found.start else None, found.end.isoformat() if found.end else None)


# ---------------------------------------------------------------- build-up and take-down days applied for

def test_weekdays_before_the_event_that_the_text_needs_for_the_build_up_open_the_period():
    assert period("Koncerten er lørdag den 12. juni 2027 kl. 19-23. Vi skal bruge tirsdag og onsdag inden til "
                  "opbygning af scenen.") == ("2027-06-08", "2027-06-12")


def test_the_day_before_and_the_day_after_asked_for_widen_the_event():
    assert period("The market is on 3-4 July 2027. We also need the day after for the take-down and the day before "
                  "for the build-up of the stalls.") == ("2027-07-02", "2027-07-05")


def test_access_needed_from_a_weekday_with_its_day_to_build_opens_the_period():
    assert period("Race days are the 21st-22nd of August 2027. The crew needs access from Thursday the 19th to build "
                  "the start area.") == ("2027-08-19", "2027-08-22")


def test_build_days_only_told_are_no_days_applied_for():
    assert period("Markedet holdes 3.-5. september 2027. Vi bygger boderne op torsdag den 2. september og tager dem "
                  "ned mandag.") == ("2027-09-03", "2027-09-05")
    assert period("Festen er lørdag den 5. juni 2027. Opbygning dagen før.") == ("2027-06-05", "2027-06-05")


def test_a_weekday_between_the_build_word_and_the_day_is_the_events_own():
    # "(opstilling fredag, fest lørdag, oprydning søndag)": Saturday is the party, not a second build day
    assert period("Vi søger for perioden fredag den 11. juni kl. 18 til søndag den 13. juni 2027 (opstilling fredag, "
                  "fest lørdag, oprydning søndag formiddag).") == ("2027-06-11", "2027-06-13")


def test_the_subjects_event_days_give_way_to_the_build_days_the_body_applies_for():
    found = body("Hej\n\nVi søger om at holde gadefest på Jægersborggade. Vi skal bruge fredag til opstilling af "
                 "scenen, og festen er lørdag den 19. juni 2027 kl. 12-22.\n\nMvh\nAnne Holm\n",
                 subject="Gadefest lørdag 19. juni")
    assert (found["period_from"], found["period_to"]) == ("2027-06-18", "2027-06-19")


# ---------------------------------------------------------------- other periods

def test_a_day_and_the_rest_of_the_year_end_on_the_last_of_december():
    found = body("Hej\n\nVi åbner cykelbutik på Nørrebrogade 20 og vil gerne stille cykler ud på fortovet fra "
                 "åbningen fredag den 7. maj og året ud.\n\nMvh\nKarl Berg\n")
    assert (found["period_from"], found["period_to"]) == ("2027-05-07", "2027-12-31")


def test_the_nth_weekend_of_a_month_is_its_saturday_and_sunday():
    assert period("Vi vil holde loppemarked den anden weekend i august, kl. 10-16.") == ("2027-08-14", "2027-08-15")
    assert period("a street party on the last weekend of May") == ("2027-05-29", "2027-05-30")


def test_a_subjects_weekend_gives_way_to_the_days_the_text_writes_out():
    found = values([("subject", "Kulturdage i Enghaveparken – første weekend i september"),
                    ("body", "Hej\n\nVi søger om kulturdage i Enghaveparken fredag den 3. til søndag den 5. "
                             "september 2027.\n\nMvh\nYasmin Ali\n")])
    assert (found["period_from"], found["period_to"]) == ("2027-09-03", "2027-09-05")


def test_a_date_when_something_stopped_is_no_period():
    assert period("Forrige ejer havde en aftale med et vognmandsfirma, men den er stoppet 31 december, og nu står "
                  "papkasserne i kælderen.") == (None, None)


def test_from_a_week_until_a_day_starts_on_the_weeks_monday():
    assert period("Jeg vil gerne stå på julemarkedet fra uge 47 til og med 20. december, alle dage.") == (
        "2027-11-22", "2027-12-20")


def test_the_whole_summer_from_one_month_through_another():
    assert period("vi vil gerne have borde ude hele sommeren juni til og med september") == ("2027-06-01",
                                                                                         "2027-09-30")



# ---------------------------------------------------------------- the person to contact

def test_questions_may_be_directed_to_an_attorney_names_the_contact():
    found = body("Dear Sir or Madam,\n\nWe act for Havnegrill ApS, CVR 23322242, and apply for outdoor serving.\n\n"
                 "Questions may be directed to attorney Mikkel Brandt, mb@lawfirm.dk, direct line +45 33 12 45 67.\n\n"
                 "Yours faithfully\nAnna Berg\nLegal Secretary\n")
    assert found["contact_name"] == "Mikkel Brandt"


def test_please_reply_to_our_manager_names_the_contact():
    found = body("Hello,\n\nWe open a bakery on Jægersborggade and would like a sign.\n\nPlease reply to our Danish "
                 "store manager Line Kragh, line@bakery.dk, who speaks Danish.\n\nKind regards\nTom Weber\n"
                 "Head of Retail\n")
    assert found["contact_name"] == "Line Kragh"


def test_liaise_with_a_manager_named_after_a_longer_role():
    found = body("Hi,\n\nWe need a container on Nørrebrogade 20 from 1 to 12 March 2027.\n\nPlease liaise with our "
                 "site manager on the Nørrebro project, Jonas Holm (jonas@build.dk, +45 60 11 22 33).\n\nKind regards\n"
                 "Eva Lind\nFacility Coordinator\n")
    assert found["contact_name"] == "Jonas Holm"


def test_a_writer_reached_about_one_matter_gives_way_to_the_named_contact():
    found = body("Dear Byliv,\n\nWe apply for our street festival on Blågårds Plads on 5 June 2027.\n\nPlease liaise "
                 "with our production manager Maja Friis (maja@fest.dk, +45 53 19 84 27) on everything about the "
                 "application. I can be reached on 26 40 17 95 about the volunteers.\n\nBest wishes\nSara Lund\n"
                 "Volunteer Coordinator\n")
    assert found["contact_name"] == "Maja Friis"


def test_the_clients_contact_person_gives_way_to_the_undersigned_the_writer_asks_for():
    found = body("Kære Erhvervsservice\n\nPå vegne af vores kunde, Holm Forsikring A/S (CVR 56174397), søger vi om en "
                 "sommerfest i Fælledparken den 18. juni 2027.\n\nKontaktperson hos kunden er HR-chef Lise Holm, men "
                 "alle praktiske spørgsmål bedes rettet til undertegnede.\n\nMed venlig hilsen\nPeter Dahl\n"
                 "Projektleder\nEvent ApS\n")
    assert found["contact_name"] == "Peter Dahl"


def test_a_caretakers_title_under_his_name_is_no_company():
    found = body("Hej\n\nSkolen holder sommerfest lørdag den 5. juni 2027 og vil gerne låne vejen.\n\nHilsen\n"
                 "Henrik Berg\nPedel, Vanløse Friskole\nTlf. 21 43 80 66\n")
    assert found.get("company_name") != "Pedel, Vanløse Friskole"
    found = body("Dear Sir/Madam,\n\nI am the caretaker at Amager International School (CVR 23685477) and send the "
                 "application for our fete on 5 June 2027.\n\nKind regards\nBent Holm\nCaretaker\n")
    assert found.get("company_name") != "Caretaker"


# ---------------------------------------------------------------- addresses and sites

def test_a_company_name_may_open_with_a_turkish_capital():
    found = body("Hej\n\nVi åbner pizzeria på Valby Langgade 45.\n\nHilsen\nMehmet Öztürk\nŞahin Pizza ApS\n"
                 "cvr 65082993\n")
    assert found["company_name"] == "Şahin Pizza ApS"


def test_the_owner_the_building_belongs_to_has_its_own_address():
    found = body("Hi,\n\nWe opened Pedal Cykler ApS (CVR 96854153) at Nansensgade 20, st., 1366 København K, and would "
                 "like a sign.\n\nThe building belongs to Nansen Ejendomme A/S, Nansensgade 18, who said we need your "
                 "permission.\n\nThanks\nTom Ray\n")
    assert found["address"] == "Nansensgade 20, st."
    assert "activity_location" not in found


def test_moving_the_salon_from_one_address_to_another_makes_the_second_its_address():
    found = body("Hej\n\nVi flytter butikken fra Nørrebrogade 12 til Jagtvej 60, 1. th., 2200 København N pr. 1. april "
                 "og skal have skilt op på den nye adresse.\n\nHilsen\nLis Holm\nHolm Sko ApS\nCVR 52712904\n")
    assert found["address"] == "Jagtvej 60, 1. th"


def test_a_studio_which_is_also_the_company_address_is_the_address_beside_a_new_one():
    found = body("Hello,\n\nWe are opening our second shop at Amagerbrogade 74, st. in April and want a sign above "
                 "the window. Our first shop, which is also the company address, is at Valby Langgade 52, 1. sal, "
                 "2500 Valby.\n\nCompany: Nordic Nails ApS, CVR 53890601\n\nKind regards\nMai Tran\n")
    assert found["address"] == "Valby Langgade 52, 1."
    assert found["activity_location"].startswith("Amagerbrogade 74")


def test_our_office_is_at_is_the_address_beside_the_shop_used_for_a_show():
    found = body("Hi,\n\nArt Room ApS (CVR 28918194) runs a pop-up gallery in the empty shop at Vesterbrogade 54, st. "
                 "from 5 to 30 May 2027 and would like to hang a banner.\n\nOur office is at Bredgade 10, 2. sal, 1260 "
                 "København K.\n\nBest,\nMaja Holm\n")
    assert found["address"] == "Bredgade 10, 2."
    assert found["activity_location"].startswith("Vesterbrogade 54")


def test_the_writers_own_home_beside_the_company_address_is_no_site():
    found = body("Hej\n\nVi søger stadeplads til vores kaffevogn på Kultorvet, hverdage fra 1. februar til 26. marts "
                 "2027.\n\nFirmaet: Kaffe på Hjul ApS, CVR 54158181, Glentevej 2, 2400 København NV.\nJeg bor selv "
                 "lige ved siden af på Nørre Voldgade 40, 2. th., så jeg kan hurtigt være der.\n\nHilsen\nNanna Berg\n")
    assert found["address"] == "Glentevej 2"
    assert not found.get("activity_location", "").startswith("Nørre Voldgade")
    found = body("Hi,\n\nOur company address is our kitchen at Glentevej 10, 2400 København NV. The register still "
                 "shows my private address, Bredgade 15, 3. tv, which is outdated. We would like a vending spot at "
                 "Kultorvet from 1 March to 31 May 2027.\n\nRegards\nJi Park\nSeoul Food ApS\n")
    assert not found.get("activity_location", "").startswith("Bredgade")


# ---------------------------------------------------------------- phones

def test_the_forwarded_authors_own_phone_when_the_forwarder_names_her_as_the_one_to_answer():
    found = values([("subject", "VS: Erhvervsaffald"),
                    ("body", "Goddag\n\nVores klient har bedt os videresende nedenstående. Svar venligst direkte til "
                             "Mette Berg, som har skrevet mailen.\n\nMed venlig hilsen\nOle Lund\nRevisor\n"
                             "Tlf. 38 33 60 10\n\n-----Oprindelig meddelelse-----\nFra: Mette Berg "
                             "<mette@bageriet.dk>\nSendt: 11. januar 2027 21:14\nTil: Ole Lund\nEmne: Erhvervsaffald\n"
                             "\nHej Ole\nKan du sende det videre? Bageriet Krummen ApS, CVR 93532902, Tøndergade 7, "
                             "1752 København V, skal have en ordning for erhvervsaffald. Jeg kan fanges på 61 27 03 94."
                             "\n\nTak!\nMette\n")])
    assert found["contact_email"] == "mette@bageriet.dk"
    assert found["phone"] == "61270394"


def test_a_relative_reached_at_another_number_leaves_the_writers_own():
    found = body("Hej\n\nVi vil gerne have sløjfet olietanken ved drivhuset i marts.\n\nMed venlig hilsen\nPia Holm\n"
                 "Holm Planter I/S\n26 71 05 38\n(min mand Ole kan også træffes på 20 88 14 60)\n")
    assert found["phone"] == "26710538"


def test_the_hotels_contact_is_not_the_applicants():
    found = body("Hello,\n\nWe are a floral studio and need a small lift on the quay at Nyhavn 61 from 2 to 5 June "
                 "2027. The hotel's contact is Marie Lund (event manager), 33 14 55 60.\n\nPlease reply to me: "
                 "ella@studio.dk\n\nBest,\nElla Morgan\nWild Stems\n+45 42 60 17 98\n")
    assert found["contact_name"] == "Ella Morgan"
    assert found["phone"] == "42601798"


# ---------------------------------------------------------------- corrections and threads (d57)

def test_days_put_in_place_of_others_replace_them_in_the_quoted_mail_too():
    found = body("Hej igen\n\nVi har rykket det en uge. Arbejdet bliver derfor 15.–19. marts i stedet for 8.–12. "
                 "marts.\n\nMvh Jens\n\n> Hej\n> Vi søger om gravetilladelse på Vermundsgade 38.\n> Periode: 8.–12. "
                 "marts 2027.\n")
    assert (found["period_from"], found["period_to"]) == ("2027-03-15", "2027-03-19")
    found = body("Hej\n\nDen nye dato er lørdag d. 3. juli (ikke 26. juni som skrevet nedenfor).\n\nMvh Anne\n\n> Vi "
                 "søger om gadefest på Blågårds Plads lørdag d. 26. juni 2027 kl. 12-22.\n")
    assert (found["period_from"], found["period_to"]) == ("2027-07-03", "2027-07-03")


def test_the_company_address_in_another_firms_care_is_the_address():
    found = body("Københavns Kommune\nCenter for Bygninger\nVedr.: Anmeldelse af nedrivning, Amagervej 12, 2300 "
                 "København S\n\nEjendomsselskabet Amagervej 12 ApS, CVR 41849991, ønsker at nedrive det tidligere "
                 "lagerbaghus i gården på Amagervej 12. Baghuset er opført i 1950 i ét plan.\n\nNedrivningen forventes "
                 "at finde sted i perioden 1. – 26. marts 2027.\n\nSelskabets kontaktperson er direktør Poul Holm, "
                 "tlf. 40 12 77 63, ph@a12.dk.\n\nSelskabets adresse er c/o Holm Administration, Lyngbyvej 155, 2100 "
                 "København Ø.\n\nMed venlig hilsen\nEjendomsselskabet Amagervej 12 ApS\nPoul Holm\n")
    assert found["address"] == "Lyngbyvej 155"
    assert found["activity_location"].startswith("Amagervej 12")


def test_a_suppliers_address_in_brackets_is_not_the_applicants():
    found = extract_details(
        [("subject", "FW: Sign"),
         ("body", "Dear Sir/Madam,\n\nPlease see below. We would like to mount a sign on the facade of Hotel Sund, "
                  "Istedgade 7, 1650 Copenhagen V.\nCompany: Hotel Sund A/S, CVR 32194389.\n\nKind regards\nAnne "
                  "Holm\nMarketing Manager\n\nFrom: Ole Brink <gm@hotelsund.dk>\nSent: Monday, January 11, 2027 8:55 "
                  "AM\nTo: Anne Holm <anne@hotelsund.dk>\nSubject: Sign\n\nHi Anne,\nThe sign supplier (Lys Nord, "
                  "Gladsaxevej 88) is ready to install in March.\nOle\n")],
        {}, reference=REF, sender="anne@hotelsund.dk", sender_name="Anne Holm")
    assert found["address"].value == "Istedgade 7"


def test_the_senders_own_first_mail_under_the_caseworkers_reply_stays():
    found = values([("subject", "SV: Stadeplads december"),
                    ("body", "Hej Jette\n\nOk, så søger jeg i stedet om en plads ved Kultorvet, på samme vilkår som "
                             "nedenfor.\n\nHilsen\nKarl\n\nFra: Jette Brandt <byliv@kk.dk>\nSendt: 11. januar 2027 "
                             "14:22\nTil: x@example.dk\nEmne: SV: Stadeplads december\n\nKære Karl\nPladserne er "
                             "fordelt.\n\nVenlig hilsen\nJette Brandt\n\nFra: Karl Berg <x@example.dk>\nSendt: 6. "
                             "januar 2027 09:03\nTil: byliv@kk.dk\nEmne: Stadeplads december\n\nHej\nJeg sælger "
                             "æbleskiver fra en bod og søger stadeplads fra 26. november til 23. december 2027.\n"
                             "Karls Æbleskiver ApS\nCVR 22131257\nRavnsborggade 7, 2. tv., 2200 København N\n"
                             "Mobil 27 60 34 98\n")])
    assert found["cvr"] == "22131257"
    assert found["address"] == "Ravnsborggade 7, 2. tv"
    assert (found["period_from"], found["period_to"]) == ("2027-11-26", "2027-12-23")


def test_the_house_number_named_as_such_corrects_the_quoted_mails():
    found = body("Hej\n\nBeklager, der var en fejl i ansøgningen herunder: husnummeret er 52, ikke 25. Butikken ligger "
                 "altså i Istedgade 52, st.\n\nSofie\n\n> Vi vil gerne sætte et skilt op over vinduet.\n> Adressen er "
                 "Istedgade 25, st., 1650 København V.\n> Tre Kopper ApS, CVR 81389152\n")
    assert found["address"] == "Istedgade 52, st."
    assert "activity_location" not in found


def test_a_workshop_in_the_yard_behind_a_house_is_the_business_own():
    found = body("Hej\n\nJeg har snedkerværksted i gården bag Vognmandsmarken 9, 2100 København Ø (lejer hele "
                 "baghuset). Jeg vil gerne rive det gamle skur ned og bygge et halvtag på 6 x 5 m.\n\nUdlejer er Vogn "
                 "Ejendomme ApS, Strandvejen 100, 2900 Hellerup.\n\nMvh\nJens Lind\nJL Snedker\nCVR 47009332\n")
    assert found["address"] == "Vognmandsmarken 9"
    assert "activity_location" not in found
