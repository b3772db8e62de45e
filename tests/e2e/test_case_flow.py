"""Following a case for real: swaks delivers into Dovecot, the service and the caseworker CLI
move the case in SQLite or PostgreSQL, and every mail the business gets arrives at a real
SMTP server, where it is checked for what issue 5 says it must contain.

Two weeks of waiting for an answer cannot pass in a test. After ``request-info`` the start
of the running pause (``CasePart.paused_since``) is moved 14 days back in the database: the
state of a case whose question went out two weeks ago. The clock counts a pause from its
start to the answer's receipt only, so the answer then moves a two-week goal by 14
calendar days, always into a later ISO week.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from icalendar import Calendar
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from intake.cli import app as cli_app
from models import Case, CaseEvent, OutboxMail
from models.db import open_database
from routing.calendar import WorkingCalendar
from routing.goals import LOCAL_TZ, describe_week, iso_week
from tests.e2e.builders import DESK, oil_tank_pdf_en, scaffolding_da
from tests.e2e.conftest import build_service
from tests.intake.casefactory import CaseView, view_of
from tests.paths import SAMPLES
from tests.servers import SmtpSink

pytestmark = pytest.mark.realserver
REF = re.compile(r"\[(KBH-\d{4}-\d{6})\]")
PAUSE = timedelta(days=14)


# -- helpers ---------------------------------------------------------------------------
def case_cli(env: dict[str, str], *args: str) -> str:
    """``intake case ARGS`` as a caseworker runs it, with the service's INTAKE_* environment."""
    result = CliRunner().invoke(cli_app, ["case", *args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def wait_until(sink: SmtpSink, what: str, ready: Callable[[], bool], timeout: float = 20.0) -> None:
    count = len(sink.messages)
    while not ready():
        try:
            sink.wait_for(count + 1, timeout=timeout)
        except TimeoutError:
            raise AssertionError(f"{what} did not arrive at the SMTP sink") from None
        count = len(sink.messages)


def received_by(sink: SmtpSink, address: str) -> list[EmailMessage]:
    return [m.message for m in sink.to(address)]


def wait_for_mails(sink: SmtpSink, address: str, count: int) -> list[EmailMessage]:
    wait_until(sink, f"mail no. {count} to {address}", lambda: len(sink.to(address)) >= count)
    mails = received_by(sink, address)
    assert len(mails) == count, [m["Subject"] for m in mails]
    return mails


def load_case(settings, reference: str) -> CaseView:
    """The case with its first part's clock and goal (these cases have one part)."""
    with Session(open_database(settings.database_url)) as s:
        return view_of(s, reference)


def case_events(settings, reference: str) -> list[CaseEvent]:
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        return list(s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))))


def backdate_pause(settings, reference: str, by: timedelta) -> None:
    """Move the running pause's start back (see the module docstring)."""
    with Session(open_database(settings.database_url)) as s:
        part = view_of(s, reference).part
        assert part.paused_since is not None, "request-info did not pause the clock"
        part.paused_since = part.paused_since - by
        s.add(part)
        s.commit()


def body_of(msg: EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None, "no text/plain part"
    return body.get_content()


def assert_about_the_case(msg: EmailMessage, reference: str, lang: str, settings) -> None:
    """What every mail to the business about its case carries."""
    found = REF.search(msg["Subject"])
    assert found is not None and found.group(1) == reference
    assert msg["Content-Language"] == lang
    assert msg["From"].addresses[0].addr_spec == settings.from_address
    assert msg["X-Loop"] == settings.loop_id
    assert reference in body_of(msg)


def assert_threaded_on_the_case(msg: EmailMessage, ack: EmailMessage) -> None:
    """Mails about a case thread under its acknowledgement, so the business's mail client shows one thread."""
    assert msg["In-Reply-To"] == ack["Message-ID"]
    assert ack["Message-ID"] in msg["References"].split()
    assert msg["Message-ID"] != ack["Message-ID"]


def assert_written_by_a_person(msg: EmailMessage) -> None:
    """A caseworker's mail (a question, a decision) is not an automatic one: the business should answer it."""
    assert msg["Auto-Submitted"] in (None, "no")


def reply_to(original: EmailMessage, sender: str, text: str) -> EmailMessage:
    """A reply as a mail client writes it: Re: subject (tag kept), In-Reply-To/References, the original quoted."""
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, DESK
    msg["Subject"] = f"Re: {original['Subject']}"
    msg["Date"] = format_datetime(datetime.now(LOCAL_TZ))
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">"))
    msg["In-Reply-To"] = original["Message-ID"]
    msg["References"] = " ".join([*(original["References"] or "").split(), original["Message-ID"]])
    quoted = "\n".join(f"> {line}" for line in body_of(original).splitlines())
    msg.set_content(f"{text}\n\nOn {original['Date']}, {original['From']} wrote:\n{quoted}\n")
    return msg


