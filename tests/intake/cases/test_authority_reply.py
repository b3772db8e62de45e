"""An authority answers an application we forwarded to it (forvaltningsloven § 7, stk. 2): the answer lands on the
forwarded case for its office, nothing is sent and nothing moves; anyone else citing our forward is not the authority.

The decision's pure parts and ``kinds.resolve`` with in-memory look-ups first, then the real runner on SQLite with
the trained model (DNS is the in-memory ``FakeDns``), as ``test_ownership`` runs the business's follow-ups.
"""
from __future__ import annotations

import dataclasses
import email
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlmodel import Session, col, select

from intake import kinds
from intake.cases import lifecycle as cases
from intake.cases.forwarded import Forward, cited_ids, database_forwards, forward_answered, from_forwarded_to
from intake.cases.lifecycle import Desk
from intake.dryrun import analyse
from intake.followups import database_lookup
from intake.pipeline import Context, MessageState, find_parties, find_refs, parse
from intake.settings import load_settings
from models import Case, CaseEvent, CasePart, InboundMessage, OutboxMail
from models.db import open_database
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue
from tests.dnsfake import FakeDns
from tests.intake.mailbuilder import application

ANNA = "Anna Holm <anna@email.dk>"
AUTHORITY = "post@fvst.example"
OUR_SERVER = "mx.kk.example"
REF = "KBH-2026-000001"
FWD_ID = f"<fwd.{REF}.3.0123456789abcdef@kk.example>"


# -- the decision ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sender", "expected"), [
    ("post@fvst.example", True), ("POST@FVST.example", True), ("jens.hansen@fvst.example", True),
    ("post@fvst.example.evil.dk", False), ("post@email.dk", False), ("", False), ("fvst.example", False),
])
def test_the_authority_is_the_address_we_forwarded_to_or_its_domain(sender, expected):
    assert from_forwarded_to(sender, AUTHORITY) is expected


@pytest.mark.parametrize(("sender", "expected"), [
    ("byggesag.roskilde@gmail.com", True), ("someone.else@gmail.com", False), ("x@hotmail.dk", False),
])
def test_at_a_mail_provider_anyone_can_join_only_the_address_itself_is_the_authority(sender, expected):
    """A caseworker may forward to a small authority's freemail box: its provider's other users are not it."""
    assert from_forwarded_to(sender, "byggesag.roskilde@gmail.com") is expected


def test_cited_ids_are_the_thread_headers_in_reply_to_first_each_once():
    assert cited_ids(FWD_ID, ["<a@x>", FWD_ID, " "]) == [FWD_ID, "<a@x>"]
    assert cited_ids("", []) == []


def _state(sender: str, *, proven: bool = True, subject: str = f"SV: [{REF}] Videresendt",
           body: str = "Tak, vi har modtaget den.", **headers: str) -> MessageState:
    settings = load_settings(env={})
    catalogue = load_catalogue()
    ctx = Context(settings, catalogue, WorkingCalendar(catalogue.extra_closure_days), models=None)  # type: ignore[arg-type]
    msg = application(sender=sender, subject=subject, body=body, **headers)
    state = MessageState(raw=msg.as_bytes(), received=datetime.now(UTC))
    for stage in (parse, find_parties, find_refs):
        stage(state, ctx)
    state.sender_proven = proven
    return state


CASE = Case(id=7, reference=REF, received_at=datetime(2026, 11, 30, tzinfo=UTC), subject="Café", sender="anna@email.dk",
            task_type="generel", office="erhvervsservice")


def _lookup(references, owners):
    """The case of the business: any quoted one for None, else only for its own address."""
    if REF not in references:
        return None
    return CASE if owners is None or "anna@email.dk" in owners else None


def _forwards(ids):
    return Forward(7, REF, AUTHORITY, FWD_ID, 3) if FWD_ID in ids else None


def test_a_proven_answer_from_the_authority_citing_our_forward_is_an_authority_reply():
    state = _state(f"Fødevarestyrelsen <{AUTHORITY}>", In_Reply_To=FWD_ID, References=FWD_ID)
    assert kinds.resolve(state, _lookup, _forwards) is CASE
    assert state.kind == "authority_reply"


