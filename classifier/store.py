"""The model store: every trained version on disk, which one is active, rollback, hot switching.

Layout of ``model_dir``::

    versions/<n>/model.skops   the model (skops format, never pickle)
    versions/<n>/meta.json     created, training-data hash, library versions, metrics,
                               thresholds (of the whole text and of the best piece),
                               labels, sha256 and size of model.skops
    ACTIVE                     the active version number
    history.json               {"stack": [activations...], "log": [every action]}

Every file is written atomically (``*.part``, fsync, ``os.replace``); a version
folder is built under a ``.part`` name and renamed into place, so a reader never
sees half a model. A model whose file does not match its recorded hash and size,
that skops cannot load, or that was made by another format, feature version or
scikit-learn minor version is refused with ``ModelRefused``.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import platform
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy
import sklearn
import skops
import skops.io as sio

from classifier.errors import ModelRefused, UnknownVersion
from classifier.features import FEATURE_VERSION, READABLE_FEATURE_VERSIONS
from classifier.model import TaskModel

log = logging.getLogger(__name__)

# History: 1 - skops dict {labels, features (FeatureUnion), ovr (OneVsRestClassifier of
#              SGDClassifier), primary (SGDClassifier), platt (ndarray), thresholds (dict)}.
#          2 - adds segment_thresholds (dict): each task type's threshold for the best piece
#              of a mail (2.0: pieces unused). A format-1 model still loads and reads the
#              whole text only, as before; `intake classifier train` makes a format-2 one.
FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)
# Types trusted beyond skops' defaults (scikit-learn estimators, numpy, builtins): none.
TRUSTED_TYPES: list[str] = []
MODEL_FILE, META_FILE = "model.skops", "meta.json"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    with part.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, path)
    _fsync_dir(path.parent)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    return {"sklearn": sklearn.__version__, "skops": skops.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "python": platform.python_version()}


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def compatibility_problem(meta: dict[str, Any]) -> str | None:
    """Why a model with this meta cannot be used by the running code, or None."""
    if meta.get("format_version") not in READABLE_FORMATS:
        return f"model format {meta.get('format_version')}, this code reads formats {_listed(READABLE_FORMATS)}"
    if meta.get("feature_version") not in READABLE_FEATURE_VERSIONS:
        return (f"feature version {meta.get('feature_version')}, this code reads versions "
                f"{_listed(READABLE_FEATURE_VERSIONS)}")
    made = str(meta.get("libraries", {}).get("sklearn", "?"))
    if _minor(made) != _minor(sklearn.__version__):
        return f"made with scikit-learn {made}, running {sklearn.__version__}; retrain it"
    return None


def _listed(versions: tuple[int, ...]) -> str:
    return " and ".join(map(str, versions))


class ModelStore:
    """Versions of the model under one folder; see the module docstring for the layout."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.versions_dir = self.root / "versions"
        self.active_file = self.root / "ACTIVE"
        self.history_file = self.root / "history.json"

    @contextlib.contextmanager
    def lock(self, name: str = ".lock") -> Iterator[None]:
        """An exclusive lock across processes (one lock file per ``name``) for changes to the store."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / name).open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # --- reading -------------------------------------------------------------
    def versions(self) -> list[str]:
        if not self.versions_dir.is_dir():
            return []
        names = [p.name for p in self.versions_dir.iterdir() if p.is_dir() and p.name.isdigit()]
        return sorted(names, key=int)

    def active_version(self) -> str | None:
        try:
            text = self.active_file.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):  # missing, unreadable or garbled: no usable active version
            return None
        return text or None

    def meta(self, version: str) -> dict[str, Any]:
        folder = self.versions_dir / str(version)
        if not str(version).isdigit() or not folder.is_dir():
            raise UnknownVersion(f"no model version {version!r} in {self.root}")
        try:
            meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ModelRefused(f"model version {version}: {META_FILE} is missing or unreadable") from err
        if not isinstance(meta, dict):
            raise ModelRefused(f"model version {version}: {META_FILE} is not a JSON object")
        return meta

    def load(self, version: str) -> TaskModel:
        """Load and verify a version; ``ModelRefused`` says why it cannot be used."""
        meta = self.meta(version)
        problem = compatibility_problem(meta)
        if problem:
            raise ModelRefused(f"model version {version} is incompatible: {problem}")
        path = self.versions_dir / str(version) / MODEL_FILE
        self._verify_file(version, path, meta)
        try:
            state = sio.load(path, trusted=TRUSTED_TYPES)
            model = TaskModel.from_state(state, version=str(version), feature_version=meta["feature_version"])
        except Exception as err:  # skops raises many kinds; all mean "not usable"
            raise ModelRefused(f"model version {version} could not be loaded: {type(err).__name__}: {err}") from err
        if list(model.labels) != list(meta.get("labels", [])):
            raise ModelRefused(f"model version {version}: labels differ from {META_FILE}")
        if meta["format_version"] != FORMAT_VERSION:
            log.warning("model version %s is of format %s: it reads the whole text only, so a request that is one "
                        "part of a long mail may be missed; train a new version", version, meta["format_version"])
        return model

    def _verify_file(self, version: str, path: Path, meta: dict[str, Any]) -> None:
        try:
            size = path.stat().st_size
        except OSError as err:
            raise ModelRefused(f"model version {version}: {MODEL_FILE} is missing") from err
        if size != meta.get("model_size"):
            raise ModelRefused(f"model version {version}: {MODEL_FILE} is truncated or altered "
                               f"({size} bytes, {meta.get('model_size')} recorded)")
        try:
            digest = sha256_file(path)
        except OSError as err:  # e.g. not readable by the service's user: refused, not a crash
            raise ModelRefused(f"model version {version}: {MODEL_FILE} cannot be read: {err.strerror}") from err
        if digest != meta.get("model_sha256"):
            raise ModelRefused(f"model version {version}: {MODEL_FILE} does not match its recorded "
                               "sha256 (tampered or corrupted)")

    def history(self) -> dict[str, list[dict[str, Any]]]:
        try:
            data = json.loads(self.history_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return {"stack": list(data.get("stack", [])), "log": list(data.get("log", []))}

    # --- writing -------------------------------------------------------------
    def save(self, model: TaskModel, meta: dict[str, Any]) -> str:
        """Store ``model`` as a new version with ``meta`` (plus what the store records); return it."""
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        part = Path(tempfile.mkdtemp(prefix=".new-", suffix=".part", dir=self.versions_dir))
        try:
            with self.lock():
                version = str(max((int(v) for v in self.versions()), default=0) + 1)
                self._write_version(part, model, version, meta)
                os.rename(part, self.versions_dir / version)
                _fsync_dir(self.versions_dir)
        except BaseException:
            shutil.rmtree(part, ignore_errors=True)
            raise
        model.version = version
        log.info("stored model version %s", version)
        return version

    def _write_version(self, folder: Path, model: TaskModel, version: str, meta: dict[str, Any]) -> None:
        model_path = folder / MODEL_FILE
        write_atomic(model_path, sio.dumps(model.state()))
        full = {**meta, "version": version, "created": meta.get("created", _now()),
                "format_version": FORMAT_VERSION, "feature_version": FEATURE_VERSION,
                "libraries": library_versions(), "labels": list(model.labels),
                "thresholds": dict(model.thresholds), "segment_thresholds": dict(model.segment_thresholds),
                "model_sha256": sha256_file(model_path),
                "model_size": model_path.stat().st_size}
        write_atomic(folder / META_FILE, json.dumps(full, indent=2, sort_keys=True).encode())

    def activate(self, version: str, *, action: str = "activate") -> bool:
        """Make ``version`` the active one (after checking that it loads); False when it already was (the stack of
        activations then stays as it is, so that a rollback goes back to the version before it)."""
        self.load(version)
        with self.lock():
            history = self.history()
            stack = history["stack"]
            again = bool(stack) and stack[-1]["version"] == str(version)
            if not again:
                stack.append({"version": str(version), "at": _now()})
            self._commit(str(version), history, action)
        return not again

    def rollback(self) -> str:
        """Re-activate the version that was active before the current one; return it."""
        with self.lock():
            history = self.history()
            stack = history["stack"]
            while len(stack) >= 2 and stack[-2]["version"] == stack[-1]["version"]:
                stack.pop()    # the same version activated twice in a row (stores of earlier releases)
            if len(stack) < 2:
                raise UnknownVersion("nothing to roll back to: no other version was active before "
                                     f"version {stack[-1]['version'] if stack else '-'}")
            previous = stack[-2]["version"]
            self.load(previous)
            stack.pop()
            self._commit(previous, history, "rollback")
        return previous

    def _commit(self, version: str, history: dict[str, Any], action: str) -> None:
        history["log"].append({"action": action, "version": version, "at": _now()})
        write_atomic(self.history_file, json.dumps(history, indent=2).encode())
        write_atomic(self.active_file, f"{version}\n".encode("ascii"))
        log.info("model version %s is now active (%s)", version, action)

    def last_good(self) -> TaskModel | None:
        """The most recently activated version that still loads, or None."""
        for entry in reversed(self.history()["stack"]):
            try:
                return self.load(entry["version"])
            except (ModelRefused, UnknownVersion) as err:
                log.warning("skipping model version %s: %s", entry["version"], err)
        return None
