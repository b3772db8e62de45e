"""``intake case ...``: caseworkers move cases along. Mounted by ``intake.cli`` as ``case``.

Thin: each command opens the database, calls one function of ``intake.cases.lifecycle``
in a transaction, commits, sends what it queued (best effort: the service
retries anything left), and prints what it did. A refusal (unknown reference,
invalid transition) is one ``error:`` line and exit 1 (``intake.cli.manners``);
an unknown ``--office``/``--status`` or an empty required text is a usage error, exit 2.
"""
from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from intake.cli.common import settings
from intake.cli.manners import IntakeTyper, level_options
from intake.cli.meeting import meeting

if TYPE_CHECKING:  # types only: the commands import what they run
    from intake.cases.queue_sql import QueueFilter
    from intake.web.desk.users import Staff

app = IntakeTyper(help="Follow and move cases: list, show, start, request information, decide, reopen, reply, "
                       "close.")
app.callback()(level_options)
console = Console(width=None if sys.stdout.isatty() else 160)
PART_HELP = ("The part (its task type, e.g. skilte); may be left out when the case has one part (a desk user named by "
             "--actor: one part in their office).")
ACTOR_HELP = "Who does this (recorded in the history). Default: the OS user."
REFERENCE_HELP = "Tracking reference, e.g. KBH-2026-000001."
STANDING_STYLE = {"on_track": "green", "at_risk": "yellow", "overdue": "bold red", "done": "dim"}


def _settings():
    return settings()


def _known_office(value: str | None) -> str | None:
    """``--office`` must be an office of the catalogue (a typo would silently list nothing)."""
    from intake.cases.desk import catalogue_and_calendar

    offices = catalogue_and_calendar(_settings(), check_patterns=False)[0].offices if value is not None else {}
    if value is not None and value not in offices:
        raise typer.BadParameter(f"unknown office {value!r}; known: {', '.join(sorted(offices))}")
    return value


def _known_status(value: str) -> str | None:
    """``--status``: ``open`` (the default: every part not yet decided), ``all`` (None) or one status, as the desk
    reads its filter (``intake.cases.statuses.status_filter``)."""
    from intake.cases.statuses import UnknownStatus, status_filter

    try:
        return status_filter(value)
    except UnknownStatus as err:
        raise typer.BadParameter(str(err)) from err


def _required_text(param: typer.CallbackParam, value: str | None) -> str | None:
    """A required text (reasons, a path forward, a question) cannot be empty."""
    if value is not None and not value.strip():
        raise typer.BadParameter(f"the {(param.name or 'text').replace('_', ' ')} must not be empty")
    return value


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "caseworker"


@contextmanager
def _desk_session(*, reading: bool = False) -> Iterator[tuple]:
    """The desk, a session, the engine and the settings; ``reading``: a command that only reads cases
    (the catalogue's checklist patterns are then not compiled: the service validates them at its start)."""
    from sqlmodel import Session

    from intake.cases.desk import build_desk
    from models.db import open_database

    settings = _settings()
    engine = open_database(settings.database_url)  # intake.app.open_engine, without importing the pipeline
    with Session(engine) as session:
        yield build_desk(settings, check_patterns=not reading), session, engine, settings


def _act(action: Callable, *args, actor: str | None, on_part: bool = False, **kwargs) -> None:
    """Run ``action``; ``on_part``: an action on one part, which gets the actor's offices (``_desk_user``), and whose
    unread mark a desk user of the part's office has then seen, as on the desk (``unread.acted_on``)."""
    from intake.cases import unread
    from intake.letters.outbox import newest_id, queued_after

    kwargs["actor"] = actor or _default_actor()
    with _desk_session() as (desk, session, engine, settings):
        staff = _desk_user(session, kwargs["actor"], desk.catalogue.triage_office) if on_part else None
        if on_part:
            kwargs["offices"] = staff.visible_offices() if staff is not None else None
        before = newest_id(session)
        result = action(session, *args, desk=desk, **kwargs)
        if staff is not None:
            unread.acted_on(session, result.part_id, staff.office)
        session.commit()
    console.print(result.summary)
    if result.mailed:
        from intake.app import send_now

        sent = send_now(engine, settings, only=queued_after(engine, before))  # its own mail only
        console.print(f"mail to {', '.join(result.mailed)} "
                      + ("sent" if sent else "queued (the service sends it)"))


def _desk_user(session, actor: str, triage_office: str) -> Staff | None:
    """``actor`` as a desk user, who acts on the parts of their offices, as on the desk (a caseworker's own office);
    None for anyone else, who acts on every office's (the operator at the shell, a name of an office without the
    desk)."""
    from intake.web.desk.users import enabled_user, staff_of

    user = enabled_user(session, actor) if "@" in actor else None
    return staff_of(user, triage_office) if user is not None else None


