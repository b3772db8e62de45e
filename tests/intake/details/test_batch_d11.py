"""Details in the voices of development batch d11: an area field that says more than a figure ("Areal: 8 x 1,2 m",
"3 borde og 8 stole, i alt ca. 7 m²"), a sole trader's name with a small word in it before its owner ("Kemals Frugt og
Grønt v/ Kemal Yıldız"), and an address the mail gives without the floor that the attachment gives with it."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.periods import Period, find_period

REF = date(2027, 3, 8)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- areas

@pytest.mark.parametrize(("text", "expected"), [
    ("Containeren er 6 m lang og 2,5 m bred.", 15),
    ("The truck is 6 m long and 2.4 m wide.", 14.4),
])
def test_a_length_and_a_width_in_words_are_an_area(text, expected):
    # the catalogue's "area in m² (or its length and width)": the product, as "6 x 2,5 m" (test_length_and_depth)
    assert values([("body", text)])["area_m2"] == expected


@pytest.mark.parametrize(("value", "area"), [
    ("8 x 1,2 m langs facaden, fri passage på fortovet ca. 2,5 m", 9.6),
    ("14 x 8 m (kørebane og 2 parkeringsbåse)", 112),
    ("3 borde og 8 stole, i alt ca. 7 m²", 7),
    ("24", 24),                                                     # a bare figure stays the figure
    ("ca. 30 m² (6 x 5 m)", 30),                                    # the square metres said over the sides
])
def test_an_area_field_gives_its_square_metres_or_the_product_of_its_sides(value, area):
    assert values([("form", "")], {"Areal": value})["area_m2"] == area
    assert values([("oversigt.pdf", f"Udeservering\nAreal: {value}\nÅbningstid: kl. 11-22")])["area_m2"] == area


# ---------------------------------------------------------------- a sole trader and its owner

@pytest.mark.parametrize(("text", "name"), [
    ("cvr 57190302\nKemals Frugt og Grønt v/ Kemal Yıldız\ntlf 28419017", "Kemals Frugt og Grønt v/ Kemal Yıldız"),
    ("CVR 34113718\nFrugt & Grønt v/ Ali Hassan\ntlf 32 11 22 33", "Frugt & Grønt v/ Ali Hassan"),
])
def test_a_sole_traders_name_with_a_small_word_is_whole_before_its_owner(text, name):
    assert values([("body", "Hej\nvil gerne søge stadeplads.\n" + text)])["company_name"] == name


def test_a_lower_case_word_before_the_name_is_no_part_of_it():
    text = "Hej\nvi søger stadeplads i og omkring torvet.\ncvr 57190302\nsom Blomster Bodil v/ Bodil Lund\ntlf 28419017"
    assert values([("body", text)])["company_name"] == "Blomster Bodil v/ Bodil Lund"


# ---------------------------------------------------------------- an address and its floor

def test_the_attachments_address_with_its_floor_completes_the_mails_address_without():
    body = "Hej\n\nVi åbner Osteria Solo på Guldbergsgade 27, 2200 Kbh N, til april.\n\nMvh Emil Sørensen"
    sheet = "Osteria Solo ApS\nCVR 61973621\nGuldbergsgade 27, st.\n2200 København N\n\nUdeservering"
    found = values([("body", body), ("oversigt.docx", sheet)])
    assert (found["address"], found["postcode"]) == ("Guldbergsgade 27, st.", "2200")


def test_an_address_with_another_house_number_does_not_replace_the_mails():
    body = "Hej\n\nVi åbner Osteria Solo på Guldbergsgade 27, 2200 Kbh N, til april.\n\nMvh Emil Sørensen"
    sheet = "Osteria Solo ApS\nCVR 61973621\nGuldbergsgade 29, st.\n2200 København N\n\nUdeservering"
    assert values([("body", body), ("oversigt.docx", sheet)])["address"] == "Guldbergsgade 27"


# ---------------------------------------------------------------- "kontakt mig", "contact me"

@pytest.mark.parametrize(("text", "name"), [
    ("Hvad skal vi sende mere?\n\nFirma: Mahal Indisk Køkken ApS\nCVR 41806842\n"
     "Kontakt mig Harpreet Singh 52 74 19 36\n\nTak", "Harpreet Singh"),
    ("If you have any questions please contact me, Chloe Jensen, bar manager, 28 66 40 19.\n\nBest,\nChloe",
     "Chloe Jensen"),
])
def test_the_person_named_after_contact_me_is_the_contact(text, name):
    assert values([("body", "Hej\n\nVi søger om tilladelse.\n\n" + text)])["contact_name"] == name


def test_contact_me_without_a_name_leaves_the_signer():
    text = "Hej\n\nVi søger om tilladelse. Kontakt mig på 52 74 19 36.\n\nMvh\nHarpreet Singh\nMahal ApS"
    assert values([("body", text)])["contact_name"] == "Harpreet Singh"


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Pour days: 9, 16, 23 and 30 March 2027, each day from 05:00 to 19:00.", date(2027, 3, 9), date(2027, 3, 30)),
    ("Støbedage: 9., 16., 23. og 30. marts 2027.", date(2027, 3, 9), date(2027, 3, 30)),
    ("weekenderne 4.-5. og 11.-12. december 2027", date(2027, 12, 4), date(2027, 12, 12)),
])
def test_a_list_of_days_in_one_month_runs_from_its_first_day(text, start, end):
    assert find_period(text, date(2026, 12, 28)) == Period(start, end)


def test_a_figure_above_the_first_day_is_no_earlier_day_of_the_list():
    assert find_period("Vi har 40, 16, 23 og 30 marts.", date(2026, 12, 28)) == Period(date(2027, 3, 16),
                                                                                      date(2027, 3, 30))


@pytest.mark.parametrize("text", [
    "vi regner med at starte mandag d. 8. februar og være færdige og retablerede fredag d. 19. februar.",
    "We start on 8 February and will be finished and cleared by 19 February.",
])
def test_finished_and_restored_on_a_day_ends_the_period(text):
    assert find_period(text, date(2026, 12, 28)) == Period(date(2027, 2, 8), date(2027, 2, 19))


def test_finished_and_something_else_before_an_old_date_ends_nothing():
    text = "Vi starter 8. februar. Færdige og glade kunder siden 1. januar 2020."
    assert find_period(text, date(2026, 12, 28)) == Period(date(2027, 2, 8), None)


@pytest.mark.parametrize("text", [
    "Nedrivningen forventes påbegyndt den 5. april 2027 og afsluttet senest den 31. maj 2027.",
    "Arbejdet påbegyndes 5. april og er afsluttet senest 31. maj.",
])
def test_begun_and_finished_at_the_latest_bound_the_period(text):
    assert find_period(text, date(2026, 12, 28)) == Period(date(2027, 4, 5), date(2027, 5, 31))


def test_a_deadline_at_the_latest_alone_is_no_period_end():
    text = "Vi starter 1. april. Affaldet anmeldes senest 2 uger før arbejdet påbegyndes."
    assert find_period(text, date(2026, 12, 28)) == Period(date(2027, 4, 1), None)


# ---------------------------------------------------------------- the address the writer asks to be written to

@pytest.mark.parametrize(("text", "email"), [
    ("Kontakt: Ida Rask, tlf. 53 29 84 01. Mails til festudvalg@sokrogen.dk bliver læst af hele udvalget, men skriv "
     "gerne direkte til mig på idar@sokrogen.dk.", "idar@sokrogen.dk"),
    ("The shared inbox info@corner.dk is read by all of us, but please write to me directly at chloe@corner.dk.",
     "chloe@corner.dk"),
])
def test_the_address_the_writer_asks_to_be_written_to_wins_over_a_shared_one(text, email):
    assert values([("body", "Hej\n\nVi søger om tilladelse.\n\n" + text)])["contact_email"] == email


def test_an_address_given_to_me_is_no_request_to_write_there():
    text = "Kontakt: Ida Rask, e-mail: ida@sokrogen.dk. Fakturaen blev sendt til mig fra regnskab@sokrogen.dk."
    assert values([("body", "Hej\n\n" + text)])["contact_email"] == "ida@sokrogen.dk"


# ---------------------------------------------------------------- a lawyer's client

LAWYER = ("Vedrørende: Anmodning om nedrivningstilladelse – baghus, Thorsgade 61, 2200 København N\n\n"
          "Undertegnede advokat repræsenterer Thorsgade Ejendomme ApS, CVR-nr. 54737750, Frederiksberg Allé 52, "
          "1820 Frederiksberg C, der er ejer af ovennævnte ejendom.\n\n"
          "Henvendelser vedrørende sagen bedes rettet til undertegnede.\n\nMed venlig hilsen\n\nCharlotte Brink\n"
          "Advokat (H)\n\nBrink Advokater\nBredgade 30, 1260 København K\nTlf. 33 91 40 70\ncb@brinkadvokater.dk")


def test_the_address_of_the_client_a_lawyer_represents_is_the_applicants_over_the_lawyers_office():
    found = values([("body", LAWYER)])
    assert (found["company_name"], found["address"], found["postcode"]) == (
        "Thorsgade Ejendomme ApS", "Frederiksberg Allé 52", "1820")


def test_representing_clients_in_general_names_no_address():
    text = ("Vi repræsenterer ofte kunder på Vesterbrogade 12 og omegn.\n\nMed venlig hilsen\n\nCharlotte Brink\n"
            "Brink Advokater ApS\nBredgade 30, 1260 København K\nCVR 12345674")
    assert values([("body", text)]).get("address") == "Bredgade 30"
