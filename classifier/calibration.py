"""Out-of-fold scores, Platt scaling and the per-task thresholds of the whole text and of its pieces.

Every threshold is chosen on scores the model gave to examples it was not
trained on (inner k-fold), never on the training scores, which are far too
confident. The whole text gets the F1-optimal threshold of each task type; the
pieces (``classifier.segments``) then get, per task type, the threshold at
which adding the best piece's evidence to the whole text's decision helps F1
most, or none at all when it does not help (``OFF``).
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.multiclass import OneVsRestClassifier

THRESHOLD_GRID = np.round(np.arange(0.2, 0.801, 0.05), 2)
SEGMENT_GRID = np.round(np.arange(0.3, 0.991, 0.01), 2)
DEFAULT_THRESHOLD = 0.5
OFF = 2.0                 # a segment threshold no probability reaches: the pieces are not used
MIN_POSITIVES_FOR_THRESHOLD = 5
CONSTANT_SCORE = 2.0
MIN_SHARED = 0.05          # a task type asked for with another in fewer of its examples is found whole only
COMPOSITION_ROUNDS = 2   # each held-out single-task example joins up to this many compositions
SEGMENT_F_BETA = 0.7      # pieces add recall; weigh precision a little more (dev set and corpus CV)


def fold_splitter(primary: Sequence[str], folds: int, seed: int) -> KFold | StratifiedKFold:
    """Stratified on the primary label when every label has enough examples, else plain k-fold."""
    counts = np.unique(np.asarray(primary), return_counts=True)[1]
    if counts.min() >= folds:
        return StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return KFold(n_splits=folds, shuffle=True, random_state=seed)


@dataclass
class HeldOut:
    """Scores given by models that did not see the example: of each example, of its best piece,
    and of compositions (several held-out single-task mails joined into one long multi-task mail)."""

    scores: np.ndarray
    piece_scores: np.ndarray
    composed_scores: np.ndarray
    composed_piece_scores: np.ndarray
    composed_y: np.ndarray


def alone_labels(label_lists: Sequence[Sequence[str]]) -> set[str]:
    """Task types (almost) never asked for together with another: found from the whole text only.

    A general question ("what do we need to open a café?") is part of many
    applications without being a task of its own; its pieces would only add it
    to applications that name their tasks.
    """
    total: dict[str, int] = {}
    shared: dict[str, int] = {}
    for names in label_lists:
        for name in names:
            total[name] = total.get(name, 0) + 1
            shared[name] = shared.get(name, 0) + (len(names) > 1)
    return {name for name, n in total.items() if shared[name] < MIN_SHARED * n}


def compositions(test: Sequence[int], label_lists: Sequence[Sequence[str]], seed: int) -> list[list[int]]:
    """Groups of 2-4 held-out single-task examples with different task types, each example in up to two groups.

    Real multi-task applications are long and each request is a small part of
    them; the seed corpus is mostly short single-task mail, on which the whole
    text alone finds nearly everything. Joined, held-out requests show what the
    pieces add when a request is diluted, and what they wrongly add.
    """
    rng = np.random.default_rng(seed)
    alone = alone_labels(label_lists)
    singles = [int(i) for i in test if len(label_lists[i]) == 1 and label_lists[i][0] not in alone]
    groups: list[list[int]] = []
    for _ in range(COMPOSITION_ROUNDS):
        pool = list(rng.permutation(singles))
        while len(pool) >= 2:
            size, group, labels = int(rng.integers(2, 5)), [], set()
            for i in list(pool):
                if label_lists[i][0] not in labels:
                    group.append(i)
                    labels.add(label_lists[i][0])
                    pool.remove(i)
                if len(group) == size:
                    break
            if len(group) < 2:
                break
            groups.append(group)
    return groups


def out_of_fold_scores(x: sparse.csr_matrix, y: np.ndarray, primary: Sequence[str],
                       make_model: Callable[[], BaseEstimator], folds: int, seed: int,
                       pieces: Sequence[sparse.csr_matrix | None] | None = None,
                       compose: Callable[[list[list[int]]], sparse.csr_matrix] | None = None,
                       label_lists: Sequence[Sequence[str]] = (),
                       tick: Callable[[int], None] = lambda i: None) -> HeldOut:
    """Scores of each example (and of its best piece, and of compositions) by a model that did not see it.

    ``pieces`` holds, per example, the vectors of its pieces (None: not used to
    calibrate the pieces); an example without pieces is its own best piece.
    ``compose`` turns groups of example indexes into the vectors of their joined
    texts; the best piece of a composition is the best of its examples' pieces.
    """
    oof = np.zeros(y.shape, dtype=float)
    best_piece = np.zeros(y.shape, dtype=float)
    composed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for i, (train, test) in enumerate(fold_splitter(primary, folds, seed).split(x, primary), start=1):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Label not .* is present in all training examples")
            model = OneVsRestClassifier(make_model()).fit(x[train], y[train])
        oof[test] = _constant_labels_decided(model.decision_function(x[test]), y[train])
        best_piece[test] = oof[test]
        if pieces is not None:
            best_piece[test] = _best_piece_scores(model, [pieces[j] for j in test], oof[test], y[train])
        if compose is not None and pieces is not None:
            groups = compositions([j for j in test if pieces[j] is not None], label_lists, seed + i)
            if groups:
                scores = _constant_labels_decided(model.decision_function(compose(groups)), y[train])
                composed.append((scores, np.array([best_piece[g].max(axis=0) for g in groups]),
                                 np.array([y[g].max(axis=0) for g in groups])))
        tick(i)
    empty = np.zeros((0, y.shape[1]))
    stacked = [np.vstack([c[k] for c in composed]) if composed else empty for k in range(3)]
    return HeldOut(oof, best_piece, *stacked)


def _best_piece_scores(model: OneVsRestClassifier, pieces: list[sparse.csr_matrix | None],
                       whole: np.ndarray, fold_y: np.ndarray) -> np.ndarray:
    """Per example the maximum score of its pieces; the whole text's score for an example without pieces."""
    out = whole.copy()
    sizes = [0 if p is None else p.shape[0] for p in pieces]
    if not sum(sizes):
        return out
    scores = _constant_labels_decided(
        model.decision_function(sparse.vstack([p for p, size in zip(pieces, sizes, strict=False) if size])), fold_y)
    start = 0
    for row, size in enumerate(sizes):
        if size:
            out[row] = scores[start:start + size].max(axis=0)
            start += size
    return out


