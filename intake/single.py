"""The embedded default (SQLite) runs as one process: a second one on the same data is refused.

SQLite serialises writers but cannot share work between processes the way
PostgreSQL does (no ``SKIP LOCKED``, and a read transaction that later writes fails
when another process wrote in between), so ``intake serve`` and ``intake process``
hold an exclusive lock on ``<database>.lock`` while they run. The lock is the
operating system's (``flock``): it goes when the process ends, however it ends.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from intake.errors import RequestRefused


class AlreadyRunning(RequestRefused):
    """Another service process holds the embedded database."""


def lock_path(database_url: str) -> Path | None:
    """Where the lock of an SQLite database file lives; None for PostgreSQL or an in-memory database."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database + ".lock")


@contextmanager
def one_process(database_url: str) -> Iterator[None]:
    """Hold the embedded database for this process; refuse clearly when another process holds it."""
    path = lock_path(database_url)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise AlreadyRunning(
                f"another intake process (pid {holder}) is already running on {url_path(database_url)}; "
                "the embedded SQLite default runs as one process. To run several workers, use PostgreSQL "
                "(INTAKE_DATABASE_URL)") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def url_path(database_url: str) -> str:
    return str(make_url(database_url).database)
