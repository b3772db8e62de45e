"""Mentions in passing: clauses that name a task type without asking for it."""
import pytest

from classifier.mentions import is_mention, strip_mentions, without_mentions


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
