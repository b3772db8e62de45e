"""Star meetings: participants, slot, the iCalendar invitation through the outbox, the outcome."""
from __future__ import annotations

import email
import json
from datetime import datetime, timedelta, timezone
from email import policy

import pytest
from icalendar import Calendar
from sqlmodel import Session, select

from intake.meetings import (
    InvalidSlot,
    NoOpenMeeting,
    needs_star_meeting,
    participants_for,
    propose_star_meeting,
    record_outcome,
)
from models import CaseEvent, Meeting, OutboxMail
from models.db import open_database
from routing.goals import LOCAL_TZ
from tests.intake.casefactory import CALENDAR, CATALOGUE, local, make_case

RESTAURANT = ("udeservering", "skilte", "erhvervsaffald")  # byliv, byggeri, affald
NOW = local(2026, 12, 7, 14)  # a Monday


@pytest.fixture
def session(settings):
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        yield s


def invitations(session):
    return session.exec(select(OutboxMail).where(OutboxMail.purpose == "meeting").order_by(OutboxMail.id)).all()


def calendar_of(raw: bytes) -> Calendar:
    msg = email.message_from_bytes(raw, policy=policy.default)
    (part,) = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    return Calendar.from_ical(part.get_content())


def propose(session, settings, case, **kw):
    meeting = propose_star_meeting(session, case, CATALOGUE, CALENDAR, settings, now=NOW, **kw)
    session.commit()
    return meeting


def test_a_case_with_several_offices_needs_a_star_meeting(session):
    assert needs_star_meeting(make_case(session, task_types=RESTAURANT), CATALOGUE)
    assert not needs_star_meeting(make_case(session, task_types=("udeservering", "gadesalg")), CATALOGUE)


def test_participants_are_contact_person_one_address_per_office_and_the_business(session):
    case = make_case(session, task_types=RESTAURANT, contact_person="Mette Lods", contact_email="mette@kk.example")
    people = participants_for(case, CATALOGUE)
    offices = {CATALOGUE.office_for(t).address for t in RESTAURANT}
    assert [p.role for p in people].count("caseworker") == 3
    assert {p.email for p in people} == offices | {"mette@kk.example", case.sender}
    assert people[0].role == "contact_person" and people[-1].role == "business"


def test_without_a_contact_person_the_triage_office_organises(session):
    case = make_case(session, task_types=RESTAURANT)
    (organiser,) = [p for p in participants_for(case, CATALOGUE) if p.role == "contact_person"]
    assert organiser.email == CATALOGUE.office(CATALOGUE.triage_office).address


def test_every_participant_gets_an_invitation_through_the_outbox(session, settings):
    case = make_case(session, task_types=RESTAURANT, contact_person="Mette Lods", contact_email="mette@kk.example")
    meeting = propose(session, settings, case)
    expected = {p["email"] for p in json.loads(meeting.participants)}
    assert {m.recipient for m in invitations(session)} == expected and len(invitations(session)) == 5


def test_invitation_parses_back_with_uid_attendees_and_organizer(session, settings):
    case = make_case(session, task_types=RESTAURANT, contact_person="Mette Lods", contact_email="mette@kk.example")
    meeting = propose(session, settings, case)
    cal = calendar_of(invitations(session)[0].raw)
    (event,) = cal.walk("VEVENT")
    assert str(cal["METHOD"]) == "REQUEST" and str(event["UID"]) == meeting.uid
    assert {str(a).removeprefix("mailto:") for a in event["ATTENDEE"]} == {
        p["email"] for p in json.loads(meeting.participants)}
    assert all(a.params["RSVP"] == "TRUE" and a.params["PARTSTAT"] == "NEEDS-ACTION" for a in event["ATTENDEE"])
    assert str(event["ORGANIZER"]) == "mailto:mette@kk.example" and case.reference in str(event["SUMMARY"])


def test_default_slot_is_on_a_working_day_within_the_window(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    propose(session, settings, case)
    (event,) = calendar_of(invitations(session)[0].raw).walk("VEVENT")
    start = event.decoded("DTSTART").astimezone(LOCAL_TZ)
    assert CALENDAR.is_working_day(start.date()) and (start.hour, start.minute) == (10, 0)
    assert NOW.date() < start.date() <= CALENDAR.add_working_days(NOW.date(), 5)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)


def test_default_slot_skips_christmas(session, settings):
    """Proposed on 23 Dec 2026: 24 Dec is a working day, 25 Dec and the weekend are not."""
    case = make_case(session, task_types=RESTAURANT)
    meeting = propose_star_meeting(session, case, CATALOGUE, CALENDAR, settings, now=local(2026, 12, 23, 12))
    assert meeting.starts_at.astimezone(LOCAL_TZ).date() == datetime(2026, 12, 28).date()


