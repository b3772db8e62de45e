"""A test hook for crash safety: SIGKILL the process at a named point.

Set ``INTAKE_TEST_CRASH_AT=<point>:<n>`` to kill the process the n-th time it
passes ``<point>``. Points: ``after_record`` (message recorded as being
processed), ``before_commit``, ``after_commit`` (case committed, message not
yet moved), ``after_move``, ``after_send`` (SMTP accepted, not yet marked
sent). Unset, this costs one dictionary lookup.
"""
from __future__ import annotations

import os
import signal

_counts: dict[str, int] = {}


def crash_point(name: str) -> None:
    """Kill this process here if the test hook asks for it."""
    spec = os.environ.get("INTAKE_TEST_CRASH_AT")
    if not spec or not spec.startswith(name + ":"):
        return
    _counts[name] = _counts.get(name, 0) + 1
    if _counts[name] >= int(spec.split(":", 1)[1]):
        os.kill(os.getpid(), signal.SIGKILL)
