"""The value of a labelled field, checked against its label: "CVR-nr.: DK 12 34 56 78" gives ``cvr`` "12345678".

``normalise_value`` returns the details a value gives (an address field may
give the address, postcode and city), or nothing when the value does not fit
its label. Address parts written in separate fields are joined by
``compose_address``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from itertools import islice

from intake.details import periods
from intake.details.addresses import (
    ADDRESS,
    BESIDE_NUMBER,
    STREET,
    format_address,
    join_parts,
    postcode_city,
    read_address,
)
from intake.details.identifiers import (
    AREA,
    DIMENSIONS,
    EMAIL,
    GUESTS,
    GUESTS_TOTAL,
    NUMBER,
    area_number,
    digits,
    dimension_sides,
    find_cpr,
    length_and_depth,
    normalise_phone,
    parse_number,
    with_at_signs,
)
from intake.details.labels import CHECKBOX
from intake.details.names import SUFFIX, looks_like_person, names_a_business
from intake.details.postcodes import is_postcode, table, towns

Values = dict[str, object]                  # the details a value gives, by key
Handler = Callable[[str, date], Values]     # reads a value written under one kind of label


def normalise_value(key: str | None, value: str, reference: date) -> dict[str, object]:
    """The details a labelled value gives; empty when the value does not fit the label."""
    first = value.strip().split("\n", 1)[0]
    if key in ("company_name", "person_or_company") and re.search(SUFFIX + r"[ \t]*$", first):
        value = first       # "Jensen & Kragh Kabelentreprise ApS\nformand Ole Kragh, tlf. ...": the name's line alone
    value = re.sub(r"\s+", " ", value).strip(" \t:;")
    if not key or not value or key == "cpr" or find_cpr(value) and key != "p_number":   # labelled: no CPR
        return {}
    if _OPTION_BOX.match(value):
        return {}           # "☐ Gadesalg / stadeplads" over "☐ Arrangement i byrummet": options of a list, no value
    handler = _VALUE_HANDLERS.get(key)
    return handler(value, reference) if handler else {}


# a form's option with its box, unticked or ticked ("☐ Arrangement i byrummet", "[X] Udeservering"): one of a list of
# choices, not the value of the line above it
_OPTION_BOX = re.compile(CHECKBOX.pattern + r"[^\W\d]")


# a date in a CVR field is no part of the number: "under registrering (skifter til ApS pr. 1.1.2027)"
_DATE_IN_VALUE = re.compile(r"(?<![\d./-])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d|[./-]\d)")


# another country's VAT number under a VAT label: "VAT ID: DE287451936", "SE556677889901" (a Danish one is "DK" + CVR)
_FOREIGN_VAT = re.compile(r"^\s*(?!DK)[A-Z]{2}[ \t-]?\d")


def _v_cvr(value: str, _ref: date) -> Values:
    if _FOREIGN_VAT.match(value):
        return {}
    number = digits(_DATE_IN_VALUE.sub(" ", re.sub(r"^\s*DK", "", value, flags=re.IGNORECASE)))
    return {"cvr": number} if 6 <= len(number) <= 10 else {}


def _v_p_number(value: str, _ref: date) -> Values:
    number = digits(value)
    return {"p_number": number} if len(number) == 10 else {}


def _v_phone(value: str, _ref: date) -> Values:
    phone = normalise_phone(value)
    return {"phone": phone} if phone else {}


def _v_email(value: str, _ref: date) -> Values:
    m = EMAIL.search(with_at_signs(value))
    return {"contact_email": m.group(0).lower()} if m else {}


def _v_text(key: str, max_len: int = 120) -> Handler:
    def handler(value: str, _ref: date) -> Values:
        if EMAIL.fullmatch(value) or len(value) > max_len or not re.search(r"[A-Za-zÆØÅæøå]", value):
            return {}
        return {key: value.strip(" ,.")}
    return handler


_SOLE_TRADER_OF = re.compile(r"^[^,;(|]{2,60}?\s+v/\s?(?P<name>[^,;(|]{3,60})")
_TITLE_BEFORE_NAME = re.compile(
    r"^(?:indehaver|medindehaver|ejer|direktør|adm\. direktør|daglig leder|projektleder|byggeleder|formand"
    r"|kasserer|sekretær|owner|manager|site manager|project manager|chairman|director|ceo|\w*chef|\w*mester"
    r"|\w*værge|dr\.|mr\.|mrs\.|ms\.)\s+(?=[A-ZÆØÅ])",
    re.IGNORECASE)


_LOWER_LEAD = re.compile(r"^(?:[a-zæøå][\w\-]{0,30}\.?[ \t]+){1,4}(?=[A-ZÆØÅ])")
# a sentence under a contact heading: "Kontaktperson vedrørende ansøgningen er X", "The contact for the permit is X"
_CONTACT_IS = re.compile(r"^(?i:kontakt(?:person)?|(?:the |our )?contact(?: person)?)"
                         r"(?:[ \t]+[a-zæøå][\w\-]{0,30}){0,4}?[ \t]+(?:er|is|will be|bliver)[ \t]+(?=\S)")
# the writer named as the contact: "Kontakt: undertegnede.", "Contact person: the undersigned" (the signer is the one)
_THE_WRITER = re.compile(r"(?i)^(?:undertegnede|the[ \t]+undersigned|mig|me)\b")
# a role in lower case before the name, set off by a comma: "our general manager, Ms. Julia Kowalczyk"
_ROLE_THEN_NAME = re.compile(r"^(?:[a-zæøå][\w\-]{0,30}[ \t]+){0,3}[a-zæøå][\w\-]{0,30},[ \t]+(?=[A-ZÆØÅ])")


_ORGANISATION_WORD = re.compile(r"(?i)\w+(?:foreningen|forening|selskabet|klubben|rådet|fonden|firmaet|kirke|skole"
                                r"|association|society|club)\b")


# the small words of a name written in lower case ("Ana de la Rosa", "Jan van der Berg"), and "og" between two
_NAME_PARTICLES = {"de", "la", "le", "du", "da", "di", "dos", "das", "del", "della", "von", "van", "der", "den", "af",
                   "ter", "ten", "al", "el", "bin", "ibn", "og", "and", "&", "v/", "c/o"}


def _v_contact_name(value: str, ref: date) -> Values:
    """The name at the start of a value such as "Ahmad Hassan, ahmad@x.dk, 71 72 73 74"."""
    said = _CONTACT_IS.match(value)         # "Kontaktperson vedrørende ansøgningen er miljøkonsulent X, Firma ApS"
    if said:
        value = value[said.end():]
    elif re.search(SUFFIX + r"\.?(?:$|[\s,(])", value) or _SOLE_TRADER_ASIDE.search(value):
        return _v_company(value, ref)      # "Navn: Café Hansen ApS", "Navn: Brændte Mandler (enkeltmandsvirksomhed)"
    if _THE_WRITER.match(value.strip()):
        return {}                          # the signer, whom the text's signature names
    owner = _SOLE_TRADER_OF.search(value) if not said else None
    if owner:                              # "Ansøger: Mettes Byggeservice v/ Mette Sommer"
        company = _v_company(value, ref)
        return {**company, **_v_contact_name(owner.group("name"), ref)} if company else {}
    value = _TITLE_BEFORE_NAME.sub("", _ROLE_THEN_NAME.sub("", value.strip()))
    value = _LOWER_LEAD.sub("", value)         # "our crane operator Mads Vinther", "ejendomsmester Jesper Lund"
    head = re.split(r"[,;(/|]| - | – |\s+(?:tlf|tel|mobil|phone|e-?mail)\b|\s+\+?\d", value,
                    maxsplit=1, flags=re.IGNORECASE)[0].strip()
    if (not head or len(head) > 80 or re.search(r"[\d@]", head) or not re.search(r"[A-Za-zÆØÅæøå]", head)
            or re.match(r"(?i)(?:tlf|tel|telefon|phone|mob|mobil|mobile|e-?mail|mail)\b", head)):
        return {}                          # "owner" above "tel. +45 ...": a label, then a phone, no name
    if sum(1 for w in head.split() if w[0].islower() and w not in _NAME_PARTICLES) >= 2:
        return {}                          # "Kontakt\nBygherren har bedt os føre dialogen ...": a sentence, no name
    if _ORGANISATION_WORD.search(head) and not looks_like_person(head):
        return _v_company(head, ref)       # "Ansøger: Forældreforeningen ved Guldberg Skole"
    return {"contact_name": head}


def _v_person_or_company(value: str, ref: date) -> Values:
    """ "Ansøgers navn / firma": a company when the value names a business, else a person."""
    head = re.split(r"[,;(|]", value, maxsplit=1)[0].strip()
    if _SOLE_TRADER_OF.search(value):
        return _v_contact_name(value, ref)     # "Is & Vafler v/ Lone Brink": the business and its owner
    return _v_company(value, ref) if names_a_business(head) else _v_contact_name(value, ref)


# "Amiras Is (enkeltmandsvirksomhed)": the kind of business in brackets after its name is no part of the name
# (with its owner: "Al-Noor Bakery (sole proprietorship of Omar al-Rashid)", "(enkeltmandsvirksomhed v/ X)")
_SOLE_TRADER_ASIDE = re.compile(r"\s*\((?i:enkeltmandsvirksomhed|personligt ejet|sole trader|sole proprietorship"
                                r"|selvstændig|self-employed|forening|association|selvejende institution"
                                r"|self-governing institution|fond|foundation)"
                                r"(?:[ \t]+(?i:of|owned by|af|ejet af|v/)[ \t]+[^()\n]{2,60})?\)\s*$")


# a company field that points back to the applicant: "os selv", "vi selv", "ourselves", "samme som ansøger"
_OURSELVES = re.compile(r"(?i)(?:os|vi|mig|jeg|firmaet|virksomheden)[ \t]+selv|selv|ourselves|myself|ditto"
                        r"|(?:samme[ \t]+som|same[ \t]+as)[ \t]+(?:ansøger\w*|anmelder\w*|applicant|above|ovenfor)")
# the same said in a sentence of the writer's: "Contractor: we do the digging ourselves with our own crews", "Udførende:
# vi graver selv med egne folk", "Entreprenør: det klarer vi selv"
_WE_OURSELVES = re.compile(r"(?i)^(?:we|vi|I|jeg|det|that|this)\b[^.\n]{0,60}?"
                           r"\b(?:ourselves|myself|selv|our own|egne?)\b")


# a trading name, then its legal entity announced as such: "X - juridisk Foreningen Y", "X (legal name Y ApS)"
_LEGAL_NAME_AFTER = re.compile(r"[^()]+?\s*[-–(,]\s*(?i:juridisk(?:[ \t]+(?:navn|enhed))?"
                               r"|legal(?:[ \t]+(?:name|entity))?|registered[ \t]+as)\s*:?\s+"
                               r"(?P<legal>[A-ZÆØÅ][^()]{1,60}?)\)?")
# a trading name with the legal entity after it in brackets: "Café Fugl (Fugl & Frø ApS)"
_LEGAL_IN_BRACKETS = re.compile(rf"(?P<trade>[^()]+?)\s*\((?P<legal>[^()]+?{SUFFIX}\.?)\)")


# the name in quotes after a word for the kind of business: 'Malerfirmaet "Pensel & Pigment" ApS'
_QUOTED_NAME = re.compile(rf"^(?:[\w-]+[ \t]+)?[\"“„](?P<name>[^\"“”„]{{2,60}})[\"”](?:[ \t]+(?P<form>{SUFFIX}))?")


_A_COUNT = re.compile(r"\s*\d+(?:[.,]\d+)?[ \t]+[a-zæøå]")      # "70 siddepladser", "12 ansatte", "3 boder"


def _v_company(value: str, ref: date) -> Values:
    """A company name, cut before an identifier or an address written after it ("Hansen ApS, CVR 12345678"); a name
    in quotes is the name without the word before it."""
    value = _QUOTED_NAME.sub(lambda m: " ".join(filter(None, (m.group("name"), m.group("form")))), value, count=1)
    head = re.split(r"\s*[,(;|\-–]?\s*\b(?:cvr|se|p-?nr|tlf|telefon|phone|vat)\b", value,
                    maxsplit=1, flags=re.IGNORECASE)[0]
    legal = re.search(SUFFIX + r"(?=\s*[,(;|/])", head)
    place = next((m for m in re.finditer(r",[ \t]*", head) if ADDRESS.match(head, m.end())), None)
    if place and not legal:
        head = head[:place.start()]     # "Restaurant: Saigon Street Kitchen, Enghave Plads 7, 1670 København V"
    named = _LEGAL_NAME_AFTER.fullmatch(head.strip())
    head = named.group("legal") if named else head  # "Nørrebro Hoops - juridisk Foreningen Nørrebro Basketball"
    bracketed = _LEGAL_IN_BRACKETS.fullmatch(head.strip())
    if bracketed and not re.search(SUFFIX, bracketed.group("trade")):
        head = bracketed.group("legal")        # "Hansens Smørrebrød (Hansens Mad & Catering ApS)": the legal entity
    else:
        head = head[:legal.end()] if legal else _SOLE_TRADER_ASIDE.sub("", head)
    if _OURSELVES.fullmatch(head.strip(" .,")) or _WE_OURSELVES.match(value.strip()):
        return {}                           # "Entreprenør: os selv": the applicant itself, named elsewhere
    if _A_COUNT.match(value):
        return {}                           # "Restaurant: 70 siddepladser, åbent kl. 11-22": what it is, no name
    number = re.search(r"/\s*(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})\s*$", value)   # "Firmanavn/CVR: Havnebaren ApS / 30521676"
    if number:
        return {**_v_text("company_name")(re.sub(r"\s*/\s*[\d ]+$", "", head), ref), "cvr": digits(number.group(1))}
    return _v_text("company_name")(head, ref)


def _v_address(key: str) -> Handler:
    def handler(value: str, _ref: date) -> Values:
        if (normalise_phone(value) and not ADDRESS.search(value)     # ("Jagtvej 10-30, 2200 ..." holds 8 digits)
                or not re.search(r"[A-Za-zÆØÅæøå]{3}", value)
                or value.strip(" .").lower() in _INDOORS):
            return {}
        if _SAME_AS_ABOVE.match(value):
            return {}                       # "Samme som ovenfor", "As applicant address", "Same as above": no address
        if key == "activity_location":
            value = _site_value(re.sub(r"\s*\([^)]{0,80}\)", "", value))
            if not value:
                return {}
            across = across_from(value)
            if across:
                return {key: across}        # "the quayside opposite Nyhavn 17": the place, not the house
        address, pc, town = read_address(value)
        if not address or len(address) > 120 or not pc and _ABROAD.search(value):
            return {}                           # "14 rue de la Paix, 75002 Paris, France": no Danish address
        if key == "activity_location":
            return {key: f"{address}, {pc} {town}" if pc else address}
        return {key: address, f"{key}_postcode": pc, f"{key}_city": town} if key.startswith("_") and pc else (
            {key: address, "postcode": pc, "city": town} if pc else {key: address})
    return handler


# a place across from a house: "the quayside opposite Nyhavn 17", "pladsen over for Sankt Hans Torv 3", "the square
# across the street from Vesterbrogade 12" (the house is where one looks from, not the site)
_ACROSS_FROM = re.compile(r"(?i)\b(?:opposite|across(?:[ \t]+the[ \t]+(?:street|road|canal|square))?[ \t]+from"
                          r"|over[ \t]?for|på[ \t]+den[ \t]+anden[ \t]+side[ \t]+af)[ \t]+")


def across_from(value: str) -> str | None:
    """A site said as a place across from a house ("the quayside opposite Nyhavn 17, between the bollards"): the
    words up to the house's number, or None."""
    m = _ACROSS_FROM.search(value)
    house = ADDRESS.match(value, m.end()) if m else None
    return value[:house.end()].strip() if m and house and m.start() > 0 else None


