"""The one envelope of every mail we write: sender, recipients, subject, ids, threading and loop protection.

Every letter (to the business, to an office, the daily digest, the star-meeting
invitations) is built by ``build_mail``, so the headers that keep mail safe are
set in one place:

- ``From`` is ``Settings.sender_name(language)`` <``Settings.from_address``>: the English name
  (``from_name_en``) on a letter in English, else ``from_name``.
- ``To``, ``Cc``, ``Reply-To``, ``Subject`` and the threading headers are
  cleaned of line breaks and control characters before they are copied
  (values often come from the sender's mail: header injection is not fixed in
  every Python 3.11 patch release); the subject is cut to 200 characters.
- ``X-Loop: <Settings.loop_id>`` (``intake.mail.automated`` drops our own mail
  if it ever comes back) and ``X-Auto-Response-Suppress: All`` (no out-of-office
  replies from Exchange).
- ``Auto-Submitted`` (RFC 3834) by one policy keyed by the kind of letter,
  ``AUTO_SUBMITTED``:

  ``auto-replied``
      our automatic answers to the business's own mail: the acknowledgement,
      the status answer, the notice that its answer moved the expected week,
      the answer to mail about a closed case, the note to a colleague who
      forwarded an application that we have taken it over, and the answer to a
      message refused for its size.
  ``auto-generated``
      everything else we send by ourselves: the routed case, a follow-up passed
      on to the office, notes to the office, the daily digest, star-meeting
      invitations and their updates.
  none
      letters that carry a caseworker's own question or decision (started,
      request for information, approved, rejected, forwarded, rerouted, part added,
      contact person, a caseworker's message from the desk, a caseworker's own
      reply passed on from the office, and an application forwarded to the
      authority that decides it, whose answer comes back into the case):
      the business is meant to answer them, and its auto-responder may.

A kind that is not in the policy is refused, so a new letter has to be placed
in it. Message-IDs are made by the letters (``msg_id``): ``<kind.REF[.n].TOKEN@domain>``.
They carry the case reference, which is how replies find their case, so the
``kind.REF[.n]`` part never changes; ``TOKEN`` is a keyed hash of that part with
the web secret (``intake.tracking.web_secret``), so the same letter always gets
the same id (a resend, the acknowledgement a later letter threads under) but
nobody outside can write it: a delivery report must quote the id we stored
(``intake.bounces``), not one made from a reference. Mail with no case (the
daily digest, the model report) keeps its fixed, token-less id.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.headerregistry import Address, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import Policy
from email.utils import format_datetime
from types import MappingProxyType

from intake.mail.message import ParsedMail, clean_header_value
from intake.privacy import redact_cpr
from intake.tracking import web_secret
from routing.goals import LOCAL_TZ

AUTO_REPLIED = "auto-replied"
AUTO_GENERATED = "auto-generated"
AUTO_SUBMITTED = MappingProxyType({
    # automatic answers to the business's own mail
    "acknowledgement": AUTO_REPLIED, "status": AUTO_REPLIED, "resumed": AUTO_REPLIED,
    "forward_note": AUTO_REPLIED, "closed_reply": AUTO_REPLIED, "too_large": AUTO_REPLIED,
    # everything else we send by ourselves
    "routed": AUTO_GENERATED, "follow_up": AUTO_GENERATED, "note": AUTO_GENERATED,
    "digest": AUTO_GENERATED, "invitation": AUTO_GENERATED,
    # a caseworker's own question or decision
    "started": None, "info_request": None, "approved": None, "rejected": None, "forwarded": None,
    "rerouted": None, "part_added": None, "contact": None, "caseworker_reply": None, "reopened": None,
    "message": None, "forwarded_authority": None,
})
SUBJECT_MAX = 200
ADDRESS_MAX = 250
NAME_MAX = 80
MAX_REFERENCES = 10


class UnknownLetterKind(ValueError):
    """Raised when a letter's kind has no place in the ``Auto-Submitted`` policy."""


@dataclass(frozen=True)
class Thread:
    """The threading headers of a reply: ``In-Reply-To`` and ``References`` (oldest first)."""

    in_reply_to: str
    references: tuple[str, ...]

    @classmethod
    def replying_to(cls, original: ParsedMail) -> Thread | None:
        """A reply to ``original`` (None when it has no Message-ID to point at)."""
        if not original.message_id:
            return None
        return cls(original.message_id, (*original.references[-MAX_REFERENCES:], original.message_id))

    @classmethod
    def under(cls, message_id: str) -> Thread:
        """A mail in the thread that starts with our own ``message_id`` (e.g. the acknowledgement)."""
        return cls(message_id, (message_id,))


@dataclass(frozen=True)
class Envelope:
    """Everything about a mail but its body."""

    kind: str  # a key of AUTO_SUBMITTED
    to: str | Address
    subject: str
    message_id: str
    cc: Sequence[str] = ()
    reply_to: str | Address | None = None
    thread: Thread | None = None
    language: str = ""  # Content-Language, for letters to the business


def auto_submitted(kind: str) -> str | None:
    """The ``Auto-Submitted`` value of a letter of ``kind`` (None: a person's letter, no header)."""
    try:
        return AUTO_SUBMITTED[kind]
    except KeyError:
        raise UnknownLetterKind(f"letter kind {kind!r} is not in the Auto-Submitted policy") from None


