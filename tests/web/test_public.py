"""The businesses' track pages: what a case page shows, the form, and the same answer for every wrong try."""
from __future__ import annotations

import re
import statistics
import time
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from intake.letters.wording import week_line
from intake.tracking import SALT, make_token, web_secret
from intake.web.app import create_app
from intake.web.context import web_context
from models import CasePart
from routing.goals import LOCAL_TZ
from tests.intake.casefactory import local
from tests.web.conftest import BUSINESS, link, store_case, web_settings


def due_of(context, case) -> CasePart:
    from sqlmodel import Session, select

    with Session(context.engine) as s:
        return s.exec(select(CasePart).where(CasePart.case_id == case.id)).one()


@pytest.mark.parametrize(("lang", "task", "office", "state"), [
    ("da", "Udeservering", "Byliv og Arrangementer", "sendt til den ansvarlige enhed"),
    ("en", "Outdoor serving", "City Life and Events", "with the responsible office"),
])
def test_the_link_shows_task_office_status_goal_and_week_in_the_case_language(settings, context, client, lang, task,
                                                                              office, state):
    case = store_case(context, language=lang, received=datetime.now(LOCAL_TZ) - timedelta(days=1))
    page = client.get(link(settings, case))
    assert page.status_code == 200
    assert f'<html lang="{lang}">' in page.text
    assert case.reference in page.text and task in page.text and office in page.text and state in page.text
    assert week_line(due_of(context, case).due_date, lang) in page.text
    assert ("2 uger fra modtagelsen" if lang == "da" else "2 weeks from receipt") in page.text


def test_a_case_past_its_latest_day_tells_the_business_it_is_late(settings, context, client):
    case = store_case(context, language="en")          # received in March: its two weeks are long gone
    text = client.get(link(settings, case)).text
    assert "Your case is late: it should have been decided by" in text and "Expected to be completed in" not in text


def test_the_language_switch_shows_the_other_language(settings, context, client):
    case = store_case(context, language="da", received=datetime.now(LOCAL_TZ) - timedelta(days=1))
    url = link(settings, case)
    page = client.get(url + "?lang=en")
    assert '<html lang="en">' in page.text and "Expected to be completed in" in page.text
    assert f'href="{url}?lang=da"' in page.text


def test_a_waiting_case_says_the_clock_is_paused_and_what_we_wait_for(settings, context, client):
    case = store_case(context, ("waiting", "Send a drawing of the tables"), language="en",
                      paused_since=local(2026, 3, 3))
    text = client.get(link(settings, case)).text
    assert "The clock is paused until we have your answer" in text
    assert "We are waiting for</dt><dd class=\"waiting\">Send a drawing of the tables" in text


def test_a_decided_case_gives_the_date_of_the_decision_not_a_week(settings, context, client):
    case = store_case(context, ("approved", ""), language="en", decided=local(2026, 3, 10, 12))
    text = client.get(link(settings, case)).text
    assert "Decided</dt><dd>Tuesday 10 March 2026" in text
    assert "Expected to be completed in" not in text and "decided (approved)" in text


@pytest.mark.parametrize(("lang", "received", "decided", "event"), [
    ("da", "Modtaget: mandag den 2. marts 2026 kl. 09.00", "Afgjort</dt><dd>tirsdag den 10. marts 2026",
     "<li>godkendt, mandag den 2. marts 2026</li>"),
    ("en", "Received: Monday 2 March 2026 at 09:00", "Decided</dt><dd>Tuesday 10 March 2026",
     "<li>approved, Monday 2 March 2026</li>"),
])
def test_times_and_dates_read_as_in_the_letters(settings, context, client, lang, received, decided, event):
    """The receipt with the letters' clock ("kl. 09.05" / "at 09:05"), and every date as the letters write one
    ("mandag den 10. marts 2026"), never a machine's "2026-03-02 09:00"."""
    case = store_case(context, ("approved", ""), language=lang, decided=local(2026, 3, 10, 12))
    text = client.get(link(settings, case)).text
    assert received in text and decided in text and event in text, text
    assert not re.search(r"\d{4}-\d\d-\d\d|\d\d:\d\d", text.replace(received, "")), "a machine's date or time"


@pytest.mark.parametrize(("lang", "name"), [("da", "Københavns Erhvervsservice"),
                                          ("en", "Copenhagen Business Service – Københavns Erhvervsservice")])
def test_the_page_names_us_as_the_letters_in_its_language_do(settings, context, client, lang, name):
    case = store_case(context, language=lang)
    text = client.get(link(settings, case)).text
    assert f'<p class="brand">{name}</p>' in text and f"– {name}</title>" in text


