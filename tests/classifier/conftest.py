"""Fixtures of the classifier tests: a small synthetic labelled set and trained stores."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from classifier_builders import make_examples

from classifier.data import Example
from classifier.store import ModelStore
from classifier.training import train_version


@pytest.fixture(scope="session")
def examples() -> list[Example]:
    return make_examples()


@pytest.fixture(scope="session")
def _template_store(tmp_path_factory, examples) -> Path:
    """Two trained versions (both trained on the same data), version 1 active, measured on unseen synthetic mail."""
    root = tmp_path_factory.mktemp("template") / "models"
    store = ModelStore(root)
    unseen = make_examples(per_label=8, multi=4, seed=99)
    train_version(store, examples, activate=True, evaluation=unseen)
    train_version(store, examples, force=True, evaluation=unseen)
    return root


@pytest.fixture
def store(tmp_path, _template_store) -> ModelStore:
    """A private copy of the template store, free to tamper with."""
    root = tmp_path / "models"
    shutil.copytree(_template_store, root)
    return ModelStore(root)


@pytest.fixture(scope="session")
def corpus_model():
    """A model trained on the shipped seed corpus (as the first start trains it), shared read-only."""
    from classifier.data import load_corpus
    from classifier.model import fit_model

    corpus = load_corpus()
    return fit_model([e.text for e in corpus], [e.labels for e in corpus])
