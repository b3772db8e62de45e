"""The ``intake`` command. Thin: parse arguments, build settings, call one library function, print."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from intake.cli.case import app as case_app
from intake.cli.classifier import app as classifier_app
from intake.cli.common import configure_logging, console, settings, start_invocation
from intake.cli.report import app as report_app
from intake.errors import IntakeError

app = typer.Typer(help="Intake service for a municipal business desk.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
quarantine_app = typer.Typer(help="Messages that could not be processed.", no_args_is_help=True)
samples_app = typer.Typer(help="The bundled sample applications.", no_args_is_help=True)
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(samples_app, name="samples")


@app.callback()
def main_options(
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="TOML settings file (or INTAKE_CONFIG)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log at DEBUG level."),
) -> None:
    configure_logging(verbose)
    start_invocation(config)


def _service():
    from intake.app import build_context, open_engine, open_mailbox
    from intake.letters.sender import sender_from_settings
    from intake.service import Service

    s = settings()
    return Service(build_context(s), open_engine(s), open_mailbox(s), sender_from_settings(s))


@app.command()
def serve() -> None:
    """Run the background service: IDLE loop, outbox sender, scheduled jobs. Stops on SIGTERM."""
    _service().serve()


@app.command()
def process(once: bool = typer.Option(True, "--once", help="Process what is waiting now, send, exit.")) -> None:
    """Process what is in the mailbox now, send what is due, and exit."""
    from intake.cli.tables import outcome_table

    service = _service()
    outcomes = service.process_once()
    console.print(outcome_table(service.engine, outcomes))
    s = settings()
    where = f"SMTP {s.smtp_host}:{s.smtp_port}" if s.uses_smtp else f"the outbox Maildir {s.outbox_maildir}/new"
    console.print(f"{len(outcomes)} message(s) processed. Outgoing mail went to {where}.")


@app.command()
def classify(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A message file (.eml)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    received: Optional[datetime] = typer.Option(None, "--received", help="Receipt time (default: Date header)."),
) -> None:
    """Dry run: what would happen to this message. Stores and sends nothing."""
    from intake.app import build_context, case_lookup
    from intake.dryrun import analyse
    from intake.dryrun import as_json as to_json

    if received is not None and received.tzinfo is None:
        from routing.goals import LOCAL_TZ

        received = received.replace(tzinfo=LOCAL_TZ)
    with case_lookup(settings()) as lookup:
        result = to_json(analyse(file.read_bytes(), build_context(settings()), received, lookup))
    if as_json:
        print(json.dumps(result, ensure_ascii=False, default=str))
    else:
        for key, value in result.items():
            console.print(f"[bold]{key}[/bold]: {value}")


@quarantine_app.command("list")
def quarantine_list() -> None:
    """List quarantined messages with their reason."""
    from intake.app import open_engine
    from intake.cli.tables import quarantine_table

    console.print(quarantine_table(open_engine(settings())))


@quarantine_app.command("replay")
def quarantine_replay(message_id: int = typer.Argument(..., help="The id shown by 'quarantine list'.")) -> None:
    """Process a quarantined message again (after a fix), then send what is due."""
    from intake.runner import Runner

    service = _service()
    outcome = Runner(service.ctx, service.engine).replay(message_id)
    service.flush()
    console.print(f"message {message_id}: {outcome.outcome} {outcome.reference or ''} {outcome.reason}")
    if outcome.outcome == "quarantined":
        raise typer.Exit(1)


@samples_app.command("load")
def samples_load() -> None:
    """Deliver the bundled sample applications into the local Maildir."""
    from intake.samples import load_samples

    s = settings()
    if s.uses_imap:
        console.print("samples go into the local Maildir; unset INTAKE_IMAP_HOST first")
        raise typer.Exit(2)
    count = load_samples(s.maildir)
    console.print(f"{count} sample application(s) delivered to {s.maildir}")


app.add_typer(case_app, name="case", help="Caseworkers: follow and decide cases.")
app.add_typer(report_app, name="report", help="Service-goal reports.")
app.add_typer(classifier_app, name="classifier", help="Train, evaluate and activate classifier models.")


def main() -> None:
    from classifier import ClassifierError

    try:
        app()
    except (IntakeError, ClassifierError) as err:
        console.print(f"[red]error:[/red] {err}")
        sys.exit(2)
