"""Danish postcodes and their towns, read from the table shipped with the package.

A four-digit number in a letter is many things: a postcode, a year, square
metres, litres. ``postcode_town`` decides from the table (``postcodes.csv``,
written from the official list): "2200 København N" and "2200 Kbh. N" are the
postcode 2200 of København N, "2200 m²" and "2027 Vi" are not. Outside the
table's region (3000 and up) a number is a postcode only before a town name.
The town returned is always the official one, so "Copenhagen N", "Kbh N" and
"København N" give the same city.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

# The table lists every postcode of 1000-2999; from 3000 up it lists only the largest towns.
_TABLE_COMPLETE_BELOW = 3000
_ALIASES = (
    (re.compile(r"\b(?:kbh|kbhvn|kbhn|cph|copenhagen|kobenhavn|koebenhavn)\b"), "københavn"),
    (re.compile(r"\bkgs\b"), "kongens"),
    (re.compile(r"\bfrb\b|\bfrederiksbg\b"), "frederiksberg"),
)
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä][A-Za-zÆØÅæøåÉéÜüÖöÄä.\-]{0,30}")
_GAP = re.compile(r"[ \t]{1,3}")
_UNIT_AFTER = re.compile(r"[ \t]{0,3}(?:m2|m²|m\b|kvm|kvadrat|sq|l\b|liter|litre|ltr|kr\b|kr\.|dkk|eur|stk|%|personer"
                         r"|gæster|guests)", re.IGNORECASE)
_NOT_TOWN = frozenset(
    "vi jeg det den der de og i på til fra med som er at we the it is in on at to and for or kr dkk eur stk tlf mvh vh"
    " januar februar marts april maj juni juli august september oktober november december january february march june"
    " july october mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday saturday"
    " sunday uge week kl liter litre litres liters m m2 kvm personer gæster guests people cvr se p nr".split())


@cache
def table() -> dict[str, str]:
    """Postcode -> official town name, loaded once from ``postcodes.csv`` (comment lines start with "#")."""
    text = resources.files("intake.details").joinpath("postcodes.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["postcode"]: row["town"] for row in rows}


@cache
def towns() -> frozenset[str]:
    """Every word of the table's towns, lower case ("herlev", "vallensbæk", "køge"): the districts streets are named
    after."""
    return frozenset(word.lower() for town in table().values() for word in town.split() if len(word) > 2)


def town_of(postcode: str) -> str | None:
    return table().get(postcode)


def is_postcode(number: str) -> bool:
    """A number the table knows, or one from 3000 up (where the table lists only the largest towns)."""
    return number in table() or (number.isdigit() and len(number) == 4 and int(number) >= _TABLE_COMPLETE_BELOW)


def _norm(words: str) -> str:
    words = words.lower().replace(".", " ").replace("-", " ")
    for pattern, replacement in _ALIASES:
        words = pattern.sub(replacement, words)
    return " ".join(words.split())


def _words(after: str) -> list[tuple[str, int]]:
    """Up to three words at the start of ``after`` on the same line, each with the offset just past it."""
    out: list[tuple[str, int]] = []
    pos = 0
    while len(out) < 3:
        m = _WORD.match(after, pos)
        if not m:
            break
        out.append((m.group(0), m.end()))
        gap = _GAP.match(after, m.end())
        if not gap:
            break
        pos = gap.end()
    return out


def _official_match(town: str, words: list[tuple[str, int]]) -> int:
    """Characters of ``after`` that the written town takes when it names ``town`` (0: it does not)."""
    official = _norm(town)
    for n in range(len(words), 0, -1):
        written = _norm(" ".join(w for w, _ in words[:n]))
        if written and (written == official or official.startswith(written + " ")
                        or official.endswith(" " + written)):
            return words[n - 1][1]
    return 0


def postcode_town(number: str, after: str, *, strict: bool = True) -> tuple[str, str, int] | None:
    """(postcode, official town, characters of ``after`` taken by the written town), or None.

    ``after`` is the text just after the four digits. ``strict`` (a number alone
    in running text) asks for the table's town to follow; otherwise (after a
    street address or in a postcode field) a known number stands on its own and
    a number outside the table's region needs a town-like word after it.
    """
    if _UNIT_AFTER.match(after):
        return None
    words = _words(after.lstrip(" \t"))
    skipped = len(after) - len(after.lstrip(" \t"))
    town = town_of(number)
    if town is not None:
        taken = _official_match(town, words)
        if taken:
            return number, town, skipped + taken
        if strict:
            return None
        return number, town, skipped + _town_like(words)
    if strict or not is_postcode(number) or not _town_like(words):
        return None
    written = words[0][0].rstrip(".,")
    end = words[0][1]
    if len(words) > 1 and re.fullmatch(r"[A-ZÆØ]{1,2}", words[1][0]):      # "Aarhus C", "Odense SØ"
        written, end = f"{written} {words[1][0]}", words[1][1]
    return number, written, skipped + end


def _town_like(words: list[tuple[str, int]]) -> int:
    """Characters taken by a capitalised word that could be a town (0 when there is none)."""
    if not words:
        return 0
    word, end = words[0]
    if not word[0].isupper() or word.lower().strip(".") in _NOT_TOWN:
        return 0
    if len(words) > 1 and re.fullmatch(r"[A-ZÆØ]{1,2}\.?", words[1][0]):
        return words[1][1]
    return end
