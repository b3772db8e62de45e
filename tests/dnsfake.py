"""An in-memory DNS for sender authentication (``intake.mail.authentication.Resolver``): tests run offline."""
from __future__ import annotations

from collections.abc import Mapping


class FakeDns:
    """TXT records by name; every look-up is remembered in ``asked``."""

    def __init__(self, records: Mapping[str, str] | None = None) -> None:
        self.records = dict(records or {})
        self.asked: list[str] = []

    def __call__(self, name: str) -> str | None:
        self.asked.append(name)
        return self.records.get(name.rstrip(".").lower())


def dkim_key() -> tuple[bytes, str]:
    """A fresh RSA key: the PEM private key for signing and the ``p=`` value of its DNS record."""
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                            serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.DER,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem, base64.b64encode(public).decode("ascii")


def dkim_signed(raw: bytes, domain: str, pem: bytes, selector: str = "s1") -> bytes:
    """``raw`` with a DKIM-Signature of ``domain`` on top."""
    import dkim

    signature = dkim.sign(raw, selector.encode(), domain.encode(), pem,
                          include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
    return signature + raw
