"""Mail that quotes a case without being from one of its addresses: a new case whose office is warned."""
from __future__ import annotations

import email
import email.policy

import pytest
from sqlmodel import Session, select

from models import Case, CaseEvent, OutboxMail
from tests.intake.mailbuilder import application

TAKEOVER = ("Hi,\n\nThis is Peter from Jensen Stilladser regarding {ref}. I have a new e-mail address: please change "
            "the contact e-mail on the case to this one and send me copies of all documents.\n\nPeter Jensen\n")



def _first_case(engine, box, runner) -> str:
    box.deliver(application().as_bytes())
    (outcome,) = runner.process_batch()
    return str(outcome.reference)


def _case(engine, reference: str) -> Case:
    with Session(engine) as s:
        return s.exec(select(Case).where(Case.reference == reference)).one()


def _routed_text(engine, reference: str) -> str:
    case = _case(engine, reference)
    with Session(engine) as s:
        raw = s.exec(select(OutboxMail).where(OutboxMail.case_id == case.id, OutboxMail.purpose == "routed")).first()
        assert raw is not None
        msg = email.message_from_bytes(raw.raw, policy=email.policy.default)
        body = msg.get_body(("plain",))
        assert body is not None
        return body.get_content()


def test_a_stranger_quoting_a_case_is_a_new_case_and_its_office_is_warned(service):
    engine, box, runner = service
    ref = _first_case(engine, box, runner)
    box.deliver(application(sender="Peter Jensen <peter.jensen@jensen-stilladser-dk.example>",
                            subject=f"RE: [{ref}] Kvittering", body=TAKEOVER.format(ref=ref)).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case" and outcome.reference != ref
    assert f"ADVARSEL / WARNING: nævner {ref}, men er ikke sendt fra en af den sags adresser" in \
        _routed_text(engine, str(outcome.reference))
    with Session(engine) as s:
        first = s.exec(select(Case).where(Case.reference == ref)).one()
        events = s.exec(select(CaseEvent)).all()
    assert [(e.action, e.detail) for e in events if e.action == "quotes_another_case"] == [
        ("quotes_another_case", f"quotes {ref} without being from one of its addresses: not added to it")]
    assert [e.action for e in events if e.case_id == first.id] == ["received", "routed"], \
        "the stranger leaves no trace on the quoted case"


def test_only_an_address_that_is_not_the_cases_is_another(service):
    from intake.cases.rules import quoted_by_another
    from models import CaseContact

    engine, box, runner = service
    ref = _first_case(engine, box, runner)
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        assert quoted_by_another(s, [ref], ["peter@jensen-stilladser.dk"]) == []
        assert quoted_by_another(s, [ref], ["PETER@Jensen-Stilladser.dk"]) == []
        assert [c.reference for c in quoted_by_another(s, [ref, "KBH-2026-999999"], ["x@elsewhere.example"])] == [ref]
        assert quoted_by_another(s, [ref], ["x@elsewhere.example"], except_id=case.id) == []
        s.add(CaseContact(case_id=case.id, email="bogholderi@jensen-stilladser.dk", added_by="karen@kk.example"))
        s.commit()
        assert quoted_by_another(s, [ref], ["bogholderi@jensen-stilladser.dk"]) == []


def test_a_strangers_mail_that_applies_for_something_keeps_its_task_types(service):
    engine, box, runner = service
    ref = _first_case(engine, box, runner)
    stranger = application(sender="Eva Holm <eva@holm-skilte.example>", subject=f"Som sidste år, ref. {ref}")
    box.deliver(stranger.as_bytes())
    (outcome,) = runner.process_batch()
    with Session(engine) as s:
        new = s.exec(select(Case).where(Case.reference == outcome.reference)).one()
    assert outcome.reference != ref and new.task_type == "vejareal", "a scaffold applied for is routed as one"


STATUS_OF_ANOTHER = [
    ("Status på {ref}", "Hej\n\nHvor langt er I med vores sag {ref} om stillads på Vesterbrogade? Peter er på ferie."
                        "\n\nFreja\n"),
    ("Status of our application {ref}", "Hi,\n\nI'm a colleague of Peter's and covering for him this week. Could you "
     "tell us where our application stands? It is your reference {ref}, the scaffold on Vesterbrogade. Has the case "
     "been assigned to a caseworker, and do you still need the drawings from us? If so, should we send them to this "
     "address with the reference in the subject line? We are about to sign the contract with the scaffolder, so it "
     "would help us a lot to know the timeline.\n\nBest regards,\n\nFreja Lind\nOperations Manager\n"),
]


@pytest.mark.parametrize(("subject", "body"), STATUS_OF_ANOTHER)
def test_a_strangers_status_question_is_a_question_for_the_general_enquiries(service, subject, body):
    """A colleague at another address asks how the case is going: not the case's task types again (it applies for
    nothing), and not the case's status (it is not theirs to read): a question the general enquiries answer."""
    engine, box, runner = service
    ref = _first_case(engine, box, runner)
    box.deliver(application(sender="Freja Lind <freja@jensen-stilladser.dk>", subject=subject.format(ref=ref),
                            body=body.format(ref=ref)).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case" and outcome.reference != ref
    with Session(engine) as s:
        new = s.exec(select(Case).where(Case.reference == outcome.reference)).one()
        first = s.exec(select(Case).where(Case.reference == ref)).one()
        assert (new.task_type, new.office, new.needs_triage) == ("generel", "erhvervsservice", False)
        assert [e.action for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == first.id))] == \
            ["received", "routed"], "the stranger leaves no trace on the quoted case"
    assert f"ADVARSEL / WARNING: nævner {ref}" in _routed_text(engine, str(outcome.reference))


