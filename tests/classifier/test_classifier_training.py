"""Training new versions: skipping unchanged data, activation on request or when better."""
import pytest
from classifier_builders import make_examples

from classifier.data import Example
from classifier.errors import TrainingDataError
from classifier.training import train_version


def test_training_unchanged_data_is_skipped_and_says_so(store, examples):
    result = train_version(store, examples)
    assert result.skipped and "unchanged" in result.message
    assert store.versions() == ["1", "2"]


def test_training_new_data_stores_a_version_without_activating_it(store):
    result = train_version(store, make_examples(seed=7))
    assert (result.version, result.activated) == ("3", False)
    assert store.active_version() == "1"
    assert store.meta("3")["n_examples"] == len(make_examples(seed=7))


def test_activate_makes_the_new_version_active(store):
    result = train_version(store, make_examples(seed=8), activate=True)
    assert result.activated and store.active_version() == result.version


def test_activate_if_better_compares_with_the_active_model_on_the_same_unseen_examples(store):
    result = train_version(store, make_examples(seed=9), activate_if_better=True)
    assert result.active_metrics is not None
    assert result.active_metrics["n"] == result.metrics["n"]
    expected = "3" if result.activated else "1"
    assert store.active_version() == expected


def test_activate_if_better_keeps_a_better_active_model(store):
    """A model trained on shuffled labels cannot beat the active one."""
    fresh = make_examples(seed=10)
    shuffled = [Example(e.text, fresh[(i * 7) % len(fresh)].labels, e.source) for i, e in enumerate(fresh)]
    result = train_version(store, shuffled, activate_if_better=True)
    assert not result.activated and store.active_version() == "1"
    assert "kept version 1" in result.message


def test_too_few_examples_are_refused(store, examples):
    with pytest.raises(TrainingDataError):
        train_version(store, examples[:5])


def test_progress_is_reported(store):
    seen = []
    train_version(store, make_examples(seed=11), progress=lambda stage, done, total: seen.append(stage))
    assert any(stage.startswith("final model") for stage in seen)
