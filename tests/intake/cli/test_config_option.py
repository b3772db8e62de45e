"""``intake --config X <group> <command>``: every subcommand reads the settings of X."""
from __future__ import annotations

import json

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from classifier.store import ModelStore
from intake.cli import common
from intake.cli.main import app
from models.db import open_database
from tests.intake.casefactory import make_case

PHRASES = {
    "udeservering": ["borde og stole foran caféen", "udeservering på fortovet", "outdoor seating for our restaurant"],
    "skilte": ["nyt skilt på facaden", "facadereklame med lys", "a sign above the shop window"],
    "olietank": ["sløjfning af olietank", "gammel olietank i haven", "removal of an oil tank"],
}


@pytest.fixture
def env(tmp_path, monkeypatch):
    """An environment naming another data folder than the config file does; the settings state is restored."""
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "env-data"))
    for key in ("INTAKE_CONFIG", "INTAKE_MODEL_DIR", "INTAKE_DATABASE_URL", "INTAKE_SMTP_HOST", "INTAKE_IMAP_HOST"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setitem(common.state, "config", None)   # removed again afterwards: later tests start clean
    return tmp_path / "env-data"


@pytest.fixture
def config(tmp_path):
    """X: a config file with its own model folder, database and outbox."""
    x = tmp_path / "x"
    path = tmp_path / "x.toml"
    path.write_text(f'[intake]\nmodel_dir = "{x / "models"}"\ndatabase_url = "sqlite:///{x / "intake.db"}"\n'
                    f'outbox_maildir = "{x / "outbox"}"\n', encoding="utf-8")
    x.mkdir()
    return path, x


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_config_given_to_intake_reaches_classifier_train(env, config, tmp_path):
    path, x = config
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(json.dumps({"text": f"{phrase} nr {i}", "task_types": label})
                                for label, phrases in PHRASES.items() for phrase in phrases for i in range(8)))
    result = invoke("--config", str(path), "classifier", "train", "--data", str(export), "--only-data")
    assert result.exit_code == 0, result.output
    assert ModelStore(x / "models").versions() == ["1"]
    assert not (env / "models").exists()


@pytest.mark.parametrize("where", ["intake", "case"])
def test_config_given_to_intake_or_case_reaches_the_case_commands(env, config, where):
    path, x = config
    with Session(open_database(f"sqlite:///{x / 'intake.db'}")) as session:
        reference = make_case(session, status="in_progress").reference
        session.commit()
    before = ["--config", str(path), "case"] if where == "intake" else ["case", "--config", str(path)]
    listing = invoke(*before, "list")
    assert reference in listing.output
    approved = invoke(*before, "approve", reference, "--actor", "karen")
    assert approved.exit_code == 0 and "sent" in approved.output
    assert len(list((x / "outbox" / "new").iterdir())) == 1
    assert not (env / "intake.db").exists()
