"""A running ``intake serve`` switches to a newly activated model without a restart and
without dropping a message, and keeps its last good model when the activated one is bad.

The service runs as a real subprocess on the embedded default (a local Maildir as the
source, the outbox Maildir, SQLite); mail arrives every 0.2 s while an operator trains
and activates models with the real ``intake classifier`` commands.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from classifier.store import META_FILE, MODEL_FILE, ModelStore, write_atomic
from intake.mailbox.maildir import open_maildir
from models import Case, InboundMessage
from models.db import open_database
from tests.e2e.builders import scaffolding_da
from tests.e2e.conftest import subprocess_env

DELIVERY_INTERVAL = 0.2
EXTRA_TRAINING = [  # an operator's small export of labelled mail, next to the seed corpus
    ("Stillads på fortov", "Vi vil stille et stillads op på fortovet ud for Istedgade 40 i fire uger.", "vejareal"),
    ("Scaffolding on the pavement", "We need scaffolding on the pavement at Vesterbrogade 3 for a month.",
     "vejareal"),
    ("Nyt skilt", "Vi vil gerne hænge et lysskilt op over vores butik på Jægersborggade 8.", "skilte"),
    ("Shop sign", "Our café wants a projecting sign above the entrance at Blågårdsgade 12.", "skilte"),
    ("Olietank sløjfes", "Vores gamle nedgravede olietank på Amagerbrogade 150 skal sløjfes.", "olietank"),
    ("Oil tank removal", "We are removing a 1,200 litre oil tank from the basement at Tagensvej 9.", "olietank"),
]


class RunningService:
    """``intake serve`` as a subprocess; its log is read continuously so the pipe never fills."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "intake", "serve"], env=subprocess_env(env),
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None, "started with stdout=PIPE"
        for line in self.proc.stdout:
            self.lines.append(line.decode(errors="replace"))

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def wait_for_log(self, needle: str, timeout: float, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        while self.log.count(needle) < count:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"service did not log {needle!r}:\n{self.log[-3000:]}")
            time.sleep(0.05)

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        self._reader.join(timeout=5)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class Deliverer:
    """Delivers a new, distinct application into the Maildir inbox every ``DELIVERY_INTERVAL`` s."""

    def __init__(self, maildir: Path) -> None:
        self.box = open_maildir(maildir)
        self.keys: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def deliver(self) -> str:
        i = len(self.keys)
        key = self.box.add(scaffolding_da(f"Firma {i} <kontakt@firma{i}.dk>", n=i + 1).as_bytes())
        self.keys.append(key)
        return key

    def first(self, n: int) -> list[str]:
        """The first ``n`` keys, once that many messages have been delivered."""
        while len(self.keys) < n:
            time.sleep(0.02)
        return self.keys[:n]

    def _run(self) -> None:
        while not self._stop.is_set():
            self.deliver()
            self._stop.wait(DELIVERY_INTERVAL)

    def __enter__(self) -> Deliverer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


@pytest.fixture
def model_dir(tmp_path, e2e_model_dir) -> Path:
    """A model store of its own holding version 1 (the seed-corpus model), active."""
    path = tmp_path / "models"
    shutil.copytree(e2e_model_dir, path)
    assert ModelStore(path).active_version() == "1"
    return path


@pytest.fixture
def env(tmp_path, model_dir) -> dict[str, str]:
    return {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_MODEL_DIR": str(model_dir),
            "INTAKE_FROM_ADDRESS": "erhvervsservice@kk.example"}


@pytest.fixture
def service(env):
    running = RunningService(env)
    try:
        running.wait_for_log("intake service started", timeout=120)
        yield running
    finally:
        running.kill()


