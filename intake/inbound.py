"""The bytes of a received message: kept once, in their own row (``models.InboundRaw``).

Every reader goes through ``raw_of``, which also finds the bytes of messages
recorded before they moved out of ``InboundMessage.raw`` (migration 0008).
"""
from __future__ import annotations

from sqlmodel import Session

from models import InboundMessage, InboundRaw


def raw_of(session: Session, rec: InboundMessage) -> bytes:
    """The message as it came (empty once erased)."""
    kept = session.get(InboundRaw, rec.id) if rec.id is not None else None
    return kept.raw if kept is not None else rec.raw


def keep_raw(session: Session, rec: InboundMessage, raw: bytes) -> None:
    """Store ``raw`` for the recorded message ``rec`` (in the caller's transaction)."""
    assert rec.id is not None, "the message row is flushed first"
    session.add(InboundRaw(inbound_id=rec.id, raw=raw))


def drop_raw(session: Session, rec: InboundMessage) -> None:
    """Erase the message's bytes (personal data): both where new and where old rows keep them."""
    rec.raw = b""
    kept = session.get(InboundRaw, rec.id) if rec.id is not None else None
    if kept is not None:
        session.delete(kept)
