"""Forwarding under forvaltningsloven § 7, stk. 2: the application goes on to the authority that decides it (its
mailbox from the catalogue or the caseworker), the original attached, and the business is told so."""
from __future__ import annotations

import email
import json
import logging
from dataclasses import replace
from datetime import datetime, timedelta
from email import policy
from types import MappingProxyType

import pytest
from sqlmodel import Session, col, select

from intake.cases import lifecycle as cases
from intake.cases.lifecycle import Desk, InvalidTransition, UnknownChoice, get_case
from intake.cases.personal_data import purge_case
from intake.inbound import keep_raw
from intake.settings import load_settings
from models import Case, CaseEvent, InboundMessage, OutboxMail, utcnow
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue
from routing.goals import LOCAL_TZ
from tests.intake.casefactory import add_part
from tests.intake.mailbuilder import application

BUNDLED = load_catalogue()
FVST = "post@fvst.example"          # the mailbox a municipality would fill in for foedevarer
GIVEN = "journal@authority.example"  # one a caseworker gives
RECEIVED = datetime(2026, 11, 30, 9, 0, tzinfo=LOCAL_TZ)
ORIGINAL = application(subject="Registrering af vores nye café",
                       body="Hej\n\nVi åbner en café og skal have registreret fødevarevirksomheden.\n\nPeter Jensen\n")


def with_mailbox(catalogue, topic: str, address: str):
    external = dict(catalogue.external)
    external[topic] = replace(external[topic], email=address)
    return replace(catalogue, external=MappingProxyType(external))


@pytest.fixture
def desk(tmp_path):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path)})
    catalogue = with_mailbox(BUNDLED, "foedevarer", FVST)
    return Desk(settings, catalogue, WorkingCalendar(catalogue.extra_closure_days))


def add_case(engine, *, task="generel", language="da", raw: bytes | None = ORIGINAL.as_bytes(), n=1) -> str:
    """A case with its original mail stored as intake stores it (``keep_raw``); ``raw=None``: none stored."""
    task_type = BUNDLED.task(task)
    case = Case(reference=f"KBH-2026-{n:06d}", received_at=RECEIVED, subject="Ansøgning", sender="peter@jensen.dk",
                sender_domain="jensen.dk", language=language, task_type=task, task_types=json.dumps([task]),
                office=task_type.office, status="routed", company_name="Jensen ApS",
                applicant_email="peter@jensen.dk", reply_email="peter@jensen.dk",
                offices=json.dumps([task_type.office]))
    with Session(engine) as s:
        s.add(case)
        s.flush()
        add_part(s, case, task, status="routed")
        if raw is not None:
            rec = InboundMessage(source="test", uid=str(n), sha256=f"sha{n}", received_at=RECEIVED, status="done",
                                 outcome="case", case_id=case.id)
            s.add(rec)
            s.flush()
            keep_raw(s, rec, raw)
        s.commit()
        return case.reference


def forward(engine, desk, ref, topic="foedevarer", **kwargs):
    with Session(engine) as s:
        result = cases.forward(s, ref, topic, actor="karen", desk=desk, **kwargs)
        s.commit()
        return result


def mails(engine, purpose):
    with Session(engine) as s:
        rows = s.exec(select(OutboxMail).where(OutboxMail.purpose == purpose).order_by(col(OutboxMail.id))).all()
        return [(m.recipient, email.message_from_bytes(m.raw, policy=policy.default)) for m in rows]


def status_of(engine, ref) -> str:
    with Session(engine) as s:
        return get_case(s, ref).status


def forwarded_event(engine, ref) -> str:
    with Session(engine) as s:
        case = get_case(s, ref)
        return s.exec(select(CaseEvent.detail).where(CaseEvent.case_id == case.id,
                                                     CaseEvent.action == "forwarded")).one()


