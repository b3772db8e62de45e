"""The status answer, in Danish and in English: state, office, week or decision, last event, headers."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from intake.letters.envelope import msg_id
from intake.letters.status import describe_event, status_reply
from routing.goals import LOCAL_TZ
from tests.intake.letters.builders import (
    CATALOGUE,
    DEFAULT_NAME,
    OTHER_NAME,
    PERSON,
    REFERENCE,
    body_of,
    case,
    original,
    part,
    sent,
)

DECIDED = datetime(2026, 12, 10, 9, 0, tzinfo=LOCAL_TZ)
TODAY = date(2026, 12, 7)       # the builders' parts are due on Monday 14 December
LANGS = pytest.mark.parametrize("lang", ["da", "en"])


def answer(settings, lang="da", waiting_for="", parts=None, **fields):
    last = describe_event("approved" if fields.get("decision") else "routed", datetime(2026, 11, 30, 9, 6,
                                                                                       tzinfo=LOCAL_TZ), lang)
    return status_reply(case(lang, **fields), last, original(lang), CATALOGUE, settings, lang, 3,
                        waiting_for=waiting_for, parts=parts or (part(),), today=TODAY)


@pytest.mark.parametrize(("lang", "lines"), [
    ("da", [f"Status for sag {REFERENCE}\n", "Status: sendt til den ansvarlige enhed\n",
            "Ansvarlig enhed: Center for Trafik (vejmyndighed)\n",
            "Forventes afsluttet i uge 51 (14.-18. december 2026), senest mandag den 14. december\n",
            "Seneste hændelse: sendt til enheden, mandag den 30. november 2026\n"]),
    ("en", [f"Status of case {REFERENCE}\n", "Status: with the responsible office\n",
            "Responsible office: Centre for Traffic (road authority)\n",
            "Expected to be completed in week 51 (14-18 December 2026), at the latest Monday 14 December\n",
            "Latest event: passed to the office, Monday 30 November 2026\n"]),
])
def test_open_case_names_state_office_week_and_last_event(settings, lang, lines):
    body = body_of(answer(settings, lang))
    assert all(line in body for line in lines), body
    assert not re.search(r"\)\s*\(", body)


@pytest.mark.parametrize(("lang", "state", "when"), [
    ("da", "Status: afgjort (godkendt)\n", "Afgjort: torsdag den 10. december 2026"),
    ("en", "Status: decided (approved)\n", "Decided: Thursday 10 December 2026"),
])
def test_decided_case_gives_decision_and_date_instead_of_a_week(settings, lang, state, when):
    body = body_of(answer(settings, lang, status="decided", decision="approved", decided_at=DECIDED))
    assert state in body and when in body and "uge 51" not in body and "week 51" not in body


@pytest.mark.parametrize(("lang", "paused", "question"), [
    ("da", "(uret står stille, til vi har dit svar)", "\nVi venter på: Send en tegning.\n"),
    ("en", "(the clock is paused until we have your answer)", "\nWe are waiting for: Send a drawing.\n"),
])
def test_waiting_case_says_the_clock_is_paused_and_what_we_wait_for(settings, lang, paused, question):
    body = body_of(answer(settings, lang, waiting_for=question.split(": ")[1].strip(), status="waiting"))
    assert paused in body and question in body


@LANGS
def test_a_case_with_no_event_yet_leaves_the_last_event_line_out(settings, lang):
    """It said "Seneste hændelse: -", which tells a business nothing."""
    body = body_of(status_reply(case(lang), "", original(lang), CATALOGUE, settings, lang, 3, parts=(part(),),
                                today=TODAY))
    assert "Seneste hændelse" not in body and "Latest event" not in body and ": -" not in body
    assert re.search(r"14\. december\n(?:Følg|Follow) |14 December\n(?:Følg|Follow) ", body), body  # no gap left


@pytest.mark.parametrize(("lang", "written"), [("da", "sendt til enheden, mandag den 30. november 2026"),
                                                ("en", "passed to the office, Monday 30 November 2026")])
def test_the_last_event_gives_its_date_as_the_other_letters_do(lang, written):
    """ "mandag den 30. november 2026", as the acknowledgement and the notices write a date, not "mandag 30.
    november 2026"."""
    assert describe_event("routed", datetime(2026, 11, 30, 9, 6, tzinfo=LOCAL_TZ), lang) == written


