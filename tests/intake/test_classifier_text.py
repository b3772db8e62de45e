"""Training on labelled .eml files and serving read the same text, so the model is trained on what it is served."""
from __future__ import annotations

from classifier.data import read_eml
from intake.app import build_context
from intake.cli.classifier import eml_reader
from intake.pipeline import MessageState, classify, parse, read_attachments, run_stages
from intake.settings import load_settings
from models import utcnow
from tests.intake.attachments import builders
from tests.intake.mailbuilder import application

HTML_REPLY = ("<p>Hej</p><p>Vi s&oslash;ger om tilladelse til stillads p&aring; fortovet, se blanketten.</p>"
              "<blockquote><p>Tidligere besked om noget helt andet</p></blockquote>")


def labelled_eml(tmp_path):
    msg = application(subject="Ansøgning om stillads", X_Intake_Task_Types="stillads")
    msg.set_content(HTML_REPLY, subtype="html")
    msg.add_attachment(builders.docx_form([("Firmanavn", "Jensen Stilladser ApS")], ["Stillads 15 meter"]),
                       maintype="application", subtype="octet-stream", filename="blanket.docx")
    path = tmp_path / "ansøgning.eml"
    path.write_bytes(msg.as_bytes())
    return path


def test_the_text_trained_on_equals_the_text_served(tmp_path, model_dir):
    path = labelled_eml(tmp_path)
    ctx = build_context(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)}))
    served = run_stages((parse, read_attachments, classify), MessageState(path.read_bytes(), utcnow()), ctx)
    trained = read_eml(path, eml_reader)
    assert trained.text == served.classifier_text
    assert trained.labels == ("stillads",)


def test_the_classifier_reads_what_the_sender_wrote_now_and_the_attachments(tmp_path):
    subject, body, attachments = eml_reader(labelled_eml(tmp_path).read_bytes())
    assert subject == "Ansøgning om stillads" and "tilladelse til stillads" in body
    assert "Tidligere besked" not in body
    assert any("Jensen Stilladser ApS" in text for text in attachments)
