"""One frozen settings object, read once at the edge.

Sources, later ones winning: built-in defaults (the embedded default: SQLite,
a local Maildir, a local outbox Maildir), a TOML file (``--config`` or
``INTAKE_CONFIG``), then ``INTAKE_*`` environment variables. Secrets have no
defaults and are never part of ``repr()``.
"""
from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import time
from pathlib import Path
from typing import Any

from intake.errors import ConfigError

ENV_PREFIX = "INTAKE_"
SECURITY_MODES = ("ssl", "starttls", "none")
SENDER_AUTH = ("off", "reject_fail", "require_pass")
RETRAIN_ACTIVATION = ("automatic", "approval")
# Limits and intervals where zero or less would stop the service from working at all.
POSITIVE = ("attachment_workers", "attachment_seconds", "attachment_max_mb", "attachment_max_pages",
            "attachment_ocr_seconds", "attachment_ocr_pages", "outbox_flush_interval", "model_check_interval",
            "digest_check_interval", "retrain_after_corrections", "retrain_check_interval",
            "message_lease_seconds", "extraction_wait_seconds", "track_link_days", "max_message_mb",
            "attachment_budget_seconds", "retention_days", "retention_check_interval", "outbox_send_lease")
MIN_WORKER_MB = 256
# ``INTAKE_*`` names that are not settings but are read elsewhere: the config file's path (here), the log format
# (the CLI), the database password of deploy/compose.yaml, and the test hooks (``INTAKE_TEST_CRASH_AT``,
# ``INTAKE_TEST_ARTEFACTS``, ``INTAKE_TEST_CHROMIUM``: every ``INTAKE_TEST_*`` name is left to the tests).
OTHER_NAMES = frozenset({"INTAKE_CONFIG", "INTAKE_LOG_FORMAT", "INTAKE_DB_PASSWORD"})
TEST_PREFIX = "INTAKE_TEST_"
# The sender's name in our mail: Danish, and how an English reader knows it (the Danish name after it, as it stands
# on the municipality's pages); a municipality that names itself and no English name keeps its one name in both.
# A dash, not brackets: "(Københavns ...)" goes into From as encoded words split inside a word, read back as
# "Erhvervsservi ce)".
FROM_NAME = "Københavns Erhvervsservice"
FROM_NAME_EN = "Copenhagen Business Service – Københavns Erhvervsservice"


