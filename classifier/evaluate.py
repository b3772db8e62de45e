"""How good a model is: per task precision/recall/F1, macro-F1, confusion, triage rate, and how many
task types of multi-task applications are found (``multi_task``).

``cross_validate`` measures the training procedure (stratified k-fold on the
primary label); ``evaluate_model`` measures one stored model on a labelled set.
Both return one JSON-serialisable dict (see ``metrics``).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from classifier.calibration import fold_splitter
from classifier.data import Example
from classifier.errors import TrainingDataError
from classifier.evalset import training_examples
from classifier.model import ModelParams, TaskModel, fit_model
from classifier.prediction import Prediction, Progress, no_progress

log = logging.getLogger(__name__)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def per_task_scores(truth: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]],
                    labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Multi-label precision, recall, F1 and support of each task type."""
    out = {}
    for label in labels:
        t = np.array([label in names for names in truth])
        p = np.array([label in names for names in predicted])
        scores = _prf(int(np.sum(t & p)), int(np.sum(~t & p)), int(np.sum(t & ~p)))
        out[label] = {**scores, "support": int(t.sum())}
    return out


def confusion(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """Confusion matrix of the primary label: rows are the truth, columns the prediction."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(truth, predicted, strict=False):
        if t in index and p in index:
            matrix[index[t], index[p]] += 1
    return matrix.tolist()


def multi_task_scores(truth: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Recall and precision over the task types of applications with two or more true task types.

    Each missed task type is an office that never hears of the case, each extra
    one an office that gets a case it has nothing to do with: counted over task
    types (micro), not over applications. ``complete`` is the share of those
    applications whose task types were all found.
    """
    pairs = [(set(t), set(p)) for t, p in zip(truth, predicted, strict=False) if len(set(t)) >= 2]
    found = sum(len(t & p) for t, p in pairs)
    true_total, predicted_total = sum(len(t) for t, _ in pairs), sum(len(p) for _, p in pairs)
    return {
        "n": len(pairs),
        "recall": round(found / true_total, 4) if true_total else None,
        "precision": round(found / predicted_total, 4) if predicted_total else None,
        "complete": round(sum(t <= p for t, p in pairs) / len(pairs), 4) if pairs else None,
    }


def metrics(examples: Sequence[Example], predictions: Sequence[Prediction]) -> dict[str, Any]:
    """The evaluation report of ``predictions`` against the examples' labels."""
    truth = [e.labels for e in examples]
    predicted = [[name for name, _ in p.task_types] for p in predictions]
    labels = sorted({n for names in truth for n in names} | {n for names in predicted for n in names})
    per_task = per_task_scores(truth, predicted, labels)
    present = [label for label in labels if per_task[label]["support"]]
    true_primary = [e.primary for e in examples]
    pred_primary = [p.primary for p in predictions]
    primary_ok = np.array([t == p for t, p in zip(true_primary, pred_primary, strict=False)])
    triage = np.array([p.needs_triage for p in predictions])
    primary_scores = per_task_scores([[t] for t in true_primary], [[p] for p in pred_primary], present)
    return {
        "n": len(examples),
        "macro_f1": round(float(np.mean([per_task[x]["f1"] for x in present])), 4),
        "primary_accuracy": round(float(primary_ok.mean()), 4),
        "primary_macro_f1": round(float(np.mean([primary_scores[x]["f1"] for x in present])), 4),
        "triage_rate": round(float(triage.mean()), 4),
        "accuracy_when_routed": round(float(primary_ok[~triage].mean()), 4) if (~triage).any() else None,
        "multi_task": multi_task_scores(truth, predicted),
        "per_task": per_task,
        "confusion": {"labels": labels, "matrix": confusion(true_primary, pred_primary, labels)},
    }


def evaluate_model(model: TaskModel, examples: Sequence[Example], progress: Progress = no_progress,
                   batch: int = 500) -> dict[str, Any]:
    """Evaluate one trained model on labelled examples."""
    if not examples:
        raise TrainingDataError("no examples to evaluate on")
    predictions: list[Prediction] = []
    for start in range(0, len(examples), batch):
        predictions += model.predict_many([e.text for e in examples[start:start + batch]])
        progress("evaluate", min(start + batch, len(examples)), len(examples))
    return {"version": model.version, "method": "labelled_set", **metrics(examples, predictions)}


def cross_validate(examples: Sequence[Example], folds: int = 5, params: ModelParams = ModelParams(),
                   progress: Progress = no_progress) -> dict[str, Any]:
    """Stratified k-fold cross-validation of the training procedure on ``examples``.

    The fixed evaluation set (``classifier.evalset``) is left out: no training path sees it.
    """
    examples = training_examples(examples)
    if len(examples) < 2 * folds:
        raise TrainingDataError(f"need at least {2 * folds} examples for {folds}-fold cross-validation")
    primary = [e.primary for e in examples]
    predictions: list[Prediction | None] = [None] * len(examples)
    splitter = fold_splitter(primary, folds, params.seed)
    for i, (train, test) in enumerate(splitter.split(np.zeros(len(examples)), primary)):
        progress("cross-validation", i, folds)
        model = fit_model([examples[j].text for j in train], [examples[j].labels for j in train], params)
        for j, prediction in zip(test, model.predict_many([examples[j].text for j in test]), strict=False):
            predictions[j] = prediction
    progress("cross-validation", folds, folds)
    report = metrics(examples, [p for p in predictions if p is not None])
    return {"version": "cv", "method": f"{folds}-fold cross-validation", **report}


def confusion_png(report: dict[str, Any], path: Path) -> Path:
    """Draw the report's confusion matrix into a PNG (needs matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, matrix = report["confusion"]["labels"], np.array(report["confusion"]["matrix"])
    fig, ax = plt.subplots(figsize=(1 + 0.6 * len(labels), 1 + 0.6 * len(labels)))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    for (r, c), value in np.ndenumerate(matrix):
        if value:
            ax.text(c, r, str(value), ha="center", va="center", fontsize=7,
                    color="white" if value > matrix.max() / 2 else "black")
    ax.set_xlabel("predicted primary task type")
    ax.set_ylabel("true primary task type")
    ax.set_title(f"model {report.get('version')}: macro-F1 {report.get('macro_f1')}")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return Path(path)
