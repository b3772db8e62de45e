"""bench/bench_agreement.py: two labellers' agreement and the pipeline's figures against each, on development items."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_agreement import agreed_truth  # type: ignore[import-not-found]  # noqa: E402
from bench_details import labelled_fields, normalised, score  # type: ignore[import-not-found]  # noqa: E402


def test_a_field_no_application_of_a_set_labels_is_not_scored_as_extra():
    items = [{"truth": {"company_name": "A ApS", "area_m2": 4}}, {"truth": {"company_name": "B ApS"}}]
    fields = labelled_fields(items)
    assert fields == ("company_name", "area_m2")
    found = {"company_name": "B ApS", "litres": 1000, "area_m2": 12}
    assert score(items[1]["truth"], found, fields) == {"company_name": "right", "area_m2": "extra"}
    assert score(items[1]["truth"], found)["litres"] == "extra"        # scored when the set's format has it


def test_fields_alike_after_normalising_are_agreed_and_the_others_left_out():
    one = {"company_name": "Café Sol ApS", "address": "Tagensvej 120, 3. tv", "area_m2": 4, "phone": "26 14 88 02"}
    other = {"company_name": "café sol aps", "address": "Tagensvej 120 3 tv", "area_m2": "4,0", "phone": "26148802",
             "activity_location": "Nørrebrogade 56"}
    same, differ = agreed_truth(one, other)
    assert same == {k: one[k] for k in ("company_name", "address", "area_m2", "phone")}
    assert differ == {"activity_location"}
    assert agreed_truth({"cvr": "12345678"}, {"cvr": "12345679"}) == ({}, {"cvr"})


def _lines(path: Path, n: int) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:n]]


def _run(tmp_path: Path, kind: str, first: list[dict], second: list[dict]) -> str:
    a, b = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    a.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in first), encoding="utf-8")
    b.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in second), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_agreement.py"), kind, str(a), str(b)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_details_a_second_labeller_who_leaves_out_a_field_lowers_the_agreement_not_the_agreed_score(tmp_path):
    items = [it for it in _lines(ROOT / "tests" / "data" / "details_dev.jsonl", 40)
             if "activity_location" in it["truth"]][:4]
    second = [{"id": i, "truth": {k: v for k, v in it["truth"].items() if k != "activity_location" or i % 2}}
              for i, it in enumerate(items)]
    rows = {line.split()[0]: line for line in _run(tmp_path, "details", items, second).splitlines()[2:]}
    assert rows["all/activity_location"].split("%")[0].split()[-1] == "50.0"     # two of four alike
    assert "100.0 % (   2)" in rows["all/activity_location"]                     # scored where both agree only
    assert rows["all/cvr"].split("%")[0].split()[-1] == "100.0"


def test_checklists_an_item_the_labellers_disagree_on_counts_for_neither(tmp_path):
    items = [it for it in _lines(ROOT / "tests" / "data" / "checklist_dev.jsonl", 20) if it["checklist"]["given"]][:3]
    second = [{"id": i, "given": it["checklist"]["given"][1:]} for i, it in enumerate(items)]
    out = _run(tmp_path, "checklists", items, second)
    first_line = next(line for line in out.splitlines() if "labels of first" in line)
    second_line = next(line for line in out.splitlines() if "labels of second" in line)
    agree_line = next(line for line in out.splitlines() if "both agree" in line)
    assert first_line.endswith("0.0 %") and agree_line.endswith("0.0 %")
    assert not second_line.endswith(" 0.0 %")      # the dropped items are missing to the second, and not asked for


def test_primary_an_application_the_labellers_disagree_on_is_left_out(tmp_path):
    items = _lines(ROOT / "tests" / "data" / "primary_dev.jsonl", 8)
    second = [{"id": i, "task": it["labels"][0] if i % 4 else "generel"} for i, it in enumerate(items)]
    out = _run(tmp_path, "primary", items, second)
    assert "labellers agree on  75.0 % (6)" in out
    assert out.rstrip().endswith("of 6")


def test_a_form_written_as_text_becomes_a_word_table_in_place():
    """bench_details builds a ``form_docx`` without ``fields`` from its "Label<TAB>Value" lines, as the format says."""
    import io

    import docx
    from bench_details import attachment_bytes

    data = attachment_bytes({"kind": "form_docx", "filename": "skema.docx",
                             "text": "ANSØGNING\nFirma\tCafé Sol ApS\nCVR\t12345678\n\nUnderskrift: Ole"})
    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["Firma", "Café Sol ApS"], ["CVR", "12345678"]]
    assert [p.text for p in document.paragraphs] == ["ANSØGNING", "", "Underskrift: Ole"]


@pytest.mark.parametrize(("written", "labelled"), [
    ("Tagensvej 120, 3. sal", "Tagensvej 120, 3."),
    ("Store Kongensgade 40 H, kld.", "Store Kongensgade 40H, kl."),
    ("Ryesgade 3, stuen", "Ryesgade 3, st."),
    ("Kalvebod Brygge 39, 4th floor", "Kalvebod Brygge 39, 4."),
    ("Njalsgade 76, 3rd floor", "Njalsgade 76, 3."),
    ("Købmagergade 22, ground floor", "Købmagergade 22, st."),
    ("Borgergade 24, basement", "Borgergade 24, kl."),
])
def test_one_floor_or_house_letter_written_two_ways_is_the_same_address(written, labelled):
    assert normalised("address", written) == normalised("address", labelled)


@pytest.mark.parametrize(("found", "labelled"), [
    ("Vesterbrogade 12, 2. th", "Vesterbrogade 12A, 2. th"),
    ("Vesterbrogade 12, 2. th", "Vesterbrogade 12, 3. th"),
    ("Vesterbrogade 12, st.", "Vesterbrogade 12, kl."),
    ("Vesterbrogade 12, 2nd floor", "Vesterbrogade 12, 3."),
    ("Vesterbrogade 12, ground floor", "Vesterbrogade 12, 1."),
])
def test_another_letter_or_floor_is_another_address(found, labelled):
    assert normalised("address", found) != normalised("address", labelled)


@pytest.mark.parametrize(("labelled", "found"), [
    ("Hjørnet af Nørrebrogade og Ågade", "Nørrebrogade og Ågade"),
    ("Tagensvej/Jagtvej (hjørnet)", "Tagensvej og Jagtvej"),
    ("Amagertorv (ved Storkespringvandet)", "Amagertorv"),
    ("Torvehallerne, Frederiksborggade 21", "Frederiksborggade 21"),
    ("Islands Brygge ud for nr. 14 (ved Havnebadet)", "Islands Brygge 14"),
    ("Strandboulevarden 45", "Strandboulevarden 45, 1. tv"),
    ("Nyhavn 17-19 (langs kajkanten)", "Nyhavn 17-19, 1051 København K"),
    ("Foran Torvehallerne", "Torvehallerne"),
])
def test_one_place_written_with_other_words_is_the_same_site(labelled, found):
    assert score({"activity_location": labelled}, {"activity_location": found}) == {"activity_location": "right"}
    assert score({"activity_location": found}, {"activity_location": labelled}) == {"activity_location": "right"}


@pytest.mark.parametrize(("labelled", "found"), [
    ("Nyhavn 17-19", "Nyhavn"),
    ("Vesterbrogade 112", "Vesterbrogade 12"),
    ("Amagertorv", "Kultorvet"),
    ("Fælledparken", "Fælledvej 19"),
    ("Refshalevej og Margretheholmsvej", "Refshalevej 163"),
    ("Israels Plads", "Torvehallerne, Frederiksborggade 21"),
])
def test_another_place_or_another_number_is_another_site(labelled, found):
    assert score({"activity_location": labelled}, {"activity_location": found}) == {"activity_location": "wrong"}
    assert score({"activity_location": labelled}, {"activity_location": found}, exact_places=True) == {
        "activity_location": "wrong"}


def test_written_alike_is_the_old_scoring_of_a_site():
    labelled = {"activity_location": "Hjørnet af Nørrebrogade og Ågade"}
    found = {"activity_location": "Nørrebrogade og Ågade"}
    assert score(labelled, found, exact_places=True) == {"activity_location": "wrong"}
    assert score(labelled, found) == {"activity_location": "right"}
