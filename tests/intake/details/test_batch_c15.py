"""Items taken as given from the wrong party or the wrong place (batch c15): a CVR in the signature of an accountant
who writes for a client, a signature in another town than the district the text names, and a count of tables read
as the serving area, or a parasol's size in a furniture quote; pupils read as the guests where the writer says the
number of guests is not known; a month read as the date where the writer names only one day of it, not picked yet."""

from __future__ import annotations

import pytest

from intake.details.checklist import Evidence, check
from intake.details.extract import Field
from intake.details.givens import date_unsettled, district_elsewhere, end_unknown, guests_unknown, locate
from tests.intake.details.checklist_evidence import RECEIVED, evidence

# ---------------------------------------------------------------- the writer's CVR when writing for a client

CLIENT = ("Vi skriver på vegne af vores klient, Stålramme Nord ApS, som skal have ny miljøgodkendelse til deres "
          "virksomhed på Bådehavnsgade 31, 2450 København SV.")


def test_an_accountants_cvr_in_the_signature_is_not_the_clients(catalogue):
    found = check(catalogue.task("miljoegodkendelse"),
                  evidence(CLIENT, "Med venlig hilsen\nMads Iversen\nIversen Revision\nCVR 42885134", cvr="42885134"))
    assert "cvr" in found.missing


def test_a_cvr_on_the_signatures_client_line_is_the_clients(catalogue):
    signature = "Kind regards\nEmma Sørensen\nEnvirocon A/S\n\nClient: ReCell Nordic ApS · CVR-nr. 17 79 49 65"
    found = check(catalogue.task("miljoegodkendelse"),
                  evidence("On behalf of our client, ReCell Nordic ApS, we apply.", signature, cvr="17794965"))
    assert "cvr" in found.have


def test_a_cvr_in_the_signature_of_a_business_writing_for_itself_is_given(catalogue):
    found = check(catalogue.task("miljoegodkendelse"),
                  evidence("Vi søger om miljøgodkendelse af vores værksted.", "Mvh\nStålramme Nord ApS\nCVR 42885134",
                           cvr="42885134"))
    assert "cvr" in found.have


# ---------------------------------------------------------------- a district in the text, a signature elsewhere

def test_a_signature_in_another_town_than_the_district_named_is_not_the_place(catalogue):
    body = "Vi åbner en ny afdeling på Vesterbro til marts. Det bliver mest pap, plast og lidt madaffald."
    signature = "Med venlig hilsen\nRikke Hald\nHald Dagligvarer A/S\nHovedvejen 90, 2600 Glostrup"
    found = check(catalogue.task("erhvervsaffald"), evidence(body, signature, address="Hovedvejen 90"))
    assert "address" in found.missing


def test_a_signature_in_the_district_named_is_the_place(catalogue):
    body = "Vi åbner en ny afdeling på Vesterbro til marts. Det bliver mest pap, plast og lidt madaffald."
    signature = "Med venlig hilsen\nRikke Hald\nHald Dagligvarer A/S\nIstedgade 90, 1650 København V"
    found = check(catalogue.task("erhvervsaffald"), evidence(body, signature, address="Istedgade 90"))
    assert "address" in found.have


@pytest.mark.parametrize(("text", "signature", "elsewhere"), [
    ("overdækning ved vores lager i Valby.", "Lund Engros A/S\nIndustrivej 12, 2750 Ballerup", True),
    ("overdækning ved vores lager i Valby.", "Lund Engros A/S\nToftegårds Allé 12, 2500 Valby", False),
    ("a shop in Østerbro", "Byg & Tømrer\nRolighedsvej 5, 1958 Frederiksberg C", True),
    ("a shop on Amager", "Amager Strandvej 390, 2770 Kastrup", False),
    ("skur på Amager Strandvej 12", "Industrivej 12, 2750 Ballerup", False),  # a street, not the district
    ("byggepladsen Islands Brygge 43", "Industrivej 12, 2750 Ballerup", False),
    ("lager i Valby", "Lund Engros A/S\nTlf. 40 12 88 31", False),  # no town in the signature
])
def test_a_district_named_and_the_signatures_town(text, signature, elsewhere):
    assert district_elsewhere([text], signature) is elsewhere


# ---------------------------------------------------------------- tables and chairs are no area

def test_a_count_of_tables_in_the_area_field_is_no_area(catalogue):
    form = "Areal: 2 borde og 4 stole langs facaden, ca. 1 m ud"
    assert "area" in check(catalogue.task("udeservering"), evidence("Se vedhæftet.", form=form, area_m2=2)).missing


def test_an_area_beside_the_tables_is_given(catalogue):
    form = "Areal: 3 borde, ca. 6 m²"
    assert "area" in check(catalogue.task("udeservering"), evidence("Se vedhæftet.", form=form, area_m2=6)).have


