"""The one envelope: sender, cleaned recipients and subject, threading, loop headers, the Auto-Submitted policy."""
from __future__ import annotations

import dataclasses
import re

import pytest

from intake.letters.envelope import (
    AUTO_SUBMITTED,
    Envelope,
    Thread,
    UnknownLetterKind,
    build_mail,
    copies,
    has_token,
    mailbox,
    msg_id,
)
from intake.mail.references import find_references
from tests.intake.letters.builders import (
    DEFAULT_NAME,
    DEFAULT_NAMES,
    HOSTILE,
    OTHER_NAME,
    header_names,
    original,
    sent,
)

PERSONAL = ("started", "info_request", "approved", "rejected", "forwarded", "rerouted", "part_added", "contact",
            "caseworker_reply", "reopened", "message", "forwarded_authority")


def mail(settings, **fields):
    values = {"kind": "note", "to": "trafik@kk.example", "subject": "[KBH-2026-000042] Husk",
              "message_id": "<note.x@kk>"}
    values.update(fields)
    return build_mail(settings, Envelope(**values), "Tekst.\n")


@pytest.mark.parametrize(("kind", "expected"), [
    *[(k, "auto-replied") for k in ("acknowledgement", "status", "resumed", "too_large")],
    *[(k, "auto-generated") for k in ("routed", "follow_up", "note", "digest", "invitation")],
    *[(k, None) for k in PERSONAL],
])
def test_auto_submitted_follows_the_policy_for_each_kind(settings, kind, expected):
    msg = mail(settings, kind=kind)
    assert msg["Auto-Submitted"] == expected
    assert ("auto-submitted" in header_names(msg)) is (expected is not None)


def test_policy_names_every_kind_once():
    assert set(AUTO_SUBMITTED) == {"acknowledgement", "status", "resumed", "forward_note", "closed_reply", "too_large",
                                   "routed", "follow_up", "note", "digest", "invitation", *PERSONAL}


def test_a_kind_outside_the_policy_is_refused(settings):
    with pytest.raises(UnknownLetterKind, match="newsletter"):
        mail(settings, kind="newsletter")


def test_from_is_the_configured_name_and_address(renamed):
    msg = sent(mail(renamed))
    assert msg["From"].addresses[0].display_name == OTHER_NAME
    assert msg["From"].addresses[0].addr_spec == renamed.from_address
    assert DEFAULT_NAME not in str(msg["From"])


@pytest.mark.parametrize(("lang", "name"), [("da", DEFAULT_NAME), ("en", DEFAULT_NAMES["en"]), ("", DEFAULT_NAME)])
def test_a_letter_in_english_comes_from_the_english_name_at_the_same_address(settings, lang, name):
    """An English reader did not know "Københavns Erhvervsservice" in the inbox; the Danish name stays after it."""
    sender = sent(mail(settings, language=lang))["From"].addresses[0]
    assert sender.display_name == name and sender.addr_spec == settings.from_address


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_municipality_that_names_itself_keeps_its_name_in_both_languages(renamed, lang):
    assert sent(mail(renamed, language=lang))["From"].addresses[0].display_name == OTHER_NAME


def test_an_english_name_of_its_own_is_on_the_english_letters_only(tmp_path):
    from tests.intake.letters.builders import settings_with

    own = settings_with(tmp_path, from_name=OTHER_NAME, from_name_en="Business House Test")
    assert sent(mail(own, language="en"))["From"].addresses[0].display_name == "Business House Test"
    assert sent(mail(own, language="da"))["From"].addresses[0].display_name == OTHER_NAME


def test_loop_headers_are_on_every_kind(renamed):
    for kind in AUTO_SUBMITTED:
        msg = mail(renamed, kind=kind)
        assert msg["X-Loop"] == "intake-loop@kk.example"
        assert msg["X-Auto-Response-Suppress"] == "All"


def test_hostile_subject_cannot_add_headers(settings):
    raw = mail(settings, subject=HOSTILE).as_bytes()
    msg = sent(mail(settings, subject=HOSTILE))
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert msg["Subject"] == "Hej Bcc: victim@attacker.example X-Evil: 1"
    assert b"\nBcc:" not in raw and b"\nX-Evil:" not in raw


def test_subject_is_cut_to_200_characters(settings):
    assert len(mail(settings, subject="x" * 500)["Subject"]) == 200


def test_hostile_display_name_stays_in_its_header(settings):
    msg = sent(mail(settings, kind="invitation", to=mailbox("Eve\r\nBcc: victim@attacker.example", "eve@x.dk")))
    assert msg["Bcc"] is None
    assert msg["To"].addresses[0].display_name == "Eve Bcc: victim@attacker.example"
    assert msg["To"].addresses[0].addr_spec == "eve@x.dk"


