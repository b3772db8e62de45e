"""Danish street addresses, postcodes and where an activity takes place.

An address is a street name (ending in -gade, -vej, Allé, Plads...) with a house
number, optional floor (st, kl, 1-99) and door (tv, th, mf or a number), and
optionally a postcode and city. Words before it on the line tell the business
address ("Adresse:", a signature line) from the activity location ("på
adressen", "ud for", "placering").
"""

from __future__ import annotations

import re

_STREET_END = (r"(?i:gade|vej|allé|alle|plads|pladsen|torv|torvet|boulevard|stræde|straede|vænge|have|haven|park|parken|bro|broen"
               r"|brygge|bryggen|kaj|kajen|havn|gang|gangen|passage|sti|stien|bakke|bakken|høj|vang|vangen|toft|lund|ager|hegn"
               r"|holm|holmen|strand|kanal|dæmning|dæmningen|løkke|mark|marken|port|porten|skov|kvarter|diget|engen|eng|volden"
               r"|vold|ringen|gård|gården|kær|kæret|stien|markedet|hus|sø|søen|vejen|gaden|stranden|alléen|dalen|dal|bjerg|vænget|lunden|square|street|road)")
_STREET = (rf"(?:(?:[A-ZÆØÅ][\wæøåé'’\-]{{0,30}}\.?|[A-ZÆØÅ]\.[ ]?[A-ZÆØÅ]\.)[ \t]){{0,2}}(?=[A-ZÆØÅ])[\wæøåé'’.\-]{{0,30}}?{_STREET_END}")
_ADDRESS = re.compile(
    rf"(?<![\w])(?P<street>{_STREET})[ \t]+(?P<no>\d{{1,4}}(?:\s?[A-Za-z](?![\wæøå]))?(?:\s?-\s?\d{{1,4}})?)"
    r"(?P<unit>,?\s*(?:(?:st|kl|\d{1,2})(?:\.\s?|(?=\s*,?\s*(?:tv|th|mf)\b))(?:\s*,?\s*(?:tv|th|mf|\d{1,3})\b\.?)?|(?:\d{1,2})\.\s?sal\b))?"
    r"(?:[,\s]+(?:DK[\s-]?)?(?P<pc>[1-9]\d{3})\s+(?P<city>[A-ZÆØÅ][\wæøå.]{0,30}(?:\s(?:[A-ZÆØÅ]{1,2}|Lyngby|Strand|By)\b)?))?"
)
_POSTCODE_CITY = re.compile(
    r"(?<![\d\w])(?:DK[\s-]?)?(?P<pc>[1-9]\d{3})\s+(?P<city>[A-ZÆØÅ][\wæøå.]{0,30}(?:\s(?:[A-ZÆØÅ]{1,2}|Lyngby|Strand|By)\b)?)"
)
_KNOWN_CITIES = re.compile(
    r"^(?:København|Kbh\.?|Copenhagen|Frederiksberg|Valby|Vanløse|Brønshøj|Hellerup|Kastrup|Dragør|Søborg|Herlev|Rødovre|Hvidovre"
    r"|Glostrup|Brøndby|Albertslund|Ballerup|Gentofte|Charlottenlund|Lyngby|Kgs\.|Kongens|Virum|Holte|Bagsværd|Ishøj|Taastrup"
    r"|Aarhus|Århus|Odense|Aalborg|Esbjerg|Roskilde|Køge|Hillerød|Helsingør|Vejle|Kolding|Horsens|Randers|Herning|Silkeborg|Næstved"
    r"|Greve|Vallensbæk|Skovlunde|Nordhavn|Amager|Nørrebro|Østerbro|Vesterbro)\b")
_ACTIVITY_CUE = re.compile(
    r"(?:på adressen|adressen|ud for|udfor|foran|placering|placeret|opstilles|opsættes|opstilling|opsætning|fortovet|fortov"
    r"|ved siden af|ved|location|in front of|outside|at the address|on the pavement|site|venue|afholdes|finder sted|takes place"
    r"|held at|udføres|ejendommen|the property|byggepladsen|matriklen|gården|facade|facaden|i gaden|på|at|on)\W*(?:\w+\W+){0,3}$",
    re.IGNORECASE)
_BUSINESS_CUE = re.compile(r"(?:adresse|address|beliggende|ligger|located|hjemsted|registered|vores|our|firma|company)\W*(?:\w+\W+){0,3}$",
                           re.IGNORECASE)
_PLACE_PHRASE = re.compile(rf"(?i:\bpå|\bat|\bon|\bved|\bi|\bin|\bfor(?:an)?|\bud for|\boutside)[ \t]+(?:the[ \t]+)?(?P<v>{_STREET})(?![\w])")
_LOCATION_PHRASE = re.compile(
    r"(?:placering|location|sted|lokation|venue|site)\s*[:\-]\s*(?P<v>[^\n]{3,120})", re.IGNORECASE)


