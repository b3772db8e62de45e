"""The letters as a business owner reads them, in Danish and English: grammar, one fact said once, the same facts in
both languages, and the authority and task named as a sentence names them."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from intake.letters.case_letters import CaseLetter, case_mail
from intake.letters.checklist import missing_request
from intake.letters.forwarding import forwarded_values
from intake.letters.gallery import render_gallery
from intake.letters.notices import closed_reply, too_large
from intake.letters.status import status_reply
from intake.letters.wording import expected_line, inline_name, phrase
from tests.intake.letters.builders import CATALOGUE, DUE, PERSON, RECEIVED, body_of, case, original, part

LANGS = pytest.mark.parametrize("lang", ["da", "en"])
DANISH_WEEKDAY = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"


def write(settings, lang, kind, values=None, contact=None, **fields):
    return body_of(case_mail(case(lang, **fields), CaseLetter(kind, values or {}, 3), CATALOGUE, settings, contact,
                             part=part()))


def _halves(settings):
    page = render_gallery(CATALOGUE, settings)
    danish, _, english = page.partition("\n## English\n")
    return danish, english


@LANGS
def test_the_contact_letter_says_why_there_is_a_contact_person_once(settings, lang):
    body = write(settings, lang, "contact", contact=PERSON)
    copy = "kopi af alle mails" if lang == "da" else "a copy of every email"
    assert body.count(copy) == 1, body
    assert body.count("fast kontaktperson" if lang == "da" else "named contact person") == 1, body
    assert f"{PERSON.name}, {PERSON.title}" in body


@LANGS
def test_a_request_for_the_missing_items_says_why_once(settings, lang):
    """The request's own first line and the checklist's head both said "to process your application, we need:"."""
    missing = part("udeservering", checklist={"have": {}, "missing": ["p_number"], "required_missing": ["p_number"]})
    message = missing_request([missing], CATALOGUE, lang)
    body = write(settings, lang, "info_request", {"message": message})
    word = r"\bbehandle\b" if lang == "da" else r"\bprocess\b"
    assert len(re.findall(word, body)) == 1, body
    item = "P-nummeret for serveringsadressen" if lang == "da" else "The P-number of the serving address"
    assert f"- {item}\n" in body


def test_danish_dates_in_sentences_read_weekday_den_day(settings):
    """ "den mandag 7. december" is not Danish for a date (it reads "that Monday"); "mandag den 7. december" is."""
    danish, _ = _halves(settings)
    wrong = re.findall(rf".{{0,30}}\bden (?:{DANISH_WEEKDAY}) \d", danish)
    assert not wrong, wrong
    assert "som vi modtog mandag den 30. november 2026 kl. 09.05" in danish
    assert "Sagen blev afsluttet (godkendt) mandag den 7. december 2026" in danish
    assert "Tidspunkt: tirsdag den 8. december 2026 kl. 10.00-11.00" in danish


def test_the_english_acknowledgement_says_on_which_day_and_email(settings):
    _, english = _halves(settings)
    assert "We received your email on Monday 30 November 2026 at 09:05" in english
    assert not re.search(r"\b(?:this|your) mail\b", english)


@pytest.mark.parametrize(("lang", "kind", "sentence"), [
    ("da", "approved", "din ansøgning om råden over vejareal (stillads"),
    ("en", "approved", "your application for use of road space (scaffolding"),
    ("da", "rejected", "vi må desværre give afslag på din ansøgning om råden over vejareal"),
    ("en", "rejected", "unfortunately we must refuse your application for use of road space"),
    ("da", "reopened", "din ansøgning om råden over vejareal"),
    ("en", "reopened", "your application for use of road space"),
    ("da", "rerouted", "som behandler råden over vejareal"),
    ("en", "rerouted", "which handles use of road space"),
    ("da", "part_added", "handler også om råden over vejareal"),
    ("en", "part_added", "also concerns use of road space"),
])
def test_a_task_named_inside_a_sentence_is_written_in_lower_case(settings, lang, kind, sentence):
    values = {"approved": {"message_text": ""},
              "rejected": {"reason": "x", "path_forward": "y", "other_paths": "", "appeal": "z"},
              "reopened": {"decision_text": "x", "expected_text": "y"}}.get(kind, {})
    assert sentence in write(settings, lang, kind, values)


def test_a_name_that_starts_with_an_abbreviation_keeps_its_capitals():
    assert inline_name("CVR-nummer") == "CVR-nummer" and inline_name("P-nummeret") == "P-nummeret"
    assert inline_name("Udeservering") == "udeservering" and inline_name("A sketch") == "a sketch"


@pytest.mark.parametrize("sent", [False, True], ids=["told-where", "sent-on"])
@pytest.mark.parametrize("topic", sorted(CATALOGUE.external))
@LANGS
def test_the_referral_names_topic_and_authority_as_a_sentence_does(settings, lang, topic, sent):
    """ "concerns Alcohol licence", "; The Licensing Board ... does", "contact Danish Tax Agency directly"."""
    values = forwarded_values(CATALOGUE.external[topic], lang, "KBH-2026-000001", sent=sent, closes_case=True)
    body = write(settings, lang, "forwarded", values)
    assert not re.search(r"\b(?:by|contact|concerns|om) (?:The|Danish|Greater|Alcohol|Alkohol)\b", body), body
    assert not re.search(r"(?:handler om|concerns) [A-ZÆØÅ]", body), body


@LANGS
def test_the_acknowledgement_lists_what_we_received_in_lower_case_after_the_colon(settings, lang):
    danish, english = _halves(settings)
    text = danish if lang == "da" else english
    assert ("Vi har modtaget: virksomhedens CVR-nummer" if lang == "da"
            else "We have received: the company's CVR number") in text


def test_the_english_status_says_where_the_case_is_in_english(settings):
    msg = status_reply(case("en"), "-", original("en"), CATALOGUE, settings, "en", 4, parts=(part(),),
                       today=RECEIVED.date())
    assert "Status: with the responsible office\n" in body_of(msg)


@pytest.mark.parametrize("status", ["received", "routed", "in_progress", "waiting", "decided", "closed"])
@LANGS
def test_the_status_answer_of_a_case_reads_right_whatever_its_status(settings, lang, status):
    """ "Sagen er venter på oplysninger fra dig" is no Danish: the state is given as the multi-part answer and the
    track page give it, after "Status:", in both languages."""
    msg = status_reply(case(lang, status=status), "-", original(lang), CATALOGUE, settings, lang, 4,
                       parts=(part(status=status),), today=RECEIVED.date())
    state = phrase(lang, f"statuses.{status}")
    assert f"\nStatus: {state}\n" in body_of(msg)
    assert "Sagen er venter" not in body_of(msg)


def test_the_english_triage_sentence_sets_off_the_date(settings):
    _, english = _halves(settings)
    assert "at the latest Monday 7 December, to say who handles your case" in english


def test_the_closed_case_reply_dates_the_decision_as_danish_does(settings):
    decided = case("da", status="decided", decision="approved", decided_at=RECEIVED + timedelta(days=7))
    body = body_of(closed_reply(decided, original("da"), CATALOGUE, settings, "da", 5))
    assert "Sagen blev afsluttet (godkendt) mandag den 7. december 2026, så" in body


def test_the_gallery_gives_each_part_its_own_week(settings):
    """Signs (4 weeks) and outdoor serving (2 weeks) received the same day are not due the same week; the building
    permit counts 55 days; the triage promises the general enquiry's week."""
    danish, english = _halves(settings)
    assert "Servicemål: 4 uger fra modtagelsen. Forventes afsluttet i uge 53" in danish
    assert "Service goal: 55 calendar days from receipt\nExpected to be completed in week 4 (25-29 January 2027)" \
        in english
    assert "Du hører fra os i uge 50 (7.-11. december 2026)" in danish


