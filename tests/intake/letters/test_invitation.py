"""Star-meeting mails, in Danish and in English: invitation, move, cancellation; wording, headers, calendar part."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from intake.letters.invitation import Invitation, Participant, invitation_mail
from routing.goals import LOCAL_TZ
from tests.intake.letters.builders import DEFAULT_NAME, DEFAULT_NAMES, OTHER_NAME, REFERENCE, body_of, sent

ORGANIZER = Participant("Mette Holm", "mette.holm@kk.example", "contact_person")
BUSINESS = Participant("Peter Jensen", "peter@jensen.dk", "business")
MEETING = Invitation(uid=f"stjernemoede.{REFERENCE}.1@kk.example", reference=REFERENCE,
                     starts_at=datetime(2026, 12, 8, 10, tzinfo=LOCAL_TZ),
                     ends_at=datetime(2026, 12, 8, 11, tzinfo=LOCAL_TZ), location="Rådhuset, lokale 12",
                     organizer=ORGANIZER,
                     participants=(ORGANIZER, Participant("Center for Trafik", "trafik@kk.example", "caseworker"),
                                   BUSINESS),
                     topic_da="Stillads", topic_en="Scaffolding")
KINDS = {"new": MEETING,
         "moved": replace(MEETING, sequence=1, moved_from=datetime(2026, 12, 7, 13, tzinfo=LOCAL_TZ)),
         "cancelled": replace(MEETING, sequence=2, cancelled=True, reason="Afklaret pr. mail")}
EXPECTED = {
    "da": {"new": ("Stjernemøde", "Vi indkalder til et stjernemøde om sag KBH-2026-000042 (Stillads).",
                   "Tidspunkt: tirsdag den 8. december 2026 kl. 10.00-11.00\nSted: Rådhuset, lokale 12\n"),
           "moved": ("Stjernemøde flyttet", "Stjernemødet om sag KBH-2026-000042 (Stillads) er flyttet.",
                     "Nyt tidspunkt: tirsdag den 8. december 2026 kl. 10.00-11.00\n"
                     "(tidligere: mandag den 7. december 2026 kl. 13.00)\n"),
           "cancelled": ("Stjernemøde aflyst", "Stjernemødet om sag KBH-2026-000042 (Stillads) tirsdag den 8. december "
                         "2026 kl. 10.00-11.00 er aflyst.", "Begrundelse: Afklaret pr. mail\n\n"),
           "greeting": "Kære Peter Jensen\n", "closing": "Med venlig hilsen\nMette Holm\n{}\n",
           "people": "Deltagere:\n- Mette Holm (kontaktperson)\n- Center for Trafik (sagsbehandler)\n"
                     "- Peter Jensen (ansøger)\n"},
    "en": {"new": ("Star meeting", "We invite you to a star meeting about case KBH-2026-000042 (Scaffolding).",
                   "Time: Tuesday 8 December 2026 at 10:00-11:00 (Copenhagen time)\nPlace: Rådhuset, lokale 12\n"),
           "moved": ("Star meeting moved", "The star meeting about case KBH-2026-000042 (Scaffolding) has moved.",
                     "New time: Tuesday 8 December 2026 at 10:00-11:00 (Copenhagen time)\n"
                     "(before: Monday 7 December 2026 at 13:00)\n"),
           "cancelled": ("Star meeting cancelled", "The star meeting about case KBH-2026-000042 (Scaffolding) on "
                         "Tuesday 8 December 2026 at 10:00-11:00 (Copenhagen time) is cancelled.",
                         "Reason: Afklaret pr. mail\n\n"),
           "greeting": "Dear Peter Jensen\n", "closing": "Kind regards\nMette Holm\n{}\n",
           "people": "Participants:\n- Mette Holm (contact person)\n- Center for Trafik (caseworker)\n"
                     "- Peter Jensen (applicant)\n"},
}
EVERY = pytest.mark.parametrize(("lang", "kind"), [(lang, kind) for lang in ("da", "en") for kind in KINDS])
MID = f"<meeting1.{REFERENCE}.3@kk.example>"


def invite(settings, lang, kind, recipient=BUSINESS):
    return invitation_mail(KINDS[kind], recipient, lang, settings=settings, message_id=MID)


@EVERY
def test_wording_of_each_meeting_mail(settings, lang, kind):
    _, sentence, details = EXPECTED[lang][kind]
    body = body_of(invite(settings, lang, kind))
    assert body.startswith(EXPECTED[lang]["greeting"]) and sentence in body and details in body
    assert body.endswith(EXPECTED[lang]["closing"].format(DEFAULT_NAMES[lang]))
    if kind != "cancelled":
        assert EXPECTED[lang]["people"] in body


@EVERY
def test_subject_and_headers(renamed, lang, kind):
    msg = sent(invite(renamed, lang, kind))
    assert msg["Subject"] == f"[{REFERENCE}] {EXPECTED[lang][kind][0]}: {'Stillads' if lang == 'da' else 'Scaffolding'}"
    assert msg["Auto-Submitted"] == "auto-generated" and msg["X-Loop"] == "intake-loop@kk.example"
    assert msg["X-Auto-Response-Suppress"] == "All" and msg["Message-ID"] == MID
    assert msg["Reply-To"].addresses[0].addr_spec == ORGANIZER.email
    assert str(msg["To"]) == "Peter Jensen <peter@jensen.dk>"
    assert msg["From"].addresses[0].display_name == OTHER_NAME


@pytest.mark.parametrize("lang", ["da", "en"])
def test_signed_by_the_organizer_for_the_configured_sender(renamed, lang):
    body = body_of(invite(renamed, lang, "new"))
    assert body.endswith(EXPECTED[lang]["closing"].format(OTHER_NAME)) and DEFAULT_NAME not in body


def test_no_reply_to_when_the_organizer_is_our_own_address(settings):
    ours = replace(MEETING, organizer=Participant("Desk", settings.from_address, "contact_person"))
    assert invitation_mail(ours, BUSINESS, "da", settings=settings, message_id=MID)["Reply-To"] is None


@EVERY
def test_calendar_part_carries_the_method(settings, lang, kind):
    msg = sent(invite(settings, lang, kind))
    (part,) = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    method = "CANCEL" if kind == "cancelled" else "REQUEST"
    assert part.get_param("method") == method and f"METHOD:{method}" in part.get_content()
    assert [p.get_filename() for p in msg.iter_attachments()] == ["invite.ics"]


def test_hostile_participant_name_cannot_add_headers(settings):
    hostile = Participant("Eve\r\nBcc: victim@attacker.example", "eve@x.dk", "business")
    msg = invite(settings, "en", "new", recipient=hostile)
    assert b"\nBcc:" not in msg.as_bytes() and sent(msg)["Bcc"] is None
    assert body_of(msg).startswith("Dear Eve Bcc: victim@attacker.example\n")
