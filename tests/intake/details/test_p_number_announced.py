"""A P-number announced further on in its sentence: "P-nummeret for Blågårdsgade 8 er 1003948217"."""
from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details

REF = date(2027, 1, 15)


def values(text: str) -> dict:
    return {k: f.value for k, f in extract_details([("body", text)], {}, reference=REF).items()}


@pytest.mark.parametrize("text", [
    "Tak for hurtigt svar. P-nummeret for Blågårdsgade 8 er 1003948217. Arealet bliver 2 x 6 meter.",
    "Thanks. The P-number for Blågårdsgade 8 is 1003948217, and the area is 12 m2.",
    "The P-number for the serving address is 1003 948 217.",
    "P-nummeret for vores butik lyder på 1003948217.",
    "P-nummer for butikken på St. Kongensgade 5, st. th. er 1003948217.",
    "Vores P-nummer er 1003948217.",
])
def test_p_number_announced_after_a_stretch(text):
    found = values(text)
    assert found["p_number"] == "1003948217" and "cpr_found" not in found


@pytest.mark.parametrize("text", [
    "P-nummeret for Blågårdsgade 8 har vi ikke endnu, men det er 1003948217 der står på lejekontrakten.",
    "P-nummeret for Blågårdsgade 8 kommer senere: 1003948217 er vores kundenummer.",
    "The P-number is not yet issued: 1003948217",
    "P-nummer for butikken kender jeg ikke. Ring på 1003948217.",
    "P-nummer har vi ikke, men mit CPR-nummer er 100394-8217",
    "CPR på indehaveren (P-nummer følger): 100394-8217",
    "P-nummeret for Blågårdsgade 8, kontonummer 1104951234, er 1003948217",
])
def test_no_p_number_from_a_pending_stretch_another_number_or_a_cpr(text):
    assert "p_number" not in values(text)


def test_a_cpr_number_is_never_the_announced_p_number():
    found = values("P-nummer har vi ikke, men mit CPR-nummer lyder på 100394-8217.")
    assert "p_number" not in found and found["cpr_found"] is True


@pytest.mark.parametrize("text", [
    "P-nummeret 1003948217 hører til butikken.",
    "Production unit no. 1003948217.",
    "Produktionsenhed: 10 03 94 82 17",
])
def test_p_number_right_after_its_label_in_any_of_the_label_forms(text):
    # the details read every label the privacy module knows (one pattern, P_LABEL), so none is flagged as a CPR
    found = values(text)
    assert found["p_number"].replace(" ", "") == "1003948217" and "cpr_found" not in found
