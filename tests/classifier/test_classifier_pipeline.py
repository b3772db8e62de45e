"""The pipeline's classify stage gives the model the body and each attachment on its own (real files)."""
from email.message import EmailMessage

import pytest

from classifier.store import ModelStore
from intake.app import build_context
from intake.dryrun import analyse
from intake.settings import load_settings
from tests.intake.attachments.builders import docx_form, replace_docx_part, text_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def ctx(tmp_path, corpus_model):
    store = ModelStore(tmp_path / "models")
    store.activate(store.save(corpus_model, {}))
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(store.root)})
    return build_context(settings)


def _mail(*attachments: tuple[str, str, bytes]) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "Jonas Lys <jonas@lyset.dk>", "erhverv@kk.example", "Ansøgning"
    msg["Message-ID"] = "<ans-1@lyset.dk>"
    msg.set_content("Hej\n\nSe de vedhæftede filer.\n\nMvh Jonas\n")
    for filename, mime, data in attachments:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def test_a_ticked_box_in_the_second_attachment_reaches_its_office(ctx):
    pdf = text_pdf(["Ansøgning om udeservering", "Restaurant Lyset, Blågårdsgade 3, 2200 København N",
                    "Vi søger om 6 borde og 24 stole på fortovet fra 1. april til 30. september."])
    form = docx_form([("Virksomhed", "Restaurant Lyset ApS"), ("Fedtudskiller / spildevandstilladelse", "X"),
                      ("Skilte og facadereklamer", "☐")], paragraphs=["Bilag 2: sæt kryds ved det, I søger om."])
    state = analyse(_mail(("udeservering.pdf", "application/pdf", pdf), ("skema.docx", DOCX, form)), ctx)
    assert state.task_types[0] == "udeservering"
    assert set(state.task_types) == {"udeservering", "spildevand"}
    assert not state.needs_triage


def _with_legacy_checkboxes(docx: bytes, boxes: dict[str, bool]) -> bytes:
    """The Word file with legacy form checkboxes (FORMCHECKBOX) before its text: they are fields, not text."""
    import io
    import zipfile

    xml = b"".join(
        b'<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="%s"/><w:checkBox>%s</w:checkBox>'
        b'</w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>'
        b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        % (name.encode(), b'<w:checked/>' if ticked else b'<w:checked w:val="0"/>') for name, ticked in boxes.items())
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        document = archive.read("word/document.xml")
    return replace_docx_part(docx, "word/document.xml", document.replace(b"<w:body>", b"<w:body>" + xml, 1))


def test_a_ticked_legacy_checkbox_is_read_from_the_form_fields(ctx):
    """A Word form's legacy checkboxes have no text: only the parts the pipeline passes carry them."""
    form = _with_legacy_checkboxes(
        docx_form([("Virksomhed", "Restaurant Lyset ApS")],
                  paragraphs=["Ansøgning om udeservering med 6 borde og 24 stole på fortovet foran restauranten."]),
        {"Fedtudskiller": True, "Skilte": False})
    state = analyse(_mail(("ansoegning.docx", DOCX, form)), ctx)
    assert state.attachments[0].fields.get("Fedtudskiller") == "yes"
    assert set(state.task_types) == {"udeservering", "spildevand"}
