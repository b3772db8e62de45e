"""Builders for attachment test files: ordinary, form-bearing and hostile ones, made at test time."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF with the given object bodies (numbered from 1) and a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` in Helvetica (Latin-1 text)."""
    ops = [b"BT /F1 12 Tf 72 760 Td 14 TL"]
    for line in lines:
        escaped = line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + escaped + b") Tj T*")
    ops.append(b"ET")
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"\n".join(ops)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def pdf_bomb(megabytes: int = 1024) -> bytes:
    """A PDF whose page content is a FlateDecode stream that inflates to ``megabytes`` of spaces."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream(packed, b"/Filter /FlateDecode"),
    ])


def cyclic_pdf() -> bytes:
    """A PDF whose page tree points back at itself and whose Length refers to itself."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
        b"<< /T (loop) /Kids [5 0 R 6 0 R] >>",
        b"<< /T (child) /Parent 5 0 R /Kids [5 0 R] /V (x) >>",
    ])


def encrypted_pdf(lines: list[str], password: str = "hemmelig") -> bytes:
    """A text PDF encrypted (AES-256) with a user password, written by pypdf."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(lines))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def acroform_pdf(fields: dict[str, str]) -> bytes:
    """A fillable PDF form (reportlab) with the given text fields filled in."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 800, "Ansøgning om tilladelse")
    for row, (name, value) in enumerate(fields.items()):
        y = 740 - row * 40
        pdf.drawString(72, y + 5, name)
        pdf.acroForm.textfield(name=name, value=value, x=220, y=y, width=300, height=20)
    pdf.save()
    return out.getvalue()


def _font(size: int):
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def text_image(lines: list[str], fmt: str = "PNG") -> bytes:
    """A white page with black text, as an image file (what a phone photo of a form would be)."""
    image = Image.new("L", (1700, 200 + 70 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((100, 100 + 70 * row), line, fill=0, font=_font(44))
    out = io.BytesIO()
    image.save(out, format=fmt, dpi=(200, 200))
    return out.getvalue()


def scanned_pdf(lines: list[str]) -> bytes:
    """An image-only PDF (a "scan") of the text, made with Pillow."""
    image = Image.open(io.BytesIO(text_image(lines))).convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=200.0)
    return out.getvalue()


def docx_form(rows: list[tuple[str, str]], paragraphs: Sequence[str] = (), header: str = "") -> bytes:
    """A Word application form: paragraphs, then a two-column "field | value" table."""
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_docx_part(data: bytes, name: str, content: bytes) -> bytes:
    """The DOCX with one part replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != name:
                dst.writestr(item, src.read(item))
        dst.writestr(name, content)
    return out.getvalue()


def xxe_docx(base: bytes) -> bytes:
    """A DOCX whose document.xml declares an external entity (XXE / billion laughs)."""
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        xml = src.read("word/document.xml")
    declaration, rest = xml.split(b"?>", 1)
    evil = (b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
            b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    return replace_docx_part(base, "word/document.xml", declaration + b"?>" + evil + rest)


def with_doctype(base: bytes, part: str) -> bytes:
    """The package with an entity-declaring DOCTYPE put before the root element of ``part``."""
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        xml = src.read(part)
    first_element = re.search(rb"<[A-Za-z]", xml)
    assert first_element is not None, f"{part} has no element"
    root = first_element.start()
    evil = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return replace_docx_part(base, part, xml[:root] + evil + xml[root:])


def xlsx_sheets(sheets: dict[str, list[tuple]]) -> bytes:
    """An Excel workbook (openpyxl) with one sheet per name, rows appended in order."""
    import openpyxl

    book = openpyxl.Workbook()
    for empty in book.worksheets:
        book.remove(empty)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pptx_slides(slides: list[tuple[str, str]], table: Sequence[tuple[str, str]] = ()) -> bytes:
    """A presentation (python-pptx): one title-and-body slide per pair, then a slide with ``table``."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    for title, body in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text, slide.placeholders[1].text = title, body
    if table:
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        grid = slide.shapes.add_table(len(table), 2, Inches(1), Inches(1), Inches(8), Inches(2)).table
        for row, (label, value) in enumerate(table):
            grid.cell(row, 0).text, grid.cell(row, 1).text = label, value
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def ods_of(rows: list[str], sheet: str = "Ark1") -> bytes:
    """A minimal OpenDocument spreadsheet; ``rows`` are XML fragments of table:table-row elements."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="{sheet}">{"".join(rows)}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    return zip_of({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": content.encode()})


def docx_with_picture(image: bytes, paragraphs: Sequence[str] = ()) -> bytes:
    """A Word document holding ``paragraphs`` and one pasted picture (python-docx ``add_picture``)."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.add_picture(io.BytesIO(image), width=Inches(6))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(megabytes: int = 300) -> bytes:
    """A ZIP with one member that inflates to ``megabytes`` of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("data.txt", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()


def docx_bomb(base: bytes, megabytes: int = 300) -> bytes:
    """A DOCX whose document.xml inflates to ``megabytes`` (a zip bomb in Word's clothing)."""
    return package_bomb(base, "word/document.xml", megabytes)


def package_bomb(base: bytes, part: str, megabytes: int = 300) -> bytes:
    """An Office package whose XML ``part`` inflates to ``megabytes`` of trailing spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != part:
                dst.writestr(item, src.read(item))
        with dst.open(part, "w", force_zip64=True) as member:
            member.write(src.read(part)[:-30])
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()


def nested_zip(depth: int, inner: bytes) -> bytes:
    """``inner`` (a text file) wrapped in ``depth`` levels of ZIP."""
    data, name = inner, "ansøgning.txt"
    for level in range(depth):
        data, name = zip_of({name: data}), f"level{level}.zip"
    return data


def executable_as_pdf() -> bytes:
    """A Windows executable header (MZ ... PE) that a sender named .pdf."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50 + b"PE\x00\x00" + b"\x00" * 400
