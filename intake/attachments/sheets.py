"""Spreadsheets (XLSX, ODS, legacy XLS): each sheet under its name, rows as "cell | cell".

XLSX and ODS packages are checked like a DOCX before any parser sees them
(``ooxml.check_package``: zip-bomb limits, no DOCTYPE in any XML part). XLSX is
read with openpyxl in read-only mode with cached formula values; ODS by
streaming ``content.xml`` with lxml; legacy XLS through Debian's ``xls2csv``
(catdoc). Rows, columns and cells read are capped, and two-column rows
("Firmanavn | Bager Hansen ApS") also go to ``fields``, as in Word forms.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field

from intake.attachments.base import Context, Extracted, table_fields, table_rows_text
from intake.attachments.errors import Corrupt, Unsupported
from intake.attachments.limits import Limits
from intake.attachments.ooxml import check_package
from intake.attachments.other import run_tool

MAX_SHEETS = 50
MAX_COLUMNS = 100        # columns of one row that are read
MAX_FIELDS = 500


@dataclass
class Sheet:
    """The non-empty rows of one sheet, each a list of cell texts."""

    name: str
    rows: list[list[str]] = field(default_factory=list)


class _Budget:
    """Cells left to read across the whole workbook; remembers when something was cut off."""

    def __init__(self, limits: Limits):
        self.cells = limits.max_cells
        self.rows_per_sheet = limits.max_sheet_rows
        self.capped = False

    def take(self, row: list[str]) -> bool:
        """Account for one row; False (and capped) when the workbook budget is spent."""
        if self.cells < len(row):
            self.capped = True
            return False
        self.cells -= len(row)
        return True


def sheets_extracted(sheets: list[Sheet], capped: bool) -> Extracted:
    """One text with a heading per named sheet; fields from the two-column rows of all sheets."""
    texts, fields = [], {}
    for sheet in sheets:
        body = table_rows_text(sheet.rows)
        if body:
            texts.append(f"## {sheet.name}\n{body}" if sheet.name else body)
        for label, value in table_fields(sheet.rows).items():
            fields.setdefault(label, value)
    warnings = ["cells_capped"] if capped else []
    return Extracted(text="\n\n".join(texts), fields=dict(list(fields.items())[:MAX_FIELDS]),
                     warnings=warnings)


def cell_text(value) -> str:
    """A cell value as a caseworker would read it (dates in ISO form, 12345678 not 12345678.0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return " ".join(str(value).split())


# --- XLSX ---------------------------------------------------------------------------------

def read_xlsx(data: bytes, ctx: Context) -> Extracted:
    """Text and fields of an Excel workbook (cached values of formulas, not the formulas)."""
    check_package(data, ctx.limits)
    try:
        import openpyxl
    except ImportError as err:
        raise Unsupported("openpyxl is not installed") from err
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile) as err:
        raise Corrupt("XLSX cannot be opened") from err
    budget = _Budget(ctx.limits)
    try:
        sheets = [_xlsx_sheet(ws, budget) for ws in book.worksheets[:MAX_SHEETS]]
    finally:
        book.close()
    return sheets_extracted(sheets, budget.capped or len(book.worksheets) > MAX_SHEETS)


def _xlsx_sheet(worksheet, budget: _Budget) -> Sheet:
    sheet = Sheet(str(worksheet.title))
    rows = worksheet.iter_rows(max_row=budget.rows_per_sheet, max_col=MAX_COLUMNS, values_only=True)
    for values in rows:
        row = _trimmed([cell_text(value) for value in values])
        if row and not budget.take(row):
            break
        if row:
            sheet.rows.append(row)
    return sheet


def _trimmed(row: list[str]) -> list[str]:
    """The row without trailing empty cells (openpyxl pads rows to the sheet's width)."""
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


# --- ODS ----------------------------------------------------------------------------------

ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELLS = (ODF_TABLE + "table-cell", ODF_TABLE + "covered-table-cell")


def read_ods(data: bytes, ctx: Context) -> Extracted:
    """An OpenDocument spreadsheet: ``content.xml`` streamed table by table, row by row."""
    from lxml import etree

    check_package(data, ctx.limits)
    budget, sheets = _Budget(ctx.limits), []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as content:
            events = etree.iterparse(content, events=("start", "end"),
                                     tag=(ODF_TABLE + "table", ODF_TABLE + "table-row"),
                                     resolve_entities=False, no_network=True, huge_tree=False)
            _ods_tables(events, sheets, budget)
    except KeyError as err:
        raise Corrupt("ODS without content.xml") from err
    except etree.XMLSyntaxError as err:
        raise Corrupt("content.xml is not XML") from err
    return sheets_extracted(sheets, budget.capped)


def _ods_tables(events, sheets: list[Sheet], budget: _Budget) -> None:
    for event, element in events:
        if event == "start" and element.tag == ODF_TABLE + "table":
            if len(sheets) >= MAX_SHEETS:
                budget.capped = True
                return
            sheets.append(Sheet(element.get(ODF_TABLE + "name") or ""))
        elif event == "end" and element.tag == ODF_TABLE + "table-row" and sheets:
            if not _ods_row(element, sheets[-1], budget):
                return
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def _ods_row(element, sheet: Sheet, budget: _Budget) -> bool:
    """Add one row (repeated as ODF says, within the caps); False when the budget is spent."""
    row: list[str] = []
    for cell in element.iterchildren(*_CELLS):
        text = "\n".join("".join(p.itertext()) for p in cell.iterchildren(ODF_TEXT + "p"))
        repeat = _count(cell.get(ODF_TABLE + "number-columns-repeated"))
        row.extend([" ".join(text.split())] * min(repeat, MAX_COLUMNS - len(row)))
        if len(row) >= MAX_COLUMNS:
            break
    row = _trimmed(row)
    if not row:
        return True
    for _ in range(_count(element.get(ODF_TABLE + "number-rows-repeated"))):
        if len(sheet.rows) >= budget.rows_per_sheet:
            return True
        if not budget.take(row):
            return False
        sheet.rows.append(list(row))
    return True


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


# --- legacy XLS ---------------------------------------------------------------------------

TOOL_SECONDS = 30


def read_xls(data: bytes, ctx: Context) -> Extracted:
    """A legacy Excel workbook, via ``xls2csv`` from Debian's catdoc (sheets are not named)."""
    if not shutil.which("xls2csv"):
        raise Unsupported("xls2csv (catdoc) is not installed")
    with tempfile.NamedTemporaryFile(suffix=".xls") as file:   # xls2csv cannot read stdin
        file.write(data)
        file.flush()
        output = run_tool(["xls2csv", "-d", "utf-8", "-b", "\f", file.name], b"")
    budget, sheets = _Budget(ctx.limits), []
    for page in output.split("\f")[:MAX_SHEETS]:
        sheets.append(_csv_sheet(page, budget))
    return sheets_extracted(sheets, budget.capped)


def _csv_sheet(text: str, budget: _Budget) -> Sheet:
    sheet = Sheet("")
    for values in csv.reader(io.StringIO(text)):
        row = _trimmed([" ".join(v.split()) for v in values[:MAX_COLUMNS]])
        if len(sheet.rows) >= budget.rows_per_sheet or (row and not budget.take(row)):
            break
        if row:
            sheet.rows.append(row)
    return sheet
