"""The security headers on every route, and pages that need no inline script or style."""
from __future__ import annotations

import re

import pytest

from intake.web.security import CSP
from tests.web.conftest import link, store_case

ROUTES = ["/track", "/track?lang=en", "/track/not-a-token", "/health", "/ready", "/metrics", "/static/site.css",
          "/no-such-page"]


@pytest.mark.parametrize("route", ROUTES)
def test_every_response_carries_the_security_headers(client, route):
    headers = client.get(route).headers
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_the_policy_allows_no_inline_script_or_style():
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert "script-src 'self'" in CSP and "style-src 'self'" in CSP


def test_the_track_pages_have_no_inline_script_or_style(settings, context, client):
    case = store_case(context, ("routed", ""), language="en", complex=True, contact_email="m@kk.example")
    for page in (client.get("/track").text, client.get(link(settings, case)).text,
                 client.post("/track", data={"reference": "x", "email": "y"}).text):
        assert "<script" not in page and "<style" not in page
        assert not re.search(r"\sstyle=|\son[a-z]+=", page)


def test_https_public_url_adds_strict_transport_security(tmp_path):
    from fastapi.testclient import TestClient

    from intake.web.app import create_app
    from intake.web.context import web_context
    from tests.web.conftest import web_settings

    ctx = web_context(web_settings(tmp_path, public_url="https://erhverv.kk.example"))
    try:
        assert "max-age" in TestClient(create_app(ctx)).get("/health").headers["strict-transport-security"]
    finally:
        ctx.engine.dispose()


def test_extra_routers_are_mounted_behind_the_same_headers(context):
    from fastapi import APIRouter
    from fastapi.testclient import TestClient

    from intake.web.app import create_app

    extra = APIRouter()
    extra.add_api_route("/desk-probe", lambda: {"desk": True})
    answer = TestClient(create_app(context, extra_routers=[extra])).get("/desk-probe")
    assert answer.json() == {"desk": True} and answer.headers["x-content-type-options"] == "nosniff"


def test_the_access_log_never_holds_a_track_token():
    import logging

    from intake.web.app import MaskTokens

    record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, '%s - "%s %s HTTP/%s" %d',
                               ("1.2.3.4:5", "GET", "/track/SECRET.TOKEN?lang=da", "1.1", 200), None)
    MaskTokens().filter(record)
    assert "SECRET" not in record.getMessage() and "/track/…" in record.getMessage()
