"""PDF: text with pypdfium2, structure (form fields, tables) with pdfplumber, OCR for scans.

The fast path is pypdfium2's text of every page (about 300 pages/s). pdfplumber
(pdfminer underneath, about 12 pages/s) is only opened when the structure is
worth its price: the document has an AcroForm (field values go to ``fields``),
or a page has enough vector paths to be a ruled table (see ``tables.py`` for
how tables are found without pdfplumber parsing the whole page). Pages with
images but no text are rendered and OCR'd, up to ``max_ocr_pages``.
"""

from __future__ import annotations

import io
import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from intake.attachments.base import Context, Extracted, table_fields, table_rows_text
from intake.attachments.errors import Corrupt, Encrypted, NoText, OcrUnavailable
from intake.attachments.limits import Limits
from intake.attachments.ocr import ocr_image, tesseract_available

log = logging.getLogger(__name__)

MIN_PAGE_TEXT = 20        # characters; fewer on a page with an image means "scanned"
TABLE_MIN_PATHS = 4       # vector paths on a page before we look for a ruled table
MAX_RENDER_SIDE = 5000    # pixels, for OCR rendering
MAX_FORM_FIELDS = 2000


def read_pdf(data: bytes, ctx: Context) -> Extracted:
    """Text, form fields and tables of a PDF."""
    document = open_pdf(data)
    try:
        return _read(document, data, ctx.limits)
    except pdfium.PdfiumError as err:
        raise Corrupt(f"PDF page cannot be read: {err}") from err
    finally:
        document.close()


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The document, opened with the empty password when it is encrypted."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise Encrypted("PDF needs a password") from err
        raise Corrupt(f"PDF cannot be opened: {err}") from err


def _read(document: pdfium.PdfDocument, data: bytes, limits: Limits) -> Extracted:
    count = len(document)
    texts, scanned, ruled = _scan_pages(document, min(count, limits.max_pages))
    result = Extracted(pages=count)
    if count > limits.max_pages:
        result.warnings.append("pages_capped")
    for index, text in _ocr_pages(document, scanned, limits, result.warnings).items():
        texts[index] = text
    result.text = "\n\n".join(text for text in texts if text.strip())
    has_form = document.get_formtype() != pdfium_c.FORMTYPE_NONE
    if has_form or ruled:
        _add_structure(document, data, has_form, ruled[: limits.max_table_pages], result)
    if not result.text.strip() and not result.fields:
        if "ocr_unavailable" in result.warnings:
            raise OcrUnavailable("a scanned PDF and no Tesseract")
        raise NoText("no text in PDF")
    return result


def _scan_pages(document, count: int) -> tuple[list[str], list[int], list[int]]:
    """Page texts, the pages that look scanned, and the pages that may hold ruled tables."""
    texts, scanned, ruled = [], [], []
    for index in range(count):
        page = document[index]
        try:
            text = page_text(page)
            paths, images = _object_counts(page, len(text.strip()) < MIN_PAGE_TEXT)
        finally:
            page.close()
        if len(text.strip()) < MIN_PAGE_TEXT and images:
            scanned.append(index)
        if paths >= TABLE_MIN_PATHS:
            ruled.append(index)
        texts.append(text)
    return texts, scanned, ruled


def page_text(page: pdfium.PdfPage) -> str:
    """The text of one page in pdfium's reading order, with Unix line ends."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _object_counts(page: pdfium.PdfPage, need_images: bool) -> tuple[int, int]:
    """Top-level path and image objects, counted through the raw API until the answer is known."""
    paths = images = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page, index))
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            images += 1   # a form XObject may wrap the scanned image
        if paths >= TABLE_MIN_PATHS and (images or not need_images):
            break
    return paths, images


def _ocr_pages(document, scanned: list[int], limits: Limits, warnings: list[str]) -> dict[int, str]:
    if not scanned:
        return {}
    if not tesseract_available():
        warnings.append("ocr_unavailable")
        return {}
    if len(scanned) > limits.max_ocr_pages:
        warnings.append("ocr_pages_capped")
    found = {}
    for index in scanned[: limits.max_ocr_pages]:
        page = document[index]
        try:
            found[index] = ocr_image(_render(page, limits.ocr_dpi), limits)
        finally:
            page.close()
    if found:
        warnings.append("ocr")
    return found


def _render(page: pdfium.PdfPage, dpi: int):
    width, height = page.get_size()
    scale = min(dpi / 72, MAX_RENDER_SIDE / max(width, height, 1))
    return page.render(scale=scale, grayscale=True).to_pil()


def _add_structure(document, data: bytes, has_form: bool, ruled: list[int], result: Extracted) -> None:
    """Form fields and tables with pdfplumber; a failure here keeps the text already read."""
    from intake.attachments.tables import find_tables

    try:
        fields = acroform_fields(data) if has_form else {}
        tables = find_tables(document, ruled)
    except Exception as err:  # noqa: BLE001 - pdfminer raises anything on broken files
        log.info("PDF structure not read: %s", type(err).__name__)
        result.warnings.append("structure_unread")
        return
    if fields:
        result.fields.update(fields)
        result.text += "\n\n" + "\n".join(f"{name}: {value}" for name, value in fields.items())
    for rows in tables:
        result.text += "\n\n" + table_rows_text(rows)
        for label, value in table_fields(rows).items():
            result.fields.setdefault(label, value)


def acroform_fields(data: bytes) -> dict[str, str]:
    """Filled-in AcroForm field values by full field name (pdfplumber/pdfminer)."""
    import pdfplumber
    from pdfminer.pdftypes import resolve1

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        form = resolve1(pdf.doc.catalog.get("AcroForm"))
        roots = resolve1(form.get("Fields")) if isinstance(form, dict) else None
        return _walk_fields(roots or [], resolve1)


def _walk_fields(roots: list, resolve1) -> dict[str, str]:
    fields: dict[str, str] = {}
    stack = [(ref, "") for ref in reversed(roots)]
    seen: set[int] = set()
    while stack and len(fields) < MAX_FORM_FIELDS and len(seen) < 20 * MAX_FORM_FIELDS:
        ref, prefix = stack.pop()
        objid = getattr(ref, "objid", None)
        if objid is not None and objid in seen:
            continue
        seen.add(objid if objid is not None else -len(seen) - 1)
        field = resolve1(ref)
        if not isinstance(field, dict):
            continue
        name = _pdf_text(resolve1(field.get("T")))
        full = f"{prefix}.{name}" if prefix and name else (name or prefix)
        kids = resolve1(field.get("Kids"))
        stack.extend((kid, full) for kid in reversed(kids if isinstance(kids, list) else []))
        value = _field_value(resolve1(field.get("V")))
        if full and value:
            fields.setdefault(full, value)
    return fields


def _field_value(value) -> str:
    if isinstance(value, list):
        return ", ".join(filter(None, (_field_value(v) for v in value)))
    text = _pdf_text(value)
    return "" if text == "Off" else text.strip()


def _pdf_text(value) -> str:
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, str):
        return value
    return "" if value is None else str(value)
