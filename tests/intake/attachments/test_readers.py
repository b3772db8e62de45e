"""Text and fields from ordinary attachments, read through the sandbox."""

from __future__ import annotations

import shutil

import pytest

from tests.intake.attachments import builders

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

FORM = {"Firmanavn": "Bager Hansen ApS", "CVR-nummer": "12345678", "Adresse": "Nørrebrogade 12, 2200 København N"}


def test_text_pdf_is_read_in_order(extract):
    result = extract("ansøgning.pdf", builders.text_pdf(["Ansøgning om udeservering", "Periode: 1. maj"]))
    assert result.status == "read" and result.type == "pdf" and result.pages == 1
    assert result.text.index("udeservering") < result.text.index("Periode")


def test_acroform_field_values_go_to_fields(extract):
    result = extract("blanket.pdf", builders.acroform_pdf(FORM))
    assert result.fields == FORM


def test_acroform_field_values_are_also_in_the_text(extract):
    result = extract("blanket.pdf", builders.acroform_pdf(FORM))
    assert "Firmanavn: Bager Hansen ApS" in result.text


def test_encrypted_pdf_is_refused_as_encrypted(extract):
    result = extract("ansøgning.pdf", builders.encrypted_pdf(["hemmeligt"]))
    assert (result.status, result.reason) == ("unreadable", "encrypted")
    assert "adgangskode" in result.explain("da")


def test_pdf_with_empty_user_password_is_read(extract):
    result = extract("låst.pdf", builders.encrypted_pdf(["Ansøgning om skiltning"], password=""))
    assert result.status == "read" and "skiltning" in result.text


@needs_tesseract
def test_scanned_pdf_page_is_read_by_ocr(extract):
    result = extract("scan.pdf", builders.scanned_pdf(["Ansøgning om udeservering", "Bager Hansen ApS"]))
    assert result.status == "read" and "udeservering" in result.text and "ocr" in result.warnings


@needs_tesseract
def test_photo_of_a_form_is_read_by_ocr(extract):
    result = extract("foto.jpg", builders.text_image(["Tilladelse til stillads", "CVR 12345678"], "JPEG"))
    assert result.type == "image" and "stillads" in result.text.lower()


def test_word_form_table_rows_go_to_fields(extract):
    result = extract("ansøgning.docx", builders.docx_form(list(FORM.items()), ["Hermed ansøgning"]))
    assert result.fields == FORM


def test_word_table_rows_are_in_the_text_as_cells(extract):
    result = extract("ansøgning.docx", builders.docx_form(list(FORM.items())))
    assert "Firmanavn | Bager Hansen ApS" in result.text


def test_word_header_text_is_read(extract):
    result = extract("ansøgning.docx", builders.docx_form([("a", "b")], header="Københavns Kommune"))
    assert "Københavns Kommune" in result.text


def test_word_label_colon_is_dropped_from_field_names(extract):
    result = extract("ansøgning.docx", builders.docx_form([("CVR-nr.:", "12345678")]))
    assert result.fields == {"CVR-nr.": "12345678"}


