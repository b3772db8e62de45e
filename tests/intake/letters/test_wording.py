"""The wording files: both languages say the same things, nothing hard-codes the sender, placeholders are filled."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from intake.letters.wording import phrase, phrases, render

TEMPLATES = resources.files("intake.letters.templates")
FILES = sorted(p.name for p in TEMPLATES.iterdir() if p.name.endswith((".txt", ".toml")))
# internal mails in Danish (English after it), and the cover note to another Danish authority (forwarding.py)
OFFICE_ONLY = {"digest.da.txt", "forward_note.da.txt", "forwarded_authority.da.txt"}


def keys(lang: str) -> set[str]:
    return {f"{section}.{name}" for section, values in phrases(lang).items() if section != "office"
            for name in values}


def test_danish_and_english_phrases_have_the_same_keys():
    assert keys("da") == keys("en") and len(keys("da")) > 50


def test_office_phrases_are_danish_only():
    assert "office" in phrases("da") and "office" not in phrases("en")


def test_every_business_template_exists_in_both_languages():
    danish = {f[:-len(".da.txt")] for f in FILES if f.endswith(".da.txt") and f not in OFFICE_ONLY}
    english = {f[:-len(".en.txt")] for f in FILES if f.endswith(".en.txt")}
    assert danish == english and {"acknowledgement", "status", "case", "meeting_new"} <= danish


@pytest.mark.parametrize("name", FILES)
def test_no_file_hard_codes_the_sender_name(name):
    text = TEMPLATES.joinpath(name).read_text("utf-8")
    assert not re.search(r"Københavns Erhvervsservice|Copenhagen Business Service|\bErhvervsservice\b", text)


def test_a_phrase_with_a_missing_value_fails_loudly():
    with pytest.raises(KeyError, match="triage_office"):
        phrase("da", "acknowledgement.triage")


def test_a_template_with_a_missing_value_fails_loudly():
    with pytest.raises(KeyError):
        render("status.da.txt", {"reference": "KBH-2026-000001"})


def test_phrases_fill_their_values():
    assert phrase("en", "status.waiting_for", question="a drawing") == "We are waiting for: a drawing"


@pytest.mark.parametrize("name, greeted", [
    ("Mette Holm", "Mette Holm"),
    ("Søren Kjær-Holm", "Søren Kjær-Holm"),
    ("Inger Marie Hansen", "Inger Marie Hansen"),
    ("Betal gebyret 5000 kr til konto 1234-567890 senest fredag", "ansøger"),   # a display name as a message
    ("Skat.dk Betal gebyr", "ansøger"),
    ("Klik her www.gebyr-betaling.example", "ansøger"),
    ("mette@cafesolsikke.dk", "ansøger"),
    ("Din sag er godkendt klik på linket nedenfor", "ansøger"),
    ("", "ansøger"),
])
def test_a_greeting_is_a_name_or_no_one(name, greeted):
    from intake.letters.wording import greeting_name

    assert greeting_name(name, "da") == greeted


def test_a_danish_clock_time_has_a_full_stop_and_an_english_one_a_colon():
    """Danish writes "kl. 09.05" (Retskrivningsordbogen); the letters wrote "kl. 09:05" in Danish too."""
    from datetime import datetime

    from intake.letters.wording import clock, describe_received
    from routing.goals import LOCAL_TZ

    when = datetime(2026, 11, 30, 9, 5, tzinfo=LOCAL_TZ)
    assert (clock(when, "da"), clock(when, "en")) == ("09.05", "09:05")
    assert describe_received(when, "da").endswith("kl. 09.05")
    assert describe_received(when, "en").endswith("at 09:05")


# The office that handles a part is an "enhed" in Danish (Copenhagen's centres and units) and an "office" in English,
# everywhere a business reads: "kontor", "fagkontor" and "fagenhed" named the same thing in other letters.
OTHER_WORDS = {"da": re.compile(r"\b(?:fag)?kontor(?:er|et|erne)?\b|\bfagenhed", re.IGNORECASE),
               "en": re.compile(r"\b(?:units?|departments?)\b")}   # lower case: "Building Appeals Unit" is a name


def business_texts(lang: str) -> dict[str, str]:
    """Every text in ``lang`` that a business reads: the letters' templates and phrases, the track page's words and
    the catalogue's texts (names, guidance, appeal guidance, paths forward; not the classifier's trigger phrases)."""
    import tomllib
    from pathlib import Path

    import intake.web
    import routing

    texts = {name: TEMPLATES.joinpath(name).read_text("utf-8") for name in FILES
             if name.endswith(f".{lang}.txt") and name not in OFFICE_ONLY}
    texts |= {f"phrases.{lang}.toml {section}": str(values) for section, values in phrases(lang).items()
              if section != "office"}
    texts[f"words.{lang}.toml"] = (Path(intake.web.__file__).parent / f"words.{lang}.toml").read_text("utf-8")
    catalogue = tomllib.loads((Path(routing.__file__).parent / "catalogue.toml").read_text("utf-8"))

    def walk(where: str, node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith(f"_{lang}") and not key.startswith("phrases"):
                    texts[f"catalogue {where}.{key}"] = str(value)
                else:
                    walk(f"{where}.{key}", value)
        elif isinstance(node, list):
            for item in node:
                walk(where, item)

    walk("", catalogue)
    return texts


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_office_of_a_part_has_one_name_wherever_a_business_reads(lang):
    found = {where: OTHER_WORDS[lang].findall(text) for where, text in business_texts(lang).items()}
    assert not {where: words for where, words in found.items() if words}
