"""The service-goal clock: pauses, resumed due dates and standing (pure functions)."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from routing import clock
from routing.calendar import WorkingCalendar
from routing.catalogue import ServiceGoal
from routing.clock import Pause
from routing.goals import LOCAL_TZ, due_date

CAL = WorkingCalendar()
TEN_WORKING = ServiceGoal(10, "working_days")
TWO_WEEKS = ServiceGoal(2, "weeks")
DAYS_55 = ServiceGoal(55, "calendar_days")


def at(y, m, d, h=10) -> datetime:
    return datetime(y, m, d, h, tzinfo=LOCAL_TZ)


def test_pause_from_friday_to_monday_costs_one_working_day():
    pause = Pause(at(2026, 12, 4), at(2026, 12, 7))  # Friday -> Monday
    assert clock.paused_days(pause, "working_days", CAL) == 1


def test_pause_from_friday_to_monday_costs_three_calendar_days():
    pause = Pause(at(2026, 12, 4), at(2026, 12, 7))
    assert clock.paused_days(pause, "weeks", CAL) == 3
    assert clock.paused_days(pause, "calendar_days", CAL) == 3


def test_pause_over_easter_skips_the_holidays_for_working_day_goals():
    """Wed 24 Mar 2027 to Tue 30 Mar 2027: Maundy Thursday, Good Friday and Easter Monday are holidays."""
    pause = Pause(at(2027, 3, 24), at(2027, 3, 30))
    assert clock.paused_days(pause, "working_days", CAL) == 1
    assert clock.paused_days(pause, "calendar_days", CAL) == 6


def test_pause_that_ends_the_same_day_costs_nothing():
    pause = Pause(at(2026, 12, 2, 9), at(2026, 12, 2, 15))
    assert clock.paused_days(pause, "working_days", CAL) == 0
    assert pause.seconds == 6 * 3600


def test_pause_days_use_copenhagen_dates_not_utc():
    """23:30 UTC on Sunday is already Monday in Copenhagen, so Friday to then costs three calendar days."""
    end = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    assert clock.paused_days(Pause(at(2026, 12, 4), end), "calendar_days", CAL) == 3


@pytest.mark.parametrize("goal", [TEN_WORKING, TWO_WEEKS, DAYS_55])
def test_without_pauses_the_due_date_is_the_goal_from_receipt(goal):
    for offset in range(0, 60, 3):
        received = at(2026, 11, 2) + timedelta(days=offset)
        assert clock.due_with_pauses(received, goal, [], CAL) == due_date(received, goal, CAL)


def test_working_day_goal_shifts_by_the_paused_working_days():
    received = at(2026, 11, 30)  # Monday
    before = clock.due_with_pauses(received, TEN_WORKING, [], CAL)
    after = clock.due_with_pauses(received, TEN_WORKING, [Pause(at(2026, 12, 4), at(2026, 12, 7))], CAL)
    assert before == date(2026, 12, 14)
    assert after == CAL.add_working_days(before, 1) == date(2026, 12, 15)


def test_week_goal_shifts_by_the_paused_calendar_days():
    received = at(2026, 11, 30)
    after = clock.due_with_pauses(received, TWO_WEEKS, [Pause(at(2026, 12, 4), at(2026, 12, 7))], CAL)
    assert after == date(2026, 12, 14) + timedelta(days=3)


def test_shifted_due_date_on_a_holiday_moves_to_the_next_working_day():
    """Two weeks from Thu 10 Dec 2026 is 24 Dec (a working day); one paused day lands on Christmas Day."""
    received = at(2026, 12, 10)
    due = clock.due_with_pauses(received, TWO_WEEKS, [Pause(at(2026, 12, 14), at(2026, 12, 15))], CAL)
    assert due == date(2026, 12, 28)


def test_several_pauses_add_up():
    received = at(2026, 11, 30)
    pauses = [Pause(at(2026, 12, 1), at(2026, 12, 2)), Pause(at(2026, 12, 3), at(2026, 12, 7))]
    assert clock.due_with_pauses(received, TEN_WORKING, pauses, CAL) == CAL.add_working_days(date(2026, 11, 30), 13)


def test_a_later_week_across_new_year_with_week_53():
    assert clock.moved_to_later_week(date(2026, 12, 31), date(2027, 1, 4))  # 2026-W53 -> 2027-W01
    assert not clock.moved_to_later_week(date(2026, 12, 28), date(2027, 1, 1))  # both 2026-W53


def test_standing_overdue_at_risk_on_track():
    friday = date(2026, 12, 4)
    assert clock.standing(date(2026, 12, 3), friday, CAL) == "overdue"
    assert clock.standing(friday, friday, CAL) == "at_risk"
    assert clock.standing(date(2026, 12, 8), friday, CAL) == "at_risk"  # Mon + Tue: 2 working days
    assert clock.standing(date(2026, 12, 9), friday, CAL) == "on_track"


def test_open_pause_counts_until_now():
    pauses = clock.with_open_pause([], at(2026, 12, 4), at(2026, 12, 7))
    assert clock.total_seconds(pauses) == 3 * 24 * 3600


def test_pauses_survive_a_round_trip_through_json():
    pauses = [Pause(at(2026, 12, 4), at(2026, 12, 7)), Pause(at(2027, 1, 4, 8), at(2027, 1, 4, 17))]
    assert clock.pauses_from_json(clock.pauses_to_json(pauses)) == pauses


def test_unreadable_pauses_read_as_none():
    assert clock.pauses_from_json("not json") == []
