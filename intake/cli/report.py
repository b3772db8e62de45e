"""``intake report ...``: service-goal reports. Mounted by ``intake.cli`` as ``report``.

A refused report (the period starts after it ends) is one ``error:`` line and exit 1 (``intake.cli.manners``).
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path

import typer

from intake.cli.common import settings
from intake.cli.manners import IntakeTyper, level_options

app = IntakeTyper(help="Service-goal reports (baseline and compliance) and routing accuracy.")
app.callback()(level_options)


class By(StrEnum):
    task_type = "task-type"
    office = "office"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    html = "html"


def _settings():
    return settings()


@app.command()
def compliance(
    start: datetime | None = typer.Option(None, "--from", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
                                             help="First receipt date (Copenhagen), e.g. 2026-01-01."),
    end: datetime | None = typer.Option(None, "--to", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
                                           help="Last receipt date, included."),
    by: By = typer.Option(By.task_type, "--by", help="Group by task type or office."),
    fmt: Format = typer.Option(Format.table, "--format", help="table (terminal), csv or html (with charts)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Cases, median and 90th percentile processing time, share within the goal, open cases at risk/overdue."""
    from rich.console import Console

    from intake.app import catalogue_and_calendar, open_engine
    from intake.cases.compliance import compliance as run
    from intake.cases.compliance_render import Period, as_csv, as_html, as_table

    s = _settings()
    catalogue, calendar = catalogue_and_calendar(s)
    period = Period(start.date() if start else None, end.date() if end else None, by.value)
    rows = run(open_engine(s), catalogue, calendar, start=period.start, end=period.end, by=by.value)
    if fmt is Format.table:
        console = Console(file=output.open("w", encoding="utf-8") if output else None, width=160 if output else None)
        console.print(as_table(rows, period))
        return
    text = as_csv(rows) if fmt is Format.csv else as_html(rows, period)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{fmt.value} report written to {output}", err=True)
    else:
        typer.echo(text, nl=False)


@app.command()
def routing(
    start: datetime | None = typer.Option(None, "--from", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
                                             help="First receipt date (Copenhagen), e.g. 2026-01-01."),
    end: datetime | None = typer.Option(None, "--to", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
                                           help="Last receipt date, included."),
    fmt: Format = typer.Option(Format.table, "--format", help="table (terminal), csv or html (with charts)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Routing accuracy (parts not rerouted / parts decided) per task type and ISO week, triage rate and outcome."""
    from rich.console import Console

    from intake.app import catalogue_and_calendar, open_engine
    from intake.cases.compliance_render import Period
    from intake.cases.routing_render import as_csv, as_html, as_table
    from intake.cases.routing_report import routing_report

    s = _settings()
    catalogue, _ = catalogue_and_calendar(s)
    period = Period(start.date() if start else None, end.date() if end else None, "task type and ISO week")
    report = routing_report(open_engine(s), catalogue, start=period.start, end=period.end)
    if fmt is Format.table:
        console = Console(file=output.open("w", encoding="utf-8") if output else None, width=160 if output else None)
        console.print(as_table(report, period))
        return
    text = as_csv(report) if fmt is Format.csv else as_html(report, period)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{fmt.value} report written to {output}", err=True)
    else:
        typer.echo(text, nl=False)
