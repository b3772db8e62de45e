"""Star meetings (stjernemøder): one meeting with every office a case needs, the contact person and the business.

``propose_star_meeting`` picks the participants and a slot, stores a
``Meeting``, queues one invitation per participant through the outbox and
records a ``CaseEvent``, all in the caller's session (the caller commits, so
the meeting and its mails are written together). ``move_meeting`` and
``cancel_meeting`` change the open meeting the iTIP way (RFC 5546): same
``UID``, ``SEQUENCE`` one higher, a ``REQUEST`` with the new time or a
``CANCEL``, mailed to every participant. ``record_outcome`` marks the meeting
held with its decisions and open questions.

``SEQUENCE`` is not stored on the row: it is the number of ``meeting_moved``
and ``meeting_cancelled`` events of that meeting (each event ends with
``uid <UID>``). Case events are append-only, so the count only grows, which is
all iTIP asks of it; and no schema change is needed.

The slot: the first one free from ``notice_working_days`` working days after today
(never later than ``within_working_days`` while one is free), from ``start``
Copenhagen time, one meeting's length after another until ``LAST_START``. Free
means that none of the people invited (the contact person, the business) is in
another proposed meeting then: an office is a team, whose functional address
may sit in several meetings at once. Settings may override
the defaults with ``meeting_within_working_days``, ``meeting_notice_working_days``,
``meeting_start`` ("HH:MM"), ``meeting_minutes`` and ``meeting_location``.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from sqlmodel import Session, col, func, select

from intake.cases.desk import MAX_TEXT
from intake.cases.statuses import OPEN_STATUSES
from intake.errors import RequestRefused
from intake.letters.case_letters import case_greeting, reply_address
from intake.letters.envelope import msg_id
from intake.letters.invitation import Invitation, Participant, invitation_mail
from intake.letters.outbox import queue_mail
from intake.letters.wording import language
from intake.privacy import redact_cpr
from models import Case, CaseEvent, CasePart, Meeting, as_utc, utcnow
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue
from routing.errors import RoutingError
from routing.goals import LOCAL_TZ, local_date

log = logging.getLogger(__name__)


class MeetingError(RequestRefused):
    """Base class of the star-meeting errors: what was asked of a meeting cannot be done."""


class InvalidSlot(MeetingError):
    """Raised when a requested meeting time is in the past or not on a working day."""


class NoOpenMeeting(MeetingError):
    """Raised when an outcome, a move or a cancellation is asked for a case that has no proposed meeting."""


class MeetingCancelled(NoOpenMeeting):
    """Raised when the case's star meeting is cancelled, so it can no longer be held, moved or cancelled."""


@dataclass(frozen=True)
class MeetingPolicy:
    """When and where star meetings are held."""

    within_working_days: int
    notice_working_days: int
    start: time
    duration: timedelta
    location: str

    @classmethod
    def from_settings(cls, settings) -> MeetingPolicy:
        return cls(within_working_days=settings.meeting_within_working_days,
                   notice_working_days=settings.meeting_notice_working_days,
                   start=time.fromisoformat(settings.meeting_start),
                   duration=timedelta(minutes=settings.meeting_minutes),
                   location=settings.meeting_location)


# -- who is invited --------------------------------------------------------------
def _json_list(raw) -> list:
    if isinstance(raw, list):
        return raw
    try:
        value = json.loads(raw or "[]")
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []


def offices_involved(case: Case, catalogue: Catalogue) -> list[str]:
    """The case's offices (``Case.offices``, else the offices of its task types), its own office first."""
    ids = [str(o) for o in _json_list(getattr(case, "offices", None))]
    if not ids:
        for task in _json_list(case.task_types):
            try:
                ids.append(catalogue.office_for(task).id)
            except RoutingError:
                log.warning("unknown task type ignored for the star meeting",
                            extra={"reference": case.reference, "task_type": task})
    ordered = [case.office, *ids]
    return [o for i, o in enumerate(ordered) if o in catalogue.offices and o not in ordered[:i]]


