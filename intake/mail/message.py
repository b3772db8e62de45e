"""Parse a raw message into the typed ``ParsedMail`` the pipeline works on.

``parse_mail`` never raises on malformed input: what the email package or this
module could not make sense of is recorded in ``defects``. It walks the MIME tree
iteratively with depth and part limits, decodes every charset leniently, renders
HTML-only bodies, collects attachments (inline images with names, TNEF) and walks
into attached messages, whose text is appended as a forwarded block.

Header values are read from their raw text and validated by ``intake.mail.headers``
rather than trusted to ``email.utils.parseaddr`` or the header objects of
``policy.default`` (see there why). The message is parsed with
``headers.BOUNDED``, so even the email package's own header parsing
(content types, file names) never sees more than ``MAX_HEADER_CHARS`` of a value.
"""

from __future__ import annotations

import email
import logging
import mimetypes
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage, Message
from email.parser import BytesParser

from intake.mail import bodytext
from intake.mail.headers import (
    BOUNDED,
    MAX_SUBJECT_CHARS,
    clean_header_value,
    decode_bytes,
    decode_header_value,
    first_msg_id,
    msg_ids,
    parse_date,
    parse_from,
    raw_header_values,
)

log = logging.getLogger(__name__)

MAX_RAW_BYTES = 64 * 1024 * 1024
MAX_PARTS = 500
MAX_DELIMITERS = 10_000       # lines starting "--" parsed at most (``_within_delimiters``)
MAX_DEFECTS = 50
MAX_MIME_DEPTH = 60
MAX_MESSAGE_DEPTH = 10        # attached messages within attached messages
MAX_TEXT_CHARS = 2_000_000
MAX_REFERENCES = 50
MAX_SKIPPED = 5_000           # parts past MAX_PARTS that are still named (never read)


@dataclass
class Part:
    """An attachment (or inline part with a filename) as found in the message."""

    filename: str
    content_type: str
    data: bytes
    disposition: str


@dataclass
class ParsedMail:
    """A parsed message: cleaned headers, readable text and attachments."""

    msg: EmailMessage
    subject: str
    from_addr: str
    from_name: str
    message_id: str
    in_reply_to: str
    references: list[str]
    date: datetime | None
    text_now: str
    full_text: str
    attachments: list[Part] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    reply_to_addr: str = ""  # the first valid Reply-To mailbox, when it differs from From
    reply_to_name: str = ""
    # file names of attachments past MAX_PARTS, not read (the letters name them); at most MAX_SKIPPED
    skipped: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- entry point

def parse_mail(raw: bytes) -> ParsedMail:
    """Parse raw RFC 5322 bytes; never raises on malformed input."""
    defects: list[str] = []
    if len(raw) > MAX_RAW_BYTES:
        defects.append(f"message larger than {MAX_RAW_BYTES} bytes; truncated")
        raw = raw[:MAX_RAW_BYTES]
    raw = _within_delimiters(raw, defects)
    msg = _parse_bytes(raw, defects)
    headers = _raw_headers(msg)
    subject = decode_header_value(headers.get("subject", ""), max_len=MAX_SUBJECT_CHARS)
    from_addr, from_name = parse_from(headers.get("from", ""))
    reply_addr, reply_name = parse_from(headers.get("reply-to", ""))
    if reply_addr == from_addr:
        reply_addr, reply_name = "", ""
    texts, attachments, skipped = _walk(msg, defects)
    full_text = _join_texts(texts)
    return ParsedMail(
        msg=msg,
        subject=subject,
        from_addr=from_addr,
        from_name=from_name,
        message_id=first_msg_id(headers.get("message-id", "")),
        in_reply_to=first_msg_id(headers.get("in-reply-to", "")),
        references=msg_ids(headers.get("references", ""))[:MAX_REFERENCES],
        date=parse_date(headers.get("date", "")),
        text_now=bodytext.text_now(full_text, subject),
        full_text=full_text,
        attachments=attachments,
        defects=defects,
        reply_to_addr=reply_addr,
        reply_to_name=reply_name,
        skipped=skipped,
    )


def _within_delimiters(raw: bytes, defects: list[str]) -> bytes:
    """``raw`` up to its ``MAX_DELIMITERS``-th line that starts "--" (a MIME boundary, or a signature's dashes).

    The email package builds every part before we may count them: 3.3 million empty parts in 23 MB took 250 s and
    1.7 GB. No application has this many, and the parts after ``MAX_PARTS`` are not read anyway.
    """
    at = -1
    for _ in range(MAX_DELIMITERS):
        at = raw.find(b"\n--", at + 1)
        if at < 0:
            return raw
    defects.append(f"more than {MAX_DELIMITERS} MIME boundaries; the rest not read")
    return raw[:at + 1]


