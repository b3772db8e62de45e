"""Star meetings: participants, slot, the iCalendar invitation through the outbox, moves, cancellations, outcome."""
from __future__ import annotations

import email
import json
from datetime import UTC, datetime, timedelta
from email import policy

import pytest
from icalendar import Calendar
from sqlmodel import Session, select

from intake.cases.meetings import (
    InvalidSlot,
    MeetingCancelled,
    MeetingError,
    NoOpenMeeting,
    cancel_meeting,
    move_meeting,
    needs_star_meeting,
    participants_for,
    propose_star_meeting,
    record_outcome,
)
from models import CaseEvent, CasePart, Meeting, OutboxMail
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


def calendar_of(raw: bytes, method: str = "REQUEST") -> Calendar:
    msg = email.message_from_bytes(raw, policy=policy.default)
    (part,) = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == method
    return Calendar.from_ical(part.get_content())


def propose(session, settings, case, **kw):
    meeting = propose_star_meeting(session, case, CATALOGUE, CALENDAR, settings, now=NOW, **kw)
    session.commit()
    return meeting


def test_a_case_with_several_offices_needs_a_star_meeting(session):
    assert needs_star_meeting(make_case(session, task_types=RESTAURANT), CATALOGUE)
    assert not needs_star_meeting(make_case(session, task_types=("udeservering", "gadesalg")), CATALOGUE)


def test_a_task_marked_complex_needs_a_star_meeting_even_in_one_office(session):
    complex_task = next(t for t in CATALOGUE.tasks.values() if t.complex)
    case = make_case(session, task_types=(complex_task.id,))
    parts = session.exec(select(CasePart).where(CasePart.case_id == case.id)).all()
    assert needs_star_meeting(case, CATALOGUE, parts)
    simple = make_case(session, task_types=("udeservering",))
    assert not needs_star_meeting(simple, CATALOGUE, session.exec(select(CasePart).where(
        CasePart.case_id == simple.id)).all())


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
    assert meeting.starts_at == datetime(2026, 12, 10, 12, 30, tzinfo=UTC)


