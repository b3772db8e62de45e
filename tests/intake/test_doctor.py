"""``intake doctor``: each check's verdict, on the embedded default and with things missing."""
from __future__ import annotations

import subprocess

from typer.testing import CliRunner

from intake.cli.main import app
from intake.doctor import run_checks
from intake.settings import load_settings
from models.db import open_database

RUN = CliRunner()


def _verdicts(settings, **kwargs) -> dict[str, tuple[str, str]]:
    return {c.name: (c.verdict, c.detail) for c in run_checks(settings, **kwargs)}


def test_fresh_embedded_default_only_warns(tmp_path):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "data")})
    found = _verdicts(settings)
    assert found["settings"][0] == "ok"
    assert found["database"] == ("warn", found["database"][1]) and "not yet migrated" in found["database"][1]
    assert found["mailbox"][0] == "ok" and "created at start" in found["mailbox"][1]
    assert found["model"][0] == "warn" and "no active model" in found["model"][1]
    assert all(verdict != "fail" for verdict, _ in found.values())


def test_migrated_database_is_ok(tmp_path):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "data")})
    open_database(settings.database_url).dispose()
    verdict, detail = _verdicts(settings)["database"]
    assert verdict == "ok" and "newest migration" in detail


def test_unreachable_servers_fail_and_the_command_exits_1(tmp_path, monkeypatch):
    from tests.servers.base import free_port

    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_IMAP_HOST": "127.0.0.1",
           "INTAKE_IMAP_PORT": str(free_port()), "INTAKE_IMAP_SECURITY": "none", "INTAKE_IMAP_USER": "u",
           "INTAKE_IMAP_PASSWORD": "p", "INTAKE_SMTP_HOST": "127.0.0.1", "INTAKE_SMTP_PORT": str(free_port()),
           "INTAKE_SMTP_SECURITY": "none"}
    found = _verdicts(load_settings(env=env))
    assert found["imap"][0] == "fail" and "cannot connect" in found["imap"][1]
    assert found["smtp"][0] == "fail" and "unavailable" in found["smtp"][1]
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = RUN.invoke(app, ["doctor"])
    assert result.exit_code == 1, result.output
    assert "FAIL  imap" in result.output and "FAIL  smtp" in result.output


def test_outbox_under_a_file_fails(tmp_path):
    (tmp_path / "taken").write_text("a file where a folder should be")
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "data"),
                                  "INTAKE_OUTBOX_MAILDIR": str(tmp_path / "taken" / "outbox")})
    verdict, detail = _verdicts(settings)["smtp"]
    assert verdict == "fail" and "is not a folder" in detail


def test_missing_tools_are_warnings_with_the_package_to_install(tmp_path, monkeypatch):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "data")})
    monkeypatch.setattr("intake.doctor.shutil.which", lambda name: None)
    found = _verdicts(settings)
    assert found["tesseract"][0] == "warn" and "not asked for a sharper copy" in found["tesseract"][1]
    assert found["antiword"] == ("warn", found["antiword"][1]) and "Debian package antiword" in found["antiword"][1]
    assert found["catdoc"][0] == "warn"


def test_tesseract_without_danish_is_a_warning(tmp_path, monkeypatch):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "data")})
    monkeypatch.setattr("intake.doctor.shutil.which", lambda name: f"/usr/bin/{name}")

    def langs(command, **_kwargs):
        return subprocess.CompletedProcess(command, 0, 'List of available languages in "/x" (2):\neng\nosd\n', "")

    verdict, detail = _verdicts(settings, run=langs)["tesseract"]
    assert verdict == "warn" and "dan" in detail and "tesseract-ocr-dan" in detail


def test_an_unreachable_database_says_why_without_the_password(tmp_path):
    """As ``intake case list`` does: the driver's reason ("connection refused"), not only its error's class."""
    from tests.servers.base import free_port

    url = f"postgresql://intake:db-s3cret@127.0.0.1:{free_port()}/intake"
    verdict, detail = _verdicts(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": url}))[
        "database"]
    assert verdict == "fail" and detail.endswith("refused") and "OperationalError" not in detail
    assert "s3cret" not in detail


def test_a_fresh_installation_is_told_how_long_the_first_model_takes(tmp_path):
    verdict, detail = _verdicts(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path)}))["model"]
    assert verdict == "warn" and "seconds on the bundled corpus" in detail


