"""Details written in voices unlike the development set's first batches (batch s): an elderly shopkeeper, a
restaurateur writing simple Danish or English, a startup founder, a lawyer or an agent writing for a client, a
terse contractor, forms with slashed or dashed labels; names with particles, companies without a legal form,
signatures with a title line and a company line; and the issue-10 convention that ``activity_location`` is a site
apart from the business's own address."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.names import find_company, find_contact
from intake.details.periods import find_period
from intake.details.sites import find_addresses, same_place

REF = date(2027, 1, 15)
CVR = "23162164"        # valid


def values(text: str, form: dict[str, str] | None = None) -> dict:
    return {k: f.value for k, f in extract_details([("body", text)], form or {}, reference=REF).items()}


# ---------------------------------------------------------------- people

@pytest.mark.parametrize(("text", "name"), [
    ("Cheers,\nFreya van der Berg\nCo-founder & CEO | Loopbike\n+45 31 47 22 09\n", "Freya van der Berg"),
    ("Many thanks,\nSiobhan O'Reilly-Burke\nEvents Lead\n", "Siobhan O'Reilly-Burke"),
    ("Yours faithfully\n\nMichael de Vries\nPartner\nNordic Law Advokatpartnerselskab\n", "Michael de Vries"),
    ("Thanks!\nTom\n\n--\nTom O'Neill | Founder, Green Crate | +45 22 19 87 60\n", "Tom O'Neill"),
    ("Good morning,\n\nI am Ana de la Rosa, owner of Casa Rosa Tapas.\n\nKind regards,\nAna\n", "Ana de la Rosa"),
    ("Jeg er Yusuf Demir. Min kiosk hedder Kiosk Aladdin.", "Yusuf Demir"),
    ("Ærbødigst\nPoul Erik Vestergaard\nTobakshandler\n", "Poul Erik Vestergaard"),
])
def test_a_person_named_with_particles_or_after_other_closings(text, name):
    assert find_contact(text) == name


@pytest.mark.parametrize("text", ["I am writing to apply for a permit.", "Jeg er selvstændig maler.",
                                  "I'm Danish and run a café.", "Vh\n--\n"])
def test_no_person_where_none_is_introduced(text):
    assert find_contact(text) is None


def test_a_particle_does_not_end_a_name():
    assert find_contact("Med venlig hilsen\nKaren de\nAdvokat\n") is None     # a broken line, not a name
    assert find_contact("Hilsen Anna de\n") == "Anna"


# ---------------------------------------------------------------- companies

@pytest.mark.parametrize(("text", "company"), [
    ("Jeg har restaurant, den hedder Shiraz Grill. Den ligger Amagerbrogade 164.", "Shiraz Grill"),
    ("my name is Arjun, i have indian restaurant Spice Route on Vesterbrogade 112. cvr 23162164.", "Spice Route"),
    (f"I'm the founder of Green Crate (CVR {CVR}). We deliver veggie boxes.", "Green Crate"),
    (f"We're Kindred Coffee Roasters (no ApS yet, registered as a sole proprietorship, CVR {CVR}).",
     "Kindred Coffee Roasters"),
    ("Undertegnede driver Tobakshandleren ved Søerne, Øster Søgade 90, og ønsker et skilt.",
     "Tobakshandleren ved Søerne"),
    (f"Jeg har åbnet Café Maren på Rantzausgade 12.\nMin virksomhed er en enkeltmandsvirksomhed, CVR {CVR}.",
     "Café Maren"),
    (f"Stillads Nansensgade 40 uge 23.\nBrdr. Holm Stillads - cvr {CVR} - 40 50 60 70\n", "Brdr. Holm Stillads"),
    ("Børnekulturhuset Tumlebassen vil gerne holde sommerfest.", "Børnekulturhuset Tumlebassen"),
])
def test_a_company_without_a_legal_form_in_running_text(text, company):
    assert find_company(text, has_cvr=True) == company


def test_a_cvr_number_is_never_a_company_name():
    assert find_company(f"Min virksomhed er en enkeltmandsvirksomhed, CVR {CVR}.", has_cvr=True) is None


def test_a_title_line_is_not_the_company_line():
    text = (f"Mit CVR nummer er {CVR}.\n\nMed venlig hilsen\n\nBørge Mortensen\nIsenkræmmer\nMortensens Isenkram\n"
            "Nørrebrogade 88\n2200 København N\n")
    assert find_company(text, has_cvr=True) == "Mortensens Isenkram"


def test_a_signature_company_line_needs_a_cvr_unless_it_names_a_business():
    shop = "Med venlig hilsen\n\nElse Marie Lauridsen\nBrødrene Lauridsens Boghandel\nVesterbrogade 33\n"
    assert find_company(shop, has_cvr=False) == "Brødrene Lauridsens Boghandel"
    assert find_company("Med venlig hilsen\n\nElse Lauridsen\nOle Hansen\n", has_cvr=False) is None


# ---------------------------------------------------------------- labels and dates

def test_labels_joined_to_their_values_by_a_dash():
    found = values(f"Navn på firma - Cykel-Ib\nCVR - {CVR}\nAnsvarlig - Ib van Hauen\nTelefon - 35 82 90 41\n"
                   "Hvornår - marts-oktober 2027\n")
    assert (found["company_name"], found["cvr"], found["contact_name"], found["phone"]) == (
        "Cykel-Ib", CVR, "Ib van Hauen", "35829041")
    assert (found["period_from"], found["period_to"]) == ("2027-03-01", "2027-10-31")


def test_a_subject_with_a_dash_is_not_a_label():
    assert "activity_location" not in values("Site hut and fencing - Ørestad")


def test_a_cell_with_its_own_value_is_no_label_for_the_next_cell():
    found = values(f"Rasmus Weber\nWeber Tømrer ApS | CVR {CVR} | Tlf. 28 44 10 93\n")
    assert (found["cvr"], found["phone"]) == (CVR, "28441093")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("start 7/6-27 slut 25/6-27", "2027-06-07", "2027-06-25"),
    ("Periode (fra-til): maj-august 2027", "2027-05-01", "2027-08-31"),
    ("May-September 2027", "2027-05-01", "2027-09-30"),
    ("fra 1/4-30/9", "2027-04-01", "2027-09-30"),          # two dates, not 1 April 2030
    ("uge 23-26 2027", "2027-06-07", "2027-07-04"),
])
def test_new_date_forms(text, start, end):
    period = find_period(text, REF)
    assert (str(period.start), str(period.end)) == (start, end)


@pytest.mark.parametrize("text", ["We may open in May.", "Maj 2027 var travl.", "Kontoret holder lukket maj-"])
def test_a_lone_month_is_no_period(text):
    assert find_period(text, REF).start is None


# ---------------------------------------------------------------- whose address is it

@pytest.mark.parametrize(("site", "address", "same"), [
    ("Istedgade 71, st. th, 1650 København V", "Istedgade 71", True),
    ("Foran caféen, Amagerbrogade 120", "Amagerbrogade 120, st. tv", True),
    ("Istedgade 73", "Istedgade 71", False),
    ("Istedgade 71A", "Istedgade 71", False),
    ("Istedgade", "Istedgade 71", False),
    ("Godthåbsvej 2-40", "Godthåbsvej 2", False),
])
def test_same_place(site, address, same):
    assert same_place(site, address) is same


def test_the_same_house_number_in_another_postcode_is_another_place():
    assert not same_place("Hovedgaden 4, 2800 Kongens Lyngby", "Hovedgaden 4", "2970")
    assert same_place("Hovedgaden 4, 2. tv, 2970 Hørsholm", "Hovedgaden 4", "2970")
    found = find_addresses("Vi skal bruge en lift ud for Hovedgaden 4, 2800 Kongens Lyngby.\n\nMed venlig hilsen\n"
                           "Ib Holm\nHolm Vinduer ApS\nHovedgaden 4, 2970 Hørsholm\n")
    assert (found["address"], found["postcode"]) == ("Hovedgaden 4", "2970")
    assert found["activity_location"].startswith("Hovedgaden 4, 2800")


def test_serving_in_front_of_the_own_restaurant_is_the_address_and_no_site():
    found = values("Hej. Jeg har restaurant, den hedder Shiraz Grill. Den ligger Amagerbrogade 164, 2300 København S."
                   " Jeg vil have 4 bord udenfor på fortov foran restauranten.")
    assert (found["address"], found["postcode"]) == ("Amagerbrogade 164", "2300")
    assert "activity_location" not in found


def test_a_form_repeating_the_address_as_the_site_gives_no_site():
    found = values("", {"Adresse": "Nørregade 31", "Postnr.": "1165", "Serveringsstedets adresse": "Nørregade 31"})
    assert found["address"] == "Nørregade 31" and "activity_location" not in found


def test_an_agent_signs_with_the_agent_s_office():
    text = ("Undertegnede advokat repræsenterer Restaurant Guldkroen ApS. Selskabet driver restaurant på Gammel "
            "Strand 42, 1202 København K, og ønsker udeservering ud for restauranten.\n\nMed venlig hilsen\n\n"
            "Advokat Karen de la Cour\nAdvokatfirmaet Holm & Partnere\nAmaliegade 15, 1256 København K\n")
    found = find_addresses(text)
    assert (found["address"], found["postcode"]) == ("Gammel Strand 42", "1202") and "activity_location" not in found


def test_without_an_agent_the_signature_is_the_business_s():
    text = ("Vi skal bruge en container ud for Ryesgade 30, 2200 København N.\n\nMed venlig hilsen\nLise Hansen\n"
            "Hansen Tømrer ApS\nIndustrivænget 14, 2605 Brøndby\n")
    found = find_addresses(text)
    assert (found["address"], found["activity_location"]) == ("Industrivænget 14", "Ryesgade 30, 2200 København N")


def test_the_applicant_living_at_the_site_makes_it_the_address():
    found = find_addresses("Jeg skal renovere min lejlighed og har brug for en container foran Holsteinsgade 22, "
                           "2100 København Ø. Jeg bor selv på adressen, 4. th.")
    assert (found["address"], found["postcode"]) == ("Holsteinsgade 22, 4. th", "2100")
    assert "activity_location" not in found


@pytest.mark.parametrize(("text", "site"), [
    ("Vi vil holde loppemarked på pladsen ved Valby Kirke, Annexstræde 2, søndag den 6. juni.", "Annexstræde 2"),
    ("to place two site huts on the verge at Arne Jacobsens Allé 20, 2300 Copenhagen S", "Arne Jacobsens Allé 20"),
    ("Stillads Nansensgade 40 uge 23-26 2027. 1,2 x 12 m.", "Nansensgade 40"),
    ("We would like to hold a 5 km charity run on Amager Fælled on 26 September.", "Amager Fælled"),
])
def test_sites_apart_from_the_business(text, site):
    found = find_addresses(text)
    assert found["activity_location"].split(",")[0] == site and "address" not in found


def test_a_company_named_with_its_work_word_keeps_its_address():
    found = find_addresses("Brdr. Holm Stillads, Vibevej 3, 2400 København NV")
    assert found["address"] == "Vibevej 3" and "activity_location" not in found


# ---------------------------------------------------------------- batch t

def test_a_day_and_month_with_a_dot_after_d_or_den():
    assert (str(find_period("fra d. 1.6 til d. 31.8.2027", REF).start),
            str(find_period("fra d. 1.6 til d. 31.8.2027", REF).end)) == ("2027-06-01", "2027-08-31")
    assert find_period("Stilladset er 1.6 m bredt.", REF).start is None


def test_weekdays_in_months_are_the_whole_months():
    period = find_period("We'd like to park on Sundays in May and June 2027.", REF)
    assert (str(period.start), str(period.end)) == ("2027-05-01", "2027-06-30")


def test_expected_number_of_participants_label():
    assert values("", {"Expected no. of participants": "approx. 600"})["guests"] == 600


def test_in_front_of_my_shop_named_by_its_address():
    found = values(f"container foran min forretning Amagerbrogade 58 fra mandag d. 8/3-2027 i 5 dage. "
                   f"Amager Blomster v/ Bente Kjær cvr {CVR} tlf 32 55 10 09")
    assert (found["address"], found["company_name"]) == ("Amagerbrogade 58", "Amager Blomster v/ Bente Kjær")
    assert "activity_location" not in found


def test_a_name_i_have_at_a_place_is_the_company():
    assert find_company("Jeg hedder Mehmet, jeg har Kebab House på Nørrebrogade 210.", has_cvr=True) == "Kebab House"
    assert find_company("Jeg har Brug for hjælp på Nørrebrogade.", has_cvr=False) != "Brug"


def test_a_signature_line_with_a_trade_word_is_the_company():
    text = "Venlig hilsen\n\nMorten Ibsen\nDaglig leder\nIbsens Vinduespudsning\nMobil 22 90 11 44\n"
    assert find_company(text, has_cvr=False) == "Ibsens Vinduespudsning"


def test_the_company_with_its_legal_form_in_a_later_source_wins():
    found = extract_details([("body", "Vedhæftet.\n\n-- \nTine Bach\nBach Rengøring"),
                             ("ansoegning.pdf", f"Ansøger\nBach Rengøring IVS\nCVR: {CVR}\n")], reference=REF)
    assert (found["company_name"].value, found["company_name"].source) == ("Bach Rengøring IVS", "ansoegning.pdf")


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("text", [
    "Stillads " * 120_000,
    "I am Ana de la " * 70_000,
    "Navn - " * 150_000,
    "Navn på firma - Cykel-Ib\n" * 40_000,
    "Kiosk (CVR " * 90_000,
    "har lille firma, " * 60_000,
    "maj-" * 250_000,
    "7/6-27 " * 140_000,
    "bor selv på adressen " * 50_000,
    "på vegne af " * 80_000 + "vores butik på Nørrebrogade 1",
    "Weber ApS | CVR 12345678 | " * 40_000,
    "Aa Bb v/ Cc Dd " * 60_000,
    "jeg har Aa på " * 70_000,
    "d. 1.6 " * 120_000,
], ids=["work-words", "i-am", "dash-labels", "dash-label-lines", "cvr-asides", "business-nouns", "month-dashes",
        "short-years", "lives-there", "agents", "pipe-cells", "owned-by", "i-have", "dotted-days"])
def test_the_batch_s_patterns_take_well_under_a_second_on_a_megabyte(text):
    started = time.perf_counter()
    extract_details([("body", text)], reference=REF)
    assert time.perf_counter() - started < 15.0     # linear: about a second on a loaded machine
