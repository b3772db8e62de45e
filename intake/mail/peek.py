"""Sender and subject read from the raw header block alone, before the message is parsed.

For the record of a message the moment it is claimed: if the message then
crashes the process until it is quarantined, the operator's list still shows
who sent it and what about. Bounded like ``intake.mail.headers``: at most
``MAX_BLOCK`` bytes of header block are looked at, and each value goes through
the bounded reader.
"""
from __future__ import annotations

import re

from intake.mail.headers import MAX_HEADER_CHARS, decode_header_value, parse_from
from intake.privacy import redact_cpr

MAX_BLOCK = 64 * 1024
_FIELD = re.compile(r"^(from|subject)[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def sender_and_subject(raw: bytes) -> tuple[str, str]:
    """(lower-case sender address or "", decoded subject with CPR numbers redacted or "")."""
    block = raw[:MAX_BLOCK]
    end = re.search(rb"\r?\n\r?\n", block)
    text = block[:end.start() if end else len(block)].decode("utf-8", "replace")
    found: dict[str, str] = {}
    for match in _FIELD.finditer(text):
        found.setdefault(match.group(1).lower(), match.group(2)[:MAX_HEADER_CHARS])
    sender = parse_from(found["from"])[0] if "from" in found else ""
    subject = redact_cpr(decode_header_value(found["subject"], 500)) if "subject" in found else ""
    return sender[:320], subject
