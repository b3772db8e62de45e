"""Safety checks for ZIP-packaged XML documents (DOCX, XLSX, ODT) before parsing."""

from __future__ import annotations

import io
import re
import zipfile

from intake.attachments.errors import Corrupt, TooLarge, TooManyFiles, Unsafe
from intake.attachments.limits import Limits

RATIO_FLOOR = 1024 * 1024   # members smaller than this may compress as well as they like
DOCTYPE = b"<!doctype"


def check_package(data: bytes, limits: Limits) -> None:
    """Refuse a package that unpacks too far, holds too many parts, carries macros, or has a DOCTYPE in XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            check_sizes(members, limits)
            if any(m.filename.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for m in members):
                # a .docm, .xlsm or .pptm: macros (never run here) it was "corrupt", the business none the wiser
                raise Unsafe("a macro-enabled Office document")
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")) and _has_doctype(archive, member):
                    raise Unsafe(f"DOCTYPE in {member.filename}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as err:
        raise Corrupt("package is not a readable ZIP file") from err


def check_sizes(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Member count, total unpacked size and per-member compression ratio within limits."""
    if len(members) > limits.max_members:
        raise TooManyFiles(f"{len(members)} members")
    if sum(member.file_size for member in members) > limits.max_uncompressed:
        raise TooLarge("unpacks beyond the size limit")
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > limits.max_ratio * max(member.compress_size, 1):
            raise TooLarge(f"compression ratio of {member.filename}")


PROLOG_LIMIT = 64 * 1024
_ROOT = re.compile(rb"<[A-Za-z_]")


def _has_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """True when the prolog (before the root element) holds a DOCTYPE, or is suspiciously long."""
    with archive.open(member) as stream:
        head = stream.read(PROLOG_LIMIT)
    root = _ROOT.search(head)
    prolog = head[: root.start()] if root else head
    return DOCTYPE in prolog.lower() or (root is None and len(head) == PROLOG_LIMIT)
