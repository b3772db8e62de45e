"""Details in the voices of development batch d12: phones written with dashes or digit by digit, or behind a
signature's "M:"."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details

REF = date(2027, 3, 25)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- phones

@pytest.mark.parametrize(("text", "phone"), [
    ("CVR: 5496 2886\n\nRing endelig på 26-12-34-56 hvis der mangler noget.\n\nmvh\nAli", "26123456"),
    ("Anmelder: Have & Anlæg ApS. Kontakt Ida Holm på 2 6 5 5 - 4 0 1 1 ... altså\n\nIda Holm", "26554011"),
    ("--\nRasmus Friis Nielsen\nFriis Nielsen Byg ApS\nCVR 51669223\nM: 2 0 9 1 4 4 7 2\nwww.friis.example", "20914472"),
    ("Best regards\nAnne Holm\nM: +45 31 22 40 18\nT: 33 12 00 00", "31224018"),
])
def test_a_phone_with_dashes_digit_by_digit_or_after_m(text, phone):
    assert values([("body", "Hej\nVi søger om tilladelse.\n\n" + text)])["phone"] == phone


@pytest.mark.parametrize("text", [
    "Sagsnr. 2-6-5-5 og 4 0 1 1 i alt",
    "Ordre 1 2 3 4 5 6 7 8",
])
def test_spelled_digits_of_something_else_are_no_phone(text):
    assert "phone" not in values([("body", "Hej\nVi søger om tilladelse.\n" + text)])
