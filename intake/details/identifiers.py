"""Numbers businesses write: CVR, P-number, phone, e-mail, CPR, amounts.

Patterns and small pure functions used by ``intake.details.text``. A CPR number is
only ever located (to flag and redact it), never returned as a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

# Re-exported: the details finders find them here; they live low, in intake.privacy, for logging.
from intake.privacy import P_LABEL as P_LABEL
from intake.privacy import announced_p_number as announced_p_number
from intake.privacy import find_cpr as find_cpr

CVR_LABELLED = re.compile(
    r"(?:\bcvr(?:['’]?en\b)?|\bse|\bmoms|\bvat|\bcompany[ \t]registration"      # "CVR'en er 35292756"
    r"|\b(?:company|organi[sz]ation)(?=[ \t](?:no\b|nr\b|number)))(?:[\s.\-/]{0,3}(?:cvr|se))?[\s.\-–]{0,3}"
    r"(?:nr|nummer(?:et)?|no|number"          # "CVR-nummeret er 23368129": the number in its definite form
    r"|reg\.?\s?no)?\.?"
    r"(?:[ \t]{0,2}\((?:cvr|se|vat)(?:[\s.\-]{0,2}(?:nr|no|nummer|number))?\.?\))?"   # "company number (CVR) is"
    r"[\s:.#=,–\-]{0,4}(?:(?:er|is|nu|now|nyt|new)[\s:]{1,3}){0,2}"
    # "Jeg glemte CVR - det er 36254165", "our CVR, that's 36254165"
    r"(?:(?:det[ \t]er|it[ \t]is|it['’]s|that[ \t]is|that['’]s)[\s:]{1,3})?"
    r"(?:(?:det[ \t]samme|the[ \t]same|uændret|unchanged)[\s:,]{1,3})?"     # "CVR er det samme: 35546871"
    # "CVR: vi har nummer 27738397"
    r"(?:(?:vi[ \t]har|har[ \t]vi|we[ \t]have)[ \t](?:nummer|number|nr\.?)?[\s:]{0,3})?"
    r"(?:DK[\s-]?)?(?P<v>\d(?:[ \-]?\d){7})(?![\d])", re.IGNORECASE)
# a business registered abroad, without a CVR: "We do not have a Danish CVR number", "registered in England and
# Wales", "vi har ikke noget dansk CVR-nummer" (its "Company number: 12873468" is another country's register's)
NO_DANISH_CVR = re.compile(
    r"(?i)\b(?:(?:do|does)[ \t]not|don['’]t|doesn['’]t)[ \t]+have[ \t]+(?:a|any)[ \t]+(?:Danish[ \t]+)?CVR"
    r"|\bno[ \t]+Danish[ \t]+CVR|\bhar[ \t]+(?:ikke|intet)[ \t]+(?:noget[ \t]+|et[ \t]+)?dansk[ \t]+CVR"
    r"|\bregistered[ \t]+in[ \t]+(?:England|Wales|Scotland|(?:the[ \t]+)?(?:UK|United[ \t]+Kingdom|Netherlands)"
    r"|Sweden|Norway|Germany|Ireland)\b|\bCompanies[ \t]+House\b")
CVR_DK = re.compile(r"(?<![\w-])DK[\s-]?(?P<v>\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2})(?![\d])")
# the label (``P_LABEL``, the privacy module's, so a P-number the details read is never flagged as a CPR) and its
# ten digits right after it, or after the unit it names in a word or two ("P-number of the hotel 1004218833",
# "P-nr. for butikken 1019274650")
P_LABELLED = re.compile(rf"(?:{P_LABEL.pattern})\.?(?:[ \t]{{1,2}}(?:of|for|til)[ \t]{{1,2}}"
                        r"(?:(?:the|our|vores|vor|den|det)[ \t]{1,2})?[^\W\d_]{2,20})?"
                        rf"[\s:.#]{{0,4}}(?P<v>\d(?:[ \-]?\d){{9}})(?![\d])", re.IGNORECASE)
PHONE_LABELLED = re.compile(
    r"(?:\btlf|\btelefon\w*|\bmobil\w*|\bmob|\bphone|\btel|\btelephone|\bmobile|\bdirekte|\bdir|\bcell"
    r"|\bdirect(?:[ \t]line)?|(?-i:\b[MT](?=:)))\.?"       # "M: 20 91 44 72" in a signature
    # ("Min telefon er +45 42 91 07 63", "my mobile is ...")
    r"(?:\s{0,2}(?:nr|nummer|no|number)\.?)?(?:[ \t]{1,2}(?:er|is))?[\s:.]{0,4}"
    r"(?!(?:\+|00)\s?(?!\(?45))"     # "+48 601 ...": not Danish
    # (a PDF's line may break inside it: "on mobile +45 29\n50 41 83")
    r"(?P<v>(?:\+|00)?\s?(?:\(?45\)?)?[\s-]?\d(?:(?:[ \-.]|[ \t]?\n)?\d){7})"
    r"(?![\d]|[ \-.]\d)", re.IGNORECASE)
# "Mette ... kan træffes på 41 72 03 56", "can be reached on +45 ...": the phone of the person to contact, over a
# labelled one in the signature of whoever sent the mail for them
# a Danish phone number as people write it in running text: "+45 26 14 88 02", "2614 8802", "26148802"
DK_NUMBER = r"(?:\+45[ \t]?)?\d\d[ \t]?\d\d[ \t]?\d\d[ \t]?\d\d"
PHONE_REACH = re.compile(
    r"(?:(?:\btræffes|\bkontaktes|\bfås[ \t]fat[ \t]i|\bbe[ \t](?:reached|contacted)"
    # "Spørgsmål kan rettes til undertegnede på 21 64 38 90", "questions may be directed to the undersigned on ..."
    r"|\b(?:rettes|rettet|be[ \t]directed|be[ \t]addressed)[ \t]{1,2}(?:direkte[ \t]{1,2}|directly[ \t]{1,2})?"
    r"(?:til|to)[ \t]{1,2}(?:undertegnede|mig|the[ \t]undersigned|me)"
    # "kontakte mig direkte på 23 ...", "Mig kan I fange på 30 ...", "contact me directly on ..."
    r"|\b(?:kontakte|ringe[ \t]til|contact|call|reach)[ \t]{1,2}(?:mig|me)(?:[ \t]{1,2}(?:direkte|directly))?"
    # "ring endelig direkte til mig på 40 ...", "ring gerne til mig på ...", "call me directly on ..."
    r"|\bring(?:e)?(?:[ \t]{1,2}(?:endelig|gerne|bare|helst|hellere))?(?:[ \t]{1,2}direkte)?[ \t]{1,2}til[ \t]{1,2}mig"
    r"|\bmig[ \t]kan[ \t](?:I|du|man)[ \t](?:fange|træffe|kontakte|ringe[ \t]til)"
    # the same with the pronoun after the verb: "I kan fange mig på 28 ...", "du kan træffe mig på ..."
    r"|\b(?:I|du|man)[ \t]kan[ \t](?:fange|træffe)[ \t]mig)[ \t]{1,2}(?:på|on|at)"
    r"(?:[ \t]{1,2}(?:telefon|tlf\.?|mobil|phone|mobile))?"
    # the writer's own number announced: "jeg har nr. 51 23 88 70", "mit nummer er ...", "my number is ..."
    r"|\b(?:jeg|vi)[ \t]har[ \t](?:nr|nummer|nummeret|tlf|telefon|mobil)\.?"
    r"|\b(?:mit|vores)[ \t](?:nr|nummer|telefonnummer|mobilnummer)\.?[ \t]er|\bmy[ \t](?:phone[ \t])?number[ \t]is)"
    r"[ \t:]{1,3}"
    rf"(?P<v>{DK_NUMBER})(?![\d])", re.IGNORECASE)
# (a PDF's line may break between two pairs: "+45 71 99\n02 35")
PHONE_INTL = re.compile(r"(?<![\d])(?:\+|00)\s?45[\s-]?(?P<v>\d{2}(?:(?:[ \-.]|[ \t]?\n)?\d{2}){3})(?![\d])")
PHONE_GROUPED = re.compile(r"(?<![\d\w+-])(?<!\d[ ])(?P<v>[2-9]\d (?:\d\d ){2}\d\d|[2-9]\d{3} \d{4})(?![\d])")
# "Ring på 26-12-34-56", "på 2 6 5 5 - 4 0 1 1": pairs joined by dashes, or eight digits spelled out one by one
PHONE_SPELLED = re.compile(r"(?<![\d\w+-])(?<!\d[ -])(?P<v>[2-9]\d-\d\d-\d\d-\d\d|[2-9](?: \d){3}(?: - | )\d(?: \d){3})"
                           r"(?![\d]|[ -]\d)")
# "ring bare hvis der er noget 26114890", "call me any time 26114890": eight digits written together, after "ring" or
# "call" in the same clause (not after another number's label: "ring gerne, vores CVR er 52605806")
PHONE_CALLED = re.compile(r"(?i)\b(?:ring|ringe|call)\b(?:(?!cvr|se-?n|p-?n|vat|moms|konto|ordre|order|faktura|invoice"
                          r"|kunde|customer|reg|sagsn|case[ \t]n|ean)[^\d\n.;!?]){0,40}?(?<![\w+-])"
                          r"(?P<v>(?:\+45[ \t]?)?[2-9]\d{7})(?![\d])")
NOT_PHONE_CONTEXT = re.compile(r"\b(?:cvr|se|moms|vat|p|konto|reg|ean|kr|dkk|faktura|ordre|sag|journal|cpr|nr"
                               r"|reg(?:istration)?\.?[ \t]?(?:no|number))"     # "Company reg. no. 40 50 36 84"
                               # "Mit CVR-nummer er 38 48 77 52", "our CVR number is ..."
                               r"(?:[\s.\-]{0,2}(?:nummer(?:et)?|number|nr|no)\b\.?)?(?:[\s:]{1,3}(?:er|is))?"
                               r"[\s.:\-#)]*$"            # "Company registration number (CVR): 68 61 02 57"
                               r"|\+(?!45)\d{2,3}(?:[\s-]\d{1,4}){0,2}[\s-]*$",      # the rest of a foreign number
                                re.IGNORECASE)
# the last label is a top-level domain, letters only (or an IDN's "xn--"), so that an inline image's Content-ID
# ("[cid:image001.png@01DB6044.2A7E5C10]", under every Outlook signature logo) is no address
EMAIL = re.compile(r"(?<![\w.+-])(?<!cid:)[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@"
                   r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
                   r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9\-]{1,59})"
                   r"(?![A-Za-z0-9\-])")
# an address with its "@" spelled out against harvesters: "nanna(at)bonneogbog.dk", "tom (at) tacolibre.dk"
_SPELLED_AT = re.compile(r"(?<=[A-Za-z0-9_%+\-])[ \t]?[(\[][ \t]?(?i:at|snabel-?a)[ \t]?[)\]][ \t]?"
                         r"(?=[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,}\b)")


def with_at_signs(text: str) -> str:
    """The text with each e-mail address whose "@" is spelled "(at)" or "[at]" written with its "@"."""
    return _SPELLED_AT.sub("@", text)


EMAIL_LABEL = re.compile(r"(?:e-?mail|mail|e-?post)\s*(?:adresse|address)?\s*[:.]?\s*$", re.IGNORECASE)
IGNORED_EMAIL = re.compile(r"(?:^|[.@])kk\.dk$|^(?:no-?reply|mailer-daemon|postmaster)@", re.IGNORECASE)


def normalise_phone(raw: str) -> str | None:
    """Eight digits from "+45 12 34 56 78", "0045 1234 5678", "12 34 56 78", "(+45) 12345678"."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 12 and digits.startswith("0045"):
        digits = digits[4:]
    elif len(digits) == 10 and digits.startswith("45") and re.match(r"\s*(?:\+|\(\+?)?\s*45", raw):
        digits = digits[2:]
    return digits if len(digits) == 8 and digits[0] != "0" else None


