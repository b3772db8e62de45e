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

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from intake.cli.common import settings
from intake.cli.manners import IntakeTyper, level_options
from intake.cli.meeting import meeting

app = IntakeTyper(help="Follow and move cases: list, show, start, request information, decide, close.")
app.callback()(level_options)
console = Console(width=None if sys.stdout.isatty() else 160)
ACTOR_HELP = "Who does this (recorded in the history). Default: the OS user."
REFERENCE_HELP = "Tracking reference, e.g. KBH-2026-000001."
STANDING_STYLE = {"on_track": "green", "at_risk": "yellow", "overdue": "bold red", "done": "dim"}


def _settings():
    return settings()


def _known_office(value: str | None) -> str | None:
    """``--office`` must be an office of the catalogue (a typo would silently list nothing)."""
    from intake.app import catalogue_and_calendar

    offices = catalogue_and_calendar(_settings())[0].offices if value is not None else {}
    if value is not None and value not in offices:
        raise typer.BadParameter(f"unknown office {value!r}; known: {', '.join(sorted(offices))}")
    return value


def _known_status(value: str | None) -> str | None:
    from intake.cases.rules import STATUSES

    if value is not None and value not in STATUSES:
        raise typer.BadParameter(f"unknown status {value!r}; known: {', '.join(STATUSES)}")
    return value


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
def _desk_session() -> Iterator[tuple]:
    from sqlmodel import Session

    from intake.app import build_desk, open_engine

    settings = _settings()
    engine = open_engine(settings)
    with Session(engine) as session:
        yield build_desk(settings), session, engine, settings


def _act(action: Callable, *args, actor: str | None, **kwargs) -> None:
    kwargs["actor"] = actor or _default_actor()
    with _desk_session() as (desk, session, engine, settings):
        result = action(session, *args, desk=desk, **kwargs)
        session.commit()
    console.print(result.summary)
    if result.mailed:
        from intake.app import send_now

        sent = send_now(engine, settings)
        console.print(f"mail to {', '.join(result.mailed)} "
                      + ("sent" if sent else "queued (the service sends it)"))


@app.command("list")
def list_(office: str | None = typer.Option(None, "--office", callback=_known_office,
                                               help="Only this office (its id in the catalogue, e.g. trafik)."),
          status: str | None = typer.Option(None, "--status", callback=_known_status,
                                               help="Only this status, e.g. routed, in_progress or waiting."),
          overdue: bool = typer.Option(False, "--overdue", help="Only overdue cases.")) -> None:
    """Cases by due date: on track, at risk (due within 2 working days) or overdue."""
    from intake.cases.lifecycle import list_cases

    with _desk_session() as (desk, session, _, _s):
        rows = list_cases(session, desk, office=office, status=status, overdue=overdue)
    table = Table("reference", "due", "standing", "status", "task type", "office", "company", "assigned")
    for r in rows:
        style = STANDING_STYLE.get(r.standing, "")
        status_text = r.status + (f" ({r.decision})" if r.decision else "") + (" *" if r.complex else "")
        table.add_row(r.reference, r.due.isoformat(), f"[{style}]{r.standing}[/{style}]", status_text,
                      r.task_type, r.office, escape(r.company), escape(r.assigned_to))
    console.print(table)
    console.print(f"{len(rows)} case(s). * = complex (has a contact person).")


@app.command()
def show(reference: str = typer.Argument(..., help=REFERENCE_HELP)) -> None:
    """Details, documents, paths forward offered by the catalogue, and the full history."""
    from intake.cases.lifecycle import case_detail

    with _desk_session() as (desk, session, _, _s):
        d = case_detail(session, reference, desk)
        c = d.case
        lines = [
            f"{c.reference}  {c.subject}",
            f"status: {c.status}" + (f" ({c.decision})" if c.decision else ""),
            f"task type: {c.task_type} ({', '.join(json.loads(c.task_types))})  office: {c.office}"
            + ("  [TRIAGE]" if c.needs_triage else ""),
            f"offices involved: {', '.join(json.loads(c.offices or '[]'))}",
            f"received: {c.received_at:%Y-%m-%d %H:%M} UTC  goal: {c.goal_value} {c.goal_unit}",
            f"due: {d.due.isoformat()} ({c.expected_week})  standing: {d.standing}"
            + (f"  [paused since {c.paused_since:%Y-%m-%d %H:%M}]" if c.paused_since else "")
            + (f"  paused so far: {c.paused_seconds // 3600} h" if c.paused_seconds else ""),
            f"applicant: {c.sender}  company: {c.company_name or '-'}  CVR: {c.cvr or '-'}  language: {c.language}",
            f"assigned to: {c.assigned_to or '-'}  complex: {'yes' if c.complex else 'no'}"
            + (f"  contact person: {c.contact_person} <{c.contact_email}>" if c.contact_email else ""),
        ]
        docs = [f"  - {a.get('filename')} ({a.get('type')}, {a.get('status')}"
                + (f": {a.get('reason')}" if a.get("reason") else "") + ")" for a in d.documents]
        paths = [f"  {i}. {p}" for i, p in enumerate(d.paths_forward, start=1)]
        history = [f"  {e.at:%Y-%m-%d %H:%M}  {e.actor:<12} {e.action:<15} {e.detail}" for e in d.events]
    text = ["\n".join(lines), "documents:\n" + ("\n".join(docs) or "  -"),
            "paths forward (reject --path-forward N picks one):\n" + "\n".join(paths),
            "history:\n" + "\n".join(history)]
    console.print("\n".join(text), highlight=False, markup=False)


