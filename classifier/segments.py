"""The pieces of a mail that are scored one by one: paragraphs, list items, sections, attachments, form fields.

A business that asks for four things in one mail gives each request a line or a
paragraph; scored as one long text, each request is diluted by the others and
by the greeting, the background and the signature. ``segments`` cuts what the
sender wrote into pieces that each hold at most a few requests, so the model can
find a task type wherever it is asked for: in the body, in a bulleted list, in
one of several attachments or in a form's ticked boxes.

Clauses that only mention a task type in passing ("vi har allerede en
affaldsaftale", "the sign was approved last year") are left out of the pieces
(``classifier.mentions``), and a form field whose box is not ticked is not a
request at all (``ticked_rows``, which the whole text goes through too). See
``TaskModel.predict`` for how the pieces are scored.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from classifier.mentions import without_mentions

MAX_SEGMENTS = 48           # pieces of one mail; bounds the time a long mail costs
MIN_SEGMENT_CHARS = 4
MAX_HEADING_WORDS = 6       # a short line without a full stop introduces the next line
MIN_LINE_WORDS = 3          # a shorter line that is no list item or heading is a name, a greeting or a title
MIN_PIECE_WORDS = 3         # a shorter piece ("kl. 07-17.", "Tidsrum: 11-22") says too little to score alone

_BLOCKS = re.compile(r"\n[ \t]*\n+")
_ITEM = re.compile(r"^[ \t]*(?:[-*•·–—▪►o]|\(?\d{1,2}[.)]|\(?[a-h][.)]|\(?[A-H]\))[ \t]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"'(])")
_ABBREVIATION = re.compile(r"\b(?:kl|ca|fx|f\.eks|bl\.a|nr|no|pr|mr|mrs|dr|st|tlf|tel|att|inkl|ekskl|evt|jf|vedr|mv|"
                           r"m\.m|etc|approx|incl|excl|e\.g|i\.e|vs|ap[sS]|a/s)\.$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")
_SIGN_OFF = re.compile(r"^(?:(?:med )?(?:venlig(?:st)?|mange|de bedste|bedste|kærlig)? ?hils(?:en|ner)|mvh|vh"
                       r"|(?:best|kind|warm|many)? ?(?:regards|wishes)|yours|sincerely|cheers|thanks|thank you|tak)\b"
                       r"[^.!?]{0,40}$", re.IGNORECASE)
_GREETING = re.compile(r"^(?:hej|hejsa|kære|til|dear|hello|hi|good (?:morning|afternoon))\b[^.!?]{0,60}$",
                       re.IGNORECASE)
_TABLE_ROW = re.compile(r"^(?P<label>[^|\n]{2,120})\|(?P<value>[^\n]*)$")
CHECKED = frozenset({"x", "[x]", "(x)", "☒", "☑", "✓", "✔", "✗", "✘", "ja", "yes", "y", "true", "on",
                     "checked", "afkrydset", "valgt", "selected"})
UNCHECKED = frozenset({"", "[ ]", "[]", "( )", "()", "☐", "□", "nej", "no", "n", "false", "off", "-", "–",
                       "ikke relevant", "not applicable", "n/a", "na", "unchecked"})


class Attached(Protocol):
    """What the classifier reads of an attachment (``intake.attachments.AttachmentResult`` fits).

    Read-only properties, so that a class holding a ``dict`` of fields (or a frozen dataclass) fits too.
    """

    @property
    def text(self) -> str: ...

    @property
    def fields(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Attachment:
    """An attachment's text and form fields, for callers without an ``AttachmentResult``."""

    text: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Parts:
    """A mail as the sender wrote it: subject, the body written now, each attachment on its own."""

    subject: str = ""
    body: str = ""
    attachments: Sequence[Attached] = ()


