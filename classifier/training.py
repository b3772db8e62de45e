"""Train a new model version: hash the data, hold out a test split, fit, evaluate, store, activate."""
from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sklearn.model_selection import train_test_split

from classifier.data import Example, data_hash
from classifier.errors import ModelRefused, TrainingDataError, UnknownVersion
from classifier.evaluate import evaluate_model
from classifier.features import FEATURE_VERSION
from classifier.model import ModelParams, fit_model
from classifier.prediction import Progress, no_progress
from classifier.store import FORMAT_VERSION, ModelStore

log = logging.getLogger(__name__)

HOLDOUT_FRACTION = 0.2
MIN_EXAMPLES = 20


@dataclass(frozen=True)
class TrainResult:
    """What ``train_version`` did; ``message`` is one sentence for the operator."""

    version: str | None
    skipped: bool
    activated: bool
    message: str
    data_hash: str
    metrics: dict[str, Any] = field(default_factory=dict)
    active_metrics: dict[str, Any] | None = None   # the active model on the same held-out set


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


def train_version(store: ModelStore, examples: Sequence[Example], *, sources: dict[str, int] | None = None,
                  activate: bool = False, activate_if_better: bool = False, force: bool = False,
                  params: ModelParams = ModelParams(), progress: Progress = no_progress) -> TrainResult:
    """Train, evaluate on a held-out split, store a new version and activate it when asked."""
    if len(examples) < MIN_EXAMPLES:
        raise TrainingDataError(f"need at least {MIN_EXAMPLES} labelled examples, got {len(examples)}")
    digest = training_hash(examples, params)
    if not force and digest == _active_hash(store):
        return TrainResult(store.active_version(), True, False,
                           f"training data unchanged since active version {store.active_version()}; "
                           "nothing to train (use --force to train anyway)", digest)
    train, test = holdout_split(examples, params.seed)
    stage = lambda name: (lambda stage_, done, total: progress(f"{name}: {stage_}", done, total))  # noqa: E731
    started = time.perf_counter()
    report = evaluate_model(fit_model([e.text for e in train], [e.labels for e in train], params,
                                      stage("held-out model")), test)
    model = fit_model([e.text for e in examples], [e.labels for e in examples], params, stage("final model"))
    seconds = round(time.perf_counter() - started, 1)
    meta = {"training_data_hash": digest, "n_examples": len(examples), "sources": sources or {},
            "params": params.as_dict(), "train_seconds": seconds,
            "metrics": {**{k: v for k, v in report.items() if k != "version"},
                        "method": f"held-out {int(HOLDOUT_FRACTION * 100)}% (stratified)"}}
    version = store.save(model, meta)
    return _maybe_activate(store, version, report, test, activate, activate_if_better, digest)


def _maybe_activate(store: ModelStore, version: str, report: dict[str, Any], test: Sequence[Example],
                    activate: bool, if_better: bool, digest: str) -> TrainResult:
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
        current = evaluate_model(store.load(active), test)
    except (ModelRefused, UnknownVersion) as err:
        log.warning("active model %s cannot be compared: %s", active, err)
        store.activate(version)
        return TrainResult(version, False, True, f"activated version {version}: the active one is unusable",
                           digest, metrics)
    better = (report["macro_f1"], -report["triage_rate"]) > (current["macro_f1"], -current["triage_rate"])
    if better:
        store.activate(version)
    verdict = "activated" if better else f"kept version {active}"
    message = (f"trained version {version}: macro-F1 {report['macro_f1']} vs {current['macro_f1']} "
               f"of version {active} on the same held-out set; {verdict}")
    return TrainResult(version, False, better, message, digest, metrics, current)
