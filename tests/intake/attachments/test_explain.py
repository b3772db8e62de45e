"""Explanations for unreadable attachments."""

from __future__ import annotations

import pytest

from intake.attachments import REASONS, AttachmentResult
from intake.store import unreadable_sentences


def _unreadable(reason: str, name: str = "ansøgning.pdf") -> AttachmentResult:
    return AttachmentResult(filename=name, declared_type="application/pdf", type="pdf",
                            status="unreadable", reason=reason)


@pytest.mark.parametrize("reason", sorted(REASONS))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_reason_has_a_sentence_naming_the_file(reason, lang):
    sentence = _unreadable(reason).explain(lang)
    assert "ansøgning.pdf" in sentence and sentence.endswith(".")


def test_danish_and_english_sentences_differ():
    assert _unreadable("encrypted").explain("da") != _unreadable("encrypted").explain("en")


def test_encrypted_asks_for_a_copy_without_password():
    assert "without a password" in _unreadable("encrypted").explain("en")
    assert "uden adgangskode" in _unreadable("encrypted").explain("da")


def test_read_attachment_needs_no_explanation():
    result = AttachmentResult(filename="a.pdf", declared_type="", type="pdf", status="read", reason=None, text="x")
    assert result.explain("da") is None


def test_unreadable_member_of_an_archive_is_explained_with_its_container():
    member = _unreadable("encrypted", "budget.pdf")
    archive = AttachmentResult(filename="bilag.zip", declared_type="", type="zip", status="read",
                               reason=None, members=[member])
    assert "budget.pdf (bilag.zip)" in archive.explain("en")


@pytest.mark.parametrize(("lang", "listed"), [
    ("da", "3 filer: bilag-1.pdf, bilag-2.pdf og bilag-3.pdf"),
    ("en", "3 files: bilag-1.pdf, bilag-2.pdf and bilag-3.pdf"),
])
def test_files_not_read_for_one_reason_share_one_sentence_with_their_count(lang, listed):
    names = ["bilag-1.pdf", "bilag-2.pdf", "bilag-3.pdf"]
    ((first, sentence),) = unreadable_sentences([_unreadable("time_budget", n) for n in names], lang)
    assert first == "bilag-1.pdf" and listed in sentence


@pytest.mark.parametrize(("lang", "listed"), [
    ("da", "2 filer: tegning og snit.pdf samt budget.pdf"),
    ("en", "2 files: plan and section.pdf as well as budget.pdf"),
])
def test_a_file_name_with_the_conjunction_in_it_is_joined_with_samt(lang, listed):
    """The letters' way with names ("Affald og Genbrug samt ..."): no "og" both names a file and joins two."""
    names = ["tegning og snit.pdf" if lang == "da" else "plan and section.pdf", "budget.pdf"]
    ((_, sentence),) = unreadable_sentences([_unreadable("too_many_parts", n) for n in names], lang)
    assert listed in sentence
