"""The `intake` command as an operator and a newcomer use it."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from email import message_from_bytes, policy
from importlib import resources

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from intake import cli
from models import Case, CasePart, InboundMessage
from models.db import open_database
from routing.catalogue import load_catalogue
from tests.intake.attachments.builders import (
    acroform_pdf,
    docx_form,
    encrypted_pdf,
    scanned_pdf,
)
from tests.intake.mailbuilder import application

REQUIRED = {"kind", "language", "task_types", "confidence", "office", "needs_triage", "service_goal", "received",
            "due_date", "expected_completion_week", "tracking_reference", "details", "attachments",
            "external_topics"}


@pytest.fixture
def run(embedded_env):
    runner = CliRunner()

    def invoke(*args: str):
        cli.common.state.clear()
        result = runner.invoke(cli.app, list(args), catch_exceptions=False)
        return result

    return invoke


def classify(run, tmp_path, msg, *extra):
    path = tmp_path / "msg.eml"
    path.write_bytes(msg.as_bytes())
    result = run("classify", str(path), "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_classify_prints_one_json_object_with_every_key(run, tmp_path):
    out = classify(run, tmp_path, application(when=datetime(2026, 12, 18, 10, 0, tzinfo=UTC)))
    assert REQUIRED <= out.keys()
    assert out["kind"] == "application" and out["task_types"][0] == "vejareal" and out["office"] == "trafik"
    assert out["service_goal"] == {"value": 10, "unit": "working_days"}
    # Received Fri 18 Dec 2026; 10 working days skip 24-26 Dec? Only 25 and 26 are holidays
    # (26 is a Saturday anyway): 21,22,23,24,28,29,30,31 Dec, 4, 5 Jan -> 2027-01-05 (1 Jan is a holiday).
    assert out["received"].startswith("2026-12-18")
    assert out["due_date"] == "2027-01-05" and out["expected_completion_week"] == "2027-W01"
    assert out["details"]["cvr"] == "72494814" and out["details"]["phone"] == "20304050"
    assert out["tracking_reference"] is None


def test_received_option_overrides_the_date_header(run, tmp_path):
    out = classify(run, tmp_path, application(), "--received", "2026-12-28T09:00:00")
    # 10 working days after Mon 28 Dec 2026: 29,30,31 Dec, 4-8 Jan, 11, 12 Jan (1 Jan is a holiday).
    assert out["due_date"] == "2027-01-12" and out["expected_completion_week"] == "2027-W02"


def test_a_receipt_time_no_due_date_can_follow_is_a_usage_error_not_a_traceback(run, tmp_path):
    path = tmp_path / "msg.eml"
    path.write_bytes(application().as_bytes())
    result = run("classify", str(path), "--json", "--received", "9999-12-30")
    assert result.exit_code == 2 and "between the years 2000 and 2200" in result.output
    assert "Traceback" not in result.output


def test_classify_stores_and_sends_nothing(run, tmp_path):
    classify(run, tmp_path, application())
    data = tmp_path / "data"
    assert not (data / "intake.db").exists() and not (data / "outbox").exists()


def test_auto_reply_is_classified_as_such_with_no_task_types(run, tmp_path):
    out = classify(run, tmp_path, application(subject="Automatic reply: Ansøgning", Auto_Submitted="auto-replied"))
    assert out["kind"] == "auto_reply" and out["task_types"] == [] and out["office"] is None
    assert out["reason"]


def _registered_case(run, tmp_path) -> str:
    """Process one application through the embedded default; returns its reference."""
    from intake.mailbox.maildir import MaildirMailbox

    MaildirMailbox(tmp_path / "data" / "mailbox").deliver(application().as_bytes())
    assert run("process", "--once").exit_code == 0
    engine = open_database(f"sqlite:///{tmp_path / 'data' / 'intake.db'}")
    with Session(engine) as s:
        (case,) = s.exec(select(Case)).all()
    return case.reference


def test_follow_up_quoting_a_reference_is_recognised(run, tmp_path):
    reference = _registered_case(run, tmp_path)
    out = classify(run, tmp_path, application(subject=f"Re: [{reference}] Kvittering",
                                              body="Her er de tegninger, I bad om."))
    assert out["kind"] == "follow_up" and out["tracking_reference"] == reference
    assert out["task_types"] == []


def test_status_question_is_recognised(run, tmp_path):
    reference = _registered_case(run, tmp_path)
    out = classify(run, tmp_path, application(subject="Status?", body=f"Hvad er status på {reference}?"))
    assert out["kind"] == "status_query"


def test_dry_run_and_service_agree_on_a_reference_the_sender_does_not_own(run, tmp_path):
    """Quoting a reference of someone else's case (or of no case) is a new application, as in the service."""
    reference = _registered_case(run, tmp_path)
    stranger = application(sender="Eva Holm <eva@holm-skilte.dk>", subject=f"Som sidste år, ref. {reference}")
    out = classify(run, tmp_path, stranger)
    assert out["kind"] == "application" and out["task_types"] and out["tracking_reference"] == reference
    unknown = classify(run, tmp_path, application(subject="Re: [KBH-2025-003391] Kvittering"))
    assert unknown["kind"] == "application" and unknown["task_types"]


