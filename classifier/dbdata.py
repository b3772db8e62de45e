"""Training examples from the database: cases a caseworker confirmed or corrected."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from classifier.data import Example, parse_labels

log = logging.getLogger(__name__)


def corrected_labels(task_types: list[str], to_task_type: str) -> tuple[str, ...]:
    """The case's task types with the corrected one as the primary (and not repeated)."""
    rest = [t for t in task_types[1:] if t != to_task_type]
    return parse_labels([to_task_type, *rest])


def _task_types(raw: str) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        value = raw
    return list(parse_labels(value))


def examples_from_database(engine: Engine) -> Iterator[Example]:
    """Confirmed cases as they are; corrected cases with the latest correction as the primary."""
    from models.tables import Case, Correction

    with Session(engine) as session:
        latest: dict[int, str] = {}
        for correction in session.exec(select(Correction).order_by(Correction.at, Correction.id)):
            latest[correction.case_id] = correction.to_task_type
        query = select(Case).where((Case.task_confirmed == True) | (Case.id.in_(list(latest))))  # noqa: E712
        for case in session.exec(query):
            if not case.classifier_text.strip():
                continue
            labels = _task_types(case.task_types) or [case.task_type]
            if case.id in latest:
                labels = list(corrected_labels(labels, latest[case.id]))
            yield Example(case.classifier_text, tuple(labels), f"case {case.reference}")


def corrected_since(engine: Engine, since: datetime | None) -> list[Example]:
    """Corrected cases whose latest correction was made after ``since`` (all of them for None), as examples."""
    from models.tables import Correction

    with Session(engine) as session:
        stmt = select(Correction.case_id)
        if since is not None:
            stmt = stmt.where(Correction.at > since)
        ids = set(session.exec(stmt))
    return [e for case_id, e in _corrected(engine) if case_id in ids]


def _corrected(engine: Engine) -> Iterator[tuple[int, Example]]:
    from models.tables import Case, Correction

    with Session(engine) as session:
        latest: dict[int, str] = {}
        for correction in session.exec(select(Correction).order_by(Correction.at, Correction.id)):
            latest[correction.case_id] = correction.to_task_type
        for case in session.exec(select(Case).where(Case.id.in_(list(latest)))):
            if case.id is None or not case.classifier_text.strip():
                continue
            labels = corrected_labels(_task_types(case.task_types) or [case.task_type], latest[case.id])
            yield case.id, Example(case.classifier_text, labels, f"case {case.reference}")


def corrections_since(engine: Engine, since: datetime | None) -> int:
    """How many corrections were made after ``since`` (all of them for None)."""
    from models.tables import Correction

    with Session(engine) as session:
        stmt = select(func.count()).select_from(Correction)
        if since is not None:
            stmt = stmt.where(Correction.at > since)
        return int(session.exec(stmt).one())
