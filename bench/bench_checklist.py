"""How often the acknowledgement asks for something the business already gave, or forgets to ask for something missing.

    python bench/bench_checklist.py [FILE.jsonl] [--failures]

Each item (subject, body, attachments, from) is built into a real message as
``bench_details`` builds it (mail, PDF and Word attachments) and goes through
the real pipeline in process: ``parse``, ``read_attachments``,
``find_details``, ``classify`` (the model the service would use), ``route``
and ``check_completeness``. Its ``checklist`` truth names the task type and
the items of that task's catalogue checklist the application gives; the rest
are missing.

The acknowledgement asks for the required items its part finds missing
(``Checklist.required_missing``; a triage case asks for nothing). Per
application:

- "asks for an item already given": it asks for an item the truth says is given;
- "misses a missing required item": a required item the truth says is missing
  is not asked for (a triage case, or a part of another task type, misses every
  one).

An application of several parts carries ``checklists`` (one truth per task type) instead of ``checklist``; each
part is scored as an application of its own (a part the classifier does not find misses every missing item), so
the rates are per part. Each part reads its own sentences (``intake.details.attribution``), with the true task
types too: the sign's checklist does not take the serving area's "1,5 m ... 4 m" as its size. The development set
of such applications is ``tests/data/checklist_multi_dev.jsonl`` (60 applications, 130 parts); the independent one
``bench/data/checklists_multi.jsonl`` (50, written apart, never used for tuning).

An application whose site lies in another municipality (``route`` guides it there: no checklist is asked, session 30)
is counted apart and not scored: the sets' labels assume Copenhagen decides every site.

Both are printed twice: through the classifier (what the business receives)
and with the true task type (the checklist alone). The default file is the
development set ``tests/data/checklist_dev.jsonl``; ``bench/data/checklists.jsonl``
is the independent set, never used for tuning, so ``--failures`` refuses it.
"""
from __future__ import annotations

import argparse
import atexit
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_details import build_message  # type: ignore[import-not-found]  # noqa: E402

from intake.app import build_context  # noqa: E402
from intake.attachments.extract import extract_in_process  # noqa: E402
from intake.details.checklist import Checklist, check_parts  # noqa: E402
from intake.pipeline import (  # noqa: E402
    Context,
    MessageState,
    check_completeness,
    classify,
    evidence_of,
    find_details,
    find_parties,
    own_evidence,
    parse,
    route,
)
from intake.settings import Settings  # noqa: E402

DEV = ROOT / "tests" / "data" / "checklist_dev.jsonl"
INDEPENDENT = ROOT / "bench" / "data" / "checklists.jsonl"
RECEIVED = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # before every period the applications name


@dataclass(frozen=True)
class Outcome:
    """One application: what the acknowledgement asked for, and what it should have asked for."""

    asked: tuple[str, ...]
    wrongly_asked: tuple[str, ...]  # given, yet asked for
    missed: tuple[str, ...]  # required and missing, yet not asked for
    routed_as: str  # the part's task type ("triage" when the case went to triage)


def fresh_context() -> Context:
    """The service's context with a model trained now on the shipped corpus, in a temporary directory: never a model
    an earlier run left in ``intake-data/`` (trained on the corpus as it was then)."""
    models = tempfile.TemporaryDirectory(prefix="bench-models-")
    atexit.register(models.cleanup)
    return build_context(Settings(model_dir=Path(models.name)))


def truths(item: dict) -> list[dict]:
    """The item's true checklists: one (``checklist``) for a single-task application, one per part
    (``checklists``) for an application of several."""
    return item["checklists"] if "checklists" in item else [item["checklist"]]


def run_item(item: dict, ctx: Context) -> MessageState:
    """The message through the real stages."""
    received = RECEIVED
    state = MessageState(raw=build_message(item, received), received=received)
    parse(state, ctx)
    find_parties(state, ctx)
    state.attachments = [extract_in_process(p.filename, p.content_type, p.data) for p in state.mail.attachments]
    find_details(state, ctx)
    classify(state, ctx)
    route(state, ctx)
    check_completeness(state, ctx)
    return state