def test_an_explicit_time_on_a_holiday_is_refused(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    with pytest.raises(InvalidSlot):
        propose(session, settings, case, at=datetime(2026, 12, 25, 10, 0))


@pytest.mark.parametrize("hour", [3, 7, 17, 23])
def test_an_explicit_time_outside_office_hours_is_refused(session, settings, hour):
    case = make_case(session, task_types=RESTAURANT)
    with pytest.raises(InvalidSlot, match="outside office hours"):
        propose(session, settings, case, at=datetime(2026, 12, 10, hour, 0))
    assert invitations(session) == []


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
    first = propose(session, settings, case)
    with pytest.raises(MeetingError, match="already has a star meeting proposed"):   # not two at once
        propose(session, settings, case)
    record_outcome(session, case, "Alt aftalt", now=first.starts_at + timedelta(hours=2))
    second = propose(session, settings, case)
    assert first.uid != second.uid
    per_meeting = len(json.loads(first.participants))
    assert len({m.message_id for m in invitations(session)}) == len(invitations(session)) == 2 * per_meeting


def test_recording_the_outcome_marks_the_meeting_held(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    held = propose(session, settings, case)
    with pytest.raises(MeetingError, match="record its outcome once it has been held"):
        record_outcome(session, case, "Skilt godkendes", actor="mette", now=held.starts_at - timedelta(minutes=1))
    record_outcome(session, case, "Skilt godkendes i 60 cm", "Fedtudskiller: afventer tegning", actor="mette",
                   now=held.starts_at + timedelta(hours=1))
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
    from typer.testing import CliRunner

    import intake.cli.common
    from intake.cli.manners import IntakeTyper
    from intake.cli.meeting import meeting

    monkeypatch.setitem(intake.cli.common.state, "settings", settings)
    root = IntakeTyper()  # the manners of every intake command group: refusals are one line, exit 1
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


def test_cli_records_the_outcome_once_the_meeting_has_been_held(cli, stored_case, monkeypatch):
    cli(stored_case, "--propose")
    early = cli(stored_case, "--outcome", "Skilt godkendt")
    assert early.exit_code == 1 and "record its outcome once it has been held" in early.output
    monkeypatch.setattr("intake.cases.meetings.utcnow", lambda: datetime(2031, 1, 1, tzinfo=UTC))
    result = cli(stored_case, "--outcome", "Skilt godkendt", "--open-questions", "Affaldsplads?")
    assert result.exit_code == 0, result.output
    assert "held" in result.output and "Affaldsplads?" in result.output


def test_cli_refuses_a_time_without_propose(cli, stored_case):
    assert cli(stored_case, "--at", "2031-03-04 13:00").exit_code == 2


def test_cli_reports_an_unknown_reference(cli, stored_case):
    result = cli("KBH-2020-999999")
    assert result.exit_code == 1 and "no case" in result.output


# -- moving and cancelling (RFC 5546 iTIP) ----------------------------------------------------
MOVED_TO = datetime(2026, 12, 10, 13, 0)  # a Thursday, Copenhagen time


def mails_after(session, first: list[OutboxMail]) -> list[OutboxMail]:
    """The meeting mails queued after ``first``."""
    return invitations(session)[len(first):]


def event_of(raw: bytes, method: str = "REQUEST"):
    cal = calendar_of(raw, method)
    assert str(cal["METHOD"]) == method
    (event,) = cal.walk("VEVENT")
    return event


def move(session, settings, case, at=MOVED_TO):
    meeting = move_meeting(session, case, CATALOGUE, CALENDAR, settings, at, actor="mette", now=NOW)
    session.commit()
    return meeting


def cancel(session, settings, case, reason=""):
    meeting = cancel_meeting(session, case, CATALOGUE, settings, reason, actor="mette")
    session.commit()
    return meeting


@pytest.fixture
def proposed(session, settings):
    """A restaurant case (English-speaking business) with a proposed star meeting; its invitations."""
    case = make_case(session, task_types=RESTAURANT, language="en", sender="owner@harbour-bistro.com",
                     contact_person="Mette Lods", contact_email="mette@kk.example")
    meeting = propose(session, settings, case)
    return case, meeting, invitations(session)


def test_moving_keeps_the_uid_raises_the_sequence_and_sends_the_new_time(session, settings, proposed):
    case, meeting, first = proposed
    move(session, settings, case)
    for mail in mails_after(session, first):
        event = event_of(mail.raw)
        assert str(event["UID"]) == meeting.uid and event.decoded("SEQUENCE") == 1
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.decoded("DTSTART") == MOVED_TO.replace(tzinfo=LOCAL_TZ)
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)


def test_every_participant_gets_the_update_under_a_new_message_id(session, settings, proposed):
    case, meeting, first = proposed
    move(session, settings, case)
    update = mails_after(session, first)
    assert sorted(m.recipient for m in update) == sorted(p["email"] for p in json.loads(meeting.participants))
    assert not {m.message_id for m in update} & {m.message_id for m in first}


def test_the_business_reads_the_update_in_its_language_and_the_subject_says_it_moved(session, settings, proposed):
    case, _, first = proposed
    move(session, settings, case)
    mails = {m.recipient: email.message_from_bytes(m.raw, policy=policy.default)
             for m in mails_after(session, first)}
    business, office = mails[case.sender], mails[CATALOGUE.office("byliv").address]
    assert "Star meeting moved" in business["Subject"] and case.reference in business["Subject"]
    assert business.get_body(("plain",)).get_content().startswith("Dear ")
    assert "has moved" in business.get_body(("plain",)).get_content()
    assert "Stjernemøde flyttet" in office["Subject"]
    assert "er flyttet" in office.get_body(("plain",)).get_content()


def test_moving_updates_the_meeting_and_records_an_event(session, settings, proposed):
    case, meeting, _ = proposed
    moved = move(session, settings, case)
    assert moved.id == meeting.id and moved.status == "proposed"
    assert moved.starts_at == MOVED_TO.replace(tzinfo=LOCAL_TZ).astimezone(UTC)
    event = session.exec(select(CaseEvent).where(CaseEvent.action == "meeting_moved")).one()
    assert event.actor == "mette" and "2026-12-10 13:00" in event.detail and meeting.uid in event.detail


@pytest.mark.parametrize("at", [datetime(2026, 12, 25, 10, 0), datetime(2026, 12, 3, 10, 0)],
                         ids=["christmas-day", "past"])
def test_moving_to_a_bad_time_is_refused_and_nothing_is_mailed(session, settings, proposed, at):
    case, meeting, first = proposed
    before = meeting.starts_at
    with pytest.raises(InvalidSlot):
        move(session, settings, case, at)
    assert mails_after(session, first) == [] and meeting.starts_at == before


def test_moving_to_the_same_time_is_refused(session, settings, proposed):
    case, meeting, _ = proposed
    with pytest.raises(InvalidSlot):
        move(session, settings, case, meeting.starts_at.astimezone(LOCAL_TZ).replace(tzinfo=None))


def test_moving_without_a_proposed_meeting_is_refused(session, settings):
    case = make_case(session, task_types=RESTAURANT)
    with pytest.raises(NoOpenMeeting):
        move(session, settings, case)


def test_cancelling_sends_every_participant_an_itip_cancel(session, settings, proposed):
    case, meeting, first = proposed
    cancel(session, settings, case)
    update = mails_after(session, first)
    assert sorted(m.recipient for m in update) == sorted(p["email"] for p in json.loads(meeting.participants))
    for mail in update:
        event = event_of(mail.raw, "CANCEL")
        assert str(event["UID"]) == meeting.uid and event.decoded("SEQUENCE") == 1
        assert str(event["STATUS"]) == "CANCELLED"
        assert {str(a).removeprefix("mailto:") for a in event["ATTENDEE"]} == {m.recipient for m in update}


def test_the_cancellation_gives_the_reason_in_the_business_language(session, settings, proposed):
    case, _, first = proposed
    cancel(session, settings, case, reason="The sign question was settled by mail")
    mails = {m.recipient: email.message_from_bytes(m.raw, policy=policy.default)
             for m in mails_after(session, first)}
    business, office = mails[case.sender], mails[CATALOGUE.office("affald").address]
    assert "Star meeting cancelled" in business["Subject"]
    assert "Reason: The sign question was settled by mail" in business.get_body(("plain",)).get_content()
    assert "Stjernemøde aflyst" in office["Subject"] and "Begrundelse:" in office.get_body(("plain",)).get_content()
    assert "settled by mail" in str(event_of(business.as_bytes(), "CANCEL")["COMMENT"])


def test_cancelling_marks_the_meeting_cancelled_and_records_an_event(session, settings, proposed):
    case, meeting, _ = proposed
    cancel(session, settings, case, reason="not needed")
    assert session.get(Meeting, meeting.id).status == "cancelled"
    event = session.exec(select(CaseEvent).where(CaseEvent.action == "meeting_cancelled")).one()
    assert event.actor == "mette" and "not needed" in event.detail and meeting.uid in event.detail


def test_a_reason_longer_than_a_letter_is_refused_and_nothing_is_mailed(session, settings, proposed):
    from intake.cases.lifecycle import MAX_TEXT
    from intake.cases.meetings import MeetingError
    case, meeting, first = proposed
    with pytest.raises(MeetingError, match="at most 20,000"):
        cancel(session, settings, case, reason="x" * (MAX_TEXT + 1))
    assert session.get(Meeting, meeting.id).status == "proposed" and mails_after(session, first) == []


def test_every_change_raises_the_sequence_by_one(session, settings, proposed):
    case, _, first = proposed
    sequences = [event_of(first[0].raw).decoded("SEQUENCE")]
    changes = [(lambda: move(session, settings, case), "REQUEST"),
               (lambda: move(session, settings, case, MOVED_TO.replace(hour=9)), "REQUEST"),
               (lambda: cancel(session, settings, case), "CANCEL")]
    for change, method in changes:
        seen = len(invitations(session))
        change()
        sequences.append(event_of(invitations(session)[seen].raw, method).decoded("SEQUENCE"))
    assert sequences == [0, 1, 2, 3]


def test_the_sequence_counts_only_the_changes_of_its_own_meeting(session, settings, proposed):
    case, _, _ = proposed
    cancel(session, settings, case)
    second = propose(session, settings, case)
    seen = len(invitations(session))
    move(session, settings, case)
    event = event_of(invitations(session)[seen].raw)
    assert str(event["UID"]) == second.uid and event.decoded("SEQUENCE") == 1


def test_recording_an_outcome_on_a_cancelled_meeting_is_refused(session, settings, proposed):
    case, _, _ = proposed
    cancel(session, settings, case)
    with pytest.raises(MeetingCancelled, match="cancelled"):
        record_outcome(session, case, "Skilt godkendt")


@pytest.mark.parametrize("again", [lambda s, st, c: move(s, st, c), lambda s, st, c: cancel(s, st, c)],
                         ids=["move", "cancel"])
def test_a_cancelled_meeting_cannot_be_changed_again(session, settings, proposed, again):
    case, _, _ = proposed
    cancel(session, settings, case)
    seen = len(invitations(session))
    with pytest.raises(MeetingCancelled):
        again(session, settings, case)
    assert len(invitations(session)) == seen


def sent_mails(settings) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(f.read_bytes(), policy=policy.default)
            for f in sorted((settings.outbox_maildir / "new").iterdir())]


