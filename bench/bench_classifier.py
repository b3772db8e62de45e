"""Classifier benchmark: held-out quality, training time at 20,000 examples, prediction latency.

    python bench/bench_classifier.py [--n-train 20000] [--json]

Targets (issue 4): macro-F1 >= 0.95 on unseen mail, training < 60 s, prediction < 5 ms.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from classifier.data import Example, load_corpus
from classifier.evaluate import evaluate_model
from classifier.model import fit_model
from classifier.store import ModelStore
from classifier.training import holdout_split

ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "AE", "Ø": "O", "Å": "AA"})


def perturb(text: str, rng: random.Random) -> str:
    """A plausible variant: dropped and swapped words, lost Danish letters, a typo or two."""
    words = text.split()
    words = [w for w in words if rng.random() > 0.08] or words
    for _ in range(max(1, len(words) // 30)):
        i = rng.randrange(len(words))
        j = min(len(words) - 1, i + 1)
        words[i], words[j] = words[j], words[i]
    out = " ".join(words)
    if rng.random() < 0.3:
        out = out.translate(ASCII)
    if rng.random() < 0.5 and len(out) > 10:
        k = rng.randrange(len(out) - 1)
        out = out[:k] + out[k + 1] + out[k] + out[k + 2:]
    return out


def resample(examples: list[Example], n: int, seed: int = 5) -> list[Example]:
    rng = random.Random(seed)
    return [Example(perturb(e.text, rng), e.labels) for e in (rng.choice(examples) for _ in range(n))]


def latency_ms(model, texts: list[str], repeat: int = 3) -> tuple[float, float]:
    for text in texts[:20]:
        model.predict(text)  # warm up
    times = []
    for _ in range(repeat):
        for text in texts:
            started = time.perf_counter()
            model.predict(text)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def run(n_train: int) -> dict:
    corpus = load_corpus()
    train, test = holdout_split(corpus, seed=42)
    started = time.perf_counter()
    model = fit_model([e.text for e in train], [e.labels for e in train])
    corpus_seconds = time.perf_counter() - started
    report = evaluate_model(model, test)
    median, p95 = latency_ms(model, [e.text for e in test])
    big = resample(corpus, n_train)
    started = time.perf_counter()
    big_model = fit_model([e.text for e in big], [e.labels for e in big])
    big_seconds = time.perf_counter() - started
    big_median, big_p95 = latency_ms(big_model, [e.text for e in test], repeat=1)
    with tempfile.TemporaryDirectory() as tmp:
        store = ModelStore(Path(tmp))
        version = store.save(big_model, {})
        size_mb = store.meta(version)["model_size"] / 1e6
        started = time.perf_counter()
        store.load(version)
        load_seconds = time.perf_counter() - started
    return {
        "corpus_examples": len(corpus), "held_out": len(test), "labels": len(model.labels),
        "macro_f1": report["macro_f1"], "primary_accuracy": report["primary_accuracy"],
        "triage_rate": report["triage_rate"], "accuracy_when_routed": report["accuracy_when_routed"],
        "train_seconds_corpus": round(corpus_seconds, 2),
        "train_examples": n_train, "train_seconds": round(big_seconds, 1),
        "predict_ms_median": round(median, 2), "predict_ms_p95": round(p95, 2),
        "predict_ms_median_big_model": round(big_median, 2), "predict_ms_p95_big_model": round(big_p95, 2),
        "model_mb_big": round(size_mb, 1), "load_seconds_big": round(load_seconds, 2),
        "per_task_f1": {k: v["f1"] for k, v in report["per_task"].items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n-train", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = run(args.n_train)
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        print(f"{key:30} {value}")


if __name__ == "__main__":
    main()
