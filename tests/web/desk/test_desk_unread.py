"""The unread mark: a follow-up from the business marks its parts on the desk until their office looks."""
from __future__ import annotations

import re

from sqlmodel import Session, select
from typer.testing import CliRunner

from models import CasePart
from tests.web.desk.conftest import csrf_of, sample

SCAFFOLD = "02-scaffolding-permit-vesterbroga.eml"      # trafik, from james.carter@nordicscaffold.com
DIGGING = "08-gravetilladelse-istedgade.eml"            # trafik
RESTAURANT = "05-ny-restaurant-p-n-rrebrogade.eml"      # several offices, from ahmad@rahimi-kitchen.dk
NEW_ON_QUEUE = "ny post / new mail"
NEW_ON_CASE = "Ny fra virksomheden / New from the business"


def follow_up(ref: str, sender: str = "James Carter <james.carter@nordicscaffold.com>", n: int = 1) -> bytes:
    return (f"From: {sender}\r\nTo: erhvervsservice@kk.example\r\nSubject: Re: [{ref}] Kvittering\r\n"
            f"Date: Mon, 07 Dec 2026 09:0{n}:00 +0100\r\nMessage-ID: <followup-{n}-{ref}@example.com>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nHer er tegningen af stilladset, som I bad om.\r\n").encode()


def office_of(desk, ref: str) -> str:
    from intake.cases.lifecycle import get_case
    with Session(desk.engine) as s:
        return get_case(s, ref).office


def row_of(html: str, ref: str) -> str:
    """The queue's row of the case ``ref``."""
    found = re.search(rf'<tr class="[a-z_]+">\s*<td><a href="/cases/{ref}">.*?</tr>', html, re.S)
    assert found, f"{ref} is on the queue"
    return found.group(0)


def marks(desk) -> dict[str, bool]:
    """Each part's office: whether it has an unread mark."""
    with Session(desk.engine) as s:
        return {p.office: p.unread_since is not None for p in s.exec(select(CasePart))}


