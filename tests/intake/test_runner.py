"""The driver over a real Maildir, SQLite and the real pipeline and model."""
from __future__ import annotations

import email
import json
from email import policy

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from intake import pipeline
from intake.app import build_context
from intake.errors import CaseNotFound, MessageFault, OurFault
from intake.letters.outbox import flush_outbox
from intake.letters.sender import MaildirSender
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from models import Case, CaseEvent, InboundMessage, InboundRaw, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application


@pytest.fixture
def env(tmp_path, model_dir):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_MAX_ACKS_PER_SENDER_PER_DAY": "3"})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    runner = Runner(build_context(settings), engine, box)
    return settings, engine, box, runner


def outbox(engine, purpose=None):
    with Session(engine) as s:
        stmt = select(OutboxMail).order_by(OutboxMail.id)
        if purpose:
            stmt = stmt.where(OutboxMail.purpose == purpose)
        return s.exec(stmt).all()


def cases(engine):
    with Session(engine) as s:
        return s.exec(select(Case).order_by(Case.id)).all()


def test_application_becomes_a_case_with_acknowledgement_and_routed_mail(env):
    settings, engine, box, runner = env
    box.deliver(application().as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case" and outcome.reference.startswith("KBH-")
    (case,) = cases(engine)
    assert case.task_type == "vejareal" and case.office == "trafik"
    (ack,) = outbox(engine, "acknowledgement")
    (routed,) = outbox(engine, "routed")
    assert ack.recipient == "peter@jensen-stilladser.dk" and routed.recipient == "trafik@kk.example"
    msg = email.message_from_bytes(ack.raw, policy=policy.default)
    assert f"[{case.reference}]" in msg["Subject"]
    assert msg["Auto-Submitted"] == "auto-replied" and msg["X-Loop"] == settings.loop_id
    assert box.folder_keys("Processed") and not list(box.fetch_pending())


def test_processing_twice_makes_no_second_case(env):
    _, engine, box, runner = env
    key = box.deliver(application().as_bytes())
    fetched = next(box.fetch_pending())
    runner.handle(fetched)
    again = runner.handle(fetched)  # as after a crash between commit and move
    assert again.outcome == "already"
    assert len(cases(engine)) == 1 and len(outbox(engine, "acknowledgement")) == 1
    assert box.folder_keys("Processed") == [key]


def test_same_bytes_under_another_uid_are_a_duplicate(env):
    _, engine, box, runner = env
    raw = application().as_bytes()
    box.deliver(raw)
    runner.process_batch()
    box.deliver(raw)
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "duplicate"
    assert len(cases(engine)) == 1 and len(outbox(engine, "acknowledgement")) == 1


def test_auto_reply_is_recorded_with_reason_and_not_answered(env):
    _, engine, box, runner = env
    box.deliver(application(subject="Fraværende: Ansøgning", Auto_Submitted="auto-replied").as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "skipped" and "Auto-Submitted" in outcome.reason
    assert outbox(engine) == [] and cases(engine) == []
    with Session(engine) as s:
        rec = s.exec(select(InboundMessage)).one()
    assert rec.kind == "auto_reply" and rec.status == "done"


def test_daily_limit_of_acknowledgements_per_sender(env):
    _, engine, box, runner = env
    for i in range(4):
        box.deliver(application(subject=f"Stillads nr. {i}").as_bytes())
    outcomes = runner.process_batch()
    assert [o.outcome for o in outcomes] == ["case"] * 4, "every application is still a case"
    assert len(outbox(engine, "acknowledgement")) == 3
    assert "daily limit" in outcomes[-1].reason


def test_follow_up_from_the_sender_is_added_to_the_case(env):
    _, engine, box, runner = env
    box.deliver(application().as_bytes())
    (first,) = runner.process_batch()
    reply = application(subject=f"Re: [{first.reference}] Kvittering", body="Her er tegningen af stilladset.")
    box.deliver(reply.as_bytes())
    (second,) = runner.process_batch()
    assert second.outcome == "follow_up" and second.reference == first.reference
    assert len(cases(engine)) == 1
    (fwd,) = outbox(engine, "follow_up")
    assert fwd.recipient == "trafik@kk.example"


def test_status_question_gets_an_automatic_status_answer(env):
    _, engine, box, runner = env
    box.deliver(application().as_bytes())
    (first,) = runner.process_batch()
    box.deliver(application(subject="status", body=f"Hvad er status på {first.reference}?").as_bytes())
    (second,) = runner.process_batch()
    assert second.outcome == "status_query"
    (status,) = outbox(engine, "status")
    body = email.message_from_bytes(status.raw, policy=policy.default).get_content()
    assert first.reference in body and "Forventes afsluttet i uge" in body


def test_stranger_quoting_a_reference_gets_a_new_case_and_learns_nothing(env):
    _, engine, box, runner = env
    box.deliver(application().as_bytes())
    (first,) = runner.process_batch()
    box.deliver(application(sender="Eve <eve@gmail.com>", subject=f"status {first.reference}",
                            body=f"Hvad er status på {first.reference}?").as_bytes())
    (second,) = runner.process_batch()
    assert second.outcome == "case" and second.reference != first.reference
    assert outbox(engine, "status") == []
    for mail in outbox(engine):
        if mail.recipient == "eve@gmail.com":
            assert first.reference.encode() not in mail.raw


def test_message_that_breaks_the_pipeline_is_quarantined_and_can_be_replayed(env, monkeypatch):
    _, engine, box, runner = env
    key = box.deliver(application().as_bytes())
    original = pipeline.find_details

    def broken(state, ctx):
        raise ValueError("simulated bug in detail extraction")

    analysis = (pipeline.read_attachments, broken, pipeline.classify, pipeline.route)
    monkeypatch.setattr("intake.runner.ANALYSIS", analysis)
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "quarantined" and "simulated bug" in outcome.reason
    assert box.folder_keys("Quarantine") == [key] and cases(engine) == []
    monkeypatch.setattr("intake.runner.ANALYSIS", (pipeline.read_attachments, original, pipeline.classify,
                                               pipeline.route))
    replayed = runner.replay(outcome.inbound_id)
    assert replayed.outcome == "case" and len(cases(engine)) == 1


def _quarantined(env, monkeypatch) -> int:
    _, engine, box, runner = env
    box.deliver(application().as_bytes())

    def broken(state, ctx):
        raise ValueError("simulated bug in detail extraction")

    real = pipeline.find_details
    monkeypatch.setattr("intake.runner.ANALYSIS", (pipeline.read_attachments, broken, pipeline.classify,
                                                   pipeline.route))
    (outcome,) = runner.process_batch()
    monkeypatch.setattr("intake.runner.ANALYSIS", (pipeline.read_attachments, real, pipeline.classify,
                                                   pipeline.route))
    assert outcome.outcome == "quarantined"
    return outcome.inbound_id


def test_a_replayed_message_leaves_the_quarantine_folder_for_processed(env, monkeypatch):
    """The replayed copy stayed in the Maildir's Quarantine folder, where the operator met it again."""
    _, engine, box, runner = env
    inbound_id = _quarantined(env, monkeypatch)
    (key,) = box.folder_keys("Quarantine")
    assert runner.replay(inbound_id).outcome == "case"
    assert box.folder_keys("Quarantine") == [] and box.folder_keys("Processed") == [key]


def test_a_replay_that_fails_again_leaves_the_copy_in_quarantine(env, monkeypatch):
    _, engine, box, runner = env
    inbound_id = _quarantined(env, monkeypatch)

    def broken(state, ctx):
        raise ValueError("still broken")

    monkeypatch.setattr("intake.runner.ANALYSIS", (pipeline.read_attachments, broken))
    assert runner.replay(inbound_id).outcome == "quarantined"
    assert len(box.folder_keys("Quarantine")) == 1 and box.folder_keys("Processed") == []


def test_two_replays_at_once_make_one_case(env, monkeypatch):
    """A double click on the operator's replay (or two operators) made two cases and two acknowledgements."""
    import threading

    _, engine, box, runner = env
    inbound_id = _quarantined(env, monkeypatch)
    start, results = threading.Barrier(2), []

    def replay() -> None:
        start.wait()
        try:
            results.append(runner.replay(inbound_id).outcome)
        except CaseNotFound as err:
            results.append(str(err))

    threads = [threading.Thread(target=replay) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert results.count("case") == 1, results
    assert len(cases(engine)) == 1 and len(outbox(engine, "acknowledgement")) == 1


def test_a_replay_whose_copy_was_processed_meanwhile_is_a_duplicate(env, monkeypatch):
    """Someone moved the quarantined copy back to the inbox, where it became a case: the replay makes no second."""
    _, engine, box, runner = env
    inbound_id = _quarantined(env, monkeypatch)
    with Session(engine) as s:
        raw = s.exec(select(InboundRaw.raw).where(InboundRaw.inbound_id == inbound_id)).one()
    box.deliver(raw)
    (copy,) = runner.process_batch()
    assert copy.outcome == "case"
    replayed = runner.replay(inbound_id)
    assert replayed.outcome == "duplicate" and f"message {copy.inbound_id}" in replayed.reason
    assert len(cases(engine)) == 1 and len(outbox(engine, "acknowledgement")) == 1


def test_other_bytes_for_a_message_already_done_are_that_message(env, caplog):
    """The server rebuilt a processed message's MIME before it was moved: as new, it stayed in the inbox for good
    ("recorded by another worker"), with no line in the log."""
    import dataclasses

    _, engine, box, runner = env
    box.deliver(application().as_bytes())
    fetched = next(box.fetch_pending())
    assert runner.handle(fetched).outcome == "case"
    changed = dataclasses.replace(fetched, raw=fetched.raw.replace(b"Subject:", b"X-Rebuilt: 1\r\nSubject:", 1))
    assert changed.raw != fetched.raw
    assert runner.handle(changed).outcome == "already"
    assert "other bytes for a message already recorded" in caplog.text
    assert len(cases(engine)) == 1


def test_message_that_keeps_killing_the_process_is_quarantined(env):
    settings, engine, box, runner = env
    box.deliver(application().as_bytes())
    fetched = next(box.fetch_pending())
    for _ in range(settings.max_processing_attempts):
        runner._claim(fetched)  # as if the process died after recording each time
    outcome = runner.handle(fetched)
    n = settings.max_processing_attempts
    assert outcome.outcome == "quarantined" and f"did not finish in {n} attempts" in outcome.reason
    with Session(engine) as s:   # the record counts the same attempts its reason names (as `quarantine list` shows)
        assert s.get(InboundMessage, outcome.inbound_id).attempts == n


def test_database_failure_leaves_the_message_in_the_inbox(env, monkeypatch):
    _, engine, box, runner = env
    box.deliver(application().as_bytes())

    def down(*a, **k):
        raise OperationalError("INSERT", {}, Exception("database is down"))

    monkeypatch.setattr("intake.kinds.store_case", down)
    with pytest.raises(OperationalError):
        runner.process_batch()
    assert len(list(box.fetch_pending())) == 1


class MailServerDown(OurFault):
    """A failure of ours that the runner knows nothing specific about."""


class SenderSentNonsense(MessageFault):
    """A fault in the message that the runner knows nothing specific about."""


def _raising(error: Exception):
    def stage(state, ctx):
        raise error
    return stage


def test_any_failure_of_ours_is_retried_with_the_message_left_in_the_inbox(env, monkeypatch):
    """The branch decides, not the class: an ``OurFault`` never uses up an attempt nor quarantines."""
    settings, engine, box, runner = env
    box.deliver(application().as_bytes())
    monkeypatch.setattr("intake.runner.ANALYSIS", (_raising(MailServerDown("mail server down")),))
    for _ in range(settings.max_processing_attempts + 1):
        with pytest.raises(MailServerDown):
            runner.process_batch()
    assert len(list(box.fetch_pending())) == 1 and box.folder_keys("Quarantine") == []
    with Session(engine) as s:
        (rec,) = s.exec(select(InboundMessage)).all()
    assert rec.status == "processing" and rec.attempts == 0


def test_a_fault_in_the_message_quarantines_it_with_the_reason(env, monkeypatch):
    _, engine, box, runner = env
    key = box.deliver(application().as_bytes())
    monkeypatch.setattr("intake.runner.ANALYSIS", (_raising(SenderSentNonsense("no text anywhere")),))
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "quarantined" and outcome.reason == "SenderSentNonsense: no text anywhere"
    assert box.folder_keys("Quarantine") == [key] and cases(engine) == []


def test_events_record_receipt_and_routing(env):
    _, engine, box, runner = env
    box.deliver(application().as_bytes())
    runner.process_batch()
    with Session(engine) as s:
        assert [e.action for e in s.exec(select(CaseEvent).order_by(CaseEvent.id))] == ["received", "routed"]


def test_outbox_maildir_receives_the_mail(env):
    settings, engine, box, runner = env
    box.deliver(application().as_bytes())
    runner.process_batch()
    result = flush_outbox(engine, MaildirSender(settings.outbox_maildir), envelope_from=settings.from_address)
    assert result.sent == 2 and len(list((settings.outbox_maildir / "new").iterdir())) == 2


RESTAURANT = ("Hej\n\nVi åbner restaurant på Nørrebrogade 45, 2200 København N, til foråret. Vi søger om "
              "udeservering med 6 borde på fortovet fra 1. april 2027, et skilt over døren, og tilladelse til "
              "at aflede spildevand fra køkkenet gennem en ny fedtudskiller. Vi skal også have en ordning "
              "for erhvervsaffald.\n\nRahimi Kitchen ApS, CVR 62269391\nAhmad Rahimi, 27 18 36 45\n")


def test_multi_office_application_gets_a_contact_person_and_a_star_meeting(env):
    from icalendar import Calendar

    from models import Meeting

    _, engine, box, runner = env
    box.deliver(application(sender="Ahmad Rahimi <ahmad@rahimi-kitchen.dk>", subject="Ny restaurant",
                            body=RESTAURANT).as_bytes())
    (outcome,) = runner.process_batch()
    (case,) = cases(engine)
    assert case.complex and case.contact_person and len(json.loads(case.offices)) >= 2
    ack = email.message_from_bytes(outbox(engine, "acknowledgement")[0].raw, policy=policy.default)
    assert case.contact_person in ack.get_content()
    with Session(engine) as s:
        (meeting,) = s.exec(select(Meeting)).all()
    invitations = outbox(engine, "meeting")
    recipients = {m.recipient for m in invitations}
    assert "ahmad@rahimi-kitchen.dk" in recipients and len(recipients) >= 3
    msg = email.message_from_bytes(invitations[0].raw, policy=policy.default)
    ics = next(p for p in msg.walk() if p.get_content_type() == "text/calendar").get_content()
    event = next(c for c in Calendar.from_ical(ics).walk("VEVENT"))
    assert str(event["UID"]) == meeting.uid and case.reference in str(event["SUMMARY"])
    attendees = {str(a).lower().removeprefix("mailto:") for a in event.get("ATTENDEE")}
    assert recipients <= attendees | {case.contact_email}


def test_quarantine_reason_is_logged_without_addresses_or_cpr_numbers():
    from intake.privacy import loggable

    line = loggable("ValueError: bad header from peter@jensen-stilladser.dk, cpr 010203-1234")
    assert "jensen-stilladser" not in line and "010203-1234" not in line and "ValueError" in line


def test_a_model_that_cannot_be_loaded_leaves_the_message_in_the_inbox(env):
    from dataclasses import replace

    from classifier import ModelRefused

    settings, engine, box, runner = env

    class Broken:
        def get(self):
            raise ModelRefused("model file was tampered with")

    box.deliver(application().as_bytes())
    broken = Runner(replace(runner.ctx, models=Broken()), engine, box)
    for _ in range(settings.max_processing_attempts + 1):  # our fault, however often: never quarantined
        with pytest.raises(ModelRefused):
            broken.process_batch()
    assert len(list(box.fetch_pending())) == 1 and cases(engine) == []
    (outcome,) = runner.process_batch()  # a good model again: the message is processed
    assert outcome.outcome == "case"


def test_a_message_that_kept_killing_the_process_shows_its_sender_and_subject_in_the_quarantine_list(env):
    from intake.cli.tables import quarantine_table

    settings, engine, box, runner = env
    box.deliver(application().as_bytes())
    fetched = next(box.fetch_pending())
    for _ in range(settings.max_processing_attempts):
        runner._claim(fetched)  # the process died before the message was ever parsed
    assert runner.handle(fetched).outcome == "quarantined"
    with Session(engine) as s:
        (rec,) = s.exec(select(InboundMessage)).all()
    assert rec.sender == "peter@jensen-stilladser.dk" and rec.subject
    from rich.console import Console

    console = Console(width=250, record=True)
    console.print(quarantine_table(engine))
    shown = console.export_text()
    assert "jensen-stilladser.dk" in shown and rec.subject[:20] in shown and "peter@" not in shown
    from datetime import UTC

    from routing.goals import LOCAL_TZ
    received = rec.received_at if rec.received_at.tzinfo else rec.received_at.replace(tzinfo=UTC)
    assert f"{received.astimezone(LOCAL_TZ):%Y-%m-%d %H:%M}" in shown and "+00:00" not in shown   # Copenhagen's clock


def test_a_stop_requested_mid_batch_stops_after_the_current_message(env):
    """SIGTERM sets the service's flag; the batch stops between messages, the one done is moved and the rest
    stay in the inbox, unrecorded, for the next start."""
    settings, engine, box, runner = env
    for i in range(3):
        box.deliver(application(sender=f"Firma {i} <kontakt@firma{i}.dk>").as_bytes())
    handled: list[object] = []
    stopper = Runner(runner.ctx, engine, box, stop_requested=lambda: bool(handled))
    original = stopper.handle
    stopper.handle = lambda fetched, done=None: handled.append(1) or original(fetched, done)
    outcomes = stopper.process_batch()
    assert [o.outcome for o in outcomes] == ["case"]
    assert len(box.folder_keys("Processed")) == 1 and len(list(box.fetch_pending())) == 2
    with Session(engine) as s:
        assert len(s.exec(select(InboundMessage)).all()) == 1


def test_status_question_that_brings_news_is_passed_to_the_office(env):
    """"Hvor langt er sagen? ... Og så en rettelse: markedet er rykket en uge": the moved date must reach a caseworker,
    not only an automatic status answer."""
    _, engine, box, runner = env
    box.deliver(application().as_bytes())
    (first,) = runner.process_batch()
    box.deliver(application(subject=f"Re: [{first.reference}] Kvittering",
                            body="Hej\n\nHvor langt er sagen? Og så en rettelse: opstillingen er rykket en uge, til "
                                 "mandag 8. marts 2027.\n\nHilsen\nJens").as_bytes())
    (second,) = runner.process_batch()
    assert second.outcome == "follow_up" and second.reference == first.reference
    (fwd,) = outbox(engine, "follow_up")
    assert fwd.recipient == "trafik@kk.example"
