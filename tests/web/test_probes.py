"""/health, /ready and /metrics: what they report, read from the real database."""
from __future__ import annotations

from datetime import timedelta

from alembic import command
from alembic.script import ScriptDirectory
from prometheus_client.parser import text_string_to_metric_families
from sqlmodel import Session

from models import InboundMessage, OutboxMail, utcnow
from models.db import alembic_config
from routing.goals import local_date
from tests.web.conftest import store_case


def test_health_answers_while_the_process_serves(client):
    assert client.get("/health").json() == {"status": "ok"}
    for probe in ("/health", "/metrics"):       # load balancers probe with HEAD
        head = client.head(probe)
        assert head.status_code == 200 and head.content == b"", probe


def make_ready(settings):
    """What the embedded default needs to work: the Maildirs and an active model version."""
    settings.maildir.mkdir(parents=True)
    settings.model_dir.mkdir(parents=True)
    (settings.model_dir / "ACTIVE").write_text("1")


def test_ready_when_database_migrations_mailbox_smtp_and_model_are(settings, client):
    make_ready(settings)
    answer = client.get("/ready")
    assert answer.status_code == 200, answer.json()
    assert set(answer.json()["checks"]) == {"database", "migrations", "mailbox", "smtp", "model", "workers"}
    assert answer.json()["checks"]["workers"]["detail"] == "attachments read by the service"


def test_not_ready_without_a_model_names_the_check(settings, client):
    make_ready(settings)
    (settings.model_dir / "ACTIVE").unlink()
    answer = client.get("/ready")
    assert answer.status_code == 503
    assert [n for n, c in answer.json()["checks"].items() if not c["ok"]] == ["model"]


def test_not_ready_when_the_database_is_behind_the_code(settings, context, client):
    make_ready(settings)
    command.stamp(alembic_config(context.engine), "0002")
    answer = client.get("/ready").json()
    head = ScriptDirectory.from_config(alembic_config(context.engine)).get_current_head()
    assert answer["checks"]["migrations"] == {"ok": False, "detail": f"RuntimeError: database at 0002, code at {head}"}


def test_not_ready_when_the_smtp_server_refuses(tmp_path):
    from fastapi.testclient import TestClient

    from intake.web.app import create_app
    from intake.web.context import web_context
    from tests.web.conftest import web_settings

    settings = web_settings(tmp_path, smtp_host="127.0.0.1", smtp_port="1")
    ctx = web_context(settings)
    try:
        checks = TestClient(create_app(ctx)).get("/ready").json()["checks"]
        assert not checks["smtp"]["ok"] and "ConnectionRefused" in checks["smtp"]["detail"]
    finally:
        ctx.engine.dispose()


def samples(client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = client.get("/metrics").text
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def test_metrics_count_messages_outbox_quarantine_and_latency(context, client):
    now = utcnow()
    with Session(context.engine) as s:
        for i, (status, outcome) in enumerate([("done", "case"), ("done", "case"), ("quarantined", "quarantined")]):
            s.add(InboundMessage(source="INBOX", uid=str(i), sha256=str(i), received_at=now, status=status,
                                 outcome=outcome, raw=b"", created_at=now - timedelta(seconds=20)))
        s.flush()
        s.add(OutboxMail(purpose="acknowledgement", recipient="a@b.dk", message_id="<1>", raw=b"", status="sent",
                         inbound_id=1, sent_at=now))
        s.add(OutboxMail(purpose="status", recipient="a@b.dk", message_id="<2>", raw=b"", status="pending"))
        s.add(OutboxMail(purpose="status", recipient="a@b.dk", message_id="<3>", raw=b"", status="failed"))
        s.commit()
    got = samples(client)
    assert got[("intake_messages_total", (("outcome", "case"),))] == 2
    assert got[("intake_messages_total", (("outcome", "quarantined"),))] == 1
    assert got[("intake_quarantine_size", ())] == 1
    assert got[("intake_outbox_backlog", ())] == 1 and got[("intake_outbox_failed", ())] == 1
    assert got[("intake_acknowledgement_latency_seconds_bucket", (("le", "15.0"),))] == 0
    assert got[("intake_acknowledgement_latency_seconds_bucket", (("le", "30.0"),))] == 1
    assert got[("intake_acknowledgement_latency_seconds_count", ())] == 1


def test_metrics_count_messages_refused_for_their_size_apart_from_the_quarantine(context, client):
    """An oversized message (kept in the Quarantine folder, not replayable) was in no gauge."""
    now = utcnow()
    with Session(context.engine) as s:
        for i, (status, outcome) in enumerate([("quarantined", "quarantined"), ("done", "refused"),
                                               ("done", "refused"), ("done", "case")]):
            s.add(InboundMessage(source="INBOX", uid=str(i), sha256=str(i), received_at=now, status=status,
                                 outcome=outcome, raw=b""))
        s.commit()
    got = samples(client)
    assert got[("intake_quarantine_size", ())] == 1 and got[("intake_quarantine_oversized", ())] == 2


def test_metrics_say_whether_the_service_waits_for_mail(context, client):
    """A stopped or hung `intake serve` was invisible: /ready stays 200 (the web runs without it)."""
    from intake.service import SERVICE_STOPPED
    from models import ServiceBeat

    got = samples(client)
    assert got[("intake_service_up", ())] == 0 and got[("intake_service_last_wait_timestamp_seconds", ())] == 0
    waited = utcnow() - timedelta(seconds=40)
    with Session(context.engine) as s:
        s.merge(ServiceBeat(kind="wait", at=waited, detail="no mail in 30 s"))
        s.commit()
    got = samples(client)
    assert got[("intake_service_up", ())] == 1
    assert abs(got[("intake_service_last_wait_timestamp_seconds", ())] - waited.timestamp()) < 1
    with Session(context.engine) as s:
        s.merge(ServiceBeat(kind="wait", at=utcnow(), detail=SERVICE_STOPPED))
        s.commit()
    assert samples(client)[("intake_service_up", ())] == 0


def test_metrics_show_the_inbox_backlog_the_service_last_saw(context, client):
    """A backlog in the inbox (a slow service, a stuck message ahead of it) was invisible to /metrics."""
    from intake.service import INBOX_BEAT
    from models import ServiceBeat

    assert samples(client)[("intake_inbox_waiting_messages", ())] == 0
    with Session(context.engine) as s:
        s.merge(ServiceBeat(kind=INBOX_BEAT, at=utcnow(), detail="42"))
        s.commit()
    assert samples(client)[("intake_inbox_waiting_messages", ())] == 42


def test_metrics_count_open_parts_overdue_and_at_risk_per_office(context, client):
    from tests.intake.casefactory import local

    today = local_date(utcnow())
    long_ago = local(today.year - 1, 1, 5)
    store_case(context, received=long_ago)                                          # udeservering: overdue
    store_case(context, received=long_ago, decided=local(today.year - 1, 1, 9))     # decided: not counted
    store_case(context, task_types=("vejareal",), received=long_ago)               # another office: overdue
    got = samples(client)
    assert got[("intake_parts_overdue", (("office", "byliv"),))] == 1
    overdue = {labels: v for (name, labels), v in got.items() if name == "intake_parts_overdue" and v}
    assert sum(overdue.values()) == 2
    assert got[("intake_parts_at_risk", (("office", "byliv"),))] == 0
