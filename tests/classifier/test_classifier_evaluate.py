"""Evaluation reports: per task scores, macro-F1, confusion matrix, triage rate."""
import pytest

from classifier.data import Example
from classifier.evaluate import confusion_png, cross_validate, evaluate_model, metrics, multi_task_scores
from classifier.prediction import Prediction


def _p(*names, triage=False):
    return Prediction([(n, 0.9) for n in names], 0.9, triage, "t")


def test_metrics_scores_each_task_and_the_triage_rate():
    truth = [Example("a", ("skilte",)), Example("b", ("olietank",)), Example("c", ("skilte", "udeservering"))]
    report = metrics(truth, [_p("skilte"), _p("skilte", triage=True), _p("skilte", "udeservering")])
    assert report["per_task"]["skilte"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "support": 2}
    assert report["per_task"]["olietank"]["recall"] == 0.0
    assert report["macro_f1"] == round((0.8 + 0.0 + 1.0) / 3, 4)
    assert report["triage_rate"] == round(1 / 3, 4)
    assert report["primary_accuracy"] == round(2 / 3, 4)


def test_confusion_matrix_counts_primary_labels_truth_by_row():
    truth = [Example("a", ("skilte",)), Example("b", ("olietank",))]
    report = metrics(truth, [_p("skilte"), _p("skilte")])
    labels = report["confusion"]["labels"]
    matrix = report["confusion"]["matrix"]
    assert matrix[labels.index("olietank")][labels.index("skilte")] == 1
    assert matrix[labels.index("skilte")][labels.index("skilte")] == 1


def test_cross_validation_report_has_the_contracted_keys(examples):
    report = cross_validate(examples, folds=3)
    assert {"version", "macro_f1", "per_task", "triage_rate"} <= set(report)
    assert report["n"] == len(examples)
    assert report["macro_f1"] > 0.8


def test_evaluating_a_stored_model_names_its_version(store, examples):
    report = evaluate_model(store.load("2"), examples[:30])
    assert report["version"] == "2" and report["n"] == 30


def test_confusion_matrix_png_is_written(tmp_path, examples):
    pytest.importorskip("matplotlib")
    report = metrics(examples[:3], [_p(*e.labels) for e in examples[:3]])
    path = confusion_png(report, tmp_path / "cm.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_multi_task_scores_count_task_types_of_multi_task_applications_only():
    truth = [("skilte",), ("udeservering", "skilte", "spildevand"), ("vejareal", "stoej_byggeplads")]
    predicted = [["olietank"], ["udeservering", "skilte"], ["vejareal", "stoej_byggeplads", "generel"]]
    scores = multi_task_scores(truth, predicted)
    assert scores == {"n": 2, "recall": round(4 / 5, 4), "precision": round(4 / 5, 4), "complete": 0.5}


def test_the_report_has_the_multi_task_scores():
    truth = [Example("a", ("skilte", "udeservering")), Example("b", ("olietank",))]
    report = metrics(truth, [_p("skilte"), _p("olietank")])
    assert report["multi_task"] == {"n": 1, "recall": 0.5, "precision": 1.0, "complete": 0.0}


def test_without_multi_task_applications_there_is_nothing_to_score():
    assert multi_task_scores([("skilte",)], [["skilte"]]) == {"n": 0, "recall": None, "precision": None,
                                                               "complete": None}
