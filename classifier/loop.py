"""The learning loop: retrain on the caseworkers' corrections, activate only if better, compare versions.

``retrain_if_due`` is what the scheduled job of ``intake serve`` and
``intake classifier train --activate-if-better`` share: the seed corpus and the
database's confirmed and corrected cases are the training data, the fixed
evaluation set and the corrections made since the active version was trained
are the unseen examples (``classifier.training``). ``compare_versions`` measures
two stored versions on the same examples that neither was trained on.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from classifier.data import Example, check_known, load_corpus
from classifier.dbdata import corrected_since, corrections_since, examples_from_database
from classifier.decision import DEFAULT_RULE, Rule
from classifier.errors import ModelRefused, TrainingDataError, UnknownVersion
from classifier.evalset import evaluation_set, fenced_behind
from classifier.evaluate import evaluate_model
from classifier.prediction import Progress, no_progress
from classifier.store import ModelStore
from classifier.training import TrainResult, train_version

log = logging.getLogger(__name__)


def created(store: ModelStore, version: str | None) -> datetime | None:
    """When ``version`` was trained (None: no such version, or its meta is unreadable)."""
    if version is None:
        return None
    try:
        return datetime.fromisoformat(str(store.meta(version)["created"]))
    except (ModelRefused, UnknownVersion, KeyError, ValueError):
        return None


def recent_corrections(store: ModelStore, engine: Engine) -> list[Example]:
    """The corrected cases whose correction came after the active version was trained."""
    active = store.active_version()
    if active is None:
        return []
    return corrected_since(engine, created(store, active))


def pending_corrections(store: ModelStore, engine: Engine) -> int:
    """How many corrections were made since the newest version was trained (activated or not).

    The newest, not the active one: a candidate that was not better waits for as many new corrections
    again instead of being retrained on every run of the job.
    """
    versions = store.versions()
    return corrections_since(engine, created(store, versions[-1] if versions else None))


def retrain_if_due(store: ModelStore, engine: Engine, *, min_corrections: int, known: Iterable[str] | None = None,
                   rule: Rule = DEFAULT_RULE, progress: Progress = no_progress,
                   hold_better: bool = False) -> TrainResult | None:
    """Train on the seed corpus and the database when ``min_corrections`` have accumulated; activate if better
    (with ``hold_better``: keep a better version for an operator to activate).

    None when fewer than ``min_corrections`` came since the newest version was trained.
    """
    with store.lock(".retrain.lock"):  # a second service waits, then finds the corrections already used
        pending = pending_corrections(store, engine)
        if pending < min_corrections:
            log.debug("retraining not due: %d of %d corrections", pending, min_corrections)
            return None
        return _retrain(store, engine, pending, known, rule, progress, hold_better)


def _retrain(store: ModelStore, engine: Engine, pending: int, known: Iterable[str] | None, rule: Rule,
             progress: Progress, hold_better: bool) -> TrainResult:
    corpus, database = load_corpus(), list(examples_from_database(engine))
    if known is not None:
        check_known([*corpus, *database], known)
    log.info("retraining: %d corrections since the active version", pending)
    return train_version(store, [*corpus, *database], sources={"seed corpus": len(corpus), "database": len(database)},
                         activate_if_better=True, recent=recent_corrections(store, engine), rule=rule,
                         progress=progress, hold_better=hold_better)


@dataclass(frozen=True)
class Comparison:
    """Two versions' reports of the same examples, and which examples they were."""

    left: dict[str, Any]
    right: dict[str, Any]
    examples: str
    notes: tuple[str, ...] = ()


def comparison_examples(store: ModelStore, versions: Sequence[str], engine: Engine | None,
                        extra: Sequence[Example] = ()) -> tuple[list[Example], list[str], list[str]]:
    """Examples none of ``versions`` was trained on: the fixed set (when all are fenced), later corrections, extra."""
    examples, parts, notes = list(extra), [f"{len(extra)} given"] if extra else [], []
    unfenced = [v for v in versions if not fenced_behind(store.meta(v))]
    if unfenced:
        notes.append(f"the fixed evaluation set is left out: version {', '.join(unfenced)} was trained on it")
    else:
        examples += evaluation_set()
        parts.append(f"{len(evaluation_set())} of the fixed evaluation set")
    if engine is not None:
        times = [created(store, v) for v in versions]
        since = max(t for t in times if t is not None) if all(times) else None
        if since is None:
            notes.append("corrections left out: a version has no creation time")
        else:
            try:
                recent = corrected_since(engine, since)
            except SQLAlchemyError as err:  # no database yet, or not migrated: no corrections to add
                notes.append(f"corrections left out: the database cannot be read ({type(err).__name__})")
            else:
                examples += recent
                parts.append(f"{len(recent)} corrections made after both were trained")
    return examples, parts, notes


def compare_versions(store: ModelStore, left: str, right: str, engine: Engine | None = None,
                     extra: Sequence[Example] = (), progress: Progress = no_progress) -> Comparison:
    """Both versions evaluated on the same examples, none of which either was trained on."""
    examples, parts, notes = comparison_examples(store, [left, right], engine, extra)
    if not examples:
        raise TrainingDataError("no examples that neither version was trained on; give some with --data")
    reports = [evaluate_model(store.load(v), examples, progress) for v in (left, right)]
    return Comparison(reports[0], reports[1], " + ".join(parts), tuple(notes))
