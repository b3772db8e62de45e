"""The desk's words for stored values (``intake.web.desk.labels``): events, task types and the waiting status."""
from __future__ import annotations

import re

from sqlmodel import Session, col, select

from intake.cases import lifecycle
from intake.cases.desk import Desk
from intake.letters.wording import words
from intake.web.desk.labels import event_label, state_label, task_label
from models import CasePart
from routing.catalogue import load_catalogue
from tests.intake.casefactory import make_case
from tests.web.desk.conftest import csrf_of, sample

CATALOGUE = load_catalogue()
RESTAURANT = "05-ny-restaurant-p-n-rrebrogade.eml"   # parts in several offices


def test_an_event_is_named_in_danish_and_english():
    assert event_label("caseworker_note") == "intern note / internal note"
    assert event_label("reopened") == "afgørelse genoptaget / decision reopened"


def test_an_event_without_words_is_shown_as_stored():
    assert event_label("something_new") == "something_new"


def test_every_event_the_business_may_read_has_words_on_the_desk():
    assert {a for a in words("da", "events") if event_label(a) == a} == set()


def test_a_task_is_named_as_the_catalogue_names_it_in_both_languages():
    assert task_label(CATALOGUE.task("skilte")) == "Skilte og facadereklamer / Signs and facade advertising"


def test_waiting_is_said_from_the_caseworkers_side():
    """The desk said "venter på oplysninger fra dig / waiting for information from you", the business's words."""
    assert state_label("waiting") == "venter på virksomheden / waiting for the business"
    assert state_label("in_progress") == "under behandling / in progress"


def test_the_history_names_its_events_in_words_and_the_note_form_its_parts_by_task(desk):
    ref = desk.deliver(sample(RESTAURANT))
    with Session(desk.engine) as s:
        first = s.exec(select(CasePart).order_by(col(CasePart.position))).first()
        assert first is not None
        mine, office = first.task_type, first.office
        lifecycle.start(s, ref, actor="ole@kk.example", part=mine,
                        desk=Desk(desk.ctx.settings, desk.ctx.catalogue, desk.ctx.calendar))
        s.commit()
    client = desk.user("karen@kk.example", office)
    token = csrf_of(client.get(f"/cases/{ref}").text)
    assert client.post(f"/cases/{ref}/act/note", data={"csrf": token, "text": "Ringede."}).status_code == 303
    page = client.get(f"/cases/{ref}").text
    what = re.findall(r"<td>(?:ole|karen)@kk.example</td><td>([^<]*)</td>", page)
    assert what == ["behandling startet / processing started", "intern note / internal note"], what
    note_select = re.search(r'<select id="notepart" name="part">(.*?)</select>', page, re.S)
    assert note_select, "a case of several parts: the note names its part"
    assert f'<option value="{mine}">{task_label(CATALOGUE.task(mine))} ({office})</option>' in note_select.group(1)


def test_a_part_heading_names_the_task_with_its_type_in_small_text(desk):
    """The heading said "skilte (byggeri)"; the type stays, small, since caseworkers type it in ``--part``."""
    with Session(desk.engine) as s:
        ref = make_case(s, task_types=("skilte",)).reference
        s.commit()
    page = desk.user("lis@kk.example", "erhvervsservice").get(f"/cases/{ref}").text
    heading = re.search(r'<h3 id="part-skilte">(.*?)</h3>', page)
    assert heading and heading.group(1) == f"{task_label(CATALOGUE.task('skilte'))} <small>skilte</small> (byggeri)"
