"""The workload page: per caseworker of one's offices the open parts, overdue, waiting and new from the business."""
from __future__ import annotations

import html
import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from intake.cases.desk import Desk
from intake.cases.lifecycle import get_case
from models import CasePart, utcnow
from routing.goals import local_date
from tests.web.desk.conftest import sample

SCAFFOLD, DIGGING = "02-scaffolding-permit-vesterbroga.eml", "08-gravetilladelse-istedgade.eml"
OIL_TANK, SIGN = "04-sl-jfning-af-olietank.eml", "03-skilt-til-bageri-se-vedh-ftede.eml"


def build(desk) -> dict[str, str]:
    """Three open trafik parts (karen's overdue one, karen's waiting one, an unassigned one new from the business)
    and a byggeri part assigned to karen, overdue and new: the references by name."""
    refs = {name: desk.deliver(sample(f)) for name, f in (("overdue", SCAFFOLD), ("waiting", DIGGING),
                                                          ("unassigned", OIL_TANK), ("byggeri", SIGN))}
    today, now = local_date(utcnow()), utcnow()
    karen = "karen@kk.example"
    changes: dict[str, dict[str, object]] = {
        "overdue": {"office": "trafik", "assigned_to": karen, "status": "in_progress",
                    "due_date": today - timedelta(days=10)},
        "waiting": {"office": "trafik", "assigned_to": karen, "status": "waiting", "paused_since": now,
                    "due_date": today - timedelta(days=3)},
        "unassigned": {"office": "trafik", "assigned_to": None, "status": "routed", "unread_since": now,
                       "due_date": today + timedelta(days=5)},
        "byggeri": {"office": "byggeri", "assigned_to": karen, "status": "in_progress", "unread_since": now,
                    "due_date": today - timedelta(days=10)},
    }
    with Session(desk.engine) as s:
        for name, ref in refs.items():
            (part,) = s.exec(select(CasePart).where(CasePart.case_id == get_case(s, ref).id))
            for key, value in changes[name].items():
                setattr(part, key, value)
            s.add(part)
        s.commit()
    return refs


def table_of(page: str, office: str) -> str:
    found = re.search(rf"<caption>{office}</caption>.*?</table>", page, re.S)
    assert found, f"a table for {office}"
    return found.group(0)


def figures(table: str, row: str) -> list[int]:
    """The figures of a row: open, overdue, waiting, new from the business, new on decided parts (+ closed)."""
    found = re.search(rf'<tr><th scope="row">{re.escape(row)}</th>(.*?)</tr>', table, re.S)
    assert found, f"a row for {row}"
    return [int(n) for n in re.findall(r">(\d+)<", found.group(1))]


def links(table: str, row: str) -> list[str]:
    found = re.search(rf'<tr><th scope="row">{re.escape(row)}</th>(.*?)</tr>', table, re.S)
    assert found, f"a row for {row}"
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', found.group(1))]


def test_the_workload_counts_each_caseworkers_open_overdue_waiting_and_new_parts(desk):
    build(desk)
    karen = desk.user("karen@kk.example", "trafik")
    desk.user("ole@kk.example", "trafik")
    page = karen.get("/workload")
    assert page.status_code == 200
    trafik = table_of(page.text, "trafik")
    assert figures(trafik, "karen@kk.example") == [2, 1, 1, 0, 0]
    assert figures(trafik, "ole@kk.example") == [0, 0, 0, 0, 0], "a caseworker with nothing is listed too"
    assert figures(trafik, "Ikke tildelt / Unassigned") == [1, 0, 0, 1, 0]
    assert figures(trafik, "I alt / Total") == [3, 1, 1, 1, 0]


def test_another_offices_parts_are_not_counted_nor_shown(desk):
    refs = build(desk)
    page = desk.user("karen@kk.example", "trafik").get("/workload").text
    assert "<caption>byggeri</caption>" not in page and refs["byggeri"] not in page
    triage = desk.user("lis@kk.example", "erhvervsservice").get("/workload").text
    assert figures(table_of(triage, "byggeri"), "karen@kk.example") == [1, 1, 0, 1, 0]
    assert figures(table_of(triage, "trafik"), "karen@kk.example") == [2, 1, 1, 0, 0]


def test_each_figure_opens_the_queue_filtered_to_it(desk):
    refs = build(desk)
    karen = desk.user("karen@kk.example", "trafik")
    trafik = table_of(karen.get("/workload").text, "trafik")
    shown = {}
    for row in ("karen@kk.example", "Ikke tildelt / Unassigned"):
        for figure, link in zip(("open", "overdue", "waiting", "new", "decided"), links(trafik, row), strict=True):
            queue = karen.get(link)
            assert queue.status_code == 200, link
            shown[row, figure] = {name for name, ref in refs.items() if f'href="/cases/{ref}"' in queue.text}
    assert shown["karen@kk.example", "open"] == {"overdue", "waiting"}
    assert shown["karen@kk.example", "overdue"] == {"overdue"}
    assert shown["karen@kk.example", "waiting"] == {"waiting"}
    assert shown["karen@kk.example", "new"] == set()
    assert shown["Ikke tildelt / Unassigned", "open"] == shown["Ikke tildelt / Unassigned", "new"] == {"unassigned"}
    assert "karen@kk.example" not in links(trafik, "karen@kk.example")[0], "the queue's address names no address"