def test_a_follow_up_marks_its_part_on_the_queue(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    karen = desk.user("karen@kk.example", office_of(desk, ref))
    assert NEW_ON_QUEUE not in row_of(karen.get("/cases").text, ref)
    assert desk.deliver(follow_up(ref)) == ref
    assert NEW_ON_QUEUE in row_of(karen.get("/cases").text, ref)


def test_the_queue_filters_the_parts_new_from_the_business(desk):
    answered, quiet = desk.deliver(sample(SCAFFOLD)), desk.deliver(sample(DIGGING))
    desk.deliver(follow_up(answered))
    karen = desk.user("karen@kk.example", office_of(desk, answered))
    assert quiet in karen.get("/cases").text
    filtered = karen.get("/cases?unread=true").text
    assert answered in filtered and quiet not in filtered
    searched = karen.post("/cases", data={"csrf": csrf_of(filtered), "unread": "true", "status": "open"}).text
    assert answered in searched and quiet not in searched


def test_the_new_mail_filter_finds_a_decided_part_the_business_wrote_about(desk):
    """A business writing after the decision (an appeal, a question) is new mail too: "new from the business" alone
    lists it, though the default queue shows only the open parts."""
    ref = desk.deliver(sample(SCAFFOLD))
    karen = desk.user("karen@kk.example", office_of(desk, ref))
    token = csrf_of(karen.get("/cases").text)
    for action in ("start", "approve"):
        assert karen.post(f"/cases/{ref}/act/{action}", data={"csrf": token}).status_code == 303
    desk.deliver(follow_up(ref))
    assert ref not in karen.get("/cases").text
    assert NEW_ON_QUEUE in row_of(karen.get("/cases?unread=true").text, ref)
    assert ref not in karen.get("/cases?unread=true&status=open").text, "a status asked for still holds"


def test_opening_the_case_shows_the_new_mail_and_clears_the_mark_for_the_office(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    desk.deliver(follow_up(ref))
    karen = desk.user("karen@kk.example", office_of(desk, ref))
    page = karen.get(f"/cases/{ref}").text
    assert page.count(NEW_ON_CASE) == 1, "beside the follow-up only, not the application"
    assert page.index(NEW_ON_CASE) > page.index("Scaffolding permit Vesterbrogade 88")
    assert NEW_ON_QUEUE not in row_of(karen.get("/cases").text, ref)
    colleague = desk.user("bo@kk.example", office_of(desk, ref))
    assert NEW_ON_CASE not in colleague.get(f"/cases/{ref}").text, "seen for the office, not for one user"


def test_the_triage_office_opening_the_case_leaves_the_mark_for_the_parts_office(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    desk.deliver(follow_up(ref))
    triage = desk.user("lis@kk.example", "erhvervsservice")
    assert NEW_ON_CASE in triage.get(f"/cases/{ref}").text
    assert marks(desk) == {office_of(desk, ref): True}
    assert NEW_ON_QUEUE in row_of(desk.user("karen@kk.example", office_of(desk, ref)).get("/cases").text, ref)


def test_one_office_opening_the_case_keeps_the_mark_of_another_offices_part(desk):
    ref = desk.deliver(sample(RESTAURANT))
    desk.deliver(follow_up(ref, "Ahmad Rahimi <ahmad@rahimi-kitchen.dk>"))
    offices = set(marks(desk))
    assert len(offices) > 1 and all(marks(desk).values())
    first, *others = sorted(offices)
    desk.user("karen@kk.example", first).get(f"/cases/{ref}")
    assert marks(desk) == {o: o != first for o in offices}
    other = desk.user("bo@kk.example", others[0])
    assert NEW_ON_QUEUE in row_of(other.get("/cases").text, ref)


def test_acting_on_the_part_clears_its_mark(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    desk.deliver(follow_up(ref))
    karen = desk.user("karen@kk.example", office_of(desk, ref))
    token = csrf_of(karen.get("/cases").text)   # (not the case page: opening it would clear the mark)
    r = karen.post(f"/cases/{ref}/act/start", data={"csrf": token})
    assert r.status_code == 303
    assert marks(desk) == {office_of(desk, ref): False}


def test_a_command_line_action_on_the_part_clears_its_mark_as_the_desk_does_and_leaves_the_others(desk, monkeypatch):
    """``intake case`` by a desk user (``--actor``) is that user looking at the part they act on (``unread.acted_on``,
    as on the desk): the start, the decisions, a wait or a reroute left the business's answer marked new."""
    import intake.cli.common
    from intake.cli.case import app

    monkeypatch.setitem(intake.cli.common.state, "settings", desk.ctx.settings)
    ref = desk.deliver(sample(RESTAURANT))
    desk.deliver(follow_up(ref, "Ahmad Rahimi <ahmad@rahimi-kitchen.dk>"))
    offices = set(marks(desk))
    assert len(offices) > 1 and all(marks(desk).values())
    first = sorted(offices)[0]
    desk.user("karen@kk.example", first)
    result = CliRunner().invoke(app, ["start", ref, "--actor", "karen@kk.example"])   # her office's one part
    assert result.exit_code == 0, result.output
    assert marks(desk) == {o: o != first for o in offices}


def test_a_part_rerouted_to_another_office_after_the_business_wrote_is_new_mail_there(desk):
    """The wastewater office read the business's answer and rerouted its part to signs: the signs office saw no mark,
    though nobody there had read what the business wrote (its routed mail carries only the first mail)."""
    ref = desk.deliver(sample(RESTAURANT))
    desk.deliver(follow_up(ref, "Ahmad Rahimi <ahmad@rahimi-kitchen.dk>"))
    wastewater = desk.user("mads@kk.example", "miljoe")
    page = wastewater.get(f"/cases/{ref}").text
    r = wastewater.post(f"/cases/{ref}/act/reroute", data={"csrf": csrf_of(page), "part": "spildevand",
                                                           "task_type": "skilte"})
    assert r.status_code == 200 and "outside your office" in r.text
    signs = desk.user("bo@kk.example", "byggeri")
    assert NEW_ON_QUEUE in row_of(signs.get("/cases").text, ref)
    assert NEW_ON_CASE in signs.get(f"/cases/{ref}").text


def test_a_business_writing_to_its_closed_case_of_three_offices_is_told_all_three_have_its_mail(desk):
    """The answer named only the first office as told and as the one to look at a question about the decision,
    though the mail went to all three, and the question ("why the rejection?") was another office's."""
    import email
    import email.policy

    from models import OutboxMail
    ref = desk.deliver(sample(RESTAURANT))
    triage = desk.user("lis@kk.example", "erhvervsservice")
    for task in ("udeservering", "erhvervsaffald", "spildevand"):
        page = triage.get(f"/cases/{ref}").text
        assert triage.post(f"/cases/{ref}/act/approve", data={"csrf": csrf_of(page), "part": task}).status_code == 303
    page = triage.get(f"/cases/{ref}").text
    assert triage.post(f"/cases/{ref}/act/close", data={"csrf": csrf_of(page)}).status_code == 303
    desk.deliver(follow_up(ref, "Ahmad Rahimi <ahmad@rahimi-kitchen.dk>"))
    with Session(desk.engine) as s:
        (raw,) = {m.raw for m in s.exec(select(OutboxMail).where(OutboxMail.purpose == "closed_reply"))}
    text = email.message_from_bytes(raw, policy=email.policy.default).get_body(("plain",)).get_content()
    names = [desk.ctx.catalogue.office(o).name_da for o in ("byliv", "affald", "miljoe")]
    assert f"{names[0]}, {names[1]} samt {names[2]} har fået besked" in " ".join(text.split()), \
        "'samt': two of the names have 'og' in them"


def test_the_new_mail_marker_is_styled_to_stand_out(desk):
    """The marker was a bare <strong>: the stylesheet the desk links gives it the notice's colours, a border and a
    background, so that it reads as a badge on the queue's row and over the case's mail."""
    css = desk.user("karen@kk.example", "trafik").get("/static/site.css").text
    rule = re.search(r"strong\.unread\s*\{([^}]*)\}", css)
    assert rule, "a rule for strong.unread"
    assert {"color", "background", "border"} <= set(re.findall(r"([\w-]+)\s*:", rule.group(1)))
