"""Readable body text: HTML rendering and "what the sender wrote now".

Two pure functions carry this module:

- ``html_to_text`` renders an HTML body to readable plain text (paragraphs, line
  breaks, list items and table cells kept apart; no script, style or tag soup).
  Quoted history in ``<blockquote>`` comes out as ``>`` lines, so the same
  recognition works for HTML and plain mail.
- ``text_now`` removes quoted reply history and the signature from a body, and
  brings forwarded content in when the sender wrote little above it (a forwarded
  application *is* the application).
- ``quoted_text`` is the other side: the quoted history of a reply, what
  someone else wrote earlier.

Detail extraction looks at the full text, not at ``text_now``: a signature often
holds the company name, CVR number and phone.
"""

from __future__ import annotations

import html as htmllib
import logging
import re

import lxml.etree
import lxml.html

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 2_000_000
SHORT_OWN_TEXT = 300        # characters above a forwarded block that count as "wrote little"
MAX_FORWARD_DEPTH = 5

FORWARD_MARKER = "---------- Forwarded message ----------"

_SKIP_TAGS = frozenset({"script", "style", "head", "title", "meta", "link", "noscript", "template", "svg", "object",
                        "xml"})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table",
    "pre", "address", "hr", "center", "fieldset", "figure", "figcaption", "caption", "thead", "tbody", "tfoot",
})
_QUOTE_OPEN, _QUOTE_CLOSE, _PRE_SPACE = "\x01", "\x02", "\x03"


# ---------------------------------------------------------------- HTML rendering

def html_to_text(html: str) -> str:
    """Render an HTML document or fragment to readable plain text."""
    html = html[:MAX_HTML_CHARS]
    root, too_deep = _parse_html(html)
    if too_deep:
        log.info("HTML body nested too deeply; rendered by stripping tags")
        return _strip_tags(html)
    if root is None:
        return ""
    pieces: list[str] = []
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]
    while stack:
        el, closing, in_pre = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if closing:
            pieces.append(_close_marker(tag))
            pieces.append(_inline_text(el.tail, in_pre))
            continue
        if not tag or tag in _SKIP_TAGS:          # comment, processing instruction, script...
            pieces.append(_inline_text(el.tail, in_pre))
            continue
        pre = in_pre or tag == "pre"
        pieces.append(_open_marker(tag, el))
        pieces.append(_inline_text(el.text, pre))
        stack.append((el, True, in_pre))
        stack.extend((child, False, pre) for child in reversed(el))
    return _tidy_rendered("".join(pieces))


def _parse_html(html: str) -> tuple[object | None, bool]:
    """(document root or None, whether libxml2 gave up on the nesting depth)."""
    if not html.strip():
        return None, False
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                  huge_tree=True)     # depth limit 2048 instead of 256; input size is capped above
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        root = None
    return root, any("depth" in str(e.message).lower() for e in parser.error_log)


def _strip_tags(html: str) -> str:
    """Fallback rendering for HTML that libxml2 refuses: drop script/style, break at block tags, strip tags."""
    html = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", html)
    html = re.sub(r"(?i)<(?:br|/p|/div|/tr|/li|/h\d)\b[^>]{0,200}>", "\n", html)
    text = htmllib.unescape(re.sub(r"<[^>]{0,2000}>", " ", html))
    return _tidy_rendered(re.sub(r"[ \t\r\f\v]+", " ", text))


def _inline_text(text: str | None, in_pre: bool) -> str:
    if not text:
        return ""
    return text.replace(" ", _PRE_SPACE) if in_pre else re.sub(r"\s+", " ", text)


def _open_marker(name: str, el) -> str:
    if name == "br":
        return "\n"
    if name == "blockquote":
        return "\n" + _QUOTE_OPEN
    if name == "li":
        return "\n- "
    if name in ("tr", "dt", "dd"):
        return "\n"
    if name in ("td", "th"):
        return " \t "
    if name == "img" and el.get("alt"):
        return f" {el.get('alt')} "
    return "\n" if name in _BLOCK_TAGS else ""


def _close_marker(name: str) -> str:
    if name == "blockquote":
        return _QUOTE_CLOSE + "\n"
    if name in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"):
        return "\n\n"
    return "\n" if name in _BLOCK_TAGS else ""


