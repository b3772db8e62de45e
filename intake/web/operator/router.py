"""The operator's pages: classifier versions, the quarantine, the mailbox and outbox as the store records them.

``make_router(context, secret)`` gives the routes; only operators and admins
reach them (anyone else gets a 404). Sign-in, sessions and CSRF are the desk's
(``intake.web.desk.auth``). Each action calls what the ``intake classifier`` and
``intake quarantine`` commands call.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select
from starlette.concurrency import run_in_threadpool

from classifier.store import ModelStore
from intake.app import open_engine, open_mailbox, send_now
from intake.errors import IntakeError
from intake.inbound import raw_of
from intake.mail.message import parse_mail
from intake.pipeline import Context
from intake.refusals import refused_for_size
from intake.runner import Runner
from intake.web.desk import auth
from intake.web.desk.auth import OperatorDep, Web
from intake.web.desk.mails import sanitise
from intake.web.desk.users import Staff
from intake.web.pages import SHARED_TEMPLATES, local
from models import InboundMessage, OutboxMail, ServiceBeat, utcnow

log = logging.getLogger(__name__)
TEMPLATES = Jinja2Templates(directory=[Path(__file__).resolve().parent / "templates", SHARED_TEMPLATES])
TEMPLATES.env.filters["local"] = local   # moments on Copenhagen's clock, as on the desk


def page(request: Request, name: str, staff: Staff, status_code: int = 200, **values: Any) -> HTMLResponse:
    web = auth.web_of(request)
    values.update(staff=staff, csrf=auth.csrf_token(web, request, staff))
    return TEMPLATES.TemplateResponse(request, name, values, status_code=status_code)


def make_router(context: Context, secret: str, *, engine: Engine | None = None) -> APIRouter:
    web = Web(context, engine or open_engine(context.settings), secret)

    def bind(request: Request) -> None:
        request.scope["intake.web"] = web

    router = APIRouter(prefix="/operator", dependencies=[Depends(bind)])
    router.add_api_route("/classifier", classifier, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/classifier/activate", activate, methods=["POST"])
    router.add_api_route("/classifier/rollback", rollback, methods=["POST"])
    router.add_api_route("/quarantine", quarantine, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/quarantine/{message_id}", quarantined, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/quarantine/{message_id}/replay", replay, methods=["POST"])
    router.add_api_route("/quarantine/{message_id}/discard", discard, methods=["POST"])
    router.add_api_route("/mailbox", mailbox, methods=["GET"], response_class=HTMLResponse)
    return router


# -- classifier -----------------------------------------------------------------------------
@dataclass(frozen=True)
class VersionRow:
    version: str
    active: bool
    created: str
    examples: str
    metrics: dict[str, Any]
    problem: str = ""


def _store(request: Request) -> ModelStore:
    model_dir = auth.web_of(request).context.settings.model_dir
    assert model_dir is not None
    return ModelStore(Path(model_dir))


def classifier(request: Request, staff: OperatorDep) -> HTMLResponse:
    return _classifier_page(request, staff)


def _classifier_page(request: Request, staff: Staff, error: str = "") -> HTMLResponse:
    store = _store(request)
    active, rows = store.active_version(), []
    for version in reversed(store.versions()):
        try:
            meta = store.meta(version)
        except IntakeError as err:
            rows.append(VersionRow(version, version == active, "", "", {}, str(err)))
            continue
        rows.append(VersionRow(version, version == active, str(meta.get("created", "")),
                               str(meta.get("n_examples", "")), meta.get("metrics") or {}))
    return page(request, "classifier.html", staff, rows=rows, error=error)


async def activate(request: Request, staff: OperatorDep) -> Response:
    form = await auth.require_csrf(auth.web_of(request), request, staff)
    try:
        await run_in_threadpool(_store(request).activate, str(form.get("version", "")))
    except IntakeError as err:
        return _classifier_page(request, staff, error=str(err))
    log.info("model activated from the desk", extra={"version": form.get("version"), "user_id": staff.id})
    return RedirectResponse("/operator/classifier", status_code=303)


async def rollback(request: Request, staff: OperatorDep) -> Response:
    await auth.require_csrf(auth.web_of(request), request, staff)
    try:
        version = await run_in_threadpool(_store(request).rollback)
    except IntakeError as err:
        return _classifier_page(request, staff, error=str(err))
    log.info("model rolled back from the desk", extra={"version": version, "user_id": staff.id})
    return RedirectResponse("/operator/classifier", status_code=303)


# -- quarantine -----------------------------------------------------------------------------
def _quarantine_row(m: InboundMessage) -> tuple[int | None, datetime, str, str, str]:
    """A message as the quarantine page lists it: id, received, sender's domain (never the address), subject, reason."""
    return m.id, m.received_at, m.sender.rpartition("@")[2], m.subject, m.reason


def quarantine(request: Request, staff: OperatorDep) -> HTMLResponse:
    with Session(auth.web_of(request).engine) as session:
        found = list(session.exec(select(InboundMessage).where(InboundMessage.status == "quarantined")
                                  .order_by(col(InboundMessage.id).desc()).limit(500)))
        rows = [(*_quarantine_row(m), m.attempts) for m in found]
        # refused for their size: in the mailbox's Quarantine folder too, but nothing to replay or discard here
        refused = list(session.exec(select(InboundMessage).where(refused_for_size())
                                    .order_by(col(InboundMessage.id).desc()).limit(500)))
        oversized = [_quarantine_row(m) for m in refused]
    return page(request, "quarantine.html", staff, rows=rows, oversized=oversized)


