"""Every real-world PDF, DOCX and TNEF file (and every attachment in the mail corpora) yields
text or a typed refusal within the limits, through the sandbox.

The files are the third-party corpora in ../shared/corpora: without them these tests
are skipped with the reason (a failure under CI=true), see tests/availability.py.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from intake.attachments import REASONS
from tests.availability import or_placeholder
from tests.intake.attachments.conftest import TEST_LIMITS
from tests.paths import CORPORA


def _files(folder: str, patterns: tuple[str, ...]) -> list[Path]:
    root = CORPORA / folder
    return sorted(p for pattern in patterns for p in root.rglob(pattern)) if root.is_dir() else []


PDF = _files("pdf", ("*.pdf",))
DOCX = _files("docx", ("*.docx",))
TNEF = _files("tnef", ("*.tnef",))


def _mail_attachments() -> list[tuple[str, str, bytes]]:
    found = []
    for path in _files("email", ("*.eml", "*.txt")):
        try:
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for part in message.iter_attachments():
                data = part.get_payload(decode=True)
                if isinstance(data, bytes) and data:
                    found.append((f"{path.name}:{part.get_filename() or 'unnamed'}", part.get_content_type(), data))
        except Exception:  # noqa: BLE001 - message parsing is not under test here
            continue
    return found


def _check(result) -> None:
    assert result.status in ("read", "unreadable")
    if result.status == "read":
        assert result.text.strip() or result.fields or result.members
    else:
        assert result.reason in REASONS
    assert result.reason != "timeout", "a corpus file should not need the whole time limit"
    assert len(result.text) <= TEST_LIMITS.max_text_chars


def _id(path: Path) -> str:
    return str(path.relative_to(CORPORA))


@pytest.mark.corpora("pdf")
@pytest.mark.parametrize("path", or_placeholder(PDF), ids=_id)
def test_corpus_pdf_is_read_or_refused(sandbox, path):
    _check(sandbox.extract(path.name, "application/pdf", path.read_bytes()))


@pytest.mark.corpora("docx")
@pytest.mark.parametrize("path", or_placeholder(DOCX), ids=_id)
def test_corpus_docx_is_read_or_refused(sandbox, path):
    _check(sandbox.extract(path.name, "application/octet-stream", path.read_bytes()))


@pytest.mark.corpora("tnef")
@pytest.mark.parametrize("path", or_placeholder(TNEF), ids=_id)
def test_corpus_tnef_is_read_or_refused(sandbox, path):
    _check(sandbox.extract("winmail.dat", "application/ms-tnef", path.read_bytes()))


@pytest.mark.corpora("email")
@pytest.mark.parametrize(("name", "ctype", "data"), or_placeholder(_mail_attachments(), width=3),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_corpus_mail_attachment_is_read_or_refused(sandbox, name, ctype, data):
    _check(sandbox.extract(name.split(":", 1)[1], ctype, data))


@pytest.mark.corpora("pdf", "docx", "tnef", "email")
def test_corpora_are_not_empty():
    """A corpus folder that is there but empty would make the tests above vanish."""
    assert PDF and DOCX and TNEF and _mail_attachments()


@pytest.mark.corpora("pdf")
def test_password_protected_corpus_pdfs_are_refused_as_encrypted(sandbox):
    result = sandbox.extract("p.pdf", "", (CORPORA / "pdf/pdfplumber/password-example.pdf").read_bytes())
    assert result.reason == "encrypted"


@pytest.mark.corpora("pdf")
def test_corpus_acroform_values_reach_fields(sandbox):
    result = sandbox.extract("f.pdf", "", (CORPORA / "pdf/pdfminer/acroform/AcroForm_TEST.pdf").read_bytes())
    assert result.fields