def test_cli_moves_the_meeting_and_sends_the_updates(cli, stored_case, settings):
    cli(stored_case, "--propose", "--at", "2031-03-04 13:00")
    result = cli(stored_case, "--move", "2031-03-05 09:30", "--actor", "mette")
    assert result.exit_code == 0, result.output
    assert "moved" in result.output and "2031-03-05 09:30-10:30" in result.output
    people = participants_for_reference(settings, stored_case)
    moved = [m for m in sent_mails(settings) if "flyttet" in m["Subject"]]
    assert len(moved) == len(people) and len(sent_mails(settings)) == 2 * len(people)


def test_cli_cancels_the_meeting_with_a_reason(cli, stored_case, settings):
    cli(stored_case, "--propose")
    result = cli(stored_case, "--cancel", "--reason", "Afklaret pr. mail")
    assert result.exit_code == 0, result.output
    assert "cancelled" in result.output
    cancels = [m for m in sent_mails(settings) if "aflyst" in m["Subject"]]
    assert len(cancels) == len(participants_for_reference(settings, stored_case))
    assert all("Afklaret pr. mail" in m.get_body(("plain",)).get_content() for m in cancels)


def test_cli_refuses_an_outcome_for_a_cancelled_meeting(cli, stored_case):
    cli(stored_case, "--propose")
    cli(stored_case, "--cancel")
    result = cli(stored_case, "--outcome", "Skilt godkendt")
    assert result.exit_code == 1 and "cancelled" in result.output and "--propose" in result.output


