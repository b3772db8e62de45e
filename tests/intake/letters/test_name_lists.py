"""Names joined in a sentence (the offices of a case): "A, B og C", and "samt" / "as well as" where a name has
"og" / "and" in it, so that no "og" both names an office and joins two."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from intake.letters.notices import closed_reply
from intake.letters.wording import name_list
from tests.intake.letters.builders import CATALOGUE, RECEIVED, body_of, case, original


@pytest.mark.parametrize(("lang", "expected"), [
    ("da", "Center for Trafik (vejmyndighed), Center for Bygninger og Center for Miljøbeskyttelse"),
    ("en", "Centre for Traffic (road authority), Centre for Buildings and Centre for Environmental Protection"),
])
def test_names_without_the_conjunction_join_the_last_with_it(lang, expected):
    names = [getattr(CATALOGUE.office(o), f"name_{lang}") for o in ("trafik", "byggeri", "miljoe")]
    assert name_list(names, lang) == expected
    assert name_list(names[:1], lang) == names[0] and name_list([], lang) == ""


@pytest.mark.parametrize(("lang", "two", "three"), [
    ("da", "Affald og Genbrug samt Center for Bygninger",
     "Byliv og Arrangementer, Affald og Genbrug samt Center for Bygninger"),
    ("en", "Waste and Recycling as well as Centre for Buildings",
     "City Life and Events, Waste and Recycling as well as Centre for Buildings"),
])
def test_names_with_the_conjunction_in_them_join_the_last_with_samt(lang, two, three):
    """ "Affald og Genbrug og Center for Bygninger" reads as three offices, or as two of several names."""
    names = [getattr(CATALOGUE.office(o), f"name_{lang}") for o in ("byliv", "affald", "byggeri")]
    assert name_list(names[1:], lang) == two
    assert name_list(names, lang) == three


@pytest.mark.parametrize(("lang", "sentence"), [
    ("da", "din mail er lagt på sagen, og Byliv og Arrangementer, Affald og Genbrug samt Center for Bygninger har "
           "fået besked."),
    ("en", "passed on to City Life and Events, Waste and Recycling as well as Centre for Buildings."),
])
def test_the_reply_about_a_closed_case_of_three_offices_names_each_once(settings, lang, sentence):
    closed = case(lang, status="closed", decision="approved", decided_at=RECEIVED + timedelta(days=7),
                  offices=json.dumps(["byliv", "affald", "byggeri"]))
    body = " ".join(body_of(closed_reply(closed, original(lang), CATALOGUE, settings, lang, 3)).split())
    assert sentence in body
