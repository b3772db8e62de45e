"""Word (DOCX): paragraphs, tables, headers/footers, content controls, legacy form fields.

The package is checked before python-docx sees it (``ooxml.check_package``:
zip-bomb limits and no DOCTYPE in any XML part). The text is then taken by
walking the WordprocessingML of the body, headers and footers in document
order, so content controls (``w:sdt``) and form-field results are included.
Two-column table rows ("Firmanavn | Bager Hansen ApS") and named form fields
and content controls also go to ``fields``. When the document holds little text
(under ``LITTLE_TEXT`` characters) its larger pictures are read by OCR: a scan
or phone photo of a filled-in form pasted into Word.
"""

from __future__ import annotations

import io

from intake.attachments.base import (
    Context,
    Extracted,
    clean_label,
    table_fields,
    table_rows_text,
)
from intake.attachments.errors import Corrupt
from intake.attachments.ocr import ocr_package_images
from intake.attachments.ooxml import check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_FIELDS = 500
LITTLE_TEXT = 200   # characters; a typed application form has more than this in its labels alone


def read_docx(data: bytes, ctx: Context) -> Extracted:
    """Text and fields of a DOCX file."""
    check_package(data, ctx.limits)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise Corrupt("DOCX cannot be opened") from err
    fields: dict[str, str] = {}
    parts = [_block_text(document.element.body, fields)]
    for part in _header_footer_elements(document):
        parts.append(_block_text(part, fields))
    fields.update({k: v for k, v in _form_fields(document.element.body).items() if k not in fields})
    text = "\n\n".join(part for part in parts if part.strip())
    extracted = Extracted(text=text, fields=dict(list(fields.items())[:MAX_FIELDS]))
    if len("".join(text.split())) < LITTLE_TEXT:
        _add_picture_text(data, extracted, ctx)
    return extracted


def _add_picture_text(data: bytes, extracted: Extracted, ctx: Context) -> None:
    """OCR of the pictures in word/media, appended to the text, with the warning "ocr"."""
    found = ocr_package_images(data, "word/media/", ctx.limits)
    if not found.images:
        return
    extracted.text = "\n\n".join(t for t in [extracted.text, *found.texts] if t.strip())
    extracted.warnings.append("ocr")
    if found.capped:
        extracted.warnings.append("ocr_pages_capped")


def _header_footer_elements(document) -> list:
    seen, elements = set(), []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            element = part._element  # noqa: SLF001 - python-docx has no public XML accessor
            if id(element) not in seen:
                seen.add(id(element))
                elements.append(element)
    return elements


def _block_text(container, fields: dict[str, str]) -> str:
    """Text of the paragraphs, tables and content controls directly inside ``container``."""
    lines = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            lines.append(paragraph_text(child))
        elif tag == W + "tbl":
            rows = _table_rows(child, fields)
            lines.append(table_rows_text(rows))
            for label, value in table_fields(rows).items():
                fields.setdefault(label, value)
        elif tag == W + "sdt":
            _content_control(child, fields)
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.append(_block_text(content, fields))
    return "\n".join(line for line in lines if line.strip())


def paragraph_text(paragraph) -> str:
    """Text of one paragraph, including runs inside content controls, fields and hyperlinks."""
    pieces = []
    for node in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr", W + "sdt"):
        if node.tag == W + "t":
            pieces.append(node.text or "")
        elif node.tag == W + "tab":
            pieces.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            pieces.append("\n")
    return "".join(pieces)


def _table_rows(table, fields: dict[str, str]) -> list[list[str]]:
    rows = []
    for row in table.iterchildren(W + "tr"):
        cells = [_block_text(cell, fields).strip() for cell in row.iterchildren(W + "tc")]
        rows.append(cells)
    return rows


def _content_control(sdt, fields: dict[str, str]) -> None:
    """A named content control (alias or tag) that is not showing its placeholder."""
    props = sdt.find(W + "sdtPr")
    if props is None or props.find(W + "showingPlcHdr") is not None:
        return
    name = _attr(props.find(W + "alias"), "val") or _attr(props.find(W + "tag"), "val")
    content = sdt.find(W + "sdtContent")
    if name and content is not None:
        value = " ".join("".join(t.text or "" for t in content.iter(W + "t")).split())
        if value:
            fields.setdefault(clean_label(name), value)


def _form_fields(body) -> dict[str, str]:
    """Legacy form fields (FORMTEXT/FORMCHECKBOX): the name in w:ffData, the result after 'separate'."""
    found: dict[str, str] = {}
    name, collecting, value = None, False, []
    for node in body.iter(W + "fldChar", W + "t"):
        if node.tag == W + "t":
            if collecting:
                value.append(node.text or "")
            continue
        kind = node.get(W + "fldCharType")
        if kind == "begin":
            name = _form_field_name(node, found)
        elif kind == "separate" and name:
            collecting, value = True, []
        elif kind == "end" and name:
            if "".join(value).strip():
                found.setdefault(name, "".join(value).strip())
            name, collecting = None, False
    return found


def _form_field_name(fld_char, found: dict[str, str]) -> str | None:
    data = fld_char.find(W + "ffData")
    if data is None:
        return None
    name = _attr(data.find(W + "name"), "val")
    box = data.find(W + "checkBox")
    if name and box is not None:
        checked = box.find(W + "checked")
        checked = checked if checked is not None else box.find(W + "default")
        state = _attr(checked, "val") if checked is not None else "0"
        found.setdefault(name, "yes" if state in ("1", "true", "on", None) else "no")
        return None
    return name


def _attr(element, name: str) -> str | None:
    if element is None:
        return None
    value = element.get(W + name)
    return value
