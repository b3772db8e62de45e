"""Sender authentication: our receiving server's Authentication-Results, or DKIM/DMARC checked here (offline DNS)."""
from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from intake.mail.authentication import AuthVerdict, authenticate, trusted_results, verify
from tests.dnsfake import FakeDns, dkim_key, dkim_signed

MAIL = (b"From: Anna Holm <anna@email.dk>\r\nTo: erhvervsservice@kk.example\r\nSubject: Re: [KBH-2026-000001]\r\n"
        b"Date: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: <1@email.dk>\r\n\r\nHer er tegningen.\r\n")
OURS = ("mx.kk.example",)


def with_headers(raw: bytes, *values: str) -> bytes:
    return b"".join(f"Authentication-Results: {v}\r\n".encode() for v in values) + raw


def parsed(raw: bytes):
    return message_from_bytes(raw, policy=policy.compat32)


def test_our_servers_header_is_read():
    raw = with_headers(MAIL, "mx.kk.example; spf=pass smtp.mailfrom=email.dk; dkim=none; "
                             "dmarc=fail header.from=email.dk")
    verdict = trusted_results(parsed(raw), OURS)
    assert verdict == AuthVerdict(dmarc="fail", dkim="none", spf="pass", source="mx.kk.example")


def test_a_header_written_by_anyone_else_is_ignored():
    """A forged pass from another authserv-id counts for nothing; our own server's fail below it wins."""
    raw = with_headers(MAIL, "evil.example; dmarc=pass header.from=email.dk",
                       "mx.kk.example; dmarc=fail header.from=email.dk")
    assert trusted_results(parsed(raw), OURS).dmarc == "fail"
    assert trusted_results(parsed(with_headers(MAIL, "evil.example; dmarc=pass")), OURS) is None


def test_no_header_is_trusted_without_a_configured_authserv_id():
    raw = with_headers(MAIL, "mx.kk.example; dmarc=pass header.from=email.dk")
    assert trusted_results(parsed(raw), ()) is None


def test_the_topmost_header_of_ours_is_the_one_trusted():
    """Our server adds its header on top; one with our id further down came with the message."""
    raw = with_headers(MAIL, "mx.kk.example; dmarc=fail", "mx.kk.example; dmarc=pass")
    assert trusted_results(parsed(raw), OURS).dmarc == "fail"


def test_unsigned_mail_from_a_domain_that_rejects_fails_dmarc():
    dns = FakeDns({"_dmarc.email.dk": "v=DMARC1; p=reject"})
    verdict = verify(MAIL, dns)
    assert (verdict.dmarc, verdict.source) == ("fail", "intake")
    assert "_dmarc.email.dk" in dns.asked


def test_unsigned_mail_from_a_domain_without_dmarc_is_none():
    assert verify(MAIL, FakeDns()).dmarc == "none"


def test_a_valid_dkim_signature_of_the_from_domain_passes_dmarc():
    pem, public = dkim_key()
    dns = FakeDns({"s1._domainkey.email.dk": f"v=DKIM1; k=rsa; p={public}", "_dmarc.email.dk": "v=DMARC1; p=reject"})
    verdict = verify(dkim_signed(MAIL, "email.dk", pem), dns)
    assert (verdict.dkim, verdict.dmarc) == ("pass", "pass")


def test_a_signature_broken_by_a_changed_body_fails():
    pem, public = dkim_key()
    dns = FakeDns({"s1._domainkey.email.dk": f"v=DKIM1; k=rsa; p={public}", "_dmarc.email.dk": "v=DMARC1; p=reject"})
    tampered = dkim_signed(MAIL, "email.dk", pem).replace(b"tegningen", b"fakturaen")
    verdict = verify(tampered, dns)
    assert (verdict.dkim, verdict.dmarc) == ("fail", "fail")


def test_authenticate_prefers_our_servers_header_over_checking():
    dns = FakeDns({"_dmarc.email.dk": "v=DMARC1; p=reject"})
    raw = with_headers(MAIL, "mx.kk.example; dmarc=pass header.from=email.dk")
    assert authenticate(parsed(raw), raw, OURS, dns).dmarc == "pass" and dns.asked == []


@pytest.mark.parametrize(("dmarc", "policy", "proven"), [
    ("fail", "reject_fail", False), ("none", "reject_fail", True), ("pass", "reject_fail", True),
    ("none", "require_pass", False), ("pass", "require_pass", True), ("fail", "off", True),
])
def test_the_policy_decides_what_proves_a_sender(dmarc, policy, proven):
    assert AuthVerdict(dmarc=dmarc, source="x").proves_sender(policy) is proven


def test_a_signature_of_a_subdomain_aligns_with_the_organisational_domain():
    """Relaxed DKIM alignment (DMARC's default) through the public suffix list: mail.email.dk signs for email.dk."""
    pem, public = dkim_key()
    dns = FakeDns({"s1._domainkey.mail.email.dk": f"v=DKIM1; k=rsa; p={public}",
                   "_dmarc.email.dk": "v=DMARC1; p=reject"})
    assert verify(dkim_signed(MAIL, "mail.email.dk", pem), dns).dmarc == "pass"
    strict = FakeDns({**dns.records, "_dmarc.email.dk": "v=DMARC1; p=reject; adkim=s"})
    assert verify(dkim_signed(MAIL, "mail.email.dk", pem), strict).dmarc == "fail"


def test_a_signature_of_another_domain_does_not_align():
    pem, public = dkim_key()
    dns = FakeDns({"s1._domainkey.evil.example": f"v=DKIM1; k=rsa; p={public}",
                   "_dmarc.email.dk": "v=DMARC1; p=reject"})
    verdict = verify(dkim_signed(MAIL, "evil.example", pem), dns)
    assert (verdict.dkim, verdict.dmarc) == ("pass", "fail")


def test_our_servers_pass_for_another_domain_than_the_froms_proves_nothing():
    """"dmarc=pass header.from=attacker.example" on a From of email.dk is the attacker's own domain passing."""
    raw = with_headers(MAIL, "mx.kk.example; dmarc=pass header.from=attacker.example")
    assert trusted_results(parsed(raw), OURS, "email.dk").dmarc == "fail"
    assert trusted_results(parsed(raw), OURS, "attacker.example").dmarc == "pass"
    aligned = with_headers(MAIL, "mx.kk.example; dmarc=pass header.from=Email.dk")
    assert trusted_results(parsed(aligned), OURS, "email.dk").dmarc == "pass"
    assert authenticate(parsed(raw), raw, OURS, lambda name: None).dmarc == "fail"


def test_a_mail_without_a_signature_is_dkim_none_not_fail():
    assert verify(MAIL, lambda name: None).dkim == "none"
