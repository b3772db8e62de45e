"""ZIP archives: every member read like an attachment of its own, within limits.

Limits checked from the central directory before anything is unpacked: the
number of members, the total unpacked size, the per-member compression ratio,
and (through the context) how deeply archives are nested. Encrypted members
become unreadable members with reason "encrypted".
"""

from __future__ import annotations

import io
import zipfile

from intake.attachments.base import Context, Extracted
from intake.attachments.errors import Corrupt, TooDeep
from intake.attachments.ooxml import check_sizes
from intake.attachments.result import AttachmentResult, refusal
from intake.attachments.sniff import safe_filename

SKIPPED_PREFIXES = ("__MACOSX/",)
SKIPPED_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


def read_zip(data: bytes, ctx: Context) -> Extracted:
    """The text of each member, members as nested results."""
    if ctx.depth >= ctx.limits.max_depth:
        raise TooDeep("archive nested too deeply")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if _wanted(m)]
            check_sizes(members, ctx.limits)
            results = [_read_one(archive, member, ctx) for member in members]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as err:
        raise Corrupt("ZIP archive cannot be read") from err
    return combine(results)


def combine(results: list[AttachmentResult]) -> Extracted:
    """One text for a container, with a heading per member; fields of all members."""
    texts, fields = [], {}
    for result in results:
        if result.status == "read" and result.text:
            texts.append(f"--- {result.filename} ---\n{result.text}")
        for label, value in result.fields.items():
            fields.setdefault(label, value)
    pages = sum(r.pages or 0 for r in results) or None
    return Extracted(text="\n\n".join(texts), fields=fields, pages=pages, members=results)


def _wanted(member: zipfile.ZipInfo) -> bool:
    name = member.filename
    return not member.is_dir() and not name.startswith(SKIPPED_PREFIXES) and \
        name.rsplit("/", 1)[-1] not in SKIPPED_NAMES


def _read_one(archive: zipfile.ZipFile, member: zipfile.ZipInfo, ctx: Context) -> AttachmentResult:
    name = safe_filename(member.filename)
    if member.flag_bits & 0x1:
        return refusal(name, "", "unknown", "encrypted", member.file_size)
    if member.file_size > ctx.limits.max_bytes:
        return refusal(name, "", "unknown", "too_large", member.file_size)
    try:
        data = archive.read(member)
    except (zipfile.BadZipFile, EOFError, NotImplementedError, OSError, RuntimeError):
        return refusal(name, "", "unknown", "corrupt", member.file_size)
    return ctx.read_member(name, "", data, ctx.nested())
