"""Details in the voices of development batch d8: a colleague named as the one to contact, a role written before a
signed name, a valediction with more words than a greeting ("Thanks a lot"), and the end of a period written "indtil
1/10", "t.o.m." after a day and month with their dots, or "to and including"."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.names import find_company, find_contact
from intake.details.periods import Period, find_period
from intake.details.sites import find_addresses

REF = date(2027, 3, 8)


def values(text: str) -> dict:
    found = extract_details([("body", text)], {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the end of a period

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Vi søger om stillads fra 7. juni indtil 1/10. Stilladset er 14 m langt.", date(2027, 6, 7), date(2027, 10, 1)),
    ("Kaffevognen vil gerne stå der fra 1. maj indtil 1/10.\n\nAdresse:", date(2027, 5, 1), date(2027, 10, 1)),
    ("i perioden 16.8. t.o.m. 3.9.2027.", date(2027, 8, 16), date(2027, 9, 3)),
    ("fra 4.8. til 20.8.2027", date(2027, 8, 4), date(2027, 8, 20)),
    ("from 14 June to and including 18 June 2027, 10 pm to 5 am.", date(2027, 6, 14), date(2027, 6, 18)),
    ("fra 1. juni frem til 15. august", date(2027, 6, 1), date(2027, 8, 15)),
])
def test_the_end_of_a_range_written_indtil_tom_or_to_and_including(text, start, end):
    assert find_period(text, REF) == Period(start, end)


def test_times_around_til_are_no_dates():
    """ "kl. 10.30 til 12.00" joins two times, not two days and months."""
    assert find_period("Vi holder åbent kl. 10.30 til 12.00 hver dag.", REF) == Period(None, None)


# ---------------------------------------------------------------- a colleague as the one to contact

@pytest.mark.parametrize(("text", "name", "phone"), [
    ("Jeg er selv på ferie den uge, så kontakt venligst min kollega Sanne Riis på 26 70 11 93, hvis der er "
     "spørgsmål.\n\nMed venlig hilsen\nTobias Kring\nEventkoordinator\nMobil 28 90 14 33",
     "Sanne Riis", "26701193"),
    ("I'm the account director, but please direct any practical questions to my colleague Nadia Salim, our "
     "production manager, on 31 62 05 88.\n\nBest wishes\nOliver Brandt\nAccount Director\nM: +45 28 90 14 33",
     "Nadia Salim", "31620588"),
    ("Scaffolding at Store Kongensgade 70.\n\nForeman on site: Sean Gallagher, +45 91 55 03 27\n\nRegards\nTom Walsh\n"
     "Contracts Manager", "Sean Gallagher", "91550327"),
])
def test_a_colleague_named_to_contact_is_the_contact_with_the_phone_after_the_name(text, name, phone):
    found = values(text)
    assert (found["contact_name"], found["phone"]) == (name, phone)


def test_a_colleague_merely_mentioned_is_not_the_contact():
    text = ("Min kollega Sanne Riis og jeg står for festen.\n\nMed venlig hilsen\nTobias Kring\nMobil 28 90 14 33")
    found = values(text)
    assert (found["contact_name"], found["phone"]) == ("Tobias Kring", "28901433")


def test_the_phone_of_the_contact_is_not_a_number_labelled_otherwise():
    """ "Lone Brink\\nCVR-nummer: 49445709" is a CVR under the name, not her phone."""
    text = "Kontaktperson er Lone Brink\nCVR-nummer: 49445709\nTelefon: 22 63 18 07"
    assert values(text)["phone"] == "22631807"


# ---------------------------------------------------------------- the name signed

def test_a_role_written_before_a_signed_name_is_no_part_of_it():
    text = ("Vi skal støbe et dæk på byggepladsen.\n\nFriis Byg A/S\nFabriksparken 20, 2600 Glostrup\n\n"
            "Byggeleder Rasmus Friis\n61 20 33 47")
    assert find_contact(text) == "Rasmus Friis"


@pytest.mark.parametrize("closing", ["Thanks a lot", "Hilsen og god weekend", "Many thanks in advance"])
def test_a_valediction_with_more_words_has_the_name_on_the_next_line(closing):
    text = (f"Could we have a skip in front of our office?\n\n{closing}\nIda Nørgaard\nOffice Manager\n"
            "Nordic Green Solutions\nM. 22 40 81 36")
    assert find_contact(text) == "Ida Nørgaard"


def test_a_company_line_alone_at_the_end_is_not_the_signer():
    text = "Could we have a skip in front of our office?\n\nWe look forward to hearing from you\nNordic Green Solutions"
    assert find_contact(text) != "Nordic Green Solutions"


def test_a_text_of_nothing_but_valedictions_is_read_quickly():
    started = time.perf_counter()
    find_contact("Thanks a lot\n" * 100_000)
    assert time.perf_counter() - started < 6.0


# ---------------------------------------------------------------- the business's own address, its name, its site

@pytest.mark.parametrize("text", [
    "Vi skal bruge plads til en flyttebil foran Fælledvej 5 2.tv 2200 Kbh N, som er vores nuværende adresse, "
    "torsdag den 1. juli.",
    "We need a skip outside Strandgade 27, 1401 København K, which is our office, from 20 September.",
])
def test_an_address_the_text_then_calls_its_own_is_the_business_address(text):
    found = find_addresses(text)
    assert "address" in found and "activity_location" not in found


def test_an_address_followed_by_someone_elses_address_stays_a_site():
    found = find_addresses("Vi skal bruge en lift foran Blegdamsvej 62, 2100 København Ø, som er kundens adresse.")
    assert found.get("activity_location", "").startswith("Blegdamsvej 62")


@pytest.mark.parametrize(("text", "name"), [
    ("Jeg er urmager og har forretningen Kjær Ure & Smykker, som er en enkeltmandsvirksomhed (CVR 12345674).",
     "Kjær Ure & Smykker"),
    ("Jeg er tømrer og har firmaet Holm Byg ApS sammen med min bror.", "Holm Byg ApS"),
])
def test_a_business_introduced_after_og_har(text, name):
    assert find_company(text, has_cvr=True) == name


def test_og_har_without_a_business_noun_names_no_company():
    assert find_company("Vi er glade og har butikken åben hver dag. CVR 12345674", has_cvr=True) is None


@pytest.mark.parametrize(("text", "site"), [
    ("We'd like to serve from a coffee bike at Nørreport Station on weekday mornings.", "Nørreport Station"),
    ("Vi vil gerne servere kaffe fra en vogn ved Dronning Louises Bro i weekenderne.", "Dronning Louises Bro"),
])
def test_a_place_where_the_business_serves_is_the_site(text, site):
    assert find_addresses(text).get("activity_location") == site


@pytest.mark.parametrize("text", ["Our service at Nordic Green is great.", "We reserve tables at Nørreport Station."])
def test_service_and_reserve_are_no_serving_cue(text):
    assert "activity_location" not in find_addresses(text)


# ---------------------------------------------------------------- probes written after batch d8's fixes

@pytest.mark.parametrize(("text", "name"), [
    ("Holm Anlæg A/S søger gravetilladelse.\n\nAnsvarlig på stedet er formand Steen Kragh, tlf. 21 43 65 87.\n\n"
     "Venlig hilsen\nJesper Holm\nAfdelingsleder", "Steen Kragh"),
    ("Vogel Bau GmbH requests a crane.\n\nOur contact person in Copenhagen is Lars Eskildsen, +45 28 66 41 09.\n\n"
     "Yours sincerely\nKatrin Vogel\nProject Manager", "Lars Eskildsen"),
    ("Jeg hedder Per Lang og skriver for min datter Sofie Lang, som ejer butikken.\n\nSofie kan kontaktes på "
     "61 71 81 91.\n\nVenlig hilsen\nPer Lang", "Sofie Lang"),
])
def test_a_person_named_to_contact_wins_over_the_writer(text, name):
    assert find_contact(text) == name


def test_a_writer_who_introduces_himself_is_the_contact_when_no_one_else_is_named():
    text = "Jeg hedder Per Lang og har en blomsterbutik.\n\nJeg kan kontaktes på 61 71 81 91.\n\nHilsen Per"
    assert find_contact(text) == "Per Lang"


def test_a_period_through_the_end_of_a_month():
    assert find_period("4 tables from 1 May through the end of September.", REF) == Period(date(2027, 5, 1),
                                                                                            date(2027, 9, 30))


def test_a_floor_after_a_comma_without_a_space():
    found = find_addresses("Vi skal male facaden på Strandboulevarden 45,1.tv, 2100 Kbh. Ø for en kunde.")
    assert found["activity_location"].startswith("Strandboulevarden 45, 1. tv")


@pytest.mark.parametrize("text", ["Lokalet på Nørrebrogade er 45,5 m2 stort",
                                  "Containeren på Amagerbrogade 2,5 m bred"])
def test_a_decimal_after_a_street_is_no_house_number(text):
    assert not any(re.search(r"\d", str(v)) for v in find_addresses(text).values())


def _from_subject(subject: str) -> object:
    found = extract_details([("body", "Hej, se emnet.\n\nMvh Ib"), ("subject", subject)], {}, reference=REF,
                            sender="x@example.dk")
    return found["company_name"].value if "company_name" in found else None


@pytest.mark.parametrize(("subject", "name"), [
    ("Sign for Cairo Kitchen ApS", "Cairo Kitchen ApS"),
    ("Ansøgning om skilt til Bech Briller ApS", "Bech Briller ApS"),
    ("Food for Thought ApS - udeservering", "Food for Thought ApS"),
])
def test_a_subjects_topic_before_the_business_is_no_part_of_its_name(subject, name):
    assert _from_subject(subject) == name
