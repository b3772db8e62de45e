"""Reading one attachment in this process: type detection, then the reader for that type.

This is what the sandbox worker runs. It never raises for bad input: the
``Unreadable`` family becomes a typed refusal, and anything unexpected from a
third-party parser becomes "corrupt" (logged with the exception type only).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from intake.attachments import archive, docx, mailfiles, other, pdf, sheets, slides
from intake.attachments.base import Context, Extracted
from intake.attachments.errors import (
    Empty,
    Encrypted,
    Executable,
    TooDeep,
    TooLarge,
    Unreadable,
    Unsupported,
)
from intake.attachments.limits import Limits
from intake.attachments.result import AttachmentResult, refusal
from intake.attachments.sniff import detect_type, safe_filename

log = logging.getLogger(__name__)

Reader = Callable[[bytes, Context], Extracted]


def _readers() -> dict[str, Reader]:
    return {
        "pdf": pdf.read_pdf, "docx": docx.read_docx, "zip": archive.read_zip,
        "tnef": mailfiles.read_tnef, "msg": mailfiles.read_msg, "eml": mailfiles.read_eml,
        "image": other.read_image, "text": other.read_text, "html": other.read_html,
        "rtf": other.read_rtf, "doc": other.read_doc, "odt": other.read_odt, "odp": other.read_odt,
        "xlsx": sheets.read_xlsx, "ods": sheets.read_ods, "xls": sheets.read_xls,
        "pptx": slides.read_pptx, "ppt": other.read_ppt,
    }


def extract_in_process(filename: str, declared_type: str, data: bytes,
                       limits: Limits = Limits()) -> AttachmentResult:
    """Read one attachment here and now (no sandbox): for the worker and for unit tests."""
    return read_member(filename, declared_type, data, Context(limits, 0, read_member))


def read_member(filename: str, declared_type: str, data: bytes, ctx: Context) -> AttachmentResult:
    """Read a file at the depth given by ``ctx`` (archives call this for their members)."""
    name = safe_filename(filename)
    kind = "unknown"
    try:
        _precheck(data, ctx)
        kind = detect_type(data, name, declared_type)
        found = _read(kind, data, ctx)
    except Unreadable as err:
        log.info("attachment unreadable", extra={"type": kind, "reason": err.reason})
        return refusal(name, declared_type, kind, err.reason, len(data))
    except MemoryError:
        return refusal(name, declared_type, kind, TooLarge.reason, len(data))
    except Exception as err:  # noqa: BLE001 - third-party parsers raise anything on hostile input
        log.warning("attachment reader failed", extra={"type": kind, "error": type(err).__name__})
        return refusal(name, declared_type, kind, "corrupt", len(data))
    return _result(name, declared_type, kind, data, found, ctx.limits)


def _precheck(data: bytes, ctx: Context) -> None:
    if not data:
        raise Empty("no bytes")
    if len(data) > ctx.limits.max_bytes:
        raise TooLarge("attachment over the size limit")
    if ctx.depth > ctx.limits.max_depth:
        raise TooDeep("nested too deeply")


def _read(kind: str, data: bytes, ctx: Context) -> Extracted:
    if kind == "executable":
        raise Executable("program")
    if kind == "encrypted_office":
        raise Encrypted("password-protected Office file")
    reader = _readers().get(kind)
    if reader is None:
        raise Unsupported(f"no reader for {kind}")
    return reader(data, ctx)


def _result(name, declared_type, kind, data, found: Extracted, limits: Limits) -> AttachmentResult:
    text = found.text.strip()
    warnings = list(found.warnings)
    if len(text) > limits.max_text_chars:
        text = text[: limits.max_text_chars]
        warnings.append("text_capped")
    if not text and not found.fields and not found.members:
        return refusal(name, declared_type, kind, "no_text", len(data))
    if not text and not found.fields and all(m.status != "read" for m in found.members):
        # an archive none of whose members could be read is not "read": it says why its first member was not
        # (zips nested five deep were "read" with no text, and the business was told nothing)
        return refusal(name, declared_type, kind, found.members[0].reason or "no_text", len(data))
    return AttachmentResult(filename=name, declared_type=declared_type, type=kind, status="read",
                            reason=None, text=text, fields=found.fields, pages=found.pages,
                            size=len(data), members=found.members, warnings=warnings)
