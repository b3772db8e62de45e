"""Tests of intake.mail.message: headers, bodies, attachments, attached messages, hostile input."""

from __future__ import annotations

import base64
import time
from datetime import UTC
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.mail.headers import clean_header_value, parse_from
from intake.mail.message import Part, parse_mail
from tests.paths import CORPORA


def build(body: str = "Hej\n", *, headers: dict[str, str] | None = None, html: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    for name, value in {"From": "Hans Hansen <hans@example.dk>", "To": "erhverv@example.org",
                        "Subject": "Ansøgning", "Message-ID": "<m1@example.dk>", **(headers or {})}.items():
        msg[name] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def raw_mail(header_block: str, body: str = "Hej\n", extra: bytes = b"") -> bytes:
    return (header_block.strip("\n").replace("\n", "\r\n") + "\r\n\r\n").encode("utf-8") + body.encode() + extra


# ---------------------------------------------------------------- headers

def test_headers_are_decoded_and_typed():
    mail = parse_mail(raw_mail(
        "From: =?utf-8?q?S=C3=B8ren_M=C3=B8ller?= <Soren@Example.DK>\n"
        "Subject: =?utf-8?b?QW5zw7hnbmluZyBvbSB1ZGVzZXJ2ZXJpbmc=?=\n"
        "Date: Tue, 2 Mar 2027 10:12:00 +0100\nMessage-ID: <abc@example.dk>\n"
        "In-Reply-To: <prev@example.org>\nReferences: <first@example.org>\n <prev@example.org>"))
    assert mail.from_addr == "soren@example.dk"
    assert mail.from_name == "Søren Møller"
    assert mail.subject == "Ansøgning om udeservering"
    assert (mail.date.year, mail.date.utcoffset().total_seconds()) == (2027, 3600)
    assert (mail.message_id, mail.in_reply_to) == ("<abc@example.dk>", "<prev@example.org>")
    assert mail.references == ["<first@example.org>", "<prev@example.org>"]


def test_missing_headers_give_empty_values():
    mail = parse_mail(b"\r\nJust a body\r\n")
    assert (mail.from_addr, mail.subject, mail.message_id, mail.references, mail.date) == ("", "", "", [], None)
    assert "Just a body" in mail.full_text


def test_date_without_zone_is_taken_as_utc():
    mail = parse_mail(raw_mail("From: a@example.dk\nDate: Tue, 2 Mar 2027 10:12:00 -0000"))
    assert mail.date.tzinfo is not None and mail.date.utcoffset() == UTC.utcoffset(None)


def test_garbage_date_gives_none():
    assert parse_mail(raw_mail("From: a@example.dk\nDate: the day after tomorrow")).date is None


def test_subject_with_encoded_newline_is_flattened():
    mail = parse_mail(raw_mail("From: a@example.dk\nSubject: =?utf-8?q?Hej=0D=0ABcc:_evil@example.org?="))
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert mail.subject == "Hej Bcc: evil@example.org"


def test_folded_subject_is_unfolded():
    mail = parse_mail(raw_mail("From: a@example.dk\nSubject: Ansøgning om\n  udeservering"))
    assert mail.subject == "Ansøgning om udeservering"


@pytest.mark.parametrize("value", ["a\r\nBcc: x@example.org", "a\nb", "a\x00b\x1b[31m", "a\u2028b", "a\x85b"])
def test_clean_header_value_removes_line_breaks_and_controls(value):
    cleaned = clean_header_value(value)
    assert all(ch not in cleaned for ch in "\r\n\x00\x1b\u2028\x85")


def test_cleaned_value_cannot_add_a_header_when_serialized():
    reply = EmailMessage()
    reply["Subject"] = "Re: " + clean_header_value(parse_mail(raw_mail(
        "From: a@example.dk\nSubject: =?utf-8?q?Hej=0ABcc:_victim@example.org=0D=0AX-Evil:_1?=")).subject)
    reply.set_content("x")
    serialized = reply.as_bytes()
    assert b"\nBcc:" not in serialized and b"\nX-Evil:" not in serialized


@pytest.mark.parametrize(("value", "cleaned"), [
    ("Nyt skilt til Salon Nova \U0001F487\u200d\u2640\ufe0f", "Nyt skilt til Salon Nova \U0001F487\u200d\u2640\ufe0f"),
    ("Pay\u200dPal \u200d\U0001F487", "Pay Pal \U0001F487"),    # a joiner between letters, or after a space
    ("abc\u202edef\u200fghi\u200bj", "abc def ghi j"),
])
def test_a_zero_width_joiner_stays_only_inside_an_emoji(value, cleaned):
    """The business's subject quoted in our acknowledgement keeps its emoji whole ("woman getting a haircut" is a
    haircut, a joiner and the female sign), while joiners and bidi controls between letters become spaces."""
    assert clean_header_value(value) == cleaned


def test_clean_header_value_cuts_to_max_len():
    assert len(clean_header_value("x" * 1000, max_len=50)) == 50


# ---------------------------------------------------------------- From address (CVE-2023-27043 and friends)

@pytest.mark.parametrize(("raw", "expected"), [
    ("hans@example.dk", "hans@example.dk"),
    ("Hans <HANS@Example.dk>", "hans@example.dk"),
    ('"Hansen, Hans" <hans@example.dk>', "hans@example.dk"),
    ("hans@example.dk (Hans Hansen)", "hans@example.dk"),
    ('"alice@example.org" <bob@evil.example>', "bob@evil.example"),
    ("Hans <hans@example.dk>, Grethe <grethe@example.dk>", "hans@example.dk"),
    ("garbage, Grethe <grethe@example.dk>", "grethe@example.dk"),
    ("Team: Hans <hans@example.dk>, grethe@example.dk;", "hans@example.dk"),
])
def test_from_address_is_the_first_valid_mailbox(raw, expected):
    assert parse_from(raw)[0] == expected


@pytest.mark.parametrize("raw", [
    "alice@example.org<bob@evil.example>",
    "alice@example.org)<bob@evil.example>",
    "<alice@example.org><bob@evil.example>",
    '"alice" <bob@evil.example"@example.org>',
    "bob@evil.example@example.org",
    "=?utf-8?q?alice=40example.org?=@evil.example",
    "hans hansen@example.dk",
    "not an address",
    "",
    "undisclosed-recipients:;",
    "a@" + "b" * 300 + ".dk",
])
def test_ambiguous_or_invalid_from_gives_empty_address(raw):
    assert parse_from(raw)[0] == ""


def test_encoded_word_display_name_cannot_inject_an_address():
    mail = parse_mail(raw_mail(
        "From: =?utf-8?q?alice=40example=2Eorg_=3Calice=40example=2Eorg=3E?= <bob@evil.example>"))
    assert mail.from_addr == "bob@evil.example"
    assert "\n" not in mail.from_name


def test_from_with_embedded_newline_in_encoded_word_is_cleaned():
    mail = parse_mail(raw_mail("From: =?utf-8?q?Hans=0D=0ABcc=3A_x=40evil=2Eexample?= <hans@example.dk>"))
    assert mail.from_addr == "hans@example.dk"
    assert "\r" not in mail.from_name and "\n" not in mail.from_name


def test_long_header_with_many_encoded_words_is_parsed_in_bounded_time():
    words = " ".join(["=?utf-8?q?=C3=B8?="] * 50_000)
    raw = raw_mail(f"From: {words} <a@example.dk>\nSubject: {words}\nReferences: " + " ".join(["<x@y>"] * 20_000))
    started = time.perf_counter()
    mail = parse_mail(raw)
    assert time.perf_counter() - started < 5.0  # bounded: quadratic parsing takes minutes here
    assert len(mail.subject) <= 998 and len(mail.references) <= 50


def test_header_with_many_quotes_and_brackets_is_parsed_in_bounded_time():
    started = time.perf_counter()
    parse_mail(raw_mail("From: " + '"<(' * 30_000 + "a@example.dk\nTo: " + "(" * 30_000))
    assert time.perf_counter() - started < 5.0  # bounded: quadratic parsing takes minutes here


# ---------------------------------------------------------------- bodies

def test_plain_body_is_full_text():
    mail = parse_mail(build("Vi søger om udeservering.\n").as_bytes())
    assert mail.full_text.strip() == "Vi søger om udeservering."


def test_alternative_prefers_plain_text():
    mail = parse_mail(build("Plain version\n", html="<p>HTML version</p>").as_bytes())
    assert "Plain version" in mail.full_text and "HTML version" not in mail.full_text


def test_alternative_with_empty_plain_falls_back_to_html():
    mail = parse_mail(build("\n", html="<p>HTML version</p>").as_bytes())
    assert "HTML version" in mail.full_text


def test_html_only_body_is_rendered_without_tags():
    msg = build()
    msg.set_content("<html><head><style>p {color:red}</style><script>alert(1)</script></head>"
                    "<body><p>Kære Erhvervsservice</p><p>Vi søger om<br>tilladelse.</p></body></html>", subtype="html")
    mail = parse_mail(msg.as_bytes())
    assert "Kære Erhvervsservice\n\nVi søger om\ntilladelse." in mail.full_text
    assert "<" not in mail.full_text and "alert" not in mail.full_text and "color" not in mail.full_text


def test_html_declared_as_plain_is_rendered():
    mail = parse_mail(build("<html><body><p>Hej</p><p>med dig</p></body></html>\n").as_bytes())
    assert mail.full_text.strip() == "Hej\n\nmed dig"


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "utf-8", "iso-8859-15", "cp865"])
def test_body_in_legacy_charsets_is_decoded(charset):
    body = "Ansøgning om tilladelse på Åboulevarden".encode(charset)
    raw = raw_mail(f"From: a@example.dk\nContent-Type: text/plain; charset={charset}\n"
                   "Content-Transfer-Encoding: 8bit", "") + body
    assert "Ansøgning om tilladelse på Åboulevarden" in parse_mail(raw).full_text


