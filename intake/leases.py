"""Who holds a message: leases that let several workers share one mailbox and one database.

A worker claims a message by writing its identity (``host:pid``) and a deadline on
the message's row while it is ``processing``. Another worker leaves a held
message alone, and takes it over when the lease has run out, or at once when the
holder is a process on its own host that no longer exists (a restart after a
crash does not wait for the lease). Pure functions; the runner does the SQL.
"""
from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta


def worker_identity() -> str:
    """This process, as other workers see it: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def lease_deadline(now: datetime, seconds: float) -> datetime:
    return now + timedelta(seconds=seconds)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user: it exists
        return True
    return True


def is_held(owner: str, until: datetime | None, now: datetime, me: str) -> bool:
    """True when another live worker holds the lease, so this one must leave the message alone.

    A lease without an owner (a row from before leases, or one a worker gave back) is
    free; one of this very process is free to it; an expired one is free; one of a
    dead process on this host is free.
    """
    if not owner or owner == me:
        return False
    if until is None or until <= now:
        return False
    host, _, pid = owner.rpartition(":")
    if host == me.rpartition(":")[0] and pid.isdigit():
        return _process_exists(int(pid))
    return True
