"""WorkingCalendar: weekends, Danish public holidays, corrections and closure days.

Weekdays of the dates used here (checked against a printed 2026 calendar):
1 Jan 2026 is a Thursday; Easter Sunday 2026 is 5 April, so Maundy Thursday is
2 April, Good Friday 3 April and Easter Monday 6 April; Ascension Day (Easter + 39)
is Thursday 14 May; Whit Sunday (Easter + 49) is 24 May and Whit Monday 25 May.
24 Dec 2026 is a Thursday, 25 Dec a Friday, 26 Dec a Saturday, 31 Dec a Thursday
and 1 Jan 2027 a Friday. 1 May 2026 and 5 June 2026 are Fridays.
"""

from datetime import date

import pytest

from routing.calendar import WorkingCalendar, is_danish_public_holiday, store_bededag


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize("d", [date(2026, 3, 7), date(2026, 3, 8)], ids=["saturday", "sunday"])
def test_weekend_is_not_a_working_day(cal, d):
    assert not cal.is_working_day(d)


def test_ordinary_weekday_is_a_working_day(cal):
    assert cal.is_working_day(date(2026, 3, 4))  # Wednesday, no holiday


@pytest.mark.parametrize(
    "d",
    [
        date(2026, 1, 1),    # New Year's Day, Thursday
        date(2026, 4, 2),    # Maundy Thursday
        date(2026, 4, 3),    # Good Friday
        date(2026, 4, 6),    # Easter Monday
        date(2026, 5, 14),   # Ascension Day, Thursday
        date(2026, 5, 25),   # Whit Monday
        date(2026, 12, 25),  # Christmas Day, Friday
        date(2027, 1, 1),    # New Year's Day, Friday
    ],
)
def test_public_holiday_on_a_weekday_is_not_a_working_day(cal, d):
    assert not cal.is_working_day(d)


@pytest.mark.parametrize("d", [date(2026, 4, 5), date(2026, 5, 24), date(2026, 12, 26)])
def test_holiday_on_a_weekend_is_reported_as_holiday(cal, d):
    """Easter Sunday, Whit Sunday and Boxing Day (a Saturday in 2026) are holidays too."""
    assert cal.is_holiday(d)


def test_friday_after_ascension_is_a_working_day(cal):
    assert cal.is_working_day(date(2026, 5, 15))


@pytest.mark.parametrize(
    "d",
    [date(2026, 12, 24), date(2026, 12, 31), date(2026, 5, 1), date(2026, 6, 5)],
    ids=["christmas-eve", "new-years-eve", "may-day", "grundlovsdag"],
)
def test_days_that_are_not_public_holidays_are_working_days(cal, d):
    assert cal.is_working_day(d)


def test_store_bededag_dates_are_four_weeks_after_easter():
    # Easter 2023 = 9 April -> +26 days = Friday 5 May; Easter 2024 = 31 March -> Friday 26 April.
    assert (store_bededag(2023), store_bededag(2024)) == (date(2023, 5, 5), date(2024, 4, 26))


def test_store_bededag_was_a_holiday_before_2024(cal):
    assert not cal.is_working_day(date(2023, 5, 5))


@pytest.mark.parametrize("d", [date(2024, 4, 26), date(2025, 5, 16), date(2026, 5, 1)])
def test_store_bededag_is_a_working_day_from_2024(cal, d):
    # Easter 2025 = 20 April -> +26 = Friday 16 May; Easter 2026 = 5 April -> +26 = Friday 1 May.
    assert cal.is_working_day(d)


@pytest.mark.parametrize(
    "d", [date(2024, 4, 26), date(2026, 12, 24), date(2026, 12, 31), date(2026, 5, 1), date(2026, 6, 5)]
)
def test_wrong_library_entries_are_corrected(d):
    """Even a holiday source that lists these dates does not make them public holidays."""
    wrong_source = {date(2024, 4, 26), date(2026, 12, 24), date(2026, 12, 31), date(2026, 5, 1), date(2026, 6, 5)}
    assert not is_danish_public_holiday(d, wrong_source)


def test_correction_keeps_real_holidays_from_the_source():
    assert is_danish_public_holiday(date(2026, 12, 25), {date(2026, 12, 25)})


def test_extra_closure_day_is_not_a_working_day():
    cal = WorkingCalendar(extra_closures=[date(2026, 12, 24)])
    assert not cal.is_working_day(date(2026, 12, 24))


def test_extra_closure_days_do_not_affect_other_days():
    cal = WorkingCalendar(extra_closures=[date(2026, 12, 24)])
    assert cal.is_working_day(date(2026, 12, 23))


def test_next_working_day_of_a_working_day_is_itself(cal):
    assert cal.next_working_day(date(2026, 3, 4)) == date(2026, 3, 4)


def test_next_working_day_after_good_friday_skips_easter(cal):
    # Fri 3 Apr (holiday), Sat 4, Sun 5, Mon 6 (Easter Monday) -> Tuesday 7 April.
    assert cal.next_working_day(date(2026, 4, 3)) == date(2026, 4, 7)


def test_add_working_days_does_not_count_the_start_day(cal):
    # From Wednesday 4 March 2026: Thursday 5 March is the first working day after it.
    assert cal.add_working_days(date(2026, 3, 4), 1) == date(2026, 3, 5)


def test_add_working_days_skips_the_weekend(cal):
    # From Friday 6 March 2026: Sat 7 and Sun 8 skipped -> Monday 9 March.
    assert cal.add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)


def test_add_zero_working_days_is_next_working_day(cal):
    assert cal.add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 9)


def test_add_negative_working_days_is_rejected(cal):
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 3, 4), -1)
