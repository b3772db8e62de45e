"""The fixed evaluation set: a slice of the seed corpus that no model is ever trained on.

Why a slice of the seed corpus, chosen by a hash of each text: it needs no second
corpus to be written and kept, it covers every task type in proportion (about
``SHARE_PERCENT`` % of each), and a text's membership depends on the text alone,
so it never changes when examples are added, removed or reordered, and a text
moved between corpus files stays where it was. ``bench/data/`` is not used: it
is the independent measure of the project and is never used to choose a model.

The fence: every training path (``classifier.training.train_version``, hence the
first model at start-up, ``intake classifier train`` and the scheduled
retraining, and ``classifier.evaluate.cross_validate``) drops any example whose
text is a fenced text, whichever source it came from (a ``--data`` file, the
database), before it fits anything. Each stored version records the fence it
was trained behind (``FENCE_ID`` in its ``meta.json``); a version without it
(trained before the fence existed) has seen the slice, and comparisons leave the
slice out for it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from classifier.data import CORPUS_DIR, Example, load_corpus

SHARE_PERCENT = 15
FENCE_ID = f"seed-corpus sha256 mod 100 < {SHARE_PERCENT} (v1)"


def _key(text: str) -> str:
    """The text as the fence compares it: whitespace collapsed, so a re-wrapped copy is still fenced."""
    return " ".join(text.split())


def is_fenced_slot(text: str) -> bool:
    """True when a seed-corpus text with this content belongs to the evaluation slice."""
    digest = hashlib.sha256(_key(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 100 < SHARE_PERCENT


@lru_cache(maxsize=4)
def evaluation_set(corpus_dir: Path = CORPUS_DIR) -> tuple[Example, ...]:
    """The seed-corpus examples of the evaluation slice (the same every time for the same corpus)."""
    return tuple(e for e in load_corpus(corpus_dir) if is_fenced_slot(e.text))


@lru_cache(maxsize=4)
def _fenced_keys(corpus_dir: Path) -> frozenset[str]:
    return frozenset(_key(e.text) for e in evaluation_set(corpus_dir))


def is_fenced(example: Example, corpus_dir: Path = CORPUS_DIR) -> bool:
    """True when ``example``'s text is one of the evaluation set's."""
    return _key(example.text) in _fenced_keys(corpus_dir)


def training_examples(examples: Sequence[Example], corpus_dir: Path = CORPUS_DIR) -> list[Example]:
    """``examples`` without any text of the evaluation set: what every training path fits on."""
    return [e for e in examples if not is_fenced(e, corpus_dir)]


def fenced_behind(meta: dict[str, object]) -> bool:
    """True when the version with this ``meta.json`` was trained behind the current fence."""
    return meta.get("evaluation_fence") == FENCE_ID
