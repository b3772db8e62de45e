"""The mailbox seam: what the pipeline driver needs from a mail source.

A mailbox hands out the messages that are waiting, oldest first, and is told
afterwards what became of each one: ``mark_processed`` once its case (or its
deliberate skip) is committed, ``quarantine`` when it could not be processed,
``release_quarantined`` when an operator's replay processed it after all.
Nothing is moved before the database commit, so a crash at any point leaves
the message where it was and the next run sees it again.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from intake.errors import OurFault


@dataclass(frozen=True)
class MessageRef:
    """Where a message sits: a source name, the folder's UIDVALIDITY and the UID.

    For Maildir, ``uidvalidity`` is 0 and ``uid`` is the Maildir key.
    """

    source: str
    uidvalidity: int
    uid: str


@dataclass(frozen=True)
class FetchedMessage:
    """The raw bytes of one waiting message and when it arrived in the mailbox (aware, UTC)."""

    ref: MessageRef
    raw: bytes
    received: datetime


# Given the waiting messages (oldest first) and how many are wanted (all: None), the ones to fetch
# (``intake.reservations``: those no other worker has reserved).
Take = Callable[[Sequence["MessageRef"], int | None], list["MessageRef"]]


def take_first(refs: Sequence[MessageRef], want: int | None) -> list[MessageRef]:
    return list(refs if want is None else refs[:want])


class Mailbox(Protocol):
    """A source of incoming mail."""

    # How many messages the last listing of the inbox found (``fetch_pending``; None before the first): the
    # backlog as this process last saw it, for ``/metrics``.
    waiting: int | None

    def fetch_pending(self, limit: int | None = None, take: Take = take_first) -> Iterator[FetchedMessage]:
        """Yield the messages waiting in the inbox folder, oldest first, without marking them seen;
        of those, only the ones ``take`` picks (up to ``limit``)."""

    def mark_processed(self, ref: MessageRef) -> None:
        """Move the message out of the inbox into the Processed folder (idempotent)."""

    def mark_processed_many(self, refs: Sequence[MessageRef]) -> None:
        """``mark_processed`` for several messages (IMAP: with one MOVE)."""

    def quarantine(self, ref: MessageRef, reason: str) -> None:
        """Move the message into the Quarantine folder (idempotent)."""

    def release_quarantined(self, ref: MessageRef, raw: bytes) -> bool:
        """Move the quarantined copy of a message replayed since (``ref``, these bytes) from the Quarantine
        folder into Processed, so that an operator does not meet it again; False when no copy is there."""

    def wait_for_new(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds until new mail may have arrived (IDLE or polling)."""

    def close(self) -> None:
        """Release connections."""


class MailboxError(OurFault):
    """Raised when the mail source failed (our side or the server's), not the sender's; retried later."""


class MailboxUnavailable(MailboxError):
    """Raised when the server cannot be reached or the connection dropped; retry with backoff."""
