"""The learned second opinions of the details reader: the model's arithmetic, the decisions that may overrule the
rules, the candidates they see, and the shipped weights kept in step with the development set."""

from __future__ import annotations

import json
import math
import time
from datetime import date
from pathlib import Path

import pytest

from intake.details import contacts, extract, learned, training
from intake.details.learned import Model
from intake.details.sites import signature_start

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "tests" / "data" / "details_dev.jsonl"


# ---------------------------------------------------------------- the model's arithmetic

def test_probabilities_are_those_scikit_learn_gives_for_three_labels():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = [({"b:bor": 1.0, "pos": 0.1}, "own"), ({"b:foran": 1.0, "pos": 0.4}, "site"),
                ({"b:hedder": 1.0, "pos": 0.2}, "none"), ({"b:bor": 1.0, "in_sig": 1.0}, "own"),
                ({"b:ud": 1.0, "b:foran": 1.0}, "site"), ({"b:tidligere": 1.0}, "none")] * 3
    model = learned.train(examples, ("none", "own", "site"))
    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in examples])
    clf = LogisticRegression(max_iter=5000).fit(x, [y for _, y in examples])
    probe = {"b:foran": 1.0, "pos": 0.3, "b:unseen": 1.0}
    want = dict(zip(clf.classes_, clf.predict_proba(vec.transform([probe]))[0], strict=True))
    got = model.probabilities(probe)
    assert set(got) == {"none", "own", "site"}
    for label in ("none", "own", "site"):
        assert got[label] == pytest.approx(want[label], abs=1e-3)
    assert max(got, key=got.get) == "site"


def test_two_labels_give_the_binary_model_as_a_softmax_of_two():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = [({"b:kontakt": 1.0}, "contact"), ({"b:formand": 1.0}, "other"), ({"line_alone": 1.0}, "contact"),
                ({"b:cc": 1.0}, "other")] * 4
    model = learned.train(examples, contacts.LABELS)
    vec = DictVectorizer()
    clf = LogisticRegression(max_iter=5000).fit(vec.fit_transform([f for f, _ in examples]), [y for _, y in examples])
    probe = {"b:kontakt": 1.0, "b:cc": 1.0}
    want = clf.predict_proba(vec.transform([probe]))[0][list(clf.classes_).index("contact")]
    assert model.probabilities(probe)["contact"] == pytest.approx(want, abs=1e-3)


def test_a_model_survives_its_json_and_refuses_weights_that_do_not_fit_its_labels():
    model = Model(("a", "b"), {"x": (0.5, -0.5)}, (0.1, -0.1))
    again = Model.from_json(json.loads(json.dumps(model.to_json())))
    assert again.probabilities({"x": 1.0}) == pytest.approx(model.probabilities({"x": 1.0}))
    assert sum(again.probabilities({"x": 3.0}).values()) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        Model.from_json({"labels": ["a", "b"], "intercept": [0, 0], "weights": {"x": [1, 2, 3]}})


def test_a_huge_score_does_not_overflow():
    model = Model(("a", "b"), {"x": (1000.0, -1000.0)}, (0.0, 0.0))
    assert model.probabilities({"x": 5.0})["a"] == pytest.approx(1.0)
    assert not math.isnan(model.probabilities({"x": -5.0})["a"])


def test_the_contact_model_is_shipped_with_the_package():
    model = learned.shipped(contacts.MODEL)
    assert model is not None and model.labels == contacts.LABELS and len(model.weights) > 1000


def test_a_missing_model_leaves_the_rules_alone():
    assert learned.shipped("no_such_model") is None
    assert contacts.reviewed([(0, 9, "Ida Holm")], [], "Bo Lund") == "Bo Lund"
    assert contacts.reviewed([(0, 9, "Ida Holm")], [], None) is None


# ---------------------------------------------------------------- the decisions

def test_the_rules_written_out_contact_stands_and_a_first_name_alone_is_completed_when_the_model_is_sure():
    cands = [(0, 10, "Line Holm"), (20, 30, "Bo Lund")]
    assert contacts.reviewed(cands, [0.01, 0.99], "Line Holm") == "Line Holm"     # a name the text writes out
    assert contacts.reviewed(cands, [0.01, 0.95], "Bo") == "Bo Lund"
    assert contacts.reviewed(cands, [0.01, 0.95], "Sanne") == "Sanne"       # completed only, never replaced
    assert contacts.reviewed(cands, [0.01, 0.95], "undertegnede.") == "Bo Lund"
    assert contacts.reviewed(cands, [0.01, 0.95], None) == "Bo Lund"
    assert contacts.reviewed(cands, [0.3, 0.6], "undertegnede") == "undertegnede"  # not sure enough


def test_person_names_are_the_candidates_not_businesses_or_lone_words():
    text = ("Hej\n\nMin kollega Freya van der Berg står for det praktiske.\nMalerfirmaet Brix ApS maler facaden.\n"
            "Ring til Oleksandr Kovalenko på 28 14 55 09.\n\nVenlig hilsen\nIda\n")
    names = [name for _, _, name in contacts.candidates(text)]
    assert "Freya van der Berg" in names and "Oleksandr Kovalenko" in names
    assert not any("Brix" in n for n in names) and "Ida" not in names
    assert [n for _, _, n in contacts.candidates("Ask Mr Paolo Conti or Dr. Hanne Lund.")] == ["Paolo Conti",
                                                                                              "Hanne Lund"]
    start, end, name = contacts.candidates(text)[0]
    assert text[start:end] == name


