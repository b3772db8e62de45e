"""The daily digest: the mail to an office about its cases at risk or overdue (Danish: an internal mail).

``intake.jobs`` decides when and to whom; this module writes it. Body:
``templates/digest.da.txt``; subject, headings and the line of each case: the
``[office]`` section of ``phrases.da.toml``. The Message-ID is fixed per office
and day (``<deadlines.<office>.<date>@domain>``): the outbox stores it under a
unique constraint, which is how a second run the same day finds the mail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from intake.letters.envelope import Envelope, build_mail, domain_of
from intake.letters.wording import phrase, render
from intake.mail.message import clean_header_value
from routing.catalogue import Office
from routing.clock import AT_RISK_WORKING_DAYS
from routing.goals import describe_date


@dataclass(frozen=True)
class Attention:
    """An open case an office should look at today."""

    reference: str
    task_type: str
    due: date
    state: str  # at_risk | overdue
    status: str
    assigned_to: str
    subject: str


def digest_message_id(office_id: str, today: date, settings) -> str:
    return f"<deadlines.{office_id}.{today.isoformat()}@{domain_of(settings.from_address)}>"


def _line(a: Attention, today: date) -> str:
    late = phrase("da", "office.digest_days_over", days=(today - a.due).days) if a.state == "overdue" else ""
    return phrase("da", "office.digest_line", reference=a.reference, task_type=a.task_type, due=a.due.isoformat(),
                  late=late, status=a.status, assigned_to=a.assigned_to,
                  subject=clean_header_value(a.subject, max_len=70))


def _section(heading: str, lines: list[str]) -> str:
    return f"\n{phrase('da', heading, count=len(lines))}\n" + "\n".join(lines) + "\n" if lines else ""


def digest_body(office: Office, items: list[Attention], today: date, settings) -> str:
    """Overdue cases first, then those at risk, each most urgent first (``items`` comes sorted)."""
    overdue = [_line(a, today) for a in items if a.state == "overdue"]
    at_risk = [_line(a, today) for a in items if a.state == "at_risk"]
    return render("digest.da.txt", {
        "office_name": office.name_da, "at_risk_days": AT_RISK_WORKING_DAYS,
        "today_text": describe_date(today, "da"), "from_name": settings.from_name,
        "sections": _section("office.digest_overdue", overdue) + _section("office.digest_at_risk", at_risk),
    })


def digest_mail(office: Office, items: list[Attention], today: date, settings) -> EmailMessage:
    """The day's mail to ``office``'s functional address."""
    overdue = sum(a.state == "overdue" for a in items)
    subject = phrase("da", "office.digest_subject", office=office.name_da, overdue=overdue,
                     at_risk=len(items) - overdue, date=today.isoformat())
    envelope = Envelope("digest", to=office.address, subject=subject,
                        message_id=digest_message_id(office.id, today, settings))
    return build_mail(settings, envelope, digest_body(office, items, today, settings))
