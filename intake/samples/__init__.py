"""Bundled sample applications for the embedded default, and their delivery (``intake samples load``)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from intake.mailbox.maildir import MaildirMailbox


def sample_files() -> list[bytes]:
    folder = resources.files(__name__)
    return [f.read_bytes() for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".eml")]


def load_samples(maildir: Path) -> int:
    """Put every bundled sample into ``maildir``'s inbox; returns how many."""
    box = MaildirMailbox(maildir)
    samples = sample_files()
    for raw in samples:
        box.deliver(raw)
    box.close()
    return len(samples)
