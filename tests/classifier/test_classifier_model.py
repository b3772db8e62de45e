"""The trained model: primary label, multi-label output, thresholds and triage."""
import pytest

from classifier.features import compose
from classifier.model import fit_model


@pytest.fixture(scope="module")
def model(examples):
    return fit_model([e.text for e in examples], [e.labels for e in examples])


def test_clear_danish_application_gets_its_task_type(model):
    prediction = model.predict(compose("Olietank", "Vi vil gerne have sløjfet den gamle olietank i haven."))
    assert prediction.primary == "olietank"
    assert not prediction.needs_triage


def test_english_application_is_understood_by_the_same_model(model):
    prediction = model.predict(compose("Excavation", "We need to dig up the road for a water pipe."))
    assert prediction.primary == "gravetilladelse"


def test_application_spelled_without_danish_letters_is_understood(model):
    prediction = model.predict(compose("stojende arbejde", "Anmeldelse af stojende arbejde om natten"))
    assert prediction.primary == "stoej_byggeplads"


def test_application_for_two_tasks_lists_both(model):
    prediction = model.predict(compose("Ny café", "udeservering på fortovet og nyt skilt på facaden"))
    assert {name for name, _ in prediction.task_types} == {"udeservering", "skilte"}


def test_confidence_is_the_probability_of_the_primary(model):
    prediction = model.predict(compose("Skilt", "reklameskilt ved indgangen"))
    assert prediction.confidence == prediction.task_types[0][1]
    assert 0.0 <= prediction.confidence <= 1.0


def test_unrelated_text_goes_to_triage(model):
    prediction = model.predict("Kvartalsrapport for regnskabsåret, se tabellerne nedenfor")
    assert prediction.needs_triage


def test_every_label_has_a_threshold(model, examples):
    assert set(model.thresholds) == {label for e in examples for label in e.labels}
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())


def test_predict_many_agrees_with_predict(model):
    texts = ["olietank skal fjernes", "a sign above the shop window"]
    assert model.predict_many(texts) == [model.predict(t) for t in texts]


def test_training_on_several_threads_gives_the_same_model(model, examples):
    on_two = fit_model([e.text for e in examples], [e.labels for e in examples], threads=2)
    on_one = fit_model([e.text for e in examples], [e.labels for e in examples], threads=1)
    texts = [compose("Ny café", "udeservering på fortovet og nyt skilt på facaden"),
             compose("Excavation", "We need to dig up the road for a water pipe."), "Kvartalsrapport for regnskabsåret"]
    assert on_two.thresholds == on_one.thresholds == model.thresholds
    assert [on_two.predict(t) for t in texts] == [on_one.predict(t) for t in texts] == [model.predict(t) for t in texts]
    assert (on_two.ovr.estimators_[0].coef_ != 0).any()
    assert all((a.coef_ == b.coef_).all() for a, b in zip(on_two.ovr.estimators_, on_one.ovr.estimators_, strict=True))
