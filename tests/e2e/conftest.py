"""Wiring for the end-to-end tests: real Dovecot, real SMTP sink, SQLite or PostgreSQL."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from classifier import load_active
from intake.app import build_context, open_engine, open_mailbox
from intake.letters.sender import sender_from_settings
from intake.service import Service
from intake.settings import Settings, load_settings


@pytest.fixture(scope="session")
def e2e_model_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("e2e-models")
    load_active(path)
    return path


def service_env(tmp_path: Path, dovecot, sink, database_url: str, model_dir: Path) -> dict[str, str]:
    """The INTAKE_* environment of a service reading ``dovecot`` and sending to ``sink``."""
    return {
        "INTAKE_DATA_DIR": str(tmp_path / "data"),
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_MODEL_DIR": str(model_dir),
        "INTAKE_IMAP_HOST": dovecot.host,
        "INTAKE_IMAP_PORT": str(dovecot.imap_port),
        "INTAKE_IMAP_USER": dovecot.user,
        "INTAKE_IMAP_PASSWORD": dovecot.password,
        "INTAKE_IMAP_SECURITY": "starttls",
        "INTAKE_IMAP_CAFILE": str(dovecot.cafile),
        "INTAKE_SMTP_HOST": sink.host,
        "INTAKE_SMTP_PORT": str(sink.port),
        "INTAKE_SMTP_SECURITY": "starttls",
        "INTAKE_SMTP_CAFILE": str(sink.cafile),
        "INTAKE_FROM_ADDRESS": "erhvervsservice@kk.example",
        "INTAKE_POLL_INTERVAL": "1",
    }


def build_service(settings: Settings) -> Service:
    return Service(build_context(settings), open_engine(settings), open_mailbox(settings),
                   sender_from_settings(settings))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'intake.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def e2e(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir):
    """(env, settings) for a service wired to the real servers."""
    env = service_env(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir)
    return env, load_settings(env=env)


def subprocess_env(env: dict[str, str]) -> dict[str, str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    full.update(env)
    full["PYTHONUNBUFFERED"] = "1"
    return full


def wait_for_a_worker(database_url: str, worker, timeout: float = 120) -> None:
    """Until the ``intake worker`` just started beats: the service waits for attachments only while one is alive
    (``intake.extraction.live_workers``), so a test that starts both would otherwise race the worker's start."""
    import time

    from intake.extraction import live_workers
    from models.db import make_engine

    engine = make_engine(database_url)
    try:
        deadline = time.monotonic() + timeout
        while not live_workers(engine):
            assert worker.poll() is None, worker.communicate()[1].decode(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the worker did not start beating"
            time.sleep(0.5)
    finally:
        engine.dispose()