# an address that ends in another country than Denmark
_ABROAD = re.compile(r"(?i)[,\s](?:france|frankrig|germany|deutschland|tyskland|sweden|sverige|norway|norge"
                     r"|poland|polen"
                     r"|polska|united kingdom|uk|england|scotland|skotland|great britain|storbritannien|netherlands"
                     r"|nederland|holland|the netherlands|spain|spanien|españa|italy|italien|italia|finland|suomi"
                     r"|belgium|belgien|austria|østrig|österreich|switzerland|schweiz|ireland|irland|usa|u\.s\.a\."
                     r"|united states|portugal|lithuania|litauen|latvia|letland|estonia|estland|iceland|island)"
                     r"[\s.]*$")


# a site field that points back to the address given above it
_SAME_AS_ABOVE = re.compile(r"(?i)^(?:samme(?: som| adresse)?|som (?:ovenfor|ovenstående|ansøger\w*|firma\w*"
                            r"|virksomhed\w*)|se ovenfor|ditto|do\.?$|same(?: as)?"
                            r"|as (?:above|applicant|the applicant|company|business)|see above)\b")
# "Ud for nr. 5 i Bogtrykkervej", "outside no. 5 Willemoesgade"
_NUMBER_ON_STREET = re.compile(rf"^{BESIDE_NUMBER}"
                               rf"(?P<no>\d{{1,4}}[A-Z]?(?:-\d{{1,4}}[A-Z]?)?)[ \t]{{1,3}}"
                               rf"(?:(?i:på|i|in|on|at)[ \t]{{1,3}})?(?P<street>{STREET})(?![\w])")