def _tidy_rendered(text: str) -> str:
    """Apply blockquote depth as ``>`` prefixes, trim lines and collapse blank runs."""
    out: list[str] = []
    depth = 0
    for raw_line in text.split("\n"):
        line_depth, depth = _quote_depths(raw_line, depth)
        line = raw_line.replace(_QUOTE_OPEN, "").replace(_QUOTE_CLOSE, "").replace("\xa0", " ")
        line = re.sub(r"[ ]*\t[ \t]*", "\t", line).strip(" \t")
        line = re.sub(r" {2,}", " ", line).replace(_PRE_SPACE, " ")
        if line and line_depth:
            line = "> " * line_depth + line
        out.append(line)
    return _collapse_blank_lines("\n".join(out))


def _quote_depths(line: str, depth: int) -> tuple[int, int]:
    """(quote depth of the line's text, depth after the line) from blockquote markers."""
    line_depth = None
    for ch in line:
        if ch == _QUOTE_OPEN:
            depth += 1
        elif ch == _QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif line_depth is None and not ch.isspace():
            line_depth = depth
    return (depth if line_depth is None else line_depth), depth


def _collapse_blank_lines(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


# ---------------------------------------------------------------- what the sender wrote now

FORWARD_LINE = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|videresendt (?:besked|meddelelse|e-?mail)|weitergeleitete nachricht)\s*-*"
    r"|begin forwarded message:|start på videresendt (?:besked|meddelelse):|videresendt (?:besked|meddelelse):)\s*$",
    re.IGNORECASE,
)
ORIGINAL_LINE = re.compile(
    r"^\s*-{3,}\s*(?:original message|oprindelig meddelelse|original meddelelse|oprindelig besked)\s*-{3,}\s*$",
    re.IGNORECASE,
)
UNDERSCORE_LINE = re.compile(r"^\s*_{10,}\s*$")
_HEADER_FROM_RE = re.compile(r"^\s*\*?(?:from|fra|von|de)\s*:\*?\s*\S", re.IGNORECASE)
HEADER_LINE = re.compile(
    r"^\s*\*?(?:from|fra|sent|sendt|date|dato|to|til|cc|bcc|subject|emne|reply-to|svar til|importance|prioritet)\s*:",
    re.IGNORECASE,
)
_HEADER_SENT_RE = re.compile(r"^\s*\*?(?:sent|sendt|date|dato)\s*:", re.IGNORECASE)
_ATTRIBUTION_START_RE = re.compile(r"^\s*(?:on|den|d\.)\s+\S", re.IGNORECASE)
_ATTRIBUTION_END_RE = re.compile(r"(?:wrote|skrev)(?:\s+[^:]{0,120})?:\s*$", re.IGNORECASE)
_VALEDICTION_RE = re.compile(
    r"^\s*(?:med\s+)?(?:(?:venlig(?:st)?|venlige|de\s+bedste|bedste|mange|kærlig|god)\s+)?"
    r"(?:hilsen|hilsner|hilsener)\b|^\s*(?:mvh|vh|m\.v\.h\.?|v\.h\.?)\b"
    r"|^\s*(?:best|kind|warm|warmest|many)\s+(?:regards|wishes)\b|^\s*regards\b|^\s*(?:yours\s+)?sincerely\b"
    r"|^\s*(?:all\s+the\s+)?best\s*[,!.]?\s*$|^\s*kh\.?(?:\s+\w+)?\s*$"  # "Best,", "Kh Tobias"
    r"|^\s*cheers\b|^\s*thanks?(?:\s+you)?(?:\s+in\s+advance)?\s*[,!.]?\s*$|^\s*tak\s*(?:på\s+forhånd)?\s*[,!.]?\s*$",
    re.IGNORECASE,
)
_MOBILE_SIG_RE = re.compile(
    r"^\s*(?:sent from my|sendt fra min|sendt fra|get outlook for|hent outlook til)\b", re.IGNORECASE
)
FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|fw|vs|videresend|wg|tr|rv)\s*:", re.IGNORECASE)
MAX_SIGNATURE_LINES = 10
MAX_SIGNATURE_LINE_CHARS = 100


