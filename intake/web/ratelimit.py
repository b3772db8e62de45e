"""Rate limits of the track pages, per client address and per case reference (the ``limits`` library).

In-process and in memory (``limits``' moving window): each ``intake web``
process counts on its own, and a restart forgets. That is enough to make
guessing references or addresses slow; behind a reverse proxy, run uvicorn
with ``--proxy-headers`` semantics (``intake web`` trusts ``X-Forwarded-For``
from 127.0.0.1 only) so the client is the business, not the proxy.
"""
from __future__ import annotations

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from intake.errors import ConfigError


class Limiter:
    """Attempts per client address, and failed look-ups per case reference.

    A signed personal link counts only against its client: it cannot be guessed, so nobody else's attempts may
    lock a business out of its own page. The form (reference and address) counts every attempt against the
    client, and a wrong address against the reference as well, so that many clients together cannot guess a
    case's address; a client already refused counts against no reference.
    """

    def __init__(self, per_client: str, per_reference: str) -> None:
        self.per_client = _parse("web_rate_per_client", per_client)
        self.per_reference = _parse("web_rate_per_reference", per_reference)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def allow(self, client: str) -> bool:
        """One attempt by ``client``; False when over its limit."""
        return self.limiter.hit(self.per_client, "client", client)

    def reference_open(self, reference: str) -> bool:
        """Whether ``reference`` may be looked up: its failed look-ups are within their limit (nothing counted)."""
        return self.limiter.test(self.per_reference, "reference", reference.upper())

    def failed(self, reference: str) -> None:
        """A look-up of ``reference`` with a wrong address."""
        self.limiter.hit(self.per_reference, "reference", reference.upper())

    def retry_after(self) -> int:
        """Seconds a refused client should wait: the longer of the two windows."""
        return max(self.per_client.get_expiry(), self.per_reference.get_expiry())


def _parse(name: str, value: str) -> RateLimitItem:
    try:
        return parse(value)
    except ValueError as err:
        raise ConfigError(f"{name} must be a rate like 30/minute, not {value!r}") from err
