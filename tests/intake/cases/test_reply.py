"""A caseworker writes to the business from the desk (``lifecycle.reply``): the text in the case letters' frame, in
the case's thread, in the history; no status, decision, due date or clock changes, in every status but purged."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import Session, select

from intake.cases import lifecycle as cases
from intake.cases import unread
from intake.cases.desk import MAX_TEXT
from intake.cases.lifecycle import PART_ACTION_STATUSES, InvalidTransition, MissingText, UnknownChoice
from intake.cases.statuses import STATUSES
from intake.letters.envelope import msg_id
from intake.web.trackview import timeline
from models import CaseEvent, CasePart, utcnow
from routing.goals import LOCAL_TZ
from tests.intake.casefactory import CATALOGUE
from tests.intake.cases.test_lifecycle import act, add_case, events, get, mails

TEXT = "Ja, I må gerne stille skiltet op, mens vi behandler sagen, når blot det står inde ved facaden."
REPLIED = datetime(2026, 12, 2, 11, tzinfo=LOCAL_TZ)


def clock_of(engine, ref) -> tuple:
    """Everything of the part and the case a reply must leave alone."""
    case = get(engine, ref)
    return (case.status, case.decision, case.decided_at, case.closed_at, case.part.status, case.part.decision,
            case.part.due_date, case.part.expected_week, case.part.paused_since, case.part.paused_seconds,
            case.part.pauses_json)


def test_a_reply_mails_the_text_in_the_case_letters_frame_and_thread(engine, desk):
    ref = add_case(engine, status="in_progress")
    result = act(engine, desk, cases.reply, ref, TEXT, now=REPLIED)
    ((to, msg),) = mails(engine, "case_message")
    body = msg.get_content()
    assert result.mailed == ("peter@jensen.dk",) and to == "peter@jensen.dk"
    assert msg["Subject"] == f"[{ref}] Besked fra Center for Trafik (vejmyndighed)"
    assert msg["Message-ID"] == msg_id(desk.settings, "message", ref, 1)
    assert msg["In-Reply-To"] == msg["References"] == msg_id(desk.settings, "ack", ref)
    assert msg["Auto-Submitted"] is None, "a caseworker's own letter: the business is meant to answer it"
    assert body.startswith("Kære ") and "Center for Trafik (vejmyndighed) skriver til dig om din sag:" in body
    assert f"\n{TEXT}\n" in body and f"Sagsnummer: {ref}" in body and "Med venlig hilsen" in body


def test_an_english_case_gets_the_frame_in_english(engine, desk):
    ref = add_case(engine, language="en")
    act(engine, desk, cases.reply, ref, "Yes, you may keep the scaffold up over the weekend.")
    ((_, msg),) = mails(engine, "case_message")
    assert msg["Subject"] == f"[{ref}] A message from Centre for Traffic (road authority)"
    assert "is writing to you about your case:\n\nYes, you may keep" in msg.get_content()


@pytest.mark.parametrize("status", ["routed", "in_progress", "waiting", "decided", "closed"])
def test_a_reply_changes_no_status_decision_due_date_or_clock(engine, desk, status):
    decided = datetime(2026, 12, 1, 10, tzinfo=LOCAL_TZ) if status in ("decided", "closed") else None
    paused = datetime(2026, 12, 1, 10, tzinfo=LOCAL_TZ) if status == "waiting" else None
    ref = add_case(engine, status=status, decided_at=decided, closed_at=decided if status == "closed" else None,
                   decision="approved" if decided else None)
    with Session(engine) as s:
        part = s.exec(select(CasePart)).one()
        part.paused_since, part.decided_at = paused, decided
        part.decision = "approved" if decided else None
        s.add(part)
        s.commit()
    before = clock_of(engine, ref)
    result = act(engine, desk, cases.reply, ref, TEXT, now=REPLIED)
    assert clock_of(engine, ref) == before and result.status == status
    assert "status and due date are unchanged" in result.summary


def test_the_reply_is_in_the_history_with_its_author_and_text(engine, desk):
    ref = add_case(engine)
    act(engine, desk, cases.reply, ref, TEXT)
    assert events(engine, ref) == [("karen", "caseworker_reply")]
    with Session(engine) as s:
        event = s.exec(select(CaseEvent)).one()
        part = s.exec(select(CasePart)).one()
    assert event.detail == TEXT and event.part_id == part.id


def test_the_track_page_says_the_office_wrote_without_the_text(engine, desk):
    """The track page is reached with the reference alone: it says a reply was sent, never what it said (the
    letter did), as it shows no event's detail."""
    ref = add_case(engine)
    act(engine, desk, cases.reply, ref, TEXT)
    with Session(engine) as s:
        lines = timeline(s, cases.get_case(s, ref), "da")
    assert any("svar fra enheden sendt til dig" in line for line in lines), lines
    assert not any("skiltet" in line for line in lines)


