"""The caseworkers' desk: sign in, the queue, one case with its mail and actions, the compliance report.

``make_router(context, secret)`` gives the routes; the app mounts them. Every
route that shows or changes a case gets it from ``auth.case_in_reach`` (office
isolation in one place), every changing form is checked by ``auth.require_csrf``,
and every view and change is written to the audit log.
"""
from __future__ import annotations

import json
import logging
import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from intake.app import open_engine, send_now
from intake.cases import audit, unread
from intake.cases.compliance import ReportError, load_times, summarise
from intake.cases.compliance_render import chart_compliance, chart_times
from intake.cases.lifecycle import case_actions, held_case, part_actions
from intake.cases.meetings import MeetingError, meetings_of
from intake.cases.queue import QueueFilter, queue_page
from intake.cases.statuses import OPEN, UnknownStatus, status_filter
from intake.cases.views import case_detail
from intake.cases.workload import workload
from intake.errors import RequestRefused
from intake.letters.checklist import checklist_lines, missing_request
from intake.letters.facts import PartFacts
from intake.pipeline import Context
from intake.web.desk import auth
from intake.web.desk.actions import CASE_ACTIONS, PART_ACTIONS, meeting_action, part_action
from intake.web.desk.auth import StaffDep, Web
from intake.web.desk.labels import event_label, goal_label, state_label, task_label
from intake.web.desk.mails import attachment_of, business_mails, sent_mails
from intake.web.desk.users import Staff, assignees, authenticate, dummy_hash
from intake.web.pages import SHARED_TEMPLATES, lang_or_default, local
from models import StaffUser, utcnow
from routing.goals import LOCAL_TZ

log = logging.getLogger(__name__)
TEMPLATES = Jinja2Templates(directory=[Path(__file__).resolve().parent / "templates", SHARED_TEMPLATES])
TEMPLATES.env.filters["local"] = local   # moments on Copenhagen's clock, as caseworkers read them
TEMPLATES.env.filters["state"] = state_label   # "under behandling / in progress", not in_progress
TEMPLATES.env.filters["goal"] = goal_label     # "10 arbejdsdage / 10 working days", not working_days
TEMPLATES.env.filters["event"] = event_label   # "intern note / internal note", not caseworker_note
TEMPLATES.env.filters["task"] = task_label     # "Skilte og facadereklamer / Signs and facade advertising", not skilte
UNASSIGNED = "none"   # the queue's filter of the parts assigned to nobody
STANDING_WORDS = {"on_track": "on track", "at_risk": "at risk", "overdue": "overdue", "done": "done"}


def page(request: Request, name: str, staff: Staff | None, status_code: int = 200, **values: Any) -> HTMLResponse:
    web = auth.web_of(request)
    values.update(staff=staff, csrf=auth.csrf_token(web, request, staff) if staff else "",
                  standing_words=STANDING_WORDS, offices=web.context.catalogue.offices,
                  tasks=web.context.catalogue.tasks)
    return TEMPLATES.TemplateResponse(request, name, values, status_code=status_code)