TOKEN_CHARS = 16           # hex digits of the keyed hash in our Message-IDs (64 bits)
_TOKEN_SALT = b"intake.message-id\0"
_HAS_TOKEN = re.compile(rf"\.[0-9a-f]{{{TOKEN_CHARS}}}@[^@>]+>?$")


def msg_id(settings, kind: str, reference: str, n: int = 0) -> str:
    """``<kind.REF[.n].TOKEN@domain>``: the same for the same letter, carrying the reference so that replies thread
    back even without a subject tag, and a token keyed with the web secret that nobody outside can make."""
    local = f"{kind}.{reference}" + (f".{n}" if n else "")
    return f"<{local}.{id_token(settings, local)}@{domain_of(settings.from_address)}>"


def id_token(settings, local: str) -> str:
    """The keyed hash of a Message-ID's ``local`` part (``kind.REF[.n]``)."""
    key = web_secret(settings).encode("utf-8")
    return hmac.new(key, _TOKEN_SALT + local.encode("utf-8"), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


def has_token(message_id: str) -> bool:
    """True for a Message-ID written by ``msg_id`` (with its token); False for one made from a reference alone
    (ours before the token, or a forger's)."""
    return bool(_HAS_TOKEN.search(message_id.strip()))


def domain_of(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"


def sender_of(settings, lang: str = "") -> Address:
    """``From``: the configured name in the letter's language, and the address."""
    return mailbox(settings.sender_name(lang), settings.from_address)


def mailbox(name: str, address: str) -> Address:
    """``Name <address>`` with both cleaned (``Address`` itself refuses line breaks with an error)."""
    return Address(clean_header_value(name, max_len=NAME_MAX), addr_spec=clean_header_value(address, ADDRESS_MAX))


def _mailbox(value: str | Address) -> str | Address:
    if isinstance(value, Address):
        return mailbox(value.display_name, value.addr_spec)
    return clean_header_value(value, max_len=ADDRESS_MAX)


def _addr_spec(value: str | Address) -> str:
    return (value.addr_spec if isinstance(value, Address) else value).strip().lower()


def copies(cc: Sequence[str], to: str | Address) -> list[str]:
    """The Cc addresses: each once, never the To address, and nothing that is not a bare address.

    A value with a line break or a space (a name, an injection attempt) is
    dropped rather than repaired.
    """
    seen = {_addr_spec(to)}
    out = []
    for value in cc:
        address = (value or "").strip()
        if "@" in address and not any(c.isspace() for c in address) and address.lower() not in seen:
            seen.add(address.lower())
            out.append(address)
    return out


class _MessageIds(UnstructuredHeader):
    """In-Reply-To and References as written: message ids folded at the spaces between them, never as encoded words.

    An Outlook Message-ID is 80-90 characters without a space to fold at; the default policy writes such a line as an
    RFC 2047 encoded word, which no mail program threads by (a line of one id stays whole, within RFC 5322's 998).
    """

    def fold(self, *, policy: Policy) -> str:
        lines, line = [], f"{self.name}:"
        for mid in str(self).split():
            if len(line) + 1 + len(mid) > (policy.max_line_length or 998) and line != f"{self.name}:":
                lines.append(line)
                line = ""
            line += f" {mid}"
        return policy.linesep.join([*lines, line]) + policy.linesep


_HEADERS = HeaderRegistry()
_HEADERS.map_to_type("in-reply-to", _MessageIds)
_HEADERS.map_to_type("references", _MessageIds)
OUTGOING = policy.default.clone(header_factory=_HEADERS)


def _threadable(message_id: str) -> str:
    """A message id as a header may carry it: printable ASCII without spaces, else nothing. A raw "ø" or "…" in a
    business's Message-ID cannot be written out in ours (it broke the letter), and nothing threads by it."""
    mid = clean_header_value(message_id, max_len=ADDRESS_MAX)
    return mid if mid.isascii() and mid.isprintable() and " " not in mid else ""


def build_mail(settings, envelope: Envelope, body: str) -> EmailMessage:
    """A plain-text mail with ``envelope``'s headers; callers may add alternatives and attachments after.

    CPR numbers are masked in the subject and the body, whoever wrote them (issue 13: stored nowhere but in
    the raw message, which the routed mail attaches and says so).
    """
    auto = auto_submitted(envelope.kind)
    msg = EmailMessage(policy=OUTGOING)
    msg["From"] = sender_of(settings, envelope.language)
    msg["To"] = _mailbox(envelope.to)
    cc = copies(envelope.cc, envelope.to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if envelope.reply_to:
        msg["Reply-To"] = _mailbox(envelope.reply_to)
    msg["Subject"] = clean_header_value(redact_cpr(envelope.subject), max_len=SUBJECT_MAX)  # never echo a CPR
    msg["Date"] = format_datetime(datetime.now(LOCAL_TZ))
    msg["Message-ID"] = envelope.message_id
    if envelope.thread is not None:
        in_reply_to = _threadable(envelope.thread.in_reply_to)
        references = [r for r in map(_threadable, envelope.thread.references) if r]
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
        if references:
            msg["References"] = " ".join(references)
    if auto:
        msg["Auto-Submitted"] = auto
    msg["X-Auto-Response-Suppress"] = "All"
    msg["X-Loop"] = settings.loop_id
    msg.set_content(redact_cpr(body))  # our own text never carries a CPR number (attachments are the caller's)
    if envelope.language:
        msg["Content-Language"] = envelope.language  # after set_content, which drops Content-* headers
    return msg