def digits(raw: str) -> str:
    return re.sub(r"\D", "", raw)



NUMBER = r"(?<![\d.,])(?<!\d\s)(?P<n>\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?![\d.,])|\d+(?:[.,]\d+)?)"
# one to ten in words, Danish and English ("to uger", "five hundred guests")
NUMBER_WORDS = {"en": 1, "et": 1, "one": 1, "a": 1, "to": 2, "two": 2, "tre": 3, "three": 3, "fire": 4, "four": 4,
                "fem": 5, "five": 5, "seks": 6, "six": 6, "syv": 7, "seven": 7, "otte": 8, "eight": 8, "ni": 9,
                "nine": 9, "ti": 10, "ten": 10}
_SMALL_NUMBER_WORDS = NUMBER_WORDS | {"elleve": 11, "eleven": 11, "tolv": 12, "twelve": 12, "femten": 15,
                                     "fifteen": 15}
# (an area in words only before the unit in full: "cirka tolv kvadratmeter", "about twelve square metres")
_AREA_WORDS = {w: n for w, n in _SMALL_NUMBER_WORDS.items() if w != "a"}
AREA = re.compile(NUMBER + r"\s{0,3}(?:m2|m²|kvm\.?|kvadratmeter|sq\.?\s?m|sqm|square met(?:er|re)s?)(?![\w])"
                  r"|(?<![\w-])(?P<w>" + "|".join(sorted(_AREA_WORDS, key=len, reverse=True))
                  + r")[ \t]{1,3}(?:kvadratmeter|square met(?:er|re)s?)(?![\w])",
                  re.IGNORECASE)


