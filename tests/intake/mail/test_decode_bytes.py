"""The one byte decoder, shared by mail parts, headers and attached text files."""
from __future__ import annotations

import pytest

from intake.mail.headers import decode_bytes
from intake.mail.message import parse_mail


@pytest.mark.parametrize(("data", "charset", "text"), [
    ("Søren".encode("iso-8859-1"), "iso-8859-1", "Søren"),
    ("Søren".encode(), None, "Søren"),
    ("Søren – København".encode("cp1252"), None, "Søren – København"),
    ("Søren".encode("cp1252"), "no-such-charset", "Søren"),
    (b"\xef\xbb\xbfS\xc3\xb8ren", None, "Søren"),
    (b"\xff\xfe" + "Søren".encode("utf-16-le"), None, "Søren"),
    (b"\xfe\xff" + "Søren".encode("utf-16-be"), None, "Søren"),
])
def test_bytes_are_decoded_by_bom_then_charset_then_utf8_then_windows_1252(data, charset, text):
    assert decode_bytes(data, charset) == text


def test_a_byte_order_mark_wins_over_a_wrong_declared_charset():
    assert decode_bytes(b"\xef\xbb\xbfS\xc3\xb8ren", "iso-8859-1") == "Søren"


def test_a_mail_body_with_a_byte_order_mark_has_no_stray_mark_in_its_text():
    raw = b"From: a@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\xef\xbb\xbfHej med dig\r\n"
    assert parse_mail(raw).full_text == "Hej med dig"
