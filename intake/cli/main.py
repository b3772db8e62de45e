"""The ``intake`` command. Thin: parse arguments, build settings, call one library function, print.

Exit codes: 0 done, 1 failure (one ``error: ...`` line on stderr), 2 usage.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import typer
from rich.markup import escape

from intake.cli.case import app as case_app
from intake.cli.classifier import app as classifier_app
from intake.cli.common import configure_logging, console, settings, start_invocation
from intake.cli.letters import app as letters_app
from intake.cli.manners import (
    FAILURE,
    LOG_FORMAT_KEY,
    VERBOSE_KEY,
    IntakeTyper,
    level_options,
    show_version,
)
from intake.cli.outbox import app as outbox_app
from intake.cli.privacy import app as privacy_app
from intake.cli.report import app as report_app
from intake.cli.user import app as user_app
from intake.cli.user import audit
from intake.errors import RequestRefused

app = IntakeTyper(help="Intake service for a municipal business desk.")
quarantine_app = IntakeTyper(help="Messages that could not be processed.")
samples_app = IntakeTyper(help="The bundled sample applications.")
quarantine_app.callback()(level_options)
samples_app.callback()(level_options)
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(samples_app, name="samples")


class LogFormat(StrEnum):
    """``intake.logs.LOG_FORMATS`` as choices for ``--log-format``."""

    text = "text"
    json = "json"


@app.callback()
def main_options(
    ctx: typer.Context,
    config: Path | None = typer.Option(None, "--config", "-c", help="TOML settings file (or INTAKE_CONFIG)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log at DEBUG level; show tracebacks."),
    log_format: LogFormat = typer.Option(LogFormat.text, "--log-format", envvar="INTAKE_LOG_FORMAT",
                                         case_sensitive=False,
                                         help="Log lines as text, or as one JSON object per line (production)."),
    _version: bool = typer.Option(False, "--version", is_eager=True, callback=show_version,
                                  help="Print the version and exit."),
) -> None:
    """Options of the whole invocation: logging is set up here, before any command runs."""
    ctx.meta[VERBOSE_KEY], ctx.meta[LOG_FORMAT_KEY] = verbose, log_format.value
    configure_logging(ctx, logging.DEBUG if verbose else logging.INFO, log_format.value)
    start_invocation(config)


def sending_summary(result, where: str) -> str:
    """What the flushes did, in one line (and one per mail given up): never "sent" for mail that waits."""
    text = f"{result.sent} sent to {where}"
    text += f", {result.slimmed} of them without attachments (too large)" if result.slimmed else ""
    if result.waiting:
        text += f"; {result.waiting} WAITING in the outbox: {escape(result.relay_trouble)}"
    if result.failed:
        text += f"; {result.failed} FAILED (see 'intake outbox list --failed'):\n  " + "\n  ".join(
            escape(f) for f in result.failures)
    return text + "."


def _service():
    from intake.app import build_context, open_engine, open_mailbox
    from intake.letters.sender import sender_from_settings
    from intake.service import Service

    s = settings()
    return Service(build_context(s), open_engine(s), open_mailbox(s), sender_from_settings(s))


@app.command()
def serve(
    web: bool = typer.Option(False, "--web", help="Also serve the web pages in this process (see 'intake web')."),
    host: str = typer.Option("127.0.0.1", "--host", help="With --web: address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="With --web: port to listen on."),
) -> None:
    """Run the background service: IDLE loop, outbox sender, scheduled jobs. Stops on SIGTERM."""
    from intake.doctor import warn_at_start
    from intake.single import one_process

    warn_at_start(settings())
    with one_process(settings().database_url):
        if not web:
            _service().serve()
            return
        from intake.cli.web import web_in_thread

        service = _service()  # built first, so the web answers only once the service is about to run
        server, thread = web_in_thread(host, port)
        try:
            service.serve()
        finally:
            server.should_exit = True
            thread.join(timeout=10)


@app.command()
def web(host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on.")) -> None:
    """Serve the web pages: the businesses' track pages and the probes (/health, /ready, /metrics)."""
    from intake.cli.web import run_web

    run_web(host, port)


@app.command()
def worker(concurrency: int = typer.Option(2, "--concurrency", "-j", min=1,
                                           help="Attachments read at the same time by this worker."),
           once: bool = typer.Option(False, "--once", help="Read what is queued now, then exit (tests).")) -> None:
    """Read attachments for the service (INTAKE_EXTRACTION=queue): run as many as the machines allow.

    Stops on SIGTERM once the attachments in hand are read.
    """
    from intake.app import configure_sandbox, open_engine
    from intake.extraction import QUEUE, ensure_schema, make_app

    s = settings()
    engine = open_engine(s)
    configure_sandbox(s)
    app = make_app(s.database_url, engine)
    ensure_schema(app, engine)
    logging.getLogger(__name__).info("extraction worker started", extra={"concurrency": concurrency})
    app.run_worker(queues=[QUEUE], concurrency=concurrency, wait=not once, install_signal_handlers=True,
                   shutdown_graceful_timeout=float(s.attachment_seconds) * 2)
    engine.dispose()