# -- 1. request information, answer, resume, reject ------------------------------------
def test_business_follows_its_case_from_question_to_rejection(e2e, dovecot, smtp_sink):
    env, settings = e2e
    application = oil_tank_pdf_en()
    business = "karen@ejdnord.dk"
    dovecot.deliver(application.as_bytes())
    service = build_service(settings)
    (outcome,) = service.process_once()
    assert outcome.outcome == "case"
    reference = outcome.reference
    catalogue = service.ctx.catalogue
    case = load_case(settings, reference)
    task, office = catalogue.task(case.task_type), catalogue.office(case.office)
    assert (case.task_type, case.language, case.complex) == ("olietank", "en", False)

    # the acknowledgement: reference, week, an automatic reply to the application
    (ack,) = wait_for_mails(smtp_sink, business, 1)
    assert_about_the_case(ack, reference, "en", settings)
    assert ack["Auto-Submitted"] == "auto-replied" and ack["In-Reply-To"] == application["Message-ID"]
    assert describe_week(case.due_date, "en") in body_of(ack)

    # the caseworker asks for information: the business is told what is missing and that the clock stands still
    question = "Please send the contractor's certificate for cleaning the tank."
    case_cli(env, "request-info", reference, "--message", question, "--actor", "ole")
    _, asked = wait_for_mails(smtp_sink, business, 2)
    assert_about_the_case(asked, reference, "en", settings)
    assert "need more information" in asked["Subject"]
    text = body_of(asked)
    assert question in text and "clock stands still" in text
    assert_threaded_on_the_case(asked, ack)
    assert_written_by_a_person(asked)
    waiting = load_case(settings, reference)
    assert waiting.status == "waiting" and waiting.paused_since is not None
    old_due = waiting.due_date

    # an out-of-office reply to the question is not the answer: the clock stays paused, nobody is mailed
    away = reply_to(asked, "Karen Friis <karen@ejdnord.dk>", "I am out of the office until Monday.")
    away.replace_header("Subject", f"Automatic reply: {asked['Subject']}")
    away["Auto-Submitted"] = "auto-replied"
    dovecot.deliver(away.as_bytes())
    sent_before = len(smtp_sink.messages)
    (skipped,) = build_service(settings).process_once()
    assert skipped.outcome == "skipped" and load_case(settings, reference).status == "waiting"
    assert len(smtp_sink.messages) == sent_before

    # two weeks later the business answers the mail it got, as a mail client does
    backdate_pause(settings, reference, PAUSE)
    answer = reply_to(asked, "Karen Friis <karen@ejdnord.dk>", "The certificate is attached.")
    answer.add_attachment(b"%PDF-1.4 certificate", maintype="application", subtype="pdf",
                          filename="certificate.pdf")
    dovecot.deliver(answer.as_bytes())
    (follow_up,) = build_service(settings).process_once()
    assert (follow_up.outcome, follow_up.reference) == ("follow_up", reference)

    resumed_case = load_case(settings, reference)
    assert resumed_case.status == "in_progress" and resumed_case.paused_since is None
    # the answer's receipt time is its INTERNALDATE, which has whole seconds
    assert resumed_case.paused_seconds >= (PAUSE - timedelta(seconds=1)).total_seconds()
    assert len(json.loads(resumed_case.pauses_json)) == 1
    assert iso_week(resumed_case.due_date) > iso_week(old_due) == waiting.expected_week
    assert [e.action for e in case_events(settings, reference) if e.actor == "applicant"] == ["follow_up",
                                                                                            "resumed"]
    # the office gets the answer, with the original attached and the note that the clock runs again
    wait_until(smtp_sink, "the answer passed on to the office",
               lambda: any(reference in m.message["Subject"] and "applicant answered" in m.message["Subject"]
                           for m in smtp_sink.to(office.address)))
    (passed_on,) = [m.message for m in smtp_sink.to(office.address) if "applicant answered" in m.message["Subject"]]
    assert "clock runs again" in body_of(passed_on)
    assert [p.get_filename() for p in passed_on.iter_attachments()] == [f"{reference}-followup.eml"]

    # the business is told the new expected completion week
    _, _, moved = wait_for_mails(smtp_sink, business, 3)
    assert_about_the_case(moved, reference, "en", settings)
    assert "New expected completion" in moved["Subject"]
    text = body_of(moved)
    assert describe_week(old_due, "en") in text and describe_week(resumed_case.due_date, "en") in text
    assert_threaded_on_the_case(moved, ack)
    assert moved["Auto-Submitted"] == "auto-replied", "the new week is an automatic answer to the business's reply"

    # the rejection: decision, reasons, path forward, appeal guidance from the catalogue; no contact person
    reason = "The tank lies under a listed building's foundation and cannot be filled with sand."
    path = "Apply for removal of the tank instead; we can meet to plan it."
    case_cli(env, "reject", reference, "--reason", reason, "--path-forward", path, "--actor", "ole")
    mails = wait_for_mails(smtp_sink, business, 4)
    rejected = mails[3]
    assert_about_the_case(rejected, reference, "en", settings)
    assert "Decision: rejected" in rejected["Subject"]
    text = body_of(rejected)
    assert "we must refuse your application for" in text and task.name_en in text
    assert reason in text and path in text
    assert "How to appeal" in text and " ".join(task.appeal_en.split()) in " ".join(text.split())
    assert "contact person" not in text.lower() and rejected["Cc"] is None
    assert_threaded_on_the_case(rejected, ack)
    assert_written_by_a_person(rejected)
    assert not any(danish in body_of(m) for m in (ack, asked, moved, rejected)
                   for danish in ("Kære", "Med venlig hilsen", "Sagsnummer")), "an English business reads English"
    decided = load_case(settings, reference)
    assert (decided.status, decided.decision) == ("decided", "rejected")
    # the business received exactly these four mails, each once and each over TLS
    assert [REF.sub("", m["Subject"]).strip() for m in mails] == [
        f"Acknowledgement: {application['Subject']}", "We need more information",
        "New expected completion", "Decision: rejected"]
    assert all(m.tls for m in smtp_sink.to(business))