def operator(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Run ``intake classifier ARGS`` as an operator would, with the service's environment."""
    return subprocess.run([sys.executable, "-m", "intake", "classifier", *args], env=subprocess_env(env),
                          capture_output=True, text=True, timeout=120)


def folder_keys(root: Path) -> set[str]:
    return {p.name.split(":", 1)[0] for sub in ("new", "cur") if (root / sub).is_dir()
            for p in (root / sub).iterdir()}


def wait_until_processed(maildir: Path, keys: list[str], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not set(keys) <= folder_keys(maildir / ".Processed"):
        assert not set(keys) & folder_keys(maildir / ".Quarantine"), "a message was quarantined"
        if time.monotonic() > deadline:
            missing = set(keys) - folder_keys(maildir / ".Processed")
            raise AssertionError(f"{len(missing)} message(s) not processed within {timeout} s")
        time.sleep(0.1)


def version_by_key(env: dict[str, str]) -> dict[str, str]:
    """Maildir key -> model version of the one case its message became, in processing order."""
    engine = open_database(f"sqlite:///{Path(env['INTAKE_DATA_DIR']) / 'intake.db'}")
    with Session(engine) as s:
        rows = s.exec(select(InboundMessage.uid, Case.model_version)
                      .join(Case, col(Case.id) == col(InboundMessage.case_id))
                      .order_by(col(Case.id))).all()
    engine.dispose()
    return dict(rows)


def assert_exactly_one_case_each(env: dict[str, str], keys: list[str]) -> None:
    maildir = Path(env["INTAKE_DATA_DIR"]) / "mailbox"
    engine = open_database(f"sqlite:///{Path(env['INTAKE_DATA_DIR']) / 'intake.db'}")
    with Session(engine) as s:
        inbound = s.exec(select(InboundMessage)).all()
        n_cases = len(s.exec(select(Case.id)).all())
    engine.dispose()
    assert sorted(m.uid for m in inbound) == sorted(keys)
    assert {(m.status, m.outcome) for m in inbound} == {("done", "case")}
    assert len({m.case_id for m in inbound}) == len(keys) == n_cases
    assert folder_keys(maildir) == set() and folder_keys(maildir / ".Quarantine") == set()


def test_serve_switches_to_a_newly_trained_model_without_losing_a_message(env, service, tmp_path):
    maildir = Path(env["INTAKE_DATA_DIR"]) / "mailbox"
    data = tmp_path / "export.jsonl"
    data.write_text("".join(json.dumps({"subject": s, "body": b, "task_types": [t]}, ensure_ascii=False) + "\n"
                            for s, b, t in EXTRA_TRAINING), encoding="utf-8")
    with Deliverer(maildir) as mail:
        wait_until_processed(maildir, mail.first(3))
        done_before = folder_keys(maildir / ".Processed")
        trained = operator(env, "train", "--activate", "--data", str(data))
        delivered_before_activation = len(mail.keys)
        time.sleep(2.0)
    assert trained.returncode == 0, trained.stdout + trained.stderr
    assert "activated version 2" in trained.stdout
    wait_until_processed(maildir, mail.keys)

    assert_exactly_one_case_each(env, mail.keys)
    versions = version_by_key(env)
    order = list(versions.values())
    assert order == sorted(order, key=int), "a case went back to the old model after the switch"
    assert {versions[k] for k in done_before} == {"1"}
    assert {versions[k] for k in mail.keys[delivered_before_activation:]} == {"2"}
    assert service.proc.poll() is None, "the service died"
    assert service.stop() == 0
    assert service.log.count("intake service started") == 1 and "intake service stopped" in service.log
    assert "switched from model version 1 to 2" in service.log


def _copy_version(model_dir: Path, source: str, target: str) -> Path:
    folder = model_dir / "versions" / target
    shutil.copytree(model_dir / "versions" / source, folder)
    return folder


def _deliver_and_wait(mail: Deliverer, maildir: Path, n: int = 3) -> list[str]:
    keys = [mail.deliver() for _ in range(n)]
    wait_until_processed(maildir, keys)
    return keys


def test_serve_keeps_the_last_good_model_when_the_active_one_is_bad(env, service, model_dir):
    maildir = Path(env["INTAKE_DATA_DIR"]) / "mailbox"
    store = ModelStore(model_dir)
    _copy_version(model_dir, "1", "2")
    tampered = _copy_version(model_dir, "1", "3") / MODEL_FILE
    tampered.write_bytes(os.urandom(tampered.stat().st_size))
    truncated = _copy_version(model_dir, "1", "4") / MODEL_FILE
    truncated.write_bytes(truncated.read_bytes()[:1000])
    old_meta = _copy_version(model_dir, "1", "5") / META_FILE
    meta = json.loads(old_meta.read_text())
    old_meta.write_text(json.dumps({**meta, "libraries": {**meta["libraries"], "sklearn": "0.20.0"}}))
    unreadable = _copy_version(model_dir, "1", "6")  # model.skops a folder: stat works, reading fails
    (unreadable / MODEL_FILE).unlink()
    (unreadable / MODEL_FILE).mkdir()
    meta6 = json.loads((unreadable / META_FILE).read_text())
    meta6["model_size"] = (unreadable / MODEL_FILE).stat().st_size
    (unreadable / META_FILE).write_text(json.dumps(meta6))
    mail = Deliverer(maildir)
    phases: list[tuple[str, list[str]]] = [("1", _deliver_and_wait(mail, maildir))]

    refused = operator(env, "activate", "3")
    assert refused.returncode == 1 and "tampered" in refused.stderr and store.active_version() == "1"
    for bad in (b"3", b"4", b"5", b"6", b"99", b"\xff\xfe"):  # the store altered behind the CLI's back
        warnings = service.log.count("WARNING classifier.holder: keeping model version 1")
        write_atomic(store.active_file, bad + b"\n")
        phases.append(("1", _deliver_and_wait(mail, maildir)))
        service.wait_for_log("WARNING classifier.holder: keeping model version 1", timeout=5, count=warnings + 1)

    assert operator(env, "activate", "2").returncode == 0
    phases.append(("2", _deliver_and_wait(mail, maildir)))
    assert operator(env, "rollback").returncode == 0
    phases.append(("1", _deliver_and_wait(mail, maildir)))

    assert_exactly_one_case_each(env, mail.keys)
    versions = version_by_key(env)
    assert [(v, [versions[k] for k in keys]) for v, keys in phases] == [(v, [v] * len(keys)) for v, keys in phases]
    assert service.proc.poll() is None, "the service died"
    assert service.stop() == 0
    assert service.log.count("intake service started") == 1 and "Traceback" not in service.log
    assert service.log.count("WARNING classifier.holder: keeping model version 1") == 6  # one per bad ACTIVE
    assert "switched from model version 1 to 2" in service.log and "switched from model version 2 to 1" in service.log
