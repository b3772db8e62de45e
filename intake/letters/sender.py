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
    """Raised when the server refused the mail for good (5xx); not retried."""


class MailSender(Protocol):
    """Hands finished messages to the next hop."""

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None: ...

    def close(self) -> None: ...


class MaildirSender:
    """Writes every outgoing message into a local Maildir a newcomer can read."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._box = open_maildir(self.path)

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        self._box.add(raw)

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

    def send(self, raw: bytes, sender: str, recipients: Sequence[str]) -> None:
        wire = CRLF.sub(b"\r\n", raw)  # smtplib sends bytes as they are; SMTP needs CRLF
        try:
            if self._conn is None:
                self._conn = self._connect()
            refused = self._conn.sendmail(sender, list(recipients), wire)
        except smtplib.SMTPRecipientsRefused as err:
            self.close()
            codes = [code for code, _ in err.recipients.values()]
            cls = PermanentSendError if all(c >= 500 for c in codes) else SendError
            raise cls(f"recipients refused ({', '.join(map(str, codes))})") from err
        except smtplib.SMTPResponseException as err:
            self.close()
            cls = PermanentSendError if err.smtp_code >= 500 and err.smtp_code != 530 else SendError
            raise cls(f"SMTP server answered {err.smtp_code}") from err
        except (TimeoutError, smtplib.SMTPException, OSError, ssl.SSLError) as err:
            self.close()
            raise SendError(f"SMTP server unavailable: {type(err).__name__}: {err}") from err
        if refused:
            raise PermanentSendError(f"{len(refused)} recipient(s) refused")

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._conn = None


def sender_from_settings(settings) -> MailSender:
    """SMTP when ``smtp_host`` is set, else the local outbox Maildir."""
    if settings.uses_smtp:
        return SmtpSender(settings.smtp_host, settings.smtp_port, security=settings.smtp_security,
                          user=settings.smtp_user, password=settings.smtp_password,
                          cafile=settings.smtp_cafile, timeout=settings.smtp_timeout)
    return MaildirSender(settings.outbox_maildir)
