"""The routing report: accuracy per task type and ISO week, the triage rate and where triage cases went.

The cases are made as the intake stores them (parts and their ``routed`` events) and then moved by the
caseworkers' own actions (``reroute``, ``approve``, ``add_part``), on SQLite and on PostgreSQL.
"""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlmodel import Session

from intake.cases import lifecycle
from intake.cases.compliance import ReportError
from intake.cases.compliance_render import Period
from intake.cases.parts import parts_of
from intake.cases.routing_render import as_csv, as_html
from intake.cases.routing_report import routing_report
from intake.settings import load_settings
from models import CaseEvent
from models.db import open_database
from tests.intake.casefactory import CALENDAR, CATALOGUE, local, make_case

W10, W11 = local(2026, 3, 2), local(2026, 3, 9)
TRIAGE = CATALOGUE.triage_office


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'intake.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def desk(tmp_path, database_url):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": database_url})
    return lifecycle.Desk(settings, CATALOGUE, CALENDAR)


def registered(session, task_type, received, triage=False):
    """A case as the intake registers it: its part and the part's ``routed`` event (intake.store)."""
    case = make_case(session, task_types=(task_type,), received=received, needs_triage=triage)
    (part,) = parts_of(session, case)
    if triage:
        part.office, part.needs_triage = TRIAGE, True
    session.add(CaseEvent(case_id=case.id, part_id=part.id, action="routed",
                          detail=f"{part.task_type} -> {part.office}" + (" (triage)" if triage else "")))
    session.flush()
    return case.reference


@pytest.fixture
def engine(desk, database_url):
    """Seven cases in weeks 10 and 11 of 2026 (see each line)."""
    engine = open_database(database_url)
    act = {"actor": "sagsbehandler", "desk": desk}
    with Session(engine) as s:
        a = registered(s, "udeservering", W10)                      # decided as routed
        b = registered(s, "skilte", W10)                            # rerouted, then decided
        c = registered(s, "skilte", W10)                            # decided as routed
        d = registered(s, "udeservering", W10, triage=True)         # triage, resolved to skilte's office
        e = registered(s, "vejareal", W11)                          # open; a caseworker adds a part
        registered(s, "generel", W11, triage=True)                  # triage, unresolved
        h = registered(s, "olietank", W11)                          # decided as routed
        s.commit()
        lifecycle.reroute(s, b, "udeservering", **act)
        lifecycle.reroute(s, d, "skilte", **act)
        lifecycle.add_part(s, e, "skilte", **act)
        for ref in (a, b, c, h):
            lifecycle.approve(s, ref, **act)
        s.commit()
    return engine


def by_group(rows):
    return {r.group: r for r in rows}


def test_accuracy_counts_decided_parts_by_the_task_type_first_routed(engine):
    rows = by_group(routing_report(engine, CATALOGUE).by_task_type)
    skilte = rows["skilte"]
    assert (skilte.parts, skilte.decided, skilte.kept, skilte.rerouted, skilte.added) == (2, 2, 1, 1, 1)
    assert skilte.accuracy == 0.5 and rows["udeservering"].accuracy == 1.0
    assert rows["vejareal"].decided == 0 and rows["vejareal"].accuracy is None


def test_triage_and_added_parts_are_not_in_the_accuracy(engine):
    total = routing_report(engine, CATALOGUE).total
    assert (total.parts, total.decided, total.kept, total.rerouted, total.added) == (5, 4, 3, 1, 1)
    assert total.accuracy == 0.75


def test_accuracy_per_iso_week_of_receipt(engine):
    weeks = by_group(routing_report(engine, CATALOGUE).by_week)
    assert set(weeks) == {"2026-W10", "2026-W11"}
    assert (weeks["2026-W10"].decided, weeks["2026-W10"].kept) == (3, 2)
    assert (weeks["2026-W11"].decided, weeks["2026-W11"].kept) == (1, 1)


def test_triage_rate_and_where_triage_cases_went(engine):
    report = routing_report(engine, CATALOGUE)
    assert (report.triage[0].cases, report.triage[0].of) == (2, 7)
    resolved = by_group(report.triage[1:])
    assert resolved[CATALOGUE.task("skilte").office].share == 0.5
    assert resolved["unresolved"].cases == 1


def test_the_period_counts_cases_by_receipt_date(engine):
    report = routing_report(engine, CATALOGUE, start=date(2026, 3, 9), end=date(2026, 3, 15))
    assert [r.group for r in report.by_week] == ["2026-W11"]
    assert (report.triage[0].cases, report.triage[0].of) == (1, 3)


def test_a_period_that_ends_before_it_starts_is_refused(engine):
    with pytest.raises(ReportError):
        routing_report(engine, CATALOGUE, start=date(2026, 3, 9), end=date(2026, 3, 1))


def test_csv_has_a_row_per_group_and_the_triage_rows(engine):
    rows = list(csv.DictReader(io.StringIO(as_csv(routing_report(engine, CATALOGUE)))))
    total = next(r for r in rows if r["section"] == "total")
    assert total["accuracy"] == "0.7500" and total["decided"] == "4"
    triage = next(r for r in rows if r["section"] == "triage" and r["group"] == "all")
    assert (triage["cases"], triage["of"]) == ("2", "7")


def test_html_is_one_page_with_the_charts(engine):
    page = as_html(routing_report(engine, CATALOGUE), Period(None, None, "task type and ISO week"))
    assert page.count("data:image/png;base64,") == 2 and "75% (3/4)" in page


def test_the_command_writes_the_csv_and_html_files(engine, desk, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from intake.cli.report import app

    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTAKE_DATABASE_URL", desk.settings.database_url)
    monkeypatch.delenv("INTAKE_CONFIG", raising=False)
    runner = CliRunner()
    for fmt in ("csv", "html"):
        out = tmp_path / f"routing.{fmt}"
        result = runner.invoke(app, ["routing", "--from", "2026-03-01", "--to", "2026-03-31", "--format", fmt,
                                     "-o", str(out)])
        assert result.exit_code == 0, result.output
    assert "total,all,I alt / total,5,4,3,1,1,0.7500" in (tmp_path / "routing.csv").read_text()
    assert "Routing accuracy, 2026-03-01 to 2026-03-31" in (tmp_path / "routing.html").read_text()
