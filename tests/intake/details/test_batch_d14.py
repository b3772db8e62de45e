"""Details in the voices of development batch d14: a business named without its legal form in the signature, whose
name the sender's mail domain spells ("Moore Bikes" from daniel@moorebikes.dk), the site's contact named with a role
after "Kontaktperson er vores ...", and phones broken over a PDF's line or beside a company's registration number."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details

REF = date(2027, 3, 8)


def values(sources: list[tuple[str, str]], sender: str = "x@example.dk", sender_name: str = "") -> dict:
    found = extract_details(sources, {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a business the sender's domain spells

@pytest.mark.parametrize(("body", "sender", "company"), [
    ("Hej\n\nVi skal sløjfe vores gamle olietank.\n\nHilsen\nBirgitte Skov\nBogbinderiet Skov & Søn\nFuglebakkevej 9\n"
     "2000 Frederiksberg", "birgitte@bogbinderiet-skov.dk", "Bogbinderiet Skov & Søn"),
    ("Hi,\n\nwe will demolish a small shed behind our shop.\n\nBest,\nPriya Nair\nAmager Garden Supply",
     "priya@amagergarden.dk", "Amager Garden Supply"),
    ("hi, when do we need to apply for a street party?\n\nthx\nMia Thorsen - Kbh Records", "mia@kbhrecords.dk",
     "Kbh Records"),
    ("hej\nmå vi sætte et stillads op ude ved en kunde?\n\n/Kim Larsen\nKL Facade", "kl.facade@gmail.com",
     "KL Facade"),
    ("I run a food truck selling Korean street food (Seoul Wheels) and would like a pitch.\n\nJi-woo Park",
     "jiwoo@seoulwheels.dk", "Seoul Wheels"),
])
def test_a_business_without_a_legal_form_that_the_sender_domain_spells(body, sender, company):
    assert values([("body", body)], sender)["company_name"] == company


@pytest.mark.parametrize(("body", "sender"), [
    ("Hej, kan man få lov at stå med en is-vogn ved Nyhavn?\n\nHilsen\nSofie Lykke", "sofie@sofielykke.dk"),
    ("Hi,\n\nwhat permits do we need?\n\nCheers,\nLiam Moore\nCopenhagen", "liam@moorebikes.dk"),
])
def test_no_business_from_the_domain_when_no_line_spells_it_or_only_the_person_does(body, sender):
    assert "company_name" not in values([("body", body)], sender)


# ---------------------------------------------------------------- the contact named with a role

@pytest.mark.parametrize(("text", "name"), [
    ("Kontaktperson er vores driftsleder Ole Berg, 40 11 22 33 - han er på pladsen dagligt.\n\nVenlig hilsen\n"
     "Susanne Dahl\nKontor", "Ole Berg"),
    ("Kontaktperson er vores pladsformand Jesper Winther, 30 55 71 20.\n\nMed venlig hilsen\nLouise Kjær\n"
     "Projektsekretær", "Jesper Winther"),
])
def test_kontaktperson_er_vores_role_name(text, name):
    assert values([("body", text)])["contact_name"] == name


# ---------------------------------------------------------------- phones

def test_a_labelled_phone_broken_over_a_pdf_line():
    text = ("Kastrup Marine Works A/S\nAmager Strandvej 390\n2770 Kastrup\nCompany reg. no. 40 50 36 84\n\n"
            "Please direct any questions to our project manager Henrik Thomsen on mobile +45 29\n50 41 83.\n")
    assert values([("letter.pdf", text)])["phone"] == "29504183"


def test_a_company_registration_number_is_no_phone():
    text = "Kastrup Marine Works A/S\nAmager Strandvej 390\n2770 Kastrup\nCompany reg. no. 40 50 36 84\n"
    assert "phone" not in values([("letter.pdf", text)])


@pytest.mark.parametrize(("text", "phone"), [
    ("Venlig hilsen\nPia Mortensen, klinikchef\nTlf.: 32 55 18 90\nMobil: 27 11 40 62\nklinik@tandamager.dk",
     "27114062"),
    ("Best regards,\nLukas Wiśniewski\nProject Coordinator\nT +45 43 62 90 00 | M +45 28 16 47 39", "28164739"),
    ("Kind regards\nMartin Olsen\nDispatcher\n+45 70 20 31 31 / +45 21 67 09 42", "21670942"),
    ("Med venlig hilsen\nMaria Lund\nMobil 28 44 19 07\nTlf. 33 14 52 60", "28441907"),    # the mobile first stays
    ("Venlig hilsen\nOle Hansen\nTlf. 33 14 52 60\n\nCVR 38145207", "33145260"),             # no second number
])
def test_the_own_mobile_right_after_the_switchboard(text, phone):
    assert values([("body", text)])["phone"] == phone


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Tanken tømmes og fyldes med sand af et autoriseret firma i uge 16, 19.-23. april 2027.", "2027-04-19",
     "2027-04-23"),
    ("I would like a pitch at Israels Plads on weekdays, 11:00-15:00, all of July 2027.", "2027-07-01", "2027-07-31"),
])
def test_periods(text, start, end):
    found = values([("body", text)])
    assert (found.get("period_from"), found.get("period_to")) == (start, end)


@pytest.mark.parametrize("text", [
    "hi, we are planning a small street party for our shop's anniversary sometime in september, how early do we "
    "need to apply?",
    "Vi har indtil nu haft en aftale gennem den gamle ejer, men den udløber 31. december 2027.",
])
def test_no_period_from_a_month_not_decided_on_or_an_agreement_that_expires(text):
    assert "period_from" not in values([("body", text)])
