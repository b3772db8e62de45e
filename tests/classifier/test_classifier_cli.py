"""The operator commands, run through typer's test runner against a private data folder."""
import json

import pytest
from classifier_builders import make_examples
from typer.testing import CliRunner

from intake.cli.classifier import app


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("INTAKE_CONFIG", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps({"text": e.text, "task_types": list(e.labels)}) for e in make_examples()))
    return path


def test_train_activate_list_show_and_rollback(run, export):
    assert run("train", "--data", str(export), "--only-data", "--activate").exit_code == 0
    assert run("train", "--data", str(export), "--only-data", "--force").exit_code == 0
    assert run("activate", "2").exit_code == 0
    listing = run("list")
    assert "*" in listing.output and "2" in listing.output
    assert json.loads(run("show", "2").output)["version"] == "2"
    result = run("rollback")
    assert result.exit_code == 0 and "version 1" in result.output


def test_only_data_without_data_is_a_usage_error_and_trains_nothing(run, tmp_path):
    result = run("train", "--only-data")
    assert result.exit_code == 2 and "--data" in result.output
    assert not list((tmp_path / "data").rglob("meta.json"))     # no version was stored


def test_evaluate_json_on_a_labelled_set(run, export):
    run("train", "--data", str(export), "--only-data", "--activate")
    result = run("evaluate", "--data", str(export), "--json")
    report = json.loads(result.stdout)
    assert report["version"] == "1" and report["macro_f1"] > 0.8
    assert report["multi_task"]["n"] == 12 and report["multi_task"]["recall"] > 0.8


def test_evaluate_table_shows_the_task_types_of_multi_task_applications(run, export):
    run("train", "--data", str(export), "--only-data", "--activate")
    result = run("evaluate", "--data", str(export))
    assert result.exit_code == 0
    assert "task types of the 12 multi-task applications: recall" in result.output


def test_labels_outside_the_catalogue_are_refused(run, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"t {i}", "task_types": "skilt"}) for i in range(30)))
    result = run("train", "--data", str(path), "--only-data")
    assert result.exit_code == 1 and "unknown task types" in result.output


def test_activating_an_unknown_version_fails_cleanly(run):
    result = run("activate", "7")
    assert result.exit_code == 1 and "no model version" in result.output


def test_train_if_better_prints_both_models_side_by_side_and_the_decision(run, export):
    run("train", "--data", str(export), "--only-data", "--activate")
    result = run("train", "--data", str(export), "--only-data", "--force", "--activate-if-better")
    assert result.exit_code == 0
    assert "version 2 (new)" in result.output and "version 1 (active)" in result.output
    assert "F1 skilte" in result.output and "kept version 1" in result.output   # a tie is not better


def test_compare_prints_two_versions_on_the_same_examples(run, export):
    run("train", "--data", str(export), "--only-data", "--activate")
    run("train", "--data", str(export), "--only-data", "--force")
    result = run("compare", "1", "2", "--data", str(export), "--json")
    report = json.loads(result.stdout)
    assert report["1"]["n"] == report["2"]["n"] > len(make_examples())   # the given set and the fixed one
    assert report["1"]["per_task"].keys() == report["2"]["per_task"].keys()
    assert "fixed evaluation set" in report["examples"]


def test_list_names_what_each_versions_figures_were_measured_on(run, export):
    assert run("train", "--data", str(export), "--only-data", "--activate").exit_code == 0
    meta = json.loads(run("show", "1").output)["metrics"]
    row = next(line for line in run("list").output.splitlines() if "*" in line).split("│")
    # the primary accuracy beside macro-F1 and the triage rate, as `compare` prints them, and how many unseen
    # examples they were measured on: two versions' figures differ by their examples, and the operator must see it
    cells = [cell.strip() for cell in row[5:9]]
    assert cells == [f"{meta['macro_f1']:.3f}", f"{meta['primary_accuracy']:.3f}", f"{meta['triage_rate']:.3f}",
                     str(meta["n"])]
