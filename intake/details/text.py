"""Patterns behind ``intake.details``: labels, identifiers, names, addresses, amounts.

Pure functions over text. ``extract_from_text`` returns plain values per key;
labelled values ("CVR-nr.: ...", a "Telefon | ..." table row, a label line
followed by its value line) win over values found in running text.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import islice

from intake.details import periods
from intake.details.addresses import join_parts, postcode_city, read_address
from intake.details.identifiers import (
    AREA,
    CVR_DK,
    CVR_LABELLED,
    DIMENSIONS,
    EMAIL,
    EMAIL_LABEL,
    GUESTS,
    GUESTS_AFTER,
    IGNORED_EMAIL,
    LITRES,
    NOT_PHONE_CONTEXT,
    NUMBER,
    P_LABELLED,
    PHONE_GROUPED,
    PHONE_INTL,
    PHONE_LABELLED,
    digits,
    find_cpr,
    normalise_phone,
    parse_number,
)
from intake.details.names import SUFFIX, find_company, find_contact
from intake.details.postcodes import is_postcode
from intake.details.sites import find_addresses

# ---------------------------------------------------------------- labels

_LABELS: list[tuple[str, str]] = [
    ("cpr", r"cpr(?: nr| nummer| no| number)?|personnummer|person nr|civil registration number"),
    ("p_number", r"p(?: nr| nummer|nr| number| no)|produktionsenhed\w*(?: nr| nummer| p nr)?|production unit(?: no| number)?"),
    ("cvr", r"(?:se |se cvr |cvr se |)cvr(?: nr| nummer| no| number)?(?: se)?|se(?: nr| nummer)|moms(?: nr| nummer| registreringsnummer)"
            r"|vat(?: no| nr| number| reg no)?|company reg(?:istration)? (?:no|number)|cvr number of (?:the )?(?:company|business)"),
    ("company_name", r"arrangør|organizer|organiser|entreprenør|udførende (?:firma|entreprenør)|contractor|ansøgende (?:firma|forening)|(?:virksomhed(?:en|ens)?|firma(?:ets)?|selskab(?:ets)?|organisation(?:ens)?|forening(?:ens)?)(?: s)?(?: navn)?"
                     r"|firmanavn|virksomhedsnavn|navn på (?:virksomhed|firma|selskab)(?:en|et)?|ansøgende virksomhed|ansøger virksomhed"
                     r"|company(?: name)?|business(?: name)?|name of (?:the )?(?:company|business|organi[sz]ation)|organi[sz]ation(?: name)?"
                     r"|legal name|trading name|juridisk navn|restaurant(?:ens)?(?: navn)?|café(?:ens)?(?: navn)?|butik(?:kens)?(?: navn)?"),
    ("contact_email", r"e ?mail(?: ?adresse| address)?|mail(?: adresse)?|email address|kontakt e ?mail|contact e ?mail|e ?post"),
    ("phone", r"tlf(?: nr)?|telefon(?: nr| nummer)?|telefonnummer|mobil(?: nr| nummer| telefon)?|mobilnummer|mob|phone(?: no| number)?"
              r"|tel|telephone(?: number)?|mobile(?: phone| number)?|kontakt tlf|kontakttelefon|direkte(?: tlf| nr)?|dir(?: tlf)?"),
    ("contact_name", r"kontakt ?person(?:ens navn)?|kontakt|ansvarlig(?: person)?|(?:dit |fulde |ansøgers |ansøgerens |ejers |ejerens "
                     r"|anmelders )?navn|ansøger"
                     r"|anmelder|ejer|owner"
                     r"|contact(?: person| name)?|(?:your |full |applicant s )?name|applicant|ansvarshavende|tovholder"),
    ("site_or_address", r"beliggenhed|ejendommens adresse|ejendommens beliggenhed|property address|address of the property"),
    ("activity_location", r"placering|sted|lokation|location|hvor|where|site(?: address)?|venue"
                          r"|(?:adresse|arbejdsadresse) (?:på|for) (?:arbejdsstedet|arbejdet|byggepladsen|stedet)"
                          r"|(?:adresse|address) (?:for|of) (?:the )?(?!the |restaurant|company|business|shop|caf|applicant|organi|firma|virksomhed)"
                          r"\w+(?: \w+)?|(?:arrangementets|stilladsets|udeserveringens|containerens"
                          r"|byggepladsens|arbejdsstedets|ejendommens|tankens|aktivitetens) placering|(?:arrangementets|stilladsets"
                          r"|udeserveringens|containerens|byggepladsens|arbejdsstedets|tankens|aktivitetens) adresse"
                          r"|arbejdssted|byggeplads|matrikel(?: nr)?|opstillingssted|adresse hvor .*|address where .*"
                          r"|serveringssted(?:ets)?(?: adresse)?|(?:udeserveringens|salgsstedets|standens) (?:adresse|placering)"
                          r"|location of (?:the )?\w+(?: \w+)?|placering af (?:\w+ )?\w+|sted for \w+|\w+sted(?:et)?"
                          r"|(?!virksomhed|firma|selskab|forening|butik|restaurant|salon|kontor|ejer|entreprenør|ansøger|anmelder|arrangør"
                          r"|bygherre|rekvirent|organisation|kunde|person)\w+(?:ets|ens) (?:adresse|placering|beliggenhed)"
                          r"|(?:event|site|work|arbejds) ?location|(?:ønsket )?(?:stadeplads|standplads|salgsplads|stand)"),
    ("address", r"adresse|virksomhedens adresse|firmaadresse|firmaets adresse|address|company address|business address|postadresse"
                r"|gade(?: og (?:hus)?nr| og husnummer)?|vej og nr|street(?: address)?|registered address|adr|anmelders adresse"
                r"|(?:organi[sz]er|applicant|ansøger|arrangør|anmelder|entreprenør|contractor)(?:en)?(?: ?s)? (?:address|adresse)"
                r"|(?:address|adresse) (?:of|for) (?:the )?(?:restaurant|company|business|shop|café|cafe|applicant|organi[sz]er)"
                r"|ansøgers adresse|ejers adresse"),
    ("house_number", r"hus ?nr|husnummer|house (?:no|number)|street number|nr"),
    ("floor", r"etage|floor|sal"),
    ("door", r"side|dør|side dør|door|lejlighed(?: nr)?"),
    ("postcode", r"post ?nr(?: og by| by)?|postnummer(?: og by)?|post ?code(?: and city| city)?|postal code(?: and city)?|zip(?: code)?"),
    ("city", r"by|city|town"),
    ("period_from", r"(?:periode |dato |date )?fra(?: dato| og med)?|start(?: ?dato)?|startdato|date from|from(?: date)?|start date"
                    r"|første dag|first day|opstart|begins?"),
    ("period_to", r"(?:periode |dato |date )?til(?: dato| og med)?|slut(?: ?dato)?|slutdato|date to|to(?: date)?|end date|until"
                  r"|sidste dag|last day|ophør"),
    ("period", r"periode|period|tidsrum|date of (?:the )?event|arrangementsdato|dato for \w+|datoer|dates|tidspunkt|varighed|duration"
               r"|(?:event|arrangement) ?dat(?:es?|o|oer)"),
    ("date", r"dato|date"),
    ("area_m2", r"areal(?: i m2| m2)?|antal m2|m2|kvm|area(?: in m2| m2| sqm)?|størrelse i m2|size in m2"),
    ("litres", r"tank ?størrelse(?: i liter)?|tankens størrelse|volumen(?: i liter)?|liter|antal liter|tank size|tank capacity|capacity"
               r"|rumfang|kapacitet"),
    ("guests", r"(?:forventet |max(?:imalt)? |maximum |expected )?antal (?:gæster|deltagere|personer|besøgende)"
               r"|(?:expected )?(?:number of )?(?:guests|participants|attendees|visitors)|deltagerantal|expected attendance|antal siddepladser|seats"),
]
_LABEL_RES = [(key, re.compile(rf"(?:{pattern})")) for key, pattern in _LABELS]


_KEYWORDS: list[tuple[str, re.Pattern]] = [(key, re.compile(rf"\b(?:{pattern})\b")) for key, pattern in [
    ("cpr", r"cpr|personnummer"),
    ("p_number", r"p nr|p nummer|pnr|p number|produktionsenhed\w*"),
    ("cvr", r"cvr|se nr|vat"),
    ("contact_email", r"e ?mail\w*|email address"),
    ("phone", r"telefon\w*|tlf|mobil\w*|phone|telephone"),
    ("postcode", r"post ?nr|postnummer|post ?code|postal code|zip"),
    ("contact_name", r"kontaktperson\w*|contact person|contact name"),
    ("company_name", r"firmanavn|virksomhedens navn|virksomhedsnavn|company name|business name|name of (?:the )?company"),
    ("period_from", r"start ?dato|fra dato|date from|start date"),
    ("period_to", r"slut ?dato|til dato|date to|end date"),
    ("guests", r"antal (?:gæster|deltagere|personer|besøgende)|number of (?:guests|participants|attendees)"
               r"|(?:hvor mange|how many) (?:gæster|deltagere|personer|guests|people|participants)"),
    ("area_m2", r"areal|m2|kvm|størrelse m2"),
    ("litres", r"liter|rumfang"),
    ("period_from", r"start|begynd\w*|påbegynd\w*|opstart"),
    ("period_to", r"slut|afslut\w*|ophør|end|færdig"),
    ("activity_location", r"^(?:hvor|where)\b(?! mange| many| much| long| længe)|^(?:placering|location|venue|site)"
                          r"(?! manager| lead| leder| chef| ansvarlig)"),
]]
_FIELD_NAME_PREFIX = re.compile(r"^(?:txt|fld|tb|field|text|felt|input|cb|chk)\s+")


def normalise_label(label: str) -> str:
    """Lower case words: "Virksomhedens navn (som i CVR):" and "txtCompanyName_1" become "virksomhedens navn", "company name"."""
    label = re.sub(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])", " ", label)          # camelCase form field names
    label = label.lower().replace("²", "2")
    label = re.sub(r"\((m2|kvm|liter|l)\)", r" \1", label)                # the unit names the field: "Størrelse (m2)"
    label = re.sub(r"\([^)]*\)", " ", label)
    label = re.sub(r"[^a-z0-9æøåéü²]+", " ", label)
    label = re.sub(r"\s+\d+$", "", re.sub(r"\s+", " ", label).strip())
    return _FIELD_NAME_PREFIX.sub("", label)


def label_key(label: str) -> str | None:
    """The detail key a form label names, or None."""
    norm = normalise_label(label)
    if not norm or len(norm) > 60:
        return None
    for key, pattern in _LABEL_RES:
        if pattern.fullmatch(norm):
            return key
    if "/" in label:                                # "Virksomhed/forening", "Postnr./by", "Tlf./mobil": the first that names one
        found = next((k for k in (label_key(part) for part in label.split("/") if part.strip()) if k), None)
        if found:
            return found
    if len(norm.split()) <= 6:
        return next((key for key, pattern in _KEYWORDS if pattern.search(norm)), None)
    return None


# ---------------------------------------------------------------- values of labelled fields

def normalise_value(key: str | None, value: str, reference: date) -> dict[str, object]:
    """The details a labelled value gives; empty when the value does not fit the label."""
    value = re.sub(r"\s+", " ", value).strip(" \t:;")
    if not key or not value or key == "cpr" or find_cpr(value):
        return {}
    handler = _VALUE_HANDLERS.get(key)
    return handler(value, reference) if handler else {}


def _v_cvr(value: str, _ref: date) -> dict:
    number = digits(re.sub(r"^\s*DK", "", value, flags=re.IGNORECASE))
    return {"cvr": number} if 6 <= len(number) <= 10 else {}


def _v_p_number(value: str, _ref: date) -> dict:
    number = digits(value)
    return {"p_number": number} if len(number) == 10 else {}


def _v_phone(value: str, _ref: date) -> dict:
    phone = normalise_phone(value)
    return {"phone": phone} if phone else {}


def _v_email(value: str, _ref: date) -> dict:
    m = EMAIL.search(value)
    return {"contact_email": m.group(0).lower()} if m else {}


def _v_text(key: str, max_len: int = 120):
    def handler(value: str, _ref: date) -> dict:
        if EMAIL.fullmatch(value) or len(value) > max_len or not re.search(r"[A-Za-zÆØÅæøå]", value):
            return {}
        return {key: value.strip(" ,.")}
    return handler


def _v_contact_name(value: str, ref: date) -> dict:
    """The name at the start of a value such as "Ahmad Hassan, ahmad@x.dk, 71 72 73 74"."""
    if re.search(SUFFIX + r"\.?(?:$|[\s,(])", value):
        return _v_company(value, ref)      # "Navn: Café Hansen ApS"
    head = re.split(r"[,;(/|]| - | – |\s+(?:tlf|tel|mobil|phone|e-?mail)\b", value, maxsplit=1, flags=re.IGNORECASE)[0].strip()
    if not head or len(head) > 80 or re.search(r"[\d@]", head) or not re.search(r"[A-Za-zÆØÅæøå]", head):
        return {}
    return {"contact_name": head}


def _v_company(value: str, ref: date) -> dict:
    """A company name, cut before an identifier or an address written after it ("Hansen ApS, CVR 12345678")."""
    head = re.split(r"\s*[,(;|]?\s*\b(?:cvr|se|p-?nr|tlf|telefon|phone|vat)\b", value, maxsplit=1, flags=re.IGNORECASE)[0]
    legal = re.search(SUFFIX + r"(?=\s*[,(;|/])", head)
    head = head[:legal.end()] if legal else head
    number = re.search(r"/\s*(\d{2}\s?\d{2}\s?\d{2}\s?\d{2})\s*$", value)        # "Firmanavn/CVR: Havnebaren ApS / 30521676"
    if number:
        return {**_v_text("company_name")(re.sub(r"\s*/\s*[\d ]+$", "", head), ref), "cvr": digits(number.group(1))}
    return _v_text("company_name")(head, ref)


def _v_address(key: str):
    def handler(value: str, _ref: date) -> dict:
        if normalise_phone(value) or not re.search(r"[A-Za-zÆØÅæøå]{3}", value) or value.strip(" .").lower() in _INDOORS:
            return {}
        address, pc, town = read_address(re.sub(r"\s*\([^)]{0,80}\)", "", value) if key == "activity_location" else value)
        if not address or len(address) > 120:
            return {}
        if key == "activity_location":
            return {key: f"{address}, {pc} {town}" if pc else address}
        return {key: address, f"{key}_postcode": pc, f"{key}_city": town} if key.startswith("_") and pc else (
            {key: address, "postcode": pc, "city": town} if pc else {key: address})
    return handler


_INDOORS = frozenset("kælder kælderen loft loftet baghave baghaven have haven gård gården garage garagen indkørsel indkørslen"
                     " skur skuret fyrrum fyrrummet udendørs indendørs basement garden yard attic".split())


def _v_postcode(value: str, _ref: date) -> dict:
    pc = postcode_city(value)
    if pc:
        return {"postcode": pc[0], "city": pc[1]}
    m = re.fullmatch(r"(?:DK[\s-]?)?([1-9]\d{3})", value)
    return {"postcode": m.group(1)} if m and is_postcode(m.group(1)) else {}


def _v_part(key: str, pattern: str):
    """One part of an address written in its own form field ("Husnr.", "Etage", "Side")."""
    def handler(value: str, _ref: date) -> dict:
        return {key: value} if re.fullmatch(pattern, value, re.IGNORECASE) else {}
    return handler


def compose_address(values: dict) -> None:
    """Join "Gade", "Husnr.", "Etage" and "Side" fields into one ``address`` (in place); drop the parts.

    A "Beliggenhed" or "Ejendommens adresse" is the business's (or the owner's) address when the form names
    no other, else the site's.
    """
    parts = [values.pop(k, "") for k in ("_house_number", "_floor", "_door")]
    if parts[0] and isinstance(values.get("address"), str):
        values["address"] = join_parts(values["address"], *(str(p) for p in parts))
    place = values.pop("_site_or_address", None)
    pc, town = values.pop("_site_or_address_postcode", ""), values.pop("_site_or_address_city", "")
    if place and "address" not in values:
        values["address"] = place
        if pc:
            values.setdefault("postcode", pc)
            values.setdefault("city", town)
    elif place:
        values.setdefault("activity_location", f"{place}, {pc} {town}" if pc else place)


def _v_date(key: str):
    def handler(value: str, reference: date) -> dict:
        d = periods.parse_single_date(value, reference)
        return {key: d.isoformat()} if d else {}
    return handler


def _v_future_period(value: str, reference: date) -> dict:
    """A bare "Dato:" is often the date of the letter or signature: only a future date is a period."""
    found = _v_period(value, reference)
    return found if found and min(found.values()) > reference.isoformat() else {}


def _v_period(value: str, reference: date) -> dict:
    period = periods.find_period(value, reference)
    if period.start or period.end:
        return {k: d.isoformat() for k, d in (("period_from", period.start), ("period_to", period.end)) if d}
    single = periods.parse_single_date(value, reference)
    return {"period_from": single.isoformat(), "period_to": single.isoformat()} if single else {}


def _v_amount(key: str):
    def handler(value: str, _ref: date) -> dict:
        m = re.search(NUMBER, value)
        number = parse_number(m.group("n")) if m else None
        return {key: number} if number is not None and number > 0 else {}
    return handler


_VALUE_HANDLERS = {
    "cvr": _v_cvr, "p_number": _v_p_number, "phone": _v_phone, "contact_email": _v_email,
    "company_name": _v_company, "contact_name": _v_contact_name, "city": _v_text("city", 40),
    "address": _v_address("address"), "activity_location": _v_address("activity_location"), "postcode": _v_postcode,
    "site_or_address": _v_address("_site_or_address"),
    "period_from": _v_date("period_from"), "period_to": _v_date("period_to"), "period": _v_period, "date": _v_future_period,
    "area_m2": _v_amount("area_m2"), "litres": _v_amount("litres"), "guests": _v_amount("guests"),
    "house_number": _v_part("_house_number", r"\d{1,4}\s?[a-z]?"), "floor": _v_part("_floor", r"(?:st|kl|\d{1,2})\.?(?: sal)?|stuen"),
    "door": _v_part("_door", r"tv|th|mf|t\.v\.?|t\.h\.?|\d{1,3}"),
}


# ---------------------------------------------------------------- text

MAX_TEXT_CHARS = 100_000     # about 40 pages: the details of an application are never further in; 1 MB stays well under a second
_PAIR_SPLIT = re.compile(r"\s*(?:\t+|\s\|\s|\|)\s*|\s*:\s+|\s*:$|\s*\.{3,}:?\s*|\s{3,}")


def labelled_values(text: str, reference: date) -> dict[str, object]:
    """Values from "label: value" lines, table rows and label lines followed by a value line.

    Under a heading about the work ("2. Oplysninger om arbejdet", "Arbejdssted", "Location") an "Adresse"
    is the site's, not the business's.
    """
    out: dict[str, object] = {}
    lines = [ln.strip().strip("|").strip() for ln in text.split("\n")]
    section = ""
    for i, line in enumerate(lines):
        if not line or len(line) > 400:
            continue
        cells = [c for c in _PAIR_SPLIT.split(line) if c is not None]
        if len(cells) == 1 or (len(cells) == 2 and not cells[1]):
            key = label_key(cells[0]) if not _HAS_VALUE.search(cells[0]) else None    # "CVR 12345678" is not a label
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if key and nxt and len(nxt) <= 400 and not _is_label(_PAIR_SPLIT.split(nxt)[0]):
                _put(out, _in_section(normalise_value(key, nxt, reference), section))
            elif not key:
                section = _section_of(cells[0], section)
            continue
        for j in range(len(cells) - 1):
            key = label_key(cells[j])
            if key and cells[j + 1] and not _is_label(cells[j + 1]):
                value = " ".join(cells[j + 1:]) if j + 2 == len(cells) or not _is_label(cells[j + 2]) and len(cells) == 3 else cells[j + 1]
                value = value if key in ("period", "address", "activity_location") else cells[j + 1]
                _put(out, _in_section(normalise_value(key, value, reference), section))
    compose_address(out)
    return out


_SITE_HEADING = re.compile(r"(?i)arbejde|arbejdet|placering|hvor |sted\b|location|site|where|stillads|container|arrangement"
                           r"|udeservering|byggeplads|event|the work")
_TITLE = re.compile(r"(?i)ansøgning|application|anmeldelse|tilladelse|permit")     # the form's title, not a part of it
_APPLICANT_HEADING = re.compile(r"(?i)ansøger|virksomhed|firma|applicant|company|anmelder|kontakt|contact")


def _section_of(heading: str, current: str) -> str:
    """Which part of a form a short heading line opens: the applicant's, the site's, or the one before."""
    if len(heading) > 60 or heading.endswith((".", "?", "!")) and len(heading.split()) > 6 or _TITLE.search(heading):
        return current
    if _APPLICANT_HEADING.search(heading):
        return "applicant"
    return "site" if _SITE_HEADING.search(heading) else current


def _in_section(values: dict, section: str) -> dict:
    """Under a site heading an address is the activity's location, and its postcode is not the business's."""
    if section != "site" or "address" not in values:
        return {k: v for k, v in values.items() if not (section == "site" and k in ("postcode", "city"))}
    pc = f", {values['postcode']} {values['city']}" if values.get("postcode") else ""
    return {"activity_location": f"{values['address']}{pc}"}


_HAS_VALUE = re.compile(r"\d[ .\-]?\d[ .\-]?\d|@")


def _is_label(cell: str) -> bool:
    """A cell that is itself a label ("Telefon"), not a value that happens to hold a label word ("Ida Holm, tlf. 12...")."""
    return not _HAS_VALUE.search(cell) and label_key(cell) is not None


def _put(out: dict, values: dict) -> None:
    for k, v in values.items():
        out.setdefault(k, v)


def extract_from_text(text: str, reference: date) -> dict[str, object]:
    """Every detail found in one text; labelled values first."""
    text = _tame(text.replace("\r\n", "\n").replace("\xa0", " ")[:MAX_TEXT_CHARS])
    out = labelled_values(text, reference)
    for finder in _FINDERS:
        _put(out, finder(text, reference))
    places = find_addresses(text)
    if "address" in out and places.get("address") != out["address"]:
        places = {k: v for k, v in places.items() if k not in ("postcode", "city")}   # they belong to another address
    elif str(out.get("activity_location", "")).startswith(places.get("address", "\0")):
        places = {k: v for k, v in places.items() if k not in ("address", "postcode", "city")}   # the labelled site
    _put(out, places)
    return out


def _tame(text: str) -> str:
    """Bound whitespace and punctuation runs, so that no pattern backtracks over a long run."""
    text = re.sub(r"\s{10,}", lambda m: "\n\n" if "\n" in m.group(0) else "   ", text)
    text = re.sub(r"\d{30,}", lambda m: m.group(0)[:30], text)
    return re.sub(r"([^\w\s])\1{5,}", r"\1\1\1\1\1", text)


def _find_cvr(text: str, _ref: date) -> dict:
    for pattern in (CVR_LABELLED, CVR_DK):
        m = pattern.search(text)
        if m:
            return {"cvr": digits(m.group("v"))}
    return {}


def _find_p_number(text: str, _ref: date) -> dict:
    m = P_LABELLED.search(text)
    return {"p_number": digits(m.group("v"))} if m else {}


def _find_phone(text: str, _ref: date) -> dict:
    for m in PHONE_LABELLED.finditer(text):
        phone = normalise_phone(m.group("v"))
        if phone:
            return {"phone": phone}
    for pattern in (PHONE_INTL, PHONE_GROUPED):
        for m in pattern.finditer(text):
            if not NOT_PHONE_CONTEXT.search(text[max(0, m.start() - 20):m.start()]):
                phone = normalise_phone(m.group("v"))
                if phone:
                    return {"phone": phone}
    return {}


def _find_email(text: str, _ref: date) -> dict:
    candidates = [m for m in EMAIL.finditer(text) if not IGNORED_EMAIL.search(m.group(0))]
    labelled = [m for m in candidates if EMAIL_LABEL.search(text[max(0, m.start() - 30):m.start()])]
    best = (labelled or candidates or [None])[0]
    return {"contact_email": best.group(0).lower()} if best else {}


def _find_company(text: str, _ref: date) -> dict:
    name = find_company(text, has_cvr=bool(CVR_LABELLED.search(text)))
    return {"company_name": name} if name else {}


def _find_contact(text: str, _ref: date) -> dict:
    name = find_contact(text)
    return {"contact_name": name} if name else {}


def _find_period(text: str, reference: date) -> dict:
    period = periods.find_period(text, reference)
    return {k: d.isoformat() for k, d in (("period_from", period.start), ("period_to", period.end)) if d}


def _find_amounts(text: str, _ref: date) -> dict:
    out: dict = {}
    m = AREA.search(text)
    if m:
        out["area_m2"] = parse_number(m.group("n"))
    else:
        d = DIMENSIONS.search(text)
        a, b = (parse_number(d.group("a")), parse_number(d.group("b"))) if d else (None, None)
        if a and b:
            out["area_m2"] = round(a * b, 2)
    m = LITRES.search(text)
    if m:
        out["litres"] = parse_number(m.group("n"))
    guests = [parse_number(g.group("n")) for pattern in (GUESTS, GUESTS_AFTER) for g in islice(pattern.finditer(text), 50)]
    guests = [g for g in guests if isinstance(g, int)]
    if guests:
        out["guests"] = max(guests)
    return {k: v for k, v in out.items() if v}


_FINDERS = (_find_cvr, _find_p_number, _find_phone, _find_email, _find_company, _find_contact, _find_period, _find_amounts)