def test_new_mail_on_decided_and_closed_parts_has_its_own_figures_that_open_them_on_the_queue(desk):
    """The new-mail figure counts open parts only, but a business also writes about a decision (the queue's unread
    filter lists decided parts too): karen's decided and closed parts with new mail are counted and opened apart."""
    refs = {name: desk.deliver(sample(f)) for name, f in (("decided", SCAFFOLD), ("closed", DIGGING),
                                                          ("open", OIL_TANK), ("read", SIGN))}
    now = utcnow()
    changes = {"decided": ("decided", now), "closed": ("closed", now), "open": ("in_progress", now),
               "read": ("decided", None)}
    with Session(desk.engine) as s:
        for name, ref in refs.items():
            (part,) = s.exec(select(CasePart).where(CasePart.case_id == get_case(s, ref).id))
            part.office, part.assigned_to = "trafik", "karen@kk.example"
            part.status, part.unread_since = changes[name]
            s.add(part)
        s.commit()
    karen = desk.user("karen@kk.example", "trafik")
    trafik = table_of(karen.get("/workload").text, "trafik")
    assert figures(trafik, "karen@kk.example") == [1, 0, 0, 1, 1, 1]
    decided, closed = links(trafik, "karen@kk.example")[4:]
    assert "status=decided" in decided and "unread=true" in decided and "status=closed" in closed
    shown = {link: {n for n, ref in refs.items() if f'href="/cases/{ref}"' in karen.get(link).text}
             for link in (decided, closed)}
    assert (shown[decided], shown[closed]) == ({"decided"}, {"closed"})
    assert figures(trafik, "Ikke tildelt / Unassigned") == [0, 0, 0, 0, 0], "no closed figure where there is none"


def test_every_desk_user_sees_the_workload_of_their_own_offices_only_after_signing_in(desk):
    build(desk)
    assert TestClient(desk.app, follow_redirects=False).get("/workload").headers["location"] == "/login"
    byggeri = desk.user("bo@kk.example", "byggeri").get("/workload").text
    assert "<caption>byggeri</caption>" in byggeri and "<caption>trafik</caption>" not in byggeri
    assert figures(table_of(byggeri, "byggeri"), "karen@kk.example") == [1, 1, 0, 1, 0]
    assert 'href="/workload"' in byggeri, "linked from the desk's navigation"


def test_the_queue_narrowed_to_another_office_stays_empty_and_an_unknown_assignee_is_refused(desk):
    """The workload's filters (office, assignee) narrow the queue within the user's reach, never widen it."""
    refs = build(desk)
    karen = desk.user("karen@kk.example", "trafik")
    narrowed = karen.get("/cases?office=byggeri&status=all")
    assert narrowed.status_code == 200 and refs["byggeri"] not in narrowed.text
    assert karen.get("/cases?assigned=999").status_code == 400
    assert karen.get("/cases?office=nowhere").status_code == 400


def test_a_part_assigned_at_the_command_line_in_capitals_is_on_the_queue_its_figure_opens(desk):
    """`intake case assign --to Karen@KK.example` counted the part in karen's figure, but the queue the figure opened
    (to reassign her parts while she is away) did not list it."""
    from intake.cases.lifecycle import assign
    ref = desk.deliver(sample(SCAFFOLD))
    with Session(desk.engine) as s:
        assign(s, ref, "Karen@KK.example", actor="lis@kk.example", desk=lifecycle_desk(desk))
        s.commit()
    karen = desk.user("karen@kk.example", "trafik")
    trafik = table_of(karen.get("/workload").text, "trafik")
    assert figures(trafik, "karen@kk.example")[0] == 1
    assert f'href="/cases/{ref}"' in karen.get(links(trafik, "karen@kk.example")[0]).text


def test_a_colleague_whose_account_is_disabled_still_has_figures_that_open_her_parts(desk):
    """Her parts were counted under her address without a link, so nobody could open them to hand them on."""
    from intake.cases.lifecycle import assign
    from intake.web.desk.users import disable_user
    ref = desk.deliver(sample(SCAFFOLD))
    desk.user("karen@kk.example", "trafik")
    with Session(desk.engine) as s:
        assign(s, ref, "karen@kk.example", actor="lis@kk.example", desk=lifecycle_desk(desk))
        disable_user(s, "karen@kk.example")
        s.commit()
    ole = desk.user("ole@kk.example", "trafik")
    trafik = table_of(ole.get("/workload").text, "trafik")
    assert f'href="/cases/{ref}"' in ole.get(links(trafik, "karen@kk.example")[0]).text


def lifecycle_desk(desk) -> Desk:
    return Desk(desk.ctx.settings, desk.ctx.catalogue, desk.ctx.calendar)
