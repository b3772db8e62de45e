"""A special case with a longer service goal (a tank of 6,000 litres or more, a car wash) is promised that goal.

An acknowledgement promised a 6,000-litre diesel tank the plain goal of two weeks, and then said in its guidance that
such tanks take four: the week we promise is now the variant's, and the history says why.
"""
from __future__ import annotations

import email
import email.policy

from sqlmodel import Session, select

from models import Case, CaseEvent, CasePart, OutboxMail
from routing.catalogue import load_catalogue
from routing.goals import due_date, iso_week
from tests.intake.mailbuilder import application

TANK = ("Hej\n\nBrønshøj Vognmand ApS (CVR 12345674) vil etablere en ny overjordisk dieseltank på {litres} liter i "
        "gården på Frederikssundsvej 300, 2700 Brønshøj.\n\nVenlig hilsen\nIb Holm\ntlf. 21 43 65 87\n")


def _case(service, litres: str):
    engine, box, runner = service
    box.deliver(application(sender="Ib Holm <ib@vognmand.example>", subject="Ny dieseltank",
                            body=TANK.format(litres=litres)).as_bytes())
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == outcome.reference)).one()
        (part,) = s.exec(select(CasePart).where(CasePart.case_id == case.id)).all()
        events = [e.detail for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id))
                  if e.action == "routed"]
        ack = s.exec(select(OutboxMail).where(OutboxMail.purpose == "acknowledgement")).one()
        plain = email.message_from_bytes(ack.raw, policy=email.policy.default).get_body(("plain",))
        assert plain is not None
        return case, part, events, plain.get_content()


def test_a_tank_of_6000_litres_is_promised_the_four_weeks_its_guidance_names(service):
    case, part, events, body = _case(service, "6.000")
    assert (part.task_type, part.goal_value, part.goal_unit) == ("olietank", 4, "weeks")
    week = iso_week(due_date(case.received_at, load_catalogue().task("olietank").variant("stor_tank").goal,
                             service[2].ctx.calendar))
    assert part.expected_week == week and week.split("-W")[1].lstrip("0") in body
    assert events == ["olietank -> miljoe; goal 4 weeks for tanks of 6,000 litres or more"]


def test_a_small_tank_keeps_the_plain_goal(service):
    _case_, part, events, _body = _case(service, "2.000")
    assert (part.goal_value, part.goal_unit) == (2, "weeks") and events == ["olietank -> miljoe"]
