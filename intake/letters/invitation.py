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
from datetime import datetime, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from icalendar import Calendar, Event, vCalAddress, vText

from intake.mail.message import clean_header_value
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


SUBJECT_WORDS = {
    "da": {"new": "Stjernemøde", "moved": "Stjernemøde flyttet", "cancelled": "Stjernemøde aflyst"},
    "en": {"new": "Star meeting", "moved": "Star meeting moved", "cancelled": "Star meeting cancelled"},
}


def summary(inv: Invitation, lang: str) -> str:
    """The calendar title: the same for every version of the event."""
    word = "Stjernemøde" if lang == "da" else "Star meeting"
    topic = inv.topic_da if lang == "da" else inv.topic_en
    return f"[{inv.reference}] {word}: {topic}"


def subject(inv: Invitation, lang: str) -> str:
    """The mail subject: says whether the meeting is new, moved or cancelled."""
    topic = inv.topic_da if lang == "da" else inv.topic_en
    return f"[{inv.reference}] {SUBJECT_WORDS[lang][inv.kind]}: {topic}"


def _people(inv: Invitation, lang: str) -> str:
    roles = ROLE_WORDS[lang]
    return "\n".join(f"- {p.name} ({roles.get(p.role, p.role)})" for p in inv.participants)


def description(inv: Invitation, lang: str) -> str:
    people = _people(inv, lang)
    if lang == "da":
        return (f"Stjernemøde om sag {inv.reference}: alle enheder, der skal behandle ansøgningen, "
                f"mødes med ansøgeren og afklarer de åbne spørgsmål på én gang.\n\nDeltagere:\n{people}\n")
    return (f"Star meeting about case {inv.reference}: every office that handles the application meets "
            f"the applicant to settle the open questions at once.\n\nParticipants:\n{people}\n")


