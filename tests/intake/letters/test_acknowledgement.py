"""The acknowledgement, in Danish and in English: wording, week and date, headers, contact person, hostile input."""
from __future__ import annotations

import re
from datetime import date

import pytest

from intake.letters.acknowledgement import acknowledgement
from intake.letters.envelope import msg_id
from intake.letters.facts import PartFacts
from tests.intake.letters.builders import (
    CATALOGUE,
    DEFAULT_NAME,
    DEFAULT_NAMES,
    HOSTILE,
    OTHER_NAME,
    PERSON,
    REFERENCE,
    body_of,
    facts,
    original,
    part,
    sent,
)

EXPECTED = {
    "da": {
        "greeting": "Kære Peter Jensen\n",
        "subject": f"[{REFERENCE}] Kvittering: Ansøgning om stillads",
        "received": "som vi modtog mandag den 30. november 2026 kl. 09.05. Vi har registreret den under sagsnummer "
                    f"{REFERENCE}.",
        "task": "Opgave: Råden over vejareal (stillads, container, skurvogn, kran, lift)\n",
        "office": "Ansvarlig enhed: Center for Trafik (vejmyndighed)\n",
        "goal": "Servicemål: 10 arbejdsdage fra modtagelsen\n",
        "week": "Forventes afsluttet i uge 51 (14.-18. december 2026), senest mandag den 14. december\n",
        "thanks": "Tak for din henvendelse til {name}, som vi modtog",
        "signature": "Med venlig hilsen\n{name}\nKøbenhavns Kommune\n",
        "fallback": "Kære ansøger\n",
    },
    "en": {
        "greeting": "Dear Peter Jensen\n",
        "subject": f"[{REFERENCE}] Acknowledgement: Scaffolding application",
        "received": f"We received your email on Monday 30 November 2026 at 09:05 and registered it under the "
                    f"reference {REFERENCE}.",
        "task": "Task: Use of road space (scaffolding, container, site hut, crane, lift)\n",
        "office": "Responsible office: Centre for Traffic (road authority)\n",
        "goal": "Service goal: 10 working days from receipt\n",
        "week": "Expected to be completed in week 51 (14-18 December 2026), at the latest Monday 14 December\n",
        "thanks": "Thank you for contacting {name}.",
        "signature": "Kind regards\n{name}\nCity of Copenhagen\n",
        "fallback": "Dear applicant\n",
    },
}
LANGS = pytest.mark.parametrize("lang", ["da", "en"])


def ack(settings, lang="da", mail=None, **overrides):
    return acknowledgement(facts(lang, **overrides), mail or original(lang), CATALOGUE, settings)


@LANGS
def test_wording_names_greeting_receipt_task_office_goal_and_week(settings, lang):
    body = body_of(ack(settings, lang))
    for key in ("greeting", "received", "task", "office", "goal", "week"):
        assert EXPECTED[lang][key] in body, key
    assert body.startswith(EXPECTED[lang]["greeting"])


@LANGS
def test_week_and_latest_date_are_not_two_parentheses(settings, lang):
    body = body_of(ack(settings, lang))
    assert not re.search(r"\)\s*\(", body), "doubled parentheses"
    assert "(senest" not in body and "(at the latest" not in body


@LANGS
def test_subject_carries_the_reference_and_the_business_subject(settings, lang):
    assert sent(ack(settings, lang))["Subject"] == EXPECTED[lang]["subject"]


def test_subject_quotes_a_reply_without_doubling_the_reference(settings):
    reply = original(subject=f"Re: [{REFERENCE}] Kvittering: Ansøgning")
    subject = sent(ack(settings, mail=reply))["Subject"]
    assert subject.startswith(f"[{REFERENCE}] Kvittering: ") and subject.count(REFERENCE) == 1
    assert subject == f"[{REFERENCE}] Kvittering: Ansøgning"        # not "Kvittering: Re: Kvittering: Ansøgning"


@pytest.mark.parametrize(("written", "quoted"), [("Fwd: Summer street festival", "Summer street festival"),
                                                 ("SV: VS: Stillads", "Stillads"),
                                                 ("Re: Acknowledgement: Scaffolding", "Scaffolding"),
                                                 ("Revision of our sign: size", "Revision of our sign: size")])
def test_subject_quotes_the_business_without_reply_and_forward_marks(settings, written, quoted):
    assert sent(ack(settings, mail=original(subject=written)))["Subject"] == f"[{REFERENCE}] Kvittering: {quoted}"


def test_subject_of_a_bare_reply_mark_is_the_task(settings):
    assert sent(ack(settings, mail=original(subject="Re:")))["Subject"].startswith(f"[{REFERENCE}] Kvittering: ")
    assert sent(ack(settings, mail=original(subject="Re:")))["Subject"] != f"[{REFERENCE}] Kvittering: "


