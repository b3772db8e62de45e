"""Reservations: workers sharing an inbox reserve different messages for a batch (PostgreSQL advisory locks)."""
from __future__ import annotations

import time

from intake.mailbox.base import MessageRef
from intake.reservations import Reservations, lock_key
from models.db import make_engine, migrate

REFS = [MessageRef("imap://desk/INBOX", 7, str(uid)) for uid in range(1, 7)]


def test_a_second_worker_takes_the_messages_the_first_has_not_reserved(pg_url):
    engine = make_engine(pg_url)
    first, second, third = Reservations(engine), Reservations(engine), Reservations(engine)
    assert first.take(REFS, 2) == REFS[:2]
    assert second.take(REFS, 3) == REFS[2:5], "skips the reserved two and takes the next three, in order"
    assert third.take(REFS, None) == [REFS[5]], "all that is left"
    first.release()
    third.release()
    assert third.take(REFS, None) == REFS[:2] + [REFS[5]], "given back"
    second.release()
    third.release()
    engine.dispose()


def test_a_worker_reserves_a_bounded_batch(pg_url, monkeypatch):
    monkeypatch.setattr("intake.reservations.MAX_RESERVED", 4)
    engine = make_engine(pg_url)
    one = Reservations(engine)
    assert one.take(REFS, None) == REFS[:4] and one.take(REFS[4:], 50) == REFS[4:6]
    one.release()
    engine.dispose()


def test_a_dead_workers_reservations_end_with_its_connection(pg_url):
    engine = make_engine(pg_url)
    dead = Reservations(engine)
    dead.take(REFS, None)
    assert Reservations(engine).take(REFS, None) == []
    assert dead._conn is not None
    dead._conn.invalidate()  # the session is gone, as when the process dies
    other = Reservations(engine)
    # the server ends the dead session's backend, and with it its locks, a moment after the socket closes (CI saw it
    # still holding them when asked at once): asked again until it lets go, within seconds
    deadline = time.monotonic() + 10
    taken = other.take(REFS, None)
    while not taken and time.monotonic() < deadline:
        time.sleep(0.05)
        taken = other.take(REFS, None)
    assert taken == REFS
    other.release()
    engine.dispose()


def test_the_lock_keys_tell_messages_apart(tmp_path):
    keys = {lock_key(MessageRef("imap://desk/INBOX", 7, str(uid))) for uid in range(10_000)}
    assert len(keys) >= 9_990
    assert lock_key(REFS[0]) != lock_key(MessageRef("imap://other/INBOX", 7, "1"))


def test_sqlite_serves_one_process_and_reserves_nothing(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    one, two = Reservations(engine), Reservations(engine)
    assert one.take(REFS, 4) == REFS[:4] and two.take(REFS, 4) == REFS[:4]
    one.release()
    engine.dispose()
