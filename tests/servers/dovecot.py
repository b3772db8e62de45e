"""A private Dovecot 2.3 (IMAP, IMAPS, LMTP) on loopback ports, mail delivered with swaks."""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from imapclient import IMAPClient

from tests.servers.base import ServerError, TestPKI, free_port, wait_for_port

DOVECOT_BIN = "/usr/sbin/dovecot"
DOVEADM_BIN = "/usr/bin/doveadm"
MAIL_USER = "mail"  # Dovecot refuses mail access as root; Debian's "mail" system user owns the store

# What Dovecot 2.3 advertises by default, minus IDLE and MOVE: used for the
# variant that exercises the polling and COPY + EXPUNGE fallbacks.
CAPABILITIES_WITHOUT_IDLE = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY "
    "THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL "
    "CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 "
    "CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS "
    "BINARY SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ "
    "NOTIFY"
)



def _dovecot_config(root: Path, ports: dict[str, int], pki: TestPKI, capability: str | None,
                    durable: bool = False) -> str:
    fsync = "optimized" if durable else "never"  # Dovecot's default, as a production runs; tests go without
    cap_line = f"  imap_capability = {capability}\n" if capability else ""
    return f"""\
# Private Dovecot for tests (generated).
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
instance_name = test-{ports['imap']}
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 1
first_valid_gid = 1
mail_uid = {MAIL_USER}
mail_gid = {MAIL_USER}
mail_location = maildir:{root}/mail/%u
mail_fsync = {fsync}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
ssl = yes
ssl_cert = <{pki.certfile}
ssl_key = <{pki.keyfile}
ssl_min_protocol = TLSv1.2
shutdown_clients = yes
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {ports['imap']}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ports['imaps']}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {ports['lmtp']}
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
protocol imap {{
  mail_max_userip_connections = 100
{cap_line}}}
protocol lmtp {{
  postmaster_address = postmaster@example.test
}}
"""


