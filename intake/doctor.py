"""``intake doctor``: what the service needs, checked one line at a time.

Each check answers ok, a warning (the service runs, with less: e.g. no OCR) or a
failure (the service cannot do its job: no database, no mailbox, no relay).
``intake serve`` runs the same checks at start and logs the warnings, so an
operator sees at once why scanned attachments are not read.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from intake.errors import IntakeError
from intake.settings import Settings, describe_unknown, unknown_names
from models.db import current_revision, make_engine, safe_url
from models.revision import HEAD_REVISION

log = logging.getLogger(__name__)
Verdict = Literal["ok", "warn", "fail"]
OCR_LANGUAGES_TIMEOUT = 20.0


@dataclass(frozen=True)
class Check:
    """One line of the doctor's answer."""

    name: str
    verdict: Verdict
    detail: str

    @property
    def line(self) -> str:
        return f"{self.verdict.upper():<4}  {self.name:<12} {self.detail}"


def _settings_check(settings: Settings, source: Path | None, env: Mapping[str, str] | None = None) -> Check:
    """Where the settings came from; a warning for ``INTAKE_*`` names nothing reads (a misspelt setting is ignored
    without a word: a misspelt IMAP password is no password). Names only, never a value."""
    where = str(source) if source else "defaults and INTAKE_* environment"
    unknown = unknown_names(os.environ if env is None else env)
    if unknown:
        return Check("settings", "warn", f"unknown environment variable(s) {describe_unknown(unknown)}: ignored; "
                                         f"read from {where}; data in {settings.data_dir}")
    return Check("settings", "ok", f"read from {where}; data in {settings.data_dir}")


def _database_check(settings: Settings) -> Check:
    url = safe_url(settings.database_url)
    try:
        engine = make_engine(settings.database_url)
    except IntakeError as err:
        return Check("database", "fail", str(err))
    head = HEAD_REVISION
    try:
        current = current_revision(engine)
    except SQLAlchemyError as err:
        from sqlalchemy.exc import DBAPIError

        from models.db import short_reason

        reason = short_reason(err) if isinstance(err, DBAPIError) else type(err).__name__
        return Check("database", "fail", f"cannot reach {url}: {reason}")
    finally:
        engine.dispose()
    if current is None:
        return Check("database", "warn", f"{url} reachable, not yet migrated (the service migrates it at start)")
    if current != head:
        from models.db import is_known_revision

        if not is_known_revision(engine, current):
            return Check("database", "fail", f"{url} at migration {current}, which this version does not know: the "
                                             "database is newer than the software (install the version that wrote "
                                             "it, or restore a backup made before)")
        return Check("database", "warn", f"{url} at migration {current}, newest is {head} "
                                         "(the service, or any command, migrates it at start: back it up first)")
    return Check("database", "ok", f"{url} at the newest migration {head}")


def _mailbox_check(settings: Settings) -> Check:
    if not settings.uses_imap:
        folder = Path(settings.maildir or settings.data_dir / "mailbox")
        return _folder_check("mailbox", folder, "local Maildir")
    from intake.mailbox.imap import ImapMailbox

    mailbox = ImapMailbox.from_settings(settings, retries=0)
    try:
        waiting = mailbox.check()
    except IntakeError as err:
        return Check("imap", "fail", str(err))
    finally:
        mailbox.close()
    return Check("imap", "ok", f"logged in to {settings.imap_host}:{settings.imap_port}; folders "
                               f"{settings.imap_folder}, {settings.imap_processed_folder}, "
                               f"{settings.imap_quarantine_folder} present; {waiting} message(s) waiting")


def _relay_check(settings: Settings) -> Check:
    if not settings.uses_smtp:
        return _folder_check("smtp", Path(settings.outbox_maildir or settings.data_dir / "outbox"),
                             "no SMTP relay; mail goes to the local outbox Maildir")
    from intake.letters.sender import SmtpSender

    assert settings.smtp_host
    sender = SmtpSender(settings.smtp_host, settings.smtp_port, security=settings.smtp_security,
                        user=settings.smtp_user, password=settings.smtp_password,
                        cafile=settings.smtp_cafile, timeout=settings.smtp_timeout)
    try:
        answer = sender.check()
    except IntakeError as err:
        return Check("smtp", "fail", str(err))
    finally:
        sender.close()
    return Check("smtp", "ok", f"{settings.smtp_host}:{settings.smtp_port} {answer}")