def test_a_complex_case_names_its_contact_person(settings, context, client):
    case = store_case(context, language="en", complex=True, contact_email="mette@kk.example",
                      contact_person="Mette Kontakt")
    text = client.get(link(settings, case)).text
    assert "Your contact person" in text and "mette@kk.example" in text


def test_the_timeline_shows_business_events_and_never_internal_notes_or_details(settings, context, client):
    case = store_case(context, ("routed", "to byliv"), ("caseworker_note", "NEIGHBOUR COMPLAINED"),
                      ("started", "by caseworker jens@kk.example"), language="en")
    text = client.get(link(settings, case)).text
    items = re.findall(r"<li>(.*?)</li>", text)
    assert items == ["passed to the office, Monday 2 March 2026", "processing started, Monday 2 March 2026"]
    assert "NEIGHBOUR" not in text and "jens@kk.example" not in text and "to byliv" not in text


@pytest.mark.parametrize(("lang", "approved", "asked"), [
    ("da", "Skilte og facadereklamer: godkendt, mandag den 2. marts 2026",
     "Udeservering: vi har bedt dig om oplysninger, mandag den 2. marts 2026"),
    ("en", "Signs and facade advertising: approved, Monday 2 March 2026",
     "Outdoor serving (pavement café): we asked you for information, Monday 2 March 2026"),
])
def test_the_timeline_of_a_case_of_several_parts_names_the_part_of_each_event(settings, context, client, lang,
                                                                               approved, asked):
    """A case of two parts said "approved" and "we asked you for information" without saying about which part."""
    from sqlmodel import Session, select

    from models import CaseEvent
    from tests.intake.casefactory import make_case

    with Session(context.engine) as s:
        case = make_case(s, task_types=("udeservering", "skilte"), parts=2, language=lang)
        ids = {p.task_type: p.id for p in s.exec(select(CasePart).where(CasePart.case_id == case.id))}
        at = datetime(2026, 3, 2, 10, tzinfo=LOCAL_TZ)
        s.add(CaseEvent(case_id=case.id, part_id=ids["skilte"], action="approved", detail="", at=at))
        s.add(CaseEvent(case_id=case.id, part_id=ids["udeservering"], action="waiting", detail="?", at=at))
        s.add(CaseEvent(case_id=case.id, action="contact_person", detail="", at=at))
        s.commit()
        s.refresh(case)
    items = re.findall(r"<li>(.*?)</li>", client.get(link(settings, case)).text)
    assert items[:2] == [approved, asked] and ":" not in items[2], items  # the case's own event: no part


def test_the_page_says_how_to_reply(settings, context, client):
    case = store_case(context, language="en")
    text = client.get(link(settings, case)).text
    assert f">{settings.from_address}</a> with [{case.reference}] in the subject line" in text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_reply_address_opens_a_mail_with_the_reference_in_the_subject(settings, context, client, lang):
    """On a phone the address is tapped: the mail it opens already has the reference, so the answer lands on the
    case."""
    case = store_case(context, language=lang)
    text = client.get(link(settings, case)).text
    subject = f"%5B{case.reference}%5D"
    assert f'<a href="mailto:{settings.from_address}?subject={subject}">{settings.from_address}</a>' in text


def test_the_form_shows_reference_and_address_fields_in_both_languages(client):
    da, en = client.get("/track"), client.get("/track?lang=en")
    assert da.status_code == en.status_code == 200
    assert 'name="reference"' in da.text and 'name="email"' in da.text and "Sagsnummer" in da.text
    assert "Your email address" in en.text


