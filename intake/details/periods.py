"""Dates and periods as businesses write them, in Danish and English.

``find_dates`` finds single dates ("1. marts 2027", "01.03.2027", "1/3-2027",
"2027-03-01", "March 1, 2027", "1st of March"), ``find_period`` the period an
application asks for: a range ("fra 1. maj til 30. september 2027",
"1.-3. juni 2027", "June 1-3, 2027", "uge 12-14 2027"), or one side of it ("fra
og med 1. maj"). A date written without a year gets the year of the other end
of its range, else the first year that does not put it far in the past of the
reference date. Pure functions; dates are ``datetime.date``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice

from dateutil.easter import easter

from intake.details.identifiers import NUMBER_WORDS

MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    # "mars": a Swede's or a Norwegian's March ("fra 15. mars")
    "marts": 3, "march": 3, "mar": 3, "mars": 3, "april": 4, "apr": 4, "maj": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a day of the month said as its ordinal, as a date read aloud or dictated: "den første juni", "den femtende august",
# "the twenty-first of May"
ORDINAL_DAYS = {
    "første": 1, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "syvende": 7, "ottende": 8,
    "niende": 9, "tiende": 10, "ellevte": 11, "tolvte": 12, "trettende": 13, "fjortende": 14, "femtende": 15,
    "sekstende": 16, "syttende": 17, "attende": 18, "nittende": 19, "tyvende": 20, "enogtyvende": 21,
    "toogtyvende": 22, "treogtyvende": 23, "fireogtyvende": 24, "femogtyvende": 25, "seksogtyvende": 26,
    "syvogtyvende": 27, "otteogtyvende": 28, "niogtyvende": 29, "tredivte": 30, "tredvte": 30, "enogtredivte": 31,
    "enogtredvte": 31,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}
_YEAR = r"(?P<{}>(?:19|20)\d\d)"
PAST_TOLERANCE = timedelta(days=60)
MAX_DATES = 2_000

_DATE_PATTERNS = [
    re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    # a two-digit year only right after its separator: "1/4 - 30/9" is two dates, not 1 April 2030
    # one separator throughout: "1/5-30/9 2027" is two dates, not 1 May 2030
    re.compile(r"(?<![\d.,/])(?P<d>\d{1,2})\s?(?P<sep>[./-])\s?(?P<m>\d{1,2})(?:(?P=sep)(?P<y>(?:19|20)?\d\d)|\s?[./-]"
               r"\s?(?P<y4>(?:19|20)\d\d))(?![\d]|[.,]\d)"),
    re.compile(r"(?<![\d.,/])(?P<d>\d{1,2})/(?P<m>\d{1,2})[ ](?P<y4>20\d\d)(?![\d]|[.,]\d)"),     # "2/9 2027"
    # "7/6-27": a two-digit year after a dash, when no day and month follow ("1/5-30/9" is two dates)
    re.compile(r"(?<![\d.,/])(?P<d>\d{1,2})/(?P<m>\d{1,2})-(?P<y>\d\d)(?![\d]|[/.,]\d)"),
    re.compile(r"(?<![\d])(?P<d>\d{1,2})(?:\.|st|nd|rd|th)?\s{0,3}(?:of\s{1,3}|af\s{1,3})?" + _MONTH.format("mon")
               + r"(?:,?\s{1,3}" + _YEAR.format("y") + r")?(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)" + _MONTH.format("mon") + r"\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
               r"(?:,?\s{1,3}" + _YEAR.format("y") + r")?", re.IGNORECASE),
    # "d. 1.6", "den 31.8": day and month with a dot, only after "d." or "den" (else "1.6 m" would be a date)
    re.compile(r"(?:(?<=\bd\. )|(?<=\bden ))(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?![\d]|\.\d|,\d)"),
    # "fra 14.06 til 18.06", "FRA 1.12 TIL 23.12.2027": a pair of days and months with a dot, the month in two digits
    # or the end's year written ("fra 9.10" alone may be a time, "fra 10.30 til 11.30" is one)
    re.compile(r"(?<=\b(?i:fra|fom) )(?P<d>\d{1,2})\.(?P<m>0[1-9]|1[0-2])"
               r"(?=[ \t]{1,3}(?i:til|tom|to|[-–])[ \t]{1,3}\d{1,2}\.(?:0[1-9]|1[0-2])(?:\.(?:19|20)?\d\d)?"
               r"(?![\d]|\.\d|,\d))"),
    re.compile(r"(?:(?<=\d\.0\d til )|(?<=\d\.1\d til )|(?<=\d\.0\d to )|(?<=\d\.1\d to )|(?<=\d\.0\d - )"
               r"|(?<=\d\.1\d - ))(?P<d>\d{1,2})\.(?P<m>0[1-9]|1[0-2])(?![\d]|\.\d|,\d)"),
    # "4.10.–15.10.2027": a day and month with their dots, before a dash and the date that ends the range
    re.compile(r"(?<![\d.,/])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\."
               r"(?=[ \t]?(?:[-–]|[ \t](?i:til(?:[ \t]og[ \t]med)?|t\.o\.m\.?|to|until))[ \t]{0,2}"
               r"\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d(?!\d))"),
    # "1/4": day and month only ("1/5-30/9" too, but not "1/5-27", a year)
    re.compile(r"(?<![\d.,/])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/]|[.,]\d|-\d{1,4}(?![\d/]))"),
    # "den første juni", "the fifteenth of August": a day in words, after "den" or "the" ("første maj" alone may be
    # the holiday's name)
    re.compile(r"(?<=\b(?i:den|the)[ \t])(?P<d>" + "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))
               + r")[ \t]{1,3}(?:of[ \t]{1,3})?" + _MONTH.format("mon") + r"(?:,?\s{1,3}" + _YEAR.format("y")
               + r")?(?!\w)", re.IGNORECASE),
    # "til og med den sidste dag i september", "until the last day of August": the month's last day
    re.compile(r"(?<![\w])(?P<d>(?i:sidste|last))[ \t]{1,3}(?i:dag|day)[ \t]{1,3}(?i:i|af|of|in)[ \t]{1,3}"
               + _MONTH.format("mon") + r"(?:,?\s{1,3}" + _YEAR.format("y") + r")?(?!\w)", re.IGNORECASE),
]
# a day of the week shortened ("Sat", "lør."; "man" only with its dot: "man" is also a pronoun)
_WEEKDAY_SHORT = r"(?:(?:tirs?|ons|tors?|fre|lør|søn|mon|tues?|wed|thur?s?|fri|sat|sun)\.?|man\.)"
_DAY_RANGE_PATTERNS = [
    # "1.-3. juni 2027", "1-3 June 2027", "fra den 1. til den 15. juni", "between 1 and 3 June"
    re.compile(r"(?<![\d])(?P<d1>\d{1,2})(?:\.|st|nd|rd|th)?\s{0,3}"
               r"(?:-|–|til(?:\s{1,3}og\s{1,3}med)?(?:\s{1,3}(?:den|d\.))?|to|until|till|through|thru|and|og)"
               r"(?:\s{1,3}(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
               r"|" + _WEEKDAY_SHORT + r")"                                  # "Sat 12 and Sun 13 June"
               r"(?:\s{1,3}(?:den|d\.))?)?\s{0,3}(?:the\s{1,3})?(?P<d2>\d{1,2})"     # "the 1st to the 14th of August"
               r"(?:\.|st|nd|rd|th)?\s{0,3}(?:of\s{1,3})?"
               + _MONTH.format("mon") + r"(?:,?\s{1,3}" + _YEAR.format("y") + r")?(?!\w)", re.IGNORECASE),
    # "d 21.-22.08.2027": two days before one numeric month and year
    re.compile(r"(?<![\d.,/])(?P<d1>\d{1,2})\.?[ \t]?[-–][ \t]?(?P<d2>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d\d)"
               r"(?!\d)"),
    # "June 1-3, 2027", "June 18th and 19th, 2027"
    re.compile(r"(?<!\w)" + _MONTH.format("mon")
               + r"\s{1,3}(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s{0,3}(?:-|–|to|and|through|thru)\s{0,3}(?:the\s{1,3})?"
               r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
               r"(?:,?\s{1,3}" + _YEAR.format("y") + r")?", re.IGNORECASE),
]
_WEEK_RANGE = re.compile(
    r"\b(?:uge(?:rne)?|weeks?|wk)\s{0,3}(?P<w1>\d{1,2})(?:\s{0,3}(?:-|–|til(?:\s{1,3}og\s{1,3}med)?|t\.o\.m\.|to|and|og)\s{0,3}"
    r"(?:uge\s{0,3}|week\s{0,3})?(?P<w2>\d{1,2}))?(?:,?\s{0,3}(?:i\s{1,3}|in\s{1,3})?(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
# "the first two weeks of August", "de første to uger af juli", "the last week of June": days of a month counted in
# weeks from its start or from its end
_WEEKS_OF_MONTH = re.compile(
    r"(?<![\w-])(?P<side>first|last|første|sidste)[ \t]{1,3}(?:(?P<n>\w+)[ \t]{1,3})?(?P<unit>weeks?|uger?)[ \t]{1,3}"
    r"(?:of|in|af|i)[ \t]{1,3}" + _MONTH.format("mon")
    + r"(?:[ \t,]{1,3}(?:this[ \t]year[ \t]{1,3}|i[ \t]år[ \t]{1,3})?\(?" + _YEAR.format("y") + r"\)?)?(?!\w)",
    re.IGNORECASE)
_RANGE_GAP = re.compile(
    # ("fredag den 11. juni kl. 18 til søndag den 13. juni": a time of day after the first date; "Friday 10 September
    # 2027, 12:00–20:00, and Saturday 11 September": the hours of the first day)
    # (an aside after the first date: "fra onsdag den 11. august (opbygning af scene og boder) til og med ...")
    r"^(?:[ \t]{0,2}\([^()\n\d]{1,60}\))?"
    r"(?:[\s,]*(?:kl\.?|klokken)[ \t]?\d{1,2}(?:[.:]\d\d)?"
    r"|[\s,]*(?:(?:kl\.?|klokken|from|fra)[ \t]?)?\d{1,2}[.:]\d\d[ \t]?[-–][ \t]?\d{1,2}[.:]\d\d)?"
    r"[\s,]*(?:-|–|—|(?<=\s)/(?=\s)|(?:ind|frem\s+)?til(?:\s+og\s+med)?|t\.o\.m\.?|(?:up\s+)?to(?:\s+and\s+including)?"
    r"|until|till|through|thru|and|og)(?:\s+(?:den|d\.|the))?"
    # the time of the last day: "to the morning of Sunday 17 January", "til søndag morgen den 17. januar"
    r"(?:\s+(?:morning|evening|night|afternoon)\s+of)?"
    r"(?:\s+(?:man|tirs|ons|tors|fre|lør|søn)dag(?:\s+(?:morgen|formiddag|eftermiddag|aften|nat))?"
    r"|\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\s+(?:man|tir|ons|tor|fre|lør|søn|mon|tue|wed|thu|fri|sat|sun)\.?"      # "Fri 1 Oct - Sun 3 Oct 2027"
    # "til og med 2. pinsedag den 17. maj", "til langfredag den 2. april": a holiday named before its date
    r"|\s+(?:[12]\.\s+)?(?:påske|pinse|jule)dag|\s+(?:skærtorsdag|langfredag|(?:kristi\s+)?himmelfartsdag))?"
    r"(?:\s+(?:den|d\.?|the))?[\s,]*$",      # ("til fredag d 19 marts")
    re.IGNORECASE,
)
# the first or the last of days repeated through a period, before its date: "the first time", "the last one", "the
# first Saturday would be", "første gang", "sidste gang" (not "sidste frist": a deadline)
_FIRST_OR_LAST = (r"|\b(?:{side})\s+(?:time|session|one|day|gang|dag|(?:man|tirs|ons|tors|fre|lør|søn)dag"
                  r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?:would|will|is)\s+be)?")
# the day a scaffold or a container is put up and taken down bounds the period ("Erection: 8 March 2027 /
# Dismantling: 30 April 2027", "Opstilling 1/3, nedtagning 30/4")
_FROM_CUE = re.compile(r"(?:\bfra|\bfrom|\bstart\w*|\bbegin\w*|\bstarting|\bopstart|\bmed\s+start|fra\s+og\s+med"
                       r"|\bopstilling|\bopsætning|\bopstilles|\bopsættes|\berection|\berected|\bset[- ]up|\brig[- ]up"
                       r"|f\.o\.m\.?|\bpåbegynd(?:es|t)\b"            # "Nedrivningen forventes påbegyndt den 5. april"
                       # "It will be installed on Monday 4 January", "Tanken installeres mandag den 4. januar"
                       r"|\binstall(?:ed|s)?\b|\binstallere[st]\b"
                       # "at starte nedrivningen 1. marts", "to begin the works on 1 March", "Vi starter gravearbejdet
                       # 8. marts": the verb and its object
                       r"|\b(?:starte[r]?|begynde[r]?|påbegynde[r]?|start|begin|commence)\s+(?:[a-zæøå]{3,20}(?:en|et)|the\s+\w+)"
                       # "We expect to start removing soil on 5 April": the verb and what it starts doing
                       r"|\b(?:start|begin|commence)\s+[a-z]{2,20}ing(?:\s+(?:the\s+)?[a-z]{2,20})?"
                       # "Vi vil gerne i gang mandag den 4. oktober", "gå i gang med nedrivningen den 4. oktober"
                       r"|\bi\s+gang(?:\s+med\s+(?:[a-zæøå]{2,20}\s+){0,2}?[a-zæøå]{2,20})?"
                       # a scaffold "op den 15. marts og ned igen den 31. maj", "Vi stiller op den 10. maj": the day
                       # it goes up
                       r"|(?<![\w-])op"
                       # "the first time on Saturday 7 August", "The first session would be Sunday 6 June", "første
                       # gang lørdag den 7. august": the first of days repeated through a period
                       + _FIRST_OR_LAST.format(side=r"first|første")
                       + r")(?:\s+(?:og\s+med|den|d\.|the|on|dato|date|(?:man|tirs|ons|tors|fre|lør|søn)dag"
                       r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                       # a start told roughly: "Nedrivningen starter ca 1. marts", "work starts around 1 March"
                       r"|ca\.?|cirka|omkring|around|about|approx\.?))*[\s:,|]*$", re.IGNORECASE)
_TO_CUE = re.compile(r"(?:\btil|\bindtil|\buntil|\bto|\bslut\w*|\bend\w*|\bophør\w*|til\s+og\s+med|t\.o\.m\.?"
                     # "færdige og retablerede fredag d. 19. februar", "finished and cleared by 19 February"
                     r"|(?:\bfærdig[et]?|\bcompleted?|\bfinish\w*|\bdone)"
                     r"(?:\s+(?:og|and)\s+[a-zæøå]{3,20}(?<!\bog)(?<!\band))?"
                     r"|\boff\s+(?:the\s+)?site"                  # "to be off site by 26 November"
                     r"|\bude\s+af\s+(?:bygge)?pladsen"            # "regner med at være ude af pladsen fredag den 22."
                     r"|(?<![\w-])ned(?:\s+igen)?"                # "... og ned igen den 31. maj": the day it comes down
                     r"|\bafslutte[st]"
                     # "vejen skal være retableret senest fredag den 16. april": the day the road is restored
                     r"|\bre-?etableret|\bretablere[ts]"
                     r"|\bnedtagning|\bnedtages|\bnedtaget|\bdismantl\w*|\btaken down|\btake[- ]down"
                     # "and the last one Sunday 25 July", "og sidste gang søndag den 29. august": the last of them
                     + _FIRST_OR_LAST.format(side=r"last|sidste")
                     + r")"
                     # ("Nedtagning: senest 30.06.2027": a colon before the word)
                     r"(?::?\s+(?:og\s+med|den|d\.|the|on|by|senest|dato|date|(?:man|tirs|ons|tors|fre|lør|søn)dag"
                     r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day))*[\s:,|]*$", re.IGNORECASE)
_PERIOD_CUE = re.compile(r"periode|period|tidsrum|dato|dates?\b|afholdes|finder sted|takes? place|held|"
                         r"opstilles|opsættes|fra|from|varighed|duration|ønsker|apply|ansøg", re.IGNORECASE)


# the range the text itself says it applies for, after the event's days and its build and strike: "so please consider
# the application as 25-30 August", "i.e. 15 November to 24 December", "dvs. vi søger for 23.-25. august"
_APPLIED_FOR = re.compile(r"(?:\bi\.e\.|\bdvs\.|\bsøger (?:vi )?for|\bthe application as"
                          r"|\bapply(?:ing)? for the period|\bpermit (?:should|must|shall) cover"
                          r"|\bneed the area for the (?:whole|entire) (?:span|period))"
                          r"[^\n]{0,15}\Z", re.IGNORECASE)


# a range put in place of an earlier one by the text itself: "Correction: ... please make it 1 March 2027 to 29
# February 2028", "Rettelse: perioden skal være 3.-7. maj", "so the period should be 1-5 May"
_CORRECTION_LINE = re.compile(r"(?i)^[ \t>*-]{0,4}(?:correction|rettelse|korrektion|berigtigelse)\b[^\n]{0,160}\Z")
_MAKE_IT = re.compile(r"(?i)\b(?:make[ \t]+it|change[ \t]+it[ \t]+to|should[ \t]+(?:be|read)|skal[ \t]+(?:være|rettes"
                      r"[ \t]+til)|ret[ \t]+(?:det|den|perioden)[ \t]+til)[ \t:]{1,3}"
                      r"(?:(?:fra|from|the|den|d\.)[ \t]+)?\Z")


# a range said right before "instead" ("så det bliver uge 38-39 i stedet", "so it will be 20-24 September instead"; not
# "i stedet for 1.-5. maj": the old one follows)
_INSTEAD = (r"(?:\d|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
            + r"))\.?[ \t,]{0,3}(?:i[ \t]stedet|instead)\b(?![ \t]+(?:for|of)\b)")
PUT_INSTEAD = re.compile(_INSTEAD, re.IGNORECASE)
_INSTEAD_AFTER = re.compile(r"[^\n.!?]{0,25}?" + _INSTEAD, re.IGNORECASE)
_CORRECTION_HINT = re.compile(r"(?i)correction|rettelse|korrektion|berigtigelse|make[ \t]+it|change[ \t]+it"
                              r"|should[ \t]+(?:be|read)|skal[ \t]+(?:være|rettes)|ret[ \t]+(?:det|den|perioden)"
                              r"|i[ \t]stedet|instead")


def corrected_period(text: str, reference: date) -> Period | None:
    """The range the text puts in place of an earlier one (``_corrected_range``), over a labelled period ("Period: 1
    March 2027 to 28 February 2028" above "Correction: ... please make it 1 March 2027 to 29 February 2028")."""
    if not _CORRECTION_HINT.search(text):
        return None
    text = _BARE_D.sub(r"\1. ", text)
    dates = _not_excluded(text, find_dates(text), reference)
    ranges = [r for r in _ranges(text, reference, dates) if r[2] >= reference]
    corrected = _corrected_range(text, ranges)
    return Period(corrected[0][1], corrected[0][2]) if corrected else None


def _corrected_range(text: str, ranges: list[tuple[int, date, date]]) -> list[tuple[int, date, date]]:
    """The last range after the first that the text writes as a correction (on a line opened by "Correction:", or
    after "please make it"), as the only one; none where no range is corrected."""
    for r in reversed(ranges[1:]):
        line = text[max(text.rfind("\n", 0, r[0]) + 1, r[0] - 200):r[0]]
        if _MAKE_IT.search(line) or _CORRECTION_LINE.search(line) or _INSTEAD_AFTER.match(text, r[0]):
            return [r]
    return []


@dataclass(frozen=True)
class DateMention:
    """A date found in text; ``year_given`` is False when the year was inferred."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None = None      # the day of the week written before it ("mandag den 4. oktober"), ISO 1-7


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None


def find_dates(text: str) -> list[DateMention]:
    """Every well-formed date in ``text``, in order, without overlaps."""
    found: list[DateMention] = []
    starts: list[int] = []          # sorted, non-overlapping spans taken so far
    ends: list[int] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if len(found) >= MAX_DATES:
                break
            i = bisect.bisect_left(starts, m.end())
            if i > 0 and ends[i - 1] > m.start():
                continue            # overlaps a date found by an earlier pattern
            mention = _mention(m)
            if mention is not None and mention.year is None:
                before = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 20), m.start())
                if before:
                    mention = replace(mention, weekday=_WEEKDAY[before.group("wd").lower()])
            if mention is not None:
                found.append(mention)
                starts.insert(i, m.start())
                ends.insert(i, m.end())
    return sorted(found, key=lambda d: d.start)


def _mention(m: re.Match) -> DateMention | None:
    groups = m.groupdict()
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    year = _year(groups.get("y") or groups.get("y4"))
    if groups["d"].lower() in ("sidste", "last"):
        day = calendar.monthrange(year or 2027, month)[1]       # "den sidste dag i september": the 30th
    else:
        day = int(groups["d"]) if groups["d"].isdigit() else ORDINAL_DAYS[groups["d"].lower()]
    if not _valid(day, month, year or 2028):
        return None
    return DateMention(m.start(), m.end(), day, month, year)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    year = int(raw)
    return year + 2000 if year < 100 else year


def _valid(day: int, month: int, year: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# "fra mandag d 7/12 til fredag d 18/12": "d" for "den" written without its dot, before a day and month
_BARE_D = re.compile(r"(?<![\w.])([dD]) (?=\d{1,2}[./]\d)")


# a week narrowed to a day: "i uge 3, nærmere bestemt tirsdag d. 19. januar", "in week 3, more precisely Tuesday 19
# January": the day, not the week
_WEEK_NARROWED = re.compile(r"(?i)\b(?:i[ \t]+|in[ \t]+)?(?:uge|week)[ \t]+\d{1,2}[ \t]*,?[ \t]*(?:nærmere[ \t]+bestemt"
                            r"|mere[ \t]+præcist|præcis|more[ \t]+precisely|specifically|to[ \t]+be[ \t]+precise)"
                            r"[ \t]*[,:]?[ \t]+(?=(?:(?:(?:man|tirs|ons|tors|fre|lør|søn)dag"
                            r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|den|d\.|the|on)[ \t,]*){0,2}"
                            r"\d{1,2}\.?[ \t]*(?:[^\W\d]{3,9}|/\d))")


# the middle of a month as the start of a range to a day or a month's end: "from mid-May until the end of August", "fra
# midt i maj til 31. august": its 15th (the middle of a month alone is no day: ``_MID_MONTH``)
_MID_MONTH_START = re.compile(r"(?i)\b(?P<from>fra|from)[ \t]+(?:mid-?[ \t]?|midt[ \t]+i[ \t]+|medio[ \t]+"
                              r"|midten[ \t]+af[ \t]+|the[ \t]+middle[ \t]+of[ \t]+)(?P<month>"
                              + "|".join(sorted(MONTHS, key=len, reverse=True))
                              + r")\b(?=[ \t,]{0,3}(?:\d{4}[ \t,]{0,3})?(?:until|till|to|til|-|–)[ \t]+"
                              r"(?:the[ \t]+end|udgangen|slutningen|ultimo|\d))")


def find_period(text: str, reference: date) -> Period:
    """The period applied for: the first range near a period cue, else the first range, else one side; an event's
    days widened by the days it is built up and struck; where no date is written, the holidays named."""
    text = _BARE_D.sub(r"\1. ", text)
    text = _WEEK_NARROWED.sub(lambda m: " " * len(m.group(0)), text)
    text = _MID_MONTH_START.sub(lambda m: f"{m.group('from')} 15. {m.group('month')}", text)
    period = _period_in(text, reference)
    if period.end is None:
        dated = _holidays_dated(text, reference)     # "over Easter", "from Maundy Thursday to Easter Monday"
        if dated != text:
            by_holidays = _period_in(dated, reference)
            if period.start is None or by_holidays.end is not None:
                return by_holidays                   # ("fra 1. december til juleaften": its end too)
    return period


def _period_in(text: str, reference: date) -> Period:
    every = find_dates(text)
    dates = _not_excluded(text, every, reference)     # once: the slowest pattern work on a long text
    period = _with_build_and_strike_days(text, reference, dates, _found_period(text, reference, dates))
    if period.start is None and period.end is not None:
        period = Period(_day_after_the_held_permit(text, reference, every, period.end), period.end)
    if period.start and period.end and period.end < period.start:
        period = Period(period.start, None)     # an end before the start is another thing's ("runs until 31 January")
    last = period.end or period.start
    if last is not None and (last < reference - PAST_TOLERANCE or last < reference and last.year < reference.year):
        return Period(None, None)   # it ended well before the mail came: another time's ("a permit until 30 September
    return period                   # 2026"; a day just past may be a late mail's)


def _day_after_the_held_permit(text: str, reference: date, dates: list[DateMention], end: date) -> date | None:
    """The day after the permit held runs out, where the text asks to extend it to ``end`` and writes no start
    ("Tilladelse slutter 15 januar. Vi vil gerne forlænge tilladelse til 12 februar": 16 January)."""
    if not _EXTENDS.search(text):
        return None
    held = next((d for d in dates if _PERMIT_RUNS_UNTIL.search(text, max(0, d.start - 120), d.start)), None)
    until = _resolve_mention(held, reference) if held is not None else None
    return until + timedelta(days=1) if until is not None and until < end else None


def _found_period(text: str, reference: date, dates: list[DateMention]) -> Period:
    every = _ranges(text, reference, dates)
    if len(every) == 1 and not dates and _only_a_start_week(text, every[0][0]):
        return Period(None, None)
    # a range wholly before the mail is another time's ("sidste år havde vi tilladelse fra 3. maj til 14. juni
    # 2026"): the period applied for is one that has not ended, or is written otherwise ("every Saturday in May and
    # June")
    ranges = [r for r in every if r[2] >= reference]
    if ranges:
        cued = [r for r in ranges if _PERIOD_CUE.search(text[max(0, r[0] - 80):r[0]])]
        applied = [r for r in ranges if _APPLIED_FOR.search(text[max(0, r[0] - 60):r[0]])]
        cued = _corrected_range(text, ranges) or applied or cued
        _, start, end = (cued or ranges)[0]
        inside = [(s, e) for _, s, e in ranges if start <= s <= e <= end and (s, e) != (start, end)]
        if inside and _WEEK_RANGE.match(text, (cued or ranges)[0][0]):
            start, end = inside[0]          # "uge 28 (12.-16. juli)": the days written out are the period
        return Period(start, end)
    weekend = _nth_weekend(text, reference)
    if weekend is not None:
        return weekend
    months = _month_range(text, reference) or _whole_year(text)
    if months is None and every:
        return Period(None, None)       # only ranges that have ended: another time's, its days not read again alone
    if months is not None:
        # a start and an end written as days with their cues ("start removing soil on 5 April 2027 and be finished
        # by 23 April 2027") over a month the text names for something else ("analyses taken in February")
        days = _from_or_to(text, reference, dates)
        return days if days.start and days.end and days.start <= days.end else months
    period = _one_sided(text, reference, dates)
    if period.start and not period.end:
        return Period(period.start, _end_of(text, period.start, reference))
    return period


# the holidays a period is told by, as days after Easter Sunday or as a day of the year: "from Maundy Thursday to
# Easter Monday", "Grundlovsdag", "juleaften" (not where the date follows: "til og med 2. pinsedag den 17. maj")
_HOLIDAYS: tuple[tuple[str, int | tuple[int, int]], ...] = (
    (r"skærtorsdag|maundy[ \t]thursday", -3),
    (r"langfredag|good[ \t]friday", -2),
    (r"påskelørdag|easter[ \t]saturday|holy[ \t]saturday", -1),
    (r"(?:2\.|anden)[ \t]påskedag|easter[ \t]monday", 1),
    (r"påskedag|påskesøndag|easter[ \t](?:sunday|day)", 0),
    (r"(?:kristi[ \t])?himmelfartsdag|ascension[ \t]day", 39),
    (r"(?:2\.|anden)[ \t]pinsedag|whit[ \t]?monday", 50),
    (r"pinsedag|pinsesøndag|whit[ \t]?sunday|pentecost(?:[ \t]sunday)?", 49),
    (r"grundlovsdag(?:en)?|constitution[ \t]day", (6, 5)),
    (r"sankt[ \t]?hans[ \t]?aften|sankt[ \t]hans[ \t]evening|midsummer[ \t]eve", (6, 23)),
    (r"juleaften|christmas[ \t]eve", (12, 24)),
    (r"nytårsaften|new[ \t]year['’]?s[ \t]eve", (12, 31)),
)
_HOLIDAY = re.compile(r"(?i)(?<![\w.])(?:" + "|".join(f"(?P<h{k}>{name})" for k, (name, _) in enumerate(_HOLIDAYS))
                      + r")(?![\w])(?![ \t,(]{0,3}(?:(?:den|d\.|the|on)[ \t]{1,3})?(?:\w+dag[ \t,]{1,3})?\d)")
# the Easter holidays as a whole: "over Easter", "i påsken", "during the Easter weekend" (Maundy Thursday to Easter
# Monday, the days Denmark keeps)
_OVER_EASTER = re.compile(r"(?i)(?<![\w])(?:over|during|i|hen[ \t]over|for)[ \t]+(?:the[ \t]+)?"
                          r"(?:påsken|easter|påskeferien|påskeweekenden|easter[ \t](?:weekend|holidays?))(?![\w])"
                          r"(?![ \t,(]{0,3}(?:(?:den|d\.|the|on|from|fra)[ \t]{1,3})?\d)")
# (a quick look before the substitutions: most texts name no holiday)
_A_HOLIDAY_WORD = re.compile(r"(?i)påske|easter|pinse|whit|pentecost|himmelfart|ascension|grundlov|constitution|hans"
                             r"|midsummer|jul|christmas|nytår|new[ \t]year")
_EASTER_SUNDAY = next(k for k, (_, when) in enumerate(_HOLIDAYS) if when == 0)
_MONTH_NAMES = ("January February March April May June July August September October November December").split()


def _holidays_dated(text: str, reference: date) -> str:
    """``text`` with its named holidays written as dates, the next of each on or after ``reference``."""
    def day_of(k: int, year: int) -> date:
        when = _HOLIDAYS[k][1]
        return easter(year) + timedelta(days=when) if isinstance(when, int) else date(year, *when)

    def next_day(k: int) -> date:
        day = day_of(k, reference.year)
        return day if day >= reference else day_of(k, reference.year + 1)

    def written(day: date) -> str:
        return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"

    def holiday(m: re.Match[str]) -> str:
        k = next(int(name[1:]) for name, value in m.groupdict().items() if value is not None)
        return f"den {written(next_day(k))}"         # ("på Grundlovsdag": the day, as "den 5 June 2027" is)

    def over_easter(m: re.Match[str]) -> str:
        sunday = next_day(_EASTER_SUNDAY)
        return f"{m.group(0)} from {written(sunday - timedelta(days=3))} to {written(sunday + timedelta(days=1))}"

    if not _A_HOLIDAY_WORD.search(text):
        return text
    return _HOLIDAY.sub(holiday, _OVER_EASTER.sub(over_easter, text))


# a date corrected in so many words: "the run is not on 12 June but on 19 June 2027", "does not start on 12 May but on
# 19 May", "Rettelse: ikke den 12. men den 19. juni": the first is the date an earlier mail gave, the second the one
# that holds
# ("ikke lørdag d. 8. maj, men lørdag d. 15. maj 2027": the weekday said with each)
_CORRECTION_WORDS = (r"(?:[ \t]{1,3}(?:on|from|until|till|by|the|den|d\.|fra|til|per|pr\.|mandag|tirsdag|onsdag"
                     r"|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?)*")
_BUT = rf"[ \t]{{0,2}},?[ \t]{{1,3}}(?:but|men){_CORRECTION_WORDS}[ \t]{{1,3}}"
_NOT = r"\b(?:not|ikke)(?:[ \t]{1,3}[a-zæøå]{2,15})?"      # ("does not start on 12 May", "starter ikke den 12. maj")
_NOT_BEFORE = re.compile(rf"{_NOT}{_CORRECTION_WORDS}[ \t]{{1,3}}\Z", re.IGNORECASE)
_BUT_BETWEEN = re.compile(_BUT, re.IGNORECASE)
# (the earlier date a bare day of the corrected one's month: "ikke den 12. men den 19. juni")
_BARE_DAY_NOT = re.compile(rf"{_NOT}{_CORRECTION_WORDS}[ \t]{{1,3}}(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?{_BUT}(?=\d)",
                           re.IGNORECASE)
# a date taken back as it is written: "lørdag den 19. juni – nej undskyld, det er lørdag den 26. juni", "on 12 June,
# sorry, I mean 19 June"
_TAKEN_BACK = (r"(?:(?:nej|no)[ \t]{0,2},?[ \t]{1,3}(?:undskyld|sorry|vent|wait)|undskyld|sorry|i[ \t]mean"
               r"|jeg[ \t]mener|or[ \t]rather|eller[ \t]rettere)\b")
_SELF_CORRECTED = re.compile(rf"[ \t]{{0,3}}[-–—,;:(]?[ \t]{{0,3}}{_TAKEN_BACK}[^\d\n.!?]{{0,40}}", re.IGNORECASE)
_NOT_BUT = re.compile(rf"\b(?:not|ikke)\b[^\n]{{0,60}}?\b(?:but|men)\b|{_TAKEN_BACK}|\b(?:mente|meant)\b",
                      re.IGNORECASE)  # (a cheap look)
# the date meant said first, the one taken back after it: "undskyld, jeg mente 1. april, ikke 1. marts", "sorry, I
# meant 1 April, not 1 March"
_MEANT_BEFORE = re.compile(r"\b(?:jeg[ \t]mente|jeg[ \t]mener|i[ \t]meant|i[ \t]mean)[ \t,:]{1,3}"
                           r"(?:(?:den|d\.|the|on)[ \t]{1,3})?\Z", re.IGNORECASE)
_NOT_AFTER = re.compile(rf"[ \t]{{0,2}},?[ \t]{{1,3}}(?:not|ikke){_CORRECTION_WORDS}[ \t]{{1,3}}", re.IGNORECASE)


# a day's month put right in brackets after it: "fra 15. mars (undskyld, marts) til 15. oktober", "from 1 Mai (sorry,
# May)": the aside left out, the day read in the month named in it
_MONTH_RESPELT = re.compile(r"(?<![\w])(?P<day>\d{1,2}(?:\.|st|nd|rd|th)?[ \t]{1,2})[A-Za-zæøåÆØÅ]{3,10}[ \t]{0,2}"
                            r"\([ \t]{0,2}(?:undskyld|sorry|jeg[ \t]mener|i[ \t]mean)[ \t]{0,2},?[ \t]{0,3}"
                            r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")[ \t]{0,2}\)",
                            re.IGNORECASE)


# a day or days put in place of others: "Gravearbejdet bliver derfor 8.–12. marts i stedet for 1.–5. marts", "Den nye
# dato er derfor lørdag d. 26. juni (ikke 19. juni som skrevet nedenfor)", "on 14 May instead of 7 May", "Opstart er
# rykket til mandag d. 1. februar 2027 i stedet for 25. januar"
_DAYS = (r"\d{1,2}\.?(?:[ \t]?[-–][ \t]?\d{1,2}\.?)?[ \t]{1,2}(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
         + r")\b\.?(?:[ \t]\d{4}\b)?|\d{1,2}/\d{1,2}(?:[ \t]?[-–][ \t]?\d{1,2}/\d{1,2})?")
_IN_PLACE_OF = re.compile(rf"(?i)(?<![\w/.])(?P<new>{_DAYS})[ \t]{{0,2}}[(,]?[ \t]{{0,2}}"
                          r"(?:i[ \t]stedet[ \t]for|instead[ \t]of|og[ \t]ikke|and[ \t]not|ikke|not)"
                          rf"[ \t]{{1,2}}(?:(?:den|d\.|the|on)[ \t]{{1,2}})?(?P<old>{_DAYS})(?![\w/])")
# (the old day written bare, of the new one's month: "the shoot is Thursday 21 January, not the 14th", "den 21. januar,
# ikke den 14.")
_IN_PLACE_OF_DAY = re.compile(rf"(?i)(?<![\w/.])(?P<new>{_DAYS})[ \t]{{0,2}}[(,]?[ \t]{{0,2}}"
                              r"(?:i[ \t]stedet[ \t]for|instead[ \t]of|og[ \t]ikke|and[ \t]not|ikke|not)"
                              r"[ \t]{1,2}(?:(?:den|d\.|the|on)[ \t]{1,2})?(?P<d>\d{1,2})(?:\.|st|nd|rd|th)"
                              r"(?![\w/]|[ \t]{0,2}\d|[ \t]{1,2}(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
                              + r")\b)")
_MAX_PUT_RIGHT = 5              # corrections read in one text
# a day put right by its number alone, of the one date written with the other: "P.S. undskyld, det er den 14., ikke den
# 13.", "sorry, it's the 14th, not the 13th" (not a time: "kl. 14, ikke 13")
_BARE_DAY_IN_PLACE = re.compile(r"(?i)\b(?:den|d\.|the)[ \t]{1,2}(?P<new>\d{1,2})(?:\.|st|nd|rd|th)"
                                r"[ \t]{0,2},?[ \t]{0,2}"
                                r"(?:i[ \t]stedet[ \t]for|instead[ \t]of|og[ \t]ikke|and[ \t]not|ikke|not)[ \t]{1,2}"
                                r"(?:(?:den|d\.|the)[ \t]{1,2})?(?P<old>\d{1,2})(?:\.|st|nd|rd|th)"
                                r"(?![\w/]|[ \t]{0,2}\d|[ \t]{1,2}(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
                                + r")\b)")


def _days_in_place_of_others(text: str) -> str:
    """The old days left out where the text puts new ones in their place, and the new ones written where the old
    ones stand elsewhere (the earlier mail quoted below, also in another form: "25. januar" is "25.01.2027")."""
    pairs = []
    for m in islice(_IN_PLACE_OF.finditer(text), _MAX_PUT_RIGHT):     # the old days left out (the length kept)
        pairs.append((m.group("new").rstrip("."), m.group("old").rstrip(".")))
        text = text[:m.end("new")] + " " * (m.end() - m.end("new")) + text[m.end():]
    for m in islice(_IN_PLACE_OF_DAY.finditer(text), _MAX_PUT_RIGHT):
        new_days = find_dates(m.group("new"))
        if len(new_days) != 1:
            continue
        text = text[:m.end("new")] + " " * (m.end() - m.end("new")) + text[m.end():]
        for other in find_dates(text)[::-1]:
            if (other.day, other.month) == (int(m.group("d")), new_days[0].month):
                text = text[:other.start] + m.group("new").rstrip(".") + text[other.end:]
    bare = [m for m in islice(_BARE_DAY_IN_PLACE.finditer(text), _MAX_PUT_RIGHT) if m.group("new") != m.group("old")]
    dates = find_dates(text) if bare else []
    for m in bare:
        new_day, old_day = int(m.group("new")), int(m.group("old"))
        written = [d for d in dates if d.day == old_day]
        if len({(d.month, d.year) for d in written}) != 1 or not _valid(new_day, written[0].month,
                                                                      written[0].year or 2028):
            continue                    # the day corrected is of no one date written
        for other in written[::-1]:
            put = f"{new_day}.{other.month}.{other.year}" if other.year else f"{new_day}/{other.month}"
            text = text[:other.start] + put + text[other.end:]
        dates = find_dates(text)
    for new, old in pairs:
        old_days = find_dates(old)
        if "-" in old or "–" in old or len(old_days) != 1:
            text = re.sub(rf"(?<![\w/.]){re.escape(old)}(?![\w/])", new, text, flags=re.IGNORECASE)
            continue
        day = old_days[0]
        for other in find_dates(text)[::-1]:
            if (other.day, other.month) == (day.day, day.month) and day.year in (None, other.year or day.year):
                text = text[:other.start] + new + text[other.end:]
    return text


def corrected_dates(text: str) -> str:
    """The text with a corrected date put right: the earlier date in the correction left out, and the same day
    elsewhere (the earlier mail quoted below, "Period: 12 May to 28 May 2027") written as the new one."""
    text = _days_in_place_of_others(text)
    if not _NOT_BUT.search(text):
        return text
    text = _MONTH_RESPELT.sub(lambda m: m.group("day") + m.group("month"), text)
    if not _NOT_BUT.search(text):
        return text
    dates = find_dates(text)
    fixes: list[tuple[int, int, int, int, int | None, DateMention]] = []   # the old one's place, day, month, year; new
    for first, second in zip(dates, dates[1:], strict=False):
        if (_NOT_BEFORE.search(text, max(0, first.start - 40), first.start)
                and _BUT_BETWEEN.fullmatch(text, first.end, second.start)
                or _SELF_CORRECTED.fullmatch(text, first.end, second.start)):
            fixes.append((first.start, first.end, first.day, first.month, first.year, second))
        elif (_MEANT_BEFORE.search(text, max(0, first.start - 20), first.start)
              and _NOT_AFTER.fullmatch(text, first.end, second.start)):
            fixes.append((second.start, second.end, second.day, second.month, second.year, first))
    for m in islice(_BARE_DAY_NOT.finditer(text), 5):
        new = next((d for d in dates if d.start == m.end()), None)
        if new is not None:
            fixes.append((m.start("d"), m.end("d"), int(m.group("d")), new.month, None, new))
    if not fixes:
        return text
    pieces, at = [], 0
    for mention in sorted(dates + [DateMention(f[0], f[1], f[2], f[3], f[4]) for f in fixes
                                   if not any(d.start == f[0] for d in dates)], key=lambda d: d.start):
        fix = next((f for f in fixes if f[2:4] == (mention.day, mention.month)
                    and (f[4] is None or mention.year is None or f[4] == mention.year)), None)
        if fix is None or mention.start < at:
            continue
        new, year = fix[5], fix[5].year or mention.year
        written = text[new.start:new.end] if new.year or not year else f"{new.day}.{new.month}.{year}"
        pieces += [text[at:mention.start], " " if mention.start == fix[0] else written]
        at = mention.end
    return "".join(pieces) + text[at:]


# the start alone written as a week: "Forventet start: uge 18", "Expected start: week 18" (a labelled start, with no
# end and no other date, gives the week the work begins in, not the period it takes)
_START_LABEL = re.compile(r"(?im)^[ \t]*(?:forventet[ \t]+|expected[ \t]+|planlagt[ \t]+|planned[ \t]+)?"
                          r"(?:start|opstart|starttidspunkt|start[ \t]+date)[ \t]*[:|\t][ \t]*\Z")


def _only_a_start_week(text: str, at: int) -> bool:
    """The one range in the text is a single week under a start's label."""
    week = _WEEK_RANGE.match(text, at)
    return (week is not None and week.group("w2") is None
            and _START_LABEL.search(text, max(0, text.rfind("\n", 0, at) + 1), at) is not None)


# a day the text says is not applied for ("Opstilling lørdag den 4. september indgår ikke i ansøgningen", "build-up on
# 2 September is not part of the application")
_NOT_APPLIED = re.compile(r"[^\n\d]{0,40}?\b(?:indgår ikke|er ikke (?:en )?del af|ikke omfattet|søger (?:vi )?ikke"
                          r"|(?:is|are) not (?:included|part of|covered)|not included|we do not apply|not applying)\b",
                          re.IGNORECASE)


# the business moves its own premises on the date, in the same sentence part ("We are moving our office to X from 1
# February 2027", "we're moving our office from X to Y, on 1 October 2027", "(new address from 1 August 2027)"): the day
# of the move, no period applied for (not after "og", "and": "... and need a container on 2 March")
_MOVE_BEFORE = re.compile(r"\b(?:flytter|flytte|flyttede|moving|move[sd]?|relocat(?:e|es|ed|ing))[ \t]+"
                          r"(?:vores|vor|vort|min|mit|sin|sit|our|my|its|their"
                          # "X ApS is moving into new offices on 1 November", "vi flytter ind i nye lokaler 1. marts"
                          r"|(?:into|in[ \t]to|to|ind[ \t]i|til)[ \t]+(?:new|nye?|nyt)[ \t]+"
                          r"(?:offices?|premises|lokaler|kontor(?:er)?|kontorlokaler))\b"
                          r"(?:(?!\b(?:og|and|men|but)\b)[^.!?\n]){0,160}\Z"
                          r"|\b(?:ny|nye|new)[ \t]+(?:adresse|address)[ \t]+(?:fra|from|pr\.?|per|as[ \t]of)[ \t]+\Z"
                          # or the old premises close: "Our old place on Halmtorvet closes 31 January", "vores gamle
                          # butik i Istedgade lukker den 31. januar"
                          r"|\b(?:old|former|gamle|tidligere)[ \t]+(?:place|shop|store|premises|address|restaurant|café"
                          r"|butik|lokaler|lokale|adresse|sted)\b[^.!?\n]{0,60}?\b(?:closes|closing|lukker|lukkes)"
                          r"(?:[ \t]+(?:on|den|d\.|per|pr\.))?[ \t]+\Z",
                          re.IGNORECASE)

# the day of the move or the opening of new premises said after it ("fra 1. november er vi flyttet ud til gaden på X",
# "den 1. februar 2027 åbner vi på Nørrebrogade 184", "on 1 March we move to X"), or the move said before it ("så vi
# flytter til Kraftværksvej 24 i Sydhavnen fra 1. april 2027"): no period applied for
# (the business itself moving, not "we move a family out of their apartment": a moving company's job)
_MOVE_AFTER = re.compile(r"[ \t,]{0,3}(?:er[ \t]+(?:vi|jeg)[ \t]+flyttet"
                         r"|(?:flytter|flyttede)[ \t]+(?:vi|jeg)[ \t]+(?:til|ind|over)"
                         r"|(?:we|I)[ \t]+(?:move[ds]?|are[ \t]+moving)[ \t]+(?:to|into|in[ \t]+to)"
                         r"|(?:åbner|åbnede)[ \t]+(?:vi|jeg)[ \t]+(?:på|i)[ \t]+(?-i:(?=[A-ZÆØÅ]))"
                         r"|(?:we|I)[ \t]+(?:open|opened|are[ \t]+opening)[ \t]+(?:at|in|on)[ \t]+(?-i:(?=[A-Z])))\b",
                         re.IGNORECASE)
_MOVE_TO_BEFORE = re.compile(r"\b(?:vi|jeg|we|I)(?:['’]re|[ \t]+(?:are|er))?[ \t]+(?:flytter|moving|move)[ \t]+"
                             r"(?:til|to|ind[ \t]+i|into)[ \t]+(?-i:[A-ZÆØÅ])"
                             r"(?:(?!\b(?:og|and|men|but)\b)[^.!?\n]){0,80}\Z", re.IGNORECASE)


# the day a plan or a permit was approved, granted or signed: "the signage plan, which the police approved on 2 August",
# "Afmærkningsplan – godkendt af Københavns Politi 2. august 2027", "tilladelsen blev udstedt den 3. maj"
_APPROVED_ON = re.compile(r"\b(?:approved|godkendt|godkendte|granted|issued|udstedt|underskrevet|signed)"
                          r"(?:[ \t]+(?:by|af)(?:[ \t]+[\wæøåÆØÅ.]+){1,3}?)?(?:[ \t]+(?:on|den|d\.))?[ \t]{1,3}\Z",
                          re.IGNORECASE)
# the day of a storm, a fire, a flood or a break-in that did damage ("beskadiget under stormen den 18. januar 2027",
# "the sign was destroyed in the storm on 18 January"): what happened, no period applied for
_DAMAGE_BEFORE = re.compile(r"(?i)\b(?:storm(?:en|vejret)?|uvejret|skybruddet|branden|oversvømmelsen|indbruddet"
                            r"|hærværket|påkørslen|ulykken|the\s+(?:storm|fire|flood(?:ing)?|break-in|burglary"
                            r"|accident|crash))(?:\s+(?:den|d\.|on|of|the))*\s*\Z")


# the day an answer is wanted by: "we would be grateful for an answer before 1 March", "vi beder om svar senest den
# 15. januar", "please reply by 1 February": a deadline for the authority, no period applied for
_ANSWER_BY = re.compile(r"(?i)\b(?:svar|svaret|besked|tilbagemelding|afgørelse|afgørelsen|answer|reply|response"
                        r"|decision|feedback|hear[ \t]+(?:back[ \t]+)?from[ \t]+you"
                        # "Our accountant needs to know before 1 April", "skal have endelig bekræftelse senest 1. marts"
                        r"|know|vide|bekræftelse|confirmation)\b[^.!?\n\d]{0,30}?"
                        r"\b(?:before|by|no[ \t]+later[ \t]+than|inden|senest|før)"
                        r"(?:[ \t]{1,3}(?:the|den|d\.|(?:man|tirs|ons|tors|fre|lør|søn)dag"
                        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?)*[ \t]{1,3}\Z")


def _not_excluded(text: str, dates: list[DateMention], reference: date) -> list[DateMention]:
    """The dates without those the text says right after them are not applied for, and without the day the business
    moves, the day of a storm, a fire or a break-in, the day something was approved, the day an answer is wanted
    by, or a day without its year in a clause about an earlier year."""
    return [d for d in dates if not _NOT_APPLIED.match(text, d.end)
            and not (d.year is None and _of_an_earlier_year(text, d.start, reference))
            and not _LEASE_BEFORE.search(text, max(0, d.start - 60), d.start)
            and not _PERMIT_RUNS_UNTIL.search(text, max(0, d.start - 120), d.start)
            and not _ANOTHER_MATTER.search(text, max(0, d.start - 80), d.start)
            and not _ANSWER_BY.search(text, max(0, d.start - 60), d.start)
            and not _MOVE_BEFORE.search(text, max(0, d.start - 200), d.start)
            and not _MOVE_TO_BEFORE.search(text, max(0, d.start - 120), d.start)
            and not _MOVE_AFTER.match(text, d.end)
            and not _DAMAGE_BEFORE.search(text, max(0, d.start - 40), d.start)
            and not _APPROVED_ON.search(text, max(0, d.start - 60), d.start)
            and not _WEEK_OF_A_DAY.search(text, max(0, d.start - 20), d.start)
            and not _REACHABLE_UNTIL.search(text, max(0, d.start - 100), d.start)
            and not (d.year is None and _LAST_YEAR_BEFORE.search(text, max(0, d.start - 60), d.start))]


# the days the writer can be reached on a number: "You can reach me on +1 503 555 0187 until Dec 20th", "jeg kan
# træffes på mit svenske nummer indtil 20. december" (not "ring til os; vi stiller op fra 1. maj": another clause)
_REACHABLE_UNTIL = re.compile(r"(?i)\b(?:reach|reached|call|ring|ringe|træffes|fanges|available|tilgængelig)\b"
                              r"[^.!?;:\n]{0,60}?\b(?:until|till|indtil|before|inden|after|efter)"
                              r"(?:[ \t]{1,3}(?:the|den|d\.))?[ \t]{1,3}\Z")


# a day of last year's event, written without its year, in its clause: "Sidste år holdt vi den lørdag d. 13. juni"
# (not "i år", "men"; not "sidste gang søndag den 29. august": the last of days applied for)
_LAST_YEAR_BEFORE = re.compile(r"(?<!\bsom )(?<!\bas )(?<!\blike )"        # not "som sidste år": the same again
                               r"\b(?:sidste år|i fjor|forrige år|last year|the year before|the previous year)\b"
                               r"(?:(?!\b(?:men|but|i år|this year)\b)(?:[^.!?;\n]|(?<=\bd)\.)){0,40}\Z", re.IGNORECASE)


# the last few seasons: "in Nyhavn the last two summers", "de sidste tre år"
EARLIER_SEASONS = (r"(?:the[ \t]+)?(?:last|past|previous)[ \t]+(?:two|three|four|five|few|\d)[ \t]+"
                   r"(?:summers|seasons|years)"
                   r"|de[ \t]+(?:sidste|seneste|forrige)[ \t]+(?:to|tre|fire|fem|par|\d)[ \t]+(?:somre|sæsoner|år)")
# a clause about an earlier year: "Our outdoor serving permit for 2026 covered 1 May to 31 August", "i 2026 hver
# torsdag fra 18. juni til 27. august", "the last two summers" (not "i 2026 søgte vi ..., men i år"; the year before
# the day, in its clause; a clause about the year of the mail, "in 2027", ends it: ``_of_an_earlier_year``)
_EARLIER_YEAR = re.compile(r"(?i)\b(?:(?:i|in|for|during|år|year|sæson(?:en)?|season)[ \t]{1,3}(?P<y>20\d\d)"
                           rf"|{EARLIER_SEASONS})\b"
                           r"(?:(?!\b(?:men|but|i år|this year)\b)[^.!?;\n]){0,80}\Z")


# the day a lease or a takeover begins: "The lease starts on 1 February", "lejekontrakten løber fra 1. marts",
# "overtagelse pr. 1. april" (when the premises are the business's, no period of an activity applied for)
_LEASE_BEFORE = re.compile(r"(?i)\b(?:(?:the|our|my)[ \t]+lease|lejekontrakt(?:en)?|lejemål(?:et)?|overtagelse(?:n)?"
                           r"|(?:the[ \t]+)?contract[ \t]+with[ \t]+the[ \t]+landlord|kontrakten[ \t]+med[ \t]+udlejer"
                           r"|(?:the[ \t]+)?takeover|indflytning(?:en)?)\b[^.!?\n]{0,25}?"
                           r"\b(?:starts?|begins?|runs[ \t]from|starter|begynder|løber[ \t]fra|fra|from|pr\.|per|start)"
                           r"(?:[ \t]+(?:on|the|den|d\.))?[ \t]+\Z")


# the day the permit held already runs out, its end not the period applied for: "Our permit for the scaffold ...
# runs until 31 January. ... Please extend it from 1 February", "tilladelsen gælder kun til 28. februar"
# "Tilladelse slutter 15 januar", "our permit expires on 15 January"
_PERMIT_RUNS_UNTIL = re.compile(r"(?i)\b(?:permit|tilladelse(?:n)?)\b(?:\([^()\n]{0,60}\)|[^.!?\n()]){0,100}?"
                                r"\b(?:(?:runs|is[ \t]valid|gælder|løber)(?:[ \t]+(?:only|kun))?[ \t]+"
                                r"(?:until|till|to|til|indtil)"
                                r"|(?:slutter|udløber|ophører|ends|expires|runs[ \t]out)(?:[ \t]+(?:on|om|på))?)"
                                r"(?:[ \t]+(?:the|den|d\.))?[ \t]+\Z")
# an extension asked for: "Vi vil gerne forlænge tilladelse til 12 februar", "please extend it until ..."
_EXTENDS = re.compile(r"(?i)\b(?:forlæng\w*|extend\w*|extension)\b")


# the day of another matter than the activity, in the clause before it: a meeting or a visit ("We will have a meeting
# with the neighbours on 10 March", "I will be in Copenhagen on 27-28 January"), the writer away ("Jeg er på ferie
# 15.-22. februar", "Jeg er i Spanien fra 1. til 14. februar"), the business closed ("We are closed 29-31 January
# because of the move"), a contract ending ("our old waste contract ends 31 January")
_ANOTHER_MATTER = re.compile(
    r"(?i)(?:\b(?:møde(?:t|r)?|mødes|meet|meeting|recce|besigtigelse(?:n)?|site[ \t]visit|inspektion(?:en)?"
    r"|(?:forhånds|opstarts|afklarings|indledende[ \t])møde(?:t|r)?)\b"           # "et forhåndsmøde – gerne i uge 6"
    r"[^.!?\n;:]{0,40}"
    # an aside on another matter: "Butikken har i øvrigt en aftale med forsikringen fra den 2. september", "By the way,
    # the shop's lease runs from 1 May"
    r"|\b(?:i[ \t]øvrigt|forresten|by[ \t]the[ \t]way|incidentally)\b[^.!?\n;:]{0,60}"
    r"|\b(?:(?:jeg|vi)[ \t]+er|I[ \t]+am|I['’]m|I[ \t]+will[ \t]+be|I['’]ll[ \t]+be|we[ \t]+are|we['’]re"
    r"|we[ \t]+will[ \t]+be)[ \t]+(?:på[ \t]+(?:ferie|messe|kursus|barsel)|on[ \t]+(?:holiday|vacation|leave)|away"
    r"|bortrejst|out[ \t]+of[ \t]+(?:the[ \t]+)?office|not[ \t]+in[ \t]+the[ \t]+office|ikke[ \t]+på[ \t]+kontoret"
    r"|travell?ing|på[ \t]+rejse"
    r"|(?:i|in)[ \t]+(?-i:[A-ZÆØÅ])\w+)\b(?:[^.!?\n;:]|\.(?=[ \t]*(?:til|to|-|–))){0,40}"
    r"|\b(?:(?:vi|we|butikken|the[ \t]+shop|restauranten|firmaet|the[ \t]+company)[ \t]+(?:er|are|holder|is"
    r"|will[ \t]+be)[ \t]+(?:\w+[ \t]+)?(?:closed|lukket|sommerlukket)|holder[ \t]+(?:sommer)?lukket)\b[^.!?\n;:]{0,20}"
    r"|\b(?:jeg|vi)[ \t]+(?:holder|har|tager)[ \t]+\w*ferie\b[^.!?\n;:]{0,20}"      # "Jeg holder vinterferie i uge 7"
    # another day if the first fails: "If the 26th is not possible, the crane company's next free day is 2 February"
    r"|\b(?:next[ \t]+free[ \t]+day|alternative[ \t]+date|rain[ \t]+date|reservedag(?:en)?|if[ \t]+it[ \t]+rains"
    r"|hvis[ \t]+det[ \t]+regner|ved[ \t]+regn)\b[^.!?\n;:]{0,40}"
    r"|\b(?:contract|aftale|kontrakt|lejemål|lease)\w*\b[^.!?\n;:]{0,30}\b(?:ends|ophører|udløber|slutter"
    r"|runs[ \t]out|expires)(?:[ \t]+(?:on|den|d\.))?[ \t]+"
    # when documents follow: "OML-beregning og støjberegning eftersendes, når de er færdige (forventet i uge 4)",
    # "the noise report will follow in week 4"
    r"|\b(?:eftersendes|fremsendes[ \t]+senere|følger[ \t]+efter|will[ \t]+follow|to[ \t]+follow"
    r"|will[ \t]+be[ \t]+sent[ \t]+later)\b[^.!?\n;:]{0,40}"
    # when the dates will be told: "the contractor will confirm them in the first week of January", "vi melder
    # datoerne ud i uge 2" (not "we confirm that the market is on 5 June")
    r"|\b(?:confirm|bekræfte?r?|melde[rs]?|oplyse[rs]?|announce|send|sende[rs]?|give)[ \t]+"
    r"(?:(?:os|us|jer|you)[ \t]+)?(?:them|dem|the[ \t]+(?:exact[ \t]+)?dates?|datoerne|datoen"
    r"|de[ \t]+(?:præcise[ \t]+|endelige[ \t]+)?datoer)(?:[ \t]+ud)?\b[^.!?\n;:]{0,25})\Z")


def _of_an_earlier_year(text: str, at: int, reference: date) -> bool:
    start = max(0, at - 120)
    for this_year in re.finditer(rf"(?i)\b(?:in|for)[ \t]+{reference.year}\b", text[start:at]):
        start = max(0, at - 120) + this_year.end()      # the clause read after "in 2027", "for 2027" (the mail's year)
    m = _EARLIER_YEAR.search(text, start, at)
    return m is not None and (m.group("y") is None or int(m.group("y")) < reference.year)


_NUMBER_WORDS = NUMBER_WORDS | {"fjorten": 14, "fourteen": 14}
_DURATION = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")(?:[ \t]{1,3}|-)(?:hele[ \t]{1,3})?"
                       # ("10 arbejdsdage fra 12. april", "15 working days": days Monday to Friday, not holidays)
                       r"(?P<unit>arbejdsdage|hverdage|working[ \t]days|work[ \t]?days|business[ \t]days"
                       r"|dages|dage|dag|days?|døgn|ugers|uger|uge|weeks?|måneders|måneder|måned|months?)(?!\w)",
                       re.IGNORECASE)                                   # "i en 14-dages periode fra 6/9"