@dataclass
class Pieces:
    """The pieces of a mail as joins of its atoms (sentences, list items, form fields).

    A piece is scored from the sum of its atoms' term counts, so a sentence that
    is part of a list item, a section and a paragraph is read once, not three times.
    """

    atoms: list[str] = field(default_factory=list)
    pieces: list[tuple[int, ...]] = field(default_factory=list)
    ticked: set[int] = field(default_factory=set)   # atoms that are a form's ticked box: a request by themselves
    items: set[int] = field(default_factory=set)    # atoms of a list item in running text
    when: set[int] = field(default_factory=set)     # atoms of a line that only says when ("kl 11-21", "weekdays")

    def asked(self) -> list[bool]:
        """For each piece, whether it asks by itself: a ticked box, or a list item (see ``TaskModel._decide``)."""
        return [(len(piece) == 1 and piece[0] in self.ticked) or (bool(piece) and set(piece) <= self.items)
                for piece in self.pieces]

    def scored(self) -> list[bool]:
        """For each piece, whether it is evidence of what is asked: not a line that only says when ("fredag lørdag
        søndag kl 11-21" reads as an event to the model, and says nothing of what the business wants)."""
        return [not (piece and set(piece) <= self.when) for piece in self.pieces]

    def texts(self) -> list[str]:
        return [" ".join(self.atoms[i] for i in piece) for piece in self.pieces]

    def extend(self, other: Pieces) -> None:
        offset = len(self.atoms)
        self.atoms += other.atoms
        self.ticked |= {i + offset for i in other.ticked}
        self.items |= {i + offset for i in other.items}
        self.when |= {i + offset for i in other.when}
        seen = set(self.texts())
        for piece, text in zip(other.pieces, other.texts(), strict=False):
            if text not in seen:
                seen.add(text)
                self.pieces.append(tuple(i + offset for i in piece))


def segments(parts: Parts) -> list[str]:
    """Every piece of the subject, the body and each attachment (its text and its form fields), in order."""
    return pieces_of(parts).texts()


def pieces_of(parts: Parts) -> Pieces:
    """``segments`` as atoms and their joins (what the model scores)."""
    found = text_pieces(parts.subject)
    found.extend(text_pieces(parts.body))
    for attachment in parts.attachments:
        found.extend(text_pieces(attachment.text or ""))
        found.extend(field_pieces(dict(getattr(attachment, "fields", None) or {})))
    found.pieces = found.pieces[:MAX_SEGMENTS]
    return found


def text_segments(text: str) -> list[str]:
    """The pieces of one text (see ``text_pieces``)."""
    return text_pieces(text).texts()


def text_pieces(text: str) -> Pieces:
    """Paragraphs, list items and sections of one text, with passing mentions left out.

    A block of text (up to a blank line) is one piece; its list items and its
    sections (a short heading line and what follows it) are pieces too, and so
    are the sentences of each.
    """
    found = Pieces()
    for block in _BLOCKS.split(ticked_rows(text or "")):
        units = [(without_mentions(text), item) for text, item in _units(block)]
        units = [(text, item) for text, item in units if _says_enough(text, 1 if item else MIN_PIECE_WORDS)]
        if not units:
            continue
        start = len(found.atoms)
        joins = []
        for text, item in units:
            sentences = _sentences(text) or [text]
            first = len(found.atoms)
            found.atoms += sentences
            if item == ITEM:
                found.items |= set(range(first, len(found.atoms)))
            if item == WHEN or item != ITEM and _only_when(text):
                found.when |= set(range(first, len(found.atoms)))
            joins.append(tuple(range(first, len(found.atoms))))
            if len(sentences) > 1:
                joins += [(first + k,) for k, s in enumerate(sentences) if _says_enough(s, MIN_PIECE_WORDS)]
        for piece in [tuple(range(start, len(found.atoms))), *joins]:
            if piece not in found.pieces:
                found.pieces.append(piece)
    return found


def _says_enough(piece: str, words: int) -> bool:
    return len(piece) >= MIN_SEGMENT_CHARS and len(_WORD.findall(piece)) >= words


def field_segments(fields: Mapping[str, str]) -> list[str]:
    """The pieces of a form's fields (see ``field_pieces``)."""
    return field_pieces(fields).texts()


