"""The case page offers a part and the case only the actions their status allows, and exactly those the lifecycle
accepts: no "approve" on an approved part, no "start" on one in progress, reopen, reply and note only on a closed
case."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from tests.intake.casefactory import local, make_case
from tests.web.desk.conftest import csrf_of

TRIAGE = "lis@kk.example"   # sees every case and acts on every part
RECEIVED = local(2026, 11, 30)
STATUSES = ("received", "routed", "in_progress", "waiting", "decided", "closed")
# what each action needs in its form to be accepted where its status allows it
FIELDS = {
    "start": {},
    "request-info": {"message": "Send venligst en tegning af skiltet."},
    "approve": {"message": ""},
    "reject": {"reason": "Skiltet dækker vinduet.", "path_forward": "Søg om et mindre skilt over døren."},
    "forward": {"topic": "alkoholbevilling"},
    "reroute": {"task_type": "udeservering"},
    "assign": {"to": TRIAGE},
    "reopen": {"reason": "Tegningen kom efter afgørelsen."},
    "reply": {"message": "Ja, skiltet må gerne hænge, mens vi behandler sagen."},
    "mark-complex": {},
    "add-part": {"task_type": "udeservering"},
    "close": {},
    "note": {"text": "Ejeren ringede: skiltet er af træ."},
}


def case_in(desk, status: str, **extra) -> str:
    """A one-part case (a sign, office byggeri) whose part, and so the case, is in ``status``."""
    decided = RECEIVED + timedelta(days=3) if status in ("decided", "closed") else None
    paused = RECEIVED + timedelta(days=1) if status == "waiting" else None
    closed = RECEIVED + timedelta(days=4) if status == "closed" else None
    with Session(desk.engine) as s:
        case = make_case(s, task_types=("skilte",), received=RECEIVED, status=status, decided=decided,
                         paused_since=paused, closed_at=closed, **extra)
        s.commit()
        return case.reference


def forms(html: str, ref: str) -> set[str]:
    """The actions whose forms the case page shows (the star meeting's aside: it is not the lifecycle's)."""
    return set(re.findall(rf'action="/cases/{ref}/act/([\w-]+)"', html)) - {"meeting"}


def shown(desk, client, status: str) -> set[str]:
    ref = case_in(desk, status)
    return forms(client.get(f"/cases/{ref}").text, ref)


@pytest.fixture
def triage(desk):
    return desk.user(TRIAGE, "erhvervsservice")


def test_a_routed_part_shows_start_the_decisions_and_the_case_actions_but_no_reopen(desk, triage):
    assert shown(desk, triage, "routed") == {"start", "request-info", "approve", "reject", "forward", "reroute",
                                             "assign", "reply", "mark-complex", "add-part", "note"}


def test_a_part_in_progress_shows_no_start(desk, triage):
    assert shown(desk, triage, "in_progress") == {"request-info", "approve", "reject", "forward", "reroute",
                                                  "assign", "reply", "mark-complex", "add-part", "note"}


def test_a_waiting_part_shows_start_which_resumes_its_clock(desk, triage):
    assert "start" in shown(desk, triage, "waiting")


def test_a_decided_part_shows_reopen_assign_reply_note_and_close_but_no_decision(desk, triage):
    assert shown(desk, triage, "decided") == {"reopen", "assign", "reply", "close", "note"}


def test_a_closed_case_shows_reopen_reply_and_note_only(desk, triage):
    """A business may ask after its case is closed: the office answers it from the desk."""
    assert shown(desk, triage, "closed") == {"reopen", "reply", "note"}


def test_a_purged_case_shows_no_action(desk, triage):
    ref = case_in(desk, "closed", purged_at=RECEIVED + timedelta(days=2000))
    assert forms(triage.get(f"/cases/{ref}").text, ref) == set()


def test_a_complex_case_with_its_contact_person_shows_no_mark_complex_which_the_lifecycle_refuses(desk, triage):
    ref = case_in(desk, "routed", complex=True, contact_person="Mette Holm", contact_email="mette@kk.example")
    page = triage.get(f"/cases/{ref}").text
    assert "mark-complex" not in forms(page, ref)
    assert triage.post(f"/cases/{ref}/act/mark-complex", data={"csrf": csrf_of(page)}).status_code == 400


@pytest.mark.parametrize("status", STATUSES)
def test_a_form_is_shown_exactly_when_the_lifecycle_accepts_its_action(desk, triage, status):
    """For every action, on a fresh case in ``status``: the page shows its form if and only if posting it is done."""
    disagree = {}
    for action, fields in FIELDS.items():
        ref = case_in(desk, status)
        page = triage.get(f"/cases/{ref}").text
        part = {} if action in ("mark-complex", "add-part", "close", "note") else {"part": "skilte"}
        r = triage.post(f"/cases/{ref}/act/{action}", data={"csrf": csrf_of(page), **part, **fields})
        assert r.status_code in (303, 400), (action, r.status_code, r.text[:500])
        offered, accepted = action in forms(page, ref), r.status_code == 303
        if offered != accepted:
            disagree[action] = f"form {'shown' if offered else 'hidden'}, action {'done' if accepted else 'refused'}"
    assert disagree == {}


def test_a_closed_case_offers_no_star_meeting_and_invites_nobody_to_one(desk, triage):
    """The triage office saw the star-meeting form on a closed case, and proposing from it mailed the business an
    invitation to talk about a case that is over."""
    from models import Meeting, OutboxMail
    ref = case_in(desk, "closed")
    page = triage.get(f"/cases/{ref}").text
    assert f'action="/cases/{ref}/act/meeting"' not in page
    r = triage.post(f"/cases/{ref}/act/meeting", data={"csrf": csrf_of(page), "op": "propose"})
    assert r.status_code == 400 and "closed" in r.text
    with Session(desk.engine) as s:
        assert s.exec(select(Meeting)).all() == [] and s.exec(select(OutboxMail)).all() == []


def test_a_decided_case_still_offers_the_star_meeting_to_the_triage_office(desk, triage):
    ref = case_in(desk, "decided")
    assert f'action="/cases/{ref}/act/meeting"' in triage.get(f"/cases/{ref}").text


def test_a_waiting_parts_button_says_it_resumes_the_clock_not_start(desk, triage):
    """On a part waiting for the business the button resumes its clock; "Start" read as if nothing had begun."""
    ref = case_in(desk, "waiting")
    button = re.search(rf'action="/cases/{ref}/act/start".*?<button type="submit">(.*?)</button>',
                       triage.get(f"/cases/{ref}").text, re.S)
    assert button and "Resume" in button.group(1) and "Start" not in button.group(1)
