"""Details in the voices of development batch d21: a relative or a chairman named as the one to call over the
writer, a labelled contact who names another to call after "men", an adviser writing for a client (the client's
business and premises, not the adviser's office), a company's own address after its CVR beside a site, an address
taken back for a new one, a CVR in brackets after the legal form, "A/B X" in the signature beside the association's
full name, and a capacity counted in guests."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 8)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the person named to call

def test_a_relative_named_to_call_is_the_contact_with_his_phone():
    text = ("Kære kommune\n\nJeg har drevet bageriet på Valby Langgade 12, 2500 Valby i mange år (Valby Brød, "
            "CVR 44551020). Jeg er ikke så god til computer, så ring til min datter Louise Holm på 40 55 18 26.\n\n"
            "Venlig hilsen\nInge Holm\nTlf. 36 30 11 22")
    found = values([("body", text)])
    assert found["contact_name"] == "Louise Holm"
    assert found["phone"] == "40551826"


def test_the_contact_who_will_be_named_in_english_is_the_contact():
    text = ("Hello,\n\nWe are opening a shop (Nordic Wheels ApS, CVR 26789028). Our contact in Copenhagen will be "
            "Anna van Dijk, anna@nordicwheels.eu.\n\nThanks,\nPeter Smit\nCEO")
    assert values([("body", text)])["contact_name"] == "Anna van Dijk"


def test_questions_to_the_owner_in_the_definite_form_name_the_owner():
    text = ("Hej\n\nSpørgsmål om skiltet bedes rettet direkte til indehaveren, Mette Dahl, på 27 39 44 81.\n\n"
            "Mvh\nOle Berg")
    assert values([("body", text)])["contact_name"] == "Mette Dahl"


def test_a_site_manager_labelled_as_the_contact_is_the_contact():
    text = ("Anmeldelse\n\nArbejdssted: Nordre Fasanvej 113\n\nByggeleder og kontakt: Lars Holt, mobil 21 58 73 40")
    assert values([("body", text)])["contact_name"] == "Lars Holt"


def test_a_labelled_contact_who_names_another_to_call_after_but():
    text = ("Hej\n\nVi holder loppemarked på Mozarts Plads (Foreningen Loppen, CVR 35678905).\n\n"
            "Kontakt: Gitte Holm, 22 19 58 40 - men ring til min søn Jakob Holm på 26 48 30 17 i dagtimerne.\n\n"
            "Mvh Gitte")
    found = values([("body", text)])
    assert found["contact_name"] == "Jakob Holm"
    assert found["phone"] == "26483017"


def test_a_first_name_introduced_is_completed_by_the_full_name_signed():
    text = ("hej!!\n\njeg hedder Frida og har en kaffecykel (Fridas Bønner, CVR 27645135).\n\nmit nummer er "
            "50 12 63 94\n\ntak!!\nFrida Lykke Nørgaard")
    assert values([("body", text)], sender_name="Frida Nørgaard")["contact_name"] == "Frida Lykke Nørgaard"


def test_questions_to_the_undersigned_take_the_signatures_phone_over_a_foremans_mobile():
    text = ("Til Center for Trafik\n\nPå vegne af Kjær Murer A/S, CVR-nr. 33561288, søges om en skurvogn ud for "
            "Istedgade 71.\n\nPladsformand er Henrik Kjær, mobil 22 61 09 45. Spørgsmål til ansøgningen kan rettes "
            "til undertegnede.\n\nVenlig hilsen\n\nPia Sørensen\nSekretær\nKjær Murer A/S\nVigerslev Allé 160, "
            "2500 Valby\nTlf. 36 44 21 90")
    found = values([("body", text)])
    assert found["contact_name"] == "Pia Sørensen"
    assert found["phone"] == "36442190"


# ---------------------------------------------------------------- an adviser writing for a client

def test_an_accountant_for_a_client_gives_the_clients_business_and_premises():
    text = ("Kære Center for Bygninger\n\nJeg er revisor for Frisør Lykke v/ Camilla Lykke (CVR 40123458), som har "
            "salon på Frederikssundsvej 88, 2400 København NV. Min klient vil sætte et skilt op.\n\nMed venlig "
            "hilsen\nTorben Mølgaard\nRegistreret revisor\nMølgaard Revision ApS, Ålholmvej 4, 2500 Valby")
    found = values([("body", text)])
    assert found["company_name"] == "Frisør Lykke v/ Camilla Lykke"
    assert found["address"] == "Frederikssundsvej 88"
    assert found["postcode"] == "2400"
    assert "activity_location" not in found


# ---------------------------------------------------------------- the company's own address and the site

def test_the_address_after_the_companys_cvr_is_its_own_beside_the_site():
    text = ("Dear Centre for Traffic,\n\nWe apply for a trench in the footway along Tagensvej 86-120, approx. "
            "180 m2.\n\nApplicant: FiberLink Nordic A/S, CVR 34561230, Lautrupsgade 7, 5. sal, 2100 København Ø\n"
            "Project manager: Arjun Mehta, +45 31 60 22 48\n\nRegards\nArjun Mehta")
    found = values([("body", text)])
    assert found["address"].startswith("Lautrupsgade 7")
    assert found["postcode"] == "2100"
    assert found["activity_location"].startswith("Tagensvej 86-120")


def test_an_address_taken_back_for_the_one_moved_to():
    text = ("Til Miljøbeskyttelse\n\nVi skal udføre betonskæring i kælderen på Frederiksberg Allé 42 i juni 2027.\n\n"
            "Entreprenør: Hansen Byg ApS, CVR 41234563, Roskildevej 310, 2610 Rødovre... undskyld, vi er flyttet: "
            "Vesterfælledvej 58, 1750 København V.\n\nMed venlig hilsen\nMads Hansen")
    found = values([("body", text)])
    assert found["address"] == "Vesterfælledvej 58"
    assert found["postcode"] == "1750"
    assert found["activity_location"].startswith("Frederiksberg Allé 42")


# ---------------------------------------------------------------- the company and its CVR

def test_a_cvr_in_brackets_after_the_legal_form():
    text = "Hej\n\nJeg er butikschef i Asia Food Amager ApS (29877416), Amagerbrogade 201, 2300 København S.\n\nWei"
    assert values([("body", text)])["cvr"] == "29877416"


def test_the_association_written_out_wins_over_its_abbreviation_in_the_signature():
    text = ("Til Center for Miljøbeskyttelse\n\nJeg skriver som bestyrelsesmedlem i Andelsboligforeningen Lindehuset "
            "(CVR 36782358), Lindevej 9, 1876 Frederiksberg C, om en olietank.\n\nMed venlig hilsen\nLene Birk\n"
            "Bestyrelsesmedlem, A/B Lindehuset")
    assert values([("body", text)])["company_name"] == "Andelsboligforeningen Lindehuset"


# ---------------------------------------------------------------- a capacity in guests

def test_a_capacity_counted_in_guests_is_no_litres():
    text = ("Northsound Weekender 2027\n\nOrganiser: Northsound Live ApS (CVR 36127899)\n"
            "Dates: Friday 27 August to Sunday 29 August 2027.\nCapacity: up to 3,000 guests per day.")
    found = values([("attachment.pdf", text)])
    assert "litres" not in found
    assert found["guests"] == 3000


# ---------------------------------------------------------------- a start week alone

def test_a_labelled_start_week_alone_is_no_period():
    fields = {"Ejer": "Enghave Ejendomme ApS", "CVR": "25671236", "Areal": "ca. 210 kvm", "Forventet start": "uge 18"}
    found = values([("form.docx", "\n".join(f"{k}\t{v}" for k, v in fields.items()))], fields)
    assert "period_from" not in found and "period_to" not in found


def test_a_week_the_work_is_done_in_stays_the_period():
    text = "Hej\n\nTanken tømmes og fyldes med sand i uge 18.\n\nMvh\nOle Berg"
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-05-03", "2027-05-09")
