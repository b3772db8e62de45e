"""Reservations: which waiting messages a worker looks at in one batch, so that workers sharing an inbox
fetch and read different messages.

Without them every worker lists the same inbox and goes through the same messages in the same
order: each message is fetched, hashed and looked up by every worker, and all but one find it
taken. A worker now reserves the messages of its batch before it fetches them, with PostgreSQL
advisory locks (``pg_try_advisory_lock``, one per message key) held on a connection of its own
for the batch; the others skip what is reserved and take the next ones. A lock belongs to the
database session, so a worker that dies loses its reservations with its connection.

Reservations only spare work. What decides who processes a message is still its claim
(``intake.runner``): a message reserved by nobody, or by two workers after a hash collision,
is still processed exactly once. SQLite serves one process, which reserves nothing.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from intake.mailbox.base import MessageRef, take_first

log = logging.getLogger(__name__)
# Locks one worker holds at most (a batch this size at most): each takes a slot of PostgreSQL's shared lock table
# (max_locks_per_transaction x max_connections, 6,400 by default), which a batch of thousands could fill.
MAX_RESERVED = 500
SPACE = 0x1A7A4E  # the first key of every reservation lock: apart from other advisory locks (migrations)
TRY = text("SELECT k FROM unnest(CAST(:keys AS integer[])) WITH ORDINALITY AS t(k, n) "
           "WHERE pg_try_advisory_lock(:space, k) ORDER BY n")


def lock_key(ref: MessageRef) -> int:
    """A message's lock key: 32 bits of a hash of its mailbox key (a collision only shares a reservation)."""
    digest = hashlib.blake2b(f"{ref.source}\0{ref.uidvalidity}\0{ref.uid}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


class Reservations:
    """The messages this worker has reserved for its current batch."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.shared = engine.dialect.name == "postgresql"
        self._conn: Connection | None = None

    def take(self, refs: Sequence[MessageRef], want: int | None) -> list[MessageRef]:
        """Reserve up to ``want`` (all: None; never more than ``MAX_RESERVED``) of ``refs``, in their order,
        skipping those others hold."""
        if not self.shared:
            return take_first(refs, want)
        want = MAX_RESERVED if want is None else min(want, MAX_RESERVED)
        if self._conn is None:
            self._conn = self.engine.connect()
        taken: list[MessageRef] = []
        rest = list(refs)
        while rest and len(taken) < want:
            count = want - len(taken)
            trying, rest = rest[:count], rest[count:]
            keys = [lock_key(ref) for ref in trying]
            got = set(self._conn.execute(TRY, {"keys": keys, "space": SPACE}).scalars())
            self._conn.commit()  # the locks are the session's: no transaction is left open
            taken += [ref for ref, key in zip(trying, keys, strict=True) if key in got]
        return taken

    def release(self) -> None:
        """Give back every reservation (after the batch's messages were moved)."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.execute(text("SELECT pg_advisory_unlock_all()"))
            conn.commit()
            conn.close()
        except SQLAlchemyError:  # the locks must not outlive the batch: drop the session instead
            log.warning("reservations not released cleanly: their database session is closed instead")
            conn.invalidate()
            conn.close()
