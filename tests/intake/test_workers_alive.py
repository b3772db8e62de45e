"""The queue mode without a live ``intake worker`` (session 37's operator audit): each message waited the whole budget
(180 s) for attachments nobody read, and ``intake doctor`` and ``/ready`` said all was well. On the real PostgreSQL."""
from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from sqlalchemy import text

from intake.doctor import run_checks
from intake.extraction import QueueExtractor, ensure_schema, live_workers, make_app
from intake.settings import load_settings
from intake.web.probes import check_workers
from models.db import open_database

pytestmark = pytest.mark.realserver


@pytest.fixture
def queue(tmp_path, pg_url):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": pg_url,
                                  "INTAKE_EXTRACTION": "queue"})
    engine = open_database(pg_url)
    yield settings, engine
    engine.dispose()


def _beat(engine, seconds_ago: int) -> None:
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO procrastinate_workers (last_heartbeat) "
                          f"VALUES (now() - interval '{seconds_ago} seconds')"))


def test_doctor_and_ready_say_when_no_worker_is_alive_and_how_many_are(queue):
    settings, engine = queue
    workers = {c.name: c for c in run_checks(settings)}["workers"]
    assert workers.verdict == "warn" and "no `intake worker`" in workers.detail  # serve copes, and starts after doctor
    ensure_schema(make_app(settings.database_url), engine)
    _beat(engine, 600)                                  # a worker gone ten minutes ago counts for nothing
    assert live_workers(engine) == 0
    with pytest.raises(LookupError, match="no `intake worker`"):
        check_workers(SimpleNamespace(settings=settings, engine=engine))
    _beat(engine, 5)
    assert live_workers(engine) == 1
    assert {c.name: c for c in run_checks(settings)}["workers"].verdict == "ok"
    assert check_workers(SimpleNamespace(settings=settings, engine=engine)) == "1 alive"


def test_without_a_live_worker_a_message_waits_seconds_not_the_whole_budget(queue, caplog):
    settings, engine = queue
    app = make_app(settings.database_url, engine)
    ensure_schema(app, engine)
    extractor = QueueExtractor(engine, app)
    started = time.monotonic()
    (result,) = extractor.read(1, [("plan.pdf", "application/pdf", 1000)], budget=120)
    assert time.monotonic() - started < 30, "about two seconds, not two minutes"
    assert result.reason == "still_reading"
    assert any("no `intake worker` alive" in r.getMessage() for r in caplog.records)
    app.close()
