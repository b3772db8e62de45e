"""Details in the voices of development batch d16: the applicant's own address beside the activity's site in
running text (a building's name before its street address, the current address of a business that moves, a
street without a street word written with its floor)."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 1, 25)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a building's name before the street address

def test_a_building_named_in_the_text_and_then_with_its_street_address_gives_the_street_address():
    text = ("Hej\n\nVi åbner restaurant i Pakhus 11 og skal have en aftale om erhvervsaffald. Adressen er Pakhus 11, "
            "Dampfærgevej 10, st., 2100 København Ø.\n\nmvh\nCamilla Rask\nRestaurant Havluft ApS\nCVR 29324263")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Dampfærgevej 10, st.", "2100")
    assert "activity_location" not in found


def test_a_labelled_address_with_a_buildings_name_gives_the_street_address():
    text = ("Hi,\n\nWe want to set up collection of paper and cardboard.\n\n"
            "Address: Pakhus 48, Amerika Plads 12, 2100 Cph Ø (3rd floor)\n\nKind regards,\nLine Bjerre\n"
            "Bjerre & Partnere Arkitekter I/S\nCVR 60812497")
    found = values([("body", text)])
    assert (found["address"], found.get("postcode")) == ("Amerika Plads 12", "2100")
    assert "activity_location" not in found


def test_a_registered_office_in_a_building_gives_the_street_address():
    text = ("Hello,\n\nWe will demolish an old storage hall at Prags Boulevard 49, 2300 København S.\n\n"
            "Developer: Amager Property Partners P/S, CVR 42608467\n"
            "Registered office: Pakhus 2, Kalkbrænderiløbskaj 4, 2150 Nordhavn\n")
    found = values([("body", text)])
    assert found["address"] == "Kalkbrænderiløbskaj 4"
    assert found["activity_location"].startswith("Prags Boulevard 49")


# ---------------------------------------------------------------- a business that moves

def test_the_current_address_of_a_business_moving_to_new_premises_is_its_own():
    text = ("Kære Center for Miljøbeskyttelse\n\nVi skal flytte vores autolakereri til nye lokaler og skal bruge en "
            "miljøgodkendelse. Nye lokaler: Kraftværksvej 29, 2300 Kbh S (hal 3). Vores nuværende adresse er "
            "Lygten 39, st., 2400 København NV.\n\nMed venlig hilsen\nJesper Bach\nBach Autolak\nCVR 25004272")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Lygten 39, st.", "2400")
    assert found["activity_location"].startswith("Kraftværksvej 29")


def test_our_current_address_is_the_businesss_own_in_english():
    text = ("Hello,\n\nWe are moving our workshop to Vermundsgade 40, 2100 København Ø and need an environmental "
            "approval there. Our current address is Rentemestervej 8, 2400 København NV.\n\nRegards\nTom Berg\n"
            "Berg Metal ApS\nCVR 31245678")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Rentemestervej 8", "2400")
    assert found["activity_location"].startswith("Vermundsgade 40")


# ---------------------------------------------------------------- an architect for a client: the client's own office

def test_the_clients_own_office_is_the_address_and_the_property_the_site():
    text = ("To whom it may concern,\n\nOn behalf of our client Nordlys Bolig ApS (CVR 96027699) we would like to ask "
            "how to proceed with a building permit for a roof terrace on the property Wildersgade 32, 1408 "
            "Copenhagen K. The client's own office is at Strandgade 27B, 1401 København K.\n\n"
            "Kind regards\nFreja Holt\nHolt Arkitekter")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Strandgade 27B", "1401")
    assert found["activity_location"].startswith("Wildersgade 32")



# ---------------------------------------------------------------- a square's name wrapped in a PDF

def test_a_squares_name_wrapped_over_two_lines_of_a_pdf_is_the_site():
    text = ("GrünBau GmbH – Copenhagen office\nVesterbrogade 149, 5.\n1620 København V\nDanish CVR: 41180943\n"
            "Application: noisy and dusty construction work\n"
            "We are demolishing concrete slabs with hydraulic breakers on the site at Bryggernes\n"
            "Plads (Carlsberg Byen) from 1 November to 26 November 2027, Monday to Friday\n07:00-17:00.\n")
    found = values([("application.pdf", text)])
    assert found["activity_location"] == "Bryggernes Plads"
    assert found["address"] == "Vesterbrogade 149, 5."


# ---------------------------------------------------------------- the business's building with its stairway

def test_our_building_with_its_stairway_is_the_businesss_own_address():
    text = ("Hej Miljø\n\nVi ønsker at etablere en overjordisk dieseltank på 6.000 liter til vores nødstrømsgenerator. "
            "Tanken placeres udendørs ved vores bygning, Carl Jacobsens Vej 16, opg. 4, 2500 Valby.\n\n"
            "Kontakt: driftschef Lars Grønbech, lg@valbydata.dk, 40 55 72 61\nValby Datacenter A/S, CVR 27873456")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Carl Jacobsens Vej 16, opg. 4", "2500")
    assert "activity_location" not in found


# ---------------------------------------------------------------- the business's own size is no guests

def test_an_office_of_so_many_people_gives_no_guests():
    text = ("Hi,\n\nWe are an architecture office of 25 people and want to set up collection of paper, cardboard "
            "and general office waste.\n\nAddress: Amerika Plads 12, 2100 København Ø\n\nKind regards,\nLine Bjerre\n"
            "Bjerre & Partnere Arkitekter I/S\nCVR 60812497")
    assert "guests" not in values([("body", text)])


# ---------------------------------------------------------------- an area's "m2" before the days

def test_the_2_of_m2_before_a_range_of_days_is_no_earlier_day():
    text = ("Dear Centre for Traffic,\n\nWe apply for a digging permit in the pavement in front of Tagensvej 86. "
            "Approx. 6 m2, 15-19 March 2027.\n\nFiberlink Denmark A/S\nSydhavnsgade 17, 2450 Copenhagen SV")
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-03-15", "2027-03-19")
