"""What the letters about a new case are told: plain values, no types of the pipeline.

The letters sit above the pipeline in the layers but take none of its types
(``AttachmentResult``, ``Field``, ``MessageState``): a caller turns what it
found into these, so a letter can be rendered from a stored case as well as
from a message just read, and a test needs no pipeline to render one.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from routing.catalogue import ContactPerson


@dataclass(frozen=True)
class AttachmentNote:
    """One attachment as the routed case lists it: what it was and whether we could read it."""

    filename: str
    type: str
    status: str  # "read", or why not ("failed", "encrypted", ...)
    reason: str = ""

    @classmethod
    def from_dict(cls, raw: Mapping[str, object]) -> AttachmentNote:
        """From the form stored in ``Case.attachments_json``."""
        return cls(filename=str(raw.get("filename", "")), type=str(raw.get("type", "")),
                   status=str(raw.get("status", "")), reason=str(raw.get("reason") or ""))


@dataclass(frozen=True)
class CaseFacts:
    """What a mail about a newly registered case needs to say."""

    reference: str
    received: datetime
    language: str
    task_types: tuple[str, ...]
    confidence: float
    office: str
    needs_triage: bool
    due: date
    details: Mapping[str, object]  # detail name -> value (as extracted; no sources)
    unreadable: tuple[tuple[str, str], ...]  # (filename, sentence in the case's language)
    contact: ContactPerson | None = None  # the contact person of a complex case
    external: tuple[str, ...] = ()  # [external.*] topic ids the business is guided to (forvaltningsloven § 7)
