"""Explanations for unreadable attachments."""

from __future__ import annotations

import pytest

from intake.attachments import REASONS, AttachmentResult


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
