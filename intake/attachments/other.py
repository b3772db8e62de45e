"""Plain text, HTML, CSV, images (OCR), RTF, legacy Word .doc and PowerPoint .ppt, ODT and ODP."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile

from intake.attachments.base import Context, Extracted
from intake.attachments.errors import Corrupt, Encrypted, NoText, OcrUnavailable, TooLarge, Unsupported
from intake.attachments.ocr import image_frames, ocr_image, tesseract_available
from intake.attachments.ooxml import check_package
from intake.mail.bodytext import html_to_text
from intake.mail.headers import decode_bytes

TOOL_SECONDS = 30


def read_text(data: bytes, ctx: Context) -> Extracted:
    """A plain text or CSV file."""
    return Extracted(text=decode_bytes(data).replace("\r\n", "\n"))


def read_html(data: bytes, ctx: Context) -> Extracted:
    """An HTML file, rendered to text the way an HTML mail body is."""
    return Extracted(text=html_to_text(decode_bytes(data)))


def read_image(data: bytes, ctx: Context) -> Extracted:
    """A photo or scan (JPEG, PNG, TIFF...): OCR of up to ``max_ocr_pages`` frames."""
    if not tesseract_available():
        raise OcrUnavailable("Tesseract is not installed")
    frames, count = image_frames(data, ctx.limits)
    texts = [ocr_image(frame, ctx.limits) for frame in frames]
    warnings = ["ocr"] + (["ocr_pages_capped"] if count > len(frames) else [])
    return Extracted(text="\n\n".join(t for t in texts if t), pages=count, warnings=warnings)


def read_rtf(data: bytes, ctx: Context) -> Extracted:
    """An RTF document, via striprtf."""
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError as err:
        raise Unsupported("striprtf is not installed") from err
    return Extracted(text=rtf_to_text(decode_bytes(data), errors="ignore"))


def read_doc(data: bytes, ctx: Context) -> Extracted:
    """A legacy Word document, via Debian's antiword, else catdoc."""
    for command in (["antiword", "-m", "UTF-8.txt", "-"], ["catdoc", "-d", "utf-8", "-"]):
        if shutil.which(command[0]):
            return Extracted(text=run_tool(command, data))
    raise Unsupported("neither antiword nor catdoc is installed")


def read_ppt(data: bytes, ctx: Context) -> Extracted:
    """A legacy PowerPoint presentation, via ``catppt`` from Debian's catdoc."""
    if not shutil.which("catppt"):
        raise Unsupported("catppt (catdoc) is not installed")
    with tempfile.NamedTemporaryFile(suffix=".ppt") as file:   # catppt cannot read stdin
        file.write(data)
        file.flush()
        return Extracted(text=run_tool(["catppt", "-d", "utf-8", file.name], b""))


def run_tool(command: list[str], data: bytes) -> str:
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=TOOL_SECONDS, check=False)
    except subprocess.TimeoutExpired as err:
        raise TooLarge(f"{command[0]} took too long") from err
    message = done.stderr.decode("utf-8", "replace").lower()
    if "encrypt" in message or "password" in message:
        raise Encrypted(f"{command[0]}: encrypted")
    if done.returncode != 0 and not done.stdout.strip():
        raise Corrupt(f"{command[0]} failed")
    return done.stdout.decode("utf-8", "replace")


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def read_odt(data: bytes, ctx: Context) -> Extracted:
    """An OpenDocument text or presentation: paragraphs and headings of content.xml (checked like a DOCX)."""
    from lxml import etree

    check_package(data, ctx.limits)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            content = archive.read("content.xml")
        except KeyError as err:
            raise Corrupt("ODT without content.xml") from err
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as err:
        raise Corrupt("content.xml is not XML") from err
    blocks = root.iter(f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h")
    lines = ["".join(block.itertext()) for block in blocks]
    text = "\n".join(line for line in lines if line.strip())
    if not text:
        raise NoText("no text in content.xml")
    return Extracted(text=text)
