"""Tests of intake.mail.language.detect_language."""

from __future__ import annotations

import time

import pytest

from intake.mail.language import detect_language


@pytest.mark.parametrize("text", [
    "Hej, vi vil gerne søge om tilladelse til udeservering.",
    "Se vedhæftede ansøgning.",
    "Kære Erhvervsservice\n\nJeg har et spørgsmål om skilte på min butik.",
    "Hej jeg vil gerne soge om tilladelse til et stillads paa vejen",   # no æøå
    "Vi skal grave ud for at laegge nye kabler, kan vi faa en gravetilladelse?",
])
def test_danish_texts(text):
    assert detect_language(text) == "da"


@pytest.mark.parametrize("text", [
    "Hi, we would like to apply for a permit for outdoor seating.",
    "Please see the attached application.",
    "Dear Sir or Madam,\n\nI am writing to ask what we need to open a restaurant in Copenhagen.",
    "Hello, could you tell me the status of my case? Kind regards",
])
def test_english_texts(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "   ", "OK", "CVR 12345678", "Vesterbrogade 12", "???"])
def test_no_evidence_defaults_to_danish(text):
    assert detect_language(text) == "da"


def test_english_mail_with_danish_place_names_is_english():
    text = "We would like to place scaffolding at Nørrebrogade 12 and Østerbrogade 4 from next week, please."
    assert detect_language(text) == "en"


def test_long_mixed_text_follows_the_majority():
    danish = "Vi vil gerne have en tilladelse til at stille borde op på fortovet. " * 30
    assert detect_language(danish + "Kind regards, the team") == "da"
    english = "We would like to have a permit to place tables on the pavement. " * 30
    assert detect_language(english + "Med venlig hilsen") == "en"


def test_detection_is_fast_on_large_text():
    text = "Vi vil gerne have en tilladelse. " * 100_000
    started = time.perf_counter()
    detect_language(text)
    assert time.perf_counter() - started < 0.5