def needs_star_meeting(case: Case, catalogue: Catalogue, parts: Sequence[CasePart] = ()) -> bool:
    """An application needs a star meeting when it involves two or more offices, or a task marked complex."""
    complex_task = any(p.task_type in catalogue.tasks and catalogue.task(p.task_type).complex for p in parts)
    return len(offices_involved(case, catalogue)) > 1 or complex_task


def contact_person(case: Case, catalogue: Catalogue) -> Participant:
    """The case's contact person, or the triage office's functional address when none is assigned."""
    name, email = getattr(case, "contact_person", None), getattr(case, "contact_email", None)
    if name and email:
        return Participant(name=name, email=email, role="contact_person")
    triage = catalogue.office(catalogue.triage_office)
    return Participant(name=name or triage.name_da, email=triage.address, role="contact_person")


def business(case: Case) -> Participant:
    """The business as invited: the address we write to, with the name that goes with that address."""
    return Participant(name=case_greeting(case, case.language), email=reply_address(case), role="business")


def participants_for(case: Case, catalogue: Catalogue) -> list[Participant]:
    """Contact person, one caseworker per office (the functional address) and the business, once each."""
    people = [contact_person(case, catalogue)]
    for office_id in offices_involved(case, catalogue):
        office = catalogue.office(office_id)
        people.append(Participant(name=office.name_da, email=office.address, role="caseworker"))
    if reply_address(case):
        people.append(business(case))
    seen: set[str] = set()
    return [p for p in people if not (p.email.lower() in seen or seen.add(p.email.lower()))]


# -- when ------------------------------------------------------------------------
def propose_slot(now: datetime, calendar: WorkingCalendar, policy: MeetingPolicy) -> datetime:
    """The default slot: ``notice_working_days`` working days from today, at ``policy.start`` local time."""
    days = max(1, min(policy.notice_working_days, policy.within_working_days))
    day = calendar.add_working_days(local_date(now), days)
    return datetime.combine(day, policy.start, LOCAL_TZ)


LAST_START = time(14, 0)     # the latest a star meeting starts, Copenhagen time
SEARCH_WORKING_DAYS = 20     # how far past the goal a free slot is looked for before two meetings share one


def free_slot(session: Session, people: Sequence[Participant], now: datetime, calendar: WorkingCalendar,
              policy: MeetingPolicy) -> datetime:
    """The first slot from the default one in which none of ``people`` but the offices is in a proposed meeting;
    the default slot when none is free within ``SEARCH_WORKING_DAYS`` past the goal (logged)."""
    first = propose_slot(now, calendar, policy)
    persons = {p.email.lower() for p in people if p.role != "caseworker"}
    step = max(policy.duration, timedelta(minutes=15))
    day, horizon = first.date(), max(policy.within_working_days, 1) + SEARCH_WORKING_DAYS
    busy, last = _busy(session, persons, first), max(LAST_START, policy.start)
    for _ in range(horizon):
        at = datetime.combine(day, policy.start, LOCAL_TZ)
        while at.time() <= last and at.date() == day:
            if at > now and not any(s < at + policy.duration and at < e for s, e in busy):
                return at
            at += step
        day = calendar.add_working_days(day, 1)
    log.warning("no free star-meeting slot for its participants: the default slot is shared",
                extra={"slot": f"{first:%Y-%m-%d %H:%M}"})
    return first


def _busy(session: Session, persons: set[str], since: datetime) -> list[tuple[datetime, datetime]]:
    """When ``persons`` are in proposed meetings from ``since`` on."""
    rows = session.exec(select(Meeting.starts_at, Meeting.ends_at, Meeting.participants)
                        .where(Meeting.status == "proposed").where(col(Meeting.ends_at) > since.astimezone(UTC)))
    return [(as_utc(start), as_utc(end)) for start, end, raw in rows
            if persons & {str(p.get("email", "")).lower() for p in _json_list(raw) if isinstance(p, dict)
                          and p.get("role") != "caseworker"}]