def test_classify_creates_no_database(run, tmp_path):
    classify(run, tmp_path, application(subject="Re: [KBH-2026-000417] Kvittering"))
    assert not (tmp_path / "data" / "intake.db").exists()


def test_unreadable_attachment_is_listed_with_its_reason(run, tmp_path):
    msg = application()
    msg.add_attachment(encrypted_pdf(["Ansøgning om stillads"]), maintype="application", subtype="pdf",
                       filename="ansøgning.pdf")
    out = classify(run, tmp_path, msg)
    assert out["attachments"] == [{"filename": "ansøgning.pdf", "type": "pdf", "status": "unreadable",
                                   "reason": "encrypted"}]


def test_process_once_ends_with_the_track_link_of_a_sample_case(run, tmp_path):
    """The newcomer's first command prints a track link whose token names one of the cases just made."""
    import re

    from intake.settings import load_settings
    from intake.tracking import read_token

    assert run("samples", "load").exit_code == 0
    result = run("process", "--once")
    found = re.search(r"The track page of (KBH-\d{4}-\d{6}) \(start it with 'intake web'\): "
                      r"http://127\.0\.0\.1:8000/track/(\S+)", result.output)
    assert found is not None, result.output
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "data")})
    assert read_token(settings, found.group(2)) == found.group(1)


def test_samples_then_process_once_shows_a_table_and_writes_the_outbox(run, tmp_path):
    assert run("samples", "load").exit_code == 0
    result = run("process", "--once")
    assert result.exit_code == 0, result.output
    count = len([f for f in resources.files("intake.samples").iterdir() if f.name.endswith(".eml")])
    engine = open_database(f"sqlite:///{tmp_path / 'data' / 'intake.db'}")
    with Session(engine) as s:
        cases = s.exec(select(Case)).all()
        inbound = s.exec(select(InboundMessage)).all()
        parts = s.exec(select(CasePart)).all()
    assert len(inbound) == count and len(cases) == count - 1, "one sample is an out-of-office reply"
    for case in cases:
        assert case.reference in result.output
    for part in parts:
        assert part.expected_week in result.output and part.task_type in result.output
    forwarded = next(c for c in cases if c.forwarded_by)
    assert (forwarded.forwarded_by, forwarded.applicant_email) == ("lobe@kk.example", "nadia@haddads-falafel.dk")
    several = [c for c in cases if len({p.office for p in parts if p.case_id == c.id}) > 1]
    assert several, "the restaurant opening is one case with a part for each office"
    outbox = list((tmp_path / "data" / "outbox" / "new").iterdir())
    acks = {m["Message-ID"] for m in (message_from_bytes(p.read_bytes(), policy=policy.default) for p in outbox)
            if m["Subject"].startswith("[KBH-") and "Kvittering" in m["Subject"] or "Acknowledgement" in m["Subject"]}
    assert len(acks) == len(cases), "one acknowledgement per case (copies to a contact person share its id)"
    assert "outbox" in result.output


def test_encrypted_attachment_gets_a_polite_sentence_in_the_acknowledgement(run, tmp_path):
    from intake.mailbox.maildir import MaildirMailbox

    msg = application()
    msg.add_attachment(encrypted_pdf(["Ansøgning om stillads"]), maintype="application", subtype="pdf",
                       filename="ansøgning.pdf")
    MaildirMailbox(tmp_path / "data" / "mailbox").deliver(msg.as_bytes())
    assert run("process", "--once").exit_code == 0
    (path,) = [p for p in (tmp_path / "data" / "outbox" / "new").iterdir()
               if b"auto-replied" in p.read_bytes()]
    body = message_from_bytes(path.read_bytes(), policy=policy.default).get_content()
    assert "ansøgning.pdf" in body and "adgangskode" in body


