"""Log lines with context fields, as text or JSON, with addresses and CPR numbers masked at INFO and above."""
from __future__ import annotations

import json
import logging

import pytest

from intake.logs import StderrHandler, bound, configure

log = logging.getLogger("intake.test_logs")


@pytest.fixture
def logs(capsys):
    """Configure logging as the CLI does; yields a function returning what was logged since."""
    level = logging.getLogger().level

    def setup(fmt: str = "text", level_: int = logging.INFO):
        configure(level_, fmt)
        capsys.readouterr()
        return lambda: capsys.readouterr().err

    yield setup
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(handler)
    root.setLevel(level)


def test_fields_follow_the_message_as_key_value_in_the_text_format(logs):
    read = logs("text")
    log.info("case registered", extra={"reference": "KBH-2026-000004", "task_type": "vejareal", "office": "trafik"})
    line = read().strip()
    assert line.endswith("INFO intake.test_logs: case registered reference=KBH-2026-000004 task_type=vejareal "
                         "office=trafik")


def test_a_value_with_spaces_is_quoted(logs):
    read = logs("text")
    log.warning("message quarantined", extra={"reason": "ValueError: bad header"})
    assert 'reason="ValueError: bad header"' in read()


def test_bound_fields_reach_lines_of_modules_that_do_not_know_them(logs):
    read = logs("text")
    with bound(inbound_id=12):
        logging.getLogger("intake.attachments.extract").info("attachment unreadable", extra={"reason": "encrypted"})
        log.info("message received", extra={"inbound_id": 13})  # a field given on the call wins
    log.info("after the block")
    first, second, third = read().splitlines()
    assert first.endswith("attachment unreadable reason=encrypted inbound_id=12")
    assert second.endswith("message received inbound_id=13")
    assert third.endswith("after the block")


def test_json_format_is_one_object_per_line_with_the_fields_as_keys(logs):
    read = logs("json")
    with bound(inbound_id=4):
        log.info("case registered", extra={"reference": "KBH-2026-000004", "office": "trafik"})
        log.warning("mail not sent: retrying", extra={"outbox_id": 7})
    lines = [json.loads(line) for line in read().splitlines()]
    assert [line["message"] for line in lines] == ["case registered", "mail not sent: retrying"]
    first = lines[0]
    assert {"time", "level", "logger", "message"} <= first.keys()
    assert (first["level"], first["logger"]) == ("INFO", "intake.test_logs")
    assert (first["reference"], first["office"], first["inbound_id"]) == ("KBH-2026-000004", "trafik", 4)
    assert lines[1]["outbox_id"] == 7 and lines[1]["level"] == "WARNING"


def test_an_address_or_cpr_number_in_a_log_argument_is_masked_at_info(logs):
    read = logs("text")
    log.info("mail from %s about %s", "peter@jensen-stilladser.dk", "cpr 010203-1234",
             extra={"reason": "no reply to ole@example.dk"})
    line = read()
    assert "peter@" not in line and "jensen-stilladser" not in line and "010203-1234" not in line
    assert "ole@example.dk" not in line and line.count("<address>") == 2 and "XXXXXX-XXXX" in line


def test_masking_also_covers_json_lines_and_tracebacks(logs):
    read = logs("json")
    try:
        raise ValueError("bad header from peter@jensen-stilladser.dk")
    except ValueError:
        log.exception("message failed")
    (line,) = [json.loads(x) for x in read().splitlines()]
    assert "ValueError" in line["exc_info"] and "peter@" not in line["exc_info"]


def test_debug_lines_are_left_whole_for_the_developer(logs):
    read = logs("text", logging.DEBUG)
    log.debug("mail from %s", "peter@jensen-stilladser.dk")
    assert "peter@jensen-stilladser.dk" in read()


def test_configure_again_replaces_the_handler_instead_of_doubling_lines(logs):
    logs("text")
    read = logs("json")
    log.info("once")
    assert len(read().splitlines()) == 1