def test_cli_refuses_a_move_to_a_holiday(cli, stored_case):
    cli(stored_case, "--propose", "--at", "2031-03-04 13:00")
    result = cli(stored_case, "--move", "2031-12-25 10:00")
    assert result.exit_code == 1 and "not a working day" in result.output


def test_cli_refuses_a_move_without_a_proposed_meeting(cli, stored_case):
    result = cli(stored_case, "--move", "2031-03-05 09:30")
    assert result.exit_code == 1 and "no proposed star meeting" in result.output


@pytest.mark.parametrize("args", [("--reason", "x"), ("--move", "2031-03-05 09:30", "--cancel"),
                                  ("--propose", "--move", "2031-03-05 09:30")],
                         ids=["reason-without-cancel", "move-and-cancel", "propose-and-move"])
def test_cli_refuses_options_that_do_not_go_together(cli, stored_case, args):
    assert cli(stored_case, *args).exit_code == 2


def test_meetings_of_one_contact_person_are_spread_and_an_office_may_sit_in_two_at_once(session, settings):
    """Three restaurants with one contact person get three hours, one after another; a fourth case with another
    contact person takes the first hour with the same offices (each office is a team)."""
    mette = [make_case(session, task_types=RESTAURANT, contact_person="Mette Lods", contact_email="mette@kk.example",
                       sender=f"owner{i}@cafe{i}.dk") for i in range(3)]
    times = [propose(session, settings, case).starts_at for case in mette]
    session.commit()
    local_times = sorted(_to_local(t) for t in times)
    assert len(set(local_times)) == 3
    assert [t - local_times[0] for t in local_times] == [timedelta(0), timedelta(hours=1), timedelta(hours=2)]
    other = make_case(session, task_types=RESTAURANT, contact_person="Jonas Friis", contact_email="jonas@kk.example",
                      sender="owner@cafe9.dk")
    assert _to_local(propose(session, settings, other).starts_at) == local_times[0]


