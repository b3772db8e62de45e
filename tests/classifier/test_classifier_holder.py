"""Hot switching in a running service: ModelHolder."""
import logging
import threading

import pytest

from classifier.errors import NoActiveModel
from classifier.holder import ModelHolder
from classifier.store import MODEL_FILE


def test_holder_serves_the_active_version(store):
    assert ModelHolder(store.root).get().version == "1"


def test_holder_switches_to_a_newly_activated_version_without_restart(store):
    holder = ModelHolder(store.root)
    assert holder.get().version == "1"
    store.activate("2")
    assert holder.get().version == "2"


def test_holder_keeps_the_last_good_model_when_the_new_one_is_refused(store, caplog):
    holder = ModelHolder(store.root)
    holder.get()
    (store.versions_dir / "2" / MODEL_FILE).write_bytes(b"truncated")
    store.active_file.write_text("2\n")  # an operator or a bad copy points ACTIVE at a broken model
    with caplog.at_level(logging.WARNING, logger="classifier.store"):
        assert holder.get().version == "1"
    assert "refused" in caplog.text


def test_holder_follows_a_rollback(store):
    holder = ModelHolder(store.root)
    store.activate("2")
    assert holder.get().version == "2"
    store.rollback()
    assert holder.get().version == "1"


def test_no_prediction_fails_while_versions_switch(store):
    """Messages classified during repeated switches all get an answer from a whole model."""
    holder = ModelHolder(store.root)
    holder.get()
    errors, versions = [], set()
    stop = threading.Event()

    def classify():
        while not stop.is_set():
            try:
                versions.add(holder.get().predict("olietank skal fjernes").model_version)
            except Exception as err:  # noqa: BLE001 - any failure is the test failing
                errors.append(err)

    worker = threading.Thread(target=classify)
    worker.start()
    for version in ["2", "1", "2"]:
        store.activate(version)
    stop.set()
    worker.join()
    assert not errors
    assert versions <= {"1", "2"}


def test_a_holder_that_may_not_train_refuses_while_no_version_is_active_and_serves_one_once_there_is(tmp_path,
                                                                                                    store):
    """The desk's pages and commands read the service's model but never train one of their own."""
    empty = ModelHolder(tmp_path / "none", bootstrap=False)
    with pytest.raises(NoActiveModel):
        empty.get()
    assert not (tmp_path / "none" / "versions").exists()
    assert ModelHolder(store.root, bootstrap=False).get().version == "1"
