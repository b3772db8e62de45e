"""The learning loop: the activate-if-better rule, the fence around the evaluation set, comparing versions."""
import json
import shutil
from datetime import UTC, date, datetime, timedelta

import pytest
from classifier_builders import make_examples
from sqlmodel import Session, SQLModel, create_engine

from classifier import evalset
from classifier.bootstrap import load_or_bootstrap
from classifier.data import CORPUS_DIR, Example, load_corpus
from classifier.decision import Rule, decide, side_by_side
from classifier.evaluate import cross_validate
from classifier.loop import compare_versions, pending_corrections, retrain_if_due
from classifier.prediction import Prediction
from classifier.store import ModelStore
from classifier.training import train_version
from models.tables import Case, Correction

UNSEEN = make_examples(per_label=10, multi=6, seed=21)   # a held-out synthetic set neither model trains on


def _report(macro, per_task, triage=0.0):
    return {"macro_f1": macro, "primary_accuracy": macro, "triage_rate": triage, "multi_task": {"n": 0},
            "per_task": {t: {"f1": f1, "support": n} for t, (f1, n) in per_task.items()}}


def _shuffled(examples):
    return [Example(e.text, examples[(i * 7) % len(examples)].labels, e.source) for i, e in enumerate(examples)]


# -- the rule ---------------------------------------------------------------------------
def test_a_candidate_better_by_the_margin_everywhere_is_activated():
    candidate = _report(0.90, {"a": (0.90, 10), "b": (0.90, 10)})
    active = _report(0.85, {"a": (0.85, 10), "b": (0.85, 10)})
    assert decide(candidate, active).activate


def test_a_tie_is_not_better():
    same = _report(0.90, {"a": (0.90, 10)})
    decision = decide(same, same)
    assert not decision.activate and "margin" in decision.reason


def test_a_better_average_that_costs_one_task_type_too_much_is_refused():
    candidate = _report(0.90, {"a": (1.00, 10), "b": (0.80, 10)})
    active = _report(0.85, {"a": (0.80, 10), "b": (0.90, 10)})
    decision = decide(candidate, active, Rule(max_drop=0.05))
    assert not decision.activate and "b loses 0.100" in decision.reason


def test_a_drop_on_a_task_type_with_few_examples_does_not_count():
    candidate = _report(0.90, {"a": (1.00, 10), "b": (0.50, 2)})
    active = _report(0.85, {"a": (0.80, 10), "b": (0.90, 2)})
    assert decide(candidate, active, Rule(min_support=5)).activate


def test_more_triage_beyond_the_limit_is_refused():
    candidate = _report(0.90, {"a": (0.90, 10)}, triage=0.10)
    active = _report(0.85, {"a": (0.85, 10)}, triage=0.05)
    decision = decide(candidate, active, Rule(max_triage_rise=0.02))
    assert not decision.activate and "triage" in decision.reason


def test_side_by_side_lists_the_summary_and_each_task_type_with_examples():
    rows = side_by_side(_report(0.9, {"a": (0.9, 3), "b": (0.0, 0)}), _report(0.8, {"a": (0.8, 3)}))
    assert ("macro-F1", "0.900", "0.800") in rows and ("F1 a (n=3)", "0.900", "0.800") in rows
    assert not any(name.startswith("F1 b") for name, _, _ in rows)


# -- activate if better, on constructed cases --------------------------------------------
@pytest.fixture
def bad_active(tmp_path):
    """A store whose active version was trained on shuffled labels."""
    store = ModelStore(tmp_path / "models")
    train_version(store, _shuffled(make_examples(seed=3)), activate=True, evaluation=UNSEEN)
    return store


def test_a_truly_better_candidate_is_activated(bad_active):
    result = train_version(bad_active, make_examples(seed=4), activate_if_better=True, evaluation=UNSEEN)
    assert result.activated and bad_active.active_version() == result.version == "2"
    assert result.candidate_metrics["macro_f1"] > result.active_metrics["macro_f1"] + 0.3
    assert result.active_metrics["n"] == result.candidate_metrics["n"] == len(UNSEEN)


