"""Properties of due dates that hold for every receipt date and goal."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from routing.calendar import WorkingCalendar
from routing.catalogue import ServiceGoal
from routing.goals import describe_week, due_date

CAL = WorkingCalendar(extra_closures=[date(2026, 12, 24), date(2026, 12, 31)])
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=200, deadline=None)
@given(received=dates, n=st.integers(min_value=1, max_value=60))
def test_working_days_due_date_is_a_working_day_strictly_after_receipt(received, n):
    due = due_date(received, ServiceGoal(n, "working_days"), CAL)
    assert due > received and CAL.is_working_day(due)


@settings(max_examples=200, deadline=None)
@given(received=dates, n=st.integers(min_value=1, max_value=60))
def test_working_days_due_date_has_exactly_n_working_days_after_receipt(received, n):
    due = due_date(received, ServiceGoal(n, "working_days"), CAL)
    span = (received + timedelta(days=i) for i in range(1, (due - received).days + 1))
    assert sum(CAL.is_working_day(d) for d in span) == n


@settings(max_examples=200, deadline=None)
@given(received=dates, n=st.integers(min_value=1, max_value=200), unit=st.sampled_from(["weeks", "calendar_days"]))
def test_calendar_goal_moves_only_past_non_working_days(received, n, unit):
    """The due date is the first working day on or after receipt + goal."""
    raw = received + timedelta(days=n * 7 if unit == "weeks" else n)
    due = due_date(received, ServiceGoal(n, unit), CAL)
    skipped = (raw + timedelta(days=i) for i in range((due - raw).days))
    assert due >= raw and CAL.is_working_day(due) and not any(CAL.is_working_day(d) for d in skipped)


@settings(max_examples=100, deadline=None)
@given(d=dates, lang=st.sampled_from(["da", "en"]))
def test_describe_week_names_the_iso_week_and_year_of_friday(d, lang):
    text = describe_week(d, lang)
    friday = d + timedelta(days=4 - d.weekday())
    assert text.startswith(f"{'uge' if lang == 'da' else 'week'} {d.isocalendar().week} (")
    assert text.endswith(f"{friday.day}{'.' if lang == 'da' else ''} {text.split()[-2]} {friday.year})")
