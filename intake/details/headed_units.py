"""A unit written once for many numbers: in a heading or a table's column header.

Forms, PDF tables and lists often name the unit once, far from its numbers::

    Trench dimensions (metres):          Delområde | Mængde (tons)
    length ........ 140                  A | 220
    width ......... 0.3                  I alt | 340

``carry_units`` writes the unit after each such number ("140 metres", "340 tons"), so that a checklist pattern
that wants a number with its unit ("140 m", "340 tons") reads it as the writer meant it. A label with its unit
in brackets and its number on the same line ("Mængde (m³): 340") is the same. Only a number that ends its line
(or its cell) and has no unit of its own gets one; a block ends at a blank line or a line without a number.
"""
from __future__ import annotations

import re

# units of length, area, volume and weight, as written in brackets after a label
_UNIT = (r"m|m2|m²|m3|m³|kvm|meter|metre|metres|meters|lbm|løbende meter|cm|mm|km|tons?|tonnes?|t|ton|kg|"
         r"liter|litre|litres|liters|l|kubikmeter|cubic met(?:re|er)s?|sq\.?\s?m|square met(?:re|er)s?")
_BRACKETED = r"[(\[]\s*(?:i\s+|in\s+)?(?P<unit>" + _UNIT + r")\s*[)\]]"
# a heading that names the unit and ends its line: "Trench dimensions (metres):", "Areal langs facaden (m²)"
_HEADING = re.compile(r"^[^\n\d|\t]{2,60}?\s*" + _BRACKETED + r"\s*:?[ \t]*$", re.IGNORECASE)
# a label with the unit and its number on one line: "Mængde (m³): 340", "Areal (m2) | 12"
_SAME_LINE = re.compile(r"^(?P<head>[^\n\d|\t]{2,60}?\s*" + _BRACKETED + r"\s*(?::|\||\t)[ \t]*"
                        r"(?:ca\.?\s*|approx\.?\s*|omkring\s*|about\s*)?\d[\d.,]*)[ \t]*$", re.IGNORECASE)
# a number that ends a line under a heading: "length ........ 140", "- inderste række: 8"
_LAST_NUMBER = re.compile(r"^(?P<head>.*?(?<![\w.,])\d+(?:[.,]\d+)*)[ \t]*$")
_CELL_NUMBER = re.compile(r"^[ \t]*(?:ca\.?\s*)?\d+(?:[.,]\d+)*[ \t]*$", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"(\||\t)")
_BLOCK = 12  # lines under a heading or a header read at most


def carry_units(text: str) -> str:
    """``text`` with the unit of a heading or a column header written after each number it stands for."""
    if "(" not in text and "[" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    for i, line in enumerate(lines):
        same = _SAME_LINE.match(line)
        if same:
            out[i] = same.group("head") + " " + same.group("unit")
            continue
        if "|" in line or "\t" in line:
            _carry_column(lines, out, i)
            continue
        heading = _HEADING.match(line)
        if heading:
            _carry_heading(lines, out, i, heading.group("unit"))
    return "\n".join(out)


def _carry_heading(lines: list[str], out: list[str], at: int, unit: str) -> None:
    """The lines under the heading at ``at``, each ending in a number, get ``unit`` after it."""
    for j in range(at + 1, min(len(lines), at + 1 + _BLOCK)):
        number = _LAST_NUMBER.match(lines[j])
        if not lines[j].strip() or number is None or _HEADING.match(lines[j]):
            return
        out[j] = number.group("head") + " " + unit


def _carry_column(lines: list[str], out: list[str], at: int) -> None:
    """The cells under a header cell naming a unit ("Mængde (tons)") get the unit after a bare number."""
    header = _CELL_SPLIT.split(lines[at])
    units = {k: m.group("unit") for k, cell in enumerate(header)
             if (m := re.search(_BRACKETED + r"\s*$", cell, re.IGNORECASE)) and not any(c.isdigit() for c in
                                                                                         cell[:m.start()])}
    if not units:
        return
    for j in range(at + 1, min(len(lines), at + 1 + _BLOCK)):
        cells = _CELL_SPLIT.split(lines[j])
        if len(cells) != len(header):
            return
        for k, unit in units.items():
            if _CELL_NUMBER.match(cells[k]):
                number = cells[k].rstrip()
                cells[k] = number + " " + unit + cells[k][len(number):]  # "| 220 |" -> "| 220 tons |"
        out[j] = "".join(cells)
