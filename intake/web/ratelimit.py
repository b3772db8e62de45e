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
    """``allow(client, reference)`` counts one attempt and says whether it is within both limits."""

    def __init__(self, per_client: str, per_reference: str) -> None:
        self.per_client = _parse("web_rate_per_client", per_client)
        self.per_reference = _parse("web_rate_per_reference", per_reference)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def allow(self, client: str, reference: str | None = None) -> bool:
        """One attempt by ``client`` (about ``reference``, when one is named); False when over a limit."""
        ok = self.limiter.hit(self.per_client, "client", client)
        if reference:
            ok = self.limiter.hit(self.per_reference, "reference", reference.upper()) and ok
        return ok

    def retry_after(self) -> int:
        """Seconds a refused client should wait: the longer of the two windows."""
        return max(self.per_client.get_expiry(), self.per_reference.get_expiry())


def _parse(name: str, value: str) -> RateLimitItem:
    try:
        return parse(value)
    except ValueError as err:
        raise ConfigError(f"{name} must be a rate like 30/minute, not {value!r}") from err
