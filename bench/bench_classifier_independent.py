"""The classifier on mail it has never seen, written apart from its training corpus.

Trains a model on the shipped seed corpus (exactly as the first start does) and
evaluates it on ``bench/data/independent.jsonl``: 240 applications written by
someone who never read the corpus. Prints macro-F1 (all labels), the primary
task type's accuracy and macro-F1, the triage rate, and the accuracy of what is
not sent to triage. Not a test: the numbers go into the README.

    python bench/bench_classifier_independent.py                               # the independent set
    python bench/bench_classifier_independent.py tests/data/primary_dev.jsonl  # a development set

The model gets the composed text only here (its pieces cut from that text);
``bench_multi.py`` gives it the body and each attachment as the pipeline does,
and adds the multi-office set and the prediction time.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier.data import load_corpus, load_path  # noqa: E402
from classifier.evalset import training_examples  # noqa: E402
from classifier.evaluate import evaluate_model  # noqa: E402
from classifier.model import fit_model  # noqa: E402

DATA = ROOT / "bench" / "data" / "independent.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DATA,
                        help="a JSONL set (subject, body, labels; default: the independent set), e.g. "
                             "tests/data/primary_dev.jsonl")
    args = parser.parse_args()
    corpus = training_examples(load_corpus())  # as the first start trains: behind the evaluation fence
    held_out = load_path(args.data)
    start = time.perf_counter()
    model = fit_model([e.text for e in corpus], [e.labels for e in corpus])
    trained = time.perf_counter() - start
    report = evaluate_model(model, held_out)
    print(f"trained on {len(corpus)} corpus mails in {trained:.1f} s; "
          f"evaluated on {report['n']} mails of {args.data.name}")
    for key in ("macro_f1", "primary_accuracy", "primary_macro_f1", "triage_rate", "accuracy_when_routed"):
        print(f"  {key}: {report[key]}")
    worst = sorted(report["per_task"].items(), key=lambda kv: kv[1]["f1"])[:5]
    print("  weakest task types: " + ", ".join(f"{t} F1 {s['f1']:.2f}" for t, s in worst))


if __name__ == "__main__":
    main()
