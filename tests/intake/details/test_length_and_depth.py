"""An area given as a length along the front and a depth out from it ("2 borde langs vores 6 meter facade, 1 m ud"):
the details read the area as the product, and the checklist counts the area as given, found where it is written.
A length and a width give it the same way ("Containeren er 6 m lang og 2,5 m bred": 15 m², the catalogue's "length
and width"); beside a width, a depth is the way down ("Trench: 140 m long, 0.4 m wide and 0.7 m deep": 56 m²)."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.checklist import check
from intake.details.givens import locate
from intake.details.identifiers import length_and_depth
from tests.intake.details.checklist_evidence import evidence

REF = date(2027, 1, 25)


def area(text: str) -> object:
    found = extract_details([("body", text)], {}, reference=REF, sender="x@example.dk")
    return found["area_m2"].value if "area_m2" in found else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi vil gerne stille 2 borde langs vores 6 meter facade, 1 m ud, fra 1. maj til 30. september.", 6),
    ("The area would be along the facade, 6 m long and 1.6 m deep, so there is room to pass.", 9.6),
    ("Bordene står ca. 1,5 meter ud fra muren på en 10 meter lang strækning.", 15),
    ("Vi ønsker at bruge fortovet langs facaden på ca. 8 m og ca. 1,2 m ud.", 9.6),
    ("Borde i en dybde af 2 m langs vores 7 m facade.", 14),
    ("Tables 2 m out from the wall along our 6 m shop front.", 12),
])
def test_a_length_along_the_front_and_a_depth_out_give_the_area(text, expected):
    assert area(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Containeren er 6 m lang og 2,5 m bred og står ud for nr. 8.", 15),
    ("The scaffolding will be 1.5 m wide and 20 m long.", 30),
    ("Stilladset bliver ca. 22 m langt og 1,5 m bredt og står på fortovet langs facaden.", 33),
    ("Mål: længde 22 m, bredde 1,2 m, med overdækket fodgængertunnel", 26.4),
    ("Length of trench: approx. 420 m, width 0.4 m, depth 0.6 m.", 168),
    ("Trench: approx. 140 m long, 0.4 m wide and 0.7 m deep.", 56),
    ("Vi skal grave i fortovet ca 3 m langt og 1 m bredt, ca 1,6 m dybt.", 3),
])
def test_a_length_and_a_width_give_the_area_and_a_depth_beside_them_is_the_way_down(text, expected):
    assert area(text) == expected


@pytest.mark.parametrize("text", [
    "Skiltet er 3 m langt og rager 1 m ud fra facaden.",                   # a sign's size
    "Skiltet er 3 m langt og 60 cm bredt.",
    "Stilladset står 1 m fra facaden. Facaden er 12 m lang.",               # two sentences
    "Containeren er 6 m lang. Den er 2,5 m bred.",
])
def test_a_sign_or_measures_in_two_sentences_give_no_area(text):
    assert area(text) is None


def test_a_written_area_wins_over_a_length_and_a_depth():
    assert area("Ca. 10 m² langs vores 6 meter facade, 1 m ud.") == 10


def test_the_area_is_found_where_its_length_and_depth_are_written(catalogue):
    text = "Vi stiller 2 borde langs vores 6 meter facade, 1 m ud."
    (length, depth, start, end), = length_and_depth(text)
    assert (length, depth, text[start:end]) == (6, 1, "6 meter facade, 1 m")
    assert (start, end) in list(locate("area_m2", 6, text))
    assert "area" in check(catalogue.task("udeservering"), evidence(text, area_m2=6)).have
