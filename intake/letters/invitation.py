"""The star-meeting invitation: an iCalendar (RFC 5545/5546 iTIP) object and the mail that carries it.

Pure functions: a meeting, its participants and the case in, an ``.ics`` text
or an ``EmailMessage`` out. Every participant gets their own copy of the mail
(the outbox sends one mail per recipient); all copies carry the same ``UID``,
so a calendar sees one event. The business reads its copy in its own
language, the offices and the contact person in Danish.

Three kinds of mail, as iTIP has them: the first ``REQUEST`` (``SEQUENCE`` 0),
a ``REQUEST`` that moves the meeting (same ``UID``, higher ``SEQUENCE``, new
``DTSTART``/``DTEND``), and a ``CANCEL`` (same ``UID``, higher ``SEQUENCE``,
``STATUS:CANCELLED``). A calendar applies an update only when its
``SEQUENCE`` is higher than the one it holds.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

from icalendar import Calendar, Event, vCalAddress, vText

from intake.letters.envelope import Envelope, build_mail, mailbox
from intake.letters.wording import clock, describe_day, describe_received, phrase, render, words
from intake.mail.message import clean_header_value
from routing.goals import LOCAL_TZ

PRODID = "-//Koebenhavns Erhvervsservice//intake stjernemoede//DA"
ICAL_ROLES = {"contact_person": "CHAIR", "caseworker": "REQ-PARTICIPANT", "business": "REQ-PARTICIPANT"}


@dataclass(frozen=True)
class Participant:
    """Someone invited to a star meeting; ``role`` is contact_person, caseworker or business."""

    name: str
    email: str
    role: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "email": self.email, "role": self.role}

    @classmethod
    def from_dict(cls, raw: dict) -> Participant:
        return cls(name=str(raw.get("name", "")), email=str(raw.get("email", "")), role=str(raw.get("role", "")))


@dataclass(frozen=True)
class Invitation:
    """What an invitation says, independent of the database row."""

    uid: str
    reference: str
    starts_at: datetime
    ends_at: datetime
    location: str
    organizer: Participant
    participants: tuple[Participant, ...]
    topic_da: str
    topic_en: str
    sequence: int = 0
    moved_from: datetime | None = None  # the previous start, when this update moves the meeting
    cancelled: bool = False
    reason: str = ""  # why it was cancelled (shown to everyone)

    @property
    def method(self) -> str:
        """The iTIP method: ``CANCEL`` for a cancellation, else ``REQUEST``."""
        return "CANCEL" if self.cancelled else "REQUEST"

    @property
    def kind(self) -> str:
        """``new``, ``moved`` or ``cancelled``: which mail this is."""
        return "cancelled" if self.cancelled else ("moved" if self.moved_from is not None else "new")


def _address(person: Participant) -> vCalAddress:
    addr = vCalAddress(f"mailto:{person.email}")
    if person.name:
        addr.params["CN"] = vText(clean_header_value(person.name, max_len=80))
    return addr


def _attendee(person: Participant) -> vCalAddress:
    addr = _address(person)
    addr.params["ROLE"] = vText(ICAL_ROLES.get(person.role, "REQ-PARTICIPANT"))
    addr.params["PARTSTAT"] = vText("NEEDS-ACTION")
    addr.params["RSVP"] = vText("TRUE")
    addr.params["CUTYPE"] = vText("INDIVIDUAL")
    return addr


def summary(inv: Invitation, lang: str) -> str:
    """The calendar title: the same for every version of the event."""
    return f"[{inv.reference}] {phrase(lang, 'meeting.title')}: {_topic(inv, lang)}"


def subject(inv: Invitation, lang: str) -> str:
    """The mail subject: says whether the meeting is new, moved or cancelled."""
    return f"[{inv.reference}] {phrase(lang, f'subjects.meeting_{inv.kind}')}: {_topic(inv, lang)}"


def _topic(inv: Invitation, lang: str) -> str:
    return inv.topic_da if lang == "da" else inv.topic_en


def _people(inv: Invitation, lang: str) -> str:
    roles = words(lang, "roles")
    return "\n".join(f"- {p.name} ({roles.get(p.role, p.role)})" for p in inv.participants)


def description(inv: Invitation, lang: str) -> str:
    return render(f"meeting_description.{lang}.txt", {"reference": inv.reference, "people": _people(inv, lang)})


def ics_text(inv: Invitation, lang: str, now: datetime | None = None) -> str:
    """The invitation as an iCalendar ``REQUEST`` or ``CANCEL`` with one ``VEVENT`` (times in Europe/Copenhagen)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", inv.method)
    event = Event()
    event.add("uid", inv.uid)
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", inv.starts_at.astimezone(LOCAL_TZ))
    event.add("dtend", inv.ends_at.astimezone(LOCAL_TZ))
    event.add("sequence", inv.sequence)
    event.add("status", "CANCELLED" if inv.cancelled else "CONFIRMED")
    if inv.cancelled and inv.reason:
        event.add("comment", inv.reason)
    event.add("summary", summary(inv, lang))
    event.add("description", description(inv, lang))
    event.add("location", inv.location)
    event.add("organizer", _address(inv.organizer))
    for person in inv.participants:
        event.add("attendee", _attendee(person))
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def _when(inv: Invitation, lang: str) -> str:
    start, end = inv.starts_at.astimezone(LOCAL_TZ), inv.ends_at.astimezone(LOCAL_TZ)
    return phrase(lang, "words.at_time", date=describe_day(start.date(), lang),
                  time=f"{clock(start, lang)}-{clock(end, lang)}")


def mail_body(inv: Invitation, recipient: Participant, lang: str, from_name: str) -> str:
    """The plain-text part of the mail for ``recipient``: an invitation, a move or a cancellation.

    Templates ``meeting_<kind>.<lang>.txt``; signed by the organizer (the
    contact person) on behalf of ``from_name``.
    """
    reason = phrase(lang, "meeting.reason", reason=inv.reason) + "\n\n" if inv.reason else ""
    return render(f"meeting_{inv.kind}.{lang}.txt", {
        "name": clean_header_value(recipient.name, max_len=80), "reference": inv.reference,
        "topic": _topic(inv, lang), "when": _when(inv, lang), "location": inv.location,
        "people": _people(inv, lang), "organizer": clean_header_value(inv.organizer.name, max_len=80),
        "from_name": from_name, "reason": reason,
        "before": describe_received(inv.moved_from, lang) if inv.moved_from else "-",
    })


def invitation_mail(inv: Invitation, recipient: Participant, lang: str, *, settings, message_id: str,
                    now: datetime | None = None) -> EmailMessage:
    """One participant's copy: text, the ``text/calendar; method=REQUEST|CANCEL`` alternative, and ``invite.ics``.

    Answers go to the organizer (``Reply-To``) when that is not our own address.
    """
    ics = ics_text(inv, lang, now)
    organizer = None
    if inv.organizer.email != settings.from_address:
        organizer = mailbox(inv.organizer.name, inv.organizer.email)
    envelope = Envelope("invitation", to=mailbox(recipient.name, recipient.email),
                        subject=subject(inv, lang), message_id=message_id, reply_to=organizer, language=lang)
    msg = build_mail(settings, envelope, mail_body(inv, recipient, lang, settings.sender_name(lang)))
    msg.add_alternative(ics, subtype="calendar", cte="quoted-printable", params={"method": inv.method})
    msg.add_attachment(ics.encode("utf-8"), maintype="application", subtype="ics", filename="invite.ics")
    return msg
