"""Details in the voices of development batch d7 (the site of the activity against the business's own address):
a contractor's customer or a building's owners, a stretch of a street between two others, "ud for nr. 12" after the
street was named, a corner written in a form field, numbered form headings and a road section's label."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.labels import label_key, normalise_label
from intake.details.sites import find_addresses
from intake.details.text import labelled_values

REF = date(2027, 3, 8)


def values(text: str, fields: dict[str, str] | None = None) -> dict:
    found = extract_details([("body", text)], fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a customer's or an owner's place is the site

@pytest.mark.parametrize("text", [
    "Vi skal flytte en kunde ud af lejligheden på Classensgade 21, 4. tv., 2100 København Ø.\n\n"
    "Flyttefix ApS, CVR 80386044\nAvedøreholmen 60, 2650 Hvidovre\n\nHilsen Tariq",
    "We have a customer living at Classensgade 21, 4. tv, 2100 København Ø who is moving out.\n\n"
    "Flyttefix ApS\nAvedøreholmen 60, 2650 Hvidovre\n\nRegards, Tariq",
])
def test_a_customers_home_is_the_site_and_the_firms_address_its_own(text):
    found = find_addresses(text)
    assert found["address"] == "Avedøreholmen 60"
    assert found["activity_location"].startswith("Classensgade 21, 4. tv")


def test_a_shops_customers_at_its_own_premises_are_no_site():
    """ "vores kunder ... foran butikken på X": the shop's customers, at the shop's own address."""
    found = find_addresses("Vi vil gerne give vores kunder mulighed for at sidde foran butikken på Elmegade 14, "
                           "2200 København N.")
    assert found.get("address") == "Elmegade 14"
    assert "activity_location" not in found


def test_the_buildings_owners_name_the_site():
    text = ("Ställningsbolaget Syd AB has been hired by the owners of Nyhavn 31, 1051 København K to repair the "
            "facade.\n\nOur office: Industrigatan 4, 212 14 Malmö, Sweden.")
    found = find_addresses(text)
    assert found["activity_location"].startswith("Nyhavn 31")
    assert "address" not in found


def test_the_roof_of_a_building_is_the_site():
    text = ("Vi skal løfte ventilation op på taget af Gothersgade 109, 1123 København K.\n\n"
            "Københavns Kranservice ApS\nIndustriholmen 82, 2650 Hvidovre\n\nMed venlig hilsen\nBrian")
    found = find_addresses(text)
    assert found["address"] == "Industriholmen 82"
    assert found["activity_location"].startswith("Gothersgade 109")


def test_around_a_square_is_on_it():
    found = values("Vi holder gadefest omkring Sankt Hans Torv, med boder på hele pladsen, lørdag 28. august 2027.")
    assert found["activity_location"] == "Sankt Hans Torv"


# ---------------------------------------------------------------- stretches, numbers and corners

@pytest.mark.parametrize(("text", "site"), [
    ("Vi vil gå med to ladcykler på Strøget mellem Amagertorv og Kongens Nytorv den 10. september 2027.", "Strøget"),
    ("We will film along Vigerslev Allé between Vigerslevvej and Toftegårds Plads on 3 June 2027.", "Vigerslev Allé"),
])
def test_a_stretch_between_two_places_is_its_street(text, site):
    assert values(text)["activity_location"] == site


def test_between_two_times_is_no_stretch():
    found = values("Vi holder åbent i Kødbyen mellem kl. 10 og 16 den 10. september 2027.")
    assert found.get("activity_location") == "Kødbyen"


def test_a_partnership_between_two_firms_is_no_street():
    found = values("Det er et samarbejde mellem Café Ziggy og Bager Bent om en fælles bod.")
    assert "activity_location" not in found


@pytest.mark.parametrize(("text", "site"), [
    ("Vi har en kunde i Rosenvængets Allé og skal stille en lift ud for nr. 12 den 8. september 2027.",
     "Rosenvængets Allé 12"),
    ("Vi skal grave i Jagtvej ud for nr. 101-105, 2200 København N, i august 2027.", "Jagtvej 101-105"),
])
def test_a_number_goes_with_the_street_named_before_it(text, site):
    assert values(text)["activity_location"] == site


def test_a_number_with_no_street_before_it_is_no_site():
    assert "activity_location" not in values("Vi skal stille en lift ud for nr. 12 den 8. september 2027.")


@pytest.mark.parametrize(("written", "site"), [
    ("Hjørnet af Amagerbrogade og Holmbladsgade", "Amagerbrogade og Holmbladsgade"),
    ("At the corner of Godthåbsvej and Nordre Fasanvej", "Godthåbsvej and Nordre Fasanvej"),
    ("Vigerslev Allé mellem Vigerslevvej og Toftegårds Plads", "Vigerslev Allé"),
])
def test_a_site_field_names_the_corner_or_the_street_of_a_stretch(written, site):
    assert values("", {"Arbejdsstedet": written})["activity_location"] == site


def test_a_corner_words_without_two_streets_are_kept():
    assert values("", {"Placering": "Hjørnet af pladsen"}).get("activity_location") != "pladsen"


# ---------------------------------------------------------------- labels

@pytest.mark.parametrize(("label", "key"), [
    ("Strækning", "activity_location"), ("Vejstrækning", "activity_location"), ("Road section", "activity_location"),
    ("1. Ansøger", "person_or_company"), ("2) Telefon", "phone"), ("B. Periode", "period"),
])
def test_labels_of_a_road_section_and_numbered_labels(label, key):
    assert label_key(label) == key


def test_a_number_that_is_the_label_is_kept():
    assert normalise_label("2027 budget") == "2027 budget"


def test_a_numbered_heading_is_not_the_value_of_the_line_above():
    text = ("Ansøgning om gadesalg / stadeplads\n1. Ansøger\nNavn: Holm-Nielsen Brændte Mandler\n"
            "Adresse: Søborg Hovedgade 101, 2860 Søborg\n2. Salgssted\nØnsket placering: Amagertorv, ved "
            "springvandet\n")
    found = labelled_values(text, REF)
    assert found["activity_location"] == "Amagertorv"
    assert found["address"] == "Søborg Hovedgade 101"


# ---------------------------------------------------------------- the property's address beside the firm's own

def test_a_property_address_in_a_letter_with_a_letterhead_is_the_site():
    text = ("Amager Stilladser ApS\nKastrupvej 120\n2300 København S\nCVR 36043393\n\n"
            "Ansøgning om råden over vejareal – stillads\n\nBygherre: A/B Øresundsgården\n"
            "Ejendommens adresse: Øresundsvej 18, 2300 København S\nPeriode: 3. maj til 27. august 2027\n")
    found = values(text)
    assert found["address"] == "Kastrupvej 120"
    assert found["activity_location"].startswith("Øresundsvej 18")


def test_a_property_address_alone_is_the_address():
    found = values("Ejendommens adresse: Øresundsvej 18, 2300 København S\nPeriode: 3. maj til 27. august 2027\n")
    assert found["address"] == "Øresundsvej 18"
    assert "activity_location" not in found


def test_a_property_address_on_the_firms_own_house_stays_the_address():
    text = ("Ejendommens adresse: Øresundsvej 18, 2300 København S\n\nMed venlig hilsen\nIb Holm\n"
            "Holm Byg ApS, Øresundsvej 18, st., 2300 København S\n")
    found = values(text)
    assert found["address"].startswith("Øresundsvej 18")
    assert "activity_location" not in found


# ---------------------------------------------------------------- addresses abroad

@pytest.mark.parametrize("written", [
    "14 rue de la Paix, 75002 Paris, France",
    "45 Shoreditch High Street, London E1 6PN, United Kingdom",
    "Industrigatan 4, 212 14 Malmö, Sverige.",
])
def test_a_labelled_address_abroad_is_no_address(written):
    assert "address" not in values("", {"Organiser address": written})


def test_a_danish_address_naming_a_country_word_is_kept():
    found = values("", {"Adresse": "Englandsvej 51, 2770 Kastrup"})
    assert found["address"] == "Englandsvej 51"
    assert values("", {"Adresse": "Holland Park 3, 2300 København S, Denmark"})["address"] == "Holland Park 3"


# ---------------------------------------------------------------- beyond the site: names and amounts

@pytest.mark.parametrize(("text", "company"), [
    ("Vi er en lille forening der hedder Bogbyttet, og vi vil gerne lave en stand.", "Bogbyttet"),
    ("Jeg har enkeltmandsvirksomheden Skovens Træer, CVR 21833525.", "Skovens Træer"),
    ("We are a small club that is called Copenhagen Chess Collective and would like a table.",
     "Copenhagen Chess Collective"),
])
def test_a_business_introduced_by_what_it_is_called(text, company):
    assert values(text)["company_name"] == company


def test_having_the_shop_on_a_street_names_no_business():
    assert "company_name" not in values("Vi har butikken på Nørrebrogade 4, 2200 København N.")


def test_a_generic_noun_beside_a_cvr_is_no_name():
    text = ("Grundejerforeningen Kildevæld holder loppemarked.\n\nForeningen, CVR 89821800, c/o Annette Krogh, "
            "Bryggervangen 40, 2100 København Ø.")
    assert values(text)["company_name"] == "Grundejerforeningen Kildevæld"


@pytest.mark.parametrize(("signature", "name"), [
    ("Venlig hilsen\nKirsten Nyborg, formand\ntlf. 36 46 18 02", "Kirsten Nyborg"),
    ("Hilsen Amalie Fog (kasserer)\nRantzausgade 33, 4. th", "Amalie Fog"),
    ("Best regards\nTom Hale, Treasurer", "Tom Hale"),
])
def test_a_signer_with_the_role_after_the_name(signature, name):
    assert values(f"Tak for hjælpen.\n\n{signature}\n")["contact_name"] == name


def test_a_business_with_its_role_after_it_signs_as_no_person():
    assert "contact_name" not in values("Tak for hjælpen.\n\nHilsen\nCafé Solsiden, indehaver\n")


def test_a_name_field_holding_a_sole_traders_business_is_the_company():
    found = values("", {"Navn": "Holm-Nielsen Brændte Mandler (enkeltmandsvirksomhed)"})
    assert found["company_name"] == "Holm-Nielsen Brændte Mandler"
    assert "contact_name" not in found


@pytest.mark.parametrize(("text", "area"), [
    ("Materiel: Facadestillads (30 x 1 m) og container (15 m²), i alt 45 m²", 45),
    ("Stillads 20 m² og skurvogn 15 m², in total 35 m².", 35),
    ("Arealet er 20 m². I alt har vi 3 borde og 12 stole.", 20),
])
def test_a_total_area_wins_over_its_parts(text, area):
    assert values(text)["area_m2"] == area


@pytest.mark.parametrize(("label", "value", "guests"), [
    ("Expected audience", "5,000", 5000), ("Forventet publikum", "ca. 800", 800),
])
def test_an_audience_is_the_guests(label, value, guests):
    assert values("", {label: value})["guests"] == guests


# ---------------------------------------------------------------- the job named as such, and a second address

@pytest.mark.parametrize("text", [
    "Opgaven er på Teglholmsgade 14, 2450 København SV.",
    "The job is at Teglholmsgade 14, 2450 København SV.",
    "Vi har en opgave på Teglholmsgade 14, 2450 København SV og skal bruge en container i to uger.",
    "Container til Teglholmsgade 14, 2450 København SV, 2 uger.",
    "Flytning fra Teglholmsgade 14, 2450 København SV den 3. maj 2027.",
])
def test_the_job_the_equipment_or_the_removal_names_the_site(text):
    found = find_addresses(text + "\n\nMed venlig hilsen\nPer Holm\nHolm Entreprise ApS\n")
    assert found["activity_location"].startswith("Teglholmsgade 14")
    assert "address" not in found


@pytest.mark.parametrize("text", [
    "Vi holder til på Industrivej 12, 2605 Brøndby. Vi skal lave nyt tag på Teglholmsgade 14, 2450 København SV.",
    "Vi skal lave nyt tag på Teglholmsgade 14, 2450 København SV. Vores kontor ligger på Industrivej 12, 2605 Brøndby.",
])
def test_beside_the_address_the_business_calls_its_own_another_is_the_site(text):
    found = find_addresses(text)
    assert found["address"] == "Industrivej 12"
    assert found["activity_location"].startswith("Teglholmsgade 14")


def test_a_day_of_a_date_after_a_street_is_no_second_address():
    text = ("Foreningen ønsker at holde julemarked på Nørrebrogade mellem Jagtvej og Nørrebros Runddel 4.-5. "
            "december 2027.\n\nVores adresse er Nørrebrogade 180, 2200 København N")
    assert find_addresses(text).get("activity_location") == "Nørrebrogade"


def test_an_agents_letter_keeps_its_other_addresses_out_of_the_site():
    text = ("På vegne af vores klient, Vinbaren Kork ApS, Værnedamsvej 6, 1619 København V, søger vi om "
            "udeservering.\n\nAdvokatfirmaet Brink\nBredgade 30, 1260 København K\n")
    assert "activity_location" not in find_addresses(text)


def test_a_company_named_after_its_house_is_on_that_house():
    text = ("Vi er et nyt kontorfællesskab på Sankt Peders Stræde 34, 1453 København K. Virksomheden hedder "
            "Stræde 34 Kontorfællesskab ApS.")
    found = find_addresses(text)
    assert found["address"] == "Sankt Peders Stræde 34"
    assert "activity_location" not in found


def test_a_number_before_a_street_that_ends_the_sentence():
    found = values("Our crane will be parked in front of no. 27 Store Kongensgade.")
    assert found["activity_location"] == "Store Kongensgade 27"


def test_a_corner_field_written_with_a_slash():
    found = values("", {"Placering": "På hjørnet af Jagtvej/Nørrebrogade"})
    assert found["activity_location"] == "Jagtvej/Nørrebrogade"


@pytest.mark.parametrize(("written", "street"), [
    ("Gladsaxe Møllevej", "Gladsaxe Møllevej"), ("Gentofte Sportsvej", "Gentofte Sportsvej"),
    ("Stillads Møllevej", "Møllevej"),
])
def test_a_municipality_before_a_street_is_part_of_its_name(written, street):
    from intake.details.addresses import clean_street
    assert clean_street(written) == street


@pytest.mark.parametrize("text", [
    "Kontaktperson hos Luna er indehaver Marco Ricci, tlf. 27 30 81 15.\n\nMed venlig hilsen\nSusanne Lyng",
    "On site you can reach our foreman Marco Ricci at +45 91 43 27 60.\n\nBest regards\nSusanne Lyng",
    "I kan ringe til Marco Ricci på 27 30 81 15.\n\nHilsen\nSusanne Lyng",
])
def test_the_person_the_text_names_to_reach_is_the_contact(text):
    assert values(text)["contact_name"] == "Marco Ricci"


def test_reaching_the_writer_at_a_number_names_no_one_else():
    assert values("You can reach us at 12 34 56 78.\n\nRegards\nSusanne Lyng")["contact_name"] == "Susanne Lyng"


def test_work_for_a_client_at_an_address_is_the_site():
    text = ("Hi, our company Nordic Tents ApS (Kokbjerg 10, 2605 Brøndby) will set up a tent for a client at "
            "Kalvebod Brygge 39 on 3 June 2027.\n\nBest, Nora")
    found = find_addresses(text)
    assert found["address"] == "Kokbjerg 10"
    assert found["activity_location"] == "Kalvebod Brygge 39"


def test_an_agent_applying_for_a_client_names_the_clients_premises():
    text = "We apply for our client, Vinbaren Kork ApS, Værnedamsvej 6, 1619 København V, for outdoor seating."
    assert "activity_location" not in find_addresses(text)


@pytest.mark.parametrize(("label", "written", "site"), [
    ("Vejstrækning", "Jagtvej 10-30, 2200 København N", "Jagtvej 10-30, 2200 København N"),
    ("Pitch", "Israels Plads - near the fountain", "Israels Plads"),
    ("Placering", "Tagensvej - ud for nr. 86", "Tagensvej 86"),
    ("Placering", "Halmtorvet - Kødbyen", "Halmtorvet - Kødbyen"),
])
def test_site_fields_with_a_range_a_dash_or_a_number_after_a_dash(label, written, site):
    assert values("", {label: written})["activity_location"] == site


def test_a_phone_in_an_address_field_is_still_no_address():
    assert "address" not in values("", {"Adresse": "Tlf 22 33 44 55"})


@pytest.mark.parametrize("text", [
    "Vi er flyttet til Njalsgade 21F, 2300 København S, og skal have en container i gården til flytteaffald.",
    "Vi skal opsætte stillads på vores egen ejendom, Wesselsgade 8, 2200 København N.",
])
def test_the_business_own_new_or_owned_house_is_its_address(text):
    found = find_addresses(text)
    assert "activity_location" not in found
    assert "address" in found


@pytest.mark.parametrize(("label", "written", "site"), [
    ("Event venue", "Ofelia Plads", "Ofelia Plads"),
    ("Location of works", "Junction of Jagtvej and Tagensvej", "Jagtvej and Tagensvej"),
    ("Placering", "Krydset mellem Jagtvej og Tagensvej", "Jagtvej og Tagensvej"),
])
def test_a_venue_label_and_a_junction_of_two_streets(label, written, site):
    assert values("", {label: written})["activity_location"] == site