def test_word_content_control_value_goes_to_fields(extract):
    base = builders.docx_form([("x", "y")])
    sdt = (b'<w:sdt><w:sdtPr><w:alias w:val="Kontaktperson"/></w:sdtPr><w:sdtContent>'
           b'<w:p><w:r><w:t>Mette Hansen</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    result = extract("a.docx", _insert_in_body(base, sdt))
    assert result.fields.get("Kontaktperson") == "Mette Hansen" and "Mette Hansen" in result.text


def test_word_legacy_form_field_value_goes_to_fields(extract):
    base = builders.docx_form([("x", "y")])
    field = (b'<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Telefon"/>'
             b'<w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r>'
             b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>33 66 33 66</w:t></w:r>'
             b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    result = extract("a.docx", _insert_in_body(base, field))
    assert result.fields.get("Telefon") == "33 66 33 66"


def _insert_in_body(docx: bytes, xml: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        document = archive.read("word/document.xml")
    return builders.replace_docx_part(docx, "word/document.xml", document.replace(b"<w:body>", b"<w:body>" + xml, 1))


def test_csv_in_windows_encoding_is_read(extract):
    result = extract("liste.csv", "Navn;By\nSøren;København\n".encode("cp1252"), "text/csv")
    assert result.type == "text" and "København" in result.text


def test_html_file_is_rendered_to_text(extract):
    html = b"<html><head><style>p{}</style></head><body><p>Ans&oslash;gning</p><script>x()</script></body></html>"
    result = extract("side.html", html)
    assert result.type == "html" and result.text == "Ansøgning"


def test_attached_eml_gives_body_and_its_attachments(extract):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.com", "b@example.com", "Videresendt"
    message.set_content("Se vedhæftede ansøgning.")
    message.add_attachment(builders.docx_form(list(FORM.items())), maintype="application",
                           subtype="octet-stream", filename="blanket.docx")
    result = extract("videresendt.eml", message.as_bytes(), "message/rfc822")
    assert result.type == "eml" and "Se vedhæftede" in result.text
    assert result.fields == FORM and result.members[0].type == "docx"


def test_attached_eml_is_read_by_the_mail_parser(extract):
    """Header values cleaned and HTML rendered as in a mail: a bidi override is dropped, list items kept apart."""
    raw = ("From: a@example.com\r\nSubject: Ansøgning om skilt\u202e\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<ul><li>Borde</li><li>Stole</li></ul>\r\n").encode()
    result = extract("videresendt.eml", raw, "message/rfc822")
    assert result.text.startswith("Subject: Ansøgning om skilt\n\n")
    assert "- Borde\n- Stole" in result.text and "\u202e" not in result.text


def test_message_forwarded_inside_an_attached_eml_is_part_of_its_text(extract):
    from email.message import EmailMessage

    inner = EmailMessage()
    inner["From"], inner["Subject"] = "c@example.com", "Oprindelig ansøgning"
    inner.set_content("Vi søger om udeservering.")
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "b@example.com", "Fwd: Oprindelig ansøgning"
    outer.set_content("Se nedenfor.")
    outer.add_attachment(inner)
    result = extract("videresendt.eml", outer.as_bytes(), "message/rfc822")
    assert "Se nedenfor." in result.text and "Vi søger om udeservering." in result.text
    assert "Subject: Oprindelig ansøgning" in result.text


def test_text_file_with_a_byte_order_mark_is_decoded_by_it(extract):
    result = extract("noter.txt", b"\xff\xfe" + "Åbningstider 10-22".encode("utf-16-le"))
    assert result.text == "Åbningstider 10-22"


def test_the_forkserver_preload_imports_every_reader():
    """A broken preload fails silently in the forkserver (every worker then imports the readers itself)."""
    import importlib

    from intake.attachments.sandbox import PRELOAD

    for name in PRELOAD:
        importlib.import_module(name)


def test_zip_members_are_read_and_their_fields_collected(extract):
    archive = builders.zip_of({"bilag/ansøgning.docx": builders.docx_form(list(FORM.items())),
                               "noter.txt": "Åbningstider 10-22".encode()})
    result = extract("bilag.zip", archive)
    assert result.fields == FORM and "Åbningstider" in result.text
    assert [m.filename for m in result.members] == ["ansøgning.docx", "noter.txt"]


def test_rtf_is_read(extract):
    result = extract("brev.rtf", rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0 Ans\'f8gning om skilt\par}")
    assert result.type == "rtf" and "Ansøgning om skilt" in result.text


def test_odt_paragraphs_are_read(extract):
    content = (b'<?xml version="1.0"?><office:document-content '
               b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               b'<text:h>Ans\xc3\xb8gning</text:h><text:p>Udeservering p\xc3\xa5 fortovet</text:p>'
               b'</office:text></office:body></office:document-content>')
    odt = builders.zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": content})
    result = extract("ansøgning.odt", odt)
    assert result.type == "odt" and result.text == "Ansøgning\nUdeservering på fortovet"


def test_broken_spreadsheet_is_refused_as_corrupt(extract):
    result = extract("budget.xlsx", builders.zip_of({"[Content_Types].xml": b"", "xl/workbook.xml": b"<x/>"}))
    assert (result.type, result.status, result.reason) == ("xlsx", "unreadable", "corrupt")


def test_empty_attachment_is_refused_as_empty(extract):
    assert extract("tom.pdf", b"").reason == "empty"


@pytest.mark.parametrize(("name", "data"), [
    ("scan.pdf", builders.scanned_pdf(["Ansøgning om udeservering"])),
    ("foto.png", builders.text_image(["Tilladelse til stillads"], "PNG")),
])
def test_without_tesseract_a_scan_is_our_shortcoming_not_a_request_for_a_sharper_copy(name, data, monkeypatch):
    from intake.attachments.extract import extract_in_process

    monkeypatch.setattr("intake.attachments.ocr.shutil.which", lambda _name: None)
    result = extract_in_process(name, "", data)
    assert (result.status, result.reason) == ("unreadable", "ocr_unavailable")
    assert "skarpere" not in result.explain("da") and "behøver ikke sende den igen" in result.explain("da")
    assert "no need to send it again" in result.explain("en")