@app.command("list")
def list_(office: str | None = typer.Option(None, "--office", callback=_known_office,
                                               help="Only this office (its id in the catalogue, e.g. trafik)."),
          status: str | None = typer.Option("open", "--status", callback=_known_status,
                                            help="open (every part not yet decided), all, or one status, e.g. "
                                                 "routed, in_progress, waiting, decided or closed."),
          overdue: bool = typer.Option(False, "--overdue", help="Only overdue cases."),
          unread: bool = typer.Option(False, "--unread", help="Only parts the business has written about since "
                                                              "their office last looked (the desk's new mail)."),
          search: str = typer.Option("", "--search", help="Reference, CVR, company name or address."),
          limit: int = typer.Option(50, "--limit", min=1, max=1000, help="Lines per page."),
          page: int = typer.Option(1, "--page", min=1, help="Which page (1 is the earliest due)."),
          everything: bool = typer.Option(False, "--all", help="Every page, one after another.")) -> None:
    """Cases (one line per part: each office its own) by due date: on track, at risk or overdue.

    A page at a time, read in SQL (``intake.cases.queue_sql``, the desk's queue): fast with 100,000 cases.
    """
    from intake.cases.queue_sql import QueueFilter

    wanted = QueueFilter(offices={office} if office else None, status=status, overdue=overdue, search=search,
                         unread=unread)
    rows, key = _queue_rows(wanted, page, limit, everything)
    table = Table("reference", "due", "standing", "status", "task type", "office", "company", "assigned")
    for r in rows:
        style = STANDING_STYLE.get(r.standing, "")
        status_text = (r.status + (f" ({r.decision})" if r.decision else "") + (" *" if r.complex else "")
                       + (" +" if r.unread else ""))
        reference = r.reference + (f" ({r.parts} parts)" if r.parts > 1 else "")
        table.add_row(reference, r.due.isoformat(), f"[{style}]{r.standing}[/{style}]", status_text,
                      r.task_type, r.office, escape(r.company), escape(r.assigned_to))
    console.print(table)
    cases = len({r.reference for r in rows})
    parts = f" ({len(rows)} parts: one line each)" if len(rows) != cases else ""
    where = "" if everything else f" Page {page}."
    more = f" More: --page {page + 1} (or --all)." if key is not None and not everything else ""
    console.print(f"{cases} case(s){parts}.{where}{more} * = complex (has a contact person), "
                  "+ = new mail from the business.")


def _queue_rows(wanted: QueueFilter, page: int, limit: int, everything: bool) -> tuple[list, str | None]:
    """The rows of page ``page`` (or of every page) and the key of the next one.

    Read straight through the database driver when ``models.direct`` can (a database at the newest
    migration): the command then starts without the ORM, half a second sooner. Otherwise, and for a
    search (which first brings ``CaseSearch`` up to date), through the ORM, which also migrates.
    """
    from datetime import UTC, datetime

    from intake.cases.desk import build_desk
    from intake.cases.queue_sql import read_page
    from models.direct import connect_direct

    direct = None if wanted.search.strip() else connect_direct(_settings().database_url)
    if direct is not None:
        try:
            desk, now = build_desk(_settings(), check_patterns=False), datetime.now(UTC)
            return _pages(lambda after: read_page(direct.rows, desk, wanted, after=after, size=limit, now=now),
                          page, everything)
        finally:
            direct.close()
    from intake.cases.queue import queue_page

    with _desk_session(reading=True) as (desk, session, _, _s):
        return _pages(lambda after: queue_page(session, desk, wanted, after=after, size=limit), page, everything)


def _pages(read: Callable, page: int, everything: bool) -> tuple[list, str | None]:
    rows: list = []
    key: str | None = None
    number = 0
    while True:
        number += 1
        found = read(key)
        if everything or number == page:
            rows += found.rows
        key = found.next_key
        if key is None or (not everything and number >= page):
            return rows, key


