"""The primary task type on four held-out splits of the seed corpus, with optional extra training mails.

    python bench/bench_corpus_splits.py [EXTRA.jsonl ...]

Splits the shipped corpus (behind the evaluation fence) four times (``holdout_split`` with seeds 42, 1, 2, 3), trains
on each training part plus the extra mails (which only ever train, never test), and prints per seed and summed: the
single-task test mails whose primary task type is right and not sent to triage, their number, and how many went to
triage. A way to weigh candidate training mails on development data before adding them to ``classifier/corpus/``.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier.data import load_corpus, read_jsonl  # noqa: E402
from classifier.evalset import training_examples  # noqa: E402
from classifier.model import fit_model  # noqa: E402
from classifier.training import holdout_split  # noqa: E402

SEEDS = (42, 1, 2, 3)


def main() -> None:
    extra = [e for f in sys.argv[1:] for e in read_jsonl(Path(f))]
    corpus = training_examples(load_corpus())
    total = [0, 0, 0]
    for seed in SEEDS:
        train, test = holdout_split(corpus, seed=seed)
        fitted = train + extra
        model = fit_model([e.text for e in fitted], [e.labels for e in fitted])
        single = [e for e in test if len(e.labels) == 1]
        predictions = model.predict_many([e.text for e in single])
        right = sum(1 for e, p in zip(single, predictions, strict=True)
                    if p.primary == e.labels[0] and not p.needs_triage)
        triage = sum(1 for p in predictions if p.needs_triage)
        print(f"seed {seed:>2}: {right} of {len(single)} right, {triage} to triage", flush=True)
        total = [total[0] + right, total[1] + len(single), total[2] + triage]
    print(f"all     : {total[0]} of {total[1]} right, {total[2]} to triage")


if __name__ == "__main__":
    main()