def area_number(m: re.Match[str]) -> int | float | None:
    """The square metres an ``AREA`` match writes, in figures or in words."""
    return _AREA_WORDS[m.group("w").lower()] if m.group("w") else parse_number(m.group("n"))


# ("5 metres by 0.8 metres": the unit may be written after both numbers, in full; "tre gange fire meter", "two by
# three metres": the sides in words, as a size is said aloud; "fortov 1,2 m bred x 18 m", "1.2 m wide by 18 m": the
# first side named by its measure's word)
_SIDE_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if w not in ("a", "en", "et")), key=len, reverse=True))
DIMENSIONS = re.compile(r"(?:(?<![\d.,])(?P<a>\d+(?:[.,]\d+)?)|(?<![\w-])(?P<aw>" + _SIDE_WORDS + r"))"
                        r"\s{0,3}(?:(?:m|meter|metres?|meters?)\s{0,3}"
                        r"(?:(?P<word>bred|bredt|brede|wide|lang|langt|lange|long|dyb|dybt|deep)\s{1,3})?)?"
                        r"(?:[x×*]|by(?=\s)|(?<=\s)(?:gange|times)(?=\s))\s{0,3}"
                        r"(?:(?P<b>\d+(?:[.,]\d+)?)|(?P<bw>" + _SIDE_WORDS + r"))"
                        r"\s{0,3}(?:m|meter|metres?|meters?)(?![\w²])"
                        # (not a trench's width by its depth: "0,5 m bred x 1 m dyb")
                        r"(?(word)(?![ \t]{0,3}(?:dyb|dybt|deep|høj|højt|high)\b))",
                        re.IGNORECASE)