def ics_text(inv: Invitation, lang: str, now: datetime | None = None) -> str:
    """The invitation as an iCalendar ``REQUEST`` or ``CANCEL`` with one ``VEVENT`` (times in Europe/Copenhagen)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", inv.method)
    event = Event()
    event.add("uid", inv.uid)
    event.add("dtstamp", (now or datetime.now(timezone.utc)).astimezone(timezone.utc))
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
    joiner = "kl." if lang == "da" else "at"
    return f"{describe_date(start.date(), lang)} {joiner} {start:%H:%M}-{end:%H:%M}"


def _at(when: datetime, lang: str) -> str:
    local = when.astimezone(LOCAL_TZ)
    return f"{describe_date(local.date(), lang)} {'kl.' if lang == 'da' else 'at'} {local:%H:%M}"


def _sign_off(inv: Invitation, lang: str) -> str:
    pilot = clean_header_value(inv.organizer.name, max_len=80)
    if lang == "da":
        return f"Med venlig hilsen\n{pilot}\nKøbenhavns Erhvervsservice\n"
    return f"Kind regards\n{pilot}\nCopenhagen Business Service\n"


def moved_body(inv: Invitation, recipient: Participant, lang: str) -> str:
    """The plain-text part of the mail that moves the meeting."""
    name = clean_header_value(recipient.name, max_len=80)
    before = _at(inv.moved_from, lang) if inv.moved_from else "-"
    if lang == "da":
        return (f"Kære {name}\n\nStjernemødet om sag {inv.reference} ({inv.topic_da}) er flyttet.\n\n"
                f"Nyt tidspunkt: {_when(inv, lang)}\n(tidligere: {before})\nSted: {inv.location}\n\n"
                f"Deltagere:\n{_people(inv, lang)}\n\n"
                "Den opdaterede invitation er vedhæftet som kalenderfil (.ics); den flytter mødet i din "
                "kalender. Passer tidspunktet ikke, så svar på denne mail med sagsnummeret i emnefeltet.\n\n"
                + _sign_off(inv, lang))
    return (f"Dear {name}\n\nThe star meeting about case {inv.reference} ({inv.topic_en}) has moved.\n\n"
            f"New time: {_when(inv, lang)} (Copenhagen time)\n(before: {before})\nPlace: {inv.location}\n\n"
            f"Participants:\n{_people(inv, lang)}\n\n"
            "The updated invitation is attached as a calendar file (.ics); it moves the meeting in your "
            "calendar. If the time does not suit you, reply to this email with the reference in the subject.\n\n"
            + _sign_off(inv, lang))


def cancelled_body(inv: Invitation, recipient: Participant, lang: str) -> str:
    """The plain-text part of the mail that cancels the meeting."""
    name = clean_header_value(recipient.name, max_len=80)
    if lang == "da":
        reason = f"Begrundelse: {inv.reason}\n\n" if inv.reason else ""
        return (f"Kære {name}\n\nStjernemødet om sag {inv.reference} ({inv.topic_da}) "
                f"{_when(inv, lang)} er aflyst.\n\n{reason}"
                "Aflysningen er vedhæftet som kalenderfil (.ics); den fjerner mødet fra din kalender. "
                "Sagen behandles videre; skal der holdes et nyt møde, får du en ny invitation.\n\n"
                + _sign_off(inv, lang))
    reason = f"Reason: {inv.reason}\n\n" if inv.reason else ""
    return (f"Dear {name}\n\nThe star meeting about case {inv.reference} ({inv.topic_en}) on "
            f"{_when(inv, lang)} (Copenhagen time) is cancelled.\n\n{reason}"
            "The cancellation is attached as a calendar file (.ics); it removes the meeting from your "
            "calendar. The case goes on; if a new meeting is needed, you will get a new invitation.\n\n"
            + _sign_off(inv, lang))


def mail_body(inv: Invitation, recipient: Participant, lang: str) -> str:
    """The plain-text part of the mail for ``recipient``: an invitation, a move or a cancellation."""
    if inv.kind == "moved":
        return moved_body(inv, recipient, lang)
    if inv.kind == "cancelled":
        return cancelled_body(inv, recipient, lang)
    people = _people(inv, lang)
    name = clean_header_value(recipient.name, max_len=80)
    if lang == "da":
        return (f"Kære {name}\n\nVi indkalder til et stjernemøde om sag {inv.reference} "
                f"({inv.topic_da}). På mødet er alle de enheder, der skal behandle ansøgningen, "
                "samlet, så de åbne spørgsmål kan afklares på én gang.\n\n"
                f"Tidspunkt: {_when(inv, lang)}\nSted: {inv.location}\n\nDeltagere:\n{people}\n\n"
                "Invitationen er vedhæftet som kalenderfil (.ics). Svar venligst på den i din kalender. "
                "Passer tidspunktet ikke, så svar på denne mail med sagsnummeret i emnefeltet.\n\n"
                + _sign_off(inv, lang))
    return (f"Dear {name}\n\nWe invite you to a star meeting about case {inv.reference} "
            f"({inv.topic_en}). Every office that handles the application takes part, so that the "
            "open questions can be settled at once.\n\n"
            f"Time: {_when(inv, lang)} (Copenhagen time)\nPlace: {inv.location}\n\nParticipants:\n{people}\n\n"
            "The invitation is attached as a calendar file (.ics). Please answer it in your calendar. "
            "If the time does not suit you, reply to this email with the reference in the subject.\n\n"
            + _sign_off(inv, lang))


def invitation_mail(inv: Invitation, recipient: Participant, lang: str, *, sender: Address, message_id: str,
                    loop_id: str, now: datetime | None = None) -> EmailMessage:
    """One participant's copy: text, the ``text/calendar; method=REQUEST|CANCEL`` alternative, and ``invite.ics``."""
    ics = ics_text(inv, lang, now)
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = Address(clean_header_value(recipient.name, max_len=80), addr_spec=recipient.email)
    if inv.organizer.email != sender.addr_spec:
        msg["Reply-To"] = Address(clean_header_value(inv.organizer.name, max_len=80),
                                  addr_spec=inv.organizer.email)
    msg["Subject"] = clean_header_value(subject(inv, lang), max_len=200)
    msg["Date"] = format_datetime(datetime.now(LOCAL_TZ))
    msg["Message-ID"] = message_id
    msg["Content-Language"] = lang
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "OOF, AutoReply"
    msg["X-Loop"] = loop_id
    msg.set_content(mail_body(inv, recipient, lang))
    msg.add_alternative(ics, subtype="calendar", cte="quoted-printable", params={"method": inv.method})
    msg.add_attachment(ics.encode("utf-8"), maintype="application", subtype="ics", filename="invite.ics")
    return msg
