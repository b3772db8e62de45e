"""Reading operators' training data: JSONL and CSV exports, labelled .eml folders."""
import json
from email.message import EmailMessage

import pytest

from classifier.data import Example, check_known, data_hash, load_path, parse_labels
from classifier.errors import TrainingDataError


def test_labels_parse_from_list_or_comma_string_primary_first():
    assert parse_labels("Udeservering, skilte,udeservering") == ("udeservering", "skilte")
    assert parse_labels(["olietank"]) == ("olietank",)


def test_jsonl_export_with_text_and_task_types(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"text": "gammel olietank", "task_types": "olietank"}) + "\n\n")
    assert load_path(path) == [Example("gammel olietank", ("olietank",), "export.jsonl:1")]


def test_jsonl_in_corpus_format_is_composed_from_its_parts(tmp_path):
    path = tmp_path / "seed.jsonl"
    record = {"subject": "Skilt", "body": "nyt skilt", "attachment": "formular",
              "labels": ["skilte", "byggetilladelse"]}
    path.write_text(json.dumps(record))
    (example,) = load_path(path)
    assert example.text == "Skilt\n\nnyt skilt\n\nformular"
    assert example.labels == ("skilte", "byggetilladelse")


def test_csv_export_with_subject_and_body(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('subject,body,task_types\nCafé,"borde, stole",\"udeservering,skilte\"\n', encoding="utf-8")
    (example,) = load_path(path)
    assert example.labels == ("udeservering", "skilte")
    assert example.text == "Café\n\nborde, stole"


def test_row_without_labels_is_refused_with_its_line(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"text": "hej"}))
    with pytest.raises(TrainingDataError, match="export.jsonl:1"):
        load_path(path)


def _eml(subject, body, labels=None):
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = "a@example.com"
    if labels:
        msg["X-Intake-Task-Types"] = labels
    msg.set_content(body)
    msg.add_attachment("ansøgningsskema: gravning", filename="skema.txt")
    return msg.as_bytes()


def test_eml_folder_is_labelled_by_header_and_unlabelled_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.eml").write_bytes(_eml("Gravning", "vi skal grave", "gravetilladelse, vejareal"))
    (tmp_path / "b.eml").write_bytes(_eml("Hej", "ingen etiket"))
    (example,) = load_path(tmp_path)
    assert example.labels == ("gravetilladelse", "vejareal")
    assert "vi skal grave" in example.text and "ansøgningsskema" in example.text


def test_unsupported_file_type_is_refused(tmp_path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(TrainingDataError, match="expected"):
        load_path(path)


def test_data_hash_ignores_order_but_not_labels():
    a, b = Example("x", ("skilte",)), Example("y", ("olietank",))
    assert data_hash([a, b]) == data_hash([b, a])
    assert data_hash([a, b]) != data_hash([a, Example("y", ("skilte",))])


def test_labels_outside_the_catalogue_are_refused():
    with pytest.raises(TrainingDataError, match="skilt"):
        check_known([Example("x", ("skilt",), "f:3")], {"skilte"})
