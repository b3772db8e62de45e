"""Mail that stopped the mailbox or lost itself in session 37's hostile audit, through the real runner and Maildir.

Every message ends as a case, a recorded skip, a refusal or a quarantined message an operator can replay; none
holds up the messages behind it, and a replay that fails puts the message back in the quarantine.
"""
from __future__ import annotations

import email
import re
from email import policy

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from intake.app import build_context
from intake.kinds import HANDLERS, Handler
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from models import InboundMessage, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application

OWNER = "Peter Jensen <peter@jensen-stilladser.dk>"


def wired(tmp_path, model_dir, **env: str):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir), **env})
    engine = open_database(settings.database_url)
    assert settings.maildir is not None
    box = MaildirMailbox(settings.maildir)
    return engine, box, Runner(build_context(settings), engine, box)


def rows(engine) -> list[InboundMessage]:
    with Session(engine) as s:
        return list(s.exec(select(InboundMessage).order_by(col(InboundMessage.id))))


def drain(runner, rounds: int = 6) -> list[str]:
    """Process until the inbox is empty, as the service would (a failure of ours is retried): what became of each."""
    seen = []
    for _ in range(rounds):
        try:
            outcomes = runner.process_batch()
        except IntegrityError:
            continue
        seen += [o.outcome for o in outcomes]
        if not outcomes:
            break
    return seen


def test_a_non_ascii_message_id_gets_a_case_and_an_acknowledgement_without_it(tmp_path, model_dir):
    engine, box, runner = wired(tmp_path, model_dir)
    raw = re.sub(rb"Message-ID: <[^>]*>", "Message-ID: \u2039ansøgning-1@cafeberg.dk>".encode(),
                 application(sender=OWNER).as_bytes(), count=1)
    box.deliver(raw)
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"
    with Session(engine) as s:
        ack = s.exec(select(OutboxMail).where(OutboxMail.purpose == "acknowledgement")).one()
    msg = email.message_from_bytes(ack.raw, policy=policy.default)
    assert msg["In-Reply-To"] is None, "an id that cannot be written out is not copied"


def test_a_letter_that_cannot_be_built_quarantines_its_message_and_the_next_goes_on(tmp_path, model_dir,
                                                                                     monkeypatch):
    import intake.store

    engine, box, runner = wired(tmp_path, model_dir)
    real = intake.store.acknowledgement

    def broken(facts, original, *args, **kwargs):
        if "Hostile" in original.subject:
            raise UnicodeEncodeError("ascii", "ø", 0, 1, "ordinal not in range(128)")
        return real(facts, original, *args, **kwargs)

    monkeypatch.setattr(intake.store, "acknowledgement", broken)
    box.deliver(application(sender=OWNER, subject="Hostile stillads").as_bytes())
    box.deliver(application(sender="Ida Lund <ida@lund-byg.dk>").as_bytes())
    assert sorted(drain(runner)) == ["case", "quarantined"]
    first = rows(engine)[0]
    assert first.status == "quarantined" and first.reason.startswith("UnicodeEncodeError")


def test_a_unique_value_made_again_and_again_quarantines_the_message_after_its_attempts(tmp_path, model_dir,
                                                                                        monkeypatch):
    engine, box, runner = wired(tmp_path, model_dir)
    real = HANDLERS["application"].record

    def clash(session, rec, state, ctx, case):
        if "Clash" in state.mail.subject:
            raise IntegrityError("INSERT INTO outboxmail", {},
                                 Exception("UNIQUE constraint failed: outboxmail.message_id"))
        return real(session, rec, state, ctx, case)

    monkeypatch.setitem(HANDLERS, "application", Handler(True, clash))
    box.deliver(application(sender=OWNER, subject="Clash stillads").as_bytes())
    box.deliver(application(sender="Ida Lund <ida@lund-byg.dk>").as_bytes())
    outcomes = drain(runner)
    assert "case" in outcomes and "quarantined" in outcomes
    clashed = rows(engine)[0]
    assert clashed.status == "quarantined" and "IntegrityError" in clashed.reason and "outboxmail" in clashed.reason
    assert list((box.path / "new").iterdir()) == [], "nothing is left to hold up the mailbox"


def test_two_mails_about_a_case_from_an_unproven_sender_are_both_flagged_and_nothing_waits(tmp_path, model_dir):
    engine, box, runner = wired(tmp_path, model_dir, INTAKE_SENDER_AUTH="require_pass")
    box.deliver(application(sender=OWNER).as_bytes())
    (first,) = runner.process_batch()
    for text in ("status?", "status igen?"):
        box.deliver(application(sender=OWNER, subject=f"Re: [{first.reference}] {text}", body=text).as_bytes())
    box.deliver(application(sender="Ida Lund <ida@lund-byg.dk>").as_bytes())
    assert drain(runner, rounds=1) == ["unverified", "unverified", "case"]
    with Session(engine) as s:
        notes = s.exec(select(OutboxMail).where(OutboxMail.purpose == "unverified_note")).all()
    assert len({n.message_id for n in notes}) == 2