# "outside our shop at ...", "foran vores butik": the business's own premises, not a site apart from them
_OWN_PREMISES = re.compile(r"(?i)\b(?:foran|ud ?for|uden ?for|outside|in front of|på|on|at|over|above)[ \t]{1,3}"
                           r"(?:vores|vor|min|mit|our|my)[ \t]{1,3}(?!klient|client|kunde|customer)\w")
# "Tagensvej ud for nr. 86", "Tagensvej - ud for nr. 86"
_STREET_AT_NUMBER = re.compile(rf"^(?P<street>{STREET})[ \t]{{0,3}}[-–,]?[ \t]{{1,3}}"
                               rf"{BESIDE_NUMBER}"
                               r"(?P<no>\d{1,4}[A-Z]?(?:-\d{1,4}[A-Z]?)?)(?!\d)")
# "Fortovsstrækningen på Jagtvej fra nr. 100 til nr. 130", "The stretch of Istedgade between no. 10 and no. 40",
# "Blegdamsvej, strækningen mellem nr. 3 og nr. 23": a stretch of a street is labelled by the street and its numbers
# ("Jagtvej 100-130"), as people register it
_STRETCH_OF = re.compile(r"^(?:(?i:\w*strækning(?:en)?|(?:the[ \t]+)?(?:stretch|section)"
                         r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:pavement|sidewalk|road))?)[ \t]+"
                         r"(?i:på|af|ad|langs|i|of|on|along)[ \t]+)?"
                         rf"(?P<street>{STREET})[ \t]*,?(?:[ \t]+[a-zæøå][a-zæøå \t]{{0,40}}?)?"
                         r"[ \t]+(?i:fra|from|mellem|between)[ \t]+(?i:nr|no|number)\.?"
                         r"[ \t]{0,2}(?P<a>\d{1,4}[A-Z]?)(?![\d])(?:[ \t]{1,3}(?i:til|to|og|and|&)[ \t]{1,3}"
                         r"(?:(?i:nr|no|number)\.?[ \t]{0,2})?(?P<b>\d{1,4}[A-Z]?)(?![\d]))?")