def test_a_question_from_the_authority_is_no_status_question():
    """'Hvornår modtog I den?' reads as a status question to the prelude; from the authority nothing is answered."""
    state = _state("Jens <jens@fvst.example>", body="Hvornår modtog I ansøgningen?", In_Reply_To=FWD_ID)
    assert state.kind == "status_query"
    assert kinds.resolve(state, _lookup, _forwards) is CASE
    assert state.kind == "authority_reply"


def test_the_authority_unproven_is_unverified_mail():
    state = _state(f"Fødevarestyrelsen <{AUTHORITY}>", proven=False, In_Reply_To=FWD_ID)
    assert kinds.resolve(state, _lookup, _forwards) is CASE
    assert state.kind == "unverified_mail"


def test_anyone_else_citing_our_forward_is_unverified_mail_not_a_new_case():
    state = _state("Eve <eve@email.dk>", In_Reply_To=FWD_ID)
    assert kinds.resolve(state, _lookup, _forwards) is CASE
    assert state.kind == "unverified_mail"


def test_the_business_citing_our_forward_goes_the_usual_way():
    state = _state(ANNA, body="Vi har fået svar fra Fødevarestyrelsen, her er det.", In_Reply_To=FWD_ID)
    assert kinds.resolve(state, _lookup, _forwards) is CASE
    assert state.kind == "follow_up"


def test_the_authority_without_our_forwards_id_is_read_as_before():
    """Its reference in the subject but no forward cited (or an id without our token): a new case, as today."""
    state = _state(f"Fødevarestyrelsen <{AUTHORITY}>", In_Reply_To=f"<fwd.{REF}.3@kk.example>")
    assert kinds.resolve(state, _lookup, _forwards) is None
    assert state.kind == "application" and state.about_anothers_case


# -- through the runner ---------------------------------------------------------------------------------------
@pytest.fixture
def service(tmp_path, model_dir):
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_AUTHSERV_IDS": OUR_SERVER})
    engine = open_database(settings.database_url)
    ctx = dataclasses.replace(build_context(settings), resolver=FakeDns())
    box = MaildirMailbox(settings.maildir)
    return Runner(ctx, engine, box), box, engine, Desk(settings, ctx.catalogue, ctx.calendar)


def deliver(service, msg: EmailMessage):
    runner, box, _engine, _desk = service
    box.deliver(msg.as_bytes())
    (outcome,) = runner.process_batch()
    return outcome


def verdict(dmarc: str, domain: str = "fvst.example") -> str:
    return f"{OUR_SERVER}; spf={dmarc} smtp.mailfrom={domain}; dmarc={dmarc} header.from={domain}"


@pytest.fixture
def forwarded(service) -> tuple[str, EmailMessage]:
    """Anna's application forwarded to the authority's mailbox: its reference and the forward mail."""
    _runner, _box, engine, desk = service
    first = deliver(service, application(sender=ANNA, Authentication_Results=verdict("pass", "email.dk")))
    with Session(engine) as s:
        cases.forward(s, first.reference, "foedevarer", actor="karen", desk=desk, to=AUTHORITY)
        s.commit()
        row = s.exec(select(OutboxMail).where(OutboxMail.purpose == "forwarded_authority")).one()
        return first.reference, email.message_from_bytes(row.raw, policy=policy.default)


def answer(forward: EmailMessage, sender: str, text: str, dmarc: str = "pass") -> EmailMessage:
    """The authority's mail client answering our forward: SV: subject, In-Reply-To/References, quoted."""
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, "erhvervsservice@kk.example"
    msg["Subject"] = f"SV: {forward['Subject']}"
    msg["Date"] = email.utils.format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain="fvst.example")
    msg["In-Reply-To"], msg["References"] = forward["Message-ID"], forward["Message-ID"]
    msg["Authentication-Results"] = verdict(dmarc, sender.rpartition("@")[2].rstrip(">"))
    msg.set_content(f"{text}\n\n-----Oprindelig meddelelse-----\n> Til Fødevarestyrelsen\n")
    return msg


def snapshot(engine, reference):
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        parts = list(s.exec(select(CasePart).where(CasePart.case_id == case.id).order_by(col(CasePart.id))))
        events = list(s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))))
        outbox = s.exec(select(OutboxMail.id)).all()
        return case, parts, events, len(outbox), s.exec(select(Case.id)).all()