def dimension_sides(m: re.Match[str]) -> tuple[int | float | None, int | float | None]:
    """The two sides a ``DIMENSIONS`` match writes, in figures or in words."""
    def side(key: str) -> int | float | None:
        word = m.group(key + "w")
        return NUMBER_WORDS[word.lower()] if word else parse_number(m.group(key))
    return side("a"), side("b")


# "2 borde langs vores 6 meter facade, 1 m ud", "8 m long and 2 m deep", "1,5 meter ud fra muren på en 10 meter
# lang strækning": a length along the front and a depth out from it, in one clause, give the area as DIMENSIONS do;
# a measure may be in centimetres ("80 cm ud fra muren") or a number in words before a unit in full ("two metres out")
# ("halvanden meter dybt": one and a half in a word)
_MEASURE_WORDS = NUMBER_WORDS | {"halvanden": 1.5}
_MEASURE = re.compile(r"(?<![\d.,])(?P<n>\d+(?:[.,]\d+)?)[ \t]{0,3}(?:m|meter|metres?|meters?|(?P<cm>cm|centimeter))"
                      r"(?![\w²])|(?<![\w-])(?P<w>" + "|".join(sorted(_MEASURE_WORDS, key=len, reverse=True))
                      + r")[ \t](?:meter|metres?|meters?)\b", re.IGNORECASE)