# "Sankt Hans Torv, ved springvandet", "Fælledparken, the lawn by ...": the place, then where in it
# ("Israels Plads - near the fountain": the spot after a dash)
_PLACE_THEN_SPOT = re.compile(r"^(?P<place>[^,\d]{3,60}?)(?:[ \t]*,|[ \t]+[-–])[ \t]*(?![ \t]*(?:st|kl|tv|th|mf|sal)\b)"
                              r"[a-zæøå]")


_SPOT_WORDS = frozenset("på i ved foran langs uden udenfor ud bag ovenpå under over vores vor min mit our my the on in"
                        " at by outside along behind above beside"
                        # a part of the house or how a thing stands: "Facade over butiksvindue", "Nedgravet i gården"
                        " facade facaden façade gavl gavlen tag taget indgang indgangen fortov fortovet nedgravet"
                        " overjordisk"
                        # in or out of doors: "Udendørs på østlig gavl", "Indendørs i fyrrummet", "Outdoors by the wall"
                        " udendørs indendørs udvendigt indvendigt outdoors indoors outside inside".split())


# a side of the house named by the street it faces: "facade towards Kalvebod Brygge, above the windows", "gavlen mod
# Ryesgade" (a spot on the premises; not "Facade towards Kalvebod Brygge 12": a house number names another house)
_SIDE_OF_HOUSE = re.compile(r"(?i)(?:the[ \t])?(?:facade|façade|facaden|gavl|gavlen|side|siden)[ \t]{1,3}"
                            r"(?:towards|facing|onto|mod|ud[ \t]mod|ud[ \t]til)[ \t]{1,3}[^\d]{1,60}\Z")


