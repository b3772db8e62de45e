"""Mentions in passing: clauses that name a task type without asking for it."""
import pytest

from classifier.mentions import is_mention, strip_mentions, without_mentions, without_occasions


@pytest.mark.parametrize("clause", [
    "Vi har allerede en affaldsaftale med R98.",
    "Skiltet blev godkendt sidste år.",
    "We already have our waste contract.",
    "The sign on the side wall was approved in 2019 and will stay as it is.",
    "Køkkenet har ingen friture, så vi skal ikke have fedtudskiller.",
    "No grease separator is required.",
    "Spildevandet er uændret.",
])
def test_what_is_already_there_or_not_needed_is_a_mention(clause):
    assert without_mentions(clause) != clause.strip()


@pytest.mark.parametrize("clause", [
    "Vi søger om udeservering med fire borde.",
    "Vi har brug for en ny affaldsaftale.",
    "We would like a permit for a new sign.",
    "Vi har fået at vide, at vi skal søge om en fedtudskiller.",
    "We already run a café and now apply for outdoor seating.",
])
def test_a_request_is_no_mention(clause):
    assert not is_mention(clause)
    assert without_mentions(clause) == clause


def test_only_the_mentioning_clause_of_a_sentence_is_left_out():
    text = "Vi har allerede tilladelse til vores facadeskilt, så det er kun udeserveringen, vi søger om nu."
    assert without_mentions(text) == "så det er kun udeserveringen, vi søger om nu."


def test_a_negated_need_is_a_mention_even_with_a_word_of_asking():
    assert is_mention("Vi har ikke brug for en fedtudskiller, fordi vi ikke laver mad.")


def test_the_whole_text_keeps_its_lines_and_loses_its_mentions():
    text = "Hej\nVi søger om et skilt.\nVi har allerede en affaldsaftale.\nMvh Ole"
    assert strip_mentions(text) == "Hej\nVi søger om et skilt.\n\nMvh Ole"


def test_a_sentence_wrapped_from_a_pdf_is_read_whole():
    text = "Our kitchen has no frying, so no grease\nseparator is required."
    assert "grease" not in strip_mentions(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("I forbindelse med tagrenovering på Classensgade ønsker vi at placere en skurvogn.",
     "ønsker vi at placere en skurvogn."),
    ("Som led i byomdannelsen anmelder vi nedrivning af etape 2.", "anmelder vi nedrivning af etape 2."),
    ("In connection with the new residential building we need a crane on the road.",
     "we need a crane on the road."),
    ("Vi søger om stillads i forbindelse med renovering af facaden, fra 1. maj.", "Vi søger om stillads , fra 1. maj."),
])
def test_the_occasion_of_a_request_is_left_out_and_the_request_kept(text, kept):
    assert " ".join(without_occasions(text).split()) == " ".join(kept.split())


def test_an_occasion_is_at_most_six_words_and_ends_with_its_line():
    long = "As part of a very long and winding story about our shop, we apply for a sign."
    assert without_occasions(long).split() == "about our shop, we apply for a sign.".split()
    assert without_occasions("Vi skriver i forbindelse med nyt elskab\nHej") == "Vi skriver  \nHej"


def test_a_text_without_an_occasion_is_unchanged():
    text = "Vi søger om byggetilladelse til en ny vaskehal og forbinder den med kloakken."
    assert without_occasions(text) == text
