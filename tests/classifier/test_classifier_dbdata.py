"""Confirmed and corrected cases in the database become training examples."""
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, SQLModel, create_engine

from classifier.dbdata import examples_from_database
from models.tables import Case, Correction

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _case(ref, task_types, confirmed=False, text="tekst"):
    return Case(reference=ref, received_at=NOW, task_type=task_types[0], task_types=json.dumps(task_types),
                office="x", due_date=date(2026, 3, 16), classifier_text=text, task_confirmed=confirmed)


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    SQLModel.metadata.create_all(engine)
    return engine


def _add(engine, *cases):
    with Session(engine) as session:
        session.add_all(cases)
        session.commit()
        return [c.id for c in cases]


def test_confirmed_cases_become_examples_and_unconfirmed_do_not(engine):
    _add(engine, _case("A", ["udeservering", "skilte"], confirmed=True, text="café"), _case("B", ["olietank"]))
    (example,) = examples_from_database(engine)
    assert (example.text, example.labels) == ("café", ("udeservering", "skilte"))


def test_the_latest_correction_replaces_the_primary(engine):
    (case_id,) = _add(engine, _case("C", ["skilte", "udeservering"]))
    with Session(engine) as session:
        session.add(Correction(case_id=case_id, from_task_type="skilte", to_task_type="generel", at=NOW))
        session.add(Correction(case_id=case_id, from_task_type="generel", to_task_type="udeservering",
                               at=NOW + timedelta(hours=1)))
        session.commit()
    (example,) = examples_from_database(engine)
    assert example.labels == ("udeservering",)


def test_cases_without_text_are_skipped(engine):
    _add(engine, _case("D", ["olietank"], confirmed=True, text="  "))
    assert list(examples_from_database(engine)) == []
