"""An area given as a length along the front and a depth out from it ("2 borde langs vores 6 meter facade, 1 m ud"):
the details read the area as the product, and the checklist counts the area as given, found where it is written.
A width is a thing's size, not an area applied for ("Containeren er 6 m lang og 2,5 m bred" gives no area)."""

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


@pytest.mark.parametrize("text", [
    "Containeren er 6 m lang og 2,5 m bred og står ud for nr. 8.",         # a thing's width
    "The scaffolding will be 1.5 m wide and 20 m long.",
    "Skiltet er 3 m langt og rager 1 m ud fra facaden.",                   # a sign's size
    "Stilladset står 1 m fra facaden. Facaden er 12 m lang.",               # two sentences
])
def test_a_width_a_sign_or_measures_in_two_sentences_give_no_area(text):
    assert area(text) is None


def test_a_written_area_wins_over_a_length_and_a_depth():
    assert area("Ca. 10 m² langs vores 6 meter facade, 1 m ud.") == 10


def test_the_area_is_found_where_its_length_and_depth_are_written(catalogue):
    text = "Vi stiller 2 borde langs vores 6 meter facade, 1 m ud."
    (length, depth, start, end), = length_and_depth(text)
    assert (length, depth, text[start:end]) == (6, 1, "6 meter facade, 1 m")
    assert (start, end) in list(locate("area_m2", 6, text))
    assert "area" in check(catalogue.task("udeservering"), evidence(text, area_m2=6)).have