def test_the_gallery_moves_the_resumed_case_to_a_later_week(settings):
    danish, english = _halves(settings)
    assert "flyttet fra uge 51 (14.-18. december 2026) til uge 52" in danish
    assert "moved from week 51 (14-18 December 2026) to week 52" in english


def test_a_late_case_gives_its_latest_day_as_the_other_letters_do():
    late = expected_line(DUE, "da", today=DUE + timedelta(days=3))
    assert "den skulle have været afgjort senest mandag den 14. december 2026." in late


def test_the_refusal_of_a_too_large_mail_signs_off_as_every_other_letter(settings):
    body = body_of(too_large(original("da"), "peter@jensen.dk", 31_000_000, settings, "da", "k1"))
    assert "\nMed venlig hilsen\n" in body


def test_the_gallery_names_the_star_meeting_by_the_tasks_as_the_meetings_do(settings):
    danish, english = _halves(settings)
    assert "Stjernemøde: Udeservering, Skilte og facadereklamer" in danish
    assert "Star meeting: Outdoor serving (pavement café), Signs and facade advertising" in english


@LANGS
def test_the_triage_acknowledgement_says_what_happens_once_and_what_helps(settings, lang):
    """The triage paragraph and "what happens next" both said the desk passes the enquiry to the right office."""
    danish, english = _halves(settings)
    text = (danish if lang == "da" else english).split("### Acknowledgement: triage\n")[1].split("### ")[0]
    passes = "sender den til den rette enhed" if lang == "da" else "passes it to the right office"
    assert text.count(passes) == 1, text
    assert ("Du behøver ikke gøre noget imens" if lang == "da" else "You need not do anything meanwhile") in text