@LANGS
def test_headers_auto_replied_in_the_thread_with_stable_message_id(settings, lang):
    msg = sent(ack(settings, lang))
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Loop"] == settings.loop_id and msg["X-Auto-Response-Suppress"] == "All"
    assert msg["Message-ID"] == msg_id(settings, "ack", REFERENCE)
    assert msg["In-Reply-To"] == "<app-1@jensen.dk>"
    assert msg["References"].split() == ["<older-1@jensen.dk>", "<older-2@jensen.dk>", "<app-1@jensen.dk>"]
    assert msg["To"] == "peter@jensen.dk" and msg["Content-Language"] == lang


@LANGS
def test_sender_name_comes_from_the_settings(renamed, lang):
    msg = sent(ack(renamed, lang))
    body = body_of(msg)
    assert msg["From"].addresses[0].display_name == OTHER_NAME and msg["X-Loop"] == "intake-loop@kk.example"
    assert EXPECTED[lang]["thanks"].format(name=OTHER_NAME) in body
    assert EXPECTED[lang]["signature"].format(name=OTHER_NAME) in body
    assert DEFAULT_NAME not in body and "Copenhagen Business Service" not in body


@LANGS
def test_default_sender_name_signs_by_default(settings, lang):
    assert EXPECTED[lang]["signature"].format(name=DEFAULT_NAMES[lang]) in body_of(ack(settings, lang))


@LANGS
def test_greeting_falls_back_to_the_sender_then_the_applicant(settings, lang):
    no_contact = {"company_name": "Jensen ApS"}
    assert body_of(ack(settings, lang, details=no_contact)).startswith(EXPECTED[lang]["greeting"])
    anonymous = original(lang, sender="peter@jensen.dk")
    assert body_of(ack(settings, lang, mail=anonymous, details=no_contact)).startswith(EXPECTED[lang]["fallback"])


@pytest.mark.parametrize(("contact", "greeted"), [
    ("Jens Kragh", "Peter Jensen"),      # the client's director the sender names: not greeted at the sender's address
    ("Peter Jensen", "Peter Jensen"),
    ("Anna Jensen", "Anna Jensen"),      # (one of the family)
])
def test_the_sender_is_greeted_where_the_contact_found_is_another_person(settings, contact, greeted):
    body = body_of(ack(settings, "da", details={"company_name": "Jensen ApS", "contact_name": contact}))
    assert body.startswith(f"Kære {greeted}\n")


@LANGS
def test_complex_case_copies_and_introduces_the_contact_person(settings, lang):
    msg = sent(ack(settings, lang, contact=PERSON))
    body = body_of(msg)
    assert msg["Cc"] == PERSON.email
    head = "Din kontaktperson" if lang == "da" else "Your contact person"
    phone = "Telefon" if lang == "da" else "Phone"
    assert f"\n{head}\n" in body and f"{PERSON.name}, {PERSON.title}\n" in body
    assert f"{phone}: {PERSON.phone}" in body and ("fast kontaktperson" in body or "named contact" in body)


@pytest.mark.parametrize(("lang", "question", "case"), [
    ("da", "Dit spørgsmål berører flere enheder", "Din sag involverer flere enheder"),
    ("en", "Your question touches several offices", "Your case involves several offices"),
])
def test_a_question_for_several_offices_introduces_its_contact_person_as_a_guide(settings, lang, question, case):
    """"What do I need to open a ramen restaurant?" touches several offices and gets a contact person, but the case's
    one task is the question: the letter does not say the case involves several offices."""
    asked = sent(ack(settings, lang, contact=PERSON, task_types=("generel", "udeservering"), office="erhvervsservice",
                     parts=(part("generel"),)))
    applied = sent(ack(settings, lang, contact=PERSON, task_types=("udeservering", "skilte"), office="byliv",
                       parts=(part("udeservering"), part("skilte"))))
    assert question in body_of(asked) and case not in body_of(asked)
    assert case in body_of(applied) and question not in body_of(applied)
    assert asked["Cc"] == PERSON.email


def test_simple_case_has_no_cc_and_no_contact_block(settings):
    msg = sent(ack(settings))
    assert msg["Cc"] is None and "kontaktperson" not in body_of(msg).lower()


