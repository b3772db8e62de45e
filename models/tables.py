"""The database tables (SQLModel). Tables only: no behaviour, no imports from other packages.

Times are aware datetimes in UTC (SQLModel's ``UTCDateTime`` keeps them so on SQLite too).
"""
from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, false, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Now, as an aware datetime in UTC (how every time is stored)."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment as an aware datetime in UTC: a database may hand it back without its zone (SQLite)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class ReferenceCounter(SQLModel, table=True):
    """The last tracking-reference number handed out per year."""

    year: int = Field(primary_key=True)
    last: int = 0


class InboundMessage(SQLModel, table=True):
    """Every message read from the mailbox and what became of it (never deleted)."""

    __table_args__ = (UniqueConstraint("source", "uidvalidity", "uid"),
                      Index("ix_inboundmessage_sha256_status", "sha256", "status"))

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(index=True)
    uidvalidity: int = 0
    uid: str
    sha256: str = Field(index=True)
    message_id: str = ""
    sender: str = ""
    subject: str = ""
    received_at: datetime
    # processing -> done | quarantined
    status: str = Field(default="processing", index=True)
    # case | follow_up | status_query | skipped | duplicate | quarantined
    outcome: str = ""
    kind: str = ""
    reason: str = ""
    attempts: int = 0
    # While ``processing``: the worker that holds the message ("host:pid") and until when. Another
    # worker takes it over only when the lease has run out or the holder is a dead process on its host.
    lease_owner: str = ""
    lease_until: datetime | None = None
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    # Only a refused message's header block (and rows from before migration 0008); the bytes of every other
    # message are in InboundRaw. Emptied by retention and erasure.
    raw: bytes = Field(default=b"", sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Migration 0004: DMARC/DKIM/SPF of the From ("dmarc=pass dkim=pass spf=pass (mx.kk.example)", "unchecked").
    auth: str = Field(default="", sa_column_kwargs={"server_default": ""})


class InboundRaw(SQLModel, table=True):
    """The bytes of a received message, in a row of their own.

    Kept apart from ``InboundMessage`` so that recording what became of a message
    (several updates of that row) never rewrites megabytes: SQLite rewrites a whole
    row on every update, leaving the old copy's pages free, so a large message
    stored in its status row cost twice its size. Rows from before migration 0008
    keep their bytes in ``InboundMessage.raw`` (``intake.inbound.raw_of`` reads both).
    """

    inbound_id: int = Field(primary_key=True, foreign_key="inboundmessage.id")
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class AttachmentRead(SQLModel, table=True):
    """What an extraction worker read from one attachment of a received message (the queue mode).

    The job names the message and the attachment's position; the worker parses the
    stored raw message again, so the message row is the only input and a job enqueued
    twice writes one row. ``applied`` is set once a result that came after the case
    was routed has been added to the case.
    """

    __table_args__ = (UniqueConstraint("inbound_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    inbound_id: int = Field(foreign_key="inboundmessage.id", index=True)
    position: int
    result_json: str = Field(sa_column=Column(Text, nullable=False))
    applied: bool = Field(default=False, sa_column_kwargs={"server_default": false()}, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Case(SQLModel, table=True):
    """A registered application: one reference, one applicant, one contact person; its work is in parts.

    Each task type the application involves is a ``CasePart`` with its own office,
    service goal, clock, status and decision. ``task_type``, ``task_types``,
    ``office``, ``offices`` and ``needs_triage`` here summarise the parts (the
    primary part first) and are kept in step with them by ``intake.cases.parts``;
    ``status``, ``decision``, ``decided_at`` and ``closed_at`` summarise them too.
    """

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True, index=True)
    received_at: datetime = Field(index=True)
    subject: str = ""
    sender: str = Field(default="", index=True)  # the From of the application
    sender_domain: str = ""
    language: str = "da"
    task_type: str = Field(index=True)
    task_types: str = "[]"  # JSON list, primary first
    confidence: float = 0.0
    needs_triage: bool = False
    office: str = Field(index=True)
    model_version: str = ""
    status: str = Field(default="routed", index=True)
    company_name: str | None = None
    cvr: str | None = Field(default=None, index=True)  # the desk searches by CVR (index: migration 0004)
    details_json: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    attachments_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    classifier_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    task_confirmed: bool = False
    message_id: str = ""
    contact_person: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # status: received | routed | in_progress | waiting | decided | closed (the least advanced part's)
    decision: str | None = None  # approved | rejected | forwarded | mixed (parts decided differently)
    decided_at: datetime | None = None
    closed_at: datetime | None = None
    complex: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    offices: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))  # JSON list
    contact_email: str | None = Field(default=None, index=True)
    # Who (migration 0003): the business, whom we write to (itself or its agent), who forwarded it to us.
    applicant_email: str = Field(default="", index=True)
    applicant_name: str = ""
    reply_email: str = Field(default="", index=True)
    reply_name: str = ""  # the name that came with reply_email (greetings pair one name with one address)
    forwarded_by: str | None = None  # a colleague inside the municipality
    linked_case_id: int | None = Field(default=None, foreign_key="case.id")  # the earlier case of a renewal
    # Migration 0004: when the personal details were removed (retention after closure, or erasure).
    purged_at: datetime | None = None


class CaseContact(SQLModel, table=True):
    """An address a caseworker added to a case: it may follow up and ask for status like the applicant."""

    __table_args__ = (UniqueConstraint("case_id", "email"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    email: str = Field(index=True)
    added_by: str = ""
    added_at: datetime = Field(default_factory=utcnow)


class PrivacyAudit(SQLModel, table=True):
    """One export, erasure or retention run: who, when, whose data (as a SHA-256, not the value), what was done."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = ""
    action: str  # export | erase | retention
    subject_kind: str = ""  # email | cvr | "" (retention)
    subject_sha256: str = ""
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))


OPEN_PARTS = "status IN ('received', 'routed', 'in_progress', 'waiting')"  # a part not yet decided


class CasePart(SQLModel, table=True):
    """One task type of a case: the office that decides it, its service goal, clock, status and decision.

    Deciding one part does not decide the others. The due date is recomputed from
    the case's receipt, the goal and the part's finished pauses (``pauses_json``).
    """

    # the desk's queue pages by (due_date, id), within an office or over all (migration 0004); its default, the
    # open parts, on partial indexes of their own (0009; the condition is ``intake.cases.statuses.OPEN_CONDITION``)
    __table_args__ = (UniqueConstraint("case_id", "task_type"), Index("ix_casepart_queue", "due_date", "id"),
                      Index("ix_casepart_office_queue", "office", "due_date", "id"),
                      Index("ix_casepart_open_queue", "due_date", "id", sqlite_where=text(OPEN_PARTS),
                            postgresql_where=text(OPEN_PARTS)),
                      Index("ix_casepart_open_office_queue", "office", "due_date", "id",
                            sqlite_where=text(OPEN_PARTS), postgresql_where=text(OPEN_PARTS)))

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    position: int = 0  # 0 = the primary task type
    task_type: str = Field(index=True)
    office: str = Field(index=True)
    needs_triage: bool = False  # erhvervsservice finds the right office first
    goal_value: int = 0
    goal_unit: str = "weeks"
    due_date: date = Field(index=True)
    expected_week: str = ""
    # received | routed | in_progress | waiting | decided | closed
    status: str = Field(default="routed", index=True)
    decision: str | None = None  # approved | rejected | forwarded
    decided_at: datetime | None = None
    paused_since: datetime | None = None  # set while waiting for the applicant
    paused_seconds: int = 0
    pauses_json: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))
    assigned_to: str | None = None
    # Migration 0010: when the business wrote the first mail the part's office has not seen (a follow-up); None when
    # the office has looked since. Set by ``intake.followups``, cleared by the desk (``intake.cases.unread``).
    unread_since: datetime | None = None
    # the completeness checklist: {"have": {item: where}, "missing": [...], "required_missing": [...]}, {} for none
    checklist_json: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CaseEvent(SQLModel, table=True):
    """One entry in a case's history: who did what, when and why. Append-only."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    part_id: int | None = Field(default=None, foreign_key="casepart.id")  # the part it concerns, if one
    at: datetime = Field(default_factory=utcnow)
    actor: str = "intake"
    action: str
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))


class Correction(SQLModel, table=True):
    """A caseworker's re-routing of a case: training data for the classifier."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    from_task_type: str
    to_task_type: str
    from_office: str = ""
    to_office: str = ""
    at: datetime = Field(default_factory=utcnow)
    actor: str = ""


class OutboxMail(SQLModel, table=True):
    """An outgoing mail, written in the same transaction as the case it belongs to."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    inbound_id: int | None = Field(default=None, foreign_key="inboundmessage.id")
    # acknowledgement | routed | status | notice
    purpose: str = Field(index=True)
    recipient: str = Field(index=True)
    message_id: str = Field(unique=True)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # pending | sending | sent | failed
    status: str = Field(default="pending", index=True)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    last_error: str = ""
    created_at: datetime = Field(default_factory=utcnow, index=True)
    sent_at: datetime | None = None


class Meeting(SQLModel, table=True):
    """A star meeting (stjernemøde) about a case: the offices involved, the contact person, the business."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    uid: str = Field(unique=True)  # the iCalendar UID
    starts_at: datetime
    ends_at: datetime
    location: str = ""
    participants: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON [{name, email, role}]
    # proposed | held | cancelled
    status: str = Field(default="proposed", index=True)
    outcome: str = Field(default="", sa_column=Column(Text, nullable=False))  # decisions
    open_questions: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class StaffUser(SQLModel, table=True):
    """A caseworker, operator or admin of the web desk (migration 0004). Disabled, never deleted."""

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True)  # lower case
    office: str
    role: str  # caseworker | operator | admin
    password_hash: str = ""  # Argon2; empty: only the trusted proxy header can sign this user in
    disabled: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class StaffSession(SQLModel, table=True):
    """A signed-in browser: the SHA-256 of its cookie token (the token itself is never stored)."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, index=True)
    user_id: int = Field(foreign_key="staffuser.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class AuditEntry(SQLModel, table=True):
    """Who viewed or changed which case, from the desk (append-only; ``intake audit CASE`` reads it)."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str
    action: str  # view | download | mail | start | reject | ...
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False))


class ServiceBeat(SQLModel, table=True):
    """The service's last word of each kind (``wait``: the last IDLE or poll; ``error``: the last failure of ours).

    One row per kind, overwritten; the operator's mailbox page reads them (migration 0004).
    """

    kind: str = Field(primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    detail: str = ""


class CaseSearch(SQLModel, table=True):
    """What the desk's free-text search reads of a case: company name, CVR and addresses, in lower case.

    A narrow copy, so that a search scans a few megabytes instead of every case with its texts; the desk
    adds the cases registered since its last search (a case's company and details never change).
    """

    case_id: int = Field(primary_key=True, foreign_key="case.id")
    text: str = ""