def names_a_spot_only(value: str) -> bool:
    """A site field that names a spot on the premises, no place ("Facade over butiksvindue", "over indgangsdøren,
    underkant 2,6 m over fortovet", "Overjordisk, indendørs i fyrrummet"): its first part, before a comma, in lower
    case (but its first word) and without a number."""
    head = value.split(",")[0]
    words = head.split() or [""]
    if _SIDE_OF_HOUSE.match(head):
        return True
    return (not re.search(r"\d", head) and not any(w[:1].isupper() for w in words[1:])
            and (words[0].islower() or words[0].lower() in _SPOT_WORDS))


def _site_value(value: str) -> str:
    """A site field's place: a house number on a street ("Ud for nr. 5 i Bogtrykkervej" is "Bogtrykkervej 5"), a
    place without the spot in it after a comma, or nothing when the value names no place at all ("På fortovet foran
    caféen", "On the pavement in front of our pub": the business's own premises)."""
    if _OWN_PREMISES.search(value):
        return ""                           # "outside our shop at Vesterbrogade 50": the business's own address
    if _SIZE_FIRST.match(value):
        return ""                           # "Stand: 3 x 2 m wooden hut (6 m²)": what the stand is, not where
    value = _CORNER_OF.sub("", value)
    value = _RELATION_FIRST.sub("", value)          # "Ude på Sankt Hans Torv, ...": the place without "ude på"
    m = _STRETCH_OF.match(value)
    if m:
        return format_address(m.group("street"), f"{m.group('a')}-{m.group('b')}") if m.group("b") else m.group(
            "street")
    m = _NUMBER_ON_STREET.match(value) or _STREET_AT_NUMBER.match(value)
    if m:
        return format_address(m.group("street"), m.group("no"))
    m = ADDRESS.search(value)
    if m and _PLACE_THEN_ADDRESS.search(value, 0, m.start()):
        return m.group(0)                   # "Amager Strandpark, start og mål på pladsen ved Amager Strandvej 140"
    if m:
        return value
    if names_a_spot_only(value):
        return ""
    m = _PLACE_THEN_TOWN.match(value)
    if m and _is_town(m.group("town")):
        return m.group("place")             # "Sandkaj, Nordhavn": the place, without the part of town it lies in
    m = _PLACE_THEN_SPOT.match(value) or _PLACE_BY_STREET.match(value) or _SPOT_IN_PLACE.match(value)
    return m.group("place") if m else value