OFFICE_HOURS = (time(8, 0), time(16, 0))   # when a star meeting given by hand may start, Copenhagen time


def check_slot(at: datetime, now: datetime, calendar: WorkingCalendar) -> datetime:
    """``at`` as an aware time (naive = Copenhagen), if it is in the future, on a working day and within office
    hours (the desk accepted 03:00, and the business and three offices were invited to it at once)."""
    at = at.replace(tzinfo=LOCAL_TZ) if at.tzinfo is None else at
    if at <= now:
        raise InvalidSlot(f"{at:%Y-%m-%d %H:%M} is in the past")
    local = at.astimezone(LOCAL_TZ)
    if not calendar.is_working_day(local.date()):
        raise InvalidSlot(f"{local:%Y-%m-%d} is not a working day")
    first, last = OFFICE_HOURS
    if not first <= local.time() <= last:
        raise InvalidSlot(f"{local:%H:%M} is outside office hours: a star meeting starts from {first:%H:%M} to "
                          f"{last:%H:%M} Copenhagen time")
    return at


# -- the database side ---------------------------------------------------------------
def meetings_of(session: Session, case: Case) -> list[Meeting]:
    return list(session.exec(select(Meeting).where(Meeting.case_id == case.id).order_by(Meeting.id)))


def _topic(case: Case, catalogue: Catalogue, lang: str) -> str:
    names = []
    for task in _json_list(case.task_types) or [case.task_type]:
        try:
            names.append(getattr(catalogue.task(task), f"name_{lang}"))
        except RoutingError:
            names.append(str(task))
    return ", ".join(names)


def _domain(settings) -> str:
    return settings.from_address.rpartition("@")[2] or "localhost"


def invitation_of(meeting: Meeting, case: Case, catalogue: Catalogue) -> Invitation:
    people = tuple(Participant.from_dict(p) for p in _json_list(meeting.participants))
    organizer = next((p for p in people if p.role == "contact_person"), contact_person(case, catalogue))
    return Invitation(uid=meeting.uid, reference=case.reference, starts_at=as_utc(meeting.starts_at),
                      ends_at=as_utc(meeting.ends_at), location=meeting.location, organizer=organizer,
                      participants=people, topic_da=_topic(case, catalogue, "da"),
                      topic_en=_topic(case, catalogue, "en"))


def _queue_invitations(session: Session, inv: Invitation, case: Case, settings, tag: str) -> int:
    """One mail per participant (the business in its language); Message-IDs ``<tag.REF.n.TOKEN@domain>``."""
    business_lang = language(case.language)
    for n, person in enumerate(inv.participants, start=1):
        lang = business_lang if person.role == "business" else "da"
        mid = msg_id(settings, tag, case.reference, n)
        msg = invitation_mail(inv, person, lang, settings=settings, message_id=mid)
        queue_mail(session, purpose="meeting", msg=msg, case_id=case.id, inbound_id=None)
    return len(inv.participants)


# A closed case's meeting was cancelled when it closed: none is proposed or moved again (the business would be
# invited to talk about a case that is over); a reopened case may have one.
MEETING_STATUSES = (*OPEN_STATUSES, "decided")


def _refuse_when_closed(case: Case) -> None:
    if case.status not in MEETING_STATUSES or case.purged_at is not None:
        raise MeetingError(f"case {case.reference} is closed: no star meeting is arranged on it; reopen it first")


