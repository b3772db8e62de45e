"""Which part a sentence is about, so that each part's checklist reads its own numbers.

"Udeservering 1,5 m ud fra facaden og 4 m langs. Vi vil også have et skilt over
døren." gives the serving area, not the sign's size: read as one text, the
sign's checklist would take "1,5 m ... 4 m" as its size, and the
acknowledgement would call the application complete where it is not.

In an application of several parts, each sentence of what the business sent is
scored by the classifier against the parts' task types (a ``SentenceScorer``:
``classifier.model.TaskModel.probabilities``). A sentence belongs to one part
when that part's probability is at least ``CLEAR``, every other part's at most
``LOW``, and the sentence says what it is about (two words beyond dates and
times: "Dato 20.01.2027 kl. 7 - 16" is no part's by itself) in at most
``MAX_WORDS`` words (a longer one runs on over several matters). A sentence
also belongs where the one before it does when it is a short "Samme periode som
nedrivningen." after "Container og skurvogn ud for porten.", when it points
back ("Det bliver 120 x 40 cm", "It will be 3 by 4 metres", "Datoen er ikke fastlagt endnu"), when it stands
under that part's heading ("Støj:", to the paragraph's end), or when it goes on
about the same part less surely (``FOLLOW``). Any other sentence (a greeting,
the address, "Vi søger om udeservering på 12 m² og et skilt på 1 x 0,5 m")
belongs to every part.

A part's own evidence (``by_part``; ``own_parts`` where there may be one part or no model) is the evidence with the
sentences that belong to another part blanked out (spaces, so places keep their offsets) and
kept aside in ``Evidence.others``: a value written only there is not given for
this part. The checklist reads its place items (an address, a site, the CVR or
P-number) and the firm doing the work from the whole evidence: they are the
business's, whatever sentence names them (``intake.details.checklist.check``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from classifier.prediction import SentenceScorer
from classifier.segments import sentence_spans
from intake.details.checklist import Evidence

CLEAR = 0.8    # a part's probability for one sentence: it is about that part
LOW = 0.3      # and every other part's is at most this
FOLLOW = 0.5   # a sentence that goes on about the part of the one before: that part's probability at least this
MARGIN = 0.3   # a heading ("Vejareal:") names the part it is this much more about than any other
MAX_WORDS = 45  # a longer sentence runs on over several matters: every part's
MAX_SENTENCES = 400  # sentences scored for one application (a long attachment's later ones belong to every part)

# a sentence that opens by pointing back at the one before: it is about the same thing
# (or at its time: "Datoen er ikke fastlagt endnu", "The dates will follow")
_POINTS_BACK = re.compile(r"^\W*(?:det|den|de|dette|it|they|this|that|datoen|datoerne|tidspunktet|perioden"
                          r"|the\s+dates?|the\s+period)\s+(?:\w+\s+)?"
                          r"(?:bliver|blir|er|var|vil|skal|kommer|følger|får|har|måler|fylder|står|ligger|"
                          r"is|are|was|will|would|measures?|has|have|takes?|covers?|stands?|gets?)\b", re.IGNORECASE)


def owners(text: str, spans: Sequence[tuple[int, int]], tasks: Sequence[str],
           probabilities: SentenceScorer) -> list[str | None]:
    """The part each sentence of ``text`` (at ``spans``) belongs to (None: every part's), in order."""
    sentences = [text[start:end] for start, end in spans]
    owned: list[str | None] = []
    heading: str | None = None  # the part a heading ("Støj:", "Road space:") names, to the end of its paragraph
    for n, (sentence, probs) in enumerate(zip(sentences, probabilities(sentences, tasks), strict=True)):
        if n and _PARAGRAPH.search(text, spans[n - 1][1], spans[n][0]):
            heading = None
        best = max(probs, key=lambda t: probs[t])
        second = max((p for t, p in probs.items() if t != best), default=0.0)
        owner: str | None = None
        if owned and _SAME_AS.match(sentence) and len(sentence.split()) <= 8:
            owner = owned[-1]  # "Container og skurvogn ud for porten. Samme periode som nedrivningen."
        elif probs[best] >= CLEAR and second <= LOW and _says_what(sentence) and len(sentence.split()) <= MAX_WORDS:
            owner = best
        elif owned and _POINTS_BACK.match(sentence):
            owner = owned[-1]  # "Det bliver 120 x 40 cm": about what the sentence before was
        elif heading is not None:
            owner = heading
        elif owned and owned[-1] == best and probs[best] >= FOLLOW and second <= FOLLOW:
            owner = best  # "Vi vil gerne søge om udeservering ... Området bliver ca. 4 m x 1,5 m": the same matter
        if sentence.rstrip().endswith(":"):
            heading = owner or (best if probs[best] >= CLEAR and probs[best] - second >= MARGIN else None)
        owned.append(owner)
    return owned


# a short sentence that gives the sentence before it another part's time ("Samme periode som nedrivningen."): it names
# that part, but is about the one before (a longer one, "Samtidig med nedrivningen skal olietanken ...", has its own)
_SAME_AS = re.compile(r"^\W*(?:(?:i|in|for|over)\s+)?(?:(?:den|det|the)\s+)?(?:samme|same)\s+(?:\w+\s+)?(?:periode\w*|"
                      r"tidsrum|dage|dag|uger|tid|period|time|dates?|days?|weeks?|hours)\b|^\W*samtidig\w*\s+med\b|"
                      r"^\W*at the same time as\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]{4,}")
# words that tell when, not what: "Dato: 20.01.2027 kl. 7 - 21.01.2027 kl. 16" is no part's by itself
_WHEN = frozenset("""dato date dates periode perioden period fra from until til through hverdage weekdays weekends
    weekend weekender helligdage helligdag holidays alle every lørdage søndage saturdays sundays
    mandag tirsdag onsdag torsdag fredag lørdag søndag monday tuesday wednesday thursday friday saturday sunday
    januar februar marts april juni juli august september oktober november december january february march june july
    october klokken tidsrum time hours timer dagligt daily uger weeks måneder months""".split())


def _says_what(sentence: str) -> bool:
    """The sentence has words of its own beyond when: enough to tell which part it is about."""
    return sum(w.lower() not in _WHEN for w in _WORD.findall(sentence)) >= 2


def own_parts(evidence: Evidence, tasks: Sequence[str],
              scorer: SentenceScorer | None) -> dict[str, Evidence] | None:
    """Each part's own evidence where the application has several parts and a model scores its sentences; None for
    one part or no model (a test's fake, a desk without one): each part then reads the whole application."""
    return by_part(evidence, tasks, scorer) if scorer is not None and len(set(tasks)) > 1 else None


def by_part(evidence: Evidence, tasks: Sequence[str], probabilities: SentenceScorer) -> dict[str, Evidence]:
    """Each part's own evidence (one per task type; the evidence itself for an application of one part)."""
    tasks = list(dict.fromkeys(tasks))
    if len(tasks) < 2:
        return dict.fromkeys(tasks, evidence)
    units = [(i, start, end) for i, (_, text) in enumerate(evidence.texts)
             for start, end in sentence_spans(text)][:MAX_SENTENCES]
    whose: list[str | None] = []
    for i in range(len(evidence.texts)):  # sentences follow on within their own text only
        mine = [(s, e) for n, s, e in units if n == i]
        whose += owners(evidence.texts[i][1], mine, tasks, probabilities) if mine else []
    parts: dict[str, Evidence] = {}
    for task in tasks:
        texts = [list(text) for _, text in evidence.texts]
        others: list[str] = []
        for (i, start, end), owner in zip(units, whose, strict=True):
            if owner is not None and owner != task:
                others.append(evidence.texts[i][1][start:end])
                texts[i][start:end] = " " * (end - start)
        parts[task] = replace(evidence, texts=[(source, "".join(chars))
                                               for (source, _), chars in zip(evidence.texts, texts, strict=True)],
                              others=tuple(others))
    return parts
