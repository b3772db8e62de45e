"""Reading attachments in worker processes with a time and memory limit.

Each worker is forked from a forkserver that has already imported the readers,
so a replacement costs milliseconds, not an interpreter start. A worker sets
``RLIMIT_AS`` on itself and then serves jobs over a pipe; the parent waits at
most ``timeout_s`` for an answer. A worker that times out is killed and
replaced (reason "timeout"); one that dies (a C library aborting when memory
runs out, a segfault) is replaced too (reason "too_large" or "corrupt").
Workers are also recycled after ``jobs_per_worker`` jobs, so leaks in the
C libraries do not pile up.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import resource
import signal
import threading
import time
from dataclasses import dataclass

from intake.attachments.errors import WorkerError
from intake.attachments.limits import Limits
from intake.attachments.result import AttachmentResult, refusal
from intake.attachments.sniff import safe_filename

log = logging.getLogger(__name__)

PRELOAD = ["intake.attachments.preload"]
_DIED_OF_MEMORY = {-signal.SIGABRT, -signal.SIGKILL, -signal.SIGBUS, 1}


@dataclass(frozen=True)
class _Job:
    filename: str
    declared_type: str
    data: bytes


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _serve(conn, limits: Limits) -> None:
    """The worker's loop: limit ourselves, then read jobs until the pipe closes."""
    memory = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    from intake.attachments.extract import extract_in_process

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(extract_in_process(job.filename, job.declared_type, job.data, limits))


class _Worker:
    """One worker process and our end of its pipe."""

    def __init__(self, limits: Limits):
        context = _context()
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, limits), daemon=True,
                                       name="attachment-worker")
        try:
            self.process.start()
        except OSError as err:
            raise WorkerError("cannot start an attachment worker") from err
        child.close()
        self.jobs = 0

    def run(self, job: _Job, timeout: float) -> AttachmentResult | str:
        """The result, or a reason code when the worker timed out or died."""
        self.jobs += 1
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout):
                return "timeout"
            return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.process.join(1)
            code = self.process.exitcode
            log.warning("attachment worker died", extra={"exit_code": code})
            return "too_large" if code in _DIED_OF_MEMORY else "corrupt"

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        """End the worker: close the pipe, then kill it if it lingers."""
        self.conn.close()
        self.process.join(0.2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


class Sandbox:
    """A pool of sandboxed workers; ``extract`` is safe to call from several threads."""

    def __init__(self, limits: Limits = Limits(), workers: int = 1):
        self.limits = limits
        self._size = max(1, workers)
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(self._size):
            self._idle.put(None)          # started on first use
        self._closed = False

    def extract(self, filename: str, declared_type: str, data: bytes,
                timeout: float | None = None) -> AttachmentResult:
        """Read one attachment in a worker; never raises for bad input.

        ``timeout`` (what is left of the message's budget) shortens the wait below
        ``limits.timeout_s``; a worker stopped by it answers "time_budget".
        """
        name = safe_filename(filename)
        if not data or len(data) > self.limits.max_bytes:
            reason = "empty" if not data else "too_large"
            return refusal(name, declared_type, "unknown", reason, len(data))
        worker = self._idle.get()
        started = time.monotonic()
        try:
            worker = worker if worker is not None and worker.alive() else _Worker(self.limits)
            wait = self.limits.timeout_s if timeout is None else max(0.0, min(timeout, self.limits.timeout_s))
            outcome = worker.run(_Job(filename, declared_type, data), wait)
            if outcome == "timeout" and wait < self.limits.timeout_s:
                outcome = "time_budget"
        except WorkerError:
            log.exception("attachment worker could not start")
            self._idle.put(None)
            return refusal(name, declared_type, "unknown", "internal_error", len(data))
        if isinstance(outcome, str) or worker.jobs >= self.limits.jobs_per_worker:
            worker.stop()
            worker = None
        self._idle.put(worker)
        log.debug("attachment read in %.3f s", time.monotonic() - started)
        if isinstance(outcome, str):
            log.info("attachment refused by the sandbox", extra={"reason": outcome})
            return refusal(name, declared_type, "unknown", outcome, len(data))
        return outcome

    @property
    def workers(self) -> int:
        return self._size

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Stop all workers (idle ones now; busy ones are not waited for)."""
        self._closed = True
        for _ in range(self._size):
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            if worker is not None:
                worker.stop()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_default: Sandbox | None = None
_default_lock = threading.Lock()


def default_sandbox() -> Sandbox:
    """The process-wide sandbox (two workers, default limits), created on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Sandbox(Limits(), workers=2)
        return _default


def configure(limits: Limits, workers: int = 2) -> Sandbox:
    """Make the process-wide sandbox read within ``limits`` (from the settings, see ``intake.app``).

    A sandbox that already has these limits and workers is kept, so that
    building the context again does not restart warm workers; otherwise the
    old one is closed and replaced.
    """
    global _default
    with _default_lock:
        if _default is not None and not _default.closed and (_default.limits, _default.workers) == (limits, workers):
            return _default
        if _default is not None:
            _default.close()
        _default = Sandbox(limits, workers)
        return _default
