"""Subjects that mix RFC 2047 encoded words with raw text decode to the characters written."""
from __future__ import annotations

import time

import pytest

from intake.mail.headers import decode_header_value
from intake.mail.message import parse_mail


@pytest.mark.parametrize(("raw", "text"), [
    ("=?utf-8?q?Ans=C3=B8gning?= om skilt \u2013 Caf\u00e9 \u00c6r\u00f8 \u20ac5",
     "Ansøgning om skilt – Café Ærø €5"),
    ("Ans\u00f8gning =?utf-8?q?udeservering?= \u0141\u00f3d\u017a", "Ansøgning udeservering Łódź"),
    ("=?utf-8?q?a?= =?utf-8?q?b?=  c", "ab c"),
    ("=?iso-8859-1?q?caf=E9?=\t=?utf-8?b?w6ZyxZs=?=", "caféærś"),
    ("=?utf-8?q?Ans=C3=B8gning_om?= x", "Ansøgning om x"),
])
def test_encoded_words_beside_raw_text_decode_without_literal_escapes(raw, text):
    assert decode_header_value(raw) == text


def test_raw_text_that_looks_like_an_escape_is_kept_as_written():
    assert decode_header_value("=?utf-8?q?Skilt?= \\u0041 \\xff") == "Skilt \\u0041 \\xff"


def test_a_malformed_encoded_word_is_kept_as_written():
    assert decode_header_value("=?bogus?x?zz?= hej") == "=?bogus?x?zz?= hej"


@pytest.mark.parametrize("charset_bytes", ["utf-8", "cp1252"])
def test_a_subject_of_raw_8bit_bytes_and_an_encoded_word_decodes_in_a_parsed_mail(charset_bytes):
    subject = "=?utf-8?q?Ans=C3=B8gning?= om skilt \u2013 Caf\u00e9 \u00c6r\u00f8"
    raw = (b"From: a@example.org\r\nSubject: " + subject.encode(charset_bytes)
           + b"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhej\r\n")
    assert parse_mail(raw).subject == "Ansøgning om skilt – Café Ærø"


def test_a_long_hostile_subject_decodes_in_bounded_time():
    raw = ("=?utf-8?q?" + "=C3=B8" * 300 + "?= \u2013 " + "=?x?" * 2000 + "\u20ac" * 5000)
    start = time.perf_counter()
    text = decode_header_value(raw)
    assert time.perf_counter() - start < 0.5
    assert text.startswith("ø" * 300 + " –")
