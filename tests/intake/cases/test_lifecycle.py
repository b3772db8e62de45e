"""Case actions over a real SQLite database: transitions, refusals, the clock, mails, contact persons."""
from __future__ import annotations

import email
import json
from datetime import date, datetime, timedelta
from email import policy

import pytest
from sqlmodel import Session, col, select

from intake.cases import lifecycle as cases
from intake.cases import views
from intake.cases.desk import MAX_TEXT
from intake.cases.lifecycle import Desk, InvalidTransition, MissingText, UnknownChoice
from intake.cases.rules import pick_contact_person
from intake.errors import CaseNotFound
from intake.settings import load_settings
from intake.web.trackview import timeline
from models import Case, CaseEvent, CasePart, Correction, OutboxMail, utcnow
from models.db import open_database
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue
from routing.goals import LOCAL_TZ, due_date
from tests.intake.casefactory import CaseView, add_part, view_of
from tests.intake.mailbuilder import SCAFFOLD_DA, application
from tests.paths import SAMPLES

CATALOGUE = load_catalogue()
RECEIVED = datetime(2026, 11, 30, 9, 0, tzinfo=LOCAL_TZ)  # Monday, 2026-W49


def add_case(engine, n=1, task="vejareal", language="da", status="routed", **fields) -> str:
    task_type = CATALOGUE.task(task)
    case = Case(reference=f"KBH-2026-{n:06d}", received_at=RECEIVED, subject="Ansøgning", sender="peter@jensen.dk",
                sender_domain="jensen.dk", language=language, task_type=task, task_types=json.dumps([task]),
                office=task_type.office, status=status, company_name="Jensen ApS",
                applicant_email="peter@jensen.dk", reply_email="peter@jensen.dk",
                offices=json.dumps([task_type.office]), **fields)
    with Session(engine) as s:
        s.add(case)
        s.flush()
        add_part(s, case, task, status=status)
        s.commit()
        return case.reference


def act(engine, desk, action, *args, **kwargs):
    with Session(engine) as s:
        result = action(s, *args, actor="karen", desk=desk, **kwargs)
        s.commit()
        return result


def get(engine, ref) -> CaseView:
    """The case with its (only) part's clock and goal."""
    with Session(engine) as s:
        return view_of(s, ref)


def mails(engine, purpose=None):
    with Session(engine) as s:
        stmt = select(OutboxMail).order_by(OutboxMail.id)
        if purpose:
            stmt = stmt.where(OutboxMail.purpose == purpose)
        return [(m.recipient, email.message_from_bytes(m.raw, policy=policy.default)) for m in s.exec(stmt)]


def events(engine, ref):
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        return [(e.actor, e.action) for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                                       .order_by(CaseEvent.id))]


# -- transitions -------------------------------------------------------------------
def test_start_puts_the_case_in_progress_and_tells_the_business(engine, desk):
    ref = add_case(engine)
    result = act(engine, desk, cases.start, ref)
    assert result.status == get(engine, ref).status == "in_progress"
    ((to, msg),) = mails(engine, "case_started")
    assert to == "peter@jensen.dk" and f"[{ref}]" in msg["Subject"] and msg["Content-Language"] == "da"
    assert "under behandling" in msg.get_content()
    assert events(engine, ref) == [("karen", "started")]


