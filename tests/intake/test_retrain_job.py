"""The scheduled retraining of ``intake serve``: when due, activate only if better, tell the operators."""
from __future__ import annotations

import email
import random
from email import policy

import pytest
from sqlmodel import Session, select

import classifier.loop
import classifier.training
from classifier.data import Example
from classifier.features import compose
from classifier.store import ModelStore
from classifier.training import train_version
from intake.jobs import MODEL_PURPOSE, retrain_job
from intake.pipeline import Context
from intake.settings import load_settings
from models import Correction, OutboxMail
from models.db import open_database
from tests.intake.casefactory import CALENDAR, CATALOGUE, make_case

WORDS = {
    "udeservering": ["borde og stole foran caféen", "udeservering på fortovet", "outdoor seating", "fortovsservering"],
    "skilte": ["nyt skilt på facaden", "facadereklame med lys", "a sign above the window", "reklameskilt"],
    "olietank": ["sløjfning af olietank", "gammel olietank i haven", "removal of an oil tank", "nedgravet tank"],
    "gravetilladelse": ["gravearbejde i vejen", "grave et kabel ned", "excavation in the street", "opgravning"],
}
FILLER = ["Hej", "Kære kommune", "Med venlig hilsen Jens", "Tak på forhånd.", "Please let us know."]


def synthetic(per_label: int, seed: int) -> list[Example]:
    rng = random.Random(seed)
    return [Example(compose(rng.choice(phrases), " ".join(rng.sample(FILLER, 2) + rng.sample(phrases, 2))),
                    (label,), f"{label}:{i}")
            for label, phrases in WORDS.items() for i in range(per_label)]


def shuffled(examples: list[Example]) -> list[Example]:
    return [Example(e.text, examples[(i * 7) % len(examples)].labels) for i, e in enumerate(examples)]


@pytest.fixture
def settings(tmp_path):
    return load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_RETRAIN_AFTER_CORRECTIONS": "3",
                              "INTAKE_OPERATOR_ADDRESSES": "drift@kk.example, it@kk.example"})


@pytest.fixture
def engine(settings, monkeypatch):
    """The database of ``settings``; training reads a small synthetic corpus and evaluation set (20 of each task
    type: with 15, a model of 63 examples and one of 60 could differ by two triaged mails of 27 by chance)."""
    monkeypatch.setattr(classifier.loop, "load_corpus", lambda: synthetic(20, seed=1))
    monkeypatch.setattr(classifier.training, "evaluation_set", lambda: tuple(synthetic(6, seed=2)))
    return open_database(settings.database_url)


@pytest.fixture
def ctx(settings):
    return Context(settings, CATALOGUE, CALENDAR, models=None)


def active_trained_on(settings, examples) -> ModelStore:
    store = ModelStore(settings.model_dir)
    train_version(store, examples, activate=True, evaluation=synthetic(6, seed=2))
    return store


def correct(engine, count: int, to_task_type: str, seed: int = 3) -> None:
    """``count`` cases the model routed as skilte that a caseworker moved to ``to_task_type``."""
    texts = [e.text for e in synthetic(count, seed) if e.primary == "udeservering"][:count]
    with Session(engine) as session:
        for text in texts:
            case = make_case(session, task_types=("skilte",), classifier_text=text)
            assert case.id is not None
            session.add(Correction(case_id=case.id, from_task_type="skilte", to_task_type=to_task_type))
        session.commit()


def model_mails(engine) -> list[OutboxMail]:
    with Session(engine) as session:
        return list(session.exec(select(OutboxMail).where(OutboxMail.purpose == MODEL_PURPOSE)))


def body(mail: OutboxMail) -> tuple[str, str]:
    msg = email.message_from_bytes(mail.raw, policy=policy.default)
    plain = msg.get_body(("plain",))
    assert plain is not None
    return str(msg["Subject"]), plain.get_content()


def test_nothing_happens_before_enough_corrections(settings, engine, ctx):
    store = active_trained_on(settings, shuffled(synthetic(15, seed=1)))
    correct(engine, 2, "udeservering")
    assert retrain_job(engine, ctx) is None
    assert store.versions() == ["1"] and model_mails(engine) == []


