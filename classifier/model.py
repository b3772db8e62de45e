"""The model: word and character n-grams, one calibrated linear classifier per task type.

Multi-label: a one-vs-rest linear SVM (trained by SGD) scores every task type; Platt scaling fitted
on out-of-fold scores turns scores into calibrated probabilities, and per-task
thresholds (F1-optimal on the same out-of-fold probabilities) decide which task
types apply. The model scores the whole text and each of its pieces (paragraphs,
list items, attachments, ticked form fields: ``classifier.segments``): a task
type applies when the whole text or its best piece passes that task type's
threshold, so a request that is one line of a long mail is not lost. A second,
multi-class model trained on the primary label picks which of the applicable
task types comes first. Only scikit-learn and numpy objects are stored, so
``skops`` can load a model without trusting any code of ours.
"""
from __future__ import annotations

import copy
import logging
import os
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

import joblib
import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion

from classifier.calibration import (
    OFF,
    HeldOut,
    alone_labels,
    best_segment_threshold,
    best_threshold,
    fit_platt,
    fold_splitter,
    out_of_fold_scores,
    platt,
)
from classifier.errors import TrainingDataError
from classifier.features import FEATURE_VERSION, normalise
from classifier.mentions import held_permits, strip_mentions
from classifier.prediction import Prediction, Progress, no_progress
from classifier.scoring import LinearScorer, summed
from classifier.segments import Parts, Pieces, pieces_of, text_pieces, ticked_rows
from classifier.vectors import calibration_subset, composer, piece_vectors

log = logging.getLogger(__name__)

# A task type found by a piece alone needs this much of the whole text's probability too: a sentence that describes
# ("chaff is disposed of as organic waste", "installation June-August") in a mail about something else is no request.
# Chosen on the development sets and four corpus splits (session 28): there true task types found by a piece alone
# had 0.055 and more; the floor removed 33 of 185 extra task types on single-task mail and 2 of 427 true ones.
PIECE_FLOOR = 0.05

