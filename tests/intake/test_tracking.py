"""Track links: signed tokens that name one case, a key kept once in the data directory, expiry."""
from __future__ import annotations

import stat

import pytest
from itsdangerous import URLSafeTimedSerializer

from intake.errors import ConfigError
from intake.settings import load_settings
from intake.tracking import SALT, SECRET_FILE, make_token, read_token, track_url, web_secret

REFERENCE = "KBH-2026-000042"


def settings_in(tmp_path, **env):
    return load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), **{f"INTAKE_{k.upper()}": v for k, v in env.items()}})


def test_a_token_names_its_reference(tmp_path):
    s = settings_in(tmp_path)
    assert read_token(s, make_token(s, REFERENCE)) == REFERENCE


def test_the_key_is_made_once_and_kept_private_in_the_data_directory(tmp_path):
    s = settings_in(tmp_path)
    token = make_token(s, REFERENCE)
    path = tmp_path / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_token(settings_in(tmp_path), token) == REFERENCE
    assert web_secret(s) == path.read_text().strip()


def test_the_configured_secret_wins_and_no_file_is_written(tmp_path):
    s = settings_in(tmp_path, web_secret="x" * 32)
    assert read_token(s, make_token(s, REFERENCE)) == REFERENCE
    assert not (tmp_path / SECRET_FILE).exists()
    assert "x" * 32 not in repr(s)


@pytest.mark.parametrize("change", [lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
                                    lambda t: "KBH-2026-000042." + t.split(".", 1)[1],
                                    lambda t: "", lambda t: "not-a-token"])
def test_a_forged_or_damaged_token_names_nothing(tmp_path, change):
    s = settings_in(tmp_path)
    assert read_token(s, change(make_token(s, REFERENCE))) is None


def test_a_token_signed_with_another_key_names_nothing(tmp_path):
    other = URLSafeTimedSerializer("another key entirely", salt=SALT).dumps(REFERENCE)
    assert read_token(settings_in(tmp_path), other) is None


def test_an_expired_token_names_nothing(tmp_path, monkeypatch):
    s = settings_in(tmp_path, track_link_days="2")
    token = make_token(s, REFERENCE)
    import itsdangerous.timed

    now = itsdangerous.timed.time.time()
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: now + 3 * 86_400)
    assert read_token(s, token) is None


def test_the_link_is_under_the_public_url(tmp_path):
    s = settings_in(tmp_path, public_url="https://erhverv.kk.example/")
    assert track_url(s, REFERENCE).startswith("https://erhverv.kk.example/track/")


def test_a_public_url_without_a_scheme_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="public_url"):
        settings_in(tmp_path, public_url="erhverv.kk.example")


def test_a_short_kept_key_is_refused(tmp_path):
    (tmp_path / SECRET_FILE).write_text("short")
    with pytest.raises(ConfigError, match="too short"):
        make_token(settings_in(tmp_path / "."), REFERENCE)


def test_a_process_starting_while_the_key_is_made_reads_a_whole_key(tmp_path, monkeypatch):
    """Two workers start at once: the second looks for the key while the first is still making it. It must never read
    a key half written (CI saw "the web secret ... is too short"); both end with the same key."""
    from intake import tracking

    path = tmp_path / SECRET_FILE
    make = tracking.secrets.token_urlsafe
    seen: list[str] = []
    started = []

    def key_while_another_starts(n: int) -> str:
        if not started:                   # the first process, mid-way: the second one starts now
            started.append(True)
            seen.append(tracking._stored_secret.__wrapped__(path))
        return make(n)

    monkeypatch.setattr(tracking.secrets, "token_urlsafe", key_while_another_starts)
    first = tracking._stored_secret.__wrapped__(path)
    assert first == seen[0] == path.read_text().strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [SECRET_FILE]     # no key file of one process left behind
