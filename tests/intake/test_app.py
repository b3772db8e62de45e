"""The wiring: settings reach the sandbox and the schedule; one catalogue and calendar; one way to send."""
from __future__ import annotations

import shutil
import socket
import threading
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from intake.app import (
    attachment_limits,
    build_context,
    build_desk,
    catalogue_and_calendar,
    configure_sandbox,
    open_engine,
    open_mailbox,
    send_now,
)
from intake.attachments import Limits, default_sandbox, extract_attachment
from intake.jobs import daily_overdue_job, retention_job, retrain_job
from intake.letters.sender import sender_from_settings
from intake.service import Service
from intake.settings import Settings, load_settings
from models import OutboxMail
from models.db import optimize
from routing.catalogue import BUNDLED_CATALOGUE
from tests.intake.attachments import builders

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


@pytest.fixture
def sandbox_back_to_default():
    """Tests here reconfigure the process-wide sandbox; put the default limits back afterwards."""
    yield
    configure_sandbox(Settings())


def settings_of(tmp_path, **env: str) -> Settings:
    return load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), **{f"INTAKE_{k.upper()}": v for k, v in env.items()}})


# -- attachment limits -------------------------------------------------------------------
def test_default_settings_give_the_default_limits():
    assert attachment_limits(Settings()) == Limits()


@needs_tesseract
def test_a_tiny_ocr_timeout_in_the_settings_makes_ocr_time_out(tmp_path, sandbox_back_to_default):
    photo = builders.text_image(["Tilladelse til stillads"], "PNG")
    build_context(settings_of(tmp_path, attachment_ocr_seconds="0.01"))
    result = extract_attachment("foto.png", "image/png", photo)
    assert (result.status, result.reason) == ("unreadable", "too_large")
    build_context(settings_of(tmp_path))
    assert "stillads" in extract_attachment("foto.png", "image/png", photo).text.lower()


def test_the_sandbox_gets_the_time_memory_and_worker_settings(tmp_path, sandbox_back_to_default):
    build_context(settings_of(tmp_path, attachment_seconds="12.5", attachment_memory_mb="700",
                              attachment_workers="1", attachment_max_mb="1"))
    box = default_sandbox()
    assert (box.limits.timeout_s, box.limits.memory_mb, box.workers) == (12.5, 700, 1)
    assert extract_attachment("stor.txt", "text/plain", b"x" * (1024 * 1024 + 1)).reason == "too_large"


def test_building_the_context_again_keeps_the_warm_sandbox(tmp_path, sandbox_back_to_default):
    settings = settings_of(tmp_path, attachment_seconds="20")
    first = configure_sandbox(settings)
    build_context(settings)
    assert default_sandbox() is first and not first.closed
    build_context(settings_of(tmp_path, attachment_seconds="21"))
    assert default_sandbox() is not first and first.closed


# -- the schedule ------------------------------------------------------------------------
def test_the_schedule_runs_each_job_at_the_interval_of_the_settings(tmp_path):
    settings = settings_of(tmp_path, outbox_flush_interval="3", model_check_interval="120",
                           digest_check_interval="45", retrain_check_interval="600", retention_check_interval="900")
    ctx = build_context(settings)
    service = Service(ctx, open_engine(settings), open_mailbox(settings), sender_from_settings(settings))
    periods = {job.job_func.func: timedelta(**{job.unit: job.interval}) for job in service._schedule().jobs}
    assert periods == {service.flush: timedelta(seconds=3), ctx.models.get: timedelta(seconds=120),
                       daily_overdue_job: timedelta(seconds=45), service.retrain_aside: timedelta(seconds=600),
                       retention_job: timedelta(seconds=900), optimize: timedelta(seconds=120)}


def test_the_scheduled_retraining_works_with_the_service_context(tmp_path, caplog):
    """The retraining job is given the engine and the context; without corrections it does nothing."""
    settings = settings_of(tmp_path)
    ctx = build_context(settings)
    service = Service(ctx, open_engine(settings), open_mailbox(settings), sender_from_settings(settings))
    (job,) = [job for job in service._schedule().jobs if job.job_func.func == service.retrain_aside]
    job.job_func().join(120)
    assert retrain_job(service.engine, ctx) is None
    assert "scheduled retraining failed" not in caplog.text


def test_the_scheduled_retraining_runs_beside_the_mail(tmp_path, monkeypatch):
    """Training takes a minute or two: the loop goes on with the mail meanwhile, and one retraining runs at a time."""
    started, release, calls = threading.Event(), threading.Event(), []

    def slow_job(engine, ctx):
        calls.append((engine, ctx))
        started.set()
        release.wait(10)

    monkeypatch.setattr("intake.service.retrain_job", slow_job)
    settings = settings_of(tmp_path)
    ctx = build_context(settings)
    service = Service(ctx, open_engine(settings), open_mailbox(settings), sender_from_settings(settings))
    (job,) = [job for job in service._schedule().jobs if job.job_func.func == service.retrain_aside]
    first = job.job_func()
    assert started.wait(5)
    assert job.job_func() is first and not release.is_set()   # back at once, and no second run beside the first
    assert service.process_once() == []                       # the loop goes on while the model trains
    release.set()
    first.join(5)
    assert calls == [(service.engine, ctx)] and not first.is_alive()


