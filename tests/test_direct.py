"""``models.direct``: the database read straight through its driver, and the queue read that way is the
queue read through the ORM (``intake.cases.queue_sql``, one query for both), on SQLite and PostgreSQL."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from sqlmodel import Session

from intake.cases.lifecycle import Desk
from intake.cases.queue import QueueFilter, queue_page
from intake.cases.queue_sql import read_page
from intake.settings import load_settings
from models import utcnow
from models.db import open_database
from models.direct import Direct, connect_direct, driver_query, sqlite_path
from models.errors import DatabaseUnavailable
from models.revision import HEAD_REVISION
from tests.intake.casefactory import CALENDAR, CATALOGUE, local, make_case


@pytest.mark.parametrize(("url", "path"), [
    ("sqlite:///data/intake.db", "data/intake.db"),
    ("sqlite:////var/lib/intake/intake.db", "/var/lib/intake/intake.db"),
    ("sqlite+pysqlite:///x.db", "x.db"),
    ("sqlite://", None), ("sqlite:///:memory:", None), ("sqlite:///x.db?mode=ro", None),
    ("postgresql://u@h/db", None), ("not a url", None),
])
def test_sqlite_path_reads_only_a_plain_file_url(url, path):
    assert sqlite_path(url) == (None if path is None else __import__("pathlib").Path(path))


def test_driver_query_writes_parameters_as_each_driver_takes_them():
    sql = "SELECT 1 WHERE d < :today AND o IN (:office_0, :office_1)"
    params = {"today": date(2026, 12, 3), "office_0": "trafik", "office_1": "byggeri"}
    assert driver_query(sql, params, "sqlite") == (sql, {**params, "today": "2026-12-03"})
    text, values = driver_query(sql, params, "postgresql")
    assert text == "SELECT 1 WHERE d < %(today)s AND o IN (%(office_0)s, %(office_1)s)" and values == params


def test_a_database_it_does_not_read_is_left_to_the_ordinary_way(tmp_path):
    assert connect_direct(f"sqlite:///{tmp_path / 'none.db'}") is None  # not there: the ORM way creates it
    sqlite3.connect(tmp_path / "empty.db").close()
    assert connect_direct(f"sqlite:///{tmp_path / 'empty.db'}") is None  # no migrations yet
    older = tmp_path / "older.db"
    open_database(f"sqlite:///{older}").dispose()
    with sqlite3.connect(older) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0007_older'")
    assert connect_direct(f"sqlite:///{older}") is None  # another schema: the ORM way migrates it
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    assert connect_direct(f"sqlite:///{tmp_path / 'junk.db'}") is None
    assert connect_direct("mysql://u@h/db") is None


def test_it_reads_a_migrated_database_and_never_writes(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    open_database(url).dispose()
    direct = connect_direct(url)
    assert isinstance(direct, Direct) and direct.dialect == "sqlite"
    try:
        assert direct.rows("SELECT version_num FROM alembic_version", {}) == [(HEAD_REVISION,)]
        with pytest.raises(DatabaseUnavailable, match="^the database failed: attempt to write a readonly"):
            direct.rows("DELETE FROM alembic_version", {})
        with pytest.raises(DatabaseUnavailable, match="no such table"):
            direct.rows("SELECT * FROM nothing_here", {})
    finally:
        direct.close()


def test_an_unreachable_postgresql_is_left_to_the_ordinary_way_which_explains():
    from tests.servers import free_port

    assert connect_direct(f"postgresql://intake:pw@127.0.0.1:{free_port()}/intake") is None


def fill(engine) -> None:
    """Cases in every state the queue shows differently: overdue, paused, several parts and offices,
    decided, assigned, complex, the same due date for several (the key's tie-break)."""
    now = utcnow()
    with Session(engine) as s:
        for day in (3, 1, 2, 1, 5, 1):
            make_case(s, received=local(2026, 3, day), task_types=("vejareal",))
        make_case(s, task_types=("udeservering", "skilte", "erhvervsaffald"), parts=3,
                  received=now - timedelta(days=2), complex=True)
        make_case(s, task_types=("vejareal",), received=now - timedelta(days=60), paused_since=now - timedelta(days=3),
                  pauses=[(now - timedelta(days=20), now - timedelta(days=15))])
        make_case(s, task_types=("skilte",), received=now - timedelta(days=40), status="decided",
                  decided=now - timedelta(days=1))
        make_case(s, task_types=("byggetilladelse",), received=now - timedelta(days=5), assigned_to="karen")
        s.commit()


FILTERS = [QueueFilter(), QueueFilter(overdue=True), QueueFilter(offices={"trafik"}),
           QueueFilter(offices={"trafik", "byggeri"}), QueueFilter(offices=set()), QueueFilter(status="decided"),
           QueueFilter(status="waiting"), QueueFilter(task_type="skilte"),
           QueueFilter(offices={"trafik"}, overdue=True)]


def every_page(read) -> list:
    pages, key = [], None
    while True:
        page = read(key)
        pages.append(page)
        if (key := page.next_key) is None:
            return pages


def same_queue_both_ways(url: str, tmp_path) -> None:
    engine = open_database(url)
    fill(engine)
    desk = Desk(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path)}), CATALOGUE, CALENDAR)
    now = utcnow()
    direct = connect_direct(url)
    assert direct is not None
    try:
        with Session(engine) as s:
            for f in FILTERS:
                orm = every_page(lambda key, f=f: queue_page(s, desk, f, after=key, size=2, now=now))
                raw = every_page(lambda key, f=f: read_page(direct.rows, desk, f, after=key, size=2, now=now))
                assert raw == orm, f
            pages = every_page(lambda key: read_page(direct.rows, desk, QueueFilter(), after=key, size=3, now=now))
            everything = [row for page in pages for row in page.rows]
    finally:
        direct.close()
        engine.dispose()
    assert len(everything) == 12 and [r.due for r in everything] == sorted(r.due for r in everything)
    standings = {r.standing for r in everything}
    assert {"overdue", "done"} <= standings, standings
    assert {r.parts for r in everything} == {1, 3} and any(r.complex for r in everything)
    assert any(r.assigned_to == "karen" for r in everything)


def test_the_queue_read_directly_is_the_queue_read_through_the_orm_on_sqlite(tmp_path):
    same_queue_both_ways(f"sqlite:///{tmp_path / 'q.db'}", tmp_path)


def test_the_queue_read_directly_is_the_queue_read_through_the_orm_on_postgresql(pg_url, tmp_path):
    same_queue_both_ways(pg_url, tmp_path)
