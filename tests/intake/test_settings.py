from pathlib import Path

import pytest

from intake.errors import ConfigError
from intake.settings import load_settings, unknown_names


def test_no_settings_gives_the_embedded_default():
    s = load_settings(env={})
    assert not s.uses_imap and not s.uses_smtp
    assert s.database_url == f"sqlite:///{Path('intake-data') / 'intake.db'}"
    assert s.maildir == Path("intake-data/mailbox")
    assert s.outbox_maildir == Path("intake-data/outbox")


def test_english_letters_have_an_english_sender_name_unless_the_municipality_names_itself(tmp_path):
    """The default name gets its English one; a municipality's own name stays in both languages until it gives an
    English name of its own (in the config file or the environment)."""
    default = load_settings(env={})
    assert default.sender_name("en") == "Copenhagen Business Service – Københavns Erhvervsservice"
    assert default.sender_name("da") == default.from_name == "Københavns Erhvervsservice"
    own = load_settings(env={"INTAKE_FROM_NAME": "Aarhus Erhverv"})
    assert own.sender_name("en") == own.sender_name("da") == "Aarhus Erhverv"
    cfg = tmp_path / "intake.toml"
    cfg.write_text('[intake]\nfrom_name = "Aarhus Erhverv"\nfrom_name_en = "Aarhus Business Service"\n')
    both = load_settings(cfg, env={})
    assert both.sender_name("en") == "Aarhus Business Service" and both.sender_name("da") == "Aarhus Erhverv"


def test_environment_wins_over_the_config_file(tmp_path):
    cfg = tmp_path / "intake.toml"
    cfg.write_text('[intake]\nimap_host = "mail.example"\nimap_port = 1993\nreference_prefix = "AAR"\n')
    s = load_settings(cfg, env={"INTAKE_IMAP_PORT": "2993"})
    assert (s.imap_host, s.imap_port, s.reference_prefix) == ("mail.example", 2993, "AAR")


def test_config_file_is_found_through_intake_config(tmp_path):
    cfg = tmp_path / "x.toml"
    cfg.write_text('smtp_host = "smtp.example"\nsmtp_security = "ssl"\n')
    s = load_settings(env={"INTAKE_CONFIG": str(cfg)})
    assert s.smtp_host == "smtp.example" and s.smtp_port == 465


def test_secrets_never_appear_in_repr():
    s = load_settings(env={"INTAKE_IMAP_PASSWORD": "hunter2-secret", "INTAKE_SMTP_PASSWORD": "pw-smtp-9"})
    assert s.imap_password == "hunter2-secret"
    assert "hunter2-secret" not in repr(s) and "pw-smtp-9" not in repr(s)


