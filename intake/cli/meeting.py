"""``intake case meeting REF``: show, propose, move, cancel and record a case's star meeting.

A plain function; ``intake.cli.case`` registers it with ``app.command("meeting")(meeting)``.
"""
from __future__ import annotations

import getpass
import json
import sys
from datetime import datetime

import typer
from rich.console import Console
from rich.table import Table

from intake.cli.common import settings

console = Console(width=None if sys.stdout.isatty() else 160)


def _settings():
    return settings()


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "caseworker"


def meetings_table(meetings) -> Table:
    from routing.goals import LOCAL_TZ

    table = Table("uid", "when (Copenhagen)", "status", "participants", "outcome", "open questions")
    for m in meetings:
        people = "\n".join(f"{p['name']} ({p['role']})" for p in json.loads(m.participants or "[]"))
        start, end = m.starts_at.astimezone(LOCAL_TZ), m.ends_at.astimezone(LOCAL_TZ)
        table.add_row(m.uid, f"{start:%Y-%m-%d %H:%M}-{end:%H:%M}", m.status, people, m.outcome or "-",
                      m.open_questions or "-")
    return table


TIME_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
TIME_METAVAR = '<"YYYY-MM-DD HH:MM">'


def _check(propose: bool, at: datetime | None, outcome: str | None, open_questions: str | None,
           move: datetime | None = None, cancel: bool = False, reason: str | None = None) -> None:
    chosen = [name for name, on in (("--propose", propose), ("--move", move is not None), ("--cancel", cancel),
                                    ("--outcome", outcome is not None)) if on]
    if len(chosen) > 1:
        raise typer.BadParameter(f"use one of {', '.join(chosen)}, not several")
    if at is not None and not propose:
        raise typer.BadParameter("--at goes with --propose")
    if open_questions is not None and outcome is None:
        raise typer.BadParameter("--open-questions goes with --outcome")
    if reason is not None and not cancel:
        raise typer.BadParameter("--reason goes with --cancel")


def _mailing_change(session, case, desk, settings, who: str, *, propose: bool, at: datetime | None,
                    move: datetime | None, cancel: bool, reason: str | None):
    """Propose, move or cancel, whichever was asked: (meeting, what happened, what was queued), else None."""
    from intake.cases.meetings import cancel_meeting, move_meeting, propose_star_meeting

    if propose:
        return (propose_star_meeting(session, case, desk.catalogue, desk.calendar, settings, at, actor=who),
                "proposed", "invitations")
    if move is not None:
        return (move_meeting(session, case, desk.catalogue, desk.calendar, settings, move, actor=who),
                "moved", "updates")
    if cancel:
        return (cancel_meeting(session, case, desk.catalogue, settings, (reason or "").strip(), actor=who),
                "cancelled", "cancellations")
    return None


def meeting(
    reference: str = typer.Argument(..., help="Tracking reference, e.g. KBH-2026-000001."),
    propose: bool = typer.Option(False, "--propose", help="Propose a star meeting and mail the invitations."),
    at: datetime | None = typer.Option(None, "--at", formats=TIME_FORMATS, metavar=TIME_METAVAR,
                                          help='Meeting start, Copenhagen time, e.g. "2026-12-10 10:00". '
                                               "Default: a few working days ahead at 10:00 (configurable)."),
    move: datetime | None = typer.Option(None, "--move", formats=TIME_FORMATS, metavar=TIME_METAVAR,
                                            help='Move the open meeting to this start, Copenhagen time, e.g. '
                                                 '"2026-12-10 13:00", and mail everyone the update.'),
    cancel: bool = typer.Option(False, "--cancel", help="Cancel the open meeting and mail everyone."),
    reason: str | None = typer.Option(None, "--reason", help="Why the meeting is cancelled (with --cancel)."),
    outcome: str | None = typer.Option(None, "--outcome", help="Record the meeting as held with its decisions."),
    open_questions: str | None = typer.Option(None, "--open-questions", help="Questions left open (with --outcome)."),
    actor: str | None = typer.Option(None, "--actor", help="Who does this (recorded). Default: the OS user."),
) -> None:
    """Show the case's star meetings; propose (--propose [--at]), move (--move), cancel (--cancel [--reason])
    or record the outcome (--outcome)."""
    from sqlmodel import Session

    from intake.app import build_desk, open_engine, send_now
    from intake.cases.lifecycle import held_case
    from intake.cases.meetings import meetings_of, record_outcome
    from intake.letters.outbox import newest_id, queued_after

    _check(propose, at, outcome, open_questions, move, cancel, reason)
    settings = _settings()
    engine = open_engine(settings)
    desk = build_desk(settings)
    queued = False
    with Session(engine) as session:  # a refusal (no case, a holiday...) is one error line (intake.cli.manners)
        case = held_case(session, reference)   # another change of the case waits for this one
        before = newest_id(session)
        done = _mailing_change(session, case, desk, settings, _actor(actor), propose=propose, at=at,
                               move=move, cancel=cancel, reason=reason)
        if done:
            m, verb, what = done
            session.commit()
            queued = True
            console.print(f"star meeting of {case.reference} {verb}: {len(json.loads(m.participants))} "
                          f"{what} queued")
        elif outcome is not None:
            record_outcome(session, case, outcome.strip(), (open_questions or "").strip(), actor=_actor(actor))
            session.commit()
            console.print(f"star meeting of {case.reference} recorded as held")
        found = meetings_of(session, case)
        console.print(meetings_table(found) if found else f"{case.reference} has no star meeting yet.")
    if queued:
        sent = send_now(engine, settings, only=queued_after(engine, before))  # its own mail only
        console.print("mails sent" if sent else "mails queued (the service sends them)")
