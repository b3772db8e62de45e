"""A new period applied for while this year's case is still open: a new case linked to it, never a status answer.

"Tak for hjælpen i år (sag KBH-2026-000001) ... Jeg vil gerne søge igen til næste jul ... sig til hvornår jeg skal
sende" names the open case in a new mail (not in its subject, not in a reply to our thread) and applies again. It was
answered with the case's status ("hvornår") and the application was never registered.
"""
from __future__ import annotations

from sqlmodel import Session, select

from models import Case, CaseEvent
from tests.intake.mailbuilder import application

SENDER = "Mehmet Yildiz <yildiz.noedder@example.dk>"
STAND = ("Hej kommune\n\nJeg vil gerne søge om stadeplads til at sælge ristede mandler fra min vogn på Blågårds Plads, "
         "2200 København N, fra 12. december til 23. december 2026, hver dag kl. 11-19. Vognen er ca. 4 m2.\n\n"
         "Yildiz Ristede Nødder, CVR 43835300\n\nMange hilsen\nMehmet Yildiz\n")
AGAIN = ("Hej kommune\n\nTak for hjælpen i år (sag {ref}), det går godt på Blågårds Plads.\n\nJeg vil gerne søge igen "
         "til næste jul, samme sted og samme vogn, fra 1. december til 23. december 2027, hver dag kl. 11-19.\n\n"
         "Er det for tidligt at søge nu? Så sig venligst til hvornår jeg skal sende.\n\nMange hilsen\nMehmet Yildiz\n")


def _first(box, runner) -> str:
    box.deliver(application(sender=SENDER, subject="ansøgning stadeplads jul", body=STAND).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"
    return str(outcome.reference)


def test_applying_again_while_the_case_is_open_is_a_new_case_linked_to_it(service):
    engine, box, runner = service
    ref = _first(box, runner)
    box.deliver(application(sender=SENDER, subject="stadeplads jul 2027 Blågårds Plads",
                            body=AGAIN.format(ref=ref)).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case" and outcome.reference != ref
    with Session(engine) as s:
        new = s.exec(select(Case).where(Case.reference == outcome.reference)).one()
        old = s.exec(select(Case).where(Case.reference == ref)).one()
        assert new.linked_case_id == old.id and new.task_type == "gadesalg"
        assert old.status == "routed", "the open case is left as it was"
        renewal = [e for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == new.id)) if e.action == "renewal"]
        assert len(renewal) == 1
        assert renewal[0].detail == f"renews {ref} (routed)", "the history names the earlier case as people know it"


def test_a_reply_in_the_thread_stays_on_the_open_case(service):
    """The same words in a reply to the case's thread (its reference in the subject) are mail about the case."""
    engine, box, runner = service
    ref = _first(box, runner)
    box.deliver(application(sender=SENDER, subject=f"Re: [{ref}] Kvittering: ansøgning stadeplads jul",
                            body=AGAIN.format(ref=ref)).as_bytes())
    (outcome,) = runner.process_batch()
    assert (outcome.outcome, outcome.reference) == ("follow_up", ref)


def test_a_new_mail_about_the_open_case_that_applies_for_nothing_stays_on_it(service):
    engine, box, runner = service
    ref = _first(box, runner)
    body = (f"Hej\n\nAngående sag {ref}: vognen bliver en halv meter kortere end jeg skrev, og jeg søger igen om "
            "at stå der i samme periode, hvis det er nødvendigt.\n\nMehmet\n")
    box.deliver(application(sender=SENDER, subject="vognen", body=body).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.reference == ref and outcome.outcome == "follow_up"


def test_a_status_question_is_still_a_status_question(service):
    engine, box, runner = service
    ref = _first(box, runner)
    box.deliver(application(sender=SENDER, subject="spørgsmål", body=f"Hej\n\nHvor langt er I med sag {ref}? "
                            "Hvornår kan jeg forvente svar på min ansøgning?\n\nMehmet\n").as_bytes())
    (outcome,) = runner.process_batch()
    assert (outcome.outcome, outcome.reference) == ("status_query", ref)