# -- 2. several offices: contact person and star meeting --------------------------------
def invitation_of(msg: EmailMessage) -> Calendar:
    (part,) = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    return Calendar.from_ical(part.get_content())


def mailto(value) -> str:
    return str(value).removeprefix("mailto:").removeprefix("MAILTO:").lower()


def test_multi_office_application_gets_a_contact_person_and_a_star_meeting(e2e, dovecot, smtp_sink):
    env, settings = e2e
    raw = (SAMPLES / "05-ny-restaurant-p-n-rrebrogade.eml").read_bytes()
    business = "ahmad@rahimi-kitchen.dk"
    dovecot.deliver(raw)
    service = build_service(settings)
    (outcome,) = service.process_once()
    reference, catalogue = outcome.reference, service.ctx.catalogue
    case = load_case(settings, reference)
    offices = json.loads(case.offices)
    assert len(offices) > 1 and case.complex and not case.needs_triage
    person = next(p for p in catalogue.contact_persons if p.email == case.contact_email)

    # the acknowledgement introduces the contact person, who is copied
    wait_until(smtp_sink, "acknowledgement", lambda: any("Kvittering" in m["Subject"]
                                                         for m in received_by(smtp_sink, business)))
    (ack,) = [m for m in received_by(smtp_sink, business) if "Kvittering" in m["Subject"]]
    assert_about_the_case(ack, reference, "da", settings)
    assert ack["Cc"] == person.email
    text = body_of(ack)
    assert "Din kontaktperson" in text and all(v in text for v in (person.name, person.email, person.phone))
    assert any(REF.search(m["Subject"]).group(1) == reference and "Kvittering" in m["Subject"]
               for m in received_by(smtp_sink, person.email)), "the contact person has a copy"

    # one invitation per participant, each a calendar REQUEST for the same single event
    participants = {person.email, *(catalogue.office(o).address for o in offices), business}
    wait_until(smtp_sink, "invitations", lambda: all(
        any("Stjernemøde" in m["Subject"] for m in received_by(smtp_sink, who)) for who in participants))
    sent = [m for m in smtp_sink.messages if "Stjernemøde" in m.message["Subject"]]
    invitations = {m.rcpt_tos[0]: m.message for m in sent}
    assert set(invitations) == participants and len(sent) == len(participants), "one invitation each"
    uids = set()
    calendar = WorkingCalendar(catalogue.extra_closure_days)
    for msg in invitations.values():
        assert REF.search(msg["Subject"]).group(1) == reference
        assert msg["Auto-Submitted"] == "auto-generated" and msg["X-Loop"] == settings.loop_id
        cal = invitation_of(msg)
        assert str(cal["METHOD"]) == "REQUEST"
        (event,) = cal.walk("VEVENT")
        assert reference in str(event["SUMMARY"])
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees]
        assert {mailto(a) for a in attendees} == participants
        assert mailto(event["ORGANIZER"]) == person.email
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None and calendar.is_working_day(start.astimezone(LOCAL_TZ).date())
        today = case.received_at.astimezone(LOCAL_TZ).date()
        assert today < start.astimezone(LOCAL_TZ).date() <= calendar.add_working_days(today, 5)
        uids.add(str(event["UID"]))
    assert len(uids) == 1, "every copy is the same calendar event"
    assert "Kære" in body_of(invitations[business]), "the business reads its invitation in its language"

    # a rejection of a complex case names the contact person and copies them
    path = catalogue.task(case.task_type).paths_forward_da[0]
    case_cli(env, "reject", reference, "--part", case.task_type, "--reason", "Fortovet er for smalt til borde.",
             "--path-forward", "1")
    wait_until(smtp_sink, "rejection", lambda: any("afslag" in m["Subject"] for m in received_by(smtp_sink, business)))
    (rejected,) = [m for m in received_by(smtp_sink, business) if "afslag" in m["Subject"]]
    assert_about_the_case(rejected, reference, "da", settings)
    text = body_of(rejected)
    assert "Fortovet er for smalt til borde." in text and path in text and "Klagevejledning" in text
    assert person.name in text and person.phone in text and rejected["Cc"] == person.email
    assert any("afslag" in m["Subject"] for m in received_by(smtp_sink, person.email))