@dataclass(frozen=True)
class Settings:
    """Everything the service can be configured with. See README, "Configuration"."""

    data_dir: Path = Path("intake-data")
    database_url: str = ""
    # Incoming mail: IMAP when imap_host is set, else the local Maildir.
    imap_host: str | None = None
    imap_port: int = 0
    imap_user: str | None = None
    imap_password: str | None = field(default=None, repr=False)
    imap_security: str = "ssl"
    imap_folder: str = "INBOX"
    imap_processed_folder: str = "Processed"
    imap_quarantine_folder: str = "Quarantine"
    imap_cafile: Path | None = None
    imap_timeout: float = 30.0
    maildir: Path | None = None
    # Outgoing mail: SMTP when smtp_host is set, else the local outbox Maildir.
    smtp_host: str | None = None
    smtp_port: int = 0
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_security: str = "starttls"
    smtp_cafile: Path | None = None
    smtp_timeout: float = 30.0
    outbox_maildir: Path | None = None
    from_address: str = "erhvervsservice@kk.example"
    from_name: str = FROM_NAME
    from_name_en: str = ""  # English letters' and pages' name; unset: FROM_NAME_EN, or from_name when that is set
    loop_id: str = ""
    reference_prefix: str = "KBH"
    catalogue_path: Path | None = None
    model_dir: Path | None = None
    # Other domains inside the municipality besides the one of from_address (comma-separated in the environment):
    # mail from them that carries a forwarded message is the forwarded author's application, and their
    # replies to a case are caseworkers' correspondence.
    internal_domains: tuple[str, ...] = ()
    # A caseworker's reply sent to this address (or with internal_tag in the subject) is a note on the case,
    # not passed on to the business.
    comment_address: str = ""
    internal_tag: str = "[intern]"
    # Automatic answers to one address in 24 h, per kind: a loop guard for acknowledgements (a business
    # does not send this many applications a day, a mail loop does), a limit for status answers and notices.
    max_acks_per_sender_per_day: int = 30
    max_status_answers_per_sender_per_day: int = 5
    max_notices_per_sender_per_day: int = 5
    max_processing_attempts: int = 3
    # A worker holds a message it processes this long; then another may take it over (a dead
    # process on the same host is taken over at once). Longer than reading all attachments takes.
    message_lease_seconds: float = 900.0
    # Where attachments are read: "local" (in this process's sandbox) or "queue" (jobs for
    # ``intake worker`` processes, PostgreSQL only); in the queue mode the service waits this
    # long for them before it routes the case on what was read.
    extraction: str = "local"
    extraction_wait_seconds: float = 180.0
    max_message_mb: float = 25.0                # larger messages are refused before parsing (intake.refusals)
    # Who sent a follow-up (intake.mail.authentication): the authserv-id(s) of our own receiving server, whose
    # Authentication-Results header we trust (others are ignored); off | reject_fail | require_pass.
    authserv_ids: tuple[str, ...] = ()
    sender_auth: str = "reject_fail"
    poll_interval: float = 5.0
    outbox_max_attempts: int = 12
    outbox_retry_base: float = 30.0
    # A mail being sent is this process's for so many seconds (longer than the SMTP timeouts of one transaction);
    # after that a dead sender's mail is sent once more.
    outbox_send_lease: float = 300.0
    batch_size: int = 50
    # Star meetings: a slot within this many working days, not before the notice, at start, for minutes.
    meeting_within_working_days: int = 5
    meeting_notice_working_days: int = 2
    meeting_start: str = "10:00"
    meeting_minutes: int = 60
    meeting_location: str = "Københavns Erhvervsservice, Københavns Rådhus"
    # Attachments are read in sandboxed workers within these limits (intake.attachments.limits.Limits).
    attachment_workers: int = 2
    attachment_seconds: float = 60.0            # wall clock for one attachment
    attachment_budget_seconds: float = 180.0    # all attachments of one message; the rest are named, unread
    attachment_memory_mb: int = 1536            # address space of a worker process
    attachment_max_mb: int = 30                 # larger attachments are refused unread
    attachment_max_pages: int = 300             # PDF pages (or slides) whose text is read
    attachment_ocr_seconds: float = 30.0        # one Tesseract run
    attachment_ocr_pages: int = 10              # scanned pages or image frames sent to Tesseract
    attachment_ocr_languages: str = "dan+eng"
    # The schedule of ``intake serve`` (seconds), and the earliest time (Copenhagen) of the daily deadline mail.
    outbox_flush_interval: int = 10
    model_check_interval: int = 3600
    digest_check_interval: int = 900
    digest_after: str = "07:00"
    # The learning loop of ``intake serve``: retrain when this many corrections have come since the newest model
    # version (checked every retrain_check_interval seconds), activate only if better, and mail the operators.
    retrain_after_corrections: int = 25
    retrain_check_interval: int = 3600
    # "approval": a better version is kept, not activated, and the operators are mailed the command that activates it
    retrain_activation: str = "automatic"
    operator_addresses: tuple[str, ...] = ()
    # The web (intake web, intake serve --web): the base of the links we put in mails, the key that signs the
    # businesses' track links (generated once into data_dir/web_secret when unset), how long a link stays valid,
    # and the rate limits of /track (per client address and per case reference; the syntax of ``limits``).
    public_url: str = "http://127.0.0.1:8000"
    web_secret: str | None = field(default=None, repr=False)
    track_link_days: int = 400
    web_rate_per_client: str = "30/minute"
    web_rate_per_reference: str = "10/minute"
    # A trusted reverse proxy's header naming the signed-in user of the desk (single sign-on); empty: off.
    web_trusted_user_header: str = ""
    # Personal data of a case closed this many days ago is removed (5 years: the common archive rule), checked
    # by ``intake serve`` every retention_check_interval seconds and by ``intake privacy retention``.
    retention_days: int = 1826
    retention_check_interval: int = 86400

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731
        data = Path(self.data_dir)
        set_("data_dir", data)
        if not self.database_url:
            set_("database_url", f"sqlite:///{data / 'intake.db'}")
        if self.maildir is None:
            set_("maildir", data / "mailbox")
        if self.outbox_maildir is None:
            set_("outbox_maildir", data / "outbox")
        if self.model_dir is None:
            set_("model_dir", data / "models")
        if not self.loop_id:
            set_("loop_id", self.from_address)
        if not self.from_name_en.strip():
            set_("from_name_en", FROM_NAME_EN if self.from_name == FROM_NAME else self.from_name)
        for name in ("imap_security", "smtp_security"):
            if getattr(self, name) not in SECURITY_MODES:
                raise ConfigError(f"{name} must be one of {', '.join(SECURITY_MODES)}")
        if self.extraction not in ("local", "queue"):
            raise ConfigError(f"extraction must be local or queue, not {self.extraction!r}")
        if self.extraction == "queue" and not self.database_url.startswith("postgresql"):
            raise ConfigError("extraction = queue needs PostgreSQL (INTAKE_DATABASE_URL): the jobs live there")
        if self.retrain_activation not in RETRAIN_ACTIVATION:
            raise ConfigError(f"retrain_activation must be one of {', '.join(RETRAIN_ACTIVATION)}, "
                              f"not {self.retrain_activation!r}")
        if self.sender_auth not in SENDER_AUTH:
            raise ConfigError(f"sender_auth must be one of {', '.join(SENDER_AUTH)}, not {self.sender_auth!r}")
        for name in ("meeting_start", "digest_after"):
            _check_time(name, getattr(self, name))
        for name in POSITIVE:
            if not getattr(self, name) > 0:
                raise ConfigError(f"{name} must be greater than 0, not {getattr(self, name)!r}")
        if self.attachment_memory_mb < MIN_WORKER_MB:
            raise ConfigError(f"attachment_memory_mb must be at least {MIN_WORKER_MB} (a worker cannot start in less)")
        if not self.attachment_ocr_languages.replace("+", "").replace("_", "").isalnum():
            raise ConfigError(f"attachment_ocr_languages must be Tesseract languages like dan+eng, "
                              f"not {self.attachment_ocr_languages!r}")
        set_("internal_domains", tuple(d.strip().lower().lstrip("@") for d in self.internal_domains if d.strip()))
        set_("comment_address", self.comment_address.strip().lower())
        set_("public_url", self.public_url.strip().rstrip("/"))
        if not self.public_url.startswith(("http://", "https://")):
            raise ConfigError(f"public_url must start with http:// or https://, not {self.public_url!r}")
        if not self.imap_port:
            set_("imap_port", {"ssl": 993}.get(self.imap_security, 143))
        if not self.smtp_port:
            set_("smtp_port", {"ssl": 465, "starttls": 587}.get(self.smtp_security, 25))

    def sender_name(self, lang: str | None) -> str:
        """The sender's name in a letter or page in ``lang``: ``from_name_en`` in English, else ``from_name``."""
        return self.from_name_en if lang == "en" else self.from_name

    @property
    def internal(self) -> tuple[str, ...]:
        """The municipality's own mail domains: the one of ``from_address`` and ``internal_domains``."""
        own = self.from_address.rpartition("@")[2].lower()
        return tuple(dict.fromkeys(d for d in (own, *self.internal_domains) if d))

    @property
    def uses_imap(self) -> bool:
        return bool(self.imap_host)

    @property
    def uses_smtp(self) -> bool:
        return bool(self.smtp_host)


