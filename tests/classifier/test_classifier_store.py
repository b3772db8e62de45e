"""The model store: metadata, activation, rollback and refusal of bad model files."""
import json
import os

import pytest
import sklearn

from classifier.bootstrap import load_or_bootstrap
from classifier.errors import ModelRefused, UnknownVersion
from classifier.store import MODEL_FILE, ModelStore


def _model_path(store, version):
    return store.versions_dir / version / MODEL_FILE


def _edit_meta(store, version, **changes):
    path = store.versions_dir / version / "meta.json"
    meta = json.loads(path.read_text())
    for key, value in changes.items():
        meta[key] = value
    path.write_text(json.dumps(meta))


def _flip_byte(path, at=-100):
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def test_meta_records_hash_libraries_thresholds_and_metrics(store):
    meta = store.meta("1")
    assert len(meta["training_data_hash"]) == 64
    assert meta["libraries"]["sklearn"] == sklearn.__version__
    assert set(meta["libraries"]) >= {"sklearn", "skops", "numpy", "python"}
    assert set(meta["thresholds"]) == set(meta["labels"])
    assert meta["metrics"]["macro_f1"] > 0.8
    assert meta["model_size"] == _model_path(store, "1").stat().st_size


def test_versions_are_numbered_and_one_is_active(store):
    assert store.versions() == ["1", "2"]
    assert store.active_version() == "1"


def test_no_part_files_are_left_behind(store):
    assert not list(store.root.rglob("*.part"))


def test_activate_switches_the_active_version(store):
    store.activate("2")
    assert store.active_version() == "2"
    assert store.load("2").version == "2"


def test_rollback_returns_to_the_previous_version(store):
    store.activate("2")
    assert store.rollback() == "1"
    assert store.active_version() == "1"


def test_activating_the_active_version_again_changes_nothing_a_rollback_sees(store):
    """Activated twice, version 2 rolls back to 1 at once, and then there is nothing before 1 (an operator's second
    'activate 2' must not make 'rollback' a no-op that claims to have rolled back)."""
    assert store.activate("2") is True and store.activate("2") is False
    assert store.rollback() == "1" and store.active_version() == "1"
    with pytest.raises(UnknownVersion, match="before version 1"):
        store.rollback()
    assert [e["action"] for e in store.history()["log"]][-3:] == ["activate", "activate", "rollback"]


def test_a_stack_written_with_repeats_still_rolls_back_to_another_version(store):
    import json

    store.activate("2")
    history = store.history()
    history["stack"].append(dict(history["stack"][-1]))   # as an earlier release wrote "activate 2" twice
    store.history_file.write_text(json.dumps(history))
    assert store.rollback() == "1"


def test_rollback_with_nothing_before_is_refused(store):
    with pytest.raises(UnknownVersion):
        store.rollback()


def test_unknown_version_is_refused(store):
    with pytest.raises(UnknownVersion):
        store.load("99")


def test_tampered_model_is_refused(store):
    _flip_byte(_model_path(store, "2"))
    with pytest.raises(ModelRefused, match="sha256"):
        store.load("2")


def test_truncated_model_is_refused(store):
    path = _model_path(store, "2")
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ModelRefused, match="truncated"):
        store.load("2")


def test_model_made_by_another_sklearn_minor_version_is_refused(store):
    major, minor = sklearn.__version__.split(".")[:2]
    _edit_meta(store, "2", libraries={"sklearn": f"{major}.{int(minor) + 1}.0"})
    with pytest.raises(ModelRefused, match="scikit-learn"):
        store.load("2")


def test_model_of_another_format_version_is_refused(store):
    _edit_meta(store, "2", format_version=0)
    with pytest.raises(ModelRefused, match="format"):
        store.load("2")


def test_model_file_that_is_not_skops_is_refused_even_with_matching_hash(store):
    """A pickle (or any non-skops file) is never unpickled, even when meta.json was edited to match."""
    import hashlib
    import pickle

    path = _model_path(store, "2")
    path.write_bytes(pickle.dumps({"evil": True}))
    _edit_meta(store, "2", model_size=path.stat().st_size,
               model_sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    with pytest.raises(ModelRefused, match="could not be loaded"):
        store.load("2")


def test_activating_a_refused_model_keeps_the_active_one(store):
    _flip_byte(_model_path(store, "2"))
    with pytest.raises(ModelRefused):
        store.activate("2")
    assert store.active_version() == "1"


def test_load_active_falls_back_to_the_last_good_version(store):
    store.activate("2")
    _flip_byte(_model_path(store, "2"))
    assert load_or_bootstrap(store.root).version == "1"


def test_load_active_refuses_when_no_version_loads(store):
    _flip_byte(_model_path(store, "1"))
    with pytest.raises(ModelRefused, match="intake classifier train"):
        load_or_bootstrap(store.root)


def test_load_active_trains_and_activates_a_first_version_from_the_corpus(tmp_path, examples):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"subject": "", "body": e.text, "labels": list(e.labels)}) for e in examples]
    (corpus / "seed.jsonl").write_text("\n".join(lines))
    model = load_or_bootstrap(tmp_path / "models", corpus)
    assert model.version == "1"
    assert ModelStore(tmp_path / "models").active_version() == "1"


def test_active_file_is_replaced_not_rewritten_in_place(store):
    """A reader holding the old ACTIVE sees a whole file: activation makes a new inode."""
    before = os.stat(store.active_file).st_ino
    store.activate("2")
    assert os.stat(store.active_file).st_ino != before


def _as_format_1(store, version):
    """Rewrite a stored version as format 1 made it: no piece thresholds in the file, feature version 1."""
    import hashlib

    import skops.io as sio

    path = _model_path(store, version)
    state = sio.load(path, trusted=[])
    del state["segment_thresholds"]
    path.write_bytes(sio.dumps(state))
    _edit_meta(store, version, format_version=1, feature_version=1, model_size=path.stat().st_size,
               model_sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def test_meta_records_the_piece_thresholds(store):
    meta = store.meta("1")
    assert set(meta["segment_thresholds"]) == set(meta["labels"])
    assert meta["format_version"] == 2 and meta["feature_version"] == 2


def test_a_format_1_model_still_loads_and_reads_the_whole_text_only(store, caplog):
    _as_format_1(store, "2")
    model = store.load("2")
    assert model.segment_thresholds == {} and model.feature_version == 1
    assert model.predict("Vi vil gerne have sløjfet den gamle olietank i haven.").primary == "olietank"
    assert "reads the whole text only" in caplog.text


def test_a_model_of_a_feature_version_this_code_does_not_read_is_refused(store):
    _edit_meta(store, "2", feature_version=3)
    with pytest.raises(ModelRefused, match="feature version 3"):
        store.load("2")
