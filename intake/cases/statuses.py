"""The statuses of a case and of its parts (a case has its least advanced part's). Constants, and the one reading
of a status filter, so that a command reading the queue straight through the database driver needs no ORM to know
them."""
from __future__ import annotations

from intake.errors import UsageError

STATUSES = ("received", "routed", "in_progress", "waiting", "decided", "closed")
OPEN_STATUSES = ("received", "routed", "in_progress", "waiting")  # not yet decided: the clock can run
OPEN = "open"  # the queue's default filter: every part not yet decided
ALL = "all"    # what a person asks for when they want every status (the filter None)
STATUS_FILTERS = (OPEN, *STATUSES)
# The queue's condition for open parts, written out: the partial indexes of the open queue (migration 0009,
# ``models.tables.CasePart``) serve only a query that states their condition with the same constants.
OPEN_CONDITION = "status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


class UnknownStatus(UsageError):
    """Raised when a status filter names neither ``open``, ``all`` nor a status (a typo would list nothing)."""


def status_filter(value: str | None) -> str | None:
    """The queue's status filter from what a person asked (the desk's form, ``intake case list --status``).

    Nothing asked or ``open``: every part not yet decided (``OPEN``); ``all``: None, every status; else one of
    ``STATUSES``. Anything else is refused with the known values.
    """
    if not value:
        return OPEN
    if value == ALL:
        return None
    if value not in STATUS_FILTERS:
        raise UnknownStatus(f"unknown status {value[:40]!r}; known: {', '.join(STATUS_FILTERS)} or {ALL}")
    return value