def test_a_day_full_for_the_contact_person_moves_the_meeting_to_the_next_working_day(session, settings):
    from intake.cases.meetings import LAST_START
    cases = [make_case(session, task_types=RESTAURANT, contact_person="Mette Lods", contact_email="mette@kk.example",
                       sender=f"owner{i}@cafe{i}.dk") for i in range(7)]
    starts = [_to_local(propose(session, settings, case).starts_at) for case in cases]
    first_day = starts[0].date()
    on_first = [t for t in starts if t.date() == first_day]
    assert all(t.time() <= LAST_START for t in starts) and len(on_first) < len(starts)
    assert CALENDAR.is_working_day(starts[-1].date()) and starts[-1].date() > first_day


def _to_local(moment):
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(LOCAL_TZ)


def _decide_every_part(session, case) -> None:
    for part in session.exec(select(CasePart).where(CasePart.case_id == case.id)):
        part.status, part.decision = "decided", "approved"
        session.add(part)
    session.commit()


def test_closing_the_case_cancels_its_coming_meeting_for_everyone(session, settings, proposed):
    """Closing left the invitations standing with the business, the offices and the contact person."""
    from intake.cases.lifecycle import Desk, close

    case, meeting, first = proposed
    _decide_every_part(session, case)
    done = close(session, case.reference, actor="mette", desk=Desk(settings, CATALOGUE, CALENDAR), now=NOW)
    session.commit()
    assert session.get(Meeting, meeting.id).status == "cancelled" and "star meeting is cancelled" in done.summary
    cancels = mails_after(session, first)
    assert sorted(m.recipient for m in cancels) == sorted(p["email"] for p in json.loads(meeting.participants))
    assert sorted(done.mailed) == sorted(m.recipient for m in cancels)
    business = next(m for m in cancels if m.recipient == case.sender)
    assert "The case is closed" in str(event_of(business.raw, "CANCEL").get("DESCRIPTION", "")) + \
        email.message_from_bytes(business.raw, policy=policy.default).get_body(("plain",)).get_content()


def test_closing_after_the_meeting_was_held_cancels_nothing(session, settings, proposed):
    from intake.cases.lifecycle import Desk, close

    case, meeting, first = proposed
    _decide_every_part(session, case)
    later = meeting.starts_at.replace(tzinfo=UTC) + timedelta(days=1)
    done = close(session, case.reference, actor="mette", desk=Desk(settings, CATALOGUE, CALENDAR), now=later)
    session.commit()
    assert session.get(Meeting, meeting.id).status == "proposed" and mails_after(session, first) == []
    assert done.mailed == ()
