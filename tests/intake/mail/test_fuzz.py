"""Property-based fuzzing (hypothesis, bounded) of the mail parser, the header reader, details extraction
and reference finding, plus the regression corpus in ``tests/data/fuzz`` (issue 13 §8).

Runs without fixtures, also under Debian's python3.11 (scripts/test). ``bench/fuzz.py`` is the long run
(atheris, coverage-guided); what it finds is kept in the corpus and replayed here.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.details import DETAIL_KEYS, extract_details
from intake.mail.automated import detect_automated
from intake.mail.headers import (
    MAX_HEADER_CHARS,
    decode_header_value,
    header_values,
    parse_from,
    raw_header_values,
)
from intake.mail.message import MAX_REFERENCES, parse_mail
from intake.mail.references import find_references, format_reference
from models.addresses import is_valid_address

CORPUS = Path(__file__).resolve().parents[2] / "data" / "fuzz"
PREFIX = "KBH"
BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                   derandomize=True)

# Pieces hostile headers are made of: encoded words (good and broken), quotes, brackets, folding, bidi marks.
PIECES = st.sampled_from([
    "=?utf-8?q?=C3=A6?=", "=?utf-8?b?w6Y=?=", "=?iso-8859-1?q?=E6?=", "=?x-unknown?q?a?=", "=?utf-8?q?", "?=",
    "=?utf-8?b?!!?=", '"', "<", ">", "@", ",", ";", ":", "(", ")", "\\", "\r\n ", "\n\t", " ", "a", "Peter",
    "peter@jensen.dk", "KBH-2026-000042", "\u202e", "\x00", "æøå", "mailer-daemon", "[", "]",
])
HEADER_TEXT = st.lists(PIECES, max_size=80).map("".join) | st.text(max_size=300)
CLEAN = re.compile(r"[\r\n\x00]")


def build(headers: dict[str, str], body: str) -> bytes:
    lines = [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode("utf-8", "surrogateescape")


@st.composite
def messages(draw) -> bytes:
    names = ["From", "Subject", "X-Loop", "Reply-To", "References", "In-Reply-To", "Message-ID", "Content-Type",
             "Content-Disposition", "Auto-Submitted", "Return-Path", "Date", "To"]
    chosen = draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True))
    headers = {name: draw(HEADER_TEXT) for name in chosen}
    body = draw(st.text(max_size=400))
    return build(headers, body)


def check_parsed(raw: bytes) -> None:
    mail = parse_mail(raw)
    assert not CLEAN.search(mail.subject) and len(mail.subject) <= 998
    assert mail.from_addr == "" or is_valid_address(mail.from_addr)
    assert mail.reply_to_addr == "" or is_valid_address(mail.reply_to_addr)
    assert len(mail.references) <= MAX_REFERENCES
    for name in ("Subject", "From", "X-Loop", "References"):
        assert all(len(v) <= MAX_HEADER_CHARS for v in raw_header_values(mail.msg, name))
        assert all(not CLEAN.search(v) for v in header_values(mail.msg, name))
    detect_automated(mail.msg, loop_id="erhvervsservice@kk.example")  # never raises


@BOUNDED
@given(st.binary(max_size=2_000))
def test_parse_mail_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    check_parsed(raw)


@BOUNDED
@given(messages())
def test_parse_mail_keeps_its_promises_on_hostile_headers(raw: bytes) -> None:
    check_parsed(raw)


@BOUNDED
@given(HEADER_TEXT, st.integers(min_value=1, max_value=998))
def test_decoded_header_values_are_clean_and_bounded(raw: str, max_len: int) -> None:
    value = decode_header_value(raw, max_len)
    assert len(value) <= max_len and not CLEAN.search(value)


@BOUNDED
@given(HEADER_TEXT)
def test_parse_from_gives_a_valid_lower_case_address_or_nothing(raw: str) -> None:
    addr, name = parse_from(raw)
    assert addr == "" or (is_valid_address(addr) and addr == addr.lower())
    assert not CLEAN.search(name) and len(name) <= 200


@BOUNDED
@given(st.lists(st.tuples(st.sampled_from(["subject", "body", "bilag.pdf"]), st.text(max_size=600)), max_size=4),
       st.dictionaries(st.sampled_from(["cvr", "Firmanavn", "adresse", "telefon", "email"]), st.text(max_size=80),
                       max_size=4))
def test_details_extraction_never_raises_and_names_known_fields(sources, form) -> None:
    found = extract_details(sources, form, reference=date(2026, 12, 2), sender="a@b.dk")
    assert set(found) <= set(DETAIL_KEYS)


@BOUNDED
@given(st.lists(st.text(max_size=300) | st.lists(PIECES, max_size=30).map("".join), max_size=5))
def test_found_references_are_always_canonical(texts: list[str]) -> None:
    for ref in find_references(PREFIX, texts):
        assert re.fullmatch(r"KBH-\d{4}-\d{6}", ref)


@BOUNDED
@given(st.integers(min_value=2000, max_value=2999), st.integers(min_value=0, max_value=999_999),
       st.sampled_from([" ", "\n", "[", "(", ": ", "Re: "]), st.sampled_from(["", " ", "]", ".", ")", "\n"]),
       st.text(alphabet=" abcæøå\n", max_size=50))
def test_a_reference_in_surrounding_text_is_found_again(year: int, number: int, before: str, after: str,
                                                        filler: str) -> None:
    ref = format_reference(PREFIX, year, number)
    assert find_references(PREFIX, [filler + before + ref + after + filler]) == [ref]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.eml")), ids=lambda p: p.name)
def test_regression_corpus_is_handled(path: Path) -> None:
    raw = path.read_bytes()
    check_parsed(raw)
    mail = parse_mail(raw)
    extract_details([("subject", mail.subject), ("body", mail.full_text)], reference=date(2026, 12, 2))
    for ref in find_references(PREFIX, [mail.subject, mail.full_text]):
        assert re.fullmatch(r"KBH-\d{4}-\d{6}", ref)