# -- 3. a stranger quoting someone else's reference ------------------------------------
def test_stranger_quoting_a_reference_learns_nothing_about_that_case(e2e, dovecot, smtp_sink):
    _env, settings = e2e
    dovecot.deliver(scaffolding_da().as_bytes())
    service = build_service(settings)
    (first,) = service.process_once()
    catalogue = service.ctx.catalogue
    case = load_case(settings, first.reference)
    office = catalogue.office(case.office)
    wait_for_mails(smtp_sink, "peter@jensen-stilladser.dk", 1)

    stranger = "eve@konkurrent-byg.dk"
    msg = EmailMessage()
    msg["From"], msg["To"] = f"Eve Holm <{stranger}>", DESK
    msg["Subject"] = f"Hvad er status på {first.reference}?"
    msg["Date"] = format_datetime(datetime.now(LOCAL_TZ))
    msg["Message-ID"] = make_msgid(domain="konkurrent-byg.dk")
    msg.set_content(f"Hej\n\nHvad er status på {first.reference}? Vi har ikke hørt noget endnu.\n\nMvh Eve\n")
    dovecot.deliver(msg.as_bytes())
    (second,) = build_service(settings).process_once()

    assert second.outcome != "status_query" and second.reference != first.reference
    with Session(open_database(settings.database_url)) as s:
        assert not s.exec(select(OutboxMail).where(OutboxMail.purpose == "status")).all()
    assert [e.actor for e in case_events(settings, first.reference)] == ["intake", "intake"], \
        "nothing of the stranger's is added to the first case"
    wait_until(smtp_sink, "the stranger's acknowledgement", lambda: bool(smtp_sink.to(stranger)))
    own_office = load_case(settings, second.reference).office
    assert own_office != case.office, "the stranger's question says nothing about scaffolding"
    secrets = [first.reference, "Jensen", "72494814", "Nørrebrogade", "peter@",
               office.name_da, office.name_en, office.address]
    for mail in smtp_sink.to(stranger):
        text = message_from_bytes(mail.raw, policy=policy.default).as_string()
        decoded = "\n".join(p.get_content() for p in mail.message.walk() if p.get_content_maintype() == "text")
        for secret in secrets:
            assert secret not in text and secret not in decoded, f"{secret!r} reached the stranger"
