"""A closed case of three parts, reopened part by part and closed again: the case's status, the other parts, the
track page, the desk, the letters and the clocks (``lifecycle.reopen`` opened the case but left its other parts
"closed", so the business read "afsluttet" beside a part in progress)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlmodel import Session, col, select

from intake.cases import lifecycle as cases
from intake.cases.views import case_detail
from intake.web.trackview import track_view
from models import Case, CasePart, as_utc
from routing.goals import LOCAL_TZ
from tests.intake.casefactory import add_part
from tests.intake.cases.test_lifecycle import CATALOGUE, act, add_case, mails

TASKS = ("vejareal", "skilte", "udeservering")   # trafik, byggeri, byliv; due 14 Dec, 28 Dec, 14 Dec


def day(d: int) -> datetime:
    return datetime(2026, 12, d, 10, tzinfo=LOCAL_TZ)


def closed_case(engine, desk, language="da") -> str:
    """Three parts approved on Thursday 3 December, the case closed on Friday 4 December."""
    ref = add_case(engine, task=TASKS[0], status="in_progress", language=language)
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        for position, task in enumerate(TASKS[1:], start=1):
            add_part(s, case, task, position=position, status="in_progress")
        s.commit()
    for task in TASKS:
        act(engine, desk, cases.approve, ref, part=task, now=day(3))
    act(engine, desk, cases.close, ref, now=day(4))
    return ref


def state(engine, ref) -> tuple[Case, dict[str, CasePart]]:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        parts = s.exec(select(CasePart).where(CasePart.case_id == case.id).order_by(col(CasePart.position))).all()
        return case, {p.task_type: p for p in parts}


def test_reopening_one_part_leaves_the_others_decided_not_closed(engine, desk):
    ref = closed_case(engine, desk)
    act(engine, desk, cases.reopen, ref, part="skilte", reason="Klage over afgørelsen.", now=day(8))
    case, parts = state(engine, ref)
    assert (case.status, case.closed_at, case.decision, case.decided_at) == ("in_progress", None, None, None)
    assert [(p.status, p.decision) for p in parts.values()] == [
        ("decided", "approved"), ("in_progress", None), ("decided", "approved")]
    assert as_utc(parts["vejareal"].decided_at) == as_utc(parts["udeservering"].decided_at) == day(3), \
        "the others keep the day they were decided"


@pytest.mark.parametrize(("lang", "decided", "closed"), [("da", "afgjort (godkendt)", "afsluttet"),
                                                         ("en", "decided (approved)", "closed")])
def test_the_track_page_shows_the_other_parts_decided_beside_the_reopened_one(engine, desk, lang, decided, closed):
    ref = closed_case(engine, desk, language=lang)
    act(engine, desk, cases.reopen, ref, part="skilte", reason="Klage.", now=day(8))
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        view = track_view(s, case, CATALOGUE, desk.calendar, desk.settings, lang, today=day(8).date())
    states = [p.state for p in view.parts]
    assert states[0] == states[2] == decided and not any(s.startswith(closed) for s in states)
    assert view.parts[1].week and not view.parts[1].decided


def test_the_desk_offers_the_decided_parts_actions_and_close_once_all_are_decided_again(engine, desk):
    ref = closed_case(engine, desk)
    act(engine, desk, cases.reopen, ref, part="skilte", reason="Klage.", now=day(8))
    with Session(engine) as s:
        detail = case_detail(s, ref, desk, now=day(8))
        acts = {v.part.task_type: cases.part_actions(detail.case, v.part) for v in detail.parts}
        assert "close" not in cases.case_actions(detail.case)
    assert acts["vejareal"] == acts["udeservering"] == ("assign", "reopen", "reply", "note"), "decided, not closed"
    assert "approve" in acts["skilte"]
    act(engine, desk, cases.approve, ref, part="skilte", now=day(10))
    case, _ = state(engine, ref)
    assert (case.status, case.decision) == ("decided", "approved") and "close" in cases.case_actions(case)


def test_two_parts_reopened_each_keep_their_own_time_and_the_third_its_due_date(engine, desk):
    """Each reopened part's clock stood still from its decision to its reopening: skilte 5 days (due 28 Dec ->
    Mon 4 Jan), udeservering 6 days (due 14 Dec -> Sun 20 Dec, so Mon 21 Dec); vejareal is untouched."""
    ref = closed_case(engine, desk)
    act(engine, desk, cases.reopen, ref, part="skilte", reason="Klage.", now=day(8))
    act(engine, desk, cases.reopen, ref, part="udeservering", reason="Klage.", now=day(9))
    case, parts = state(engine, ref)
    assert case.status == "in_progress"
    assert [(p.status, p.due_date, p.paused_seconds) for p in parts.values()] == [
        ("decided", date(2026, 12, 14), 0), ("in_progress", date(2027, 1, 4), 5 * 86400),
        ("in_progress", date(2026, 12, 21), 6 * 86400)]


def test_deciding_both_and_closing_again_closes_every_part_with_the_latest_decision(engine, desk):
    ref = closed_case(engine, desk)
    act(engine, desk, cases.reopen, ref, part="skilte", reason="Klage.", now=day(8))
    act(engine, desk, cases.reopen, ref, part="udeservering", reason="Klage.", now=day(9))
    act(engine, desk, cases.approve, ref, part="skilte", now=day(10))
    act(engine, desk, cases.reject, ref, part="udeservering", reason="For smalt fortov.",
        path_forward="Søg om et mindre areal.", now=day(10))
    act(engine, desk, cases.close, ref, now=day(11))
    case, parts = state(engine, ref)
    assert (case.status, case.decision) == ("closed", "mixed")
    assert {p.status for p in parts.values()} == {"closed"}
    assert (as_utc(case.decided_at), as_utc(case.closed_at)) == (day(10), day(11))


@pytest.mark.parametrize(("lang", "sentence", "others"), [
    ("da", "Vi har genoptaget vores afgørelse om din ansøgning om skilte og facadereklamer, som er én af opgaverne i "
           "din sag. Afgørelsen var: godkendt. Center for Bygninger behandler den igen, og du får en ny afgørelse om "
           "den.",
     ["1. Råden over vejareal", "3. Udeservering: Byliv og Arrangementer\n   Status: afgjort (godkendt)"]),
    ("en", "We have reopened our decision on your application for signs and facade advertising, one of the tasks in "
           "your case. The decision was: approved. Centre for Buildings is processing it again, and you will receive "
           "a new decision on it.",
     ["1. Use of road space", "3. Outdoor serving (pavement café): City Life and Events\n   Status: decided "
                              "(approved)"]),
])
def test_the_reopened_letter_names_the_part_and_lists_the_others_as_decided(engine, desk, lang, sentence, others):
    """It said the office "behandler sagen igen" (is processing your case again) of a case whose other parts stay
    decided."""
    ref = closed_case(engine, desk, language=lang)
    act(engine, desk, cases.reopen, ref, part="skilte", reason="Klage.", now=day(8))
    ((_, msg),) = mails(engine, "case_reopened")
    body = msg.get_content()
    assert " ".join(sentence.split()) in " ".join(body.split())
    assert all(o in body for o in others) and "2. Skilte" not in body
