"""The one text the model sees, and its normalisation for Danish and English.

``compose`` builds the text from a mail (the pipeline and the training data both
use it); ``normalise`` is applied by the model before vectorising, so a stored
model never contains Python code of ours. Change ``FEATURE_VERSION`` whenever
what the model reads changes (``normalise``, or the pieces and the whole text in
``classifier.model``): a model made with a version this code no longer reads
(``READABLE_FEATURE_VERSIONS``) is refused.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

# History: 1 - lower-case, æøå/ae/oe/aa folded to a/o/a, accents stripped,
#              e-mail addresses, URLs, CVR/phone and other digit runs masked.
#          2 - the whole text is read without unticked form rows and mentions in passing,
#              and its pieces are scored too (classifier.segments, classifier.mentions).
#              A version-1 model still reads the whole text as version 1 did.
FEATURE_VERSION = 2
READABLE_FEATURE_VERSIONS = (1, 2)

MAX_PART_CHARS = 4000   # body and each attachment are cut to this many characters
MAX_TEXT_CHARS = 12000  # the composed text is cut to this many characters

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_CVR = re.compile(r"\b(?:cvr|se|vat|dk)[\s.:-]*(?:nr|no|nummer|number)?[\s.:-]*(?:\d[\s-]?){7}\d\b", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+|00)45[\s-]?(?:\d[\s-]?){7}\d\b|\b\d{2}[\s-]\d{2}[\s-]\d{2}[\s-]\d{2}\b")
_DIGITS = re.compile(r"\d+")
_FOLD = str.maketrans({"æ": "a", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_DIGRAPHS = re.compile(r"ae|oe|aa")
_DIGRAPH_TO = {"ae": "a", "oe": "o", "aa": "a"}
_SPACE = re.compile(r"\s+")


@cache
def _combining_table() -> dict[int, None]:
    """``str.translate`` table deleting the combining marks of the common plane (built on first use: 18 ms)."""
    return {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}


def compose(subject: str, body: str, attachments: Sequence[str] = ()) -> str:
    """The text the model sees: subject, what the sender wrote, then attachment texts."""
    parts = [subject.strip(), body.strip()[:MAX_PART_CHARS]]
    parts += [text.strip()[:MAX_PART_CHARS] for text in attachments if text and text.strip()]
    return "\n\n".join(p for p in parts if p)[:MAX_TEXT_CHARS]


def _mask_number(match: re.Match[str]) -> str:
    return f" num{min(len(match.group()), 8)} "


def fold_danish(text: str) -> str:
    """Fold æ/ø/å, their ae/oe/aa spellings and accents to one ASCII form (lower-case input)."""
    return _DIGRAPHS.sub(lambda m: _DIGRAPH_TO[m.group()], _without_accents(text.translate(_FOLD)))


def _without_accents(text: str) -> str:
    """The text decomposed (NFKD) without its combining marks; a table for the common plane keeps it fast."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text).translate(_combining_table())
    if decomposed.isascii() or max(decomposed) < "\U00010000":
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Lower-case, mask identifiers and numbers, drop URLs, fold Danish spellings, squeeze spaces."""
    text = unicodedata.normalize("NFKC", text[:MAX_TEXT_CHARS]).lower()
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" zzemail ", text)
    text = _CVR.sub(" zzcvr ", text)
    text = _PHONE.sub(" zzphone ", text)
    text = _DIGITS.sub(_mask_number, text)
    return _SPACE.sub(" ", fold_danish(text)).strip()
