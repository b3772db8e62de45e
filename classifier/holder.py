"""The model a running service uses, switched to a newly activated version without a restart."""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from classifier.bootstrap import load_or_bootstrap
from classifier.errors import ModelRefused, NoActiveModel, UnknownVersion
from classifier.model import TaskModel
from classifier.store import ModelStore

log = logging.getLogger(__name__)


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class ModelHolder:
    """Holds the active model and switches to a newly activated one without a restart.

    ``get()`` costs one ``stat`` while nothing changes. When ``ACTIVE`` changes it
    loads the new version; if that is refused it logs a warning and keeps serving
    the previous model (and does not retry until ``ACTIVE`` changes again). The
    swap is a single reference assignment, so a message in flight keeps the model
    it started with.
    """

    def __init__(self, model_dir: Path, *, bootstrap: bool = True):
        self.store = ModelStore(Path(model_dir))
        self.bootstrap = bootstrap  # False: no version active is NoActiveModel, never a model trained here
        self._lock = threading.Lock()
        self._model: TaskModel | None = None
        self._seen: tuple[int, int, int] | None = None

    def get(self) -> TaskModel:
        signature = _signature(self.store.active_file)
        model = self._model
        if model is not None and signature == self._seen:
            return model
        with self._lock:
            if self._model is None:
                if not self.bootstrap and self.store.active_version() is None:
                    raise NoActiveModel(f"no model version is active in {self.store.root}")
                self._seen = _signature(self.store.active_file)
                self._model = load_or_bootstrap(self.store.root)
            elif signature != self._seen:
                self._seen = signature
                self._switch(self.store.active_version())
            return self._model

    def _switch(self, version: str | None) -> None:
        current = self._model
        if current is None or version == current.version:
            return
        if version is None:
            log.warning("keeping model version %s: %s is missing, unreadable or names no version",
                        current.version, self.store.active_file)
            return
        try:
            self._model = self.store.load(version)
        except (ModelRefused, UnknownVersion) as err:
            log.warning("keeping model version %s: version %s refused: %s", current.version, version, err)
            return
        log.info("switched from model version %s to %s", current.version, version)