__all__ = ["ModelParams", "Parts", "TaskModel", "build_features", "fit_model", "fold_splitter", "label_matrix"]


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
    segments: bool = True  # score the pieces of a mail too (False: the whole text only, as format 1)

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
    thresholds: dict[str, float]      # of the whole text
    segment_thresholds: dict[str, float] = field(default_factory=dict)  # of the best piece; OFF: unused
    version: str = "unsaved"
    feature_version: int = FEATURE_VERSION   # what the model reads (classifier.features history)
    oof: dict[str, Any] = field(default_factory=dict, repr=False)  # training-time only
    _linear_scores: LinearScorer | None = field(default=None, repr=False, compare=False)

    def predict(self, text: str, parts: Parts | None = None) -> Prediction:
        """The task types of one mail: ``text`` is the composed whole, ``parts`` the same mail piece by piece.

        Without ``parts`` the pieces are cut from ``text`` itself; with them, the
        body, each attachment and each form's fields are cut on their own.
        """
        return self.predict_many([text], None if parts is None else [parts])[0]

    def predict_many(self, texts: Sequence[str], parts: Sequence[Parts | None] | None = None) -> list[Prediction]:
        """Predict many mails in one call (``parts``, when given, one per text or None)."""
        pieces = [self._pieces(t, parts[i] if parts else None) for i, t in enumerate(texts)]
        whole, best, ticked, primary = self._scores(list(texts), pieces)
        return [self._decide(w, b, s, held_permits(t), k)
                for w, b, k, s, t in zip(whole, best, ticked, primary, texts, strict=False)]

    def probabilities(self, texts: Sequence[str], labels: Sequence[str]) -> list[dict[str, float]]:
        """Each short text's calibrated probability of each of ``labels`` (a label the model lacks is 0.0): what one
        sentence is about, as a piece is scored."""
        scorer = self._scorer()
        scores = scorer.scores([scorer.counts(normalise(t)) for t in texts])
        probs = platt(scores[:, :len(self.labels)], self.platt) if len(texts) else np.zeros((0, len(self.labels)))
        index = {label: i for i, label in enumerate(self.labels)}
        return [{label: float(row[index[label]]) if label in index else 0.0 for label in labels} for row in probs]

    def _pieces(self, text: str, parts: Parts | None) -> Pieces:
        if not self._uses_segments():
            return Pieces()
        return pieces_of(parts) if parts is not None else text_pieces(text)

    def _uses_segments(self) -> bool:
        return any(t < OFF for t in self.segment_thresholds.values())

    def _scores(self, texts: list[str],
                pieces: list[Pieces]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per text: calibrated probabilities, its best piece's probabilities, its best ticked box's (zero
        without one), and the primary model's scores.

        Each atom is analysed once and a piece is scored from the sum of its atoms'
        counts (``classifier.scoring``); a text without pieces is its own best piece.
        """
        n, scorer = len(self.labels), self._scorer()
        rows = [scorer.counts(self._whole(t)) for t in texts]
        for found in pieces:
            atoms = [scorer.counts(normalise(atom)) for atom in found.atoms]
            rows += [summed([atoms[i] for i in piece]) for piece in found.pieces]
        scores = scorer.scores(rows)
        probs = platt(scores[:, :n], self.platt)
        best, start = probs[:len(texts)].copy(), len(texts)
        ticked = np.zeros_like(best)
        for row, found in enumerate(pieces):
            count = len(found.pieces)
            if count:
                scored = np.flatnonzero(found.scored())
                if scored.size:
                    best[row] = probs[start + scored].max(axis=0)
                boxes = np.flatnonzero(found.asked())
                if boxes.size:
                    ticked[row] = probs[start + boxes].max(axis=0)
                start += count
        primary = scores[:len(texts), n:]
        return probs[:len(texts)], best, ticked, _as_2d(primary if primary.shape[1] > 1 else primary[:, 0])

    def _whole(self, text: str) -> str:
        """The whole text as this model reads it (version 1: as it was before pieces)."""
        return whole_text(text) if self.feature_version >= 2 else normalise(text)

    def _scorer(self) -> LinearScorer:
        """Every linear score (the task types', then the primary model's) in one C-contiguous matrix.

        Derived from ``features``, ``ovr`` and ``primary`` on first use and kept; never
        stored, so a saved model is unchanged. Scores equal ``decision_function`` of both models.
        """
        if self._linear_scores is None:
            linear = [_linear(e, self.primary.coef_.shape[1]) for e in self.ovr.estimators_]
            parts = [w for w, _ in linear] + list(np.atleast_2d(self.primary.coef_))
            biases = [b for _, b in linear] + list(np.ravel(self.primary.intercept_))
            self._linear_scores = LinearScorer(self.features,
                                               np.ascontiguousarray(np.column_stack(parts), dtype=np.float32),
                                               np.asarray(biases, dtype=np.float64))
        return self._linear_scores

    def _decide(self, whole: np.ndarray, best: np.ndarray, primary_scores: np.ndarray,
                held: Collection[str] = (), ticked: np.ndarray | None = None) -> Prediction:
        """Which task types apply, and which comes first.

        The primary is what the whole text is mostly about: the primary model's
        choice among the task types the whole text passes (among all when it
        passes none), so pieces never change the primary. Each task type's
        probability is the stronger of its whole-text and best-piece evidence; a
        piece alone counts only where the whole text gives its task type at least
        ``PIECE_FLOOR``, or where it is a form's ticked box (``ticked``: the best
        ticked box's probabilities), which asks by itself.
        A permit the mail says the business already holds (``held``, from
        ``classifier.mentions.held_permits``) is not asked for: its task type
        is left out when another one applies.
        """
        thresholds = np.array([self.thresholds[label] for label in self.labels])
        by_piece = np.array([self.segment_thresholds.get(label, OFF) for label in self.labels])
        in_whole = whole >= thresholds
        asked = (whole >= PIECE_FLOOR) if ticked is None else (whole >= PIECE_FLOOR) | (ticked >= by_piece)
        by_a_piece = (best >= by_piece) & asked
        applies = in_whole | by_a_piece
        if held:
            had = np.array([label in held for label in self.labels])
            if (applies & ~had).any():
                in_whole, applies = in_whole & ~had, applies & ~had
                if not in_whole.any():  # the held permit was all the whole text passed: the best other that applies
                    in_whole = applies.copy()
        probs = np.where(by_a_piece, np.maximum(whole, best), whole)
        scores = np.full(len(self.labels), -np.inf)
        scores[[self.labels.index(c) for c in self.primary.classes_]] = primary_scores
        first = int(np.argmax(np.where(in_whole, scores, -np.inf) if in_whole.any() else scores))
        others = sorted((i for i in np.flatnonzero(applies) if i != first), key=lambda i: -probs[i])
        return Prediction(
            task_types=[(self.labels[i], round(float(probs[i]), 4)) for i in [first, *others]],
            confidence=round(float(probs[first]), 4),
            needs_triage=not applies[first],
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
                "primary": self.primary, "platt": self.platt, "thresholds": dict(self.thresholds),
                "segment_thresholds": dict(self.segment_thresholds)}

    @classmethod
    def from_state(cls, state: dict[str, Any], version: str, feature_version: int = FEATURE_VERSION) -> TaskModel:
        """The model from a stored state; a format-1 state has no piece thresholds and scores the whole text only."""
        for name, vectorizer in state["features"].transformer_list:
            terms = state["vocabularies"][name].split("\n")
            vectorizer.vocabulary_ = {term: i for i, term in enumerate(terms)}
        return cls(labels=tuple(state["labels"]), features=state["features"], ovr=state["ovr"],
                   primary=state["primary"], platt=np.asarray(state["platt"], dtype=float),
                   thresholds={str(k): float(v) for k, v in state["thresholds"].items()},
                   segment_thresholds={str(k): float(v) for k, v in state.get("segment_thresholds", {}).items()},
                   version=version, feature_version=int(feature_version))


def whole_text(text: str) -> str:
    """The whole text as the model reads it: unticked form rows and mentions in passing left out, normalised."""
    return normalise(strip_mentions(ticked_rows(text)))


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


def fit_model(texts: Sequence[str], label_lists: Sequence[Sequence[str]],
              params: ModelParams = ModelParams(), progress: Progress = no_progress,
              threads: int | None = None) -> TaskModel:
    """Train on texts (composed, not yet normalised) and their label lists, primary first.

    The task types' classifiers are fitted side by side on ``threads`` threads (by default one per core, at most
    four): SGD's inner loop releases the GIL, and each classifier has its own seed, so the model is the same
    whatever the number.
    """
    with warnings.catch_warnings(), joblib.parallel_config(backend="threading",
                                                           n_jobs=threads or training_threads()):
        # SGD on a few hundred examples stops at max_iter; the held-out scores tell the truth.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return _fit(texts, label_lists, params, progress)


def training_threads() -> int:
    """The cores this process may use, at most four."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def _fit(texts: Sequence[str], label_lists: Sequence[Sequence[str]], params: ModelParams,
         progress: Progress) -> TaskModel:
    labels = tuple(sorted({n for names in label_lists for n in names}))
    primary = [names[0] for names in label_lists]
    _check_trainable(texts, label_lists, labels)
    steps = params.inner_folds + 4
    progress("features", 0, steps)
    features = build_features(params)
    wholes = [whole_text(t) for t in texts]
    x = features.fit_transform(wholes)
    y = label_matrix(label_lists, labels)
    chosen = calibration_subset(len(texts), params.seed)
    pieces = piece_vectors(features, texts, chosen) if params.segments else None
    compose = composer(features, wholes, chosen) if params.segments else None
    progress("calibration", 1, steps)
    held = out_of_fold_scores(x, y, primary, lambda: _svm(params), params.inner_folds, params.seed, pieces,
                              compose, label_lists, lambda i: progress("calibration", 1 + i, steps))
    calibration = np.array([fit_platt(held.scores[:, j], y[:, j]) for j in range(len(labels))])
    probs = platt(held.scores, calibration)
    thresholds = {label: best_threshold(probs[:, j], y[:, j]) for j, label in enumerate(labels)}
    by_piece = (_piece_thresholds(held, chosen, calibration, label_lists, labels, thresholds)
                if params.segments else {})
    progress("fit", steps - 2, steps)
    ovr = OneVsRestClassifier(_svm(params)).fit(x, y)
    primary_model = _svm(params).fit(x, primary)
    progress("done", steps, steps)
    return TaskModel(labels, features, ovr, primary_model, calibration, thresholds, by_piece, oof={"held": held})


def _piece_thresholds(held: HeldOut, chosen: np.ndarray, calibration: np.ndarray,
                      label_lists: Sequence[Sequence[str]], labels: tuple[str, ...],
                      thresholds: dict[str, float]) -> dict[str, float]:
    """Per task type, the best piece's threshold, chosen on the calibration examples and the compositions."""
    whole = platt(np.vstack([held.scores[chosen], held.composed_scores]), calibration)
    piece = platt(np.vstack([held.piece_scores[chosen], held.composed_piece_scores]), calibration)
    truth = np.vstack([label_matrix(label_lists, labels)[chosen], held.composed_y])
    alone = alone_labels(label_lists)
    return {label: OFF if label in alone else
            best_segment_threshold(whole[:, j] >= thresholds[label], piece[:, j], truth[:, j])
            for j, label in enumerate(labels)}


def _check_trainable(texts: Sequence[str], label_lists: Sequence[Sequence[str]], labels: tuple[str, ...]) -> None:
    if len(texts) != len(label_lists):
        raise TrainingDataError("texts and labels differ in length")
    if any(not names for names in label_lists):
        raise TrainingDataError("every example needs at least one task type")
    if len(labels) < 2:
        raise TrainingDataError(f"need at least two task types to train, got {len(labels)}")


