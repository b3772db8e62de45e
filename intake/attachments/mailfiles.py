"""Messages inside attachments: TNEF winmail.dat, Outlook .msg, attached .eml files.

Each gives its body text plus its own attachments, read one level deeper. An
attached .eml is read by ``intake.mail.message.parse_mail``, the hardened parser
of the mail itself; TNEF and .msg bodies are decoded and rendered by the same
functions as mail bodies.
"""

from __future__ import annotations

import logging

from intake.attachments.archive import combine
from intake.attachments.base import Context, Extracted
from intake.attachments.errors import Corrupt, TooDeep, TooManyFiles, Unsupported
from intake.mail.bodytext import html_to_text
from intake.mail.headers import decode_bytes
from intake.mail.message import parse_mail

log = logging.getLogger(__name__)


def read_tnef(data: bytes, ctx: Context) -> Extracted:
    """Outlook's TNEF (winmail.dat): body (plain, HTML or RTF) and attachments, via tnefparse."""
    from tnefparse import TNEF

    _check_depth(ctx)
    try:
        tnef = TNEF(data)
    except Exception as err:  # noqa: BLE001 - tnefparse raises plain exceptions on bad input
        raise Corrupt("TNEF cannot be parsed") from err
    body = _tnef_body(tnef)
    files = [(a.long_filename() or a.name or "attachment", a.data or b"") for a in tnef.attachments]
    return _with_body(body, _read_files(files, ctx))


def _tnef_body(tnef) -> str:
    if tnef.body:
        return _as_text(tnef.body)
    if tnef.htmlbody:
        return html_to_text(_as_text(tnef.htmlbody))
    rtf = getattr(tnef, "rtfbody", None)
    if rtf:
        from striprtf.striprtf import rtf_to_text
        return rtf_to_text(_as_text(rtf), errors="ignore")
    return ""


def read_msg(data: bytes, ctx: Context) -> Extracted:
    """An Outlook .msg file: subject, body and attachments, via extract-msg."""
    try:
        import extract_msg
    except ImportError as err:
        raise Unsupported("extract-msg is not installed") from err
    _check_depth(ctx)
    try:
        message = extract_msg.openMsg(data)
    except Exception as err:  # noqa: BLE001 - extract-msg raises many types on bad input
        raise Corrupt(".msg cannot be parsed") from err
    try:
        body = message.body or (html_to_text(_as_text(message.htmlBody)) if message.htmlBody else "")
        header = f"Subject: {message.subject or ''}\n\n" if getattr(message, "subject", None) else ""
        files = [(_msg_attachment_name(a), a.data) for a in message.attachments]
    finally:
        message.close()
    return _with_body(header + (body or ""), _read_files([f for f in files if isinstance(f[1], bytes)], ctx))


def _msg_attachment_name(attachment) -> str:
    return getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename", None) or "attachment"


def read_eml(data: bytes, ctx: Context) -> Extracted:
    """An attached e-mail: subject, body text and its attachments, as ``parse_mail`` reads a message."""
    _check_depth(ctx)
    mail = parse_mail(data)
    header = f"Subject: {mail.subject}\n\n" if mail.subject else ""
    files = [(part.filename, part.data) for part in mail.attachments]
    return _with_body(header + mail.full_text, _read_files(files, ctx))


def _check_depth(ctx: Context) -> None:
    if ctx.depth >= ctx.limits.max_depth:
        raise TooDeep("message nested too deeply")


def _read_files(files: list[tuple[str, bytes]], ctx: Context) -> Extracted:
    if len(files) > ctx.limits.max_members:
        raise TooManyFiles(f"{len(files)} attachments")
    results = [ctx.read_member(name, "", data, ctx.nested()) for name, data in files]
    return combine(results)


def _with_body(body: str, inner: Extracted) -> Extracted:
    inner.text = "\n\n".join(part for part in (body.strip(), inner.text) if part)
    return inner


def _as_text(value) -> str:
    return decode_bytes(value) if isinstance(value, bytes) else str(value)
