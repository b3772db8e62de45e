"""Spreadsheets, presentations and pictures pasted into Word, read through the sandbox."""

from __future__ import annotations

import datetime
import shutil

import pytest

from tests.intake.attachments import builders
from tests.paths import TEST_DATA

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

DATA = TEST_DATA / "attachments"
FORM = {"Firmanavn": "Bager Hansen ApS", "CVR-nummer": "12345678", "Adresse": "Nørrebrogade 12, 2200 København N"}


def _cell(text: str, repeat: int = 1) -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeat}"><text:p>{text}</text:p></table:table-cell>'


def test_xlsx_sheets_are_read_under_their_names(extract):
    workbook = builders.xlsx_sheets({"Ansøgning": [("Udeservering", "Nyhavn 1")], "Budget": [("Borde", 4)]})
    result = extract("ansøgning.xlsx", workbook)
    assert (result.type, result.status) == ("xlsx", "read")
    text = result.text
    assert text.index("## Ansøgning") < text.index("Udeservering | Nyhavn 1") < text.index("## Budget")


def test_xlsx_two_column_rows_go_to_fields(extract):
    result = extract("blanket.xlsx", builders.xlsx_sheets({"Ark1": [(f"{k}:", v) for k, v in FORM.items()]}))
    assert result.fields == FORM


def test_xlsx_rows_wider_than_two_cells_are_not_fields(extract):
    result = extract("budget.xlsx", builders.xlsx_sheets({"Ark1": [("Borde", 4, 100)]}))
    assert result.fields == {} and "Borde | 4 | 100" in result.text


def test_xlsx_numbers_and_dates_read_as_written(extract):
    rows = [("CVR", 12345678), ("Fra", datetime.datetime(2025, 5, 1)), ("Areal m2", 12.5)]
    result = extract("a.xlsx", builders.xlsx_sheets({"Ark1": rows}))
    assert result.fields == {"CVR": "12345678", "Fra": "2025-05-01", "Areal m2": "12.5"}


def test_xlsx_cells_beyond_the_cap_are_cut_off_with_a_warning():
    from intake.attachments import Limits, Sandbox

    workbook = builders.xlsx_sheets({"Ark1": [(f"r{i}", i) for i in range(50)]})
    with Sandbox(Limits(max_cells=20), workers=1) as box:
        result = box.extract("stor.xlsx", "", workbook)
    assert "r9 | 9" in result.text and "r10" not in result.text and "cells_capped" in result.warnings


def test_ods_rows_and_fields_are_read(extract):
    rows = [f"<table:table-row>{_cell('Firmanavn')}{_cell('Bager Hansen ApS')}</table:table-row>",
            f"<table:table-row>{_cell('Antal borde')}{_cell('4')}</table:table-row>"]
    result = extract("ansøgning.ods", builders.ods_of(rows, sheet="Ansøgning"))
    assert result.type == "ods" and result.text == "## Ansøgning\nFirmanavn | Bager Hansen ApS\nAntal borde | 4"
    assert result.fields == {"Firmanavn": "Bager Hansen ApS", "Antal borde": "4"}


def test_ods_repeated_empty_cells_and_rows_do_not_expand(extract):
    """LibreOffice writes "1,048,576 empty rows/columns" as one repeated element; that must stay cheap."""
    rows = [f"<table:table-row>{_cell('A')}{_cell('', 16000)}{_cell('B')}</table:table-row>",
            f'<table:table-row table:number-rows-repeated="1048000">{_cell("", 1024)}</table:table-row>']
    result = extract("tom.ods", builders.ods_of(rows))
    assert result.status == "read" and result.text.endswith("A")


def test_pptx_slide_text_is_read_in_order(extract):
    deck = builders.pptx_slides([("Ansøgning om udeservering", "Bager Hansen ApS"), ("Periode", "1. maj - 30. sep")])
    result = extract("præsentation.pptx", deck)
    assert (result.type, result.status, result.pages) == ("pptx", "read", 2)
    assert result.text.index("udeservering") < result.text.index("Bager Hansen") < result.text.index("30. sep")


def test_pptx_table_rows_go_to_fields(extract):
    result = extract("a.pptx", builders.pptx_slides([("Ansøgning", "se tabel")], table=list(FORM.items())))
    assert result.fields == FORM and "CVR-nummer | 12345678" in result.text


def test_odp_paragraphs_are_read(extract):
    content = (b'<?xml version="1.0"?><office:document-content '
               b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               b'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
               b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:presentation>'
               b'<draw:page><draw:frame><draw:text-box><text:p>Stillads p\xc3\xa5 facaden</text:p></draw:text-box>'
               b'</draw:frame></draw:page></office:presentation></office:body></office:document-content>')
    odp = builders.zip_of({"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": content})
    result = extract("dias.odp", odp)
    assert (result.type, result.text) == ("odp", "Stillads på facaden")


@needs_tesseract
def test_picture_of_a_form_in_a_text_poor_docx_is_read_by_ocr(extract):
    picture = builders.text_image(["Ansøgning om stillads", "Firmanavn: Bager Hansen ApS"])
    result = extract("ansøgning.docx", builders.docx_with_picture(picture, ["Se vedhæftede billede"]))
    assert "stillads" in result.text.lower() and "Se vedhæftede" in result.text and "ocr" in result.warnings


@needs_tesseract
def test_pictures_in_a_docx_with_enough_text_are_not_ocred(extract):
    picture = builders.text_image(["Ansøgning om stillads"])
    paragraphs = [f"Vi søger om tilladelse til udeservering, afsnit {i}, med borde og stole." for i in range(6)]
    result = extract("ansøgning.docx", builders.docx_with_picture(picture, paragraphs))
    assert "stillads" not in result.text.lower() and "ocr" not in result.warnings


@needs_tesseract
def test_small_pictures_such_as_logos_are_not_ocred(extract):
    import io

    from PIL import Image

    logo = io.BytesIO()
    Image.new("RGB", (200, 80), "red").save(logo, format="PNG")
    result = extract("brev.docx", builders.docx_with_picture(logo.getvalue(), ["Kort brev"]))
    assert result.text == "Kort brev" and "ocr" not in result.warnings


@pytest.mark.skipif(shutil.which("xls2csv") is None, reason="catdoc's xls2csv not installed")
def test_garbage_xls_is_refused_not_crashed(extract):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "Workbook".encode("utf-16-le") + b"\x00" * 400
    result = extract("gammel.xls", ole)
    assert result.type == "xls" and result.status == "unreadable"


@pytest.mark.skipif(shutil.which("xls2csv") is None, reason="catdoc's xls2csv not installed")
def test_legacy_xls_is_read_with_its_two_column_rows_as_fields(extract):
    result = extract("ansøgning.xls", (DATA / "ansøgning.xls").read_bytes())
    assert (result.type, result.status) == ("xls", "read")
    assert result.fields == FORM and "Antal borde | 4 | stk." in result.text
