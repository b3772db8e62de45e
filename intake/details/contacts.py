"""A learned second opinion on who the contact person is, among the people a mail names.

The rules (``names``, ``text``, ``extract``) pick the contact from cues: "kontaktperson er ...", "ring til ...", the
one who signs, a forwarder who says he is the one to ask. Where several people are named (an assistant writing
for the owner, a site manager, a chairman and a treasurer) they often pick the writer when the mail names another.
This model scores each person's name in the mail's own text (a run of two to four capitalised words that reads as a
person's name) from the words around it, where it stands (alone on a line, in the signature, how often), whether a
phone number or e-mail address follows it, and whether it is the sender's display name or in the sender's address.
It is trained on the development set's labels (the name equal to the application's true ``contact_name``) and does
not see the rules' choice, so that it is a second opinion and not an echo of them.

It overrules the rules only where their choice is no name the text writes out (the sender's display name,
"undertegnede", a word read as a name, or none; a first name signed alone is only completed, never replaced by
another person) and the model gives another name at least ``CONTACT_SURE``; a contact read from a form or an
attachment is never overruled. Overruling a written-out name where the model merely doubted it was tried and lost
as often as it won on new text (``docs/measurements.md``, session 27).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import islice

from intake.details.learned import Model, shipped
from intake.details.names import HONORIFICS, TITLE_WORDS, looks_like_person, names_a_business

MODEL = "contacts"
LABELS = ("other", "contact")
CONTACT_SURE = 0.9
MAX_CANDIDATES = 40             # a letter names a handful of people; a hostile text may name thousands
MAX_TRIES = 3_000               # runs of capitalised words weighed as a name, at most
MAX_TEXT = 100_000              # the characters read, as the other readers of a text

_WORD = re.compile(r"[\wæøåÆØÅé'’]+|[^\w\s]")
_TOKEN = re.compile(r"[^\W\d_][\w'’\-.]{0,40}")
_LINE = re.compile(r"[^\n]{1,2000}")
_TITLES = frozenset(HONORIFICS)         # "Mr Paolo Conti" is Paolo Conti
_PARTICLES = frozenset("van von de der den del della la le bin al el da di dos du ter af ibn".split())
_FIRST_NAME = re.compile(r"[^\W\d_a-zæøå][^\W\d_]{1,30}(?:-[^\W\d_]{2,30})?")
_PHONE = re.compile(r"\d{2}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}")


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.casefold()) if not unicodedata.combining(c))


def same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def candidates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each run of two to four capitalised words on a line that reads as a person's name."""
    return list(islice(_candidates(text), MAX_CANDIDATES))


def _candidates(text: str) -> Iterable[tuple[int, int, str]]:
    tries = 0
    for line_m in _LINE.finditer(text, 0, MAX_TEXT):
        line, base = line_m.group(), line_m.start()
        toks = list(islice(_TOKEN.finditer(line), 200))
        i = 0
        while i < len(toks):
            if not toks[i].group()[0].isupper() or toks[i].group().rstrip(".").casefold() in _TITLES:
                i += 1
                continue
            j = i
            while (j + 1 < len(toks) and j - i < 4 and line[toks[j].end():toks[j + 1].start()] in (" ", "\t")
                   and (toks[j + 1].group()[0].isupper() or toks[j + 1].group() in _PARTICLES)
                   and toks[j + 1].group().rstrip(".").casefold() not in _TITLES):
                j += 1
            while j > i and toks[j].group() in _PARTICLES:
                j -= 1
            for end in range(j, i, -1):
                tries += 1
                if tries > MAX_TRIES:
                    return
                name = line[toks[i].start():toks[end].end()].rstrip(".")
                if looks_like_person(name) and not names_a_business(name):
                    yield base + toks[i].start(), base + toks[end].end(), name
                    i = end
                    break
            i += 1


