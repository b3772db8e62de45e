"""The gallery of letters (docs/letters.md): current, and showing every letter in both languages."""
from __future__ import annotations

from pathlib import Path

from intake.letters.case_letters import KINDS
from intake.letters.gallery import render_gallery
from tests.intake.letters.builders import CATALOGUE

PAGE = Path(__file__).resolve().parents[3] / "docs" / "letters.md"


def test_the_committed_gallery_is_current(settings):
    """Run `intake letters gallery` after changing a template, a phrase or the catalogue."""
    assert PAGE.read_text(encoding="utf-8") == render_gallery(CATALOGUE, settings) + "\n"


def test_the_gallery_shows_every_case_letter_in_both_languages(settings):
    page = render_gallery(CATALOGUE, settings)
    danish, _, english = page.partition("\n## English\n")
    for kind in KINDS:
        assert f"### Case letter: {kind}\n" in danish and f"### Case letter: {kind}\n" in english


def test_every_letter_in_the_gallery_greets_the_business_by_name(settings):
    """(The cover note of an application sent on to another authority is addressed to the authority.)"""
    page = render_gallery(CATALOGUE, settings)
    bodies = [(block.split("\n")[0], block.split("```text\n")[1]) for block in page.split("### ")[1:]]
    greetings = [body.splitlines()[0] for title, body in bodies if "sent on to the authority (" not in title]
    assert all(g in ("Kære Maja Thorsen", "Dear Giulia Romano", "Kære Søren Berg") for g in greetings), greetings
    assert sum(1 for title, _ in bodies if "sent on to the authority (" in title) == 1
