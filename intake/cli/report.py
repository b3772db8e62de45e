"""``intake report ...``: service-goal reports. Mounted by ``intake.cli`` as ``report``.

A refused report (the period starts after it ends) is one ``error:`` line and exit 1 (``intake.cli.manners``).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

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


FROM_OPTION = typer.Option(None, "--from", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
                           help="First receipt date (Copenhagen), e.g. 2026-01-01.")
TO_OPTION = typer.Option(None, "--to", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
                         help="Last receipt date, included.")
FORMAT_OPTION = typer.Option(Format.table, "--format", help="table (terminal), csv or html (with charts).")
OUTPUT_OPTION = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")


def _settings():
    return settings()


def _write(fmt: Format, output: Path | None, table: Callable[[], Any], csv: Callable[[], str],
           html: Callable[[], str]) -> None:
    """A report in ``fmt``: a rich table on the terminal (or in ``output``), else CSV or HTML text."""
    if fmt is Format.table:
        from rich.console import Console

        console = Console(file=output.open("w", encoding="utf-8") if output else None, width=160 if output else None)
        console.print(table())
        return
    text = csv() if fmt is Format.csv else html()
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{fmt.value} report written to {output}", err=True)
    else:
        typer.echo(text, nl=False)


@app.command()
def compliance(
    start: datetime | None = FROM_OPTION,
    end: datetime | None = TO_OPTION,
    by: By = typer.Option(By.task_type, "--by", help="Group by task type or office."),
    fmt: Format = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
) -> None:
    """Cases, median and 90th percentile processing time, share within the goal, open cases at risk/overdue."""
    from intake.app import catalogue_and_calendar, open_engine
    from intake.cases.compliance import compliance as run
    from intake.cases.compliance_render import Period, as_csv, as_html, as_table

    s = _settings()
    catalogue, calendar = catalogue_and_calendar(s)
    period = Period(start.date() if start else None, end.date() if end else None, by.value)
    rows = run(open_engine(s), catalogue, calendar, start=period.start, end=period.end, by=by.value)
    _write(fmt, output, lambda: as_table(rows, period), lambda: as_csv(rows), lambda: as_html(rows, period))


@app.command()
def routing(
    start: datetime | None = FROM_OPTION,
    end: datetime | None = TO_OPTION,
    fmt: Format = FORMAT_OPTION,
    output: Path | None = OUTPUT_OPTION,
) -> None:
    """Routing accuracy (parts not rerouted / parts decided) per task type and ISO week, triage rate and outcome."""
    from intake.app import catalogue_and_calendar, open_engine
    from intake.cases.compliance_render import Period
    from intake.cases.routing_render import as_csv, as_html, as_table
    from intake.cases.routing_report import routing_report

    s = _settings()
    catalogue, _ = catalogue_and_calendar(s)
    period = Period(start.date() if start else None, end.date() if end else None, "task type and ISO week")
    report = routing_report(open_engine(s), catalogue, start=period.start, end=period.end)
    _write(fmt, output, lambda: as_table(report, period), lambda: as_csv(report), lambda: as_html(report, period))