@app.command()
def show(reference: str = typer.Argument(..., help=REFERENCE_HELP)) -> None:
    """Details, parts, documents, paths forward offered by the catalogue, and the full history."""
    from intake.cases.views import case_detail
    from intake.web.desk.labels import event_label
    from models import as_utc
    from routing.goals import LOCAL_TZ

    def local(moment):  # the database keeps UTC; people read Copenhagen's clock, as on the desk
        return as_utc(moment).astimezone(LOCAL_TZ)

    with _desk_session(reading=True) as (desk, session, _, _s):
        d = case_detail(session, reference, desk)
        c = d.case
        lines = [
            f"{c.reference}  {c.subject}",
            f"status: {c.status}" + (f" ({c.decision})" if c.decision else ""),
            f"task types: {', '.join(json.loads(c.task_types))}" + ("  [TRIAGE]" if c.needs_triage else ""),
            f"offices involved: {', '.join(json.loads(c.offices or '[]'))}",
            f"received: {local(c.received_at):%Y-%m-%d %H:%M} (Copenhagen)",
            f"applicant: {c.applicant_email or c.sender}"
            + (f"  answered at: {c.reply_email}" if c.reply_email and c.reply_email != c.applicant_email else "")
            + (f"  forwarded by: {c.forwarded_by}" if c.forwarded_by else ""),
            f"company: {c.company_name or '-'}  CVR: {c.cvr or '-'}  language: {c.language}",
            f"complex: {'yes' if c.complex else 'no'}"
            + (f"  contact person: {c.contact_person} <{c.contact_email}>" if c.contact_email else ""),
        ]
        parts = []
        for v in d.parts:
            p = v.part
            parts.append(f"  {p.task_type}  office: {p.office}  status: {p.status}"
                         + (f" ({p.decision})" if p.decision else "") + ("  [TRIAGE]" if p.needs_triage else ""))
            parts.append(f"    goal: {p.goal_value} {p.goal_unit}  due: {v.due.isoformat()} ({p.expected_week})  "
                         f"standing: {v.standing}  assigned to: {p.assigned_to or '-'}"
                         + (f"  [paused since {local(p.paused_since):%Y-%m-%d %H:%M}]" if p.paused_since else "")
                         + (f"  paused so far: {p.paused_seconds // 3600} h" if p.paused_seconds else ""))
            parts += [f"    path forward {i}. {text}" for i, text in enumerate(v.paths_forward, start=1)]
        docs = [f"  - {a.get('filename')} ({a.get('type')}, {a.get('status')}"
                + (f": {a.get('reason')}" if a.get("reason") else "") + ")" for a in d.documents]
        # each event in the desk's words ("intern note / internal note", not caseworker_note)
        labels = [event_label(e.action) for e in d.events]
        width = max(map(len, labels), default=0)
        history = [f"  {local(e.at):%Y-%m-%d %H:%M}  {e.actor:<12} {label:<{width}}  {e.detail}"
                   for e, label in zip(d.events, labels, strict=True)]
    text = ["\n".join(lines), "parts (reject --path-forward N picks a path of its part):\n" + "\n".join(parts),
            "documents:\n" + ("\n".join(docs) or "  -"), "history:\n" + "\n".join(history)]
    console.print("\n".join(text), highlight=False, markup=False)