# ("removed again at the end of March 2027", "fjernes igen ved udgangen af marts", "by the end of March": the end too;
# or the work done by it: "start on 1 March and be done by end of March 2027", "færdige ved udgangen af marts")
# a bare "at/by/ved/i the end of" (no range word, no work done by it)
_BY_THE_END = re.compile(r"(?i)(?:at|by|ved|i)[ \t]")
_END_OF_MONTH = re.compile(r"(?:\btil|\buntil|\btill|\bto|\bindtil|\bthrough|\bthru|\bat|\bby|\bved|\bi"
                           r"|(?:\bdone|\bfinish\w*|\bcomplete[ds]?|\bfærdig[et]?|\bafsluttet)[ \t]{1,3}"
                           r"(?:by|before|at|ved|inden|senest(?:[ \t]{1,3}ved)?))[ \t]{1,3}(?:the[ \t]{1,3})?"
                           r"(?:end|udgangen|slutningen|ultimo)[ \t]{1,3}(?:of[ \t]{1,3}|af[ \t]{1,3})?"
                           + _MONTH.format("mon") + r"(?:[ \t]{1,3}" + _YEAR.format("y") + r")?(?!\w)", re.IGNORECASE)


# "i 10 dage fra ...", "og tre måneder frem"
_DURATION_OF_PERIOD = re.compile(r"[ \t]{1,3}(?:\w+[ \t]{1,3}){0,2}(?:fra|from|starting|beginning|med start)\b"
                                r"|[ \t]{1,3}(?:frem|fremad|herefter|derefter|ahead|forward|onwards?)\b",
                                re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\b(?:i|for|over|in)[ \t]{1,3}\Z", re.IGNORECASE)
# the length after a verb of lasting: "starter mandag den 3. maj og varer 6 uger", "forventes at tage 3 uger",
# "will take 3 weeks", "lasts 10 days"
# (not a length given as a guess, "det tager cirka en uge": no end applied for)
_LASTS_BEFORE = re.compile(r"\b(?:varer|vare|tager|tage|lasts?|takes?|take|taking)[ \t]{1,3}\Z", re.IGNORECASE)


_REST_OF_YEAR = re.compile(r"\b(?:året ud|resten af året|(?:the )?rest of the year|(?:the )?end of the year"
                           r"|udgangen af året|årets udgang)\b", re.IGNORECASE)


_AND_THE_REST_OF_THE_YEAR = re.compile(r"(?i)[ \t,]*(?:og|and|until|till?|to|through)[ \t]+"
                                       r"(?:året[ \t]ud|resten[ \t]af[ \t]året|udgangen[ \t]af[ \t]året"
                                       r"|(?:the[ \t])?(?:rest|end)[ \t]of[ \t]the[ \t]year)\b")


def _end_of(text: str, start: date, reference: date) -> date | None:
    """The end of a period written as its length ("i 10 dage fra 7. juni", "3 days from 14 June") or as "until the
    end of April"."""
    if _REST_OF_YEAR.search(text):
        return date(start.year, 12, 31)
    for end in islice(_END_OF_MONTH.finditer(text), 50):
        month, year = MONTHS[end.group("mon").lower()], _year(end.group("y"))
        if year is None and month < start.month and _BY_THE_END.match(end.group(0)):
            continue        # "We start on 1 March and would like the permit by the end of February": a wish, no end
        last = _last_day(year or (start.year if month >= start.month else start.year + 1), month)
        return last if last >= start else None
    m = next((m for m in islice(_DURATION.finditer(text), 50) if _DURATION_OF_PERIOD.match(text, m.end())
              or _FOR_BEFORE.search(text, max(0, m.start() - 8), m.start())
              or _LASTS_BEFORE.search(text, max(0, m.start() - 12), m.start())), None)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER_WORDS[m.group("n").lower()]
        if m.group("unit").lower().startswith(("måned", "month")):
            return _months_on(start, n) - timedelta(days=1) if 0 < n <= 12 else None
        if m.group("unit").lower().startswith(("arbejds", "hverdage", "work", "business")):
            return _working_days_on(start, n) if 0 < n <= 260 else None
        days = n * 7 if m.group("unit").lower().startswith(("u", "w")) else n
        return start + timedelta(days=days - 1) if 0 < days <= 366 else None
    return None


# the public holidays of Denmark besides Sundays, as days after Easter Sunday or as days of the year (no working days)
_HOLIDAYS_AFTER_EASTER = (-3, -2, 1, 39, 50)
_FIXED_HOLIDAYS = ((1, 1), (12, 24), (12, 25), (12, 26), (12, 31))


def _working_day(day: date) -> bool:
    return (day.isoweekday() <= 5 and (day.month, day.day) not in _FIXED_HOLIDAYS
            and (day - easter(day.year)).days not in _HOLIDAYS_AFTER_EASTER)


def _working_days_on(start: date, n: int) -> date:
    """The last of ``n`` working days from ``start`` (the first of them, or the next working day after it)."""
    day, counted = start - timedelta(days=1), 0
    while counted < n:
        day += timedelta(days=1)
        counted += _working_day(day)
    return day


def _months_on(start: date, n: int) -> date:
    """The same day ``n`` months later (the month's last day when it has fewer days): 3 June + 3 is 3 September."""
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    return date(year, month, min(start.day, _last_day(year, month).day))


# "Hele året 2027", "all of 2027", "the whole year 2027"
_WHOLE_YEAR = re.compile(r"(?i)\b(?:hele|all(?:[ \t]of)?|the[ \t]whole(?:[ \t]of)?|throughout)[ \t]{1,3}"
                         r"(?:(?:året|kalenderåret|the[ \t](?:calendar[ \t])?year|year)[ \t]{1,3})?(?P<y>20\d\d)\b"
                         r"(?![ \t]{0,3}(?:m2|m²|kvm|kr|liter|l\b|m\b|meter|stk|personer|people))")


# one weekend of a month named by its place: "den første weekend i juli", "the last weekend of August 2027"
_NTH_WEEKEND = re.compile(r"(?i)\b(?P<nth>første|anden|tredje|fjerde|sidste|first|second|third|fourth|last)[ \t]+"
                          r"(?:(?P<n>to|tre|fire|two|three|four)[ \t]+)?weekend(?:s|er)?[ \t]+(?:i|in|of)[ \t]+"
                          + _MONTH.format("mon") + r"(?:[ \t]+(?P<y>20\d\d))?\b")
_WEEKENDS = {"to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4}
_NTH = {"første": 0, "first": 0, "anden": 1, "second": 1, "tredje": 2, "third": 2, "fjerde": 3, "fourth": 3}


def _nth_weekend(text: str, reference: date) -> Period | None:
    """Its Saturday and Sunday (the weekend of the month's first, or last, Saturday); "de første tre weekender i
    juni": the first Saturday to the third Sunday."""
    m = _NTH_WEEKEND.search(text)
    if m is None:
        return None
    month = MONTHS[m.group("mon").lower()]
    year = _year(m.group("y")) or (reference.year if month >= reference.month else reference.year + 1)
    first = date(year, month, 1)
    saturday = first + timedelta(days=(6 - first.isoweekday()) % 7)
    nth = m.group("nth").lower()
    if nth in _NTH:
        saturday += timedelta(weeks=_NTH[nth])
    else:
        while (saturday + timedelta(weeks=1)).month == month:
            saturday += timedelta(weeks=1)
    weeks = _WEEKENDS[m.group("n").lower()] - 1 if m.group("n") and nth in ("første", "first") else 0
    last_sunday = saturday + timedelta(weeks=weeks, days=1)
    return Period(saturday, last_sunday) if saturday.month == month and last_sunday.month == month else None


def _whole_year(text: str) -> Period | None:
    m = _WHOLE_YEAR.search(text)
    return Period(date(int(m.group("y")), 1, 1), date(int(m.group("y")), 12, 31)) if m else None


def _last_day(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


# "i hele maj og juni 2027", "in July 2027", "april-oktober 2027", "fra maj til september", "i juni, juli og august":
# whole months
_MONTH_RANGE = re.compile(
    r"(?<![\d.])(?<![\d.][ \t])(?P<lead>\b(?:i|in|fra|from|during|throughout|hele"
    r"|(?:the[ \t]{1,3})?whole(?:[ \t]{1,3}of)?|all[ \t]of|for|primo"
    r"|medio|(?:weekends|weekdays|saturdays|sundays)[ \t]{1,3}of"      # "the weekends of June 2027"
    # "hele sommeren maj til og med august"
    r"|(?:hele[ \t]{1,3}|all[ \t]{1,3}|the[ \t]{1,3}whole[ \t]{1,3})?(?:sommeren|summer)"
    r"|(?:fra|from)[ \t]{1,3}(?:primo|medio)"
    r"|(?:i|in|for)[ \t]{1,3}(?P<y0>(?:19|20)\d\d)[ \t]{0,2},)[ \t]{1,3})?"     # "i 2027, april til og med september"
    r"(?:(?:hele|the whole(?: of)?|all of)[ \t]{1,3})?" + _MONTH.format("m1")
    + r"(?:(?:[ \t,]{1,3}" + _YEAR.format("y1") + r")?"            # "juni 2027 - august 2027"
    r"(?:[ \t]{0,3},[ \t]{0,3}(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?){0,10}"  # "juni, juli og"
    r"[ \t]{0,3}(?:-|–|til(?:[ \t]og[ \t]med)?|to|until|through|thru|og|and|&)[ \t]{0,3}"
    r"(?:(?:ultimo|medio|udgangen[ \t]af)[ \t]{1,3})?" + _MONTH.format("m2")
    + r")?"
    r"(?:[ \t,]{1,3}" + _YEAR.format("y") + r")?(?![\w-])(?![ \t]{1,3}\d)", re.IGNORECASE)


# ("fra" and "from" as words: not the "fra" of "infrarøde varmelegemer")
_MONTHS_CUE = re.compile(r"periode|period|tidsrum|afholdes|finder sted|takes? place|held|\bfra\b|\bfrom\b|ønsker|apply"
                         r"|søge"
                         r"|\bsælge|\bsell(?:ing)?\b"
                         # ("every", "hver" as words: not "if everything goes to plan")
                         r"|søger|\bevery\b|\bhvert?\b|hele|whole|throughout|during|all of|weekend|hverdag|weekday"
                         r"|(?:man|tirs|ons|tors|fre|lør|søn)dage|(?:mon|tues|wednes|thurs|fri|satur|sun)days",
                         re.IGNORECASE)


# months of another year's story, in their clause: "Sidste år havde vi 8 m² fra maj til august" (not after "men",
# "i år")
# (the words of last time, shared with ``givens``)
LAST_TIME_WORDS = r"sidste år|sidste gang|i fjor|forrige år|last year|last time|the year before|the previous year"
_LAST_TIME_BEFORE = re.compile(r"\b(?:" + LAST_TIME_WORDS + r")\b"
                               r"(?:(?!\b(?:men|but|i år|this year)\b)[^.!?;\n]){0,40}\Z", re.IGNORECASE)
_SOMETIME = re.compile(r"(?i)\b(?:sometime|some[ \t]time|at[ \t]some[ \t]point|engang|en[ \t]gang"
                       r"|på[ \t]et[ \t]tidspunkt)[ \t]{1,3}\Z")
# the middle of a month, said without its day: "midt i august", "mid-August", "in the middle of June", "i midten af
# juni"; the days are written elsewhere, or not at all
_MID_MONTH = re.compile(r"(?i)\b(?:midt|mid|in[ \t]the[ \t]middle[ \t]of|i[ \t]midten[ \t]af)[ \t-]{0,3}\Z")
_SENTENCE_REST = re.compile(r"[^.!?\n]{0,140}")
# a month the work starts in, its verb just before: "We hope to start building in March", "vi regner med at starte op
# i marts", "Production is expected to start in September": the day it begins is not yet said, the month no period
_STARTS_IN = re.compile(r"(?i)\b(?:start(?:s|ing)?|begin(?:s|ning)?|commenc(?:e|es|ing)|starte|starter|begynde|begynder"
                        r"|påbegynde)(?:[ \t]{1,3}(?:op|[a-z]{2,20}ing))?[ \t]{1,3}\Z")
_MONTH_DASH = re.compile(r"[^\W\d_]+\.?(?:[ \t,]{1,3}\d{4})?"
                         r"[ \t]{0,3}(?:[-–]|(?i:til|to|until|through|thru)[ \t])[ \t]{0,3}[^\W\d_]")


# "fra", "from" after the month are a cue when a time or a day follows ("i maj fra kl. 10", "in May from 11 to 22"), not
# "what else you need from us"
_TIME_AFTER_FROM = re.compile(r"[ \t]{1,3}(?:(?i:kl\.?|klokken)[ \t]{0,2})?\d")


def _cue_after(text: str, start: int, end: int) -> bool:
    """A cue of a period in ``text[start:end]``: the month and the rest of its sentence."""
    return any(cue.group(0).lower() not in ("fra", "from") or _TIME_AFTER_FROM.match(text, cue.end())
               for cue in islice(_MONTHS_CUE.finditer(text, start, end), 20))


def _month_range(text: str, reference: date) -> Period | None:
    """Whole months when no day is written: May 1 to June 30 for "i hele maj og juni 2027"."""
    for m in islice(_MONTH_RANGE.finditer(text), 50):
        if not m.group("lead") and not (m.group("m2") and m.group("y") and _MONTH_DASH.match(m.group(0))):
            continue        # no "i", "fra", "in": months with their year, "maj-august 2027", "april to october 2027"
        # "I maj vil jeg ... hver lørdag": the cue may follow in the same sentence
        after = None if m.group(0).endswith(".") else _SENTENCE_REST.match(text, m.end())
        if _SOMETIME.search(text, max(0, m.start() - 20), m.start()):
            continue                                        # "sometime in september": a month not yet decided on
        if _MID_MONTH.search(text, max(0, m.start() - 20), m.start()):
            continue                                        # "fra midt i august til midt i september": no whole month
        # ("during August" alone is "in August": its own "during" is no cue, "The new equipment is planned to go in
        # during August")
        lead = len(m.group("lead") or "")
        own = lead if m.group("lead") and m.group("lead").strip().lower() != "during" else 0
        if m.group("lead") and not (_MONTHS_CUE.search(text, max(0, m.start() - 80), m.start() + own)
                                    or _cue_after(text, m.start() + lead, after.end() if after else m.end())
                                    or m.group("y0") and m.group("m2")):     # (the year, then its months)
            continue                                        # "we open in April": a date of the story, not a period
        if m.group("lead") and not m.group("m2") and _STARTS_IN.search(text, max(0, m.start() - 40), m.start()):
            continue                                        # "We hope to start building in March"
        if _opening_month(text, m):
            continue                                        # "We are opening our store at ... in April 2027"
        if _LAST_TIME_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue                                        # "Sidste år havde vi 8 m² fra maj til august"
        m1 = MONTHS[m.group("m1").lower()]
        m2 = MONTHS[m.group("m2").lower()] if m.group("m2") else m1
        if m.group("m1").lower() == "may" and not m.group("y") and text[m.start():m.start() + 3].lower() != "in ":
            continue                                        # "we may ..."
        if m.group("m1") == "jul" and not (m.group("m2") or m.group("y")) and (m.group("lead") or "").strip() == "i":
            continue                                        # "salg fra vogn i jul": at Christmas, not in July
        year = _year(m.group("y") or m.group("y0"))
        listed = _DAYS_LISTED.match(text, m.end()) if m1 == m2 else None
        if listed:
            # "every Sunday in July 2027 (that's the 4th, 11th, 18th and 25th)": from the first day listed to the last
            days = [int(d) for d in re.findall(r"\d{1,2}", listed.group("days"))]
            if year is None:
                ahead = date(reference.year, m1, 1) >= reference - PAST_TOLERANCE
                year = reference.year if ahead else reference.year + 1
            if all(_valid(d, m1, year) for d in days) and days == sorted(days):
                return Period(date(year, m1, days[0]), date(year, m1, days[-1]))
        if year is not None and m.group("y1"):
            return Period(date(int(m.group("y1")), m1, 1), _last_day(year, m2))   # "juni 2027 - august 2027"
        if year is None:
            year = reference.year if date(reference.year, m2, 1) >= reference - PAST_TOLERANCE else reference.year + 1
            start_year = year if m1 <= m2 else year - 1
        else:
            start_year = year if m1 <= m2 else year - 1
        return Period(date(start_year, m1, 1), _last_day(year, m2))
    return None


# the days of the month listed in brackets right after it: "(that's the 4th, 11th, 18th and 25th)", "(den 4., 11.,
# 18. og 25.)"
_DAY_IN_LIST = r"(?:the[ \t]+|den[ \t]+)?\d{1,2}(?:st|nd|rd|th|\.)?"
_DAYS_LISTED = re.compile(r"[ \t]{0,3}\((?:[^()\d\n]{0,20}?)(?P<days>" + _DAY_IN_LIST + r"(?:[ \t]{0,2},[ \t]{0,2}"
                          + _DAY_IN_LIST + r"){0,8}[ \t]{1,3}(?:and|og|&)[ \t]{1,3}" + _DAY_IN_LIST
                          + r")[ \t]{0,2}\)", re.IGNORECASE)


# "We are opening our first Danish store at Købmagergade 34, 1150 København K in April 2027": the month a business
# opens, earlier in the same sentence, is no period applied for (unless the opening is celebrated)
# (an abbreviation's dot inside it ends no sentence: "på Nørre Farimagsgade 21, st. tv, 1364 København K, den 1. marts")
_OPENING_IN_SENTENCE = re.compile(r"\b(?:åbner|åbne|opens?|opening|genåbner|reopens?|reopening)(?![\w-])"
                                  r"(?:[^.!?\n]|\.(?![ \t]*(?-i:[A-ZÆØÅ])|[ \t]*\n|\Z)){0,100}\Z", re.IGNORECASE)


def _opening_month(text: str, m: re.Match[str]) -> bool:
    """A single month ("in April 2027") closing a sentence part that says when the business opens or moves ("We move
    our tea shop from X to Y in August 2027")."""
    return (not m.group("m2") and bool(m.group("lead")) and m.group("lead").strip().lower() in ("i", "in")
            and (_OPENING_IN_SENTENCE.search(text, max(0, m.start() - 100), m.start()) is not None
                 or _MOVE_BEFORE.search(text, max(0, m.start() - 200), m.start()) is not None)
            and not _CELEBRATION.search(text))


def _ranges(text: str, reference: date, dates: list[DateMention]) -> list[tuple[int, date, date]]:
    out: list[tuple[int, date, date]] = []
    for pattern in _DAY_RANGE_PATTERNS:
        for m in pattern.finditer(text):
            out.extend(_day_range(m, reference))
    for k, (first, second) in enumerate(zip(dates, dates[1:], strict=False)):
        gap = text[first.end:second.start]
        if _RANGE_GAP.match(gap):
            first = _first_listed(text, dates, k) if _LIST_END.match(gap) else first
            start, end = _complete_pair(first, second, reference)
            if start is not None and end is not None and start <= end:
                out.append((first.start, start, end))
    for m in _WEEK_RANGE.finditer(text):
        out.extend(_week_range(m, reference))
    for m in _DAYS_OF_WEEKS.finditer(text):
        out.extend(_days_of_weeks(m, reference))
    for m in islice(_WEEKS_OF_MONTH.finditer(text), 20):
        out.extend(_weeks_of_month(m, reference))
    for mention in dates[:20]:
        # "fra påske (fredag d 26 marts 2027) til og med september", "from 1 May until the end of September": a day,
        # then a whole month as the end
        to = _TO_A_MONTH.match(text, mention.end)
        start = _resolve_mention(mention, reference) if to else None
        if to and start is not None:
            month = MONTHS[to.group("mon").lower()]
            year = int(to.group("y")) if to.group("y") else start.year + (1 if month < start.month else 0)
            if date(year, month, 1) >= date(start.year, start.month, 1):
                out.append((mention.start, start, _last_day(year, month)))
        day = _resolve_mention(mention, reference) if _AND_THE_REST_OF_THE_YEAR.match(text, mention.end) else None
        if day is not None:
            out.append((mention.start, day, date(day.year, 12, 31)))   # "fra lørdag den 3. april og året ud"
        # "fra uge 48 til og med 23. december", "from week 10 until 12 March": a week's Monday, then a day
        week = _FROM_A_WEEK.search(text, max(0, mention.start - 40), mention.start)
        end = _resolve_mention(mention, reference) if week else None
        if week and end is not None:
            try:
                start = date.fromisocalendar(end.year, int(week.group("w")), 1)
            except ValueError:
                continue
            if start <= end:
                out.append((week.start(), start, end))
    # (not the days of another matter: "Jeg er på messe i Hamborg 8.-10. februar")
    return sorted((r for r in out if not _ANOTHER_MATTER.search(text, max(0, r[0] - 80), r[0])), key=lambda r: r[0])


# a week named by a day in it, right before the day: "the week of 8 March", "i ugen med den 8. marts": no day of its
# own (a week of work not yet fixed to its days; dev d52-22), though a week its start is written for ("the week starting
# Monday 7 June") is
_WEEK_OF_A_DAY = re.compile(r"(?i)(?:\b(?:the[ \t]+)?week[ \t]+of|\bugen[ \t]+med)[ \t]+"
                            r"(?:the[ \t]+|den[ \t]+|d\.[ \t]*)?\Z")


# days listed, the last after "and": "Thursday 8 July, Thursday 15 July and Thursday 22 July 2027", "lørdag den 5. juni,
# lørdag den 12. juni og lørdag den 19. juni": the period runs from the first listed, not from the one before "and"
_LIST_END = re.compile(r"(?i)^[ \t,]{0,3}(?:and|og)(?![\w])")
_LISTED = re.compile(r"(?i)[ \t]{0,2},[ \t]{1,3}(?:(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri"
                     r"|satur|sun)day)[ \t]{1,3})?(?:(?:den|d\.|the)[ \t]{1,3})?")
_MAX_LISTED = 12


def _first_listed(text: str, dates: list[DateMention], k: int) -> DateMention:
    """The first of the days listed with commas before ``dates[k]`` (itself when none is)."""
    j = k
    while j > 0 and k - j < _MAX_LISTED and _LISTED.fullmatch(text, dates[j - 1].end, dates[j].start):
        j -= 1
    return dates[j]


_FROM_A_WEEK = re.compile(r"(?i)\b(?:fra|from)[ \t]{1,3}(?:uge|week)[ \t]{0,3}(?P<w>\d{1,2})[ \t]{1,3}"
                          r"(?:til(?:[ \t]og[ \t]med)?|to|until|till|through)[ \t]{1,3}"
                          r"(?:(?:den|d\.|the|(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur"
                          r"|sun)day)[ \t]{1,3}){0,2}\Z")


_TO_A_MONTH = re.compile(r"(?i)\)?,?[ \t]{1,3}(?:til(?:[ \t]og[ \t]med)?|to|until|till|through|thru|[-–])[ \t]{1,3}"
                         r"(?:(?:the[ \t])?end[ \t]of[ \t]|udgangen[ \t]af[ \t]|slutningen[ \t]af[ \t])?"
                         + _MONTH.format("mon") + r"(?:[ \t](?P<y>20\d\d))?(?![ \t]*\d)(?![\w])")


def _weeks_of_month(m: re.Match, reference: date) -> list[tuple[int, date, date]]:
    """The first or last ``n`` weeks of a month as days: "the first two weeks of August" is 1-14 August, "de sidste to
    uger af juni" 17-30 June (a month without a year: the first not far in the past)."""
    if m.group("n") is None and m.group("unit").lower() in ("weeks", "uger"):
        return []                               # "the first weeks of July": how many is not said
    raw = (m.group("n") or "1").lower()
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if not n or not 1 <= n <= 4:
        return []
    month = MONTHS[m.group("mon").lower()]
    year = _year(m.group("y"))
    if year is None:
        year = reference.year if _last_day(reference.year, month) >= reference - PAST_TOLERANCE else reference.year + 1
    last = _last_day(year, month)
    if m.group("side").lower() in ("first", "første"):
        return [(m.start(), date(year, month, 1), date(year, month, 7 * n))]
    return [(m.start(), last - timedelta(days=7 * n - 1), last)]


def _day_range(m: re.Match, reference: date) -> list[tuple[int, date, date]]:
    month = MONTHS[m.group("mon").lower()] if m.groupdict().get("mon") else int(m.group("mn"))
    if not 1 <= month <= 12:
        return []
    year = _year(m.group("y"))
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    if not (_valid(d1, month, year or 2028) and _valid(d2, month, year or 2028)) or d1 > d2:
        return []
    end = _resolve(d2, month, year, reference)
    if end is not None and year is None and end < reference:
        end = _resolve(d2, month, end.year + 1, reference)      # a range without a year that ended before receipt
    at = m.start()
    while (earlier := _EARLIER_DAYS.search(m.string, max(0, at - 20), at)) and int(earlier.group("d")) < d1:
        d1, at = int(earlier.group("d")), earlier.start()   # "weekenderne 4.-5. og 11.-12. december": from the 4th;
                                                            # "9, 16, 23 and 30 March": from the 9th; not
                                                            # "i uge 6, 8.-12. februar": a week, not the 6th
    return [(m.start(), end.replace(day=d1), end)] if end else []


# (a digit glued to a word, "6 m2, 15-19 March", is no earlier day)
_EARLIER_DAYS = re.compile(r"(?<![\w.])(?<!uge )(?<!Uge )(?<!week )(?<!Week )"
                           r"(?P<d>\d{1,2})\.?(?:[ \t]{0,2}[-–][ \t]{0,2}\d{1,2}\.?)?[ \t]{0,3}"
                           r"(?:,|og|and|&)[ \t]{0,3}\Z")


_WORKING_DAYS = re.compile(r"(?:mandag til fredag|mandag-fredag|monday to friday|monday-friday|hverdage|weekdays)"
                           r"\W+(?:i|in|of|på)?\W*\Z", re.IGNORECASE)


def _week_range(m: re.Match, reference: date) -> list[tuple[int, date, date]]:
    w1 = int(m.group("w1"))
    w2 = int(m.group("w2") or w1)
    year = _year(m.group("y")) or reference.year
    try:
        start = date.fromisocalendar(year, w1, 1)
        end = date.fromisocalendar(year, w2, 7)
    except ValueError:
        return []
    if not m.group("y") and end < reference:                # weeks that ended before receipt: next year's
        return _on_working_days(m, _week_range_in(year + 1, w1, w2, m.start()))
    return _on_working_days(m, [(m.start(), start, end)] if start <= end else [])


# the working days written after the weeks: "i uge 27, mandag til fredag", "uge 35 og 36 på hverdage"
_WORKING_DAYS_AFTER = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?:(?:på|on|alle|all)[ \t]{1,2})?(?:mandag til fredag"
                                 r"|mandag-fredag|monday to friday|monday-friday|hverdage|weekdays)\b", re.IGNORECASE)


def _on_working_days(m: re.Match, weeks: list[tuple[int, date, date]]) -> list[tuple[int, date, date]]:
    """Weeks on working days only end on their last Friday ("mandag til fredag i uge 34": Monday to Friday)."""
    if weeks and (_WORKING_DAYS.search(m.string, max(0, m.start() - 30), m.start())
                  or _WORKING_DAYS_AFTER.match(m.string, m.end())):
        return [(pos, start, end - timedelta(days=2)) for pos, start, end in weeks]
    return weeks


_WEEKDAY = {"mandag": 1, "tirsdag": 2, "onsdag": 3, "torsdag": 4, "fredag": 5, "lørdag": 6, "søndag": 7,
            "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
# "starte mandag i uge 36 og være afsluttet fredag i uge 38 (2027)", "from Tuesday of week 10 to Friday of week 12"
_DAYS_OF_WEEKS = re.compile(
    r"\b(?P<d1>(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[ \t]{1,3}(?:i|in|of)"
    r"[ \t]{1,3}(?:uge|week)[ \t]{0,3}(?P<w1>\d{1,2})\b[^.\n\d]{1,60}?"
    r"\b(?P<d2>(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[ \t]{1,3}(?:i|in|of)"
    r"[ \t]{1,3}(?:uge|week)[ \t]{0,3}(?P<w2>\d{1,2})\b(?:[ \t,]{0,3}\(?(?:i[ \t]|in[ \t])?(?P<y>20\d\d))?",
    re.IGNORECASE)


def _days_of_weeks(m: re.Match, reference: date) -> list[tuple[int, date, date]]:
    """From a weekday of one week to a weekday of a later one (weeks that ended before receipt: next year's)."""
    year = _year(m.group("y")) or reference.year
    found = _days_of_weeks_in(m, year)
    if found and not m.group("y") and found[0][2] < reference:
        found = _days_of_weeks_in(m, year + 1)
    return found


def _days_of_weeks_in(m: re.Match, year: int) -> list[tuple[int, date, date]]:
    try:
        start = date.fromisocalendar(year, int(m.group("w1")), _WEEKDAY[m.group("d1").lower()])
        end = date.fromisocalendar(year, int(m.group("w2")), _WEEKDAY[m.group("d2").lower()])
    except ValueError:
        return []
    return [(m.start(), start, end)] if start <= end else []


def _week_range_in(year: int, w1: int, w2: int, pos: int) -> list[tuple[int, date, date]]:
    try:
        return [(pos, date.fromisocalendar(year, w1, 1), date.fromisocalendar(year, w2, 7))]
    except ValueError:
        return []


def _complete_pair(first: DateMention, second: DateMention, reference: date) -> tuple[date | None, date | None]:
    if second.year is None:
        start = _resolve_mention(first, reference)
        if start is None:
            return None, None
        year = start.year if (second.month, second.day) >= (start.month, start.day) else start.year + 1
        return start, _resolve(second.day, second.month, year, reference)
    end = _resolve(second.day, second.month, second.year, reference)
    if end is None or first.year is not None:
        return _resolve_mention(first, reference), end
    year = end.year if (first.month, first.day) <= (end.month, end.day) else end.year - 1
    return _resolve(first.day, first.month, year, reference), end


def _resolve(day: int, month: int, year: int | None, reference: date) -> date | None:
    """A date; without a year, the first year where it is not far in the past of ``reference``."""
    if year is not None:
        return date(year, month, day) if _valid(day, month, year) else None
    for candidate in (reference.year, reference.year + 1):
        if _valid(day, month, candidate) and date(candidate, month, day) >= reference - PAST_TOLERANCE:
            return date(candidate, month, day)
    return None


# the day of the week written right before a date: "mandag den 4. oktober", "Friday, 8 October", "fredag d. 8/10"
_WEEKDAY_BEFORE = re.compile(r"(?i)\b(?P<wd>(?:man|tirs|ons|tors|fre|lør|søn)dag"
                             r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)[ \t,]{1,3}(?:(?:den|d\.|the)[ \t]{1,3})?\Z")


def _resolve_mention(mention: DateMention, reference: date) -> date | None:
    """The date of a mention; one written with its day of the week but no year falls in the year, of those not far in
    the past, where it is that day ("mandag den 4. oktober" written in December 2026: 4 October 2027, a Monday)."""
    if mention.year is None and mention.weekday is not None:
        for year in (reference.year, reference.year + 1):
            if (_valid(mention.day, mention.month, year)
                    and date(year, mention.month, mention.day) >= reference - PAST_TOLERANCE
                    and date(year, mention.month, mention.day).isoweekday() == mention.weekday):
                return date(year, mention.month, mention.day)
    return _resolve(mention.day, mention.month, mention.year, reference)


# "Jeg åbner frisørsalon den 1. august": the day a business opens is no period applied for, unless the opening is
# celebrated on the street ("en DJ foran butikken", "an opening party", "300 besøgende"); so is the day its new
# premises are inaugurated ("as the inauguration of our office is planned on 15 February")
_OPENING = re.compile(r"\b(?:åbner|åbne|åbning|åbningen|opens?|opening|genåbner|reopens?"
                      r"|inauguration[ \t]of[ \t](?:the|our)[ \t](?:new[ \t])?(?:office|store|shop|premises|branch))"
                      r"(?![\w-])[^.\n]{0,50}$", re.IGNORECASE)
_CELEBRATION = re.compile(r"(?i)fest|party|reception|arrangement|event|koncert|concert|musik|music|\bdj\b|besøgende"
                          r"|gæster|guests|visitors|indvielse|happening")
_EVENT_CUE = re.compile(r"(?:afholdes|afvikles|finder sted|foregår|takes? place|(?:will be )?held|arrangement\w*|event"
                        r"|udføres|foretages|gennemføres|(?:is|will be) (?:carried out|done|performed)"
                        # the day the work is planned for: "Installation is planned for 12 April 2027", "scheduled
                        # on", "er planlagt til", "er berammet til"
                        r"|(?:planned|scheduled|planlagt|berammet|fastlagt)[ \t]+(?:for|on|to|til|på|den)"
                        r"|festival|marked|\bon|\bden|\bd\.|\bd|(?:man|tirs|ons|tors|fre|lør|søn)dag"
                        r"|\b(?:for|i)[ \t](?:one|a|en|én|a[ \t]single)[ \t]day|\bone[ \t]day[ \t]only"
                        r"|\b(?:i[ \t])?(?:en|én)[ \t]dag"
                        r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\W+(?:\w+\W+){0,3}$"
                        # the day right after the place: "en madvogn på Israels Plads 1. maj 2027", "at Kultorvet 3
                        # June"
                        r"|\b(?:på|at)[ \t]+(?-i:[A-ZÆØÅ][\wæøå'’.-]*[ \t]+){1,3}$", re.IGNORECASE)


# "men aftalen udløber 31. december 2026", "our contract expires on 31 March", "den er stoppet 31 december": when
# something else ends, or ended
_EXPIRES = re.compile(r"(?i)\b(?:udløber|udløb|expires?|expiry|stoppet|stopped|ophørte|ophørt|ceased|sluttede|ended)\b"
                      r"[^.\n]{0,20}\Z")


# the date line of a letter: "København, 2. februar 2027", "Hvidovre, den 12. januar 2027"
_LETTER_DATE = re.compile(r"(?:^|\n)[ \t]*[A-ZÆØÅ][\w.]{1,25}(?:[ \t][A-ZÆØÅ][\w.]{1,25})?,[ \t]{0,3}"
                          r"(?:(?i:den|d\.)[ \t]{0,3})?\Z")


# the words that tell a day an event is built up, or struck
_BUILD_WORDS = (r"opbygning\w*|opstilling\w*|opsætning\w*|set(?:s|ting)?[- ]?up|set[ \t](?:it|them|everything)[ \t]up"
                r"|build(?:s|ing)?(?:[- ]?up)?|rig(?:s|ging)?(?:[- ]?up)?|rigge[rs]?[ \t]op|rigges[ \t]op"
                r"|(?:sætte[rs]?|stille[rs]?|bygge[rs]?)[ \t]op|(?:sættes|stilles|bygges)[ \t]op|load[- ]?in")
_STRIKE_WORDS = (r"nedtagning\w*|tage[rs]?[ \t]ned|tages[ \t]ned|pille[rs]?[ \t]ned|pilles[ \t]ned|pillet[ \t]ned"
                 r"|take[sn]?[- ]down|taking[ \t]down|strike|de-?rig\w*|get[- ]?out|load[- ]?out|rydde[rs]?[ \t]op"
                 r"|ryddes|ryddet|oprydning\w*|clear(?:ed|ing)?[ \t](?:up|away)|removed?|fjernes|fjernet"
                 r"|handed[ \t]back|(?:the[ \t])?last[ \t]\w+[ \t]leaves")


# the days an event is built up and struck, dated apart beside the event's own day ("lørdag den 14. august ...
# Opbygning af scene fredag 13. august", "Saturday 12 June ... Set-up on 11 June, take-down the morning of 13 June"):
# the period runs from the first of those days to the last
_BUILD_OR_STRIKE = re.compile(rf"(?i)\b(?:{_BUILD_WORDS}|{_STRIKE_WORDS}|rigning\w*)\b[^.\n\d]{{0,30}}\Z")
_BUILD_DAYS = 3         # at most this many days before or after the event


def _with_build_and_strike(text: str, reference: date, dates: list[DateMention]) -> Period | None:
    event: list[date] = []
    build: list[date] = []
    for mention in dates:
        day = _resolve_mention(mention, reference)
        if day is None or day <= reference or _LETTER_DATE.search(text, max(0, mention.start - 40), mention.start):
            continue
        (build if _BUILD_OR_STRIKE.search(text, max(0, mention.start - 40), mention.start) else event).append(day)
    if len(set(event)) != 1 or not build or any(abs((day - event[0]).days) > _BUILD_DAYS for day in build):
        return None
    return Period(min(event + build), max(event + build))


# the days an event is built up and struck, beside its own days, when the text applies for them too ("Vi skal bruge
# onsdag og torsdag inden til opstilling", "We need also the day before for rigging of lights and the day after for
# strike", "Our crew needs access from the evening of Thursday the 13th to build"): by their dates, by the day of the
# week or as the day before or after (told only, "Opbygning dagen før", "We will build the stalls on Thursday 2
# September", they are no days applied for: the event's days are the period)
_BUILD_OR_STRIKE_WORD = re.compile(rf"(?i)\b(?:(?P<build>{_BUILD_WORDS})|(?P<strike>{_STRIKE_WORDS}))\b")
_RELATIVE_DAY = re.compile(r"(?i)\b(?:(?P<wd>(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:mon|tues|wednes|thurs|fri|satur"
                           r"|sun)day)(?:[ \t]+(?:i|in|of)[ \t]+(?:uge|week)[ \t]*(?P<week>\d{1,2}))?"
                           r"(?:[ \t,]+(?:the|den|d\.)?[ \t]*(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?(?![\d/.-]*\d))?"
                           r"|(?:the[ \t]+)?(?P<side>day[ \t]+before|day[ \t]+after|dagen[ \t]+(?:før|inden|efter)))\b")
# the days applied for, in the sentence that names them, before them
_NEEDED = re.compile(r"(?i)\b(?:(?:vi|we)[ \t]+(?:skal|also|will)?[ \t]*(?:også[ \t]+)?(?:bruge|need|have[ \t]+brug)"
                     r"|needs?[ \t]+(?:also[ \t]+)?(?:the[ \t]+\w+|access)|har[ \t]+brug[ \t]+for"
                     r"|søger[ \t]+(?:også[ \t]+)?om"
                     r"|(?:ask|apply)(?:ing)?[ \t]+(?:also[ \t]+)?for|is[ \t]+ours|er[ \t]+vores)\b")
# the end of a sentence (not the dot of a date, "6.-7. august", nor of "kl. 7", "ca. 3")
_SENTENCE_END = re.compile(r"(?<!\bkl)(?<!\bca)(?<!\bd)(?<!\bnr)\.(?!\d)|[!?\n]")
_JOINED = re.compile(r"(?i)[ \t]*(?:,|og|and|or|eller|[-–])?[ \t]*")
_CUE_REACH = 45         # characters between a day and the word that tells it is built up or struck
BUILD_SPAN = 7          # at most this many days before or after the event
_EVENT_SPAN = 14        # and only for an event of at most this many days


def tells_build_or_strike(text: str) -> bool:
    """The text names the days an event is built up or struck."""
    return _BUILD_OR_STRIKE_WORD.search(text) is not None


def _with_build_and_strike_days(text: str, reference: date, dates: list[DateMention], period: Period) -> Period:
    start, end = period.start, period.end
    if start is None or end is None or (end - start).days > _EVENT_SPAN or not _BUILD_OR_STRIKE_WORD.search(text):
        return period
    # (each day written: its place, and its date, or the words naming it relative to the event)
    days: list[tuple[int, int, date | re.Match[str] | None]] = [(d.start, d.end, _resolve_mention(d, reference))
                                                                for d in dates]
    written = len(days)
    for m in islice(_RELATIVE_DAY.finditer(text), 40):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in days[:written]):
            days.append((m.start(), m.end(), m))            # (not the day of the week of a date written out)
    days.sort(key=lambda d: d[0])
    first, last = start, end
    for i, (at, stop, named) in enumerate(days):
        before = days[i - 1][1] if i else 0                 # a word between this day and the one before tells of this
        j = i + 1       # (days joined by "og", "and", a comma share the word after them: "onsdag og torsdag inden til")
        while j < len(days) and _JOINED.fullmatch(text, days[j - 1][1], days[j][0]):
            j += 1
        after = days[j][0] if j < len(days) else len(text)
        cues = [c for c in _BUILD_OR_STRIKE_WORD.finditer(text, max(before, at - _CUE_REACH),
                                                               min(after, stop + _CUE_REACH))
                if not _SENTENCE_END.search(text[c.end():at] if c.end() <= at else text[stop:c.start()])]
        if not cues or not _NEEDED.search(_sentence_before(text, at)):
            continue
        # the word before the day tells ("sættes op lørdag ... og tages ned søndag"), else the one after it ("onsdag og
        # torsdag inden til opstilling")
        told_before = [c for c in cues if c.end() <= at]
        cue = told_before[-1] if told_before else cues[0]
        build = cue.group("build") is not None
        if named is None or isinstance(named, date):
            day = named
        else:
            if named.group("side"):     # ("the day after for strike": after, whatever the word)
                build = named.group("side").lower().endswith(("before", "før", "inden"))
            day = _relative_day(named, build, start, end)
        if day is None:
            continue
        if build and start - timedelta(days=BUILD_SPAN) <= day < first:
            first = day
        elif not build and last < day <= end + timedelta(days=BUILD_SPAN):
            last = day
    return Period(first, last) if (first, last) != (start, end) else period


def _sentence_before(text: str, at: int) -> str:
    """The sentence up to ``at``."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 300), at)]
    return text[starts[-1] if starts else max(0, at - 300):at]


def _relative_day(m: re.Match[str], build: bool, start: date, end: date) -> date | None:
    """The day a day of the week, or the day before or after, names beside an event from ``start`` to ``end`` (a day
    it is built up on, ``build``, or struck on)."""
    if m.group("side"):
        return start - timedelta(days=1) if build else end + timedelta(days=1)
    weekday = _WEEKDAY[m.group("wd").lower()]
    if m.group("week"):
        try:
            return date.fromisocalendar(start.year, int(m.group("week")), weekday)
        except ValueError:
            return None
    # the latest such day on or before the event's first day, the earliest on or after its last
    day = start - timedelta(days=(start.isoweekday() - weekday) % 7) if build else \
        end + timedelta(days=(weekday - end.isoweekday()) % 7)
    return day if not m.group("day") or int(m.group("day")) == day.day else None


# the days of an application told as so many days, then listed: "on two days: ... 5 June, and again on ... 23 June",
# "på tre enkelte dage: 3. maj, 10. maj og 24. maj"
_DAYS_NAMED = re.compile(r"(?i)\b(?:two|three|four|to|tre|fire|[234])[ \t]+(?:separate[ \t]+|single[ \t]+|enkelte[ \t]+"
                         r"|forskellige[ \t]+)?(?:days|dage|dates|datoer)\b[ \t]*:[^.!?\n]{0,40}\Z")
# the writer applies for every day named, a reserve day too: "Tuesday 16 March, with Wednesday 17 March as a reserve
# day ... We apply for both days", "Vi søger om begge dage"
_ALL_DAYS_APPLIED = re.compile(r"(?i)\b(?:apply|applying|søger|ansøger)\b[^.!?\n]{0,20}?\b(?:both|begge|all|alle)"
                               r"(?:[ \t]+(?:the[ \t]+)?(?:days|dage(?:ne)?|dates|datoer(?:ne)?))\b")


def _one_sided(text: str, reference: date, dates: list[DateMention]) -> Period:
    built = _with_build_and_strike(text, reference, dates)
    if built is not None:
        return built
    up_and_down = _up_and_down(text, reference, dates)
    if up_and_down is not None:
        return up_and_down
    period = _from_or_to(text, reference, dates)
    if period.start or period.end:
        return period
    celebrated = _CELEBRATION.search(text) is not None
    ahead = [d for d in dates if (_resolve_mention(d, reference) or reference) > reference
             and not _LETTER_DATE.search(text, max(0, d.start - 40), d.start)
             # (nor the day the business opens, beside the day of its crane: "opening a new gym ... on 8 February")
             and (celebrated or not (_OPENING.search(text[max(0, d.start - 60):d.start])
                                     or _OPENING_IN_SENTENCE.search(text, max(0, d.start - 100), d.start)))]
    one_day = len({_resolve_mention(d, reference) for d in ahead}) == 1     # (written once, or again: "(19 June ...)")
    days = sorted({day for d in ahead if (day := _resolve_mention(d, reference)) is not None})
    if 2 <= len(days) <= 4 and _DAYS_NAMED.search(text, max(0, ahead[0].start - 80), ahead[0].start):
        return Period(days[0], days[-1])     # "on two days: Grundlovsdag, Saturday 5 June, and ... 23 June"
    if (2 <= len(days) <= 4 and (days[-1] - days[0]).days <= 7
            and _ALL_DAYS_APPLIED.search(text, ahead[-1].end, ahead[-1].end + 200)):
        return Period(days[0], days[-1])     # "... Wednesday 17 March as a reserve day. We apply for both days."
    for mention in ahead[:1] if one_day else []:               # the date of the letter is no second date
        before = text[max(0, mention.start - 60):mention.start]
        opening = (_OPENING.search(before) is not None        # ("Vi åbner X på Fælledvej 19, 2200 ..., den 1. marts")
                   or _OPENING_IN_SENTENCE.search(text, max(0, mention.start - 100), mention.start) is not None)
        if (_EVENT_CUE.search(before) and not (opening and not _CELEBRATION.search(text))
                and not _EXPIRES.search(before) and not _OPERATION_STARTS.search(before)):
            day = _resolve_mention(mention, reference)
            if day is not None and day > reference:      # else: the date of the letter
                return Period(day, day)
    return period


# what stands from one day to another, told by when it comes and when it goes: "The skip will be delivered on Monday 25
# January 2027 and collected on Monday 1 February 2027", "Containeren stilles op 25. januar og hentes 1. februar"
_PUT_UP = re.compile(r"(?i)\b(?:deliver(?:ed|y)?|leveres|leveret|levering|stilles(?:[ \t]+op)?|sættes[ \t]+op|opsættes"
                     r"|opstilles|placeres|placed|set[ \t]+up|put[ \t]+up|arrives?|rejses|erected|installed|monteres"
                     r"|mounted)\b[^.!?\n]{0,30}\Z")
_TAKEN_DOWN = re.compile(r"(?i)\b(?:collect(?:ed|ion)?|hentes|afhentes|fjernes|removed|taken[ \t]+(?:down|away)"
                         r"|nedtages|tages[ \t]+ned|picked[ \t]+up|afmonteres|demonteres|dismantled|struck)\b")


def _up_and_down(text: str, reference: date, ahead: list[DateMention]) -> Period | None:
    """The days something is put up and taken away again, in one sentence (None where no two days are told so)."""
    for first, second in zip(ahead, ahead[1:], strict=False):
        start, end = _resolve_mention(first, reference), _resolve_mention(second, reference)
        between = text[first.end:second.start]
        if (start and end and reference < start < end and len(between) <= 80 and not re.search(r"[.!?\n]\s", between)
                and _PUT_UP.search(text, max(0, first.start - 60), first.start)
                and _TAKEN_DOWN.search(between)):
            return Period(start, end)
    return None


# "Driften skal gerne starte 1. oktober 2027", "production starts on 1 March": when a plant or a business begins to
# run, no period of an activity applied for
_OPERATION_STARTS = re.compile(r"(?i)\b(?:driften|produktionen|operations?|production)\b[^.\n]{0,20}"
                               r"\b(?:start\w*|begynd\w*|påbegynd\w*)\b[^.\n]{0,12}\Z"
                               # "Start of production planned for 1 September 2027"
                               r"|\b(?:start|opstart|begyndelse)[ \t]+(?:of|af|på)[ \t]+(?:the[ \t]+)?(?:driften"
                               r"|produktionen|operations?|production)\b[^.\n]{0,25}\Z"
                               # the verb first: "Selskabet forventer at påbegynde driften den 1. maj 2027", "we expect
                               # to start operations on 1 May" (not "wishes to start production on 1 September": the
                               # development set's d62-18 applies from that day)
                               r"|\b(?:start\w*|begynd\w*|påbegynd\w*|commenc\w*|begin\w*)[ \t]+(?:the[ \t]+|its[ \t]+"
                               r"|our[ \t]+)?(?:driften|operations?)\b[^.\n]{0,12}\Z")


# the day a job is booked for: "arbejdet er aftalt til tirsdag den 14. september", "planlagt til den 3. maj" (the
# "til" of a day agreed on, not the end of a period)
_BOOKED_FOR = re.compile(r"(?i)\b(?:aftalt|planlagt|fastsat|fastlagt|berammet|booket|bestilt|sat|lagt)\s+til"
                         r"(?:\s+(?:(?:man|tirs|ons|tors|fre|lør|søn)dag|den|d\.))*\s*\Z")


# a period from the day the business opens, that day named elsewhere ("fra åbningen til og med 31. oktober")
_FROM_THE_OPENING = re.compile(r"(?i)\b(?:fra|from)[ \t]+(?:the[ \t]+)?(?:åbningen|åbningsdagen|opening(?:[ \t]+day)?)"
                               r"(?![\w-])")


# a length right before the start: "Selve nedrivningen tager tre uger fra 1. marts", "10 arbejdsdage fra 12. april",
# "for three weeks from Monday 4 October"
_LENGTH_FROM = re.compile(_DURATION.pattern + r"[ \t]{1,3}(?:(?:fra|from|starting|beginning|med[ \t]start)"
                          r"(?:[ \t]{1,3}(?:og[ \t]med|on|den|d\.|the|(?:man|tirs|ons|tors|fre|lør|søn)dag"
                          r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?)*)[ \t]{1,3}\Z", re.IGNORECASE)


def _from_or_to(text: str, reference: date, dates: list[DateMention]) -> Period:
    start = end = None
    opens = False
    lasting = next((d for d in dates if _LENGTH_FROM.search(text, max(0, d.start - 60), d.start)), None)
    if lasting is not None:             # the start a length is counted from, over a "fra" of another thing's date
        dates = [lasting] + [d for d in dates if d is not lasting]
    for mention in dates:
        before = text[max(0, mention.start - 40):mention.start]
        value = _resolve_mention(mention, reference)
        if start is None and end is None and _BOOKED_FOR.search(before) and not _OPERATION_STARTS.search(before):
            return Period(value, value)
        if (start is None and _FROM_CUE.search(before) and not _OPERATION_STARTS.search(before)
                and not _FROM_THE_OPENING.search(before)):
            start = value
            opens = _OPENING_IN_SENTENCE.search(text, max(0, mention.start - 100), mention.start) is not None
        elif end is None and _TO_CUE.search(before):
            end = value
            if value is not None and mention.year is None and value < (start or reference):
                # "udeservering til og med 31. oktober" written in December: the coming October, an end being ahead
                end = date(value.year + 1, value.month, value.day) if _valid(value.day, value.month,
                                                                               value.year + 1) else value
    if start is None and end is not None and _FROM_THE_OPENING.search(text):
        # "Vi åbner Grillhuset d. 1. marts ... udeservering fra åbningen til og med 31. oktober": the day it opens
        opening = next((d for d in dates if _OPENING_IN_SENTENCE.search(text, max(0, d.start - 100), d.start)
                        and not _FROM_THE_OPENING.search(text, max(0, d.start - 40), d.start)), None)
        start = _resolve_mention(opening, reference) if opening is not None else None
        return Period(start, end) if start is None or start <= end else Period(None, end)
    if opens and end is None and not _CELEBRATION.search(text):
        # "Min mor vil åbne en lille garnbutik på Smallegade 20 fra 1. marts": the day a business opens, with no end,
        # is no period applied for
        return Period(None, None)
    return Period(start, end)


def parse_single_date(text: str, reference: date) -> date | None:
    """The first date in a short value such as a form field."""
    dates = find_dates(text)
    if not dates:
        return None
    d = dates[0]
    return _resolve_mention(d, reference)
