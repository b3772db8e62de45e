"""What the letters about a new case are told: plain values, no types of the pipeline.

The letters sit above the pipeline in the layers but take none of its types
(``AttachmentResult``, ``Field``, ``MessageState``): a caller turns what it
found into these, so a letter can be rendered from a stored case as well as
from a message just read, and a test needs no pipeline to render one.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from routing.catalogue import Catalogue, ContactPerson, ServiceGoal


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
class PartFacts:
    """One part of a case as letters describe it: the task, its office, goal, due date and where it stands."""

    task_type: str
    office: str
    goal: ServiceGoal
    due: date
    needs_triage: bool = False
    status: str = "routed"
    decision: str | None = None
    waiting_for: str = ""  # the question the part waits for, while its clock is paused
    # the completeness checklist: {"have": {item: where}, "missing": [...], "required_missing": [...]}; {} for none
    checklist: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, part: object, waiting_for: str = "") -> PartFacts:
        """From a stored ``CasePart`` (or anything with its fields)."""
        get = part.__getattribute__
        return cls(task_type=get("task_type"), office=get("office"),
                   goal=ServiceGoal(get("goal_value"), get("goal_unit")), due=get("due_date"),
                   needs_triage=bool(get("needs_triage")), status=get("status"), decision=get("decision"),
                   waiting_for=waiting_for, checklist=json.loads(getattr(part, "checklist_json", "") or "{}"))

    @property
    def have(self) -> Mapping[str, str]:
        """The checklist items the application has, each with where it was found."""
        have = self.checklist.get("have", {})
        return {str(k): str(v) for k, v in have.items()} if isinstance(have, Mapping) else {}

    def items(self, key: str) -> tuple[str, ...]:
        """The checklist items under ``key``: "missing" or "required_missing"."""
        value = self.checklist.get(key, [])
        return tuple(str(v) for v in value) if isinstance(value, list) else ()


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
    parts: tuple[PartFacts, ...] = ()  # one per task type, the primary first (empty: the first task type alone)
    reply_to: str = ""  # whom the business's letters go to: the applicant, or its agent (Reply-To)
    greeting: str = ""  # the name that goes with reply_to ('' when none is known)
    applicant_email: str = ""  # the business's own address
    applicant_text: str = ""  # what the business wrote (for the office to read inline)
    forwarded_by: str = ""  # the colleague inside the municipality who forwarded the application
    earlier_case: str = ""  # a renewal: the earlier case and its decision, as the office reads it
    quoted_cases: tuple[str, ...] = ()  # other cases the mail quotes without being from one of their addresses
    unproven: str = ""  # why the From may be forged (no acknowledgement was sent), "" when it is not in doubt
    cpr_elsewhere: bool = False  # a CPR number in the subject or an attachment's name (left out like the others)


def parts_of(facts: CaseFacts, catalogue: Catalogue) -> tuple[PartFacts, ...]:
    """The case's parts; facts without them are one part of the first task type."""
    if facts.parts:
        return facts.parts
    task = facts.task_types[0]
    return (PartFacts(task, facts.office, catalogue.task(task).goal, facts.due, facts.needs_triage),)
