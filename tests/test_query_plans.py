"""The hot queries use an index, on SQLite and PostgreSQL (their plans, read with EXPLAIN).

The cost per message must stay flat as the history grows: none of the queries
run per message, or per page of the case list, may read a whole table.
PostgreSQL is asked with sequential scans discouraged, so that a plan still
scanning a table means no index fits (on an almost empty table it would scan
anyway, fit or not).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql import Select
from sqlmodel import col, func, select

from intake.cases.queue_sql import QueueFilter, page_query
from intake.cases.statuses import OPEN, OPEN_STATUSES
from intake.letters.outbox import next_due
from intake.mailbox.base import MessageRef
from intake.runner import claim_lookup
from models import Case, CaseEvent, CasePart, InboundMessage, OutboxMail, utcnow
from models.db import make_engine, migrate
from models.direct import driver_query

NOW = utcnow()

Query = Select | tuple[str, dict]  # a statement, or SQL with ``:name`` parameters (``intake.cases.queue_sql``)
TODAY = NOW.date()
HOT: dict[str, Callable[[], Query]] = {
    "a message by its mailbox key, and its twins done or in flight (the claim)": lambda: claim_lookup(
        MessageRef("imap://x/INBOX", 1, "7"), "ab" * 32),
    "messages of a case": lambda: select(func.count()).select_from(InboundMessage).where(
        InboundMessage.case_id == 5),
    "cases by quoted reference": lambda: select(Case).where(col(Case.reference).in_(["KBH-2026-000001"])),
    "history of a case": lambda: select(CaseEvent).where(CaseEvent.case_id == 5).order_by(col(CaseEvent.id)),
    "parts of a case": lambda: select(CasePart).where(CasePart.case_id == 5),
    "automatic mails to one address today": lambda: select(func.count()).select_from(OutboxMail).where(
        OutboxMail.recipient == "a@b.dk", col(OutboxMail.purpose).in_(["acknowledgement"]),
        OutboxMail.created_at >= NOW - timedelta(days=1)),
    "the next mail due to be sent (the outbox claim)": lambda: next_due(NOW, after=7),
    "the first page of the queue": lambda: page_query(QueueFilter(), TODAY),
    "a later page of the queue": lambda: page_query(QueueFilter(), TODAY, after="2026-12-14.123"),
    "a page of an office's queue": lambda: page_query(QueueFilter(offices={"trafik"}), TODAY),
    "a page of overdue parts": lambda: page_query(QueueFilter(overdue=True), TODAY),
    "the first page of the open queue (the desk's default)": lambda: page_query(QueueFilter(status=OPEN), TODAY),
    "a later page of the open queue": lambda: page_query(QueueFilter(status=OPEN), TODAY, after="2026-12-14.123"),
    "a page of an office's open queue": lambda: page_query(QueueFilter(offices={"trafik"}, status=OPEN), TODAY),
    "a page of an office's overdue parts": lambda: page_query(QueueFilter(offices={"trafik"}, overdue=True), TODAY),
    "a page of the cases a search found": lambda: page_query(QueueFilter(offices={"trafik"}), TODAY,
                                                             found=[5, 9]),
    "open cases per contact person": lambda: select(Case.contact_email, func.count()).where(
        col(Case.status).in_(OPEN_STATUSES), col(Case.contact_email).is_not(None)).group_by(Case.contact_email),
}


# The queue's pages follow an index in its order: 100,000 parts are never sorted for a page of 50.
IN_INDEX_ORDER = {"the first page of the queue", "a later page of the queue", "a page of an office's queue",
                  "a page of overdue parts", "the first page of the open queue (the desk's default)",
                  "a later page of the open queue", "a page of an office's open queue",
                  "a page of an office's overdue parts"}
# ... and the open parts' pages walk the partial indexes of the open parts only: a desk that has run for years
# reads no decided or closed part to fill its first page.
ON_OPEN_INDEX = {"the first page of the open queue (the desk's default)": "ix_casepart_open_queue",
                 "a later page of the open queue": "ix_casepart_open_queue",
                 "a page of overdue parts": "ix_casepart_open_queue",
                 "a page of an office's open queue": "ix_casepart_open_office_queue",
                 "a page of an office's overdue parts": "ix_casepart_open_office_queue"}


def _explain(conn, how: str, query: Query, dialect) -> list:
    """The plan's rows: a statement with its values written in, SQL with its parameters bound."""
    if isinstance(query, tuple):
        return list(conn.exec_driver_sql(how + " " + (sql := driver_query(*query, dialect.name))[0], sql[1]))
    return list(conn.exec_driver_sql(how + " " + str(query.compile(dialect=dialect,
                                                                     compile_kwargs={"literal_binds": True}))))


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory):
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('plans') / 'p.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("name", sorted(HOT))
def test_sqlite_plan_uses_an_index(sqlite_engine, name):
    with sqlite_engine.connect() as conn:
        plan = [row[-1] for row in _explain(conn, "EXPLAIN QUERY PLAN", HOT[name](), sqlite.dialect())]
    scans = [step for step in plan if step.startswith("SCAN ") and " USING " not in step
             and not step.startswith("SCAN CONSTANT")]
    assert not scans, f"{name}: {plan}"
    if name in IN_INDEX_ORDER:
        assert not [step for step in plan if "TEMP B-TREE FOR ORDER BY" in step], f"{name}: {plan}"
    if name in ON_OPEN_INDEX:
        assert any(f"INDEX {ON_OPEN_INDEX[name]} " in step or step.endswith(f"INDEX {ON_OPEN_INDEX[name]}")
                   for step in plan), f"{name}: {plan}"


@pytest.mark.parametrize("name", sorted(HOT))
def test_postgresql_plan_uses_an_index(pg_url, name):
    engine = make_engine(pg_url)
    migrate(engine)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("ANALYZE")
            plan = [row[0] for row in _explain(conn, "EXPLAIN", HOT[name](), postgresql.dialect())]
    finally:
        engine.dispose()
    assert not [line for line in plan if "Seq Scan" in line], f"{name}: {plan}"
    if name in IN_INDEX_ORDER:
        assert not [line for line in plan if "Sort" in line.split("(")[0]], f"{name}: {plan}"
    if name in ON_OPEN_INDEX:
        assert any(f" using {ON_OPEN_INDEX[name]} " in line for line in plan), f"{name}: {plan}"


def test_optimize_gathers_sqlite_statistics(tmp_path):
    from models.db import optimize

    engine = make_engine(f"sqlite:///{tmp_path / 'o.db'}")
    migrate(engine)
    with engine.begin() as conn:
        for i in range(300):  # enough rows for SQLite to think statistics worth having
            conn.exec_driver_sql(
                "INSERT INTO inboundmessage (source, uidvalidity, uid, sha256, message_id, sender, subject, "
                "received_at, status, outcome, kind, reason, attempts, raw, created_at, updated_at, lease_owner, "
                f"auth) VALUES ('m', 1, '{i}', '{i:064x}', '', '', '', '2026-11-30', 'done', 'case', '', '', 1, "
                "x'', '2026-11-30', '2026-11-30', '', '')")
        conn.exec_driver_sql("SELECT count(*) FROM inboundmessage WHERE sha256 = 'ab' AND status = 'done'")
    optimize(engine)
    with engine.connect() as conn:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT tbl FROM sqlite_stat1")}
    engine.dispose()
    assert "inboundmessage" in tables