@pytest.mark.parametrize(("lang", "sentence", "hear_by"), [
    ("da", "Københavns Erhvervsservice læser den, sender den til den rette enhed og skriver til dig i uge 50",
     "Du hører fra os i uge 50 (7.-11. december 2026), senest mandag den 7. december"),
    ("en", "Copenhagen Business Service reads it, passes it to the right office and writes to you in week 50",
     "You will hear from us in week 50 (7-11 December 2026), at the latest Monday 7 December"),
])
def test_uncertain_case_says_the_triage_office_finds_the_office_and_by_when(settings, lang, sentence, hear_by):
    """Triage says the truth: no guessed office is named as responsible; the week is the general goal's."""
    general = CATALOGUE.task("generel").goal
    triage = PartFacts("vejareal", "erhvervsservice", general, date(2026, 12, 7), needs_triage=True)
    body = " ".join(body_of(ack(settings, lang, needs_triage=True, office="erhvervsservice",
                                parts=(triage,))).split())
    assert sentence in body and hear_by in body
    assert "Center for Trafik" not in body and "Råden over vejareal" not in body and "Road space" not in body
    assert sentence not in " ".join(body_of(ack(settings, lang)).split())
    # a mail without a subject of its own: ours names no guessed task either
    untitled = ack(settings, lang, mail=original(lang, subject=""), needs_triage=True, office="erhvervsservice",
                   parts=(triage,))
    assert untitled["Subject"].endswith(": din henvendelse" if lang == "da" else ": your enquiry")


@pytest.mark.parametrize(("lang", "block"), [
    ("da", "Vi kunne ikke læse alle vedhæftede filer:\n- plan.pdf er krypteret.\n"
           "Sagen fortsætter med det, vi kunne læse.\n"),
    ("en", "We could not read all attached files:\n- plan.pdf is encrypted.\n"
           "Your case goes on with what we could read.\n"),
])
def test_unreadable_attachments_get_their_sentence(settings, lang, block):
    sentence = "plan.pdf er krypteret." if lang == "da" else "plan.pdf is encrypted."
    assert block in body_of(ack(settings, lang, unreadable=(("plan.pdf", sentence),)))


@pytest.mark.parametrize(("lang", "words"), [
    ("da", "Dele af din henvendelse afgøres af en anden myndighed"),
    ("en", "Parts of your enquiry are decided by another authority"),
])
def test_non_municipal_topic_is_guided(settings, lang, words):
    body = body_of(ack(settings, lang, external=("alkoholbevilling",)))
    assert words in body and CATALOGUE.external["alkoholbevilling"].url in body


def test_only_external_guidance_names_the_configured_sender(renamed):
    body = body_of(ack(renamed, task_types=("generel",), office="erhvervsservice", external=("skat_moms",)))
    assert f"og {OTHER_NAME} ser den igennem" in body and f"og {DEFAULT_NAME} ser" not in body


@pytest.mark.parametrize(("lang", "lines"), [
    ("da", ["Din ansøgning omfatter 2 opgaver. Hver opgave behandles af den ansvarlige enhed med sit eget servicemål:",
            "1. Råden over vejareal (stillads, container, skurvogn, kran, lift): Center for Trafik (vejmyndighed)",
            "   Servicemål: 10 arbejdsdage fra modtagelsen. Forventes afsluttet i uge 51 (14.-18. december 2026), "
            "senest mandag den 14. december",
            "2. Skilte og facadereklamer: Center for Bygninger",
            "   Servicemål: 4 uger fra modtagelsen. Forventes afsluttet i uge 53 (28. december 2026-1. januar 2027), "
            "senest mandag den 28. december"]),
    ("en", ["Your application involves 2 tasks. Each is handled by the responsible office with its own service goal:",
            "2. Signs and facade advertising: Centre for Buildings"]),
])
def test_each_part_is_listed_with_its_office_and_week(settings, lang, lines):
    parts = (PartFacts("vejareal", "trafik", CATALOGUE.task("vejareal").goal, date(2026, 12, 14)),
             PartFacts("skilte", "byggeri", CATALOGUE.task("skilte").goal, date(2026, 12, 28)))
    msg = ack(settings, lang, task_types=("vejareal", "skilte"), parts=parts)
    body = body_of(msg)
    for line in lines:
        assert line + "\n" in body
    assert "Opgave:" not in body and "Task:" not in body
    assert msg["Subject"].endswith(("Ansøgning om stillads", "Scaffolding application"))


@LANGS
def test_hostile_subject_and_sender_name_cannot_add_headers(settings, lang):
    mail = original(lang, subject=HOSTILE, from_name="Eve\r\nBcc: victim@attacker.example")
    msg = ack(settings, lang, mail=mail, details={})
    raw = msg.as_bytes()
    assert b"\nBcc:" not in raw and b"\nX-Evil:" not in raw
    assert sent(msg)["Bcc"] is None
    greeting = "Kære ansøger" if lang == "da" else "Dear applicant"
    assert body_of(msg).startswith(f"{greeting}\n"), "a name that holds an address greets nobody by it"


@LANGS
def test_carries_the_personal_track_link_of_its_case(settings, lang):
    """The link is the public URL's /track/<token>, and the token names this case's reference."""
    from intake.tracking import read_token

    found = re.search(r"(\S+)/track/(\S+)\n", body_of(ack(settings, lang)))
    assert found is not None
    assert found.group(1) == settings.public_url
    assert read_token(settings, found.group(2)) == REFERENCE
