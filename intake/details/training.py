"""Training of the details reader's learned second opinions (``learned``) from labelled applications.

    python scripts/train_details.py [tests/data/details_dev.jsonl] [OUT_DIR]

Kept apart from the modules that serve, so that reading a mail never imports what trains.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

from intake.details import contacts
from intake.details.extract import body_as_read
from intake.details.learned import train
from intake.details.sites import signature_start


def contact_examples(items: Iterable[Mapping[str, Any]]) -> list[tuple[dict[str, float], str]]:
    """(features, contact or other) for each name in the body of labelled applications (``tests/data`` format)."""
    out = []
    for item in items:
        truth = item["truth"].get("contact_name")
        if item.get("where") not in ("body", "mixed") or not isinstance(truth, str):
            continue
        sender = item.get("from", {})
        text = body_as_read(str(item["body"]), sender.get("address", ""), sender.get("name", ""),
                            str(item.get("subject", "")))
        cands = contacts.candidates(text)
        signature = signature_start(text)
        out += [(contacts.features(text, cands, k, sender.get("name", ""), sender.get("address", ""), signature),
                 "contact" if contacts.same_name(c[2], truth) else "other") for k, c in enumerate(cands)]
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """``scripts/train_details.py [TRAINING.jsonl] [DIR]``: fit the models on labelled applications."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("training", type=Path)
    parser.add_argument("out", type=Path, nargs="?", default=Path(str(resources.files("intake.details"))))
    args = parser.parse_args(argv)
    with args.training.open(encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    for name, labels, examples in ((contacts.MODEL, contacts.LABELS, contact_examples),):
        found = examples(items)
        model = train(found, labels)
        path = args.out / f"{name}.json"
        path.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
        print(f"{name}: {len(found)} examples, {len(model.weights)} features -> {path}")


if __name__ == "__main__":
    main()
