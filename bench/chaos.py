"""Chaos: applications through real Dovecot, SMTP and PostgreSQL while the service is killed (not a test).

``intake serve`` runs against a Dovecot inbox holding N applications with PDF or
Word attachments, an aiosmtpd relay and a fresh database in a private PostgreSQL
cluster (tests/servers). Meanwhile: SIGKILLs at random moments (one in four
aimed at start-up: imports and loading the model; the others at work in
progress), each followed by a restart; Dovecot restarted twice; the relay refusing us
(``554 5.7.1`` to MAIL FROM) for two minutes. When every application has been
answered (or the time is up) it prints: cases, acknowledged applicants,
duplicates (extra cases + extra acknowledgements), valid messages quarantined,
mail given up. Goal: N, N, 0, 0, 0.

Usage: nice python3 bench/chaos.py [--messages 500] [--kills 20] [--refuse-seconds 120] [--seed 1]
       [--timeout 5400] [--sqlite]
"""
from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import Session, func, select  # noqa: E402

from classifier import load_active  # noqa: E402
from models import Case, InboundMessage, OutboxMail  # noqa: E402
from models.db import open_database  # noqa: E402
from tests.e2e.builders import oil_tank_pdf_en, sign_docx_da  # noqa: E402
from tests.e2e.conftest import service_env, subprocess_env  # noqa: E402
from tests.servers import SmtpSink, real_servers  # noqa: E402

STARTED = "intake service started"


