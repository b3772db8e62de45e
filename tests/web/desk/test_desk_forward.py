"""Forwarding from the desk (forvaltningsloven § 7, stk. 2): the case page's forward form with the authority's
mailbox, its POST, and both mails delivered through a real SMTP server on loopback: the application, original
attached, to the authority, and the letter to the business that it has been sent on."""
from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from intake.cases.lifecycle import get_case
from models import CaseEvent, CasePart, OutboxMail
from tests.web.desk.conftest import csrf_of, make_desk, sample

SCAFFOLD = "02-scaffolding-permit-vesterbroga.eml"      # trafik, in English, from james.carter@nordicscaffold.com
BUSINESS = "james.carter@nordicscaffold.com"
AUTHORITY = "journal@skat.example"


@pytest.fixture
def desk(tmp_path, model_dir, smtp_sink):
    """The desk sending its mail to a real SMTP server (STARTTLS), as ``intake web`` does without a service."""
    return make_desk(tmp_path, model_dir, INTAKE_SMTP_HOST=smtp_sink.host, INTAKE_SMTP_PORT=str(smtp_sink.port),
                     INTAKE_SMTP_SECURITY="starttls", INTAKE_SMTP_CAFILE=str(smtp_sink.cafile))


def part_of(desk, ref: str) -> CasePart:
    with Session(desk.engine) as s:
        part = s.exec(select(CasePart).where(CasePart.case_id == get_case(s, ref).id)
                      .order_by(col(CasePart.position))).first()
    assert part is not None
    return part


def test_the_forward_form_sends_the_application_to_the_authority_and_tells_the_business(desk, smtp_sink):
    ref = desk.deliver(sample(SCAFFOLD))
    part = part_of(desk, ref)
    client = desk.user("karen@kk.example", part.office)
    page = client.get(f"/cases/{ref}").text
    assert f'action="/cases/{ref}/act/forward"' in page and 'type="email" id="fto-' in page and 'name="to"' in page
    r = client.post(f"/cases/{ref}/act/forward", data={"csrf": csrf_of(page), "part": part.task_type,
                                                        "topic": "skat_moms", "to": AUTHORITY})
    assert r.status_code == 303, r.text[:500]
    (to_authority,) = smtp_sink.to(AUTHORITY)
    assert to_authority.tls and to_authority.rcpt_tos == (AUTHORITY,)
    sent = to_authority.message
    assert sent["Subject"].startswith(f"[{ref}] Videresendt efter forvaltningslovens § 7, stk. 2")
    (attached,) = list(sent.iter_attachments())
    assert attached.get_content_type() == "message/rfc822"
    assert "scaffold" in str(attached.get_content()["Subject"]).lower(), "the business's own mail, as it came"
    (letter,) = [m.message for m in smtp_sink.to(BUSINESS) if "has been sent on to" in str(m.message["Subject"])]
    body = letter.get_content()
    assert "we have therefore sent your enquiry on to them" in body and "Sent on to: the Danish Tax Agency" in body
    with Session(desk.engine) as s:
        statuses = dict(s.exec(select(OutboxMail.purpose, OutboxMail.status)
                               .where(col(OutboxMail.purpose).in_(("forwarded_authority", "case_forwarded")))).all())
        assert statuses == {"forwarded_authority": "sent", "case_forwarded": "sent"}
        detail = s.exec(select(CaseEvent.detail).where(CaseEvent.action == "forwarded")).one()
        assert AUTHORITY not in detail and "Skattestyrelsen" in detail
    assert part_of(desk, ref).decision == "forwarded"


def test_a_bad_address_on_the_form_is_refused_and_sends_nothing(desk, smtp_sink):
    ref = desk.deliver(sample(SCAFFOLD))
    part = part_of(desk, ref)
    smtp_sink.clear()
    client = desk.user("karen@kk.example", part.office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    r = client.post(f"/cases/{ref}/act/forward", data={"csrf": token, "part": part.task_type,
                                                        "topic": "skat_moms", "to": "skat.example"})
    assert r.status_code == 400 and "not an email address" in r.text and "--to" not in r.text
    assert 'value="skat.example"' in r.text, "the page keeps what was typed"
    assert smtp_sink.messages == [] and part_of(desk, ref).status != "decided"
