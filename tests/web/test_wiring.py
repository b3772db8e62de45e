"""``intake web`` serves every page: the track pages and probes, the desk and the operator's pages."""
from __future__ import annotations

from fastapi.testclient import TestClient

from intake.cli.common import state


def test_intake_web_mounts_the_desk_and_the_operator_pages(tmp_path, monkeypatch):
    from intake.cli.web import _server

    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path / "data"))
    state.pop("settings", None)
    client = TestClient(_server("127.0.0.1", 0).config.app, follow_redirects=False)
    assert client.get("/login").status_code == 200
    assert client.get("/track").status_code == 200
    assert client.get("/health").status_code == 200
    for path in ("/cases", "/reports", "/operator/classifier", "/operator/quarantine", "/operator/mailbox"):
        answer = client.get(path)  # not signed in: sent to the login page, never a missing page
        assert answer.status_code in (303, 307, 401), (path, answer.status_code)
    assert client.get("/no-such-page").status_code == 404
