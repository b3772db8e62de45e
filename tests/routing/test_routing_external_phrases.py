"""Trigger phrases of the [external.*] topics: loading and validation."""
import json
import tomllib
from textwrap import dedent

import pytest
from routing_builders import MINIMAL as BASE

from intake.mail.headers import parse_from
from routing.catalogue import load_catalogue, parse_catalogue
from routing.errors import CatalogueError


def topic(xid: str, extra: str) -> str:
    return dedent(f"""
        [external.{xid}]
        name_da = "Moms"
        name_en = "VAT"
        authority_da = "Skattestyrelsen"
        authority_en = "Danish Tax Agency"
        url = "https://skat.dk"
        guidance_da = "Spørg Skattestyrelsen."
        guidance_en = "Ask the Danish Tax Agency."
        """) + extra


def parse(text: str):
    return parse_catalogue(tomllib.loads(text), "test.toml")


def test_phrases_are_read_in_both_languages():
    cat = parse(BASE + topic("moms", 'phrases_da = ["moms", " momsnummer "]\nphrases_en = ["VAT"]\n'))
    assert cat.external["moms"].phrases_da == ("moms", "momsnummer")
    assert cat.external["moms"].phrases == ("moms", "momsnummer", "VAT")


def test_a_topic_without_phrases_has_none():
    assert parse(BASE + topic("moms", "")).external["moms"].phrases == ()


@pytest.mark.parametrize("value", ["[]", '"moms"', '["moms", ""]', "[1]"])
def test_phrases_must_be_a_non_empty_list_of_strings(value):
    with pytest.raises(CatalogueError, match=r"external\.moms\.phrases_da"):
        parse(BASE + topic("moms", f"phrases_da = {value}\n"))


def test_a_too_short_phrase_is_refused():
    with pytest.raises(CatalogueError, match="shorter than 3"):
        parse(BASE + topic("moms", 'phrases_en = ["VA"]\n'))


def test_a_phrase_of_two_topics_is_refused():
    text = BASE + topic("moms", 'phrases_da = ["moms"]\n') + topic("skat", 'phrases_en = ["MOMS"]\n')
    with pytest.raises(CatalogueError, match="also a phrase of external.moms"):
        parse(text)


def test_every_bundled_topic_has_danish_and_english_phrases_or_is_another_municipality():
    for xid, ext in load_catalogue().external.items():
        assert ext.phrases_da and ext.phrases_en or ext.postcodes, xid


def test_another_municipalitys_postcodes_are_read_as_ranges():
    cat = parse(BASE + topic("frb", 'postcodes = ["1800-1999", " 2000 "]\n'))
    assert cat.external["frb"].postcodes == ((1800, 1999), (2000, 2000))
    assert cat.external["frb"].has_postcode("1819") and cat.external["frb"].has_postcode("2000")
    assert not cat.external["frb"].has_postcode("2100") and not cat.external["frb"].has_postcode("")


@pytest.mark.parametrize("value", ['["18OO"]', '["1999-1800"]', '["1800 - 1999 x"]', '"1800"'])
def test_postcodes_must_be_postcodes_or_ranges(value):
    with pytest.raises(CatalogueError, match=r"external\.frb\.postcodes"):
        parse(BASE + topic("frb", f"postcodes = {value}\n"))


def test_the_bundled_catalogue_knows_frederiksberg():
    assert load_catalogue().external["frederiksberg_kommune"].has_postcode("1819")


def test_an_authoritys_mailbox_is_read_and_optional():
    """``email``: where ``intake case forward`` sends the application (forvaltningsloven § 7, stk. 2)."""
    assert parse(BASE + topic("moms", 'email = " post@skat.example "\n')).external["moms"].email == "post@skat.example"
    assert parse(BASE + topic("moms", "")).external["moms"].email == ""


@pytest.mark.parametrize("value", ['"post"', '"post@"', '"Skat <post@skat.example>"', '"a b@skat.example"',
                                   '"post@skat"', '""', "1"])
def test_an_authoritys_mailbox_must_be_a_plain_address(value):
    with pytest.raises(CatalogueError, match=r"external\.moms\.email"):
        parse(BASE + topic("moms", f"email = {value}\n"))


_LONG = "post@" + ".".join(["a" * 63] * 3) + "." + "b" * 54 + ".dk"  # 254 characters, the most an address has


@pytest.mark.parametrize(("address", "plain"), [
    pytest.param("post@skat.example", True, id="plain"),
    pytest.param("o'brien+moms@Sub.Skat.example", True, id="atext-and-subdomain"),
    pytest.param("post@xn--srensen-90a.dk", True, id="idn-in-xn-form"),
    pytest.param("a" * 64 + "@skat.example", True, id="local-part-of-64"),
    pytest.param(_LONG, True, id="254-characters"),
    pytest.param(_LONG[:-3] + "x.dk", False, id="255-characters"),
    pytest.param("a" * 65 + "@skat.example", False, id="local-part-of-65"),
    pytest.param("Skat <post@skat.example>", False, id="display-name"),
    pytest.param('"Skat" post@skat.example', False, id="quoted-display-name"),
    pytest.param("post@skat", False, id="domain-without-dot"),
    pytest.param("po..st@skat.example", False, id="double-dot"),
    pytest.param("post@evil.example@skat.example", False, id="two-at-signs"),
    pytest.param("post@skat.example\r\nBcc: eve@evil.example", False, id="crlf-injection"),
    pytest.param("=?utf-8?q?post?=@skat.example", False, id="encoded-word"),
    pytest.param("s\u00f8ren@skat.example", False, id="unicode-local-part"),
    pytest.param("post\u00a0@skat.example", False, id="no-break-space"),
    pytest.param("post@s\u00f8ren.dk", False, id="unicode-domain"),
])
def test_the_catalogue_and_a_mails_from_take_the_same_addresses(address, plain):
    """One check (``models.addresses``): an authority's mailbox is refused exactly when a From would not give it."""
    try:
        in_catalogue = parse(BASE + topic("moms", f"email = {json.dumps(address)}\n")).external["moms"].email == address
    except CatalogueError:
        in_catalogue = False
    from_header = all(parse_from(raw)[0] == address.lower() for raw in (address, f"Skat <{address}>"))
    assert (in_catalogue, from_header) == (plain, plain)