@LANGS
def test_subject_headers_and_thread(settings, lang):
    msg = sent(answer(settings, lang))
    word = "Status på din sag" if lang == "da" else "Status of your case"
    assert msg["Subject"] == f"[{REFERENCE}] {word}"
    assert msg["Auto-Submitted"] == "auto-replied" and msg["X-Loop"] == settings.loop_id
    assert msg["Message-ID"] == msg_id(settings, "status", REFERENCE, 3)
    assert msg["In-Reply-To"] == "<app-1@jensen.dk>" and msg["To"] == "peter@jensen.dk"
    assert msg["Content-Language"] == lang


@pytest.mark.parametrize(("lang", "closing"), [("da", "Med venlig hilsen\n{}\n"), ("en", "Kind regards\n{}\n")])
def test_signed_with_the_configured_sender_name(renamed, lang, closing):
    msg = sent(answer(renamed, lang))
    assert body_of(msg).endswith(closing.format(OTHER_NAME)) and DEFAULT_NAME not in body_of(msg)
    assert msg["From"].addresses[0].display_name == OTHER_NAME


@pytest.mark.parametrize(("lang", "closing"), [
    ("da", "Med venlig hilsen\nKøbenhavns Erhvervsservice\n"),
    ("en", "Kind regards\nCopenhagen Business Service – Københavns Erhvervsservice\n"),
])
def test_signed_with_the_name_a_reader_of_its_language_knows(settings, lang, closing):
    assert body_of(answer(settings, lang)).endswith(closing)


def test_complex_case_copies_the_contact_person(settings):
    assert sent(answer(settings, contact_email=PERSON.email))["Cc"] == PERSON.email
    assert sent(answer(settings))["Cc"] is None


@pytest.mark.parametrize(("action", "lang", "text"), [
    ("waiting", "da", "vi har bedt dig om oplysninger, tirsdag den 1. december 2026"),
    ("meeting_moved", "en", "star meeting moved, Tuesday 1 December 2026"),
    ("something_new", "en", "something new, Tuesday 1 December 2026"),
    ("started", "de", "behandling startet, tirsdag den 1. december 2026"),
])
def test_events_are_told_in_the_business_words(action, lang, text):
    assert describe_event(action, datetime(2026, 12, 1, 10, tzinfo=LOCAL_TZ), lang) == text


@LANGS
def test_carries_the_personal_track_link_of_its_case(settings, lang):
    from intake.tracking import read_token

    found = re.search(r"/track/(\S+)\n", body_of(answer(settings, lang)))
    assert found is not None
    assert read_token(settings, found.group(1)) == REFERENCE


@pytest.mark.parametrize(("lang", "late"), [
    ("da", "Sagen er forsinket: den skulle have været afgjort senest mandag den 14. december 2026. Vi beklager"),
    ("en", "Your case is late: it should have been decided by Monday 14 December 2026. We apologise"),
])
def test_a_case_past_its_latest_day_says_it_is_late_not_a_week_gone_by(settings, lang, late):
    last = describe_event("routed", datetime(2026, 11, 30, 9, 6, tzinfo=LOCAL_TZ), lang)
    late_answer = body_of(status_reply(case(lang), last, original(lang), CATALOGUE, settings, lang, 3,
                                       parts=(part(),), today=date(2026, 12, 15)))
    assert late in late_answer and "uge 51" not in late_answer and "week 51" not in late_answer
    on_the_day = body_of(status_reply(case(lang), last, original(lang), CATALOGUE, settings, lang, 3,
                                      parts=(part(),), today=date(2026, 12, 14)))
    assert late not in on_the_day
    paused = body_of(status_reply(case(lang, status="waiting"), last, original(lang), CATALOGUE, settings, lang, 3,
                                  parts=(part(status="waiting"),), today=date(2026, 12, 15)))
    assert late not in paused, "while we wait for the business the clock stands still"


@pytest.mark.parametrize(("lang", "words"), [("da", "svar fra enheden sendt til dig"),
                                              ("en", "a reply from the office sent to you")])
def test_a_caseworkers_reply_is_an_event_in_the_business_words(lang, words):
    said = describe_event("caseworker_reply", datetime(2026, 12, 7, 10, 0, tzinfo=LOCAL_TZ), lang)
    assert said.startswith(words) and "caseworker" not in said.replace("office", "")
