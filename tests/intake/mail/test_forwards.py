"""Finding the forwarded message and its author (pure; mail as Outlook, Gmail and Apple Mail write it)."""
from __future__ import annotations

import time
from email.message import EmailMessage

import pytest

from intake.mail.forwards import find_forwarded
from intake.mail.message import parse_mail
from intake.mail.parties import is_internal, parties_of

APPLICATION = "Hej\n\nVi vil gerne søge om udeservering foran Café Solsikken, Blågårdsgade 14, 2200 København N.\n"
NOTE = ("Hej Erhvervsservice\n\nDenne kom ind hos Borgerservice i dag. Kan I tage den?\n\n"
        "Venlig hilsen\nLone Berg\nBorgerservice\n")

FORMS = {
    "outlook_da": ("-----Oprindelig meddelelse-----\nFra: Maja Thorsen [mailto:maja@solsikken.dk]\n"
                   "Sendt: 30. november 2026 09:12\nTil: Borgerservice <borgerservice@kk.example>\n"
                   "Emne: Udeservering\n\n"),
    "outlook_en": ("-----Original Message-----\nFrom: Maja Thorsen <maja@solsikken.dk>\nSent: Monday, November 30, "
                   "2026 9:12 AM\nTo: borgerservice@kk.example\nSubject: Udeservering\n\n"),
    "outlook_new": ("________________________________\nFra: Maja Thorsen <maja@solsikken.dk>\nSendt: mandag den 30. "
                    "november 2026 09.12\nTil: Borgerservice\nEmne: Udeservering\n\n"),
    "gmail_en": ("---------- Forwarded message ---------\nFrom: Maja Thorsen <maja@solsikken.dk>\n"
                 "Date: Mon, 30 Nov 2026 at 09:12\nSubject: Udeservering\nTo: <borgerservice@kk.example>\n\n"),
    "gmail_da": ("---------- Videresendt meddelelse ---------\nFra: Maja Thorsen <maja@solsikken.dk>\n"
                 "Date: man. 30. nov. 2026 kl. 09.12\nSubject: Udeservering\nTo: <borgerservice@kk.example>\n\n"),
    "apple_en": ("Begin forwarded message:\n\nFrom: Maja Thorsen <maja@solsikken.dk>\nSubject: Udeservering\n"
                 "Date: 30 November 2026 at 09.12.00 CET\nTo: borgerservice@kk.example\n\n"),
    "apple_da": ("Start på videresendt besked:\n\nFra: Maja Thorsen <maja@solsikken.dk>\nEmne: Udeservering\n"
                 "Dato: 30. november 2026 kl. 09.12.00 CET\nTil: borgerservice@kk.example\n\n"),
    "html_rendered": ("-----Original Message-----\n*From:* Maja Thorsen <mailto:maja@solsikken.dk>\n*Sent:* 30 Nov\n"
                      "*Subject:* Udeservering\n\n"),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_the_author_of_a_forwarded_message_is_found(form):
    fwd = find_forwarded(NOTE + "\n" + FORMS[form] + APPLICATION, "VS: Udeservering")
    assert fwd is not None
    assert (fwd.author_addr, fwd.author_name, fwd.subject) == ("maja@solsikken.dk", "Maja Thorsen", "Udeservering")
    assert "Café Solsikken" in fwd.text and "Borgerservice" not in fwd.text
    assert fwd.note.startswith("Hej Erhvervsservice") and "Lone Berg" not in fwd.note


def test_an_attached_message_is_a_forward():
    inner = EmailMessage()
    inner["From"], inner["To"], inner["Subject"] = "Maja Thorsen <maja@solsikken.dk>", "bs@kk.example", "Udeservering"
    inner.set_content(APPLICATION)
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "Lone Berg <lobe@kk.example>", "es@kk.example", "Til jer"
    outer.set_content(NOTE)
    outer.add_attachment(inner)
    mail = parse_mail(outer.as_bytes())
    fwd = find_forwarded(mail.full_text, mail.subject)
    assert fwd is not None and fwd.author_addr == "maja@solsikken.dk" and "Café Solsikken" in fwd.text


def test_a_reply_with_quoted_history_is_not_a_forward():
    text = "Tak, det lyder fint.\n\nDen 30. nov. 2026 kl. 09.12 skrev Maja Thorsen <maja@solsikken.dk>:\n> Hej\n"
    assert find_forwarded(text, "Re: Udeservering") is None


def test_a_bare_outlook_block_counts_only_under_a_forward_subject():
    block = "Fra: Maja Thorsen <maja@solsikken.dk>\nSendt: 30. november 2026 09:12\nTil: bs@kk.example\nEmne: X\n\n"
    assert find_forwarded("Se nedenfor\n\n" + block + APPLICATION, "SV: Udeservering") is None
    assert find_forwarded("Se nedenfor\n\n" + block + APPLICATION, "VS: Udeservering") is not None


def test_a_forward_without_a_valid_author_address_is_ignored():
    broken = FORMS["gmail_en"].replace("<maja@solsikken.dk>", "<maja at solsikken dk>")
    assert find_forwarded(NOTE + broken + APPLICATION) is None


def test_a_hostile_author_name_cannot_inject_headers():
    cleaned = FORMS["gmail_en"].replace("Maja Thorsen", "Maja\u2028Thorsen\u0000")
    fwd = find_forwarded(NOTE + cleaned + APPLICATION)
    assert fwd is not None and fwd.author_name == "Maja Thorsen"
    injected = FORMS["gmail_en"].replace("Maja Thorsen", "Maja\u2028Bcc: x@evil.example")
    fwd = find_forwarded(NOTE + injected + APPLICATION)
    assert fwd is None or ("\u2028" not in fwd.author_name and fwd.author_addr == "maja@solsikken.dk")


def test_a_huge_header_like_text_is_read_quickly():
    text = "-----Original Message-----\n" + "Cc: a@b.dk\n" * 200_000 + "From: Maja <maja@solsikken.dk>\n"
    start = time.perf_counter()
    assert find_forwarded(text) is None  # the header block is bounded; the From line is too far down
    assert time.perf_counter() - start < 2.0


# -- parties -------------------------------------------------------------------------------------
def _mail(sender: str, body: str, subject: str = "VS: Udeservering", **headers: str):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "erhvervsservice@kk.example", subject
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(body)
    return parse_mail(msg.as_bytes())


DOMAINS = ("kk.example", "borgerservice.kk.example")


def test_internal_is_the_domain_or_a_subdomain():
    assert is_internal("lobe@kk.example", DOMAINS) and is_internal("x@post.kk.example", DOMAINS)
    assert not is_internal("x@kk.example.evil.dk", DOMAINS) and not is_internal("x@notkk.example", DOMAINS)


def test_a_colleague_forwarding_makes_the_business_the_applicant():
    p = parties_of(_mail("Lone Berg <lobe@kk.example>", NOTE + "\n" + FORMS["outlook_da"] + APPLICATION), DOMAINS)
    assert (p.applicant_addr, p.reply_addr, p.reply_name) == ("maja@solsikken.dk", "maja@solsikken.dk", "Maja Thorsen")
    assert p.forwarded_by == "lobe@kk.example" and p.forward is not None and p.internal


def test_an_outside_forwarder_is_the_agent_and_is_answered():
    p = parties_of(_mail("Revisor Jens <jens@revision.dk>", NOTE + "\n" + FORMS["outlook_da"] + APPLICATION), DOMAINS)
    assert (p.applicant_addr, p.reply_addr, p.forwarded_by) == ("jens@revision.dk", "jens@revision.dk", "")


def test_reply_to_names_the_agent_with_its_own_name():
    p = parties_of(_mail("Bo Hansen <bo@bageri.dk>", APPLICATION, "Skilt", Reply_To="Skiltefirma <ordre@skilt.dk>"),
                   DOMAINS)
    assert (p.applicant_addr, p.applicant_name) == ("bo@bageri.dk", "Bo Hansen")
    assert (p.reply_addr, p.reply_name) == ("ordre@skilt.dk", "Skiltefirma") and p.has_agent


def test_a_colleague_forwarding_a_colleague_is_not_a_business():
    inner = FORMS["gmail_en"].replace("maja@solsikken.dk", "kollega@kk.example")
    p = parties_of(_mail("Lone Berg <lobe@kk.example>", NOTE + inner + APPLICATION), DOMAINS)
    assert p.applicant_addr == "lobe@kk.example" and p.forwarded_by == ""
