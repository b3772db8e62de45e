"""Details of the blind batch z42 (session 41), each worded here apart from the batch's mail: a first name that ends as
a Danish definite noun, guests counted with their kind, the English verb "hold", a CVR the writer calls its own below
an adviser's, a mobile after an office line in brackets, a contractor's building site, an event word in a company's
name, a café to be opened on a street, a size put right in a postscript, a sign's size after "ca.", an administrator
writing for a tenant whose premises are named with "har adresse"."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.identifiers import GUESTS
from intake.details.names import names_a_business
from tests.intake.details.reading import values_at

values = values_at(date(2027, 1, 15))


def body(text: str, **sender: str) -> dict:
    return values([("body", text)], **sender)


# ---------------------------------------------------------------- the contact

@pytest.mark.parametrize("name", ["Mehmet Kaya", "Ahmet Demir", "Janet Holm"])
def test_a_first_name_ending_in_et_is_a_persons(name):
    assert not names_a_business(name)


@pytest.mark.parametrize("name", ["Børneteatret Trylle", "Bageriet Holm"])
def test_a_definite_noun_still_names_a_business(name):
    assert names_a_business(name)


def test_the_owner_signing_under_his_shop_without_legal_form_is_the_contact():
    found = body("Hej\n\nMit navn er Ahmet. Jeg har en pizzeria Roma Pizza House på Amagerbrogade 90 og vil gerne have "
                 "2 borde ude fra maj til august 2027.\n\nCVR 72420705\nTelefon 52 61 44 07\n\nTak\nAhmet Demir\n"
                 "Roma Pizza House\n", sender="ahmet.pizza@gmail.com", sender_name="Ahmet Demir")
    assert found["contact_name"] == "Ahmet Demir"


def test_the_relative_to_write_and_call_to_is_the_contact():
    found = body("Hej\n\nMit navn er Mustafa Kaya. Jeg åbne ny grillbar på Amagerbrogade 90. Jeg tale ikke godt "
                 "dansk. Hvis I skriver eller ringer, så venligst til min søn Emre Kaya, han hjælper mig: "
                 "emre@example.dk, tlf. 31 62 08 55.\n\nTak\nMustafa\n",
                 sender="grill@example.dk", sender_name="Mustafa Kaya")
    assert found["contact_name"] == "Emre Kaya"


def test_the_writer_who_asks_to_be_written_to_himself_stays():
    found = body("Hej\n\nMit navn er Mustafa Kaya. Jeg åbne ny grillbar på Amagerbrogade 90. Min søn Emre Kaya hjælper "
                 "i køkkenet. Hvis I skriver eller ringer, så til mig på 31 62 08 55.\n\nTak\nMustafa Kaya\n",
                 sender="grill@example.dk", sender_name="Mustafa Kaya")
    assert found["contact_name"] == "Mustafa Kaya"


# ---------------------------------------------------------------- guests

@pytest.mark.parametrize(("text", "count"), [("a marquee for up to 80 wedding guests", 80),
                                             ("vi venter 150 bryllupsgæster", 150),
                                             ("about 40 dinner guests", 40)])
def test_guests_counted_with_their_kind(text, count):
    m = GUESTS.search(text)
    assert m is not None and m.group("n") == str(count)


@pytest.mark.parametrize("text", ["From 10 the guests arrive", "At 9 our guests leave", "2027 Wedding Guests"])
def test_a_time_or_a_year_before_the_guests_is_no_count(text):
    assert GUESTS.search(text) is None


def test_a_tent_that_will_hold_the_guests_counts_them():
    found = body("Dear Business Service,\n\nWe would like to put up a tent of 8 x 12 m in our own garden from 1 June "
                 "to 31 August 2027. It will hold up to 90 party guests.\n\nKind regards,\nAnna Berg\n")
    assert found["guests"] == 90


def test_a_danish_team_is_still_no_guests():
    found = body("Hej\n\nVi er et hold på 12 personer, der filmer på Israels Plads den 3. maj 2027.\n\nMvh\n"
                 "Anna Berg\n")
    assert found.get("guests") is None


# ---------------------------------------------------------------- the CVR

def test_the_cvr_the_writer_calls_its_own_below_an_advisers():
    found = body("Hej\n\nMaler Hansen ApS driver malerværksted på Valby Langgade 20 og skal have en miljøgodkendelse. "
                 "Vi får hjælp af ingeniørfirmaet Miljøteknik ApS (CVR 30668960), men kontakten er undertegnede.\n\n"
                 "Vores CVR-nr. er 29268223.\n\nMvh\nBo Hansen\nMaler Hansen ApS\n")
    assert found["cvr"] == "29268223"


def test_an_advisers_cvr_just_after_the_company_is_not_the_companys():
    found = body("Hej\n\nMaler Hansen ApS skal have en miljøgodkendelse, og vi får hjælp af Miljøteknik ApS (CVR "
                 "30668960).\n\nVores CVR-nr. er 29268223.\n\nMvh\nBo Hansen\nMaler Hansen ApS\n")
    assert (found["company_name"], found["cvr"]) == ("Maler Hansen ApS", "29268223")


def test_the_companys_own_cvr_right_after_its_name_stays():
    found = body("Hej\n\nMaler Hansen ApS (CVR 29268223) skal have en miljøgodkendelse, og vi får hjælp af Miljøteknik "
                 "ApS (CVR 30668960).\n\nMvh\nBo Hansen\nMaler Hansen ApS\n")
    assert found["cvr"] == "29268223"


# ---------------------------------------------------------------- the phone

def test_the_contacts_mobile_after_an_office_line_in_brackets():
    found = body("Hej\n\nVi holder sommerfest på Enghave Plads den 19. juni 2027. Kontaktperson er vores pedel Lars "
                 "Krogh. Han kan træffes på lars.krogh@sanktlukaskirke.dk eller på 35 37 12 45 (kontoret) / 29 87 65 "
                 "43 (mobil).\n\nMvh\nInge Lund\n")
    assert found["phone"] == "29876543"


def test_a_second_number_not_marked_as_a_mobile_leaves_the_first():
    found = body("Hej\n\nKontaktperson er vores pedel Lars Krogh. Han træffes på lars.krogh@example.dk eller på "
                 "telefon 35 37 12 45 (kontoret) / 29 87 65 43 (fax).\n\nMvh\nInge Lund\n")
    assert found["phone"] == "35371245"


# ---------------------------------------------------------------- the site

def test_the_building_site_named_right_before_its_address_is_the_site():
    found = body("Hej. Vi skal have en betonpumpe stående på vejen ved byggepladsen Artillerivej 88 i uge 14.\n\nMvh\n"
                 "Kasper Holm\nHolm Byg A/S\n")
    assert found.get("activity_location") == "Artillerivej 88" and found.get("address") is None


@pytest.mark.parametrize("company", ["Nordlys Events ApS", "Sommer Festival ApS"])
def test_an_event_word_in_the_companys_name_names_no_event(company):
    found = body(f"Dear Business Service,\n\n{company} is a small venue in an old villa on Amager. We would like a "
                 "marquee in our own garden from 1 May to 30 September 2027.\n\nOur address is Kastelsvej 18, 2100 "
                 "København Ø.\n\nKind regards,\nEva Holm\n")
    assert found.get("activity_location") is None


def test_an_event_held_on_a_place_is_still_its_site():
    found = body("Dear Business Service,\n\nNordlys Events ApS would like to hold a concert in Superkilen on 5 June "
                 "2027.\n\nOur address is Kastelsvej 18, 2100 København Ø.\n\nKind regards,\nEva Holm\n")
    assert found.get("activity_location") == "Superkilen"


@pytest.mark.parametrize("sentence", ["Hvad skal jeg søge om for at åbne en café på Jægersborggade?",
                                      "What do I need to open a small bakery on Jægersborggade?"])
def test_the_street_of_a_cafe_to_be_opened_is_no_site(sentence):
    assert body(f"{sentence} /Kim\n").get("activity_location") is None


def test_a_stall_to_be_set_up_on_a_square_is_still_the_site():
    found = body("Hej\n\nVi vil gerne åbne en bod på Gammeltorv den 5. juni 2027.\n\nMvh\nKim Lauridsen\n")
    assert found.get("activity_location") == "Gammeltorv"


# ---------------------------------------------------------------- the area

@pytest.mark.parametrize(("correction", "area"), [("P.S. Boden er 2 x 5 m, ikke 2 x 4 som skrevet ovenfor.", 10),
                                                  ("PS: it is 3 x 6 m, not 3 x 4 m.", 18),
                                                  ("PS. Arealet er 14 m², ikke 12 m².", 14)])
def test_a_size_put_right_in_a_postscript(correction, area):
    found = body("Hej\n\nVi søger om en salgsbod på 12 m² (3 x 4 m) på Gammeltorv den 5. juni 2027.\n\nMvh\n"
                 f"Nanna Holm\n\n{correction}\n")
    assert found["area_m2"] == area


def test_a_size_said_to_be_no_other_size_is_no_correction_of_itself():
    found = body("Hej\n\nVi søger om en bod på 3 x 4 m på Gammeltorv den 5. juni 2027. Det er ikke meget.\n\n"
                 "Mvh\nNanna\n")
    assert found["area_m2"] == 12


def test_a_signs_size_after_ca_is_no_area():
    found = body("Hej\n\nVi vil sætte et nyt facadeskilt (malede træbogstaver, ca. 2,4 x 0,4 m) op over døren.\n\n"
                 "Mvh\nNanna Holm\nCafé Solsort ApS\nElmegade 20, 2200 København N\n")
    assert found.get("area_m2") is None


def test_a_total_after_ca_is_the_area():
    found = body("Hej\n\nScene og tribune fylder tilsammen ca. 10 x 12 meter på græsset i Enghaveparken den 2. juli "
                 "2027.\n\nMvh\nMaja Winther\n")
    assert found["area_m2"] == 120


# ---------------------------------------------------------------- an administrator for a tenant

_ADMINISTRATOR = ("Til Erhvervsservice\n\nSom administrator for ejendommen Nansensgade 40 (ejer: Ejendomsselskabet "
                  "Nansensgade 40 ApS, CVR 87230929) skriver jeg på vegne af vores erhvervslejer, Bageriet Kerne "
                  "ApS, CVR 95253326, som ønsker et nyt skilt over døren.\n\nBageriet har adresse Nansensgade 40, st. "
                  "tv, 1366 København K.\n\nMed venlig hilsen\n\nRikke Dahl\nEjendomsadministrator\nAdministration "
                  "Syd A/S\nValby Langgade 86, 2500 Valby\nTlf. 70 22 11 00\n")


def test_the_tenant_an_administrator_writes_for_is_the_company():
    found = body(_ADMINISTRATOR)
    assert (found["company_name"], found["cvr"]) == ("Bageriet Kerne ApS", "95253326")


def test_the_tenants_premises_named_with_har_adresse_are_the_address():
    found = body(_ADMINISTRATOR)
    assert (found["address"], found["postcode"]) == ("Nansensgade 40, st. tv", "1366")


def test_a_company_named_as_the_applicant_after_ejer_outside_brackets_stays():
    found = body("Hej\n\nVi søger om udeservering foran caféen.\n\nEjer: Café Solsort ApS, CVR 25510380\n"
                 "Elmegade 20, 2200 København N\n\nMvh\nLone Bech\n")
    assert found["company_name"] == "Café Solsort ApS"