def make_router(context: Context, secret: str, *, engine: Engine | None = None) -> APIRouter:
    """The desk's routes over ``context`` (settings, catalogue, calendar) and its database."""
    web = Web(context, engine or open_engine(context.settings), secret)
    dummy_hash()  # made now, so that the first sign-in with an unknown address costs no more than any other

    def bind(request: Request) -> None:
        request.scope["intake.web"] = web

    router = APIRouter(dependencies=[Depends(bind)])
    router.add_api_route("/login", login_form, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/login", login, methods=["POST"])
    router.add_api_route("/logout", logout, methods=["POST"])
    router.add_api_route("/cases", queue, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/cases", search, methods=["POST"], response_class=HTMLResponse)
    router.add_api_route("/cases/{reference}", show_case, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/cases/{reference}/mail/{inbound_id}/attachments/{index}", download, methods=["GET"])
    router.add_api_route("/cases/{reference}/act/{action}", act, methods=["POST"])
    router.add_api_route("/reports", reports, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/workload", workload_page, methods=["GET"], response_class=HTMLResponse)
    return router


# -- signing in and out ---------------------------------------------------------------------
def login_form(request: Request) -> HTMLResponse:
    return _login_page(request)


def _login_page(request: Request, status_code: int = 200, **values: Any) -> HTMLResponse:
    """The sign-in page, its form carrying the token of this browser's sign-in cookie (``auth.login_token``)."""
    web, value = auth.web_of(request), auth.login_value(request)
    response = page(request, "login.html", None, status_code, login_csrf=auth.login_token(web, value), **values)
    auth.set_login_cookie(web, response, value)
    return response


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def login(request: Request) -> Response:
    """Check the password; rate-limited per client and per account (the same refusal for every failure)."""
    web = auth.web_of(request)
    form = await request.form()
    email, password = str(form.get("email", "")).strip().lower()[:320], str(form.get("password", ""))
    if not auth.login_form_is_ours(web, request, form):
        return _login_page(request, 403, error="The sign-in form has expired. Sign in again.")
    if web.sign_in_blocked(_client(request), email):
        return _login_page(request, 429, error="Too many attempts. Wait a few minutes.")
    return await run_in_threadpool(_sign_in, request, web, email, password)


def _sign_in(request: Request, web: Web, email: str, password: str) -> Response:
    with Session(web.engine) as session:
        user = authenticate(session, email, password)
    if user is None:   # only failures count towards the limits: colleagues behind one address sign in freely
        web.sign_in_failed(_client(request), email)
        return _login_page(request, 401, error="Wrong address or password.")
    response = RedirectResponse("/cases", status_code=303)
    auth.start_session(web, user, response)
    log.info("signed in", extra={"user_id": user.id, "office": user.office})
    return response


async def logout(request: Request, staff: StaffDep) -> Response:
    web = auth.web_of(request)
    await auth.require_csrf(web, request, staff)
    response = RedirectResponse("/login", status_code=303)
    await run_in_threadpool(auth.end_session, web, request, response)
    return response


# -- the queue ------------------------------------------------------------------------------
def queue(request: Request, staff: StaffDep, status: str = "", task_type: str = "", overdue: bool = False,
          unread: bool = False, assigned: str = "", office: str = "") -> HTMLResponse:
    """The queue with filters in the address (no case data: statuses, task types, an office, a desk user's id)."""
    return _queue(request, staff, {"status": status, "task_type": task_type, "overdue": "true" if overdue else "",
                                   "unread": "true" if unread else "", "assigned": assigned, "office": office})


async def search(request: Request, staff: StaffDep) -> HTMLResponse:
    """The queue searched and paged through a form, so that a CVR or a company name never is in an address."""
    form = await auth.require_csrf(auth.web_of(request), request, staff)
    return await run_in_threadpool(_queue, request, staff, {k: v for k, v in form.items() if isinstance(v, str)})


def _queue(request: Request, staff: Staff, asked: dict[str, str], notice: str = "") -> HTMLResponse:
    web = auth.web_of(request)
    try:   # an unknown status is refused here, with the known ones, before any query
        # new mail from the business matters on a decided or closed part too (an appeal, a question about the
        # decision): asked for without a status, the parts new from the business are those of every status
        unread_only = asked.get("unread") == "true"
        status = status_filter(asked.get("status") or ("all" if unread_only else ""))
    except UnknownStatus as err:
        raise HTTPException(status_code=400, detail=str(err)) from err
    with Session(web.engine) as session:
        try:
            f = QueueFilter(_narrowed(web, auth.queue_offices(staff), asked.get("office", "")), status,
                            asked.get("task_type") or None, asked.get("overdue") == "true", asked.get("q", ""),
                            unread=unread_only,
                            assigned=_assignee(session, asked.get("assigned", "")))
            found = queue_page(session, web.desk, f, after=asked.get("after") or None)
        except RequestRefused as err:
            raise HTTPException(status_code=400, detail=str(err)) from err
    if 0 < len(f.search.strip()) < 2 and not notice:
        notice = "Søg med mindst to tegn / Search with at least two characters"
    elif f.search.strip() and f.status == OPEN and not found.rows and not notice:
        notice = ("Ingen åbne dele fundet; vælg status 'alle' for afgjorte og lukkede / "
                  "No open parts found; choose the status 'all' for decided and closed ones")
    return page(request, "queue.html", staff, page=found, f=f, notice=notice, office=asked.get("office", ""),
                assigned=asked.get("assigned", ""))


def _narrowed(web: Web, offices: frozenset[str] | None, office: str) -> frozenset[str] | None:
    """The offices of the queue narrowed to ``office`` when one is asked for (among those the user sees)."""
    if not office:
        return offices
    if office not in web.context.catalogue.offices:
        raise RequestRefused(f"unknown office {office!r}")
    return frozenset({office}) if offices is None else offices & {office}


def _assignee(session: Session, asked: str) -> str | None:
    """The address a queue filtered by assignee asks for: a desk user's id (no address in the page's address),
    ``none`` for the unassigned parts ("")."""
    if not asked:
        return None
    if asked == UNASSIGNED:
        return ""
    user = session.get(StaffUser, int(asked)) if asked.isdigit() else None
    if user is None:
        raise RequestRefused(f"no desk user {asked!r}")
    return user.email


# -- one case -------------------------------------------------------------------------------
def _case_page(request: Request, staff: Staff, reference: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    web = auth.web_of(request)
    with Session(web.engine) as session:
        case = auth.case_in_reach(session, staff, reference)
        detail = case_detail(session, case.reference, web.desk)
        mine = auth.queue_offices(staff)
        new_since = unread.unread_since(session, case, mine)   # shown on the page, then seen by the user's office
        unread.seen(session, case, staff.office)
        audit.record(session, staff.email, "view", case)
        session.commit()
        catalogue, lang = web.context.catalogue, lang_or_default(detail.case.language)
        facts = {v.part.id: PartFacts.of(v.part) for v in detail.parts}
        return page(request, "case.html", staff, status_code, d=detail, c=detail.case,
                    mails=business_mails(session, detail.case), sent=sent_mails(session, detail.case),
                    meetings=meetings_of(session, detail.case),
                    arranges_meetings=auth.arranges_meetings(staff, detail.case),
                    details=_details(detail.case.details_json), mine=mine, external=catalogue.external,
                    new_since=new_since,
                    # the forms each part's status allows, and the case's: the lifecycle's own table
                    can={v.part.id: part_actions(detail.case, v.part) for v in detail.parts},
                    case_can=case_actions(detail.case),
                    assignees={v.part.id: assignees(session, v.part.office, catalogue.triage_office)
                               for v in detail.parts},
                    checklists={pid: checklist_lines(f, catalogue) for pid, f in facts.items()},
                    # the request-info form starts with the required items still missing, in the case's language
                    missing_requests={pid: missing_request([f], catalogue, lang) for pid, f in facts.items()},
                    **values)


def _details(raw: str) -> list[tuple[str, str, str]]:
    data = json.loads(raw or "{}")
    return [(k, str(v.get("value", "")), str(v.get("source", ""))) for k, v in data.items() if isinstance(v, dict)]


def show_case(request: Request, reference: str, staff: StaffDep) -> HTMLResponse:
    return _case_page(request, staff, reference)


def download(request: Request, reference: str, inbound_id: int, index: int, staff: StaffDep,
             inline: bool = False) -> Response:
    """An attachment as a download; a PDF may be shown inline (the browser's own viewer)."""
    web = auth.web_of(request)
    with Session(web.engine) as session:
        case = auth.case_in_reach(session, staff, reference)
        found = attachment_of(session, case, inbound_id, index)
        if found is None:
            raise HTTPException(status_code=404)
        audit.record(session, staff.email, "download", case, found.filename)
        session.commit()
    is_pdf = found.content_type == "application/pdf" or found.filename.lower().endswith(".pdf")
    disposition = "inline" if inline and is_pdf else "attachment"
    media = "application/pdf" if is_pdf else "application/octet-stream"
    name = found.filename.replace('"', "").replace("\r", "").replace("\n", "") or f"attachment-{index}"
    header = f"{disposition}; filename*=UTF-8''{quote(name)}"
    return Response(found.data, media_type=media, headers={"Content-Disposition": header,
                                                             "X-Content-Type-Options": "nosniff"})


async def act(request: Request, reference: str, action: str, staff: StaffDep) -> Response:
    """One action from a form of the case page; a refusal is shown on the page (status 400)."""
    web = auth.web_of(request)
    form = await auth.require_csrf(web, request, staff)
    if action not in PART_ACTIONS + CASE_ACTIONS:
        raise HTTPException(status_code=404)
    return await run_in_threadpool(_act, request, web, staff, reference, action, form)


def _act(request: Request, web: Web, staff: Staff, reference: str, action: str, form: dict[str, Any]) -> Response:
    with Session(web.engine) as session:
        case = auth.case_in_reach(session, staff, reference)
        named = str(form.get("part", "")) or None
        part = None
        try:
            if named or action in PART_ACTIONS:   # a case's action names no part
                part = auth.part_in_reach(staff, auth.parts_in_reach(session, case), named, reference=case.reference)
            if action == "meeting":
                held_case(session, case.reference)   # another change of the case waits for this one
                if not auth.arranges_meetings(staff, case):   # the page shows them no meeting form either
                    raise MeetingError("star meetings are arranged by the case's contact person and the triage "
                                       "office; write to them to move or cancel this one")
                done = meeting_action(session, case, form, web.desk, staff.email)
            else:
                done = part_action(session, case, action, form, part, web.desk, staff.email,
                                   auth.queue_offices(staff))
        except RequestRefused as err:
            session.rollback()
            # what the caseworker wrote stays in the form, and the refusal is said without the command line's options
            return _case_page(request, staff, reference, 400, error=_CLI_OPTION.sub("", str(err)),
                              typed={**{k: v for k, v in form.items() if isinstance(v, str)}, "action": action,
                                     "part": part or str(form.get("part", ""))})
        unread.acted_on(session, done.part_id, staff.office)   # a part rerouted away keeps its mark for its new office
        audit.record(session, staff.email, action, case, f"part {part}" if part else "")
        session.commit()
        ref = case.reference
        still_in_reach = _in_reach(session, staff, ref)
    if done.mailed:
        send_now(web.engine, web.context.settings)
    if not still_in_reach:   # rerouted to another office: the case has left this caseworker's reach
        return _queue(request, staff, {}, notice=f"{done.summary}. Sagen er nu uden for din enheds rækkevidde / "
                                                 "The case is now outside your office's reach.")
    return RedirectResponse(f"/cases/{ref}", status_code=303)


# "(--path-forward)", "with --at": the command line's words in a refusal the desk shows
_CLI_OPTION = re.compile(r"[ \t]*\(--[\w-]+\)|[ \t]+(?:with|med)[ \t]+--[\w-]+|[ \t]*--[\w-]+")


def _in_reach(session: Session, staff: Staff, reference: str) -> bool:
    try:
        auth.case_in_reach(session, staff, reference)
    except HTTPException:
        return False
    return True


# -- reports --------------------------------------------------------------------------------
def reports(request: Request, staff: StaffDep, start: date | None = None, end: date | None = None,
            by: str = "task-type") -> HTMLResponse:
    """The compliance report for a period, by task type or office, over the parts the user may see."""
    web = auth.web_of(request)
    if by not in ("task-type", "office"):
        raise HTTPException(status_code=400, detail="by is task-type or office")
    offices = auth.queue_offices(staff)
    try:
        times = [t for t in load_times(web.engine, start, end) if offices is None or t.office in offices]
    except ReportError as err:
        raise HTTPException(status_code=400, detail=str(err)) from err
    rows = summarise(times, web.context.catalogue, web.context.calendar, by=by, now=utcnow()) if times else []
    charts = {}
    if rows:
        charts["compliance"] = chart_compliance(rows)
        if any(r.decided for r in rows):
            charts["times"] = chart_times(rows)
    return page(request, "reports.html", staff, rows=rows, charts=charts, start=start, end=end, by=by,
                today=utcnow().astimezone(LOCAL_TZ).date())


# -- the offices' workload ------------------------------------------------------------------
def workload_page(request: Request, staff: StaffDep) -> HTMLResponse:
    """Per caseworker of the user's offices: open parts, overdue, waiting, new from the business; and unassigned.

    Every desk user sees it for the offices whose queue they see: it counts what their queue already lists.
    """
    web = auth.web_of(request)
    visible, known = auth.queue_offices(staff), list(web.context.catalogue.offices)
    offices = sorted((o for o in known if visible is None or o in visible), key=lambda o: (o != staff.office, o))
    with Session(web.engine) as session:
        loads = workload(session, offices, utcnow())
    return page(request, "workload.html", staff, loads=loads, unassigned=UNASSIGNED)
