"""Details in the voices of development batch d12: phones written with dashes or digit by digit, or behind a
signature's "M:"."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details

REF = date(2027, 3, 25)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- phones

@pytest.mark.parametrize(("text", "phone"), [
    ("CVR: 5496 2886\n\nRing endelig på 26-12-34-56 hvis der mangler noget.\n\nmvh\nAli", "26123456"),
    ("Anmelder: Have & Anlæg ApS. Kontakt Ida Holm på 2 6 5 5 - 4 0 1 1 ... altså\n\nIda Holm", "26554011"),
    ("--\nRasmus Friis Nielsen\nFriis Nielsen Byg ApS\nCVR 51669223\nM: 2 0 9 1 4 4 7 2\nwww.friis.dk", "20914472"),
    ("Best regards\nAnne Holm\nM: +45 31 22 40 18\nT: 33 12 00 00", "31224018"),
])
def test_a_phone_with_dashes_digit_by_digit_or_after_m(text, phone):
    assert values([("body", "Hej\nVi søger om tilladelse.\n\n" + text)])["phone"] == phone


@pytest.mark.parametrize("text", [
    "Sagsnr. 2-6-5-5 og 4 0 1 1 i alt",
    "Ordre 1 2 3 4 5 6 7 8",
])
def test_spelled_digits_of_something_else_are_no_phone(text):
    assert "phone" not in values([("body", "Hej\nVi søger om tilladelse.\n" + text)])


# ---------------------------------------------------------------- the person to contact

def test_for_questions_contact_our_role_names_the_contact():
    body = ("Hello,\n\nAttached is the completed form for decommissioning the oil tank in our basement.\n\n"
            "For questions contact our facility manager Jens Otto, +45 3315 2260, facility@hotel.example.\n\n"
            "Best regards\nReception, Hotel Nyhavn 71")
    assert values([("body", body)])["contact_name"] == "Jens Otto"


# ---------------------------------------------------------------- the applying business

def test_an_agent_for_our_client_applies_for_a_foreign_contractor():
    body = ("Dear Sir/Madam,\n\nWe act as the Danish permit agent for our client, Baltic Facade Systems UAB, a "
            "Lithuanian contractor registered in Denmark with CVR 76812403. The client will replace glass panels.\n\n"
            "Please direct all correspondence to me as agent:\nThomas Kjær, Permit Partners ApS, Store Kongensgade "
            "68, 4. sal, 1264 København K, phone 28 55 19 03.\n\nKind regards,\nThomas Kjær")
    assert values([("body", body)])["company_name"] == "Baltic Facade Systems UAB"


@pytest.mark.parametrize(("text", "name"), [
    ("Vi er et arkitektfirma der søger på vegne af ejerforeningen E/F Classensgade 58 (CVR 13587205).",
     "E/F Classensgade 58"),
    ("Andelsboligforeningen A/B Kastanjegården, CVR 29183746, ønsker at opsætte cykelstativer.",
     "A/B Kastanjegården"),
])
def test_a_housing_association_with_its_legal_form_first(text, name):
    assert values([("body", "Hej\n\n" + text + "\n\nMvh\nDitte Krog")])["company_name"] == name


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Nedrivningen forventes at starte mandag i uge 36 og være afsluttet fredag i uge 38 (2027).",
     date(2027, 9, 6), date(2027, 9, 24)),
    ("We start on Tuesday of week 10 and finish on Friday of week 12.", date(2027, 3, 9), date(2027, 3, 26)),
])
def test_from_a_weekday_of_one_week_to_a_weekday_of_another(text, start, end):
    found = values([("body", "Hej\n\n" + text)])
    assert (found["period_from"], found["period_to"]) == (start.isoformat(), end.isoformat())


def test_all_correspondence_to_the_agent_names_the_contact():
    pdf = ("We apply on behalf of our client:\nNordic Crane Services ApS, CVR 65639998, Kraftværksvej 14, 2300 "
           "København S\n\nActivity: mobile crane\nLocation: Strandboulevarden 89, 2100 København Ø\n\n"
           "All correspondence to the agent:\nMaria Krogh, CPH Permits\nmaria.krogh@cphpermits.example\n"
           "phone +45 3112 9904")
    found = values([("body", "Please see attached.\n\nKind regards"), ("crane.pdf", pdf)])
    assert found["contact_name"] == "Maria Krogh"


def test_a_bookkeeper_writing_for_the_owner_gives_the_owner_as_contact():
    body = ("Hej\n\nJeg er bogholder for Blomsterhuset Vanløse og sender på vegne af indehaveren, Susanne Frost. "
            "Butikkens oplysninger står i vedhæftede.\n\nMvh\nKarin Lind\nLind Regnskab")
    doc = "Blomsterhuset Vanløse v/Susanne Frost\nJernbane Allé 52, 2720 Vanløse\nCVR 14 81 84 56\nTlf. 38 74 43 21"
    assert values([("body", body), ("oplysninger.docx", doc)])["contact_name"] == "Susanne Frost"


# ---------------------------------------------------------------- the own address

def test_an_address_followed_by_where_our_studio_is_is_the_own_address():
    body = ("Good afternoon,\n\nI'm writing because Studio Hygge Architects ApS would like to put up an illuminated "
            "sign (approx. 2.5 m2) on the facade at Strandgade 27A, 3. sal, 1401 København K, where our studio is. "
            "The building owner has approved.\nCVR: 8233 6206\n\nBest,\nAnders Winther")
    found = values([("body", body)])
    assert (found.get("address"), found.get("postcode"), found.get("activity_location")) == (
        "Strandgade 27A, 3.", "1401", None)


def test_a_pharmacy_is_no_person_and_a_pharmacist_no_company():
    body = ("Hello,\n\nWe would like to mount a projecting green cross sign at our new pharmacy. The pharmacy is run "
            "by Islands Brygge Apotek (CVR 77336834).\n\nRegards,\nPernille Haug\nPharmacist")
    pdf = "Sign specification\nLocation: Islands Brygge 27, st., 2300 København S\nApplicant: Islands Brygge Apotek"
    found = values([("body", body), ("sign.pdf", pdf)])
    assert (found["company_name"], found["contact_name"]) == ("Islands Brygge Apotek", "Pernille Haug")


@pytest.mark.parametrize(("text", "address", "site"), [
    ("På vegne af bygherren anmelder vi flytning af ca. 180 tons jord fra byggegrunden Njalsgade 76 til godkendt "
     "modtageanlæg.\n\nDet er os, Amager Jord & Kloak ApS med CVR 12810245, der står for transporten, og vi holder "
     "til på Holmbladsgade 133, 2. th, 2300 København S.", "Holmbladsgade 133, 2. th", "Njalsgade 76"),
    ("Hermed anmeldelse af jordflytning fra Vodroffsvej 24 (gårdrenovering).\n\nAnmelder: Frederiksberg Have & "
     "Anlæg ApS, CVR-nr: 1198 5394, Smallegade 52, 2. tv, 2000 Frederiksberg.", "Smallegade 52, 2. tv",
     "Vodroffsvej 24"),
    ("We act for our client, Baltic Facade Systems UAB. The client will replace glass panels at Kalvebod Brygge 45 "
     "and needs a crane.\n\nThe client's Danish branch address is Ingerslevsgade 60, 1705 København V.",
     "Ingerslevsgade 60", "Kalvebod Brygge 45"),
])
def test_soil_moved_from_a_site_and_panels_replaced_at_one(text, address, site):
    found = values([("body", "Hej\n\n" + text)])
    assert (found.get("address"), found.get("activity_location")) == (address, site)


@pytest.mark.parametrize("body", [
    "Vedlagt udfyldt skema. Bemærk at arbejdsperioden er rykket: vi graver nu fra den 23. august til og med den 3. "
    "september 2027 (ikke som i skemaet).",
    "Please find the form attached. Note that the dates have been moved: we now dig from 23 August to 3 September "
    "2027.",
])
def test_the_mail_moving_the_forms_period_wins(body):
    found = values([("body", "Hej,\n\n" + body + "\n\nMvh Kim Lauge")],
                   {"Ansøger": "Lauge Kloak & Anlæg ApS", "Startdato": "16.08.2027", "Slutdato": "27.08.2027"})
    assert (found["period_from"], found["period_to"]) == ("2027-08-23", "2027-09-03")


def test_a_period_the_mail_repeats_leaves_the_forms():
    found = values([("body", "Hej,\n\nVedlagt skema, vi graver fra den 16. august.\n\nMvh Kim Lauge")],
                   {"Ansøger": "Lauge Kloak & Anlæg ApS", "Startdato": "16.08.2027", "Slutdato": "27.08.2027"})
    assert (found["period_from"], found["period_to"]) == ("2027-08-16", "2027-08-27")


def test_an_address_taken_back_at_once_is_no_address():
    body = ("Hej,\n\nRestaurant Grøn Gaffel vil gerne søge om udeservering på fortovet ud for restauranten på "
            "Værnedamsvej 4, 1819 Frederiksberg C - nej undskyld, vi ligger jo på Vesterbro-siden: Vesterbrogade 58, "
            "st. tv, 1620 København V. Det er der serveringen skal være. Ca. 10 m2.\n\nSelskabet er Grøn Gaffel ApS, "
            "CVR 35582495.\n\nVenlig hilsen\nCamilla Vind")
    found = values([("body", body)])
    assert (found.get("address"), found.get("postcode"), found.get("activity_location")) == (
        "Vesterbrogade 58, st. tv", "1620", None)


def test_a_foreign_companys_danish_branch_is_the_applicant():
    body = ("Hello,\n\nWe are a Swedish fashion brand (Linnea Lund AB, Swedish org. no. 556123-4567) and are thinking "
            "of a pop-up shop near Kultorvet.\n\nOur Danish branch, Linnea Lund Danmark, filial af Linnea Lund AB, "
            "has CVR 58740853.\n\nBest regards\nElin Nyström")
    assert values([("body", body)])["company_name"] == "Linnea Lund Danmark, filial af Linnea Lund AB"


def test_a_suppliers_offer_quoted_whole_gives_no_details():
    doc = ("Ansøgning om tilladelse til afledning af processpildevand\n\nAnsøger: Københavns Mikrobryghus ApS\n"
           "CVR: 1278 6034\nAdresse: Vesterfælledvej 58, 1. th, 1750 København V\nKontakt: Lone Bisgaard, tlf. "
           "23-45-67-01\n\nBilag: tilbud fra leverandør\n\"Tilbud nr. 2207 – Aqua Teknik A/S, CVR 65607107, "
           "Kornmarksvej 9, 2605 Brøndby. Neutraliseringsanlæg type NT-200. Kontakt: salg@aquateknik.example, "
           "tlf. 43 43 12 12\"")
    found = extract_details([("body", "Vedhæftet ansøgning."), ("ansoegning.docx", doc)], {}, reference=REF,
                            sender="lone@kbhbryghus.example")
    assert found["contact_email"].value == "lone@kbhbryghus.example"
    assert "activity_location" not in found


def test_the_previous_owners_approval_attached_gives_way_to_the_new_owners_declaration():
    body = ("Hej\n\nVi har overtaget renseriet på Frederiksborggade 20 og skal søge ny miljøgodkendelse. Den gamle "
            "godkendelse (udstedt til den tidligere ejer) ligger vedhæftet til orientering.\n\nDet nye selskab er "
            "Nørreport Rens ApS - CVR og mine oplysninger står i ejerskifteerklæringen.\n\nHilsen\nMehmet Yilmaz")
    old = ("Københavns Kommune\nMiljøgodkendelse\n\nVirksomhed: Kemisk Rens Kultorvet ApS\nCVR: 22401874\n"
           "Adresse: Frederiksborggade 20, 1360 København K\nKontaktperson: Ib Sommer, tlf. 33 14 22 11")
    new = ("Ejerskifteerklæring\n\nRenseriet, Frederiksborggade 20, 1360 København K, drives pr. 1. februar 2027 af:\n"
           "Nørreport Rens ApS\nCVR: 2263 1152\nKontaktperson: Mehmet Yilmaz\nMobil: +45 5040 3020\n\n"
           "Tidligere ejer: Kemisk Rens Kultorvet ApS")
    found = values([("body", body), ("gammel_godkendelse.pdf", old), ("ejerskifte.docx", new)])
    assert (found["company_name"], found["cvr"], found["contact_name"], found["phone"]) == (
        "Nørreport Rens ApS", "22631152", "Mehmet Yilmaz", "50403020")


def test_a_forms_address_of_the_outdoor_serving_is_the_restaurants_own():
    form = {"Virksomhedens navn": "Pho Vesterbro ApS", "CVR-nummer": "7558 3346",
            "Adresse for udeservering": "Viktoriagade 12, st. th", "Postnummer": "1655", "Kontaktperson": "Thao Nguyen"}
    found = values([("body", "Hej, se vedhæftede.\n\nSendt fra min iPhone")], form)
    assert (found.get("address"), found.get("postcode"), found.get("activity_location")) == (
        "Viktoriagade 12, st. th", "1655", None)


def test_a_site_at_our_own_premises_with_no_other_address_is_the_address():
    body = ("Hello,\n\nWe would like to mount a projecting green cross sign at our new pharmacy. The pharmacy is run "
            "by Islands Brygge Apotek (CVR 77336834).\n\nRegards,\nPernille Haug\nPharmacist")
    pdf = "Sign specification\nLocation: Islands Brygge 27, st., 2300 København S\nApplicant: Islands Brygge Apotek"
    found = values([("body", body), ("sign.pdf", pdf)])
    assert (found.get("address"), found.get("postcode"), found.get("city"), found.get("activity_location")) == (
        "Islands Brygge 27, st.", "2300", "København S", None)