def test_the_scheduled_deadline_mail_works_with_the_service_context(tmp_path):
    """The digest job is given the engine and the context (its catalogue, calendar and settings)."""
    settings = settings_of(tmp_path)
    ctx = build_context(settings)
    service = Service(ctx, open_engine(settings), open_mailbox(settings), sender_from_settings(settings))
    (digest,) = [job for job in service._schedule().jobs if job.job_func.func is daily_overdue_job]
    assert digest.job_func.args == (service.engine, ctx)
    assert digest.job_func() == 0  # no cases: nothing to send, and no error


# -- one catalogue and calendar ----------------------------------------------------------
def test_catalogue_and_calendar_are_loaded_once_per_settings(tmp_path):
    settings = settings_of(tmp_path)
    catalogue, calendar = catalogue_and_calendar(settings)
    ctx, desk = build_context(settings), build_desk(settings)
    assert ctx.catalogue is catalogue and ctx.calendar is calendar
    assert desk.catalogue is catalogue and desk.calendar is calendar
    assert catalogue_and_calendar(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path)}))[0] is catalogue


def test_the_calendar_has_the_closure_days_of_the_configured_catalogue(tmp_path):
    path = tmp_path / "catalogue.toml"
    path.write_text(BUNDLED_CATALOGUE.read_text(encoding="utf-8").replace(
        "extra_closure_days = []", 'extra_closure_days = ["2026-12-28"]', 1), encoding="utf-8")
    settings = settings_of(tmp_path, catalogue_path=str(path))
    assert not build_desk(settings).calendar.is_working_day(date(2026, 12, 28))
    assert not build_context(settings).calendar.is_working_day(date(2026, 12, 28))
    assert build_context(settings_of(tmp_path)).calendar.is_working_day(date(2026, 12, 28))


# -- sending from the commands -----------------------------------------------------------
def queue_one(engine) -> None:
    with Session(engine) as session:
        session.add(OutboxMail(purpose="case_approved", recipient="r@example.org", message_id="<m1@x>",
                               raw=b"Subject: s\r\n\r\nbody\r\n"))
        session.commit()


def test_send_now_sends_what_is_due_with_the_settings(tmp_path):
    settings = settings_of(tmp_path)
    engine = open_engine(settings)
    queue_one(engine)
    assert send_now(engine, settings) == 1
    assert len(list((settings.outbox_maildir / "new").iterdir())) == 1


def test_send_now_leaves_the_mail_for_the_service_when_the_server_is_down(tmp_path):
    with socket.socket() as probe:          # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = settings_of(tmp_path, smtp_host="127.0.0.1", smtp_port=str(port), smtp_security="none",
                           smtp_timeout="2")
    engine = open_engine(settings)
    queue_one(engine)
    assert send_now(engine, settings) == 0
    with Session(engine) as session:
        (mail,) = session.exec(select(OutboxMail)).all()
    assert (mail.status, mail.attempts) == ("pending", 0), "a relay that is down costs the mail no attempt"
    assert "unavailable" in mail.last_error


def test_send_now_leaves_the_mail_to_a_running_service(tmp_path):
    """While a service runs (it waited for mail lately), commands and the desk only queue; a beat older than
    the longest wait means no service runs, and the command sends itself."""
    from intake.app import service_running
    from models import ServiceBeat, utcnow

    settings = settings_of(tmp_path)
    engine = open_engine(settings)
    queue_one(engine)
    with Session(engine) as session:
        session.add(ServiceBeat(kind="wait", at=utcnow() - timedelta(seconds=5), detail="no mail in 30 s"))
        session.commit()
    assert service_running(engine, settings)
    assert send_now(engine, settings) == 0
    with Session(engine) as session:
        assert session.exec(select(OutboxMail.status)).one() == "pending"
        beat = session.get(ServiceBeat, "wait")
        beat.at = utcnow() - timedelta(minutes=10)  # the service stopped long ago
        session.add(beat)
        session.commit()
    assert not service_running(engine, settings)
    assert send_now(engine, settings) == 1


def test_a_service_that_stops_cleanly_leaves_the_sending_to_the_commands_at_once(tmp_path, model_dir):
    """SIGTERM: the last beat says the service stopped, so a caseworker's command sends its own mail straight away
    instead of leaving it for a service that no longer runs (for up to the beat's minute of freshness)."""
    from intake.app import service_running
    from models import ServiceBeat, utcnow

    settings = settings_of(tmp_path, model_dir=str(model_dir))
    engine = open_engine(settings)
    with Session(engine) as session:
        session.add(ServiceBeat(kind="wait", at=utcnow(), detail="no mail in 30 s"))
        session.commit()
    assert service_running(engine, settings)
    service = Service(build_context(settings), engine, open_mailbox(settings), sender_from_settings(settings))
    service.stopping = True                      # as the signal handler sets it
    service.serve()
    assert not service_running(engine, settings)
    queue_one(engine)
    assert send_now(engine, settings) == 1
