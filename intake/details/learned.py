"""Learned second opinions beside the rules: small logistic regressions trained on the development set's labels.

Fifteen blind batches of new rules, each rising 5-15 points on its own text, moved the applications written apart
from the project by not one point: the rules read the cues they were written from. ``contacts`` (which of the
people a mail names is the one to contact) is therefore also learned from the labelled development applications,
and overrules the rules only where their choice is weak and the model is sure.

A model's weights are package data (``contacts.json``: plain numbers, no pickle is loaded), written by
``python scripts/train_details.py`` after the development set changes (``tests/intake/details/test_learned.py``
fails while the shipped weights are stale). Training uses scikit-learn's lbfgs solver, which is deterministic;
scoring is a dot product in pure Python (microseconds per candidate).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Model:
    """Multinomial logistic regression: one weight per label for each feature, and an intercept per label."""

    labels: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]
    intercept: tuple[float, ...]

    def probabilities(self, feats: Mapping[str, float]) -> dict[str, float]:
        z = list(self.intercept)
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    z[k] += w * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {label: v / total for label, v in zip(self.labels, e, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {"labels": list(self.labels), "intercept": list(self.intercept),
                "weights": {k: list(v) for k, v in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Model:
        labels = tuple(str(x) for x in data["labels"])
        weights = {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()}
        intercept = tuple(float(x) for x in data["intercept"])
        if len(intercept) != len(labels) or any(len(v) != len(labels) for v in weights.values()):
            raise ValueError("a learned model's weights do not match its labels")
        return cls(labels, weights, intercept)


@cache
def shipped(name: str) -> Model | None:
    """The model shipped as ``intake/details/NAME.json``, or None when it is missing (the rules then decide alone)."""
    try:
        raw = resources.files("intake.details").joinpath(f"{name}.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return Model.from_json(json.loads(raw))


def train(examples: Iterable[tuple[dict[str, float], str]], labels: Sequence[str], c: float = 1.0) -> Model:
    """Fit a model on (features, label) pairs; two labels give the binary model as a softmax of two."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, ys = zip(*examples, strict=True)
    vec = DictVectorizer()
    clf = LogisticRegression(C=c, max_iter=5000).fit(vec.fit_transform(feats), ys)
    if list(clf.classes_) != sorted(labels):
        raise ValueError(f"training labels {list(clf.classes_)} are not {sorted(labels)}")
    if len(labels) == 2:        # one row of weights for the second class: split it evenly over the two
        coef = [[-w / 2 for w in clf.coef_[0]], [w / 2 for w in clf.coef_[0]]]
        intercept = [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
        order = [sorted(labels).index(lab) for lab in labels]
    else:
        coef = [list(row) for row in clf.coef_]
        intercept = list(clf.intercept_)
        order = [list(clf.classes_).index(lab) for lab in labels]
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        row = tuple(round(float(coef[k][j]), 5) for k in order)
        if any(abs(w) >= 1e-5 for w in row):
            weights[str(name)] = row
    return Model(tuple(labels), weights, tuple(round(float(intercept[k]), 5) for k in order))
