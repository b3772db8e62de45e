"""Tests of addresses in running text and forms: normalised form, postcode table, whose address it is."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.addresses import find_mentions, format_unit, read_address
from intake.details.postcodes import postcode_town, table, town_of
from intake.details.sites import find_addresses

REF = date(2027, 1, 15)


def values(text: str, form: dict[str, str] | None = None) -> dict:
    return {k: f.value for k, f in extract_details([("body", text)], form or {}, reference=REF).items()}


# ---------------------------------------------------------------- the normalised form

@pytest.mark.parametrize(("written", "address"), [
    ("Nørrebrogade 56, 1. th", "Nørrebrogade 56, 1. th"),
    ("Nørrebrogade 56 1.th.", "Nørrebrogade 56, 1. th"),
    ("Jagtvej 9B, st. tv", "Jagtvej 9B, st. tv"),
    ("Jagtvej 9 b st.tv.", "Jagtvej 9B, st. tv"),
    ("Blågårds Plads 3 st.th.", "Blågårds Plads 3, st. th"),
    ("Amagerbrogade 10, kld.", "Amagerbrogade 10, kl."),
    ("Nørre Farimagsgade 27, kl.", "Nørre Farimagsgade 27, kl."),
    ("Hørsholmsgade 18, 4. mf", "Hørsholmsgade 18, 4. mf"),
    ("Vognmagergade 8, 3. sal", "Vognmagergade 8, 3."),
    ("Islands Brygge 21, stuen", "Islands Brygge 21, st."),
    ("Vesterbrogade 95A, 3. sal", "Vesterbrogade 95A, 3."),
    ("Tagensvej 120, 3. t.v.", "Tagensvej 120, 3. tv"),
])
def test_address_is_normalised(written, address):
    assert [m.address for m in find_mentions(f"Adressen er {written}, 2200 København N.")] == [address]


@pytest.mark.parametrize(("raw", "unit"), [(", 3.tv.", "3. tv"), ("st.", "st."), ("3. sal", "3."), ("kælder", "kl."),
                                          (" 2 th", "2. th"), ("", "")])
def test_floor_and_side(raw, unit):
    assert format_unit(raw) == unit


def test_the_floor_may_follow_a_line_break_in_a_pdf():
    [mention] = find_mentions("ligger på Istedgade 102,\nst., 1650 København V.")
    assert (mention.address, mention.postcode) == ("Istedgade 102, st.", "1650")


def test_a_street_and_its_number_may_be_split_by_a_line_break():
    assert [m.address for m in find_mentions("driver Restaurant Saffran på Godthåbsvej\n60, 2000 Frederiksberg")] == [
        "Godthåbsvej 60"]


def test_a_phone_number_under_a_name_is_not_an_address():
    assert find_mentions("Sara og Mads Holm\n60 70 31 22") == []


def test_a_date_after_a_street_is_not_a_floor():
    assert [m.address for m in find_mentions("Vi åbner på Nørregade 7 1. maj")] == ["Nørregade 7"]


def test_a_year_after_a_place_is_not_a_house_number():
    assert find_mentions("Roskilde Festival og Tivoli Have 2027") == []


@pytest.mark.parametrize(("caught", "street"), [
    ("Ejerforeningen Nørre Allé 7", "Nørre Allé 7"),
    ("Herlev Ringvej 19", "Herlev Ringvej 19"),
    ("Vallensbæk Torvevej 9", "Vallensbæk Torvevej 9"),
    ("Gammel Køge Landevej 22", "Gammel Køge Landevej 22"),
])
def test_words_before_a_street_name(caught, street):
    assert [m.address for m in find_mentions(caught)] == [street]


# ---------------------------------------------------------------- the postcode table

def test_the_table_is_package_data_with_the_region():
    assert len(table()) > 500
    assert (town_of("2200"), town_of("1364"), town_of("2800"), town_of("2791")) == (
        "København N", "København K", "Kongens Lyngby", "Dragør")


@pytest.mark.parametrize(("number", "after", "expected"), [
    ("2200", " København N, i dag", ("2200", "København N")),
    ("2200", " Kbh. N", ("2200", "København N")),
    ("1364", " Copenhagen K", ("1364", "København K")),
    ("2800", " Kgs. Lyngby", ("2800", "Kongens Lyngby")),
    ("2800", " Lyngby", ("2800", "Kongens Lyngby")),
    ("8000", " Aarhus C", ("8000", "Aarhus C")),
])
def test_postcode_before_its_town(number, after, expected):
    assert postcode_town(number, after)[:2] == expected


@pytest.mark.parametrize(("number", "after"), [("2200", " m²"), ("2027", " Vi ses"), ("4000", " m2"), ("2500", " kr."),
                                               ("1999", " København V"), ("3600", " Frederikssund")])
def test_not_a_postcode_in_running_text(number, after):
    assert postcode_town(number, after, strict=True) is None


def test_a_number_outside_the_region_is_a_postcode_after_a_street():
    assert postcode_town("3600", " Frederikssund", strict=False)[:2] == ("3600", "Frederikssund")
    assert find_mentions("Industrivej 4, 3600 Frederikssund")[0].postcode == "3600"


def test_the_city_is_the_official_name_however_it_is_written():
    found = values("Jeg bor på Tagensvej 120, 3. tv, 2200 Kbh N")
    assert (found["postcode"], found["city"]) == ("2200", "København N")


def test_square_metres_are_not_a_postcode():
    found = values("Vi skal bruge 2200 m² til festivalen på Refshaleøen.")
    assert "postcode" not in found and "city" not in found


def test_a_lone_postcode_needs_its_town():
    assert values("Vi holder til i 2100 København Ø.")["postcode"] == "2100"
    assert "postcode" not in values("Fra 1. maj 2027 Vi kommer kl. 10.")


# ---------------------------------------------------------------- whose address it is

def test_home_and_shop_are_kept_apart():
    found = find_addresses("Jeg bor på Tagensvej 120, 3. tv, 2200 København N, men butikken ligger på "
                           "Nørrebrogade 56, 2200 København N. Vi vil stille blomster foran butikken.")
    assert (found["address"], found["postcode"]) == ("Tagensvej 120, 3. tv", "2200")
    assert found["activity_location"] == "Nørrebrogade 56, 2200 København N"


def test_rented_premises_are_the_business_address():
    found = find_addresses("Vi har lejet et lokale på Jagtvej 77, 2200 København N, og søger om stillads på "
                           "fortovet ved Jagtvej 79.")
    assert (found["address"], found["postcode"]) == ("Jagtvej 77", "2200")
    assert found["activity_location"] == "Jagtvej 79"


@pytest.mark.parametrize(("text", "address", "site"), [
    ("Container ud for Ryesgade 30. Vores adresse er Industrivænget 14, 2605 Brøndby.",
     "Industrivænget 14", "Ryesgade 30"),
    ("We will erect scaffolding at Gothersgade 133. Our office is at Kløvermarksvej 70, 2300 Copenhagen S.",
     "Kløvermarksvej 70", "Gothersgade 133"),
    ("Arbejdet foregår på Strandboulevarden 88. Selskabet har adresse på Vibeholmsvej 9, 2605 Brøndby.",
     "Vibeholmsvej 9", "Strandboulevarden 88"),
    ("Stillads at the corner of Nansensgade 40.\n\nMvh\nOle\nHolm Byg ApS\nStamholmen 151, 2650 Hvidovre",
     "Stamholmen 151", "Nansensgade 40"),
])
def test_the_business_address_is_told_from_the_site(text, address, site):
    found = find_addresses(text)
    assert (found["address"], found["activity_location"].split(",")[0]) == (address, site)


def test_the_nearest_cue_wins():
    found = find_addresses("Vi søger om udeservering ud for vores café på Istedgade 53, 1650 København V.")
    assert (found["address"], found["postcode"]) == ("Istedgade 53", "1650")   # the café is ours
    assert "activity_location" not in found        # serving in front of it is at the business's own address


def test_a_site_named_without_a_number():
    assert (find_addresses("Vi vil sælge is fra en bod på Sankt Hans Torv i juni.")["activity_location"]
            == "Sankt Hans Torv")
    assert (find_addresses("Mobilkran på Amaliegade ud for nr. 22 den 9. september.")["activity_location"]
            == "Amaliegade 22")


def test_the_postcode_of_the_same_house_carries_over():
    found = find_addresses("Loppemarked i gården bag Sortedam Dossering 55, 2100 København Ø. "
                           "Jeg bor selv på Sortedam Dossering 55, 1. tv.")
    assert (found["address"], found["postcode"]) == ("Sortedam Dossering 55, 1. tv", "2100")


def test_an_address_under_a_heading_about_the_work_is_the_site():
    form = ("1. Oplysninger om ansøger\nFirmanavn: Østerbro Byg ApS\nAdresse: Vognmandsmarken 28\n"
            "Postnr. og by: 2100 København Ø\n\n2. Oplysninger om arbejdet\nAdresse: Classensgade 52\n"
            "Postnr. og by: 2100 København Ø\n")
    found = values(form)
    assert (found["address"], found["postcode"]) == ("Vognmandsmarken 28", "2100")
    assert found["activity_location"] == "Classensgade 52"


def test_address_fields_of_a_form_are_joined():
    found = values("", {"Gade": "Fælledvej", "Husnr.": "3", "Etage": "st.", "Side": "th",
                        "Postnr. og by": "2200 København N"})
    assert (found["address"], found["postcode"]) == ("Fælledvej 3, st. th", "2200")


def test_beliggenhed_is_the_address_when_the_form_names_no_other():
    found = values("", {"Virksomhed": "Ravn Autolak", "Beliggenhed": "Ellebjergvej 52, 2450 København SV"})
    assert found["address"] == "Ellebjergvej 52"
    found = values("", {"Firmaadresse": "Hassellunden 9, 2765 Smørum", "Beliggenhed": "Tuborgvej 160"})
    assert (found["address"], found["activity_location"]) == ("Hassellunden 9", "Tuborgvej 160")


def test_a_number_before_a_dimension_is_not_a_house_number():
    assert find_mentions("Carport 3 x 6 m set fra oven, tag med 5 grader hældning") == []
    assert [m.address for m in find_mentions("Havneparken 3 x 2 stk. og Havnegade 3, 1058 København K")] == [
        "Havnegade 3"]


def test_read_address_keeps_a_place_without_number_as_written():
    assert read_address("Kongens Have, ved indgangen") == ("Kongens Have, ved indgangen", "", "")
    assert read_address("Jægersborggade 7, st. tv., 2200 København N") == (
        "Jægersborggade 7, st. tv", "2200", "København N")


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("text", [
    "1234567890" * 100_000,
    "2200 " * 200_000,
    "Vesterbrogade " * 75_000,
    "Vesterbrogade 12, 3. tv, 2200 København N " * 25_000,
    "Nørrebrogade 1 Tagensvej Jagtvej 2200 2 3. " * 25_000,
    ("Aa Bb Cc " * 40_000 + "\n") * 3,
], ids=["digits", "postcodes", "streets", "addresses", "mixed", "capitals"])
def test_addresses_are_found_in_linear_time_on_a_megabyte(text):
    started = time.perf_counter()
    find_addresses(text)
    assert time.perf_counter() - started < 15.0  # linear: under a second when quiet; quadratic on a megabyte: hours


def test_a_street_without_a_street_word_counts_with_its_postcode_and_town():
    found = find_mentions("Jeg har købt hus på Bystævnet 8, 2700 Brønshøj. Der er gammel olietank i kælder.")
    assert [(m.address, m.postcode, m.town) for m in found] == [("Bystævnet 8", "2700", "Brønshøj")]


@pytest.mark.parametrize("text", [
    "Lejlighed 8, 2700 Brønshøj",             # a word for a dwelling, not a street
    "Bilag 2, 2100 eksemplarer",              # no town after the number
    "Uge 12, 2027 Vi starter",                # a week and a year
    "Bystævnet 8, 2700 Aarhus",               # the postcode's own town does not follow
])
def test_a_capitalised_word_and_a_number_before_four_digits_is_not_yet_an_address(text):
    assert find_mentions(text) == []


def test_named_streets_are_found_in_linear_time_on_a_megabyte():
    text = "Bystævnet 8, 2700 Brønshøj " * 40_000
    start = time.perf_counter()
    assert len(find_mentions(text)) == 100
    assert time.perf_counter() - start < 5


def test_an_english_unit_before_the_number_does_not_break_the_reading():
    # "Address: Unit 3, 14 Refshalevej, ...": the form's address and the places read beside it differ; the reader
    # once looked up a place's address that was not there (KeyError), and the message went to quarantine
    body = ("We would like to hold a flea market on the road in front of our building on Sunday 6 June 2027.\n\n"
            "Address: Unit 3, 14 Refshalevej, 1432 Copenhagen K\nHarbour Hall ApS, CVR 77204741\n"
            "Contact: Chloe Martin, +45 91 84 23 50, chloe@harbourhall.dk\n")
    found = extract_details([("body", body)], {}, reference=date(2027, 1, 25), sender="chloe@harbourhall.dk")
    assert found["cvr"].value == "77204741"
