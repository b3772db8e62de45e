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
afmærkningsplan", "no site plan yet"), a promise or an open decision after it
("tegningen eftersendes", "the drawing will follow", "afventer rapport"), or a
form's answer that is blank or says no ("Afmærkningsplan vedlagt | Nej",
"Contractor: TBD", "P-nr.: ?", "Entreprenør: ikke valgt endnu", a label with
nothing after it). Nor where the writer only names it: a document (an item
with ``attachments`` words) named in a question ("Do we need a traffic plan?"),
said to be attached to a mail that has no attachment, or named in the subject
of such a mail; any item asked about right before it ("Hvad må man sælge?",
"Do you need our CVR?") or quoted from what the authority asks for ("I skal
bruge adresse og kortlægning af PCB"), unless the match holds a number (a
number is a value given). Nor a document that is only booked, ordered, sent to
another authority or still to be made ("the survey is booked for next week",
"afmærkningsplanen er sendt til politiet", "kortlægningen laver
nedrivningsfirmaet", "we will have the PCB survey done next week", "the contractor will also make the traffic
plan"), or to come later from someone ("afmærkningsplanen sender entreprenøren, når de har fået den lavet", "the
asbestos survey comes next week from the consultant", "We will send the traffic management plan once it has been
approved"), also where an attachment's form says so ("Kortlægning af farlige stoffer: bestilt"). A section's heading
("3. Destination") does not give its item where the first clause under it says it is not there or is to come ("The
receiving facility has not yet been chosen"), and an aside of words in brackets does not end a clause ("A survey of
hazardous substances (PCB, asbestos, lead) will be carried out"). Where the body says what kind it is is not known
("Vi ved endnu ikke, hvilken type afløb ..."), a subject naming the kind is only a title. A company form alone
("ApS", "K/S") implies
a contractor only where the writer does not say in words that the contractor is open ("Contractor: TBD"). A
number right after "uge"/"week" is a week: it gives
only a period. File names are taken as they are.

An item that the activity's site satisfies is also satisfied by the business's
``address``: a site at the business's own premises (serving in front of its
café) is reported as the address alone.

An extracted detail counts only where its value is written as the item: some
place it is read from (a text or the body's signature) is not negated or
deferred and holds no value of another kind (``intake.details.givens``: another
party's CVR, a rate, staff, a deadline or a past date, the business's own
address when the site is not known yet); a value read only from a reply's
quoted history is not given. When the writer says the site or its house number is to come, a street with no
number is not the address; when they say the date is not fixed, a date not written as a day ("August 2027") is
not the date. The kind rules apply to pattern matches too. When the writer says the period's end is not known ("we
cannot give the end date yet", "how long depends on ..."), a period from and to is given only by an end written as a
date or a match holding both ends, not by a start nor a week read as a span. When the writer applies for a client
("for vores kunde", "on behalf of our client", "Vi er arkitekter for en ejer", a job "hos kunde") or writes as the
managing agent of the property ("Vi administrerer A/B ...", "a property we manage", "one of the tenants"), the
signature's address is the writer's office, never the place, and a CVR or P-number in the signature is the writer's
firm's unless its line names the client ("Client: X ApS · CVR-nr. ..."). Nor is the signature's address the place
where the text puts the place in a district ("ved vores lager i Valby") or the city itself ("tre butikker i
København") and the signature's town lies outside it (2750 Ballerup, 2600 Glostrup).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from intake.details.addresses import find_lower_case, find_mentions
from intake.details.extract import Field
from intake.details.givens import (
    OPEN_ENDED,
    another_unit,
    at_own_premises,
    date_unsettled,
    district_elsewhere,
    end_unknown,
    estimated,
    for_a_client,
    guests_unknown,
    implausible,
    kind_unknown,
    locate,
    own_address_at,
    rejected,
    site_unknown,
)
from intake.details.headed_units import carry_units
from intake.details.periods import find_dates
from intake.details.sites import anothers_place
from routing.catalogue import Catalogue, ChecklistItem, TaskType

_WRITTEN = ("subject", "body", "history")  # the texts the business wrote as a mail (not attachments nor forms)
TEXT_LIMIT = 100_000  # characters of one text read (a hostile attachment may hold millions)


@dataclass(frozen=True)
class Evidence:
    """What the business sent, as the checklist reads it."""

    details: Mapping[str, Field] = field(default_factory=dict)
    attachments: Sequence[tuple[str, str]] = ()  # (filename, text)
    # (source, text): "subject", "body", "history" (the sender's own earlier mail quoted under a reply), each
    # attachment's text, form "label: value" lines
    texts: Sequence[tuple[str, str]] = ()
    signature: str = ""  # the body's signature (details are read from it; ``texts`` hold the body without it)
    quoted: str = ""  # the quoted history of a reply: what someone else wrote earlier, never the application
    received: date | None = None  # when the mail came: a date before it is not the period applied for
    # sentences about another part of the application (``intake.details.attribution``), blanked out of ``texts``: a
    # value written only there is not this part's
    others: Sequence[str] = ()

    def __post_init__(self) -> None:
        """Each text is read up to ``TEXT_LIMIT`` characters: cut once here, not for every word and pattern."""
        object.__setattr__(self, "attachments", tuple((f, t[:TEXT_LIMIT]) for f, t in self.attachments))
        object.__setattr__(self, "texts", tuple((s, t[:TEXT_LIMIT]) for s, t in self.texts))
        object.__setattr__(self, "signature", self.signature[:TEXT_LIMIT])
        object.__setattr__(self, "quoted", self.quoted[:TEXT_LIMIT])
        object.__setattr__(self, "others", tuple(self.others))


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


# what an item reads to be a place or the business's numbers: the business's, whatever part's sentence names them
_PLACES = frozenset({"address", "activity_location", "cvr", "p_number"})


def _shared(item: ChecklistItem) -> bool:
    """An item every part reads from the whole application: a place, the business's numbers, or the firm doing the
    work (given by a company form, "ApS": the business's own firm, whatever part's sentence names it)."""
    return bool(_PLACES & set(item.details)) or _a_firm_gives_it(item)


def _a_firm_gives_it(item: ChecklistItem) -> bool:
    """The item is the firm doing the work: a company form alone ("ApS") is one of its patterns' matches."""
    return any(_pattern(p).fullmatch("ApS") for p in item.patterns)


def check(task: TaskType, evidence: Evidence, own: Evidence | None = None) -> Checklist:
    """Compare ``evidence`` with the checklist of ``task``; ``own``, when given, is this part's own evidence in an
    application of several parts (``intake.details.attribution.by_part``): every item but a place or the business's
    numbers is read from it."""
    have: dict[str, str] = {}
    for item in task.checklist:
        mine = own if own is not None and not _shared(item) else None
        if mine is not None and "period_from" in item.details and date_unsettled([t for _, t in mine.texts]):
            # one part of several whose own sentences (or those of every part) say its dates are not known ("Vi
            # kender ikke de præcise datoer for kranen endnu" after "Selve byggeriet forventes at vare fra 1. april
            # ..."): the dates written are another part's or the whole project's
            continue
        where = found_where(item, mine or evidence)
        if not where and mine is not None and "period_from" in item.details and _own_period(mine, item):
            where = found_where(item, evidence)  # a period the part's own sentences give in their own words
        if where:
            have[item.id] = where
    missing = tuple(i.id for i in task.checklist if i.id not in have)
    required = tuple(i.id for i in task.checklist if i.required and i.id not in have)
    return Checklist(task.id, have, missing, required)


def check_parts(task_types: Iterable[str], catalogue: Catalogue, evidence: Evidence,
                own: Mapping[str, Evidence] | None = None) -> dict[str, Checklist]:
    """The checklist of each task type (catalogue order of items), in the order given; ``own``: each part's own
    evidence, when the application has several."""
    return {t: check(catalogue.task(t), evidence, (own or {}).get(t))
            for t in dict.fromkeys(task_types) if t in catalogue.tasks}


def found_where(item: ChecklistItem, evidence: Evidence) -> str:
    """Where ``item`` is found in ``evidence`` ('' when it is not)."""
    keys = item.details + (("address",) if "activity_location" in item.details else ())
    unknown_site = "activity_location" in item.details and site_unknown([t for _, t in evidence.texts])
    paperwork = {f for f, t in evidence.attachments if _paperwork(f, t)}
    # "Start is planned for week 3 ... we cannot give the end date yet": a period from and to is given only by an end
    # written as a date, or by a match that holds both ends ("uge 8-12"), not by a start or a week read as a span
    texts = [t for _, t in evidence.texts]
    open_end = "period_to" in item.details and end_unknown(texts)
    # "Skolen har 640 elever. Hvor mange gæster der kommer, er svært at sige": where the writer says the number of
    # guests is not known, only a number given as an estimate ("ca. 300", "vi forventer 500") is the guests
    guesswork = "guests" in item.details and guests_unknown(texts)
    for key in dict.fromkeys(keys):
        detail = evidence.details.get(key)
        if open_end and key in ("period_from", "period_to") and not _end_written(evidence):
            continue
        if guesswork and key == "guests" and detail is not None and not _estimate_written(evidence, detail.value):
            continue
        if detail is not None and detail.value not in ("", None, False) \
                and not _beside_the_period(item, key, detail.source, evidence, paperwork) \
                and _detail_given(item, key, detail.value, evidence, unknown_site):
            return detail.source
    if item.away or "address" in item.details:
        where = _address_in_text(evidence, item, unknown_site)
        if where:
            return where
    examples = _examples(item, evidence)
    # a printout whose P-number the writer says is another unit's: only what the mail itself says counts
    other_unit = "p_number" in item.details and another_unit([t for s, t in evidence.texts if s in _WRITTEN])
    for filename, text in evidence.attachments:
        name = filename.replace("_", " ")
        if filename not in paperwork and filename not in examples \
                and any(_word(w).search(name) or _stated(_word(w), text, _AN_ATTACHMENT) for w in item.attachments):
            return filename
    # "see the attached survey": an attachment that can be it (not a quote, nor a photo for a report)
    could_be = [f for f, t in evidence.attachments if f not in paperwork | examples and (_takes_pictures(item) or not
                                                                              _picture(f, t, item))]
    if could_be and item.attachments:
        for source, text in evidence.texts:
            if source in ("subject", "body") and _sent_with(item.attachments, text):
                return could_be[0]
    # a plan, a survey, a drawing: asking about one, or saying it is attached to a mail without attachments, is not
    # having it; nor is a subject that names one ("Gravetilladelse - afmærkningsplan") when nothing is attached
    document = _Document(bool(item.attachments), bool(could_be), item.details, evidence.received, unknown_site,
                         said_absent=_said_absent(item, evidence), ranges_only=open_end, estimates_only=guesswork,
                         days_only="period_from" in item.details and date_unsettled(texts))
    values_only = replace(document, values_only=True)
    # "Spildevand fra nyt laboratorium" over "Vi ved endnu ikke, hvilken type afløb og forbehandling der bliver behov
    # for": where the body says what kind it is is not known, the subject naming it is only a title
    kind_open = not item.details and not item.attachments \
        and kind_unknown([t for source, t in evidence.texts if source == "body"])
    for source, text in evidence.texts:
        if source == "subject" and (document.named_only or kind_open):
            continue
        if source in paperwork and "period_from" in item.details:  # a quote's delivery week is not the period
            continue
        if source in examples or (other_unit and source not in _WRITTEN):
            continue  # (an example's text; a printout whose P-number the writer says is another unit's)
        text = carry_units(text)  # "Trench dimensions (metres):\nlength ... 140": the number with its unit
        if any(_stated(_pattern(p), text, values_only if source in paperwork else document) for p in item.patterns):
            return source
    return "body" if _own_firm_does_it(item, evidence, document) else ""


# the writer does the work in the first person: "Vi skal grave ved ...", "We need to dig" (not "vi skal have gravet")
_WE_DO_THE_WORK = re.compile(r"\b(?:vi|we)\s+(?:(?:skal|vil|will|shall|must|need to|plan to|are going to|are)\s+)?"
                             r"(?:grave|graver|dig|digging)\b", re.IGNORECASE)


def _own_firm_does_it(item: ChecklistItem, evidence: Evidence, document: _Document) -> bool:
    """An item that a company form in the text gives (the firm doing the work) is given by the signature's company
    form ("Frandsen Kloak & Anlæg ApS") where the writer says in the first person that they do the work, and does not
    say in words that it is open."""
    if document.said_absent or not _a_firm_gives_it(item):
        return False
    written = [t for source, t in evidence.texts if source in ("subject", "body")]
    return any(_WE_DO_THE_WORK.search(t) for t in written) and not any(_CHOICE_OPEN.search(t) for t in written) \
        and not for_a_client(written) and bool(_COMPANY_FORM_WORD.search(evidence.signature))


# the writer says who does the work is still open: "Entreprenør: ikke valgt endnu", "we are currently getting quotes"
_CHOICE_OPEN = re.compile(r"\b(?:ikke (?:\w+ )?(?:valgt|fundet|besluttet)|not (?:yet )?(?:been )?(?:chosen|appointed|"
                          r"selected|hired|decided)|(?:still )?to be (?:appointed|chosen|selected|hired)|tb[dc]|"
                          r"(?:indhent\w*|bedt om|spurgt \w+ \w+ \w+ om) (?:\w+ )?(?:tilbud|pris\w*)|"
                          r"(?:getting|asked for|comparing|requested|waiting for) (?:\w+ )?(?:quotes|offers|bids)|"
                          r"udbud\w*|tender\w*)\b", re.IGNORECASE)
# a company form alone ("ApS", "K/S"): it only implies that a firm (the writer's, the client's) does the work
_COMPANY_FORMS = r"(?:ApS|A/S|I/S|IVS|K/S|P/S)"
_COMPANY_FORM = re.compile(_COMPANY_FORMS, re.IGNORECASE)
_COMPANY_FORM_WORD = re.compile(rf"(?<![\w/]){_COMPANY_FORMS}(?![\w/])")    # as written, a word of its own


# a price quote, an invoice, a receipt: the supplier's paper, not the application ("Tilbud_2291.pdf", "QUOTE Q-1182")
_PAPERWORK = re.compile(r"(?<![^\W\d_])(?:tilbud|quote|quotation|faktura|invoice|regning|kvittering|receipt|"
                        r"ordrebekræftelse|order confirmation|prisoverslag|overslag|estimate|offer)", re.IGNORECASE)
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|heic|heif|gif|webp|bmp|tiff?)$", re.IGNORECASE)
# an item a picture can be: a sketch, a drawing, a photo, a plan of a site (not a report, a survey or an analysis)
_PICTURE_WORDS = frozenset(("skitse", "tegning", "sketch", "drawing", "foto", "photo", "img", "billede", "image",
                            "picture", "plan", "kort", "map", "layout", "visualisering", "render", "mockup"))


# an attachment sent to show what one looks like, not the item itself: "The attached traffic plan is from our Aarhus
# job so you can see the format", "vedhæftet skitse er fra en tidligere opgave, som eksempel"
# (not "så I kan se, hvordan det kommer til at se ud": a picture of the very sign)
_EXAMPLE = re.compile(r"\b(?:(?:as|for) (?:an? )?(?:example|sample|reference|illustration)|so (?:that )?you can see "
                      r"the format|(?:som|til) (?:et )?eksempel|til inspiration|så (?:I|du) kan se formatet"
                      r"|from (?:our|an?|another|a previous|the) (?:\w+ ){0,2}(?:job|project|case)"
                      r"|fra (?:vores|en|et|en anden|et andet|en tidligere|et tidligere) (?:\w+ ){0,2}"
                      r"(?:opgave|projekt|sag|job))\b", re.IGNORECASE)


def _examples(item: ChecklistItem, evidence: Evidence) -> set[str]:
    """The attachments holding one of the item's words that the mail says are sent as an example or are from another
    job: they show the format, they are not the item."""
    said = [sentence for source, text in evidence.texts if source in ("subject", "body")
            for sentence in _SENTENCE_SPLIT.split(text) if _SENT.search(sentence) and _EXAMPLE.search(sentence)]
    words = [w for w in item.attachments if any(_whole_word(w).search(sentence) for sentence in said)]
    return {f for f, t in evidence.attachments if any(_word(w).search(f.replace("_", " ")) or _word(w).search(t)
                                                      for w in words)}


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n")


def _paperwork(filename: str, text: str) -> bool:
    """The attachment is a price quote, an invoice or a receipt: by its file name or a first line that says so."""
    if _PAPERWORK.search(filename.replace("_", " ")):
        return True
    return any(_PAPERWORK.match(line.strip()) for line in text[:300].split("\n")[:3])


def _picture(filename: str, text: str, item: ChecklistItem) -> bool:
    """An image file (a photo, a scan) whose text holds none of the item's words."""
    return bool(_PICTURE_FILE.search(filename)) and not any(_word(w).search(text) for w in item.attachments)


def _takes_pictures(item: ChecklistItem) -> bool:
    return any(w.lower() in _PICTURE_WORDS for w in item.attachments)


def _beside_the_period(item: ChecklistItem, key: str, source: str, evidence: Evidence, paperwork: set[str]) -> bool:
    """A date that does not give a period item: one read from a quote or an invoice (a delivery, a validity), or,
    for a period from and to, a start with no end ("fra 1. maj", "starting 1 March", "Periode: 01.03.2027 -")."""
    if key not in ("period_from", "period_to"):
        return False
    if source in paperwork:
        return True
    return "period_to" in item.details and not _period_ends(evidence)


_OPEN_END = re.compile(r"^[ \t]*(?:-|–|til|to|until)[ \t]*(?:$|\n|\t|\?|\|)")  # "01.03.2027 -" and nothing after
# a start said to run on: "fra uge 16 og frem", "from May onwards", "starting 1 June until further notice"
_OPEN_PERIOD = re.compile(r"\b(?:fra|from|starting|start\w*|begynde\w*)\b[^.!?\n]{0,30}?\b(?:og )?"
                          + OPEN_ENDED + r"\b", re.IGNORECASE)
# how long from the start: "varighed 3 dage", "og 6 uger frem", "for three weeks", "i ca. 14 dage", or the next
# sentence or line that says so ("from 3 May 2027. Expected duration 3 weeks.", "Start: 1. marts\nVarighed: ca. 2 uger")
_DURATION = re.compile(r"^(?:[^.!?\n]{0,40}?|[^.!?\n]{0,5}(?:[.!]\s+|\s*\n\s*)(?:[-•*]\s*)?(?:\w+\s+){0,2}?"
                       r"(?:varighed|duration|varer|tager|lasts?|takes?|will (?:last|take))\b"
                       r"(?:[^.!?\n]|\b(?:ca|approx|appr|c)\.){0,20}?)"
                       r"\b(?:\d+|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|fjorten|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|fourteen|a)\s+(?:arbejds|working\s+)?(?:dage?|døgn|uger?|"
                       r"måned\w*|days?|weeks?|months?)\b", re.IGNORECASE)


def _end_written(evidence: Evidence) -> bool:
    """The period's end is written as a date of its own, after the start (not a week's last day read from "uge 3")."""
    start, end = evidence.details.get("period_from"), evidence.details.get("period_to")
    if end is None or end.value in ("", None) or (start is not None and str(end.value) <= str(start.value)):
        return False
    return any(next(locate("period_to", end.value, t), None) for _, t in evidence.texts)


def _estimate_written(evidence: Evidence, value: object) -> bool:
    """Some place the number ``value`` is written gives it as an estimate ("ca. 300", "vi forventer 500")."""
    return any(estimated(t, start, end) for _, t in evidence.texts for start, end in locate("guests", value, t))


def _estimate_in(text: str, match: re.Match[str]) -> bool:
    """A match that holds its own estimate ("forventet antal: 600", "omkring 200 gæster") or follows one."""
    return bool(_ESTIMATE_WORD.search(match.group())) or estimated(text, match.start(), match.end())


_ESTIMATE_WORD = re.compile(r"\b(?:ca|cirka|omkring|approx\w*|about|around|op til|up to|max|mellem|between|forvent\w*|"
                            r"expect\w*|anslået|estimated)\b|\d\s*(?:-|–)\s*\d", re.IGNORECASE)


def _later_date(text: str, start: str) -> bool:
    """``text`` (what follows the start) holds a later date: the end the extractor did not pair with the start
    ("Opstart 1. marts 2027, nedtagning 30. april 2027")."""
    try:
        first = date.fromisoformat(start)
    except ValueError:
        return False
    for mention in find_dates(text):
        try:
            if date(mention.year or first.year, mention.month, mention.day) > first:
                return True
        except ValueError:
            continue
    return False


def _period_ends(evidence: Evidence) -> bool:
    """The period has an end: a ``period_to`` apart from the start, a duration after the start ("varighed 3 dage"),
    or one day written without an open dash ("Periode: 01.03.2027 -" has none)."""
    start, end = evidence.details.get("period_from"), evidence.details.get("period_to")
    if start is None or start.value in ("", None):
        return True  # an end alone is left to the other rules
    if any(_OPEN_PERIOD.search(t) for _, t in evidence.texts) and not (end is not None and any(
            next(locate("period_to", end.value, t), None) for _, t in evidence.texts)):
        return False  # "fra uge 16 og frem": an end read from the week is not one written
    if end is not None and end.value not in ("", None) and start.value != end.value:
        return True
    open_end, seen = end is None or end.value in ("", None), False
    for _, text in (*evidence.texts, ("signature", evidence.signature)):
        for _, stop in locate("period_from", start.value, text):
            if _DURATION.match(text[stop:stop + 80]) or _later_date(text[stop:stop + 120], str(start.value)):
                return True
            seen, open_end = True, open_end or bool(_OPEN_END.match(text[stop:stop + 20]))
    return not seen or not open_end  # a start whose written form cannot be found is taken as it is


def _address_in_text(evidence: Evidence, item: ChecklistItem, unknown_site: bool) -> str:
    """Where the subject or the body (not its signature) names a street address that is not denied nor of another
    kind ('' for none): the place the extractor did not take (one written in lower case, "jægersborggade 41, 2200"), or
    took from a clause that corrects it ("at Stamholmen 151? No, sorry: the address is Kraftværksvej 40"). For an
    ``away`` item, not the business's own address introduced as such ("vores kontor ligger på")."""
    document = _Document(kinds=item.details, received=evidence.received, site_unknown=unknown_site)
    for source, text in evidence.texts:
        if source not in _WRITTEN:
            continue
        for mention in find_mentions(text, limit=_MATCHES) + find_lower_case(text, limit=_MATCHES):
            if implausible("address", mention.address) or _denied(text, mention.start, mention.end, value=True) \
                    or _other_kind(text, mention.start, mention.end, document) or anothers_place(text, mention.start):
                continue        # (nor someone else's: "my neighbour at Falkoner Allé 28 has the same sign")
            if not (item.away and own_address_at(text, mention.start)):
                return source
    return ""


@dataclass(frozen=True)
class _Document:
    """Whether an item is a document (it has ``attachments`` words) and whether the mail has any attachment."""

    is_document: bool = False
    mail_has_attachments: bool = True
    kinds: tuple[str, ...] = ()  # the item's details: what kind of value gives it (``givens.rejected``)
    received: date | None = None
    site_unknown: bool = False  # the writer says the activity's site is not known yet
    values_only: bool = False  # only a match holding a number counts (the text is a quote or an invoice)
    said_absent: bool = False  # the writer says in words that it is not there ("Contractor: TBD"): no company form
    ranges_only: bool = False  # the writer says the period's end is not known: only a match holding both ends counts
    estimates_only: bool = False  # the writer says the number of guests is not known: only an estimate counts
    days_only: bool = False  # the writer says the dates are not fixed: only a match holding a day or week counts
    in_attachment: bool = False  # an attachment's text naming the document: not where it says it is only booked

    @property
    def named_only(self) -> bool:
        """A document named in a mail without attachments (or with none that can be it: a quote, a photo for a report)
        can only be named, not sent."""
        return self.is_document and not self.mail_has_attachments


# an attachment's text naming a document is that document unless it says it is only booked or still to come
# ("Kortlægning af farlige stoffer: bestilt, ikke udført endnu" in a notification form)
_AN_ATTACHMENT = _Document(in_attachment=True)
_MATCHES = 20  # matches of one word or pattern weighed in one text before it is taken as not stated
# before a word: where its clause starts (not at the dot of "sagsnr.", "ca.", "kl.")
# ("Den opgravede jord kan ikke genindbygges og køres til X": "og" and a verb in the passive open a clause of its own)
_CLAUSE_END = re.compile(r"(?<!nr)(?<!\bno)(?<!\bca)(?<!\bkl)(?<!\bfx)(?<!\btlf)[.!?;]\s|\n|\b(?:men|but|kun|only)\b"
                         r"|\bog[ \t]+(?=[a-zæøå]{3,}es\b)")
# after a word: where its clause ends (a relative clause belongs to it: "et modtageanlæg, som I anviser")
# (nor an aside that goes on about it: "performed by a subcontractor, still to be appointed")
_AFTER_END = re.compile(r"[.!?;]\s|,\s(?!(?:som|der|which|that|still|endnu|stadig)\b)|\n|\b(?:men|but|og|and)\b")
_NEGATION = re.compile(
    # "no" before a number or after a dash or a dot is "number": "P-no 1021345678", "Org. no"
    r"\b(?:ikke|ingen|intet|mangler|uden(?!\s+for)|(?<!-)(?<!\.)(?<!\.\s)no(?![:.]?\s*\d)|not|without|missing|"
    r"don't|do not|haven't|hasn't|have not|has not|yet to|"
    r"hverken|neither|nor|never|aldrig|ukendt|unknown|usikker|unsure)\b"
    r"(?!\.|\s+(?:mere|flere|over|under|mindre|længere|senere|før|efter|kun|bare|more|less|fewer|than|later|before|"
    r"after|only|just)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_SENTENCE_STOP = re.compile(r"[!?\n]|\.(?!\d)(?=\s|$)")  # not the dot of "ca." or "1.5" inside a sentence
_LATER = re.compile(
    # right after it, or after a verb ("er ikke", "will follow", "følger"), also past what it is of ("Kortlægningen
    # af farlige stoffer er ikke lavet endnu", "the survey of the roof is not done")
    r"^\W{0,3}(?:(?:af|of)\s+(?:\w+\W+){1,3}?(?=(?:er|is|are|bliver|blev|was|were|has|have)\b))?"
    r"(?:(?:vil|will|blive|bliver|be|er|is|are|skal|kan|can|først|first|os|us|jer|you|til|to)\W+){0,3}"
    r"(?:eftersend\w*|sendes|fremsendes|følger|kommer senere|senere|mangler|follows?|later|not yet|endnu ikke|"
    r"missing|ikke|not|isn't|aren't|hasn't|haven't)\b"
    # the object first, as Danish puts it, and sent later: "Afmærkningsplan sender vi, så snart ..." (not "sender vi
    # med", "sender vi hermed": sent with this mail)
    r"|^\W{0,3}(?:sender|eftersender|fremsender) (?:vi|jeg)\b(?!\s+(?:med|hermed|herved|her|nu|vedlagt|som bilag)\b)"
    # (not where the verb has its own object: "(CVR-nr. 32159400) fremsender jeg ansøgning om udeservering")
    r"(?!\s+(?:(?:hermed|herved|en|et|vores|vor|min|mit|denne|dette|den|det)\s+)?(?:ansøgning|anmeldelse|"
    r"forespørgsel|følgende)\w*)"
    # the same in English: "Signage plan we will send later" (not "we send herewith", "we attach")
    r"|^\W{0,3}(?:we|I)(?:(?:'ll| will| shall| are going to) (?:send|forward|submit|deliver|provide)\b(?!\s+(?:it\s+|"
    r"them\s+)?(?:here|now|herewith|hereby|attached|enclosed|with (?:this|the|our)|as an? attachment)\b)"
    r"|\s(?:send|forward|submit)(?:\s+(?:it|them))?\s+(?:later|next|soon|when|once|as soon|separately|afterwards)\b)"
    # or a few words on, when the words say it comes later ("skitse af arealet eftersendes")
    r"|^\W{0,3}(?:\w+\W+){0,3}?(?:eftersend\w*|sendes senere|sendes efterfølgende|kommer senere|følger senere|"
    r"will follow|to follow|will be sent later|not yet|endnu ikke|udarbejdes|under udarbejdelse|bestilles|er bestilt|"
    # from someone who has yet to make it: "afmærkningsplan kommer fra vores skiltefirma", "will come from"
    r"kommer fra|will come from|is coming from|"
    r"bliver lavet|laves|will be (?:prepared|made|drawn up|ordered|supplied|provided|sent|forwarded|submitted|"
    r"carried out|done|performed|conducted|commissioned|"
    r"chosen|decided|confirmed|agreed|approved)|is being (?:prepared|made|approved)|has been ordered|afventer|"
    r"afventes|awaiting|pending|tb[dca]|foreligger ikke|ikke endnu|er ved at blive (?:godkendt|lavet|udarbejdet)|"
    # waiting for the police's approval: "Politiets godkendelse af skiltningsplanen afventes", "once it is approved"
    r"(?:once|when|as soon as) (?:it|they) (?:is|are|has been|have been) approved|"
    # to be sent: "we will send it when we have it", "(afmærkningsplan) sender vi, så snart politiet har godkendt den"
    r"(?:we|I)(?:'ll| will| shall) (?:send|forward|submit) (?:it|them|this|that)\b(?! (?:here|now|herewith|attached))|"
    # (not a survey's finding: "screening for miljøfarlige stoffer: der er ikke fundet asbest eller PCB")
    r"ikke afklaret|uafklaret|not decided|undecided|(?:har (?:vi|jeg) )?(?<!der er )(?<!der blev )ikke (?:besluttet|"
    r"bestemt|valgt|fundet|fastlagt)|aftales|vælges|besluttes|afgøres|fastlægges|"
    r"to be (?:agreed|decided|confirmed|appointed|chosen|selected|hired)|sendes direkte|"
    r"til godkendelse|for approval|ligger hos|is with|vender tilbage|will get back|come back|"
    # left to us: "a receiving facility approved by you", "et modtageanlæg, som I anviser"
    r"(?:approved|chosen|decided|assigned|suggested|designated|instructed|directed|specified) by (?:you|the "
    r"(?:municipality|council|city|authorit(?:y|ies)))|you (?:decide|choose|tell us)|"
    r"(?:som )?kommunen (?:anviser|godkender|bestemmer|vælger)|efter (?:kommunens|jeres) anvisning\w*|"
    r"(?:som )?I (?:anviser|godkender|bestemmer|vælger)|"
    # or to another: "et modtageanlæg, som vognmanden finder", "a site which the haulier will choose"
    r"(?:som|which|that) (?:\w+ ){0,2}(?:finder|vælger|anviser|bestemmer|will (?:find|choose|decide|pick))|"
    r"ved ikke|vides ikke|kender (?:jeg|vi) ikke|don't know|do not know|not known|unknown|ukendt)\b",
    re.IGNORECASE)
_REST_OF_WORD = re.compile(r"^\w+")
# a form's text to be filled in: "[udfyldes]", "<indsæt>", "[fill in]", "XX"
_PLACEHOLDER = r"\[[^\]\n]{0,30}\]|<[^>\n]{0,30}>|(?:skal )?udfyldes|to be (?:completed|filled in)|fill in|indsæt\w*"
_UNTICKED = re.compile(r"(?:\[\s?\]|[☐□]|\(\s?\))[^\n\[\]☐□☒☑]{0,60}$")  # "☐ Afmærkningsplan", "[ ] P-nummer"
_SEPARATOR = re.compile(r"\t|\||:(?!\d)")  # a form's label and its answer: a table cell, "|" or ":" (not "kl. 7:30")
_ANSWER_END = re.compile(r"[.;!]\s|\t|\s\|")  # an answer ends at its sentence or cell
# an answer that is blank or says no, as a whole ("-", "?", "N/A", "TBD", "ved ikke"), or that starts by saying
# the item is not there, unknown or comes later ("ikke valgt endnu", "afventer rapport", "laves af entreprenøren")
_NO_ANSWER = re.compile(
    r"\s*(?:(?:nej|no|none|nil|n/?a|tb[dac]|-+|–|—|\?+|\.{2,}|…|x{2,}|ukendt|unknown|ved ikke|vides ikke|"
    r"don'?t know|not known|ingen|intet|mangler|missing|" + _PLACEHOLDER + r")[\s.!]*$"
    r"|\w+ (?:senere|later|efterfølgende)\b"  # "oplyses senere", "vedlægges senere", "sent later"
    r"|(?:ikke|not|no|ingen|intet|mangler|missing|endnu ikke|not yet|ukendt|unknown|ved ikke|vides ikke|tb[dac]|"
    r"don'?t know|afventer|awaiting|pending|følger|to follow|eftersendes|sendes senere|se senere|senere|later|"
    r"kommer|aftales|vælges|besluttes|afgøres|fastlægges|bestemmes|to be|will be|laves|udarbejdes|bestilles|"
    r"er bestilt|has been ordered|afhænger|depends|"
    r"uafklaret|undecided|not decided|usikker|unsure|not sure)\b)", re.IGNORECASE)
_BLANK_ANSWER = re.compile(r"\s*(?:-+|–|—|\?+|\.{2,}|…|x{2,}|n/?a|tb[dac]|" + _PLACEHOLDER + r")[\s.]*", re.IGNORECASE)
_HEADING_END = re.compile(r"[.!?,;]\s*$")  # a line ending like a sentence is running text, not a heading
_BLANK_BRIDGED = re.compile(r"(?:\t|\||:)[ \t]*\n")  # a label with nothing after it, then the next line
# a question about the item itself, just before it in its clause: what it is or whether it is needed ("Hvad må man
# sælge?", "Do you need our CVR?", "skal vi have en fedtudskiller?"), not one that only mentions it ("Hvor må vi stille
# containeren?", "Do we need a permit to park a moving van?")
_ASKING_BEFORE = re.compile(
    r"(?:\b(?:hvad|hvilke[nt]?|what|which|how (?:much|many|big|large|long)|hvor (?:meget|mange|stor\w*|lang\w*))"
    r"(?:\W+\w+){0,3}?"                                          # "Hvad må man sælge", "what should the plan"
    r"|\b(?:need|needs|require[sd]?|want|brug for|kræver|behøver (?:I|vi|jeg|man|du))(?:\W+\w+)?"  # "need our CVR"
    r"|\bskal (?:I|vi|jeg|man|du|der) (?:bruge|have|vedlægge|sende|oplyse)(?:\W+\w+){0,2}?"  # "skal vi have en ..."
    r"|\bshould (?:we|I) (?:have|send|give|state)(?:\W+\w+){0,2}?)\W*$", re.IGNORECASE)
# the item quoted from what the authority asks for ("I skal bruge ...", "your website says you need ...")
_REQUIRED = re.compile(
    r"\b(?:(?-i:I) (?:skal bruge|skal have|beder om|kræver|har brug for|efterspørger)|you (?:need|require|ask for|"
    r"want)|jeres (?:hjemmeside|side|tjekliste|liste|krav|vejledning)|your (?:website|site|page|checklist|list|"
    r"requirements|guidance)|skal indeholde|must (?:contain|include)|kræves|is required|are required|"
    r"er påkrævet|skal vedlægges|must be (?:attached|enclosed|included))", re.IGNORECASE)
# or a table cell left empty (not ":" at a line's end: running text may go on below it)
_FORM_EMPTY = re.compile(r"^[^\n\t|:]{0,40}?(?:\t|[ ]?\|)[ \t]*$")
_SENT = re.compile(r"\b(?:vedlagt\w*|vedlæg\w*|vedhæft\w*|bilag\w*|medsendt\w*|attach\w*|enclos\w*)\b", re.IGNORECASE)


# a document not in hand: booked or ordered ("the survey is booked for next week", "kortlægningen er planlagt til uge
# 3", "vi har bestilt en miljøscreening"), sent to another authority ("afmærkningsplanen er sendt til politiet"), or
# still to be made by someone ("kortlægningen laver nedrivningsfirmaet inden opstart": Danish puts the object first)
_BOOKED_AFTER = re.compile(
    # (what it is of may come between: "kortlægningen af PCB og asbest er bestilt", "the survey of lead and PCB is")
    r"^\W{0,3}(?:(?:af|of|for)\s+(?:\w+\W+){1,4}?|(?:\w+\W+){0,3}?)"
    r"(?:is|are|has been|have been|was|were|er|bliver|blev)\s+(?:now\s+|nu\s+)?"
    r"(?:booked|scheduled|planned|ordered|commissioned|requested|booket|bestilt|planlagt|rekvireret)\b"
    r"(?!\s+(?:og|and)\s+(?:er\s+|is\s+|was\s+|has been\s+)?(?:udført|lavet|modtaget|done|carried out|made|"
    r"received|completed))"
    # a form's answer: "Kortlægning af farlige stoffer: bestilt, ikke udført endnu", "Survey: ordered"
    r"|^[^:\n]{0,40}:\s*(?:booked|scheduled|planned|ordered|commissioned|requested|booket|bestilt|planlagt|"
    r"rekvireret)\b(?!\s+(?:og|and)\s+(?:udført|lavet|modtaget|done|carried out|made|received|completed))"
    r"|^\W{0,3}(?:\w+\W+){0,2}?(?:is|are|has been|have been|was|were|er|blev)\s+(?:\w+\s+)?(?:sendt|fremsendt|"
    r"indsendt|sent|submitted|forwarded)\s+(?:til|to)\s+(?:the\s+)?(?:\w+\s+)?(?:politiet|police|godkendelse|approval|"
    r"vejmyndighed\w*|road authority|\w+rådgiver\w*|consultant)\b"
    r"|^\W{0,3}(?:laver|udfører|udarbejder|tegner|bestiller)\s+(?:selv\b|vi\b|jeg\b|\w+(?:en|et|erne)\b)"
    # to be sent by someone else, object first ("afmærkningsplanen sender entreprenøren, når de har fået den lavet";
    # not "sender vi med", which ``_LATER`` weighs)
    r"|^\W{0,3}eftersender\b|^\W{0,3}(?:sender|fremsender)\s+(?:\w*(?:entreprenør|rådgiver|firma|konsulent|arkitekt|ingeniør|"
    r"kloakmester|leverandør|vognmand|ejer|bygherre|udlejer|administrator)\w*\b(?!\s+(?:med|hermed|herved|her|nu|"
    r"vedlagt)\b)|\w+(?:en|et|erne)\b,?\s+(?:når|så snart|senere|efterfølgende|bagefter)\b)"
    # to arrive later: "the asbestos survey comes next week from the consultant", "kortlægningen kommer i næste uge"
    r"|^\W{0,3}(?:\w+\W+){0,5}?(?:comes?|coming|arrives?|arriving|kommer|ankommer)\s+(?:i\s+|in\s+|om\s+)?"
    r"(?:next|næste|later|senere|soon|snart|tomorrow|i morgen|efterfølgende)\b",
    re.IGNORECASE)
_BOOKED_BEFORE = re.compile(r"\b(?:har|have|has|we've|I've)\s+(?:nu\s+|now\s+|just\s+|lige\s+)?(?:booked|ordered|"
                            r"commissioned|requested|bestilt|booket|rekvireret)\b(?:\W+\w+){0,3}?\W*$"
                            # to be had made: "we will have the PCB survey done next week", "vi får lavet kortlægningen"
                            r"|\b(?:(?:will|shall|'ll|are going to)\s+(?:have|get)|are (?:having|getting)|"
                            r"(?:skal|vil)\s+have\s+(?:lavet|udført|foretaget)|får\s+(?:vi\s+|jeg\s+)?(?:lavet|udført|"
                            r"foretaget))\b(?:\W+\w+){0,5}?\W*$"
                            # still to be made by someone: "the contractor will also make the traffic plan", "the
                            # consultant is going to prepare the survey", "entreprenøren skal udarbejde planen"
                            r"|\b(?:will|shall|'ll|is going to|are going to|skal|vil)\s+(?:also\s+|first\s+|også\s+|"
                            r"først\s+|selv\s+)?(?:make(?!\s+sure)|prepare|draw up|produce|create|write|lave|udarbejde|"
                            r"tegne|udfærdige)\b(?:\W+\w+){0,3}?\W*$", re.IGNORECASE)
# to be sent by the writer later: "We will send the traffic management plan once it has been approved by the police",
# "vi eftersender afmærkningsplanen" (not "we will send the plan with this mail", "... attached": ``_SENT_NOW``)
_TO_SEND_BEFORE = re.compile(r"\b(?:(?:we|I)(?:'ll|\s+will|\s+shall|\s+are going to|\s+am going to)\s+(?:send|forward|"
                             r"submit|provide|deliver|supply)(?:\s+(?:you|jer))?|(?:vi|jeg)\s+(?:eftersender|vil "
                             r"eftersende|sender senere|sender efterfølgende))\b(?:\W+\w+){0,3}?\W*$", re.IGNORECASE)
_SENT_NOW = re.compile(r"^\W{0,3}(?:\w+\W+){0,3}?(?:here|now|herewith|hereby|attached|enclosed|with (?:this|the|our) "
                       r"(?:mail|e-?mail|letter|application)|as an? attachment)\b", re.IGNORECASE)
# a number right after "uge"/"week" is a week ("uge 8-12 2027"), not clock hours or a size
_WEEK_BEFORE = re.compile(r"\b(?:uge(?:r|rne)?|weeks?|wk|w)\.?\s*$", re.IGNORECASE)


def _not_in_hand(text: str, start: int, end: int) -> bool:
    """The document at ``text[start:end]`` is booked or ordered, sent to another authority, still to be made, or to
    be sent by the writer later."""
    after = _after(text, end, 80)
    stop = _SENTENCE_END.search(after)  # the sentence, not the clause: "bestilt og udført" is done
    before = _clause_before(text, start, 60)
    return bool(_BOOKED_AFTER.match(after[:stop.start()] if stop else after)) or bool(_BOOKED_BEFORE.search(before)) \
        or (bool(_TO_SEND_BEFORE.search(before)) and not _SENT_NOW.match(after))


# a state of the item said as a condition still to come: "Afmærkningsplan eftersendes når entreprenøren er valgt",
# "once the contractor is hired" (the match holds the state: "entreprenøren er valgt"; not "when the contractor
# Hansen ApS starts", which names it)
_CONDITION_BEFORE = re.compile(r"\b(?:når|så snart|hvis|indtil|once|when|as soon as|if|until)\s+"
                               r"(?:the\s+|a\s+|an\s+|en\s+|et\s+)?$", re.IGNORECASE)
_STATE_IN_MATCH = re.compile(r"\s(?:er|is|are|bliver|has been|have been)\s+[^\W\d]+$", re.IGNORECASE)


def _a_condition(text: str, match: re.Match[str]) -> bool:
    """The match states the item's state ("entreprenøren er valgt") right after "når"/"once"/"if": not yet so."""
    return bool(_STATE_IN_MATCH.search(match.group())) and not any(c.isdigit() or c.isupper()
                                                                  for c in match.group()[1:]) \
        and bool(_CONDITION_BEFORE.search(_clause_before(text, match.start(), 40)))


def _a_week(text: str, match: re.Match[str], document: _Document) -> bool:
    """A match starting with a number written right after "uge"/"week" is a week: it gives only a period."""
    return match.group()[:1].isdigit() and "period_from" not in document.kinds \
        and bool(_WEEK_BEFORE.search(text[max(0, match.start() - 8):match.start()]))


def _stated(pattern: re.Pattern[str], text: str, document: _Document = _Document()) -> bool:
    """``pattern`` occurs in ``text`` at least once where the writer gives it: not where they say it is absent or to
    come later, ask about it or quote it as something asked for (see ``_only_named``)."""
    for n, m in enumerate(pattern.finditer(text)):
        if n >= _MATCHES:
            return False
        if document.values_only and not any(c.isdigit() for c in m.group()):
            continue
        if document.said_absent and _COMPANY_FORM.fullmatch(m.group()):
            continue
        if document.ranges_only and not _RANGE.search(m.group()):
            continue
        if document.estimates_only and not _estimate_in(text, m):
            continue
        if document.days_only and not _DAY_NUMBER.search(m.group()):  # "two nights in April 2027; dates to be ..."
            continue
        if _a_week(text, m, document) or _a_condition(text, m) \
                or ((document.is_document or document.in_attachment) and _not_in_hand(text, m.start(), m.end())):
            continue
        if not _denied(text, m.start(), m.end()) and not _only_named(text, m, document) \
                and not _other_kind(text, m.start(), m.end(), document):
            return True
    return False


# a day or a week's number in a match (not a year's digits): "3. maj", "uge 15"
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# a match holding both ends of a period: "uge 8-12", "fra maj til september", "1/3 - 30/4"
_RANGE = re.compile(r"\d\s*[-–]\s*\d|\s[-–]\s|\b(?:til|to|until|through)\b", re.IGNORECASE)


def _said_absent(item: ChecklistItem, evidence: Evidence) -> bool:
    """The writer names the item in words and says it is not there or comes later ("Contractor: TBD (tender closes
    in January)", "entreprenøren er ikke valgt endnu"), and names it as given nowhere: a company form elsewhere (the
    writer's own "ApS" in the signature, "our client, X K/S") does not overrule that, nor does a state said as a
    condition still to come ("Afmærkningsplan eftersendes, når entreprenøren er valgt")."""
    said = False
    for _, text in evidence.texts:
        for pattern in item.patterns:
            for n, m in enumerate(_pattern(pattern).finditer(text)):
                if n >= _MATCHES:
                    break
                if _COMPANY_FORM.fullmatch(m.group()) or _a_condition(text, m):  # "når entreprenøren er valgt"
                    continue
                if not _denied(text, m.start(), m.end()):
                    return False
                said = True
    return said


def _other_kind(text: str, start: int, end: int, document: _Document, in_signature: bool = False) -> bool:
    """The value at ``text[start:end]`` is of another kind than the item (``givens.rejected``): another party's
    CVR, a rate, the staff, a deadline or a past date, the business's own address when the site is not known."""
    own = document.site_unknown and (in_signature or own_address_at(text, start))
    return rejected(document.kinds, text, start, end, document.received, own)


def _detail_given(item: ChecklistItem, key: str, value: object, evidence: Evidence, unknown_site: bool) -> bool:
    """An extracted detail gives ``item`` where it is written as given: some place it is read from (a text, the
    signature) is not negated, deferred or of another kind (``_stated``'s rules). A value read only from quoted
    earlier mail is not given; one whose written form cannot be found is taken as it is."""
    if implausible(key, value):
        return False
    if unknown_site and key in ("address", "activity_location") and not any(c.isdigit() for c in
                                                                            str(value).split(",")[0]):
        return False  # "in Købmagergade ... I cannot yet give you the exact street number": a street, not the address
    document = _Document(kinds=item.details, received=evidence.received, site_unknown=unknown_site)
    # the business's own address in its signature is where it sits, not where the activity of an ``away`` item
    # (a scaffold, an event, a dig, a stall) takes place, unless the text puts the activity there ("foran vores
    # butik", "in our courtyard")
    written = [t for source, t in evidence.texts if source in _WRITTEN]
    signature_is_site = not (key == "address" and item.away) or at_own_premises(written)
    # nor, for any place item or the business's numbers, where the writer applies for a client ("for vores kunde ...,
    # vi søger på deres vegne", "på vegne af vores klient"): the signature is the writer's office, its CVR the writer's
    signature_is_site = signature_is_site and not (key in ("address", "activity_location", "cvr", "p_number")
                                                   and for_a_client(written))
    # nor where the text puts the place in a district and the signature's town is outside it ("ved vores lager i
    # Valby", signed "Industrivej 12, 2750 Ballerup")
    signature_is_site = signature_is_site and not (key in ("address", "activity_location")
                                                   and district_elsewhere(written, evidence.signature))
    # "P-nummeret på den (the attached printout) er for vores anden butik": only a P-number written in the mail counts
    unit_elsewhere = key == "p_number" and another_unit(written)
    seen = False
    for source, text in (*evidence.texts, ("signature", evidence.signature)):
        for n, (start, end) in enumerate(locate(key, value, text)):
            if n >= _MATCHES:
                break
            seen = True
            if unit_elsewhere and source not in _WRITTEN:
                break
            if source == "signature" and not signature_is_site and not _CLIENT_LINE.search(_line_before(text, start)):
                break  # (a line of the signature may name the client's own: "Client: ReCell Nordic ApS · CVR-nr. ...")
            if not signature_is_site and key == "address" and source != "signature" \
                    and not _same_number(str(value), text, end):
                continue  # "Skurvogn Amagerbrogade" over a signature's "Amagerbrogade 201": the street, not the place
            if not _denied(text, start, end, value=True) \
                    and not _other_kind(text, start, end, document, source == "signature"):
                return True
    if key in ("period_from", "period_to") and date_unsettled([t for _, t in evidence.texts]):
        return False  # "the date is not fixed yet - most likely a weekend in August": a month read as a date is none
    if not seen and any(next(locate(key, value, text), None) is not None for text in evidence.others):
        # written only in a sentence about another part of the application: this part's own period is a date in
        # its own sentences ("Noisy work: ..., 15 February - 12 March 2027") or the same period ("2 containere ...
        # i samme periode"); any other value is not this part's
        return key in ("period_from", "period_to") and _own_period(evidence, item)
    if not seen and evidence.others and key in ("period_from", "period_to"):
        # a period whose written form is not found ("from 6 to 10 September 2027"), in a part that does not read
        # every sentence: the part's own sentences must give one
        return _own_period(evidence, item)
    return not seen and next(locate(key, value, evidence.quoted), None) is None


# a part that takes place in the period another part names: "i samme periode", "i hele nedrivningsperioden",
# "samtidig med nedrivningen", "under koncerten", "for hele udgravningen", "for the same period", "during the concert",
# "same hours as the concert", "while the scaffolding is up", "throughout the works"
_SAME_PERIOD = re.compile(r"\b(?:(?:i|in|for|during|over)\s+(?:(?:den|the)\s+)?(?:samme|same)\s+(?:\w+)?period\w*|"
                          r"(?:i|in)\s+hele\s+\w*perioden|"
                          r"(?:samme|same)\s+(?:period\w*|dag|dage|tidsrum|uger|hours|days?|dates?|weeks?|time)|"
                          r"samtidig(?:t)?\s+med|mens\s+\w+|(?:for|i)\s+hele\s+\w+(?:en|et)|"
                          r"under\s+(?:hele\s+)?\w+(?:en|et|ne)|hele\s+perioden|at the same time|while the|during the|"
                          r"throughout the|for the whole|for the entire)\b", re.IGNORECASE)
# a span of days in one month: "11.-22. oktober 2027", "3-21 May"
_DAYS_SPAN = re.compile(r"\b\d{1,2}\.?\s*(?:-|–|til|to|until)\s*\d{1,2}\.?\s*"
                        r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)", re.IGNORECASE)


def _own_period(evidence: Evidence, item: ChecklistItem) -> bool:
    """This part's own sentences give it a period (from and to): two dates in one text, a span of days, months, a
    week, or the period of another part. A date alone (an event's day, ``item`` without ``period_to``) is not given
    by months ("engang sidst i maj")."""
    months = "period_to" in item.details
    return any(len(find_dates(text)) > 1 or _DAYS_SPAN.search(text) or (months and _IN_MONTHS.search(text))
               or _WEEK.search(text) or _SAME_PERIOD.search(text)
               for source, text in evidence.texts if source != "subject")


# whole months: "i juni, juli og august 2027", "hele maj", "from May to September", "during June"
_IN_MONTHS = re.compile(r"\b(?:i|in|hele|fra|from|during|throughout|all of)\s+(?:januar|februar|marts|april|maj|"
                        r"juni|juli|august|september|oktober|november|december|january|february|march|may|june|july|"
                        r"october)\b", re.IGNORECASE)


_WEEK = re.compile(r"\b(?:uge|week)s?\s*\d{1,2}\b", re.IGNORECASE)


def _same_number(value: str, text: str, end: int) -> bool:
    """The street written at ``text[:end]`` goes on with the house number of the address ``value`` (or ``value`` has
    none)."""
    number = re.search(r"\s(\d{1,4})(?!\d)", value.split(",")[0])
    return number is None or re.match(r"\s*(?:nr\.?\s*|no\.?\s*)?" + re.escape(number.group(1)) + r"(?!\d)",
                                      text[end:end + 16], re.IGNORECASE) is not None


# a signature's line that names the client the writer applies for ("Client: ReCell Nordic ApS · CVR-nr. ...")
_CLIENT_LINE = re.compile(r"\b(?:client|klient|kunde|customer|bygherre|applicant|ansøger)\w*\b", re.IGNORECASE)


def _line_before(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1:start]


def _only_named(text: str, match: re.Match[str], document: _Document) -> bool:
    """The writer names the item without giving it: a question about a document ("Do we need a traffic plan?"),
    a question about what is needed ("Hvad må man sælge?", "should we have a grease separator?"), the item quoted
    from what the authority asks for ("I skal bruge adresse og kortlægning af PCB"), or a document said to be
    attached to a mail that has no attachment. A match holding a number gives a value and is never only named."""
    start, end = match.start(), match.end()
    sentence, at = _sentence_around(text, start, end)
    if document.is_document:
        if _asked(text, end):
            return True
        if document.named_only and _SENT.search(sentence):
            return True
    if any(c.isdigit() for c in match.group()):
        return False
    if _asked(text, end) and _ASKING_BEFORE.search(_clause_before(text, start, 60)):
        return True
    if _SENT.search(sentence):
        return False
    # "... you need the contractor's name: it is Hansen ApS" answers the requirement with a value
    return any(c.start() >= at or ":" not in sentence[c.end():at] for c in _REQUIRED.finditer(sentence))


def _sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence (or line) holding ``text[start:end]``, 200 characters either side at most, and where in it
    ``start`` is."""
    before = text[max(0, start - 200):start]
    begin = max((m.end() for m in _SENTENCE_STOP.finditer(before)), default=0)
    stop = _SENTENCE_STOP.search(text, end, end + 200)
    return before[begin:] + text[start:stop.end() if stop else end + 200], len(before) - begin


def _clause_before(text: str, start: int, width: int) -> str:
    """The part of the clause before ``start``, looking back ``width`` characters at most."""
    before = text[max(0, start - width):start]
    if start > width and text[start - width - 1].isalnum():  # not the tail of a cut word ("Beboerforen|ingen")
        before = _REST_OF_WORD.sub("", before, count=1)
    return before[max((m.end() for m in _CLAUSE_END.finditer(before)), default=0):]


def _asked(text: str, end: int) -> bool:
    """The sentence that goes on at ``end`` is a question ("Do we need a traffic plan?")."""
    stop = _SENTENCE_STOP.search(text, end, end + 200)
    return stop is not None and stop.group() == "?"


def _denied(text: str, start: int, end: int, value: bool = False) -> bool:
    """The clause around ``text[start:end]`` negates it before, or defers it after ("... eftersendes"). A ``value``
    (a detail's written value, not a label) is not a form's label: a blank or "Nej" answer after it is another's."""
    if _NEGATION.search(_clause_before(text, start, 80)) or _UNTICKED.search(_clause_before(text, start, 80)):
        return True
    if value:  # (a value that takes its sentence's dot, "2300 København S.", ends there: what follows is another's)
        return not _ENDS_SENTENCE.match(text, max(0, end - 1)) and _deferred(text, end)
    if _BLANK_BRIDGED.search(text, start, end):  # "Entreprenør:\nPeriode ..." took the next line for the value
        return True
    if _WHICH_BEFORE.search(text, max(0, start - 12), start) and _LEFT_OPEN_AFTER.match(text, end):
        return True  # "hvilket modtageanlæg det bliver, har vi ikke besluttet endnu"
    line = text[end:end + 80].split("\n", 1)[0]
    if _FORM_EMPTY.match(line) or _form_answer_no(text, start, end):  # "Tegning\t", "Afmærkningsplan | Nej"
        return True
    return _deferred(text, end)


# an indirect question the writer leaves open: "hvilket modtageanlæg det bliver, har vi ikke besluttet endnu", "which
# facility it will be is not decided yet"
_WHICH_BEFORE = re.compile(r"\b(?:hvilke[nt]?|which|what)\s+$", re.IGNORECASE)
_LEFT_OPEN_AFTER = re.compile(r"[^.!?\n]{0,60}?\b(?:(?:har|ved|kender) (?:vi|jeg) (?:endnu |stadig )?ikke|(?:er|is) "
                              r"(?:endnu |stadig |still |yet )?(?:ikke|not) (?:yet )?(?:besluttet|afklaret|valgt|"
                              r"fundet|decided|known|chosen|settled)|(?:we|I) (?:don't|do not|haven't|have not) "
                              r"(?:yet )?(?:know|decided|chosen))\b", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"\.[ \t]+[A-ZÆØÅ]")


def _deferred(text: str, end: int) -> bool:
    """The clause going on at ``end`` says it comes later or is not there ("... eftersendes", "... er ikke")."""
    after = _after(text, end, 60)  # "Jordprøve|rne er ikke taget"
    stop = _AFTER_END.search(after)
    return bool(_LATER.search(after[:stop.start()] if stop else after))


_WORD_GOES_ON = re.compile(r"\w*(?:-\w+)*")  # (and on through a compound: "PCB|-screening er ikke lavet endnu")
# (an aside of words: one holding numbers gives values of its own, "for Café X (CVR 37313475, Vej 2) mangler jeg")
_OPEN_BRACKET = re.compile(r"\([^()\n\d]{0,80}$")
_BRACKETS_AFTER = re.compile(r"[ \t]*\([^()\n\d]{0,80}\)")


def _after(text: str, end: int, width: int) -> str:
    """What the clause says after the word ending at ``end``: past the rest of the word and past an aside in brackets
    ("A survey of hazardous substances (PCB, asbestos, lead) will be carried out": the survey's, and PCB's, clause
    goes on after the brackets)."""
    goes_on = _WORD_GOES_ON.match(text, end)      # (``\w*`` matches at any position, the empty word included)
    end = goes_on.end() if goes_on else end
    if _OPEN_BRACKET.search(text, max(0, end - 80), end):  # inside brackets: the clause goes on after them
        close = text.find(")", end, end + 80)
        if close >= 0 and not any(c == "\n" or c.isdigit() for c in text[end:close]):
            end = close + 1
    aside = _BRACKETS_AFTER.match(text, end)
    return text[aside.end() if aside else end:][:width]


def _form_answer_no(text: str, start: int, end: int) -> bool:
    """A label and its answer ("Afmærkningsplan vedlagt | Nej", "Contractor: TBD.", "P-nr.: ?", "Modtageanlæg:
    afventer tilbud") where the answer says the item is not given; the separator is in the match or just after."""
    line_end = text.find("\n", start)
    line = text[start:line_end if line_end >= 0 else start + 300]
    sep = _SEPARATOR.search(line, 0, end - start + 40)
    if sep is not None and _SENTENCE_END.search(line, end - start, sep.start()):  # "120 tons. Modtageanlæg: ..."
        return False  # another label's answer, in the next sentence
    if sep is None:  # a heading, its answer on the next line ("2. Kortlægning af PCB\n[udfyldes]")
        following = text[line_end + 1:line_end + 200].split("\n", 1)[0] if line_end >= 0 else ""
        return _HEADING_END.search(line) is None and (bool(_BLANK_ANSWER.fullmatch(following))
                                                      or _section_says_no(text, start, following))
    answer = line[sep.end():]
    stop = _ANSWER_END.search(answer)
    return bool(_NO_ANSWER.match(answer[:stop.start()] if stop else answer))


# a section's text that says its heading's item is not there yet: "3. Destination\nThe receiving facility has not yet
# been chosen", "3. Hazardous substances\nA survey of hazardous substances (PCB, asbestos, lead) will be carried out"
_SECTION_OPEN = re.compile(r"\b(?:will be (?:carried out|done|made|prepared|drawn up|performed|conducted|sent|"
                           r"forwarded|submitted|chosen|decided|confirmed|appointed|selected)|will follow|to follow|"
                           r"eftersend\w*|følger senere|kommer senere|afventer|awaiting|pending|tb[dca]|udføres|"
                           r"udarbejdes|bestilt|booked|ordered|scheduled)\b", re.IGNORECASE)
_FIRST_CLAUSE_END = re.compile(r"[.!?;:]\s|,\s|\b(?:men|but)\b", re.IGNORECASE)


def _section_says_no(text: str, start: int, following: str) -> bool:
    """The match at ``start`` is a section's heading (a short line of its own, "3. Destination") and the first
    clause of the line under it (an aside in brackets left out) says the item is not there, or is to come."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if len(text[line_start:line_end if line_end >= 0 else len(text)].strip()) > 60:
        return False
    first = _BRACKETS_AFTER.sub("", following)
    stop = _FIRST_CLAUSE_END.search(first)
    first = first[:stop.start()] if stop else first
    return bool(_NEGATION.search(first) or _SECTION_OPEN.search(first) or _NO_ANSWER.match(first))


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
