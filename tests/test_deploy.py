"""deploy/: the example settings name every setting, and the systemd units are what systemd accepts."""
from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from dataclasses import fields

import pytest

from intake.settings import Settings
from tests.paths import ROOT

DEPLOY = ROOT / "deploy"


def test_example_settings_name_every_setting_and_nothing_else():
    text = (DEPLOY / "intake.toml.example").read_text(encoding="utf-8")
    named = set(re.findall(r"^# (\w+)(?: =|:)", text, flags=re.M))
    assert named == {f.name for f in fields(Settings)}


def test_example_settings_load_when_uncommented(tmp_path):
    from intake.settings import load_settings

    text = (DEPLOY / "intake.toml.example").read_text(encoding="utf-8")
    lines = [re.sub(r"^# (\w+ = .*?)\s*(#.*)?$", r"\1", line) for line in text.splitlines()]
    keep = [line for line in lines if not line.startswith("#") and "<" not in line]
    path = tmp_path / "intake.toml"
    path.write_text("\n".join(keep) + "\n", encoding="utf-8")
    settings = load_settings(path, env={})
    assert settings.imap_host == "imap.example.dk" and settings.internal_domains == ("kk.dk",)


@pytest.mark.parametrize("unit", sorted(p.name for p in (DEPLOY / "systemd").glob("*.service")))
def test_units_are_hardened(unit):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / unit)
    service = parser["Service"]
    assert service["User"] == "intake"
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"
    assert service["PrivateTmp"] == "yes" and service["ReadWritePaths"]
    assert service["Restart"].startswith("on-")
    assert service["ExecStart"].startswith("/opt/intake/venv/bin/intake ")
    verify = shutil.which("systemd-analyze")
    if verify:
        done = subprocess.run([verify, "verify", "--man=no", str(DEPLOY / "systemd" / unit)],
                              capture_output=True, text=True, timeout=60)
        complaints = [line for line in done.stderr.splitlines()
                      if unit in line and "not executable" not in line and "No such file" not in line
                      and "user" not in line.lower()]
        assert not complaints, done.stderr
