"""``intake privacy ...``: personal data: retention, a copy for the data subject, erasure. Mounted as ``privacy``.

Thin: each command opens the database, calls one function of ``intake.cases.personal_data`` in a
transaction, commits and prints what it did. A refusal (no subject, undecided cases) is one ``error:``
line and exit 1 (``intake.cli.manners``).
"""
from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from intake.cli.common import settings
from intake.cli.manners import IntakeTyper, level_options

if TYPE_CHECKING:
    from sqlmodel import Session

app = IntakeTyper(help="Personal data: retention, export (a copy of everything held) and erasure.")
app.callback()(level_options)
ACTOR_HELP = "Who does this (recorded in the privacy audit). Default: the OS user."
EMAIL_HELP = "The e-mail address whose data it is."
CVR_HELP = "The CVR number whose data it is."


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


@contextmanager
def _session() -> Iterator[Session]:
    from sqlmodel import Session

    from intake.app import open_engine

    with Session(open_engine(settings())) as session:
        yield session


@app.command()
def retention(dry_run: bool = typer.Option(False, "--dry-run", help="Only say what would be removed."),
              actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Remove the personal data of cases closed more than retention_days ago (default 5 years)."""
    from intake.cases.personal_data import retention as run

    with _session() as session:
        result = run(session, settings().retention_days, dry_run=dry_run, actor=_actor(actor))
        session.commit()
    typer.echo(result.summary)
    if result.cases:
        typer.echo("cases: " + ", ".join(result.cases))


@app.command()
def export(email: str = typer.Option("", "--email", help=EMAIL_HELP),
           cvr: str = typer.Option("", "--cvr", help=CVR_HELP),
           output: Path = typer.Option(..., "--output", "-o", help="The zip file to write."),
           actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Everything held about an address or a CVR number, as a zip (cases, mails received and sent)."""
    from intake.cases.personal_data import Subject, export_zip

    who = Subject(email=email, cvr=cvr)
    with _session() as session:
        data, held = export_zip(session, who, actor=_actor(actor))
        output.write_bytes(data)
        session.commit()
    typer.echo(f"{held.summary}: written to {output}")


@app.command()
def erase(email: str = typer.Option("", "--email", help=EMAIL_HELP),
          cvr: str = typer.Option("", "--cvr", help=CVR_HELP),
          include_open: bool = typer.Option(False, "--include-open", help="Also cases not yet decided."),
          actor: str | None = typer.Option(None, "--actor", help=ACTOR_HELP)) -> None:
    """Remove the personal data of every case and mail of an address or a CVR number (the figures stay)."""
    from intake.cases.personal_data import Subject
    from intake.cases.personal_data import erase as run

    who = Subject(email=email, cvr=cvr)
    with _session() as session:
        held = run(session, who, actor=_actor(actor), include_open=include_open)
        session.commit()
    typer.echo(f"erased: {held.summary}" + (f" ({', '.join(held.references)})" if held.references else ""))
