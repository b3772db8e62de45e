"""The statuses of a case and of its parts (a case has its least advanced part's). Constants only, so
that a command reading the queue straight through the database driver needs no ORM to know them."""
from __future__ import annotations

STATUSES = ("received", "routed", "in_progress", "waiting", "decided", "closed")
OPEN_STATUSES = ("received", "routed", "in_progress", "waiting")  # not yet decided: the clock can run
