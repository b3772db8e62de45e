"""The mail-sender seam: SMTP for real, a local outbox Maildir for the embedded default."""
from __future__ import annotations

import logging
import re
import smtplib
import ssl
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from intake.errors import SendError
from intake.mailbox.maildir import open_maildir

log = logging.getLogger(__name__)
CRLF = re.compile(rb"\r?\n")


class PermanentSendError(SendError):
    """Raised when the server refused this one mail for good (5xx to its recipient or content); not retried."""


class RecipientRefused(PermanentSendError):
    """Raised when the server refused the recipient's address for good (5xx to RCPT TO): a typo or a mailbox gone."""


class TooBig(PermanentSendError):
    """Raised when the server refused the mail for its size (552, or larger than its EHLO SIZE)."""


class RecipientDeferred(SendError):
    """Raised when the server put off this one recipient (4xx to RCPT TO): that mail alone is retried later."""


class RelayRefused(SendError):
    """Raised when the server refused us, not the mail: 5xx to MAIL FROM, to EHLO or AUTH, a policy refusal.

    Every queued mail would meet the same answer: the queue waits and the operators are alerted.
    """


# Enhanced status codes (RFC 3463) of a refused recipient that are about the recipient's address or
# mailbox; any other (5.7.x "relaying denied", 5.3.x "mail system") is about us.
RECIPIENT_CLASSES = ("5.1.", "5.2.", "5.4.")
ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})")


def refusal_of_recipient(code: int, message: bytes | str) -> bool:
    """Whether a 5xx answer to RCPT TO refuses the recipient (True) or us (False)."""
    text = message.decode(errors="replace") if isinstance(message, bytes) else message
    found = ENHANCED.match(text)
    if found is None:
        return code in (550, 551, 553)  # no enhanced code: read as the mailbox's; the outbox watches for a run
    return found.group(1).startswith(RECIPIENT_CLASSES)


class MailSender(Protocol):
    """Hands finished messages to the next hop."""

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None: ...

    def size_limit(self) -> int | None:
        """The largest message the next hop takes (EHLO SIZE), None when it announces none."""
        ...

    def close(self) -> None: ...


class MaildirSender:
    """Writes every outgoing message into a local Maildir a newcomer can read.

    Each copy is marked, as a local delivery agent marks what it stores, with ``Return-Path`` (the envelope
    sender) and ``Delivered-To`` (the recipient of this copy): the To and the Cc of one mail are two files, and
    the operator can tell which went where.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._box = open_maildir(self.path)

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
        trace = b"".join(f"{name}: {value}".encode("ascii", "replace") + newline
                         for name, value in (("Return-Path", f"<{sender}>"),
                                             *(("Delivered-To", r) for r in recipients)))
        try:
            self._box.add(trace + raw)
        except OSError as err:  # a full disk (ENOSPC) or a quota: the mail waits in the outbox table
            raise SendError(f"outbox Maildir not writable: {type(err).__name__}: {err.strerror or err}") from err

    def size_limit(self) -> int | None:
        return None

    def close(self) -> None:
        self._box.close()


class SmtpSender:
    """SMTP with STARTTLS or implicit TLS and certificate checks; one connection per flush."""

    def __init__(self, host: str, port: int, *, security: str = "starttls", user: str | None = None,
                 password: str | None = None, cafile: Path | None = None, timeout: float = 30.0) -> None:
        self.host, self.port, self.security = host, port, security
        self.user, self._password, self.timeout = user, password, timeout
        self._context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        self._context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._conn: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            conn: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                                  context=self._context)
        else:
            conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.security == "starttls":
                conn.starttls(context=self._context)
        if self.user:
            conn.login(self.user, self._password or "")
        return conn

    def check(self) -> str:
        """Connect, log in and say hello (for ``intake doctor``); the server's size limit when it has one."""
        try:
            conn = self._conn or self._connect()
            self._conn = conn
            conn.ehlo_or_helo_if_needed()
            size = conn.esmtp_features.get("size", "")
        except smtplib.SMTPAuthenticationError as err:
            self.close()
            raise SendError(f"SMTP server refused the login ({err.smtp_code})") from err
        except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as err:
            self.close()
            raise SendError(f"SMTP server unavailable: {type(err).__name__}: {err}") from err
        limit = f"; accepts messages up to {int(size) // 1_000_000} MB" if size.isdigit() and int(size) else ""
        return f"reachable, {'logged in' if self.user else 'no login configured'}{limit}"

    def size_limit(self) -> int | None:
        """The SIZE the server announced in its EHLO answer (connects if needed); None if none or 0."""
        try:
            conn = self._connection()
        except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as err:
            raise _classify(err, self) from err
        size = conn.esmtp_features.get("size", "").strip()
        return int(size) if size.isdigit() and int(size) > 0 else None

    def _connection(self) -> smtplib.SMTP:
        if self._conn is None:
            self._conn = self._connect()
            self._conn.ehlo_or_helo_if_needed()
        return self._conn

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        wire = CRLF.sub(b"\r\n", raw)  # smtplib sends bytes as they are; SMTP needs CRLF
        try:
            refused = self._connection().sendmail(sender, list(recipients), wire)
        except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as err:
            raise _classify(err, self) from err
        if refused:
            raise RecipientRefused(f"{len(refused)} recipient(s) refused")

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._conn = None


def _classify(err: BaseException, sender: SmtpSender) -> SendError:
    """Whose refusal ``err`` is: the recipient's or the mail's (permanent), ours (relay), or nobody's yet (retry)."""
    sender.close()
    if isinstance(err, smtplib.SMTPRecipientsRefused):
        answers = list(err.recipients.values())
        if any(code < 500 for code, _ in answers):
            return RecipientDeferred(f"recipient deferred ({', '.join(str(c) for c, _ in answers)})")
        if all(refusal_of_recipient(code, text) for code, text in answers):
            return RecipientRefused(f"recipient refused: {_answer(*answers[0])}")
        return RelayRefused(f"the relay refused the recipient as a matter of policy: {_answer(*answers[0])}")
    if isinstance(err, smtplib.SMTPResponseException):
        code, answer = err.smtp_code, _answer(err.smtp_code, err.smtp_error)
        if code < 500:  # 421 and other 4xx: the relay is busy or closing; we try again later
            return SendError(f"SMTP server answered {answer}")
        if code == 552:  # to MAIL FROM with SIZE=, or after DATA: this mail is too large, not us
            return TooBig(f"too large: {answer}")
        if isinstance(err, smtplib.SMTPDataError):
            return PermanentSendError(f"mail refused: {answer}")
        return RelayRefused(f"the relay refused us: {answer}")
    return SendError(f"SMTP server unavailable: {type(err).__name__}: {err}")


def _answer(code: int, text: bytes | str) -> str:
    """An SMTP answer as one short line (it may quote an address: callers log it masked)."""
    line = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(line.split())}"[:300]


def sender_from_settings(settings) -> MailSender:
    """SMTP when ``smtp_host`` is set, else the local outbox Maildir."""
    if settings.uses_smtp:
        return SmtpSender(settings.smtp_host, settings.smtp_port, security=settings.smtp_security,
                          user=settings.smtp_user, password=settings.smtp_password,
                          cafile=settings.smtp_cafile, timeout=settings.smtp_timeout)
    return MaildirSender(settings.outbox_maildir)
