"""``/health`` (liveness), ``/ready`` (can we work?) and ``/metrics`` (Prometheus).

``/ready`` answers 200 when every check passes and 503 otherwise, as JSON
naming each check: the database answers, its migrations are at head, the
mailbox and the SMTP server accept a TCP connection (the local Maildirs exist,
in the embedded default), and a classifier model is active. ``/metrics`` is
read from the database at each scrape (``prometheus-client`` custom
collector), so it is right whichever process did the work: messages by
outcome, acknowledgement latency, outbox backlog and failures, quarantine size,
the inbox backlog as the service last saw it, and open parts at risk and overdue per office.
"""
from __future__ import annotations

import socket
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlmodel import Session, col, func, select

from classifier.store import ModelStore
from intake.cases.parts import OPEN_PART_STATUSES
from intake.refusals import refused_for_size
from intake.web.context import WebContext, get_context
from models import CasePart, InboundMessage, OutboxMail, ServiceBeat, as_utc, utcnow
from models.db import alembic_config
from routing import clock
from routing.goals import local_date

router = APIRouter()
CONNECT_TIMEOUT = 3.0
LATENCY_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 900.0, 3600.0)
LATENCY_WINDOW = timedelta(days=7)


@router.api_route("/health", methods=["GET", "HEAD"])   # (load balancers probe with HEAD)
def health() -> dict[str, str]:
    """The process serves requests."""
    return {"status": "ok"}


@router.api_route("/ready", methods=["GET", "HEAD"])
def ready(ctx: Annotated[WebContext, Depends(get_context)]) -> JSONResponse:
    """Every check with its result; 503 when one fails."""
    checks = {name: _run(check, ctx) for name, check in CHECKS.items()}
    ok = all(c["ok"] for c in checks.values())
    return JSONResponse({"status": "ready" if ok else "not ready", "checks": checks}, status_code=200 if ok else 503)


def _run(check: Callable[[WebContext], str], ctx: WebContext) -> dict[str, object]:
    try:
        return {"ok": True, "detail": check(ctx)}
    except Exception as err:  # noqa: BLE001 -- any failure of a check is "not ready", named, never a crash
        return {"ok": False, "detail": f"{type(err).__name__}: {str(err)[:200]}"}


def check_database(ctx: WebContext) -> str:
    with ctx.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return "answers"


def check_migrations(ctx: WebContext) -> str:
    head = ScriptDirectory.from_config(alembic_config(ctx.engine)).get_current_head()
    with ctx.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current != head:
        raise RuntimeError(f"database at {current}, code at {head}")
    return f"at {head}"


def _reachable(host: str, port: int) -> str:
    with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
        return f"{host}:{port} accepts connections"


def _folder(path: Path | None) -> str:
    if path is None or not Path(path).is_dir():
        raise FileNotFoundError(f"no folder {path}")
    return f"local folder {path}"


def check_mailbox(ctx: WebContext) -> str:
    s = ctx.settings
    return _reachable(s.imap_host, s.imap_port) if s.imap_host else _folder(s.maildir)


def check_smtp(ctx: WebContext) -> str:
    s = ctx.settings
    return _reachable(s.smtp_host, s.smtp_port) if s.smtp_host else _folder(Path(s.outbox_maildir or "").parent)


def check_model(ctx: WebContext) -> str:
    version = ModelStore(Path(ctx.settings.model_dir or "")).active_version()
    if version is None:
        raise LookupError("no active classifier model")
    return f"version {version} active"


def check_workers(ctx: WebContext) -> str:
    """In the queue mode, at least one ``intake worker`` alive (else every attachment is routed unread)."""
    if ctx.settings.extraction != "queue":
        return "attachments read by the service"
    from intake.extraction import live_workers

    alive = live_workers(ctx.engine)
    if not alive:
        raise LookupError("no `intake worker` beat in the last minute (INTAKE_EXTRACTION=queue)")
    return f"{alive} alive"


CHECKS: dict[str, Callable[[WebContext], str]] = {
    "database": check_database, "migrations": check_migrations, "mailbox": check_mailbox, "smtp": check_smtp,
    "model": check_model, "workers": check_workers,
}


@router.api_route("/metrics", methods=["GET", "HEAD"])
def metrics(request: Request) -> Response:
    """The Prometheus text format, read from the database now."""
    registry: CollectorRegistry | None = getattr(request.app.state, "metrics", None)
    if registry is None:
        registry = CollectorRegistry(auto_describe=False)
        registry.register(DatabaseCollector(get_context(request)))
        request.app.state.metrics = registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


class DatabaseCollector(Collector):
    """The figures of the service as the database holds them at scrape time."""

    def __init__(self, ctx: WebContext) -> None:
        self.ctx = ctx

    def collect(self) -> Iterable[Metric]:
        with Session(self.ctx.engine) as session:
            yield _messages(session)
            yield _latency(session)
            yield from _outbox(session)
            yield from _quarantine(session)
            yield from _standing(session, self.ctx)
            yield from _service(session)


