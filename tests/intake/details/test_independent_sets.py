"""The independent details sets in ``bench/data`` are well formed and apart from the development set.

Only their shape is checked here (never what the service extracts from them: ``bench/bench_details.py`` measures
that, and refuses ``--failures`` on them), so that a set stays a measure the patterns were never tuned on.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from stdnum.dk import cvr

from tests.paths import TEST_DATA

BENCH_DATA = Path(__file__).resolve().parents[3] / "bench" / "data"
SETS = ("details.jsonl", "details_second.jsonl", "details_third.jsonl", "details_fourth.jsonl",
        "details_fifth.jsonl")
FIELDS = {"company_name", "cvr", "p_number", "contact_name", "contact_email", "phone", "address", "postcode",
          "activity_location", "period_from", "period_to", "area_m2", "litres", "guests"}


def _items(path: Path) -> list[dict]:
    """The set's applications, each with an id (the first set has none: its line number stands in)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"id": f"{path.stem}:{n}"} | json.loads(line) for n, line in enumerate(lines, 1)]


def _opening(item: dict) -> str:
    """The application's first 200 characters after the greeting line (its body, then its attachments' texts),
    whitespace folded: what a copy would share, and more than a cover note ("Se vedhæftede.") alone."""
    text = "\n".join([item["body"], *(a.get("text", "") for a in item.get("attachments", []))])
    lines = [line for line in text.splitlines() if line.strip()]
    return " ".join(" ".join(lines[1:] or lines).split())[:200]


@pytest.mark.parametrize("name", SETS)
def test_an_independent_set_labels_only_known_fields_with_valid_identifiers(name):
    items = _items(BENCH_DATA / name)
    assert len({item["id"] for item in items}) == len(items) >= 40
    for item in items:
        truth = item["truth"]
        assert set(truth) <= FIELDS, item["id"]
        assert "cvr" not in truth or cvr.is_valid(truth["cvr"]), item["id"]
        assert "phone" not in truth or re.fullmatch(r"\d{8}", truth["phone"]), item["id"]
        if "period_from" in truth and "period_to" in truth:
            assert date.fromisoformat(truth["period_from"]) <= date.fromisoformat(truth["period_to"]), item["id"]


@pytest.mark.parametrize("name", ["details_fourth.jsonl", "details_fifth.jsonl"])
def test_the_fourth_and_fifth_sets_are_body_only_in_both_languages(name):
    """bench/data/details_fourth.jsonl (session 40) and details_fifth.jsonl (session 41): 40 body-only applications
    each, written blind."""
    items = _items(BENCH_DATA / name)
    assert len(items) == 40 and {item["where"] for item in items} == {"body"}
    assert {item["lang"] for item in items} == {"da", "en"}


def test_no_independent_application_is_in_the_development_set():
    dev = {_opening(item) for item in _items(TEST_DATA / "details_dev.jsonl")}
    shared = [item["id"] for name in SETS for item in _items(BENCH_DATA / name) if _opening(item) in dev]
    assert shared == []
