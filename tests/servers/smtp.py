"""An SMTP sink (aiosmtpd) on loopback that keeps what it receives: plain, STARTTLS or implicit TLS."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.servers.base import TestPKI, free_port


@dataclass(frozen=True)
class SinkMessage:
    """One message the sink accepted: envelope and raw bytes as received."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    tls: bool
    login: str | None  # the AUTH user, if the client authenticated

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)


class SmtpSink:
    """An aiosmtpd server on loopback that keeps what it receives.

    ``mode``: "starttls" (plain port offering STARTTLS), "plain" (no TLS at all) or
    "tls" (implicit TLS, like port 465). ``auth=(user, password)`` requires AUTH.
    ``refuse(n)`` answers the next n messages with a temporary 451; ``stop()``
    makes the port refuse connections until ``start()``. ``refuse_sender(reply)``
    answers every MAIL FROM with ``reply`` until ``accept_all()``;
    ``refuse_recipient(address, reply)`` answers RCPT TO of that address (or of
    every address, ``"*"``). ``size_limit`` is announced in EHLO SIZE and enforced
    (552), as a real relay does.
    """

    def __init__(self, pki: TestPKI, *, mode: str = "starttls", require_starttls: bool = False,
                 auth: tuple[str, str] | None = None, size_limit: int | None = None) -> None:
        if mode not in ("starttls", "plain", "tls"):
            raise ValueError(f"unknown SMTP sink mode {mode!r}")
        self.pki, self.mode, self.require_starttls, self.auth = pki, mode, require_starttls, auth
        self.host, self.port = "127.0.0.1", free_port()
        self.messages: list[SinkMessage] = []
        self._refusals: list[str] = []
        self.size_limit = size_limit
        self.sender_refusal: str | None = None
        self.refused_senders = 0  # MAIL FROM answered with sender_refusal so far
        self.recipient_refusals: dict[str, str] = {}
        self._changed = threading.Condition()
        self._controller: Controller | None = None

    @property
    def cafile(self) -> Path:
        return self.pki.cafile

    @property
    def user(self) -> str | None:
        return self.auth[0] if self.auth else None

    @property
    def password(self) -> str | None:
        return self.auth[1] if self.auth else None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> SmtpSink:
        if self._controller is None:
            self._controller = Controller(_SinkHandler(self), hostname=self.host, port=self.port, **self._options())
            self._controller.start()
        return self

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def _options(self) -> dict:
        options: dict = {"server_hostname": "sink.example.test", "ident": "intake-test-sink"}
        if self.size_limit is not None:
            options["data_size_limit"] = self.size_limit
        if self.mode == "tls":
            options["ssl_context"] = self.pki.server_context()
        elif self.mode == "starttls":
            options["tls_context"] = self.pki.server_context()
            options["require_starttls"] = self.require_starttls
        if self.auth:
            # implicit TLS is invisible to aiosmtpd's "require TLS" check, so only STARTTLS mode asks for it
            options.update(auth_required=True, authenticator=self._authenticate,
                           auth_require_tls=self.mode == "starttls")
        return options

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword) and self.auth is not None
              and auth_data.login.decode() == self.auth[0] and auth_data.password.decode() == self.auth[1])
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    def refuse(self, count: int = 1, reply: str = "451 4.3.0 Temporary failure, try again later") -> None:
        """Answer the next ``count`` messages with ``reply`` (a 4xx or 5xx line) instead of accepting them."""
        with self._changed:
            self._refusals.extend([reply] * count)

    def refuse_sender(self, reply: str = "550 5.7.1 Sender address rejected: not permitted") -> None:
        """Answer every MAIL FROM with ``reply`` (a refusal of us) until ``accept_all()``."""
        self.sender_refusal = reply

    def refuse_recipient(self, address: str, reply: str = "550 5.1.1 User unknown") -> None:
        """Answer RCPT TO of ``address`` (``"*"``: of every address) with ``reply`` until ``accept_all()``."""
        self.recipient_refusals[address.lower()] = reply

    def accept_all(self) -> None:
        self.sender_refusal = None
        self.recipient_refusals.clear()
        with self._changed:
            self._refusals.clear()

    def _receive(self, message: SinkMessage) -> str:
        with self._changed:
            if self._refusals:
                return self._refusals.pop(0)
            self.messages.append(message)
            self._changed.notify_all()
        return "250 2.0.0 OK queued"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[SinkMessage]:
        """Block until at least ``count`` messages arrived; returns them all. Raises TimeoutError."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.messages) >= count, timeout):
                raise TimeoutError(f"SMTP sink got {len(self.messages)} message(s), expected {count}, in {timeout}s")
            return list(self.messages)

    def to(self, address: str) -> list[SinkMessage]:
        """Messages whose envelope recipients include ``address`` (case-insensitive)."""
        wanted = address.lower()
        return [m for m in list(self.messages) if wanted in (r.lower() for r in m.rcpt_tos)]

    def clear(self) -> None:
        with self._changed:
            self.messages.clear()
            self._refusals.clear()


class _SinkHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_MAIL(self, server, session, envelope, address, mail_options) -> str:
        if self.sink.sender_refusal:
            self.sink.refused_senders += 1
            return self.sink.sender_refusal
        envelope.mail_from, envelope.mail_options = address, list(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        refusals = self.sink.recipient_refusals
        reply = refusals.get(address.lower()) or refusals.get("*")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        message = SinkMessage(
            mail_from=envelope.mail_from, rcpt_tos=tuple(envelope.rcpt_tos),
            raw=envelope.original_content or envelope.content, login=login,
            tls=session.ssl is not None or self.sink.mode == "tls",
        )
        return self.sink._receive(message)
