"""The development set of confusable single-task applications: well formed, and kept apart from the corpus."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from classifier.data import load_corpus, load_path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "primary_dev.jsonl"
TASK_IDS = {"udeservering", "vejareal", "gravetilladelse", "skilte", "arrangement", "gadesalg", "byggetilladelse",
            "nedrivning", "miljoegodkendelse", "spildevand", "jordflytning", "stoej_byggeplads", "olietank",
            "erhvervsaffald", "generel"}
CONFUSED = ("erhvervsaffald", "olietank", "byggetilladelse", "vejareal")   # the primary misses named in the README


def items() -> list[dict]:
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_dev_set_is_single_task_catalogue_labels_in_both_languages():
    found = items()
    assert len(found) >= 60
    assert all(len(item["labels"]) == 1 and item["labels"][0] in TASK_IDS for item in found)
    assert {item["lang"] for item in found} == {"da", "en"}
    for task in CONFUSED:   # enough of each confused pair's true side to see a miss
        assert sum(item["labels"][0] == task for item in found) >= 5, task


def test_dev_set_reads_as_the_independent_set_does():
    """bench_classifier_independent.py reads it with load_path: subject + body (+ nothing else) and labels."""
    examples = load_path(DEV)
    assert len(examples) == len(items())
    assert all(example.text and example.labels for example in examples)


def test_no_dev_application_is_in_the_training_corpus():
    """Tuning on the dev set must not become training on it: no subject or body of it is in the corpus."""
    corpus = "\n".join(example.text for example in load_corpus())
    copied = [item["subject"] for item in items() if _opening(item) in corpus]
    assert copied == []


def _opening(item: dict) -> str:
    """The first 120 characters an application is written in: its body, or its first attachment's text when the
    body is empty (an empty string is in every corpus)."""
    texts = [item["body"]] + [attachment.get("text", "") for attachment in item.get("attachments", [])]
    return next((text.strip()[:120] for text in texts if text.strip()), item["subject"])


def _bench_multi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "bench_multi.py"), *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_bench_multi_measures_a_single_task_set_only_with_a_development_set():
    """Without --data the independent sets are measured: --single may not replace independent.jsonl there."""
    done = _bench_multi("--single", str(DEV))
    assert done.returncode == 2 and "--single needs --data" in done.stderr


def test_bench_multi_refuses_errors_for_a_single_task_set_under_bench_data():
    done = _bench_multi("--data", str(ROOT / "tests" / "data" / "multi_dev.jsonl"),
                        "--single", str(ROOT / "bench" / "data" / "independent.jsonl"), "--errors")
    assert done.returncode == 2 and "independent sets are not for tuning" in done.stderr


def test_bench_multi_reads_an_attachment_string_as_an_attached_pdf():
    """independent.jsonl gives some applications' attached file as an ``attachment`` string (the training data's
    format): the bench builds it as a PDF that the service's extraction reads, instead of leaving it out."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_multi import attachments_of, read_attachment  # type: ignore[import-not-found]

    item = {"subject": "Skilt", "body": "Se bilag.", "attachment": "Ansøgning om skilt på facaden, Jagtvej 12"}
    (only,) = attachments_of(item)
    assert only["kind"] == "pdf" and "Jagtvej 12" in read_attachment(only).text
    assert attachments_of({"body": "x", "attachment": "  "}) == []
    listed = [{"kind": "docx", "filename": "a.docx", "text": "y"}]
    assert attachments_of({"attachments": listed, "attachment": "ignored"}) == listed


def test_bench_multi_pools_the_later_sets_with_the_first(monkeypatch, tmp_path):
    """Each later set present is scored on its own; ``both_*`` pools the first two sets (as sessions 39 and 40
    reported), ``all_*`` every set, counting applications, not averaging the sets' accuracies."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_multi

    sets = {"fresh": tmp_path / "fresh.jsonl", "third": tmp_path / "third.jsonl", "gone": tmp_path / "none.jsonl"}
    sets["fresh"].write_text("\n".join(json.dumps({"right": r}) for r in (1, 1, 1, 0)) + "\n", encoding="utf-8")
    sets["third"].write_text("\n".join(json.dumps({"right": r}) for r in (1, 0)) + "\n", encoding="utf-8")
    monkeypatch.setattr(bench_multi, "predict_items", lambda model, items: items)
    monkeypatch.setattr(bench_multi, "report", lambda items, predictions: {
        "primary_accuracy": sum(i["right"] for i in items) / len(items), "triage_rate": 0.0, "macro_f1": 0.5})
    figures = bench_multi.later_figures(None, 10, 0.9, later=sets)
    assert (figures["fresh_n"], figures["fresh_primary_accuracy"]) == (4, 0.75)
    assert (figures["third_n"], figures["third_primary_accuracy"]) == (2, 0.5)
    assert (figures["both_n"], figures["both_primary_accuracy"]) == (14, round(12 / 14, 4))
    assert (figures["all_n"], figures["all_primary_accuracy"]) == (16, round(13 / 16, 4))
    assert not any(key.startswith("gone") for key in figures)
    assert bench_multi.later_figures(None, 10, 0.9, later={}) == {}


@pytest.mark.parametrize(("name", "least"), [("independent_fresh.jsonl", 80), ("independent_third.jsonl", 100)])
def test_a_later_independent_set_is_single_task_and_apart_from_the_corpus_and_the_dev_set(name, least):
    """bench/data/independent_fresh.jsonl (session 39) and independent_third.jsonl (session 41) are measured beside
    independent.jsonl: catalogue labels, one task each, every task type, both languages; none of it in the training
    corpus nor in the development set."""
    with (ROOT / "bench" / "data" / name).open(encoding="utf-8") as fh:
        fresh = [json.loads(line) for line in fh if line.strip()]
    assert len(fresh) >= least and {item["lang"] for item in fresh} == {"da", "en"}
    assert all(len(item["labels"]) == 1 and item["labels"][0] in TASK_IDS for item in fresh)
    assert {item["labels"][0] for item in fresh} == TASK_IDS
    corpus = "\n".join(example.text for example in load_corpus())
    dev = {_opening(item) for item in items()}
    assert [item["id"] for item in fresh if _opening(item) in corpus or _opening(item) in dev] == []
