"""Type detection from bytes, and safe file names."""

from __future__ import annotations

import pytest

from intake.attachments import detect_type, safe_filename
from tests.intake.attachments import builders


@pytest.mark.parametrize(("data", "expected"), [
    (builders.text_pdf(["hej"]), "pdf"),
    (builders.docx_form([("a", "b")]), "docx"),
    (builders.zip_of({"a.txt": b"hej"}), "zip"),
    (builders.text_image(["x"]), "image"),
    (builders.text_image(["x"], "JPEG"), "image"),
    (builders.text_image(["x"], "TIFF"), "image"),
    (builders.executable_as_pdf(), "executable"),
    (b"\x7fELF\x02\x01\x01" + b"\0" * 50, "executable"),
    (b"{\\rtf1\\ansi hej}", "rtf"),
    (b"\x78\x9f\x3e\x22\x00\x00", "tnef"),
    (b"<!DOCTYPE html><html><body>hej</body></html>", "html"),
    (b"From: a@example.com\nTo: b@example.com\nSubject: hej\n\nbody", "eml"),
    ("Navn;CVR\nBager;12345678\n".encode("cp1252"), "text"),
    (b"\x1f\x8b\x08\x00" + b"\0" * 20, "unknown"),
])
def test_type_is_detected_from_the_bytes(data, expected):
    assert detect_type(data) == expected


def test_declared_type_does_not_override_the_bytes():
    assert detect_type(builders.executable_as_pdf(), "ansøgning.pdf", "application/pdf") == "executable"


def test_odt_is_told_apart_from_zip_by_its_mimetype_member():
    data = builders.zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert detect_type(data) == "odt"


def test_xlsx_is_told_apart_from_docx_by_its_members():
    assert detect_type(builders.zip_of({"[Content_Types].xml": b"", "xl/workbook.xml": b""})) == "xlsx"


def test_safe_filename_drops_directories():
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\bo\\ansøgning.pdf") == "ansøgning.pdf"


def test_safe_filename_drops_bidi_overrides_and_control_characters():
    assert safe_filename("faktura\u202efdp.exe\x00\n") == "fakturafdp.exe"


def test_safe_filename_caps_length_and_keeps_the_extension():
    name = safe_filename("a" * 500 + ".pdf")
    assert len(name) <= 120 and name.endswith(".pdf")


def test_safe_filename_falls_back_when_nothing_is_left():
    assert safe_filename("\u200b../") == "attachment"
