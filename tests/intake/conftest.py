"""Fixtures for the intake tests: a trained model (once per session) and a wired service."""
from __future__ import annotations

from pathlib import Path

import pytest

from classifier import load_active


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    """A model trained once on the shipped seed corpus, shared read-only by the tests."""
    path = tmp_path_factory.mktemp("models")
    load_active(path)
    return path


@pytest.fixture
def embedded_env(tmp_path, model_dir, monkeypatch) -> Path:
    """The environment of the embedded default under ``tmp_path/data`` with the shared model; returns the data dir."""
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTAKE_MODEL_DIR", str(model_dir))
    for key in ("INTAKE_IMAP_HOST", "INTAKE_SMTP_HOST", "INTAKE_DATABASE_URL", "INTAKE_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    return tmp_path / "data"


@pytest.fixture
def settings(tmp_path):
    """Settings of the embedded default in ``tmp_path`` (no model needed)."""
    from intake.settings import load_settings

    return load_settings(env={"INTAKE_DATA_DIR": str(tmp_path)})


@pytest.fixture
def service(tmp_path, model_dir):
    """The embedded default wired for one test: its database engine, its Maildir and the runner over both."""
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner
    from intake.settings import load_settings
    from models.db import open_database

    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    return engine, box, Runner(build_context(settings), engine, box)
