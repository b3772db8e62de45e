"""Finding non-municipal topics in what the sender wrote (pure; the bundled catalogue)."""
from __future__ import annotations

import time

import pytest

from intake.details.external import find_external_topics
from intake.mail.bodytext import text_now
from routing.catalogue import load_catalogue, parse_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def ids(text, catalogue):
    return [t.id for t in find_external_topics(text, catalogue)]


@pytest.mark.parametrize(("text", "topic"), [
    ("Hvor søger vi alkoholbevilling til vores nye bar?", "alkoholbevilling"),
    ("Where do I apply for a liquor license?", "alkoholbevilling"),
    ("Skal vi have en fødevaregodkendelse, før vi åbner?", "foedevarer"),
    ("How does food business registration work?", "foedevarer"),
    ("Hvordan skal vi registrere virksomheden?", "virksomhedsregistrering"),
    ("Hvor hurtigt kan et CVR-nummer oprettes?", "virksomhedsregistrering"),
    ("Skal vi betale moms af billetsalget?", "skat_moms"),
    ("Do we need a VAT registration for a pop-up shop?", "skat_moms"),
    ("Hvem holder brandsyn i vores lokaler?", "brandsikkerhed"),
    ("Skal vi søge lejlighedstilladelse til øl ved festen?", "lejlighedstilladelse"),
    ("Hvad kræver Arbejdstilsynet af arbejdsmiljø på en byggeplads?", "arbejdsmiljoe"),
])
def test_phrase_in_danish_or_english_finds_its_topic(catalogue, text, topic):
    assert ids(text, catalogue) == [topic]


def test_matching_ignores_case(catalogue):
    assert ids("ALKOHOLBEVILLING SØGES", catalogue) == ["alkoholbevilling"]


@pytest.mark.parametrize("spelling", ["fødevaregodkendelse", "foedevaregodkendelse", "FØDEVAREGODKENDELSE"])
def test_danish_letters_and_their_digraphs_are_the_same(catalogue, spelling):
    assert ids(f"Vi mangler {spelling}.", catalogue) == ["foedevarer"]


def test_hyphen_and_space_are_the_same(catalogue):
    assert ids("Hvornår kan et CVR nummer oprettes?", catalogue) == ["virksomhedsregistrering"]


def test_phrase_inside_a_longer_word_is_not_a_hit(catalogue):
    assert ids("Vores momsnr. står nederst, og momsen er betalt.", catalogue) == []


def test_a_phrase_inside_a_longer_phrase_of_another_topic_is_not_a_hit(catalogue):
    assert ids("Please explain food business registration.", catalogue) == ["foedevarer"]


def test_several_topics_come_in_catalogue_order(catalogue):
    found = ids("We need an alcohol licence, a food approval and a VAT number.", catalogue)
    assert found == ["foedevarer", "alkoholbevilling", "skat_moms"]


def test_price_qualifier_before_moms_is_not_a_hit(catalogue):
    assert ids("Leje af standen koster 2.000 kr. ekskl. moms, eller 2.500 kr + moms med strøm.", catalogue) == []


def test_label_before_an_identifier_is_not_a_hit(catalogue):
    assert ids("Firma: Café Lun ApS\nMoms: 12345678\nVAT no. DK12345678", catalogue) == []


def test_what_the_sender_already_has_is_not_a_hit(catalogue):
    text = "Vi har fødevaregodkendelse fra Fødevarestyrelsen. We already have an alcohol licence."
    assert ids(text, catalogue) == []


def test_a_stated_need_counts_even_after_have(catalogue):
    assert ids("Vi har brug for en alkoholbevilling.", catalogue) == ["alkoholbevilling"]


def test_quoted_lines_are_not_a_hit(catalogue):
    assert ids("Tak for svaret.\n> Husk at søge alkoholbevilling hos Bevillingsnævnet.", catalogue) == []


def test_moms_in_a_signature_is_not_a_hit_in_text_now(catalogue):
    body = ("Hej\n\nVi søger om udeservering foran Café Lun, Jægersborggade 5, 20 m2 fra 1. april.\n\n"
            "Med venlig hilsen\nAnna Holm\nCafé Lun ApS\nCVR/moms: 12345678\nVi har spørgsmål om moms\n")
    assert ids(body, catalogue) == ["skat_moms"], "the whole body does mention moms"
    assert ids(text_now(body), catalogue) == []


def test_a_normal_scaffolding_application_has_no_topics(catalogue):
    body = ("Vi skal opstille stillads på fortovet ud for Nørrebrogade 12 fra 1. marts i 6 uger. Stilladset "
            "opstilles efter Arbejdstilsynets regler. Pris for afspærring 4.000 kr. ekskl. moms.")
    assert ids(body, catalogue) == []


def test_fire_safety_in_a_building_permit_stays_municipal(catalogue):
    body = "Vi ønsker at indrette tagetagen til kontor og ved, at brandsikkerhed og flugtveje skal dokumenteres."
    assert ids(body, catalogue) == []


def test_a_catalogue_without_phrases_finds_nothing():
    raw = {"triage_office": "desk", "offices": {"desk": {"name_da": "S", "name_en": "D", "address": "d@kk.example"}},
           "tasks": {"generel": {"name_da": "G", "name_en": "G", "office": "desk",
                                 "goal": {"value": 1, "unit": "weeks"}, "paths_forward_da": ["x"],
                                 "paths_forward_en": ["x"], "appeal_da": "x", "appeal_en": "x",
                                 "guidance_da": "x", "guidance_en": "x"}},
           "external": {"moms": {"name_da": "Moms", "name_en": "VAT", "authority_da": "Skat",
                                 "authority_en": "Tax", "url": "https://skat.dk",
                                 "guidance_da": "x", "guidance_en": "x"}}}
    assert find_external_topics("moms moms moms", parse_catalogue(raw)) == []


def test_long_hostile_text_is_matched_quickly(catalogue):
    text = ("har ekskl. moms: 1 " * 5000) + "Hvor søger vi alkoholbevilling?"
    start = time.perf_counter()
    ids(text, catalogue)
    assert time.perf_counter() - start < 5.0  # linear: ~20 ms; a backtracking pattern takes minutes
