"""Vectors of joined texts from the term counts of their parts: the pieces of a mail, and compositions.

A piece of a mail (a paragraph, a list item, a sentence) is a join of atoms
(``classifier.segments.Pieces``), and calibration joins several training
examples into one long mail. The vector of a joined text is what
``FeatureUnion.transform`` would give it; here it is made from the sum of its
parts' term counts instead of analysing the joined text again (equal up to the
word pairs across a join). Each atom is read once, which keeps a prediction
within a few milliseconds and training on 20,000 examples within its budget.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import normalize

from classifier.features import normalise
from classifier.segments import Pieces, text_pieces

MAX_CALIBRATION_EXAMPLES = 2000   # examples whose pieces calibrate the pieces' thresholds


def calibration_subset(n: int, seed: int, limit: int = MAX_CALIBRATION_EXAMPLES) -> np.ndarray:
    """Indexes of the examples used to calibrate pieces: all of them, or a seeded sample of ``limit``."""
    if n <= limit:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=limit, replace=False))


def piece_matrix(features: FeatureUnion, found: Sequence[Pieces]) -> sparse.csr_matrix:
    """The vectors of every piece of every mail in ``found``, in order (one analysis of all atoms)."""
    atoms = [normalise(atom) for pieces in found for atom in pieces.atoms]
    groups, offset = [], 0
    for pieces in found:
        groups += [[offset + i for i in piece] for piece in pieces.pieces]
        offset += len(pieces.atoms)
    counts = [_counts(vectorizer, atoms) for _, vectorizer in features.transformer_list]
    return _joined(features, counts, groups, len(atoms))


def piece_vectors(features: FeatureUnion, texts: Sequence[str], chosen: np.ndarray) -> list[sparse.csr_matrix | None]:
    """The vectors of each chosen text's pieces (one matrix per text); None for the others."""
    found = [text_pieces(texts[i]) for i in chosen]
    matrix = piece_matrix(features, found)
    out: list[sparse.csr_matrix | None] = [None] * len(texts)
    start = 0
    for i, pieces in zip(chosen, found, strict=False):
        out[int(i)] = matrix[start:start + len(pieces.pieces)]
        start += len(pieces.pieces)
    return out


def composer(features: FeatureUnion, wholes: Sequence[str],
             chosen: np.ndarray) -> Callable[[list[list[int]]], sparse.csr_matrix]:
    """A function from groups of example indexes (all in ``chosen``) to the vectors of their joined texts."""
    counts = [_counts(vectorizer, [wholes[i] for i in chosen]) for _, vectorizer in features.transformer_list]
    row = {int(i): r for r, i in enumerate(chosen)}
    return lambda groups: _joined(features, counts, [[row[i] for i in g] for g in groups], len(row))


def _joined(features: FeatureUnion, counts: list[sparse.csr_matrix], groups: list[list[int]],
            n: int) -> sparse.csr_matrix:
    """Tf-idf vectors of the joins of ``groups`` of rows of ``counts`` (one count matrix per vectorizer)."""
    width = sum(len(v.vocabulary_) for _, v in features.transformer_list)
    if not groups:
        return sparse.csr_matrix((0, width), dtype=np.float32)
    pick = sparse.csr_matrix((np.ones(sum(map(len, groups))),
                              ([g for g, group in enumerate(groups) for _ in group], [i for g in groups for i in g])),
                             shape=(len(groups), n))
    blocks = [_tfidf(vectorizer, pick @ block)
              for (_, vectorizer), block in zip(features.transformer_list, counts, strict=False)]
    return sparse.hstack(blocks, format="csr")


def _counts(vectorizer: TfidfVectorizer, normalised: list[str]) -> sparse.csr_matrix:
    """Raw term counts in the vectorizer's vocabulary (the counting half of its transform)."""
    if not normalised:
        return sparse.csr_matrix((0, len(vectorizer.vocabulary_)))
    return CountVectorizer.transform(vectorizer, normalised).astype(np.float64)


def _tfidf(vectorizer: TfidfVectorizer, counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """What ``vectorizer`` makes of these counts: sublinear tf, idf, l2 norm (its settings in this model)."""
    weighted = sparse.csr_matrix(counts, copy=True)
    if vectorizer.sublinear_tf:
        np.log(weighted.data, weighted.data)
        weighted.data += 1
    weighted = weighted @ sparse.diags(vectorizer.idf_)
    return normalize(weighted, norm=vectorizer.norm).astype(vectorizer.dtype)
