"""Tests of intake.mail.bodytext: HTML rendering and "what the sender wrote now"."""

from __future__ import annotations

import time

import pytest

from intake.mail.bodytext import html_to_text, strip_signature, text_now

# ---------------------------------------------------------------- HTML

def test_paragraphs_and_line_breaks_are_kept_apart():
    assert html_to_text("<p>Første</p><p>Anden<br>linje</p>") == "Første\n\nAnden\nlinje"


def test_list_items_become_lines():
    assert html_to_text("<ul><li>Borde</li><li>Stole</li></ul>") == "- Borde\n- Stole"


def test_table_cells_are_separated_and_rows_are_lines():
    text = html_to_text("<table><tr><td>CVR</td><td>12345678</td></tr><tr><td>Tlf</td><td>22334455</td></tr></table>")
    assert text.split("\n") == ["CVR\t12345678", "Tlf\t22334455"]


def test_script_style_head_and_comments_are_dropped():
    text = html_to_text("<html><head><title>T</title><style>.a{}</style></head><body><!-- hidden -->"
                        "<script>var x=1;</script><p>Synlig</p></body></html>")
    assert text == "Synlig"


def test_source_whitespace_is_collapsed_but_pre_is_kept():
    assert html_to_text("<p>Vi   søger\n   om\ttilladelse</p>") == "Vi søger om tilladelse"
    assert "a  b" in html_to_text("<pre>a  b\nc</pre>")


def test_entities_are_decoded():
    assert html_to_text("<p>Caf&eacute; &amp; Bar &lt;3&nbsp;x</p>") == "Café & Bar <3 x"


def test_blockquote_becomes_quoted_lines():
    text = html_to_text("<p>Svar</p><blockquote><p>Gammel</p><blockquote>Ældre</blockquote></blockquote>")
    assert "> Gammel" in text and "> > Ældre" in text


def test_deeply_nested_html_renders_without_recursion_error():
    html = "<div>" * 5000 + "dybt" + "</div>" * 5000
    started = time.perf_counter()
    assert "dybt" in html_to_text(html)
    assert time.perf_counter() - started < 5


def test_broken_html_is_rendered():
    assert html_to_text("<p>Hej <b>med <i>dig</p></div>") == "Hej med dig"


# ---------------------------------------------------------------- quoted history

def test_gmail_style_quote_is_removed():
    body = "Ja, det passer.\n\nOn Tue, 2 Mar 2027 at 10:12, Hans <h@example.dk> wrote:\n> Er det rigtigt?\n> Mvh\n"
    assert text_now(body) == "Ja, det passer."


def test_danish_attribution_wrapped_over_two_lines_is_removed():
    body = ("Tak for svaret.\n\nDen tir. 2. mar. 2027 kl. 10.12 skrev Hans Hansen <\nhans@example.dk>:\n\n"
            "> Vi mangler en tegning.\n")
    assert text_now(body) == "Tak for svaret."


def test_interleaved_reply_keeps_own_lines_only():
    body = "Hans skrev:\n> Hvor står stilladset?\nPå Vesterbrogade 12.\n> Hvornår?\nFra 1. marts.\n"
    assert text_now(body) == "På Vesterbrogade 12.\nFra 1. marts."


@pytest.mark.parametrize("separator", ["-----Original Message-----", "-----Oprindelig meddelelse-----"])
def test_outlook_original_message_block_is_removed(separator):
    body = f"Se venligst nedenfor.\n\n{separator}\nFrom: Hans\nSent: 2. marts 2027\nSubject: Stillads\n\nGammel tekst\n"
    assert text_now(body) == "Se venligst nedenfor."


@pytest.mark.parametrize("block", [
    "Fra: Hans Hansen <hans@example.dk>\nSendt: 2. marts 2027 10:12\nTil: Erhverv\nEmne: Stillads",
    "From: Hans Hansen\nSent: Tuesday, March 2, 2027 10:12 AM\nTo: Desk\nSubject: Scaffold",
    "________________________________\nFra: Hans Hansen\nSendt: 2. marts 2027\nTil: Erhverv",
])
def test_outlook_header_block_is_removed(block):
    assert text_now(f"Her er tegningen.\n\n{block}\n\nGammel tekst med CVR 12345678\n") == "Her er tegningen."


