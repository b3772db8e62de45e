"""Is the From of a message proven? DMARC, DKIM and SPF, as our receiving server saw them or as we check them.

- ``Authentication-Results`` (RFC 8601) is read only when written by **our own**
  receiving server: its authserv-id is configured (``authserv_ids``). Every other
  A-R header is ignored, because anyone can write one. Our server adds its header
  on top of the ones the message arrived with, so the topmost header with one of
  our ids is the one we trust.
- Without such a header the message is checked here: DKIM signatures and the
  From domain's DMARC policy (``authheaders``, on ``dkimpy``). SPF needs the
  connecting IP, which only the receiving server knows, so it is ``none`` here.
  DNS goes through an injectable ``Resolver`` so that tests run offline.

``sender_proven`` applies the policy (setting ``sender_auth``): ``off`` trusts
every From, ``reject_fail`` (the default) refuses a From whose DMARC check
failed, ``require_pass`` refuses everything that did not pass DMARC.
"""
from __future__ import annotations

import importlib.resources
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from email.message import Message
from email.utils import parseaddr
from functools import lru_cache

import authheaders
import authheaders.dmarc_lookup
import authres
import dns.exception
import dns.resolver
from publicsuffix2 import PublicSuffixList

log = logging.getLogger(__name__)

POLICIES = ("off", "reject_fail", "require_pass")
HEADER_MAX = 4_000  # characters of one Authentication-Results header read
HEADERS_MAX = 20  # Authentication-Results headers looked at
CHECKED_BY = "intake"  # the authserv-id of the results we compute ourselves
# Resolver: a DNS name (no trailing dot) -> its TXT record text, None when there is none.
Resolver = Callable[[str], "str | None"]


@dataclass(frozen=True)
class AuthVerdict:
    """The results for one message: ``pass``, ``fail``, ``none``, ``temperror``... per method, and who said so."""

    dmarc: str = "none"
    dkim: str = "none"
    spf: str = "none"
    source: str = "unchecked"  # an authserv-id of ours (header), "intake" (checked here) or "unchecked"

    @property
    def summary(self) -> str:
        """One line for the inbound record: ``dmarc=fail dkim=none spf=none (mx.kk.example)``."""
        if self.source == "unchecked":
            return "unchecked"
        return f"dmarc={self.dmarc} dkim={self.dkim} spf={self.spf} ({self.source})"

    def proves_sender(self, policy: str) -> bool:
        """True when the From may be taken as the sender under ``policy``."""
        if policy == "off":
            return True
        if policy == "require_pass":
            return self.dmarc == "pass"
        return self.dmarc != "fail"


UNCHECKED = AuthVerdict()


@lru_cache(maxsize=1)
def _suffix_list() -> PublicSuffixList:
    """The public suffix list ``authheaders`` ships, parsed once (it parses it anew for every look-up)."""
    try:
        from authheaders.findpsl import location  # a system list, when the packager configured one
    except ModuleNotFoundError:
        location = str(importlib.resources.files("authheaders") / "public_suffix_list.txt")
    with open(location, encoding="utf-8") as fh:
        return PublicSuffixList(fh)


@lru_cache(maxsize=4096)
def _org_domain(domain: str) -> str:
    return str(_suffix_list().get_public_suffix(domain))


# authheaders 0.16 rebuilds the whole public suffix list on every organisational-domain look-up (about 1.5 s,
# twice per DKIM-signed message): the same function over one parsed list instead.
authheaders.get_org_domain = authheaders.dmarc_lookup.get_org_domain = _org_domain


def system_resolver(timeout: float = 3.0) -> Resolver:
    """TXT look-ups through the system's DNS (dnspython), cached per name for the life of the process."""
    @lru_cache(maxsize=4096)
    def txt(name: str) -> str | None:
        try:
            answer = dns.resolver.resolve(name, "TXT", lifetime=timeout)
        except (dns.exception.DNSException, OSError):
            return None
        records = ["".join(part.decode("utf-8", "replace") for part in rdata.strings) for rdata in answer]
        return records[0] if records else None
    return txt


