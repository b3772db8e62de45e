"""The active model at start-up, training a first one from the seed corpus when there is none."""
from __future__ import annotations

import logging
from pathlib import Path

from classifier.data import CORPUS_DIR, load_corpus
from classifier.errors import ModelRefused, NoActiveModel, TrainingDataError, UnknownVersion
from classifier.evalset import training_examples
from classifier.model import ModelParams, TaskModel
from classifier.store import ModelStore
from classifier.training import train_version, training_hash

log = logging.getLogger(__name__)


def load_or_bootstrap(model_dir: Path, corpus_dir: Path = CORPUS_DIR) -> TaskModel:
    """See ``classifier.load_active``."""
    store = ModelStore(model_dir)
    active = store.active_version()
    if active is None:
        return _bootstrap(store, corpus_dir)
    try:
        return store.load(active)
    except (ModelRefused, UnknownVersion) as err:
        log.error("active model refused, looking for the last good one: %s", err)
        good = store.last_good()
        if good is None:
            raise ModelRefused(f"{err}. No earlier version loads either: run "
                               "`intake classifier train --activate` to make a new one") from err
        log.warning("using model version %s until an operator activates a good one", good.version)
        return good


def _bootstrap(store: ModelStore, corpus_dir: Path) -> TaskModel:
    """Activate a stored version trained on exactly the seed corpus, or train one."""
    with store.lock(".bootstrap.lock"):  # one process trains; the others wait, then load its model
        if store.active_version() is not None:
            return load_or_bootstrap(store.root, corpus_dir)
        try:
            return _train_first(store, corpus_dir)
        except TrainingDataError as err:  # the seed corpus ships with us: a broken installation is our fault
            raise NoActiveModel(f"no model yet and none can be trained on the seed corpus: {err}") from err


def _train_first(store: ModelStore, corpus_dir: Path) -> TaskModel:
    examples = load_corpus(corpus_dir)
    digest = training_hash(training_examples(examples), ModelParams())  # as train_version hashes it
    for version in reversed(store.versions()):
        try:
            if store.meta(version).get("training_data_hash") == digest:
                store.activate(version)
                log.info("activated stored version %s trained on the seed corpus", version)
                return store.load(version)
        except ModelRefused as err:
            log.warning("stored version %s unusable: %s", version, err)
    log.info("no model yet: training the first one on the seed corpus (%d examples)", len(examples))
    result = train_version(store, examples, sources={"seed corpus": len(examples)}, activate=True)
    return store.load(result.version)