def test_quarantine_list_and_replay(run, tmp_path, monkeypatch):
    from intake import pipeline
    from intake.mailbox.maildir import MaildirMailbox

    MaildirMailbox(tmp_path / "data" / "mailbox").deliver(application().as_bytes())

    def broken(state, ctx):
        raise RuntimeError("detail extraction bug")

    good = pipeline.ANALYSIS
    monkeypatch.setattr("intake.runner.ANALYSIS", (pipeline.read_attachments, broken))
    assert run("process", "--once").exit_code == 0
    listing = run("quarantine", "list")
    assert "detail extraction bug" in listing.output and "jensen-stilladser.dk" in listing.output
    failed = run("quarantine", "replay", "1")
    assert failed.exit_code == 1 and "quarantined" in failed.output
    monkeypatch.setattr("intake.runner.ANALYSIS", good)
    replayed = run("quarantine", "replay", "1")
    assert replayed.exit_code == 0 and "case KBH-" in replayed.output
    assert "detail extraction bug" not in run("quarantine", "list").output


def test_a_message_refused_for_its_size_is_listed_with_its_reason_and_not_replayed(run, tmp_path, monkeypatch):
    """It sits in the mailbox's Quarantine folder, but `quarantine list` did not show it (its status is done)."""
    from intake.mailbox.maildir import MaildirMailbox

    monkeypatch.setenv("INTAKE_MAX_MESSAGE_MB", "0.01")
    msg = application()
    msg.add_attachment(b"x" * 20_000, maintype="application", subtype="octet-stream", filename="big.bin")
    MaildirMailbox(tmp_path / "data" / "mailbox").deliver(msg.as_bytes())
    assert run("process", "--once").exit_code == 0
    listing = run("quarantine", "list").output
    assert "jensen-stilladser.dk" in listing and "refused unread" in listing and "replayable" in listing
    replay = CliRunner().invoke(cli.app, ["quarantine", "replay", "1"])
    assert replay.exit_code == 1 and "refused unread for its size" in " ".join(replay.output.split())


def test_unknown_quarantine_id_is_a_clear_error(run):
    result = CliRunner().invoke(cli.app, ["quarantine", "replay", "999"])
    assert result.exit_code != 0


def test_acroform_pdf_fields_become_details_with_their_source(run, tmp_path):
    msg = application(body="Hej\n\nSe vedhæftede ansøgning om stillads.\n")
    form = acroform_pdf({"Virksomhedens navn": "Holm Facader ApS", "CVR-nummer": "DK 38 11 27 59",
                         "Telefon": "+45 31 22 41 90", "Placering": "Vesterbrogade 88, 1620 København V"})
    msg.add_attachment(form, maintype="application", subtype="pdf", filename="ansøgning.pdf")
    out = classify(run, tmp_path, msg)
    assert out["details"]["company_name"] == "Holm Facader ApS"
    assert out["details"]["cvr"] == "38112759" and out["details"]["cvr_valid"] is True
    assert out["details"]["phone"] == "31224190"
    assert out["details_sources"]["company_name"] == "ansøgning.pdf"


def test_word_form_table_with_an_invalid_cvr_is_kept_and_flagged(run, tmp_path):
    msg = application(body="Se vedhæftede.\n")
    msg.add_attachment(docx_form([("Firmanavn", "Nørre Skilte ApS"), ("CVR-nr.", "12 34 56 78"),
                                  ("Kontaktperson", "Sara Lund"), ("Telefon", "12 34 56 78")],
                                 paragraphs=["Ansøgning om facadeskilt"]),
                       maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="skema.docx")
    out = classify(run, tmp_path, msg)
    assert out["details"]["cvr"] == "12345678" and out["details"]["cvr_valid"] is False
    assert out["details"]["contact_name"] == "Sara Lund"


def test_scanned_application_is_read_through_ocr(run, tmp_path):
    msg = application(body="Se den indscannede ansøgning.\n")
    msg.add_attachment(scanned_pdf(["Ansøgning om gravetilladelse", "Firma: Nielsen Entreprise A/S",
                                    "Telefon: 20 30 40 50", "Vi skal grave i fortovet for en ny stikledning."]),
                       maintype="application", subtype="pdf", filename="scan.pdf")
    out = classify(run, tmp_path, msg)
    assert out["attachments"][0]["status"] == "read"
    assert out["details"]["phone"] == "20304050"


def test_classify_json_gives_the_checklist_with_catalogue_item_ids(run, tmp_path):
    out = classify(run, tmp_path, application())
    checklist = out["checklist"]
    ids = {i.id for i in load_catalogue().task("vejareal").checklist}
    assert set(checklist["have"]) | set(checklist["missing"]) == ids
    assert {"site", "equipment", "period"} <= set(checklist["have"])
    assert checklist["parts"]["vejareal"]["have"]["site"] in ("body", "subject")