ATTRIBUTION_MS: list[float] = []  # the time each application of several parts takes to tell its sentences' parts


def with_true_types(item: dict, state: MessageState, ctx: Context) -> dict[str, Checklist]:
    """Each true part's checklist, read as the service reads it (for several parts, each its own sentences)."""
    tasks = [t["task"] for t in truths(item)]
    evidence = evidence_of(state)
    start = time.perf_counter()
    own = own_evidence(evidence, tasks, ctx)  # as the pipeline decides it (None for one part)
    if own is not None:
        ATTRIBUTION_MS.append(1000 * (time.perf_counter() - start))
    return check_parts(tasks, ctx.catalogue, evidence, own)


def score(truth: dict, result: Checklist | None, ctx: Context, routed_as: str, subject: str) -> Outcome:
    task = ctx.catalogue.task(truth["task"])
    given = set(truth["given"])
    unknown = given - {i.id for i in task.checklist}
    if unknown:
        raise SystemExit(f"{subject!r}: truth names items {sorted(unknown)} not in the {task.id} checklist")
    should = tuple(i.id for i in task.checklist if i.required and i.id not in given)
    asked = result.required_missing if result is not None else ()
    return Outcome(asked, tuple(a for a in asked if a in given), tuple(s for s in should if s not in asked), routed_as)


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    n = len(outcomes) or 1
    return (100 * sum(bool(o.wrongly_asked) for o in outcomes) / n, 100 * sum(bool(o.missed) for o in outcomes) / n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEV)
    parser.add_argument("--failures", action="store_true", help="print each wrong application (development set only)")
    args = parser.parse_args()
    if args.failures and args.file.resolve().is_relative_to(INDEPENDENT.parent.resolve()):  # any of bench/data/
        sys.exit("--failures is refused on the independent sets (bench/data/): they are never used for tuning")
    items = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    ctx = fresh_context()
    through, alone = [], []
    elsewhere: list[str] = []
    kept = []
    for item in items:
        state = run_item(item, ctx)
        if state.elsewhere:
            # a site in another municipality (the catalogue's postcodes): guided there, no checklist asked; the
            # sets' labels assume Copenhagen decides, so these are counted apart, not as misses
            elsewhere.append(state.elsewhere)
            continue
        routed_as = "triage" if state.needs_triage else ",".join(state.task_types)
        true_parts = with_true_types(item, state, ctx)
        for truth in truths(item):  # each part is scored: a part the classifier did not find misses every item
            kept.append((item, truth))
            through.append(score(truth, state.checklists.get(truth["task"]), ctx, routed_as, item["subject"]))
            alone.append(score(truth, true_parts[truth["task"]], ctx, truth["task"], item["subject"]))
    required = sum(len(o.missed) + len(o.asked) - len(o.wrongly_asked) for o in alone)
    parts = f" ({len(kept)} parts)" if len(kept) != len(items) - len(elsewhere) else ""
    print(f"{args.file.name}: {len(items)} applications{parts}, {required} required items missing in all"
          + (f" ({len(elsewhere)} more for a site in another municipality, guided there: not scored)"
             if elsewhere else ""))
    for name, outcomes in (("through the classifier", through), ("with the true task type", alone)):
        wrong, missed = rates(outcomes)
        print(f"  {name:24} asks for an item already given: {wrong:5.1f} %   "
              f"misses a missing required item: {missed:5.1f} %")
    if ATTRIBUTION_MS:
        print(f"  each part's own sentences: {statistics.median(ATTRIBUTION_MS):.1f} ms p50 per application of "
              f"several parts (the whole evidence's sentences scored once)")
    if args.failures:
        for (item, truth), o_through, o_alone in zip(kept, through, alone, strict=True):
            if o_through.wrongly_asked or o_through.missed or o_alone.wrongly_asked or o_alone.missed:
                print(f"- {truth['task']} {item['subject']!r} (routed as {o_through.routed_as}): "
                      f"asked wrongly {list(o_alone.wrongly_asked)}, missed {list(o_alone.missed)}"
                      + (f"; through the classifier asked wrongly {list(o_through.wrongly_asked)}"
                         if o_through.wrongly_asked else ""))


if __name__ == "__main__":
    main()