def _dnsfunc(resolver: Resolver) -> Callable[..., object]:
    """``resolver`` in the shape ``dkimpy`` (bytes) and ``authheaders`` (str) call it."""
    def dnsfunc(name: str | bytes, timeout: float = 5) -> str | bytes | None:
        as_bytes = isinstance(name, bytes)
        text = name.decode("ascii", "replace") if isinstance(name, bytes) else name
        value = resolver(text.rstrip("."))
        if value is None:
            return None
        return value.encode("utf-8") if as_bytes else value
    return dnsfunc


def _results(header: str, from_domain: str = "") -> AuthVerdict | None:
    """The verdict of one ``Authentication-Results`` value; None when it cannot be read."""
    try:
        parsed = authres.AuthenticationResultsHeader.parse_value(header)
    except Exception:  # noqa: BLE001 - authres raises its own zoo on malformed input: unreadable is untrusted
        return None
    found: dict[str, str] = {}
    dmarc_from = ""
    for result in parsed.results:
        method = str(result.method).lower()
        found.setdefault(method, str(result.result).lower())
        if method == "dmarc" and not dmarc_from:
            dmarc_from = next((str(p.value).lower() for p in result.properties
                               if str(p.type).lower() == "header" and str(p.name).lower() == "from"), "")
    verdict = AuthVerdict(dmarc=found.get("dmarc", "none"), dkim=found.get("dkim", "none"),
                          spf=found.get("spf", "none"), source=str(parsed.authserv_id).lower())
    return replace(verdict, dmarc="fail") if dmarc_from and from_domain and dmarc_from != from_domain else verdict


def trusted_results(msg: Message, authserv_ids: Sequence[str], from_domain: str = "") -> AuthVerdict | None:
    """The topmost ``Authentication-Results`` written by one of ``authserv_ids``; None without one.

    Its DMARC result is for the domain its ``header.from`` names: a pass for another domain than the From's
    (``from_domain``) proves nothing of this sender and counts as a fail."""
    ours = {a.lower() for a in authserv_ids if a}
    if not ours:
        return None
    values = [v for k, v in msg.raw_items() if k.lower() == "authentication-results"]  # raw: no header parsing
    for value in values[:HEADERS_MAX]:
        text = " ".join(str(value)[:HEADER_MAX].split())
        verdict = _results(text, from_domain.lower())
        if verdict is not None and verdict.source in ours:
            return verdict
    return None


_SIGNED = re.compile(rb"(?im)^dkim-signature:")
HEADER_BLOCK_SCAN = 256 * 1024


def verify(raw: bytes, resolver: Resolver) -> AuthVerdict:
    """DKIM and DMARC checked here, DNS through ``resolver`` (no SPF: the connecting IP is not known here)."""
    try:
        header = authheaders.authenticate_message(raw, CHECKED_BY, spf=False, dkim=True, dmarc=True,
                                                  dnsfunc=_dnsfunc(resolver))
    except Exception as err:  # noqa: BLE001 - a message the checker cannot read is not proven
        log.info("sender authentication could not be checked", extra={"error": type(err).__name__})
        return AuthVerdict(dmarc="permerror", source=CHECKED_BY)
    verdict = _results(header.partition(":")[2].strip())
    if verdict is None:
        return AuthVerdict(dmarc="permerror", source=CHECKED_BY)
    if verdict.dkim == "fail" and not _SIGNED.search(raw[:HEADER_BLOCK_SCAN]):
        verdict = replace(verdict, dkim="none")     # authheaders says "fail" for a mail that carries no signature
    return verdict


def authenticate(msg: Message, raw: bytes, authserv_ids: Sequence[str], resolver: Resolver) -> AuthVerdict:
    """Our receiving server's results when it wrote them, else the results of checking ``raw`` here."""
    from_domain = parseaddr(str(msg.get("From", ""))[:HEADER_MAX])[1].rpartition("@")[2]
    return trusted_results(msg, authserv_ids, from_domain) or verify(raw, resolver)