def test_the_business_reads_its_copy_in_its_language(session, settings):
    case = make_case(session, task_types=RESTAURANT, language="en", sender="owner@harbour-bistro.com")
    propose(session, settings, case)
    mails = {m.recipient: email.message_from_bytes(m.raw, policy=policy.default) for m in invitations(session)}
    assert mails["owner@harbour-bistro.com"].get_body(("plain",)).get_content().startswith("Dear ")
    office = CATALOGUE.office("byliv").address
    assert mails[office].get_body(("plain",)).get_content().startswith("Kære ")
    assert "Star meeting" in str(calendar_of(mails["owner@harbour-bistro.com"].as_bytes())
                                 .walk("VEVENT")[0]["SUMMARY"])


def test_an_explicit_time_is_used_in_copenhagen_time(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    meeting = propose(session, settings, case, at=datetime(2026, 12, 10, 13, 30))
    (event,) = calendar_of(invitations(session)[0].raw).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 10, 13, 30, tzinfo=LOCAL_TZ)
    assert meeting.starts_at == datetime(2026, 12, 10, 12, 30, tzinfo=timezone.utc)


def test_an_explicit_time_on_a_holiday_is_refused(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    with pytest.raises(InvalidSlot):
        propose(session, settings, case, at=datetime(2026, 12, 25, 10, 0))


def test_an_explicit_time_in_the_past_is_refused(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    with pytest.raises(InvalidSlot):
        propose(session, settings, case, at=datetime(2026, 12, 3, 10, 0))


def test_proposing_records_a_case_event(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    meeting = propose(session, settings, case)
    events = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all()
    assert [e.action for e in events] == ["meeting_proposed"] and meeting.uid in events[0].detail


def test_a_second_meeting_gets_a_new_uid_and_new_message_ids(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    first, second = propose(session, settings, case), propose(session, settings, case)
    assert first.uid != second.uid
    per_meeting = len(json.loads(first.participants))
    assert len({m.message_id for m in invitations(session)}) == len(invitations(session)) == 2 * per_meeting


def test_recording_the_outcome_marks_the_meeting_held(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    propose(session, settings, case)
    record_outcome(session, case, "Skilt godkendes i 60 cm", "Fedtudskiller: afventer tegning", actor="mette")
    session.commit()
    (meeting,) = session.exec(select(Meeting)).all()
    assert (meeting.status, meeting.outcome, meeting.open_questions) == (
        "held", "Skilt godkendes i 60 cm", "Fedtudskiller: afventer tegning")
    event = session.exec(select(CaseEvent).where(CaseEvent.action == "meeting_held")).one()
    assert event.actor == "mette" and "Fedtudskiller" in event.detail


def test_recording_an_outcome_without_a_proposed_meeting_fails(session):
    case = make_case(session, task_types=RESTAURANT)
    with pytest.raises(NoOpenMeeting):
        record_outcome(session, case, "nothing")


# -- the command line --------------------------------------------------------------------
@pytest.fixture
def cli(settings, monkeypatch):
    import typer
    from typer.testing import CliRunner

    import intake.cli
    from intake.cli_meeting import meeting

    monkeypatch.setitem(intake.cli._state, "settings", settings)
    root = typer.Typer()
    root.callback()(lambda: None)
    root.command("meeting")(meeting)
    return lambda *args: CliRunner().invoke(root, ["meeting", *args])


@pytest.fixture
def stored_case(settings):
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        case = make_case(s, task_types=RESTAURANT)
        s.commit()
        return case.reference


def test_cli_proposes_a_meeting_at_the_given_time_and_sends_the_invitations(cli, stored_case, settings):
    result = cli(stored_case, "--propose", "--at", "2031-03-04 13:00", "--actor", "mette")
    assert result.exit_code == 0, result.output
    assert "2031-03-04 13:00-14:00" in result.output and "proposed" in result.output
    sent = list((settings.outbox_maildir / "new").iterdir())
    assert len(sent) == len(participants_for_reference(settings, stored_case))


def participants_for_reference(settings, reference):
    with Session(open_database(settings.database_url)) as s:
        (meeting,) = s.exec(select(Meeting)).all()
        return json.loads(meeting.participants)


def test_cli_records_the_outcome(cli, stored_case):
    cli(stored_case, "--propose")
    result = cli(stored_case, "--outcome", "Skilt godkendt", "--open-questions", "Affaldsplads?")
    assert result.exit_code == 0, result.output
    assert "held" in result.output and "Affaldsplads?" in result.output


def test_cli_refuses_a_time_without_propose(cli, stored_case):
    assert cli(stored_case, "--at", "2031-03-04 13:00").exit_code == 2


def test_cli_reports_an_unknown_reference(cli, stored_case):
    result = cli("KBH-2020-999999")
    assert result.exit_code == 2 and "no case" in result.output
