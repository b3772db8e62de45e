"""The shared mailbox over IMAP (imapclient): fetch with PEEK, move by UID, wait with IDLE.

Two connections are used: the *main* one selects the inbox read-write for
fetching and moving; the *watch* one examines it read-only for IDLE (or polls
it with STATUS when the server has no IDLE). Connection failures are retried
with capped exponential backoff and jitter; when a call gives up it raises
``MailboxUnavailable`` and the caller retries later. Nothing here moves a
message whose folder's UIDVALIDITY changed since it was fetched.
"""
from __future__ import annotations

import imaplib
import logging
import random
import ssl
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError
from imapclient.imapclient import DELETED, SocketTimeout

from intake.mailbox.base import (
    FetchedMessage,
    MailboxError,
    MailboxUnavailable,
    MessageRef,
    Take,
    take_first,
)
from intake.privacy import loggable

log = logging.getLogger(__name__)

Security = Literal["ssl", "starttls", "none"]
SECURITY_MODES: tuple[str, ...] = ("ssl", "starttls", "none")
QUARANTINE_KEYWORD = "$Quarantined"
REPLAYED_KEYWORD = "$Replayed"    # a quarantined message that an operator's replay processed after all
DATE_BATCH = 500  # UIDs per INTERNALDATE fetch
IDLE_RENEW_SECONDS = 29 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes
T = TypeVar("T")

# Errors that mean "the connection is gone or never came up": retried.
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, imaplib.IMAP4.abort)


class MailboxConfigError(MailboxError):
    """Raised when the IMAP settings cannot work (bad security mode, STARTTLS not offered); not retried."""


class MailboxLoginError(MailboxConfigError):
    """Raised when the server refuses the configured user and password; not retried."""


class MailboxCertificateError(MailboxConfigError):
    """Raised when the server's certificate fails verification (CA or hostname); not retried."""