def test_the_authoritys_answer_lands_on_the_forwarded_case_and_sends_nothing(service, forwarded):
    _runner, _box, engine, _desk = service
    reference, fwd = forwarded
    before, parts_before, _, sent_before, cases_before = snapshot(engine, reference)
    outcome = deliver(service, answer(fwd, f"Fødevarestyrelsen <{AUTHORITY}>", "Tak, vi har modtaget den."))
    assert (outcome.outcome, outcome.reference) == ("authority_reply", reference)
    case, parts, events, sent, all_cases = snapshot(engine, reference)
    assert sent == sent_before, "no letter to the authority, the business or the office"
    assert all_cases == cases_before, "no new case"
    assert (case.status, case.closed_at) == (before.status, before.closed_at)
    assert [(p.status, p.decision) for p in parts] == [(p.status, p.decision) for p in parts_before]
    assert parts[0].unread_since is not None, "the office has the answer to read"
    event = events[-1]
    assert (event.action, event.actor, event.part_id) == ("authority_reply", "authority", parts[0].id)
    with Session(engine) as s:
        rec = s.get(InboundMessage, outcome.inbound_id)
        assert rec is not None and (rec.case_id, rec.kind) == (case.id, "authority_reply")


def test_a_colleague_at_the_authority_asking_a_question_gets_no_status_answer(service, forwarded):
    _runner, _box, engine, _desk = service
    reference, fwd = forwarded
    sent_before = snapshot(engine, reference)[3]
    outcome = deliver(service, answer(fwd, "Jens Hansen <jens.hansen@fvst.example>", "Hvornår modtog I ansøgningen?"))
    assert (outcome.outcome, outcome.reference) == ("authority_reply", reference)
    assert snapshot(engine, reference)[3] == sent_before


def test_the_forward_is_found_with_its_part(service, forwarded):
    _runner, _box, engine, _desk = service
    reference, fwd = forwarded
    with Session(engine) as s:
        found = forward_answered(s, ["<other@x>", fwd["Message-ID"]])
        part = s.exec(select(CasePart).where(CasePart.decision == "forwarded")).one()
    assert found is not None and (found.reference, found.to, found.part_id) == (reference, AUTHORITY, part.id)


def test_a_stranger_citing_the_forward_is_unverified_and_told_nothing(service, forwarded):
    _runner, _box, engine, _desk = service
    reference, fwd = forwarded
    cases_before = snapshot(engine, reference)[4]
    outcome = deliver(service, answer(fwd, "Eve <eve@email.dk>", "Tak, vi har modtaget den."))
    assert outcome.outcome == "unverified"
    case, parts, events, _, all_cases = snapshot(engine, reference)
    assert all_cases == cases_before and events[-1].action == "unverified_mail"
    with Session(engine) as s:
        to_eve = s.exec(select(OutboxMail).where(OutboxMail.recipient == "eve@email.dk")).all()
        note = s.exec(select(OutboxMail).where(OutboxMail.purpose == "unverified_note")).one()
    assert to_eve == []
    text = email.message_from_bytes(note.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert f"svarer på vores videresendelse af sagen til {AUTHORITY}" in text, "the office is told what it is"


def test_the_authoritys_address_failing_dmarc_is_unverified(service, forwarded):
    _runner, _box, engine, _desk = service
    reference, fwd = forwarded
    outcome = deliver(service, answer(fwd, f"Fødevarestyrelsen <{AUTHORITY}>", "Tak, vi har modtaget den.",
                                      dmarc="fail"))
    assert outcome.outcome == "unverified"
    assert [e.action for e in snapshot(engine, reference)[2]][-1] == "unverified_mail"


def test_the_dry_run_decides_the_same(service, forwarded):
    runner, _box, engine, _desk = service
    _reference, fwd = forwarded
    raw = answer(fwd, f"Fødevarestyrelsen <{AUTHORITY}>", "Tak, vi har modtaget den.").as_bytes()
    with Session(engine) as s:
        assert analyse(raw, runner.ctx, lookup=database_lookup(s), forwards=database_forwards(s)).kind == \
            "authority_reply"
