"""The statuses of a case and of its parts (a case has its least advanced part's). Constants only, so
that a command reading the queue straight through the database driver needs no ORM to know them."""
from __future__ import annotations

STATUSES = ("received", "routed", "in_progress", "waiting", "decided", "closed")
OPEN_STATUSES = ("received", "routed", "in_progress", "waiting")  # not yet decided: the clock can run
OPEN = "open"  # the queue's default filter: every part not yet decided
STATUS_FILTERS = (OPEN, *STATUSES)
# The queue's condition for open parts, written out: the partial indexes of the open queue (migration 0009,
# ``models.tables.CasePart``) serve only a query that states their condition with the same constants.
OPEN_CONDITION = "status IN (" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"
