"""Caseworkers and operators in a real browser: sign in by keyboard, find a case, ask the business for
information and see its answer resume the clock, have a rejection without a path forward refused, and
replay a quarantined message; the desk's pages pass axe-core.

The application goes through the real Dovecot and the service; its acknowledgement and the request for
information reach the real SMTP sink; the business's answer comes back through Dovecot. ``intake web`` runs
as its own process on the same database and Debian's Chromium drives it. Screenshots go with the business's
(``INTAKE_TEST_ARTEFACTS`` or the session's temporary folder).
"""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlmodel import Session, func, select

from intake.settings import Settings, load_settings
from models import Case, InboundMessage, utcnow
from models.db import open_database
from tests.e2e.builders import scaffolding_da
from tests.e2e.conftest import build_service, service_env, subprocess_env
from tests.e2e.test_case_flow import REF, load_case, wait_for_mails
from tests.paths import SAMPLES
from tests.web.browser import axe_violations, free_port, live_web

pytestmark = [pytest.mark.realserver, pytest.mark.slow]
BUSINESS = "peter@jensen-stilladser.dk"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def database_url(tmp_path) -> str:  # one database is enough here: the desk's SQL is tested on both elsewhere
    return f"sqlite:///{tmp_path / 'intake.db'}"


@dataclass(frozen=True)
class Desk:
    base: str
    settings: Settings
    env: dict[str, str]


def _add_user(env: dict[str, str], email: str, office: str, role: str) -> None:
    done = subprocess.run([sys.executable, "-m", "intake", "user", "add", email, "--office", office, "--role", role,
                           "--password-stdin"], input=PASSWORD + "\n", env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def desk(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir, browser) -> Iterator[Desk]:
    port = free_port()
    env = service_env(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir)
    env["INTAKE_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
    full = subprocess_env(env)
    _add_user(full, "karen@kk.example", "trafik", "caseworker")
    _add_user(full, "ops@kk.example", "erhvervsservice", "operator")
    with live_web(full, port, tmp_path / "web.log") as base:
        yield Desk(base, load_settings(env=env), env)


def _page(browser: Any) -> Any:
    context = browser.new_context(bypass_csp=True, locale="da-DK")  # bypass: so that axe can be injected
    return context.new_page()


def _sign_in_by_keyboard(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    for _ in range(15):  # Tab from the top of the page to the address field: every control is reachable
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "email":
            break
    else:
        raise AssertionError("the address field cannot be reached with Tab")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/login" not in page.url, page.content()


def _applied(desk: Desk, dovecot, smtp_sink) -> str:
    dovecot.deliver(scaffolding_da().as_bytes())
    build_service(desk.settings).process_once()
    (ack,) = wait_for_mails(smtp_sink, BUSINESS, 1)
    found = REF.search(ack["Subject"])
    assert found
    return found.group(1)


def _act(page: Any, action: str, fields: dict[str, str]) -> None:
    page.locator("summary", has_text="Handlinger").first.click()
    form = page.locator(f'form[action$="/act/{action}"]').first
    for name, value in fields.items():
        form.locator(f'[name="{name}"]').fill(value)
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()


def test_a_caseworker_asks_for_information_and_the_answer_resumes_the_clock(desk, dovecot, smtp_sink, browser,
                                                                           artefacts):
    reference = _applied(desk, dovecot, smtp_sink)
    page = _page(browser)
    _sign_in_by_keyboard(page, desk.base, "karen@kk.example")
    assert not axe_violations(page), "the queue"
    page.fill("#q", reference)
    with page.expect_navigation():
        page.press("#q", "Enter")
    with page.expect_navigation():
        page.get_by_role("link", name=reference).click()
    assert not axe_violations(page), "the case page"
    _act(page, "request-info", {"message": "Send venligst en tegning af stilladset med mål."})
    assert load_case(desk.settings, reference).status == "waiting"
    assert "pause siden" in page.content()
    page.screenshot(path=str(artefacts / "desk-case-waiting.png"), full_page=True)
    (_, request) = wait_for_mails(smtp_sink, BUSINESS, 2)
    answer = scaffolding_da()
    del answer["Subject"]
    answer["Subject"] = f"Re: {request['Subject']}"
    answer.set_content("Hej\n\nHer er tegningen: 15 m lang og 1,2 m dyb.\n\nVh Peter\n")
    dovecot.deliver(answer.as_bytes())
    build_service(desk.settings).process_once()
    page.reload()
    assert load_case(desk.settings, reference).status != "waiting"
    assert "pause siden" not in page.content()
    page.screenshot(path=str(artefacts / "desk-case-resumed.png"), full_page=True)


def test_a_rejection_without_a_path_forward_is_refused_by_the_form(desk, dovecot, smtp_sink, browser):
    reference = _applied(desk, dovecot, smtp_sink)
    page = _page(browser)
    _sign_in_by_keyboard(page, desk.base, "karen@kk.example")
    page.goto(f"{desk.base}/cases/{reference}")
    _act(page, "reject", {"reason": "Stilladset spærrer fortovet helt."})
    assert "path forward" in page.content().lower() or "vejen frem" in page.content().lower()
    assert load_case(desk.settings, reference).decision is None


def test_an_operator_replays_a_quarantined_message(desk, browser, artefacts):
    engine = open_database(desk.settings.database_url)
    with Session(engine) as s:
        rec = InboundMessage(source="maildir:elsewhere", uid="q1", sha256="cd" * 32, sender="anna@cafe-solsiden.dk",
                             subject="Ansøgning om udeservering", received_at=utcnow(), status="quarantined",
                             outcome="quarantined", reason="RuntimeError: a bug since fixed", attempts=3,
                             raw=(SAMPLES / "01-ans-gning-om-udeservering.eml").read_bytes())
        s.add(rec)
        s.commit()
        quarantined = rec.id
        before = s.exec(select(func.count()).select_from(Case)).one()
    page = _page(browser)
    _sign_in_by_keyboard(page, desk.base, "ops@kk.example")
    page.goto(f"{desk.base}/operator/quarantine")
    assert "cafe-solsiden.dk" in page.content() and "Ansøgning om udeservering" in page.content()
    assert not axe_violations(page), "the quarantine"
    with page.expect_navigation():
        page.get_by_role("link", name=str(quarantined), exact=True).click()
    page.screenshot(path=str(artefacts / "operator-quarantined.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Behandl igen / Replay").click()
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Case)).one() == before + 1
        replayed = s.get(InboundMessage, quarantined)
        assert replayed is not None and replayed.status == "done"
    engine.dispose()
