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
(``DONE``: also a permit held, given or attached, "det har vi byggetilladelse
til", "under a building permit issued in May"; what someone else handles,
"tømmes af VVS-firmaet", "collected by a licensed company"; what is not
involved, "der skal ikke graves", "no skip will be placed on the street"), and
does not also ask for something (``ASKING``, after the negated forms "ikke brug
for", "do not need" are taken out of it). A clause that puts an application off
to another time ("søger vi separat senere", "stillads søges separat af
entreprenøren", "will follow separately") is a mention too, unless the rest of
it asks for something; so is a wish put off to an open future ("på sigt", "not
for now") that applies for nothing. "Tidligere", "existing" after an article
name a thing ("den tidligere lagerbygning"), not its state.

A parenthesis is a clause of its own, and goes with the mention around it. A
mention that points back ("..., men det er fra den forrige lejer", "..., så det
er styr på", "(det er i orden)") takes what it points back to in the same
sentence with it, when that asks for nothing, or, when it puts it off ("...,
men det søger entreprenøren om særskilt"), even then. Text is folded like the
model's (case, æ/ø/å and ae/oe/aa), so the phrases are written folded.
"""
from __future__ import annotations

import re

from classifier.features import fold_danish

_PERMIT_DA = r"\w*(?:tilladelse|godkendelse)(?:n|rne|r)?"   # folded, any compound: byggetilladelsen, miljogodkendelse
_NOT_ATTRIBUTIVE = r"(?<!den )(?<!det )(?<!en )(?<!et )(?<!the )(?<!an )"   # "den tidligere lagerbygning": a name
_PERMIT_EN = r"(?:\w+ )?(?:permits?|approvals?|licen[cs]es?)"
DONE = re.compile(r"\b(?:" + "|".join([
    # Danish (folded): there already, done before, approved, unchanged, not needed
    r"allerede", r"i forvejen", rf"{_NOT_ATTRIBUTIVE}(?:eksisterende|nuvarende|tidligere)", r"forrige",
    r"sidste ar", r"sidste sason", r"sidste (?:sommer|vinter|forar|efterar|maned)",
    r"for (?:\w+ )?(?:ar|maneder|uger) siden", r"(?<!fra )i dag", r"som (?:\w+ )?plejer",
    r"blev godkendt", r"er godkendt", r"var godkendt", r"blev givet", r"er (?:sat op|opsat)",
    r"har faet (?!at vide)(?:\w+ )?(?:tilladelse|godkend)", r"(?:fik|faet) lov",
    r"har vi (?:faet|styr pa|en aftale|allerede)", r"er pa plads", r"er pa bedste vis", r"er i orden", r"er ordnet",
    r"(?:er|har vi) styr pa", r"er lukket", r"overstaet",
    r"er fjernet", r"blev fjernet", r"er uandret", r"uandret", r"ikke andret", r"ingen andring", r"bliver hangende",
    r"beholder vi", r"som hidtil", r"som for", r"bliver pa grunden", r"genbruges",
    r"(?:star|bliver) (?:\w+ )?pa (?:byggepladsen|grunden|matriklen)",
    r"ikke en del af", r"er ikke med", r"ikke brug for", r"ikke behov for", r"behover ikke", r"skal ikke",
    r"soger ikke", r"soger vi ikke",
    r"soges (?:\w+ ){0,2}ikke", r"andres ikke", r"kraver ikke", r"ikke kraver", r"ikke nodvendig", r"ikke relevant",
    r"ikke pakravet", r"ikke aktuel\w*", r"ikke noget problem", r"er ikke det", r"kommer ikke", r"der er ikke noget",
    r"berores ikke", r"(?:rorer|andrer) vi ikke", r"selv (?:fjerne|star for|sorge)",
    r"er ok(?:ay)?", r"er i hus", r"handler (?:det )?ikke om", r"drejer (?:det )?sig ikke om",
    r"ikke (?:\w+ )?(?:pa )?(?:vejen|gaden|fortovet)", r"pa (?:vores )?egen grund",
    r"(?:vi|jeg) har (?:en |et |vores )?(?:\w+ )?\w*(?:aftale|ordning)", r"tilladelsen (?:galder|lober|dakker)",
    # Danish: a permit that is there (held, given, attached, covering the work), of any compound
    rf"(?:har|fik|faet) (?:(?!ikke|brug|behov)\w+ ){{0,2}}{_PERMIT_DA}", rf"{_PERMIT_DA} har (?:vi|jeg|de|han|hun)",
    rf"omfattet af (?:\w+ )?{_PERMIT_DA}", rf"(?:som|der) (?:der )?er {_PERMIT_DA}", rf"med {_PERMIT_DA}",
    rf"{_PERMIT_DA} (?:\w+ ){{0,3}}(?:foreligger|er givet|er meddelt|er modtaget|vedlagges|er vedlagt|er handteret)",
    # Danish: someone else handles it (a passive with its doer)
    r"(?:afhentes|hentes|tommes|handteres|ordnes|klares|bortskaffes|suges op|tages) (?:\w+ ){0,3}af",
    # English: already there, approved, unchanged, not needed
    r"already", rf"{_NOT_ATTRIBUTIVE}existing", r"previously", r"from the previous", r"(?<!from )today",
    r"as usual", r"last year", r"last season", r"last (?:summer|winter|spring|autumn|month)", r"earlier this year",
    r"\w+ (?:years?|months?) ago", r"(?:tak|thanks|thank you) for",
    r"was approved", r"were approved", r"been approved", r"was granted", r"were granted", r"been granted",
    r"is approved", r"are approved", r"is in place", r"are in place", r"is sorted", r"are sorted", r"sorted out",
    r"taken care of", r"takes? care of", r"behind us", r"is covered", r"is fine", r"is done", r"is ok(?:ay)?",
    r"no changes?", r"unchanged", r"will stay", r"as before", r"stays as", r"remains? as", r"(?:is|are) kept",
    r"kept as", r"reused", r"was removed", r"been removed", r"went up",
    r"(?:has|have) been (?:put up|installed|set up)",
    r"stays? on (?:the )?site", r"remains? on (?:the )?site",
    r"(?:stands?|stays?|is|are) (?:\w+ )?on (?:the )?(?:building |construction )?(?:site|plot)",
    r"on our own (?:land|plot|site|property|grounds?)",
    r"not (?:\w+ )?(?:on |from |in )?the (?:road|street|pavement|sidewalk)",
    r"not part of", r"is not included", r"(?:is|it's) not about", r"not affected", r"no \w+ issue",
    r"no need", r"not need", r"don't need", r"doesn't need", r"do not need", r"does not need", r"not required",
    r"isn't required", r"not applying", r"not apply", r"are not applying",
    r"no \w+(?: (?:or )?\w+){0,3} (?:is|are|will be) (?:required|needed|involved|placed|planned|necessary)",
    r"nothing (?:\w+ )?(?:is|will be|happens|changes)", r"there (?:will be|is|are) no",
    r"not an? (?:\w+ )?event", r"no event", r"not count as",
    r"(?:do|does|will) not (?:make|do|involve|dig|build|sell|place|put)",
    r"(?:don't|doesn't|won't) (?:make|do|involve|dig|build|sell|place|put)",
    # English: a permit or contract that is there
    r"(?:have|has|hold|holds|had) (?:a|an|the|our|their|its) (?:\w+ )?(?:permits?|approvals?|licen[cs]es?|contract"
    r"|agreement)",
    r"(?:our|the) (?:\w+ )?(?:permit|approval) (?:runs|is valid|covers|still)", r"came through",
    rf"under (?:[\w']+ ){{0,3}}{_PERMIT_EN}", rf"{_PERMIT_EN} (?:ref\b|reference|issued|granted|approved)",
    # English: someone else handles it (a passive with its doer, or "himself")
    r"(?:handled|collected|emptied|arranged|picked up|taken|removed|serviced|managed|dealt with|run|provided)"
    r" (?:\w+ ){0,3}by (?:a|an|the|our|their|his|her|its|\w+'s)",
    r"promised to remove", r"(?:himself|herself|themselves)",
]) + r")\b")
ASKING = re.compile(r"\b(?:" + "|".join([
    r"soge", r"soger", r"ansog\w*", r"anmelde\w*", r"onsker", r"onske", r"vil gerne", r"vil bede", r"beder om",
    r"brug for", r"behov for", r"mangler", r"skal have", r"skal bruge", r"hvad skal vi", r"kan vi fa",
    r"apply\w*", r"application", r"would like", r"want\w*", r"needs?", r"request\w*", r"ask\w* for",
    r"notify\w*", r"register\w*", r"permission", r"please",
]) + r")\b")
DEFERRED = re.compile(r"\b(?:(?:soger|soges|ansoger|ansoges|anmelder|anmeldes|sender|sendes|indsendes|folger|"
                      r"handteres|tager) (?:\w+ ){0,4}(?:separat|sarskilt|for sig|senere|bagefter|til sin tid)|"
                      r"vender (?:\w+ )?tilbage|(?:deal with|handle|sort out) (?:that|it|this|them)(?: \w+){0,2} "
                      r"(?:later|once|when|afterwards)|"
                      r"(?:apply|applying|notify|register|file|filed|send|sent|submit|handle|deal|follow)\w* "
                      r"(?:\w+ ){0,4}(?:separately|in a separate|later|afterwards|at a later))\b")
NEGATED_ASKING = re.compile(r"\b(?:ikke (?:brug|behov) for|behover ikke|skal ikke have|soger (?:vi )?ikke|"
                            r"(?:no|not|don't|do not|doesn't|does not) (?:need\w*|apply\w*|applying)|"
                            r"not applying|no need)\b")
LATER = re.compile(r"\b(?:pa sigt|further down the line|in the long(?:er)? run|eventually|at some point|"
                   r"not (?:for )?now|ikke (?:lige )?nu|ikke besluttet|not (?:yet )?decided)\b")
APPLYING = re.compile(r"\b(?:soge|soger|ansoger|apply\w*|request\w*|notify\w*|register\w*|anmelde[rs]?)\b")
_NAMED_APPLICATION = re.compile(r"\b(?:ansogning\w*|anmeldelse\w*|applications?)\b")
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|,\s+(?=(?:men|så|sa|og|but|so|and|hvilket|which)\b)|\s+[-–—]\s+"
                      r"|\s+(?=(?:men|but)\s)", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_HELD = re.compile(r"\x00(\d+)\x01")
_SPACE_BEFORE_STOP = re.compile(r" ([.,;:!?])")
_POINTS_BACK = re.compile(r"(?:(?:men|og|sa|but|and|so) )?(?:(?:det|den|dem|dette|it|that|this|they|those)\b|"
                          r"(?:\w+ ){1,4}(?:that|it|them)\b)|(?:sa|so)\b")
_WRAPPED = re.compile(r"(?<![.!?:;])\n(?=[a-zæøå])")


def is_mention(clause: str) -> bool:
    """True when the clause tells what is already there or not needed, and asks for nothing; or defers an
    application to another time ("søger vi separat senere", "will apply for separately"), naming it or not;
    or puts a wish off to an open future ("på sigt", "not for now") without applying for anything."""
    folded = fold_danish(clause.lower())
    deferred = DEFERRED.search(folded)
    if deferred:   # the deferring words name applying themselves: ask whether the rest asks for something
        folded = _NAMED_APPLICATION.sub(" ", folded[:deferred.start()] + " " + folded[deferred.end():])
    elif LATER.search(folded):
        return not APPLYING.search(folded)
    elif not DONE.search(folded):
        return False
    return not _asks(folded)


def _asks(clause: str) -> bool:
    return bool(ASKING.search(NEGATED_ASKING.sub(" ", _folded(clause))))


def _folded(clause: str) -> str:
    return fold_danish(clause.strip().lower())


def without_mentions(text: str) -> str:
    """The text without its clauses that are mentions in passing (unchanged when there are none).

    A parenthesis is a clause of its own, and one inside a mention is part of it ("har vi allerede
    tilladelse til (sag fra januar)"). A mention that points back to what came before it in the
    same sentence ("..., så det er styr på", "..., men det er fra den gamle forretning", "..., so
    no waste issue") makes that a mention too, when it asks for nothing; when it puts it off ("...,
    men det søger entreprenøren om særskilt", "..., but we will deal with that later"), even then.
    """
    held: list[str] = []

    def hold(found: re.Match[str]) -> str:
        held.append(found.group(0))
        return f" \x00{len(held) - 1}\x01"

    clauses = [c for c in _CLAUSES.split(_PARENTHESIS.sub(hold, text)) if c and c.strip()]
    bare = [_HELD.sub(" ", c) for c in clauses]
    found = [bool(b.strip()) and is_mention(b) for b in bare]
    settled = {i for i, h in enumerate(held) if is_mention(h.strip()[1:-1])}
    for i, clause in enumerate(clauses):   # "har udeservering om sommeren (det er i orden)"
        if any(int(h) in settled and _POINTS_BACK.match(_folded(held[int(h)].strip()[1:-1]))
               for h in _HELD.findall(clause)):
            found[i] = found[i] or not _asks(bare[i])
    for i in range(1, len(clauses)):
        folded = _folded(bare[i])
        if not found[i] or not _POINTS_BACK.match(folded):
            continue
        # "X, men det søger entreprenøren om særskilt": X is put off, not asked for
        deferred = bool(DEFERRED.search(folded) or LATER.search(folded))
        j = i - 1
        while j >= 0 and not bare[j].rstrip().endswith((".", "!", "?", ";")) and (deferred or not _asks(bare[j])):
            found[j], j = True, j - 1
    dropped = list(settled)
    for clause, mention in zip(clauses, found, strict=True):
        dropped += [int(i) for i in _HELD.findall(clause) if mention and not _asks(held[int(i)])]
    if not any(found) and not dropped:
        return text.strip()
    kept = [c if not mention else "".join(f" \x00{i}\x01" for i in _HELD.findall(c) if int(i) not in dropped)
            for c, mention in zip(clauses, found, strict=True)]
    joined = _HELD.sub(lambda m: "" if int(m.group(1)) in dropped else held[int(m.group(1))], " ".join(kept))
    return _SPACE_BEFORE_STOP.sub(r"\1", " ".join(joined.split()))


def strip_mentions(text: str) -> str:
    """The text, line by line, without the clauses that are mentions in passing.

    A sentence wrapped over lines (as read from a PDF) is joined first.
    """
    text = _WRAPPED.sub(" ", text)
    folded = fold_danish(text.lower())
    if not DONE.search(folded) and not DEFERRED.search(folded):
        return text   # most mail mentions nothing in passing: one search instead of one per clause
    return "\n".join(without_mentions(line) if line.strip() else line for line in text.split("\n"))


# ---------------------------------------------------------------- permits the business already holds

# a permit named by its task type (folded): "byggetilladelsen", "building permit", "gravetilladelse"
_PERMIT_OF = {
    "byggetilladelse": r"byggetilladelse(?:n|r|rne)?|building permits?(?! application)",
    "gravetilladelse": r"gravetilladelse(?:n|r|rne)?|(?:excavation|digging) permits?(?! application)",
    "miljoegodkendelse": r"miljogodkendelse(?:n|r|rne)?|environmental (?:permit|approval)s?(?! application)",
}
# the permit is there: given, received, granted, in place ("vi fik byggetilladelse i november", "Der er meddelt
# byggetilladelse den 2. februar", "så kom byggetilladelsen i februar", "Building permit is granted")
_PERMIT_GIVEN = re.compile(r"\b(?:fik|faet|modtaget|modtog|meddelt|givet|foreligger|kom|kommet|er i hus|er pa plads"
                           r"|er godkendt|blev godkendt|is granted|was granted|been granted|is approved|was approved"
                           r"|been approved|got|received|obtained|came through|is in place)\b")
# ... or had ("vi har byggetilladelse", "we have the building permit"), unless applied for ("Our architect has applied
# for the building permit", "vi har søgt om byggetilladelse")
_PERMIT_HAD = re.compile(r"\b(?:har|have|has|had|hold|holds)\b")
_APPLIED = re.compile(r"\b(?:ansogt|sogt|indsendt|applied|submitted|filed)\b")
# ... but not a permit still to come ("når byggetilladelsen er i hus", "once the building permit is granted", "vi har
# ikke fået byggetilladelse endnu")
_PERMIT_TO_COME = re.compile(r"\b(?:nar|hvis|efter at|inden|for vi|indtil|once|when|if|after|before|until|pending"
                             r"|afventer|venter|waiting|await\w*|ikke|not|no|endnu|yet)\b")
# the permit is needed or asked about ("Vi har forstået, at det kræver byggetilladelse", "Skal vores renseri have
# miljøgodkendelse?")
_PERMIT_NEEDED = re.compile(r"\b(?:krav\w*|kraever|require\w*|need\w*|skal|must|brug for|behov for|mangler)\b")
# ... or changed ("Ændring af miljøgodkendelse", "Amendment to environmental approval", "forlængelse af
# gravetilladelsen")
_CHANGE_OF = r"(?:andring|amendment|change|revision|tillag|udvidelse|extension|forlangelse|renewal|fornyelse)"
# per task type: its permit named, asked for ("søge byggetilladelse", "Ansøgning om byggetilladelse", "apply for a
# building permit"), and changed; compiled once
_PERMIT_PATTERNS = tuple(
    (label,
     re.compile(rf"\b(?:{permit})\b"),
     re.compile(rf"\b(?:soge|soger|soges|ansoge|ansoger|ansoges|ansogning|apply|applying|application"
                rf"|ask(?:ing)? for|request\w*)\b(?: [\w,]+){{0,6}}? (?:{permit})\b"),
     re.compile(rf"\b{_CHANGE_OF} (?:\w+ ){{0,2}}(?:af |of |to |til )?(?:the |our |vores |den )?(?:{permit})\b"))
    for label, permit in _PERMIT_OF.items())


def held_permits(text: str) -> frozenset[str]:
    """The task types whose permit the mail says the business already has, and does not ask for again.

    A scaffold application that tells the whole story of its building project ("vi fik byggetilladelse fra Center
    for Bygninger i november", "Building permit is granted from Center for Bygninger in 2026") asks for the road,
    not for the building permit. A mail that also asks for that permit ("Vi vil gerne søge byggetilladelse",
    "Ansøgning om byggetilladelse", "apply for a building permit"), needs or changes it, has only applied for it or
    mentions it only as to come keeps it."""
    folded = fold_danish(text.lower())
    named = [patterns for patterns in _PERMIT_PATTERNS if patterns[1].search(folded)]
    if not named:
        return frozenset()
    clauses = [_folded(c) for line in text.split("\n") for c in _CLAUSES.split(line) if c.strip()]
    found = []
    for label, permit, asked, changed in named:
        if asked.search(folded):
            continue
        naming = [c for c in clauses if permit.search(c)]
        if any(_PERMIT_NEEDED.search(c) or changed.search(c) for c in naming):
            continue
        if any((_PERMIT_GIVEN.search(c) or _PERMIT_HAD.search(c) and not _APPLIED.search(c))
               and not _PERMIT_TO_COME.search(c) for c in naming):
            found.append(label)
    return frozenset(found)
