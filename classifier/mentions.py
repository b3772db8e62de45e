"""Mentions in passing: clauses that name a task type without asking for it.

"Vi har allerede en affaldsaftale", "we already have our waste contract",
"skiltet blev godkendt sidste år", "no grease separator is needed": a business
often tells what it has, had or does not need next to what it asks for. Scored
on its own, such a clause looks like a request for that task type, so a piece
of a mail (``classifier.segments``) is scored without them.

The rule is kept simple and predictable. A piece is cut into clauses at
sentence ends, semicolons and the conjunctions that join a second statement
(", men", ", så", ", but", ", so", " - "). A clause is a mention when it says
that something is already there, done, approved, unchanged or not needed
(``DONE``), and does not also ask for something (``ASKING``, after the
negated forms "ikke brug for", "do not need" are taken out of it). A clause
that puts an application off to another time ("søger vi separat senere",
"will apply for it separately") is a mention too, unless the rest of it asks
for something. A parenthesis is a clause of its own. Text is
folded like the model's (case, æ/ø/å and ae/oe/aa), so the phrases are written
folded.
"""
from __future__ import annotations

import re

from classifier.features import fold_danish

DONE = re.compile(r"\b(?:" + "|".join([
    # Danish (folded): there already, done before, approved, unchanged, not needed
    r"allerede", r"i forvejen", r"eksisterende", r"nuvarende", r"sidste ar", r"sidste sason", r"tidligere",
    r"blev godkendt", r"er godkendt", r"var godkendt", r"blev givet",
    r"har faet (?!at vide)(?:\w+ )?(?:tilladelse|godkend)",
    r"har vi (?:faet|styr pa|en aftale|allerede)", r"er pa plads", r"er pa bedste vis", r"er i orden", r"er ordnet",
    r"er fjernet", r"blev fjernet", r"er uandret", r"uandret", r"ikke andret", r"ingen andring", r"bliver hangende",
    r"beholder vi", r"som i dag", r"som hidtil", r"som for", r"bliver pa grunden", r"genbruges",
    r"ikke en del af", r"er ikke med", r"ikke brug for", r"ikke behov for", r"behover ikke", r"skal ikke have",
    r"skal ikke soge", r"soger ikke", r"soger vi ikke", r"kraver ikke", r"ikke nodvendig", r"ikke relevant",
    r"selv (?:fjerne|star for|sorge)",
    r"er ok(?:ay)?", r"er i hus", r"handler (?:det )?ikke om", r"drejer (?:det )?sig ikke om",
    r"ikke (?:\w+ )?pa (?:vejen|gaden|fortovet)", r"pa (?:vores )?egen grund",
    # English: already there, approved, unchanged, not needed, someone else's job
    r"already", r"existing", r"last year", r"last season", r"previously", r"earlier this year",
    r"was approved", r"were approved", r"been approved", r"was granted", r"were granted", r"been granted",
    r"is approved", r"are approved", r"is in place", r"are in place", r"is sorted", r"are sorted", r"sorted out",
    r"taken care of", r"is covered", r"is fine", r"is done", r"no changes?", r"unchanged", r"will stay",
    r"as (?:it is )?today", r"as before", r"stays? on (?:the )?site", r"remains? on (?:the )?site", r"reused",
    r"stays as", r"remains? as", r"was removed", r"been removed", r"not part of", r"is not included",
    r"no need", r"not need", r"don't need", r"doesn't need", r"do not need", r"does not need", r"not required",
    r"isn't required", r"no \w+(?: \w+)? (?:is|are) (?:required|needed)", r"not applying", r"not apply",
    r"(?:we|i) (?:have|hold|had) (?:a|an|the|our) (?:\w+ )?(?:permit|approval|licence|license|contract|agreement)",
    r"(?:our|the) (?:\w+ )?(?:permit|approval) (?:runs|is valid|covers|still)",
    r"(?:vi|jeg) har (?:en |et |vores )?(?:\w+ )?(?:tilladelse|godkendelse|aftale|ordning)",
    r"tilladelsen (?:gaelder|lober|dakker)",
    r"are not applying", r"promised to remove", r"is ok(?:ay)?", r"(?:is|it's) not about",
    r"not (?:\w+ )?on the (?:road|street|pavement|sidewalk)", r"on our own (?:land|plot|site|property|grounds?)",
    r"will remove (?:it|them) (?:himself|herself|themselves)",
]) + r")\b")
ASKING = re.compile(r"\b(?:" + "|".join([
    r"soge", r"soger", r"ansog\w*", r"anmelde\w*", r"onsker", r"onske", r"vil gerne", r"vil bede", r"beder om",
    r"brug for", r"behov for", r"mangler", r"skal have", r"skal bruge", r"hvad skal vi", r"kan vi fa",
    r"apply\w*", r"application", r"would like", r"want\w*", r"needs?", r"request\w*", r"ask\w* for",
    r"notify\w*", r"register\w*", r"permission", r"please",
]) + r")\b")
DEFERRED = re.compile(r"\b(?:(?:soger|ansoger|anmelder|sender) (?:\w+ ){0,4}(?:separat|sarskilt|for sig)|"
                      r"(?:apply|applying|notify|register)\w* (?:\w+ ){0,4}(?:separately|in a separate))\b")
NEGATED_ASKING = re.compile(r"\b(?:ikke (?:brug|behov) for|behover ikke|skal ikke have|soger (?:vi )?ikke|"
                            r"(?:no|not|don't|do not|doesn't|does not) (?:need\w*|apply\w*|applying)|"
                            r"not applying|no need)\b")
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|,\s+(?=(?:men|så|sa|og|but|so|and|hvilket|which)\b)|\s+[-–—]\s+"
                      r"|\s+(?=(?:men|but)\s)|\s*\((?=[^()]*\))|(?<=\))\s*", re.IGNORECASE)
_WRAPPED = re.compile(r"(?<![.!?:;])\n(?=[a-zæøå])")


def is_mention(clause: str) -> bool:
    """True when the clause tells what is already there or not needed, and asks for nothing; or defers an
    application to another time ("søger vi separat senere", "will apply for separately")."""
    folded = fold_danish(clause.lower())
    deferred = DEFERRED.search(folded)
    if deferred:   # the deferring words name applying themselves: ask whether the rest asks for something
        folded = folded[:deferred.start()] + " " + folded[deferred.end():]
    elif not DONE.search(folded):
        return False
    return not ASKING.search(NEGATED_ASKING.sub(" ", folded))


def without_mentions(text: str) -> str:
    """The text without its clauses that are mentions in passing (unchanged when there are none)."""
    clauses = [c for c in _CLAUSES.split(text) if c and c.strip()]
    kept = [c for c in clauses if not is_mention(c)]
    if len(kept) == len(clauses):
        return text.strip()
    return " ".join(c.strip() for c in kept)


def strip_mentions(text: str) -> str:
    """The text, line by line, without the clauses that are mentions in passing.

    A sentence wrapped over lines (as read from a PDF) is joined first.
    """
    text = _WRAPPED.sub(" ", text)
    folded = fold_danish(text.lower())
    if not DONE.search(folded) and not DEFERRED.search(folded):
        return text   # most mail mentions nothing in passing: one search instead of one per clause
    return "\n".join(without_mentions(line) if line.strip() else line for line in text.split("\n"))
