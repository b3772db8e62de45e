"""Details in the voices of blind batch d9 (written from the brief alone, by a writer who saw no code and no data):
litres that are no tank's (a flow of "2 l/s", waste bins "2 x 660 l", "240 l om ugen", paints in store) and the size
of each of several pieces ("2 tents (6 x 12 m)"), which is no area applied for."""

from __future__ import annotations

import re
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.names import find_company
from intake.details.sites import find_addresses

REF = date(2027, 1, 4)


def values(text: str) -> dict:
    found = extract_details([("body", text)], {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- litres: a tank's volume, nothing else

@pytest.mark.parametrize("text", [
    "Nyt storkøkken. Fedtudskiller 2 l/s i kælderen med prøvetagningsbrønd.",
    "The plan is a 2 l/s grease separator (EN 1825) installed in the basement.",
    "Our estimate per week:\n- Office paper and cardboard: 2 x 660 l\n- Residual waste: 1 x 660 l",
    "Den tidligere ejer havde et fælles 660 l restaffaldskar med ejendommen.\n- Restaffald: 660 l om ugen",
    "Papir og pap: ca. 240 l om ugen",
    "- Storage of paints and thinners in a fire-proof cabinet, approx. 200 litres",
])
def test_a_flow_a_waste_bin_or_goods_in_store_are_no_litres(text):
    assert "litres" not in values(text)


@pytest.mark.parametrize(("text", "litres"), [
    ("Vi skal sløjfe en olietank på 1.200 liter i kælderen.", 1200),
    ("Der installeres en fedtudskiller på 1.000 liter, flow 2 l/s.", 1000),
    ("Oliebeholderen til affaldsolie rummer 1.000 l.", 1000),          # a waste word beside a tank word: a tank
    ("Forventet mængde: 15.000 liter i døgnet", 15000),                 # an amount a day is not a flow per second
])
def test_a_tank_or_a_separator_keeps_its_litres(text, litres):
    assert values(text)["litres"] == litres


# ---------------------------------------------------------------- the area: one piece, not each of several

@pytest.mark.parametrize("text", [
    "Start/finish area: 2 tents (6 x 12 m), start gantry, 10 toilets.",
    "Vi stiller 3 boder à 3 x 3 m op på pladsen.",
])
def test_the_size_of_each_of_several_pieces_is_no_area(text):
    assert "area_m2" not in values(text)


@pytest.mark.parametrize(("text", "area"), [
    ("There will be a pop-up tent (10 x 20 m), two food trucks and a bike-repair station.", 200),
    ("Vi har 2 borde på fortovet, og standen er 2 x 1 m.", 2),
])
def test_one_piece_keeps_its_length_times_width(text, area):
    assert values(text)["area_m2"] == area


# ---------------------------------------------------------------- whom to answer

def test_an_invoice_address_is_not_the_contact_email():
    text = ("Contact on site: Niall Boyd, mobile +45 71 44 02 36\nInvoices to accounts@hartmann.example\n\n"
            "Cheers,\nNiall Boyd")
    found = extract_details([("body", text)], {}, reference=REF, sender="niall@hartmann.example")
    assert found["contact_email"].value == "niall@hartmann.example"


def test_an_address_to_write_to_is_still_the_contact_email():
    text = "Spørgsmål kan sendes til lise@bistro.example, fakturaen betaler vi ved levering.\n\nMvh Lise Holm"
    assert values(text)["contact_email"] == "lise@bistro.example"


_REPLY = ("Hello again Karen,\n\nhere are the informations you asked for.\n\nCompany name: Trattoria Roma ApS\n"
          "CVR: 48065511\n\nBest regards\nLuca Bernardi\n+45 29 63 50 18\n\n-----Original message-----\n"
          "From: {author}\nSent: 7 December 2026 10:14\nTo: info@roma.example\nSubject: SV: Outdoor seating\n\n"
          "Dear Luca Bernardi,\nwe need the company's CVR and P-number.\nKind regards, Karen Skov")


def test_the_quoted_mail_of_someone_else_gives_no_contact():
    text = _REPLY.format(author="Karen Skov <karen.skov@city.example>")
    found = extract_details([("body", text)], {}, reference=REF, sender="info@roma.example")
    assert (found["contact_name"].value, found["contact_email"].value) == ("Luca Bernardi", "info@roma.example")


def test_the_senders_own_quoted_mail_still_counts():
    text = ("Se min mail nedenfor.\n\n-----Oprindelig meddelelse-----\nFra: Lise Holm <lise@bistro.example>\n"
            "Sendt: 1. december 2026\nEmne: Udeservering\n\nVi søger om udeservering.\nBistro Holm ApS\nCVR 48065511\n"
            "Telefon 29 63 50 18")
    found = extract_details([("body", text)], {}, reference=REF, sender="lise@bistro.example")
    assert (found["cvr"].value, found["phone"].value) == ("48065511", "29635018")


# ---------------------------------------------------------------- a labelled site on the business's own house

def test_a_labelled_site_that_is_the_letterheads_address_is_the_business_address():
    text = ("Nordic Optics ApS\nØsterbrogade 102 · 2100 København Ø · CVR 23326817\n\n"
            "Application for permission for facade sign\n\n"
            "Location of sign: Østerbrogade 102, above the shop window on the ground floor\n\n"
            "Contact: Emma Hjort, tel. 35 26 30 49")
    found = values(text)
    assert (found.get("address"), found.get("postcode")) == ("Østerbrogade 102", "2100")
    assert "activity_location" not in found


def test_a_labelled_site_only_mentioned_in_the_text_stays_the_site():
    text = ("Malerfirmaet Steen ApS\nBorups Allé 177\n2400 København NV\nCVR 25143426\n\n"
            "Ansøgning om stillads\n\nArbejdssted: Ryesgade 30, 2200 København N\n\n"
            "Vi skal male facaden på Ryesgade 30 og har brug for et stillads.\n\nMed venlig hilsen\nBettina Steen")
    found = values(text)
    assert found["address"] == "Borups Allé 177"
    assert str(found["activity_location"]).startswith("Ryesgade 30")


def test_a_labelled_site_repeated_in_the_prose_is_no_address_of_the_business():
    text = ("Ansøgning om stillads\n\nArbejdssted: Ryesgade 30, 2200 København N\n\n"
            "Vi skal male facaden på Ryesgade 30 og har brug for et stillads.\n\nMed venlig hilsen\nBettina Steen\n"
            "Malerfirmaet Steen ApS")
    found = values(text)
    assert "address" not in found and str(found["activity_location"]).startswith("Ryesgade 30")


# ---------------------------------------------------------------- where the waste arises

def _form(fields: dict) -> dict:
    found = extract_details([("body", "Se vedhæftede skema.")], fields, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


def test_the_address_where_the_waste_arises_is_the_business_address_when_the_form_names_no_other():
    found = _form({"Virksomhed": "Tandklinikken Valby I/S", "Adresse hvor affaldet opstår": "Valby Langgade 58, 1., "
                   "2500 Valby", "Restaffald": "ca. 240 l om ugen"})
    assert (found.get("address"), found.get("postcode")) == ("Valby Langgade 58, 1.", "2500")
    assert "activity_location" not in found and "litres" not in found


def test_the_address_where_the_waste_arises_beside_the_business_address_is_the_site():
    found = _form({"Virksomhed": "Kantine Service ApS", "Adresse": "Hejrevej 37, 2400 København NV",
                   "Address where the waste is produced": "Nyhavn 51, 1051 København K"})
    assert found["address"] == "Hejrevej 37" and str(found["activity_location"]).startswith("Nyhavn 51")


# ---------------------------------------------------------------- the date a forwarded mail was sent

def test_the_date_in_a_forwarded_mails_header_is_no_period():
    text = ("Kan I behandle det som vores ansøgning?\n\n---------- Videresendt meddelelse ----------\n"
            "Fra: Simon Rask <simon@cafe.example>\nDato: 9. dec. 2026 23:41\nEmne: udeservering på torvet\n"
            "Til: Ida Brandt <ida@cafe.example>\n\nVi vil søge om udeservering. Fra 1/4 til 30/9 2027, kl 10-23.")
    found = extract_details([("body", text)], {}, reference=date(2026, 12, 3), sender="ida@cafe.example")
    assert (found["period_from"].value, found["period_to"].value) == ("2027-04-01", "2027-09-30")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Periode\nFra: 1. maj 2027\nTil: 30. september 2027", "2027-05-01", "2027-09-30"),
])
def test_fra_and_til_labels_of_an_application_stay_its_period(text, start, end):
    found = values(text)
    assert (found["period_from"], found["period_to"]) == (start, end)


@pytest.mark.parametrize(("text", "kept"), [
    ("Fra: 1. maj 2027\nDato: 12. juni 2027 kl. 10.00", True),        # an application's own labels
    ("Fra: Simon Rask\nDato: 9. dec. 2026 23:41", False),              # a header: its date has a time of day
    ("From: Karen Skov <karen@city.example>\nTo: info@x.example\nSent: Monday", False),
])
def test_only_a_mail_headers_date_line_is_dropped(text, kept):
    from intake.details.text import _MAIL_HEADER_DATE, _header_without_date
    assert (_MAIL_HEADER_DATE.sub(_header_without_date, text) == text) is kept


# ---------------------------------------------------------------- a date after a house number

@pytest.mark.parametrize(("text", "address"), [
    ("Mobile crane Store Kongensgade 40 - 20 January", "Store Kongensgade 40"),
    ("Stillads på Jagtvej 10-12 maj", "Jagtvej 10"),
    ("Container på Tagensvej 140-160, 2200 København N", "Tagensvej 140-160"),    # a range stays a range
])
def test_a_day_of_a_month_after_a_dash_ends_no_range_of_house_numbers(text, address):
    from intake.details.addresses import ADDRESS
    m = ADDRESS.search(text)
    assert m is not None and re.sub(r"\s+", " ", m.group(0)).rstrip(", ") == address


# ---------------------------------------------------------------- the floor of the business's own address

def test_the_floor_written_with_the_postcode_completes_the_same_house_named_before():
    text = ("Vi har overtaget restauranten på Sankt Hans Gade 20 pr. 1. december og skal have styr på affaldet.\n\n"
            "Restaurant Hummel ApS\nCVR 12707533\nSankt Hans Gade 20, kld.\n2200 København N\n\n"
            "Med venlig hilsen\nJakob Hummel")
    assert find_addresses(text)["address"] == "Sankt Hans Gade 20, kl."


def test_a_floor_without_a_postcode_does_not_complete_the_address():
    text = ("Vi søger om et skilt på vores butik, Vesterbrogade 50.\n\nSkiltet hænger på Vesterbrogade 50, 1. sal, "
            "over indgangen.\n\nButik Lys ApS\nCVR 12707533")
    assert find_addresses(text).get("address") == "Vesterbrogade 50"


# ---------------------------------------------------------------- a name that begins with "The"

@pytest.mark.parametrize(("text", "name"), [
    ("The Stroopwafel Company ApS\nBaldersgade 22, st. tv., 2200 København N\nCVR 42008214\n\nApplication for a stall",
     "The Stroopwafel Company ApS"),
    ("We are applying on behalf of Hansen Byg ApS, CVR 42008214, for a skip.", "Hansen Byg ApS"),
])
def test_the_leading_the_of_a_name_is_part_of_it(text, name):
    assert find_company(text, has_cvr=True) == name


# ---------------------------------------------------------------- the days around an event's day

def test_a_labelled_day_inside_the_range_applied_for_gives_way_to_the_range():
    text = ("Sted: Fælledparken\n\nDato: lørdag den 3. juli 2027, koncert kl. 15.00-22.30.\n\n"
            "Vi søger om brug af arealet fra torsdag den 1. juli til søndag den 4. juli 2027 (opbygning 1.-2. juli, "
            "nedtagning 4. juli).")
    found = values(text)
    assert (found["period_from"], found["period_to"]) == ("2027-07-01", "2027-07-04")


def test_a_labelled_day_outside_a_range_in_the_text_stays_the_period():
    text = ("Dato: lørdag den 3. juli 2027\n\nSidste år holdt vi festen fra 1. til 4. august, men i år er den kortere.")
    found = values(text)
    assert (found["period_from"], found["period_to"]) == ("2027-07-03", "2027-07-03")


def test_a_labelled_address_takes_the_floor_of_the_same_house_under_the_applicants_name():
    text = ("Address: Store Kongensgade 40, 1264 København K\nDate: Wednesday 20 January 2027\n\n"
            "Applicant:\nBrink & Holm Arkitekter A/S\nCVR 90590456\nStore Kongensgade 40, 3. sal\n\n"
            "Contact: Oliver Brink, partner")
    found = values(text)
    assert (found["address"], found["postcode"]) == ("Store Kongensgade 40, 3.", "1264")


def test_a_floor_in_a_sentence_near_the_letterhead_is_no_floor_of_the_address():
    text = ("Nordic Eyewear ApS\nVesterbrogade 50, 1620 København V · CVR 58596566\n\nRequest for a projecting sign\n\n"
            "Location: outside our shop at Vesterbrogade 50, 1st floor level\n\nKind regards\nMette Kruse")
    assert values(text)["address"] == "Vesterbrogade 50"


# ---------------------------------------------------------------- an "Adresse:" under a letterhead

_LETTER = ("Malerfirmaet B. Steen ApS\nBorups Allé 177\n2400 København NV\nCVR 25143426\n\n"
           "Ansøgning om råden over vejareal\n\nAdresse: {address}\n\n"
           "Vi har brug for en container på gaden i parkeringsbåsene.\n\nPeriode: 11.01.2027 - 22.01.2027")


def test_an_address_field_under_a_letterhead_with_another_address_is_the_site():
    found = values(_LETTER.format(address="Ryesgade 30, 2200 København N"))
    assert (found["address"], found["postcode"]) == ("Borups Allé 177", "2400")
    assert str(found["activity_location"]).startswith("Ryesgade 30")


@pytest.mark.parametrize("text", [
    _LETTER.format(address="Borups Allé 177, 2400 København NV"),
    "Ansøgning om råden over vejareal\n\nAdresse: Ryesgade 30, 2200 København N\n\nVi har brug for en container.",
])
def test_an_address_field_without_another_letterhead_address_is_the_business_address(text):
    found = values(text)
    assert "activity_location" not in found and found["address"] in ("Borups Allé 177", "Ryesgade 30")


# ---------------------------------------------------------------- "på selve torvet"

def test_a_square_named_after_selve_is_the_site_beside_the_business_on_it():
    text = ("Vi vil søge om udeservering på selve Sankt Hans Torv, overfor caféen, ved siden af springvandet.\n\n"
            "Café Torvet ApS, Sankt Hans Torv 3, 2200 Kbh N\nCVR 72708946")
    found = find_addresses(text)
    assert (found["address"], found["activity_location"]) == ("Sankt Hans Torv 3", "Sankt Hans Torv")


def test_selve_before_a_word_that_is_no_street_names_no_site():
    assert "activity_location" not in find_addresses("Vi står for selve arrangementet og på selve dagen.")


# ---------------------------------------------------------------- the business's address beside a labelled site

def test_the_address_in_the_applicants_block_is_found_beside_a_labelled_site():
    text = ("Hermed anmeldelse af støjende arbejde.\n\nByggeplads: Vesterbrogade 112, 1620 København V (baghus)\n"
            "Periode: 18. januar - 5. februar 2027\n\nEntreprenør:\nBrdr. Vinther Entreprise A/S\n"
            "Ørestads Boulevard 108, 4.\n2300 København S\nCVR 51675215\n\nKontakt: byggeleder Martin Vinther")
    found = values(text)
    assert (found["address"], found["postcode"]) == ("Ørestads Boulevard 108, 4.", "2300")
    assert str(found["activity_location"]).startswith("Vesterbrogade 112")


def test_a_labelled_site_alone_gives_no_business_address():
    text = "Byggeplads: Vesterbrogade 112, 1620 København V\n\nVi arbejder på Vesterbrogade 112 i januar."
    found = values(text)
    assert "address" not in found and str(found["activity_location"]).startswith("Vesterbrogade 112")


# ---------------------------------------------------------------- an event at "the" named place

@pytest.mark.parametrize(("text", "site"), [
    ("We would like to hold a 10 km charity run starting and finishing at the Amager Fælled car park by Artillerivej.",
     "Amager Fælled"),
    ("Our run starts at the Kastellet gate on Sunday.", "Kastellet"),
])
def test_an_event_at_the_named_place(text, site):
    assert find_addresses(text).get("activity_location") == site


@pytest.mark.parametrize("text", [
    "We will have a stall at the Vesterbro Festival in June.",
    "We would like to serve coffee on the Saturday before Christmas.",
])
def test_the_before_an_event_or_a_day_names_no_place(text):
    assert "activity_location" not in find_addresses(text)


# ---------------------------------------------------------------- a second number marked as the mobile

@pytest.mark.parametrize("text", [
    "Contact: Oliver Brink, partner\nTel. 33 91 27 65 / 40 26 73 18 (mobile)\nob@brinkholm.example",
    "Med venlig hilsen\nOliver Brink\nTlf. 33 91 27 65 eller 40 26 73 18 mobil",
])
def test_a_second_number_marked_mobile_after_the_switchboard_is_the_phone(text):
    assert values(text)["phone"] == "40267318"


def test_a_second_number_not_marked_leaves_the_first():
    assert values("Med venlig hilsen\nOliver Brink\nTlf. 33 91 27 65 / 40 26 73 18")["phone"] == "33912765"