def _parse_bytes(raw: bytes, defects: list[str]) -> EmailMessage:
    try:
        return email.message_from_bytes(raw, policy=BOUNDED)
    except RecursionError:
        defects.append("MIME structure nested too deeply; body not read")
    except Exception as err:  # the email package is lenient, but be sure  # noqa: BLE001
        defects.append(f"message could not be parsed: {type(err).__name__}")
    log.warning("message parsed from headers only", extra={"defect": defects[-1]})
    return BytesParser(policy=BOUNDED).parsebytes(raw, headersonly=True)


def _raw_headers(msg: Message) -> dict[str, str]:
    """First occurrence of the headers read here, as raw (undecoded, unparsed), bounded text."""
    out: dict[str, str] = {}
    for key in ("subject", "from", "reply-to", "to", "date", "message-id", "in-reply-to", "references"):
        values = raw_header_values(msg, key)
        if values:
            out[key] = values[0]
    return out


HEADER_BLOCK_MAX = 64 * 1024
MAX_ATTACHED_LOOKED_AT = 20


def header_block(raw: bytes) -> bytes:
    """A message's header block (up to the first empty line), at most ``HEADER_BLOCK_MAX`` bytes."""
    head = raw[:HEADER_BLOCK_MAX]
    ends = [i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0]
    return head[:min(ends)] if ends else head


def attached_messages(mail: ParsedMail) -> list[Message]:
    """The headers of messages inside ``mail``: attached ``.eml`` files and message/rfc822 parts, bounded.

    Only header blocks are parsed, so this is cheap whatever the attachments hold.
    """
    found: list[Message] = []
    for part in mail.attachments[:MAX_ATTACHED_LOOKED_AT]:
        if part.filename.lower().endswith(".eml") or part.content_type in ("message/rfc822", "message/global"):
            found.append(BytesParser(policy=BOUNDED).parsebytes(header_block(part.data) + b"\r\n\r\n",
                                                                headersonly=True))
    stack: list[Message] = [mail.msg]
    seen = 0
    while stack and seen < MAX_PARTS and len(found) < 2 * MAX_ATTACHED_LOOKED_AT:
        part = stack.pop()
        seen += 1
        payload = part.get_payload()
        if isinstance(payload, list):
            inner = [c for c in payload if isinstance(c, Message)]
            if _content_type(part) in ("message/rfc822", "message/global"):
                found.extend(inner[:1])
            stack.extend(inner)
    return found


# ---------------------------------------------------------------- body and attachments

@dataclass
class _Node:
    part: Message
    depth: int          # MIME depth
    msg_depth: int      # attached-message depth
    body_ok: bool       # text of this part counts as body text


def _walk(msg: Message, defects: list[str]) -> tuple[list[str], list[Part], list[str]]:
    """Collect body texts (in document order), attachments and the names of parts past the limit, iteratively."""
    texts: list[str] = []
    attachments: list[Part] = []
    stack = [_Node(msg, 0, 0, True)]
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            defects.append(f"more than {MAX_PARTS} MIME parts; the rest not read")
            return texts, attachments, _skipped_names([node, *reversed(stack)], len(attachments))
        children = _visit(node, texts, attachments, defects)
        _note_defects(node.part, defects)       # after decoding, which adds payload defects
        stack.extend(reversed(children))
    return texts, attachments, []


def _skipped_names(nodes: list[_Node], index: int) -> list[str]:
    """File names of the leaf parts under ``nodes`` (nothing decoded), at most ``MAX_SKIPPED``."""
    names: list[str] = []
    stack = [n.part for n in reversed(nodes)]
    visited = 0
    while stack and len(names) < MAX_SKIPPED and visited < 4 * MAX_SKIPPED:
        part = stack.pop()
        visited += 1
        payload = part.get_payload()
        if isinstance(payload, list):
            stack.extend(reversed([c for c in payload if isinstance(c, Message)]))
            continue
        ctype = _content_type(part)
        filename = _filename(part)
        if ctype in ("text/plain", "text/html") and not filename:
            continue
        names.append(filename or f"attachment-{index + len(names) + 1}{mimetypes.guess_extension(ctype) or '.bin'}")
    return names


def _note_defects(part: Message, defects: list[str]) -> None:
    """The email package's own defect names (e.g. ``StartBoundaryNotFoundDefect``), once each, bounded."""
    for defect in getattr(part, "defects", [])[:10]:
        name = type(defect).__name__
        if name not in defects and len(defects) < MAX_DEFECTS:
            defects.append(name)