@app.command()
def start(reference: str = typer.Argument(..., help=REFERENCE_HELP),
          part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
          actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Begin work on a part (in progress). On a waiting part: the clock runs again."""
    from intake.cases.lifecycle import start as run

    _act(run, reference, actor=actor, part=part, on_part=True)


@app.command("request-info")
def request_info(reference: str = typer.Argument(..., help=REFERENCE_HELP),
                 message: str | None = typer.Option(None, "--message", "-m", callback=_required_text,
                                                    help="What the business must supply."),
                 missing: bool = typer.Option(False, "--missing",
                                              help="Start the request with the checklist items still missing."),
                 part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
                 actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Ask the business for information: mails it and pauses the part's service-goal clock."""
    from intake.cases.lifecycle import request_info as run

    if message is None and not missing:
        raise typer.BadParameter("give the question with --message, or --missing for the checklist's missing items")
    _act(run, reference, message or "", actor=actor, part=part, on_part=True, missing=missing)


@app.command()
def approve(reference: str = typer.Argument(..., help=REFERENCE_HELP),
            message: str = typer.Option("", "--message", "-m", help="Conditions or a note for the business."),
            part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
            actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Approve a part and mail the decision (the other parts go on)."""
    from intake.cases.lifecycle import approve as run

    _act(run, reference, actor=actor, message=message, part=part, on_part=True)


@app.command()
def reject(reference: str = typer.Argument(..., help=REFERENCE_HELP),
           reason: str = typer.Option(..., "--reason", callback=_required_text,
                                      help="Why (forvaltningsloven §§ 22 and 24)."),
           path_forward: str = typer.Option(..., "--path-forward", callback=_required_text,
                                            help="How the business can move forward: your text, or a number "
                                                 "to pick the catalogue's path (see 'case show')."),
           part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
           actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Reject a part with reasons and a path forward; the catalogue's appeal guidance is added."""
    from intake.cases.lifecycle import reject as run

    _act(run, reference, reason=reason, path_forward=path_forward, actor=actor, part=part, on_part=True)


@app.command()
def forward(reference: str = typer.Argument(..., help=REFERENCE_HELP),
            topic: str = typer.Option(..., "--topic", help="External topic id from the catalogue, e.g. foedevarer."),
            message: str = typer.Option("", "--message", "-m", help="A note for the business."),
            to: str | None = typer.Option(None, "--to", metavar="ADDRESS",
                                          help="The authority's mailbox to send the application to (default: the "
                                               "topic's email in the catalogue; none: the business is told where "
                                               "to apply)."),
            part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
            actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Not a municipal task: send the application on to the authority that decides it and tell the business
    (forvaltningsloven § 7, stk. 2)."""
    from intake.cases.lifecycle import forward as run

    _act(run, reference, topic, actor=actor, message=message, to=to, part=part, on_part=True)


@app.command()
def reopen(reference: str = typer.Argument(..., help=REFERENCE_HELP),
           reason: str = typer.Option(..., "--reason", callback=_required_text,
                                      help="Why the decision is taken up again (kept in the history, not mailed)."),
           part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
           actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Reopen a decided part (also of a closed case): back in progress, the business told the new expected week."""
    from intake.cases.lifecycle import reopen as run

    _act(run, reference, reason=reason, actor=actor, part=part, on_part=True)


@app.command()
def reply(reference: str = typer.Argument(..., help=REFERENCE_HELP),
          message: str = typer.Option(..., "--message", "-m", callback=_required_text,
                                      help="What to write to the business (it goes in the case's letter frame)."),
          part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
          actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Write to the business about a part, in any status: no status, due date or clock changes."""
    from intake.cases.lifecycle import reply as run

    _act(run, reference, message, actor=actor, part=part, on_part=True)


@app.command()
def reroute(reference: str = typer.Argument(..., help=REFERENCE_HELP),
            task_type: str = typer.Option(..., "--task-type", help="The right task type, e.g. skilte."),
            part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
            actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Move a part to another task type and office; recorded as a correction for the classifier."""
    from intake.cases.lifecycle import reroute as run

    _act(run, reference, task_type, actor=actor, part=part, on_part=True)


@app.command()
def assign(reference: str = typer.Argument(..., help=REFERENCE_HELP),
           to: str = typer.Option(..., "--to", callback=_required_text,
                                  help="Caseworker name or address (an address gets answers in Cc)."),
           part: str | None = typer.Option(None, "--part", metavar="<task type>", help=PART_HELP),
           actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Give a part to a caseworker."""
    from intake.cases.lifecycle import assign as run

    _act(run, reference, to, actor=actor, part=part, on_part=True)


@app.command("add-part")
def add_part(reference: str = typer.Argument(..., help=REFERENCE_HELP),
             task_type: str = typer.Option(..., "--task-type", help="The task type the application also asks for."),
             actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Add a part for a task type the application also asks for: it goes to its office with its own goal."""
    from intake.cases.lifecycle import add_part as run

    _act(run, reference, task_type, actor=actor)


@app.command("mark-complex")
def mark_complex(reference: str = typer.Argument(..., help=REFERENCE_HELP),
                 actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Mark the case complex: a contact person is assigned and introduced to the business."""
    from intake.cases.lifecycle import mark_complex as run

    _act(run, reference, actor=actor)


@app.command()
def close(reference: str = typer.Argument(..., help=REFERENCE_HELP),
          actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Close a case whose parts are all decided."""
    from intake.cases.lifecycle import close as run

    _act(run, reference, actor=actor)


@app.command()
def note(reference: str = typer.Argument(..., help=REFERENCE_HELP),
         text: str = typer.Argument(..., help="The note, for colleagues; the business never sees it."),
         part: str | None = typer.Option(None, "--part", metavar="<task type>",
                                         help="The part it concerns (default: the case as a whole)."),
         actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Add an internal note to the case's history (no mail; the track page never shows it)."""
    from intake.cases.lifecycle import note as run

    _act(run, reference, text, actor=actor, part=part, on_part=True)


app.command("meeting")(meeting)


@app.command("add-contact")
def add_contact(reference: str = typer.Argument(..., help=REFERENCE_HELP),
                email: str = typer.Argument(..., help="The address that may follow up and ask for status."),
                actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Let one more address write about the case (only the case's own addresses can; never a whole domain)."""
    from intake.cases.contacts import add_contact as run

    _act(run, reference, email, actor=actor)


@app.command("remove-contact")
def remove_contact(reference: str = typer.Argument(..., help=REFERENCE_HELP),
                   email: str = typer.Argument(..., help="An address added with add-contact."),
                   actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Take an address added with add-contact off the case."""
    from intake.cases.contacts import remove_contact as run

    _act(run, reference, email, actor=actor)