def test_the_application_goes_to_the_catalogues_mailbox_with_the_original_attached(engine, desk):
    ref = add_case(engine)
    result = forward(engine, desk, ref)
    ((to, sent),) = mails(engine, "forwarded_authority")
    assert to == FVST and str(sent["To"]) == FVST and FVST in result.mailed
    assert sent["Subject"].startswith(f"[{ref}] Videresendt efter forvaltningslovens § 7, stk. 2")
    assert str(sent["Reply-To"]) == desk.settings.from_address, "the authority's answer comes back into the case"
    note = sent.get_body(("plain",)).get_content()
    assert note.startswith("Til Fødevarestyrelsen\n")
    assert "forvaltningslovens § 7, stk. 2" in note and f"sagsnummer: {ref}" in note
    assert "Afsenderen har fået besked" in note and "Jensen ApS <peter@jensen.dk>" in note
    (attached,) = list(sent.iter_attachments())
    assert attached.get_content_type() == "message/rfc822"
    original = attached.get_content()
    assert original["Subject"] == ORIGINAL["Subject"] and original["Message-ID"] == ORIGINAL["Message-ID"]
    assert original.get_content() == ORIGINAL.get_content()


def test_the_business_is_told_it_was_sent_on_not_to_apply_itself(engine, desk):
    ref = add_case(engine)
    forward(engine, desk, ref)
    ((to, letter),) = mails(engine, "case_forwarded")
    body = letter.get_content()
    assert to == "peter@jensen.dk"
    assert "Vi har derfor sendt din henvendelse videre dertil efter forvaltningslovens § 7, stk. 2" in body
    assert "svarer dig" in body and "rette henvendelse direkte" not in body and "søg her" not in body
    assert "Sendt videre til: Fødevarestyrelsen" in body
    assert letter["Subject"] == f"[{ref}] Din henvendelse er sendt videre til Fødevarestyrelsen"


def test_the_closing_letter_does_not_invite_status_questions(engine, desk):
    """The last open part forwarded: the frame names the authority, not our office as responsible, and asks no
    "status" question of a case that is over."""
    ref = add_case(engine, n=2)
    forward(engine, desk, ref, topic="skat_moms")       # no mailbox: told where to apply
    letter = mails(engine, "case_forwarded")[0][1]
    body = letter.get_content()
    assert letter["Subject"] == f"[{ref}] Du skal selv kontakte Skattestyrelsen"
    assert "Ansvarlig enhed" not in body and '"status ' not in body
    assert "Afgøres af: Skattestyrelsen" in body and f"behold sagsnummeret [{ref}]" in body


def test_forwarding_one_part_of_several_keeps_the_open_cases_frame(engine, desk):
    ref = add_case(engine, task="udeservering")
    with Session(engine) as s:
        cases.add_part(s, ref, "erhvervsaffald", actor="karen", desk=desk)
        s.commit()
    forward(engine, desk, ref, part="udeservering")
    body = mails(engine, "case_forwarded")[0][1].get_content()
    assert "Vi har afsluttet denne del af sagen her. Resten af din sag behandles som hidtil." in body
    assert "Ansvarlig enhed:" in body and f'"status {ref}"' in body


def test_the_caseworkers_address_is_used_when_the_catalogue_has_none(engine, desk):
    ref = add_case(engine)
    forward(engine, desk, ref, topic="skat_moms", to=f"  {GIVEN} ")
    assert [to for to, _ in mails(engine, "forwarded_authority")] == [GIVEN]
    assert "sendt din henvendelse videre" in mails(engine, "case_forwarded")[0][1].get_content()


def test_the_caseworkers_address_overrides_the_catalogues(engine, desk):
    ref = add_case(engine)
    forward(engine, desk, ref, to=GIVEN)
    assert [to for to, _ in mails(engine, "forwarded_authority")] == [GIVEN]


