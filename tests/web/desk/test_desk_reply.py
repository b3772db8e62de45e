"""Writing to the business from the desk: the case page's reply form, its POST, and the mail it sends through a real
SMTP server on loopback, in the case's thread; nothing else about the case changes."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import Session, col, select

from intake.letters.envelope import msg_id
from models import CaseEvent, CasePart, OutboxMail, utcnow
from tests.intake.casefactory import local, make_case
from tests.web.desk.conftest import csrf_of, part_of, sample
from tests.web.desk.test_desk_unread import follow_up

SCAFFOLD = "02-scaffolding-permit-vesterbroga.eml"      # trafik, in English, from james.carter@nordicscaffold.com
BUSINESS = "james.carter@nordicscaffold.com"
RESTAURANT = "05-ny-restaurant-p-n-rrebrogade.eml"      # parts in several offices
TEXT = "Yes, the scaffolding may stay up over the weekend, as long as the pavement is kept clear."


def reply_forms(html: str, ref: str) -> list[str]:
    """The parts whose reply form the page shows."""
    return re.findall(rf'action="/cases/{ref}/act/reply">\s*<input type="hidden" name="csrf" value="\w+">'
                      r'<input type="hidden" name="part" value="(\w+)">', html)


def test_a_reply_from_the_case_page_reaches_the_business_in_the_cases_thread(smtp_desk, smtp_sink):
    ref = smtp_desk.deliver(sample(SCAFFOLD))
    before = part_of(smtp_desk, ref)
    client = smtp_desk.user("karen@kk.example", before.office)
    page = client.get(f"/cases/{ref}").text
    assert reply_forms(page, ref) == [before.task_type]
    r = client.post(f"/cases/{ref}/act/reply", data={"csrf": csrf_of(page), "part": before.task_type,
                                                      "message": TEXT})
    assert r.status_code == 303, r.text[:500]
    (sent,) = [m.message for m in smtp_sink.to(BUSINESS) if "A message from" in str(m.message["Subject"])]
    assert sent["Subject"] == f"[{ref}] A message from Centre for Traffic (road authority)"
    assert sent["In-Reply-To"] == msg_id(smtp_desk.ctx.settings, "ack", ref)
    assert sent["Message-ID"].startswith(f"<message.{ref}.")
    assert TEXT in sent.get_content() and f"Reference: {ref}" in sent.get_content()
    with Session(smtp_desk.engine) as s:
        assert s.exec(select(OutboxMail.status).where(OutboxMail.purpose == "case_message")).one() == "sent"
    after = part_of(smtp_desk, ref)
    assert (after.status, after.due_date, after.paused_since, after.decision) == (
        before.status, before.due_date, before.paused_since, before.decision)
    history = client.get(f"/cases/{ref}").text.split("<h2>Historik / History</h2>")[1]
    assert re.search(rf"sagsbehandlers svar sendt.*?{re.escape(TEXT)}", history, re.S), "the reply and its text"


def test_a_reply_clears_the_parts_mark_new_from_the_business(smtp_desk):
    """Acting on a part clears its office's mark; the reply is posted here without opening the case first."""
    ref = smtp_desk.deliver(sample(SCAFFOLD))
    smtp_desk.deliver(follow_up(ref))
    part = part_of(smtp_desk, ref)
    assert part.unread_since is not None
    client = smtp_desk.user("karen@kk.example", part.office)
    token = csrf_of(client.get("/cases").text)   # the queue's form: the case page would clear the mark itself
    r = client.post(f"/cases/{ref}/act/reply", data={"csrf": token, "part": part.task_type, "message": TEXT})
    assert r.status_code == 303, r.text[:500]
    assert part_of(smtp_desk, ref).unread_since is None


def test_an_empty_reply_is_refused_on_the_page_and_sends_nothing(smtp_desk, smtp_sink):
    ref = smtp_desk.deliver(sample(SCAFFOLD))
    part = part_of(smtp_desk, ref)
    client = smtp_desk.user("karen@kk.example", part.office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    r = client.post(f"/cases/{ref}/act/reply", data={"csrf": token, "part": part.task_type, "message": " \n "})
    assert r.status_code == 400 and "reply needs the message to the business" in r.text
    with Session(smtp_desk.engine) as s:
        assert s.exec(select(OutboxMail).where(OutboxMail.purpose == "case_message")).all() == []
        assert s.exec(select(CaseEvent).where(CaseEvent.action == "caseworker_reply")).all() == []


def test_another_offices_part_cannot_be_replied_to_from_the_desk(smtp_desk, smtp_sink):
    ref = smtp_desk.deliver(sample(RESTAURANT))
    with Session(smtp_desk.engine) as s:
        first, *others = s.exec(select(CasePart).order_by(col(CasePart.position))).all()
    theirs = next(p for p in others if p.office != first.office)
    client = smtp_desk.user("karen@kk.example", first.office)
    page = client.get(f"/cases/{ref}").text
    assert theirs.task_type not in reply_forms(page, ref) and first.task_type in reply_forms(page, ref)
    r = client.post(f"/cases/{ref}/act/reply", data={"csrf": csrf_of(page), "part": theirs.task_type,
                                                      "message": TEXT})
    assert r.status_code == 404
    with Session(smtp_desk.engine) as s:
        assert s.exec(select(OutboxMail).where(OutboxMail.purpose == "case_message")).all() == []


def test_a_purged_case_offers_no_reply_and_refuses_one(smtp_desk, smtp_sink):
    with Session(smtp_desk.engine) as s:
        case = make_case(s, task_types=("skilte",), received=local(2020, 3, 2), status="closed",
                         decided=local(2020, 3, 9), closed_at=local(2020, 3, 9),
                         purged_at=utcnow() - timedelta(days=1))
        s.commit()
        ref = case.reference
    triage = smtp_desk.user("lis@kk.example", "erhvervsservice")
    page = triage.get(f"/cases/{ref}").text
    assert reply_forms(page, ref) == []
    r = triage.post(f"/cases/{ref}/act/reply", data={"csrf": csrf_of(page), "part": "skilte", "message": TEXT})
    assert r.status_code == 400 and "purged" in r.text
    assert smtp_sink.messages == []