def _visit(node: _Node, texts: list[str], attachments: list[Part], defects: list[str]) -> list[_Node]:
    part = node.part
    ctype = _content_type(part)
    if node.depth > MAX_MIME_DEPTH:
        defects.append(f"MIME nesting deeper than {MAX_MIME_DEPTH}; inner parts ignored")
        return []
    if ctype in ("message/rfc822", "message/global") and isinstance(part.get_payload(), list):
        return _visit_attached_message(node, ctype, texts, attachments, defects)
    if ctype.startswith("message/") and isinstance(part.get_payload(), list):
        return []       # delivery-status, disposition-notification: header blocks, no text
    if part.is_multipart():
        return _children(node, ctype)
    filename = _filename(part)
    disposition = _disposition(part)
    if ctype in ("text/plain", "text/html") and not filename and disposition != "attachment":
        if node.body_ok:            # else: the alternative not chosen
            text = _part_text(part, defects)
            texts.append(bodytext.html_to_text(text) if ctype == "text/html" else text)
    elif ctype.startswith("multipart/"):
        defects.append(f"{ctype} part without subparts")
    else:
        attachments.append(_attachment(part, ctype, filename, disposition, len(attachments)))
    return []


def _children(node: _Node, ctype: str) -> list[_Node]:
    children = [c for c in node.part.get_payload() if isinstance(c, Message)]
    chosen = _preferred_alternative(children) if ctype == "multipart/alternative" else None
    return [
        _Node(c, node.depth + 1, node.msg_depth, node.body_ok and (chosen is None or c is chosen))
        for c in children
    ]


def _preferred_alternative(children: list[Message]) -> Message | None:
    """Plain text when it has content, else the last (richest) alternative."""
    for child in children:
        if _content_type(child) == "text/plain" and _has_text(child):
            return child
    return children[-1] if children else None


def _has_text(part: Message) -> bool:
    try:
        payload = part.get_payload(decode=True) or b""
    except Exception:  # noqa: BLE001
        return False
    return bool(payload.strip())


def _visit_attached_message(node, ctype, texts, attachments, defects) -> list[_Node]:
    inner = [c for c in node.part.get_payload() if isinstance(c, Message)]
    if not inner:
        return []
    if node.msg_depth >= MAX_MESSAGE_DEPTH:
        defects.append(f"attached messages nested deeper than {MAX_MESSAGE_DEPTH}; inner ones ignored")
        return []
    texts.append(forward_header(inner[0]))
    return [_Node(inner[0], node.depth + 1, node.msg_depth + 1, True)]


def forward_header(msg: Message) -> str:
    """The block that introduces an attached message's text in ``full_text``."""
    headers = _raw_headers(msg)
    lines = [bodytext.FORWARD_MARKER]
    for name, label in (("from", "From"), ("date", "Date"), ("subject", "Subject"), ("to", "To")):
        value = decode_header_value(headers.get(name, ""), 300)
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines) + "\n"


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type().lower()
    except Exception:  # noqa: BLE001
        return "application/octet-stream"


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:  # noqa: BLE001 - a NUL in an RFC 2231 charset raises ValueError (found by bench/fuzz.py)
        return "attachment"


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # noqa: BLE001 - broken RFC 2231 parameters
        name = ""
    if "=?" in name:
        name = decode_header_value(name, 255)
    return clean_header_value(name, 255)


def _attachment(part: Message, ctype: str, filename: str, disposition: str, index: int) -> Part:
    data = _payload_bytes(part)
    if not filename:
        ext = ".dat" if ctype == "application/ms-tnef" else (mimetypes.guess_extension(ctype) or ".bin")
        filename = "winmail.dat" if ctype == "application/ms-tnef" else f"attachment-{index + 1}{ext}"
    return Part(filename=filename, content_type=ctype, data=data, disposition=disposition or "attachment")


def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001
        data = None
    if data is None:
        payload = part.get_payload()
        data = payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""
    return data


def _part_text(part: Message, defects: list[str]) -> str:
    data = _payload_bytes(part)
    charset = None
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001
        defects.append("unreadable charset parameter")
    text = decode_bytes(data, charset)
    if ctype_is_html_declared_as_plain(text, part):
        return bodytext.html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def ctype_is_html_declared_as_plain(text: str, part: Message) -> bool:
    """Some senders declare a whole HTML document as text/plain."""
    if _content_type(part) != "text/plain":
        return False
    head = text[:200].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _join_texts(texts: list[str]) -> str:
    joined = "\n\n".join(t.strip("\n") for t in texts if t and t.strip())
    joined = joined.replace("\x00", "")
    return joined[:MAX_TEXT_CHARS]


__all__ = ["ParsedMail", "Part", "attached_messages", "clean_header_value", "decode_bytes", "header_block",
           "parse_from", "parse_mail"]