def test_without_a_mailbox_the_business_is_told_where_to_apply_as_before(engine, desk):
    ref = add_case(engine)
    result = forward(engine, desk, ref, topic="skat_moms")
    assert mails(engine, "forwarded_authority") == [] and result.mailed == ("peter@jensen.dk",)
    body = mails(engine, "case_forwarded")[0][1].get_content()
    assert "Efter forvaltningslovens § 7 hjælper vi dig videre til den rette myndighed." in body
    assert "så du skal rette henvendelse direkte til Skattestyrelsen" in body and "Læs mere og søg her" in body
    assert forwarded_event(engine, ref) == "skat_moms -> Skattestyrelsen"


def test_the_english_letter_says_it_both_ways(engine, desk):
    sent_on = add_case(engine, language="en", n=1)
    told = add_case(engine, language="en", n=2)
    forward(engine, desk, sent_on)
    forward(engine, desk, told, topic="skat_moms")
    first, second = (m.get_content() for _, m in mails(engine, "case_forwarded"))
    assert "we have therefore sent your enquiry on to them. They will deal with it and answer you" in first
    assert "Sent on to: the Danish Veterinary and Food Administration" in first and "apply here" not in first
    assert "please contact the Danish Tax Agency (Skattestyrelsen) directly" in second
    assert "Decided by: the Danish Tax Agency" in second and '"status ' not in second
    # the authority reads Danish, whatever the business's language
    assert mails(engine, "forwarded_authority")[0][1].get_body(("plain",)).get_content().startswith("Til ")


def test_the_event_names_the_authority_and_no_log_line_the_address(engine, desk, caplog):
    ref = add_case(engine)
    with caplog.at_level(logging.DEBUG):
        forward(engine, desk, ref)
    assert forwarded_event(engine, ref) == "foedevarer -> Fødevarestyrelsen; sent to Fødevarestyrelsen"
    assert not [r for r in caplog.records if r.levelno >= logging.INFO and FVST in r.getMessage() + str(r.__dict__)]


@pytest.mark.parametrize("bad", ["fvst", "post@", "Fødevarestyrelsen <post@fvst.example>", "a b@fvst.example",
                                 "post@fvst.example, eve@evil.example"])
def test_a_bad_address_is_refused_and_nothing_changes(engine, desk, bad):
    ref = add_case(engine)
    with pytest.raises(UnknownChoice, match="not an email address"):
        forward(engine, desk, ref, to=bad)
    assert status_of(engine, ref) == "routed"
    assert mails(engine, "forwarded_authority") == [] and mails(engine, "case_forwarded") == []


def test_a_purged_case_is_refused(engine, desk):
    """An erasure may purge an undecided case (when asked): nothing of it is left to send, nor anyone to tell."""
    ref = add_case(engine)
    with Session(engine) as s:
        purge_case(s, get_case(s, ref), utcnow() - timedelta(days=1))
        s.commit()
    with pytest.raises(InvalidTransition, match="purged"):
        forward(engine, desk, ref)
    assert mails(engine, "forwarded_authority") == [] and mails(engine, "case_forwarded") == []


def test_a_case_without_its_original_cannot_be_sent_on(engine, desk):
    ref = add_case(engine, raw=None)
    with pytest.raises(InvalidTransition, match="original mail is not stored"):
        forward(engine, desk, ref)
    assert status_of(engine, ref) == "routed"
    forward(engine, desk, ref, topic="skat_moms")   # without an address: the business is told where to apply
    assert status_of(engine, ref) == "decided"


def test_purging_the_case_later_empties_the_mail_sent_to_the_authority(engine, desk):
    """The forwarded mail carries the business's whole application: erasure removes it with the case's other
    mail."""
    ref = add_case(engine)
    forward(engine, desk, ref)
    with Session(engine) as s:
        purge_case(s, get_case(s, ref), utcnow())
        s.commit()
        (row,) = s.exec(select(OutboxMail).where(OutboxMail.purpose == "forwarded_authority")).all()
        assert (row.raw, row.recipient) == (b"", "")
