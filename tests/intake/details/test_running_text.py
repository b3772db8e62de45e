"""Details in running text written in other voices: appositive company names, sites named by the work or a
building, applicant labels under a heading about the event, floor fields, foreign phones, sizes of signs."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.addresses import join_parts
from intake.details.names import find_company
from intake.details.sites import find_addresses

REF = date(2027, 1, 15)


def values(text: str, form: dict[str, str] | None = None) -> dict:
    return {k: f.value for k, f in extract_details([("body", text)], form or {}, reference=REF).items()}


# ---------------------------------------------------------------- company names

@pytest.mark.parametrize(("text", "company"), [
    ("Jeg har netop startet en enkeltmandsvirksomhed, Vinther Cykelservice, med CVR-nr 39 87 65 43.",
     "Vinther Cykelservice"),
    ("I run a one-person business from home, Nielsen Event Catering (CVR 37 90 12 44).", "Nielsen Event Catering"),
    ("Vi har et lille firma, Holm og Datter, CVR 12345678, og skal bruge en container.", "Holm og Datter"),
    ("Mit firma er Yildiz Ristede Nødder, CVR 43 83 53 00, og jeg søger om stadeplads.", "Yildiz Ristede Nødder"),
    ("Mit værksted hedder Cykelsmeden på Hjørnet (CVR 43835300).", "Cykelsmeden på Hjørnet"),
])
def test_a_company_named_after_the_word_for_it_is_found(text, company):
    assert find_company(text, has_cvr=True) == company


def test_a_place_in_front_of_which_something_happens_is_not_the_company():
    text = ("I run a one-person business from home, Nielsen Event Catering (CVR 37 90 12 44). I would like to "
            "park a food truck in front of Kulturhuset Islands Brygge on 10 July.")
    assert find_company(text, has_cvr=True) == "Nielsen Event Catering"
    assert find_company("We will park in front of Kulturhuset Islands Brygge.", has_cvr=False) is None


# ---------------------------------------------------------------- whose address

@pytest.mark.parametrize(("text", "address", "site"), [
    ("Vi skal ombygge et hus på Frejasvej 14, 2500 Valby. Jeg har adresse på Vigerslev Allé 120, 2. th, 2500 Valby.",
     "Vigerslev Allé 120, 2. th", "Frejasvej 14"),
    ("We will erect scaffolding along the facade of the building at Ravnsborggade 12, 2200 Copenhagen N.\n\n"
     "Olsen Stillads A/S\nKornmarksvej 21, 2605 Brøndby", "Kornmarksvej 21", "Ravnsborggade 12"),
    ("Vi skal male facaden på Åboulevard 33. Vores adresse er Tårnvej 221, 2610 Rødovre.",
     "Tårnvej 221", "Åboulevard 33"),
])
def test_the_work_s_place_is_told_from_the_business_address(text, address, site):
    found = find_addresses(text)
    assert (found.get("address"), found["activity_location"].split(",")[0]) == (address, site)


def test_a_named_place_in_front_of_which_the_activity_is_is_the_site():
    found = find_addresses("I live at Amager Strandvej 108 B, st. tv, 2300 København S. I would like to park a food "
                           "truck in front of Kulturhuset Islands Brygge on 10 July.")
    assert found["address"] == "Amager Strandvej 108B, st. tv"
    assert found["activity_location"] == "Kulturhuset Islands Brygge"


def test_the_organiser_s_address_under_an_event_heading_is_the_business_address():
    text = ("Event notification\n\nOrganiser: Soundwave Events ApS, CVR 40 30 20 10\n"
            "Organiser address: Refshalevej 163A, 1432 København K\nContact: Freja Holm, +45 28 28 30 30\n\n"
            "We plan an open-air concert in Kongens Have on Saturday 14 August 2027 for about 2,500 guests.")
    found = values(text)
    assert (found["address"], found["postcode"]) == ("Refshalevej 163A", "1432")
    assert found["activity_location"] == "Kongens Have"


def test_an_address_under_a_work_heading_is_still_the_site():
    found = values("Oplysninger om arbejdet\nAdresse: Classensgade 52\nPostnr. og by: 2100 København Ø\n")
    assert found["activity_location"] == "Classensgade 52" and "address" not in found


# ---------------------------------------------------------------- forms, phones, amounts

@pytest.mark.parametrize(("parts", "address"), [
    (("Store Kongensgade 40", "", "st.", ""), "Store Kongensgade 40, st."),
    (("Tagensvej 120", "", "3", "tv"), "Tagensvej 120, 3. tv"),
    (("Tagensvej", "120", "3", "tv"), "Tagensvej 120, 3. tv"),
    (("Tagensvej 120, 2. th", "", "3", "tv"), "Tagensvej 120, 2. th"),      # the address's own floor wins
    (("Kongens Have", "", "st.", ""), "Kongens Have"),
])
def test_a_floor_field_completes_a_street_and_number_field(parts, address):
    assert join_parts(*parts) == address


def test_a_form_with_street_and_number_in_one_field_keeps_its_floor():
    found = values("", {"Gade og husnummer": "Store Kongensgade 40", "Etage": "st.",
                        "Postnr. og by": "1264 København K"})
    assert (found["address"], found["postcode"]) == ("Store Kongensgade 40, st.", "1264")


@pytest.mark.parametrize("text", ["Piotr Nowak\nphone +48 601 234 567", "Tel. 0048 601 234 567",
                                  "Telefon: 12 34 56 78 90 12"])
def test_a_foreign_or_longer_number_is_not_a_danish_phone(text):
    assert "phone" not in values(text)


@pytest.mark.parametrize("text", ["Tlf. +45 40 12 77 85", "phone: 0045 4012 7785", "Mobil 40127785"])
def test_a_danish_phone_is_still_found(text):
    assert values(text)["phone"] == "40127785"


@pytest.mark.parametrize("text", ["Vi ønsker et lysskilt på 3 x 0,5 m over indgangen.",
                                  "Stage: 6 x 8 m, sound from 18 to 22.", "25 panels of 1 x 2 m."])
def test_the_size_of_a_sign_or_stage_is_no_area(text):
    assert "area_m2" not in values(text)


def test_the_size_of_a_container_is_an_area():
    assert values("Vi stiller en container på 6 x 2,5 m på vejen.")["area_m2"] == 15


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("text", [
    "en enkeltmandsvirksomhed, " * 40_000,
    "in front of Kulturhuset " * 40_000,
    "ombygge et hus på " * 50_000,
    "skilt 3 x 0,5 m " * 60_000,
    "Organiser address: " * 50_000,
    "phone +48 601 234 567 " * 40_000,
], ids=["sole-trader", "in-front-of", "work-premises", "sign-sizes", "labels", "foreign-phones"])
def test_the_new_patterns_take_well_under_a_second_on_a_megabyte(text):
    started = time.perf_counter()
    extract_details([("body", text)], reference=REF)
    assert time.perf_counter() - started < 15.0     # linear: about a second on a loaded machine


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Jeg skal bruge stillads på fortovet i 10 dage fra mandag den 7. juni 2027.", "2027-06-07", "2027-06-16"),
    ("Vi regner med at arbejdet tager 3 dage fra den 14. juni 2027.", "2027-06-14", "2027-06-16"),
    ("a crane for two weeks starting 2 August 2027", "2027-08-02", "2027-08-15"),
    ("from 1st of March until the end of April 2027", "2027-03-01", "2027-04-30"),
    ("Vi søger om udeservering i hele maj og juni 2027.", "2027-05-01", "2027-06-30"),
    ("free yoga every Sunday morning in June 2027", "2027-06-01", "2027-06-30"),
    ("Vi søger om stader fra april til oktober.", "2027-04-01", "2027-10-31"),
    ("julemarked weekenderne 4.-5. og 11.-12. december 2027", "2027-12-04", "2027-12-12"),
    ("jeg skal bruge en lift d 2/9 2027 fra 8-15", "2027-09-02", "2027-09-02"),
    ("Vi holder sommerfest i gården lørdag 26. juni 2027.", "2027-06-26", "2027-06-26"),
])
def test_periods_written_as_lengths_months_and_lists(text, start, end):
    found = values(text)
    assert (found.get("period_from"), found.get("period_to")) == (start, end)


@pytest.mark.parametrize(("text", "start"), [
    ("We are opening a second branch in April 2027 and want to put up a sign.", None),
    ("Vi starter 7. juni 2027. Svar gerne inden 5 dage.", "2027-06-07"),
    ("We may put up a sign later.", None),
])
def test_a_month_or_a_length_of_the_story_is_no_period(text, start):
    found = values(text)
    assert (found.get("period_from"), found.get("period_to")) in ((start, None), (start, start))


@pytest.mark.parametrize("text", ["i hele maj og " * 50_000, "10 dage fra " * 80_000, "4.-5. og " * 100_000,
                                  "until the end of " * 50_000])
def test_period_patterns_take_well_under_a_second_on_a_megabyte(text):
    started = time.perf_counter()
    extract_details([("body", text)], reference=REF)
    assert time.perf_counter() - started < 15.0     # linear: about a second on a loaded machine


# ---------------------------------------------------------------- people, companies and places of batch p

@pytest.mark.parametrize(("text", "name"), [
    ("Vh\nJ. Bønnelykke\nindehaver", "J. Bønnelykke"),
    ("my name is Ayşe Kaya, I am the owner", "Ayşe Kaya"),
    ("Please reply to our manager Signe Mørk (signe@example.dk).", "Signe Mørk"),
    ("Vedhæftet.\n\n-- \nTine Bach\nBach Rengøring", "Tine Bach"),
    ("Kontakt: byggeleder Rune Dam, 40 40 12 90.", "Rune Dam"),
])
def test_contact_names_in_other_voices(text, name):
    assert values(text)["contact_name"] == name


@pytest.mark.parametrize(("text", "company"), [
    ("jeg er selvstændig tømrer, Tømrer Nygaard, cvr 35889120.", "Tømrer Nygaard"),
    ("foran vores bistro, Bistro Bønne, Elmegade 5. CVR 39 45 81 20", "Bistro Bønne"),
    ("Firmaet Entreprenørfirmaet Dam & Co. ApS, CVR 33 60 44 19, ansøger", "Entreprenørfirmaet Dam & Co. ApS"),
])
def test_company_names_in_other_voices(text, company):
    assert values(text)["company_name"] == company


def test_a_sole_trader_s_name_in_a_form_field_gives_company_and_contact():
    found = values("", {"Ansøger": "Mettes Byggeservice v/ Mette Sommer", "Navn på forretning": "Café Smilet"})
    assert found["contact_name"] == "Mette Sommer"
    assert found["company_name"] == "Mettes Byggeservice v/ Mette Sommer"
    assert values("", {"Navn på forretning": "Café Smilet"})["company_name"] == "Café Smilet"


@pytest.mark.parametrize(("text", "site"), [
    ("Vi vil holde en gratis koncert i Superkilen lørdag den 21. august 2027.", "Superkilen"),
    ("We would like to film a short scene on Strøget on 12 May 2027.", "Strøget"),
    ("Løbet starter og slutter ved Langelinie søndag den 16. maj 2027.", "Langelinie"),
])
def test_a_named_place_of_an_event_is_the_site(text, site):
    assert values(text)["activity_location"] == site


@pytest.mark.parametrize("text", ["Vi holder fest i København i juni.", "Koncerten er i Maj.",
                                  "We will hold a market on Saturday."])
def test_a_town_a_month_or_a_weekday_is_no_event_place(text):
    assert "activity_location" not in values(text)


def test_a_street_named_after_a_district_and_a_street_without_a_usual_ending():
    assert values("Ansøger, Bispebjerg Parkallé 3, 2400 København NV")["address"] == "Bispebjerg Parkallé 3"
    assert values("Vores café ligger på Overgaden Neden Vandet 17, 1414 København K.")["address"] == (
        "Overgaden Neden Vandet 17")


def test_a_site_manager_s_signature_address_is_the_business_address():
    text = ("Scaffolding at Saxogade 66 from 1 March 2027.\n\nKind regards\nJames O'Connor\n"
            "Site Manager, Danish Roofing Ltd\nRoskildevej 340, 2630 Taastrup")
    found = values(text)
    assert (found["address"], found["activity_location"]) == ("Roskildevej 340", "Saxogade 66")


@pytest.mark.parametrize("guests", ["Forventet deltagerantal: 300", "Vi er ca. 300 beboere", "Attendance: 300"])
def test_guest_counts_written_as_labels_and_residents(guests):
    assert values(guests)["guests"] == 300


@pytest.mark.parametrize("text", ["koncert i " * 100_000, "J. " * 300_000, "v/ " * 300_000 + "x",
                                  "film on Aaa " * 80_000])
def test_batch_p_patterns_take_well_under_a_second_on_a_megabyte(text):
    started = time.perf_counter()
    extract_details([("body", text)], {"Ansøger": text[:5000]}, reference=REF)
    assert time.perf_counter() - started < 15.0     # linear: about a second on a loaded machine


# ---------------------------------------------------------------- batch q

def test_in_front_of_the_premises_at_an_address_is_the_address_and_no_site():
    found = values("Vi søger om udeservering foran caféen på Sankt Peders Stræde 28 A, 2. tv, 1453 København K.")
    assert (found["address"], found["postcode"]) == ("Sankt Peders Stræde 28A, 2. tv", "1453")
    assert "activity_location" not in found


def test_outside_a_named_place_at_an_address_is_the_site_when_the_premises_are_elsewhere():
    found = values("A tasting stand outside Torvehallerne, Frederiksborggade 21, on 15 July 2027. "
                   "Our premises are located at Borups Allé 177, 2400 København NV.")
    assert (found["address"], found["activity_location"]) == ("Borups Allé 177", "Frederiksborggade 21")


def test_a_container_in_front_of_my_house_is_at_my_house():
    found = values("Min håndværker skal bruge en container foran mit hus på Grøndalsvej 12, 2720 Vanløse.")
    assert found["address"] == "Grøndalsvej 12" and "activity_location" not in found


@pytest.mark.parametrize(("text", "start", "end"), [
    ("stillads mandag til fredag i uge 34 2027", "2027-08-23", "2027-08-27"),
    ("4 borde ude fra 1. april 2027 og året ud", "2027-04-01", "2027-12-31"),
    ("perform at Nytorv on the weekends in June 2027", "2027-06-01", "2027-06-30"),
    ("Periode: 1/5-30/9 2027", "2027-05-01", "2027-09-30"),
])
def test_periods_of_batch_q(text, start, end):
    found = values(text)
    assert (found.get("period_from"), found.get("period_to")) == (start, end)


def test_day_month_and_a_two_digit_year_keep_one_separator():
    assert values("Periode: 1/5-30/9")["period_from"] == "2027-05-01"          # not 1 May 2030
    assert values("Periode: 1.5.27 - 30.9.27")["period_to"] == "2027-09-30"


def test_a_company_named_as_a_sole_trader_after_som():
    assert values("Jeg har åbnet tøjbutikken Genbrugsperlen som enkeltmandsvirksomhed (CVR 45 12 60 33).")[
        "company_name"] == "Genbrugsperlen"


def test_a_title_before_a_signed_name_and_a_dash_before_the_cvr():
    assert values("Venlig hilsen\nklinikchef Marianne Friis\ntelefon 33 13 40 40")["contact_name"] == "Marianne Friis"
    assert values("", {"Firma": "Elektrikeren Nørrebro ApS - CVR 34 56 10 82"})["company_name"] == (
        "Elektrikeren Nørrebro ApS")


def test_a_street_only_inside_the_company_name_is_no_site():
    found = values("Tandlægerne i Gothersgade ApS, CVR 36 18 27 90, holder til på Gothersgade 8B, 1. sal, 1123 "
                   "København K. Vi ønsker en skilteplade ved gadedøren.")
    assert "activity_location" not in found
    found = values("Foreningen Musik i Fælledparken vil holde en koncert i Fælledparken lørdag den 7. august 2027.")
    assert found["activity_location"] == "Fælledparken"


# ---------------------------------------------------------------- batch r

def test_months_joined_by_through():
    found = values("three small tables outside our café from April through September 2027")
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-09-30")


def test_an_initial_inside_a_company_name_ends_no_sentence():
    found = values("Hej, jeg er indehaver af Malerfirmaet M. Brandt (cvr 31 09 44 72) og skal bruge en container.")
    assert found["company_name"] == "Malerfirmaet M. Brandt"


def test_og_driver_enkeltmandsvirksomheden_x():
    found = values("Jeg hedder Amira Haddad og driver enkeltmandsvirksomheden Amiras Falafel (CVR 43887120).")
    assert found["company_name"] == "Amiras Falafel"


@pytest.mark.parametrize("text", [
    "Skal bruge plads til en container foran Istedgade 84 (1650 kbh V) fra mandag d 7/12 til fredag d 18/12.",
    "Containeren skal stå der fra d 7.12 til d 18.12.",
])
def test_d_for_den_without_its_dot_before_a_day_and_month(text):
    found = values(text)
    assert (found.get("period_from"), found.get("period_to")) == ("2027-12-07", "2027-12-18")


def test_the_cvr_under_an_agents_own_company_is_not_the_clients():
    """An accountant forwards the client's mail: the accountant's signature (its firm and CVR) comes first, the
    client's own "vores CVR er ..." in the forwarded mail below. The client's name goes with the client's CVR."""
    text = ("Hej Erhvervsservice\n\nJeg er revisor for Kaffe Kompagniet Refshaleøen ApS og videresender nedenstående "
            "fra min kunde, Martin Dahl, som har bedt mig hjælpe med at finde ud af, hvilke tilladelser der skal "
            "søges om, inden de flytter risteriet til en større hal.\n\nMed venlig hilsen\n\nJakob Lund\n"
            "Statsautoriseret revisor\nLund Revision ApS\nFrederiksberggade 16, 3.\n1459 København K\n"
            "Tlf. 33 12 87 40\nCVR 95220703\n\n---------- Forwarded message ---------\nFra: Martin Dahl "
            "<martin@kaffekompagniet.dk>\nSubject: Flytning af risteri\n\nHej Jakob\n\nVi flytter risteriet til "
            "Borgbjergsvej 9, 2450 København SV, og skal vel have en miljøgodkendelse. Vores CVR er 10410800.\n\n"
            "Martin\nKaffe Kompagniet Refshaleøen ApS\ntlf. 28 70 53 19")
    found = values(text)
    assert (found["company_name"], found["cvr"]) == ("Kaffe Kompagniet Refshaleøen ApS", "10410800")
    # the same signature, its CVR on the line under the firm, in a mail that names no other company: its own
    assert values(text.split("\n\n---")[0].replace("revisor for Kaffe Kompagniet Refshaleøen ApS", "revisor"))[
        "cvr"] == "95220703"