def _check_time(name: str, value: str) -> None:
    try:
        time.fromisoformat(value)
    except ValueError as err:
        raise ConfigError(f"{name} must be a time like 10:00, not {value!r}") from err


def _convert(name: str, raw: Any) -> Any:
    """Convert a TOML or environment value to the type of the field ``name``."""
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if raw is None:
        return None
    try:
        if kind.startswith("tuple"):
            items = raw.split(",") if isinstance(raw, str) else list(raw)
            return tuple(str(item).strip() for item in items if str(item).strip())
        if "Path" in kind:
            return Path(os.path.expanduser(str(raw)))
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError as err:
        raise ConfigError(f"setting {name}: {raw!r} is not a valid {kind}") from err
    return str(raw)


def _from_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as err:
        raise ConfigError(f"cannot read config file {path}: {err.strerror}") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config file {path} is not valid TOML: {err}") from err
    table = data.get("intake", data)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(table) - known)
    if unknown:
        close = [(name, difflib.get_close_matches(name, known, n=1)) for name in unknown]
        raise ConfigError(f"config file {path}: unknown settings "
                          + ", ".join(f"{name} (did you mean {m[0]}?)" if m else name for name, m in close))
    return {k: _convert(k, v) for k, v in table.items()}


def known_names() -> frozenset[str]:
    """Every ``INTAKE_*`` name something reads: one per setting, and ``OTHER_NAMES``."""
    return frozenset(ENV_PREFIX + f.name.upper() for f in fields(Settings)) | OTHER_NAMES


def unknown_names(env: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """The ``INTAKE_*`` names in ``env`` that nothing reads (a misspelt setting is ignored), each with the known
    name closest to it (None when none is close). Only names: a value may be a password."""
    known = known_names()
    found = sorted(n for n in env if n.upper().startswith(ENV_PREFIX) and n not in known
                   and not n.upper().startswith(TEST_PREFIX))
    return [(name, _closest(name, known)) for name in found]


def _closest(name: str, known: frozenset[str]) -> str | None:
    """The known name most like ``name``, compared without the prefix (else every name is half alike)."""
    cut = len(ENV_PREFIX)
    close = difflib.get_close_matches(name.upper()[cut:], [k[cut:] for k in known], n=1)
    return ENV_PREFIX + close[0] if close else None


def describe_unknown(unknown: list[tuple[str, str | None]]) -> str:
    """The names, each with ``(did you mean ...?)`` when a known one is close: for the doctor and the log."""
    return ", ".join(f"{name} (did you mean {close}?)" if close else name for name, close in unknown)


def load_settings(config: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from defaults, the TOML file and the environment (which wins)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = config or (Path(env["INTAKE_CONFIG"]) if env.get("INTAKE_CONFIG") else None)
    if path is not None:
        values.update(_from_toml(Path(path)))
    for f in fields(Settings):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw not in (None, ""):
            values[f.name] = _convert(f.name, raw)
    return Settings(**values)
