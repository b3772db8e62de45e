"""Service goals: due dates from receipt, ISO weeks and their wording in da/en."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from routing.calendar import WorkingCalendar
from routing.catalogue import ServiceGoal

LOCAL_TZ = ZoneInfo("Europe/Copenhagen")

# Month names written out so the output never depends on the OS locale.
_MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni",
           "juli", "august", "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}
_WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_GOAL_WORDS = {
    "da": {"weeks": ("uge", "uger"), "calendar_days": ("kalenderdag", "kalenderdage"),
           "working_days": ("arbejdsdag", "arbejdsdage")},
    "en": {"weeks": ("week", "weeks"), "calendar_days": ("calendar day", "calendar days"),
           "working_days": ("working day", "working days")},
}


def local_date(received: date | datetime) -> date:
    """The Copenhagen calendar date of a receipt (naive datetimes are taken as local)."""
    if isinstance(received, datetime):
        if received.tzinfo is not None and received.utcoffset() is not None:
            received = received.astimezone(LOCAL_TZ)
        return received.date()
    return received


def due_date(received: date | datetime, goal: ServiceGoal, calendar: WorkingCalendar) -> date:
    """The date by which a task received at ``received`` should be completed.

    Weeks count 7 calendar days each and calendar days count every day; working
    days count the n-th working day after the receipt date. A due date on a
    non-working day moves to the next working day.
    """
    start = local_date(received)
    if goal.unit == "working_days":
        return calendar.add_working_days(start, goal.value)
    if goal.unit == "weeks":
        return calendar.next_working_day(start + timedelta(weeks=goal.value))
    if goal.unit == "calendar_days":
        return calendar.next_working_day(start + timedelta(days=goal.value))
    raise ValueError(f"unknown service goal unit {goal.unit!r}")


def iso_week(d: date) -> str:
    """The ISO 8601 week of ``d``, e.g. ``"2026-W53"`` for 1 January 2027."""
    return d.strftime("%G-W%V")


def _lang(lang: str) -> str:
    key = lang.strip().lower()[:2]
    if key not in _MONTHS:
        raise ValueError(f"unsupported language {lang!r}; expected 'da' or 'en'")
    return key


def _day_month(d: date, lang: str) -> str:
    month = _MONTHS[lang][d.month - 1]
    return f"{d.day}. {month}" if lang == "da" else f"{d.day} {month}"


def _span(monday: date, friday: date, lang: str) -> str:
    """'14.-18. december 2026' / '14-18 December 2026', longer across months or years."""
    dash = "-" if lang == "da" else " - "
    if monday.year != friday.year:
        return f"{_day_month(monday, lang)} {monday.year}{dash}{_day_month(friday, lang)} {friday.year}"
    if monday.month != friday.month:
        return f"{_day_month(monday, lang)}{dash}{_day_month(friday, lang)} {friday.year}"
    first = f"{monday.day}." if lang == "da" else f"{monday.day}"
    return f"{first}-{_day_month(friday, lang)} {friday.year}"


def describe_week(d: date, lang: str) -> str:
    """The ISO week of ``d`` with its Monday-Friday, e.g. ``"uge 51 (14.-18. december 2026)"``."""
    lang = _lang(lang)
    d = local_date(d)
    monday = d - timedelta(days=d.weekday())
    friday = monday + timedelta(days=4)
    word = "uge" if lang == "da" else "week"
    return f"{word} {d.isocalendar().week} ({_span(monday, friday, lang)})"


def describe_date(d: date, lang: str) -> str:
    """A date with its weekday, e.g. ``"fredag 18. december 2026"`` / ``"Friday 18 December 2026"``."""
    lang = _lang(lang)
    d = local_date(d)
    return f"{_WEEKDAYS[lang][d.weekday()]} {_day_month(d, lang)} {d.year}"


def describe_goal(goal: ServiceGoal, lang: str) -> str:
    """A service goal in words, e.g. ``"2 uger"``, ``"1 week"``, ``"10 working days"``."""
    singular, plural = _GOAL_WORDS[_lang(lang)][goal.unit]
    return f"{goal.value} {singular if goal.value == 1 else plural}"