STARTED_ONE_OF_THREE = {
    "da": ("Center for Trafik (vejmyndighed) er nu gået i gang med din ansøgning om råden over vejareal (stillads, "
           "container, skurvogn, kran, lift), som er én af opgaverne i din sag. Vi forventer at være færdige med den i "
           "uge 51 (14.-18. december 2026), senest mandag den 14. december.\n\n"
           "Din sags andre opgaver behandles af deres egne enheder, hver med sit eget servicemål:\n"
           "2. Skilte og facadereklamer: Center for Bygninger\n   Status: venter på oplysninger fra dig\n"
           "   Servicemål: 4 uger fra modtagelsen.",
           "3. Udeservering: Byliv og Arrangementer\n   Status: afgjort (godkendt)\n\nSagsnummer:",
           "Din sag er nu under behandling hos"),
    "en": ("Centre for Traffic (road authority) has now started work on your application for use of road space "
           "(scaffolding, container, site hut, crane, lift), one of the tasks in your case. We expect to finish that "
           "task in week 51 (14-18 December 2026), at the latest Monday 14 December.\n\n"
           "The other tasks in your case are handled by their own offices, each with its own service goal:\n"
           "2. Signs and facade advertising: Centre for Buildings\n   Status: waiting for information from you\n"
           "   Service goal: 4 weeks from receipt.",
           "3. Outdoor serving (pavement café): City Life and Events\n   Status: decided (approved)\n\nReference:",
           "Your case is now being processed by"),
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_starting_one_part_of_a_case_of_several_says_which_and_lists_the_others(engine, desk, lang):
    """A case of three offices: the letter said the whole case was "now being processed by" the office that started
    its part. It names that office and its task, and lists the other parts (numbered as in the acknowledgement) with
    where each stands."""
    ref = add_case(engine, task="vejareal", language=lang)
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        add_part(s, case, "skilte", position=1, status="waiting")
        add_part(s, case, "udeservering", position=2, status="decided", decision="approved")
        s.commit()
    act(engine, desk, cases.start, ref, part="vejareal", now=RECEIVED + timedelta(days=1))
    body = mails(engine, "case_started")[0][1].get_content()
    started, last, whole_case = STARTED_ONE_OF_THREE[lang]
    assert started in body and last in body
    assert whole_case not in body and "\n1. " not in body, "the started part is the letter's own, not an 'other'"


def test_starting_twice_is_refused_with_a_clear_message(engine, desk):
    ref = add_case(engine)
    act(engine, desk, cases.start, ref)
    with pytest.raises(InvalidTransition, match="already in progress"):
        act(engine, desk, cases.start, ref)


def test_closing_an_undecided_case_is_refused(engine, desk):
    ref = add_case(engine, status="in_progress")
    with pytest.raises(InvalidTransition, match="decide it first"):
        act(engine, desk, cases.close, ref)
    assert get(engine, ref).status == "in_progress"


def test_deciding_a_decided_case_is_refused(engine, desk):
    ref = add_case(engine)
    act(engine, desk, cases.approve, ref)
    with pytest.raises(InvalidTransition, match="already decided"):
        act(engine, desk, cases.reject, ref, reason="x", path_forward="Søg igen til foråret.")


def test_approve_then_close(engine, desk):
    ref = add_case(engine, status="in_progress")
    act(engine, desk, cases.approve, ref, message="Stilladset skal være afmærket.")
    act(engine, desk, cases.close, ref)
    case = get(engine, ref)
    assert (case.status, case.decision) == ("closed", "approved") and case.decided_at and case.closed_at
    ((_, msg),) = mails(engine, "case_approved")
    assert "godkendt" in msg.get_content() and "Stilladset skal være afmærket." in msg.get_content()


def test_unknown_reference_is_reported(engine, desk):
    with pytest.raises(CaseNotFound):
        act(engine, desk, cases.start, "KBH-2026-999999")


# -- good rejections ---------------------------------------------------------------
def test_rejection_without_a_path_forward_is_refused(engine, desk):
    ref = add_case(engine)
    with pytest.raises(MissingText, match="path forward"):
        act(engine, desk, cases.reject, ref, reason="Fortovet er for smalt.", path_forward="  ")
    assert get(engine, ref).status == "routed" and mails(engine) == []


def test_rejection_without_reasons_is_refused(engine, desk):
    ref = add_case(engine)
    with pytest.raises(MissingText, match="reasons"):
        act(engine, desk, cases.reject, ref, reason="", path_forward="Søg om et smallere stillads.")


def test_rejection_mail_states_reasons_path_forward_and_appeal_guidance(engine, desk):
    ref = add_case(engine, task="udeservering")
    act(engine, desk, cases.reject, ref, reason="Der er kun 1,2 m fri passage.", path_forward="1")
    ((_, msg),) = mails(engine, "case_rejected")
    body = msg.get_content()
    task = CATALOGUE.task("udeservering")
    assert "Der er kun 1,2 m fri passage." in body
    assert task.paths_forward_da[0] in body, "a number picks the catalogue's path forward"
    assert task.paths_forward_da[1] in body, "the other catalogue paths are offered too"
    assert task.appeal_da.split(".")[0] in body and "Klagevejledning" in body
    assert get(engine, ref).decision == "rejected"


def test_rejection_of_an_english_case_is_in_english(engine, desk):
    ref = add_case(engine, task="udeservering", language="en")
    act(engine, desk, cases.reject, ref, reason="Too narrow.", path_forward="Apply for three tables instead.")
    ((_, msg),) = mails(engine, "case_rejected")
    assert "Decision: rejected" in msg["Subject"] and "How to appeal" in msg.get_content()
    assert CATALOGUE.task("udeservering").appeal_en.split(".")[0] in msg.get_content()


def test_path_forward_number_outside_the_catalogue_is_refused(engine, desk):
    ref = add_case(engine, task="udeservering")
    for number in ("9", "0", "-1", "+7"):
        with pytest.raises(UnknownChoice, match="1-4"):
            act(engine, desk, cases.reject, ref, reason="x", path_forward=number)


@pytest.mark.parametrize("way", ["-", "x", "?!", "ok", "-- 12 --"])
def test_a_path_forward_without_words_is_refused_and_in_words_is_sent(engine, desk, way):
    ref = add_case(engine, task="udeservering")
    with pytest.raises(MissingText, match="says nothing the business can do"):
        act(engine, desk, cases.reject, ref, reason="For smalt fortov.", path_forward=way)
    act(engine, desk, cases.reject, ref, reason="For smalt fortov.", path_forward="Søg igen")
    assert get(engine, ref).status == "decided"


# -- forward, reroute, assign ------------------------------------------------------
def test_forward_tells_the_business_which_authority_decides(engine, desk):
    ref = add_case(engine, task="generel")
    act(engine, desk, cases.forward, ref, "foedevarer")
    case = get(engine, ref)
    assert (case.status, case.decision) == ("decided", "forwarded")
    ((_, msg),) = mails(engine, "case_forwarded")
    body = msg.get_content()
    assert "Fødevarestyrelsen" in body and "foedevarestyrelsen.dk" in body and "§ 7" in body


def test_forwarding_one_part_says_only_that_part_is_closed(engine, desk):
    """A case of two parts: the § 7 letter about one part tells the business the rest goes on, not that the case is
    closed; the last open part's letter closes the case."""
    ref = add_case(engine, task="udeservering")
    act(engine, desk, cases.add_part, ref, "erhvervsaffald")
    act(engine, desk, cases.forward, ref, "alkoholbevilling", part="udeservering")
    first = mails(engine, "case_forwarded")[0][1]     # (the business's copy; the contact person has one too)
    assert "denne del af sagen" in first.get_content() and "Resten af din sag" in first.get_content()
    assert "Vi har afsluttet sagen her" not in first.get_content()
    act(engine, desk, cases.forward, ref, "foedevarer", part="erhvervsaffald")
    last = mails(engine, "case_forwarded")[-1][1].get_content()
    assert "Vi har afsluttet sagen her, så du skal rette henvendelse direkte til" in last


def test_forward_to_an_unknown_topic_is_refused(engine, desk):
    ref = add_case(engine, task="generel")
    with pytest.raises(UnknownChoice, match="foedevarer"):
        act(engine, desk, cases.forward, ref, "nonsense")


def test_reroute_records_a_correction_and_resends_the_case_to_the_new_office(engine, desk):
    ref = add_case(engine, task="vejareal")
    act(engine, desk, cases.reroute, ref, "skilte")
    with Session(engine) as s:
        (corr,) = s.exec(select(Correction)).all()
    assert (corr.from_task_type, corr.to_task_type, corr.from_office, corr.to_office, corr.actor) == \
        ("vejareal", "skilte", "trafik", "byggeri", "karen")
    case = get(engine, ref)
    assert (case.task_type, case.office, case.goal_value, case.goal_unit) == ("skilte", "byggeri", 4, "weeks")
    assert case.due_date == due_date(RECEIVED, CATALOGUE.task("skilte").goal, WorkingCalendar())
    ((to, routed),) = mails(engine, "routed")
    assert to == "byggeri@kk.example" and f"[{ref}]" in routed["Subject"]
    ((_, notice),) = mails(engine, "case_rerouted")
    assert CATALOGUE.office("byggeri").name_da in notice.get_content()
    assert ("karen", "rerouted") in events(engine, ref)


def test_reroute_to_another_office_ends_the_assignment_and_within_the_office_keeps_it(engine, desk):
    ref = add_case(engine, task="vejareal")
    act(engine, desk, cases.assign, ref, "ole@kk.example")
    act(engine, desk, cases.reroute, ref, "gravetilladelse")    # trafik's too: the caseworker keeps it
    with Session(engine) as s:
        assert s.exec(select(CasePart.assigned_to)).all() == ["ole@kk.example"]
    act(engine, desk, cases.reroute, ref, "skilte")             # byggeri's: ole no longer sees it
    with Session(engine) as s:
        assert s.exec(select(CasePart.assigned_to)).all() == [None]
    assert ("karen", "assigned") in events(engine, ref)


def test_a_part_can_be_added_and_goes_to_its_own_office(engine, desk):
    ref = add_case(engine, task="vejareal")
    result = act(engine, desk, cases.add_part, ref, "skilte")
    assert "part skilte added for byggeri" in result.summary
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        parts = s.exec(select(CasePart).where(CasePart.case_id == case.id).order_by(CasePart.position)).all()
        assert [(p.task_type, p.office, p.status) for p in parts] == [("vejareal", "trafik", "routed"),
                                                                     ("skilte", "byggeri", "routed")]
        assert parts[1].due_date == due_date(RECEIVED, CATALOGUE.task("skilte").goal, WorkingCalendar())
        assert case.complex and json.loads(case.offices) == ["trafik", "byggeri"]
    routed = mails(engine, "routed")
    assert {to for to, _ in routed} == {"byggeri@kk.example", CATALOGUE.contact_persons[0].email}, \
        "the new office, and a copy to the contact person the case now has"
    msg = routed[0][1]
    assert msg["To"] == "byggeri@kk.example" and f"[{ref}]" in msg["Subject"]
    assert "Øvrige dele / other parts: vejareal" in msg.get_body(("plain",)).get_content()
    with pytest.raises(InvalidTransition, match="already has a part skilte"):
        act(engine, desk, cases.add_part, ref, "skilte")


def test_an_actor_of_one_office_naming_no_part_decides_only_their_offices_part(engine, desk):
    """The lifecycle chose among every part: with trafik's part decided, a trafik caseworker's approve that named
    no part decided byggeri's, the only one open. With the actor's offices it picks among theirs alone."""
    ref = add_case(engine, task="vejareal")
    act(engine, desk, cases.add_part, ref, "skilte")
    act(engine, desk, cases.approve, ref, part="vejareal")
    with pytest.raises(InvalidTransition, match="is decided"):
        act(engine, desk, cases.approve, ref, offices=frozenset({"trafik"}))
    with pytest.raises(UnknownChoice, match="another office's"):
        act(engine, desk, cases.approve, ref, part="skilte", offices=frozenset({"trafik"}))
    act(engine, desk, cases.approve, ref, offices=frozenset({"byggeri"}))
    with Session(engine) as s:
        assert set(s.exec(select(CasePart.status))) == {"decided"}


def test_reroute_to_an_unknown_task_type_is_refused(engine, desk):
    ref = add_case(engine)
    with pytest.raises(UnknownChoice):
        act(engine, desk, cases.reroute, ref, "kiosk")


def test_assign_records_who_without_mailing_the_business(engine, desk):
    ref = add_case(engine)
    act(engine, desk, cases.assign, ref, "Ole Sørensen")
    assert get(engine, ref).assigned_to == "Ole Sørensen" and mails(engine) == []
    assert events(engine, ref) == [("karen", "assigned")]


def test_history_is_appended_in_order(engine, desk):
    ref = add_case(engine)
    act(engine, desk, cases.start, ref)
    act(engine, desk, cases.request_info, ref, "Send en tegning.")
    act(engine, desk, cases.start, ref)
    act(engine, desk, cases.approve, ref)
    act(engine, desk, cases.close, ref)
    assert [a for _, a in events(engine, ref)] == ["started", "waiting", "resumed", "approved", "closed"]


# -- the clock -----------------------------------------------------------------------
def test_request_info_pauses_the_clock_and_mails_the_question(engine, desk):
    ref = add_case(engine, status="in_progress")
    asked = datetime(2026, 12, 4, 10, tzinfo=LOCAL_TZ)
    act(engine, desk, cases.request_info, ref, "Send en tegning af stilladset.", now=asked)
    case = get(engine, ref)
    assert case.status == "waiting" and case.paused_since == asked
    ((to, msg),) = mails(engine, "case_info_request")
    assert to == "peter@jensen.dk" and f"[{ref}]" in msg["Subject"]
    assert "Send en tegning af stilladset." in msg.get_content() and "står uret" in msg.get_content()


def test_the_same_question_twice_while_it_waits_is_refused_and_another_is_sent(engine, desk):
    """A double click sent the business the same request twice; a second, other question is still sent."""
    ref = add_case(engine, status="in_progress")
    act(engine, desk, cases.request_info, ref, "Send en tegning af stilladset.")
    with pytest.raises(InvalidTransition, match="already waits for the answer to this very question"):
        act(engine, desk, cases.request_info, ref, "Send en tegning af stilladset.")
    act(engine, desk, cases.request_info, ref, "Og hvor bred bliver den gangbro, der skal være under?")
    assert len(mails(engine, "case_info_request")) == 2


def test_request_info_without_a_question_is_refused(engine, desk):
    ref = add_case(engine)
    with pytest.raises(MissingText):
        act(engine, desk, cases.request_info, ref, " ")


def test_pause_over_a_weekend_moves_a_working_day_goal_by_one_day(engine, desk):
    ref = add_case(engine, task="vejareal", status="in_progress")  # 10 working days: due Mon 14 Dec
    before = get(engine, ref).due_date
    act(engine, desk, cases.request_info, ref, "?", now=datetime(2026, 12, 4, 10, tzinfo=LOCAL_TZ))  # Friday
    with Session(engine) as s:
        result = cases.resume(s, cases.get_case(s, ref), actor="applicant", desk=desk,
                              now=datetime(2026, 12, 7, 9, tzinfo=LOCAL_TZ))  # Monday
        s.commit()
    case = get(engine, ref)
    assert before == date(2026, 12, 14) and case.due_date == date(2026, 12, 15)
    assert case.status == "in_progress" and case.paused_since is None
    assert case.paused_seconds == int(timedelta(days=2, hours=23).total_seconds())
    assert result.mailed == () and mails(engine, "case_resumed") == [], "still week 51: no notice"


def test_resume_into_a_later_week_tells_the_business_the_new_week(engine, desk):
    ref = add_case(engine, task="udeservering", status="in_progress")  # 2 weeks: due Mon 14 Dec (W51)
    act(engine, desk, cases.request_info, ref, "?", now=datetime(2026, 12, 1, 10, tzinfo=LOCAL_TZ))
    act(engine, desk, cases.start, ref, now=datetime(2026, 12, 8, 10, tzinfo=LOCAL_TZ))  # 7 days later
    case = get(engine, ref)
    assert case.due_date == date(2026, 12, 21) and case.expected_week == "2026-W52"
    ((to, msg),) = mails(engine, "case_resumed")
    body = msg.get_content()
    assert to == "peter@jensen.dk" and "uge 51" in body and "uge 52" in body


def test_deciding_a_waiting_case_ends_the_pause(engine, desk):
    ref = add_case(engine, status="in_progress")
    act(engine, desk, cases.request_info, ref, "?", now=datetime(2026, 12, 1, 10, tzinfo=LOCAL_TZ))
    act(engine, desk, cases.reject, ref, reason="Intet svar.", path_forward="Søg igen med tegning.",
        now=datetime(2026, 12, 2, 10, tzinfo=LOCAL_TZ))
    case = get(engine, ref)
    assert case.paused_since is None and case.paused_seconds == 24 * 3600


# -- contact persons -----------------------------------------------------------------
def test_contact_person_is_the_one_with_fewest_open_cases(engine, desk):
    first, second, third = CATALOGUE.contact_persons
    add_case(engine, 1, complex=True, contact_person=first.name, contact_email=first.email)
    add_case(engine, 2, complex=True, contact_person=first.name, contact_email=first.email)
    add_case(engine, 3, complex=True, contact_person=second.name, contact_email=second.email)
    for n in (4, 5, 6):
        add_case(engine, n, status="closed", complex=True, contact_person=third.name, contact_email=third.email)
    with Session(engine) as s:
        assert pick_contact_person(s, CATALOGUE) == third, "closed cases do not count"
    add_case(engine, 7, complex=True, contact_person=third.name, contact_email=third.email)
    add_case(engine, 8, complex=True, contact_person=third.name, contact_email=third.email)
    with Session(engine) as s:
        assert pick_contact_person(s, CATALOGUE) == second


def test_marking_complex_introduces_a_contact_person_who_is_then_copied(engine, desk):
    ref = add_case(engine)
    result = act(engine, desk, cases.mark_complex, ref)
    case = get(engine, ref)
    person = CATALOGUE.contact_persons[0]
    assert case.complex and case.contact_email == person.email and person.name in result.summary
    ((_, intro),) = [m for m in mails(engine, "case_contact") if m[0] == "peter@jensen.dk"]
    assert person.name in intro.get_content() and person.phone in intro.get_content()
    act(engine, desk, cases.start, ref)
    started = mails(engine, "case_started")
    assert sorted(to for to, _ in started) == sorted(["peter@jensen.dk", person.email])
    assert started[0][1]["Cc"] == person.email


def test_marking_complex_twice_is_refused(engine, desk):
    ref = add_case(engine)
    act(engine, desk, cases.mark_complex, ref)
    with pytest.raises(InvalidTransition, match="already complex"):
        act(engine, desk, cases.mark_complex, ref)


def test_list_sorts_by_due_date_and_marks_standing(engine, desk):
    add_case(engine, 1, task="udeservering")  # due 14 Dec
    add_case(engine, 2, task="vejareal")  # due 14 Dec
    add_case(engine, 3, task="generel")  # 1 week: due 7 Dec
    with Session(engine) as s:
        rows = views.list_cases(s, desk, now=datetime(2026, 12, 8, 12, tzinfo=LOCAL_TZ))
        overdue = views.list_cases(s, desk, overdue=True, now=datetime(2026, 12, 8, 12, tzinfo=LOCAL_TZ))
        trafik = views.list_cases(s, desk, office="trafik", now=datetime(2026, 12, 8, 12, tzinfo=LOCAL_TZ))
    assert [r.reference[-1] for r in rows] == ["3", "1", "2"]
    assert [r.standing for r in rows] == ["overdue", "on_track", "on_track"]
    assert [r.reference for r in overdue] == ["KBH-2026-000003"]
    assert [r.reference for r in trafik] == ["KBH-2026-000002"]


def test_list_refuses_an_unknown_status(engine, desk):
    with Session(engine) as s, pytest.raises(UnknownChoice):
        views.list_cases(s, desk, status="pending")


# -- through the runner: acknowledgement, follow-ups, status -------------------------


@pytest.fixture
def service(tmp_path, model_dir):
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    engine = open_database(settings.database_url)
    ctx = build_context(settings)
    box = MaildirMailbox(settings.maildir)
    return Runner(ctx, engine, box), box, engine, Desk(settings, ctx.catalogue, ctx.calendar)


def deliver(runner, box, msg_bytes):
    box.deliver(msg_bytes)
    (outcome,) = runner.process_batch()
    return outcome


def test_multi_office_application_gets_a_contact_person_named_in_the_acknowledgement(service):
    runner, box, engine, _ = service
    outcome = deliver(runner, box, (SAMPLES / "05-ny-restaurant-p-n-rrebrogade.eml").read_bytes())
    case = get(engine, outcome.reference)
    assert len(json.loads(case.offices)) > 1 and case.complex
    person = CATALOGUE.contact_persons[0]
    assert case.contact_email == person.email
    acks = mails(engine, "acknowledgement")
    assert sorted(to for to, _ in acks) == sorted(["ahmad@rahimi-kitchen.dk", person.email])
    ack = acks[0][1]
    assert ack["Cc"] == person.email
    body = ack.get_content()
    assert person.name in body and person.phone in body and person.email in body
    routed = mails(engine, "routed")
    offices = [CATALOGUE.office(o).address for o in json.loads(case.offices)]
    assert sorted(to for to, _ in routed) == sorted([*offices, *[person.email] * len(offices)]), \
        "each part's office gets its routed case, the contact person a copy of each"


def test_simple_application_has_no_contact_person(service):
    runner, box, engine, _ = service
    outcome = deliver(runner, box, application().as_bytes())
    case = get(engine, outcome.reference)
    assert not case.complex and case.contact_email is None
    ((_, ack),) = mails(engine, "acknowledgement")
    assert ack["Cc"] is None and "kontaktperson" not in ack.get_content().lower()


def test_applicant_answer_resumes_the_clock_and_notifies_the_office(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application().as_bytes())
    act(engine, desk, cases.assign, first.reference, "ole@kk.example")
    asked = utcnow() - timedelta(days=3)  # the answer's receipt time is its delivery into the Maildir: now
    act(engine, desk, cases.request_info, first.reference, "Send en tegning.", now=asked)
    answer = application(subject=f"Re: [{first.reference}] Vi mangler oplysninger", body="Tegningen er vedlagt.")
    second = deliver(runner, box, answer.as_bytes())
    assert second.outcome == "follow_up"
    case = get(engine, first.reference)
    assert case.status == "in_progress" and case.paused_since is None
    assert 3 * 86400 <= case.paused_seconds < 3 * 86400 + 600
    forwarded = mails(engine, "follow_up")
    assert {to for to, _ in forwarded} == {"trafik@kk.example", "ole@kk.example"}
    assert "uret kører igen" in forwarded[0][1].get_body(("plain",)).get_content()
    assert [a for who, a in events(engine, first.reference) if who == "applicant"] == ["follow_up", "resumed"]


def test_status_answer_names_the_decision_and_the_last_event(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application().as_bytes())
    act(engine, desk, cases.approve, first.reference)
    deliver(runner, box, application(subject="status", body=f"Hvad er status på {first.reference}?").as_bytes())
    ((_, status),) = mails(engine, "status")
    body = status.get_content()
    assert "Status: afgjort (godkendt)\n" in body and "Seneste hændelse: godkendt" in body


def test_stranger_answering_a_request_does_not_resume_the_case(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application().as_bytes())
    act(engine, desk, cases.request_info, first.reference, "Send en tegning.")
    stranger = application(sender="Eve <eve@gmail.com>", subject=f"Re: [{first.reference}] Vi mangler oplysninger",
                           body="Her er tegningen.")
    second = deliver(runner, box, stranger.as_bytes())
    assert second.outcome == "case" and second.reference != first.reference
    assert get(engine, first.reference).status == "waiting"
    for to, msg in mails(engine):
        if to == "eve@gmail.com":
            assert first.reference not in msg.as_string() and "Send en tegning" not in msg.as_string()


# -- the migration -------------------------------------------------------------------
def _upgrade_0001_database(url: str) -> None:
    from alembic import command

    from intake.app import build_desk
    from models.db import alembic_config, make_engine, migrate

    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            'INSERT INTO "case" (reference, received_at, subject, sender, sender_domain, language, task_type, '
            "task_types, confidence, needs_triage, office, model_version, goal_value, goal_unit, due_date, "
            "expected_week, status, details_json, attachments_json, classifier_text, task_confirmed, message_id, "
            "created_at, updated_at) VALUES ('KBH-2026-000001', '2026-11-30 08:00:00.000000', 's', 'a@b.dk', "
            "'b.dk', 'da', 'vejareal', '[\"vejareal\"]', 0.9, false, 'trafik', '1', 10, 'working_days', "
            "'2026-12-14', '2026-W51', 'routed', '{}', '[]', '', false, '', '2026-11-30 08:00:00.000000', "
            "'2026-11-30 08:00:00.000000')")
    migrate(engine)
    with Session(engine) as s:
        case = view_of(s, "KBH-2026-000001")  # a case before parts is a case with one part (migration 0003)
        assert json.loads(case.offices) == ["trafik"] and case.paused_seconds == 0 and case.complex is False
        assert case.decision is None and case.paused_since is None and case.pauses_json == "[]"
        assert (case.part.task_type, case.part.office, case.due_date.isoformat()) == ("vejareal", "trafik",
                                                                                      "2026-12-14")
        assert (case.applicant_email, case.reply_email) == ("a@b.dk", "a@b.dk")
    settings = load_settings(env={"INTAKE_DATABASE_URL": url})
    with Session(engine) as s:  # the upgraded database takes the new actions
        cases.request_info(s, "KBH-2026-000001", "?", actor="karen", desk=build_desk(settings))
        s.commit()
        assert view_of(s, "KBH-2026-000001").status == "waiting"
    engine.dispose()