def test_asked_to_write_to_a_person_at_their_address_makes_them_the_contact():
    text = ("Jeg er revisor for kunden og videresender hans mail. Jeg vil foreslå, at I svarer direkte til Martin "
            "(martin@kaffekompagniet.dk) med mig cc.\n\nMed venlig hilsen\nJakob Lund\nLund Revision ApS\n\n"
            "---------- Forwarded message ---------\nFra: Martin Dahl <martin@kaffekompagniet.dk>\n\nHej Jakob\n\n"
            "Vi flytter risteriet og skal vel have en miljøgodkendelse.\n\nMartin")
    found = extract_details([("body", text)], reference=REF, sender="jl@lundrevision.dk", sender_name="Jakob Lund")
    assert (found["contact_name"].value, found["contact_email"].value) == ("Martin Dahl", "martin@kaffekompagniet.dk")


def test_an_address_named_in_passing_is_not_the_senders():
    text = ("På vegne af Restaurant Hav & Have ApS, CVR 30309537, søger vi om tilladelse til en fedtudskiller på "
            "Nyhavn 41, 1051 København K.\n\nKontakt vedr. ansøgningen: undertegnede, tlf. 27 14 39 02. Restaurantens "
            "ejer Sebastian Holm (sebastian@havoghave.dk) er orienteret.\n\nVenlig hilsen\nMorten Vang\n"
            "VVS-ingeniør")
    found = extract_details([("body", text)], reference=REF, sender="mv@vang-vvsraadgivning.dk",
                            sender_name="Morten Vang")
    assert (found["contact_name"].value, found["contact_email"].value) == ("Morten Vang", "mv@vang-vvsraadgivning.dk")


def test_the_weekends_of_a_month_are_that_month():
    found = values("I would like to sell shaved ice from my cart on Israels Plads on the weekends of June 2027, "
                   "12:00-19:00.")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-06-01", "2027-06-30")


def test_a_postcode_before_its_town_is_no_house_number():
    text = ("Jeg vil gerne søge om stadeplads igen til næste jul, samme sted Blågårds Plads 2200 København N, samme "
            "vogn.\n\nMange hilsen\nMehmet Yildiz\nHillerødgade 60, 3. th\n2200 København N")
    found = values(text)
    assert (found["address"], found["postcode"]) == ("Hillerødgade 60, 3. th", "2200")
    assert find_addresses("Refshalevej 163A 1432 København K")["address"] == "Refshalevej 163A"