_DEPTH_AFTER = re.compile(r"[ \t]{0,3}(?:ud\b|udad|frem\b|dyb\b|dybt\b|i dybden|out\b|outward"
                          r"|deep\b|in depth|from the (?:wall|facade|front|building)"
                          # "take up 1.5 m of the pavement", "optager 2 m af fortovet": the width taken of its breadth
                          r"|of the (?:pavement|sidewalk|footway)\b|af fortovet\b)", re.IGNORECASE)
_DEPTH_BEFORE = re.compile(r"(?:dybde|depth)(?:[ \t]+(?:på|af|of))?[ \t]{0,3}"
                           r"(?:ca\.?[ \t]+|approx\.?[ \t]+)?\Z", re.IGNORECASE)
_LENGTH_NEAR = re.compile(r"(?:\blangs|\blangt?\b|\blange\b|længde|facade|front|\balong|\blong\b|length|strækning"
                          # a trench named by its length: "ca 40 m rende x 0,8 m bred", "a 25 m trench, 0.6 m wide"
                          r"|stretch|\brende\b|\btrench\b)", re.IGNORECASE)
# "The front of the pub is about 5 metres wide and we'd go out 1.2 metres from the wall": beside a depth out from the
# wall, the one width in the clause is the length along it
# a dug trench's clause: its width and depth are its section, no area ("open trench in the pavement, 0.4 m wide and
# 0.6 m deep"; "ledningsgrav 0,5 m bred og 1 m dyb")
_DUG = re.compile(r"(?i)\b(?:trench\w{0,3}|grøft\w{0,3}|rende[nr]?|ledningsgrav\w{0,3}|udgravning\w{0,3}"
                  r"|excavation\w{0,2})\b")
_WIDTH_AFTER = re.compile(r"[ \t]{0,3}(?:wide|bred|bredt|brede|i bredden)\b", re.IGNORECASE)
# "Length of trench: approx. 420 m": a length named before its measure, further off than _LENGTH_NEAR looks
_LENGTH_BEFORE = re.compile(r"(?:længde|length)(?:[ \t]+(?:af|på|of)(?:[ \t]+(?:the[ \t]+)?[^\W\d]+)?)?"
                            r"[ \t]{0,3}:?[ \t]{0,3}(?:ca\.?[ \t]+|approx\.?[ \t]+|about[ \t]+)?\Z", re.IGNORECASE)
_WIDTH_BEFORE = re.compile(r"(?:bredde|width)(?:[ \t]+(?:på|af|of))?[ \t]{0,3}:?[ \t]{0,3}"
                           r"(?:ca\.?[ \t]+|approx\.?[ \t]+)?\Z", re.IGNORECASE)


# a clause: up to a newline, ";", "!", "?" or a full stop that ends a sentence (not "ca. 8", "1.5")
_CLAUSE = re.compile(r"(?:[^.!?\n;]|\.(?![ \t]+[A-ZÆØÅ]|[ \t]*(?:\n|\Z)))+")


