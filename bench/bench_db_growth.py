"""How much one large message grows the database, and where the bytes are (issue 13 §1).

    python bench/bench_db_growth.py [--mb 20] [--kind text|binary]

One application with a large attachment (``text``: a plain-text file whose words
are read into text columns; ``binary``: random bytes, nothing to read) goes through
the real runner on SQLite; prints the message size, the file's growth, and the
bytes per table column that hold copies (raw message, outbox mails, text columns).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from intake.app import build_context
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from models.db import open_database
from tests.intake.mailbuilder import application

COLUMNS = [("inboundmessage", "raw"), ("inboundraw", "raw"), ("outboxmail", "raw"), ("case", "details_json"),
           ("case", "attachments_json"), ("case", "classifier_text"), ("case", "applicant_text")]


def build(n_bytes: int, kind: str) -> bytes:
    msg = application()
    if kind == "text":
        words = ("stillads fortov Nørrebrogade facade tilladelse vejareal " * (n_bytes // 56 + 1))[:n_bytes]
        msg.add_attachment(words.encode(), maintype="text", subtype="plain", filename="beskrivelse.txt")
    else:
        msg.add_attachment(os.urandom(n_bytes), maintype="application", subtype="octet-stream", filename="scan.bin")
    return msg.as_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--kind", choices=["text", "binary"], default="binary")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="dbgrowth-"))
    settings = load_settings(env={"INTAKE_DATA_DIR": str(data)})
    engine = open_database(settings.database_url)
    assert settings.maildir is not None
    box = MaildirMailbox(settings.maildir)
    db = data / "intake.db"
    before = db.stat().st_size
    raw = build(int(args.mb * 1_000_000 * (0.74 if args.kind == "binary" else 1)), args.kind)
    box.deliver(raw)
    (outcome,) = Runner(build_context(settings), engine, box).process_batch()
    grew = db.stat().st_size - before
    print(f"message {len(raw) / 1e6:.1f} MB -> {outcome.outcome}; database +{grew / 1e6:.1f} MB "
          f"({grew / len(raw):.2f} x the message)")
    with engine.connect() as conn:
        for table, column in COLUMNS:
            try:
                n = conn.execute(text(f'SELECT coalesce(sum(length("{column}")), 0) FROM "{table}"')).scalar()
            except Exception:  # noqa: BLE001 - a column this version does not have
                continue
            print(f"  {table}.{column}: {int(n or 0) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
