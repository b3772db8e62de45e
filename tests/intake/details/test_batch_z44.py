"""Details of the blind batch z44 (session 42), each worded here apart from the batch's mail: a foreign company's
Danish branch registered with its parent's country."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.periods import Period, find_period
from tests.intake.details.reading import values_at

REFERENCE = date(2027, 2, 22)
values = values_at(REFERENCE)


def body(text: str, **sender: str) -> dict:
    return values([("body", text)], **sender)


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("text, name", [
    ("Our branch is registered as Hoffmann Kaffee GmbH, filial af Hoffmann Kaffee GmbH, Tyskland, CVR 12345674.",
     "Hoffmann Kaffee GmbH, filial af Hoffmann Kaffee GmbH, Tyskland"),
    ("Filialen hedder Nordvik Bygg, filial af Nordvik Bygg AS, Norge (CVR 12345674).",
     "Nordvik Bygg, filial af Nordvik Bygg AS, Norge"),
    # a street after the comma is no country
    ("Ashby Events, filial af Ashby Events Ltd, Englandsvej 3, 2300 København S. CVR 12345674.",
     "Ashby Events, filial af Ashby Events Ltd"),
])
def test_a_branch_is_registered_with_its_parents_country(text, name):
    assert body(f"Hello\n\n{text}\n\nBest regards\nTom Fox")["company_name"] == name