def test_quoted_printable_and_base64_bodies_are_decoded():
    qp = raw_mail("From: a@example.dk\nContent-Type: text/plain; charset=utf-8\n"
                  "Content-Transfer-Encoding: quoted-printable",
                  "Ans=C3=B8gning om stillads=\r\n p=C3=A5 vejen\r\n")
    b64 = raw_mail("From: a@example.dk\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64",
                   base64.encodebytes("Ansøgning om container".encode()).decode())
    assert "Ansøgning om stillads på vejen" in parse_mail(qp).full_text
    assert "Ansøgning om container" in parse_mail(b64).full_text


@pytest.mark.parametrize("charset", ["x-unknown-charset", "utf-8x", "base64", "rot13", "\"\"", "unicode-1-1-utf-7"])
def test_unknown_or_bogus_charset_is_decoded_leniently(charset):
    raw = raw_mail(f"From: a@example.dk\nContent-Type: text/plain; charset={charset}", "") + "Ansøgning".encode()
    assert "Ans" in parse_mail(raw).full_text


def test_undeclared_latin1_body_is_decoded():
    raw = raw_mail("From: a@example.dk", "") + "Ansøgning på gaden".encode("latin-1")
    assert "Ansøgning på gaden" in parse_mail(raw).full_text


def test_broken_base64_body_is_recorded_as_a_defect():
    raw = raw_mail("From: a@example.dk\nContent-Type: text/plain\nContent-Transfer-Encoding: base64", "QUJD!!!x\r\n")
    mail = parse_mail(raw)
    assert isinstance(mail.full_text, str) and any("Base64" in d for d in mail.defects)


