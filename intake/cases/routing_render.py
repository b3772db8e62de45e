"""The routing report as a terminal table, CSV, or a self-contained HTML page with charts.

Charts as in ``intake.cases.compliance_render``: matplotlib (Agg), embedded as base64 PNG.
"""
from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence

from rich.table import Table

from intake.cases.compliance_render import Period, _figure, _png, _short
from intake.cases.routing_report import AccuracyRow, RoutingReport, TriageRow

COLUMNS = ("section", "group", "label", "parts", "decided", "not_rerouted", "rerouted", "added", "accuracy",
           "cases", "of", "share")
RULES = (
    "Routing accuracy: parts decided and never rerouted / parts decided, over the parts the service routed to an "
    "office itself, counted for the task type it first gave them and the ISO week of receipt; triage parts and "
    "parts added by caseworkers are not in it, open parts not yet. Triage rate: cases sent to the triage office / "
    "cases; a triage case is resolved to the office of its first correction."
)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _accuracy_rows(report: RoutingReport) -> list[AccuracyRow]:
    return [*report.by_task_type, *report.by_week, report.total]


def as_table(report: RoutingReport, period: Period) -> Table:
    """A rich table of the accuracy rows, then the triage rows."""
    table = Table("group", "routed parts", "decided", "not rerouted", "accuracy", "rerouted", "added",
                  title=f"Routing accuracy, {period.describe()}", caption=RULES, caption_justify="left")
    for section in (report.by_task_type, report.by_week, [report.total]):
        for i, r in enumerate(section):
            table.add_row(r.label, str(r.parts), str(r.decided), str(r.kept),
                          f"{_share(r.accuracy)} ({r.kept}/{r.decided})", str(r.rerouted), str(r.added),
                          end_section=i == len(section) - 1)
    for t in report.triage:
        table.add_row(f"triage: {t.label}", "", "", "", f"{_share(t.share)} ({t.cases}/{t.of})", "", "")
    return table


def _value(value: object) -> str:
    if value is None:
        return ""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def as_csv(report: RoutingReport) -> str:
    """CSV with a header line: accuracy rows (sections task-type, week, total), then triage rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in _accuracy_rows(report):
        writer.writerow([r.section, r.group, r.label, r.parts, r.decided, r.kept, r.rerouted, r.added,
                         _value(r.accuracy), "", "", ""])
    for t in report.triage:
        writer.writerow(["triage", t.group, t.label, "", "", "", "", "", "", t.cases, t.of, _value(t.share)])
    return out.getvalue()


# -- HTML with charts ------------------------------------------------------------------
def chart_accuracy(report: RoutingReport) -> str:
    """Routing accuracy per ISO week and per task type (base64 PNG)."""
    weeks = [r for r in report.by_week if r.decided]
    tasks = [r for r in report.by_task_type if r.decided]
    fig = _figure(0.35 * max(len(tasks), 4) + 2)
    left, right = fig.subplots(1, 2)
    left.plot([r.group for r in weeks], [100 * (r.accuracy or 0) for r in weeks], marker="o")
    left.set_ylim(0, 105)
    left.set_ylabel("% decided parts not rerouted")
    left.tick_params(axis="x", labelrotation=60, labelsize=7)
    left.set_title("per ISO week of receipt")
    ys = list(range(len(tasks)))
    right.barh(ys, [100 * (r.accuracy or 0) for r in tasks], color="tab:green")
    right.set_yticks(ys, [_short(r.label, 28) for r in tasks], fontsize=7)
    right.invert_yaxis()
    right.set_xlim(0, 100)
    right.set_title("per task type as routed")
    return _png(fig)


def chart_triage(rows: Sequence[TriageRow]) -> str:
    """Where triage cases went (base64 PNG)."""
    offices = rows[1:]
    fig = _figure(0.4 * len(offices) + 1)
    ax = fig.subplots()
    ys = list(range(len(offices)))
    ax.barh(ys, [100 * (t.share or 0) for t in offices], color="tab:orange")
    ax.set_yticks(ys, [_short(t.label) for t in offices])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(f"% of triage cases (triage rate {_share(rows[0].share)})")
    return _png(fig)


def _cells(values: Sequence[object]) -> str:
    return "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in values) + "</tr>"


def as_html(report: RoutingReport, period: Period) -> str:
    """A self-contained HTML page: the tables, the rules, and the charts as embedded PNG."""
    title = html.escape(f"Routing accuracy, {period.describe()}")
    head = ("group", "routed parts", "decided", "not rerouted", "accuracy", "rerouted", "added")
    accuracy = "\n".join(_cells((r.label, r.parts, r.decided, r.kept, f"{_share(r.accuracy)} ({r.kept}/{r.decided})",
                                 r.rerouted, r.added)) for r in _accuracy_rows(report))
    triage = "\n".join(_cells((t.label, t.cases, t.of, _share(t.share))) for t in report.triage)
    charts = ""
    if report.total.decided:
        charts += f'<h2>Accuracy</h2><img alt="routing accuracy" src="data:image/png;base64,{chart_accuracy(report)}">'
    if len(report.triage) > 1:
        charts += f'<h2>Triage</h2><img alt="triage" src="data:image/png;base64,{chart_triage(report.triage)}">'
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}"
            "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child{text-align:left}"
            "</style></head><body>"
            f"<h1>{title}</h1><table><thead><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr></thead>"
            f"<tbody>{accuracy}</tbody></table>"
            "<h2>Triage cases</h2><table><thead><tr><th>resolved to</th><th>cases</th><th>of</th><th>share</th>"
            f"</tr></thead><tbody>{triage}</tbody></table><p>{html.escape(RULES)}</p>{charts}</body></html>\n")
