"""Type detection from the bytes, and safe file names.

The declared content type and the file name are what the sender's mail program
guessed; the first bytes are what the file is. ZIP-based formats are told apart
by their members, OLE2 (legacy Office) files by the names of their streams.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import PurePosixPath

MAX_FILENAME = 120

_IMAGE_MAGIC = (
    b"\xff\xd8\xff",            # JPEG
    b"\x89PNG\r\n\x1a\n",       # PNG
    b"II*\x00", b"MM\x00*",     # TIFF
    b"GIF87a", b"GIF89a",
    b"BM",                      # BMP (checked last: short magic)
)
_EXECUTABLE_MAGIC = (
    b"MZ", b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!", b"\x00asm",
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TNEF_MAGIC = b"\x78\x9f\x3e\x22"
_OTHER_ARCHIVES = (b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"BZh")
_ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
_HEADER_LINE = re.compile(rb"^[A-Za-z0-9][A-Za-z0-9-]{0,60}:[ \t]")
_MAIL_HEADERS = (b"from:", b"to:", b"subject:", b"received:", b"message-id:", b"mime-version:",
                 b"date:", b"return-path:", b"delivered-to:")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body|meta|div|table|p)\b",
                         re.IGNORECASE | re.DOTALL)


def detect_type(data: bytes, filename: str = "", declared_type: str = "") -> str:
    """The type of ``data`` from its bytes; ``filename``/``declared_type`` only break ties."""
    head = data[:2048]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_flavour(data)
    if head.startswith(_OLE_MAGIC):
        return _ole_flavour(data)
    if head.startswith(_TNEF_MAGIC):
        return "tnef"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_EXECUTABLE_MAGIC):
        return "executable"
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(_OTHER_ARCHIVES) or not _looks_textual(head):
        return "unknown"
    return _text_flavour(head, declared_type)


def _zip_flavour(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()[:5000])
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                if mimetype in _ODF_TYPES:
                    return _ODF_TYPES[mimetype]
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


def _ole_flavour(data: bytes) -> str:
    """Tell legacy Office files apart by the UTF-16 stream names in the directory."""
    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data
    if has("EncryptedPackage"):
        return "encrypted_office"
    if has("__substg1.0_") or has("__properties_version1.0"):
        return "msg"
    if has("WordDocument"):
        return "doc"
    if has("Workbook") or has("Book"):
        return "xls"
    if has("PowerPoint Document"):
        return "ppt"
    return "unknown"


def _looks_textual(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls <= len(head) // 100


def _text_flavour(head: bytes, declared_type: str) -> str:
    body = head.lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(body):
        return "html"
    if _looks_like_mail(body) or declared_type.lower() == "message/rfc822":
        return "eml"
    if declared_type.lower() == "text/html" and b"<" in body:
        return "html"
    return "text"


def _looks_like_mail(head: bytes) -> bool:
    lines = head.splitlines()[:8]
    if not lines or not _HEADER_LINE.match(lines[0]) and not lines[0].startswith(b"From "):
        return False
    headers = [line.lower() for line in lines if _HEADER_LINE.match(line)]
    known = sum(1 for line in headers if line.startswith(_MAIL_HEADERS))
    return known >= 2


_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """A file name safe to show and store: no path, control or bidi characters, capped length."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in _UNSAFE_CATEGORIES)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name:
        return fallback
    if len(name) <= MAX_FILENAME:
        return name
    suffix = PurePosixPath(name).suffix
    suffix = suffix if 0 < len(suffix) <= 10 else ""
    return name[: MAX_FILENAME - len(suffix) - 1].rstrip() + "…" + suffix