def test_approval_of_models_without_operators_to_mail_is_a_warning(tmp_path, model_dir):
    """Under approval a better version waits for an operator: with nobody to mail, nobody hears of it."""
    env = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
           "INTAKE_RETRAIN_ACTIVATION": "approval"}
    verdict, detail = _verdicts(load_settings(env=env))["model"]
    assert verdict == "warn" and "INTAKE_OPERATOR_ADDRESSES" in detail
    with_operators = {**env, "INTAKE_OPERATOR_ADDRESSES": "drift@kk.example"}
    assert _verdicts(load_settings(env=with_operators))["model"][0] == "ok"


def test_a_real_mailbox_without_our_servers_authserv_id_is_warned_that_caseworkers_can_be_forged(tmp_path):
    from tests.servers.base import free_port

    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_IMAP_HOST": "127.0.0.1",
           "INTAKE_IMAP_PORT": str(free_port()), "INTAKE_IMAP_SECURITY": "none", "INTAKE_IMAP_USER": "u",
           "INTAKE_IMAP_PASSWORD": "p", "INTAKE_INTERNAL_DOMAINS": "kk.example"}
    verdict, detail = _verdicts(load_settings(env=env))["sender checks"]
    assert verdict == "warn" and "INTAKE_AUTHSERV_IDS is not set" in detail and "kk.example" in detail
    verdict, detail = _verdicts(load_settings(env={**env, "INTAKE_AUTHSERV_IDS": "mx.kk.example"}))["sender checks"]
    assert verdict == "ok" and "mx.kk.example" in detail


def test_a_real_relay_with_the_default_link_and_placeholder_addresses_is_warned_of(tmp_path):
    """The README's production example sent businesses links to 127.0.0.1 and the offices' cases to
    trafik@kk.example, and doctor said nothing."""
    from intake.doctor import _addresses_check

    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_SMTP_HOST": "smtp.kk.dk"}
    check = _addresses_check(load_settings(env=env))
    assert check.verdict == "warn" and "127.0.0.1" in check.detail and "placeholders" in check.detail
    catalogue = tmp_path / "catalogue.toml"
    from routing.catalogue import BUNDLED_CATALOGUE

    catalogue.write_text(BUNDLED_CATALOGUE.read_text(encoding="utf-8").replace("@kk.example", "@kk.dk"),
                         encoding="utf-8")
    real = env | {"INTAKE_PUBLIC_URL": "https://intake.kk.dk", "INTAKE_CATALOGUE_PATH": str(catalogue),
                  "INTAKE_FROM_ADDRESS": "erhvervsservice@kk.dk"}
    assert _addresses_check(load_settings(env=real)).verdict == "ok"
    assert _addresses_check(load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "d2")})).verdict == "ok"


def test_a_misspelt_variable_is_a_warning_naming_the_setting_meant(tmp_path, monkeypatch):
    """A misspelt password was ignored without a word; the doctor names it and the setting meant, never the value."""
    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_IMAP_PASWORD": "hunter2-secret",
           "INTAKE_AUTHSERV_ID": "mx.kk.example", "INTAKE_LOG_FORMAT": "text", "INTAKE_TEST_CRASH_AT": "x:9"}
    verdict, detail = _verdicts(load_settings(env=env), env=env)["settings"]
    assert verdict == "warn"
    assert "INTAKE_IMAP_PASWORD (did you mean INTAKE_IMAP_PASSWORD?)" in detail
    assert "INTAKE_AUTHSERV_ID (did you mean INTAKE_AUTHSERV_IDS?)" in detail
    assert "hunter2" not in detail and "LOG_FORMAT" not in detail and "CRASH_AT" not in detail
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    output = " ".join(RUN.invoke(app, ["doctor"]).output.split())   # (the console wraps long lines)
    assert "WARN settings" in output and "INTAKE_IMAP_PASWORD (did you mean INTAKE_IMAP_PASSWORD?)" in output
    assert "hunter2" not in output


def test_the_service_warns_of_a_misspelt_variable_once_at_start(tmp_path, caplog):
    from intake.doctor import warn_at_start

    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_IMAP_PASWORD": "hunter2-secret"}
    with caplog.at_level("WARNING", logger="intake.doctor"):
        warn_at_start(load_settings(env=env), env)
    lines = [r.getMessage() for r in caplog.records if "settings" in r.getMessage()]
    assert len(lines) == 1 and "INTAKE_IMAP_PASWORD (did you mean INTAKE_IMAP_PASSWORD?)" in lines[0]
    assert "hunter2" not in caplog.text


def test_no_warning_without_unknown_variables(tmp_path):
    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_CONFIG": "", "INTAKE_DB_PASSWORD": "x"}
    assert _verdicts(load_settings(env=env), env=env)["settings"][0] == "ok"
