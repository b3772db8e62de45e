"""Many workers, side by side, on PostgreSQL with the real Dovecot and SMTP fixtures (prints figures; not a test).

1. Throughput: N applications put into the inbox, then W ``intake process --once`` workers at once
   (W = 1, 2, 4), for text applications and for a mix where a third carry a scanned PDF (OCR).
   Messages per minute, the speed-up over one worker, and a check of exactly once (cases = N).
   With ``--repeat R``, R rounds of 1, 2 and 4 workers one after another: the medians of each count, and
   the median of the rounds' speed-ups (each taken within its round).
2. Steady load: W ``intake serve`` workers; applications arrive at a steady rate (default 5/s for
   120 s); latency from delivery into Dovecot to the acknowledgement at the SMTP server, p50/p95.
3. Growth: the cost per message with 1,000 and with 100,000 cases already in the database
   (one worker, text applications, first new case to last, ``--repeat`` runs each, the sizes in turn), and
   ``intake case list`` at that size.
4. A projection of the machines a desk with 5,000 applications a day (a third scanned) needs.

With ``--durable`` PostgreSQL and Dovecot flush every commit to disk as a production's do (the test
fixtures run with fsync off).

Usage: python3 bench/bench_workers.py [--messages N] [--workers 1,2,4] [--repeat 3] [--rate R --seconds S]
                                      [--growth 1000,100000] [--skip-scanned] [--skip-steady] [--durable]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlmodel import Session, col, func, select  # noqa: E402

from classifier import load_active  # noqa: E402
from models import Case, CasePart, InboundMessage  # noqa: E402
from models.db import make_engine, migrate  # noqa: E402
from tests.e2e.builders import _base, scaffolding_da  # noqa: E402
from tests.e2e.conftest import service_env, subprocess_env  # noqa: E402
from tests.intake.attachments.builders import scanned_pdf  # noqa: E402
from tests.servers import real_servers  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def scanned_application(i: int) -> bytes:
    msg = _base(f"Firma {i} <kontakt@scan{i}.dk>", "Ansøgning om udeservering", "Se vedhæftede scanning.\n")
    msg.add_attachment(scanned_pdf(["Ansøgning om udeservering", f"Café Nummer {i} ApS", "Jagtvej 77, 2200",
                                    "Periode 1. maj til 30. september, 12 m2 fortov"]),
                       maintype="application", subtype="pdf", filename="ansøgning.pdf")
    return msg.as_bytes()


def applications(n: int, scanned: bool, tag: str) -> list[bytes]:
    return [scanned_application(i) if scanned and i % 3 == 0
            else scaffolding_da(f"Firma {i} <kontakt@{tag}{i}.dk>", n=i).as_bytes() for i in range(n)]


def fill_inbox(dovecot, raws: list[bytes]) -> None:
    with dovecot.client() as client:
        for raw in raws:
            client.append("INBOX", raw)


def count_cases(url: str) -> int:
    engine = make_engine(url)
    with Session(engine) as s:
        n = s.exec(select(func.count()).select_from(Case)).one()
    engine.dispose()
    return n


def steady_rate(url: str, since: datetime | None = None) -> float:
    """Messages a minute between the first case and the last (the workers' start-up left out); ``since``: only
    the cases made since then."""
    engine = make_engine(url)
    with Session(engine) as s:
        query = select(func.min(Case.created_at), func.max(Case.created_at), func.count()).select_from(Case)
        if since is not None:
            query = query.where(col(Case.created_at) >= since)
        first, last, n = s.exec(query).one()
    engine.dispose()
    return (n - 1) / max((last - first).total_seconds(), 1e-6) * 60


def run_workers(env: dict[str, str], workers: int) -> float:
    # Each worker's log goes to a file: a pipe read one worker at a time fills up (64 KiB) and blocks the
    # other worker in the middle of a transaction, and with it every worker waiting for that row.
    logs = [tempfile.TemporaryFile() for _ in range(workers)]
    start = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "intake", "process", "--once"], env=subprocess_env(env),
                              stdout=subprocess.DEVNULL, stderr=log) for log in logs]
    for proc, log in zip(procs, logs, strict=True):
        proc.wait()
        if proc.returncode != 0:
            log.seek(0)
            raise SystemExit(log.read().decode(errors="replace")[-2000:])
    return time.monotonic() - start


def throughput(tmp: Path, dovecot, sink, postgres, models: Path, n: int, workers: int,
               scanned: bool) -> tuple[float, float]:
    dovecot.reset()
    url = postgres.url(postgres.create_database())
    env = service_env(tmp / f"thr-{workers}-{scanned}", dovecot, sink, url, models)
    migrate_first(url)
    fill_inbox(dovecot, applications(n, scanned, f"w{workers}"))
    elapsed = run_workers(env, workers)
    made = count_cases(url)
    if made != n:
        raise SystemExit(f"exactly once broken: {made} cases from {n} applications")
    return n / elapsed * 60, steady_rate(url)


def migrate_first(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()


class AckClock:
    """Stamps the arrival of each mail at the sink (polled every 20 ms)."""

    def __init__(self, sink) -> None:
        self.sink, self.seen = sink, 0
        self.arrived: dict[str, float] = {}
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop:
            messages = self.sink.messages
            for message in messages[self.seen:]:
                for rcpt in message.rcpt_tos:
                    self.arrived.setdefault(rcpt, time.monotonic())
            self.seen = len(messages)
            time.sleep(0.02)


def steady(tmp: Path, dovecot, sink, postgres, models: Path, workers: int, rate: float, seconds: float) -> list[float]:
    dovecot.reset()
    sink.clear()
    url = postgres.url(postgres.create_database())
    migrate_first(url)
    env = service_env(tmp / f"steady-{workers}", dovecot, sink, url, models)
    procs = [subprocess.Popen([sys.executable, "-m", "intake", "serve"], env=subprocess_env(env),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
    clock = AckClock(sink)
    try:
        time.sleep(20)  # the services load the model and connect
        sent: dict[str, float] = {}
        count = int(rate * seconds)
        start = time.monotonic()
        with dovecot.client() as client:
            for i in range(count):
                due = start + i / rate
                time.sleep(max(0.0, due - time.monotonic()))
                address = f"kontakt@steady{i}.dk"
                client.append("INBOX", scaffolding_da(f"Firma {i} <{address}>", n=i).as_bytes())
                sent[address] = time.monotonic()
        deadline = time.monotonic() + 120
        while len([a for a in sent if a in clock.arrived]) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return [clock.arrived[a] - t for a, t in sent.items() if a in clock.arrived]
    finally:
        clock.stop = True
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=120)


def _row(obj) -> dict:
    """A table object as the column values of one bulk insert (its defaults filled in)."""
    values = obj.model_dump()
    values.pop("id", None)
    return values


def prefill(url: str, cases: int) -> None:
    """``cases`` decided cases with one part and one message each, written in bulk."""
    engine = make_engine(url)
    migrate(engine)
    now = datetime.now(UTC)
    chunk = 5000
    with engine.begin() as conn:
        for start in range(0, cases, chunk):
            rows = range(start, min(cases, start + chunk))
            conn.execute(insert(InboundMessage), [_row(InboundMessage(
                source="bench:prefill", uidvalidity=1, uid=str(i), sha256=f"{i:064x}", received_at=now,
                status="done", outcome="case", raw=b"x", attempts=1)) for i in rows])
            conn.execute(insert(Case), [_row(Case(
                reference=f"PRE-2026-{i:06d}", received_at=now - timedelta(days=i % 300), subject="s",
                sender=f"a{i}@firma{i}.dk", sender_domain=f"firma{i}.dk", task_type="vejareal",
                task_types='["vejareal"]', office="trafik", offices='["trafik"]', status="decided",
                decision="approved", applicant_email=f"a{i}@firma{i}.dk", reply_email=f"a{i}@firma{i}.dk"))
                for i in rows])
        found = conn.execute(select(Case.reference, Case.id).where(col(Case.reference).startswith("PRE-")))
        ids: dict[str, int] = {row[0]: row[1] for row in found.all()}
        parts = [_row(CasePart(case_id=ids[f"PRE-2026-{i:06d}"], task_type="vejareal", office="trafik",
                               goal_value=10, goal_unit="working_days",
                               due_date=(now + timedelta(days=i % 60 - 30)).date(), expected_week="2026-W50",
                               status="decided" if i % 4 else "routed")) for i in range(cases)]
        for start in range(0, cases, chunk):
            conn.execute(insert(CasePart), parts[start:start + chunk])
    # A database that grew over months has been vacuumed and analysed by autovacuum as it went; one filled in
    # a minute has not, and autovacuum would work through it during the measurement that follows.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()


def growth(tmp: Path, dovecot, sink, postgres, models: Path, sizes: list[int], n: int,
           repeat: int) -> dict[int, tuple[list[float], float]]:
    """Per size of the history: milliseconds per message with that many cases already stored (one worker;
    ``repeat`` runs of ``n``) and ``intake case list`` at that size (the median of five).

    Every database is filled first; then the runs alternate between the sizes (1,000, 100,000, 1,000, ...), so
    that the shared machine's drift weighs on each size alike, as the throughput rounds do. A run's cost is the
    time between its first and its last new case over the cases between: the worker's start-up (loading the
    model, about as long as 50 messages) is left out, as in the throughput figures.
    """
    dovecot.reset()
    envs = {}
    for size in sizes:
        url = postgres.url(postgres.create_database())
        prefill(url, size)
        envs[size] = (url, service_env(tmp / f"growth-{size}", dovecot, sink, url, models))
    costs: dict[int, list[float]] = {size: [] for size in sizes}
    for run in range(repeat):
        for size in sizes:
            url, env = envs[size]
            fill_inbox(dovecot, applications(n, False, f"g{size}-{run}-"))
            started = datetime.now(UTC)
            run_workers(env, 1)
            costs[size].append(60_000 / steady_rate(url, since=started))
    listed: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(5):  # the median of five: the command's start-up is most of it, and the machine is shared
        for size in sizes:
            start = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "intake", "case", "list"], env=subprocess_env(envs[size][1]),
                                  capture_output=True)
            listed[size].append(time.monotonic() - start)
            if done.returncode != 0:
                raise SystemExit(done.stderr.decode(errors="replace")[-2000:])
    return {size: (costs[size], statistics.median(listed[size])) for size in sizes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--growth", default="1000,100000")
    parser.add_argument("--growth-messages", type=int, default=200)
    parser.add_argument("--skip-scanned", action="store_true")
    parser.add_argument("--skip-steady", action="store_true")
    parser.add_argument("--durable", action="store_true",
                        help="PostgreSQL and Dovecot flush every commit to disk, as in a production (the test "
                             "fixtures' default is without: fsync off)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each throughput and growth figure (the median is shown)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    with real_servers(tmp, postgresql=True, durable=args.durable) as servers:
        dovecot, sink, postgres = servers.dovecot, servers.sink, servers.postgres
        models = tmp / "models"
        load_active(models)
        rates: dict[tuple[int, bool], float] = {}
        counts = [int(w) for w in args.workers.split(",") if w]
        for scanned in (False,) if args.skip_scanned else (False, True):
            what = "a third with a scanned PDF" if scanned else "text applications"
            # Rounds of 1, 2, 4 workers one after another (not all runs of one count, then the next), so that the
            # shared machine's drift weighs on every count alike; each round's speed-up is taken within the round.
            runs: dict[int, list[tuple[float, float]]] = {w: [] for w in counts}
            for _ in range(args.repeat):
                for workers in counts:
                    runs[workers].append(throughput(tmp, dovecot, sink, postgres, models, args.messages, workers,
                                                    scanned))
            for workers in counts:
                wall = statistics.median(w for w, _ in runs[workers])
                rate = statistics.median(r for _, r in runs[workers])
                if args.repeat > 1:
                    print(f"  runs, {what}, {workers} worker(s): "
                          + ", ".join(f"{r:.0f}" for _, r in runs[workers]) + " messages/minute", flush=True)
                rates[(workers, scanned)] = rate
                ratio = ""
                if workers > 1 and 1 in runs:
                    per_round = [r / one for (_, r), (_, one) in zip(runs[workers], runs[1], strict=True)]
                    ratio = (f", {statistics.median(per_round):.2f} x one worker (rounds: "
                             + ", ".join(f"{x:.2f}" for x in per_round) + ")")
                print(f"throughput, {what}, {args.messages} messages, {workers} worker(s): {rate:.0f} messages/minute "
                      f"from the first case to the last{ratio} ({wall:.0f}/minute with the workers' start-up)",
                      flush=True)
        if not args.skip_steady:
            times = steady(tmp, dovecot, sink, postgres, models, 2, args.rate, args.seconds)
            expected = int(args.rate * args.seconds)
            print(f"steady load, {args.rate:g}/s for {args.seconds:g} s, 2 serve workers: {len(times)}/{expected} "
                  f"acknowledged; latency p50 {statistics.median(times):.2f} s, p95 {percentile(times, 95):.2f} s",
                  flush=True)
        sizes = sorted(int(s) for s in args.growth.split(",") if s)
        grown = growth(tmp, dovecot, sink, postgres, models, sizes, args.growth_messages, args.repeat) if sizes else {}
        for size, (per_run, list_s) in grown.items():
            print(f"growth, {size:,} cases in the database: {statistics.median(per_run):.1f} ms per message (1 worker; "
                  + ", ".join(f"{r:.1f}" for r in per_run) + f"), `intake case list` {list_s:.2f} s (median of 5)",
                  flush=True)
        if len(sizes) > 1:
            small, large = grown[sizes[0]][0], grown[sizes[-1]][0]
            per_round = [b / a for a, b in zip(small, large, strict=True)]
            print(f"growth, cost per message at {sizes[-1]:,} vs {sizes[0]:,} cases: "
                  f"{statistics.median(large) / statistics.median(small):.2f} x (rounds, each size run in turn: "
                  + ", ".join(f"{r:.2f}" for r in per_round) + f"; their median {statistics.median(per_round):.2f} x)",
                  flush=True)
        text, scan = rates.get((2, False)), rates.get((2, True))
        if text and scan:
            # 5,000 a day, a third scanned; the busiest hour carries a fifth of the day (Monday morning).
            peak = 5000 / 5 / 60
            scanned_share = 1 / 3
            # the mixed rate already holds a third scanned: minutes of two workers per minute of peak
            per_machine = scan  # messages/minute of one 2-core machine with two workers, on the mix
            print(f"projection: 5,000 applications a day, a third scanned, the busiest hour a fifth of the day "
                  f"= {peak:.1f} messages/minute; one 2-core machine with 2 workers does {per_machine:.0f}/minute "
                  f"on that mix ({scanned_share:.0%} scanned) -> {max(1, -(-peak // per_machine)):.0f} machine(s) "
                  f"at the peak, {peak / per_machine:.0%} of one machine busy", flush=True)


if __name__ == "__main__":
    main()
