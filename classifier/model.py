"""The model: word and character n-grams, one calibrated linear classifier per task type.

Multi-label: a one-vs-rest linear SVM (trained by SGD) scores every task type; Platt scaling fitted
on out-of-fold scores turns scores into calibrated probabilities, and per-task
thresholds (F1-optimal on the same out-of-fold probabilities) decide which task
types apply. A second, multi-class model trained on the primary label picks which
of the applicable task types comes first. Only scikit-learn and numpy objects are
stored, so ``skops`` can load a model without trusting any code of ours.
"""
from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion

from classifier.errors import TrainingDataError
from classifier.features import normalise
from classifier.prediction import Prediction, Progress, no_progress

log = logging.getLogger(__name__)

THRESHOLD_GRID = np.round(np.arange(0.2, 0.801, 0.05), 2)
DEFAULT_THRESHOLD = 0.5
MIN_POSITIVES_FOR_THRESHOLD = 5
CONSTANT_SCORE = 2.0


@dataclass(frozen=True)
class ModelParams:
    """Hyper-parameters; part of the training-data hash so a change retrains."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    max_word_features: int = 100_000
    max_char_features: int = 200_000
    min_df: int = 2
    alpha: float = 1e-3   # 3e-4 before: same CV macro-F1 (5x2 and 5x3 repeated), triage 5.1% -> 3.6%
    max_iter: int = 100
    inner_folds: int = 3
    seed: int = 13

    def as_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}


@dataclass
class TaskModel:
    """A trained classifier: the Classifier protocol plus what the store saves."""

    labels: tuple[str, ...]
    features: FeatureUnion
    ovr: OneVsRestClassifier
    primary: SGDClassifier
    platt: np.ndarray                 # (n_labels, 2): slope and intercept per label
    thresholds: dict[str, float]
    version: str = "unsaved"
    oof: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # training-time only
    _weights: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Predict many texts at once (vectorised: much faster than one by one)."""
        x = self._vectorise([normalise(t) for t in texts])
        weights, bias = self._scorer()
        scores = np.asarray(x @ weights) + bias
        n = len(self.labels)
        probs = _platt(scores[:, :n], self.platt)
        primary = _as_2d(scores[:, n:] if scores.shape[1] > n + 1 else scores[:, n])
        return [self._decide(p, s) for p, s in zip(probs, primary, strict=False)]

    def _vectorise(self, normalised: list[str]) -> sparse.csr_matrix:
        """The FeatureUnion's transform without its per-call overhead (same columns, same order)."""
        blocks = [vectorizer.transform(normalised) for _, vectorizer in self.features.transformer_list]
        return sparse.hstack(blocks, format="csr")

    def _scorer(self) -> tuple[np.ndarray, np.ndarray]:
        """Every linear score in one C-contiguous matrix: one sparse product per batch.

        Derived from ``ovr`` and ``primary`` on first use and kept; never stored, so a
        saved model is unchanged. Scores equal ``decision_function`` of both models.
        """
        if self._weights is None:
            linear = [_linear(e, self.primary.coef_.shape[1]) for e in self.ovr.estimators_]
            parts = [w for w, _ in linear] + list(np.atleast_2d(self.primary.coef_))
            biases = [b for _, b in linear] + list(np.ravel(self.primary.intercept_))
            self._weights = (np.ascontiguousarray(np.column_stack(parts), dtype=np.float32),
                             np.asarray(biases, dtype=np.float64))
        return self._weights

    def _decide(self, probs: np.ndarray, primary_scores: np.ndarray) -> Prediction:
        order = [self.labels.index(c) for c in self.primary.classes_]
        thresholds = np.array([self.thresholds[label] for label in self.labels])
        applies = probs >= thresholds
        scores = np.full(len(self.labels), -np.inf)
        scores[order] = primary_scores
        candidates = np.where(applies, scores, -np.inf) if applies.any() else scores
        first = int(np.argmax(candidates))
        others = sorted((i for i in np.flatnonzero(applies) if i != first), key=lambda i: -probs[i])
        confidence = float(probs[first])
        return Prediction(
            task_types=[(self.labels[i], round(float(probs[i]), 4)) for i in [first, *others]],
            confidence=round(confidence, 4),
            needs_triage=confidence < self.thresholds[self.labels[first]],
            model_version=self.version,
        )

    def state(self) -> dict[str, Any]:
        """What the store saves with skops: sklearn, numpy and plain Python objects only.

        Vocabularies are saved as one newline-joined string each (terms never contain
        a newline after ``normalise``): skops writes a dict node by node, 60x larger.
        """
        features = copy.copy(self.features)
        features.transformer_list = [(name, _without_vocabulary(v)) for name, v in self.features.transformer_list]
        vocabularies = {name: "\n".join(sorted(v.vocabulary_, key=v.vocabulary_.__getitem__))
                        for name, v in self.features.transformer_list}
        return {"labels": list(self.labels), "features": features, "vocabularies": vocabularies, "ovr": self.ovr,
                "primary": self.primary, "platt": self.platt, "thresholds": dict(self.thresholds)}

    @classmethod
    def from_state(cls, state: dict[str, Any], version: str) -> TaskModel:
        for name, vectorizer in state["features"].transformer_list:
            terms = state["vocabularies"][name].split("\n")
            vectorizer.vocabulary_ = {term: i for i, term in enumerate(terms)}
        return cls(labels=tuple(state["labels"]), features=state["features"], ovr=state["ovr"],
                   primary=state["primary"], platt=np.asarray(state["platt"], dtype=float),
                   thresholds={str(k): float(v) for k, v in state["thresholds"].items()}, version=version)


