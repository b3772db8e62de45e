"""Masking what must not leave the service: CPR numbers and e-mail addresses.

The lowest intake module, so that every layer can use it: ``intake.details``
finds and redacts CPR numbers in what it extracts, the runner writes reasons
with ``loggable``, and the logging filter installed by the CLI (``intake.logs``)
masks every record at INFO and above as defence in depth.
"""
from __future__ import annotations

import re
from datetime import date

CPR_MASK = "XXXXXX-XXXX"
ADDRESS_MASK = "<address>"
# Looser than the extraction pattern on purpose: anything shaped like an address is masked.
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")

_CPR = re.compile(r"(?<![\d\w+/.-])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>\d\d)(?P<sep>[- ]?)(?P<s>\d{4})(?![\d]|[.,/-]\d)")
_CPR_LABEL = re.compile(r"(?:cpr|personnummer|person nr|personnr)[\s.\-:#nrumme]*$", re.IGNORECASE)
_NOT_CPR_LABEL = re.compile(
    r"(?:\bp[\s.\-]*(?:nr|nummer|number|no)|produktionsenhed\w*|production unit|\bcvr|tlf|telefon|phone|mobil"
    r"|konto|account|ean|faktura|invoice|ordre|order|sag|case|journal|\breg|gln|iban|\bse)"
    r"[\s.\-:#]*(?:nr|no|nummer)?[\s.:#]*$", re.IGNORECASE)


def find_cpr(text: str) -> list[tuple[int, int]]:
    """Spans of CPR numbers: DDMMYY-XXXX or DDMMYYXXXX with a real date, not labelled as another number."""
    spans = []
    for m in _CPR.finditer(text):
        if not _is_cpr_date(int(m.group("d")), int(m.group("m")), int(m.group("y"))):
            continue
        before = text[max(0, m.start() - 30):m.start()]
        if _CPR_LABEL.search(before):
            spans.append(m.span())
        elif not _NOT_CPR_LABEL.search(before) and (m.group("sep") == "-" or not m.group("sep")):
            spans.append(m.span())
    return spans


def _is_cpr_date(day: int, month: int, year: int) -> bool:
    try:
        date(2000 + year if year != 0 else 2000, month, day)
    except ValueError:
        return day == 29 and month == 2   # leap day in a century we cannot tell
    return True


def redact_cpr(text: str) -> str:
    """Replace every CPR number in ``text`` with ``XXXXXX-XXXX``."""
    spans = find_cpr(text)
    for start, end in reversed(spans):
        text = text[:start] + CPR_MASK + text[end:]
    return text


def mask(text: str) -> str:
    """``text`` with e-mail addresses and CPR numbers masked."""
    return _ADDRESS.sub(ADDRESS_MASK, redact_cpr(text))


def loggable(text: str, limit: int = 300) -> str:
    """``text`` fit for a log line: addresses and CPR numbers masked, length capped."""
    return mask(text[:limit])
