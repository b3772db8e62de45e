"""Who applies, and whom we answer: the business, its agent, or the colleague who forwarded it.

- A message from **inside the municipality** (the domain of our own address or one
  of ``internal_domains``) that carries a forwarded message is an application
  from the forwarded message's author: that business is the applicant and gets
  our letters; the colleague is recorded as ``forwarded_by``.
- Otherwise the sender (From) is the applicant, and ``Reply-To`` names whom we
  answer when it gives another address (an agent: an accountant, a sign maker
  with a power of attorney). Someone outside the municipality who forwards for a
  client is that client's agent and is answered as the sender.
- A name always goes with the address it came with: the display name of the
  address we answer, never the name of one person with the address of another.

Pure: a parsed message and the configured domains in, ``Parties`` out.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from intake.mail.forwards import Forwarded, find_forwarded
from intake.mail.message import ParsedMail


@dataclass(frozen=True)
class Parties:
    """The people around one message."""

    applicant_addr: str  # the business the case is for
    applicant_name: str
    reply_addr: str  # whom our letters go to: the applicant, or its agent named in Reply-To
    reply_name: str  # the display name that came with reply_addr ('' when none)
    forwarded_by: str = ""  # the colleague inside the municipality who forwarded the application
    forward: Forwarded | None = None  # the forwarded message, when forwarded_by is set
    internal: bool = False  # the sender (From) is inside the municipality

    @property
    def has_agent(self) -> bool:
        return self.reply_addr != self.applicant_addr


def domain_of(addr: str) -> str:
    return addr.rpartition("@")[2].lower()


def is_internal(addr: str, internal_domains: Iterable[str]) -> bool:
    """True when ``addr`` belongs to one of ``internal_domains`` (or a subdomain of one)."""
    domain = domain_of(addr)
    return bool(domain) and any(domain == d or domain.endswith("." + d) for d in internal_domains if d)


def parties_of(mail: ParsedMail, internal_domains: Iterable[str]) -> Parties:
    """Who applies and whom we answer, for ``mail``."""
    domains = tuple(d.lower().strip() for d in internal_domains if d and d.strip())
    internal = is_internal(mail.from_addr, domains)
    if internal:
        fwd = find_forwarded(mail.full_text, mail.subject)
        if fwd is not None and not is_internal(fwd.author_addr, domains):
            return Parties(fwd.author_addr, fwd.author_name, fwd.author_addr, fwd.author_name,
                           forwarded_by=mail.from_addr, forward=fwd, internal=True)
    reply_addr, reply_name = mail.from_addr, mail.from_name
    if mail.reply_to_addr and not is_internal(mail.reply_to_addr, domains):
        reply_addr, reply_name = mail.reply_to_addr, mail.reply_to_name
    return Parties(mail.from_addr, mail.from_name, reply_addr, reply_name, internal=internal)
