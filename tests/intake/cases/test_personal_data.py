"""Personal data (issue 13 §7): export, erasure and retention on SQLite and PostgreSQL, through the real runner."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from intake.cases import lifecycle as cases
from intake.cases.compliance import compliance
from intake.cases.lifecycle import Desk
from intake.cases.personal_data import OpenCases, Subject, erase, export_zip, retention
from intake.errors import RequestRefused
from intake.jobs import retention_job
from intake.settings import load_settings
from models import AttachmentRead, Case, CaseEvent, InboundMessage, OutboxMail, PrivacyAudit
from models.db import open_database
from tests.intake.mailbuilder import application

ANNA, BO = "anna@holm-maling.dk", "bo@bo-byg.dk"
NOW = datetime(2033, 1, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def service(request, tmp_path, model_dir):
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner

    url = f"sqlite:///{tmp_path / 'intake.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    env = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir), "INTAKE_DATABASE_URL": url}
    settings = load_settings(env=env)
    engine = open_database(settings.database_url)
    ctx = build_context(settings)
    runner = Runner(ctx, engine, MaildirMailbox(settings.maildir))
    return runner, engine, Desk(settings, ctx.catalogue, ctx.calendar), env


def apply(runner, sender: str, cvr: str = "") -> str:
    body = ("Hej\n\nVi søger om stillads på fortovet foran Nørrebrogade 20, 2200 København N, i 3 uger fra "
            f"1. marts 2027.\n\nMed venlig hilsen\n{sender}\n" + (f"CVR {cvr}\n" if cvr else ""))
    runner.mailbox.deliver(application(sender=sender, subject="Stillads", body=body).as_bytes())
    (outcome,) = runner.process_batch()
    return outcome.reference


def close(engine, desk, reference: str, closed_at: datetime) -> None:
    with Session(engine) as s:
        cases.approve(s, reference, actor="karen", desk=desk)
        cases.close(s, reference, actor="karen", desk=desk)
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        case.closed_at = closed_at
        s.add(case)
        s.commit()


def case_row(engine, reference: str) -> Case:
    with Session(engine) as s:
        return s.exec(select(Case).where(Case.reference == reference)).one()


def stored_mail(engine, reference: str) -> tuple[list[bytes], list[bytes]]:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        inbound = [m.raw for m in s.exec(select(InboundMessage).where(InboundMessage.case_id == case.id))]
        outbox = [m.raw for m in s.exec(select(OutboxMail).where(OutboxMail.case_id == case.id))]
        return inbound, outbox


def audits(engine) -> list[PrivacyAudit]:
    with Session(engine) as s:
        return list(s.exec(select(PrivacyAudit).order_by(PrivacyAudit.id)))  # type: ignore[arg-type]


def test_export_holds_every_case_and_mail_of_the_address(service):
    runner, engine, _, _ = service
    mine, other = apply(runner, f"Anna Holm <{ANNA}>"), apply(runner, f"Bo <{BO}>")
    with Session(engine) as s:
        data, held = export_zip(s, Subject(email=ANNA.upper()), actor="dpo")
        s.commit()
    zf = zipfile.ZipFile(io.BytesIO(data))
    exported = json.loads(zf.read("cases.json"))
    assert [c["reference"] for c in exported] == [mine] and other not in zf.read("cases.json").decode()
    assert exported[0]["events"] and exported[0]["parts"][0]["task_type"]
    received = [n for n in zf.namelist() if n.startswith("received/")]
    sent = [n for n in zf.namelist() if n.startswith("sent/")]
    assert len(received) == 1 and ANNA in zf.read(received[0]).decode()
    assert any(n.endswith("-acknowledgement.eml") for n in sent)
    (audit,) = audits(engine)
    assert (audit.action, audit.actor, audit.subject_kind) == ("export", "dpo", "email")
    assert audit.subject_sha256 == hashlib.sha256(ANNA.encode()).hexdigest() and ANNA not in audit.detail


def test_erasure_removes_the_personal_data_and_keeps_the_figures(service):
    runner, engine, desk, _ = service
    mine, other = apply(runner, f"Anna Holm <{ANNA}>", cvr="72494814"), apply(runner, f"Bo <{BO}>")
    close(engine, desk, mine, datetime.now(UTC))
    with Session(engine) as s:  # what a queue-mode worker read of an attachment
        rec = s.exec(select(InboundMessage).where(InboundMessage.case_id == case_row(engine, mine).id)).one()
        s.add(AttachmentRead(inbound_id=rec.id, position=0, result_json='{"text": "Anna Holm"}', applied=True))
        s.commit()
    before = compliance(engine, desk.catalogue, desk.calendar, now=NOW)
    with Session(engine) as s:
        held = erase(s, Subject(email=ANNA), actor="dpo")
        s.commit()
    assert held.references == (mine,)
    case = case_row(engine, mine)
    assert (case.applicant_email, case.sender, case.subject, case.company_name, case.cvr) == ("", "", "", None, None)
    assert case.details_json == "{}" and case.classifier_text == "" and case.purged_at is not None
    inbound, outbox = stored_mail(engine, mine)
    assert inbound == [b""] and set(outbox) == {b""}
    with Session(engine) as s:
        assert s.exec(select(AttachmentRead)).all() == []
    with Session(engine) as s:
        assert all(e.detail == "" for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)))
    assert compliance(engine, desk.catalogue, desk.calendar, now=NOW) == before, "the figures stay"
    assert case_row(engine, other).applicant_email == BO, "nobody else's data is touched"
    assert [a.action for a in audits(engine)] == ["erase"]
    with Session(engine) as s:
        assert export_zip(s, Subject(email=ANNA), actor="dpo")[1].references == ()


def test_erasure_refuses_undecided_cases_unless_asked(service):
    runner, engine, _, _ = service
    mine = apply(runner, f"Anna Holm <{ANNA}>")
    with Session(engine) as s, pytest.raises(OpenCases, match=mine):
        erase(s, Subject(email=ANNA), actor="dpo")
    with Session(engine) as s:
        erase(s, Subject(email=ANNA), actor="dpo", include_open=True)
        s.commit()
    assert case_row(engine, mine).purged_at is not None


def test_a_subject_is_one_address_or_one_cvr():
    with pytest.raises(RequestRefused):
        Subject()
    with pytest.raises(RequestRefused):
        Subject(email=ANNA, cvr="72494814")
    assert Subject(cvr="CVR 72 49 48 14").cvr == "72494814"


def test_retention_purges_only_cases_closed_longer_ago_than_the_period(service):
    runner, engine, desk, _ = service
    old, recent, still_open = (apply(runner, f"Anna Holm <{ANNA}>") for _ in range(3))
    close(engine, desk, old, NOW - timedelta(days=1827))
    close(engine, desk, recent, NOW - timedelta(days=30))
    with Session(engine) as s:
        dry = retention(s, 1826, dry_run=True, now=NOW)
        s.commit()
    assert dry.cases == (old,) and case_row(engine, old).purged_at is None and audits(engine) == []
    with Session(engine) as s:
        done = retention(s, 1826, now=NOW)
        s.commit()
    assert done.cases == (old,) and case_row(engine, old).purged_at is not None
    assert stored_mail(engine, old)[0] == [b""]
    assert case_row(engine, recent).applicant_email == ANNA and case_row(engine, still_open).purged_at is None
    assert [a.action for a in audits(engine)] == ["retention"]
    with Session(engine) as s:
        assert retention(s, 1826, now=NOW).cases == (), "a purged case is not purged again"


def test_retention_removes_old_mail_that_belongs_to_no_case(service):
    runner, engine, _, _ = service
    runner.mailbox.deliver(application(subject="Automatisk svar: Jeg er på ferie", Auto_Submitted="auto-replied")
                           .as_bytes())
    (skipped,) = runner.process_batch()
    assert skipped.outcome == "skipped"
    with Session(engine) as s:
        assert retention(s, 1826, now=NOW).stray_messages == 1
        s.commit()
        rec = s.get(InboundMessage, skipped.inbound_id)
        assert rec is not None and rec.raw == b"" and rec.sender == ""


def test_the_serve_job_runs_retention_with_the_configured_period(service):
    runner, engine, desk, _ = service
    old = apply(runner, f"Anna Holm <{ANNA}>")
    close(engine, desk, old, datetime.now(UTC) - timedelta(days=400))
    assert retention_job(engine, runner.ctx).cases == ()
    short = runner.ctx.__class__(**{**runner.ctx.__dict__,
                                    "settings": load_settings(env={"INTAKE_RETENTION_DAYS": "365",
                                                                   "INTAKE_DATA_DIR": "unused"})})
    assert retention_job(engine, short).cases == (old,)


def test_the_cli_exports_and_erases(service, tmp_path):
    from intake.cli import app

    runner, engine, desk, env = service
    mine = apply(runner, f"Anna Holm <{ANNA}>", cvr="72494814")
    close(engine, desk, mine, datetime.now(UTC))
    out = tmp_path / "anna.zip"
    cli = CliRunner()
    result = cli.invoke(app, ["privacy", "export", "--email", ANNA, "-o", str(out), "--actor", "dpo"], env=env)
    assert result.exit_code == 0, result.output
    assert "1 case(s)" in result.output and zipfile.is_zipfile(out)
    result = cli.invoke(app, ["privacy", "retention", "--dry-run"], env=env)
    assert result.exit_code == 0 and "would purge 0 case(s)" in result.output
    result = cli.invoke(app, ["privacy", "erase", "--email", ANNA, "--cvr", "1"], env=env)
    assert result.exit_code == 2 and "exactly one" in result.output   # options that do not go together
    result = cli.invoke(app, ["privacy", "erase", "--cvr", "72494814", "--actor", "dpo"], env=env)
    assert result.exit_code == 0 and mine in result.output
    assert case_row(engine, mine).cvr is None
