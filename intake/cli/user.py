"""``intake user ...``: the staff of the web desk (add, list, disable). Mounted by ``intake.cli`` as ``user``.

Thin: opens the database, calls one function of ``intake.web.desk.users``, commits, prints.
A password is read from stdin with ``--password-stdin`` (one line), else asked for twice
on the terminal; without either the user can sign in only through the trusted proxy header.
"""
from __future__ import annotations

import sys
from enum import StrEnum

import typer
from rich.table import Table

from intake.cli.common import console, settings
from intake.cli.manners import IntakeTyper, level_options

app = IntakeTyper(help="Staff of the web desk: caseworkers, operators, admins.")
app.callback()(level_options)


class Role(StrEnum):
    """``intake.web.desk.users.ROLES`` as choices for ``--role``."""

    caseworker = "caseworker"
    operator = "operator"
    admin = "admin"


def _password(from_stdin: bool, prompt: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if prompt:
        return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    return None


@app.command()
def add(email: str = typer.Argument(..., help="The user's address (their sign-in name)."),
        office: str = typer.Option(..., "--office", help="Their office (its id in the catalogue, e.g. trafik)."),
        role: Role = typer.Option(Role.caseworker, "--role", help="caseworker, operator or admin."),
        password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
        no_password: bool = typer.Option(False, "--no-password",
                                         help="No password: sign-in only through the trusted proxy header.")) -> None:
    """Add a user (or enable a disabled one again)."""
    from sqlmodel import Session

    from intake.app import catalogue_and_calendar, open_engine
    from intake.web.desk import users

    s = settings()
    offices = set(catalogue_and_calendar(s)[0].offices)
    if office not in offices:
        raise typer.BadParameter(f"unknown office {office!r}; known: {', '.join(sorted(offices))}")
    password = _password(password_stdin, not no_password and sys.stdin.isatty())
    if password is None and not no_password:
        raise typer.BadParameter("give --password-stdin, --no-password, or run on a terminal to be asked")
    with Session(open_engine(s)) as session:
        user = users.add_user(session, email, office, role.value, password, offices)
        session.commit()
        console.print(f"user {user.email} added: {user.role} of {user.office}")


@app.command("list")
def list_() -> None:
    """The users, with their office, role and whether they are disabled."""
    from sqlmodel import Session

    from intake.app import open_engine
    from intake.web.desk import users

    table = Table("email", "office", "role", "password", "disabled", "since")
    with Session(open_engine(settings())) as session:
        for u in users.list_users(session):
            table.add_row(u.email, u.office, u.role, "yes" if u.password_hash else "no (proxy only)",
                          "yes" if u.disabled else "", f"{u.created_at:%Y-%m-%d}")
    console.print(table)


@app.command()
def disable(email: str = typer.Argument(..., help="The user's address.")) -> None:
    """Disable a user and end their sessions (kept for the audit log)."""
    from sqlmodel import Session

    from intake.app import open_engine
    from intake.web.desk import users

    with Session(open_engine(settings())) as session:
        user = users.disable_user(session, email)
        session.commit()
        console.print(f"user {user.email} disabled")


def audit(reference: str = typer.Argument(..., help="Tracking reference, e.g. KBH-2026-000001.")) -> None:
    """Who viewed and changed the case through the desk, and when."""
    from sqlmodel import Session

    from intake.app import open_engine
    from intake.cases.audit import audit_of

    with Session(open_engine(settings())) as session:
        lines = audit_of(session, reference)
    table = Table("when (UTC)", "who", "what", "detail")
    for line in lines:
        table.add_row(f"{line.at:%Y-%m-%d %H:%M:%S}", line.actor, line.action, line.detail)
    console.print(table)
    console.print(f"{len(lines)} entr{'y' if len(lines) == 1 else 'ies'}.")
