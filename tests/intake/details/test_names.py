"""Tests of company and contact names in running text, signatures and the mail's own headers."""

from __future__ import annotations

import time
from datetime import date
from email.message import EmailMessage

import pytest

from intake.details import extract_details
from intake.details.names import find_company
from intake.pipeline import MessageState, find_details, parse

REF = date(2027, 1, 15)
CVR = "50708047"


def values(text: str, **headers: str) -> dict:
    return {k: f.value for k, f in extract_details([("body", text)], {}, reference=REF, **headers).items()}


def sources(text: str, **headers: str) -> dict:
    return {k: f.source for k, f in extract_details([("body", text)], {}, reference=REF, **headers).items()}


# ---------------------------------------------------------------- companies

@pytest.mark.parametrize(("text", "company"), [
    (f"Min forretning hedder Solsikken Blomster, CVR {CVR}, og ligger på Nørrebro.", "Solsikken Blomster"),
    (f"Salonen hedder Klip & Krøl, CVR {CVR}.", "Klip & Krøl"),
    ("Vi hedder Amager Cykler og ligger på Amagerbrogade.", "Amager Cykler"),
    ("Vi er Facadeservice Nord ApS og skal male en gavl.", "Facadeservice Nord ApS"),
    ("I am writing on behalf of Baltic Scaffolding Sp. z o.o. about a permit.", "Baltic Scaffolding Sp. z o.o."),
    ("Metro Rail Services AB will replace rails near Nørreport.", "Metro Rail Services AB"),
    ("We are Dutch Pancake House BV and have taken over a restaurant.", "Dutch Pancake House BV"),
    ("Hansen & Datter Tømrer ApS søger om tilladelse til en container.", "Hansen & Datter Tømrer ApS"),
    (f"jeg driver Yilmaz Frugt & Grønt (enkeltmandsvirksomhed, CVR {CVR}).", "Yilmaz Frugt & Grønt"),
    ("Jeg hedder Camilla Brandt og ejer Brandts Is. Vi vil have en isvogn.", "Brandts Is"),
    ("Andelsboligforeningen Lærkehøj vil gerne holde gårdfest.", "Andelsboligforeningen Lærkehøj"),
    ("Valby Handelsstandsforening afholder markedsdag i maj.", "Valby Handelsstandsforening"),
    (f"Jeg har en neglesalon, Nail Studio by Linh, på Amagerbrogade 88. CVR {CVR}.", "Nail Studio by Linh"),
    (f"Børneteatret Trylle (CVR {CVR}) ønsker at spille i Kongens Have.", "Børneteatret Trylle"),
    ("We are the Istedgade Traders Association and we would like to close a street.", "Istedgade Traders Association"),
    ("jeg har en enkeltmandsvirksomhed, Frk. Kanel (CVR 32117791), hvor jeg bager.", "Frk. Kanel"),
])
def test_company_named_in_a_sentence(text, company):
    assert values(text)["company_name"] == company


def test_a_cvr_next_to_the_name_breaks_the_tie():
    text = ("Administrator: Cirkel Administration A/S, Rådhuspladsen 16.\n"
            f"Ejendommen ejes af Ejendomsselskabet Blegdam P/S (CVR {CVR}).")
    assert find_company(text, has_cvr=True) == "Ejendomsselskabet Blegdam P/S"


def test_the_contractor_with_its_cvr_wins_over_the_client():
    text = f"Bygherre: Ørestad Bolig A/S\nEntreprenør: Bygningsholm & Co. A/S, CVR {CVR}, Høje Taastrup Boulevard 23"
    assert values(text)["company_name"] == "Bygningsholm & Co. A/S"


def test_the_short_form_of_a_company_written_twice_wins():
    text = (f"Byggefirmaet Sten & Søn ApS skal renovere Amagerfælledvej 56.\n\n"
            f"Sten & Søn ApS · Gammel Køge Landevej 22 · 2500 Valby · CVR {CVR}\n")
    assert values(text)["company_name"] == "Sten & Søn ApS"


def test_a_name_without_legal_form_or_introduction_is_not_a_company():
    assert "company_name" not in values("Peter Hansen skal have en container i næste uge.")


def test_a_title_under_the_signature_is_not_a_company():
    text = f"Vi vil sælge grøntsager (CVR {CVR}).\n\nWarm regards,\nEva Lindqvist\nCoordinator\nTel. 46 35 12 90\n"
    assert values(text).get("company_name") != "Coordinator"


def test_company_value_stops_at_its_legal_form():
    found = values("Entreprenør: Vinduesfolkene K/S, Hejrevej 26, 2400 København NV")
    assert found["company_name"] == "Vinduesfolkene K/S"