@pytest.mark.parametrize("text", ["", "  \n\t ", None])
def test_an_empty_reply_is_refused_and_mails_nothing(engine, desk, text):
    ref = add_case(engine)
    with pytest.raises(MissingText, match="reply needs the message to the business"):
        act(engine, desk, cases.reply, ref, text)
    assert mails(engine) == [] and events(engine, ref) == []


def test_a_reply_longer_than_a_letter_is_refused(engine, desk):
    ref = add_case(engine)
    with pytest.raises(MissingText, match="at most 20,000"):
        act(engine, desk, cases.reply, ref, "x" * (MAX_TEXT + 1))
    assert mails(engine) == []


def test_a_purged_case_takes_no_reply(engine, desk):
    ref = add_case(engine, status="closed", purged_at=utcnow())
    with pytest.raises(InvalidTransition, match="purged: cannot reply"):
        act(engine, desk, cases.reply, ref, TEXT)
    assert mails(engine) == [] and events(engine, ref) == []


def test_an_actor_of_one_office_replies_on_their_offices_part_only(engine, desk):
    """The office rule of ``parts.pick``: a trafik caseworker writes about trafik's part, never byggeri's; naming no
    part, theirs is meant; an actor of every office names the part."""
    ref = add_case(engine, task="vejareal")
    act(engine, desk, cases.add_part, ref, "skilte")
    before = len(mails(engine))
    with pytest.raises(UnknownChoice, match="another office's"):
        act(engine, desk, cases.reply, ref, TEXT, part="skilte", offices=frozenset({"trafik"}))
    assert len(mails(engine)) == before
    act(engine, desk, cases.reply, ref, TEXT, offices=frozenset({"trafik"}))
    with pytest.raises(UnknownChoice):
        act(engine, desk, cases.reply, ref, TEXT, offices=None)   # two parts: which one?
    act(engine, desk, cases.reply, ref, TEXT, part="skilte", offices=None)
    subjects = [m["Subject"].split("] ")[1] for _, m in mails(engine, "case_message")]   # a row per recipient
    assert list(dict.fromkeys(subjects)) == ["Besked fra Center for Trafik (vejmyndighed)",
                                             "Besked fra Center for Bygninger"]


def test_a_reply_names_its_part_whose_mark_its_own_office_has_then_seen_and_another_office_not(engine, desk):
    """The business wrote; the office answering it has read it: the reply names its part (``part_id``), whose mark
    the desk and ``intake case`` clear for an actor of the part's office (``unread.acted_on``), as after any action
    on it; the triage office writing leaves the mark for the part's own office."""
    ref = add_case(engine)
    with Session(engine) as s:
        unread.mark(s, s.exec(select(CasePart)).all(), utcnow())
        s.commit()
    result = act(engine, desk, cases.reply, ref, TEXT)
    assert result.part_id == get(engine, ref).part.id and get(engine, ref).part.unread_since is not None
    for office in (CATALOGUE.triage_office, "trafik"):
        with Session(engine) as s:
            unread.acted_on(s, result.part_id, office)
            s.commit()
        assert (get(engine, ref).part.unread_since is None) == (office == "trafik")


def test_a_sender_not_proven_still_gets_the_caseworkers_reply_and_the_summary_says_so(engine, desk):
    """Nothing automatic goes to a From that may be forged (``store.may_mail_sender``), but a caseworker's own letter
    does, as a question or a decision does: the desk warns on top of the case, the summary repeats it."""
    ref = add_case(engine)
    plain = act(engine, desk, cases.reply, ref, TEXT)
    assert "not proven" not in plain.summary
    with Session(engine) as s:
        case = cases.get_case(s, ref)
        s.add(CaseEvent(case_id=case.id, action="unproven_sender", detail="the From failed DMARC: no acknowledgement"))
        s.commit()
    result = act(engine, desk, cases.reply, ref, TEXT)
    assert result.mailed == ("peter@jensen.dk",) and len(mails(engine, "case_message")) == 2
    assert "the sender was not proven" in result.summary


def test_every_status_offers_a_reply():
    """A business may ask after a decision, or after its case is closed: the desk offers the form in every status
    (a purged case offers nothing, ``part_actions``)."""
    assert PART_ACTION_STATUSES["reply"] == STATUSES
