"""Reopening a decision from the desk: the case page's form for a decided part, to whom may use it, and its POST."""
from __future__ import annotations

import re

from sqlmodel import Session, col, select

from intake.cases import lifecycle
from intake.cases.audit import audit_of
from intake.cases.desk import Desk
from models import CasePart, OutboxMail
from tests.web.desk.conftest import csrf_of, sample

RESTAURANT = "05-ny-restaurant-p-n-rrebrogade.eml"   # parts in several offices


def decide(desk, ref: str, *task_types: str) -> None:
    with Session(desk.engine) as s:
        for task_type in task_types:
            lifecycle.approve(s, ref, actor="lis@kk.example", desk=Desk(desk.ctx.settings, desk.ctx.catalogue,
                                                                        desk.ctx.calendar), part=task_type)
        s.commit()


def reopen_forms(html: str, ref: str) -> list[str]:
    """The parts whose reopen form the page shows."""
    return re.findall(rf'action="/cases/{ref}/act/reopen">\s*<input type="hidden" name="csrf" value="\w+">'
                      r'<input type="hidden" name="part" value="(\w+)">', html)


def parts_of(desk) -> list[CasePart]:
    with Session(desk.engine) as s:
        return list(s.exec(select(CasePart).order_by(col(CasePart.position))))


def test_the_reopen_form_is_shown_for_a_decided_part_of_ones_own_office_only(desk):
    ref = desk.deliver(sample(RESTAURANT))
    first, *others = parts_of(desk)
    theirs = next(p for p in others if p.office != first.office)
    caseworker = desk.user("karen@kk.example", first.office)
    assert reopen_forms(caseworker.get(f"/cases/{ref}").text, ref) == [], "nothing is decided yet"
    decide(desk, ref, first.task_type, theirs.task_type)
    assert reopen_forms(caseworker.get(f"/cases/{ref}").text, ref) == [first.task_type]
    triage = desk.user("lis@kk.example", "erhvervsservice")
    assert reopen_forms(triage.get(f"/cases/{ref}").text, ref) == [first.task_type, theirs.task_type]


def test_reopening_from_the_desk_puts_the_part_back_in_progress_and_tells_the_business(desk):
    ref = desk.deliver(sample(RESTAURANT))
    first = parts_of(desk)[0]
    decide(desk, ref, first.task_type)
    client = desk.user("karen@kk.example", first.office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    r = client.post(f"/cases/{ref}/act/reopen", data={"csrf": token, "part": first.task_type,
                                                        "reason": "Tegningen kom efter afgørelsen."})
    assert r.status_code == 303
    with Session(desk.engine) as s:
        part = s.get(CasePart, first.id)
        assert (part.status, part.decision) == ("in_progress", None)
        assert s.exec(select(OutboxMail).where(OutboxMail.purpose == "case_reopened")).first() is not None
        assert "reopen" in [a.action for a in audit_of(s, ref)]
    assert "Tegningen kom efter afgørelsen." in client.get(f"/cases/{ref}").text


def test_a_reopening_without_a_reason_is_refused_on_the_page(desk):
    ref = desk.deliver(sample(RESTAURANT))
    first = parts_of(desk)[0]
    decide(desk, ref, first.task_type)
    client = desk.user("karen@kk.example", first.office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    r = client.post(f"/cases/{ref}/act/reopen", data={"csrf": token, "part": first.task_type, "reason": " "})
    assert r.status_code == 400 and "reopen needs the reason" in r.text
    assert parts_of(desk)[0].status == "decided"


def test_another_offices_decided_part_cannot_be_reopened_from_the_desk(desk):
    ref = desk.deliver(sample(RESTAURANT))
    first, *others = parts_of(desk)
    theirs = next(p for p in others if p.office != first.office)
    decide(desk, ref, theirs.task_type)
    client = desk.user("karen@kk.example", first.office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    r = client.post(f"/cases/{ref}/act/reopen", data={"csrf": token, "part": theirs.task_type, "reason": "Fejl."})
    assert r.status_code == 404
    assert next(p for p in parts_of(desk) if p.id == theirs.id).status == "decided"
