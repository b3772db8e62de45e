"""Is the application complete? Each part's checklist (``[[tasks.<id>.checklist]]`` in the catalogue) against
what the business sent.

Pure: the task type, the extracted details (with where they were found), the
attachments (file name and text) and the texts of the mail in; a
``Checklist`` out, each item it has with the place it was found, and the
items still missing. An item is there when one of its ``details`` was
extracted, an attachment's file name or text holds one of its
``attachments`` words, the mail has an attachment and its text names one of
those words as sent with it ("vi vedlægger en skitse", "see the attached
drawing"), or a text matches one of its ``patterns``.

A word or pattern found in running text does not count where the writer says
it is not there: a negation before it in the same clause ("vi har ikke en
afmærkningsplan", "no site plan yet"), a promise after it ("tegningen
eftersendes", "the drawing will follow"), or a form's answer "Nej" or empty cell
after it ("Afmærkningsplan vedlagt | Nej"); a document (an item with
``attachments`` words) named in a question ("Do we need a traffic plan?") is
not had either. File names are taken as they are.

An item that the activity's site satisfies is also satisfied by the business's
``address``: a site at the business's own premises (serving in front of its
café) is reported as the address alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from intake.details.extract import Field
from routing.catalogue import Catalogue, ChecklistItem, TaskType

TEXT_LIMIT = 100_000  # characters of one text read (a hostile attachment may hold millions)


@dataclass(frozen=True)
class Evidence:
    """What the business sent, as the checklist reads it."""

    details: Mapping[str, Field] = field(default_factory=dict)
    attachments: Sequence[tuple[str, str]] = ()  # (filename, text)
    texts: Sequence[tuple[str, str]] = ()  # (source, text): "subject", "body", form "label: value" lines...

    def __post_init__(self) -> None:
        """Each text is read up to ``TEXT_LIMIT`` characters: cut once here, not for every word and pattern."""
        object.__setattr__(self, "attachments", tuple((f, t[:TEXT_LIMIT]) for f, t in self.attachments))
        object.__setattr__(self, "texts", tuple((s, t[:TEXT_LIMIT]) for s, t in self.texts))


@dataclass(frozen=True)
class Checklist:
    """One part's checklist: the items we have (item id -> where found) and the items missing, catalogue order."""

    task_type: str
    have: Mapping[str, str]
    missing: tuple[str, ...]
    required_missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Nothing required is missing."""
        return not self.required_missing

    def as_dict(self) -> dict[str, object]:
        return {"have": dict(self.have), "missing": list(self.missing), "required_missing": list(self.required_missing)}


def check(task: TaskType, evidence: Evidence) -> Checklist:
    """Compare ``evidence`` with the checklist of ``task``."""
    have: dict[str, str] = {}
    for item in task.checklist:
        where = found_where(item, evidence)
        if where:
            have[item.id] = where
    missing = tuple(i.id for i in task.checklist if i.id not in have)
    required = tuple(i.id for i in task.checklist if i.required and i.id not in have)
    return Checklist(task.id, have, missing, required)


def check_parts(task_types: Iterable[str], catalogue: Catalogue, evidence: Evidence) -> dict[str, Checklist]:
    """The checklist of each task type (catalogue order of items), in the order given."""
    return {t: check(catalogue.task(t), evidence) for t in dict.fromkeys(task_types) if t in catalogue.tasks}


def found_where(item: ChecklistItem, evidence: Evidence) -> str:
    """Where ``item`` is found in ``evidence`` ('' when it is not)."""
    keys = item.details + (("address",) if "activity_location" in item.details else ())
    for key in dict.fromkeys(keys):
        detail = evidence.details.get(key)
        if detail is not None and detail.value not in ("", None, False):
            return detail.source
    for filename, text in evidence.attachments:
        name = filename.replace("_", " ")
        if any(_word(w).search(name) or _stated(_word(w), text) for w in item.attachments):
            return filename
    if evidence.attachments and item.attachments:
        for source, text in evidence.texts:
            if source in ("subject", "body") and _sent_with(item.attachments, text):
                return evidence.attachments[0][0]
    document = bool(item.attachments)  # a plan, a survey, a drawing: asking about one is not having it
    for source, text in evidence.texts:
        if any(_stated(_pattern(p), text, document) for p in item.patterns):
            return source
    return ""


_MATCHES = 20  # matches of one word or pattern weighed in one text before it is taken as not stated
_CLAUSE_END = re.compile(r"[.!?;]\s|\n|\b(?:men|but|kun|only)\b")  # before a word: where its clause starts
_AFTER_END = re.compile(r"[.!?;,]\s|\n|\b(?:men|but|og|and)\b")  # after a word: where its clause ends
_NEGATION = re.compile(
    r"\b(?:ikke|ingen|intet|mangler|uden(?!\s+for)|no|not|without|missing|don't|do not|haven't|hasn't|have not|"
    r"has not|yet to)\b"
    r"(?!\.|\s+(?:mere|flere|over|under|mindre|længere|senere|før|efter|kun|bare|more|less|fewer|than|later|before|"
    r"after|only|just)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_SENTENCE_STOP = re.compile(r"[!?\n]|\.(?!\d)(?=\s|$)")  # not the dot of "ca." or "1.5" inside a sentence
_LATER = re.compile(
    # right after it, or after a verb ("er ikke", "will follow", "følger")
    r"^\W{0,3}(?:(?:vil|will|blive|bliver|be|er|is|are|skal|kan|can|først|first|os|us|jer|you|til|to)\W+){0,3}"
    r"(?:eftersend\w*|sendes|fremsendes|følger|kommer senere|senere|mangler|follows?|later|not yet|endnu ikke|"
    r"missing|ikke|not|isn't|aren't|hasn't|haven't)\b"
    # or a few words on, when the words say it comes later ("skitse af arealet eftersendes")
    r"|^\W{0,3}(?:\w+\W+){0,3}?(?:eftersend\w*|sendes senere|sendes efterfølgende|kommer senere|følger senere|"
    r"will follow|to follow|will be sent later|not yet|endnu ikke|udarbejdes|under udarbejdelse|bestilles|er bestilt|"
    r"bliver lavet|will be (?:prepared|made|drawn up|ordered)|is being (?:prepared|made)|has been ordered)\b",
    re.IGNORECASE)
_REST_OF_WORD = re.compile(r"^\w+")
_NO_VALUE = (r"(?:nej|no|none|n/?a|ikke\b[^\n]{0,40}|not\b[^\n]{0,40}|mangler|missing|endnu ikke|not yet|-|–)")
# the rest of a form's label, its separator (a table cell, "|" or ":") and a value that says no
_FORM_NO = re.compile(rf"^[^\n\t|:]{{0,40}}?(?:\t|[ ]?\||:)[ \t]*{_NO_VALUE}[ \t.]*$", re.IGNORECASE)
# or a table cell left empty (not ":" at a line's end: running text may go on below it)
_FORM_EMPTY = re.compile(r"^[^\n\t|:]{0,40}?(?:\t|[ ]?\|)[ \t]*$")
_SENT = re.compile(r"\b(?:vedlagt\w*|vedlæg\w*|vedhæft\w*|bilag\w*|medsendt\w*|attach\w*|enclos\w*)\b", re.IGNORECASE)


def _stated(pattern: re.Pattern[str], text: str, document: bool = False) -> bool:
    """``pattern`` occurs in ``text`` at least once where the writer does not say it is absent or to come later
    (nor, for a ``document``, asks about it)."""
    for n, m in enumerate(pattern.finditer(text)):
        if n >= _MATCHES:
            return False
        if not _denied(text, m.start(), m.end()) and not (document and _asked(text, m.end())):
            return True
    return False


def _clause_before(text: str, start: int, width: int) -> str:
    """The part of the clause before ``start``, looking back ``width`` characters at most."""
    before = text[max(0, start - width):start]
    return before[max((m.end() for m in _CLAUSE_END.finditer(before)), default=0):]


def _asked(text: str, end: int) -> bool:
    """The sentence that goes on at ``end`` is a question ("Do we need a traffic plan?")."""
    stop = _SENTENCE_STOP.search(text, end, end + 200)
    return stop is not None and stop.group() == "?"


def _denied(text: str, start: int, end: int) -> bool:
    """The clause around ``text[start:end]`` negates it before, or defers it after ("... eftersendes")."""
    if _NEGATION.search(_clause_before(text, start, 80)):
        return True
    line = text[end:end + 80].split("\n", 1)[0]
    if _FORM_NO.match(line) or _FORM_EMPTY.match(line):  # a form's "Afmærkningsplan vedlagt | Nej", "Tegning\t"
        return True
    after = _REST_OF_WORD.sub("", text[end:end + 60], count=1)  # "Jordprøve|rne er ikke taget"
    stop = _AFTER_END.search(after)
    return bool(_LATER.search(after[:stop.start()] if stop else after))


def _sent_with(words: Sequence[str], text: str) -> bool:
    """The text says one of ``words`` is sent with the mail: "vi vedlægger en skitse", "drawing attached"."""
    for word in words:
        for n, m in enumerate(_whole_word(word).finditer(text)):
            if n >= _MATCHES:
                break
            start, end = m.start(), m.end()
            before = _clause_before(text, start, 60)
            after = text[end:end + 60]
            stop = _SENTENCE_END.search(after)  # "a map of the stage, seating and exits is attached"
            after = after[:stop.start()] if stop else after
            if (_SENT.search(before) or _SENT.search(after)) and not _denied(text, start, end) \
                    and not _asked(text, end):
                return True
    return False


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _word(word: str) -> re.Pattern[str]:
    """A word at the start of a word ("skitse" in "Skitse_areal.pdf" and "skitsen", not in "tegningskitse")."""
    return re.compile(r"(?<![^\W\d_])" + re.escape(word), re.IGNORECASE)


@cache
def _whole_word(word: str) -> re.Pattern[str]:
    """The word with an ending at most ("skitsen", "drawings"), not the start of another ("planlægger")."""
    return re.compile(r"(?<![^\W\d_])" + re.escape(word) + r"(?:e|en|et|er|erne|ne|n|s|es)?(?![^\W\d_])",
                      re.IGNORECASE)


def merge(earlier: Checklist, answer: Checklist) -> Checklist:
    """An answer to a request: the items it supplies move from missing to have (with the answer's source)."""
    have = dict(earlier.have)
    for item_id, where in answer.have.items():
        have.setdefault(item_id, where)
    missing = tuple(i for i in earlier.missing if i not in have)
    required = tuple(i for i in earlier.required_missing if i not in have)
    return Checklist(earlier.task_type, have, missing, required)


def from_dict(task_type: str, raw: Mapping[str, object]) -> Checklist:
    """From the stored form (``as_dict``)."""
    have = raw.get("have", {})
    missing = raw.get("missing", [])
    required = raw.get("required_missing", [])
    return Checklist(task_type, {str(k): str(v) for k, v in have.items()} if isinstance(have, Mapping) else {},
                     tuple(str(m) for m in missing) if isinstance(missing, list) else (),
                     tuple(str(m) for m in required) if isinstance(required, list) else ())