def test_cc_holds_bare_addresses_once_and_never_the_recipient(settings):
    cc = ["karen@kk.example", "KAREN@kk.example", "trafik@kk.example", "Karen Hansen", "",
          "lods@kk.example\r\nBcc: victim@attacker.example"]
    msg = sent(mail(settings, cc=cc))
    assert [a.addr_spec for a in msg["Cc"].addresses] == ["karen@kk.example"]
    assert msg["Bcc"] is None


def test_copies_keep_the_order_given():
    assert copies(["b@x.dk", "a@x.dk", "b@x.dk"], "c@x.dk") == ["b@x.dk", "a@x.dk"]


def test_no_cc_header_without_copies(settings):
    assert "cc" not in header_names(mail(settings, cc=["", "trafik@kk.example"]))


def test_a_reply_threads_on_the_original_and_its_last_references():
    many = original(references=[f"<r{i}@x>" for i in range(15)])
    thread = Thread.replying_to(many)
    assert thread.in_reply_to == "<app-1@jensen.dk>"
    assert thread.references == (*[f"<r{i}@x>" for i in range(5, 15)], "<app-1@jensen.dk>")


def test_no_thread_without_a_message_id():
    assert Thread.replying_to(original(message_id="")) is None


def test_threading_headers_are_written_when_given(settings):
    msg = mail(settings, thread=Thread.under("<ack.KBH-2026-000042@kk.example>"))
    assert msg["In-Reply-To"] == "<ack.KBH-2026-000042@kk.example>"
    assert msg["References"] == "<ack.KBH-2026-000042@kk.example>"
    assert "in-reply-to" not in header_names(mail(settings))


OUTLOOK_ID = "<AM9PR07MB7281C3E0A1F4B2D9E6A5C1B8F2D40@AM9PR07MB7281.eurprd07.prod.outlook.com>"


def test_a_long_outlook_message_id_is_written_as_it_is_and_threads(settings):
    """An Outlook id has no space to fold at: the default policy wrote it as an RFC 2047 encoded word, which no mail
    program threads by (audit, session 35)."""
    thread = Thread.replying_to(original(message_id=OUTLOOK_ID, references=["<first@jensen.dk>"]))
    raw = mail(settings, thread=thread).as_bytes()
    assert f"In-Reply-To: {OUTLOOK_ID}\n".encode() in raw
    assert b"References: <first@jensen.dk>\n " + OUTLOOK_ID.encode() in raw   # folded between the ids
    back = sent(mail(settings, thread=thread))
    assert (back["In-Reply-To"], back["References"]) == (OUTLOOK_ID, f"<first@jensen.dk> {OUTLOOK_ID}")


def test_the_slim_copy_for_a_small_relay_keeps_the_long_id_as_it_is(settings):
    from intake.letters.slim import slim_copy

    msg = mail(settings, thread=Thread.replying_to(original(message_id=OUTLOOK_ID)))
    msg.add_attachment(b"%PDF-1.4 x", maintype="application", subtype="pdf", filename="tegning.pdf")
    slim = slim_copy(msg.as_bytes(), limit=10, outbox_id=7, desk="erhvervsservice@kk.example")
    assert slim is not None and f"In-Reply-To: {OUTLOOK_ID}\n".encode() in slim


def test_content_language_survives_the_body(settings):
    assert sent(mail(settings, language="en"))["Content-Language"] == "en"


def test_a_message_id_carries_kind_reference_number_and_a_token(settings):
    mid = msg_id(settings, "status", "KBH-2026-000042", 3)
    assert re.fullmatch(r"<status\.KBH-2026-000042\.3\.[0-9a-f]{16}@kk\.example>", mid)
    assert find_references("KBH", [mid]) == ["KBH-2026-000042"], "replies still find their case by the id"


def test_the_same_letter_gets_the_same_message_id(settings):
    """A resend, and the acknowledgement a later letter threads under, are the same id every time."""
    assert msg_id(settings, "ack", "KBH-2026-000042") == msg_id(settings, "ack", "KBH-2026-000042")
    assert msg_id(settings, "ack", "KBH-2026-000042") != msg_id(settings, "ack", "KBH-2026-000043")


def test_the_token_is_keyed_with_the_web_secret(settings):
    """Knowing the scheme and the reference is not enough to write our id: another key gives another token."""
    other = dataclasses.replace(settings, web_secret="another installation's secret, long enough")
    assert msg_id(other, "ack", "KBH-2026-000042") != msg_id(settings, "ack", "KBH-2026-000042")


def test_has_token_tells_our_ids_from_ids_made_of_a_reference(settings):
    assert has_token(msg_id(settings, "ack", "KBH-2026-000042"))
    assert not has_token("<ack.KBH-2026-000042@kk.example>")
    assert not has_token("<CAB1234@mail.gmail.com>")
