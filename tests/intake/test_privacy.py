"""``find_cpr`` and a P-number announced further on in its sentence ("P-nummeret for Blågårdsgade 8 er ...")."""
from __future__ import annotations

import time

import pytest

from intake.privacy import find_cpr, mask, redact_cpr


@pytest.mark.parametrize("text", [
    "P-nummeret for Blågårdsgade 8 er 1003948217.",
    "The P-number for Blågårdsgade 8 is 1003948217.",
    "the P-number for the serving address is 1003948217",
    "P-nummeret for vores butik lyder på 1003948217",
    "P-nummeret er 1003948217",
    "P-nr. for butikken på St. Kongensgade 5, st. th.: 1003948217",
    "Produktionsenhedens nummer for afdelingen i Aarhus er 100394-8217",
])
def test_a_number_announced_as_a_p_number_is_not_cpr(text):
    assert find_cpr(text) == [] and redact_cpr(text) == text


@pytest.mark.parametrize("text", [
    # labelled CPR after a P-number label earlier in the sentence
    "P-nummer har vi ikke, men mit CPR-nummer er 100394-8217",
    "P-nummer har vi ikke, men mit CPR-nummer lyder på 100394-8217",
    "P-nummeret har vi ikke endnu; personnummer: 1003948217",
    # the stretch says the P-number is missing or pending
    "P-nummeret for Blågårdsgade 8 kommer senere: 1003948217",
    "The P-number for the shop is not yet registered: 1003948217",
    # a CPR label near before, a sentence end, another number's label, or the number too far off
    "CPR på indehaveren (P-nummer følger): 100394-8217",
    "P-nummer for Vestergade 3. Min søn er født 100394-8217",
    "P-nummer for butikken står på fakturaen, mit mobilnummer er 1003948217",
    "P-nummeret for " + "den lille butik på hjørnet af to meget lange gader i byens gamle " + "kvarter er 1003948217",
])
def test_a_cpr_number_after_a_p_number_label_is_still_cpr(text):
    assert len(find_cpr(text)) == 1
    assert "8217" not in redact_cpr(text)


def test_only_the_announced_number_is_spared():
    text = "P-nummeret for Blågårdsgade 8 er 1003948217 og ejerens er 110495-1234"
    assert [text[s:e] for s, e in find_cpr(text)] == ["110495-1234"]


@pytest.mark.parametrize("text", [
    "P-nummeret for Blågårdsgade 8 er 1003948217 " * 20_000,
    "P-nr for " * 100_000,
    ("P-nummer for st. th. " * 5 + "er 100394-8217\n") * 8_000,
], ids=["announced", "labels", "abbreviations"])
def test_p_number_announcements_take_linear_time_on_a_megabyte(text):
    started = time.perf_counter()
    find_cpr(text)
    assert time.perf_counter() - started < 3.0


def test_masking_a_long_line_without_an_address_is_not_quadratic():
    """An access-log line of a 200,000-character path is masked in well under a second per run of characters (a
    pattern tried from every position of the run took about 1.6 s for 20,000 and would take minutes here)."""
    for line in ("GET /zzz/" + "K" * 200_000, "a." * 100_000, "x@" + "y" * 200_000):
        started = time.perf_counter()
        assert mask(line) == line
        assert time.perf_counter() - started < 5, line[:12]
    assert mask("skriv til jens.hansen+x@firma.dk") == "skriv til <address>"
