"""Danish street addresses as businesses write them, in normalised form.

An address is a street name (ending in -gade, -vej, Allé, Plads...) with a house
number and letter ("9B"), optionally a floor ("st", "kl", "1.", "3. sal") and a
side ("tv", "th", "mf"), and optionally a postcode and town checked against the
postcode table. The normalised form is "Tagensvej 120, 3. tv": street and
number, then ", " + floor + "." and " " + side when given ("st." for the ground
floor, "kl." for the basement). Whose address it is (the business's own or the
activity's site) is decided in ``intake.details.sites``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from intake.details.postcodes import postcode_town, town_of, towns

MAX_MENTIONS = 100      # a letter names a handful of addresses; a hostile text may name thousands
_ENDINGS = ("land gade vej allé alle plads pladsen torv torvet boulevard boulevarden stræde straede vænge have haven"
            " park parken bro broen brygge bryggen kaj kajen havn havnen gang gangen passage sti stien bakke bakken"
            " høj vang vangen toft toften lund ager hegn hegnet holm holmen strand kanal dæmning dæmningen løkke mark"
            " marken port porten skov kvarter diget engen eng volden vold ringen gård gården kær kæret markedet hus sø"
            " søen vejen gaden stranden alléen dalen dal bjerg vænget lunden dossering buen bue byen runddel runddelen"
            " vandet øen slette sletten mose mosen række rækken krog krogen kilde kilden bane banen square street"
            " road hallen hallerne station stationen").split()
_STREET_END = "(?i:" + "|".join(_ENDINGS) + ")"
# A street is up to three capitalised words, the last ending in a street word. Each word is taken whole (possessive)
# and its ending checked by fixed-width look-behinds, so that no position is scanned more than a few times.
_CAP_WORD = r"[A-ZÆØÅ][\wæøåé'’.\-]{0,40}+"
# (a small word between two capitalised ones: "Overgaden oven Vandet", "Overgaden neden Vandet")
STREET_PREFIX = (rf"(?:(?:{_CAP_WORD}|[A-ZÆØÅ]\.[ ]?[A-ZÆØÅ]\.)[ \t](?:(?:oven|neden)[ \t](?=[A-ZÆØÅ]))?){{0,2}}"
                 rf"{_CAP_WORD}")   # before its ending is checked
ENDS_AS_STREET = "(?i:" + "|".join(f"(?<={e})" for e in sorted(set(_ENDINGS), key=len, reverse=True)) + ")"
STREET = STREET_PREFIX + ENDS_AS_STREET
# a place beside a house number, the number to follow: "ud for nr.", "foran nr. ", "outside no.", "opposite number",
# "på fortovet ved siden af nr. 14", "next to no. 8"
BESIDE_NUMBER = (r"(?i:ud ?for|foran|ved(?:[ \t]siden[ \t]af)?|outside|opposite|overfor|in front of|next to)[ \t]{1,3}"
                 r"(?i:nr\.?|no\.?|number)[ \t]{0,3}")
# checked before the endings: most words fail it
_NUMBER_AHEAD = r"(?=(?:[ \t]{1,3}|[ \t]?\n)(?:nr\.?[ \t]{0,2})?\d)"
# a PDF may wrap the line between street and number (but "By & Havn\n2. Kontaktperson": a numbered heading on the next
# line is no house number)
_TO_NUMBER = r"(?:[ \t]{1,3}|[ \t]?\n(?!\d{1,2}\.[ \t]+[A-ZÆØÅ][^\n.]{0,40}(?:\n|\Z)))"
_MONTH_AHEAD = r"(?![ \t]{0,3}(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b)"
# a month's name, Danish or English
MONTH_WORD = r"(?i:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b"
# "Store Kongensgade 40 - 20 January": a day of a month after the dash, no end of a range of house numbers
_DAY_OF_MONTH_NOT = rf"(?!\.?[ \t]{{0,3}}{MONTH_WORD})"
# "Arrangement Israels Plads 12.-13. juni": days of a month after the street, no house number ("12." with its dot
# before the dash, or before the month); "Pop-up concert Vesterbros Torv 3 July": an English day without its dot,
# before the month's full name ("May" capitalised: "Nørrebrogade 12 may be ...")
# ("Julemarked på Husum Torv 1. søndag i advent": an ordinal before a weekday, no house number; "Kultorvet 3rd June")
# ("Film shoot on Wildersgade 14-15 October": two days and their month in English, capitalised, the dash without
# spaces; but "Store Kongensgade 40 - 20 January" is a house and a day, and so is the Danish "Jagtvej 10-12 maj")
_DAYS_NOT = (r"(?![-–]\d{1,2}[ \t]{1,3}(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
             r"|\.(?:[ \t]?[-–][ \t]?\d{1,2}\.)?[ \t]{0,3}"
             r"(?i:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b"
             r"|(?:st|nd|rd|th)[ \t]{1,3}(?i:of[ \t]{1,3})?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
             r"|\.[ \t]{1,3}(?i:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|weekend)"
             r"|[ \t]{1,3}(?:May|(?i:januar[y]?|februar[y]?|march|marts|april|maj|june|juni"
             r"|july|juli|august|september|o[ck]tober|november|december))\b)")
_SIDE = r"(?i:tv|th|mf|t\.[ ]?v|t\.[ ]?h|m\.[ ]?f)\b\.?"
_SIDE_EN = r"(?i:left|right)\b"
# an expat's "ground floor", "3rd floor left", "4th floor"
_NUMBERED_FLOOR = r"\d{1,2}(?:st|nd|rd|th|\.)?[ \t]{0,2}floor"
_FLOOR_EN = (rf"(?i:ground[ \t]floor|basement|{_NUMBERED_FLOOR})\b"
             rf"(?:[ \t]{{0,3}},?[ \t]{{0,3}}(?:{_SIDE}|{_SIDE_EN}))?")
_UNIT = (
    rf"(?P<unit>,?(?:[ \t]{{0,3}}|[ \t]?\n[ \t]{{0,2}}(?=st\b|kl\b|\d{{1,2}}\.))(?:"   # a PDF may wrap before the floor
    rf"(?i:st|stuen|kl|kld|kælder|parterre)\b\.?(?:[ \t]{{0,3}},?[ \t]{{0,3}}{_SIDE})?"
    r"|(?i:opg|opgang)\b\.?[ \t]{0,2}\d{1,2}(?![\d.])"                  # a stairway: "Carl Jacobsens Vej 16, opg. 4"
    rf"|{_FLOOR_EN}"
    rf"|\d{{1,2}}(?:\.(?!\d){_MONTH_AHEAD}|(?=[ \t]{{0,3}}(?:sal\b|{_SIDE})))[ \t]{{0,3}}(?i:sal\b\.?)?"
    rf"(?:[ \t]{{0,3}},?[ \t]{{0,3}}{_SIDE})?"
    r"))?"
)
_DIRECTION = r"(?:Syd|Nord|Øst|Vest)"         # "Industrivej Syd 7": a part of the street's name
# "Ved Sluserne 8", "Ved Kirken 5": a street named "Ved" (by) and a capitalised word, whatever its ending, when a
# house number follows (a lower-case "ved" is the preposition)
_VED_STREET = rf"Ved[ \t]{_CAP_WORD}"
ADDRESS = re.compile(
    rf"(?<![\w])(?P<street>{STREET_PREFIX}(?:{_NUMBER_AHEAD}{ENDS_AS_STREET}"
    rf"|(?=[ \t]{_DIRECTION}{_NUMBER_AHEAD}){ENDS_AS_STREET}[ \t]{_DIRECTION})"
    rf"|{_VED_STREET}{_NUMBER_AHEAD})"
    rf"{_TO_NUMBER}(?:nr\.?[ \t]{{0,2}})?"
    # (not a postcode before its town: "samme sted Blågårds Plads 2200 København N" names a square without a number)
    rf"(?P<no>(?!(?:19|20)\d\d(?!\d))(?![1-9]\d{{3}}[ \t]{{1,3}}[A-ZÆØÅ][a-zæøå])\d{{1,4}}(?!\d){_DAYS_NOT}"
    r"(?:[A-Za-z](?![\wæøå])|[ ][A-Ha-h](?![\wæøå]|\.[ \t]?\d))?"
    # "96-110", "96–110" (not "Glentevej 14 - 2400 København NV": a letterhead's postcode after a dash)
    rf"(?:(?:[ ]?-[ ]?|–)(?![1-9]\d{{3}}[ \t]+[A-ZÆØÅ][a-zæøå])\d{{1,4}}[A-Za-z]?(?![\wæøå]){_DAY_OF_MONTH_NOT})?)"
    # "3 x 6 m"; "22/4": a date; "45,5 m²" a number (but "45,1.tv" a floor after a comma without its space)
    rf"(?![\d./]\d|,\d(?!\d?\.?[ \t]{{0,2}}(?i:sal|tv|th|mf)\b)"
    rf"|[ \t]{{0,3}}(?:m2|m²|kvm|m\b|meter|l\b|liter|kr|%|[x×*][ \t]{{0,3}}\d)"
    # not a phone (but a postcode and its town: "Refshalevej 163A 1432 København K", a form's two lines in one)
    rf"|[ \t]{{1,2}}\d\d[ .\-]?\d\d(?![ \t]{{1,2}}[A-ZÆØÅ][a-zæøå])){_UNIT}"
)
_POSTBOX = r"(?i:postboks|postbox|p\.[ ]?o\.[ ]?box|pb\.)[ \t]{0,2}\d{1,5}"
# (also in brackets after the address: "en butik på Nørrebrogade 184, st. (2200 kbh n)")
_PC_AFTER = re.compile(rf"[ \t]{{0,3}}(?:[,·|•(]|(?<=[ \t])[-–](?=[ \t]))?[ \t]{{0,3}}(?:\n[ \t]{{0,3}})?"
                       rf"(?:{_POSTBOX}[ \t]{{0,3}}[,·|•]?[ \t]{{0,3}})?(?:DK[ \t-]?)?(?P<pc>[1-9]\d{{3}})(?![\d])")
# a postbox alone, taken only with its postcode and town: "Postboks 2140, 1500 København V"
_POSTBOX_ADDRESS = re.compile(rf"(?<![\w])(?=[pP])(?P<box>{_POSTBOX})(?![\d])")
_PC_ANYWHERE = re.compile(r"(?<![\w.,/+-])(?:DK[ \t-]?)?(?P<pc>[1-9]\d{3})(?![\d])")

_STREET_WORD = re.compile(rf"^{_STREET_END}$")
_NAME_PREFIXES = frozenset(
    "gammel gl. gamle store st. lille ny nye nørre ndr. søndre sdr. vester vestre øster østre nordre sankt skt. kongens"
    " dronningens prinsens dr. ved over under lange korte indre ydre nedre øvre"
    # districts of Copenhagen that streets are named after ("Bispebjerg Parkallé"), not postal towns
    " bispebjerg nørrebro østerbro vesterbro amager sundby valby vanløse brønshøj husum tingbjerg sydhavn"
    " christianshavn bellahøj emdrup utterslev nordhavn ørestad kastrup avedøre islev"
    # neighbouring municipalities that are no postal town ("Gladsaxe Møllevej", "Gentofte Sportsvej")
    " gladsaxe gentofte tårnby taarnby dragør lyngby".split())
# Street names most villages and towns have, written after the place's name: "Tuse Bygade", "Roskilde Landevej"
_AFTER_A_PLACE = frozenset("bygade bygaden hovedgade hovedgaden landevej stationsvej".split())
_PLACE_ENDINGS = ("bro", "by", "havn", "rup", "løse", "høj", "borg", "berg", "bjerg", "lund", "holm", "ager", "ør",
                  "strand", "sø", "lev", "s")
NOT_STREET_WORDS = frozenset(
    "stillads stilladset container containere containeren skurvogn udeservering ansøgning ansøger tilladelse skilt"
    " skiltning gravetilladelse gravning vedr vedr. vedrørende re sv fw fwd vs adresse address scaffolding scaffold"
    " permit application lift kran arrangement event nedrivning byggeplads olietank anmeldelse restaurant café cafe"
    " butik bar kiosk placering location sted site emne subject p-pladsen p-plads parkeringspladsen pladsen torvet"
    " gården baggården fortovet vejen gaden havnen parken stranden road street pavement sidewalk".split())
# Words that name who is at an address, not the street: "Ejerforeningen Nørre Allé 7", "Restauranten Nyhavn 17".
_NOT_STREET_ENDINGS = ("foreningen", "forening", "selskabet", "firmaet", "butikken", "restauranten", "caféen", "cafeen",
                       "virksomheden", "salonen", "bageriet", "klinikken", "værkstedet", "ejendommen", "kontoret",
                       "baren")


@dataclass(frozen=True)
class Mention:
    """A street address in a text, normalised, with where it stands and its postcode and town when written."""

    start: int
    end: int
    address: str
    postcode: str = ""
    town: str = ""

    def with_postcode(self) -> str:
        return f"{self.address}, {self.postcode} {self.town}" if self.postcode else self.address


def find_mentions(text: str, limit: int = MAX_MENTIONS) -> list[Mention]:
    """The street addresses with a house number in ``text``, in order (the first ``limit``).

    A street whose name ends in no street word ("Bystævnet 8, 2700 Brønshøj") counts when its postcode and the
    table's town for it follow (on the same line or the next).
    """
    found = [_mention(m, text) for m in islice(ADDRESS.finditer(text), limit) if not _town_after_postcode(m, text)]
    named = [m for m in islice((_named(m, text) for m in _NAMED_WITH_POSTCODE.finditer(text)), limit) if m]
    named += [m for m in islice((_number_first(m, text) for m in _NUMBER_FIRST.finditer(text)), limit) if m]
    named += [m for m in islice((_postbox(m, text) for m in _POSTBOX_ADDRESS.finditer(text)), limit) if m]
    named = [m for m in named if not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted(found + named, key=lambda m: m.start)[:limit] if named else found


# a house number corrected in so many words: "the address is Amagerbrogade 240, not 204 (typo)", "Adressen er
# Ryesgade 36, ikke Ryesgade 30", "skiltet skal sidde
# på nr. 38, ikke nr. 36", "ikke nr. 36, men nr. 38": the number after the street or "nr." that holds, and the one an
# earlier mail gave
_HOUSE_NO = r"\d{1,4}(?:[A-Z](?![\wæøå]))?"
_NR = r"(?:(?i:nr|no)\.?[ \t]{0,2})"
_NUMBER_NOT = re.compile(rf"(?P<new>{_HOUSE_NO})[ \t]{{0,2}},?[ \t]{{1,3}}(?i:not|ikke)[ \t]{{1,3}}{_NR}?"
                         rf"(?:(?P<again>{STREET})[ \t]{{1,3}})?(?P<old>{_HOUSE_NO})(?![\d\wæøå]|[.,]\d)")
_NOT_NUMBER_BUT = re.compile(rf"(?i:not|ikke)[ \t]{{1,3}}{_NR}?(?P<old>{_HOUSE_NO})[ \t]{{0,2}},?[ \t]{{1,3}}"
                             rf"(?i:but|men)[ \t]{{1,3}}{_NR}?(?P<new>{_HOUSE_NO})(?![\d\wæøå]|[.,]\d)")
# (or the number named as such: "husnummeret er 41, ikke 14", "the house number is 41, not 14")
_NUMBER_CUE = re.compile(rf"(?:{_NR}|(?<![\w]){STREET}[ \t]{{1,3}}"
                         r"|(?i:husnummer(?:et)?|house[ \t]number|nummeret)[ \t]{1,3}(?i:er|is)[ \t]{1,3})\Z")


def corrected_house_numbers(text: str) -> str:
    """The text with a corrected house number put right: each address on the same street with the earlier number
    (the earlier mail quoted below, "Læderstræde 36, st.") written with the one that holds, and the earlier number in
    the correction itself left out."""
    if not re.search(r"(?i)\b(?:not|ikke)\b", text):
        return text
    fixes: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    for m in islice(_NUMBER_NOT.finditer(text), 5):
        if _NUMBER_CUE.search(text, max(0, m.start() - 60), m.start()):
            fixes[m.group("old")] = m.group("new")
            spans.append(m.span("old"))
    for m in islice(_NOT_NUMBER_BUT.finditer(text), 5):
        if _NUMBER_CUE.search(text, max(0, m.start("new") - 60), m.start("new")):
            fixes[m.group("old")] = m.group("new")
            spans.append(m.span("old"))
    if not fixes:
        return text
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    streets = {clean_street(m.group("street")) for m in islice(ADDRESS.finditer(text), MAX_MENTIONS)
               if m.group("no") in fixes.values()}

    def put_right(m: re.Match[str]) -> str:
        new = fixes.get(m.group("no"))
        if new is None or clean_street(m.group("street")) not in streets:
            return m.group(0)
        return m.group(0)[:m.start("no") - m.start()] + new + m.group(0)[m.end("no") - m.start():]
    return ADDRESS.sub(put_right, text)


# a street written in lower case, as a hurried mail does ("søger om udeservering jægersborggade 41, 2200"): one word
# with a plain street ending and a house number, taken only with a postcode of the table right after it
_LOWER_STREET = re.compile(r"(?<![\w-])(?P<street>[a-zæøå]{6,30}+"
                           r"(?:(?<=gade)|(?<=vej)|(?<=allé)|(?<=boulevard)|(?<=stræde)|(?<=plads)|(?<=torv)|"
                           r"(?<=brygge)|(?<=vænge)|(?<=passage)))"
                           r"[ \t](?P<no>\d{1,3}[a-z]?)(?![\w.,]\d)")


def find_lower_case(text: str, limit: int = MAX_MENTIONS) -> list[Mention]:
    """The street addresses written in lower case with their postcode ("jægersborggade 41, 2200"), in order."""
    found = []
    for m in islice(_LOWER_STREET.finditer(text), limit):
        pc = _PC_AFTER.match(text, m.end())
        place = postcode_town(pc.group("pc"), text[pc.end():pc.end() + 60], strict=False) if pc else None
        if place:
            number, town, taken = place
            found.append(Mention(m.start(), pc.end() + taken, format_address(m.group("street").capitalize(),
                                                                             m.group("no")), number, town))
    return found


# a street written in lower case by a hurried mail, wherever it stands in the text ("stillads ud for frederikssundsvej
# 112 fra d 7/1", "ud for sønder boulevard 61", "kontor lygten 39 2400 kbh nv"): a word with a plain street ending
# (or a street word of its own after a word of the name: "toftegårds allé 48", "islands brygge 79"), the usual
# prefixes before it ("gammel køge landevej 55"), a house number that is no size, date nor phone, and its floor
_LOWER_PREFIX = r"(?:[a-zæøå][a-zæøå.]{1,15}[ \t]){0,2}"
_LOWER_ENDINGS = "gade vej allé alle boulevard stræde plads torv brygge vænge passage havn".split()
_LOWER_ENDS = "(?:" + "|".join(_LOWER_ENDINGS) + ")"
_ENDS_AS_LOWER_STREET = "(?:" + "|".join(f"(?<={e})" for e in _LOWER_ENDINGS) + ")"
_LOWER_ANY_STREET = re.compile(
    rf"(?<![\w\-/@.])(?P<street>{_LOWER_PREFIX}"
    rf"(?:[a-zæøå][a-zæøå\-]{{5,30}}+{_ENDS_AS_LOWER_STREET}"
    rf"|[a-zæøå][a-zæøå\-]{{1,30}}+[ \t]{_LOWER_ENDS}))"
    rf"[ \t](?:nr\.?[ \t]?)?(?P<no>(?!(?:19|20)\d\d(?!\d))\d{{1,3}}(?:[a-h](?![\wæøå]))?)(?![\d\wæøå])"
    rf"(?![.,/]\d|[ \t]{{0,3}}(?:m2|m²|kvm|m\b|meter|l\b|liter|kr|%|x|×|\*|[/-]\d)|[ \t]{{1,2}}\d\d[ .\-]?\d\d"
    rf"(?![ \t]{{1,2}}[a-zæøåA-ZÆØÅ]))"
    rf"{_UNIT}(?:[ \t](?P<floor>\d{{1,2}})(?=[ \t]{{1,3}}[1-9]\d{{3}}[ \t]))?")   # "brønshøj torv 8 1 2700 brønshøj"
# one lower-case word without a street ending, vouched for by its postcode and town ("kontor lygten 39 2400 kbh nv")
_LOWER_NAMED = re.compile(r"(?<![\w\-/@.])(?P<street>[a-zæøå]{4,30}+)[ \t](?P<no>\d{1,3}[a-h]?)(?![\w.,/])"
                          rf"{_UNIT}(?=[ \t]{{0,3}},?[ \t]{{0,3}}[1-9]\d{{3}}[ \t])")
_LOWER_NOT_PREFIX = frozenset("til på for ud foran ved i af fra og med mod bag hos om at on in of the to from and or"
                              " er vi jeg kontor office adresse address adr adr. c/o".split())


def find_lower_case_mentions(text: str, limit: int = MAX_MENTIONS) -> list[Mention]:
    """The street addresses a mail writes in lower case ("blågårdsgade 17 st 2200 kbh n", "ud for sønder boulevard
    61"), in order, as ``find_mentions`` gives the capitalised ones; a street named by no street word only with its
    postcode and town."""
    found = []
    for m in islice(_LOWER_ANY_STREET.finditer(text), limit):
        words = m.group("street").split()
        compound = len(words) == 1 or not _STREET_WORD.match(words[-1])
        keep = 1 if compound else 2     # "islands brygge": the word before a street word of its own is the name's
        bad = [i for i, w in enumerate(words[:-keep])
               if w in _LOWER_NOT_PREFIX or (compound or i < len(words) - 2) and not _lower_prefix(w)]
        words = words[bad[-1] + 1:] if bad else words
        if any(w in _LOWER_NOT_PREFIX or w in NOT_STREET_WORDS for w in words) or " ".join(words) in towns():
            continue
        start = m.end("street") - len(" ".join(words))
        found.append(_lower_mention(m, text, " ".join(words), start, strict=False))
    for m in islice(_LOWER_NAMED.finditer(text), limit):
        word = m.group("street")
        if (word in _LOWER_NOT_PREFIX or word in NOT_STREET_WORDS or word in _NOT_NAMED_STREETS or word in towns()
                or any(f.start <= m.start() < f.end for f in found)):
            continue
        mention = _lower_mention(m, text, word, m.start(), strict=True)
        if mention.postcode:
            found.append(mention)
    return sorted(found, key=lambda m: m.start)[:limit]


def _lower_prefix(word: str) -> bool:
    """A word that may open a street's name before its one-word name ("gammel køge landevej"): not a surname that
    ends as a place does ("c/o marie holm ravnsborggade 14")."""
    return word in _NAME_PREFIXES or word in towns() or word in ("sønder", "nørre")


def _lower_mention(m: re.Match, text: str, street: str, start: int, *, strict: bool) -> Mention:
    floor = m.groupdict().get("floor")
    address = format_address(street, m.group("no"), m.group("unit") or (f"{floor}." if floor else ""))
    pc = _PC_AFTER.match(text, m.end())
    found = postcode_town(pc.group("pc"), text[pc.end():pc.end() + 60], strict=strict) if pc else None
    if not found:
        return Mention(start, m.end(), address)
    number, town, taken = found
    return Mention(start, pc.end() + taken, address, number, town)


_POSTCODE_BEFORE = re.compile(r"(?<![\d])[1-9]\d{3}[ \t]{1,2}\Z")


def _town_after_postcode(m: re.Match[str], text: str) -> bool:
    """ "2700 Brønshøj 1.-15. august": the town of a postcode, followed by a date, is no street."""
    return (m.group("street").lower() in towns()
            and _POSTCODE_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None)


# one or two capitalised words, a house number, then a postcode (checked against the table with its town)
_NAMED_WITH_POSTCODE = re.compile(
    r"(?<![\w])(?P<street>[A-ZÆØÅ][a-zæøåé]{3,30}+(?:[ ][A-ZÆØÅ][a-zæøåé]{1,30}+)?)[ ](?P<no>\d{1,3}[A-Za-z]?)"
    # "Lygten 39, st., 2400 København NV", a block's "Sløjfen 17\n2700 Brønshøj"
    rf"{_UNIT}(?=(?:[ \t]{{0,3}},?[ \t]{{0,3}}|[ \t]{{0,3}}\n[ \t]{{0,3}})(?:DK[ \t-]?)?[1-9]\d{{3}}[ \t])")
_GENERIC_PREFIXES = frozenset(
    "gammel gamle store lille ny nye nørre søndre vester vestre øster østre nordre sankt kongens dronningens"
    " prinsens lange korte indre ydre nedre øvre".split())
# words written before a number that are no street: "Lejlighed 8", "Bilag 2", "Uge 12"
_NOT_NAMED_STREETS = frozenset(
    "huset bygning bygningen lejlighed lejligheden etage opgang lokale lokalet rum hal hallen kontor afdeling"
    " enhed bilag side uge ugerne dag dage nummer punkt trin fase etape sal stand standplads kl klokken"
    " house building flat apartment floor unit room hall office annex appendix page week day number phase stage"
    " gate door".split())


def _postcode_after(text: str, end: int) -> tuple[str, str, int] | None:
    """The postcode of the table and its own town right after ``end`` (strictly), with where they end."""
    pc = _PC_AFTER.match(text, end)
    found = postcode_town(pc.group("pc"), text[pc.end():pc.end() + 60], strict=True) if pc else None
    if not (pc and found):
        return None
    number, town, taken = found
    return number, town, pc.end() + taken


def _named(m: re.Match, text: str) -> Mention | None:
    """A street without a street word, taken only with its postcode and own town ("Brønshøj Bystævnet 8": the town
    before it is no part of its name, "Gammel Bystævnet 8" is)."""
    words = m.group("street").split(" ")
    start = m.start()
    if len(words) == 2 and words[0].lower() not in _GENERIC_PREFIXES:
        start += len(words[0]) + 1
        words = words[1:]
    if any(w.lower() in NOT_STREET_WORDS or w.lower() in _NOT_NAMED_STREETS for w in words):
        return None
    found = _postcode_after(text, m.end())
    if not found:
        return None
    number, town, end = found
    return Mention(start, end, format_address(" ".join(words), m.group("no"), m.group("unit") or ""), number, town)


# an address in the English order, the house number before the street ("14 Refshalevej", "2nd floor, 45 Dronningens
# Tværgade"), taken only with a postcode of the table and its town after it; a unit or building label before the number
# ("Unit 3, 14 Refshalevej") is no part of the address, a floor is
_NUMBER_FIRST = re.compile(
    rf"(?:(?<![\w])(?P<floor>{_FLOOR_EN})[ \t]{{0,3}},[ \t]{{0,3}})?"
    rf"(?<![\w,.\-/])(?P<no>\d{{1,4}}[A-Za-z]?)[ \t]{{1,2}}(?P<street>{STREET})(?![\w])"
    # or after them, before the postcode: "31 Elmegade, ground floor, 2200", "9 Bredgade (1st floor left), 1260"
    rf"(?:[ \t]{{0,3}}(?:,|(?=\())[ \t]{{0,3}}(?P<open>\()?(?P<floor_after>{_FLOOR_EN})(?(open)\))"
    rf"(?=[ \t]{{0,3}}[,\n]))?"
    rf"(?=[ \t]{{0,3}},?[ \t]{{0,3}}\n?[ \t]{{0,3}}(?:DK[ \t-]?)?[1-9]\d{{3}}[ \t])")


def _number_first(m: re.Match, text: str) -> Mention | None:
    """ "Unit 3, 14 Refshalevej, 1432 Copenhagen K": the street and number in the Danish order, with the floor written
    before them ("2nd floor, 45 Dronningens Tværgade" is "Dronningens Tværgade 45, 2.")."""
    if m.group("street").split(" ")[0].lower() in NOT_STREET_WORDS:
        return None
    found = _postcode_after(text, m.end())
    if not found:
        return None
    number, town, end = found
    return Mention(m.start(), end, format_address(m.group("street"), m.group("no"),
                                                 m.group("floor") or m.group("floor_after") or ""), number, town)


def _postbox(m: re.Match, text: str) -> Mention | None:
    """ "Postboks 2140, 1500 København V": a business's postal address when it gives no street."""
    pc = _PC_AFTER.match(text, m.end())
    found = postcode_town(pc.group("pc"), text[pc.end():pc.end() + 60], strict=True) if pc else None
    if not found:
        return None
    number, town, taken = found
    box = m.group("box")
    label = "P.O. Box" if re.match(r"(?i)p\.[ ]?o", box) else "Postboks"
    return Mention(m.start(), pc.end() + taken, f"{label} {_digits_of(box)}", number, town)


def _digits_of(value: str) -> str:
    return re.sub(r"\D", "", value)


# a numbered floor written before the address in English: "a co-working space on the 2nd floor of Lyngbyvej 20"
# (not the ground floor, "rented the ground floor at Sankt Hans Torv 26": the premises, registered without it)
_FLOOR_OF = re.compile(rf"(?<![\w])(?P<floor>{_NUMBERED_FLOOR})[ \t]{{1,2}}(?:of|in|at)"
                       r"[ \t]{1,2}\Z")


def _mention(m: re.Match, text: str) -> Mention:
    floor = None if m.group("unit") else _FLOOR_OF.search(text, max(0, m.start() - 40), m.start())
    unit = m.group("unit") or (floor.group("floor") if floor else "")
    address = format_address(m.group("street"), m.group("no"), unit)
    # it starts where the street does: "Stillads Nansensgade 40" is the scaffolding's site at Nansensgade 40
    start = m.start() + max(0, m.group("street").find(address.split(" ")[0]))
    building = _BUILDING_AFTER.match(text, m.end())     # "Titangade 15, Bygning 4 / 2200 København N"
    pc = _PC_AFTER.match(text, building.end() if building else m.end())
    found = postcode_town(pc.group("pc"), text[pc.end():pc.end() + 60], strict=False) if pc else None
    if not found and (pc := _PC_IN_AFTER.match(text, m.end())) and town_of(pc.group("pc")):
        found = postcode_town(pc.group("pc"), text[pc.end():pc.end() + 60], strict=False)
    if not found:
        return _town_then_postcode(m, text, start, address)
    number, town, taken = found
    return Mention(start, pc.end() + taken, address, number, town)


# the postcode after "i" without its town: "vores adresse er Nørrebrogade 188 i 2200, cvr ..." (a postcode of the
# table only, not a year: "i 2019")
_PC_IN_AFTER = re.compile(r"[ \t]{1,2}(?i:i|in)[ \t]{1,2}(?P<pc>[1-9]\d{3})(?![\d\w])(?![.,]\d)")
# a building or unit of the premises named between the address and its postcode ("Titangade 15, Bygning 4", "Enghavevej
# 80, Building C"): no part of the address as a caseworker registers it
_BUILDING_AFTER = re.compile(r"[ \t]{0,3},[ \t]{0,3}(?i:bygning|bygn\.|building|bldg\.?|unit|hal|hall|lager"
                             r"|warehouse|port)[ \t]{1,2}(?:\d{1,3}[A-Za-z]?|[A-Z])(?![\w])")
# the town, then its postcode, after the address: "Islands Brygge 43, ground floor right, Copenhagen S, 2300"
_TOWN_THEN_PC_AFTER = re.compile(r"[ \t]{0,3},[ \t]{0,3}"
                                 r"(?P<town>[A-ZÆØÅ][\wæøå.]{1,30}(?:[ \t][A-ZÆØÅ][\wæøå.]{0,30})?)"
                                 r"[ \t]{0,3},?[ \t]{0,3}(?P<pc>[1-9]\d{3})(?![\d.,]\d|[\d\w])")


def _town_then_postcode(m: re.Match, text: str, start: int, address: str) -> Mention:
    """The address with the postcode written after its town (checked against the table), else without a postcode."""
    after = _TOWN_THEN_PC_AFTER.match(text, m.end())
    found = postcode_town(after.group("pc"), after.group("town"), strict=True) if after else None
    if after is None or found is None or found[2] != len(after.group("town")):
        return Mention(start, m.end(), address)
    return Mention(start, after.end(), address, found[0], found[1])


def format_address(street: str, number: str, unit: str = "") -> str:
    """ "Tagensvej 120, 3. tv" from its parts as written ("Tagensvej", "120", ", 3.tv.")."""
    street = clean_street(street)
    number = re.sub(r"\s+", "", number).upper() if re.search(r"\d", number) else number.strip()
    unit = format_unit(unit)
    return f"{street} {number}" + (f", {unit}" if unit else "")


def format_unit(raw: str) -> str:
    """Floor and side as "st.", "kl.", "2." plus "tv", "th" or "mf": ", 3.tv." and "3. sal" give "3. tv" and "3."."""
    stairway = re.search(r"(?i)\bopg(?:ang)?\b\.?[ \t]{0,2}(\d{1,2})", raw)
    if stairway:
        return " ".join(stairway.group(0).split())   # a stairway as written: "opg. 4", "opgang 3"
    low = raw.lower().replace(".", " ")
    low = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", re.sub(r"\bground floor\b", "st", low))
    floor = re.search(r"\b(st|stuen|parterre|kl|kld|kælder|basement|\d{1,2})\b", low)
    if not floor:
        return ""
    side = re.search(r"\b(tv|th|mf|t v|t h|m f|left|right)\b", low[floor.end():])
    level = {"stuen": "st", "parterre": "st", "kld": "kl", "kælder": "kl", "basement": "kl"}.get(floor.group(1),
                                                                                               floor.group(1))
    door = {"left": "tv", "right": "th"}.get(side.group(1), side.group(1).replace(" ", "")) if side else ""
    return f"{level}." + (f" {door}" if door else "")


def clean_street(street: str) -> str:
    """Drop words caught before a street name ("Stillads Amagerbrogade" -> "Amagerbrogade").

    Before a one-word name ("Amagerbrogade") only the usual prefixes and district names stand ("Gammel
    Kongevej", "Amager Strandvej"); before a separate street word any capitalised words do ("Peter Bangs
    Vej", "Sankt Annæ Plads"). Words of the trade ("Stillads", "Ansøgning") never do.
    """
    words = re.sub(r"\s+", " ", street).strip().split(" ")
    direction = words.pop() if len(words) > 1 and re.fullmatch(_DIRECTION, words[-1]) else ""
    compound = not _STREET_WORD.match(words[-1])
    after_a_place = words[-1].lower() in _AFTER_A_PLACE
    while len(words) > 1 and not _may_precede(words[0], compound and not (after_a_place and len(words) == 2)):
        words = words[1:]
    return " ".join(words + ([direction] if direction else []))


def _may_precede(word: str, compound: bool) -> bool:
    low = word.lower()
    if (low in NOT_STREET_WORDS or low.endswith(_NOT_STREET_ENDINGS)
            or low in _LOWER_NOT_PREFIX and low not in _NAME_PREFIXES):      # "På Strandvej", not "Ved Stranden"
        return False
    return not compound or low in _NAME_PREFIXES or low.endswith(_PLACE_ENDINGS) or low in towns()


# ---------------------------------------------------------------- labelled values and form parts

def read_address(value: str) -> tuple[str, str, str]:
    """(address, postcode, town) of a labelled value such as "Jægersborggade 7, st. tv., 2200 København N".

    Without a house number the value is kept as written, cut before its postcode ("Kongens Have, ved indgangen").
    """
    value = re.sub(r"\s+", " ", value).strip(" ,.;")
    m = ADDRESS.search(value)
    if m and m.start() <= 40:
        found = _mention(m, value)
        return found.address, found.postcode, found.town
    english = next((f for f in (_number_first(e, value) for e in islice(_NUMBER_FIRST.finditer(value), 3)
                                if e.start() <= 40) if f), None)
    if english is not None:             # "Unit 3, 14 Refshalevej, 1432 Copenhagen K"
        return english.address, english.postcode, english.town
    pc, town, at = _postcode_in(value)
    street = value[:at].strip(" ,") if at is not None else value
    return street, pc, town


def _postcode_in(value: str) -> tuple[str, str, int | None]:
    """The first postcode-town pair in a short value: (postcode, town, where it starts)."""
    for m in _PC_ANYWHERE.finditer(value):
        found = postcode_town(m.group("pc"), value[m.end():m.end() + 60], strict=False)
        if found:
            return found[0], found[1], m.start()
    return "", "", None


def postcode_city(value: str) -> tuple[str, str] | None:
    """(postcode, official town) of a postcode field ("2200 København N", "2650", "DK-2300 Kbh S")."""
    pc, town, _ = _postcode_in(value)
    return (pc, town) if pc else None


def join_parts(street: str, number: str = "", floor: str = "", side: str = "") -> str:
    """One address from the separate fields of a form ("Gade", "Husnr.", "Etage", "Side/dør"); a floor field also
    completes a "Gade og husnummer" field that holds the number ("Store Kongensgade 40" + "st.")."""
    unit = f"{floor} {side}".strip() if floor else ""
    if not number and unit and "," not in street:
        m = ADDRESS.search(street)
        if m and not m.group("unit"):
            return format_address(m.group("street"), m.group("no"), unit)
    if not number or re.search(r"\d", street):
        return street
    return format_address(street, number, unit)