@app.command()
def start(reference: str = typer.Argument(..., help=REFERENCE_HELP),
          actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Begin work on the case (in progress). On a waiting case: the clock runs again."""
    from intake.cases.lifecycle import start as run

    _act(run, reference, actor=actor)


@app.command("request-info")
def request_info(reference: str = typer.Argument(..., help=REFERENCE_HELP),
                 message: str = typer.Option(..., "--message", "-m", callback=_required_text,
                                             help="What the business must supply."),
                 actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Ask the business for information: mails it and pauses the service-goal clock."""
    from intake.cases.lifecycle import request_info as run

    _act(run, reference, message, actor=actor)


@app.command()
def approve(reference: str = typer.Argument(..., help=REFERENCE_HELP),
            message: str = typer.Option("", "--message", "-m", help="Conditions or a note for the business."),
            actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Approve the application and mail the decision."""
    from intake.cases.lifecycle import approve as run

    _act(run, reference, actor=actor, message=message)


@app.command()
def reject(reference: str = typer.Argument(..., help=REFERENCE_HELP),
           reason: str = typer.Option(..., "--reason", callback=_required_text,
                                      help="Why (forvaltningsloven §§ 22 and 24)."),
           path_forward: str = typer.Option(..., "--path-forward", callback=_required_text,
                                            help="How the business can move forward: your text, or a number "
                                                 "to pick the catalogue's path (see 'case show')."),
           actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Reject with reasons and a path forward; the catalogue's appeal guidance is added."""
    from intake.cases.lifecycle import reject as run

    _act(run, reference, reason=reason, path_forward=path_forward, actor=actor)


@app.command()
def forward(reference: str = typer.Argument(..., help=REFERENCE_HELP),
            topic: str = typer.Option(..., "--topic", help="External topic id from the catalogue, e.g. foedevarer."),
            message: str = typer.Option("", "--message", "-m", help="A note for the business."),
            actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Not a municipal task: tell the business which authority decides it (forvaltningsloven § 7)."""
    from intake.cases.lifecycle import forward as run

    _act(run, reference, topic, actor=actor, message=message)


@app.command()
def reroute(reference: str = typer.Argument(..., help=REFERENCE_HELP),
            task_type: str = typer.Option(..., "--task-type", help="The right task type, e.g. skilte."),
            actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Move the case to another task type and office; recorded as a correction for the classifier."""
    from intake.cases.lifecycle import reroute as run

    _act(run, reference, task_type, actor=actor)


@app.command()
def assign(reference: str = typer.Argument(..., help=REFERENCE_HELP),
           to: str = typer.Option(..., "--to", callback=_required_text,
                                  help="Caseworker name or address (an address gets answers in Cc)."),
           actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Give the case to a caseworker."""
    from intake.cases.lifecycle import assign as run

    _act(run, reference, to, actor=actor)


@app.command("mark-complex")
def mark_complex(reference: str = typer.Argument(..., help=REFERENCE_HELP),
                 actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Mark the case complex: a contact person is assigned and introduced to the business."""
    from intake.cases.lifecycle import mark_complex as run

    _act(run, reference, actor=actor)


@app.command()
def close(reference: str = typer.Argument(..., help=REFERENCE_HELP),
          actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Close a decided case."""
    from intake.cases.lifecycle import close as run

    _act(run, reference, actor=actor)


app.command("meeting")(meeting)
