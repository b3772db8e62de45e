"""How far two people labelling the same applications agree, and the pipeline's figures against each of them.

    python bench/bench_agreement.py details bench/data/details.jsonl bench/data/details.second.jsonl
    python bench/bench_agreement.py checklists bench/data/checklists.jsonl bench/data/checklists.second.jsonl
    python bench/bench_agreement.py primary bench/data/independent.jsonl bench/data/independent.second.jsonl

The first file is an evaluation set (applications with their labels, as ``bench_details`` and
``bench_checklist`` read them). The second holds, line by line in the same order, a second labeller's labels
of the same applications (``{"id", "truth"}`` for details, ``{"id", "given"}`` for checklists, ``{"id", "task"}``
for the primary task type), written from the
applications alone: without the first labels, the code or its output.

Printed, aggregate figures only (never an application, so an independent set stays untuned):

- how often the two labellers agree: per field for details (a field both leave out is not counted), per
  application for checklists (the same required items missing, so the same letter) and for the primary task type;
- the pipeline's figures against the first labels (the figures of ``bench_details`` / ``bench_checklist``),
  against the second, and on what both labellers agree on: for details the fields where they agree (a field
  they disagree on is left out of the score), for checklists the items they agree on (asking for an item one
  of them calls given and the other missing is neither wrong nor right), for the primary task type the
  applications they agree on (the model trained as ``bench_multi`` trains it, behind the evaluation fence).

Two careful people disagree where the application is ambiguous or the definition leaves room; the agreement is
the ceiling of any reader measured against one person's labels, and the figure where both agree is what the
pipeline gets on the unambiguous part.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_checklist import fresh_context  # type: ignore[import-not-found]  # noqa: E402
from bench_checklist import run_item as checklist_of  # noqa: E402
from bench_details import FIELDS, WHERE, figures, labelled_fields, receipt_of, score  # type: ignore[import-not-found]  # noqa: E402
from bench_details import run_item as details_of  # noqa: E402

from intake.app import build_context  # noqa: E402
from intake.settings import Settings  # noqa: E402


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def paired(first: list[dict], second: list[dict]) -> None:
    if len(first) != len(second):
        sys.exit(f"the second labels have {len(second)} lines, the set {len(first)}: they must be line by line")


# ---------------------------------------------------------------- details

def agreed_truth(one: dict, other: dict) -> tuple[dict, set[str]]:
    """The fields both labellers give alike (``one``'s value), and the fields they disagree on."""
    same, differ = {}, set()
    for key in FIELDS:
        a, b = one.get(key), other.get(key)
        if a is None and b is None or score(one, other, (key,)).get(key) == "right":   # a site: the same place
            if a is not None:
                same[key] = a
        else:
            differ.add(key)
    return same, differ


def details(first: list[dict], second: list[dict]) -> None:
    paired(first, second)
    received = receipt_of(first)
    ctx = build_context(Settings())
    rows: dict[str, dict[str, list[str]]] = {}       # column -> "where/field" -> outcomes
    columns = ("labellers agree", "ours vs first", "ours vs second", "ours where both agree")
    fields = labelled_fields(first)     # the first labels' format: a field it never gives is not scored
    for item, other in zip(first, second, strict=True):
        found = details_of(item, received, ctx)
        same, differ = agreed_truth(item["truth"], other["truth"])
        scored = (score(item["truth"], other["truth"], fields), score(item["truth"], found, fields),
                  score(other["truth"], found, fields),
                  {k: v for k, v in score(same, found, fields).items() if k not in differ})
        for column, outcomes in zip(columns, scored, strict=True):
            for key, outcome in outcomes.items():
                for where in (item["where"], "all"):
                    rows.setdefault(column, {}).setdefault(f"{where}/{key}", []).append(outcome)
                    rows[column].setdefault(f"{where}/ALL", []).append(outcome)
    print(f"{len(first)} applications; accuracy as in bench_details: right / (truth fields + extra fields), "
          "n in brackets")
    print(f"{'':24}" + "".join(f"{c:>24}" for c in columns))
    for label in [f"all/{k}" for k in fields] + [f"{w}/ALL" for w in (*WHERE, "all")]:
        cells = []
        for column in columns:
            outcomes = rows.get(column, {}).get(label, [])
            acc, _, _, n = figures(outcomes)
            cells.append(f"{acc:16.1f} % ({n:4d})" if n else f"{'-':>24}")
        print(f"{label:24}" + "".join(cells))


# ---------------------------------------------------------------- checklists

def checklists(first: list[dict], second: list[dict]) -> None:
    paired(first, second)
    ctx = fresh_context()
    counts: Counter[str] = Counter()
    for item, other in zip(first, second, strict=True):
        task = ctx.catalogue.task(item["checklist"]["task"])
        required = {i.id for i in task.checklist if i.required}
        one, two = set(item["checklist"]["given"]), set(other["given"])
        unknown = two - {i.id for i in task.checklist}
        if unknown:
            sys.exit(f"line {other.get('id')}: items {sorted(unknown)} are not in the {task.id} checklist")
        counts["applications"] += 1
        counts["same letter"] += (required - one) == (required - two)
        counts["required items"] += len(required)
        counts["required items alike"] += sum((i in one) == (i in two) for i in required)
        result = checklist_of(item, ctx).checklists.get(item["checklist"]["task"])
        asked = set(result.required_missing if result is not None else ())
        for name, given, doubtful in (("first", one, set()), ("second", two, set()),
                                      ("both agree", one & two, one ^ two)):
            missing = required - given - doubtful
            counts[f"{name}: asks"] += bool(asked & given)
            counts[f"{name}: misses"] += bool(missing - asked)
    n = counts["applications"]
    print(f"{n} applications, {counts['required items']} required items")
    print(f"  labellers agree on {100 * counts['required items alike'] / counts['required items']:5.1f} % of the "
          f"required items and on the letter (the same required items missing) for "
          f"{100 * counts['same letter'] / n:5.1f} % of the applications")
    for name in ("first", "second", "both agree"):
        print(f"  labels of {name:11} asks for an item already given: {100 * counts[f'{name}: asks'] / n:5.1f} %   "
              f"misses a missing required item: {100 * counts[f'{name}: misses'] / n:5.1f} %")


# ---------------------------------------------------------------- the primary task type

def primary(first: list[dict], second: list[dict]) -> None:
    from bench_multi import predict_items, trained_model  # type: ignore[import-not-found]

    paired(first, second)
    model, _ = trained_model()
    found = [p.task_types[0][0] if p.task_types else "triage" for p in predict_items(model, first)]
    one, two = [item["labels"][0] for item in first], [other["task"] for other in second]
    agreed = [i for i in range(len(first)) if one[i] == two[i]]
    n = len(first)
    print(f"{n} applications; primary task type")
    print(f"  labellers agree on {100 * len(agreed) / n:5.1f} % ({len(agreed)})")
    print(f"  ours against the first labels {100 * sum(f == o for f, o in zip(found, one, strict=True)) / n:5.1f} %, "
          f"the second {100 * sum(f == t for f, t in zip(found, two, strict=True)) / n:5.1f} %, where both agree "
          f"{100 * sum(found[i] == one[i] for i in agreed) / max(len(agreed), 1):5.1f} % of {len(agreed)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=("details", "checklists", "primary"))
    parser.add_argument("first", type=Path, help="the evaluation set with its first labels")
    parser.add_argument("second", type=Path, help="a second labeller's labels of the same applications, line by line")
    args = parser.parse_args()
    {"details": details, "checklists": checklists, "primary": primary}[args.kind](read(args.first), read(args.second))


if __name__ == "__main__":
    main()
