"""Nobody is blamed for our own crashes: SIGKILLs while the service starts charge no message.

A new installation trains its first model at start-up; ``intake process --once``
is killed (a real SIGKILL from outside) while it trains, more often than
``max_processing_attempts`` (1 here). The waiting application must still become a case,
charged with one attempt: start-up work happens before any message is claimed.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlmodel import Session, select

from intake.mailbox.maildir import MaildirMailbox
from intake.settings import load_settings
from models import InboundMessage
from models.db import open_database
from tests.intake.mailbuilder import application

pytestmark = pytest.mark.slow
TRAINING = "no model yet: training the first one"


def _environment(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env.update({"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_MODEL_DIR": str(tmp_path / "models"),
                "INTAKE_MAX_PROCESSING_ATTEMPTS": "1", "PYTHONUNBUFFERED": "1"})
    return env


def _kill_while_training(env: dict[str, str]) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "intake", "process", "--once"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    seen = []
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            line = proc.stdout.readline().decode(errors="replace")
            seen.append(line)
            if TRAINING in line:
                time.sleep(0.5)
                proc.send_signal(signal.SIGKILL)
                break
            if not line and proc.poll() is not None:
                break
        assert proc.wait(timeout=60) == -signal.SIGKILL, "".join(seen[-20:])
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.timeout(900)
def test_kills_during_start_up_charge_no_message(tmp_path, model_dir):
    """One attempt allowed, two kills while training: before the fix the third run quarantined the message."""
    env = _environment(tmp_path)
    settings = load_settings(env=env)
    MaildirMailbox(settings.maildir).deliver(application().as_bytes())
    for _ in range(settings.max_processing_attempts + 1):
        _kill_while_training(env)
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        charged = s.exec(select(InboundMessage)).all()
    assert [m.attempts for m in charged] in ([], [0]), "a start-up kill was charged to the message"
    env["INTAKE_MODEL_DIR"] = str(model_dir)  # the suite's trained model: the last run need not train for minutes
    done = subprocess.run([sys.executable, "-m", "intake", "process", "--once"], env=env, capture_output=True,
                          timeout=900)
    assert done.returncode == 0, done.stdout.decode()[-2000:] + done.stderr.decode()[-2000:]
    with Session(engine) as s:
        (rec,) = s.exec(select(InboundMessage)).all()
    assert (rec.status, rec.outcome, rec.attempts) == ("done", "case", 1)
