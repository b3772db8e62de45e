"""Reopening a decision: a part decided wrongly, or rejected before the business sent what was missing, is taken up
again (``lifecycle.reopen``): back in progress, the reason in the history, the business told the new week."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlmodel import Session, select

from intake.cases import lifecycle as cases
from intake.cases.lifecycle import InvalidTransition, MissingText, UnknownChoice
from intake.letters.envelope import msg_id
from intake.web.trackview import timeline
from models import CaseEvent, CasePart, utcnow
from routing.goals import LOCAL_TZ
from tests.intake.cases.test_lifecycle import act, add_case, events, get, mails

DECIDED = datetime(2026, 12, 3, 10, tzinfo=LOCAL_TZ)    # Thursday of week 49; vejareal is due Mon 14 Dec
REOPENED = datetime(2026, 12, 10, 10, tzinfo=LOCAL_TZ)  # a week later


def approved(engine, desk, **fields) -> str:
    ref = add_case(engine, task="vejareal", status="in_progress", **fields)
    act(engine, desk, cases.approve, ref, now=DECIDED)
    return ref


def test_a_reopened_part_is_in_progress_without_its_decision(engine, desk):
    ref = approved(engine, desk)
    result = act(engine, desk, cases.reopen, ref, reason="Godkendt på et forkert grundlag.", now=REOPENED)
    case = get(engine, ref)
    assert result.status == case.status == case.part.status == "in_progress"
    assert (case.decision, case.decided_at, case.part.decision, case.part.decided_at) == (None, None, None, None)


def test_the_reopened_event_carries_the_reason(engine, desk):
    ref = approved(engine, desk)
    act(engine, desk, cases.reopen, ref, reason="Virksomheden har sendt tegningen.", now=REOPENED)
    assert events(engine, ref)[-1] == ("karen", "reopened")
    with Session(engine) as s:
        detail = s.exec(select(CaseEvent.detail).where(CaseEvent.action == "reopened")).one()
    assert "Virksomheden har sendt tegningen." in detail and "approved" in detail


def test_the_time_a_part_stood_decided_pauses_its_clock(engine, desk):
    """Decided on Thursday 3 Dec with 7 of its 10 working days left, reopened a week later: it keeps those 7
    (due Mon 14 Dec moves five working days, to Mon 21 Dec), as a pause the reports leave out."""
    ref = approved(engine, desk)
    act(engine, desk, cases.reopen, ref, reason="Fejl i afgørelsen.", now=REOPENED)
    case = get(engine, ref)
    assert case.due_date == date(2026, 12, 21) and case.expected_week == "2026-W52"
    assert case.paused_seconds == 7 * 24 * 3600 and case.paused_since is None


def test_the_business_is_told_in_the_cases_thread_with_the_new_week(engine, desk):
    ref = approved(engine, desk)
    act(engine, desk, cases.reopen, ref, reason="Fejl i afgørelsen.", now=REOPENED)
    ((to, msg),) = mails(engine, "case_reopened")
    body = msg.get_content()
    assert to == "peter@jensen.dk" and msg["Subject"] == f"[{ref}] Din sag er genoptaget"
    assert msg["In-Reply-To"] == msg_id(desk.settings, "ack", ref)
    assert "genoptaget vores afgørelse" in body and "Afgørelsen var: godkendt" in body
    assert "Forventes afsluttet i uge 52 (21.-25. december 2026)" in body
    assert "Fejl i afgørelsen" not in body, "the reason is the history's, not a letter's"


def test_an_english_case_is_told_in_english(engine, desk):
    ref = approved(engine, desk, language="en")
    act(engine, desk, cases.reopen, ref, reason="Wrong decision.", now=REOPENED)
    ((_, msg),) = mails(engine, "case_reopened")
    assert msg["Subject"].endswith("Your case is reopened") and "The decision was: approved" in msg.get_content()


def test_a_part_reopened_past_its_latest_day_says_it_is_late(engine, desk):
    """Decided after its due date, the part has no time left: a week in the past tells nothing, so the letter says
    it is late and that the answer comes as soon as possible."""
    ref = add_case(engine, task="vejareal", status="in_progress")
    act(engine, desk, cases.approve, ref, now=datetime(2026, 12, 16, 10, tzinfo=LOCAL_TZ))
    act(engine, desk, cases.reopen, ref, reason="Fejl.", now=datetime(2026, 12, 17, 10, tzinfo=LOCAL_TZ))
    ((_, msg),) = mails(engine, "case_reopened")
    assert "Sagen er forsinket" in msg.get_content() and "Forventes afsluttet" not in msg.get_content()


@pytest.mark.parametrize("status", ["routed", "in_progress", "waiting"])
def test_a_part_not_decided_cannot_be_reopened(engine, desk, status):
    ref = add_case(engine, status=status)
    with pytest.raises(InvalidTransition, match="cannot reopen; only a decided part can be reopened"):
        act(engine, desk, cases.reopen, ref, reason="Fejl.")
    assert mails(engine, "case_reopened") == []


@pytest.mark.parametrize("reason", ["", "  \n "])
def test_reopening_needs_a_reason(engine, desk, reason):
    ref = approved(engine, desk)
    with pytest.raises(MissingText, match="reason"):
        act(engine, desk, cases.reopen, ref, reason=reason)
    assert get(engine, ref).status == "decided"


def test_a_closed_case_is_open_again_and_can_be_decided_and_closed_anew(engine, desk):
    ref = approved(engine, desk)
    act(engine, desk, cases.close, ref)
    act(engine, desk, cases.reopen, ref, reason="Klage over afgørelsen gav virksomheden ret.", now=REOPENED)
    case = get(engine, ref)
    assert (case.status, case.closed_at, case.part.status) == ("in_progress", None, "in_progress")
    act(engine, desk, cases.reject, ref, reason="For smalt fortov.", path_forward="Søg om et mindre areal.")
    act(engine, desk, cases.close, ref)
    assert (get(engine, ref).status, get(engine, ref).decision) == ("closed", "rejected")


def test_a_purged_case_cannot_be_reopened(engine, desk):
    ref = add_case(engine, status="closed", purged_at=utcnow())
    with pytest.raises(InvalidTransition, match="purged"):
        act(engine, desk, cases.reopen, ref, reason="Fejl.")


def test_an_actor_of_one_office_reopens_only_their_offices_part(engine, desk):
    """The office rule of ``parts.pick``: a trafik caseworker reopens trafik's part, never byggeri's; an actor of
    every office (the triage office, an operator) reopens either."""
    ref = add_case(engine, task="vejareal")
    act(engine, desk, cases.add_part, ref, "skilte")
    for part in ("vejareal", "skilte"):
        act(engine, desk, cases.approve, ref, part=part)
    with pytest.raises(UnknownChoice, match="another office's"):
        act(engine, desk, cases.reopen, ref, reason="Fejl.", part="skilte", offices=frozenset({"trafik"}))
    act(engine, desk, cases.reopen, ref, reason="Fejl.", offices=frozenset({"trafik"}))
    act(engine, desk, cases.reopen, ref, reason="Fejl.", part="skilte", offices=None)
    with Session(engine) as s:
        assert set(s.exec(select(CasePart.status))) == {"in_progress"}
    assert get(engine, ref).status == "in_progress"


def test_the_track_page_tells_the_business_its_decision_was_reopened(engine, desk):
    ref = approved(engine, desk)
    act(engine, desk, cases.reopen, ref, reason="Intern begrundelse.", now=REOPENED)
    with Session(engine) as s:
        lines = timeline(s, cases.get_case(s, ref), "da")
    assert any("afgørelsen er genoptaget" in line for line in lines), lines
    assert not any("Intern begrundelse" in line for line in lines)
