"""The letters' guidance on non-municipal matters (pure; the bundled catalogue)."""
from __future__ import annotations

import pytest

from intake.letters.guidance import guidance_text, only_external
from routing.catalogue import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_only_external_needs_a_topic_and_nothing_but_the_general_task():
    assert only_external(["generel"], ["skat_moms"])
    assert not only_external(["udeservering", "generel"], ["skat_moms"])
    assert not only_external(["generel"], [])


@pytest.mark.parametrize(("lang", "authority", "guided"), [
    ("da", "Bevillingsnævnet", "Vi har ikke sendt disse dele videre"),
    ("en", "Licensing Board", "We have not passed these parts on"),
])
def test_guidance_names_authority_url_and_says_we_guide(catalogue, lang, authority, guided):
    text = guidance_text(["alkoholbevilling"], ["udeservering"], catalogue, lang, from_name="Erhvervshuset")
    assert authority in text and catalogue.external["alkoholbevilling"].url in text and guided in text
    assert "§ 7" in text or "section 7" in text


def test_guidance_for_an_only_external_enquiry_says_it_is_registered(catalogue):
    text = guidance_text(["skat_moms"], ["generel"], catalogue, "da", from_name="Erhvervshuset")
    assert "Skattestyrelsen" in text and "registreret henvendelsen" in text


def test_no_topics_give_no_guidance(catalogue):
    assert guidance_text([], ["udeservering"], catalogue, "da", from_name="Erhvervshuset") == ""
