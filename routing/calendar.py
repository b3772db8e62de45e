"""Danish working days: weekends, public holidays and configured closure days.

Public holidays come from ``holidays.Denmark()``. The package is corrected for
two known deviations found in some versions and in older data:

* Store Bededag (the fourth Friday after Easter) was abolished from 2024;
* 24 December, 31 December, 1 May and 5 June (Grundlovsdag) are not public
  holidays in Denmark, even though many workplaces close. A municipality that
  closes on them lists them as extra closure days in the catalogue.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from dateutil.easter import easter

if TYPE_CHECKING:
    import holidays

log = logging.getLogger(__name__)

# (month, day) pairs that are never Danish public holidays, whatever a library says.
NOT_PUBLIC_HOLIDAYS: frozenset[tuple[int, int]] = frozenset({(12, 24), (12, 31), (5, 1), (6, 5)})
STORE_BEDEDAG_ABOLISHED_FROM = 2024
_STORE_BEDEDAG_AFTER_EASTER = timedelta(days=26)
_SATURDAY = 5


def store_bededag(year: int) -> date:
    """Return the date Store Bededag had (or would have) in ``year``."""
    return easter(year) + _STORE_BEDEDAG_AFTER_EASTER


def is_danish_public_holiday(d: date, source: holidays.HolidayBase | None = None) -> bool:
    """True when ``d`` is a Danish public holiday (corrected, see module docstring)."""
    if (d.month, d.day) in NOT_PUBLIC_HOLIDAYS:
        return False
    if d.year >= STORE_BEDEDAG_ABOLISHED_FROM and d == store_bededag(d.year):
        return False
    return d in (source if source is not None else _danish_holidays())


@cache
def _danish_holidays() -> holidays.HolidayBase:
    """``holidays``' Danish calendar (imported when first needed: it costs about 80 ms to load)."""
    import holidays

    return holidays.country_holidays("DK")


class WorkingCalendar:
    """Answers whether a date is a working day and counts working days.

    A working day is Monday-Friday that is neither a Danish public holiday nor
    one of the configured extra closure days.
    """

    def __init__(self, extra_closures: Iterable[date] = ()) -> None:
        self.extra_closures: frozenset[date] = frozenset(extra_closures)
        self._cache: dict[date, bool] = {}

    def __repr__(self) -> str:
        return f"WorkingCalendar(extra_closures={sorted(self.extra_closures)!r})"

    def is_holiday(self, d: date) -> bool:
        """True when ``d`` is a Danish public holiday (weekday or not)."""
        return is_danish_public_holiday(d)  # the one table of the process, loaded by the first question

    def is_working_day(self, d: date) -> bool:
        """True when ``d`` is a weekday, not a public holiday and not a closure day."""
        cached = self._cache.get(d)
        if cached is None:
            cached = d.weekday() < _SATURDAY and d not in self.extra_closures and not self.is_holiday(d)
            self._cache[d] = cached
        return cached

    def next_working_day(self, d: date) -> date:
        """Return ``d`` itself when it is a working day, otherwise the next one."""
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def add_working_days(self, d: date, n: int) -> date:
        """Return the ``n``-th working day after ``d`` (``d`` itself not counted).

        ``n == 0`` returns :meth:`next_working_day` of ``d``.
        """
        if n < 0:
            raise ValueError(f"n must be zero or positive, got {n}")
        if n == 0:
            return self.next_working_day(d)
        while n > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                n -= 1
        return d