@pytest.mark.parametrize("text", ["Anna Berg " * 100_000, "Vej Gade Allé Plads " * 50_000, "AB CD EF GH " * 80_000,
                                  ("Ansøgning Om\n") * 80_000, "Ida " + "x" * 1_000_000])
def test_candidates_are_capped_and_quick_on_a_megabyte(text):
    started = time.process_time()
    found = contacts.candidates(text)
    assert len(found) <= contacts.MAX_CANDIDATES
    contacts.opinion(text, found, "Anna Berg", "anna@example.dk", signature_start(text))
    assert time.process_time() - started < 2     # bounded: 0.05 s when quiet; unbounded, 5 s and more


def test_the_features_of_a_name_say_where_it_stands_and_what_follows_it():
    text = "Hej\n\nRing til Jonas Bech på 28 14 55 09.\n\nMvh\nPernille Aagesen\n"
    cands = contacts.candidates(text)
    assert [c[2] for c in cands] == ["Jonas Bech", "Pernille Aagesen"]
    sig = signature_start(text)
    first = contacts.features(text, cands, 0, "Pernille Aagesen", "pernille.aagesen@example.dk", sig)
    last = contacts.features(text, cands, 1, "Pernille Aagesen", "pernille.aagesen@example.dk", sig)
    assert first["b0:til"] == first["b1:ring"] == first["phone_after"] == 1.0 and first["in_sig"] == 0.0
    assert last["in_sig"] == last["line_alone"] == last["sender_name"] == last["sender_local"] == 1.0
    assert first["sender_name"] == first["sender_local"] == 0.0


def test_the_contact_model_runs_inside_the_reader(monkeypatch):
    """A constructed model that is sure of whoever stands after "kontakt": the reader takes it over the sender's
    display name, keeps a first name signed alone (it is only ever completed) and a contact named in full."""
    model = Model(contacts.LABELS, {"b0:kontakt": (-5.0, 5.0)}, (2.0, -2.0))
    real = learned.shipped
    monkeypatch.setattr(contacts, "shipped", lambda name: model if name == contacts.MODEL else real(name))
    body = "Hej\n\nVi søger om skilt. Kontakt Jonas Bech ved spørgsmål.\n\nMvh\nPernille\n"
    found = extract.extract_details([("body", body)], {}, reference=date(2027, 1, 4), sender="p@example.dk",
                                    sender_name="Pernille Aagesen")
    assert found["contact_name"] == extract.Field("Jonas Bech", "body")
    found = extract.extract_details([("body", body)], {}, reference=date(2027, 1, 4), sender="p@example.dk")
    assert found["contact_name"].value == "Pernille"
    signed = body.replace("Mvh\nPernille", "Mvh\nPernille Aagesen\nKontaktperson: Pernille Aagesen")
    found = extract.extract_details([("body", signed)], {}, reference=date(2027, 1, 4), sender="p@example.dk")
    assert found["contact_name"].value == "Pernille Aagesen"


def test_the_model_is_not_asked_about_a_contact_the_body_writes_out(monkeypatch):
    asked = []
    real = contacts.opinion
    monkeypatch.setattr(contacts, "opinion", lambda *a, **k: asked.append(a[1]) or real(*a, **k))
    signed = "Hej\n\nVi søger om skilt. Kontakt Jonas Bech ved spørgsmål.\n\nMvh\nJonas Bech\n"
    found = extract.extract_details([("body", signed)], {}, reference=date(2027, 1, 4), sender="j@example.dk")
    assert found["contact_name"].value == "Jonas Bech" and asked == []
    unsigned = "Hej\n\nVi søger om skilt. Kontakt Jonas Bech ved spørgsmål.\n\nMvh\nundertegnede\n"
    extract.extract_details([("body", unsigned)], {}, reference=date(2027, 1, 4), sender="j@example.dk",
                            sender_name="Pernille Aagesen")
    assert len(asked) == 1


# ---------------------------------------------------------------- the shipped weights

@pytest.mark.skipif(not DEV.exists(), reason="the development set is not in this checkout")
def test_the_shipped_weights_are_those_the_development_set_gives(tmp_path):
    """Retrain both models on tests/data/details_dev.jsonl: the package's weights must be the same (run
    ``python scripts/train_details.py`` after changing the development set or the features)."""
    training.main([str(DEV), str(tmp_path)])
    for name in (contacts.MODEL,):
        fresh = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
        shipped = json.loads((ROOT / "intake" / "details" / f"{name}.json").read_text(encoding="utf-8"))
        assert fresh["labels"] == shipped["labels"]
        zero = [0.0] * len(fresh["labels"])
        worst = max(abs(a - b) for k in set(fresh["weights"]) | set(shipped["weights"])
                    for a, b in zip(fresh["weights"].get(k, zero), shipped["weights"].get(k, zero), strict=True))
        assert worst < 1e-3, f"{name}.json is stale: run scripts/train_details.py"
