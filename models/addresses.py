"""The one check of a plain e-mail address, for every package that takes one.

The catalogue's mailboxes (``routing.catalogue``), the sender of a mail
(``intake.mail.headers.parse_from``) and the authority's address a caseworker
gives (``intake case forward --to``) pass the same test. It lives here for the
reason ``models.errors`` does: ``routing`` may import ``models`` but never
``intake``, and this module, like ``import models``, loads nothing.
"""
from __future__ import annotations

import re

MAX_ADDRESS_CHARS = 254  # RFC 5321's path of 256 less its angle brackets
MAX_LOCAL_CHARS = 64

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"(?P<local>{_ATOM}(?:\.{_ATOM})*)@(?:{_LABEL}\.)+[A-Za-z][A-Za-z0-9\-]{{0,62}}")


def is_valid_address(addr: str) -> bool:
    """A plain addr-spec: a dot-atom local part, one ``@``, a domain of dotted labels ending in a name.

    Nothing else: no display name, space, quote, bracket, comment, control character or
    encoded word (``=?``), at most 254 characters with a local part of at most 64. ASCII
    only: our mail goes out through ``smtplib.sendmail`` without SMTPUTF8, which cannot
    write any other address (and an internationalised domain has its ``xn--`` form).
    """
    if len(addr) > MAX_ADDRESS_CHARS:
        return False
    m = _ADDRESS.fullmatch(addr)
    return m is not None and len(m["local"]) <= MAX_LOCAL_CHARS and "=?" not in m["local"]


# mailboxes anyone can have: their domain names no business or authority, though the mailbox's own name may
_FREE_MAIL = re.compile(r"(?i)(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|mail|jubii|protonmail"
                        r"|proton|gmx|aol)\.[a-z]{2,3}")


def is_free_mail_domain(domain: str) -> bool:
    """``domain`` is a mail provider's that anyone can sign up to ("gmail.com", "hotmail.dk", "mail.dk")."""
    return _FREE_MAIL.fullmatch(domain.strip()) is not None
