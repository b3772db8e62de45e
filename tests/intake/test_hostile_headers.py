"""10 MB of encoded words in one header, processed by the real runner in a process limited to 1 GB.

Before issue 13 such a Subject took the machine down (0.38 MB of encoded words: 3.7 GB; 10 MB: killed
at 23 GB). Each message must finish as a case or a recorded refusal, within the memory limit, and well
under it: the code before the bounded reader finished the Subject case only because the email package's
MemoryError at 780 MB was caught as "unparseable header"; now the whole process peaks near 365 MB.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.intake.mailbuilder import SCAFFOLD_DA

ROOT = Path(__file__).resolve().parents[2]
LIMIT_BYTES = 1024 ** 3
WORD = "=?utf-8?q?=C3=A6?="
TEN_MB = 10 * 1024 * 1024
# What the hostile header may cost beyond an ordinary application in the same process (imports, model and
# the rest are measured by the ordinary one, as they differ with the model a test session has trained):
# about 135 MB now; the code before the bounded reader needed 540 MB more and lived only by a MemoryError.
EXTRA_MB = 300

CHILD = textwrap.dedent("""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))
    from intake.app import build_context
    from intake.mailbox.maildir import MaildirMailbox
    from intake.runner import Runner
    from intake.settings import load_settings
    from models.db import open_database
    settings = load_settings()
    box = MaildirMailbox(settings.maildir)
    with open(sys.argv[1], "rb") as f:
        box.deliver(f.read())
    runner = Runner(build_context(settings), open_database(settings.database_url), box)
    (outcome,) = runner.process_batch()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"outcome": outcome.outcome, "reason": outcome.reason, "peak_mb": peak_kb // 1024}))
""").replace("CAP", str(LIMIT_BYTES))


def encoded_words(n_bytes: int) -> str:
    """Folded encoded words, ``n_bytes`` long, as a hostile sender writes them."""
    n = n_bytes // (len(WORD) + 3)
    return "\r\n ".join(WORD for _ in range(n))


def hostile(header: str) -> bytes:
    headers = {"From": "Peter Jensen <peter@jensen-stilladser.dk>", "Subject": "Ansøgning om stillads",
               "X-Loop": ""}
    headers[header] = encoded_words(TEN_MB) + (" <peter@jensen-stilladser.dk>" if header == "From" else "")
    lines = [f"{k}: {v}" for k, v in headers.items() if v]
    lines += ["To: erhvervsservice@kk.example", "Message-ID: <hostile@test.example>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    return ("\r\n".join(lines) + "\r\n\r\n" + SCAFFOLD_DA.replace("\n", "\r\n")).encode()


SCAFFOLD_MAIL = ("From: Peter Jensen <peter@jensen-stilladser.dk>\r\nTo: erhvervsservice@kk.example\r\n"
                 "Subject: Ansøgning om stillads\r\nMessage-ID: <ordinary@test.example>\r\nMIME-Version: 1.0\r\n"
                 "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                 + SCAFFOLD_DA.replace("\n", "\r\n")).encode()


def _run(raw: bytes, folder: Path, model_dir: Path) -> dict:
    """The real runner on ``raw`` in a child process under RLIMIT_AS 1 GB; its outcome and peak RSS."""
    folder.mkdir()
    path = folder / "message.eml"
    path.write_bytes(raw)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INTAKE_DATA_DIR": str(folder / "data"),
           "INTAKE_MODEL_DIR": str(model_dir), "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    for key in ("INTAKE_IMAP_HOST", "INTAKE_SMTP_HOST", "INTAKE_DATABASE_URL", "INTAKE_CONFIG"):
        env.pop(key, None)
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, text=True,
                          timeout=540, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.timeout(600)
@pytest.mark.parametrize("header", ["Subject", "From", "X-Loop"])
def test_ten_mb_of_encoded_words_finish_within_one_gb(header, tmp_path, model_dir):
    raw = hostile(header)
    assert len(raw) > TEN_MB
    ordinary = _run(SCAFFOLD_MAIL, tmp_path / "ordinary", model_dir)
    result = _run(raw, tmp_path / "hostile", model_dir)
    assert result["outcome"] in ("case", "refused", "quarantined"), result
    assert result["peak_mb"] - ordinary["peak_mb"] < EXTRA_MB, (result, ordinary)
    if result["outcome"] == "quarantined":  # a recorded refusal must say why, not be a crash of ours
        assert "MemoryError" not in result["reason"]
