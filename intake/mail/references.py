"""Tracking references: ``KBH-2026-004217``: their form, and finding them again in replies. Pure functions.

Handing them out (the per-year counter in the database) is ``intake.cases.references``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def format_reference(prefix: str, year: int, number: int) -> str:
    """``KBH-2026-004217``: prefix, year of receipt, a six-digit running number."""
    return f"{prefix}-{year:04d}-{number:06d}"


@lru_cache(maxsize=8)
def reference_pattern(prefix: str) -> re.Pattern[str]:
    """The pattern of a reference with ``prefix``, loose about case and dash style."""
    return re.compile(rf"(?<![\w-]){re.escape(prefix)}[-‐–\s]?(\d{{4}})[-‐–\s]?(\d{{6}})(?!\d)", re.IGNORECASE)


def find_references(prefix: str, texts: Iterable[str]) -> list[str]:
    """Every distinct reference quoted in ``texts``, normalised, in order of appearance."""
    found: list[str] = []
    pattern = reference_pattern(prefix)
    for text in texts:
        for year, number in pattern.findall(text or ""):
            ref = format_reference(prefix, int(year), int(number))
            if ref not in found:
                found.append(ref)
    return found


def strip_references(prefix: str, text: str) -> str:
    """``text`` without any quoted references (and their brackets), so a new case's subject carries only its own."""
    pattern = reference_pattern(prefix).pattern
    cleaned = re.sub(rf"\[\s*{pattern}\s*\]|\(\s*{pattern}\s*\)|{pattern}", " ", text, flags=re.IGNORECASE)
    cleaned = re.sub(r"\(\s*\)|\[\s*\]", " ", cleaned)    # "(KBH-2025-000812)" leaves nothing, "(se KBH-...)" "(se)"
    cleaned = " ".join(cleaned.split()).replace("( ", "(").replace(" )", ")")
    cleaned = re.sub(r" (?=[,:;.!?](?:\s|$))", "", cleaned)     # "Sag KBH-2025-001234: nyt skilt": no " :"
    return _DANGLING.sub("", cleaned)    # "Loppemarked på Guldbergs Plads - KBH-2025-001234": no "-" left at the end


_DANGLING = re.compile(r"(?:\s*[-–—:,;/|])+\s*$|^\s*[-–—,;/|]+\s*")