def length_and_depth(text: str) -> Iterator[tuple[float | int, float | int, int, int]]:
    """Each clause of ``text`` that gives one length (a measure by "langs", "facade", "long", ...) and one depth (a
    measure followed by "ud", "dyb", "deep", "out", or after "dybde") or else one width ("bred", "wide", after
    "bredde"), as (length, depth, start, end): the area is their product, as the catalogue's "length and width"."""
    for clause in _CLAUSE.finditer(text):
        lengths, depths, widths = [], [], []
        for m in islice(_MEASURE.finditer(text, clause.start(), clause.end()), 6):
            value = _MEASURE_WORDS[m.group("w").lower()] if m.group("w") else parse_number(m.group("n"))
            if value and m.group("cm"):
                value = round(value / 100, 2)
                value = int(value) if value == int(value) else value
            if not value:
                continue
            if (_DEPTH_AFTER.match(text, m.end(), clause.end())
                    or _DEPTH_BEFORE.search(text, max(clause.start(), m.start() - 20), m.start())):
                depths.append((value, m))
            elif (_WIDTH_AFTER.match(text, m.end(), clause.end())
                  or _WIDTH_BEFORE.search(text, max(clause.start(), m.start() - 20), m.start())):
                widths.append((value, m))
            elif (_LENGTH_NEAR.search(text, max(clause.start(), m.start() - 25), min(clause.end(), m.end() + 15))
                  or _LENGTH_BEFORE.search(text, max(clause.start(), m.start() - 40), m.start())):
                lengths.append((value, m))
        if not lengths and len(widths) == 1 and not _DUG.search(text, clause.start(), clause.end()):
            lengths = widths
        elif len(lengths) == 1 and len(widths) == 1:
            # "Containeren er 6 m lang og 2,5 m bred": a length and a width give the area too; beside a width, a
            # depth is the way down ("Trench: 140 m long, 0.4 m wide and 0.7 m deep")
            depths = widths
        if len(lengths) == 1 and len(depths) == 1:
            (length, a), (depth, b) = lengths[0], depths[0]
            yield length, depth, min(a.start(), b.start()), max(a.end(), b.end())


# a side taken back as it is written: "truck er 7 m lang og 3 m bred / undskyld 2,5 m bred", "4 m wide, sorry, I mean
# 3 m wide": the measure after the apology replaces the one of the same kind (width, length, depth) just before it
_SIDE_KINDS = {"bred": "w", "bredt": "w", "brede": "w", "wide": "w", "lang": "l", "langt": "l", "lange": "l",
               "long": "l", "dyb": "d", "dybt": "d", "deep": "d"}
_SIDE = (r"(?P<n>\d+(?:[.,]\d+)?)[ \t]{0,2}(?:m|meter|metres?|meters?)[ \t]{1,3}(?P<word>"
         + "|".join(sorted(_SIDE_KINDS, key=len, reverse=True)) + r")(?![\wæøå])")
_SIDE_TAKEN_BACK = re.compile(r"(?i)(?<![\wæøå])(?:undskyld|sorry|i[ \t]mean|jeg[ \t]mener|rettelse|correction)"
                              r"(?![\wæøå])[^\d\n.!?]{0,20}?" + _SIDE)
_SIDE_BEFORE = re.compile(r"(?i)(?<![\d.,])" + _SIDE)
_MAX_SIDES_TAKEN_BACK = 5


def corrected_sides(text: str) -> str:
    """The text with a side taken back put right: the earlier measure of its kind (within 200 characters before)
    written as the new one, the apology and its measure left out; the text as it is where nothing is taken back."""
    for back in list(islice(_SIDE_TAKEN_BACK.finditer(text), _MAX_SIDES_TAKEN_BACK))[::-1]:
        kind = _SIDE_KINDS[back.group("word").lower()]
        earlier = [m for m in _SIDE_BEFORE.finditer(text, max(0, back.start() - 200), back.start())
                   if _SIDE_KINDS[m.group("word").lower()] == kind]
        if not earlier:
            continue
        old = earlier[-1]
        text = (text[:old.start("n")] + back.group("n") + text[old.end("n"):back.start()]
                + " " * (back.end() - back.start()) + text[back.end():])
    return text