def text_now(text: str, subject: str = "") -> str:
    """Return what the sender wrote now: quoted history and signature removed.

    A forwarded message (inline block or Outlook header block under a forward
    subject) is included, without its header lines, when the sender's own text
    above it is short.
    """
    return _text_now(text.replace("\r\n", "\n").replace("\r", "\n"), subject, 0)


def quoted_text(text: str, subject: str = "") -> str:
    """The quoted history of a reply and its inline ``>`` lines: what someone else wrote earlier ('' for a forward,
    whose forwarded content is the application)."""
    lines = [_bounded(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cut, kind = _history_start(lines, forward_subject=bool(FORWARD_SUBJECT.match(subject or "")))
    if kind == "forward":
        return ""
    inline = [line for line in lines[:cut] if line.lstrip().startswith(">")]
    return "\n".join(inline + lines[cut:])


_QUOTE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_HISTORY_HEAD_LINES = 6  # non-empty lines of quoted history read for who wrote it


def own_history(full_text: str, quoted: str, from_addr: str, from_name: str = "") -> str:
    """The quoted history (``quoted_text`` of ``full_text``) without its ``>`` marks when the sender wrote it: its
    header ("Fra: Louise Friis <louise@...>", or the attribution above inline quotes, "On 12 Nov, Mikkel Sand
    <mikkel@...> wrote:") names the sender's address, or their full name on a From/Fra or attribution line ('' when
    someone else wrote it, or it cannot be told). A reply that quotes the sender's own earlier mail ("se min mail
    nedenfor") carries the application in that history."""
    lines = quoted.split("\n")
    if not quoted.strip():
        return ""
    text_lines = full_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(text_lines) if line == lines[0]), None)
    above = [ln for ln in text_lines[max(0, first - 3):first] if ln.strip()] if first else []
    head = above + [line for line in lines[:40] if line.strip()][:_HISTORY_HEAD_LINES]
    addr = from_addr.strip().lower() if "@" in from_addr else ""
    name = " ".join(from_name.split()).lower()
    for line in head:
        bare = _QUOTE_MARK.sub("", line)
        low = " ".join(bare.split()).lower()
        header = bool(_HEADER_FROM_RE.match(bare) or _ATTRIBUTION_END_RE.search(bare))
        if header and ((addr and re.search(r"(?<![\w.+@-])" + re.escape(addr) + r"(?![\w.-])", low))
                       or (len(name.split()) >= 2 and name in low)):
            return _QUOTE_MARK.sub("", quoted)
    return ""


def _text_now(text: str, subject: str, depth: int) -> str:
    lines = [_bounded(line) for line in text.split("\n")]
    cut, kind = _history_start(lines, forward_subject=bool(FORWARD_SUBJECT.match(subject or "")))
    own = strip_signature(_drop_inline_quotes(lines[:cut]))
    if kind != "forward" or depth >= MAX_FORWARD_DEPTH:
        return own
    if len(re.sub(r"\s", "", own)) > SHORT_OWN_TEXT and not FORWARD_LINE.match(lines[cut]):
        return own      # a long mail above an old message under a forward subject: the mail is what is asked
    fwd_subject, body = _split_forward_header(lines[cut + (0 if _HEADER_FROM_RE.match(lines[cut]) else 1):])
    inner = _text_now("\n".join(body), fwd_subject, depth + 1)
    parts = [p for p in (own, fwd_subject, inner) if p.strip()]
    return "\n\n".join(parts)


def _bounded(line: str) -> str:
    """Long whitespace runs shortened, so that line patterns stay linear on hostile input."""
    return re.sub(r"\s{20,}", "   ", line) if len(line) > 200 else line


def _history_start(lines: list[str], *, forward_subject: bool) -> tuple[int, str]:
    """Index of the first line of quoted history or forwarded content, and its kind."""
    for i, line in enumerate(lines):
        if FORWARD_LINE.match(line):
            return i, "forward"
        if ORIGINAL_LINE.match(line) or is_outlook_header_block(lines, i):
            return i, "forward" if forward_subject else "reply"
        if UNDERSCORE_LINE.match(line) and is_outlook_header_block(lines, i + 1):
            return i, "forward" if forward_subject else "reply"
        if _is_attribution(lines, i) and not _quoted_follows(lines, i + _wrapped(lines[i])):
            return i, "reply"
    return len(lines), "none"