def _quarantined(session: Session, message_id: int) -> InboundMessage:
    rec = session.get(InboundMessage, message_id)
    if rec is None or rec.status != "quarantined":
        raise HTTPException(status_code=404)
    return rec


def quarantined(request: Request, message_id: int, staff: OperatorDep) -> HTMLResponse:
    with Session(auth.web_of(request).engine) as session:
        rec = _quarantined(session, message_id)
        parsed = parse_mail(raw_of(session, rec))
        body = parsed.msg.get_body(preferencelist=("html",))
        html = sanitise(str(body.get_content())) if body is not None else ""
        return page(request, "quarantined.html", staff, m=rec, domain=rec.sender.rpartition("@")[2], html=html,
                    text=parsed.full_text[:200_000], attachments=[a.filename for a in parsed.attachments])


async def replay(request: Request, message_id: int, staff: OperatorDep) -> Response:
    """Process the message again (``intake quarantine replay``), then send what is due."""
    web = auth.web_of(request)
    await auth.require_csrf(web, request, staff)
    return await run_in_threadpool(_replay, web, message_id, staff)


def _replay(web: Web, message_id: int, staff: Staff) -> Response:
    with Session(web.engine) as session:
        _quarantined(session, message_id)
    mailbox = open_mailbox(web.context.settings)   # the replayed copy leaves the Quarantine folder (as the CLI's)
    try:
        outcome = Runner(web.context, web.engine, mailbox).replay(message_id)
    finally:
        mailbox.close()
    send_now(web.engine, web.context.settings)
    log.info("quarantined message replayed from the desk",
             extra={"inbound_id": message_id, "outcome": outcome.outcome, "user_id": staff.id})
    if outcome.outcome == "quarantined":
        return RedirectResponse(f"/operator/quarantine/{message_id}", status_code=303)
    return RedirectResponse("/operator/quarantine", status_code=303)


async def discard(request: Request, message_id: int, staff: OperatorDep) -> Response:
    """Leave the message for good: it stays recorded (status ``discarded``, who and when in its reason)."""
    web = auth.web_of(request)
    await auth.require_csrf(web, request, staff)
    await run_in_threadpool(_discard, web, message_id, staff)
    return RedirectResponse("/operator/quarantine", status_code=303)


def _discard(web: Web, message_id: int, staff: Staff) -> None:
    with Session(web.engine) as session:
        rec = _quarantined(session, message_id)
        rec.status, rec.outcome, rec.updated_at = "discarded", "discarded", utcnow()
        rec.reason = f"{rec.reason} (discarded by {staff.email} at {rec.updated_at:%Y-%m-%d %H:%M} UTC)"[:1000]
        session.add(rec)
        session.commit()
    log.info("quarantined message discarded", extra={"inbound_id": message_id, "user_id": staff.id})


# -- mailbox and outbox ---------------------------------------------------------------------
@dataclass(frozen=True)
class MailboxState:
    last_wait: ServiceBeat | None  # the service's last IDLE (or poll) and what it brought
    last_service_error: ServiceBeat | None
    last_processed: datetime | None
    in_processing: int
    quarantined: int
    last_quarantine: str
    oversized: int   # refused for their size: in the mailbox's Quarantine folder, not replayable
    outbox_waiting: int
    outbox_failed: int
    oldest_waiting: datetime | None
    last_error: str
    last_error_at: datetime | None


def mailbox_state(session: Session) -> MailboxState:
    """What the store records about the mailbox and the outbox."""
    def count(stmt: Any) -> int:
        return int(session.exec(stmt).one())

    inbound = select(func.count()).select_from(InboundMessage)
    outbox = select(func.count()).select_from(OutboxMail)
    last_q = session.exec(select(InboundMessage).where(InboundMessage.status == "quarantined")
                          .order_by(col(InboundMessage.updated_at).desc())).first()
    failing = session.exec(select(OutboxMail).where(OutboxMail.last_error != "")
                           .order_by(col(OutboxMail.next_attempt_at).desc())).first()
    waiting = col(OutboxMail.status).in_(("pending", "sending"))
    return MailboxState(
        last_wait=session.get(ServiceBeat, "wait"),
        last_service_error=session.get(ServiceBeat, "error"),
        last_processed=session.exec(select(func.max(InboundMessage.updated_at))
                                    .where(InboundMessage.status == "done")).one(),
        in_processing=count(inbound.where(InboundMessage.status == "processing")),
        quarantined=count(inbound.where(InboundMessage.status == "quarantined")),
        last_quarantine=f"{last_q.updated_at:%Y-%m-%d %H:%M} UTC: {last_q.reason}" if last_q else "",
        oversized=count(inbound.where(refused_for_size())),
        outbox_waiting=count(outbox.where(waiting)),
        outbox_failed=count(outbox.where(OutboxMail.status == "failed")),
        oldest_waiting=session.exec(select(func.min(OutboxMail.created_at)).where(waiting)).one(),
        last_error=failing.last_error if failing else "",
        last_error_at=failing.next_attempt_at if failing else None,
    )


def mailbox(request: Request, staff: OperatorDep) -> HTMLResponse:
    with Session(auth.web_of(request).engine) as session:
        state = mailbox_state(session)
    return page(request, "mailbox.html", staff, s=state)
