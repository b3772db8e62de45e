"""The compliance report as a terminal table, CSV, or a self-contained HTML page with charts.

The charts are drawn with matplotlib (Agg backend, no display needed) and
embedded as base64 PNG, so the HTML file can be mailed or archived alone.
"""
from __future__ import annotations

import base64
import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.table import Table

from intake.cases.compliance import AT_RISK_WORKING_DAYS, Row

COLUMNS = ("group", "label", "goal", "parts", "decided", "median_days", "p90_days", "median_working_days",
           "p90_working_days", "within_goal", "within_goal_share", "open", "at_risk", "overdue")
RULES = (
    "Processing time: receipt to decision, paused time (waiting for the applicant) excluded; "
    "days are calendar days (hours / 24), working days skip weekends, Danish public holidays and closure days. "
    "Within goal: the decision date (Copenhagen) is on or before the due date moved by the pauses. "
    f"At risk: open and due within {AT_RISK_WORKING_DAYS} working days; overdue: open and past the due date. "
    "Percentiles interpolate between closest ranks."
)


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None
    by: str

    def describe(self) -> str:
        return f"{self.start or 'start'} to {self.end or 'today'}, by {self.by}"


def _num(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _share(row: Row) -> str:
    share = row.within_goal_share
    return "-" if share is None else f"{share:.0%}"


def as_table(rows: Sequence[Row], period: Period) -> Table:
    """A rich table; the last row is the total."""
    table = Table("group", "goal", "parts", "decided", "median d", "p90 d", "median wd", "p90 wd",
                  "within goal", "open", "at risk", "overdue",
                  title=f"Service-goal compliance, {period.describe()}", caption=RULES, caption_justify="left")
    for i, r in enumerate(rows):
        table.add_row(r.label, r.goal or "-", str(r.parts), str(r.decided), _num(r.median_days),
                      _num(r.p90_days), _num(r.median_working_days), _num(r.p90_working_days),
                      f"{_share(r)} ({r.within_goal}/{r.decided})", str(r.open), str(r.at_risk),
                      str(r.overdue), end_section=(i == len(rows) - 2))
    return table


def _csv_value(row: Row, name: str) -> str:
    value = getattr(row, name)
    if value is None:
        return ""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def as_csv(rows: Sequence[Row]) -> str:
    """CSV with a header line; times in days (floats), the share as a fraction, empty when undefined."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([_csv_value(r, name) for name in COLUMNS])
    return out.getvalue()


# -- HTML with charts ------------------------------------------------------------------
def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _figure(height: float):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure  # no pyplot: no global state, no display

    return Figure(figsize=(8, max(2.5, height)))


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def chart_times(rows: Sequence[Row]) -> str:
    """Median and 90th percentile processing time per group, in calendar days (base64 PNG)."""
    groups = [r for r in rows if r.decided]
    fig = _figure(0.45 * len(groups) + 1)
    ax = fig.subplots()
    ys = range(len(groups))
    ax.barh([y - 0.2 for y in ys], [r.median_days or 0 for r in groups], height=0.4, label="median")
    ax.barh([y + 0.2 for y in ys], [r.p90_days or 0 for r in groups], height=0.4, label="90th percentile")
    ax.set_yticks(list(ys), [_short(r.label) for r in groups])
    ax.invert_yaxis()
    ax.set_xlabel("processing time, calendar days (pauses excluded)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / len(groups)), ncol=2, frameon=False)
    return _png(fig)


def chart_compliance(rows: Sequence[Row]) -> str:
    """Share decided within the goal per group, and open cases at risk / overdue (base64 PNG)."""
    fig = _figure(0.45 * len(rows) + 1)
    left, right = fig.subplots(1, 2, sharey=True)
    ys = list(range(len(rows)))
    left.barh(ys, [100 * (r.within_goal_share or 0) for r in rows], color="tab:green")
    left.set_xlim(0, 100)
    left.set_xlabel("% decided within goal")
    left.set_yticks(ys, [_short(r.label) for r in rows])
    left.invert_yaxis()
    right.barh(ys, [r.overdue for r in rows], color="tab:red", label="overdue")
    right.barh(ys, [r.at_risk for r in rows], left=[r.overdue for r in rows], color="tab:orange", label="at risk")
    right.set_xlabel("open parts")
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.3 / len(rows)), ncol=2, frameon=False)
    return _png(fig)


def _html_rows(rows: Sequence[Row]) -> str:
    cells = []
    for r in rows:
        values = (r.label, r.goal or "-", r.parts, r.decided, _num(r.median_days), _num(r.p90_days),
                  _num(r.median_working_days), _num(r.p90_working_days), f"{_share(r)} ({r.within_goal}/{r.decided})",
                  r.open, r.at_risk, r.overdue)
        cells.append("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in values) + "</tr>")
    return "\n".join(cells)


def as_html(rows: Sequence[Row], period: Period) -> str:
    """A self-contained HTML page: the table, the rules, and two charts as embedded PNG."""
    head = ("group", "goal", "parts", "decided", "median (days)", "p90 (days)", "median (working days)",
            "p90 (working days)", "within goal", "open", "at risk", "overdue")
    title = html.escape(f"Service-goal compliance, {period.describe()}")
    charts = ""
    if any(r.decided for r in rows):
        charts += f'<h2>Processing time</h2><img alt="processing time" src="data:image/png;base64,{chart_times(rows)}">'
    charts += f'<h2>Compliance</h2><img alt="compliance" src="data:image/png;base64,{chart_compliance(rows)}">'
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}"
            "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child{text-align:left}"
            "tr:last-child{font-weight:bold}</style></head><body>"
            f"<h1>{title}</h1><table><thead><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr></thead>"
            f"<tbody>{_html_rows(rows)}</tbody></table><p>{html.escape(RULES)}</p>{charts}</body></html>\n")