LITRES = re.compile(NUMBER + r"(?:\s{0,3}|-)(?:l|liter|litre|liters|litres|ltr)\b\.?", re.IGNORECASE)  # ("1,200-litre")
# a tank or a separator sized in cubic metres, its name just before: "an oil separator of 3 m³", "olieudskiller på
# 3 m3", "the tank (10 m³)", "en indendørs ståltank på 6 kubikmeter", "en 5 m³ olietank": a thousand litres each (a
# year's water, "1,200 m³ per year", names no tank; nor do a container's or the soil's cubic metres)
_CUBIC = r"[ \t]{0,3}(?:m³|m3|kubikmeter|cubic met(?:re|er)s?)"
CUBIC_TANK = re.compile(r"(?:tank|udskiller|separator|cistern)\w*"
                        r"(?:[ \t]{1,3}(?:(?:of|på|with|med|on)[ \t]{1,3}|\([ \t]?)|[^.\n\d]{0,12}?)"
                        r"(?:(?:ca|approx|about|cirka)\.?[ \t]{1,3})?" + NUMBER + _CUBIC + r"(?![\w/])"
                        # "en 5 m³ olietank": the volume first
                        r"|" + NUMBER.replace("?P<n>", "?P<n2>") + _CUBIC
                        + r"[ \t]{1,2}[^\W\d]*(?:tank|udskiller|separator|cistern)", re.IGNORECASE)
# (a restaurant's seats are the room it has, not the guests expected: "ca. 40 siddepladser", "around 25 seats")
_GUEST_WORDS = (r"gæster|deltagere|personer|besøgende|mennesker|tilskuere|tilhørere|publikummer|publikum|elever"
                r"|løbere|beboere|medlemmer|dansere|audience"
                r"|guests|participants|attendees|visitors|people|persons|spectators|runners|residents|members"
                r"|dancers|punters|fans|spillere|players"
                r"|ppl"                                          # "expecting around 150 ppl": people, shortened
                r"|børn|voksne|children|kids|adults")          # "op til 400 børn og voksne på samme tid"
# "Forventet deltagerantal: 300", "Expected attendance: 800"
_GUEST_COUNT_LABEL = r"deltagerantal|antal (?:deltagere|gæster|besøgende)|attendance|number of (?:guests|participants)"
# ("Expected footfall 3,000 per day": the count right after the word)
GUESTS_AFTER = re.compile(rf"(?:\b(?:{_GUEST_WORDS}|{_GUEST_COUNT_LABEL})\s{{0,3}}[:=]|\bfootfall(?:[ \t]+of)?)"
                          rf"\s{{0,3}}"
                          rf"(?:(?:ca|approx|about|op til|up to|max)\.?\s{{1,3}})?"
                          + NUMBER, re.IGNORECASE)      # "Expected number of guests: 800"
# a group of people counted with the guests: "350 employees and guests", "120 medarbejdere, kunder og gæster" (the
# group alone, "a company of 350 employees", is the business's size)
_WITH_THE_GUESTS = (r"(?:(?:employees|staff|colleagues|customers|clients|friends|famil(?:y|ies)|partners|volunteers"
                    r"|neighbou?rs|students|pupils|parents|medarbejdere|ansatte|kolleg(?:er|aer)|kunder|venner"
                    r"|familie[rn]?|samarbejdspartnere|frivillige|naboer|studerende|forældre|pårørende)"
                    r"(?:,\s{1,2}[^\W\d]{3,20}){0,2},?\s{1,3}(?:and|og|&|plus|samt)\s{1,3})")
