"""Header values read safely: decoded, validated, bounded, free of line breaks.

Values are taken from the raw header text, not from ``email.utils.parseaddr`` or
the header objects of ``policy.default``: Python builds in use may lack the
email security fixes of later releases (CVE-2023-27043 address confusion,
gh-121650 newline injection when serializing, quadratic-time header parsing),
so this module must be safe without them. Every function is pure and bounded:
at most ``MAX_HEADER_CHARS`` of a header and ``MAX_ENCODED_WORDS`` encoded words
are looked at.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.header import decode_header
from email.message import Message
from email.policy import EmailPolicy
from email.utils import parsedate_to_datetime

from models.addresses import is_valid_address

MAX_HEADER_CHARS = 4_000      # raw header text looked at; the rest is ignored
MAX_ENCODED_WORDS = 60
MAX_SUBJECT_CHARS = 998


MAX_HEADER_OCCURRENCES = 20  # values of one header name looked at


class BoundedPolicy(EmailPolicy):
    """``policy.default`` with every header value cut to ``MAX_HEADER_CHARS`` as it is parsed.

    The email package's header objects (``msg["Subject"]``, ``get_content_type``,
    ``get_filename``...) parse the whole value, in time and memory that grow much
    faster than its length with encoded words (0.19 MB of them took 0.9 GB). With
    this policy no header value the package ever parses is longer than the bound,
    whoever reads it; the raw message is kept unchanged elsewhere.
    """

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if len(value) > MAX_HEADER_CHARS:
            value = value[:MAX_HEADER_CHARS]
        return name, value


BOUNDED = BoundedPolicy()


def raw_header_values(msg: Message, name: str) -> list[str]:
    """Raw (undecoded, unparsed) values of header ``name``, each at most ``MAX_HEADER_CHARS``, never raising.

    At most ``MAX_HEADER_OCCURRENCES`` values are returned. The one way code
    outside this module reads a header of a received message.
    """
    try:
        items = msg.raw_items()
    except Exception:  # noqa: BLE001 - a broken message must not break the reader
        return []
    wanted = name.lower()
    out: list[str] = []
    for key, value in items:
        if isinstance(key, str) and key.lower() == wanted:
            out.append(undo_surrogates(str(value)[:MAX_HEADER_CHARS]))
            if len(out) >= MAX_HEADER_OCCURRENCES:
                break
    return out


def header_values(msg: Message, name: str, max_len: int = MAX_SUBJECT_CHARS) -> list[str]:
    """Decoded, cleaned, bounded values of header ``name`` (see ``decode_header_value``)."""
    return [decode_header_value(v, max_len) for v in raw_header_values(msg, name)]


def header_value(msg: Message, name: str, max_len: int = MAX_SUBJECT_CHARS) -> str:
    """The first decoded value of header ``name``, or ""."""
    values = raw_header_values(msg, name)
    return decode_header_value(values[0], max_len) if values else ""


def has_header(msg: Message, name: str) -> bool:
    """Whether header ``name`` is present at all, even with a broken value."""
    return bool(raw_header_values(msg, name))


def mailboxes(raw: str) -> list[tuple[str, str]]:
    """(decoded display name, addr-spec as written) of each mailbox in an address header, bounded.

    Unlike ``parse_from`` nothing is validated: it is for recognising senders
    (``MAILER-DAEMON`` with no domain), never for choosing whom to answer.
    """
    raw = _unfold(raw[:MAX_HEADER_CHARS])
    return [(decode_header_value(display.strip().strip('"').strip(), 200), addr.strip())
            for display, addr, _ in _mailboxes(raw)[:MAX_HEADER_OCCURRENCES]]


# (a zero-width joiner stays inside an emoji sequence: "💇\u200d♀️" is one picture, and joins nothing else)
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF"
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
                         rf"|(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])")


def clean_header_value(s: str, max_len: int = 200) -> str:
    """Make a value safe to copy into a header of our outgoing mail.

    CR, LF and every other control or bidi-override character become a space,
    runs of whitespace collapse, and the result is cut to ``max_len`` characters.
    """
    s = _CONTROL_RE.sub(" ", str(s))
    s = re.sub(r"\s+", " ", s).strip()
    return s[:max_len].rstrip()


def decode_header_value(raw: str, max_len: int = MAX_SUBJECT_CHARS) -> str:
    """Decode RFC 2047 encoded words leniently, in bounded time, and clean the result."""
    raw = _unfold(raw[:MAX_HEADER_CHARS])
    if "=?" not in raw:
        return clean_header_value(raw, max_len)
    if raw.count("=?") > MAX_ENCODED_WORDS:
        raw = _cut_after_encoded_words(raw, MAX_ENCODED_WORDS)
    return clean_header_value(_decode_words(raw), max_len)


def _cut_after_encoded_words(raw: str, n: int) -> str:
    pos = -1
    for _ in range(n):
        pos = raw.find("?=", raw.find("=?", pos + 1) + 2)
        if pos < 0:
            return raw
    return raw[:pos + 2]


_ENCODED_WORD = re.compile(r"=\?[^?\s]{1,75}\?[bBqQ]\?[^?\s]{0,4000}\?=")


def _decode_words(raw: str) -> str:
    """Encoded words decoded one by one; the raw text between them kept as it is.

    ``decode_header`` on the whole value would hand back the raw text as
    ``raw-unicode-escape`` bytes (so "–" or "€" beside an encoded word became a
    literal ``\\u2013``); here it only ever sees one encoded word. Whitespace
    between two encoded words is dropped, as RFC 2047 says.
    """
    out: list[str] = []
    pos, after_word = 0, False
    for m in _ENCODED_WORD.finditer(raw):
        between = raw[pos:m.start()]
        if not (after_word and not between.strip()):
            out.append(between)
        out.append(_decode_word(m.group()))
        pos, after_word = m.end(), True
    out.append(raw[pos:])
    return "".join(out)


def _decode_word(word: str) -> str:
    try:
        chunks = decode_header(word)
    except Exception:  # noqa: BLE001 - a malformed encoded word: keep it as written
        return word
    return "".join(data if isinstance(data, str) else decode_bytes(data, charset) for data, charset in chunks)


def _unfold(raw: str) -> str:
    return re.sub(r"\r?\n[ \t]*", " ", raw).replace("\r", " ")


def parse_date(raw: str) -> datetime | None:
    """An aware datetime from a Date header, or None. A "-0000" zone is taken as UTC."""
    raw = clean_header_value(raw, 200)
    if not raw:
        return None
    try:
        value = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if value is None or not 1970 <= value.year <= 2200:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


_MSG_ID_RE = re.compile(r"<([^<>\s\"]{1,250})>")


def msg_ids(raw: str) -> list[str]:
    """Every ``<id>`` in a Message-ID/In-Reply-To/References value, brackets kept."""
    return [f"<{m}>" for m in _MSG_ID_RE.findall(_unfold(raw[:MAX_HEADER_CHARS * 4]))]


def first_msg_id(raw: str) -> str:
    """The first message id; a bare id without brackets is kept when it is sane."""
    ids = msg_ids(raw)
    if ids:
        return ids[0]
    bare = clean_header_value(raw, 250)
    return bare if bare and " " not in bare and "@" in bare else ""


# ---------------------------------------------------------------- From address

def parse_from(raw: str) -> tuple[str, str]:
    """(lower-case addr-spec, display name) of the first valid mailbox, or ("", "")."""
    raw = _unfold(raw[:MAX_HEADER_CHARS])
    for display, addr, ambiguous in _mailboxes(raw):
        if ambiguous:
            continue
        if is_valid_address(addr):
            return addr.lower(), decode_header_value(display.strip().strip('"').strip(), 200)
    return "", ""


def _mailboxes(raw: str) -> list[tuple[str, str, bool]]:
    """Split an address list into (display, addr-spec, ambiguous) triples.

    A scanner that honours quoted strings and comments. A mailbox is ambiguous
    when its unquoted display part contains ``@``, ``<`` or ``>`` (the trick of
    CVE-2023-27043) or it holds more than one angle address.
    """
    out: list[tuple[str, str, bool]] = []
    display: list[str] = []
    angles: list[str] = []
    bare: list[str] = []
    unquoted: list[str] = []
    state, angle, depth, i = "text", [], 0, 0
    while i < len(raw):
        ch = raw[i]
        if state == "quote":
            if ch == "\\":
                display.append(raw[i + 1:i + 2])
                i += 2
                continue
            if ch == '"':
                state = "text"
            display.append(ch)
        elif state == "comment":
            depth += 1 if ch == "(" else -1 if ch == ")" else 0
            if depth == 0:
                state = "text"
        elif state == "angle":
            if ch == ">":
                angles.append("".join(angle))
                state = "text"
            elif ch in "<\"":
                unquoted.append(ch)
            else:
                angle.append(ch)
        elif ch == '"':
            state = "quote"
            display.append(ch)
        elif ch == "(":
            state, depth = "comment", 1
        elif ch == "<":
            state, angle = "angle", []
        elif ch == ":" and not angles:      # group syntax "Team: a@x.dk, b@x.dk;": drop the group name
            display, bare = [], []
        elif ch in ",;":
            out.append(_mailbox(display, angles, bare, unquoted))
            display, angles, bare, unquoted = [], [], [], []
        else:
            display.append(ch)
            bare.append(ch)
            if angles:
                unquoted.append(ch if ch.strip() else "")
        i += 1
    out.append(_mailbox(display, angles, bare, unquoted))
    return [m for m in out if m[1] or m[0]]


def _mailbox(display: list[str], angles: list[str], bare: list[str], extra: list[str]) -> tuple[str, str, bool]:
    bare_text = "".join(bare).strip()
    if not angles:
        return "", bare_text, False
    ambiguous = len(angles) > 1 or any(c in bare_text for c in "@<>") or any(c in "<>\"" for c in extra if c)
    return "".join(display), angles[0].strip(), ambiguous


# ---------------------------------------------------------------- bytes

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Bytes as text, never raising: a byte-order mark, else the declared charset, else UTF-8, else Windows-1252.

    The one decoder for mail parts, headers and attached text files. A BOM wins
    over the declared charset (as in the WHATWG encoding standard): it is written
    by the program that wrote the bytes, a charset label often by another one.
    Windows-1252 is the last resort because it is what Danish Windows writes.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if charset:
        charset = charset.strip().strip('"').lower()
        try:
            return data.decode(charset, errors="replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            pass
        except Exception:  # noqa: BLE001 - exotic codecs can fail in odd ways
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")



def undo_surrogates(value: str) -> str:
    """Raw 8-bit header bytes arrive as surrogate escapes: decode them as UTF-8 or Windows-1252."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return decode_bytes(value.encode("utf-8", "surrogateescape"), None)
    return value