def _folder_check(name: str, folder: Path, what: str) -> Check:
    probe = folder if folder.exists() else next((p for p in folder.parents if p.exists()), Path("."))
    if not probe.is_dir():
        return Check(name, "fail", f"{what} {folder}: {probe} is not a folder")
    if not os.access(probe, os.W_OK):
        return Check(name, "fail", f"{what} {folder} is not writable")
    state = "present" if folder.exists() else "created at start"
    return Check(name, "ok", f"{what} {folder} ({state})")


def _model_check(settings: Settings) -> Check:
    from classifier.store import ModelStore, compatibility_problem

    store = ModelStore(Path(settings.model_dir or settings.data_dir / "models"))
    try:
        version = store.active_version()
    except (OSError, ValueError) as err:
        return Check("model", "fail", f"cannot read the model store: {err}")
    if version is None:
        return Check("model", "warn", "no active model: the service trains one from the bundled corpus at start "
                                      "(seconds on the bundled corpus; longer with many corrections)")
    try:
        problem = compatibility_problem(store.meta(version))
        store.load(version)
    except Exception as err:  # noqa: BLE001 - any reason a model does not load is this check's answer
        return Check("model", "fail", f"version {version} does not load: {type(err).__name__}: {err}")
    if problem:
        return Check("model", "warn", f"version {version} loads, but {problem}")
    if settings.retrain_activation == "approval" and not settings.operator_addresses:
        return Check("model", "warn", f"version {version} active and loads, but INTAKE_RETRAIN_ACTIVATION=approval "
                     "without INTAKE_OPERATOR_ADDRESSES: a better retrained version waits, and only the log says so")
    return Check("model", "ok", f"version {version} active and loads")