def test_migration_upgrades_a_0001_database_on_sqlite(tmp_path):
    _upgrade_0001_database(f"sqlite:///{tmp_path / 'old.db'}")


def test_migration_upgrades_a_0001_database_on_postgresql(pg_url):
    _upgrade_0001_database(pg_url)


def test_status_answer_of_a_waiting_case_says_what_it_waits_for(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application().as_bytes())
    act(engine, desk, cases.request_info, first.reference, "Send en tegning af stilladset.")
    deliver(runner, box, application(subject="status", body=f"Hvad er status på {first.reference}?").as_bytes())
    ((_, status),) = mails(engine, "status")
    body = status.get_content()
    assert "venter på oplysninger fra dig" in body and "Vi venter på: Send en tegning af stilladset." in body
    assert get(engine, first.reference).status == "waiting", "a status question is not an answer"


def test_short_reply_to_our_question_resumes_even_if_it_sounds_like_a_status_question(service):
    runner, box, engine, desk = service
    first = deliver(runner, box, application().as_bytes())
    act(engine, desk, cases.request_info, first.reference, "Hvornår starter arbejdet?")
    ((_, question),) = mails(engine, "case_info_request")
    reply = application(subject=f"Re: {question['Subject']}", body="Hvornår? Den 1. marts.",
                        In_Reply_To=question["Message-ID"])
    assert deliver(runner, box, reply.as_bytes()).outcome == "follow_up"
    assert get(engine, first.reference).status == "in_progress"


