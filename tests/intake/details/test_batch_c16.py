"""Checklist rules from blind batch c16: a unit written once in a heading or a table's column header, a short form
label for the expected number ("Forv. antal"), an address the writer cannot give yet (object first), a survey "of"
something that is only ordered, and a state said as a condition still to come ("når entreprenøren er valgt")."""

from __future__ import annotations

import pytest

from intake.details.checklist import check
from intake.details.headed_units import carry_units
from tests.intake.details.checklist_evidence import evidence

# ---------------------------------------------------------------- a unit far from its number


@pytest.mark.parametrize("body", [
    "We are laying a fibre cable.\n\nTrench dimensions (metres):\nlength ........ 140\nwidth ......... 0.3\n\nRegards",
    "Vi graver til ny stikledning.\n\nGravningens omfang (m):\nLængde: 25\nBredde: 0,6\n",
    "Opgravning\nAreal (m²): 12\n",
])
def test_a_unit_in_a_heading_goes_with_the_numbers_under_it(catalogue, body):
    assert "size" in check(catalogue.task("gravetilladelse"), evidence(body)).have


def test_a_unit_in_a_column_header_goes_with_the_cells_under_it(catalogue):
    table = "Jordanalyser\nTabel 2\nDelområde | Mængde (tons)\nA | 220\nB | 120\nI alt | 340"
    body = "Mængden fremgår af tabel 2 i den vedlagte rapport."
    have = check(catalogue.task("jordflytning"), evidence(body, attachments=(("rapport.pdf", table),))).have
    assert "amount" in have


@pytest.mark.parametrize("body", [
    "Trench dimensions (metres):\nlength ........ to follow\nwidth ......... to follow\n",
    "Gravningens omfang (m):\n\nVi har 140 kunder på strækningen.",
    "Mængde (tons) | Modtageanlæg\n- | Jordrens\n",
])
def test_a_heading_with_no_number_under_it_gives_no_size(catalogue, body):
    assert "size" not in check(catalogue.task("gravetilladelse"), evidence(body)).have
    assert "amount" not in check(catalogue.task("jordflytning"), evidence(body)).have


def test_carry_units_leaves_other_numbers_alone():
    text = "Kontakt: 12345678\nAreal (m²)\n- inderste række: 8\n\nVi har åbent kl. 8-22"
    assert carry_units(text) == "Kontakt: 12345678\nAreal (m²)\n- inderste række: 8 m²\n\nVi har åbent kl. 8-22"
    assert carry_units("Delområde | Mængde (tons) | Note\nA | 220 | ren jord") == \
        "Delområde | Mængde (tons) | Note\nA | 220 tons | ren jord"


def test_carry_units_is_linear_on_a_long_text():
    text = "Mængde (tons) | x\n" + "1 | 2\n" * 50_000 + ("Areal (m2)\n" + "a 1\n" * 12) * 2_000
    assert carry_units(text).count("tons") == 13


# ---------------------------------------------------------------- a short form label for the expected number


@pytest.mark.parametrize("form", ["Forv. antal: 1.200", "Forv. antal deltagere: 300", "Est. number: 400",
                                  "Ansl. antal: ca. 500"])
def test_an_abbreviated_expected_number_is_the_guests(catalogue, form):
    have = check(catalogue.task("arrangement"), evidence("Se skemaet.", attachments=(("skema.docx", form),))).have
    assert "guests" in have


# ---------------------------------------------------------------- an address the writer cannot give yet


_SIGN_HEAD_OFFICE = "Mvh\nDitte Sørensen\nGrøn Kurv A/S\nSøren Frichs Vej 38, 8230 Åbyhøj"


@pytest.mark.parametrize("body", [
    "Vi åbner en ny butik i august (lejekontrakten er ikke underskrevet, så adressen kan jeg ikke oplyse endnu).",
    "We open a new shop in August; the address I can't give you yet, the lease is not signed.",
])
def test_an_address_the_writer_cannot_give_yet_is_not_the_signatures(catalogue, body):
    result = check(catalogue.task("skilte"), evidence(body, _SIGN_HEAD_OFFICE, address="Søren Frichs Vej 38"))
    assert "address" in result.missing


def test_an_address_given_in_the_text_stays_given(catalogue):
    body = "Skiltet skal sidde på vores nye butik, Nørrebrogade 52, 2200 København N. Mere kan jeg ikke oplyse endnu."
    result = check(catalogue.task("skilte"), evidence(body, _SIGN_HEAD_OFFICE, address="Nørrebrogade 52"))
    assert "address" in result.have


# ---------------------------------------------------------------- a survey "of" something, only ordered


@pytest.mark.parametrize("body", [
    "Kortlægningen af PCB og asbest er bestilt hos rådgiveren, vi sender den når den er færdig.",
    "Miljøkortlægningen af bly, PCB og asbest er bestilt; vi venter på rapporten.",
])
def test_a_survey_of_substances_that_is_only_ordered_is_not_given(catalogue, body):
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body)).missing


def test_a_survey_of_substances_that_is_done_is_given(catalogue):
    body = "Kortlægningen af PCB og asbest er bestilt og udført, rapporten er vedlagt."
    result = check(catalogue.task("nedrivning"), evidence(body, attachments=(("rapport.pdf", "PCB-kortlægning"),)))
    assert "survey" in result.have


# ---------------------------------------------------------------- a state said as a condition


@pytest.mark.parametrize("body", [
    "Entreprenør: TBD (vi har udbud ude)\nAfmærkningsplan eftersendes når entreprenøren er valgt.",
    "The traffic plan follows once the contractor is chosen.",
])
def test_a_contractor_chosen_only_in_a_condition_is_not_given(catalogue, body):
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


@pytest.mark.parametrize("body", [
    "Entreprenøren er valgt: Hansen Anlæg. Vi går i gang når entreprenøren har tid.",
    "When the contractor Jensen Kloak starts, the road will be closed.",
])
def test_a_contractor_named_or_said_chosen_stays_given(catalogue, body):
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).have
