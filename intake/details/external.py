"""Matters the municipality does not decide: find them in what the sender wrote.

A business that asks about a food approval, an alcohol licence or VAT together
with (or instead of) a municipal permit is told at once which authority decides
it and where to go (forvaltningsloven § 7(2)). The catalogue's ``[external.*]``
topics carry the trigger phrases; this module only matches them.

The rule, kept deliberately simple and predictable:

- The text is folded like the classifier's (case, æ/ø/å and ae/oe/aa, accents),
  and hyphens count as spaces, so "CVR nummer" matches "CVR-nummer".
- A phrase matches as whole words only ("moms" does not match "momsnr"); a
  hit inside a longer hit of another topic does not count ("business
  registration" inside "food business registration").
- Quoted lines (``>``) never count; the pipeline passes the subject and
  ``text_now``, so signatures and quoted history are already gone.
- A price qualifier before a phrase ("ekskl. moms", "incl. VAT", "+ moms") and
  an identifier right after it ("Moms: 12345678", "VAT no. DK12345678") mark
  a figure or a label, not a question about the topic; such a hit is ignored.
- So does a statement of possession within the three words before it ("vi har
  fødevaregodkendelse", "we already have an alcohol licence", "attached the
  food safety registration", "vi har ikke nogen alkoholbevilling", "a copy of
  our alcohol licence"), unless the five words before it state a need or ask
  ("vi har brug for", "we have to get", "vi har spørgsmål om", "skal vi have").

Measured on the seed corpus and ``bench/data/independent.jsonl`` (1,432 mails
of municipal applications and general questions): four hits, all genuine
questions about an alcohol licence.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from classifier.features import fold_danish
from routing.catalogue import Catalogue, ExternalTopic

MAX_TEXT_CHARS = 20_000
LOOK_BEHIND = 24  # characters before a hit searched for a price qualifier
PRICE_QUALIFIERS = frozenset({
    "inkl", "incl", "ekskl", "eksl", "excl", "ex", "eks", "plus", "+", "inklusive", "eksklusive",
    "inclusive", "exclusive", "including", "excluding",
})
_IDENTIFIER_AFTER = re.compile(r"[ \t.:/#-]*(?:nr|no|nummer|number)?[ \t.:#-]*(?:dk)?[ \t-]*\d")
POSSESSION = frozenset({
    "har", "have", "has", "had", "haft", "allerede", "already", "attached", "vedhaftet", "vedlagt",
    "enclosed", "fremsendt", "vores", "our",
})
ASKING = frozenset({  # folded; a need or a question in the words before the phrase
    "brug", "need", "needs", "to", "mangler", "missing", "skal", "must", "om", "about", "regarding",
    "angaende", "vedrorende", "sporgsmal", "question", "questions", "hvordan", "how", "hvor", "where",
    "soge", "soger", "apply", "hjalp", "help",
})
POSSESSION_WORDS = 3  # "vi har en gyldig alkoholbevilling"
ASKING_WORDS = 5      # "skal vi have en fødevaregodkendelse"
_PREVIOUS_WORD = re.compile(r"(\S+)[ \t]*$")
_CLAUSE_END = re.compile(r"[!?;,]|\.(?=\s)")
_QUOTED = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—]+")


def fold(text: str) -> str:
    """Lower-case, fold Danish spellings and accents, turn hyphens and runs of space into one space."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _SEPARATORS.sub(" ", fold_danish(text))


def find_external_topics(text: str, catalogue: Catalogue) -> list[ExternalTopic]:
    """The catalogue's external topics whose phrases occur in ``text``, in catalogue order."""
    own = fold(_QUOTED.sub("", text[:MAX_TEXT_CHARS]))
    hits = [(m.start(), m.end(), topic.id) for topic in catalogue.external.values()
            for m in _pattern(topic.phrases).finditer(own) if _counts(own, m)]
    found = {xid for start, end, xid in _outermost(hits)}
    return [topic for topic in catalogue.external.values() if topic.id in found]


def _outermost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hits not within a longer hit of another topic ("business registration" in "food business registration")."""
    by_start: dict[int, list[tuple[int, str]]] = {}
    for start, end, xid in hits:
        by_start.setdefault(start, []).append((end, xid))
    longest = max((end - start for start, end, _ in hits), default=0)
    def inside(start: int, end: int, xid: str) -> bool:
        return any(s <= start and end <= e and e - s > end - start and x != xid
                   for s in range(start - longest, start + 1) for e, x in by_start.get(s, ()))
    return [h for h in hits if not inside(*h)]


@lru_cache(maxsize=256)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the folded phrases, longest first, bounded by non-word characters."""
    folded = sorted({fold(p).strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?!x)x")  # matches nothing
    words = (r" ".join(re.escape(w) for w in f.split(" ")) for f in folded)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")


def _counts(text: str, match: re.Match[str]) -> bool:
    """A hit counts unless it qualifies a price, labels an identifier or states possession."""
    before = _PREVIOUS_WORD.search(text[max(0, match.start() - LOOK_BEHIND):match.start()])
    word = before.group(1).rstrip(".:,") if before else ""
    if word in PRICE_QUALIFIERS or word.endswith("+") or _possessed(text, match.start()):
        return False
    return _IDENTIFIER_AFTER.match(text, match.end()) is None


def _possessed(text: str, start: int) -> bool:
    """The clause says the sender has (or has not) the thing, and asks nothing about it."""
    window = text[max(0, start - LOOK_BEHIND * 2):start]
    words = [w.strip(".:\"'()") for w in _CLAUSE_END.split(window)[-1].split()]
    has = set(words[-POSSESSION_WORDS:]) & POSSESSION
    return bool(has) and not set(words[-ASKING_WORDS:]) & ASKING