@dataclass
class DovecotServer:
    """A private Dovecot 2.3 on loopback: IMAP (plain + STARTTLS), IMAPS and LMTP."""

    root: Path
    pki: TestPKI
    capability: str | None = None
    durable: bool = False  # mail_fsync as in a production (benches); tests go without
    user: str = "desk@example.test"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    host: str = "127.0.0.1"
    imap_port: int = 0
    imaps_port: int = 0
    lmtp_port: int = 0
    _process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def cafile(self) -> Path:
        return self.pki.cafile

    @property
    def config_path(self) -> Path:
        return self.root / "dovecot.conf"

    @property
    def log_path(self) -> Path:
        return self.root / "dovecot.log"

    @property
    def maildir(self) -> Path:
        """The test user's Maildir++ root on disk."""
        return self.root / "mail" / self.user

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def has_idle(self) -> bool:
        return self.capability is None or "IDLE" in self.capability.split()

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> DovecotServer:
        if not self.imap_port:
            self.imap_port, self.imaps_port, self.lmtp_port = free_port(), free_port(), free_port()
        for sub in ("run", "state", "mail"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        shutil.chown(self.root / "mail", MAIL_USER, MAIL_USER)
        os.chmod(self.root, 0o755)
        (self.root / "users").write_text(f"{self.user}:{{PLAIN}}{self.password}::::::\n")
        ports = {"imap": self.imap_port, "imaps": self.imaps_port, "lmtp": self.lmtp_port}
        self.config_path.write_text(_dovecot_config(self.root, ports, self.pki, self.capability, self.durable))
        with open(self.root / "dovecot.stderr", "ab") as err:
            self._process = subprocess.Popen(
                [DOVECOT_BIN, "-F", "-c", str(self.config_path)],
                stdin=subprocess.DEVNULL, stdout=err, stderr=err,
            )
        try:
            for port in ports.values():
                wait_for_port(port)
        except ServerError as error:
            self.stop()
            raise ServerError(f"dovecot did not start: {error}\n{self.log_tail()}") from error
        return self

    def stop(self) -> None:
        """Stop the master process and every child (connections included)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def restart(self) -> None:
        """Stop and start again on the same ports and mail store (drops all connections)."""
        self.stop()
        self.start()

    def kick(self) -> None:
        """Disconnect every IMAP session of the test user (the server keeps running)."""
        subprocess.run(
            [DOVEADM_BIN, "-c", str(self.config_path), "kick", self.user],
            capture_output=True, check=False,
        )

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # -- mail helpers --------------------------------------------------------

    def client(self, *, ssl_mode: str = "none") -> IMAPClient:
        """A logged-in IMAPClient (``ssl_mode``: none, starttls or ssl)."""
        ctx = self.pki.client_context()
        if ssl_mode == "ssl":
            client = IMAPClient(self.host, self.imaps_port, ssl=True, ssl_context=ctx, timeout=10)
        else:
            client = IMAPClient(self.host, self.imap_port, ssl=False, timeout=10)
            if ssl_mode == "starttls":
                client.starttls(ctx)
        client.normalise_times = False
        client.login(self.user, self.password)
        return client

    def deliver(self, raw: bytes, rcpt: str | None = None, *, sender: str = "sender@example.org") -> None:
        """Deliver a message the way it arrives in life: swaks over LMTP (``sender="<>"`` for a null path).

        Dovecot adds Return-Path, Delivered-To and Received headers to what it stores.
        """
        cmd = [
            "swaks", "--protocol", "LMTP", "--server", f"{self.host}:{self.lmtp_port}",
            "--to", rcpt or self.user, "--from", sender, "--data", "-", "--silent", "2",
        ]
        result = subprocess.run(cmd, input=raw, capture_output=True, timeout=30)
        if result.returncode != 0:
            output = (result.stdout + result.stderr).decode(errors="replace").strip()
            raise ServerError(f"swaks failed ({result.returncode}): {output}")

    def wait_for_uids(self, folder: str, count: int, timeout: float = 10.0) -> list[int]:
        """Poll until ``folder`` holds at least ``count`` messages; returns their UIDs. Raises TimeoutError."""
        deadline = time.monotonic() + timeout
        while True:
            uids = self.folder_uids(folder)
            if len(uids) >= count:
                return uids
            if time.monotonic() > deadline:
                raise TimeoutError(f"{folder} holds {len(uids)} message(s), expected {count}, after {timeout}s")
            time.sleep(0.05)

    def append(self, raw: bytes, folder: str = "INBOX", internaldate: datetime | None = None,
               flags: tuple[str, ...] = ()) -> int:
        """IMAP APPEND a message; returns its UID."""
        with self.client() as client:
            _ensure_folder(client, folder)
            response = client.append(folder, raw, flags=flags, msg_time=internaldate)
        return _appenduid(response)

    def folder_uids(self, folder: str = "INBOX") -> list[int]:
        """UIDs in a folder (empty list when the folder does not exist)."""
        with self.client() as client:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            return sorted(client.search(["ALL"]))

    def fetch_all(self, folder: str = "INBOX") -> list[StoredMessage]:
        """Every message in a folder, with flags and INTERNALDATE, without marking them seen."""
        with self.client() as client:
            if not client.folder_exists(folder):
                return []
            info = client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            data = client.fetch(uids, ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"]) if uids else {}
        return [
            StoredMessage(
                uid=uid, uidvalidity=int(info[b"UIDVALIDITY"]), raw=item[b"BODY[]"],
                flags=tuple(f.decode() if isinstance(f, bytes) else str(f) for f in item[b"FLAGS"]),
                internaldate=item[b"INTERNALDATE"],
            )
            for uid, item in sorted(data.items())
        ]

    def uidvalidity(self, folder: str = "INBOX") -> int:
        with self.client() as client:
            return int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def reset(self) -> None:
        """Empty INBOX and delete every other folder, so each test starts clean."""
        with self.client() as client:
            for _flags, _delim, name in client.list_folders():
                if name.upper() != "INBOX":
                    client.delete_folder(name)
            client.select_folder("INBOX")
            uids = client.search(["ALL"])
            if uids:
                client.delete_messages(uids)
                client.expunge()


@dataclass(frozen=True)
class StoredMessage:
    """A message as the server holds it."""

    uid: int
    uidvalidity: int
    raw: bytes
    flags: tuple[str, ...]
    internaldate: datetime

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)


def _ensure_folder(client: IMAPClient, folder: str) -> None:
    if not client.folder_exists(folder):
        client.create_folder(folder)


def _appenduid(response: bytes) -> int:
    # b'[APPENDUID 1700000000 7] Append completed.'
    text = response.decode() if isinstance(response, bytes) else str(response)
    if "APPENDUID" not in text:
        raise ServerError(f"no APPENDUID in {text!r}")
    return int(text.split("APPENDUID", 1)[1].split("]", 1)[0].split()[1])


def dovecot_missing() -> str | None:
    """Why a real Dovecot test cannot run here, or None when it can."""
    for binary in (DOVECOT_BIN, DOVEADM_BIN):
        if not os.access(binary, os.X_OK):
            return f"{binary} not installed (apt-get install dovecot-imapd dovecot-lmtpd)"
    if shutil.which("swaks") is None:
        return "swaks not installed (apt-get install swaks)"
    if os.geteuid() != 0:
        return "the private Dovecot needs root (it runs mail processes as the 'mail' user)"
    return None


def start_dovecot(pki: TestPKI, *, capability: str | None = None, durable: bool = False) -> DovecotServer:
    root = Path(tempfile.mkdtemp(prefix="intake-dovecot-"))
    return DovecotServer(root=root, pki=pki, capability=capability, durable=durable).start()


def remove_dovecot(server: DovecotServer) -> None:
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)