def test_contact_person_pool_is_validated():
    import tomllib

    from routing.catalogue import BUNDLED_CATALOGUE, parse_catalogue
    from routing.errors import CatalogueError

    raw = tomllib.loads(BUNDLED_CATALOGUE.read_text("utf-8"))
    raw["contact_persons"] = [{"name": "Mette", "email": "not-an-address", "phone": "1", "title": "lods"}]
    with pytest.raises(CatalogueError, match=r"contact_persons\[0\]\.email"):
        parse_catalogue(raw)
    raw["contact_persons"] = []
    assert parse_catalogue(raw).contact_persons == ()


def test_status_answers_are_rate_limited_per_sender_but_never_an_acknowledgement(service):
    """Busy senders: the status limit is its own; a new application after it is still acknowledged."""
    runner, box, engine, desk = service
    first = deliver(runner, box, application().as_bytes())
    limit = desk.settings.max_status_answers_per_sender_per_day
    outcomes = [deliver(runner, box, application(subject=f"status {i}", body=f"Status på {first.reference}?")
                        .as_bytes()) for i in range(limit + 1)]
    assert [o.outcome for o in outcomes] == ["status_query"] * (limit + 1)
    assert len(mails(engine, "status")) == limit and "daily limit" in outcomes[-1].reason
    again = deliver(runner, box, application(subject="Endnu et stillads", body=SCAFFOLD_DA.replace("12", "14"))
                    .as_bytes())
    assert again.outcome == "case" and not again.reason
    assert [to for to, msg in mails(engine, "acknowledgement")] == ["peter@jensen-stilladser.dk"] * 2