def test_company_and_cvr_in_one_form_field():
    fields = {"Firmanavn/CVR": "Havnebaren ApS / 30521676"}
    found = {k: f.value for k, f in extract_details([], fields, reference=REF).items()}
    assert (found["company_name"], found["cvr"]) == ("Havnebaren ApS", "30521676")


# ---------------------------------------------------------------- contact persons

@pytest.mark.parametrize(("text", "name"), [
    ("Tak for hjælpen.\n\n/Rikke Holm\n", "Rikke Holm"),
    ("Hilsen\nNikolaj Winther | Farve & Form ApS | +45 28 40 51 62\n", "Nikolaj Winther"),
    ("Hej. Vi vil have et skilt. Mvh Linh Nguyen 71 20 93 54\n", "Linh Nguyen"),
    ("Se vedhæftede.\nVi ses.\nBent Ravn\n", "Bent Ravn"),
    ("This is Marcus Hill from Bluebird Events ApS.", "Marcus Hill"),
])
def test_contact_name_in_the_forms_people_sign(text, name):
    assert values(text)["contact_name"] == name


def test_a_business_signing_is_not_a_person():
    assert "contact_name" not in values("Se vedhæftede.\n\nVenlig hilsen\nRestaurant Saffran\n")


# ---------------------------------------------------------------- the mail's own contact

def test_the_text_address_wins_over_the_headers():
    text = "Skriv gerne til mette@vinduesfolkene.dk."
    assert values(text, sender="info@vinduesfolkene.dk")["contact_email"] == "mette@vinduesfolkene.dk"
    assert sources(text, sender="info@vinduesfolkene.dk")["contact_email"] == "body"


def test_reply_to_then_from_when_the_text_names_no_address():
    assert (values("Hej", sender="noreply@formular.dk", reply_to="louise@cykelkaffe.dk")["contact_email"],
            sources("Hej", sender="noreply@formular.dk", reply_to="louise@cykelkaffe.dk")["contact_email"]) == (
        "louise@cykelkaffe.dk", "reply-to")
    assert (values("Hej", sender="Sanne.Frost@gmail.com")["contact_email"],
            sources("Hej", sender="x@y.dk")["contact_email"]) == ("sanne.frost@gmail.com", "from")


def test_municipal_and_noreply_senders_are_not_contacts():
    assert "contact_email" not in values("Hej", sender="sagsbehandler@kk.dk")
    assert "contact_email" not in values("Hej", sender="no-reply@formular.dk")


def test_the_senders_name_completes_a_first_name_and_stands_in_for_none():
    found = values("Må jeg? Vh Thomas", sender_name="Thomas Berg")
    where = sources("Må jeg? Vh Thomas", sender_name="Thomas Berg")
    assert (found["contact_name"], where["contact_name"]) == ("Thomas Berg", "from")
    assert values("Hvornår er der svar?", sender_name="Daniel Moreau")["contact_name"] == "Daniel Moreau"
    assert "contact_name" not in values("Hvornår er der svar?", sender_name="Café Grød og Gryde")


def test_a_colleague_forwarding_the_mail_is_not_the_contact():
    found = values("Videresendt ansøgning om skilt.", sender="sagsbehandler@kk.dk", sender_name="Karen Sagsbehandler")
    assert "contact_name" not in found and "contact_email" not in found


def test_find_details_passes_from_and_reply_to():
    msg = EmailMessage()
    msg["From"] = "Webformular <noreply@formular.example.dk>"
    msg["Reply-To"] = "Louise Dahl <louise.dahl@cykelkaffe.dk>"
    msg["Subject"], msg["Date"] = "Ansøgning om gadesalg", "Mon, 04 Jan 2027 09:30:00 +0100"
    msg.set_content("Jeg vil gerne sælge kaffe fra en ladcykel på Kultorvet.\n")
    state = MessageState(raw=msg.as_bytes(), received=__import__("datetime").datetime(2027, 1, 4, 9, 30))
    parse(state, None)
    find_details(state, None)
    assert (state.details["contact_email"].value, state.details["contact_email"].source) == (
        "louise.dahl@cykelkaffe.dk", "reply-to")


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("text", [
    "Aa Bb Cc ApS " * 80_000,
    "Vi er " * 170_000,
    "Min forretning hedder " * 45_000,
    "Foreningen Foreningen " * 45_000,
    "(CVR 12345678) " * 65_000,
], ids=["legal-forms", "we-are", "introductions", "organisations", "cvr"])
def test_companies_are_found_in_linear_time_on_a_megabyte(text):
    started = time.perf_counter()
    find_company(text, has_cvr=True)
    assert time.perf_counter() - started < 15.0  # linear: under a second when quiet; quadratic on a megabyte: hours
