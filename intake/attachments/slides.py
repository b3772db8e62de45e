"""Presentations (PPTX): the text of each slide in reading order, its tables and speaker notes.

The package is checked like a DOCX before python-pptx sees it
(``ooxml.check_package``). Slides are read in presentation order, up to
``max_pages``; shapes top to bottom, then left to right; group shapes are
opened; tables come out as "cell | cell" rows, and their two-column rows also
go to ``fields``. OpenDocument presentations are read by ``other.read_odt``.
"""

from __future__ import annotations

import io
import zipfile

from intake.attachments.base import Context, Extracted, table_fields, table_rows_text
from intake.attachments.errors import Corrupt, Unsupported
from intake.attachments.ooxml import check_package

MAX_SHAPES = 500     # shapes looked at on one slide (groups included)
MAX_FIELDS = 500


def read_pptx(data: bytes, ctx: Context) -> Extracted:
    """Text and fields of a PowerPoint presentation."""
    check_package(data, ctx.limits)
    try:
        from pptx import Presentation
        from pptx.exc import PackageNotFoundError
    except ImportError as err:
        raise Unsupported("python-pptx is not installed") from err
    try:
        slides = list(Presentation(io.BytesIO(data)).slides)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise Corrupt("PPTX cannot be opened") from err
    fields: dict[str, str] = {}
    texts = []
    for number, slide in enumerate(slides[: ctx.limits.max_pages], start=1):
        body = _slide_text(slide, fields)
        if body:
            texts.append(f"## Slide {number}\n{body}")
    warnings = ["pages_capped"] if len(slides) > ctx.limits.max_pages else []
    return Extracted(text="\n\n".join(texts), fields=dict(list(fields.items())[:MAX_FIELDS]),
                     pages=len(slides), warnings=warnings)


def _slide_text(slide, fields: dict[str, str]) -> str:
    parts = [_shape_text(shape, fields) for shape in _shapes(slide.shapes)]
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        parts.append(_clean(slide.notes_slide.notes_text_frame.text))
    return "\n".join(part for part in parts if part.strip())


def _shapes(shapes) -> list:
    """The slide's shapes (groups opened) in reading order: top to bottom, left to right."""
    from pptx.shapes.group import GroupShape

    found, pending = [], list(shapes)
    while pending and len(found) < MAX_SHAPES:
        shape = pending.pop(0)
        if isinstance(shape, GroupShape):
            pending[:0] = list(shape.shapes)
        else:
            found.append(shape)
    return sorted(found, key=lambda s: (s.top or 0, s.left or 0))


def _shape_text(shape, fields: dict[str, str]) -> str:
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [[_clean(cell.text) for cell in row.cells] for row in shape.table.rows]
        for label, value in table_fields(rows).items():
            fields.setdefault(label, value)
        return table_rows_text(rows)
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        return _clean(shape.text_frame.text)
    return ""


def _clean(text: str) -> str:
    """python-pptx marks line breaks inside a paragraph with a vertical tab."""
    return text.replace("\v", "\n").strip()
