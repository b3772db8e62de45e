"""Forwarded messages: who wrote the mail that someone passed on to us, and what they wrote.

A colleague in the municipality (Borgerservice, another office, a central post
mailbox) often forwards a business's application to the desk. The business is
then the applicant, not the colleague. Recognised forms:

- Outlook: ``-----Oprindelig meddelelse-----`` / ``-----Original Message-----``,
  or (newer Outlook) a line of underscores, followed by a ``Fra:/Sendt:/Til:/Emne:``
  (``From:/Sent:/To:/Subject:``) block; a bare such block under a forward
  subject (``VS:``, ``Fwd:``...);
- Gmail: ``---------- Forwarded message ---------`` (``Videresendt meddelelse``);
- Apple Mail: ``Begin forwarded message:`` (``Start på videresendt besked:``);
- an attached ``message/rfc822``: ``intake.mail.message`` renders it as the
  Gmail form, so it is found the same way.

Pure and bounded: at most ``MAX_LINES`` lines are scanned and ``MAX_HEADER_LINES``
header lines read; the author's address goes through the same validation as a
From header (``intake.mail.headers.parse_from``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from intake.mail.bodytext import (
    FORWARD_LINE,
    FORWARD_SUBJECT,
    HEADER_LINE,
    ORIGINAL_LINE,
    UNDERSCORE_LINE,
    is_header_continuation,
    is_outlook_header_block,
    strip_signature,
    text_now,
)
from intake.mail.headers import clean_header_value, parse_from

MAX_LINES = 5_000
MAX_HEADER_LINES = 15
_HEADER = re.compile(r"^\s*\*?([a-zæøå-]+(?: til)?)\s*:\*?\s*(.*)$", re.IGNORECASE)
_FROM_KEYS = frozenset({"from", "fra", "von", "de", "afsender"})
_SUBJECT_KEYS = frozenset({"subject", "emne", "betreff"})
_MAILTO = re.compile(r"[\[<(]\s*mailto:\s*([^\]>)\s]{1,254})\s*[\]>)]", re.IGNORECASE)


@dataclass(frozen=True)
class Forwarded:
    """The first (outermost) forwarded message in a mail."""

    author_addr: str  # lower-case addr-spec of whoever wrote the forwarded message
    author_name: str
    subject: str
    text: str  # what the author wrote (their own quoted history and signature removed)
    note: str  # what the forwarder wrote above it (signature removed)


def find_forwarded(full_text: str, subject: str = "") -> Forwarded | None:
    """The forwarded message in ``full_text`` with a valid author address, or None."""
    lines = full_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[:MAX_LINES]
    start = _marker(lines, forward_subject=bool(FORWARD_SUBJECT.match(subject or "")))
    if start is None:
        return None
    first = start if _starts_header(lines[start]) else start + 1
    headers, body_start = _header_block(lines, first)
    addr, name = _author(headers.get("from", ""))
    if not addr:
        return None
    inner_subject = headers.get("subject", "")
    return Forwarded(author_addr=addr, author_name=name, subject=inner_subject,
                     text=text_now("\n".join(lines[body_start:]), inner_subject),
                     note=strip_signature(lines[:start]))


def _marker(lines: list[str], *, forward_subject: bool) -> int | None:
    for i, line in enumerate(lines):
        if FORWARD_LINE.match(line) or ORIGINAL_LINE.match(line):
            return i
        if UNDERSCORE_LINE.match(line) and is_outlook_header_block(lines, i + 1):
            return i
        if forward_subject and is_outlook_header_block(lines, i):
            return i
    return None


def _starts_header(line: str) -> bool:
    return bool(HEADER_LINE.match(line))


def _header_block(lines: list[str], i: int) -> tuple[dict[str, str], int]:
    """The header lines from ``i`` (blank lines before them skipped) and the index after them."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    found: dict[str, str] = {}
    key = ""
    read = 0
    while i < len(lines) and read < MAX_HEADER_LINES:
        if HEADER_LINE.match(lines[i]):
            m = _HEADER.match(lines[i])
            key = _key(m.group(1)) if m else ""
            if key and key not in found:
                found[key] = m.group(2).strip() if m else ""
        elif is_header_continuation(lines, i) and key in found:
            found[key] = f"{found[key]} {lines[i].strip()}"
        else:
            break
        i += 1
        read += 1
    return found, i


def _key(name: str) -> str:
    name = name.lower()
    if name in _FROM_KEYS:
        return "from"
    if name in _SUBJECT_KEYS:
        return "subject"
    return name


def _author(value: str) -> tuple[str, str]:
    """(address, name) from "Name <a@b>", "Name [mailto:a@b]", "*Name* <mailto:a@b>" or "a@b"."""
    value = _MAILTO.sub(r"<\1>", value).replace("*", "")
    addr, name = parse_from(value)
    return addr, clean_header_value(name, 120)
