"""Ruled tables in PDFs: pdfplumber's table finder fed with pypdfium2's objects.

pdfplumber finds tables from the page's ruling lines and reads the characters
inside each cell; the slow part is not that algorithm but pdfminer parsing the
page. Here a small adapter hands ``pdfplumber.table.TableFinder`` the edges of
the page's vector paths and the characters with their boxes, both taken from
pypdfium2, so the same structure costs a few milliseconds a page.
Approximations: paths inside form XObjects, curved edges and rotated pages are skipped.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder

THIN = 2.0             # points; a path this thin is a ruling line
MAX_SEGMENTS = 2000    # segments of one path that we look at
MAX_CHARS = 50_000     # characters of one page that we place in cells


def find_tables(document: pdfium.PdfDocument, page_indexes: list[int]) -> list[list[list[str]]]:
    """Rows of cell texts of every ruled table on the given pages."""
    tables = []
    for index in page_indexes:
        page = document[index]
        try:
            tables.extend(page_tables(page))
        finally:
            page.close()
    return tables


def page_tables(page: pdfium.PdfPage) -> list[list[list[str]]]:
    """Rows of cell texts of the ruled tables on one page (top to bottom)."""
    if page.get_rotation() % 360:
        return []   # unrotated coordinates would read the cells sideways
    view = _PageView(page)
    try:
        finder = TableFinder(view, {})
        found = [_extract(table, view.chars) for table in finder.tables]
    finally:
        view.close()
    return [[[cell or "" for cell in row] for row in rows] for rows in found if rows]


def _extract(table, chars: list[dict]) -> list[list[str | None]]:
    """``Table.extract`` given only the characters inside the table (it scans all of them per row)."""
    x0, top, x1, bottom = table.bbox
    inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom]
    table.page = _Chars(inside)
    return table.extract()


class _Chars:
    def __init__(self, chars: list[dict]):
        self.chars = chars


class _PageView:
    """The attributes of ``pdfplumber.Page`` that the table finder reads."""

    def __init__(self, page: pdfium.PdfPage):
        width, height = page.get_size()
        self.bbox = (0, 0, width, height)
        self._height = height
        self._page = page
        self._textpage = None
        self.edges = _edges(page, height)
        self._chars = None

    @property
    def chars(self) -> list[dict]:
        if self._chars is None:
            self._textpage = self._page.get_textpage()
            self._chars = _chars(self._textpage, self._height)
        return self._chars

    def close(self) -> None:
        if self._textpage is not None:
            self._textpage.close()


def _edges(page: pdfium.PdfPage, height: float) -> list[dict]:
    edges: list[dict] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom <= THIN or right - left <= THIN:
            edges.extend(_box_edges(left, bottom, right, top, height, "line"))
        elif pdfium_c.FPDFPath_CountSegments(obj) <= 6:
            edges.extend(_box_edges(left, bottom, right, top, height, "rect_edge"))
        else:
            edges.extend(_segment_edges(obj, height))
    return edges


def _box_edges(left, bottom, right, top, height, kind) -> list[dict]:
    """Edges of a box; a thin box is one line."""
    if top - bottom <= THIN:
        return [_edge(left, right, height - (top + bottom) / 2, "h", kind)]
    if right - left <= THIN:
        return [_edge(height - top, height - bottom, (left + right) / 2, "v", kind)]
    return [
        _edge(left, right, height - top, "h", kind), _edge(left, right, height - bottom, "h", kind),
        _edge(height - top, height - bottom, left, "v", kind),
        _edge(height - top, height - bottom, right, "v", kind),
    ]


def _edge(start: float, end: float, at: float, orientation: str, kind: str) -> dict:
    if orientation == "h":
        return {"x0": start, "x1": end, "top": at, "bottom": at, "width": end - start,
                "height": 0, "orientation": "h", "object_type": kind}
    return {"x0": at, "x1": at, "top": start, "bottom": end, "width": 0,
            "height": end - start, "orientation": "v", "object_type": kind}


def _segment_edges(obj, height: float) -> list[dict]:
    """Axis-aligned straight segments of a path drawn as one object (a whole grid)."""
    matrix = obj.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for index in range(min(pdfium_c.FPDFPath_CountSegments(obj), MAX_SEGMENTS)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        points.append((kind, *matrix.on_point(x.value, y.value)))
    edges = []
    for (_, x0, y0), (kind, x1, y1) in zip(points, points[1:], strict=False):
        if kind != pdfium_c.FPDF_SEGMENT_LINETO:
            continue
        if abs(y0 - y1) <= 0.5 and abs(x0 - x1) > THIN:
            edges.append(_edge(min(x0, x1), max(x0, x1), height - y0, "h", "line"))
        elif abs(x0 - x1) <= 0.5 and abs(y0 - y1) > THIN:
            edges.append(_edge(height - max(y0, y1), height - min(y0, y1), x0, "v", "line"))
    return edges


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[dict]:
    rect = pdfium_c.FS_RECTF()
    chars = []
    for index in range(min(textpage.count_chars(), MAX_CHARS)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if code in (0, 10, 13, 0xFFFE, 0xFFFF) or code >= 0x110000:
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
            continue
        char_top, char_bottom = height - rect.top, height - rect.bottom
        if char_bottom - char_top <= 0:
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, index)
        chars.append({"text": chr(code), "x0": rect.left, "x1": rect.right, "top": char_top,
                      "bottom": char_bottom, "doctop": char_top, "size": char_bottom - char_top,
                      "upright": angle < 0.1 or angle > 6.18, "width": rect.right - rect.left,
                      "height": char_bottom - char_top})
    return chars
