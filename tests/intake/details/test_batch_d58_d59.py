"""Details in the voices of development batches d58 and d59 (session 32), written blind: renewals and repeat
applications with last year's dates and places beside this year's, periods told by holidays, by so many days or by a
permit's extension; and mails naming the business's own address beside a storage place, an installer, a move or a
village street. Each test words its case differently from the batch."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.periods import find_period
from tests.intake.details.reading import values_at

REF = date(2027, 1, 13)
values = values_at(REF)


def body(text: str) -> dict:
    return values([("body", text)])


def period(text: str, reference: date = REF) -> tuple[str | None, str | None]:
    found = find_period(text, reference)
    return (found.start.isoformat() if found.start else None, found.end.isoformat() if found.end else None)


# ---------------------------------------------------------------- last year's dates beside this year's

def test_a_range_in_a_clause_about_an_earlier_year_gives_way_to_this_years():
    assert period("I 2026 havde vi borde ude fra 1. maj til 31. august. I år vil vi gerne starte tidligere, fra "
                  "1. april til 30. september.") == ("2027-04-01", "2027-09-30")
    assert period("Our stall permit for 2026 ran from 3 June to 28 August; this season we ask for 12 June to "
                  "4 September.") == ("2027-06-12", "2027-09-04")


def test_a_range_of_this_year_after_the_earlier_year_is_still_read():
    assert period("The 2026 season went well. We would like 1 May to 30 September this time.") == (
        "2027-05-01", "2027-09-30")


def test_a_period_that_ended_well_before_the_mail_is_no_period_applied_for():
    assert period("Vi havde tilladelse til juletræssalg indtil 23. december 2026. Hvordan søger vi igen?",
                  date(2027, 3, 1)) == (None, None)
    assert period("Our permit ran from 1 April to 30 September 2026. Do we need to apply from scratch?") == (
        None, None)


def test_a_day_just_before_a_late_mail_is_still_read():
    assert period("Vi starter den 2. november og er færdige den 6. november.", date(2026, 12, 3)) == (
        "2026-11-02", "2026-11-06")


def test_an_old_range_gives_way_to_months_written_without_days():
    assert period("Sidste år stod vi der fra 2. maj til 26. juni 2026. I år søger vi hver lørdag i maj og juni.") == (
        "2027-05-01", "2027-06-30")


def test_the_same_as_last_year_is_no_earlier_time():
    assert period("Vi vil gerne have samme opstilling som sidste år, fra 15. april til 15. september.") == (
        "2027-04-15", "2027-09-15")
    assert period("Like last year we would like to stand there on 14 August.") == ("2027-08-14", "2027-08-14")


# ---------------------------------------------------------------- holidays, days listed, extensions, leases

def test_the_easter_holidays_are_maundy_thursday_to_easter_monday():
    assert period("Vi vil gerne sælge påskeliljer fra en bod på Gammeltorv i påsken.") == ("2027-03-25", "2027-03-29")
    assert period("A flower stall from Good Friday to Easter Monday, please.") == ("2027-03-26", "2027-03-29")


def test_a_holiday_is_its_day_in_the_coming_year():
    assert period("Vi holder gadefest på Grundlovsdag.") == ("2027-06-05", "2027-06-05")
    assert period("Vi vil sælge fra Kristi himmelfartsdag til 2. pinsedag.") == ("2027-05-06", "2027-05-17")
    assert period("Christmas market stall until Christmas Eve, from 29 November.") == ("2027-11-29", "2027-12-24")


def test_a_holiday_named_in_passing_gives_way_to_the_dates_written():
    assert period("Vi holder lukket i påsken, men søger om udeservering fra 1. april til 31. oktober.") == (
        "2027-04-01", "2027-10-31")


def test_days_told_as_so_many_then_listed_are_from_the_first_to_the_last():
    assert period("We would like the pitch on two dates: Saturday 8 May, and once more on Saturday 12 June.") == (
        "2027-05-08", "2027-06-12")
    assert period("Vi søger om to dage: lørdag den 4. september og lørdag den 2. oktober.") == (
        "2027-09-04", "2027-10-02")


def test_the_end_of_the_permit_held_is_not_the_end_of_the_extension():
    assert period("Tilladelsen til skurvognen (sag 2026-1187) gælder til 14. februar. Vi har brug for at forlænge "
                  "fra 15. februar, til taget er lagt.") == ("2027-02-15", None)


def test_an_aside_between_the_first_day_and_the_last_keeps_the_range():
    assert period("Vi søger om pladsen fra torsdag den 1. juli (rigning) til og med tirsdag den 6. juli "
                  "(nedtagning).") == ("2027-07-01", "2027-07-06")


def test_the_day_a_lease_begins_is_no_period():
    assert period("Vores lejekontrakt starter 1. marts, og vi vil gerne vide, hvad vi skal søge om.") == (None, None)
    assert period("We signed last week, and the lease starts on 1 February. What do we need?") == (None, None)


def test_a_day_right_after_a_square_is_the_day_not_a_house_number():
    found = body("Jeg vil gerne stå med min crêpe-vogn på Gråbrødretorv 19. juni 2027.")
    assert (found.get("activity_location"), found.get("period_from")) == ("Gråbrødretorv", "2027-06-19")
    found = body("We would like a stall at Kultorvet 2nd July 2027.")
    assert (found.get("activity_location"), found.get("period_from")) == ("Kultorvet", "2027-07-02")


# ---------------------------------------------------------------- places of earlier seasons, the same place again

def test_the_place_of_the_last_seasons_gives_way_to_the_new_one():
    found = body("Vi har solgt is fra cyklen på Amagertorv de sidste tre somre. I år vil vi gerne flytte til "
                 "Sønder Boulevard med cyklen.")
    assert found.get("activity_location") == "Sønder Boulevard"


def test_the_same_place_as_last_year_is_the_site():
    found = body("Sidste år havde vi boden på Halmtorvet (tilladelse 2026-88). I år ønsker vi samme sted, hver "
                 "søndag i juni.")
    assert found.get("activity_location") == "Halmtorvet"


def test_a_place_in_ascii_spelling_after_paa_is_read():
    found = body("Jeg vil gerne have en stadeplads paa Vesterbros Torv til mine planter.")
    assert found.get("activity_location") == "Vesterbros Torv"


def test_where_we_run_a_rental_is_our_own_place():
    found = body("We run the kayak rental on Islands Brygge and would like two tables by the jetty from 1 May to "
                 "31 August.\n\nKajak Brygge ApS, CVR 92207501\nIslands Brygge 10, 2300 København S")
    assert found.get("activity_location") is None


# ---------------------------------------------------------------- whose address, whose name

def test_a_company_that_has_moved_has_its_new_address():
    found = body("Saks & Sæbe ApS er flyttet fra Istedgade 12 til Enghavevej 40, 1674 København V, og vi vil gerne "
                 "have et skilt på den nye adresse.")
    assert (found.get("address"), found.get("postcode")) == ("Enghavevej 40", "1674")


def test_the_installers_address_in_brackets_is_neither_address_nor_site():
    found = body("Vi skal have ny fedtudskiller i køkkenet. Arbejdet udføres af Nordvest VVS ApS (Frederikssundsvej "
                 "200, 2400 København NV).\n\nCafé Kanel ApS, Stefansgade 4, 2200 København N, CVR 92207501")
    assert found.get("activity_location") is None
    assert found.get("address") == "Stefansgade 4"


def test_where_the_equipment_is_kept_is_no_site():
    found = body("We'd like a pitch on Refshaleøen for our pizza truck from 1 June to 31 August. The truck is kept "
                 "in a rented garage at Prøvestensvej 12, 2300 København S.\n\nPizza Pronto I/S, CVR 92207501\n"
                 "Hørsholmsgade 20, 2200 København N")
    assert found.get("activity_location") == "Refshaleøen"


def test_a_storage_hall_demolished_is_still_the_site():
    found = body("Vi skal rive en gammel lagerhal ned på Kløvermarksvej 70, 2300 København S.\n\n"
                 "Amager Ejendomme ApS, CVR 92207501, Amagerbrogade 100, 2300 København S")
    assert (found.get("activity_location") or "").startswith("Kløvermarksvej 70")


def test_a_village_street_keeps_the_villages_name():
    found = body("Firmaet er Svogerslev Tømrer ApS, CVR 92207501, Svogerslev Hovedgade 30, 4000 Roskilde.")
    assert found.get("address") == "Svogerslev Hovedgade 30"
    found = body("Adresse: Stationsvej 4, 2990 Nivå. Vi ønsker et skilt på Nørrebrogade 10.")
    assert found.get("address") == "Stationsvej 4"


def test_a_sentence_opening_word_is_no_part_of_the_street():
    found = body("På Hovedgaden 12, 4000 Roskilde har vi vores værksted.")
    assert found.get("address") == "Hovedgaden 12"


def test_the_firm_named_after_the_words_the_firm_is():
    assert body("Virksomheden er Nordlys Keramik, cvr 92207501.").get("company_name") == "Nordlys Keramik"
    assert body("Butikken er Istedgade 54, 1650 København V. CVR 92207501.").get("company_name") != "Istedgade 54"


def test_the_business_after_the_persons_name_on_a_signature_line():
    assert body("Vi søger om en stadeplads.\n\nKaren Holm, Holms Honning, cvr 92207501, tlf 40 62 71 15").get(
        "company_name") == "Holms Honning"


def test_a_display_name_that_is_the_company_without_its_legal_form_is_no_contact():
    found = extract_details([("body", "Vi vil gerne have et skilt over døren.\nRavn Frisør ApS, cvr 92207501")], {},
                            reference=REF, sender="salon@ravnfrisor.dk", sender_name="Ravn Frisør")
    assert "contact_name" not in found
    found = extract_details([("body", "Container på gaden.\nLis Holm Tømrer & Snedker\ncvr 92207501")], {},
                            reference=REF, sender="lis@holm.dk", sender_name="Lis Holm")
    assert found["contact_name"].value == "Lis Holm"


# ---------------------------------------------------------------- batches d60 and d61: many dates, one period

def test_the_days_the_writer_is_away_are_no_period():
    assert period("Vi søger om stadeplads fra 1. maj og frem. Jeg er på ferie 8.-15. februar.") == ("2027-05-01", None)
    assert period("I'm travelling 2-4 February, so please e-mail. We need the crane on Thursday 18 March.") == (
        "2027-03-18", "2027-03-18")
    assert period("Jeg er i Norge fra 3. til 9. februar. Containeren skal stå fra 1. marts til 19. marts.") == (
        "2027-03-01", "2027-03-19")


def test_the_days_of_a_meeting_a_closure_or_a_holiday_are_no_period():
    assert period("We will meet the neighbours' association on 3 March. Could we have an answer soon?") == (None, None)
    assert period("Vi holder lukket 1.-3. februar på grund af flytningen.") == (None, None)
    assert period("Jeg holder vinterferie i uge 7, men liften skal bruges onsdag den 7. april.") == (
        "2027-04-07", "2027-04-07")


def test_a_day_in_place_of_the_first_if_it_fails_is_no_part_of_the_period():
    assert period("The shoot is on Wednesday 10 March. If it rains we'd move to Thursday 18 March.") == (
        "2027-03-10", "2027-03-10")


def test_when_someone_needs_to_know_is_no_day_applied_for():
    assert period("Our caterer needs to know before 1 March. The party is on Saturday 12 June.") == (
        "2027-06-12", "2027-06-12")


def test_the_day_the_business_opens_gives_way_to_the_day_of_the_work():
    assert period("We are opening a new bakery in the ground floor of Vesterbrogade 40 on Monday 1 March. The oven "
                  "is lifted in by a crane on Tuesday 16 February.") == ("2027-02-16", "2027-02-16")


def test_the_first_weekends_of_a_month_run_from_the_first_saturday_to_the_last_sunday():
    assert period("Vi søger om madmarked de første to weekender i juli.") == ("2027-07-03", "2027-07-11")
    assert period("A flea market on the first three weekends of May.") == ("2027-05-01", "2027-05-16")


def test_a_private_address_in_brackets_is_not_the_business_address():
    found = body("Firmaet er Vinbod ApS, cvr 92207501. Adressen er Istedgade 80, 1650 København V.\n\nHilsen\n"
                 "Ole Vinter\n(privat: Tagensvej 200, 2200 København N)")
    assert (found.get("address"), found.get("activity_location")) == ("Istedgade 80", None)


def test_the_accountants_address_and_mail_are_not_the_business_contact():
    text = ("Vi vil gerne have en ekstra beholder fra 1. marts. Send en kopi af aftalen til vores revisor, Tal & Tal, "
            "Vesterbrogade 10, 1620 København V, post@talogtal.dk.\n\nBo Berg\nBergs Bageri ApS\nIstedgade 12, 1650 "
            "København V")
    found = extract_details([("body", text)], {}, reference=REF, sender="bo@bergsbageri.dk")
    assert found["contact_email"].value == "bo@bergsbageri.dk"
    assert "activity_location" not in found


def test_a_place_since_last_year_is_the_place_still():
    found = body("I have had my pottery studio at Jagtvej 50, 2200 København N since last year and want a sign.")
    assert found.get("address") == "Jagtvej 50"


# ---------------------------------------------------------------- batches d62 and d63: contacts, an ordinary inbox

def test_the_applicants_own_building_is_its_address():
    found = body("Ansøger er Bageriet Korn ApS, CVR 92207501, og bygningen er vores egen: Enghavevej 20, 1674 "
                 "København V. Vi vil bygge en altan.")
    assert (found.get("address"), found.get("activity_location")) == ("Enghavevej 20", None)


def test_the_place_found_for_a_new_business_is_its_address():
    found = body("We have found a place at Jagtvej 12, 2200 København N for our bakery. What permits do we need?")
    assert (found.get("address"), found.get("activity_location")) == ("Jagtvej 12", None)


def test_a_contract_with_the_landlord_starting_is_no_period():
    assert period("The contract with the landlord starts 1 March. What do we need?") == (None, None)


def test_in_front_of_the_premises_then_their_address_is_the_business_address():
    found = body("Vi skal bruge en container på gaden foran restauranten, Nansensgade 20, 1366 København K, fra 1. "
                 "marts til 5. marts.\n\nRestaurant Nansen ApS\nCVR 92207501")
    assert (found.get("address"), found.get("activity_location")) == ("Nansensgade 20", None)


def test_a_current_shop_beside_the_new_lease_is_the_business_address():
    found = body("Our client Pho Hanoi ApS (CVR 92207501) has signed a lease for the former shoe shop at Istedgade 90, "
                 "1650 København V and will open a restaurant there. Their current restaurant is at Vesterbrogade "
                 "20, 1620 København V, which they keep.")
    assert found.get("address") == "Vesterbrogade 20"


def test_a_bare_d_before_the_last_day_keeps_the_range():
    assert period("Containeren skal stå fra mandag d. 7 juni til fredag d 18 juni.") == ("2027-06-07", "2027-06-18")


def test_a_case_handlers_phone_on_her_signature_line_is_the_contacts():
    found = extract_details([("body", "Vi søger om gravetilladelse fra 1. marts til 5. marts. Spørgsmål bedes "
                                      "rettet til Mette.\n\nMed venlig hilsen\nJens Lund, projektleder, 20 91 33 48\n"
                                      "Mette Holm, sagsbehandler, 31 18 22 07\nLund Anlæg ApS, CVR 92207501")], {},
                            reference=REF, sender="jl@lundanlaeg.dk", sender_name="Jens Lund")
    assert (found["contact_name"].value, found["phone"].value) == ("Mette Holm", "31182207")