def features(text: str, cands: Sequence[tuple[int, int, str]], k: int, sender_name: str, sender: str,
             signature: int) -> dict[str, float]:
    """What the model sees of the ``k``-th name: the words around it, where it stands, what follows it."""
    start, end, name = cands[k]
    f: dict[str, float] = {}
    before = [t.casefold() for t in _WORD.findall(text[max(0, start - 100):start])][-10:]
    for n, t in enumerate(reversed(before)):
        f["b:" + t] = 1.0
        if n < 3:
            f[f"b{n}:" + t] = 1.0
    after = [t.casefold() for t in _WORD.findall(text[end:end + 70])][:8]
    for n, t in enumerate(after):
        f["a:" + t] = 1.0
        if n < 2:
            f[f"a{n}:" + t] = 1.0
    same = [c for c in cands if same_name(c[2], name)]
    f[f"count:{min(len(same), 3)}"] = 1.0
    f["first_of_name"] = float(same[0][0] == start)
    f["in_sig"] = float(start >= signature)
    f["first_after_sig"] = float(start >= signature and all(c[0] < signature or c[0] >= start for c in cands))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    f["line_alone"] = float(not text[line_start:start].strip() and not text[end:line_end].strip(" ,.\t"))
    f["line_start"] = float(not text[line_start:start].strip())
    words = [_fold(t) for t in name.split() if len(t) > 1]
    f["sender_name"] = float(bool(sender_name) and same_name(sender_name, name))
    f["sender_name_part"] = float(bool(sender_name) and any(t in _fold(sender_name).split() for t in words))
    local = _fold(sender.split("@")[0]) if sender else ""
    f["sender_local"] = float(bool(local) and any(len(t) > 2 and t in local for t in words))
    f["phone_after"] = float(bool(_PHONE.search(text, end, end + 90)))
    f["email_after"] = float("@" in text[end:end + 90])
    f[f"n:{min(len({c[2].casefold() for c in cands}), 4)}"] = 1.0
    f["pos"] = start / max(1, len(text))
    f[f"words:{len(name.split())}"] = 1.0
    return f


def opinion(text: str, cands: Sequence[tuple[int, int, str]], sender_name: str, sender: str, signature: int,
            model: Model | None = None) -> list[float]:
    """The model's probability that each name is the contact (none when no model is shipped)."""
    model = model or shipped(MODEL)
    if model is None:
        return []
    return [model.probabilities(features(text, cands, k, sender_name, sender, signature))["contact"]
            for k in range(len(cands))]


def written_out(cands: Sequence[tuple[int, int, str]], current: str | None) -> bool:
    """Whether the rules' contact is one of the names the text writes out (the model never overrules those), also
    after a title that starts its line ("Restaurantchef Jonas Friis overtager driften og er jeres kontakt")."""
    return current is not None and any(same_name(c[2], current) or _titled(c[2], current) for c in cands)


def _titled(candidate: str, name: str) -> bool:
    head, _, tail = candidate.partition(" ")
    return same_name(tail, name) and re.fullmatch(TITLE_WORDS, head, re.IGNORECASE) is not None


def reviewed(cands: Sequence[tuple[int, int, str]], probs: Sequence[float], current: str | None) -> str | None:
    """The rules' contact when it is a name the text writes out; else the name the model is sure of (see the
    module), else the rules' contact."""
    if not probs or written_out(cands, current):
        return current
    fit: Sequence[int] = range(len(cands))
    if current is not None and _FIRST_NAME.fullmatch(current):
        # a first name signed alone is completed, never replaced by another person ("Venlig hilsen Sanne" under
        # "Blomsterhuset Amager v/ Birgitte Dam" stays Sanne)
        fit = [k for k in fit if cands[k][2].split()[0].casefold() == current.casefold()]
    best = max(fit, key=lambda k: probs[k], default=None)
    return cands[best][2] if best is not None and probs[best] >= CONTACT_SURE else current