# a site field opening with a size ("3 x 2 m wooden hut", "2,5 x 3 meter telt", "6 m² stand"): it describes the thing
_SIZE_FIRST = re.compile(r"(?i)^\s*(?:ca\.?|approx\.?|about|cirka)?\s*\d[\d.,]*\s*(?:[x×]\s*\d[\d.,]*\s*)?"
                         r"(?:m|m2|m²|meter|metres?|meters?|cm|kvm)(?![\w])")


# a park or an area named first, then the spot in it by a street address: "Amager Strandpark, start og mål på pladsen
# ved Amager Strandvej 140" (the address is the site)
_PLACE_THEN_ADDRESS = re.compile(r"^[^,\d]{3,60},[^\d]{0,60}\b(?i:ved|at|by|near|foran|ud[ \t]?for|outside)[ \t]+\Z")
# a place written after a word of where ("Ude på Sankt Hans Torv", "På Israels Plads", "At Kongens Nytorv") ("Ved
# Stranden" is a street's name), or after the area at it ("arealet ved Kattegatvej i Nordhavn", "området ved
# Sundby Station", "the area by Refshalevej")
_RELATION_FIRST = re.compile(r"^(?:(?i:(?:ude|ovre|henne|nede|oppe|out|over)[ \t]+)?(?i:på|on|at|in|i)"
                             r"|(?i:arealet|området|the[ \t]+area)[ \t]+(?i:ved|på|foran|at|by|on|near))[ \t]+"
                             r"(?=[A-ZÆØÅ])")
# "Sandkaj, Nordhavn", "Valby Idrætspark, Valby": a place, then the town or part of town after a comma
_PLACE_THEN_TOWN = re.compile(r"^(?P<place>[^,\d]{3,60}?)[ \t]*,[ \t]*"
                              r"(?P<town>[A-ZÆØÅ][\wæøå]+(?:[ \t][A-ZÆØÅ][\wæøå]*)?)[ \t.]*$")


def _is_town(name: str) -> bool:
    """A town of the postcode table ("København K", "Valby") or a part of town named in it ("Nordhavn")."""
    return name in set(table().values()) or name.lower() in towns()


# "the lawn by the rose garden in Enghaveparken", "plænen ved søen i Valbyparken": a spot written first, then the
# named place it is in; so too a spot by a named place ("parkeringspladsen ved Bispebjerg Hospital", "frugt og grønt
# ved Bispebjerg Hospital"), as an open area by a place is labelled by the place (``sites._AREA_BY``)
_SPOT_IN_PLACE = re.compile(r"^(?:the[ \t]+)?[a-zæøå][^,\d\n]{0,60}?[ \t](?:in|i|ved|by|near|beside|next[ \t]to)[ \t]+"
                            r"(?P<place>[A-ZÆØÅ][^\W\d]{3,40}(?:[ \t][A-ZÆØÅ][^\W\d]{1,30}){0,2})[ \t.]*$")


# "Nørrebroparken ved Jagtvej": a named place, then the street it lies by
# ("Vigerslev Allé mellem Vigerslevvej og Toftegårds Plads": a stretch of the street)
_PLACE_BY_STREET = re.compile(r"^(?P<place>[A-ZÆØÅ][^\W\d]{3,40}(?:[ \t][A-ZÆØÅ][^\W\d]{1,30}){0,2})[ \t]+"
                              r"(?:ved|by|near|mod|langs|along|mellem|between)[ \t]+[A-ZÆØÅ]")
# "Hjørnet af Amagerbrogade og Holmbladsgade", "At the corner of X and Y": the corner is written "X og Y"
# (a thing on the corner before it: "Stilladset på hjørnet af Nørre Farimagsgade og Frederiksborggade")
_CORNER_OF = re.compile(r"(?i)^(?:[^\W\d]+[ \t]+(?=(?:på|at|on|i|in)[ \t]))?(?:(?:på|at|on|i|in)[ \t]+)?"
                        r"(?:hjørnet(?:[ \t]+af)?|krydset(?:[ \t]+(?:af|mellem))?"
                        r"|(?:the[ \t]+)?(?:corner|junction|intersection|crossing)[ \t]+of)[ \t]+"
                        r"(?=(?-i:[A-ZÆØÅ])[^\n]{1,60}?(?:[ \t](?:og|and|&)[ \t]+|[ \t]?/[ \t]?)(?-i:[A-ZÆØÅ]))")