def is_outlook_header_block(lines: list[str], i: int) -> bool:
    """A "Fra: ... / Sendt: ..." (or From/Sent/Date) block starts at line ``i``."""
    if i >= len(lines) or not _HEADER_FROM_RE.match(lines[i]):
        return False
    following = [ln for ln in lines[i + 1:i + 5] if ln.strip()]
    return any(_HEADER_SENT_RE.match(ln) for ln in following[:3]) and all(
        HEADER_LINE.match(ln) for ln in following[:2]
    )


def _is_attribution(lines: list[str], i: int) -> bool:
    """"On ... wrote:" / "Den ... skrev:", possibly wrapped over two lines."""
    line = lines[i]
    if len(line) > 300:
        return False
    if _ATTRIBUTION_START_RE.match(line) and _ATTRIBUTION_END_RE.search(line):
        return True
    if i + 1 < len(lines) and _ATTRIBUTION_START_RE.match(line) and len(lines[i + 1]) < 200:
        joined = f"{line} {lines[i + 1]}"
        return "@" in joined and bool(_ATTRIBUTION_END_RE.search(joined))
    return bool(_ATTRIBUTION_END_RE.search(line)) and "@" in line and _quoted_follows(lines, i)


def _wrapped(line: str) -> int:
    """1 when an attribution line continues on the next line."""
    return 0 if _ATTRIBUTION_END_RE.search(line) else 1


def _quoted_follows(lines: list[str], i: int) -> bool:
    for ln in lines[i + 1:i + 4]:
        if ln.strip():
            return ln.lstrip().startswith(">")
    return False


def _drop_inline_quotes(lines: list[str]) -> list[str]:
    """Remove ``>`` lines and the attribution lines that introduce them (interleaved replies)."""
    keep: list[str] = []
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next or line.lstrip().startswith(">"):
            skip_next = False
            continue
        if _quoted_follows(lines, i) and (_is_attribution(lines, i) or _ATTRIBUTION_END_RE.search(line)):
            continue
        if _is_attribution(lines, i) and _wrapped(line) and _quoted_follows(lines, i + 1):
            skip_next = True
            continue
        keep.append(line)
    return keep


def strip_signature(lines: list[str]) -> str:
    """Cut the signature: a ``-- `` line, a valediction before a short block, a mobile footer."""
    end = len(lines)
    for i, line in enumerate(lines):
        if line.rstrip() in ("-- ", "--") or _MOBILE_SIG_RE.match(line):
            end = i
            break
    for i in range(end - 1, -1, -1):
        if len(lines[i]) < 80 and _VALEDICTION_RE.match(lines[i]) and _short_block(lines[i + 1:end]):
            end = i
            break
    return _collapse_blank_lines("\n".join(ln.rstrip() for ln in lines[:end])).strip()


def _short_block(lines: list[str]) -> bool:
    filled = [ln for ln in lines if ln.strip()]
    return len(filled) <= MAX_SIGNATURE_LINES and all(len(ln) <= MAX_SIGNATURE_LINE_CHARS for ln in filled)


def _split_forward_header(lines: list[str]) -> tuple[str, list[str]]:
    """Split a forwarded block into its subject and the lines after its header lines."""
    subject = ""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines) and (HEADER_LINE.match(lines[i]) or is_header_continuation(lines, i)):
        m = re.match(r"^\s*\*?(?:subject|emne)\s*:\*?\s*(.*)$", lines[i], re.IGNORECASE)
        if m:
            subject = m.group(1).strip()
        i += 1
    return subject, lines[i:]


def is_header_continuation(lines: list[str], i: int) -> bool:
    """A wrapped header value, e.g. a long "To:" list continuing on the next line."""
    return i > 0 and bool(lines[i].strip()) and lines[i].startswith((" ", "\t")) and bool(
        HEADER_LINE.match(lines[i - 1])
    )
