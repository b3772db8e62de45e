"""Linear scores of one mail and of its pieces, computed term by term.

A prediction scores the whole text and some fifteen pieces of it. Through
``TfidfVectorizer.transform`` and sparse matrices each of those costs a
fraction of a millisecond of checking and copying before any arithmetic; here
each atom of the mail is analysed once into term counts, a piece's counts are
the sum of its atoms' counts, and a score is the dot product of the tf-idf
weights (sublinear tf, idf, l2 norm per vectorizer: what the vectorizers do)
with the gathered rows of the weight matrix. The result equals the
vectorizers' transform followed by the linear models' ``decision_function``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import repeat

import numpy as np
from numpy.typing import NDArray
from sklearn.pipeline import FeatureUnion

Terms = tuple[np.ndarray, np.ndarray]   # vocabulary indexes and their counts
Counts = list[Terms]                    # the terms of one text, one pair per vectorizer


@dataclass(frozen=True)
class _Block:
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: NDArray[np.float64]
    sublinear: bool
    offset: int


class LinearScorer:
    """Every linear score (one column per model output) of normalised texts and of sums of their counts."""

    def __init__(self, features: FeatureUnion, weights: NDArray[np.float32], bias: NDArray[np.float64]):
        self.weights, self.bias = weights, bias
        self._blocks, offset = [], 0
        for _, vectorizer in features.transformer_list:
            self._blocks.append(_Block(vectorizer.build_analyzer(), vectorizer.vocabulary_,
                                       np.asarray(vectorizer.idf_, dtype=np.float64), bool(vectorizer.sublinear_tf),
                                       offset))
            offset += len(vectorizer.vocabulary_)

    def counts(self, normalised: str) -> Counts:
        """The terms of one normalised text that are in the vocabulary, with their counts."""
        out = []
        for block in self._blocks:
            terms = Counter(block.analyze(normalised))
            index = np.fromiter(map(block.vocabulary.get, terms.keys(), repeat(-1)), dtype=np.int64, count=len(terms))
            count = np.fromiter(terms.values(), dtype=np.float64, count=len(terms))
            known = index >= 0
            out.append((index[known], count[known]))
        return out

    def scores(self, counts: Sequence[Counts]) -> np.ndarray:
        """One row of scores per text given by its counts."""
        out = np.tile(self.bias, (len(counts), 1))
        for row, text in enumerate(counts):
            for block, (index, count) in zip(self._blocks, text, strict=False):
                if len(index):
                    out[row] += self._block_scores(block, index, count)
        return out

    def _block_scores(self, block: _Block, index: NDArray[np.int64],
                      count: NDArray[np.float64]) -> NDArray[np.float64]:
        values = (1.0 + np.log(count) if block.sublinear else count) * block.idf[index]
        values /= np.sqrt(values @ values)
        return values @ self.weights[index + block.offset]


def summed(parts: Sequence[Counts]) -> Counts:
    """The counts of the join of several texts: the sum of their counts, vectorizer by vectorizer."""
    if len(parts) == 1:
        return parts[0]
    out = []
    for blocks in zip(*parts, strict=False):
        index = np.concatenate([i for i, _ in blocks])
        unique, position = np.unique(index, return_inverse=True)
        out.append((unique, np.bincount(position, weights=np.concatenate([c for _, c in blocks]),
                                         minlength=len(unique))))
    return out
