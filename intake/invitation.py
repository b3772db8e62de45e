"""The star-meeting invitation: an iCalendar ``REQUEST`` and the mail that carries it.

Pure functions: a meeting, its participants and the case in, an ``.ics`` text
or an ``EmailMessage`` out. Every participant gets their own copy of the mail
(the outbox sends one mail per recipient); all copies carry the same ``UID``,
so a calendar sees one event. The business reads its copy in its own
language, the offices and the contact person in Danish.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from icalendar import Calendar, Event, vCalAddress, vText

from intake.message import clean_header_value
from routing.goals import LOCAL_TZ, describe_date

PRODID = "-//Koebenhavns Erhvervsservice//intake stjernemoede//DA"
ICAL_ROLES = {"contact_person": "CHAIR", "caseworker": "REQ-PARTICIPANT", "business": "REQ-PARTICIPANT"}
ROLE_WORDS = {
    "da": {"contact_person": "kontaktperson", "caseworker": "sagsbehandler", "business": "ansøger"},
    "en": {"contact_person": "contact person", "caseworker": "caseworker", "business": "applicant"},
}


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
    word = "Stjernemøde" if lang == "da" else "Star meeting"
    topic = inv.topic_da if lang == "da" else inv.topic_en
    return f"[{inv.reference}] {word}: {topic}"


def description(inv: Invitation, lang: str) -> str:
    roles = ROLE_WORDS[lang]
    people = "\n".join(f"- {p.name} ({roles.get(p.role, p.role)})" for p in inv.participants)
    if lang == "da":
        return (f"Stjernemøde om sag {inv.reference}: alle enheder, der skal behandle ansøgningen, "
                f"mødes med ansøgeren og afklarer de åbne spørgsmål på én gang.\n\nDeltagere:\n{people}\n")
    return (f"Star meeting about case {inv.reference}: every office that handles the application meets "
            f"the applicant to settle the open questions at once.\n\nParticipants:\n{people}\n")


def ics_text(inv: Invitation, lang: str, now: datetime | None = None) -> str:
    """The invitation as an iCalendar ``METHOD:REQUEST`` with one ``VEVENT`` (times in Europe/Copenhagen)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = Event()
    event.add("uid", inv.uid)
    event.add("dtstamp", (now or datetime.now(timezone.utc)).astimezone(timezone.utc))
    event.add("dtstart", inv.starts_at.astimezone(LOCAL_TZ))
    event.add("dtend", inv.ends_at.astimezone(LOCAL_TZ))
    event.add("sequence", inv.sequence)
    event.add("status", "CONFIRMED")
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
    joiner = "kl." if lang == "da" else "at"
    return f"{describe_date(start.date(), lang)} {joiner} {start:%H:%M}-{end:%H:%M}"


def mail_body(inv: Invitation, recipient: Participant, lang: str) -> str:
    """The plain-text part of the invitation mail for ``recipient``."""
    roles = ROLE_WORDS[lang]
    people = "\n".join(f"- {p.name} ({roles.get(p.role, p.role)})" for p in inv.participants)
    name = clean_header_value(recipient.name, max_len=80)
    pilot = clean_header_value(inv.organizer.name, max_len=80)
    if lang == "da":
        return (f"Kære {name}\n\nVi indkalder til et stjernemøde om sag {inv.reference} "
                f"({inv.topic_da}). På mødet er alle de enheder, der skal behandle ansøgningen, "
                "samlet, så de åbne spørgsmål kan afklares på én gang.\n\n"
                f"Tidspunkt: {_when(inv, lang)}\nSted: {inv.location}\n\nDeltagere:\n{people}\n\n"
                "Invitationen er vedhæftet som kalenderfil (.ics). Svar venligst på den i din kalender. "
                "Passer tidspunktet ikke, så svar på denne mail med sagsnummeret i emnefeltet.\n\n"
                f"Med venlig hilsen\n{pilot}\nKøbenhavns Erhvervsservice\n")
    return (f"Dear {name}\n\nWe invite you to a star meeting about case {inv.reference} "
            f"({inv.topic_en}). Every office that handles the application takes part, so that the "
            "open questions can be settled at once.\n\n"
            f"Time: {_when(inv, lang)} (Copenhagen time)\nPlace: {inv.location}\n\nParticipants:\n{people}\n\n"
            "The invitation is attached as a calendar file (.ics). Please answer it in your calendar. "
            "If the time does not suit you, reply to this email with the reference in the subject.\n\n"
            f"Kind regards\n{pilot}\nCopenhagen Business Service\n")


def invitation_mail(inv: Invitation, recipient: Participant, lang: str, *, sender: Address, message_id: str,
                    loop_id: str, now: datetime | None = None) -> EmailMessage:
    """One participant's copy: text, the ``text/calendar; method=REQUEST`` alternative, and ``invite.ics``."""
    ics = ics_text(inv, lang, now)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = Address(clean_header_value(recipient.name, max_len=80), addr_spec=recipient.email)
    if inv.organizer.email != sender.addr_spec:
        msg["Reply-To"] = Address(clean_header_value(inv.organizer.name, max_len=80),
                                  addr_spec=inv.organizer.email)
    msg["Subject"] = clean_header_value(summary(inv, lang), max_len=200)
    msg["Date"] = format_datetime(datetime.now(LOCAL_TZ))
    msg["Message-ID"] = message_id
    msg["Content-Language"] = lang
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "OOF, AutoReply"
    msg["X-Loop"] = loop_id
    msg.set_content(mail_body(inv, recipient, lang))
    msg.add_alternative(ics, subtype="calendar", cte="quoted-printable", params={"method": "REQUEST"})
    msg.add_attachment(ics.encode("utf-8"), maintype="application", subtype="ics", filename="invite.ics")
    return msg
