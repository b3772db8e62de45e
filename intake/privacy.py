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
# (each run of address characters is tried once, from its start: a long run without "@" in a log line costs linear
# time, not quadratic)
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# (after a letter or a digit no CPR number starts; after "_" one does: "cpr_010190-1234.pdf")
_CPR = re.compile(r"(?<![^\W_])(?<![+/.-])(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>\d\d)(?P<sep>[- ]?)(?P<s>\d{4})"
                  r"(?![\d]|[.,/-]\d)")
_CPR_WORD = re.compile(r"cpr|person\s?n(?:umme)?r|civil registration|født|date of birth|birth", re.IGNORECASE)
_CPR_LABEL = re.compile(r"(?:cpr|personnummer|person nr|personnr)[\s.\-:#nrumme]*$", re.IGNORECASE)
_NOT_CPR_LABEL = re.compile(
    r"(?:\bcvr|tlf|telefon|phone|mobil"
    r"|konto|account|ean|faktura|invoice|ordre|order|sag|case|journal|\breg|gln|iban|\bse)"
    r"[\s.\-:#]*(?:nr|no|nummer)?[\s.:#|]*$", re.IGNORECASE)     # "CVR | 12345678": a table's row

# A P-number announced further on in its sentence: "P-nummeret for Blågårdsgade 8 er 1003948217", "the P-number for
# the serving address is ...", "P-nr. for vores butik lyder på ...". After the label a short stretch of the same
# sentence (no sentence end, blank line or ";"; a short abbreviation such as "st." or "nr." does not end it), then
# "er"/"is"/":"/"lyder på" and ten digits.
_P_REACH = 60
# (the production unit abbreviated: "P-enhed: ...", "Prod.enhed nr.: ...", "prod. enhed")
P_LABEL = re.compile(
    r"\bp[\s.\-]{0,2}(?:nummer(?:et)?|nr|number|no)\b\.?|\bproduktionsenhed\w*|\bproduction[ \t]unit"
    r"(?:[ \t](?:no|number)\b\.?)?"
    r"|\b(?:p|prod)[ \t.\-]{0,2}enhed(?:en|ens)?\b(?:[ \t]{1,2}(?:nr|no|nummer)\b\.?)?", re.IGNORECASE)
_P_ANNOUNCED = re.compile(
    rf"(?P<gap>(?:\b[^\W\d_]{{1,3}}\.(?![ \t]*\n)|[^\n.!?;]|\.(?!\s)|\n(?![ \t]*\n)){{0,{_P_REACH}}}?)"
    r"(?:\s(?:er|is|lyder[ \t]+på)|:)[\s:]{1,4}(?P<v>\d(?:[ \-]?\d){9})(?![\d]|[.,/-]\d)", re.IGNORECASE)
# a P-number label right before the number ("P-nummeret 1003948217", "Production unit no.: ..."): not a CPR number
_P_LABEL_BEFORE = re.compile(rf"(?:{P_LABEL.pattern})\.?[\s:.#|]{{0,4}}$", re.IGNORECASE)   # "P-nummer | ..." (a table)
# a stretch that says the number is not there ("har vi ikke", "not yet", "kommer senere"), turns to another clause
# ("men", "but") or names another number ("mit CPR-nummer", "tlf.") announces no P-number
_NOT_ANNOUNCING = re.compile(
    r"\b(?:ikke|ingen|endnu|senere|mangler|afvent\w*|kommer|følger|not|yet|later|pending|awaiting|missing|follows"
    r"|men|but|however|dog|se|sag|case|reg|ring(?:e|er|es)?|call\w*|\w+(?:nr|nummer|number))\b"
    r"|\b(?:cpr|person|cvr|moms|vat|tlf|telefon|phone|mobil|konto|account|ean|faktura|invoice|ordre|order|journal|gln"
    r"|iban|kunde|customer)"
    r"|\d(?:[ \-]?\d){9}", re.IGNORECASE)


def announced_p_number(text: str, label_end: int) -> re.Match[str] | None:
    """The P-number a P-number label ending at ``label_end`` announces further on in its sentence ("P-nummeret for
    Blågårdsgade 8 er 1003948217"; group ``v``), or None."""
    m = _P_ANNOUNCED.match(text, label_end)
    if m is None or len(m.group("gap")) > _P_REACH:
        return None
    return None if _NOT_ANNOUNCING.search(re.sub(r"n['’]t\b", " not", m.group("gap"))) else m


def find_cpr(text: str) -> list[tuple[int, int]]:
    """Spans of CPR numbers: DDMMYY-XXXX or DDMMYYXXXX with a real date, not labelled as another number."""
    spans = []
    for m in _CPR.finditer(text):
        if not _is_cpr_date(int(m.group("d")), int(m.group("m")), int(m.group("y"))):
            continue
        before = text[max(0, m.start() - 30):m.start()]
        if _CPR_LABEL.search(before):
            spans.append(m.span())
        elif (not _NOT_CPR_LABEL.search(before) and not _P_LABEL_BEFORE.search(before)
              and (m.group("sep") == "-" or not m.group("sep"))
              and not _announced_as_p_number(text, m.start())):
            spans.append(m.span())
    return spans


def _announced_as_p_number(text: str, start: int) -> bool:
    """Whether the number at ``start`` is the one a P-number label earlier in its sentence announces, with no CPR
    label near before it ("CPR på indehaveren (P-nummer følger): ..."): when unsure, a CPR number."""
    window = max(0, start - 2 * _P_REACH)
    if _CPR_WORD.search(text, window, start):
        return False
    for label in P_LABEL.finditer(text, window, start):
        m = announced_p_number(text, label.end())
        if m is not None and m.start("v") == start:
            return True
    return False


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


def masked_address(address: str) -> str:
    """An address fit for a log line: its domain only (``<address>@gmial.com``), which tells a typo of the domain."""
    domain = address.strip().rpartition("@")[2]
    return f"{ADDRESS_MASK}@{domain}" if domain and "@" in address else ADDRESS_MASK
