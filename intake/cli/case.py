"""``intake case ...``: caseworkers move cases along. Mounted by ``intake.cli`` as ``case``.

Thin: each command opens the database, calls one function of ``intake.cases.lifecycle``
in a transaction, commits, sends what it queued (best effort: the service
retries anything left), and prints what it did.
"""
from __future__ import annotations

import getpass
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from intake.cli.common import settings, use_config
from intake.cli.meeting import meeting
from intake.errors import IntakeError

app = typer.Typer(help="Follow and move cases: list, show, start, request information, decide, close.",
                  no_args_is_help=True)
console = Console(width=None if sys.stdout.isatty() else 160)
ACTOR_HELP = "Who does this (recorded in the history). Default: the OS user."
STANDING_STYLE = {"on_track": "green", "at_risk": "yellow", "overdue": "bold red", "done": "dim"}


@app.callback()
def case_options(config: Optional[Path] = typer.Option(
        None, "--config", "-c", help="TOML settings file (default: intake's --config or INTAKE_CONFIG).")) -> None:
    use_config(config)


def _settings():
    return settings()


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
    try:
        with Session(engine) as session:
            yield build_desk(settings), session, engine, settings
    except IntakeError as err:
        console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from err


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
def list_(office: Optional[str] = typer.Option(None, "--office", help="Only this office (id, e.g. trafik)."),
          status: Optional[str] = typer.Option(None, "--status", help="Only this status, e.g. waiting."),
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
def show(reference: str = typer.Argument(..., help="Tracking reference, e.g. KBH-2026-000001.")) -> None:
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
            "paths forward (reject --path-forward N picks one):\n" + "\n".join(paths), "history:\n" + "\n".join(history)]
    console.print("\n".join(text), highlight=False, markup=False)


@app.command()
def start(reference: str = typer.Argument(...), actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)
          ) -> None:
    """Begin work on the case (in progress). On a waiting case: the clock runs again."""
    from intake.cases.lifecycle import start as run

    _act(run, reference, actor=actor)


@app.command("request-info")
def request_info(reference: str = typer.Argument(...),
                 message: str = typer.Option(..., "--message", "-m", help="What the business must supply."),
                 actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Ask the business for information: mails it and pauses the service-goal clock."""
    from intake.cases.lifecycle import request_info as run

    _act(run, reference, message, actor=actor)


@app.command()
def approve(reference: str = typer.Argument(...),
            message: str = typer.Option("", "--message", "-m", help="Conditions or a note for the business."),
            actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Approve the application and mail the decision."""
    from intake.cases.lifecycle import approve as run

    _act(run, reference, actor=actor, message=message)


@app.command()
def reject(reference: str = typer.Argument(...),
           reason: str = typer.Option(..., "--reason", help="Why (forvaltningsloven §§ 22 and 24)."),
           path_forward: str = typer.Option(..., "--path-forward",
                                            help="How the business can move forward: your text, or a number "
                                                 "to pick the catalogue's path (see 'case show')."),
           actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Reject with reasons and a path forward; the catalogue's appeal guidance is added."""
    from intake.cases.lifecycle import reject as run

    _act(run, reference, reason=reason, path_forward=path_forward, actor=actor)


@app.command()
def forward(reference: str = typer.Argument(...),
            topic: str = typer.Option(..., "--topic", help="External topic id from the catalogue, e.g. foedevarer."),
            message: str = typer.Option("", "--message", "-m", help="A note for the business."),
            actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Not a municipal task: tell the business which authority decides it (forvaltningsloven § 7)."""
    from intake.cases.lifecycle import forward as run

    _act(run, reference, topic, actor=actor, message=message)


@app.command()
def reroute(reference: str = typer.Argument(...),
            task_type: str = typer.Option(..., "--task-type", help="The right task type, e.g. skilte."),
            actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Move the case to another task type and office; recorded as a correction for the classifier."""
    from intake.cases.lifecycle import reroute as run

    _act(run, reference, task_type, actor=actor)


@app.command()
def assign(reference: str = typer.Argument(...),
           to: str = typer.Option(..., "--to", help="Caseworker name or address (an address gets answers in Cc)."),
           actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Give the case to a caseworker."""
    from intake.cases.lifecycle import assign as run

    _act(run, reference, to, actor=actor)


@app.command("mark-complex")
def mark_complex(reference: str = typer.Argument(...),
                 actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Mark the case complex: a contact person is assigned and introduced to the business."""
    from intake.cases.lifecycle import mark_complex as run

    _act(run, reference, actor=actor)


@app.command()
def close(reference: str = typer.Argument(...),
          actor: Optional[str] = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Close a decided case."""
    from intake.cases.lifecycle import close as run

    _act(run, reference, actor=actor)


app.command("meeting")(meeting)
