"""Checklists of stored cases: request-info --missing, rerouting, the answer checked again, migration 0004."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlmodel import Session, select

from classifier.errors import NoActiveModel
from intake.cases import lifecycle as cases
from intake.cases.checklists import apply_answer, refresh
from intake.cases.lifecycle import InvalidTransition
from intake.details.checklist import Evidence
from intake.details.extract import Field
from models import Case, CasePart
from models.db import alembic_config, make_engine, migrate
from tests.intake.cases.test_lifecycle import CATALOGUE, act, add_case, mails
from tests.intake.details.test_attribution import fake

DUE = date(2026, 12, 14)
SERVING = {"have": {"cvr": "body", "address": "body", "area": "body", "period": "body"},
           "missing": ["p_number", "hours", "sketch"], "required_missing": ["p_number"]}


def with_checklist(engine, ref: str, checklist: dict, **case_fields) -> None:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        for key, value in case_fields.items():
            setattr(case, key, value)
        part = s.exec(select(CasePart).where(CasePart.case_id == case.id)).one()
        part.checklist_json = json.dumps(checklist)
        s.commit()


def part_of(engine, ref: str) -> CasePart:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        return s.exec(select(CasePart).where(CasePart.case_id == case.id)).one()


def test_request_info_missing_asks_for_the_missing_required_items_and_the_message(engine, desk):
    ref = add_case(engine, task="udeservering")
    with_checklist(engine, ref, SERVING)
    act(engine, desk, cases.request_info, ref, "Og en skitse, tak.", missing=True)
    ((_, msg),) = mails(engine, "case_info_request")
    body = msg.get_body(("plain",)).get_content()
    assert "Vi mangler:\n- P-nummeret for serveringsadressen" in body
    assert "Og en skitse, tak." in body and "CVR" not in body.split("Vi mangler:")[1].split("\n\n")[0]


def test_request_info_missing_in_english_for_an_english_case(engine, desk):
    ref = add_case(engine, task="udeservering", language="en")
    with_checklist(engine, ref, SERVING)
    act(engine, desk, cases.request_info, ref, "", missing=True)
    ((_, msg),) = mails(engine, "case_info_request")
    assert "- The P-number of the serving address" in msg.get_body(("plain",)).get_content()


def test_request_info_missing_with_nothing_missing_and_no_message_is_refused(engine, desk):
    ref = add_case(engine, task="udeservering")
    with_checklist(engine, ref, {**SERVING, "required_missing": []})
    with pytest.raises(InvalidTransition, match="misses nothing"):
        act(engine, desk, cases.request_info, ref, "", missing=True)


def test_a_rerouted_part_gets_the_checklist_of_its_new_task_from_the_stored_application(engine, desk):
    ref = add_case(engine, task="vejareal")
    details = {"address": {"value": "Blågårdsgade 14", "source": "body"}, "cvr": {"value": "38712942",
                                                                                 "source": "body"}}
    with_checklist(engine, ref, {}, details_json=json.dumps(details), classifier_text="Udeservering kl. 9-22")
    act(engine, desk, cases.reroute, ref, "udeservering")
    checklist = json.loads(part_of(engine, ref).checklist_json)
    assert checklist["have"] == {"cvr": "body", "address": "body", "hours": "application"}
    assert "p_number" in checklist["required_missing"]


SERVING_TEXT = ("Udeservering og skilt\n\nVi søger om udeservering foran Café Solsikke, Blågårdsgade 14, 2200 "
                "København N. Serveringen med 4 borde bliver 1,5 m ud fra facaden og 4 m langs.\n\nCVR 38712942")
SERVING_DETAILS = json.dumps({"activity_location": {"value": "Blågårdsgade 14", "source": "body"},
                              "cvr": {"value": "38712942", "source": "body"}})


class Scores:
    """A model source whose model scores sentences by their words (``test_attribution.fake``)."""

    probabilities = staticmethod(fake)

    def get(self):
        return self


class NoModel:
    def get(self):
        raise NoActiveModel("no model version is active")


def parts_of(engine, ref: str) -> dict[str, dict]:
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        return {p.task_type: json.loads(p.checklist_json or "{}")
                for p in s.exec(select(CasePart).where(CasePart.case_id == case.id)).all()}


@pytest.mark.parametrize(("models", "sized"), [(Scores(), False), (None, True), (NoModel(), True)])
def test_a_part_added_to_a_case_reads_its_own_sentences_where_the_desk_has_a_model(engine, desk, models,
                                                                                   sized):
    """The serving's "1,5 m ud fra facaden og 4 m langs" is no size of a sign added later. Without a model (none
    active yet, or a desk built without one) the whole application is read, as before, and the action goes on."""
    ref = add_case(engine, task="udeservering", classifier_text=SERVING_TEXT, details_json=SERVING_DETAILS)
    act(engine, replace(desk, models=models), cases.add_part, ref, "skilte")
    sign = parts_of(engine, ref)["skilte"]
    assert ("size" in sign["have"]) is sized
    assert ("size" in sign["required_missing"]) is not sized
    assert "address" in sign["have"]  # the place is every part's


def test_a_part_rerouted_in_a_case_of_several_reads_its_own_sentences(engine, desk):
    ref = add_case(engine, task="udeservering", classifier_text=SERVING_TEXT, details_json=SERVING_DETAILS)
    act(engine, desk, cases.add_part, ref, "vejareal")
    act(engine, replace(desk, models=Scores()), cases.reroute, ref, "skilte", part="vejareal")
    assert "size" in parts_of(engine, ref)["skilte"]["required_missing"]


class Untouchable:
    def get(self):
        raise AssertionError("a case of one part needs no model")


def test_a_case_of_one_part_is_rechecked_without_loading_the_model(engine, desk):
    ref = add_case(engine, task="vejareal", classifier_text=SERVING_TEXT, details_json=SERVING_DETAILS)
    act(engine, replace(desk, models=Untouchable()), cases.reroute, ref, "udeservering")
    assert "area" in parts_of(engine, ref)["udeservering"]["have"]


def test_refresh_of_a_triage_part_clears_its_checklist():
    part = CasePart(case_id=1, task_type="udeservering", office="erhvervsservice", needs_triage=True,
                    due_date=DUE, checklist_json=json.dumps(SERVING))
    refresh(part, Case(reference="X", received_at=None, subject="", sender="", sender_domain="", language="da",
                       task_type="udeservering", office="x"), CATALOGUE)
    assert part.checklist_json == "{}"


def test_an_answer_that_supplies_what_was_missing_completes_the_part():
    part = CasePart(case_id=1, task_type="udeservering", office="byliv", due_date=DUE,
                    checklist_json=json.dumps(SERVING))
    (note,) = apply_answer([part], Evidence(details={"p_number": Field("1018834562", "body")}), CATALOGUE)
    assert note.startswith("Svaret gør ansøgningen komplet") and "P-nummeret for serveringsadressen" in note
    assert json.loads(part.checklist_json)["required_missing"] == []


def test_an_answer_without_the_missing_item_says_what_is_still_missing():
    part = CasePart(case_id=1, task_type="udeservering", office="byliv", due_date=DUE,
                    checklist_json=json.dumps(SERVING))
    (note,) = apply_answer([part], Evidence(texts=[("body", "Tak for svaret.")]), CATALOGUE)
    assert note.startswith("Svaret giver intet") and note.endswith("P-nummeret for serveringsadressen.")


def test_migration_0007_adds_and_removes_the_checklist_column_on_sqlite(tmp_path):
    db = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    command.upgrade(alembic_config(db), "0006_owners")
    assert "checklist_json" not in {c["name"] for c in inspect(db).get_columns("casepart")}
    migrate(db)
    assert "checklist_json" in {c["name"] for c in inspect(db).get_columns("casepart")}
    command.downgrade(alembic_config(db), "0006_owners")
    assert "checklist_json" not in {c["name"] for c in inspect(db).get_columns("casepart")}
    db.dispose()