# ---------------------------------------------------------------- attachments

def test_attachments_are_collected_with_name_type_and_bytes():
    msg = build("Se vedhæftede\n")
    msg.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="ansøgning.pdf")
    mail = parse_mail(msg.as_bytes())
    assert mail.attachments == [Part("ansøgning.pdf", "application/pdf", b"%PDF-1.4 fake", "attachment")]


def test_inline_image_with_filename_is_an_attachment():
    msg = build("Se billedet\n", html="<p>Se <img src='cid:foto'></p>")
    msg.get_payload()[1].add_related(b"\x89PNG fake", maintype="image", subtype="png", cid="<foto>",
                                     filename="foto.png", disposition="inline")
    mail = parse_mail(msg.as_bytes())
    assert [(p.filename, p.disposition) for p in mail.attachments] == [("foto.png", "inline")]


def test_tnef_part_without_name_becomes_winmail_dat():
    msg = build("Hej\n")
    msg.add_attachment(b"\x78\x9f\x3e\x22rest", maintype="application", subtype="ms-tnef")
    del msg.get_payload()[1]["Content-Disposition"]
    mail = parse_mail(msg.as_bytes())
    assert [(p.filename, p.content_type) for p in mail.attachments] == [("winmail.dat", "application/ms-tnef")]


def test_text_attachment_is_not_body_text():
    msg = build("Body text\n")
    msg.add_attachment("Attached notes", filename="notes.txt")
    mail = parse_mail(msg.as_bytes())
    assert "Attached notes" not in mail.full_text
    assert mail.attachments[0].data.strip() == b"Attached notes"


def test_encoded_attachment_filename_is_decoded():
    msg = build("Hej\n")
    msg.add_attachment(b"x", maintype="application", subtype="octet-stream", filename=("utf-8", "", "ansøgning.docx"))
    assert parse_mail(msg.as_bytes()).attachments[0].filename == "ansøgning.docx"


# ---------------------------------------------------------------- attached messages

def attached(inner: EmailMessage, outer_body: str = "Se videresendt ansøgning.\n") -> EmailMessage:
    outer = build(outer_body, headers={"Subject": "Fwd: Ansøgning"})
    outer.add_attachment(inner)
    return outer


def test_attached_message_text_is_appended_as_forwarded_block():
    inner = build("Vi søger om stilladstilladelse.\n", headers={"Subject": "Stillads", "From": "Per <per@firma.dk>"})
    inner.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="tegning.pdf")
    mail = parse_mail(attached(inner).as_bytes())
    assert mail.full_text.index("Se videresendt") < mail.full_text.index("Forwarded message")
    assert "Subject: Stillads" in mail.full_text and "Vi søger om stilladstilladelse." in mail.full_text
    assert [p.filename for p in mail.attachments] == ["tegning.pdf"]


