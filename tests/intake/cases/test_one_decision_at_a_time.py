"""Two actions on one case at once: the second waits for the first and then reads what it did.

Two colleagues (or one double click) approved and rejected one part at the same moment: both read the part open,
both wrote, and the business got an approval and a rejection. The lifecycle now takes the case for its transaction
(``lifecycle.held_case``), on SQLite and on PostgreSQL.
"""
from __future__ import annotations

import threading
import time

import pytest
from sqlmodel import Session, select

from intake.cases import lifecycle
from intake.cases.lifecycle import InvalidTransition
from models import CaseEvent, OutboxMail
from models.db import open_database
from tests.intake.cases.test_lifecycle import CATALOGUE, add_case


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = open_database(url)
    yield engine
    engine.dispose()


def test_a_rejection_that_comes_while_an_approval_is_written_is_refused(engine, desk):
    ref = add_case(engine)
    second: list[object] = []

    def reject_meanwhile() -> None:
        with Session(engine) as s:
            try:
                second.append(lifecycle.reject(s, ref, reason="Fortovet er for smalt", path_forward="1",
                                               actor="bo", desk=desk))
                s.commit()
            except InvalidTransition as err:
                second.append(err)

    with Session(engine) as first:
        lifecycle.approve(first, ref, actor="karen", desk=desk, message="Godkendt")   # holds the case until commit
        other = threading.Thread(target=reject_meanwhile)
        other.start()
        time.sleep(1.0)            # the rejection has read the case, and waits for it
        assert other.is_alive(), "the second action waits while the first holds the case"
        first.commit()
    other.join(30)
    assert len(second) == 1 and isinstance(second[0], InvalidTransition), second
    assert "approved" in str(second[0])
    with Session(engine) as s:
        decisions = [e.action for e in s.exec(select(CaseEvent)) if e.action in ("approved", "rejected")]
        letters = [m.purpose for m in s.exec(select(OutboxMail)) if m.purpose in ("case_approved", "case_rejected")]
    assert decisions == ["approved"] and letters == ["case_approved"]


def test_a_case_is_held_only_by_a_change(engine, desk):
    """Reading a case (the desk's page, the queue) takes nothing: a change goes on while another session reads."""
    ref = add_case(engine, task=next(iter(CATALOGUE.tasks)))
    with Session(engine) as reader:
        lifecycle.get_case(reader, ref)
        with Session(engine) as writer:
            lifecycle.start(writer, ref, actor="karen", desk=desk)
            writer.commit()


def test_a_second_reopening_that_comes_while_the_first_is_written_is_refused(engine, desk):
    """Two colleagues reopening one decision at once: the second waits for the first, then reads the part in
    progress and is refused; the business gets one letter."""
    ref = add_case(engine, status="in_progress")
    with Session(engine) as s:
        lifecycle.approve(s, ref, actor="karen", desk=desk)
        s.commit()
    second: list[object] = []

    def reopen_meanwhile() -> None:
        with Session(engine) as s:
            try:
                second.append(lifecycle.reopen(s, ref, reason="Forkert afgørelse", actor="bo", desk=desk))
                s.commit()
            except InvalidTransition as err:
                second.append(err)

    with Session(engine) as first:
        lifecycle.reopen(first, ref, reason="Tegningen er kommet", actor="karen", desk=desk)
        other = threading.Thread(target=reopen_meanwhile)
        other.start()
        time.sleep(1.0)
        assert other.is_alive(), "the second reopening waits while the first holds the case"
        first.commit()
    other.join(30)
    assert len(second) == 1 and isinstance(second[0], InvalidTransition), second
    assert "only a decided part can be reopened" in str(second[0])
    with Session(engine) as s:
        assert [e.actor for e in s.exec(select(CaseEvent)) if e.action == "reopened"] == ["karen"]
        assert [m.purpose for m in s.exec(select(OutboxMail))].count("case_reopened") == 1