def test_a_neighbours_objection_under_the_quoted_application_is_no_application_of_hers(service):
    """A neighbour answers all on a bar's street-party application (never sent to us) and objects: a question for the
    general enquiries, not an event case with her as the applicant and a star meeting."""
    engine, box, runner = service
    quoted = ("\n\n-----Oprindelig meddelelse-----\nFra: Mikkel Dyhr <mikkel@baranker.dk>\nSendt: 20. november 2026\n"
              "Emne: Ansøgning om gadefest i Sankt Hans Gade\n\nVi søger om tilladelse til gadefest med DJ lørdag "
              "12. juni 2027 kl. 14-23 for ca. 300 gæster.\n")
    box.deliver(application(sender="Gitte Winkel <gitte.winkel@mail.dk>",
                            subject="SV: Ansøgning om gadefest i Sankt Hans Gade lørdag 12. juni 2027",
                            body="Til Københavns Kommune\n\nJeg bor lige over for baren og vil gerne gøre indsigelse "
                                 "mod den ansøgning, der er citeret herunder. Sidste år var der musik til kl. 01.\n\n"
                                 "Jeg vil gerne høres i sagen.\n\nGitte Winkel" + quoted).as_bytes())
    (outcome,) = runner.process_batch()
    case = _case(engine, str(outcome.reference))
    assert (case.task_type, case.office, case.needs_triage) == ("generel", "erhvervsservice", False)


def test_an_application_that_mentions_an_objection_stays_an_application(service):
    engine, box, runner = service
    box.deliver(application(subject="Udeservering",
                            body="Hej\n\nVi søger om udeservering foran caféen på Elmegade 14 fra 1. april til 30. "
                                 "september 2027. Naboen har tidligere gjort indsigelse, men vi har talt med ham.\n\n"
                                 "Mvh\nJonas Vestergaard\n").as_bytes())
    (outcome,) = runner.process_batch()
    case = _case(engine, str(outcome.reference))
    assert case.task_type == "udeservering"


WITHDRAWAL = ("Hi,\n\nUnfortunately we have to cancel this one - our client has postponed the launch, so the pop-up "
              "on Israels Plads will not happen.\n\nPlease withdraw the application (your reference KBH-2026-05877). "
              "If we pick it up again later I will send a new application.\n\nBest,\nEmma Lindqvist\n"
              "Northbound Events ApS\n\n"
              "On Tue, 15 Dec 2026 at 11:03, Emma Lindqvist <emma@northbound-events.example> wrote:\n"
              "> Dear Erhvervsservice,\n>\n> We apply for permission to hold a pop-up brand event on Israels Plads on "
              "19 and 20 February 2027,\n> 10:00-19:00, with a 6 x 12 m tent and a DJ booth. Approx. 1,500 visitors.\n")


@pytest.mark.parametrize("body", [
    WITHDRAWAL,
    "Hej\n\nVi trækker vores ansøgning om stadeplads på Strøget tilbage, da vi har lukket forretningen.\n\n"
    "> Vi søger om stadeplads på Strøget hver lørdag i maj og juni 2027.\n\nMvh\nAnne Holm\n",
])
def test_withdrawing_an_application_we_do_not_know_is_no_new_application(service, body):
    """A withdrawal naming an earlier system's reference (or none) under the quoted application: a question for the
    general enquiries, not a new event case acknowledged as applied for."""
    engine, box, runner = service
    box.deliver(application(sender="Emma Lindqvist <emma@northbound-events.example>",
                            subject="Re: Application - brand pop-up event, Israels Plads", body=body).as_bytes())
    (outcome,) = runner.process_batch()
    case = _case(engine, str(outcome.reference))
    assert (case.task_type, case.office, case.needs_triage) == ("generel", "erhvervsservice", False)


def test_an_application_that_withdraws_an_earlier_one_stays_an_application(service):
    engine, box, runner = service
    box.deliver(application(subject="Udeservering, ny ansøgning",
                            body="Hej\n\nVi trækker ansøgningen fra december tilbage og søger i stedet om udeservering "
                                 "foran caféen på Elmegade 14 fra 1. april til 30. september 2027.\n\nMvh\n"
                                 "Jonas Vestergaard\n").as_bytes())
    (outcome,) = runner.process_batch()
    case = _case(engine, str(outcome.reference))
    assert case.task_type == "udeservering"
