"""The daily mail to each office about its cases at risk or overdue."""
from __future__ import annotations

import email
from dataclasses import replace
from datetime import date
from email import policy

import pytest
from sqlmodel import Session, select

from intake.jobs import DIGEST_PURPOSE, daily_overdue_job
from intake.pipeline import Context
from models import OutboxMail
from models.db import open_database
from routing.calendar import WorkingCalendar
from tests.intake.casefactory import CALENDAR, CATALOGUE, local, make_case

MONDAY_MORNING = local(2026, 3, 16, 8)  # udeservering received 2 March is due today; vejareal 2 March overdue


@pytest.fixture
def engine(settings):
    engine = open_database(settings.database_url)
    with Session(engine) as session:
        make_case(session, task_types=("udeservering",), received=local(2026, 3, 2))   # byliv: at risk
        make_case(session, task_types=("vejareal",), received=local(2026, 2, 23))      # trafik: overdue
        make_case(session, task_types=("vejareal",), received=local(2026, 3, 13))      # trafik: on track
        make_case(session, task_types=("skilte",), received=local(2026, 3, 2))          # byggeri: 4 weeks, on track
        make_case(session, task_types=("nedrivning",), received=local(2026, 2, 2),
                  decided=local(2026, 2, 10))                                           # byggeri: decided
        session.commit()
    return engine


@pytest.fixture
def ctx(settings):
    return Context(settings, CATALOGUE, CALENDAR, models=None)


def digests(engine):
    with Session(engine) as session:
        return session.exec(select(OutboxMail).where(OutboxMail.purpose == DIGEST_PURPOSE)).all()


def test_each_office_with_cases_at_risk_or_overdue_gets_one_mail(engine, ctx):
    assert daily_overdue_job(engine, ctx, now=MONDAY_MORNING) == 2
    assert sorted(m.recipient for m in digests(engine)) == sorted(
        CATALOGUE.office(o).address for o in ("byliv", "trafik"))


def test_an_office_without_late_cases_gets_no_mail(engine, ctx):
    daily_overdue_job(engine, ctx, now=MONDAY_MORNING)
    assert CATALOGUE.office("byggeri").address not in {m.recipient for m in digests(engine)}


def test_the_mail_lists_the_late_cases_and_not_the_others(engine, ctx):
    daily_overdue_job(engine, ctx, now=MONDAY_MORNING)
    (mail,) = [m for m in digests(engine) if m.recipient == CATALOGUE.office("trafik").address]
    body = email.message_from_bytes(mail.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "OVERSKREDET (1)" in body and "I RISIKO" not in body
    assert body.count("KBH-") == 1


def test_running_again_the_same_day_sends_nothing_more(engine, ctx):
    daily_overdue_job(engine, ctx, now=MONDAY_MORNING)
    assert daily_overdue_job(engine, ctx, now=local(2026, 3, 16, 15)) == 0
    assert len(digests(engine)) == 2


def test_the_next_working_day_sends_again(engine, ctx):
    daily_overdue_job(engine, ctx, now=MONDAY_MORNING)
    assert daily_overdue_job(engine, ctx, now=local(2026, 3, 17, 8)) == 2


def test_nothing_is_sent_before_seven_or_on_a_weekend(engine, ctx):
    assert daily_overdue_job(engine, ctx, now=local(2026, 3, 16, 6, 59)) == 0
    assert daily_overdue_job(engine, ctx, now=local(2026, 3, 21, 9)) == 0
    assert digests(engine) == []


def test_the_earliest_time_comes_from_the_settings(engine, ctx):
    later = replace(ctx, settings=replace(ctx.settings, digest_after="09:30"))
    assert daily_overdue_job(engine, later, now=local(2026, 3, 16, 9, 29)) == 0
    assert daily_overdue_job(engine, later, now=local(2026, 3, 16, 9, 30)) == 2


def test_the_working_days_are_those_of_the_context_calendar(engine, ctx):
    """A closure day in the context's calendar (not a calendar of its own) means no mail that day."""
    closed = replace(ctx, calendar=WorkingCalendar([date(2026, 3, 16)]))
    assert daily_overdue_job(engine, closed, now=MONDAY_MORNING) == 0
    assert daily_overdue_job(engine, ctx, now=MONDAY_MORNING) == 2


def test_each_part_of_a_case_of_several_offices_is_in_its_own_office_mail(settings, ctx):
    """One case, two parts: the overdue part goes to its office, the part on track to no one."""
    engine = open_database(settings.database_url)
    with Session(engine) as session:
        case = make_case(session, task_types=("vejareal", "skilte"), received=local(2026, 2, 23), parts=2)
        reference = case.reference
        session.commit()
    assert daily_overdue_job(engine, ctx, now=MONDAY_MORNING) == 1
    (mail,) = digests(engine)
    assert mail.recipient == CATALOGUE.office("trafik").address
    body = email.message_from_bytes(mail.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert f"{reference}  vejareal" in body and "skilte" not in body