def test_attached_application_is_in_text_now_when_sender_wrote_little():
    inner = build("Vi søger om stilladstilladelse på Vesterbrogade 4.\n", headers={"Subject": "Stillads"})
    mail = parse_mail(attached(inner, "FYI\n").as_bytes())
    assert "Vi søger om stilladstilladelse" in mail.text_now


def test_attached_messages_are_walked_only_to_a_depth_limit():
    msg = build("level 0\n")
    for level in range(1, 30):
        outer = build(f"level {level}\n")
        outer.add_attachment(msg)
        msg = outer
    mail = parse_mail(msg.as_bytes())
    assert "level 29" in mail.full_text and "level 0\n" not in mail.full_text
    assert any("attached messages nested" in d for d in mail.defects)


# ---------------------------------------------------------------- hostile structure

def nested_multipart(depth: int) -> bytes:
    out = [b"From: a@example.dk\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"]
    for i in range(depth):
        out.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i))
    out.append(b"Content-Type: text/plain\r\n\r\ninnermost\r\n")
    out.extend(b"--b%d--\r\n" % i for i in reversed(range(depth)))
    return b"".join(out)


def test_2000_level_nested_mime_is_refused_quickly_without_recursion_error():
    started = time.perf_counter()
    mail = parse_mail(nested_multipart(2000))
    assert time.perf_counter() - started < 5.0
    assert mail.subject == "deep" and mail.from_addr == "a@example.dk"
    assert mail.defects


def test_moderately_nested_mime_is_read_up_to_the_depth_limit():
    mail = parse_mail(nested_multipart(20))
    assert "innermost" in mail.full_text and not mail.defects


def test_many_parts_are_capped():
    msg = build("Hej\n")
    for i in range(700):
        msg.add_attachment(b"x", maintype="application", subtype="octet-stream", filename=f"f{i}.bin")
    mail = parse_mail(msg.as_bytes())
    assert len(mail.attachments) < 700 and any("MIME parts" in d for d in mail.defects)


@pytest.mark.parametrize("raw", [
    b"", b"\x00\xff\xfe garbage", b"From: \r\n\r\n", b"Content-Type: multipart/mixed\r\n\r\nno boundary",
    b'Content-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n--x--',
    b"Content-Type: text/plain; charset*=utf-8''%FF%FE\r\n"
    b"Content-Disposition: attachment; filename*=bogus''%ZZ\r\n\r\nx",
    b"Subject: =?utf-8?b?####?=\r\nFrom: =?x?q?=?= <>\r\n\r\nbody",
])
def test_malformed_input_never_raises(raw):
    mail = parse_mail(raw)
    assert isinstance(mail.full_text, str) and isinstance(mail.defects, list)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(raw):
    assert isinstance(parse_mail(raw).defects, list)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_parse_from_result_is_empty_or_a_clean_address(raw):
    addr, name = parse_from(raw)
    assert addr == "" or (addr.count("@") == 1 and not any(c in addr for c in ' <>"()\r\n,;'))
    assert "\n" not in name and "\r" not in name


def corpus_emails() -> list[Path]:
    root = CORPORA / "email"
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".eml", ".txt", ""))[:400]


@pytest.mark.corpora("email")
def test_every_corpus_email_parses_quickly():
    emails = corpus_emails()
    assert emails
    started = time.perf_counter()
    for path in emails:
        mail = parse_mail(path.read_bytes())
        assert isinstance(mail.full_text, str) and isinstance(mail.text_now, str), path
    assert time.perf_counter() - started < 60


def test_a_message_of_a_million_empty_parts_is_read_up_to_its_limit_of_boundaries():
    """3.3 million empty MIME parts in 23 MB kept the email package busy 250 s and 1.7 GB before any limit of ours
    applied: the parser now sees at most ``MAX_DELIMITERS`` boundary lines, and the text before them is read."""
    import time

    from intake.mail.message import MAX_DELIMITERS
    raw = (b"From: a@b.dk\r\nSubject: Udeservering\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\n"
           b"Vi s\xc3\xb8ger om udeservering.\r\n" + b"--B\r\n\r\n" * 1_000_000 + b"--B--\r\n")
    started = time.perf_counter()
    mail = parse_mail(raw)
    assert time.perf_counter() - started < 20, "a second or so; the whole message took about 80 s"
    assert f"more than {MAX_DELIMITERS} MIME boundaries; the rest not read" in mail.defects
    assert "udeservering" in mail.full_text
