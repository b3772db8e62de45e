"""Details rules from blind batch c18: an area given as a length along the front and a depth out from it, where a
measure is written in centimetres ("70 cm ud fra muren") or its number in words ("two metres out from the wall")."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.checklist import check
from intake.details.identifiers import length_and_depth
from tests.intake.details.checklist_evidence import evidence

REF = date(2027, 1, 25)


def area(text: str) -> object:
    found = extract_details([("body", text)], {}, reference=REF, sender="x@example.dk")
    return found["area_m2"].value if "area_m2" in found else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi stiller tre borde langs facaden, som er 6 meter, 70 cm ud fra muren.", 4.2),
    ("Bænken står 50 cm ud fra facaden på en 4 meter lang strækning.", 2),
    ("Two tables, three metres out from the wall along our 5 m shop front.", 15),
    ("Bordene står en meter ud langs vores 7 meter facade.", 7),
])
def test_a_depth_in_centimetres_or_in_words_gives_the_area(text, expected):
    assert area(text) == expected


@pytest.mark.parametrize("text", [
    "Skiltet er 3 m langt og rager 40 cm ud fra facaden.",       # a sign's size
    "The bench is two metres long. It stands 60 cm out from the wall.",  # two sentences
])
def test_a_sign_or_two_sentences_give_no_area(text):
    assert area(text) is None


def test_the_area_in_centimetres_is_found_where_it_is_written(catalogue):
    text = "Vi stiller to bænke langs facaden, som er 6 meter, 70 cm ud fra muren."
    (length, depth, start, end), = length_and_depth(text)
    assert (length, depth, text[start:end]) == (6, 0.7, "6 meter, 70 cm")
    assert "area" in check(catalogue.task("udeservering"), evidence(text, area_m2=4.2)).have