def test_a_worse_candidate_is_not_activated(store):
    result = train_version(store, _shuffled(make_examples(seed=5)), activate_if_better=True, evaluation=UNSEEN)
    assert not result.activated and store.active_version() == "1"
    assert result.decision is not None and "kept version 1" in result.message
    assert result.candidate_metrics["macro_f1"] < result.active_metrics["macro_f1"]


def test_corrections_since_the_active_version_are_held_out_of_the_compared_model(store, monkeypatch):
    import classifier.training as training

    fits = []
    real = training.fit_model
    monkeypatch.setattr(training, "fit_model", lambda texts, labels, *a: fits.append(list(texts)) or real(
        texts, labels, *a))
    fresh = make_examples(seed=6)
    recent = fresh[:8]
    result = train_version(store, fresh, activate_if_better=True, evaluation=UNSEEN, recent=recent)
    final, *probes = fits
    assert {e.text for e in recent} <= set(final)
    assert len(probes) == 2
    for k, probe in enumerate(probes):      # each probe leaves out its half of the corrections, and learns the other
        assert not {e.text for e in recent[k::2]} & set(probe)
        assert {e.text for e in recent[1 - k::2]} <= set(probe)
    assert result.active_metrics["n"] == len(UNSEEN) + len(recent)
    assert "8 corrections" in result.compared_on


def _relabelled(examples, wrong, right):
    return [Example(e.text, (right,), e.source) if e.labels == (wrong,) else e for e in examples]


def test_corrections_that_teach_what_the_active_model_gets_wrong_activate_the_retrained_one(tmp_path):
    """The active model was taught that every oil-tank mail is a noise notice; caseworkers correct twenty of them.
    Retrained on the corrections, the candidate is measured on corrections its probes did not see, and wins."""
    store = ModelStore(tmp_path / "models")
    base = make_examples(seed=31)
    unseen = [e for e in UNSEEN if e.labels != ("olietank",)]        # the fixed set holds no oil tank at all
    train_version(store, _relabelled(base, "olietank", "stoej_byggeplads"), activate=True, evaluation=unseen)
    recent = [e for e in base if e.labels == ("olietank",)][:20]
    result = train_version(store, base, activate_if_better=True, evaluation=unseen, recent=recent)
    assert result.activated and store.active_version() == "2", result.message
    assert result.candidate_metrics["per_task"]["olietank"]["f1"] > 0.8
    assert result.active_metrics["per_task"]["olietank"]["f1"] == 0.0


def test_an_active_version_trained_before_the_fence_is_not_compared_on_the_fixed_set(store):
    meta_path = store.versions_dir / "1" / "meta.json"
    meta = json.loads(meta_path.read_text())
    del meta["evaluation_fence"]
    meta_path.write_text(json.dumps(meta))
    result = train_version(store, make_examples(seed=12), activate_if_better=True)
    assert not result.activated and "no fair comparison" in result.message


# -- the fence: no training path sees the evaluation set -----------------------------------
class Stop(Exception):
    pass


@pytest.fixture
def seen(monkeypatch):
    """Every text any training path fits on; fitting stops at the first call (only the inputs matter)."""
    import classifier.evaluate as evaluate
    import classifier.training as training

    texts: list[str] = []

    def spy(train_texts, labels, *args):
        texts.extend(train_texts)
        raise Stop

    monkeypatch.setattr(training, "fit_model", spy)
    monkeypatch.setattr(evaluate, "fit_model", spy)
    return texts


def _fenced_texts():
    return {e.text for e in evalset.evaluation_set()}


def test_the_evaluation_set_is_a_stable_slice_of_every_task_type():
    corpus, fixed = load_corpus(), evalset.evaluation_set()
    assert 0.10 < len(fixed) / len(corpus) < 0.20
    assert {e.primary for e in fixed} == {e.primary for e in corpus}
    assert evalset.evaluation_set(CORPUS_DIR) == fixed and all(evalset.is_fenced_slot(e.text) for e in fixed)


