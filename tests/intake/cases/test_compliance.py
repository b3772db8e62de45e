"""Compliance reports over cases with known processing times, pauses, holidays and ISO week 53."""
from __future__ import annotations

import base64
import csv
import io
import re
from datetime import date, timedelta

import pytest
import typer
from sqlmodel import Session
from typer.testing import CliRunner

from intake.cases.compliance import TOTAL, ReportError, compliance
from intake.cases.compliance_render import Period, as_csv, as_html
from intake.cases.routing_report import routing_report
from tests.intake.casefactory import CALENDAR, CATALOGUE, local, make_case

DAY = timedelta(days=1)


def add(engine, *specs: dict) -> None:
    with Session(engine) as session:
        for spec in specs:
            make_case(session, **spec)
        session.commit()


def report(engine, now, **kw):
    rows = compliance(engine, CATALOGUE, CALENDAR, now=now, **kw)
    return {r.group: r for r in rows}


def test_median_and_90th_percentile_of_processing_days(engine):
    received = local(2026, 3, 2)
    add(engine, *({"received": received, "decided": received + n * DAY} for n in (2, 4, 10)))
    row = report(engine, local(2026, 4, 1))["udeservering"]
    assert row.decided == 3 and row.median_days == pytest.approx(4.0)
    assert row.p90_days == pytest.approx(4 + 0.8 * (10 - 4))  # linear between the 2nd and 3rd of 3


def test_paused_time_is_not_processing_time(engine):
    received = local(2026, 3, 2)
    add(engine, {"received": received, "decided": received + 10 * DAY,
                 "pauses": [(received + 2 * DAY, received + 5 * DAY)]})
    assert report(engine, local(2026, 4, 1))["udeservering"].median_days == pytest.approx(7.0)


def test_paused_working_days_are_not_processing_working_days(engine):
    """Vejareal received Mon 2 March, paused Fri 6 to Mon 9 March (one working day), decided Fri 13 March."""
    add(engine, {"task_types": ("vejareal",), "received": local(2026, 3, 2), "decided": local(2026, 3, 13),
                 "pauses": [(local(2026, 3, 6, 10), local(2026, 3, 9, 10))]})
    assert report(engine, local(2026, 4, 1))["vejareal"].median_working_days == 9 - 1


def test_a_pause_moves_the_goal_so_a_late_looking_decision_is_within_it(engine):
    """Received Mon 2 March, 2 weeks: due 16 March; decided 18 March after a 3-day pause (due 19 March)."""
    received = local(2026, 3, 2)
    add(engine, {"received": received, "decided": local(2026, 3, 18, 12),
                 "pauses": [(local(2026, 3, 4), local(2026, 3, 7))]},
        {"received": received, "decided": local(2026, 3, 18, 12)})
    row = report(engine, local(2026, 4, 1))["udeservering"]
    assert (row.decided, row.within_goal) == (2, 1) and row.within_goal_share == pytest.approx(0.5)


def test_decided_on_the_due_date_is_within_the_goal(engine):
    add(engine, {"received": local(2026, 3, 2), "decided": local(2026, 3, 16, 23, 30)})
    assert report(engine, local(2026, 4, 1))["udeservering"].within_goal == 1


def test_working_days_skip_easter(engine):
    """Vejareal received Wed 1 April 2026, decided Tue 7 April: Maundy Thursday to Easter Monday are holidays."""
    add(engine, {"task_types": ("vejareal",), "received": local(2026, 4, 1), "decided": local(2026, 4, 7)})
    row = report(engine, local(2026, 5, 1))["vejareal"]
    assert row.median_days == pytest.approx(6.0) and row.median_working_days == 1


def test_working_day_goal_across_christmas_and_iso_week_53(engine):
    """Received Wed 23 Dec 2026: 10 working days (24 and 31 Dec count, 25 Dec and 1 Jan do not) end Fri 8 Jan 2027."""
    received = local(2026, 12, 23, 10)
    add(engine, {"task_types": ("vejareal",), "received": received, "decided": local(2027, 1, 8, 15)},
        {"task_types": ("vejareal",), "received": received, "decided": local(2027, 1, 11, 9)})
    row = report(engine, local(2027, 2, 1))["vejareal"]
    assert row.within_goal == 1 and row.median_working_days == pytest.approx(10.5)


def test_period_is_by_copenhagen_receipt_date_across_week_53(engine):
    """ISO week 2026-W53 runs Mon 28 Dec 2026 to Sun 3 Jan 2027; receipt just after midnight counts next day."""
    add(engine, {"received": local(2026, 12, 27, 23, 59)}, {"received": local(2026, 12, 28, 0, 1)},
        {"received": local(2027, 1, 1, 12)}, {"received": local(2027, 1, 3, 23, 59)},
        {"received": local(2027, 1, 4, 0, 1)})
    row = report(engine, local(2027, 1, 5), start=date(2026, 12, 28), end=date(2027, 1, 3))[TOTAL]
    assert row.parts == 3