def test_a_better_model_is_activated_and_the_operators_get_the_figures(settings, engine, ctx):
    store = active_trained_on(settings, shuffled(synthetic(15, seed=1)))
    correct(engine, 3, "udeservering")
    report = retrain_job(engine, ctx)
    assert report is not None and report.outcome == "activated"
    assert store.active_version() == "2"
    mails = model_mails(engine)
    assert sorted(m.recipient for m in mails) == ["drift@kk.example", "it@kk.example"]
    subject, text = body(mails[0])
    assert "Version 2 er aktiveret" in subject
    assert "3 rettelser" in text and "macro-F1" in text and "intake classifier compare 1 2" in text


def test_a_model_that_is_not_better_is_kept_and_the_operators_are_told(settings, engine, ctx):
    store = active_trained_on(settings, synthetic(15, seed=1))
    correct(engine, 3, "udeservering")   # the same texts the corpus already labels so: nothing new to learn
    report = retrain_job(engine, ctx)
    assert report is not None and report.outcome == "kept"
    assert store.active_version() == "1" and store.versions() == ["1", "2"]
    subject, text = body(model_mails(engine)[0])
    assert "ikke bedre" in subject and "margin" in text


def test_after_a_retraining_the_job_waits_for_new_corrections(settings, engine, ctx):
    store = active_trained_on(settings, shuffled(synthetic(15, seed=1)))
    correct(engine, 3, "udeservering")
    retrain_job(engine, ctx)
    assert retrain_job(engine, ctx) is None
    assert store.versions() == ["1", "2"] and len(model_mails(engine)) == 2   # one mail, To and Cc rows


def test_a_failed_retraining_is_reported_once_a_day(settings, engine, ctx):
    active_trained_on(settings, synthetic(15, seed=1))
    correct(engine, 3, "ukendt_opgave")
    report = retrain_job(engine, ctx)
    assert report is not None and report.outcome == "failed" and "ukendt_opgave" in report.reason
    retrain_job(engine, ctx)
    assert len(model_mails(engine)) == 2
    assert "mislykkedes" in body(model_mails(engine)[0])[0]


@pytest.fixture
def approval_ctx(tmp_path):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_RETRAIN_AFTER_CORRECTIONS": "3",
                                  "INTAKE_OPERATOR_ADDRESSES": "drift@kk.example, it@kk.example",
                                  "INTAKE_RETRAIN_ACTIVATION": "approval"})
    return Context(settings, CATALOGUE, CALENDAR, models=None)


def test_under_approval_a_better_model_is_kept_for_an_operator_to_activate(engine, approval_ctx):
    """The same better candidate as above: trained and kept, the active version unchanged."""
    store = active_trained_on(approval_ctx.settings, shuffled(synthetic(15, seed=1)))
    correct(engine, 3, "udeservering")
    report = retrain_job(engine, approval_ctx)
    assert report is not None and report.outcome == "approval"
    assert store.active_version() == "1" and store.versions() == ["1", "2"]


def test_under_approval_the_operators_get_both_models_figures_and_the_command(engine, approval_ctx):
    active_trained_on(approval_ctx.settings, shuffled(synthetic(15, seed=1)))
    correct(engine, 3, "udeservering")
    retrain_job(engine, approval_ctx)
    mails = model_mails(engine)
    assert sorted(m.recipient for m in mails) == ["drift@kk.example", "it@kk.example"]
    subject, text = body(mails[0])
    assert "Version 2 er bedre og venter" in subject
    assert "intake classifier activate 2" in text and "ny 2" in text and "aktiv 1" in text and "macro-F1" in text


def test_under_approval_a_model_that_is_not_better_is_kept_as_before(engine, approval_ctx):
    store = active_trained_on(approval_ctx.settings, synthetic(15, seed=1))
    correct(engine, 3, "udeservering")
    report = retrain_job(engine, approval_ctx)
    assert report is not None and report.outcome == "kept" and store.active_version() == "1"