# -- internal notes: in the history for colleagues, never on the track page nor in a mail ---------------
NOTE = "Ringede til ejeren: markisen kan rulles ind, så fortovet er frit om natten."


def _notes_history(engine, ref) -> list[CaseEvent]:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        return list(s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.id))))


def test_a_note_is_in_the_history_with_its_author_and_changes_nothing_else(engine, desk):
    ref = add_case(engine)
    result = act(engine, desk, cases.note, ref, f"  {NOTE}\n")
    assert result.action == "note" and result.mailed == () and result.status == "routed"
    last = _notes_history(engine, ref)[-1]
    assert (last.action, last.actor, last.detail, last.part_id) == ("caseworker_note", "karen", NOTE, None)
    with Session(engine) as s:
        assert s.exec(select(OutboxMail)).first() is None                       # nobody is mailed
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        assert case.status == "routed"
        # the business's page lists what it may read: a colleague's note is not among it
        assert not any("markisen" in line or "note" in line.lower() for line in timeline(s, case, "da"))
        assert not any("markisen" in line for line in timeline(s, case, "en"))


def test_a_note_on_one_part_of_a_shared_case_names_that_part(engine, desk):
    ref = add_case(engine, task="vejareal")
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        add_part(s, case, "skilte", position=1)
        s.commit()
    result = act(engine, desk, cases.note, ref, "Skiltet er allerede godkendt af Center for Bygninger.", part="skilte")
    assert "part skilte" in result.summary
    with Session(engine) as s:
        event = _notes_history(engine, ref)[-1]
        assert s.get(CasePart, event.part_id).task_type == "skilte"
    with pytest.raises(UnknownChoice):
        act(engine, desk, cases.note, ref, "Om en del sagen ikke har.", part="udeservering")


@pytest.mark.parametrize("text", ["", "   \n ", "x" * (MAX_TEXT + 1)])
def test_an_empty_or_pasted_away_note_is_refused(engine, desk, text):
    ref = add_case(engine)
    with pytest.raises(MissingText):
        act(engine, desk, cases.note, ref, text)
    assert [e.action for e in _notes_history(engine, ref)] == []


def test_a_closed_case_takes_a_note_and_a_purged_one_does_not(engine, desk):
    closed = add_case(engine, n=1, status="closed")
    act(engine, desk, cases.note, closed, "Virksomheden ringede og takkede.")
    assert _notes_history(engine, closed)[-1].action == "caseworker_note"
    purged = add_case(engine, n=2, status="closed", purged_at=utcnow())
    with pytest.raises(InvalidTransition, match="purged"):
        act(engine, desk, cases.note, purged, "Noget om en person.")
