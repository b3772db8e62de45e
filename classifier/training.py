"""Train a new model version: fence off the evaluation set, fit, evaluate, store, activate.

Every model is trained behind the fence of ``classifier.evalset`` (the fixed
evaluation set is dropped from the training examples, whatever their source)
and evaluated on examples it never saw: the fixed evaluation set plus, when
given, the caseworkers' corrections made since the active version was trained.
Those corrections are training data too, so each is predicted by a probe model
trained on everything but its share of them (``RECENT_FOLDS`` shares, the other
corrections in): what the corrections teach is measured, on corrections none
of the probes that predict them saw. (One probe without any of them, as before
session 37, was the active model's training again: a tie every time.) The
fixed set is predicted by the stored model, trained on all. ``--activate-if-better``
compares these predictions with the active model's on the same examples and
applies ``classifier.decision.decide``.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sklearn.model_selection import train_test_split

from classifier.data import Example, data_hash
from classifier.decision import DEFAULT_RULE, Decision, Rule, decide
from classifier.errors import ModelRefused, TrainingDataError, UnknownVersion
from classifier.evalset import FENCE_ID, evaluation_set, fenced_behind, is_fenced, training_examples
from classifier.evaluate import evaluate_model, metrics
from classifier.features import FEATURE_VERSION
from classifier.model import ModelParams, TaskModel, fit_model
from classifier.prediction import Prediction, Progress, no_progress
from classifier.store import FORMAT_VERSION, ModelStore

log = logging.getLogger(__name__)

HOLDOUT_FRACTION = 0.2
MIN_EXAMPLES = 20
RECENT_FOLDS = 2    # probes over the recent corrections: each trained with the other half of them (a fit each)


@dataclass(frozen=True)
class TrainResult:
    """What ``train_version`` did; ``message`` is one sentence for the operator."""

    version: str | None
    skipped: bool
    activated: bool
    message: str
    data_hash: str
    metrics: dict[str, Any] = field(default_factory=dict)   # the candidate on the unseen examples
    active_metrics: dict[str, Any] | None = None   # the active model on the same examples
    decision: Decision | None = None
    compared_on: str = ""   # which examples the comparison used
    candidate_metrics: dict[str, Any] | None = None   # the candidate on exactly those (== metrics when fair)
    held: bool = False   # better, and left for an operator to activate (``hold_better``)


def training_hash(examples: Sequence[Example], params: ModelParams) -> str:
    return data_hash(examples, extra=[FORMAT_VERSION, FEATURE_VERSION, params.as_dict()])


def holdout_split(examples: Sequence[Example], seed: int) -> tuple[list[Example], list[Example]]:
    """A stratified (on the primary label, when possible) train/test split."""
    primary = [e.primary for e in examples]
    counts = {label: primary.count(label) for label in set(primary)}
    stratify = primary if min(counts.values()) >= 2 else None
    train, test = train_test_split(list(examples), test_size=HOLDOUT_FRACTION, random_state=seed,
                                   stratify=stratify)
    return train, test


def _active_hash(store: ModelStore) -> str | None:
    active = store.active_version()
    try:
        return store.meta(active).get("training_data_hash") if active else None
    except (ModelRefused, UnknownVersion):
        return None


@dataclass(frozen=True)
class Unseen:
    """The examples a new model is measured on: the fixed set and the corrections since the active version."""

    fixed: tuple[Example, ...]
    recent: tuple[Example, ...]
    fixed_is_seed_slice: bool   # the fixed set is classifier.evalset's (a pre-fence version has seen it)

    @classmethod
    def of(cls, evaluation: Sequence[Example] | None, recent: Sequence[Example]) -> Unseen:
        fixed = tuple(evaluation_set() if evaluation is None else evaluation)
        return cls(fixed, tuple(e for e in recent if not is_fenced(e)), evaluation is None)

    @property
    def all(self) -> list[Example]:
        return [*self.fixed, *self.recent]

    def describe(self, with_fixed: bool = True) -> str:
        fixed = f"{len(self.fixed)} of the fixed evaluation set" if with_fixed else ""
        recent = f"{len(self.recent)} corrections since the active version" if self.recent else ""
        return " + ".join(x for x in (fixed, recent) if x) or "nothing"


def _fit(examples: Sequence[Example], params: ModelParams, progress: Progress, name: str) -> TaskModel:
    stage: Progress = lambda stage_, done, total: progress(f"{name}: {stage_}", done, total)  # noqa: E731
    return fit_model([e.text for e in examples], [e.labels for e in examples], params, stage)


def train_version(store: ModelStore, examples: Sequence[Example], *, sources: dict[str, int] | None = None,
                  activate: bool = False, activate_if_better: bool = False, force: bool = False,
                  params: ModelParams = ModelParams(), progress: Progress = no_progress,
                  evaluation: Sequence[Example] | None = None, recent: Sequence[Example] = (),
                  rule: Rule = DEFAULT_RULE, hold_better: bool = False) -> TrainResult:
    """Train behind the fence, evaluate on unseen examples, store a new version, activate it when asked.

    ``evaluation`` replaces the fixed evaluation set (tests, special sets); ``recent``
    are the corrections made since the active version was trained (in ``examples`` too).
    ``hold_better`` with ``activate_if_better``: compare and decide, but leave a better version for an
    operator to activate (``TrainResult.held``).
    """
    pool = training_examples(examples)
    if len(pool) < MIN_EXAMPLES:
        raise TrainingDataError(f"need at least {MIN_EXAMPLES} labelled examples outside the evaluation set, "
                                f"got {len(pool)}")
    digest = training_hash(pool, params)
    if not force and digest == _active_hash(store):
        return TrainResult(store.active_version(), True, False,
                           f"training data unchanged since active version {store.active_version()}; "
                           "nothing to train (use --force to train anyway)", digest)
    unseen = Unseen.of(evaluation, recent)
    if not unseen.all:
        raise TrainingDataError("no examples to evaluate on: the evaluation set is empty")
    started = time.perf_counter()
    model = _fit(pool, params, progress, "final model")
    predictions = _unseen_predictions(model, pool, unseen, params, progress)
    report = {"version": model.version, "method": "labelled_set", **metrics(unseen.all, predictions)}
    meta = {"training_data_hash": digest, "n_examples": len(pool), "sources": sources or {},
            "params": params.as_dict(), "train_seconds": round(time.perf_counter() - started, 1),
            "evaluation_fence": FENCE_ID,
            "metrics": {**{k: v for k, v in report.items() if k != "version"},
                        "method": f"unseen: {unseen.describe()}"}}
    version = store.save(model, meta)
    result = _maybe_activate(store, version, report, predictions, unseen, activate, activate_if_better, digest, rule,
                             hold_better)
    log.info("trained model version %s: %s", version, result.message)
    return result


def _unseen_predictions(model: TaskModel, pool: Sequence[Example], unseen: Unseen, params: ModelParams,
                        progress: Progress) -> list[Prediction]:
    """The candidate's prediction of each unseen example (``unseen.all``'s order) by a model that did not see it: the
    stored model for the fixed set (fenced off from every training), and for each share of the recent corrections a
    probe trained on everything else, the other corrections included."""
    predictions = model.predict_many([e.text for e in unseen.fixed]) if unseen.fixed else []
    recent = list(unseen.recent)
    shares = min(RECENT_FOLDS, len(recent))
    by_recent: list[Prediction | None] = [None] * len(recent)
    for k in range(shares):
        share = recent[k::shares]
        held_back = {e.text for e in share}
        probe_pool = [e for e in pool if e.text not in held_back]
        probe = model if len(probe_pool) == len(pool) else _fit(
            probe_pool, params, progress, f"model without corrections {k + 1} of {shares}")
        for i, prediction in zip(range(k, len(recent), shares), probe.predict_many([e.text for e in share]),
                                 strict=True):
            by_recent[i] = prediction
    return [*predictions, *(p for p in by_recent if p is not None)]


def _maybe_activate(store: ModelStore, version: str, report: dict[str, Any], predictions: Sequence[Prediction],
                    unseen: Unseen, activate: bool, if_better: bool, digest: str, rule: Rule,
                    hold_better: bool = False) -> TrainResult:
    metrics = {**report, "version": version}
    active = store.active_version()
    if activate or active is None and if_better:
        store.activate(version)
        return TrainResult(version, False, True, f"trained and activated version {version}", digest, metrics)
    if not if_better:
        return TrainResult(version, False, False,
                           f"trained version {version} (not activated; `intake classifier activate {version}`)",
                           digest, metrics)
    try:
        current_model, current_meta = store.load(active), store.meta(active)
    except (ModelRefused, UnknownVersion) as err:
        log.warning("active model %s cannot be compared: %s", active, err)
        store.activate(version)
        return TrainResult(version, False, True, f"activated version {version}: the active one is unusable",
                           digest, metrics)
    fair_fixed = not unseen.fixed_is_seed_slice or fenced_behind(current_meta)
    examples = unseen.all if fair_fixed else list(unseen.recent)
    compared_on = unseen.describe(with_fixed=fair_fixed)
    if not examples:
        decision = Decision(False, f"no fair comparison: version {active} was trained before the evaluation "
                                   "set was fenced off, and no corrections were made since; compare them with "
                                   "`intake classifier compare` and activate by hand")
        return TrainResult(version, False, False, _verdict(version, active, decision), digest, metrics,
                           None, decision, "nothing")
    candidate = report if fair_fixed else metrics(examples, predictions[len(unseen.fixed):])
    current = evaluate_model(current_model, examples)
    decision = decide(candidate, current, rule)
    held = decision.activate and hold_better
    if decision.activate and not held:
        store.activate(version)
    return TrainResult(version, False, decision.activate and not held, _verdict(version, active, decision, held),
                       digest, metrics, current, decision, compared_on, candidate, held)


def _verdict(version: str, active: str | None, decision: Decision, held: bool = False) -> str:
    outcome = f"activated version {version}" if decision.activate else f"kept version {active}"
    if held:
        outcome = (f"version {version} is better but awaits an operator (`intake classifier activate {version}`); "
                   f"kept version {active}")
    return f"trained version {version}; {outcome}: {decision.reason}"