def test_unknown_setting_in_file_is_refused(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('imap_hots = "typo"\n')
    with pytest.raises(ConfigError, match="imap_hots"):
        load_settings(cfg, env={})


def test_invalid_security_mode_is_refused():
    with pytest.raises(ConfigError, match="imap_security"):
        load_settings(env={"INTAKE_IMAP_SECURITY": "tls-please"})


def test_an_unknown_retrain_activation_is_refused():
    with pytest.raises(ConfigError, match="retrain_activation must be one of automatic, approval"):
        load_settings(env={"INTAKE_RETRAIN_ACTIVATION": "manual"})


def test_invalid_number_is_refused():
    with pytest.raises(ConfigError, match="imap_port"):
        load_settings(env={"INTAKE_IMAP_PORT": "nine"})


def test_star_meeting_settings_come_from_the_environment_and_are_checked():
    s = load_settings(env={"INTAKE_MEETING_START": "13:30", "INTAKE_MEETING_MINUTES": "90"})
    assert (s.meeting_start, s.meeting_minutes) == ("13:30", 90)
    with pytest.raises(ConfigError, match="meeting_start"):
        load_settings(env={"INTAKE_MEETING_START": "half past one"})


def test_attachment_limits_and_schedule_come_from_the_config_file_and_the_environment(tmp_path):
    cfg = tmp_path / "intake.toml"
    cfg.write_text('[intake]\nattachment_ocr_seconds = 5.5\nattachment_memory_mb = 2048\n'
                   'outbox_flush_interval = 30\ndigest_after = "08:15"\n')
    s = load_settings(cfg, env={"INTAKE_ATTACHMENT_SECONDS": "90", "INTAKE_DIGEST_CHECK_INTERVAL": "60"})
    assert (s.attachment_ocr_seconds, s.attachment_memory_mb, s.attachment_seconds) == (5.5, 2048, 90.0)
    assert (s.outbox_flush_interval, s.digest_check_interval, s.digest_after) == (30, 60, "08:15")


def test_attachment_and_schedule_defaults_are_those_the_code_had():
    s = load_settings(env={})
    assert (s.attachment_seconds, s.attachment_ocr_seconds, s.attachment_memory_mb, s.attachment_workers) == (
        60.0, 30.0, 1536, 2)
    assert (s.outbox_flush_interval, s.model_check_interval, s.digest_check_interval, s.digest_after) == (
        10, 3600, 900, "07:00")


def test_the_learning_loop_settings_default_to_25_corrections_hourly_and_no_operators():
    s = load_settings(env={})
    assert (s.retrain_after_corrections, s.retrain_check_interval, s.operator_addresses) == (25, 3600, ())


def test_operator_addresses_are_a_comma_separated_list():
    s = load_settings(env={"INTAKE_OPERATOR_ADDRESSES": "drift@kk.example, it@kk.example"})
    assert s.operator_addresses == ("drift@kk.example", "it@kk.example")


@pytest.mark.parametrize(("name", "value"), [
    ("ATTACHMENT_SECONDS", "0"), ("ATTACHMENT_OCR_SECONDS", "-1"), ("ATTACHMENT_WORKERS", "0"),
    ("ATTACHMENT_MAX_MB", "0"), ("OUTBOX_FLUSH_INTERVAL", "0"), ("MODEL_CHECK_INTERVAL", "-5"),
    ("DIGEST_CHECK_INTERVAL", "0"), ("ATTACHMENT_MEMORY_MB", "100"), ("DIGEST_AFTER", "7 o'clock"),
    ("RETRAIN_AFTER_CORRECTIONS", "0"), ("RETRAIN_CHECK_INTERVAL", "0"),
    ("ATTACHMENT_OCR_LANGUAGES", "--psm 0"),
])
def test_an_unusable_limit_or_interval_is_refused_at_start(name, value):
    with pytest.raises(ConfigError, match=name.lower()):
        load_settings(env={f"INTAKE_{name}": value})


def test_unknown_setting_in_file_names_the_closest_one(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text('imap_hots = "typo"\n')
    with pytest.raises(ConfigError, match=r"imap_hots \(did you mean imap_host\?\)"):
        load_settings(cfg, env={})


def test_a_misspelt_variable_is_named_with_the_closest_setting():
    found = unknown_names({"INTAKE_IMAP_PASWORD": "hunter2", "INTAKE_AUTHSERV_ID": "mx.kk.example",
                           "INTAKE_NONSENSE": "1", "PATH": "/usr/bin"})
    assert found == [("INTAKE_AUTHSERV_ID", "INTAKE_AUTHSERV_IDS"), ("INTAKE_IMAP_PASWORD", "INTAKE_IMAP_PASSWORD"),
                     ("INTAKE_NONSENSE", None)]


def test_variables_read_outside_the_settings_are_not_unknown():
    """The config file's path, the log format, compose.yaml's database password and the tests' hooks."""
    env = {"INTAKE_CONFIG": "/etc/intake/intake.toml", "INTAKE_LOG_FORMAT": "json", "INTAKE_DB_PASSWORD": "x",
           "INTAKE_TEST_CRASH_AT": "after_send:1", "INTAKE_TEST_ARTEFACTS": "/tmp/a", "INTAKE_TEST_CHROMIUM": "/c",
           "INTAKE_IMAP_PASSWORD": "x"}
    assert unknown_names(env) == []


def test_every_intake_variable_the_repository_names_is_read_by_something():
    """A name in the README, the deployment files, the scripts, the benches or the tests that nothing reads is a
    typo that is silently ignored (bench/chaos.py set INTAKE_OPERATOR_ADDRESS, and no operator alert was sent)."""
    import re

    from tests.paths import ROOT

    deliberate = {Path(__file__).resolve(), (ROOT / "tests" / "intake" / "test_doctor.py").resolve()}
    places = [ROOT / "README.md", ROOT / ".ci", *(ROOT / d for d in ("docs", "deploy", "scripts", "intake", "bench",
                                                                       "tests", "classifier", "routing", "models"))]
    files = [p for place in places for p in ([place] if place.is_file() else place.rglob("*"))
             if p.is_file() and p.suffix not in (".png", ".jsonl", ".eml", ".pyc", ".csv")]
    named = {name: path for path in files if path.resolve() not in deliberate
             for name in re.findall(r"\bINTAKE_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(errors="replace"))}
    assert {name: str(named[name]) for name, _ in unknown_names(dict.fromkeys(named, ""))} == {}
