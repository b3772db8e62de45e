"""``intake quarantine replay`` against the real Dovecot: the replayed copy leaves the IMAP Quarantine folder."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from intake import cli, pipeline
from intake.mailbox.imap import QUARANTINE_KEYWORD, REPLAYED_KEYWORD
from tests.e2e.builders import scaffolding_da
from tests.e2e.conftest import build_service


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_replayed_message_leaves_the_imap_quarantine_folder(e2e, dovecot, monkeypatch):
    """Its copy stayed in Quarantine after the replay made its case; the operator met it again there."""
    env, settings = e2e
    dovecot.deliver(scaffolding_da().as_bytes())

    def broken(state, ctx):
        raise RuntimeError("detail extraction bug")

    good = pipeline.ANALYSIS
    monkeypatch.setattr("intake.runner.ANALYSIS", (pipeline.read_attachments, broken))
    service = build_service(settings)
    (outcome,) = service.process_once()
    service.mailbox.close()
    assert outcome.outcome == "quarantined" and len(dovecot.fetch_all("Quarantine")) == 1
    monkeypatch.setattr("intake.runner.ANALYSIS", good)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    cli.common.state.clear()
    replayed = CliRunner().invoke(cli.app, ["quarantine", "replay", str(outcome.inbound_id)])
    assert replayed.exit_code == 0 and "case KBH-" in replayed.output, replayed.output
    assert dovecot.fetch_all("Quarantine") == []
    (copy,) = dovecot.fetch_all("Processed")
    assert REPLAYED_KEYWORD in copy.flags and QUARANTINE_KEYWORD not in copy.flags