def _messages(session: Session) -> Metric:
    family = CounterMetricFamily("intake_messages", "Messages read from the mailbox, by outcome.",
                                 labels=["outcome"])
    rows = session.exec(select(InboundMessage.outcome, InboundMessage.status, func.count())
                        .group_by(col(InboundMessage.outcome), col(InboundMessage.status))).all()
    totals: dict[str, int] = {}
    for outcome, status, count in rows:
        key = outcome or status
        totals[key] = totals.get(key, 0) + count
    for outcome, count in sorted(totals.items()):
        family.add_metric([outcome], count)
    return family


def _latency(session: Session) -> Metric:
    """Seconds from reading an application to sending its acknowledgement, over the last week."""
    since = utcnow() - LATENCY_WINDOW
    rows = session.exec(select(InboundMessage.created_at, OutboxMail.sent_at)
                        .where(OutboxMail.inbound_id == InboundMessage.id)
                        .where(OutboxMail.purpose == "acknowledgement").where(OutboxMail.status == "sent")
                        .where(col(OutboxMail.sent_at) >= since)).all()
    seconds = [max(0.0, (sent - read).total_seconds()) for read, sent in rows if sent is not None]
    counts = [sum(1 for s in seconds if s <= bound) for bound in LATENCY_BUCKETS]
    buckets = [(str(b), c) for b, c in zip(LATENCY_BUCKETS, counts, strict=True)] + [("+Inf", len(seconds))]
    family = HistogramMetricFamily("intake_acknowledgement_latency_seconds",
                                   "From reading an application to sending its acknowledgement (last 7 days).")
    family.add_metric([], buckets, sum_value=sum(seconds))
    return family


def _outbox(session: Session) -> Iterator[Metric]:
    counts = dict(session.exec(select(OutboxMail.status, func.count()).group_by(col(OutboxMail.status))).all())
    yield GaugeMetricFamily("intake_outbox_backlog", "Mails waiting to be sent (pending or being sent).",
                            value=counts.get("pending", 0) + counts.get("sending", 0))
    yield GaugeMetricFamily("intake_outbox_failed", "Mails given up after the last attempt.",
                            value=counts.get("failed", 0))


def _quarantine(session: Session) -> Iterator[Metric]:
    """The quarantine, and apart from it the messages refused for their size: those need no replay and never leave
    (the sender was told), so in ``intake_quarantine_size`` an alert on ``> 0`` would never clear."""
    count = session.exec(select(func.count()).select_from(InboundMessage)
                         .where(InboundMessage.status == "quarantined")).one()
    yield GaugeMetricFamily("intake_quarantine_size", "Messages in the quarantine (to replay or discard).",
                            value=count)
    oversized = session.exec(select(func.count()).select_from(InboundMessage).where(refused_for_size())).one()
    yield GaugeMetricFamily("intake_quarantine_oversized", "Messages refused for their size, kept whole in the "
                            "mailbox's Quarantine folder (not replayable).", value=oversized)


def _service(session: Session) -> Iterator[Metric]:
    """Whether ``intake serve`` is waiting for mail: the time of its last wait (every half minute at most while it
    runs), and 0 once it has said it stopped. An alert on ``time() - intake_service_last_wait_timestamp_seconds``
    sees a service that died or hangs; ``/ready`` does not (the web may run without it)."""
    from intake.service import INBOX_BEAT, SERVICE_STOPPED

    beat = session.get(ServiceBeat, "wait")
    when = 0.0
    if beat is not None:
        when = as_utc(beat.at).timestamp()
    up = int(beat is not None and beat.detail != SERVICE_STOPPED)
    yield GaugeMetricFamily("intake_service_last_wait_timestamp_seconds",
                            "When intake serve last waited for mail (Unix time; 0: never).", value=when)
    yield GaugeMetricFamily("intake_service_up", "1 while intake serve's last word is a wait for mail, 0 once it "
                            "stopped cleanly or never ran.", value=up)
    inbox = session.get(ServiceBeat, INBOX_BEAT)
    yield GaugeMetricFamily("intake_inbox_waiting_messages", "Messages waiting in the inbox at the service's last "
                            "look (after each poll; 0 before the first).",
                            value=int(inbox.detail) if inbox is not None and inbox.detail.isdigit() else 0)


def _standing(session: Session, ctx: WebContext) -> Iterator[Metric]:
    """Open parts at risk and overdue per office (a paused part is counted by its due date before the pause)."""
    today = local_date(utcnow())
    rows = session.exec(select(col(CasePart.office), col(CasePart.due_date), func.count())
                        .where(col(CasePart.status).in_(list(OPEN_PART_STATUSES)))
                        .group_by(col(CasePart.office), col(CasePart.due_date))).all()
    totals: dict[tuple[str, str], int] = {}
    for office, due, count in rows:
        key = (office, clock.standing(due, today, ctx.calendar))
        totals[key] = totals.get(key, 0) + count
    offices = sorted({office for office, _ in totals} | set(ctx.catalogue.offices))
    for standing, help_text in (("at_risk", "Open parts due within two working days, per office."),
                                ("overdue", "Open parts past their due date, per office.")):
        family = GaugeMetricFamily(f"intake_parts_{standing}", help_text, labels=["office"])
        for office in offices:
            family.add_metric([office], totals.get((office, standing), 0))
        yield family

