"""Details in the voices of development batch d20: a street named "Ved X" whatever its ending, a company's own address
after its name on one line, a site's word in the company's name above its address, a size in parentheses between
the work and its place, and a facility set up ("etableres") at a place."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 22)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a street named "Ved X"

def test_a_street_named_ved_and_a_word_is_an_address():
    text = ("Hej\n\nVi skal opsætte stillads på Ved Kirken 5, 2300 København S i marts 2027.\n\n"
            "Mvh\nOle Berg\nByg & Bo ApS, Vesterbrogade 3, 1620 København V\nCVR 35297189")
    found = values([("body", text)])
    assert found["activity_location"].startswith("Ved Kirken 5")
    assert found["address"] == "Vesterbrogade 3"


def test_the_preposition_ved_in_lower_case_is_no_street():
    text = ("Hej\n\nVi vil sælge is ved Nørreport 2 dage i juni 2027.\n\n"
            "Mvh\nOle Berg\nIsbaren ApS, Vesterbrogade 3, 1620 København V\nCVR 35297189")
    found = values([("body", text)])
    assert found.get("activity_location") != "Ved Nørreport 2"
    assert found["address"] == "Vesterbrogade 3"


# ---------------------------------------------------------------- the company's name and its address on one line

def test_a_company_with_its_address_on_one_line_is_the_business_address():
    text = ("Til Miljø\n\nAnmeldelse af støjende arbejde: pælefundering på byggepladsen Havneholmen, Kalvebod "
            "Brygge 40.\nArbejdstid: hverdage kl. 7-18 i perioden 1. marts - 30. april 2027.\n\n"
            "Entreprenør: Nordhavn Pæle A/S, Sundkrogsgade 12, 2150 Nordhavn, CVR 35297189\n"
            "Byggeleder: Anders Kjær, mobil 29 63 40 18\n\nMed venlig hilsen\nMaria Poulsen")
    found = values([("body", text)])
    assert found["address"] == "Sundkrogsgade 12"
    assert found["postcode"] == "2150"
    assert found["activity_location"] == "Kalvebod Brygge 40"


# ---------------------------------------------------------------- a site's word in the company's name

def test_a_site_word_in_the_company_name_above_its_address_is_no_site():
    text = ("Hello,\n\nWe are renovating a flat at Istedgade 50 and need a skip on the street in March 2027.\n\n"
            "Best,\nAnna Holm\nHolm Demolition ApS\nKirkevej 12, 2770 Kastrup\n+45 20 87 35 64\nCVR 35297189")
    found = values([("body", text)])
    assert found["address"] == "Kirkevej 12"
    assert found["postcode"] == "2770"
    assert found["activity_location"] == "Istedgade 50"


# ---------------------------------------------------------------- a size in parentheses

def test_a_size_in_parentheses_between_the_work_and_its_place():
    body = ("Goddag\n\nVi skal nedrive et gammelt udhus (ca. 24 m2) på Hvidovrevej 110. Nedrivningen sker i uge 12. "
            "Firmaoplysninger er vedhæftet.\n\nMed venlig hilsen\nPer Vinther")
    attached = "Vinther Entreprise ApS\nVesterfælledvej 8, 1750 København V\nCVR 35297189"
    found = values([("body", body), ("firma.pdf", attached)])
    assert found["address"] == "Vesterfælledvej 8"
    assert found["activity_location"] == "Hvidovrevej 110"


# ---------------------------------------------------------------- a facility set up at a place

def test_a_facility_set_up_at_a_branch_is_the_site():
    body = ("Til Center for Miljøbeskyttelse\n\nVi ansøger om spildevandstilladelse til en ny vaskeplads. "
            "Oplysninger står i vedhæftede brev.\n\nMed venlig hilsen\nKarina Thomsen\nAuto Øst A/S\n"
            "Roskildevej 320, 2610 Rødovre")
    attached = ("Auto Øst A/S, CVR-nr. 35297189\n\nVaskepladsen etableres på afdelingen Amagerfælledvej 14, "
                "2300 København S.\n\nOlieudskiller NS 3 med sandfang.")
    found = values([("body", body), ("brev.docx", attached)])
    assert found["address"] == "Roskildevej 320"
    assert found["activity_location"].startswith("Amagerfælledvej 14")
