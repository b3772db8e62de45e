"""The learning loop for real: an application through Dovecot, a caseworker's reroute through the CLI,
the scheduled retraining on the real database (SQLite or PostgreSQL), its report at the real SMTP server,
and the rerouted part in ``intake report routing``.
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from classifier.store import ModelStore
from intake.cli import app as cli_app
from intake.jobs import retrain_job
from intake.settings import load_settings
from models import Case
from tests.e2e.builders import scaffolding_da
from tests.e2e.conftest import build_service, service_env

pytestmark = [pytest.mark.realserver, pytest.mark.slow]
OPERATOR = "drift@kk.example"


def cli(env: dict[str, str], *args: str) -> str:
    result = CliRunner().invoke(cli_app, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def loop_env(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir):
    """The service's environment with a private copy of the model store; one correction is enough to retrain."""
    models = tmp_path / "models"
    shutil.copytree(e2e_model_dir, models)
    env = service_env(tmp_path, dovecot, smtp_sink, database_url, models)
    return env | {"INTAKE_RETRAIN_AFTER_CORRECTIONS": "1", "INTAKE_OPERATOR_ADDRESSES": OPERATOR}


def test_a_reroute_retrains_the_model_and_the_operators_are_told(loop_env, dovecot, smtp_sink):
    settings = load_settings(env=loop_env)
    dovecot.deliver(scaffolding_da().as_bytes())
    service = build_service(settings)
    (outcome,) = service.process_once()
    assert outcome.outcome == "case"
    store = ModelStore(settings.model_dir)
    before = store.versions()
    assert retrain_job(service.engine, service.ctx) is None   # no correction yet

    with Session(service.engine) as session:
        routed_as = session.exec(select(Case.task_type).where(Case.reference == outcome.reference)).one()
    cli(loop_env, "case", "reroute", outcome.reference, "--task-type",
        "gadesalg" if routed_as != "gadesalg" else "arrangement")
    report = retrain_job(service.engine, service.ctx)
    assert report is not None and report.outcome in ("activated", "kept") and report.corrections == 1
    assert store.versions() == [*before, report.version]
    assert store.active_version() == (report.version if report.outcome == "activated" else before[-1])
    assert "1 corrections since the active version" in report.compared_on

    sent = len(smtp_sink.messages)
    service.flush()
    smtp_sink.wait_for(sent + 1, timeout=20)
    (mail,) = [m.message for m in smtp_sink.to(OPERATOR)]
    assert mail["Subject"].startswith("[Klassifikator]")
    body = mail.get_body(("plain",))
    assert body is not None and "macro-F1" in body.get_content() and "1 rettelser" in body.get_content()

    out = Path(loop_env["INTAKE_MODEL_DIR"]).parent / "routing.csv"
    cli(loop_env, "report", "routing", "--format", "csv", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    total = next(r for r in rows if r["section"] == "total")
    assert (total["parts"], total["rerouted"], total["decided"]) == ("1", "1", "0")