def backoff_delay(attempt: int, base: float, cap: float, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry ``attempt`` (1-based): exponential, capped, with jitter in [d/2, d]."""
    delay = min(cap, base * 2 ** (attempt - 1))
    return delay / 2 + rand() * delay / 2


def tls_context(cafile: Path | None) -> ssl.SSLContext:
    """A verifying client context (certificate and hostname), trusting ``cafile`` or the system CAs."""
    return ssl.create_default_context(cafile=str(cafile) if cafile else None)


def as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def is_new_mail(response: Any) -> bool:
    """True for an untagged ``n EXISTS`` or ``n RECENT`` (n > 0) response seen during IDLE."""
    if not isinstance(response, tuple) or len(response) < 2 or not isinstance(response[0], int):
        return False
    return response[1] == b"EXISTS" or (response[1] == b"RECENT" and response[0] > 0)


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def oldest_first(dates: dict[int, datetime]) -> list[int]:
    """UIDs ordered by arrival (INTERNALDATE, then UID)."""
    return sorted(dates, key=lambda uid: (as_utc(dates[uid]), uid))


class ImapMailbox:
    """The ``Mailbox`` protocol over IMAP."""

    def __init__(
        self, host: str, port: int | None, user: str, password: str, *,
        security: Security = "ssl", folder: str = "INBOX", processed_folder: str = "Processed",
        quarantine_folder: str = "Quarantine", cafile: Path | None = None, timeout: float = 30.0,
        source_name: str | None = None, retries: int = 5, backoff: float = 0.5, max_backoff: float = 30.0,
        poll_interval: float = 30.0, batch_size: int = 20, idle_renew: float = IDLE_RENEW_SECONDS,
    ) -> None:
        if security not in SECURITY_MODES:
            raise MailboxConfigError(f"IMAP security must be one of {', '.join(SECURITY_MODES)}, not {security!r}")
        if not user or not password:   # imaplib's traceback, after "service started", in a restart loop
            missing = " and ".join(n for n, v in (("INTAKE_IMAP_USER", user), ("INTAKE_IMAP_PASSWORD", password))
                                   if not v)
            raise MailboxConfigError(f"IMAP {host}: {missing} not set, the mailbox needs its login "
                                     "(a secrets file not read?)")
        self.host, self.user, self.security = host, user, security
        self.port = port or (993 if security == "ssl" else 143)
        self.folder, self.processed_folder, self.quarantine_folder = folder, processed_folder, quarantine_folder
        self.source_name = source_name or f"imap://{host}/{folder}"
        self._password = password
        self._ssl = tls_context(cafile) if security != "none" else None
        self._timeout = timeout
        self._retries, self._backoff, self._max_backoff = retries, backoff, max_backoff
        self._poll_interval, self._batch_size, self._idle_renew = poll_interval, batch_size, idle_renew
        self._clients: dict[str, IMAPClient | None] = {"main": None, "watch": None}
        self._selected: int | None = None  # UIDVALIDITY of the inbox as selected on the main connection
        self._seen: tuple[int, int] | None = None  # (UIDVALIDITY, UIDNEXT) after the last complete fetch
        self.waiting: int | None = None  # messages the last fetch found in the inbox (not flagged deleted)
        self._closed = False
        self.sleep: Callable[[float], None] = time.sleep

    def __repr__(self) -> str:
        return f"ImapMailbox({self.host!r}, {self.port}, security={self.security!r}, folder={self.folder!r})"

    @classmethod
    def from_settings(cls, settings: Any, *, retries: int = 5) -> ImapMailbox:
        """Build from the frozen Settings object (``imap_*`` attributes)."""
        cafile = getattr(settings, "imap_cafile", None)
        return cls(
            settings.imap_host, settings.imap_port, settings.imap_user, settings.imap_password,
            security=settings.imap_security, folder=settings.imap_folder,
            processed_folder=settings.imap_processed_folder, quarantine_folder=settings.imap_quarantine_folder,
            cafile=Path(cafile) if cafile else None, timeout=float(settings.imap_timeout or 30.0),
            poll_interval=float(getattr(settings, "poll_interval", None) or 30.0), retries=retries,
        )

    def __enter__(self) -> ImapMailbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the Mailbox protocol ------------------------------------------------

    def fetch_pending(self, limit: int | None = None, take: Take = take_first) -> Iterator[FetchedMessage]:
        """Yield waiting messages oldest first (those ``take`` picks), bodies fetched with BODY.PEEK[] in batches."""
        uidvalidity, uids, uidnext = self._call("main", self._pending, "search")
        self.waiting = len(uids)
        picked = take([MessageRef(self.source_name, uidvalidity, str(uid)) for uid in uids], limit)
        wanted = [int(ref.uid) for ref in picked]
        complete = False
        self._seen = None
        try:
            for batch in chunks(wanted, self._batch_size):
                fetched = self._call("main", lambda c, b=batch: self._fetch(c, b, uidvalidity), "fetch")
                if fetched is None:
                    return
                yield from fetched
            # Every waiting message was looked at: all taken, or fewer than asked for because the rest are
            # reserved by other workers (who move them): the next wait is for new mail, not a busy loop.
            complete = len(wanted) == len(uids) or (limit is not None and len(wanted) < limit)
        finally:
            self._seen = (uidvalidity, uidnext) if complete else None

    def mark_processed(self, ref: MessageRef) -> None:
        """Move the message into the Processed folder; a message already gone is fine."""
        if self._move(ref, self.processed_folder, keyword=None):
            log.info("message moved", extra={"uid": ref.uid, "folder": self.processed_folder})

    def mark_processed_many(self, refs: Sequence[MessageRef]) -> None:
        """Move these messages into the Processed folder at once: one flag read and one MOVE for them all."""
        mine = [ref for ref in refs if ref.source == self.source_name and ref.uid.isdigit()]
        for ref in set(refs) - set(mine):
            self.mark_processed(ref)  # says why it is not moved
        if mine:
            moved = self._call("main", lambda c: self._move_uids(c, mine, self.processed_folder),
                               f"move to {self.processed_folder}")
            log.info("messages moved", extra={"count": moved, "folder": self.processed_folder})

    def quarantine(self, ref: MessageRef, reason: str) -> None:
        """Flag the message ``$Quarantined`` and move it into the Quarantine folder."""
        if self._move(ref, self.quarantine_folder, keyword=QUARANTINE_KEYWORD):
            log.warning("message quarantined", extra={"uid": ref.uid, "folder": self.quarantine_folder,
                                                      "reason": loggable(reason)})

    def release_quarantined(self, ref: MessageRef, raw: bytes) -> bool:
        """Move the replayed message's copy from the Quarantine folder into Processed, flagged ``$Replayed``.

        The move into Quarantine gave the copy a new UID there, so it is found by its bytes: the messages of the
        size of ``raw`` (RFC822.SIZE) are fetched and compared.
        """
        if ref.source != self.source_name:
            return False
        found = self._call("main", lambda c: self._release(c, raw), f"move from {self.quarantine_folder}")
        if found:
            log.info("replayed message moved", extra={"uid": ref.uid, "folder": self.processed_folder})
        return found

    def _release(self, client: IMAPClient, raw: bytes) -> bool:
        self._selected = None   # the inbox is selected again by the next operation on it
        client.select_folder(self.quarantine_folder)
        uids = client.search(["NOT", "DELETED"])
        sizes = client.fetch(uids, ["RFC822.SIZE"]) if uids else {}
        same_size = [uid for uid, item in sizes.items() if item.get(b"RFC822.SIZE") == len(raw)]
        bodies = client.fetch(same_size, ["BODY.PEEK[]"]) if same_size else {}
        copies = [uid for uid, item in bodies.items() if item.get(b"BODY[]") == raw]
        if not copies:
            return False
        client.remove_flags(copies, [QUARANTINE_KEYWORD])
        client.add_flags(copies, [REPLAYED_KEYWORD])
        try:
            self._transfer(client, copies, self.processed_folder)
        except IMAPClientError:  # the folder deleted while we ran
            self._ensure_folders(client, [self.processed_folder])
            self._transfer(client, copies, self.processed_folder)
        return True

    def wait_for_new(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True as soon as mail may have arrived since the last full fetch."""
        if self._seen is None:
            return True
        deadline = time.monotonic() + timeout
        try:
            return self._call("watch", lambda c: self._wait(c, deadline), "wait")
        except MailboxUnavailable:
            if self._closed:  # close() from another thread (shutdown) ends the wait quietly
                return False
            raise

    def close(self) -> None:
        """Log out and drop both connections; the mailbox cannot be used afterwards.

        May be called from another thread to end a ``wait_for_new`` in progress.
        """
        self._closed = True
        # The watch connection may be inside IDLE in another thread: a LOGOUT there would
        # wait for that thread's reader, so its socket is shut down at once instead.
        for kind in self._clients:
            self._drop(kind, logout=kind != "watch")

    # -- connections ------------------------------------------------------------

    def check(self) -> int:
        """Log in, make sure the folders exist, and count the messages waiting (for ``intake doctor``)."""
        return self._call("main", lambda client: len(self._pending(client)[1]), "check")

    def _call(self, kind: str, op: Callable[[IMAPClient], T], what: str) -> T:
        """Run ``op`` on a live connection, reconnecting with backoff when it fails."""
        attempt = 0
        while True:
            if self._closed:
                raise MailboxUnavailable("IMAP mailbox is closed")
            try:
                return op(self._client(kind))
            except MailboxError:
                raise
            except _CONNECTION_ERRORS as err:
                self._drop(kind)
                attempt += 1
                if attempt > self._retries or self._closed:
                    raise MailboxUnavailable(f"cannot connect to the IMAP server {self.host}:{self.port}: "
                                             f"{_reason(err)}") from err
                delay = 0.0 if attempt == 1 else backoff_delay(attempt - 1, self._backoff, self._max_backoff)
                # One warning per outage; the retries themselves only at DEBUG.
                log.log(logging.WARNING if attempt == 1 else logging.DEBUG, "IMAP connection failed; retrying",
                        extra={"server": f"{self.host}:{self.port}", "operation": what,
                               "error": type(err).__name__, "attempt": attempt, "retries": self._retries,
                               "retry_in": round(delay, 1)})
                self.sleep(delay)
            except imaplib.IMAP4.error as err:
                raise MailboxError(f"IMAP {what} refused by {self.host}:{self.port}: {err}") from err
            except BaseException as err:  # interrupted mid-command (signal, bug): the session state is unknown
                self._drop(kind)
                if self._closed and isinstance(err, Exception):  # close() from another thread pulled the socket
                    raise MailboxUnavailable("IMAP mailbox was closed") from err
                raise

    def _client(self, kind: str) -> IMAPClient:
        client = self._clients[kind]
        if client is None:
            client = self._connect()
            self._clients[kind] = client
            if self._closed:  # close() ran in another thread while this one was connecting
                self._drop(kind)
                raise MailboxUnavailable("IMAP mailbox is closed")
            if kind == "main":
                self._selected = None
                self._ensure_folders(client, (self.processed_folder, self.quarantine_folder))
        return client

    def _connect(self) -> IMAPClient:
        try:
            client = IMAPClient(
                self.host, self.port, ssl=self.security == "ssl", ssl_context=self._ssl,
                timeout=SocketTimeout(connect=self._timeout, read=self._timeout),
            )
        except ssl.SSLCertVerificationError as err:
            raise self._certificate_error(err) from err
        try:
            self._start_session(client)
        except BaseException:
            _shutdown(client)
            raise
        client.normalise_times = False
        log.debug("connected to the IMAP server", extra={"server": f"{self.host}:{self.port}",
                                                         "security": self.security})
        return client

    def _start_session(self, client: IMAPClient) -> None:
        try:
            if self.security == "starttls":
                client.starttls(self._ssl)
            client.login(self.user, self._password)
        except ssl.SSLCertVerificationError as err:
            raise self._certificate_error(err) from err
        except CapabilityError as err:
            raise MailboxConfigError(f"IMAP {self.host}:{self.port} does not offer STARTTLS") from err
        except LoginError as err:
            raise MailboxLoginError(f"IMAP {self.host}:{self.port} refused the login of the configured user") from err

    def _certificate_error(self, err: ssl.SSLCertVerificationError) -> MailboxCertificateError:
        reason = err.verify_message or str(err)
        return MailboxCertificateError(f"IMAP {self.host}:{self.port} certificate not trusted: {reason}")

    def _drop(self, kind: str, logout: bool = False) -> None:
        client, self._clients[kind] = self._clients[kind], None
        if kind == "main":
            self._selected = None
        if client is not None:
            if logout:
                try:
                    client.logout()
                except (*_CONNECTION_ERRORS, imaplib.IMAP4.error):
                    pass
            _shutdown(client)

    def _ensure_folders(self, client: IMAPClient, folders: Iterable[str]) -> None:
        for folder in folders:
            if not client.folder_exists(folder):
                try:
                    client.create_folder(folder)
                except imaplib.IMAP4.error:
                    if not client.folder_exists(folder):
                        raise
                    continue  # another worker created it a moment ago
                log.info("IMAP folder created", extra={"folder": folder})
                try:
                    client.subscribe_folder(folder)
                except imaplib.IMAP4.error:
                    pass

    def _select(self, client: IMAPClient) -> int:
        """Select the inbox read-write on the main connection (once); returns its UIDVALIDITY."""
        if self._selected is None:
            info = client.select_folder(self.folder)
            self._selected = int(info[b"UIDVALIDITY"])
        return self._selected

    # -- operations (each runs inside ``_call``) --------------------------------------

    def _pending(self, client: IMAPClient) -> tuple[int, list[int], int]:
        """Select the inbox; return its UIDVALIDITY, the waiting UIDs oldest first, and UIDNEXT."""
        info = client.select_folder(self.folder)
        uidvalidity = self._selected = int(info[b"UIDVALIDITY"])
        uids = client.search(["NOT", "DELETED"])
        dates: dict[int, datetime] = {}
        for batch in chunks(uids, DATE_BATCH):  # keeps each command line short
            dates.update((uid, item[b"INTERNALDATE"]) for uid, item in client.fetch(batch, ["INTERNALDATE"]).items())
        uidnext = max([int(info.get(b"UIDNEXT", 1)), *(uid + 1 for uid in uids)])
        return uidvalidity, oldest_first(dates), uidnext

    def _fetch(self, client: IMAPClient, uids: Sequence[int], uidvalidity: int) -> list[FetchedMessage] | None:
        if self._select(client) != uidvalidity:
            log.warning("UIDVALIDITY changed during fetch; stopping this batch", extra={"folder": self.folder})
            return None
        data = client.fetch(list(uids), ["BODY.PEEK[]", "INTERNALDATE"])
        return [
            FetchedMessage(
                ref=MessageRef(self.source_name, uidvalidity, str(uid)),
                raw=data[uid][b"BODY[]"], received=as_utc(data[uid][b"INTERNALDATE"]),
            )
            # a message another worker moved meanwhile comes back without its body (BODY[] NIL): skip it
            for uid in uids if uid in data and isinstance(data[uid].get(b"BODY[]"), bytes)
        ]

    def _move(self, ref: MessageRef, target: str, keyword: str | None) -> bool:
        if ref.source != self.source_name or not ref.uid.isdigit():
            log.warning("message not moved: it belongs to another source",
                        extra={"uid": ref.uid, "source": ref.source, "mailbox": self.source_name})
            return False
        return self._call("main", lambda c: self._move_uids(c, [ref], target, keyword), f"move to {target}") > 0

    def _move_uids(self, client: IMAPClient, refs: Sequence[MessageRef], target: str,
                   keyword: str | None = None) -> int:
        """Move messages of the inbox (flagged ``keyword`` first); returns how many were still there to move.

        One flag read and one MOVE for them all. A message gone already is fine; one of another
        UIDVALIDITY is not ours to move; one copied before a crash (flagged deleted) is expunged.
        """
        uidvalidity = self._select(client)
        uids = [int(ref.uid) for ref in refs if ref.uidvalidity == uidvalidity]
        if len(uids) < len(refs):
            log.warning("message not moved: UIDVALIDITY changed", extra={
                "count": len(refs) - len(uids), "folder": self.folder, "uidvalidity": uidvalidity})
        flags = client.get_flags(uids) if uids else {}  # a message gone already has no flags
        present = [uid for uid in uids if uid in flags]
        if len(present) < len(uids):
            log.info("message no longer in the folder; nothing to move", extra={
                "count": len(uids) - len(present), "folder": self.folder})
        if keyword and present:
            client.add_flags(present, [keyword])
        copied = [uid for uid in present if DELETED in flags[uid]]  # before a crash, not yet expunged
        waiting = [uid for uid in present if DELETED not in flags[uid]]
        if copied:
            self._expunge(client, *copied)
        if waiting:
            try:
                self._transfer(client, waiting, target)
            except IMAPClientError:  # e.g. [TRYCREATE]: someone deleted the folder while we ran
                self._ensure_folders(client, [target])
                self._transfer(client, waiting, target)
        return len(present)

    def _transfer(self, client: IMAPClient, uids: list[int], target: str) -> None:
        if client.has_capability("MOVE"):
            client.move(uids, target)
        else:
            client.copy(uids, target)
            client.add_flags(uids, [DELETED])
            self._expunge(client, *uids)

    def _expunge(self, client: IMAPClient, *uids: int) -> None:
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(list(uids))
        else:  # expunges every \Deleted message in the inbox; only our own moves set it
            client.expunge()

    def _wait(self, client: IMAPClient, deadline: float) -> bool:
        if client.has_capability("IDLE"):
            info = client.select_folder(self.folder, readonly=True)
            if self._changed(int(info[b"UIDVALIDITY"]), int(info[b"UIDNEXT"])):
                return True
            while time.monotonic() < deadline:
                if self._idle_once(client, min(deadline, time.monotonic() + self._idle_renew)):
                    return True
            return False
        return self._poll(client, deadline)

    def _changed(self, uidvalidity: int, uidnext: int) -> bool:
        return self._seen is None or (uidvalidity, uidnext) != self._seen

    def _idle_once(self, client: IMAPClient, until: float) -> bool:
        client.idle()
        new = False
        try:
            while not new and (remaining := until - time.monotonic()) > 0:
                responses = client.idle_check(timeout=remaining)
                new = any(is_new_mail(r) for r in responses)
                if not responses and until - time.monotonic() > 0.05:
                    break  # woken with nothing to read: the server closed; idle_done will tell
        finally:
            _text, responses = client.idle_done()
        return new or any(is_new_mail(r) for r in responses)

    def _poll(self, client: IMAPClient, deadline: float) -> bool:
        while True:
            status = client.folder_status(self.folder, [b"UIDVALIDITY", b"UIDNEXT"])
            if self._changed(int(status[b"UIDVALIDITY"]), int(status[b"UIDNEXT"])):
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.sleep(min(self._poll_interval, remaining))


def from_settings(settings: Any) -> ImapMailbox:
    """The IMAP mailbox described by the settings (``imap_host``, ``imap_port``, ...)."""
    return ImapMailbox.from_settings(settings)


def _reason(err: BaseException) -> str:
    """A connection error in a few words: "Connection refused", "timed out"."""
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


def _shutdown(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except (OSError, imaplib.IMAP4.error):
        pass
