"""``intake outbox ...``: the operator's view of outgoing mail. Mounted by ``intake.cli`` as ``outbox``."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from intake.cli.common import console, settings
from intake.cli.manners import IntakeTyper, level_options
from intake.errors import CaseNotFound, RequestRefused

if TYPE_CHECKING:  # the ORM is imported by the commands that use it: 'intake case list' starts without it
    from sqlalchemy.engine import Engine

app = IntakeTyper(help="Outgoing mail: what waits, what failed; queue failed mail again.")
app.callback()(level_options)


def _engine() -> Engine:
    from intake.app import open_engine

    return open_engine(settings())


@app.command("list")
def list_(failed: bool = typer.Option(False, "--failed", help="Only mail that was given up.")) -> None:
    """Outgoing mail not yet sent (newest first), then the last sent; with the last answer of the server."""
    from intake.letters.outbox import outbox_rows

    rows = outbox_rows(_engine(), failed_only=failed)
    table = Table("id", "status", "purpose", "case", "recipient", "attempts", "queued", "last answer")
    for r in rows:
        table.add_row(str(r.id), r.status, r.purpose, str(r.case_id or "-"), escape(r.recipient),
                      str(r.attempts), r.created_at.isoformat(timespec="seconds"), escape(r.last_error[:80]))
    console.print(table)
    console.print(f"{len(rows)} mail(s).")


@app.command()
def retry(mail_id: int | None = typer.Argument(None, help="The id shown by 'outbox list'."),
          all_failed: bool = typer.Option(False, "--all-failed", help="Every failed mail.")) -> None:
    """Queue failed mail again (after the address or the mail server was fixed); the service sends it."""
    from intake.letters.outbox import retry_failed

    if (mail_id is None) == (not all_failed):
        raise typer.BadParameter("give one id or --all-failed")
    count = retry_failed(_engine(), None if all_failed else [mail_id] if mail_id is not None else [])
    if mail_id is not None and count == 0:
        raise CaseNotFound(f"no failed outgoing mail with id {mail_id}")
    console.print(f"{count} mail(s) queued again.")


@app.command("original")
def original_(mail_id: int = typer.Argument(..., help="The id named in the note of a mail sent without "
                                                      "its attachments."),
              output: Path = typer.Option(..., "--output", "-o", help="Where to write the .eml file.")) -> None:
    """Save an outgoing mail as queued, with every attachment (the relay may have taken it without them)."""
    from intake.letters.outbox import original

    raw = original(_engine(), mail_id)
    if raw is None:
        raise CaseNotFound(f"no outgoing mail with id {mail_id}")
    if output.exists():
        raise RequestRefused(f"{output} exists; choose another file")
    output.write_bytes(raw)
    console.print(f"mail {mail_id} written to {output} ({len(raw)} bytes)")
