"""The manners of the ``intake`` command: one error line and exit 1 for a failure, exit 2 for usage,
``--version``, ``-v`` at every level, clean ``--help``, log lines with context as text or JSON."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib import metadata

import pytest
from typer.testing import CliRunner

import intake.cli.common
import intake.cli.manners
from intake import cli
from intake.mailbox.maildir import MaildirMailbox
from routing.catalogue import load_catalogue
from tests.intake.mailbuilder import application
from tests.paths import ROOT
from tests.servers import free_port  # nothing listens there

RUNNER = CliRunner()


@pytest.fixture
def run(embedded_env):
    def invoke(*args: str, env: dict[str, str] | None = None):
        intake.cli.common.state.clear()
        return RUNNER.invoke(cli.app, list(args), env=env)

    return invoke


@pytest.fixture
def no_imap_server(monkeypatch) -> dict[str, str]:
    """The environment of an IMAP server that does not answer; retries without waiting in this process."""
    monkeypatch.setattr("intake.mailbox.imap.backoff_delay", lambda *args, **kwargs: 0.0)
    return {"INTAKE_IMAP_HOST": "127.0.0.1", "INTAKE_IMAP_PORT": str(free_port()), "INTAKE_IMAP_SECURITY": "none",
            "INTAKE_IMAP_USER": "erhvervsservice", "INTAKE_IMAP_PASSWORD": "imap-s3cret"}


def no_database() -> dict[str, str]:
    return {"INTAKE_DATABASE_URL": f"postgresql://intake:db-s3cret@127.0.0.1:{free_port()}/intake"}


def assert_one_error_line(result, starts: str) -> None:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.exit_code == 1, result.output
    assert len(errors) == 1 and errors[0].startswith(starts), result.stderr
    assert "Traceback" not in result.output and "s3cret" not in result.output
    assert len(result.stderr.splitlines()) <= 3, result.stderr  # the error, at most a retry warning


# -- failures: one line, exit 1 -------------------------------------------------------------------
def test_an_unreachable_imap_server_is_one_line_and_exit_1(run, no_imap_server):
    result = run("process", "--once", env=no_imap_server)
    port = no_imap_server["INTAKE_IMAP_PORT"]
    assert_one_error_line(result, f"error: cannot connect to the IMAP server 127.0.0.1:{port}: ")
    assert result.stderr.splitlines()[-1].startswith("error:")


def test_an_unreachable_database_is_one_line_without_the_password(run):
    env = no_database()
    port = env["INTAKE_DATABASE_URL"].rsplit(":", 1)[1].split("/")[0]
    result = run("case", "list", env=env)
    assert_one_error_line(result, f"error: cannot reach the database postgresql://intake@127.0.0.1:{port}/intake: ")
    assert result.stderr.strip().endswith("refused")


def test_verbose_adds_the_traceback(run):
    result = run("-v", "case", "list", env=no_database())
    assert result.exit_code == 1 and "Traceback" in result.stderr and "DatabaseUnavailable" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("error: cannot reach the database")


@pytest.mark.parametrize("args", [["process", "--once"], ["case", "list"]], ids=["imap", "database"])
def test_the_installed_command_prints_one_line_too(tmp_path, model_dir, args):
    """The real ``python3 -m intake`` in a subprocess: no traceback, a short stderr, exit 1."""
    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_MODEL_DIR": str(model_dir)}
    env |= no_database() if args[0] == "case" else {"INTAKE_IMAP_HOST": "127.0.0.1",
                                                     "INTAKE_IMAP_PORT": str(free_port()),
                                                     "INTAKE_IMAP_SECURITY": "none", "INTAKE_IMAP_USER": "u",
                                                     "INTAKE_IMAP_PASSWORD": "p"}
    from tests.e2e.conftest import subprocess_env

    done = subprocess.run([sys.executable, "-m", "intake", *args], env=subprocess_env(env), capture_output=True,
                          text=True, timeout=120)
    lines = done.stderr.splitlines()
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and len(lines) <= 3, done.stderr
    assert lines[-1].startswith("error: cannot ")


@pytest.mark.parametrize("command", [["process", "--once"], ["doctor"]])
def test_a_mailbox_without_its_password_is_one_line_naming_it(tmp_path, model_dir, command):
    """A secrets file not read: imaplib's traceback, after "intake service started", in a restart loop."""
    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_MODEL_DIR": str(model_dir),
           "INTAKE_IMAP_HOST": "127.0.0.1", "INTAKE_IMAP_PORT": str(free_port()), "INTAKE_IMAP_SECURITY": "none",
           "INTAKE_IMAP_USER": "erhvervsservice"}
    from tests.e2e.conftest import subprocess_env

    done = subprocess.run([sys.executable, "-m", "intake", *command], env=subprocess_env(env), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout, done.stderr
    assert "INTAKE_IMAP_PASSWORD not set" in done.stderr + done.stdout


def test_a_database_error_after_opening_is_one_line_too(run, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def gone(*args, **kwargs):
        raise OperationalError("SELECT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr("intake.cases.queue.queue_page", gone)
    result = run("case", "list")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == "error: the database failed: server closed the connection unexpectedly"


def test_a_refused_request_is_exit_1(run):
    result = run("case", "show", "KBH-2026-424242")
    assert result.exit_code == 1 and result.stderr.startswith("error: no case with reference")


# -- usage: exit 2 -------------------------------------------------------------------------------------
def test_an_unknown_office_is_a_usage_error_that_lists_the_known_ones(run):
    result = run("case", "list", "--office", "nonexist")
    assert result.exit_code == 2 and "nonexist" in result.stderr
    for office in load_catalogue().offices:
        assert office in result.stderr


def test_an_unknown_status_is_a_usage_error_that_lists_the_known_ones(run):
    result = run("case", "list", "--status", "bogus")
    assert result.exit_code == 2 and "in_progress" in result.stderr and "waiting" in result.stderr


def test_options_that_do_not_go_together_are_a_usage_error(run):
    result = run("privacy", "export", "--email", "a@b.dk", "--cvr", "29221359", "-o", "x.json")
    assert result.exit_code == 2 and result.stderr.startswith("error: give exactly one"), result.output


def test_a_command_that_needs_what_the_installation_lacks_is_one_line(run, tmp_path, monkeypatch):
    """The extraction worker on the embedded default (SQLite), the letters' page where its default folder is not:
    each says what to do in one line, exit 1."""
    worker = run("worker", "--once")
    assert_one_error_line(worker, "error: the extraction queue lives in PostgreSQL")
    monkeypatch.chdir(tmp_path)
    gallery = run("letters", "gallery")
    assert_one_error_line(gallery, "error: cannot write docs/letters.md")
    assert "--output" in gallery.stderr
    assert run("letters", "gallery", "-o", "letters.md").exit_code == 0 and (tmp_path / "letters.md").exists()


def test_a_known_office_lists_its_cases(run):
    result = run("case", "list", "--office", "trafik")
    assert result.exit_code == 0 and "0 case(s)" in result.stdout


def test_an_unknown_option_value_of_the_log_format_is_a_usage_error(run):
    assert run("--log-format", "xml", "case", "list").exit_code == 2
    assert run("case", "list", env={"INTAKE_LOG_FORMAT": "xml"}).exit_code == 2


# -- --version and -v ------------------------------------------------------------------------------------
def test_version_is_the_installed_package_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"intake {metadata.version('kbh-intake')}"


def test_version_falls_back_to_pyproject_when_the_package_is_not_installed(run, monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(intake.cli.manners.metadata, "version", not_installed)
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert run("--version").stdout.strip() == f"intake {expected}"


@pytest.mark.parametrize("args", [["-v", "case", "list"], ["case", "-v", "list"], ["classifier", "-v", "list"],
                                  ["report", "-v", "compliance"], ["quarantine", "-v", "list"]])
def test_verbose_is_accepted_at_every_level(run, args):
    result = run(*args)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [["case", "-v", "show", "KBH-2026-424242"], ["classifier", "-v", "show", "99"]])
def test_verbose_at_a_lower_level_takes_effect(run, args):
    result = run(*args)
    assert result.exit_code == 1 and "Traceback" in result.stderr


# -- help -------------------------------------------------------------------------------------------------
def command_paths(command, path=()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        found += command_paths(sub, (*path, name))
    return found


def test_every_help_is_clean():
    """No ``<bool>`` on flags, no meaningless default, every argument explained."""
    import typer.main

    paths = command_paths(typer.main.get_command(cli.app))
    assert len(paths) > 25
    for path in paths:
        result = RUNNER.invoke(cli.app, [*path, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, path
        assert "<bool>" not in result.output and "[default: True]" not in result.output, path
        assert not re.search(r">\s+\[required\]", result.output), path  # a parameter without help


# -- log lines with context ------------------------------------------------------------------------------
def test_process_logs_message_and_case_lines_with_context_fields(run, embedded_env):
    MaildirMailbox(embedded_env / "mailbox").deliver(application().as_bytes())
    result = run("process", "--once")
    assert result.exit_code == 0, result.output
    received = next(line for line in result.stderr.splitlines() if "message received" in line)
    registered = next(line for line in result.stderr.splitlines() if "case registered" in line)
    assert "inbound_id=1" in received and "kind=application" in received
    assert "reference=KBH-" in registered and "office=trafik" in registered and "inbound_id=1" in registered
    assert "peter@" not in result.stderr


@pytest.mark.parametrize("how", ["option", "environment"])
def test_json_log_lines_parse_and_carry_the_fields(run, embedded_env, how):
    MaildirMailbox(embedded_env / "mailbox").deliver(application().as_bytes())
    if how == "option":
        result = run("--log-format", "json", "process", "--once")
    else:
        result = run("process", "--once", env={"INTAKE_LOG_FORMAT": "json"})
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    (registered,) = [line for line in lines if line["message"] == "case registered"]
    assert registered["reference"].startswith("KBH-") and registered["office"] == "trafik"
    assert registered["inbound_id"] == 1 and registered["task_type"] == "vejareal"
    sent = [line for line in lines if line["message"] == "mail sent"]
    assert sent and all(isinstance(line["outbox_id"], int) for line in sent)


def test_a_port_in_use_is_one_line_and_exit_1(run):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = run("web", "--port", str(port))
    assert_one_error_line(result, f"error: cannot listen on 127.0.0.1:{port}: ")
    assert "already in use" in result.stderr.lower()