def field_pieces(fields: Mapping[str, str]) -> Pieces:
    """A ticked box is its label; a filled-in field is "label: value" (a value of several boxes: what the ticked ones
    name); an unticked box is nothing."""
    out: list[tuple[str, bool]] = []
    for label, value in fields.items():
        state = _box(value)
        if state is True:
            out.append((str(label), True))
        elif state is None:
            # a value of several boxes ("[ ] Byggetilladelse\n[X] Nedrivning"): what the ticked ones name
            shown = ticked_rows(str(value)) if _LEADING_BOX.search(str(value)) else str(value)
            if shown.strip():
                out.append((without_mentions(f"{label}: {shown}"), False))
    kept = [(text, box) for text, box in out if len(text) >= MIN_SEGMENT_CHARS]
    return Pieces([text for text, _ in kept], [(i,) for i in range(len(kept))],
                  {i for i, (_, box) in enumerate(kept) if box})


def _box(value: str) -> bool | None:
    """True for a ticked box, False for an unticked one, None for a value that is not a box."""
    folded = " ".join(str(value or "").lower().split())
    if folded in CHECKED:
        return True
    if folded in UNCHECKED:
        return False
    return None


def ticked_rows(text: str) -> str:
    """The text with a form's boxes read: a ticked table row ("Skilte | X") becomes a list item with its label, an
    unticked one ("Skilte | ☐", "Skilte |") is left out; a line that starts with a box ("[X] Udeservering [ ] Skilte
    [X] Erhvervsaffald", "[ ] | Skilte | Skiltet ændres ikke") keeps what each ticked box names, one list item each,
    and loses what an unticked one names; other lines stay."""

    def row(line: str) -> str | None:
        stripped = line.strip()
        if _LEADING_BOX.match(stripped):
            return _boxed(stripped)
        found = _TABLE_ROW.match(stripped)
        state = _box(found.group("value")) if found else None
        if found is None or state is None:
            return _label_then_boxes(stripped) or line
        return f"- {found.group('label').strip()}" if state else None

    return "\n".join(line for line in map(row, text.split("\n")) if line is not None)


_BOX_MARK = r"(?:\[[ \t]?[xX✓✔✗✘]?[ \t]?\]|[☐☒☑□])"
_LEADING_BOX = re.compile(_BOX_MARK)
_BOX_SPLIT = re.compile(f"({_BOX_MARK})")


def _label_then_boxes(line: str) -> str | None:
    """A form's question and its boxes on one line ("Ansøgningen vedrører [ ] Byggetilladelse", "Type: ☒ Nedrivning
    ☐ Skilte"): the question, then what its ticked boxes name (None for a line that is no such line)."""
    first = _LEADING_BOX.search(line)
    if first is None or first.start() == 0 or len(line[:first.start()].split()) > 5:
        return None
    head = line[:first.start()].strip()
    return "\n".join(part for part in (head, _boxed(line[first.start():])) if part)


def _boxed(line: str) -> str | None:
    """A line of boxes, each followed by what it names: the ticked ones as list items (None when none is ticked)."""
    pieces = _BOX_SPLIT.split(line)[1:]
    kept = []
    for mark, named in zip(pieces[::2], pieces[1::2], strict=False):
        words = " ".join(cell.strip() for cell in named.split("|") if cell.strip())
        if words and _box(mark.replace(" ", "").replace("\t", "")) is True:
            kept.append(f"- {words}")
    return "\n".join(kept) if kept else None


ITEM, SECTION, DETAIL = "item", "section", "detail"     # (a DETAIL is read as an item but asks for nothing by itself)
WHEN = "when"       # a DETAIL that only says when
# the words of when: days, months, hours, periods ("fredag lordag sondag kl 11-21", "period: 18-29 January 2027,
# weekdays 07:00-16:00"); an item of nothing else says when, not what
_WHEN_WORDS = re.compile(
    r"(?i)(?:man|tirs|ons|tors|fre|lør|lor|søn|son)dag(?:e|en)?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
    # the days shortened ("søn-tors kl. 12-23, fre-lør kl. 12-24", "Mon-Fri"), and hours out of doors or open
    r"|man|tirs|tir|ons|tors|tor|fre|lør|lor|søn|son|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|ude|udendørs|outdoors|outside|åbent|open|lukket|closed"
    r"|hverdage?|weekdays?|weekends?|weekender|dagligt?|daily|hver|every|each|alle|all|kl|fra|til|from|to|until|og|and"
    r"|januar|february|februar|march|marts|april|maj|may|juni|june|juli|july|august|september|oktober|october"
    r"|november|december|january|uge|ugen|week|weeks|periode|perioden|period|dato|datoer|date|dates|dag|dage|day|days"
    r"|tidspunkt|tidsrum|time|times|hours|timer|arbejdstid|working|åbningstid|opening|morgen|aften|nat|nætter"
    r"|morning|evening|night|nights|påske|paaske|pinse|jul|julen|nytår|easter|christmas|sommer|sommeren|summer|vinter"
    r"|winter|forår|spring|efterår|autumn|ferie|ferien|med|om|on|in|i|the|den|d")