def _constant_labels_decided(scores: np.ndarray, fold_y: np.ndarray) -> np.ndarray:
    """A label absent from (or on every example of) a fold scores a firm no (or yes), not 0."""
    scores = np.atleast_2d(scores).astype(float)
    constant = fold_y.min(axis=0) == fold_y.max(axis=0)
    scores[:, constant] = np.where(fold_y[0, constant] == 1, CONSTANT_SCORE, -CONSTANT_SCORE)
    return scores


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
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


def platt(scores: NDArray[np.float64], params: NDArray[np.float64]) -> NDArray[np.float64]:
    """Calibrated probabilities of raw scores (one column per label)."""
    return 1.0 / (1.0 + np.exp(-(scores * params[:, 0] + params[:, 1])))


def _f_beta(pred: np.ndarray, y: np.ndarray, beta: float = 1.0) -> float:
    tp = float(np.sum(pred & (y == 1)))
    fp, fn = float(np.sum(pred & (y == 0))), float(np.sum(~pred & (y == 1)))
    b2 = beta * beta
    denominator = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / denominator if denominator else 0.0


def best_threshold(probs: np.ndarray, y: np.ndarray) -> float:
    """The F1-optimal threshold of the whole text on the grid (nearest to 0.5 on ties); 0.5 for rare labels."""
    if y.sum() < MIN_POSITIVES_FOR_THRESHOLD:
        return DEFAULT_THRESHOLD
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for t in sorted(THRESHOLD_GRID, key=lambda t: abs(t - DEFAULT_THRESHOLD)):
        f1 = _f_beta(probs >= t, y)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(t), f1
    return best


def best_segment_threshold(whole: np.ndarray, piece: np.ndarray, y: np.ndarray,
                           beta: float = SEGMENT_F_BETA) -> float:
    """The threshold on the best piece's probability that, added to the whole text's decision
    (``whole``: booleans), maximises F-beta; ``OFF`` when no threshold improves on the whole text alone.

    Ties go to the higher threshold: a piece must be at least as sure as needed.
    """
    if y.sum() < MIN_POSITIVES_FOR_THRESHOLD:
        return OFF
    best, best_f = OFF, _f_beta(whole, y, beta)
    for t in sorted(SEGMENT_GRID, reverse=True):
        f = _f_beta(whole | (piece >= t), y, beta)
        if f > best_f + 1e-9:
            best, best_f = float(t), f
    return best