def test_the_same_oversized_message_twice_is_refused_twice_and_the_next_goes_on(tmp_path, model_dir):
    engine, box, runner = wired(tmp_path, model_dir, INTAKE_MAX_MESSAGE_MB="1")
    big = application(sender=OWNER, subject="Stor ansøgning", body="x" * 1_200_000).as_bytes()
    box.deliver(big)
    box.deliver(big)
    box.deliver(application(sender="Ida Lund <ida@lund-byg.dk>").as_bytes())
    assert drain(runner, rounds=1) == ["refused", "refused", "case"]
    with Session(engine) as s:
        answers = s.exec(select(OutboxMail).where(OutboxMail.purpose == "too_large")).all()
    assert len(answers) == 2 and len({a.message_id for a in answers}) == 2


def test_a_replay_that_fails_leaves_the_message_in_the_quarantine(tmp_path, model_dir, monkeypatch):
    engine, box, runner = wired(tmp_path, model_dir)
    real = HANDLERS["application"]

    def broken(session, rec, state, ctx, case):
        raise ValueError("a letter could not be built")

    monkeypatch.setitem(HANDLERS, "application", Handler(True, broken))
    box.deliver(application(sender=OWNER).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "quarantined"

    def clash(session, rec, state, ctx, case):
        raise IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setitem(HANDLERS, "application", Handler(True, clash))
    with pytest.raises(IntegrityError):
        runner.replay(outcome.inbound_id)
    (rec,) = rows(engine)
    assert rec.status == "quarantined" and "replay failed (IntegrityError)" in rec.reason
    monkeypatch.setitem(HANDLERS, "application", real)
    assert runner.replay(outcome.inbound_id).outcome == "case", "and it can be replayed again"


def test_a_case_is_said_registered_only_once_it_is_committed(tmp_path, model_dir, monkeypatch, caplog):
    import intake.runner

    engine, box, runner = wired(tmp_path, model_dir)

    def die(name):
        if name == "before_commit":
            raise KeyboardInterrupt     # as a process killed between the case and its commit
    monkeypatch.setattr(intake.runner, "crash_point", die)
    box.deliver(application(sender=OWNER).as_bytes())
    caplog.set_level("INFO")
    with pytest.raises(KeyboardInterrupt):
        runner.process_batch()
    assert not [r for r in caplog.records if r.getMessage() == "case registered"], "no line names a phantom case"
    monkeypatch.setattr(intake.runner, "crash_point", lambda name: None)
    caplog.clear()
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"
    (line,) = [r for r in caplog.records if r.getMessage() == "case registered"]
    assert line.__dict__["reference"] == outcome.reference


def test_mail_from_our_own_address_and_mail_with_nothing_to_read_are_skipped_with_their_reason(tmp_path,
                                                                                                model_dir):
    engine, box, runner = wired(tmp_path, model_dir)
    own = application(sender="Erhvervsservice <ERHVERVSSERVICE@kk.example>", subject="Re: Kvittering",
                      body="Tak for din ansøgning om stillads.")
    box.deliver(own.as_bytes())
    box.deliver(b"")
    box.deliver(b"From: x@y.dk\r\nTo: erhvervsservice@kk.example\r\nSubject: \r\n\r\n\x8f\x01\x02 \x03\r\n")
    box.deliver(application(sender="Ida Lund <ida@lund-byg.dk>").as_bytes())
    assert drain(runner, rounds=1) == ["skipped", "skipped", "skipped", "case"]
    reasons = [r.reason for r in rows(engine)[:3]]
    assert reasons[0] == "from our own address" and all(r.startswith("nothing to read") for r in reasons[1:])
    with Session(engine) as s:
        assert [m.recipient for m in s.exec(select(OutboxMail).where(OutboxMail.purpose == "acknowledgement"))] \
            == ["ida@lund-byg.dk"]


def test_a_display_name_that_is_an_address_is_never_the_greeting(tmp_path, model_dir):
    engine, box, runner = wired(tmp_path, model_dir)
    box.deliver(application(sender='"mette@cafesolsikke.dk" <someone@elsewhere.example>',
                            body="Vi søger om stillads på fortovet foran Nørrebrogade 20, 2200 København N, i 3 uger "
                                 "fra 1. marts 2027.").as_bytes())
    (outcome,) = runner.process_batch()
    with Session(engine) as s:
        ack = s.exec(select(OutboxMail).where(OutboxMail.purpose == "acknowledgement")).one()
    body = email.message_from_bytes(ack.raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "Kære mette@cafesolsikke.dk" not in body and "mette@cafesolsikke.dk" not in body.splitlines()[0]