# the kind of guests in a word before them: "up to 120 wedding guests", "200 bryllupsgæster" (lower case, guests only;
# not "from 10 the guests arrive")
_KIND_OF_GUESTS = (r"(?:(?!(?:the|our|their|your|his|her|its|and|with|for|from|when|then)\b)"
                   r"(?-i:[a-zæøå]{3,15})[ \t](?=guests\b)|(?-i:[a-zæøå]{2,15})(?=gæster\b))?")
GUESTS = re.compile(NUMBER + rf"(?:-?ish)?\s{{0,3}}{_WITH_THE_GUESTS}?{_KIND_OF_GUESTS}(?:{_GUEST_WORDS})\b",
                    re.IGNORECASE)                                                              # "50-ish people"
# "ca. 650 løbere og 150 tilskuere, i alt ca. 800": the total of the groups counted before it
GUESTS_TOTAL = re.compile(r"\b(?:i[ \t]alt|in[ \t]total|total|altogether|tilsammen)[ \t:]{0,3}"
                          r"(?:(?:ca|approx|about|omkring|cirka)\.?[ \t]{1,3})?" + NUMBER
                          + r"(?![ \t]*(?:m2|m²|kvm|m\b|l\b|liter|kr|%|dage|days|timer|hours|uger|weeks))",
                          re.IGNORECASE)
# "let's plan for about 70 per session", "ca. 40 pr. gang": how many come to each of the sessions
GUESTS_PER_SESSION = re.compile(NUMBER + r"[ \t]{1,3}(?:per|pr\.|each|a|hver)[ \t]{1,3}(?:session|class|lesson|gang"
                                r"|forestilling|performance|show)\b", re.IGNORECASE)
# "Los Güeros ApS 54339895", "Asia Food Market Amager ApS (29877416)": eight digits right after a legal form,
# without the word CVR (checked by modulus 11)
CVR_AFTER_FORM = re.compile(r"(?<=[ \t])(?:ApS|A/S|I/S|IVS|K/S|P/S)(?:[ \t,]{1,3}|[ \t]{0,2}\()(?P<v>[1-9]\d{7})"
                            r"(?![\d])")
# "Reg. no. 59079824", "Registration number 59079824" (English; a Danish "reg.nr." is a bank's; checked by modulus 11)
# ("Our registration number is 31 46 72 33")
CVR_REG_NO = re.compile(r"\breg(?:istration)?\.?[ \t]?(?:no|number)\b\.?[ \t:.#]{0,4}(?:is[ \t]{1,2})?"
                        r"(?P<v>[1-9]\d[ ]?\d{2}[ ]?\d{2}[ ]?\d{2})(?![\d])", re.IGNORECASE)


def parse_number(raw: str) -> int | float | None:
    """Danish or English number: "1.200" and "1 200" are 1200, "12,5" and "12.5" are 12.5."""
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?", raw):
        raw = re.sub(r"[.\s]", "", raw).replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):                 # "2,500 litres": English thousands
        raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


# a count of guests written in words: "omkring to hundrede gæster", "about five hundred guests", "twelve hundred
# guests per day", "to tusind besøgende" (a hundred or a thousand times a small number)
_HUNDREDS_WORDS = {"hundrede": 100, "hundred": 100, "tusind": 1000, "tusinde": 1000, "thousand": 1000}
GUESTS_IN_WORDS = re.compile(
    r"(?<![\w-])(?P<n>" + "|".join(sorted(_SMALL_NUMBER_WORDS, key=len, reverse=True)) + r")[ \t]?(?P<unit>"
    + "|".join(sorted(_HUNDREDS_WORDS, key=len, reverse=True)) + rf")[ \t]{{1,3}}(?:{_GUEST_WORDS})\b",
    re.IGNORECASE)


def guests_in_words(m: re.Match[str]) -> int:
    """The number a ``GUESTS_IN_WORDS`` match writes: "to hundrede" is 200, "twelve hundred" 1200."""
    return _SMALL_NUMBER_WORDS[m.group("n").lower()] * _HUNDREDS_WORDS[m.group("unit").lower()]