def _only_when(text: str) -> bool:
    """Whether an item's words all say when ("fredag lørdag søndag kl 11-21")."""
    words = _WORD.findall(text)
    return bool(words) and all(_WHEN_WORDS.fullmatch(w) for w in words)


# words that deny what the list after them names: "Og så det vi IKKE skal bruge ...:", "What we do not need:"
_DENIED = re.compile(r"(?i)\b(?:ikke|not|ingen|don['’]t|doesn['’]t|won['’]t|no)\b")


def _units(block: str) -> list[tuple[str, str]]:
    """List items and lines of a block, each with what it is (``ITEM``, ``SECTION``: a heading joined to the line
    after it, or "" for a line of running text)."""
    units: list[tuple[str, str]] = []
    heading = ""
    item_indent: int | None = None      # the indent of the list's items: one indented deeper is a detail of its item
    not_asked = False                   # the list follows words that deny: "det vi IKKE skal bruge:", "not needed:"
    for raw in block.split("\n"):
        line = raw.strip()
        if not line or _GREETING.match(line):
            continue
        if _SIGN_OFF.match(line):
            break   # the sign-off and the signature below it
        is_item = bool(_ITEM.match(line))
        text = _ITEM.sub("", line).strip() if is_item else line
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        if is_item and (not_asked or item_indent is not None and indent > item_indent):
            # "2) Støjende arbejde om natten\n   - Arbejdstid: kl. 22-05": a sub-item tells about its item; "Det vi IKKE
            # skal bruge:\n - Skilte: ingen skilte": an item under words that deny; neither asks by itself
            units.append((text, DETAIL))
            continue
        if is_item and _only_when(text):
            units.append((text, WHEN))      # "- fredag lørdag søndag kl 11-21": an item that only says when
            continue
        if is_item:
            item_indent = indent
        if heading:
            units.append((f"{heading} {text}", ITEM if is_item else SECTION))
            heading = ""
        elif _is_heading(text, is_item):
            heading = text
        elif is_item or not units or _ends_sentence(units[-1][0]) or _TABLE_ROW.match(text):
            units.append((text, ITEM if is_item else ""))
        else:
            units[-1] = (f"{units[-1][0]} {text}", units[-1][1])   # a sentence wrapped over two lines
        if not is_item and units and units[-1][1] in ("", SECTION):   # (not the wrapped line of an item)
            not_asked = units[-1][0].rstrip().endswith(":") and bool(_DENIED.search(units[-1][0]))
    if heading and len(heading.split()) >= MIN_LINE_WORDS:
        units.append((heading, ""))
    return units


def _is_heading(line: str, is_item: bool) -> bool:
    """A short capitalised line without a full stop ("Skiltning", "Om os") introduces the line after it."""
    return (not is_item and 0 < len(line.split()) <= MAX_HEADING_WORDS and line[:1].isupper()
            and not _ends_sentence(line))


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":", ";")) or bool(_TABLE_ROW.match(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` lies (start, end), line by line; a full stop after an abbreviation ("kl.",
    "ca.", "fx.") ends none."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _SENTENCE_END.finditer(line.group()):
            if not _ABBREVIATION.search(text[start:line.start() + end.start()]):
                spans.append((start, line.start() + end.start()))
                start = line.start() + end.end()
        spans.append((start, line.end()))
    return [(s, e) for s, e in spans if e - s >= MIN_SEGMENT_CHARS]


def _sentences(text: str) -> list[str]:
    """The sentences of a text; a full stop after an abbreviation ("kl.", "ca.", "fx.") ends none."""
    out: list[str] = []
    for part in _SENTENCE_END.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [s for s in out if len(s) >= MIN_SEGMENT_CHARS]