def test_a_line_starting_with_fra_in_running_text_is_kept():
    body = "Fra: 1. marts til 30. april\nØnsker vi at stille et stillads op.\n"
    assert text_now(body) == body.strip()


# ---------------------------------------------------------------- signatures

def test_dash_dash_signature_is_removed():
    assert text_now("Vi søger om tilladelse.\n-- \nHans Hansen\nTlf 22334455\n") == "Vi søger om tilladelse."


@pytest.mark.parametrize("valediction", ["Med venlig hilsen", "Venlig hilsen", "Mvh", "Best regards", "Kind regards,",
                                         "Mvh.", "De bedste hilsner", "Best,", "Kh"])
def test_valediction_with_short_block_is_removed(valediction):
    body = f"Vi søger om udeservering.\n\n{valediction}\nHans Hansen\nCafé Hansen ApS\nCVR 12345678\n"
    assert text_now(body) == "Vi søger om udeservering."


def test_valediction_followed_by_long_text_is_kept():
    long_text = "\n".join(f"Punkt {i}: vi ønsker at stille borde op ud for nummer {i}." for i in range(15))
    body = f"Hej\n\nVenlig hilsen fra os alle\n{long_text}\n"
    assert "Punkt 14" in text_now(body)


def test_mobile_footer_is_removed():
    assert text_now("Se vedhæftede.\n\nSendt fra min iPhone\n") == "Se vedhæftede."


def test_strip_signature_on_lines():
    assert strip_signature(["Tekst", "", "Mvh Hans"]) == "Tekst"


# ---------------------------------------------------------------- forwarded messages

FORWARD = ("---------- Forwarded message ---------\nFrom: Per Jensen <per@firma.dk>\nDate: Tue, 2 Mar 2027\n"
           "Subject: Ansøgning om stillads\nTo: Kunde <k@example.dk>\n\n"
           "Vi søger om tilladelse til stillads på Vesterbrogade 4.\n\nMvh Per\n")


def test_forwarded_application_is_included_when_own_text_is_short():
    now = text_now("Se nedenfor.\n\n" + FORWARD)
    assert now.startswith("Se nedenfor.")
    assert "Vi søger om tilladelse til stillads på Vesterbrogade 4." in now
    assert "Ansøgning om stillads" in now
    assert "From:" not in now and "Mvh Per" not in now


@pytest.mark.parametrize("marker", ["---------- Videresendt besked ----------", "Begin forwarded message:",
                                    "-------- Forwarded Message --------", "Start på videresendt besked:"])
def test_forward_markers_in_several_languages(marker):
    body = FORWARD.replace("---------- Forwarded message ---------", marker)
    assert "Vesterbrogade 4" in text_now(body)


def test_a_message_forwarded_under_its_marker_is_included_after_a_long_own_text():
    """An accountant's long note above "---------- Forwarded message ---------" and the client's mail: the client's
    mail is what is passed on to us."""
    own = "Jeg er revisor for kunden og videresender hans mail, da han beder om hjælp til at søge. " * 5
    assert "Vesterbrogade 4" in text_now(own + "\n\n" + FORWARD)


def test_an_old_message_under_a_forward_subject_is_left_out_when_own_text_is_long():
    own = "Vi har selv en lang ansøgning. " * 20
    old = "Fra: Per Jensen\nSendt: 2. marts 2027\nTil: Hans\nEmne: Container\n\nEn container på Vesterbrogade 4."
    assert "Vesterbrogade 4" not in text_now(own + "\n\n" + old, "VS: Ansøgning")
    assert "Vesterbrogade 4" in text_now("Se nedenfor.\n\n" + old, "VS: Ansøgning")


def test_outlook_forward_is_included_under_a_forward_subject():
    body = ("FYI\n\nFra: Per Jensen\nSendt: 2. marts 2027\nTil: Hans\nEmne: Container\n\n"
            "Vi vil gerne stille en container på Amagerbrogade 10.\n")
    assert "Amagerbrogade 10" in text_now(body, "VS: Container")
    assert "Amagerbrogade 10" not in text_now(body, "SV: Container")


def test_quote_only_body_gives_empty_text_now():
    assert text_now("> gammel tekst\n> mere\n") == ""


def test_text_now_is_fast_on_a_large_body():
    body = ("Linje med tekst om stillads og container.\n" * 20_000) + "> q\n" * 20_000
    started = time.perf_counter()
    text_now(body)
    assert time.perf_counter() - started < 3
