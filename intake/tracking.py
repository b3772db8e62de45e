"""The business's personal track link: ``{public_url}/track/<token>``, a signed token naming one case.

The token is the case reference signed with ``itsdangerous`` (HMAC-SHA1 over a
key derived from the secret and a salt, with a timestamp): it cannot be guessed
or altered, and it expires after ``Settings.track_link_days``. It lives below
the letters (they put the link in every acknowledgement and status answer) and
the web (which reads it back), so both sign with the same key.

The key is ``Settings.web_secret`` (``INTAKE_WEB_SECRET``); when that is unset,
a random key is generated once and kept in ``data_dir/web_secret`` (mode 0600),
so links in mails already sent stay valid across restarts. Changing the key
makes every link sent so far invalid (the business can still use the form).
"""
from __future__ import annotations

import os
import secrets
import tempfile
from functools import cache
from pathlib import Path

from itsdangerous import BadData, URLSafeTimedSerializer

from intake.errors import ConfigError
from intake.settings import Settings

SALT = "intake.track"
SECRET_FILE = "web_secret"
DAY = 86_400


def web_secret(settings: Settings) -> str:
    """The key that signs track links: the setting, else the one kept in the data directory (made once)."""
    if settings.web_secret:
        return settings.web_secret
    return _stored_secret(Path(settings.data_dir).resolve() / SECRET_FILE)


@cache
def _stored_secret(path: Path) -> str:
    """The key in ``path``, made once. Two processes starting at once agree on one, and neither ever reads a key half
    written: the key is written in full to a file of its own, then linked to ``path``, which fails if another process
    linked its key first (that one is then read)."""
    if path.exists():
        return _read_secret(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, written = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")     # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_urlsafe(32))
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.link(written, path)
            except FileExistsError:
                pass                                    # another process made it first: its key is the key
        finally:
            os.unlink(written)
    except OSError as err:
        raise ConfigError(f"cannot create the web secret in {path.parent}: {err.strerror}") from err
    return _read_secret(path)


def _read_secret(path: Path) -> str:
    try:
        value = path.read_text("ascii").strip()
    except OSError as err:
        raise ConfigError(f"cannot read the web secret {path}: {err.strerror}") from err
    if len(value) < 16:
        raise ConfigError(f"the web secret in {path} is too short (delete the file to make a new one)")
    return value


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(web_secret(settings), salt=SALT)


def make_token(settings: Settings, reference: str) -> str:
    """The signed token of ``reference`` (it carries the reference and when it was made)."""
    return str(_serializer(settings).dumps(reference))


def read_token(settings: Settings, token: str) -> str | None:
    """The reference ``token`` names, or None when it is forged, damaged or older than ``track_link_days``."""
    try:
        value = _serializer(settings).loads(token, max_age=settings.track_link_days * DAY)
    except BadData:
        return None
    return value if isinstance(value, str) else None


def track_url(settings: Settings, reference: str) -> str:
    """The personal link the business follows to see ``reference``."""
    return f"{settings.public_url}/track/{make_token(settings, reference)}"
