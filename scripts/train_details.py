"""Fit the learned second opinions of the details reader (``intake/details/learned.py``) on labelled applications.

    python scripts/train_details.py [tests/data/details_dev.jsonl] [OUT_DIR]

Writes ``contacts.json`` into the package (or OUT_DIR). Run it after the development set
changes; ``tests/intake/details/test_learned.py`` fails while the shipped weights are stale.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intake.details.training import main  # noqa: E402

if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parents[1] / "tests" / "data" / "details_dev.jsonl")])