def test_the_form_with_the_case_address_leads_to_the_case_page(settings, context, client):
    case = store_case(context, language="en")
    answer = client.post("/track", data={"reference": f" {case.reference.lower()} ", "email": BUSINESS.upper()},
                         follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/track/")
    assert case.reference in client.get(answer.headers["location"]).text


def test_the_english_form_leads_to_the_english_page_of_a_danish_case(settings, context, client):
    """The visitor chose English on the form: the case's page kept its Danish."""
    case = store_case(context, language="da")
    answer = client.post("/track?lang=en", data={"reference": case.reference, "email": BUSINESS},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith("?lang=en")
    page = client.get(answer.headers["location"]).text
    assert '<html lang="en"' in page
    plain = client.post("/track", data={"reference": case.reference, "email": BUSINESS}, follow_redirects=False)
    assert "?" not in plain.headers["location"], "without a choice, the case's own language"


def test_a_reference_typed_in_full_width_digits_is_found(settings, context, client):
    case = store_case(context, language="da")
    wide = case.reference.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    assert wide != case.reference
    answer = client.post("/track", data={"reference": wide, "email": BUSINESS}, follow_redirects=False)
    assert answer.status_code == 303


def expired_token(settings, reference: str) -> str:
    """A token of ``reference`` signed with the right key one day before the oldest valid one."""
    age = (settings.track_link_days + 1) * 86_400

    class Past(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - age

    return str(URLSafeTimedSerializer(web_secret(settings), salt=SALT, signer=Past).dumps(reference))


def wrong_tries(settings, context):
    """(name, request) for each way of asking wrongly about a case that exists."""
    case = store_case(context, language="en")
    token = make_token(settings, case.reference)
    return {
        "wrong reference": ("post", {"reference": "KBH-2026-999999", "email": BUSINESS}),
        "wrong address": ("post", {"reference": case.reference, "email": "someone@else.dk"}),
        "expired token": ("get", f"/track/{expired_token(settings, case.reference)}"),
        "forged token": ("get", f"/track/{token[:-3]}{'xyz' if not token.endswith('xyz') else 'abc'}"),
    }


def ask(client, how):
    method, what = how
    return client.post("/track", data=what) if method == "post" else client.get(what)


def test_every_wrong_try_gets_the_same_answer_and_status(settings, context, client):
    answers = {name: ask(client, how) for name, how in wrong_tries(settings, context).items()}
    assert {a.status_code for a in answers.values()} == {404}
    # (the form gives back what was typed, to be mended: the same page but for the asker's own words)
    bodies = {re.sub(r'\n[ \t]*value="[^"]*"', "", a.text) for a in answers.values()}
    assert len(bodies) == 1, "the answers differ"
    assert "We found no case matching" in client.post("/track?lang=en", data={"reference": "x", "email": "y"}).text
    assert all(a.headers["cache-control"] == "no-store" for a in answers.values())


def test_the_expired_token_was_valid_before_it_expired(settings, context, client):
    """The expired token of the test above is refused for its age alone (it is signed with the right key)."""
    tries = wrong_tries(settings, context)
    expired = tries["expired token"][1]
    longer = web_settings(settings.data_dir.parent, track_link_days="100000")
    ctx = web_context(longer)
    try:
        assert TestClient(create_app(ctx)).get(expired).status_code == 200
    finally:
        ctx.engine.dispose()


class ServerTime:
    """Wraps the application and keeps the time of the last request inside it (no test-client overhead)."""

    def __init__(self, app) -> None:
        self.app, self.last = app, 0.0

    async def __call__(self, scope, receive, send) -> None:
        start = time.perf_counter()
        await self.app(scope, receive, send)
        self.last = time.perf_counter() - start


def test_every_wrong_try_takes_about_as_long(settings, context):
    """Median server time of each kind of wrong try, interleaved, within 5 ms or 50 % of each other."""
    timed = ServerTime(create_app(context))
    client = TestClient(timed)
    tries = wrong_tries(settings, context)
    times: dict[str, list[float]] = {name: [] for name in tries}
    for _ in range(60):
        for name, how in tries.items():
            ask(client, how)
            times[name].append(timed.last)
    medians = {name: statistics.median(t) for name, t in times.items()}
    fastest, slowest = min(medians.values()), max(medians.values())
    assert slowest - fastest < max(0.005, 0.5 * fastest), {k: f"{v * 1000:.2f} ms" for k, v in medians.items()}


@pytest.mark.parametrize("data", [{}, {"reference": "K" * 5000, "email": "a" * 5000}, {"reference": "KBH-2026-000001"}])
def test_an_empty_or_overlong_form_gets_the_same_not_found_answer(client, data):
    assert client.post("/track", data=data).status_code == 404


@pytest.mark.parametrize("typed", ["[{ref}]", "{ref_spaced}", " {ref_lower} ", "{ref_en_dash}"])
def test_the_reference_as_people_copy_it_finds_the_case(context, client, typed):
    case = store_case(context)
    ref = case.reference
    given = typed.format(ref=ref, ref_spaced=ref.replace("-", " "), ref_lower=ref.lower(),
                         ref_en_dash=ref.replace("-", "\u2013"))
    assert client.post("/track", data={"reference": given, "email": BUSINESS},
                       follow_redirects=False).status_code == 303


def test_a_form_not_found_keeps_what_was_typed_to_be_mended(client):
    page = client.post("/track", data={"reference": "KBH-2026-999999", "email": "anna@cafe-solsiden.dk"})
    assert page.status_code == 404
    assert 'value="KBH-2026-999999"' in page.text and 'value="anna@cafe-solsiden.dk"' in page.text
    hostile = client.post("/track", data={"reference": '"><script>x()</script>', "email": "a@b.dk"}).text
    assert "<script>x()" not in hostile


def test_a_wrong_try_names_nothing_of_the_case(settings, context, client):
    case = store_case(context, language="en")
    text = client.post("/track", data={"reference": case.reference, "email": "someone@else.dk"}).text
    assert "Udeservering" not in text and "Outdoor serving" not in text and "Solsiden" not in text


def test_too_many_tries_from_one_client_are_refused_for_a_while(tmp_path):
    settings = web_settings(tmp_path, web_rate_per_client="3/minute")
    ctx = web_context(settings)
    try:
        client = TestClient(create_app(ctx))
        codes = [client.post("/track", data={"reference": f"KBH-2026-00000{i}", "email": BUSINESS}).status_code
                 for i in range(4)]
        assert codes == [404, 404, 404, 429]
        refused = client.get("/track/anything")
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    finally:
        ctx.engine.dispose()


def test_too_many_tries_at_one_reference_are_refused_whatever_the_address(tmp_path):
    settings = web_settings(tmp_path, web_rate_per_reference="2/minute")
    ctx = web_context(settings)
    try:
        client = TestClient(create_app(ctx))
        tries = [client.post("/track", data={"reference": "KBH-2026-000001", "email": f"guess{i}@x.dk"})
                 for i in range(3)]
        assert [t.status_code for t in tries] == [404, 404, 429]
        other = client.post("/track", data={"reference": "KBH-2026-000002", "email": BUSINESS})
        assert other.status_code == 404
    finally:
        ctx.engine.dispose()


def test_nobody_elses_tries_lock_a_business_out_of_its_personal_link_or_its_right_address(tmp_path):
    settings = web_settings(tmp_path, web_rate_per_reference="3/minute", web_rate_per_client="5/minute")
    ctx = web_context(settings)
    try:
        case = store_case(ctx)
        app = create_app(ctx)
        attacker = TestClient(app, client=("203.0.113.9", 50000), follow_redirects=False)
        business = TestClient(app, client=("198.51.100.7", 50000), follow_redirects=False)
        guesses = [attacker.post("/track", data={"reference": case.reference, "email": f"guess{i}@x.dk"})
                   for i in range(3)]
        assert [g.status_code for g in guesses] == [404, 404, 404]
        assert attacker.post("/track", data={"reference": case.reference, "email": BUSINESS}).status_code == 429
        # the signed link is no guess: it counts only against its own client, so the business reads its page
        for _ in range(4):
            assert business.get(link(settings, case)).status_code == 200
        # a client refused for its own tries counts against no reference: the next one's form is not locked by it
        other = store_case(ctx)
        for _ in range(6):
            attacker.post("/track", data={"reference": other.reference, "email": "guess@x.dk"})
        assert business.post("/track", data={"reference": other.reference, "email": BUSINESS}).status_code == 303
    finally:
        ctx.engine.dispose()


def test_a_token_of_a_case_that_is_gone_gets_the_same_answer(settings, client):
    assert client.get(f"/track/{make_token(settings, 'KBH-2026-424242')}").status_code == 404



@pytest.mark.parametrize(("path", "to"), [("/track/abc/", "/track/abc"), ("/track/?lang=en", "/track?lang=en")])
def test_a_trailing_slash_is_dropped_by_a_relative_redirect_whatever_host_the_request_names(client, path, to):
    answer = client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (307, to)


def test_a_path_that_would_redirect_to_another_site_redirects_home_on_this_one():
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from starlette.requests import Request

    from intake.web.app import _without_trailing_slash
    request = Request({"type": "http", "method": "GET", "path": "//evil.example/", "query_string": b"",
                       "headers": [(b"host", b"evil.example")], "scheme": "http", "server": ("x", 80)})
    with ThreadPoolExecutor(1) as thread:      # (a browser test may have left an event loop running in this one)
        answer = thread.submit(asyncio.run, _without_trailing_slash(request, lambda _: None)).result()
    assert answer.headers["location"] == "/evil.example", "not //evil.example: another site"


def test_the_contact_persons_phone_is_a_link_a_phone_can_call(settings, context, client):
    """On a phone, the number is tapped, not copied: a tel: link without the spaces; a number we do not have is
    no link."""
    pooled = store_case(context, language="da", complex=True, contact_email="mette.holm@kk.example",
                        contact_person="Mette Holm")
    assert '<a href="tel:+4533661001">+45 33 66 10 01</a>' in client.get(link(settings, pooled)).text
    unknown = store_case(context, language="en", complex=True, contact_email="mette@kk.example",
                         contact_person="Mette Kontakt")
    assert 'href="tel:' not in client.get(link(settings, unknown)).text


def test_the_page_gives_the_reason_for_a_contact_person_in_the_letters_words(settings, context, client):
    """The letters say "særlig omfattende"; the page said "særlig stor" for the same thing."""
    from intake.letters.wording import phrase

    case = store_case(context, language="da", complex=True, contact_email="mette.holm@kk.example",
                      contact_person="Mette Holm")
    text = client.get(link(settings, case)).text
    assert "flere enheder eller er særlig omfattende" in phrase("da", "contact.intro")
    assert "flere enheder eller er særlig omfattende" in text