def propose_star_meeting(session: Session, case: Case, catalogue: Catalogue, calendar: WorkingCalendar,
                         settings, at: datetime | None = None, *, actor: str = "intake",
                         now: datetime | None = None) -> Meeting:
    """Store a proposed star meeting for ``case`` and queue its invitations; the caller commits.

    Refused while the case has a meeting proposed (a second proposal would invite everyone twice, to two meetings):
    that one is moved or cancelled, or its outcome recorded, first."""
    _refuse_when_closed(case)
    now = now or utcnow()
    pending = [m for m in meetings_of(session, case) if m.status == "proposed"]
    if pending:
        when = as_utc(pending[-1].starts_at).astimezone(LOCAL_TZ)
        raise MeetingError(f"case {case.reference} already has a star meeting proposed for {when:%Y-%m-%d %H:%M} "
                           "Copenhagen time: move it, cancel it or record its outcome")
    policy = MeetingPolicy.from_settings(settings)
    people = participants_for(case, catalogue)
    starts = check_slot(at, now, calendar) if at is not None else free_slot(session, people, now, calendar, policy)
    seq = session.exec(select(func.count()).select_from(Meeting).where(Meeting.case_id == case.id)).one() + 1
    meeting = Meeting(case_id=case.id, uid=f"stjernemoede.{case.reference}.{seq}@{_domain(settings)}",
                      starts_at=starts.astimezone(UTC),
                      ends_at=(starts + policy.duration).astimezone(UTC), location=policy.location,
                      participants=json.dumps([p.as_dict() for p in people], ensure_ascii=False),
                      status="proposed")
    session.add(meeting)
    session.flush()
    sent = _queue_invitations(session, invitation_of(meeting, case, catalogue), case, settings, f"meeting{seq}")
    local = starts.astimezone(LOCAL_TZ)
    session.add(CaseEvent(case_id=case.id, actor=actor, action="meeting_proposed",
                          detail=f"star meeting {local:%Y-%m-%d %H:%M} Copenhagen time, "
                                 f"{len(people)} participants, uid {meeting.uid}"))
    log.info("star meeting proposed", extra={"reference": case.reference, "meeting_id": meeting.id,
                                             "at": f"{local:%Y-%m-%d %H:%M}", "queued": sent})
    return meeting


def open_meeting(session: Session, case: Case) -> Meeting:
    """The case's latest proposed meeting; ``MeetingCancelled`` when its last meeting was cancelled."""
    meetings = meetings_of(session, case)
    proposed = [m for m in meetings if m.status == "proposed"]
    if proposed:
        return proposed[-1]
    if meetings and meetings[-1].status == "cancelled":
        when = as_utc(meetings[-1].starts_at).astimezone(LOCAL_TZ)
        raise MeetingCancelled(f"the star meeting of case {case.reference} ({when:%Y-%m-%d %H:%M}) is cancelled; "
                               "propose a new one with --propose")
    raise NoOpenMeeting(f"case {case.reference} has no proposed star meeting")


def _uid_tag(meeting: Meeting) -> str:
    return f"uid {meeting.uid}"


def sequence_of(session: Session, meeting: Meeting) -> int:
    """The meeting's iCalendar ``SEQUENCE``: 0 when proposed, one more for each move or cancellation."""
    details = session.exec(select(CaseEvent.detail).where(CaseEvent.case_id == meeting.case_id)
                           .where(col(CaseEvent.action).in_(("meeting_moved", "meeting_cancelled"))))
    return sum(1 for detail in details if detail.endswith(_uid_tag(meeting)))


def move_meeting(session: Session, case: Case, catalogue: Catalogue, calendar: WorkingCalendar, settings,
                 at: datetime, *, actor: str = "caseworker", now: datetime | None = None) -> Meeting:
    """Move the open meeting to ``at`` (naive = Copenhagen) and mail every participant the update; caller commits."""
    _refuse_when_closed(case)
    meeting = open_meeting(session, case)
    starts = check_slot(at, now or utcnow(), calendar)
    before, ends = as_utc(meeting.starts_at), as_utc(meeting.ends_at)
    if starts == before:
        raise InvalidSlot(f"the star meeting is already at {starts.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M}")
    sequence = sequence_of(session, meeting) + 1
    meeting.starts_at = starts.astimezone(UTC)
    meeting.ends_at = (starts + (ends - before)).astimezone(UTC)
    session.add(meeting)
    inv = replace(invitation_of(meeting, case, catalogue), sequence=sequence, moved_from=before)
    sent = _queue_invitations(session, inv, case, settings, f"meeting{meeting.id}.moved{sequence}")
    old, new = before.astimezone(LOCAL_TZ), starts.astimezone(LOCAL_TZ)
    session.add(CaseEvent(case_id=case.id, actor=actor, action="meeting_moved",
                          detail=f"star meeting moved from {old:%Y-%m-%d %H:%M} to {new:%Y-%m-%d %H:%M} "
                                 f"Copenhagen time, sequence {sequence}, {_uid_tag(meeting)}"))
    log.info("star meeting moved", extra={"reference": case.reference, "meeting_id": meeting.id,
                                          "at": f"{new:%Y-%m-%d %H:%M}", "queued": sent})
    return meeting


