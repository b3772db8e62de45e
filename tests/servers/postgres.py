"""A throwaway PostgreSQL cluster for the tests: initdb into a temporary directory, a free port.

Once per test session (``postgres_server`` in tests/conftest.py); ``pg_url``
makes a fresh database in it per test. Also used by ``bench/bench_e2e.py``.
"""
from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.servers.base import ServerError, free_port

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
PG_OS_USER = "postgres"  # PostgreSQL refuses to run as root; Debian's package creates this user
PG_SUPERUSER = "postgres"  # the database role initdb creates


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin directory (Debian's layout), or None."""
    candidates = [Path(p) for p in glob.glob(PG_BIN_GLOB) if os.access(Path(p) / "initdb", os.X_OK)]
    if not candidates:
        return None
    return max(candidates, key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)


def _pg_os_user() -> str | None:
    """The OS user the cluster runs as: ``postgres`` when we are root, else ourselves (None)."""
    return PG_OS_USER if os.geteuid() == 0 else None


def postgres_missing() -> str | None:
    """Why a private PostgreSQL cannot run here, or None when it can."""
    try:
        import psycopg  # noqa: F401 - only whether it is installed
    except ImportError:
        return "psycopg not installed"
    if postgres_bin_dir() is None:
        return f"no PostgreSQL server under {PG_BIN_GLOB} (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(PG_OS_USER)
        except KeyError:
            return f"PostgreSQL refuses root and there is no {PG_OS_USER!r} user to run it as"
    return None


@dataclass
class PostgresServer:
    """A throwaway PostgreSQL cluster on loopback: trust auth, its unix socket in its own directory.

    Runs as the ``postgres`` OS user when we are root (PostgreSQL refuses root),
    else as ourselves. Durability is switched off (unless ``durable``): the data dies with the test run.
    """

    root: Path
    bin_dir: Path
    os_user: str | None = None
    durable: bool = False  # a production's settings (fsync, synchronous commit) for benches; tests go without
    host: str = "127.0.0.1"
    port: int = 0
    _process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_path(self) -> Path:
        return self.root / "postgres.log"

    @property
    def admin_url(self) -> str:
        """libpq URL of the maintenance database, for CREATE/DROP DATABASE."""
        return f"postgresql://{PG_SUPERUSER}@{self.host}:{self.port}/postgres"

    def url(self, database: str) -> str:
        """SQLAlchemy URL (psycopg 3) of a database in this cluster."""
        return f"postgresql+psycopg://{PG_SUPERUSER}@{self.host}:{self.port}/{database}"

    def start(self) -> PostgresServer:
        if not self.port:
            self.port = free_port()
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb()
        fast = [] if self.durable else ["-c", "fsync=off", "-c", "synchronous_commit=off",
                                        "-c", "full_page_writes=off"]
        options = ["-p", str(self.port), "-h", self.host, "-k", str(self.root), *fast, "-c", "max_connections=200"]
        with open(self.log_path, "ab") as log:
            self._process = subprocess.Popen(
                [str(self.bin_dir / "postgres"), "-D", str(self.data_dir), *options],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, user=self.os_user,
            )
        try:
            self._wait_until_ready()
        except ServerError as error:
            self.stop()
            raise ServerError(f"postgres did not start: {error}\n{self.log_tail()}") from error
        return self

    def _initdb(self) -> None:
        command = [str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", PG_SUPERUSER,
                   "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"]
        result = subprocess.run(command, capture_output=True, user=self.os_user, timeout=120, check=False)
        if result.returncode != 0:
            output = (result.stdout + result.stderr).decode(errors="replace").strip()
            raise ServerError(f"initdb failed ({result.returncode}): {output[-2000:]}")

    def _wait_until_ready(self, timeout: float = 30.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            if self._process is not None and self._process.poll() is not None:
                raise ServerError(f"postgres exited with {self._process.returncode}")
            try:
                with psycopg.connect(self.admin_url, connect_timeout=2):
                    return
            except psycopg.OperationalError as error:
                if time.monotonic() > deadline:
                    raise ServerError(f"not accepting connections after {timeout}s: {error}") from error
                time.sleep(0.1)

    def stop(self) -> None:
        """Fast shutdown (SIGINT): roll back open transactions, end every connection."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def create_database(self) -> str:
        """Create an empty database ``intake_test_<random>``; returns its name."""
        import psycopg

        name = f"intake_test_{secrets.token_hex(6)}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_postgres(*, durable: bool = False) -> PostgresServer:
    """A new private cluster in a temporary directory owned by the user it runs as. Raises ServerError.

    ``durable``: with PostgreSQL's own defaults for durability (every commit flushed to disk), as a
    production runs, for benches; tests run without (the data dies with the run)."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise ServerError(f"no PostgreSQL server under {PG_BIN_GLOB}")
    root = Path(tempfile.mkdtemp(prefix="intake-postgres-"))
    os_user = _pg_os_user()
    if os_user is not None:
        shutil.chown(root, os_user, os_user)
    server = PostgresServer(root=root, bin_dir=bin_dir, os_user=os_user, durable=durable)
    try:
        return server.start()
    except ServerError:
        shutil.rmtree(root, ignore_errors=True)
        raise


def remove_postgres(server: PostgresServer) -> None:
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)