_INDOORS = frozenset("kælder kælderen loft loftet baghave baghaven have haven gård gården garage garagen indkørsel"
                     " indkørslen skur skuret fyrrum fyrrummet udendørs indendørs basement garden yard attic".split())


# the name a client field gives before the client's address (``_v_client_site``)
CLIENT_NAME = "_client_name"


def _v_client_site(value: str, ref: date) -> Values:
    """A customer's or client's field: its street address is where the work is; a name alone is nothing."""
    m = ADDRESS.search(value)
    found = _v_address("activity_location")(value[m.start():], ref) if m else {}
    if not found:
        return {}
    name = value[:m.start()].split(",")[0].strip(" ,;:") if m else ""
    # (the client's name before it: "Bygherre: Kastelsvej Ejendomme ApS, CVR ..., Kastelsvej 18")
    return {"_client_site": found["activity_location"], **({CLIENT_NAME: name} if name else {})}


def _v_postcode(value: str, _ref: date) -> Values:
    pc = postcode_city(value)
    if pc:
        return {"postcode": pc[0], "city": pc[1]}
    m = re.fullmatch(r"(?:DK[\s-]?)?([1-9]\d{3})", value)
    return {"postcode": m.group(1)} if m and is_postcode(m.group(1)) else {}


def _v_part(key: str, pattern: str) -> Handler:
    """One part of an address written in its own form field ("Husnr.", "Etage", "Side")."""
    def handler(value: str, _ref: date) -> Values:
        return {key: value} if re.fullmatch(pattern, value, re.IGNORECASE) else {}
    return handler


# set by ``compose_address`` when a "Beliggenhed"/"Ejendommens adresse" stands in for the address
PROPERTY_AS_ADDRESS = "_property_as_address"


def compose_address(values: Values) -> None:
    """Join "Gade", "Husnr.", "Etage" and "Side" fields into one ``address`` (in place); drop the parts.

    A "Beliggenhed" or "Ejendommens adresse" is the business's (or the owner's) address when the form names
    no other, else the site's.
    """
    parts = [values.pop(k, "") for k in ("_house_number", "_floor", "_door")]
    address = values.get("address")
    if (parts[0] or parts[1]) and isinstance(address, str):
        values["address"] = join_parts(address, *(str(p) for p in parts))
    client = values.pop("_client_site", None)
    name = values.pop(CLIENT_NAME, None)
    if client:
        values.setdefault("activity_location", client)      # the customer's address, when no site field named one
        if name and values["activity_location"] == client:
            values[CLIENT_NAME] = name                      # whose it is (``text._client_applies``)
    place = values.pop("_site_or_address", None)
    pc, town = values.pop("_site_or_address_postcode", ""), values.pop("_site_or_address_city", "")
    if place and "address" not in values:
        values["address"] = place
        values[PROPERTY_AS_ADDRESS] = True      # the text around it may still name the business's own address
        if pc:
            values.setdefault("postcode", pc)
            values.setdefault("city", town)
    elif place:
        values.setdefault("activity_location", f"{place}, {pc} {town}" if pc else place)


def _v_date(key: str) -> Handler:
    def handler(value: str, reference: date) -> Values:
        d = periods.parse_single_date(value, reference)
        if d is None and key == "period_from":
            # "Fra: gårdanlæg, Ved Amagerbanen 21, 2300 København S" in a notice of soil moved from a site to a
            # receiving facility: the place the work starts from, no date
            place = _v_address("address")(value, reference)
            if "address" in place and "postcode" in place:
                return {"activity_location": place["address"]}
        return {key: d.isoformat()} if d else {}
    return handler


def _v_future_period(value: str, reference: date) -> Values:
    """A bare "Dato:" is often the date of the letter or signature: only a future date is a period."""
    found = _v_period(value, reference)
    return found if found and min(str(iso) for iso in found.values()) > reference.isoformat() else {}


def _v_period(value: str, reference: date) -> Values:
    period = periods.find_period(value, reference)
    if period.start or period.end:
        return {k: d.isoformat() for k, d in (("period_from", period.start), ("period_to", period.end)) if d}
    single = periods.parse_single_date(value, reference)
    return {"period_from": single.isoformat(), "period_to": single.isoformat()} if single else {}


# the word after a capacity's number: a volume unit, or the things counted ("max. 30 scooters", "40 cykler")
_COUNTED_THING = re.compile(r"[ \t]*([^\W\d_]+)")
_VOLUME_WORDS = frozenset("l ltr lt liter litre litres liters m3 m kubikmeter cubic gallons".split())