_STREET_WORD = re.compile(rf"^{_STREET_END}$")
_NAME_PREFIXES = frozenset(
    "gammel gl. gamle store st. lille ny nye nørre ndr. søndre sdr. vester vestre øster østre nordre sankt skt. kongens"
    " dronningens prinsens dr. ved over under lange korte indre ydre nedre øvre".split())
_PLACE_ENDINGS = ("bro", "by", "havn", "rup", "løse", "høj", "borg", "berg", "lund", "holm", "ager", "ør", "strand", "s")
_NOT_STREET_WORDS = frozenset(
    "stillads stilladset container containere containeren skurvogn udeservering ansøgning ansøger tilladelse skilt skiltning"
    " gravetilladelse gravning vedr vedr. vedrørende re sv fw fwd vs adresse address scaffolding scaffold permit application"
    " lift kran arrangement event nedrivning byggeplads olietank anmeldelse restaurant café cafe butik bar kiosk"
    " placering location sted site emne subject".split())


def clean_street(street: str) -> str:
    """Drop words caught before a street name ("Stillads Amagerbrogade" -> "Amagerbrogade").

    Before a one-word name ("Amagerbrogade") only the usual prefixes and district names stand ("Gammel
    Kongevej", "Amager Strandvej"); before a separate street word any capitalised words do ("Peter Bangs
    Vej", "Sankt Annæ Plads"). Words of the trade ("Stillads", "Ansøgning") never do.
    """
    words = re.sub(r"\s+", " ", street).strip().split(" ")
    compound = not _STREET_WORD.match(words[-1])
    while len(words) > 1 and not _may_precede(words[0], compound):
        words = words[1:]
    return " ".join(words)


def _may_precede(word: str, compound: bool) -> bool:
    low = word.lower()
    if low in _NOT_STREET_WORDS:
        return False
    return not compound or low in _NAME_PREFIXES or low.endswith(_PLACE_ENDINGS)


def _format_address(m: re.Match) -> str:
    street = clean_street(m.group("street"))
    number = re.sub(r"\s+", "", m.group("no"))
    unit = _format_unit(m.group("unit") or "")
    return f"{street} {number}" + (f", {unit}" if unit else "")


def _format_unit(raw: str) -> str:
    """Floor and door as "st.", "kl.", "2." plus "tv", "th", "mf" or a door number."""
    tokens = re.findall(r"st|kl|sal|tv|th|mf|\d{1,3}", raw.lower())
    if not tokens:
        return ""
    floor, rest = tokens[0], tokens[1:]
    out = [f"{floor}."] + [t for t in rest if t != "sal"]
    return " ".join(out) + (" sal" if "sal" in rest and len(out) == 1 else "")


def postcode_city(text: str) -> tuple[str, str] | None:
    m = _POSTCODE_CITY.search(text)
    if not m:
        return None
    return m.group("pc"), m.group("city").rstrip(".,") if m.group("city") != "Kgs." else "Kgs. Lyngby"



def find_addresses(text: str) -> dict:
    out: dict = {}
    consumed: list[tuple[int, int]] = []
    for m in _ADDRESS.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start - 80, 0):m.start()]
        same_line = text[max(line_start, m.start() - 120):m.start()]
        key = _address_kind(same_line, before)
        if key in out:
            continue
        consumed.append(m.span())
        out[key] = _format_address(m)
        if key == "activity_location" and m.group("pc"):
            out[key] += f", {m.group('pc')} {m.group('city').rstrip('.,')}"
        if key == "address" and m.group("pc"):
            out.setdefault("postcode", m.group("pc"))
            out.setdefault("city", m.group("city").rstrip(".,"))
    if "activity_location" not in out:
        m = _LOCATION_PHRASE.search(text) or _PLACE_PHRASE.search(text)
        if m:
            out["activity_location"] = m.group("v").strip(" .,")
    if "postcode" not in out:
        out.update(_lone_postcode(text, consumed))
    return out


_NOT_BEFORE_POSTCODE = re.compile(r"\d[.\-/]?\s*$|[a-zæøå]\.?\s*$")   # "1. maj 2027 Vi": a year, not a postcode


def _lone_postcode(text: str, consumed: list[tuple[int, int]]) -> dict:
    """A "2100 København Ø" of a known city outside the addresses already found."""
    for m in _POSTCODE_CITY.finditer(text):
        if any(s <= m.start() < e for s, e in consumed) or not _KNOWN_CITIES.match(m.group("city")):
            continue
        if not _NOT_BEFORE_POSTCODE.search(text[max(0, m.start() - 12):m.start()]):
            return {"postcode": m.group("pc"), "city": m.group("city").rstrip(".,")}
    return {}


def _address_kind(same_line: str, before: str) -> str:
    if _ACTIVITY_CUE.search(same_line):
        return "activity_location"
    if _BUSINESS_CUE.search(same_line) or not same_line.strip():
        return "address"
    return "activity_location" if _ACTIVITY_CUE.search(before) else "address"