def _linear(estimator: Any, n_features: int) -> tuple[np.ndarray, float]:
    """Weights and bias of one one-vs-rest estimator; a label constant in training scores its constant."""
    if hasattr(estimator, "coef_"):
        return estimator.coef_.ravel(), float(np.ravel(estimator.intercept_)[0])
    return np.zeros(n_features), float(np.ravel(estimator.y_)[0])


def _without_vocabulary(vectorizer: TfidfVectorizer) -> TfidfVectorizer:
    light = copy.copy(vectorizer)
    del light.vocabulary_
    return light


def _as_2d(scores: np.ndarray) -> np.ndarray:
    """A binary classifier gives one column; make it one score per class."""
    return np.column_stack([-scores, scores]) if scores.ndim == 1 else scores


def _platt(scores: np.ndarray, platt: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(scores * platt[:, 0] + platt[:, 1])))


def build_features(params: ModelParams) -> FeatureUnion:
    common = {"sublinear_tf": True, "min_df": params.min_df, "dtype": np.float32, "lowercase": False}
    return FeatureUnion([
        ("word", TfidfVectorizer(analyzer="word", ngram_range=params.word_ngrams,
                                 max_features=params.max_word_features, **common)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=params.char_ngrams,
                                 max_features=params.max_char_features, **common)),
    ])


def _svm(params: ModelParams) -> SGDClassifier:
    """A linear SVM trained by SGD: as good as liblinear here and ~8x faster at 20,000 examples."""
    return SGDClassifier(loss="hinge", alpha=params.alpha, max_iter=params.max_iter, tol=1e-4,
                         class_weight="balanced", random_state=params.seed)


