"""Details in the voices of development batch d22: a baker's phone mail ("vi er X i Y", "ring bare ... 26114890",
"Sendt fra min iPhone"), a retired architect helping his son-in-law's restaurant, a CVR in its definite form, the
first weeks of a month, a weekday that settles a date's year, the company's post sent to its workshop, a P-number
beside the one place given, a subject and an attached account that both put the work at the body's address, a client
on its heading's line, an adviser to the developer, a branch's CVR/VAT number before its address, two days with their
hours."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.periods import find_period

REF = date(2027, 2, 8)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "", reference: date = REF) -> dict:
    found = extract_details(sources, fields or {}, reference=reference, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- numbers and dates

def test_a_month_cued_only_by_the_fra_inside_a_word_is_no_period():
    text = ("Der bliver ingen opvarmning ud over infrarøde varmelegemer. Ejerforeningen har på sin generalforsamling i "
            "marts givet sit samtykke.")
    assert find_period(text, REF) == find_period("", REF)


def test_a_month_after_fra_as_a_word_is_still_a_period():
    text = "Vi vil gerne have borde ude fra april til september."
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 4, 1), date(2027, 9, 30))


def test_the_first_and_last_weeks_of_a_month_as_days():
    first = find_period("We plan to do this during the first two weeks of August this year (2027), Monday to "
                        "Friday.", REF)
    last = find_period("Vi graver de sidste to uger af juni.", REF)
    assert (first.start, first.end) == (date(2027, 8, 1), date(2027, 8, 14))
    assert (last.start, last.end) == (date(2027, 6, 17), date(2027, 6, 30))


def test_the_first_weeks_of_a_month_without_their_number_are_no_period():
    period = find_period("We hope to start in the first weeks of July.", REF)
    assert (period.start, period.end) == (None, None)


def test_a_weekday_settles_the_year_of_a_date_written_without_one():
    text = ("Vi starter mandag den 4. oktober og regner med at være færdige fredag den 8. oktober. Vi udfører selv "
            "arbejdet.")
    period = find_period(text, date(2026, 12, 3))
    assert (period.start, period.end) == (date(2027, 10, 4), date(2027, 10, 8))


def test_a_date_without_its_weekday_keeps_the_nearer_year():
    text = "Vi starter den 4. oktober og regner med at være færdige den 8. oktober."
    period = find_period(text, date(2026, 12, 3))
    assert (period.start, period.end) == (date(2026, 10, 4), date(2026, 10, 8))


def test_two_days_each_with_its_hours_are_one_range():
    text = ("Dates and times: Friday 10 September 2027, 12:00–20:00, and Saturday 11 September 2027, 10:00–18:00.")
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 9, 10), date(2027, 9, 11))


def test_a_day_with_its_hours_and_another_day_offered_instead_are_no_range():
    text = "Dates: Friday 10 September 2027, 12:00–20:00, or if it rains Friday 17 September 2027."
    assert find_period(text, REF).end != date(2027, 9, 17)