def _v_amount(key: str) -> Handler:
    def handler(value: str, _ref: date) -> Values:
        if key == "area_m2" and (area := _area_in_value(value)):
            return {key: area}
        if key == "area_m2" and _SEE_ELSEWHERE.search(value):
            return {}           # "Area: see the attached sketch – ... 1.5 m free passage": the area is in the sketch
        if key == "litres" and (people := GUESTS.search(value)):     # "Capacity: up to 3,000 guests per day"
            number = parse_number(people.group("n"))
            return {"guests": number} if number else {}
        m = (key == "guests" and GUESTS_TOTAL.search(value)) or next(
            (n for n in islice(re.finditer(NUMBER, value), 10)
             if not _A_NAMES_NUMBER.search(value, 0, n.start())), None)
        if m and key == "litres" and (thing := _COUNTED_THING.match(value, m.end())) \
                and thing.group(1).lower() not in _VOLUME_WORDS:
            return {}           # "Capacity: max. 30 scooters": a count of things, no volume
        number = parse_number(m.group("n")) if m else None
        upper = _RANGE.match(value, m.end()) if m and key == "guests" else None
        if upper and isinstance(number, int) and (top := parse_number(upper.group("n"))) and top > number:
            number = top                # "300-400 i løbet af dagen": as many as the upper end says
        return {key: number} if number is not None and number > 0 else {}
    return handler


# a field that sends the reader to an attachment: "see the attached sketch", "se vedhæftede tegning", "fremgår af
# skitsen", "as shown on the drawing"
_SEE_ELSEWHERE = re.compile(r"(?i)\b(?:see|se|jf|cf|fremgår|shown|vist|angivet|as[ \t]+per)\b[^\n\d]{0,30}?"
                            r"\b(?:attach\w*|enclos\w*|vedhæft\w*|vedlag\w*|bilag\w*|skitse\w*|sketch\w*|tegning\w*"
                            r"|drawing\w*|plan(?:en|tegning\w*)?)\b")


# a number right after a name is its house number, no amount: "Sted og areal: Halmtorvet, mellem Halmtorvet 9 og ..."
# (not "Cirka 24", "Approx. 24")
_A_NAMES_NUMBER = re.compile(r"(?<![\w.])(?!(?i:cirka|circa|about|approx|around|omkring|maks|max|ca)\b)"
                             r"[A-ZÆØÅ][a-zæøåé]{2,30}[ \t]\Z")


# the upper end of a range right after its first number: "300-400", "300 – 400"
_RANGE = re.compile(r"[ \t]?[-–][ \t]?(?P<n>\d{1,3}(?:[.\s]\d{3})+|\d+)(?![\d.,]\d)")


def _area_in_value(value: str) -> float | int | None:
    """An area field that says more than a number: the figure in square metres ("3 borde og 8 stole, i alt ca. 7 m²"),
    or the product of length and width ("8 x 1,2 m langs facaden"); a bare "24" is left to the first number."""
    m = AREA.search(value)
    if m:
        return area_number(m)
    d = DIMENSIONS.search(value)
    a, b = dimension_sides(d) if d else (None, None)
    if not (a and b):           # "one row of tables along the facade, 8 m long and 2 m deep"
        a, b, *_ = next(length_and_depth(value), (None, None))
    return round(a * b, 2) if a and b else None


_VALUE_HANDLERS: dict[str, Handler] = {
    "cvr": _v_cvr, "p_number": _v_p_number, "phone": _v_phone, "contact_email": _v_email,
    "company_name": _v_company, "contact_name": _v_contact_name, "person_or_company": _v_person_or_company,
    "city": _v_text("city", 40),
    "address": _v_address("address"), "activity_location": _v_address("activity_location"), "postcode": _v_postcode,
    "site_or_address": _v_address("_site_or_address"), "client_site": _v_client_site,
    "agent_address": _v_address("_agent_address"),
    "period_from": _v_date("period_from"), "period_to": _v_date("period_to"), "period": _v_period,
    "date": _v_future_period,
    "area_m2": _v_amount("area_m2"), "litres": _v_amount("litres"), "guests": _v_amount("guests"),
    "house_number": _v_part("_house_number", r"\d{1,4}\s?[a-z]?"),
    # "Etage/side: st. tv": a floor field may hold the side as well
    "floor": _v_part("_floor", r"(?:(?:st|kl|\d{1,2})\.?(?: sal)?|stuen)(?:,? ?(?:tv|th|mf)\.?)?"),
    "door": _v_part("_door", r"tv|th|mf|t\.v\.?|t\.h\.?|\d{1,3}"),
}
