"""End-to-end figures against a real Dovecot and a real SMTP server (not a test; prints numbers).

1. Latency: `intake serve` runs (IMAP IDLE); one application at a time is delivered
   into Dovecot with swaks over LMTP, and the time until its acknowledgement arrives at
   the SMTP server is measured. Median and p95 over N messages (default 50).
2. Throughput: a batch of applications with PDF and Word attachments (default 500)
   is put into the inbox, then `intake process --once` runs; messages per minute and
   the peak memory of the service process (and of its largest attachment worker).

Usage: python3 bench/bench_e2e.py [--latency N] [--batch N] [--database URL | --postgresql]

The database is SQLite in a temporary folder unless ``--database`` names one;
``--postgresql`` uses a fresh database in a private PostgreSQL cluster, started the
same way as for the tests (tests/servers/postgres.py).
"""
from __future__ import annotations

import argparse
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier import load_active  # noqa: E402
from tests.e2e.builders import oil_tank_pdf_en, scaffolding_da, sign_docx_da  # noqa: E402
from tests.e2e.conftest import service_env, subprocess_env  # noqa: E402
from tests.servers import PostgresServer, real_servers  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def wait_for_log(proc: subprocess.Popen, needle: str, timeout: float = 180) -> None:
    assert proc.stdout is not None, "started with stdout=PIPE"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline().decode(errors="replace")
        if needle in line:
            return
        if not line and proc.poll() is not None:
            break
    raise SystemExit(f"service did not start ({needle!r} not seen)")


def latency(env: dict[str, str], dovecot, sink, n: int) -> list[float]:
    proc = subprocess.Popen([sys.executable, "-m", "intake", "serve"], env=subprocess_env(env),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_for_log(proc, "intake service started")
        # drain the log in the background so the pipe never fills up
        subprocess.Popen(["cat"], stdin=proc.stdout, stdout=subprocess.DEVNULL)
        time.sleep(1)
        times = []
        for i in range(n):
            before = len(sink.messages)
            msg = scaffolding_da(f"Firma {i} <kontakt@latency{i}.dk>", n=i)
            start = time.monotonic()
            dovecot.deliver(msg.as_bytes())
            sink.wait_for(before + 2, timeout=60)  # acknowledgement + routed case
            times.append(time.monotonic() - start)
        return times
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)


def throughput(env: dict[str, str], dovecot, sink, n: int) -> tuple[float, float, float]:
    builders = (scaffolding_da, oil_tank_pdf_en, sign_docx_da)
    raws = []
    for i in range(n):
        build = builders[i % 3]
        raws.append(build(f"Firma {i} <kontakt@batch{i}.dk>").as_bytes())
    with dovecot.client() as client:
        for raw in raws:
            client.append("INBOX", raw)
    before = len(sink.messages)
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "intake", "process", "--once"], env=subprocess_env(env),
                          capture_output=True)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.decode(errors="replace")[-2000:])
    sink.wait_for(before + 2 * n, timeout=120)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, n / elapsed * 60, peak_mb


def database_url(args: argparse.Namespace, postgres: PostgresServer | None, sqlite_path: Path) -> str:
    """The database of one measurement: the one given, a fresh PostgreSQL database, or SQLite."""
    if postgres is not None:
        return postgres.url(postgres.create_database())
    return args.database or f"sqlite:///{sqlite_path}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=int, default=50)
    parser.add_argument("--batch", type=int, default=500)
    database = parser.add_mutually_exclusive_group()
    database.add_argument("--database", default="", help="SQLAlchemy URL of an existing, empty database")
    database.add_argument("--postgresql", action="store_true", help="a fresh database in a private PostgreSQL")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    with real_servers(tmp, postgresql=args.postgresql) as servers:
        dovecot, sink, postgres = servers.dovecot, servers.sink, servers.postgres
        models = tmp / "models"
        load_active(models)
        if args.latency:
            env = service_env(tmp / "lat", dovecot, sink, database_url(args, postgres, tmp / "lat.db"), models)
            times = latency(env, dovecot, sink, args.latency)
            print(f"latency, delivery into Dovecot -> acknowledgement at SMTP, n={len(times)}: "
                  f"median {statistics.median(times):.2f} s, p95 {percentile(times, 95):.2f} s, "
                  f"max {max(times):.2f} s")
        if args.batch:
            dovecot.reset()
            env = service_env(tmp / "thr", dovecot, sink, database_url(args, postgres, tmp / "thr.db"), models)
            elapsed, per_minute, peak = throughput(env, dovecot, sink, args.batch)
            print(f"throughput, {args.batch} applications (1/3 PDF, 1/3 DOCX, 1/3 body only): "
                  f"{elapsed:.1f} s, {per_minute:.0f} messages/minute, peak RSS of the largest "
                  f"child process {peak:.0f} MB")


if __name__ == "__main__":
    main()