def cancel_meeting(session: Session, case: Case, catalogue: Catalogue, settings, reason: str = "", *,
                   actor: str = "caseworker") -> Meeting:
    """Cancel the open meeting and mail every participant an iTIP ``CANCEL``; the caller commits."""
    _within_a_letter(reason, "the reason for cancelling")
    meeting = open_meeting(session, case)
    sequence = sequence_of(session, meeting) + 1
    meeting.status = "cancelled"
    session.add(meeting)
    inv = replace(invitation_of(meeting, case, catalogue), sequence=sequence, cancelled=True, reason=reason)
    sent = _queue_invitations(session, inv, case, settings, f"meeting{meeting.id}.cancel{sequence}")
    when = as_utc(meeting.starts_at).astimezone(LOCAL_TZ)
    because = f" Reason: {reason}." if reason else ""
    session.add(CaseEvent(case_id=case.id, actor=actor, action="meeting_cancelled",
                          detail=f"star meeting {when:%Y-%m-%d %H:%M} Copenhagen time cancelled.{because} "
                                 f"Sequence {sequence}, {_uid_tag(meeting)}"))
    log.info("star meeting cancelled", extra={"reference": case.reference, "meeting_id": meeting.id,
                                              "queued": sent})
    return meeting


def cancel_coming_meeting(session: Session, case: Case, catalogue: Catalogue, settings, reason: str, *,
                          actor: str, now: datetime | None = None) -> Meeting | None:
    """Cancel the case's proposed meeting when it is still to come (closing a case left the invitations standing
    with the business, the offices and the contact person); None when there is none to cancel."""
    proposed = [m for m in meetings_of(session, case) if m.status == "proposed"]
    if not proposed or as_utc(proposed[-1].starts_at) <= (now or utcnow()):
        return None
    return cancel_meeting(session, case, catalogue, settings, reason, actor=actor)


def _within_a_letter(text: str, what: str) -> None:
    """A text the participants are mailed is at most ``desk.MAX_TEXT`` characters, as every caseworker's text."""
    if len(text or "") > MAX_TEXT:
        raise MeetingError(f"{what} is {len(text):,} characters; at most {MAX_TEXT:,} go in a letter")


def record_outcome(session: Session, case: Case, outcome: str, open_questions: str = "", *,
                   actor: str = "caseworker", now: datetime | None = None) -> Meeting:
    """Mark the case's latest proposed meeting held, with its outcome and open questions (once it has begun: a
    meeting still to come cannot have been held)."""
    _within_a_letter(outcome, "the outcome")
    _within_a_letter(open_questions, "the open questions")
    meeting = open_meeting(session, case)
    if as_utc(meeting.starts_at) > (now or utcnow()):
        when = as_utc(meeting.starts_at).astimezone(LOCAL_TZ)
        raise MeetingError(f"the star meeting is on {when:%Y-%m-%d %H:%M} Copenhagen time: record its outcome once "
                           "it has been held, or move it to when it was held")
    meeting.status, meeting.outcome, meeting.open_questions = "held", outcome, open_questions
    session.add(meeting)
    detail = f"star meeting {meeting.uid} held. Outcome: {outcome}"
    if open_questions:
        detail += f" Open questions: {open_questions}"
    session.add(CaseEvent(case_id=case.id, actor=actor, action="meeting_held", detail=redact_cpr(detail)))
    log.info("star meeting recorded as held", extra={"reference": case.reference, "meeting_id": meeting.id})
    return meeting
