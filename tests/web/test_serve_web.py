"""``intake serve --web``: the service and the web pages in one process, stopped together by SIGTERM."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.web.browser import ROOT, free_port

pytestmark = pytest.mark.slow


def test_serve_with_web_answers_health_and_stops_on_sigterm(tmp_path, e2e_model_dir):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env.update(INTAKE_DATA_DIR=str(tmp_path / "data"), INTAKE_MODEL_DIR=str(e2e_model_dir), INTAKE_POLL_INTERVAL="1")
    (tmp_path / "data" / "mailbox").mkdir(parents=True)
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "intake", "serve", "--web", "--port", str(port)], env=env,
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline, answer = time.monotonic() + 120, None
        while time.monotonic() < deadline and answer is None and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=2) as r:
                    answer = json.load(r)
            except OSError:
                time.sleep(0.5)
        assert answer is not None, (tmp_path / "serve.log").read_text()[-3000:]
        assert answer["status"] == "ready", answer
        while "intake service started" not in (tmp_path / "serve.log").read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        text = (tmp_path / "serve.log").read_text()
        assert "intake service stopped" in text and "Uvicorn running" in text
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
