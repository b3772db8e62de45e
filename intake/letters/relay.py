"""What the outbox knows about the relay between flushes: refusing us since when, and when to try again.

A refusal of us (the relay down, 421, 5xx to ``MAIL FROM``, authentication
refused, every recipient refused) is nobody's mail's fault: the queue keeps
every mail, the flushes back off (exponential, capped) and the operators are
told. ERROR in the log as the trouble starts (at once for a refusal, from the
third try for a relay that is merely away), and a mail to ``operator_addresses``
queued in the outbox at that moment: it reaches them when the relay takes mail
again (while it refuses us no mail would), even if this process died meanwhile.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from intake.errors import SendError
from intake.letters.sender import RelayRefused
from intake.privacy import loggable
from models import utcnow

log = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)
LOUD_AFTER = 3  # failures in a row of a relay that is away before the log says ERROR


def backoff(attempts: int, base: float) -> timedelta:
    """Delay before the next try after ``attempts`` failures: base * 2^(n-1), at most an hour."""
    return min(timedelta(seconds=base * 2 ** max(0, min(attempts, 40) - 1)), MAX_BACKOFF)


@dataclass
class RelayState:
    """The relay as one process has seen it; the service keeps one across its flushes."""

    failures: int = 0
    since: datetime | None = None
    not_before: datetime | None = None
    last_error: str = ""
    alerted: bool = False

    def blocked(self, now: datetime) -> bool:
        return self.not_before is not None and now < self.not_before

    def failed(self, err: SendError, base: float) -> bool:
        """Count a refusal of us and set when the next flush may try again; True when it just became an alert."""
        now = utcnow()
        self.failures += 1
        self.since = self.since or now
        self.not_before = now + backoff(self.failures, base)
        self.last_error = str(err)[:300]
        fields = {"failures": self.failures, "retry_at": self.not_before.isoformat(timespec="seconds"),
                  "error": loggable(self.last_error, 200)}
        if isinstance(err, RelayRefused) or self.failures >= LOUD_AFTER:
            first, self.alerted = not self.alerted, True
            log.error("mail server refuses our mail: the outbox waits and retries", extra=fields)
            return first
        log.warning("mail server unavailable: the outbox retries later", extra=fields)
        return False

    def recovered(self) -> None:
        """The relay took a mail: forget the trouble."""
        if self.failures:
            log.info("mail server takes our mail again", extra={"failures": self.failures})
        self.failures, self.since, self.not_before, self.last_error, self.alerted = 0, None, None, "", False

    @property
    def summary(self) -> str:
        if not self.failures:
            return ""
        since = self.since.isoformat(timespec="seconds") if self.since else "?"
        return f"mail server refusing since {since} UTC ({self.failures} tries): {self.last_error}"


def refusal_alert(trouble: RelayState, *, desk: str, operators: Sequence[str]) -> EmailMessage:
    """The operators' mail, queued when the trouble is first an ERROR: it goes out as the relay takes mail again.

    Queued in the outbox (not held by this process), so a restart or a kill between refusal and recovery
    cannot lose it; the queued mail is sent behind it.
    """
    msg = EmailMessage()
    msg["From"], msg["To"] = desk, operators[0]
    if operators[1:]:
        msg["Cc"] = ", ".join(operators[1:])
    msg["Subject"] = "[intake] the mail server refused our mail; the outbox waited"
    msg["Message-ID"] = make_msgid("alert", desk.rpartition("@")[2] or None)
    msg["Auto-Submitted"] = "auto-generated"
    since = trouble.since.isoformat(timespec="seconds") if trouble.since else "?"
    msg.set_content(
        f"From {since} UTC the mail server did not take our mail ({trouble.failures} tries so far).\n"
        f"Its answer: {trouble.last_error}\n\n"
        "This mail was queued then and reaches you now that it takes mail again (see when it arrived).\n"
        "No mail was given up because of it; what waited is sent behind this one.\n"
        "See `intake outbox list` and the service log (lines 'mail server refuses our mail').\n")
    return msg