def _tesseract_check(settings: Settings, run: Callable[..., subprocess.CompletedProcess[str]]) -> Check:
    binary = shutil.which("tesseract")
    if binary is None:
        return Check("tesseract", "warn", "not installed: scanned attachments are not read (the office is told, "
                                          "the business is not asked for a sharper copy)")
    try:
        done = run([binary, "--list-langs"], capture_output=True, text=True, timeout=OCR_LANGUAGES_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as err:
        return Check("tesseract", "warn", f"{binary} does not run: {type(err).__name__}")
    have = {line.strip() for line in (done.stdout + done.stderr).splitlines()[1:] if line.strip()}
    wanted = settings.attachment_ocr_languages.split("+")
    missing = [lang for lang in wanted if lang not in have]
    if missing:
        return Check("tesseract", "warn", f"{binary} lacks the language(s) {', '.join(missing)} "
                                          f"(Debian: tesseract-ocr-{' tesseract-ocr-'.join(missing)})")
    return Check("tesseract", "ok", f"{binary} with {', '.join(wanted)}")


def _tool_check(name: str, purpose: str) -> Check:
    binary = shutil.which(name)
    if binary is None:
        return Check(name, "warn", f"not installed: {purpose} are not read (Debian package {name})")
    return Check(name, "ok", binary)


def _workers_check(settings: Settings) -> Check:
    """In the queue mode, whether an ``intake worker`` is alive: without one every attachment waits out the
    service's whole budget (``INTAKE_EXTRACTION_WAIT_SECONDS``) and is routed unread."""
    if settings.extraction != "queue":
        return Check("workers", "ok", "attachments are read by the service itself (INTAKE_EXTRACTION=local)")
    from intake.extraction import live_workers

    try:
        engine = make_engine(settings.database_url)
        try:
            alive = live_workers(engine)
        finally:
            engine.dispose()
    except (IntakeError, SQLAlchemyError) as err:
        return Check("workers", "fail", f"the queue cannot be read: {type(err).__name__}")
    if not alive:   # a warning: `intake serve` copes (2 s a message, read later), and runs doctor before it starts
        return Check("workers", "warn", "INTAKE_EXTRACTION=queue, but no `intake worker` beat in the last minute: "
                     "attachments are routed unread and read when a worker comes; start at least one")
    return Check("workers", "ok", f"{alive} `intake worker` process(es) alive")


def _sender_check(settings: Settings) -> Check:
    """Whether mail from the municipality's own addresses can be told from mail that only says so.

    A caseworker's reply with a case's reference is passed on to the business from our address. Only the
    receiving server's ``Authentication-Results`` (``INTAKE_AUTHSERV_IDS``) proves such a From: without it, anyone
    may write as a caseworker and have us mail the business (session 37's audit relayed a forged payment demand).
    """
    if not settings.imap_host:
        return Check("sender checks", "ok", "local Maildir: mail arrives from no server")
    if settings.sender_auth == "off":
        return Check("sender checks", "warn", "INTAKE_SENDER_AUTH=off: every From is believed, a caseworker's too")
    if not settings.authserv_ids:
        return Check("sender checks", "warn", "INTAKE_AUTHSERV_IDS is not set: mail that says it is from "
                     f"{', '.join(settings.internal) or 'the municipality'} is believed unchecked, and a forged "
                     "caseworker's reply is passed on to the business; set it to the receiving server's authserv-id")
    return Check("sender checks", "ok", f"Authentication-Results of {', '.join(settings.authserv_ids)} are read")


_LOOPBACK = re.compile(r"^https?://(?:localhost|127\.[\d.]+|\[::1\])(?::\d+)?(?:/|$)", re.IGNORECASE)


def _addresses_check(settings: Settings) -> Check:
    """Whether the links and addresses our mail carries lead anywhere: a real relay with the default public URL or
    the bundled catalogue's placeholder addresses sends businesses to 127.0.0.1 and the offices' mail to nowhere."""
    if not settings.uses_smtp:
        return Check("addresses", "ok", "mail is written to the local outbox Maildir")
    from intake.app import catalogue_and_calendar

    catalogue, _ = catalogue_and_calendar(settings)
    placeholders = sorted({a for a in [*(o.address for o in catalogue.offices.values()),
                                       *(p.email for p in catalogue.contact_persons), settings.from_address]
                           if a.lower().endswith(".example")})
    problems = []
    if _LOOPBACK.match(settings.public_url):
        problems.append(f"INTAKE_PUBLIC_URL is {settings.public_url}: the track links we mail lead nowhere")
    if placeholders:
        problems.append(f"{len(placeholders)} address(es) are placeholders ({', '.join(placeholders[:3])}...): set "
                        "INTAKE_FROM_ADDRESS and a catalogue of your own (INTAKE_CATALOGUE_PATH)")
    if problems:
        return Check("addresses", "warn", "; ".join(problems))
    return Check("addresses", "ok", f"links to {settings.public_url}; the catalogue's addresses are real ones")


def run_checks(settings: Settings, source: Path | None = None,
               run: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run,
               env: Mapping[str, str] | None = None) -> Iterator[Check]:
    """Every check, in the order an operator would fix them (``env``: the environment, default ``os.environ``)."""
    yield _settings_check(settings, source, env)
    yield _database_check(settings)
    yield _mailbox_check(settings)
    yield _relay_check(settings)
    yield _workers_check(settings)
    yield _sender_check(settings)
    yield _addresses_check(settings)
    yield _model_check(settings)
    yield _tesseract_check(settings, run)
    yield _tool_check("antiword", "legacy Word (.doc) attachments")
    yield _tool_check("catdoc", "legacy Word files antiword cannot read, and .ppt/.xls")


def warn_at_start(settings: Settings, env: Mapping[str, str] | None = None) -> None:
    """Log the warnings of the checks that cost nothing (settings, tools and model) when the service starts."""
    for check in (_settings_check(settings, None, env), _tesseract_check(settings, subprocess.run),
                  _tool_check("antiword", "legacy Word attachments"),
                  _tool_check("catdoc", "legacy Office attachments"), _sender_check(settings),
                  _addresses_check(settings)):
        if check.verdict != "ok":
            log.warning("doctor: %s: %s", check.name, check.detail)
