"""A business in a real browser: it follows the link in its real acknowledgement and sees its week; a wrong
address learns nothing; the pages pass axe-core and work by keyboard alone.

The application is delivered to a real Dovecot, processed by the service, and the
acknowledgement is read from the real SMTP sink; ``intake web`` runs as its own
process on the same database (SQLite and PostgreSQL), and Debian's Chromium
opens the link. Screenshots are kept in the session's temporary folder
(``web-screenshots``) or in ``INTAKE_TEST_ARTEFACTS``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from intake.letters.wording import week_line
from intake.settings import Settings, load_settings
from tests.e2e.builders import scaffolding_da
from tests.e2e.conftest import build_service, service_env, subprocess_env
from tests.e2e.test_case_flow import REF, body_of, load_case, wait_for_mails
from tests.web.browser import axe_violations, free_port, live_web

pytestmark = [pytest.mark.realserver, pytest.mark.slow]
BUSINESS = "peter@jensen-stilladser.dk"
TASK_DA = "Råden over vejareal"


@dataclass(frozen=True)
class Site:
    base: str
    settings: Settings


@dataclass(frozen=True)
class Acknowledged:
    reference: str
    link: str
    body: str


@pytest.fixture
def site(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir, browser) -> Iterator[Site]:
    port = free_port()
    env = service_env(tmp_path, dovecot, smtp_sink, database_url, e2e_model_dir)
    env["INTAKE_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
    with live_web(subprocess_env(env), port, tmp_path / "web.log") as base:
        yield Site(base, load_settings(env=env))


def acknowledged(site: Site, dovecot, smtp_sink) -> Acknowledged:
    """A scaffolding application through Dovecot and the service; its acknowledgement from the SMTP sink."""
    dovecot.deliver(scaffolding_da().as_bytes())
    build_service(site.settings).process_once()
    (ack,) = wait_for_mails(smtp_sink, BUSINESS, 1)
    body = body_of(ack)
    found_ref, found_link = REF.search(ack["Subject"]), re.search(r"(https?://\S+/track/\S+)", body)
    assert found_ref and found_link, body
    return Acknowledged(found_ref.group(1), found_link.group(1), body)


def test_a_business_follows_the_link_in_its_acknowledgement_and_sees_its_week(site, browser, dovecot, smtp_sink,
                                                                                artefacts, database_url):
    ack = acknowledged(site, dovecot, smtp_sink)
    assert ack.link.startswith(site.base + "/track/")
    week = week_line(load_case(site.settings, ack.reference).due_date, "da")
    assert week in ack.body
    page = browser.new_page()
    answer = page.goto(ack.link)
    assert answer is not None and answer.status == 200
    assert page.inner_text("h1") == f"Sag {ack.reference}"
    assert page.inner_text(".week") == week
    assert TASK_DA in page.inner_text("main")
    page.screenshot(path=str(artefacts / f"track-case-{_db(database_url)}.png"), full_page=True)
    page.click("text=English")
    assert page.inner_text("h1") == f"Case {ack.reference}"
    assert page.inner_text(".week") == week_line(load_case(site.settings, ack.reference).due_date, "en")
    page.screenshot(path=str(artefacts / f"track-case-en-{_db(database_url)}.png"), full_page=True)
    page.close()


def test_a_wrong_address_learns_nothing_and_the_right_one_gets_in_by_keyboard(site, browser, dovecot, smtp_sink,
                                                                             artefacts, database_url):
    ack = acknowledged(site, dovecot, smtp_sink)
    page = browser.new_page()
    page.goto(site.base + "/track")
    status = fill_form_by_keyboard(page, ack.reference, "someone@else.dk")
    assert status == 404
    assert page.inner_text("h1") == "Vi kan ikke vise en sag"
    assert TASK_DA not in page.content() and "Jensen" not in page.content()
    page.screenshot(path=str(artefacts / f"track-not-found-{_db(database_url)}.png"), full_page=True)
    assert fill_form_by_keyboard(page, ack.reference, BUSINESS) == 200
    assert page.inner_text("h1") == f"Sag {ack.reference}"
    assert "/track/" in page.url and BUSINESS not in page.url
    page.close()


def test_the_track_pages_have_no_serious_or_critical_accessibility_violations(site, browser, dovecot, smtp_sink):
    ack = acknowledged(site, dovecot, smtp_sink)
    context = browser.new_context(bypass_csp=True)  # axe-core is injected as a script; the pages themselves have none
    page = context.new_page()
    for url in (site.base + "/track", site.base + "/track?lang=en", ack.link, ack.link + "?lang=en",
                site.base + "/track/forged-token"):
        page.goto(url)
        assert axe_violations(page) == [], url
    context.close()


def test_the_accessibility_check_finds_what_it_should(browser):
    """axe-core runs for real: a page with an unlabelled field and an image without text fails it."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    found = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= found
    context.close()


def fill_form_by_keyboard(page: Any, reference: str, email: str) -> int:
    """Tab to each field, type, submit with Enter; the status of the answer to the form."""
    focus_on(page, "#reference")
    page.keyboard.type(reference)
    focus_on(page, "#email")
    page.keyboard.type(email)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.keyboard.press("Enter")
    page.wait_for_load_state()
    response = posted.value
    if response.status == 303:  # to the case's page: its status is the one that counts
        page.wait_for_url("**/track/*")
        return 200 if page.locator(".week").count() else 0
    return int(response.status)


def focus_on(page: Any, selector: str, limit: int = 10) -> None:
    """Press Tab until ``selector`` has the focus (every control must be reachable by keyboard)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{selector}')"):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def _db(url: str) -> str:
    return "postgresql" if url.startswith("postgresql") else "sqlite"
