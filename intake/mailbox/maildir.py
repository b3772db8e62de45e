"""A local Maildir as the mail source: the embedded default.

Layout (Maildir++): the root holds the inbox (``new/``, ``cur/``); processed
and quarantined messages move to the ``.Processed`` and ``.Quarantine``
sub-folders. The receipt time is the file's modification time, which is when
the message was delivered into the Maildir.
"""
from __future__ import annotations

import logging
import mailbox
import os
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from intake.mailbox.base import FetchedMessage, MessageRef, Take, take_first

log = logging.getLogger(__name__)


def open_maildir(path: Path) -> mailbox.Maildir:
    """The Maildir at ``path``, with its ``new``, ``cur`` and ``tmp`` folders created when missing."""
    for sub in ("new", "cur", "tmp"):
        (Path(path) / sub).mkdir(parents=True, exist_ok=True)
    return mailbox.Maildir(path, create=False)


class MaildirMailbox:
    """A Maildir inbox with Processed and Quarantine sub-folders."""

    def __init__(self, path: Path, *, processed: str = "Processed", quarantine: str = "Quarantine",
                 poll_interval: float = 1.0) -> None:
        self.path = Path(path)
        self.source = f"maildir:{self.path.resolve()}"
        self._box = open_maildir(self.path)
        self._folders = {name: self._folder(name) for name in (processed, quarantine)}
        self._processed, self._quarantine = processed, quarantine
        self._poll = poll_interval
        self._listed: set[str] = set()
        self._paths: dict[str, Path] = {}  # where the last fetch found each key: a move need not list the folder
        self.waiting: int | None = None     # messages the last fetch found in the inbox

    def _folder(self, name: str) -> Path:
        root = self.path / f".{name}"
        open_maildir(root).close()
        return root

    def _pending(self) -> list[tuple[float, str, Path]]:
        entries = []
        for sub in ("new", "cur"):
            for entry in os.scandir(self.path / sub):
                if entry.is_file() and not entry.name.startswith("."):
                    key = entry.name.split(":", 1)[0]
                    try:
                        entries.append((entry.stat().st_mtime, key, Path(entry.path)))
                    except FileNotFoundError:  # another worker moved it meanwhile
                        continue
        return sorted(entries)

    def fetch_pending(self, limit: int | None = None, take: Take = take_first) -> Iterator[FetchedMessage]:
        pending = self._pending()
        self.waiting = len(pending)
        self._listed = {key for _, key, _ in pending}
        self._paths = {key: path for _, key, path in pending}
        picked = {ref.uid for ref in take([MessageRef(self.source, 0, key) for _, key, _ in pending], limit)}
        for mtime, key, path in (entry for entry in pending if entry[1] in picked):
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                continue
            received = datetime.fromtimestamp(mtime, tz=UTC)
            yield FetchedMessage(MessageRef(self.source, 0, key), raw, received)

    def _move(self, ref: MessageRef, folder: str) -> None:
        known = self._paths.pop(ref.uid, None)
        if known is not None:
            try:
                os.replace(known, self._folders[folder] / "cur" / (ref.uid + ":2,"))
                log.debug("message moved", extra={"uid": ref.uid, "folder": folder})
                return
            except FileNotFoundError:  # moved by another worker, or renamed (new/ -> cur/): look for it
                pass
        for sub in ("new", "cur"):
            for entry in os.scandir(self.path / sub):
                if entry.name.split(":", 1)[0] == ref.uid:
                    target = self._folders[folder] / "cur" / (ref.uid + ":2,")
                    try:
                        os.replace(entry.path, target)
                    except FileNotFoundError:  # another worker moved it first
                        return
                    log.debug("message moved", extra={"uid": ref.uid, "folder": folder})
                    return

    def mark_processed(self, ref: MessageRef) -> None:
        self._move(ref, self._processed)

    def mark_processed_many(self, refs: Sequence[MessageRef]) -> None:
        for ref in refs:
            self._move(ref, self._processed)

    def quarantine(self, ref: MessageRef, reason: str) -> None:
        self._move(ref, self._quarantine)

    def release_quarantined(self, ref: MessageRef, raw: bytes) -> bool:
        """Move the replayed message's copy (its Maildir key) from the Quarantine folder into Processed."""
        if ref.source != self.source:
            return False
        root = self._folders[self._quarantine]
        for sub in ("new", "cur"):
            for entry in os.scandir(root / sub):
                if entry.name.split(":", 1)[0] == ref.uid:
                    try:
                        os.replace(entry.path, self._folders[self._processed] / "cur" / (ref.uid + ":2,"))
                    except FileNotFoundError:  # another replay moved it first
                        return False
                    log.debug("replayed message moved", extra={"uid": ref.uid, "folder": self._processed})
                    return True
        return False

    def _arrived(self) -> bool:
        """A message not listed by the last fetch (those left, e.g. held by another worker, are not new)."""
        return any(key not in self._listed for _, key, _ in self._pending())

    def wait_for_new(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._arrived():
                return True
            time.sleep(min(self._poll, max(0.0, deadline - time.monotonic())))
        return self._arrived()

    def close(self) -> None:
        self._box.close()

    def deliver(self, raw: bytes) -> str:
        """Put a message into the inbox (used for the bundled samples and tests)."""
        return self._box.add(raw)

    def folder_keys(self, folder: str) -> list[str]:
        root = self._folders[folder]
        return sorted(p.name.split(":", 1)[0] for sub in ("new", "cur") for p in (root / sub).iterdir())
