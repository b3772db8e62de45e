"""Due dates, ISO weeks and their wording.

Every expected date is counted by hand from the 2026/27 calendar (weekdays and
holidays as listed in test_routing_calendar.py); the count is in the comment.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from routing.calendar import WorkingCalendar
from routing.catalogue import ServiceGoal
from routing.goals import (
    describe_date,
    describe_goal,
    describe_week,
    due_date,
    iso_week,
    local_date,
)


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


def weeks(n):
    return ServiceGoal(n, "weeks")


def cdays(n):
    return ServiceGoal(n, "calendar_days")


def wdays(n):
    return ServiceGoal(n, "working_days")


# --- weeks -----------------------------------------------------------------

def test_weeks_goal_is_seven_days_per_week(cal):
    # Wed 2 Dec 2026 + 14 days = Wed 16 Dec 2026, a working day.
    assert due_date(date(2026, 12, 2), weeks(2), cal) == date(2026, 12, 16)


def test_weeks_goal_on_a_weekend_moves_to_monday(cal):
    # Sat 7 Mar 2026 + 7 days = Sat 14 Mar -> Sun 15 -> Mon 16 Mar.
    assert due_date(date(2026, 3, 7), weeks(1), cal) == date(2026, 3, 16)


def test_weeks_goal_on_maundy_thursday_moves_past_easter(cal):
    # Thu 19 Mar + 14 = Thu 2 Apr (Maundy Thu), Fri 3 (Good Fri), Sat, Sun, Mon 6 (Easter Mon) -> Tue 7 Apr.
    assert due_date(date(2026, 3, 19), weeks(2), cal) == date(2026, 4, 7)


def test_weeks_goal_on_christmas_day_moves_to_monday(cal):
    # Fri 11 Dec + 14 = Fri 25 Dec (holiday), Sat 26, Sun 27 -> Mon 28 Dec.
    assert due_date(date(2026, 12, 11), weeks(2), cal) == date(2026, 12, 28)


def test_weeks_goal_on_new_years_day_2027_moves_to_monday(cal):
    # Fri 18 Dec 2026 + 14 = Fri 1 Jan 2027 (holiday), Sat 2, Sun 3 -> Mon 4 Jan 2027.
    assert due_date(date(2026, 12, 18), weeks(2), cal) == date(2027, 1, 4)


def test_weeks_goal_ignores_holidays_in_between(cal):
    # Mon 30 Mar + 14 = Mon 13 Apr; Easter inside the span does not extend a weeks goal.
    assert due_date(date(2026, 3, 30), weeks(2), cal) == date(2026, 4, 13)


# --- calendar days -----------------------------------------------------------

def test_calendar_days_goal_counts_every_day(cal):
    # Tue 3 Mar + 55: 28 days to 31 Mar, 27 more -> Mon 27 Apr 2026 (Easter Monday 6 Apr + 21).
    assert due_date(date(2026, 3, 3), cdays(55), cal) == date(2026, 4, 27)


def test_calendar_days_goal_on_boxing_day_moves_to_monday(cal):
    # Sun 1 Nov + 55: 29 days to 30 Nov, 26 more -> Sat 26 Dec (also a holiday), Sun 27 -> Mon 28 Dec.
    assert due_date(date(2026, 11, 1), cdays(55), cal) == date(2026, 12, 28)


# --- working days ------------------------------------------------------------

def test_working_days_goal_skips_easter(cal):
    # From Mon 30 Mar: Tue 31 (1), Wed 1 Apr (2), [Thu 2, Fri 3, Sat, Sun, Mon 6 off],
    # Tue 7 (3), Wed 8 (4), Thu 9 (5), Fri 10 (6), Mon 13 (7), Tue 14 (8), Wed 15 (9), Thu 16 (10).
    assert due_date(date(2026, 3, 30), wdays(10), cal) == date(2026, 4, 16)


def test_working_days_goal_skips_ascension_and_whit_monday(cal):
    # From Mon 11 May: Tue 12 (1), Wed 13 (2), [Thu 14 Ascension], Fri 15 (3), Mon 18 (4) .. Fri 22 (8),
    # [Sat 23, Sun 24, Mon 25 Whit Monday], Tue 26 (9), Wed 27 (10).
    assert due_date(date(2026, 5, 11), wdays(10), cal) == date(2026, 5, 27)


def test_working_days_goal_over_christmas_and_new_year(cal):
    # From Mon 21 Dec: Tue 22 (1), Wed 23 (2), Thu 24 (3, not a holiday), [Fri 25, Sat, Sun],
    # Mon 28 (4), Tue 29 (5), Wed 30 (6), Thu 31 (7), [Fri 1 Jan, Sat, Sun], Mon 4 (8), Tue 5 (9), Wed 6 (10).
    assert due_date(date(2026, 12, 21), wdays(10), cal) == date(2027, 1, 6)


def test_working_days_goal_respects_extra_closure_days():
    cal = WorkingCalendar(extra_closures=[date(2026, 12, 24), date(2026, 12, 31)])
    # From Mon 21 Dec: Tue 22 (1), Wed 23 (2), [Thu 24 closed, Fri 25, Sat, Sun], Mon 28 (3), Tue 29 (4),
    # Wed 30 (5), [Thu 31 closed, Fri 1 Jan, Sat, Sun], Mon 4 (6), Tue 5 (7), Wed 6 (8), Thu 7 (9), Fri 8 (10).
    assert due_date(date(2026, 12, 21), wdays(10), cal) == date(2027, 1, 8)


def test_weeks_goal_on_a_closure_day_moves_on():
    cal = WorkingCalendar(extra_closures=[date(2026, 12, 24)])
    # Thu 17 Dec + 7 = Thu 24 Dec (closed), Fri 25 (holiday), Sat, Sun -> Mon 28 Dec.
    assert due_date(date(2026, 12, 17), weeks(1), cal) == date(2026, 12, 28)


def test_working_days_received_on_saturday_counts_from_monday(cal):
    # Received Sat 7 Mar: the first working day after it is Mon 9 Mar.
    assert due_date(date(2026, 3, 7), wdays(1), cal) == date(2026, 3, 9)


# --- receipt time zone -------------------------------------------------------

def test_aware_utc_receipt_late_evening_is_next_copenhagen_day(cal):
    # 23:30 UTC on Thu 5 Mar 2026 is 00:30 CET on Fri 6 Mar; 1 working day after Fri 6 -> Mon 9 Mar.
    received = datetime(2026, 3, 5, 23, 30, tzinfo=UTC)
    assert due_date(received, wdays(1), cal) == date(2026, 3, 9)


def test_summer_time_receipt_uses_cest(cal):
    # 22:30 UTC on Tue 30 Jun 2026 is 00:30 CEST on Wed 1 Jul.
    assert local_date(datetime(2026, 6, 30, 22, 30, tzinfo=UTC)) == date(2026, 7, 1)


def test_naive_receipt_is_taken_as_local_time(cal):
    # Naive 23:30 on Thu 5 Mar stays Thu 5 Mar; 1 working day later is Fri 6 Mar.
    assert due_date(datetime(2026, 3, 5, 23, 30), wdays(1), cal) == date(2026, 3, 6)


def test_aware_copenhagen_receipt_keeps_its_date():
    assert local_date(datetime(2026, 3, 5, 23, 30, tzinfo=ZoneInfo("Europe/Copenhagen"))) == date(2026, 3, 5)


# --- ISO weeks ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2027, 1, 1), "2026-W53"),   # Friday; the Thursday of its week (31 Dec) is in 2026
        (date(2026, 12, 28), "2026-W53"),  # Monday of week 53
        (date(2027, 1, 4), "2027-W01"),   # first Monday of 2027
        (date(2026, 1, 1), "2026-W01"),   # Thursday, so week 1 of 2026
        (date(2024, 12, 30), "2025-W01"),  # Monday; the Thursday of its week (2 Jan) is in 2025
        (date(2026, 12, 16), "2026-W51"),
    ],
)
def test_iso_week(d, expected):
    assert iso_week(d) == expected


@pytest.mark.parametrize(
    ("d", "lang", "expected"),
    [
        (date(2026, 12, 16), "da", "uge 51 (14.-18. december 2026)"),
        (date(2026, 12, 16), "en", "week 51 (14-18 December 2026)"),
        (date(2026, 12, 20), "da", "uge 51 (14.-18. december 2026)"),  # Sunday belongs to the same ISO week
        (date(2027, 1, 1), "da", "uge 53 (28. december 2026-1. januar 2027)"),
        (date(2027, 1, 1), "en", "week 53 (28 December 2026 - 1 January 2027)"),
        (date(2026, 4, 1), "da", "uge 14 (30. marts-3. april 2026)"),
        (date(2026, 4, 1), "en", "week 14 (30 March - 3 April 2026)"),
        (date(2026, 5, 5), "da", "uge 19 (4.-8. maj 2026)"),
    ],
)
def test_describe_week(d, lang, expected):
    assert describe_week(d, lang) == expected


def test_describe_week_rejects_unknown_language():
    with pytest.raises(ValueError):
        describe_week(date(2026, 12, 16), "de")


@pytest.mark.parametrize(
    ("goal", "lang", "expected"),
    [
        (weeks(2), "da", "2 uger"),
        (weeks(1), "da", "1 uge"),
        (weeks(2), "en", "2 weeks"),
        (weeks(1), "en", "1 week"),
        (wdays(10), "da", "10 arbejdsdage"),
        (wdays(10), "en", "10 working days"),
        (wdays(1), "da", "1 arbejdsdag"),
        (cdays(55), "da", "55 kalenderdage"),
        (cdays(55), "en", "55 calendar days"),
        (cdays(1), "en", "1 calendar day"),
    ],
)
def test_describe_goal(goal, lang, expected):
    assert describe_goal(goal, lang) == expected


@pytest.mark.parametrize(
    ("d", "lang", "expected"),
    [
        (date(2026, 12, 18), "da", "fredag 18. december 2026"),  # 24 Dec 2026 is a Thursday, so 18 Dec is a Friday
        (date(2026, 12, 18), "en", "Friday 18 December 2026"),
        (date(2027, 1, 4), "da", "mandag 4. januar 2027"),      # 1 Jan 2027 is a Friday -> 4 Jan a Monday
        (date(2026, 3, 1), "en", "Sunday 1 March 2026"),         # 5 Apr 2026 (Easter Sunday) - 35 days
    ],
)
def test_describe_date(d, lang, expected):
    assert describe_date(d, lang) == expected