class Service:
    """``intake serve`` as a subprocess, restarted after every kill; its output in one log file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env, self.log_path = subprocess_env(env), log_path
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self._mark = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "intake", "serve"], env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        self.starts += 1

    @property
    def started(self) -> bool:
        """Whether this run has logged that start-up is over."""
        with open(self.log_path, "rb") as log:
            log.seek(self._mark)
            return STARTED.encode() in log.read()

    def kill(self) -> bool:
        """SIGKILL; returns whether it hit start-up."""
        assert self.proc is not None
        during_startup = not self.started
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        return during_startup

    def stop(self) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


def deliver(dovecot, n: int) -> None:
    builders = (oil_tank_pdf_en, sign_docx_da)
    with dovecot.client() as client:
        for i in range(n):
            client.append("INBOX", builders[i % 2](f"Firma {i} <kontakt@chaos{i}.dk>").as_bytes())


def applicants_answered(sink: SmtpSink, n: int) -> Counter:
    wanted = {f"kontakt@chaos{i}.dk" for i in range(n)}
    return Counter(r.lower() for m in list(sink.messages) for r in m.rcpt_tos if r.lower() in wanted)


def settled(engine, sink: SmtpSink, n: int, dovecot) -> bool:
    if len(applicants_answered(sink, n)) < n:
        return False
    with Session(engine) as s:
        open_mail = s.exec(select(func.count()).select_from(OutboxMail)
                           .where(OutboxMail.status.in_(("pending", "sending", "resending")))).one()  # type: ignore[attr-defined]
    try:
        return open_mail == 0 and dovecot.folder_uids("INBOX") == []
    except Exception:  # noqa: BLE001 - Dovecot may be restarting
        return False


class Chaos:
    """The schedule of trouble, run in a thread beside the supervisor."""

    def __init__(self, args: argparse.Namespace, service: Service, dovecot, sink: SmtpSink) -> None:
        self.args, self.service, self.dovecot, self.sink = args, service, dovecot, sink
        self.rng = random.Random(args.seed)
        self.kills = self.startup_kills = self.dovecot_restarts = 0
        self.refused_for = 0.0
        self.done = threading.Event()
        self.lock = threading.Lock()

    def kill_once(self) -> None:
        # one kill in four aims at start-up (imports, loading the model), the others at work in progress
        if self.kills % 4:
            while not self.service.started and not self.done.wait(0.5):
                pass
        delay = self.rng.uniform(0.5, 6.0) if self.kills % 4 == 0 else self.rng.uniform(2.0, self.args.kill_gap)
        if self.done.wait(delay):
            return
        with self.lock:
            self.startup_kills += self.service.kill()
            self.kills += 1
            self.service.start()

    def refuse_relay(self) -> None:
        self.sink.refuse_sender("554 5.7.1 <chaos>: Sender address rejected: chaos")
        start = time.monotonic()
        self.done.wait(self.args.refuse_seconds)
        self.sink.accept_all()
        self.refused_for = time.monotonic() - start

    def run(self) -> None:
        restart_at = sorted(self.rng.sample(range(2, max(4, self.args.kills)), 2))
        refuse_at = 1  # early, while mail flows
        for k in range(self.args.kills):
            if self.done.is_set():
                return
            if k in restart_at:
                self.dovecot.restart()
                self.dovecot_restarts += 1
            if k == refuse_at:
                threading.Thread(target=self.refuse_relay, daemon=True).start()
            self.kill_once()


def report(engine, sink: SmtpSink, n: int, chaos: Chaos, elapsed: float, finished: bool) -> None:
    with Session(engine) as s:
        cases = s.exec(select(Case.sender)).all()
        quarantined = s.exec(select(func.count()).select_from(InboundMessage)
                             .where(InboundMessage.status == "quarantined")).one()
        given_up = s.exec(select(func.count()).select_from(OutboxMail).where(OutboxMail.status == "failed")).one()
    acks = applicants_answered(sink, n)
    received = list(sink.messages)
    by_id = Counter((m.message["Message-ID"], m.rcpt_tos) for m in received)
    repeats = sum(by_id.values()) - len(by_id)
    alerts = sum(1 for m in received if "drift@kk.example" in m.rcpt_tos)
    extra_cases = len(cases) - len(set(cases))
    extra_acks = sum(acks.values()) - len(acks)
    print(f"chaos: {n} messages, {chaos.kills} SIGKILLs ({chaos.startup_kills} during start-up), "
          f"{chaos.dovecot_restarts} Dovecot restarts, relay refusing for {chaos.refused_for:.0f} s, "
          f"{'finished' if finished else 'TIMED OUT'} after {elapsed:.0f} s")
    print(f"cases {len(cases)}, acks {len(acks)}, duplicates {extra_cases + extra_acks} "
          f"({extra_cases} cases, {extra_acks} acknowledgements), valid messages quarantined {quarantined}, "
          f"mail given up {given_up}  (goal {n}, {n}, 0, 0, 0)")
    print(f"mails received by the relay {len(received)}, of which repeats of a mail already taken (same "
          f"Message-ID and recipient, a kill between 250 and our commit) {repeats}, operator alerts {alerts}, "
          f"MAIL FROM refused while the relay refused us {sink.refused_senders}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--kill-gap", type=float, default=40.0, help="longest wait after start-up before a kill (s)")
    parser.add_argument("--refuse-seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=5400.0)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="chaos-"))
    with real_servers(tmp, postgresql=not args.sqlite) as servers:
        dovecot, sink, postgres = servers.dovecot, servers.sink, servers.postgres
        service: Service | None = None
        chaos: Chaos | None = None
        try:
            url = f"sqlite:///{tmp / 'intake.db'}" if postgres is None else postgres.url(postgres.create_database())
            load_active(tmp / "models")  # trained once here, so that start-up is imports and loading the model
            env = service_env(tmp / "run", dovecot, sink, url, tmp / "models")
            # batches of 10 so that mail is sent between the kills, not only after them
            env.update({"INTAKE_OUTBOX_RETRY_BASE": "5", "INTAKE_OUTBOX_SEND_LEASE": "60", "INTAKE_BATCH_SIZE": "10",
                        "INTAKE_OPERATOR_ADDRESSES": "drift@kk.example"})
            deliver(dovecot, args.messages)
            service = Service(env, tmp / "service.log")
            engine = open_database(url)
            start = time.monotonic()
            service.start()
            chaos = Chaos(args, service, dovecot, sink)
            thread = threading.Thread(target=chaos.run, daemon=True)
            thread.start()
            finished = False
            while time.monotonic() - start < args.timeout:
                time.sleep(5)
                with chaos.lock:
                    if service.proc is not None and service.proc.poll() is not None:
                        print(f"service exited by itself ({service.proc.returncode}); restarting", flush=True)
                        service.start()
                if not thread.is_alive() and settled(engine, sink, args.messages, dovecot):
                    finished = True
                    break
            chaos.done.set()
            thread.join(timeout=180)
            report(engine, sink, args.messages, chaos, time.monotonic() - start, finished)
            print(f"service log: {service.log_path}")
        finally:
            if chaos is not None:
                chaos.done.set()
                with chaos.lock:  # no restart after this
                    if service is not None:
                        service.stop()

if __name__ == "__main__":
    main()
