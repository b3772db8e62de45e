"""Several workers on one database: leases on messages, twins in flight, and the one-process embedded default."""
from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from intake.app import build_context
from intake.leases import is_held, worker_identity
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from intake.single import AlreadyRunning, one_process
from models import Case, InboundMessage, utcnow
from models.db import open_database
from tests.intake.mailbuilder import application

NOW = utcnow()
HOST = worker_identity().rpartition(":")[0]


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_live_lease_of_another_worker_is_held():
    assert is_held("other-host:42", NOW + timedelta(minutes=5), NOW, worker_identity())


@pytest.mark.parametrize("owner, until", [
    ("", NOW + timedelta(minutes=5)),                       # given back
    ("other-host:42", NOW - timedelta(seconds=1)),          # run out
    ("other-host:42", None),                                # a row from before leases
])
def test_free_leases(owner, until):
    assert not is_held(owner, until, NOW, worker_identity())


def test_my_own_lease_is_not_held_against_me():
    me = worker_identity()
    assert not is_held(me, NOW + timedelta(minutes=5), NOW, me)


def test_a_dead_process_on_this_host_holds_nothing_but_a_live_one_does():
    until = NOW + timedelta(minutes=5)
    assert not is_held(f"{HOST}:{_dead_pid()}", until, NOW, worker_identity())
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as alive:
        try:
            assert is_held(f"{HOST}:{alive.pid}", until, NOW, worker_identity())
        finally:
            alive.kill()


@pytest.fixture
def two_workers(tmp_path, model_dir):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_MESSAGE_LEASE_SECONDS": "600"})
    engine = open_database(settings.database_url)
    ctx = build_context(settings)
    box = MaildirMailbox(settings.maildir)
    first, second = Runner(ctx, engine, box), Runner(ctx, engine, box)
    first.me, second.me = "host-a:1", "host-b:2"  # two machines
    return engine, box, first, second


def _fetched(box):
    return list(box.fetch_pending())


def test_a_message_another_worker_holds_is_left_alone_and_not_moved(two_workers):
    engine, box, first, second = two_workers
    box.deliver(application().as_bytes())
    (fetched,) = _fetched(box)
    inbound_id, early = first._claim(fetched)
    assert early is None
    outcome = second.handle(fetched)
    assert (outcome.outcome, outcome.reason) == ("busy", "held by another worker")
    assert len(_fetched(box)) == 1  # still in the inbox for its holder
    with Session(engine) as s:
        rec = s.get(InboundMessage, inbound_id)
        assert (rec.attempts, rec.lease_owner) == (1, "host-a:1")


def test_an_expired_lease_is_taken_over_and_counts_an_attempt(two_workers):
    engine, box, first, second = two_workers
    box.deliver(application().as_bytes())
    (fetched,) = _fetched(box)
    inbound_id, _ = first._claim(fetched)
    with Session(engine) as s:
        rec = s.get(InboundMessage, inbound_id)
        rec.lease_until = utcnow() - timedelta(seconds=1)  # host-a died long ago
        s.add(rec)
        s.commit()
    outcome = second.handle(fetched)
    assert outcome.outcome == "case"
    with Session(engine) as s:
        rec = s.get(InboundMessage, inbound_id)
        assert (rec.status, rec.attempts, rec.lease_owner) == ("done", 2, "host-b:2")
        assert len(s.exec(select(Case)).all()) == 1


def test_only_one_worker_takes_over_an_expired_lease(two_workers):
    engine, box, first, second = two_workers
    box.deliver(application().as_bytes())
    (fetched,) = _fetched(box)
    inbound_id, _ = first._claim(fetched)
    with Session(engine) as s:
        rec = s.get(InboundMessage, inbound_id)
        rec.lease_until = utcnow() - timedelta(seconds=1)
        s.add(rec)
        s.commit()
    third = Runner(second.ctx, engine, box)
    third.me = "host-c:3"
    assert second._claim(fetched) == (inbound_id, None)
    assert third._claim(fetched)[1].outcome == "busy"


def test_the_same_content_under_another_uid_waits_while_its_twin_is_processed(two_workers):
    engine, box, first, second = two_workers
    raw = application().as_bytes()
    box.deliver(raw)
    box.deliver(raw)
    one, two = _fetched(box)
    assert first._claim(one)[1] is None
    assert second.handle(two).outcome == "busy"


def test_a_second_embedded_process_is_refused_with_the_holder(tmp_path):
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    script = ("import sys, time\nfrom intake.single import one_process\n"
              f"with one_process({url!r}):\n    print('held', flush=True)\n    time.sleep(30)\n")
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            with pytest.raises(AlreadyRunning, match=rf"pid {holder.pid}\).*PostgreSQL"), one_process(url):
                pass
        finally:
            holder.kill()
    with one_process(url):  # the lock went with the process
        pass


def test_postgresql_needs_no_process_lock(pg_url):
    with one_process(pg_url), one_process(pg_url):
        pass


def test_connections_the_server_dropped_cost_a_retry_not_a_message(tmp_path, model_dir, pg_url):
    from sqlalchemy import create_engine, text

    from intake.runner import OUR_FAULTS

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_DATABASE_URL": pg_url})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    runner = Runner(build_context(settings), engine, box)
    box.deliver(application(sender="a@firma-a.dk").as_bytes())
    assert [o.outcome for o in runner.process_batch()] == ["case"]
    admin = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # what a server restart does to the pooled connections
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
    admin.dispose()
    box.deliver(application(sender="b@firma-b.dk").as_bytes())
    outcomes = []
    for _ in range(3):
        try:
            outcomes = runner.process_batch()
            break
        except OUR_FAULTS:
            continue
    assert [o.outcome for o in outcomes] == ["case"]
    with Session(engine) as s:
        assert [(m.status, m.attempts) for m in s.exec(select(InboundMessage).order_by(InboundMessage.id))] == [
            ("done", 1), ("done", 1)]
    engine.dispose()