def test_open_cases_past_their_due_date_are_overdue(engine):
    add(engine, {"received": local(2026, 3, 2)})  # due Mon 16 March
    row = report(engine, local(2026, 3, 17, 8))["udeservering"]
    assert (row.open, row.overdue, row.at_risk) == (1, 1, 0)


def test_open_cases_due_within_two_working_days_are_at_risk(engine):
    add(engine, {"received": local(2026, 3, 2)})  # due Mon 16 March; Thursday 12 is two working days before
    assert report(engine, local(2026, 3, 12, 8))["udeservering"].at_risk == 1
    assert report(engine, local(2026, 3, 11, 8))["udeservering"].at_risk == 0


def test_a_waiting_case_does_not_run_late_while_its_clock_is_paused(engine):
    add(engine, {"received": local(2026, 3, 2), "paused_since": local(2026, 3, 10)})
    row = report(engine, local(2026, 3, 17, 8))["udeservering"]
    assert (row.open, row.overdue, row.at_risk) == (1, 0, 0)


def test_grouping_by_office_merges_task_types_of_one_office(engine):
    add(engine, {"task_types": ("udeservering",)}, {"task_types": ("gadesalg",)}, {"task_types": ("vejareal",)})
    rows = report(engine, local(2026, 3, 3), by="office")
    assert (rows["byliv"].parts, rows["trafik"].parts, rows[TOTAL].parts) == (2, 1, 3)


def test_a_period_that_ends_before_it_starts_is_refused(engine):
    with pytest.raises(ReportError):
        compliance(engine, CATALOGUE, CALENDAR, start=date(2026, 2, 1), end=date(2026, 1, 1))


@pytest.mark.parametrize("start, end", [(None, date(9999, 12, 31)), (date(1, 1, 1), None), (date(1899, 12, 31), None)])
def test_a_date_no_report_can_mean_is_refused_not_a_crash(engine, start, end):
    """"9999-12-31" overflowed the day after it, and the desk answered 500."""
    with pytest.raises(ReportError, match="no date of a report"):
        compliance(engine, CATALOGUE, CALENDAR, start=start, end=end)
    with pytest.raises(ReportError, match="no date of a report"):
        routing_report(engine, CATALOGUE, start=start, end=end)


def test_an_unknown_grouping_is_refused(engine):
    with pytest.raises(ReportError):
        compliance(engine, CATALOGUE, CALENDAR, by="weather")


def test_csv_has_one_line_per_group_and_the_total(engine):
    received = local(2026, 3, 2)
    add(engine, {"received": received, "decided": received + 5 * DAY}, {"task_types": ("vejareal",)})
    rows = compliance(engine, CATALOGUE, CALENDAR, now=local(2026, 4, 1))
    parsed = list(csv.DictReader(io.StringIO(as_csv(rows))))
    assert [p["group"] for p in parsed] == ["udeservering", "vejareal", TOTAL]
    assert float(parsed[0]["median_days"]) == pytest.approx(5.0) and parsed[1]["median_days"] == ""


def test_html_embeds_charts_as_png(engine):
    received = local(2026, 3, 2)
    add(engine, {"received": received, "decided": received + 5 * DAY}, {"task_types": ("vejareal",)})
    page = as_html(compliance(engine, CATALOGUE, CALENDAR, now=local(2026, 4, 1)), Period(None, None, "task-type"))
    images = re.findall(r'<img [^>]*src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 2 and all(base64.b64decode(i).startswith(b"\x89PNG\r\n") for i in images)


def test_html_escapes_group_names(engine):
    add(engine, {"task_types": ("udeservering",)})
    rows = compliance(engine, CATALOGUE, CALENDAR, now=local(2026, 3, 3))
    page = as_html([r.__class__(**{**r.__dict__, "label": "<script>x</script>"}) for r in rows],
                   Period(None, None, "task-type"))
    assert "<script>x" not in page


def test_cli_writes_csv_to_a_file(engine, settings, tmp_path, monkeypatch):
    import intake.cli.common
    from intake.cli.report import app

    received = local(2026, 3, 2)
    add(engine, {"received": received, "decided": received + 5 * DAY})
    monkeypatch.setitem(intake.cli.common.state, "settings", settings)
    root = typer.Typer()
    root.add_typer(app, name="report")
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(root, ["report", "compliance", "--from", "2026-03-01", "--to", "2026-03-31",
                                       "--by", "office", "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert [r["group"] for r in csv.DictReader(out.open())] == ["byliv", TOTAL]