def test_train_version_never_fits_on_the_evaluation_set_whatever_its_source(tmp_path, seen):
    copies = [Example("  " + e.text.replace(" ", "\n"), e.labels, "operator file") for e in evalset.evaluation_set()]
    with pytest.raises(Stop):
        train_version(ModelStore(tmp_path), [*load_corpus(), *copies])
    assert len(seen) > 500 and not _fenced_texts() & set(seen)
    assert not {" ".join(c.text.split()) for c in copies} & {" ".join(t.split()) for t in seen}


def test_the_first_model_at_start_up_never_fits_on_the_evaluation_set(tmp_path, seen):
    with pytest.raises(Stop):
        load_or_bootstrap(tmp_path / "models")
    assert len(seen) > 500 and not _fenced_texts() & set(seen)


def test_cross_validation_never_fits_on_the_evaluation_set(monkeypatch):
    import classifier.evaluate as evaluate

    seen_folds: list[str] = []

    class Fake:
        def predict_many(self, texts):
            return [Prediction([("generel", 1.0)], 1.0, False, "fake") for _ in texts]

    monkeypatch.setattr(evaluate, "fit_model", lambda texts, labels, *a: seen_folds.extend(texts) or Fake())
    report = cross_validate(load_corpus(), folds=3)
    assert report["n"] == len(load_corpus()) - len(evalset.evaluation_set())
    assert seen_folds and not _fenced_texts() & set(seen_folds)


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    SQLModel.metadata.create_all(engine)
    return engine


def _corrected_cases(engine, texts, at):
    with Session(engine) as session:
        for i, text in enumerate(texts):
            case = Case(reference=f"R{i}-{at.timestamp()}", received_at=at, task_type="skilte",
                        task_types='["skilte"]', office="x", due_date=date(2026, 3, 16), classifier_text=text)
            session.add(case)
            session.flush()
            session.add(Correction(case_id=case.id, from_task_type="skilte", to_task_type="udeservering", at=at))
        session.commit()


def test_the_scheduled_retraining_never_fits_on_the_evaluation_set(tmp_path, engine, seen):
    _corrected_cases(engine, [e.text for e in evalset.evaluation_set()][:3], datetime.now(UTC))
    with pytest.raises(Stop):
        retrain_if_due(ModelStore(tmp_path / "models"), engine, min_corrections=3)
    assert len(seen) > 500 and not _fenced_texts() & set(seen)


# -- retraining when due, comparing versions -----------------------------------------------
def test_retraining_waits_for_enough_corrections_since_the_newest_version(store, engine):
    _corrected_cases(engine, ["før"], datetime.now(UTC) - timedelta(days=400))
    _corrected_cases(engine, ["efter 1", "efter 2"], datetime.now(UTC) + timedelta(minutes=1))
    assert pending_corrections(store, engine) == 2
    assert retrain_if_due(store, engine, min_corrections=3) is None
    assert store.versions() == ["1", "2"]


def test_compare_measures_both_versions_on_the_same_unseen_examples(store, engine):
    result = compare_versions(store, "1", "2", engine, extra=UNSEEN)
    assert result.left["n"] == result.right["n"] == len(UNSEEN) + len(evalset.evaluation_set())
    assert set(result.left["per_task"]) >= {"udeservering", "skilte"}
    assert "fixed evaluation set" in result.examples and "0 corrections" in result.examples


def test_compare_leaves_out_the_fixed_set_for_a_version_trained_on_it(store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(store.root, copy)
    other = ModelStore(copy)
    meta_path = other.versions_dir / "2" / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.pop("evaluation_fence")
    meta_path.write_text(json.dumps(meta))
    result = compare_versions(other, "1", "2", None, extra=UNSEEN)
    assert result.left["n"] == len(UNSEEN) and "version 2 was trained on it" in result.notes[0]
