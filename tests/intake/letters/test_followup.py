"""Mails to the office that has a case (Danish first): a follow-up passed on, a note."""
from __future__ import annotations

from intake.letters.envelope import msg_id
from intake.letters.followup import follow_up_to_office, note_to_office
from tests.intake.letters.builders import (
    CATALOGUE,
    DEFAULT_NAME,
    OTHER_NAME,
    REFERENCE,
    body_of,
    case,
    original,
    sent,
)

SUMMARY = f"case {REFERENCE} resumed; due 2026-12-21 (2026-W52), moved from 2026-W51"


def follow_up(settings, resumed="", cc=("karen@kk.example",)):
    return follow_up_to_office(case(), original(), b"raw follow-up", CATALOGUE, settings, 4, resumed=resumed, cc=cc)


def test_follow_up_goes_to_the_office_with_the_mail_attached(settings):
    msg = sent(follow_up(settings))
    assert msg["To"] == "trafik@kk.example" and msg["Reply-To"] == "erhvervsservice@kk.example"
    assert msg["Subject"] == f"[{REFERENCE}] Opfølgning fra ansøger / follow-up"
    body = body_of(msg)
    assert body.startswith(f"Ansøgeren har skrevet igen i sag {REFERENCE}. Den oprindelige mail er vedlagt.\n"
                           f"The applicant wrote again about case {REFERENCE}. The mail is attached.\n")
    assert "Ansøgerens egne ord / the applicant's own words:" in body, "the business's words inline"
    assert "Skriv [intern] i emnefeltet" in body
    (part,) = list(msg.iter_attachments())
    assert part.get_filename() == f"{REFERENCE}-followup.eml" and part.get_content() == b"raw follow-up"


def test_an_answer_to_our_question_says_the_clock_runs_again(settings):
    msg = sent(follow_up(settings, resumed=SUMMARY))
    assert msg["Subject"] == f"[{REFERENCE}] Svar fra ansøger, uret kører igen / applicant answered"
    assert body_of(msg).startswith("Ansøgeren har svaret på anmodningen om oplysninger; uret kører igen. / "
                                   "The applicant answered the request for information; the clock runs again.\n"
                                   f"{SUMMARY}\n\nAnsøgeren har skrevet igen")


def test_headers_auto_generated_numbered_from_the_settings(renamed):
    msg = sent(follow_up(renamed))
    assert msg["Auto-Submitted"] == "auto-generated" and msg["X-Loop"] == "intake-loop@kk.example"
    assert msg["Message-ID"] == msg_id(renamed, "followup", REFERENCE, 4)
    assert msg["From"].addresses[0].display_name == OTHER_NAME and DEFAULT_NAME not in str(msg["From"])


def test_caseworker_and_contact_person_are_copied_once_and_never_the_office(settings):
    cc = ["karen@kk.example", "", "Karen", "trafik@kk.example", "lods@kk.example", "karen@kk.example"]
    msg = sent(follow_up(settings, cc=cc))
    assert [a.addr_spec for a in msg["Cc"].addresses] == ["karen@kk.example", "lods@kk.example"]


def test_note_to_the_office_carries_the_callers_text(settings):
    msg = sent(note_to_office(case(), "Husk tegningen", "Ansøgeren ringede.\n", CATALOGUE, settings, 2,
                              cc=["karen@kk.example"]))
    assert msg["To"] == "trafik@kk.example" and msg["Subject"] == f"[{REFERENCE}] Husk tegningen"
    assert msg["Message-ID"] == msg_id(settings, "note", REFERENCE, 2) and msg["Cc"] == "karen@kk.example"
    assert msg["Auto-Submitted"] == "auto-generated" and msg["X-Loop"] == settings.loop_id
    assert body_of(msg) == "Ansøgeren ringede.\n"
