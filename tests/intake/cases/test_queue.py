"""The desk's queue in SQL: filters, searches, paging by key, office isolation of the filter."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import Session

from intake.cases.lifecycle import UnknownChoice
from intake.cases.queue import QueueFilter, parse_key, queue_page
from models import utcnow
from tests.intake.casefactory import local, make_case


def refs(page) -> list[str]:
    return [r.reference for r in page.rows]


def case(s, company: str, address: str = "", **fields):
    made = make_case(s, **fields)
    made.company_name = company
    made.details_json = json.dumps({"address": {"value": address, "source": "body"}})
    s.add(made)
    return made


def fill(engine) -> list[str]:
    now = utcnow()
    with Session(engine) as s:
        old = case(s, "Jensen Stilladser ApS", task_types=("vejareal",), received=now - timedelta(days=60),
                   cvr="12345674")
        new = case(s, "Bageriet ApS", "Istedgade 12, 1650 København V", task_types=("skilte",),
                   received=now - timedelta(days=1))
        paused = make_case(s, task_types=("vejareal",), received=now - timedelta(days=60), paused_since=now)
        s.commit()
        return [old.reference, new.reference, paused.reference]


def test_overdue_filter_finds_the_late_part_but_not_a_paused_one(engine, desk):
    old, _, paused = fill(engine)
    with Session(engine) as s:
        assert refs(queue_page(s, desk, QueueFilter(overdue=True))) == [old]


def test_search_by_reference_cvr_company_and_address(engine, desk):
    old, new, _ = fill(engine)
    with Session(engine) as s:
        assert refs(queue_page(s, desk, QueueFilter(search=new.lower()))) == [new]
        assert refs(queue_page(s, desk, QueueFilter(search="DK 12 34 56 74"))) == [old]
        assert refs(queue_page(s, desk, QueueFilter(search="jensen stillads"))) == [old]
        assert refs(queue_page(s, desk, QueueFilter(search="Istedgade 12"))) == [new]
        assert refs(queue_page(s, desk, QueueFilter(search="nothing like it"))) == []


def test_a_search_by_the_end_of_a_reference_and_none_by_a_wildcard(engine, desk):
    old, new, _ = fill(engine)
    with Session(engine) as s:
        assert refs(queue_page(s, desk, QueueFilter(search=new[-6:]))) == [new]        # "000005", as people say it
        assert refs(queue_page(s, desk, QueueFilter(search=new[4:]))) == [new]         # "2026-000005"
        for wildcard in ("%", "_", "%%", "a"):                                          # no search finds every case
            assert refs(queue_page(s, desk, QueueFilter(search=wildcard))) == []


def test_a_search_by_an_address_finds_the_cases_it_applied_for_writes_for_or_was_added_to(engine, desk):
    from intake.cases.contacts import add_contact
    old, new, paused = fill(engine)
    with Session(engine) as s:
        from intake.cases.lifecycle import get_case
        first, second = get_case(s, old), get_case(s, new)
        first.applicant_email, first.sender = "info@jensen-stilladser.dk", "info@jensen-stilladser.dk"
        second.reply_email = "bogholder@regnskab.dk"      # an agent who writes for the business
        s.add_all([first, second])
        add_contact(s, paused, "Kollega@Jensen-Stilladser.dk", actor="karen")
        s.commit()
        assert refs(queue_page(s, desk, QueueFilter(search="Info@Jensen-Stilladser.dk"))) == [old]
        assert refs(queue_page(s, desk, QueueFilter(search="bogholder@regnskab.dk"))) == [new]
        assert refs(queue_page(s, desk, QueueFilter(search="kollega@jensen-stilladser.dk"))) == [paused]
        assert refs(queue_page(s, desk, QueueFilter(search="nobody@jensen-stilladser.dk"))) == []
        # an address is looked up exactly: its domain alone is text, and no case's company or address holds it
        assert refs(queue_page(s, desk, QueueFilter(search="jensen-stilladser.dk"))) == []


def test_office_filter_keeps_other_offices_out_even_when_searching(engine, desk):
    old, new, paused = fill(engine)
    with Session(engine) as s:
        trafik = QueueFilter(offices={"trafik"}, search="ApS")
        assert set(refs(queue_page(s, desk, trafik))) == {old, paused}, "all three are ApS; two are trafik's"
        assert new not in refs(queue_page(s, desk, QueueFilter(offices={"trafik"})))


def test_pages_by_key_cover_every_part_once_in_due_order(engine, desk):
    with Session(engine) as s:
        for day in (3, 1, 2, 1, 5):
            make_case(s, received=local(2026, 3, day))
        s.commit()
        first = queue_page(s, desk, QueueFilter(), size=2)
        second = queue_page(s, desk, QueueFilter(), after=first.next_key, size=2)
        third = queue_page(s, desk, QueueFilter(), after=second.next_key, size=2)
    rows = first.rows + second.rows + third.rows
    assert len({r.reference for r in rows}) == 5 and third.next_key is None
    assert [r.due for r in rows] == sorted(r.due for r in rows)


def test_unknown_status_is_refused_and_a_bad_key_starts_at_the_top(engine, desk):
    with Session(engine) as s, pytest.raises(UnknownChoice):
        queue_page(s, desk, QueueFilter(status="pending"))
    assert parse_key("nonsense") is None and parse_key("2026-03-02.7") is not None


def test_a_case_registered_after_a_search_is_found_by_the_next(engine, desk):
    fill(engine)
    with Session(engine) as s:
        assert refs(queue_page(s, desk, QueueFilter(search="Nørrebrogade 5"))) == []
        later = case(s, "Ny Café ApS", "Nørrebrogade 5, 2200 København N", received=utcnow())
        s.commit()
        assert refs(queue_page(s, desk, QueueFilter(search="nørrebrogade 5"))) == [later.reference]