def test_a_parasols_size_in_a_furniture_quote_is_no_area(catalogue):
    quote = ("TILBUD nr. 2291\nBistroMøbler A/S\n\n4 stk. caféborde 60 x 60 cm\n8 stk. stole, grøn\n"
             "2 stk. parasol 3 x 3 m med fod\n\nPris i alt ekskl. moms: 18.450 kr.")
    found = check(catalogue.task("udeservering"),
                  Evidence(details={"area_m2": Field(9, "Tilbud_2291.pdf")}, texts=[("body", "Se tilbuddet."),
                                                                                  ("Tilbud_2291.pdf", quote)],
                           attachments=[("Tilbud_2291.pdf", quote)], received=RECEIVED))
    assert "area" in found.missing


def test_an_area_given_as_length_and_width_is_found_where_it_is_written(catalogue):
    assert list(locate("area_m2", 9, "Pladsen er 3 x 3 m langs facaden.")) == [(11, 18)]
    found = check(catalogue.task("udeservering"), evidence("Pladsen er 3 x 3 m langs facaden.", area_m2=9))
    assert "area" in found.have


# ---------------------------------------------------------------- the number of guests said to be unknown

SCHOOL = ("Valby Skole holder loppemarked på skolens forplads, Vigerslevvej 36, 2500 Valby. Skolen har 640 elever og "
          "60 ansatte. Hvor mange gæster der kommer, er svært at sige.")


def test_pupils_are_not_the_guests_when_the_writer_says_the_number_is_unknown(catalogue):
    found = check(catalogue.task("arrangement"), evidence(SCHOOL, guests=640))
    assert "guests" in found.missing


def test_an_estimate_beside_an_unknown_number_is_given(catalogue):
    body = "Hvor mange der kommer, ved vi ikke helt, men vi regner med ca. 300 gæster."
    assert "guests" in check(catalogue.task("arrangement"), evidence(body, guests=300)).have


def test_pupils_are_guests_of_a_school_event_when_nothing_says_otherwise(catalogue):
    body = "Skolens sommerfest på forpladsen for 640 elever og deres forældre."
    assert "guests" in check(catalogue.task("arrangement"), evidence(body, guests=640)).have


@pytest.mark.parametrize("text", [
    "Hvor mange gæster der kommer, er svært at sige.",
    "We have no idea yet how many will turn up.",
    "Antal deltagere ved vi ikke, det kommer an på vejret.",
    "How many people will come is difficult to say.",
])
def test_the_number_of_guests_said_to_be_unknown(text):
    assert guests_unknown([text])


@pytest.mark.parametrize("text", [
    "Hvor mange toiletter skal vi have til ca. 600 gæster?",
    "How many toilets we need is not clear to us, for 300 guests.",  # a count of other things
])
def test_a_question_about_the_number_is_not_it_said_to_be_unknown(text):
    assert not guests_unknown([text])


# ---------------------------------------------------------------- one day of a month, not picked yet

def test_some_weekend_in_a_month_is_no_date(catalogue):
    body = "Our street (Ravnsborggade, 2200 Cph N) wants to have a street party some weekend in August."
    found = check(catalogue.task("arrangement"), evidence(body, period_from="2027-08-01", period_to="2027-08-31"))
    assert "date" in found.missing


def test_a_day_written_beside_a_month_is_the_date(catalogue):
    body = "Gadefesten bliver en lørdag i august, nemlig 14. august 2027, på Ravnsborggade."
    found = check(catalogue.task("arrangement"), evidence(body, period_from="2027-08-14", period_to="2027-08-14"))
    assert "date" in found.have


@pytest.mark.parametrize(("text", "unsettled"), [
    ("a street party some weekend in August", True),
    ("Datoen bliver en lørdag i slutningen af august 2027.", True),
    ("a yoga session on a Sunday morning sometime in June", True),
    ("det bliver engang i foråret", True),
    ("Vi holder en fest i Enghaveparken lørdag den 14. august.", False),
    ("lørdage i maj og juni 2027", False),  # every Saturday of two months is a period
    # the dates said to be unknown or to follow (session 35)
    ("Vi kender ikke de præcise datoer for kranen endnu.", True),
    ("datoer følger når knuseren er booket", True),
    ("We don't know the exact dates yet.", True),
    ("Vi kender datoerne: 1.-3. juni 2027.", False),
])
def test_one_day_of_a_month_not_picked_yet(text, unsettled):
    assert date_unsettled([text]) is unsettled


@pytest.mark.parametrize(("text", "unknown"), [
    ("Stålarbejdet går i gang 9. marts, men hvornår det er færdigt, ved vi ikke endnu.", True),
    ("When the work will be finished is not known yet.", True),
    ("Hvornår arbejdet er færdigt: 30. april 2027.", False),
])
def test_an_end_said_to_be_unknown_in_other_words(text, unknown):
    assert end_unknown([text]) is unknown
