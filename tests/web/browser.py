"""A real browser against a real ``intake web``: Debian's Chromium driven by Playwright.

Browsers cannot be downloaded here, so Playwright drives ``/usr/bin/chromium``
(the ``chromium`` package; ``scripts/test`` installs it). Without it a browser
test is skipped with the reason, and fails under ``CI=true``
(``tests.availability``). ``live_web`` starts ``python -m intake web`` on a
free port with the environment given and waits for ``/health``. axe-core comes
from npm (``tests/web/node``; ``scripts/test`` runs ``npm ci`` there).
Screenshots go to the session's artefact folder (printed at the end of a run).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.availability import unavailable

CHROMIUM = Path(os.environ.get("INTAKE_TEST_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "node" / "node_modules" / "axe-core" / "axe.min.js"
ROOT = Path(__file__).resolve().parents[2]


def require_browser() -> None:
    """Skip (or fail under CI) when Chromium, Playwright or axe-core is missing."""
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("playwright is not installed (pip install playwright)")
    if not AXE.exists():
        unavailable(f"axe-core is not installed: run 'npm ci' in {AXE.parents[2]}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_web(env: dict[str, str], port: int, log: Path, timeout: float = 120.0) -> Iterator[str]:
    """``intake web`` on ``port`` with ``env`` (the full environment); yields its base URL."""
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "intake", "web", "--port", str(port)], env=env, cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_healthy(base, proc, log, timeout)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_healthy(base: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"intake web exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=2) as answer:
                if json.load(answer) == {"status": "ok"}:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"intake web did not answer /health within {timeout:.0f}s:\n{log.read_text()[-3000:]}")


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """axe-core's violations of ``impacts`` on the open page (the page's context must bypass the CSP)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"] if v["impact"] in impacts]
