"""Forwarding from the desk (forvaltningsloven § 7, stk. 2): the case page's forward form with the authority's
mailbox, its POST, and both mails delivered through a real SMTP server on loopback: the application, original
attached, to the authority, and the letter to the business that it has been sent on."""
from __future__ import annotations

from sqlmodel import Session, col, select

from models import CaseEvent, OutboxMail
from tests.web.desk.conftest import csrf_of, part_of, sample

SCAFFOLD = "02-scaffolding-permit-vesterbroga.eml"      # trafik, in English, from james.carter@nordicscaffold.com
BUSINESS = "james.carter@nordicscaffold.com"
AUTHORITY = "journal@skat.example"


def test_the_forward_form_sends_the_application_to_the_authority_and_tells_the_business(smtp_desk, smtp_sink):
    ref = smtp_desk.deliver(sample(SCAFFOLD))
    part = part_of(smtp_desk, ref)
    client = smtp_desk.user("karen@kk.example", part.office)
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
    with Session(smtp_desk.engine) as s:
        statuses = dict(s.exec(select(OutboxMail.purpose, OutboxMail.status)
                               .where(col(OutboxMail.purpose).in_(("forwarded_authority", "case_forwarded")))).all())
        assert statuses == {"forwarded_authority": "sent", "case_forwarded": "sent"}
        detail = s.exec(select(CaseEvent.detail).where(CaseEvent.action == "forwarded")).one()
        assert AUTHORITY not in detail and "Skattestyrelsen" in detail
    assert part_of(smtp_desk, ref).decision == "forwarded"


def test_a_bad_address_on_the_form_is_refused_and_sends_nothing(smtp_desk, smtp_sink):
    ref = smtp_desk.deliver(sample(SCAFFOLD))
    part = part_of(smtp_desk, ref)
    smtp_sink.clear()
    client = smtp_desk.user("karen@kk.example", part.office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    r = client.post(f"/cases/{ref}/act/forward", data={"csrf": token, "part": part.task_type,
                                                        "topic": "skat_moms", "to": "skat.example"})
    assert r.status_code == 400 and "not an email address" in r.text and "--to" not in r.text
    assert 'value="skat.example"' in r.text, "the page keeps what was typed"
    assert smtp_sink.messages == [] and part_of(smtp_desk, ref).status != "decided"


def test_the_authoritys_answer_is_shown_on_the_case_as_the_authoritys_and_new_to_the_office(smtp_desk, smtp_sink):
    """The authority answers the mail we sent it: the case page shows it, marked as the authority's, new to the
    office; nobody is mailed."""
    ref = smtp_desk.deliver(sample(SCAFFOLD))
    part = part_of(smtp_desk, ref)
    client = smtp_desk.user("karen@kk.example", part.office)
    page = client.get(f"/cases/{ref}").text
    client.post(f"/cases/{ref}/act/forward", data={"csrf": csrf_of(page), "part": part.task_type,
                                                    "topic": "skat_moms", "to": AUTHORITY})
    sent = smtp_sink.to(AUTHORITY)[0].message
    mails_before = len(smtp_sink.messages)
    answer = (f"From: Skattestyrelsen <{AUTHORITY}>\r\nTo: erhvervsservice@kk.example\r\n"
              f"Subject: SV: {sent['Subject']}\r\nDate: Mon, 07 Dec 2026 10:00:00 +0100\r\n"
              f"Message-ID: <answer-1@skat.example>\r\nIn-Reply-To: {sent['Message-ID']}\r\n"
              f"References: {sent['Message-ID']}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
              "Tak, vi har modtaget den og vender tilbage til virksomheden.\r\n").encode()
    assert smtp_desk.deliver(answer) == ref
    assert part_of(smtp_desk, ref).unread_since is not None
    page = client.get(f"/cases/{ref}").text
    assert "Ny fra myndigheden / New from the authority" in page
    assert "Svar fra myndigheden" in page and "vender tilbage til virksomheden" in page
    assert "svar fra myndigheden / answer from the authority" in page
    assert len(smtp_sink.messages) == mails_before
    assert (part_of(smtp_desk, ref).status, part_of(smtp_desk, ref).decision) == ("decided", "forwarded")