@app.command()
def doctor() -> None:
    """Check the settings, database, mailbox, relay, model and attachment tools; exit 1 when one is missing."""
    import os

    from intake.cli.common import state
    from intake.doctor import run_checks

    source = state.get("config") or os.environ.get("INTAKE_CONFIG")
    failed = False
    for check in run_checks(settings(), Path(source) if source else None):
        style = {"ok": "green", "warn": "yellow", "fail": "red"}[check.verdict]
        console.print(f"[{style}]{check.line}[/{style}]", highlight=False)
        failed = failed or check.verdict == "fail"
    if failed:
        raise typer.Exit(FAILURE)


@app.command()
def process(once: bool = typer.Option(True, "--once", show_default=False,
                                      help="Process what is waiting now, send, exit (the only mode).")) -> None:
    """Process what is in the mailbox now, send what is due, and exit."""
    from intake.cli.tables import outcome_table
    from intake.single import one_process

    with one_process(settings().database_url):
        service = _service()
        outcomes = service.process_once()
    console.print(outcome_table(service.engine, outcomes))
    s = settings()
    where = f"SMTP {s.smtp_host}:{s.smtp_port}" if s.uses_smtp else f"the outbox Maildir {s.outbox_maildir}/new"
    console.print(f"{len(outcomes)} message(s) processed. Outgoing mail: {sending_summary(service.sending, where)}")
    reference = next((o.reference for o in outcomes if o.reference), None)
    if reference:
        from intake.tracking import track_url

        console.print(f"The track page of {reference} (start it with 'intake web'): {track_url(s, reference)}",
                      soft_wrap=True)


@app.command()
def classify(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="A message file (.eml)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    received: datetime | None = typer.Option(None, "--received", metavar="<YYYY-MM-DD[THH:MM:SS]>",
                                                help="Receipt time, Copenhagen time (default: the Date header)."),
) -> None:
    """Dry run: what would happen to this message. Stores and sends nothing."""
    from intake.app import build_context, case_lookup
    from intake.dryrun import analyse
    from intake.dryrun import as_json as to_json

    if received is not None and not 2000 <= received.year <= 2200:
        # (a due date 10 weeks after 9999-12-30 is no date: a traceback, before this)
        raise typer.BadParameter("a receipt time between the years 2000 and 2200", param_hint="--received")
    if received is not None and received.tzinfo is None:
        from routing.goals import LOCAL_TZ

        received = received.replace(tzinfo=LOCAL_TZ)
    with case_lookup(settings()) as (lookup, forwards):
        result = to_json(analyse(file.read_bytes(), build_context(settings()), received, lookup, forwards))
    if as_json:
        print(json.dumps(result, ensure_ascii=False, default=str))
    else:
        for key, value in result.items():
            console.print(f"[bold]{key}[/bold]: {value}")


@quarantine_app.command("list")
def quarantine_list() -> None:
    """List quarantined messages with their reason, and those refused for their size (not replayable)."""
    from intake.app import open_engine
    from intake.cli.tables import quarantine_table

    console.print(quarantine_table(open_engine(settings())))


@quarantine_app.command("replay")
def quarantine_replay(message_id: int = typer.Argument(..., help="The id shown by 'quarantine list'.")) -> None:
    """Process a quarantined message again (after a fix), then send what is due; its copy moves to Processed."""
    from intake.runner import Runner
    from intake.single import one_process

    with one_process(settings().database_url):
        service = _service()
        try:
            outcome = Runner(service.ctx, service.engine, service.mailbox).replay(message_id)
        finally:
            service.mailbox.close()
        service.flush()
    console.print(f"message {message_id}: {outcome.outcome} {outcome.reference or ''} {outcome.reason}")
    if outcome.outcome == "quarantined":
        raise typer.Exit(FAILURE)


@samples_app.command("load")
def samples_load() -> None:
    """Deliver the bundled sample applications into the local Maildir."""
    from intake.samples import load_samples

    s = settings()
    if s.uses_imap:
        raise RequestRefused("samples go into the local Maildir; unset INTAKE_IMAP_HOST first")
    count = load_samples(s.maildir)
    console.print(f"{count} sample application(s) delivered to {s.maildir}")


app.add_typer(case_app, name="case", help="Caseworkers: follow and decide cases.")
app.add_typer(report_app, name="report", help="Service-goal reports.")
app.add_typer(outbox_app, name="outbox", help="Outgoing mail: list, retry failed mail.")
app.add_typer(classifier_app, name="classifier", help="Train, evaluate and activate classifier models.")
app.add_typer(user_app, name="user", help="Staff of the web desk: add, list, disable.")
app.command("audit")(audit)
app.add_typer(privacy_app, name="privacy", help="Personal data: retention, export and erasure.")
app.add_typer(letters_app, name="letters", help="The letters businesses receive (the gallery for review).")


def main() -> None:
    """The ``intake`` console script: failures become one line and exit 1 (``intake.cli.manners``)."""
    app()