def label_matrix(label_lists: Sequence[Sequence[str]], labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    y = np.zeros((len(label_lists), len(labels)), dtype=np.int8)
    for row, names in enumerate(label_lists):
        y[row, [index[n] for n in names]] = 1
    return y


def fold_splitter(primary: Sequence[str], folds: int, seed: int) -> KFold | StratifiedKFold:
    """Stratified on the primary label when every label has enough examples, else plain k-fold."""
    counts = np.unique(np.asarray(primary), return_counts=True)[1]
    if counts.min() >= folds:
        return StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return KFold(n_splits=folds, shuffle=True, random_state=seed)


def fit_model(texts: Sequence[str], label_lists: Sequence[Sequence[str]],
              params: ModelParams = ModelParams(), progress: Progress = no_progress) -> TaskModel:
    """Train on texts (composed, not yet normalised) and their label lists, primary first."""
    with warnings.catch_warnings():
        # SGD on a few hundred examples stops at max_iter; the held-out scores tell the truth.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return _fit(texts, label_lists, params, progress)


def _fit(texts: Sequence[str], label_lists: Sequence[Sequence[str]], params: ModelParams,
         progress: Progress) -> TaskModel:
    labels = tuple(sorted({n for names in label_lists for n in names}))
    primary = [names[0] for names in label_lists]
    _check_trainable(texts, label_lists, labels)
    steps = params.inner_folds + 4
    progress("features", 0, steps)
    features = build_features(params)
    x = features.fit_transform([normalise(t) for t in texts])
    y = label_matrix(label_lists, labels)
    progress("calibration", 1, steps)
    oof = _out_of_fold_scores(x, y, primary, params, lambda i: progress("calibration", 1 + i, steps))
    platt = np.array([_fit_platt(oof[:, j], y[:, j]) for j in range(len(labels))])
    probs = _platt(oof, platt)
    thresholds = {label: _best_threshold(probs[:, j], y[:, j]) for j, label in enumerate(labels)}
    progress("fit", steps - 2, steps)
    ovr = OneVsRestClassifier(_svm(params)).fit(x, y)
    primary_model = _svm(params).fit(x, primary)
    progress("done", steps, steps)
    return TaskModel(labels, features, ovr, primary_model, platt, thresholds, oof={"probs": probs, "y": y})


def _check_trainable(texts: Sequence[str], label_lists: Sequence[Sequence[str]], labels: tuple[str, ...]) -> None:
    if len(texts) != len(label_lists):
        raise TrainingDataError("texts and labels differ in length")
    if any(not names for names in label_lists):
        raise TrainingDataError("every example needs at least one task type")
    if len(labels) < 2:
        raise TrainingDataError(f"need at least two task types to train, got {len(labels)}")


def _out_of_fold_scores(x, y: np.ndarray, primary: Sequence[str], params: ModelParams, tick) -> np.ndarray:
    oof = np.zeros(y.shape, dtype=float)
    splitter = fold_splitter(primary, params.inner_folds, params.seed)
    for i, (train, test) in enumerate(splitter.split(x, primary), start=1):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Label not .* is present in all training examples")
            model = OneVsRestClassifier(_svm(params)).fit(x[train], y[train])
        oof[test] = _constant_labels_decided(model.decision_function(x[test]), y[train])
        tick(i)
    return oof


def _constant_labels_decided(scores: np.ndarray, fold_y: np.ndarray) -> np.ndarray:
    """A label absent from (or on every example of) a fold scores a firm no (or yes), not 0."""
    constant = fold_y.min(axis=0) == fold_y.max(axis=0)
    scores[:, constant] = np.where(fold_y[0, constant] == 1, CONSTANT_SCORE, -CONSTANT_SCORE)
    return scores


def _fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration of one label's scores (Platt scaling with Platt's smoothed targets).

    The targets (n+ + 1)/(n+ + 2) and 1/(n- + 2) keep the sigmoid from becoming a
    step on separable data, so a score between the classes maps to doubt.
    """
    if y.min() == y.max():
        return (1.0, 0.0)
    positives, negatives = float(y.sum()), float(len(y) - y.sum())
    target = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    x = np.concatenate([scores, scores]).reshape(-1, 1)
    labels = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    lr = LogisticRegression(C=1.0).fit(x, labels, sample_weight=np.concatenate([target, 1 - target]))
    return (float(lr.coef_[0, 0]), float(lr.intercept_[0]))


def _best_threshold(probs: np.ndarray, y: np.ndarray) -> float:
    """The F1-optimal threshold on the grid (nearest to 0.5 on ties); 0.5 for rare labels."""
    if y.sum() < MIN_POSITIVES_FOR_THRESHOLD:
        return DEFAULT_THRESHOLD
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for t in sorted(THRESHOLD_GRID, key=lambda t: abs(t - DEFAULT_THRESHOLD)):
        pred = probs >= t
        tp = float(np.sum(pred & (y == 1)))
        f1 = 2 * tp / (pred.sum() + y.sum()) if (pred.sum() + y.sum()) else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best
