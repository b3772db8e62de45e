"""Details in one text: labelled values first, then the patterns of running text.

Pure functions over text. ``extract_from_text`` returns plain values per key;
labelled values ("CVR-nr.: ...", a "Telefon | ..." table row, a label line
followed by its value line) win over values found in running text.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from itertools import islice

from stdnum.dk import cvr as stdnum_cvr

from intake.details import periods
from intake.details.addresses import corrected_house_numbers
from intake.details.identifiers import (
    AREA,
    CUBIC_TANK,
    CVR_AFTER_FORM,
    CVR_DK,
    CVR_LABELLED,
    CVR_REG_NO,
    DIMENSIONS,
    DK_NUMBER,
    EMAIL,
    EMAIL_LABEL,
    GUESTS,
    GUESTS_AFTER,
    GUESTS_IN_WORDS,
    GUESTS_PER_SESSION,
    GUESTS_TOTAL,
    IGNORED_EMAIL,
    LITRES,
    NOT_PHONE_CONTEXT,
    P_LABEL,
    P_LABELLED,
    PHONE_CALLED,
    PHONE_GROUPED,
    PHONE_INTL,
    PHONE_LABELLED,
    PHONE_REACH,
    PHONE_SPELLED,
    announced_p_number,
    area_number,
    corrected_sides,
    digits,
    dimension_sides,
    find_cpr,
    guests_in_words,
    length_and_depth,
    normalise_phone,
    parse_number,
    with_at_signs,
)
from intake.details.labels import full_label_key, label_key, normalise_label
from intake.details.names import (
    COMPANY,
    ONE_MATTER_ONLY,
    RELATIVES,
    SUFFIX,
    clean_company,
    designated_contact,
    find_company,
    find_contact,
    is_title,
    looks_like_person,
    names_an_association,
    signature_name,
)
from intake.details.sites import (
    PROPERTYS_PEOPLE,
    find_addresses,
    in_letter_text,
    in_letterhead_or_signature,
    letterhead_end,
    lower_case_address,
    same_place,
    signature_start,
)
from intake.details.values import CLIENT_NAME, PROPERTY_AS_ADDRESS, compose_address, normalise_value

__all__ = ["CLIENT", "compose_address", "extract_from_text", "label_key", "labelled_values", "normalise_label",
           "normalise_value"]

# About 40 pages: the details of an application are never further in; 1 MB stays well under a second.
MAX_TEXT_CHARS = 100_000
_PAIR_SPLIT = re.compile(r"\s*(?:\t+|\s\|\s|\|)\s*|\s*:\s+|\s*:$|\s*\.{3,}:?\s*|\s{3,}")


def labelled_values(text: str, reference: date) -> dict[str, object]:
    """Values from "label: value" lines, table rows and label lines followed by a value line.

    Under a heading about the work ("2. Oplysninger om arbejdet", "Arbejdssted", "Location") an "Adresse"
    is the site's, not the business's.
    """
    out: dict[str, object] = {}
    lines = [ln.strip().strip("|").strip() for ln in text.split("\n")]
    section = ""
    own = _OWN_ADDRESS_LABEL.search(text) is not None
    said: list[bool] = []                   # whether the contact found came under a label that says "contact"
    for i, line in enumerate(lines):
        if not line or len(line) > 400:
            continue
        if _CHOICES.search(line):
            continue                            # "☒ Stadeplads ☐ Udeservering": a choice, not a label or heading
        if _dash_title(line):
            section = _section_of(line, section)
            continue
        line = _dash_label(line)
        cells = _two_columns([c for c in _PAIR_SPLIT.split(line) if c is not None], reference)
        if len(cells) == 1 or (len(cells) == 2 and not cells[1]):
            key = label_key(cells[0]) if not _HAS_VALUE.search(cells[0]) else None    # "CVR 12345678" is not a label
            if key == "contact_name" and len(cells) == 1 and i and looks_like_person(lines[i - 1]):
                key = None                      # "Tomasz Nowak\nSite manager\nNOWAK-BUD": a signer's role, no label
            if key and len(cells) == 1 and _sentence_tail(lines, i):
                key = None                      # "... senest 2 uger før\nopstart.": a wrapped sentence's last word
            if key in _AMOUNTS and _NUMBER_IN_LABEL.search(cells[0]) and not _NUMBERED.match(cells[0]):
                # "Areal ca. 6 x 8 m." on a line of its own: the label and its value, not a label over the next line
                _put(out, _in_section(normalise_value(key, cells[0], reference), _section_for(cells[0], section, own)))
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (key and nxt and len(nxt) <= 400 and not _is_label(_PAIR_SPLIT.split(nxt)[0])
                    and not _PART_HEADING.match(cells[0]) and not _NUMBERED_PAIR.match(nxt)
                    and not _label_and_its_value(nxt, reference)):
                nxt = _continued_address(key, nxt, lines[i + 2:i + 4])
                values = _in_section(normalise_value(key, nxt, reference), _section_for(cells[0], section, own))
                _put(out, values)
                _contact_labelled_as_such(out, values, cells[0], said)
                _legal_name_over_trading_name(out, values)
            elif not key or _NUMBERED.match(cells[0]) or _PART_HEADING.match(cells[0]):
                # a heading ("2. Salgssted", "Section B – Agent / contact for this request") above its part's labels
                section = _section_of(cells[0], section)
            continue
        if _header_row(cells, lines[i + 1] if i + 1 < len(lines) else ""):
            row = [c for c in _PAIR_SPLIT.split(lines[i + 1]) if c is not None]
            for label, value in zip(cells, row, strict=True):
                values = normalise_value(label_key(label), value, reference)
                _put(out, _in_section(values, _section_for(label, section, own)))
            continue
        for j in range(len(cells) - 1):
            key = label_key(cells[j]) if not _HAS_VALUE.search(cells[j]) else None  # "| CVR 12345678 | Tlf. ..."
            if key == "date" and _closing_line(lines, i):
                continue                        # "Dato: 19. april 2027" closing the text: when it was signed
            if key and cells[j + 1] and not _is_label(cells[j + 1]) and not _CHOICES.match(cells[j + 1]):
                value = (" ".join(cells[j + 1:])
                         if j + 2 == len(cells) or not _is_label(cells[j + 2]) and len(cells) == 3 else cells[j + 1])
                value = value if key in ("period", "address", "activity_location") else cells[j + 1]
                if j + 2 == len(cells):
                    value = _continued_address(key, value, lines[i + 1:i + 3])
                values = _in_section(normalise_value(key, value, reference), _section_for(cells[j], section, own))
                _put(out, values)
                _contact_labelled_as_such(out, values, cells[j], said)
                _legal_name_over_trading_name(out, values)
    compose_address(out)
    return out


def _label_and_its_value(line: str, reference: date) -> bool:
    """A form's line that holds a label and its value, run together with one space as a PDF's columns come out
    ("Periode 01.03.2027 – 31.10.2027", "Areal (m²) 12,5"): its own field, never the value of the line above."""
    words = line.split()
    for n in range(1, min(3, len(words) - 1) + 1):
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        if "," in head or rest[:1].islower():
            continue            # "Nanna Ravn, tlf. 31 ...": a person's line; "Kontaktperson ... er X": a sentence
        key = full_label_key(head)
        if key and key not in ("person_or_company", "date") and normalise_value(key, rest, reference):
            return True
    return False


def _sentence_tail(lines: list[str], i: int) -> bool:
    """Line ``i`` ends a sentence wrapped from the line above: it starts in lower case and ends with a full stop, and
    the line above runs on ("Skriftlig orientering omdeles til naboer senest 2 uger før\nopstart.")."""
    line, above = lines[i], next((ln for ln in reversed(lines[:i]) if ln), "")
    return (line[:1].islower() and line.endswith(".") and bool(above)
            and not above.endswith((".", ":", "!", "?", ";")))


def _closing_line(lines: list[str], i: int) -> bool:
    """Line ``i`` is the text's last and comes right after the contact's details (an e-mail address on one of the two
    lines above): a date there is when the text was signed ("Kontaktperson: ..., mk@...\nDato: 19. april 2027")."""
    above = [line for line in lines[:i] if line][-2:]
    return not any(lines[i + 1:]) and any("@" in line for line in above)


def _header_row(cells: list[str], following: str) -> bool:
    """A table's header row ("Sted | Dato | Tid"): three or more short cells without values, two or more of them
    labels, above a row of as many cells, none a label ("Gammel Strand | 1/6-2027 - 30/6-2027 | 11-19")."""
    if (len(cells) < 3 or sum(_is_label(c) for c in cells) < 2
            or any(_HAS_VALUE.search(c) or len(c) > 40 for c in cells)
            or "|" not in following and "\t" not in following):
        return False
    row = [c for c in _PAIR_SPLIT.split(following.strip().strip("|").strip()) if c is not None]
    return len(row) == len(cells) and not any(_is_label(c) for c in row)


# a box to tick, ticked or not, before a choice: "[x] Event [ ] Market stall", "☒ Stadeplads ☐ Udeservering"
_CHOICES = re.compile(r"(?:^|\s)(?:\[[ xX✓✔]?\]|[☐☑☒□■])[ \t]*\w[^\[☐☑☒□■]{0,40}(?:\[[ xX✓✔]?\]|[☐☑☒□■])")


def _two_columns(cells: list[str], reference: date) -> list[str]:
    """Cells of a two-column form line whose columns ran together ("Kontakt: Søren Holm E-mail: sh@x.dk"): a middle
    cell that ends in a label, followed by a value that fits that label, is split into its value and the label."""
    out = list(cells[:1])
    for j, cell in enumerate(cells[1:-1], start=1):
        split = _label_at_end(cell, cells[j + 1], reference)
        out.extend(split if split else [cell])
    return out + cells[-1:] if len(cells) > 1 else out


def _label_at_end(cell: str, following: str, reference: date) -> list[str] | None:
    words = cell.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        head, tail = " ".join(words[:-n]), " ".join(words[-n:])
        if not tail[0].isupper() or _HAS_VALUE.search(tail):
            continue
        key = full_label_key(tail)
        if key and normalise_value(key, following, reference):
            return [head, tail]
    return None


_DASH_PAIR = re.compile(r"^(?P<label>[^\d:|\-–][^\d:|]{1,40}?)[ \t]+[-–][ \t]+(?P<value>\S.*)$")


def _dash_title(line: str) -> bool:
    """ "SITE AND SCHEDULE – Atlas Office Moves ApS", "SITE LAYOUT – SELF-SERVICE CAR WASH": a document's title in
    capitals before a dash, no label of the line below it or of what follows the dash."""
    m = _DASH_PAIR.match(line) if ":" not in line else None
    return m is not None and m.group("label").isupper() and len(m.group("label").split()) > 1


def _dash_label(line: str) -> str:
    """ "Ansvarlig - Ib Holm", "Hvornår – marts-oktober 2027": a label and its value joined by a dash, as "label: value"
    (only when what stands before the dash is a label)."""
    m = _DASH_PAIR.match(line) if ":" not in line else None
    if not m or len(m.group("label").split()) > 3:
        return line                                     # "Site hut and fencing - Ørestad": a subject, not a label
    return f"{m.group('label')}: {m.group('value')}" if label_key(m.group("label")) else line


_SITE_HEADING = re.compile(r"(?i)arbejde|arbejdet|arbejdssted|placering|hvor |sted\b|stedet\b|location|site|where"
                           r"|stillads|container"
                           r"|arrangement|udeservering|byggeplads|event|the work")
# the form's title, not a part of it
_TITLE = re.compile(r"(?i)ansøgning|application|anmeldelse|tilladelse|permit|notification|notice|request|skema"
                    r"|form\b")
_APPLICANT_HEADING = re.compile(r"(?i)ansøger|virksomhed|firma|applicant|company|anmelder|kontakt|contact")


def _section_of(heading: str, current: str) -> str:
    """Which part of a form a short heading line opens: the applicant's, the site's, or the one before."""
    if len(heading) > 60 or heading.endswith((".", "?", "!")) and len(heading.split()) > 6 or _TITLE.search(heading):
        return current
    if _APPLICANT_HEADING.search(heading):
        return "applicant"
    return "site" if _SITE_HEADING.search(heading) else current


_APPLICANT_LABEL = re.compile(r"(?i)ansøger|virksomhed|firma|applicant|company|anmelder|arrangør|organi[sz]er"
                              r"|entreprenør|contractor|business|registered|postadresse")


# the business's own address under a label that says so ("Vores adresse: Borgbjergsvej 1"); a bare "Adresse:" in the
# same text is then another place: where the work is ("Anmeldelse af jordflytning fra byggeplads:\nAdresse: ...")
_OWN_ADDRESS_LABEL = re.compile(r"(?im)^[ \t]*(?:vores|vor|our|my|min)[ \t]+(?:adresse|address)[ \t]*:")
_BARE_ADDRESS_LABEL = re.compile(r"(?i)[ \t]*(?:adresse|address)[ \t]*:?[ \t]*")


def _section_for(label: str, section: str, own_labelled: bool = False) -> str:
    """ "Organiser address" or "Firmaets adresse" is the applicant's even under a heading about the work; a bare
    "Adresse" beside a label of the business's own address (``own_labelled``) is the site's."""
    if own_labelled and _BARE_ADDRESS_LABEL.fullmatch(label):
        return "site"
    return "applicant" if _APPLICANT_LABEL.search(label) else section


def _in_section(values: dict, section: str) -> dict:
    """Under a site heading an address is the activity's location, and its postcode is not the business's."""
    if section != "site" or "address" not in values:
        return {k: v for k, v in values.items() if not (section == "site" and k in ("postcode", "city"))}
    pc = f", {values['postcode']} {values['city']}" if values.get("postcode") else ""
    return {"activity_location": f"{values['address']}{pc}"}


# a numbered heading of a form's part: "1. Ansøger", "2) Placering", "B. Periode"
# a form's part named by its letter or number: "Section B – Agent / contact", "Del 2: Ansøger"
_PART_HEADING = re.compile(r"^\s*(?i:section|part|del|afsnit|sektion)\s+(?:[A-Z]|\d{1,2})\b(?![.,]\d)")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[A-H][.)])\s+(?=[^\W\d])")
# the next item of a numbered list, with its own label: "2. Aktivitet: knusning af beton" below "ca. 4.000 m²\nbefæstet
# areal." is no value of a label-like line above it
_NUMBERED_PAIR = re.compile(_NUMBERED.pattern + r"[^:\n]{1,40}:")
_HAS_VALUE = re.compile(r"\d[ .\-]?\d[ .\-]?\d|@")
_AMOUNTS = frozenset(("area_m2", "litres", "guests"))    # labels whose value is a number
_NUMBER_IN_LABEL = re.compile(r"(?<![\w.,])\d")          # a number of its own (not the "2" of "m2")


def _is_label(cell: str) -> bool:
    """A cell that is itself a label ("Telefon"), not a value that happens to hold a label word ("Ida Holm, tlf.
    12...")."""
    return not _HAS_VALUE.search(cell) and label_key(cell) is not None


# "Kontakt: Gitte Frandsen, 22 19 58 40 — men ring til min søn Jakob Frandsen ...": the line names another to call
_BUT = re.compile(r"(?i)\b(?:men|but)\b")


def _named_instead(labelled: str, text: str) -> str:
    """The person the labelled contact's own line names to be contacted instead, after a "men" or "but"."""
    at = text.find(labelled)
    if at < 0:
        return labelled
    line = text[at + len(labelled):].split("\n")[0]
    but = _BUT.search(line)
    other = designated_contact(line[but.end():]) if but else None
    return other if other and looks_like_person(other) and other != labelled else labelled


# a contact labelled as the site's: "Kontaktperson på pladsen: Kasper (stilladsmontør)", "Site contact: foreman Johan"
_SITE_LABEL = re.compile(r"(?i)\b(?:på[ \t]+(?:pladsen|stedet|byggepladsen)|on[ \t-]?site|site[ \t]+contact)\b")


def _on_site_only(labelled: str, text: str) -> bool:
    """The labelled contact is the site's, for the practical matters there, and the writer asks to be the one
    answered about the application ("spørgsmål til selve ansøgningen bedes rettet til undertegnede")."""
    at = text.find(labelled)
    if at < 0:
        return False
    label = text[text.rfind("\n", 0, at) + 1:at]
    return _SITE_LABEL.search(label) is not None and asks_for_the_writer(text)


# a line naming the business's owner: "Ejer: Mads Kirkegaard", "Owner: Giulia Romano"
_OWNER_LABEL = re.compile(r"(?i)^[ \t]*(?:ejer|owner|indehaver)[ \t]*:[ \t]*\Z")


def _contact_instead_of_the_owner(labelled: str, text: str) -> str:
    """An owner on a line of his own ("Ejer: Mads Kirkegaard") gives way to the person the text names to contact
    ("Spørgsmål om ansøgningen bedes rettet til vores restaurantchef Anne Sofie")."""
    at = text.find(labelled)
    if at < 0 or not _OWNER_LABEL.search(text[text.rfind("\n", 0, at) + 1:at]):
        return labelled
    other = designated_contact(text)
    return other if other and looks_like_person(other) and other != labelled else labelled


_ADDRESS_KEYS = ("address", "activity_location", "site_or_address", "client_site", "agent_address")
# a line of a postcode and its town alone: "1662 København V", "DK-2300 København S"
_POSTCODE_LINE = re.compile(r"^(?:DK-?)?[1-9]\d{3}[ \t]+[A-ZÆØÅ][\w .\-]{1,30}$")
_CARE_OF_LINE = re.compile(r"(?i)^c/o\b[^\d]*$")


def _continued_address(key: str | None, value: str, following: list[str]) -> str:
    """A labelled address written over the lines below its label's line: a c/o line, then the street ("Address:
    c/o Mira Holm / Saxogade 12, 4. tv / 1662 København V"), and a street without its postcode, then the postcode
    and town alone on the next line."""
    if key not in _ADDRESS_KEYS:
        return value
    rest = [ln for ln in following if ln]
    if (_CARE_OF_LINE.match(value) and rest and re.search(r"\d", rest[0])
            and not _is_label(_PAIR_SPLIT.split(rest[0])[0])):
        value, rest = f"{value}, {rest[0]}", rest[1:]
    if (re.search(r"\d", value) and not re.search(r"(?<!\d)[1-9]\d{3}(?!\d)[ \t]+[A-ZÆØÅ]", value) and rest
            and _POSTCODE_LINE.match(rest[0])):
        value = f"{value}, {rest[0]}"
    return value


# a label that names the one to contact as such: "Kontaktperson", "Restaurant manager and contact person", "Contact
# for this application" (not "Owner", "Navn", "Byggeleder")
_CONTACT_LABEL = re.compile(r"(?i)\b(?:kontakt\w*|contact\w*)\b")


def _contact_labelled_as_such(out: dict, values: dict, label: str, said: list[bool]) -> None:
    """The first contact under a label that says "contact" wins over one under a label naming only a role ("Owner:
    Marco Bellini" above "Restaurant manager and contact person: Giulia Ferri")."""
    if "contact_name" not in values:
        return
    if not said:
        said.append(bool(_CONTACT_LABEL.search(label)))
    elif not said[0] and _CONTACT_LABEL.search(label):
        out["contact_name"] = values["contact_name"]
        said[0] = True


def _legal_name_over_trading_name(out: dict, values: dict) -> None:
    """ "Restaurant: Saigon Street Kitchen" above "Company: Saigon Street Kitchen ApS": the name with its legal form."""
    old, new = out.get("company_name"), values.get("company_name")
    if (isinstance(old, str) and isinstance(new, str) and new.startswith(old + " ")
            and re.fullmatch(rf"{SUFFIX}\.?", new[len(old) + 1:])):
        out["company_name"] = new


def _client_applies(out: dict, reference: date) -> None:
    """ "Bygherre: Kastelsvej Ejendomme ApS, CVR ..., Kastelsvej 18, 2100 København Ø" in the papers an architect sends
    for the developer: the client named is the company applying, so its address is the business's own, no site."""
    name = out.pop(CLIENT_NAME, None)
    company = out.get("company_name")
    if (not isinstance(name, str) or not isinstance(company, str) or company.casefold() != name.casefold()
            or "address" in out or not isinstance(out.get("activity_location"), str)):
        return
    own = normalise_value("address", str(out.pop("activity_location")), reference)
    out.update({k: v for k, v in own.items() if k in ("address", "postcode", "city")})


# a contact for the day or the site alone: "Kontaktperson på dagen: formand Lars Kirkegaard", "Contact on site: X"
_DAYS_CONTACT_LABEL = re.compile(r"(?im)^[ \t]*(?:kontakt(?:person)?|contact(?:[ \t]person)?|ansvarlig"
                                 r"|responsible(?:[ \t]person)?)[ \t]+(?:på|on)[ \t]+(?:the[ \t]+)?"
                                 r"(?:dagen|dagene|aftenen|pladsen|stedet|day|site)[ \t]*:[^\n]{0,40}$")


def _writer_over_the_days_contact(out: dict, text: str) -> None:
    """A contact labelled for the day alone ("Kontaktperson på dagen: formand Lars Kirkegaard") gives way to the
    writer who signs and asks to be reached about the case himself ("Jeg kan træffes på 31 72 04 66")."""
    contact = str(out["contact_name"])
    labels = islice(_DAYS_CONTACT_LABEL.finditer(text), 10)
    if not asks_for_the_writer(text) or not any(contact in m.group(0) for m in labels):
        return
    signer = signature_name(text.split("\n"))
    if signer and looks_like_person(signer) and signer != contact:
        out["contact_name"] = out["designated_contact"] = signer


def _put(out: dict, values: dict) -> None:
    for k, v in values.items():
        out.setdefault(k, v)


def extract_from_text(text: str, reference: date, *, for_a_client: bool = False) -> dict[str, object]:
    """Every detail found in one text; labelled values first. ``for_a_client``: the text is attached to a mail whose
    writer says he applies for a client."""
    text = with_at_signs(_tame(text.replace("\r\n", "\n").replace("\xa0", " ")[:MAX_TEXT_CHARS]))
    text = _MAIL_HEADER_DATE.sub(_header_without_date, text)    # when a forwarded or quoted mail was sent
    text = periods.corrected_dates(text)        # "not on 12 June but on 19 June": the earlier mail's date put right
    text = corrected_house_numbers(text)        # "Amagerbrogade 240, not 204": the earlier mail's address put right
    text = corrected_sides(text)                # "3 m bred / undskyld 2,5 m bred": the width taken back put right
    client, text = _client_block(text, reference, for_a_client)
    text = _QUOTED_PARTY.sub("\n", text)        # a supplier's offer quoted under "Bilag:": another party's details
    out = labelled_values(text, reference)
    if "period_from" in out and (put_right := periods.corrected_period(text, reference)) is not None:
        out["period_from"], out["period_to"] = put_right.start.isoformat(), put_right.end.isoformat()
    _days_around_the_day(out, text, reference)
    if "contact_name" in out and _on_site_only(str(out["contact_name"]), text):
        del out["contact_name"]             # the writer is the one to ask about the application: the finders' signer
    if "contact_name" in out:               # a labelled contact ("Site supervisor: X") is named as the one to contact
        out["contact_name"] = _contact_instead_of_the_owner(_named_instead(str(out["contact_name"]), text), text)
        out["designated_contact"] = out["contact_name"]
        _writer_over_the_days_contact(out, text)
    for finder in _FINDERS:
        _put(out, finder(text, reference))
    _client_applies(out, reference)
    places = find_addresses(text) or lower_case_address(text)
    agent = [out.pop(k, None) for k in ("_agent_address", "_agent_address_postcode", "_agent_address_city")][0]
    if agent and str(places.get("address", "\0")).split(",")[0] == str(agent).split(",")[0]:
        places = {k: v for k, v in places.items() if k not in ("address", "postcode", "city")}  # the adviser's office
    own = places.get("address")
    if out.pop(PROPERTY_AS_ADDRESS, False) and own and not same_place(str(out["address"]), str(own)):
        # "Ejendommens adresse: X" in a letter whose letterhead or signature gives the business's own address: the
        # property is where the work is
        pc = f", {out['postcode']} {out['city']}" if out.get("postcode") and out.get("city") else ""
        out["activity_location"] = f"{out.pop('address')}{pc}"
        out.pop("postcode", None), out.pop("city", None)
    elif ("address" in out and "activity_location" not in out and own
          and not same_place(str(out["address"]), str(own))
          and (in_letterhead_or_signature(text, str(own), signature=False) or _own_office_line(text, str(own)))
          and not in_letterhead_or_signature(text, str(out["address"]), signature=False)):
        # "Adresse: Ryesgade 30" in an application under a letterhead with the business's own address (or with its
        # own office under a label of its own: "Vores kontor: Halmtorvet 29"): the site
        pc = f", {out['postcode']} {out['city']}" if out.get("postcode") and out.get("city") else ""
        out["activity_location"] = f"{out.pop('address')}{pc}"
        out.pop("postcode", None), out.pop("city", None)
    if "address" in out and str(places.get("address", "")).startswith(f"{out['address']},"):
        out["address"] = places["address"]      # "Address: Store Kongensgade 40, 1264 ..." and, signed, its floor
    elif "address" in out and places.get("address") and f"{out['address']}, {places['address']}" in text:
        out["address"] = places["address"]      # "Address: Pakhus 48, Amerika Plads 12, 2100": a building's street
    if "address" in out and places.get("address") != out["address"]:
        places = {k: v for k, v in places.items() if k not in ("postcode", "city")}   # they belong to another address
    elif (str(out.get("activity_location", "")).startswith(places.get("address", "\0"))
          and not in_letterhead_or_signature(text, str(places["address"]))):
        # the labelled site; another address in the text may be the business's ("Byggeplads: Vesterbrogade 112" and
        # the contractor's block "Brdr. Vinther A/S / Ørestads Boulevard 108, 4. / 2300 København S")
        street = str(places["address"]).split(",")[0]
        others = find_addresses(re.sub(rf"(?<![\w]){re.escape(street)}(?![\w])", " " * len(street), text))
        places = {k: v for k, v in others.items() if k in ("address", "postcode", "city")}
    places = _not_anothers_letterhead(out, text, places)
    _put(out, places)
    _letterhead_over_contractor(out, text)
    _cvr_of_the_company(out, text)
    _phone_of_the_contact(out, text)
    _phone_of_the_signer(out, text)
    _own_number_after(out, text)
    _mobile_asked_for(out, text)
    _email_of_the_contact(out, text)
    _email_asked_for(out, text)
    _email_of_another_sender(out, text)
    _phone_beside_the_email(out, text)
    site, company = out.get("activity_location"), out.get("company_name")
    if (isinstance(site, str) and isinstance(company, str)
            and re.search(rf"\s(?:i|på|in|at|on)\s{re.escape(site)}\b", company)
            and len(re.findall(rf"{re.escape(site)}(?![ \t]{{0,3}}\d)", text)) <= text.count(company)):
        del out["activity_location"]            # "Tandlægerne i Gothersgade ApS" (and only it) names no site
    elif (isinstance(site, str) and isinstance(company, str) and "address" not in out
          and (street := re.match(r"[^\W\d][^\d,\n]{2,40}?(?=[ \t]\d)", site))
          and re.search(rf"(?<![\w]){re.escape(street.group(0))}(?![\w])", company)):
        # "A/B Strandlodsvej 11 ... Ejendommen: Strandlodsvej 11", "Pension Studiestræde ApS ... ejendommen
        # Studiestræde 31": a business named after its street works at its own address
        place = re.sub(r",?[ \t]*\d{4}[ \t].*\Z", "", site)       # "Islands Brygge 27, st., 2300 København S"
        town = re.search(rf"(?<![\w]){re.escape(place)},?[ \t]{{1,2}}(?P<pc>\d{{4}})[ \t]{{1,2}}"
                         r"(?P<city>[^\W\d][^\n,.]{1,30})", text)
        out["address"] = place
        del out["activity_location"]
        if town:
            out["postcode"], out["city"] = town.group("pc"), town.group("city").strip()
    if client:
        if client.pop("_abroad", False) or "address" in client:
            displaced = [out.pop(k, None) for k in ("address", "postcode", "city")]   # not the client's
            at = text.find(str(displaced[0]).split(",")[0]) if displaced[0] else -1
            if at >= 0 and "activity_location" not in out and in_letter_text(text, at):
                out["activity_location"] = displaced[0]     # the agent's letter names the site: the client's work
        out.update(client)
        out[CLIENT] = tuple(client)
        if same_place(str(out.get("activity_location")), str(out.get("address"))):
            del out["activity_location"]
    return out


# a passage quoted whole on lines of its own that gives a CVR or an e-mail: another party's words ("Bilag: tilbud fra
# leverandør\n"Tilbud nr. 2207 – Aqua Teknik A/S, CVR 65607107, ... Kontakt: salg@..."")
_QUOTED_PARTY = re.compile(r'(?m)^[ \t]*["“„](?=[^"“”„\n]{0,400}(?:\bCVR\b|@))[^"“”„]{60,600}["”][ \t]*$')


def _days_around_the_day(out: dict, text: str, reference: date) -> None:
    """A labelled single day ("Dato: lørdag den 3. juli 2027", the concert) inside the range the text applies for
    ("brug af arealet fra torsdag den 1. juli til søndag den 4. juli 2027", with the build-up and take-down): the
    range is the period."""
    day = out.get("period_from")
    if not isinstance(day, str) or out.get("period_to") != day:
        return
    period = periods.find_period(text, reference)
    if (period.start and period.end and period.start < period.end
            and period.start.isoformat() <= day <= period.end.isoformat()):
        out["period_from"], out["period_to"] = period.start.isoformat(), period.end.isoformat()


CLIENT = "_client"      # the keys of the client an agent applies for, as a text gives them: they win over another text

# the client an agent applies for, in a block under a heading of its own ("Bygherre:", "Client:", "Owner and
# applicant:", "Arrangør (ansøger)", "Vi skriver på vegne af vores klient:"): its name with a legal form on the first
# line, then its CVR and address
_CLIENT_HEAD = (
    r"(?i)^(?:(?P<client>bygherre|bygherren|klient|kunde|client|customer|owner|developer)"
    # the one an agent's papers name as applying: needs the mail to say the writer applies for a client
    r"|(?P<applicant>applicant|ansøger)"
    # (either way round: "Ansøger og ejer", "Kunde / ansøger", "Bygherre / anmelder")
    r"|(?:applicant|ansøger|anmelder|(?:building[ \t])?owner|bygherre|ejer|client|kunde|organi[sz]er|arrangør"
    r"|developer)[ \t]*(?:and|og|/|\()[ \t]*"
    r"(?:applicant|ansøger|anmelder|organi[sz]er|arrangør|(?:building[ \t])?owner|ejer|bygherre|developer|client"
    r"|kunde)\)?"
    # "Ansøger (vores kunde):", "Applicant (our client):"
    r"|(?:ansøger|applicant)[ \t]*\((?:vores|vor|our)[ \t](?:kunde|klient|client|customer)\)"
    # "Selskabets adresse:" above the company's name, its c/o line and address
    r"|(?:selskabets|foreningens|virksomhedens|firmaets|(?:the )?company['’]?s|(?:the )?owner['’]?s)[ \t]"
    r"(?:adresse|address)"
    r"|.{0,60}\b(?:på vegne af|on behalf of)[ \t](?:vores|vor|min|our|my)[ \t](?:klient|kunde|client|customer"
    r"|bygherre))")
_CLIENT_HEADING = re.compile(_CLIENT_HEAD + r"[ \t]*:?$")
# the same heading with the client on its line: "Client and applicant: X ApS, CVR 24929787, c/o Y, Store Kongensgade
# 72, 1264 København K."
_CLIENT_INLINE = re.compile(_CLIENT_HEAD + rf"[ \t]*:[ \t]*(?P<name>[A-ZÆØÅ0-9][^:\n,]{{1,60}}[ \t]{SUFFIX}\.?)"
                            r"(?:[ \t]*,[ \t]*(?P<rest>[^\n]*))?$")
# a client heading alone needs the text to say that the writer applies for another
_FOR_ANOTHER = re.compile(r"(?i)\b(?:på vegne af|on behalf of|on (?:their|its|his|her) behalf|fuldmagt"
                          r"|power of attorney|på (?:kundens|klientens|bygherrens|ejerens"
                          r"|(?:ejer|andelsbolig)?foreningens|selskabets|lejers|lejerens) vegne)")


def writes_for_another(text: str) -> bool:
    """The writer applies for someone else ("på kundens vegne", "on behalf of our client", "fuldmagt")."""
    return _FOR_ANOTHER.search(text) is not None


# a client's name with its legal form
# (or its legal form first, "K/S Tagensvej 190", "E/F Istedgade 54"; or an association, "Andelsboligforeningen X")
_LEGAL_NAME = re.compile(rf"^[A-ZÆØÅ0-9][^:\n]{{1,60}}[ \t]{SUFFIX}\.?$"
                         r"|^(?:K/S|P/S|I/S|A/S|E/F|A/B)[ \t][A-ZÆØÅ0-9][^:\n,]{1,60}$")


def _client_block(text: str, reference: date, for_a_client: bool = False) -> tuple[dict[str, object], str]:
    """The client's name, CVR and address from a block under a client heading, and the text without the block's
    other lines (its owner or managing director is the client's, not the one to contact). ``for_a_client``: the mail
    the text came with says the writer applies for a client ("on behalf of our client we forward ..."), so the
    attached papers' "Client:", "Developer:" or "Applicant:" names that client."""
    lines = text.split("\n")
    for_another = for_a_client or _FOR_ANOTHER.search(text) is not None
    for i, line in enumerate(lines[:-1]):
        inline = _CLIENT_INLINE.match(line.strip())
        if (inline and (not inline.group("client") or for_another)
                and (not inline.group("applicant") or for_a_client and CVR_LABELLED.search(line))):
            return _inline_client(inline, lines[i + 1:i + 4], reference), text
        head = _CLIENT_HEADING.match(line.strip())
        name = lines[i + 1].strip()
        # ("Ansøger:" above a block needs the text to say the writer applies for another: the client is the applicant)
        if (not head or head.group("applicant") and not for_another
                or not (_LEGAL_NAME.match(name) or names_an_association(name))
                or head.group("client") and not for_another and not _anothers_letterhead(text, name)):
            continue
        block = list(islice((ln.strip() for ln in lines[i + 2:]), 6))
        block = block[:block.index("")] if "" in block else block
        found: dict[str, object] = {"company_name": name}
        for j, ln in enumerate(block):
            cvr = CVR_LABELLED.search(ln)
            if cvr and "cvr" not in found:
                found["cvr"] = digits(cvr.group("v"))
            pnr = P_LABELLED.search(ln)
            if pnr and "p_number" not in found:
                found["p_number"] = digits(pnr.group("v"))
            if "address" not in found and not cvr and not pnr and ":" not in ln:
                place = _block_address(block[j:], reference)
                if "address" in place:
                    found.update(place)
                elif re.search(r"\w[ \t]\d{1,4}[a-zA-Z]?,", ln):
                    found["_abroad"] = True     # "Torstraße 110, 10119 Berlin, Germany": an address, not a Danish one
        kept = [ln for ln in block if ":" not in ln or re.search(r"\d", ln)]
        rest = lines[:i + 2] + kept + lines[i + 2 + len(block):]
        return found, "\n".join(rest)
    return _client_in_sentence(text, reference), text


# the client named in the writer's sentence with its own CVR: "På vegne af vores kunde, Vibes Blomster v/ Lise Bech,
# Frederikssundsvej 78, 2400 København NV (CVR 21043842), anmelder vi ...", "on behalf of our client, X, CVR ..."
_CLIENT_SENTENCE = re.compile(
    r"(?i:\b(?:på[ \t]vegne[ \t]af|on[ \t]behalf[ \t]of|for)[ \t](?:vores|vor|min|mit|our|my)[ \t]"
    r"(?:kunde|klient|client|customer)"
    # "Vi administrerer ejendommen ... på vegne af ejeren, K/S Tagensvej 140 (CVR 86250292)"
    r"|\bpå[ \t]vegne[ \t]af[ \t](?:ejeren|bygherren)|\bon[ \t]behalf[ \t]of[ \t]the[ \t](?:owner|developer)"
    # "Som administrator for Ejerforeningen Strandboulevarden 86-88 (CVR 43 92 01 11) søger vi", "as managing agent for"
    r"|\b(?:som|as)[ \t](?:the[ \t])?(?:ejendoms)?(?:administrator|property[ \t]manager|managing[ \t]agent)[ \t]"
    r"(?:for|of)"
    # "Vi er arkitekter for Ejendomsselskabet X K/S (CVR ...), som ønsker at indrette ...", "We are the engineers for"
    r"|\b(?:vi[ \t]er|we[ \t]are|we['’]re)[ \t](?:the[ \t])?(?:arkitekt(?:er|erne)?|architects?|rådgiver(?:e|ne)?"
    r"|ingeniør(?:er|erne)?|engineers?|konsulent(?:er|erne)?|consultants?)[ \t](?:for|of))"
    r",?[ \t]+(?P<name>[A-ZÆØÅ][^,\n()]{1,60}?)(?:[ \t]*,[ \t]*"
    r"(?P<rest>[^\n()]{0,80}?))?[ \t]*[,(][ \t]*(?P<cvr>(?i:cvr)[^\d\n]{0,8}\d(?:[ ]?\d){7})(?!\d)")


def _client_in_sentence(text: str, reference: date) -> dict[str, object]:
    """The client, its address and its CVR, as the writer's sentence names them (an agent's own CVR is no client's)."""
    m = _CLIENT_SENTENCE.search(text)
    cvr = CVR_LABELLED.search(m.group("cvr")) if m else None
    if not m or not cvr:
        return {}
    found: dict[str, object] = {"company_name": m.group("name"), "cvr": digits(cvr.group("v"))}
    found.update(normalise_value("address", (m.group("rest") or "").strip(" ,."), reference))
    if "address" not in found:
        # the property the client's sentence goes on to name with its postcode ("..., som ønsker at indrette fire
        # tagboliger i tagetagen på Ny Carlsberg Vej 80, 1799 København V."): the client's own
        tail = _CLIENTS_PROPERTY.match(text, m.end())
        place = find_addresses(tail.group("v")) if tail else {}
        if "postcode" in place:
            found.update({k: v for k, v in place.items() if k in ("address", "postcode", "city")})
    return found


_CLIENTS_PROPERTY = re.compile(r"\)?[ \t]*,?[ \t]*(?:som|der|which|who)[ \t]"
                               r"(?P<v>[^.!?\n]{0,160}?\d{4}[ \t][^\W\d][^\n.,]{1,30})")


def _inline_client(head: re.Match[str], following: list[str], reference: date) -> dict[str, object]:
    """The client's name, CVR and address written on the heading's line, which a PDF may wrap onto the next lines (up
    to the sentence's end, a blank line or another label)."""
    rest = head.group("rest") or ""
    for line in following:
        if rest.rstrip().endswith(".") or not line.strip() or ":" in line:
            break
        rest = f"{rest} {line.strip()}"
    name = head.group("name")
    name = name if name.endswith(("o.", "V.", "Inc.", "Ltd.")) else name.rstrip(".")
    found: dict[str, object] = {"company_name": name}
    for key, pattern in (("cvr", CVR_LABELLED), ("p_number", P_LABELLED)):
        number = pattern.search(rest)
        if number:
            found[key] = digits(number.group("v"))
            rest = rest[:number.start()] + rest[number.end():]
    found.update(normalise_value("address", rest.strip(" ,."), reference))
    for line in following[:2]:
        labelled = re.match(r"[ \t]*(?P<label>[^:\n]{2,60}):[ \t]*(?P<v>\S[^\n]*)", line)
        key = label_key(labelled.group("label")) if labelled else None
        if "address" not in found and labelled and key == "address":
            # "Applicant: X ApS, CVR ..." above "Address of the plant and of the company: Vasbygade 10, 2450 ...": the
            # client's address on the next line
            found.update(normalise_value("address", labelled.group("v").strip(" ,."), reference))
        if key != "cvr" or not labelled:
            break
        # "Ansøger (bygherre): X ApS" / "CVR: 63688002" / "Adresse: Strandvejen 100, 2900 Hellerup": its CVR's line,
        # then its address's
        found.setdefault("cvr", digits(labelled.group("v")))
    return found


def _not_anothers_letterhead(out: dict, text: str, places: dict[str, str]) -> dict[str, str]:
    """The address of a letterhead that names another company than the one the text applies for (a consultant's,
    contractor's or agency's: "Aqua Consult ApS · Strandlodsvej 44 · ..." above "Applicant: CleanCar Copenhagen ApS,
    Kløvermarksvej 70") is the writer's: the addresses of the text below it."""
    company, address = out.get("company_name"), places.get("address")
    head = letterhead_end(text)
    if not (head and isinstance(company, str) and address
            and in_letterhead_or_signature(text, address, signature=False)):
        return places
    name = re.sub(rf"[ \t]+{SUFFIX}\.?$", "", company).casefold()
    if name in text[:head].casefold() or not COMPANY.search(text[:head]):
        return places                   # the company's own letterhead, or one that names no company by its form
    others = find_addresses(" " * head + text[head:])
    return others if others.get("address") else places


def _block_address(lines: list[str], reference: date) -> dict[str, object]:
    """The address that starts a block's line, with its floor and its postcode and town on the lines below when they
    are written apart ("Frederiksberg Allé 15 / 2. sal / 1820 Frederiksberg C"); a CVR line ends it."""
    lines = list(islice(itertools.takewhile(lambda ln: not CVR_LABELLED.search(ln) and ":" not in ln, lines), 4))
    joins = [", ".join(lines[:n]) for n in range(len(lines), 0, -1)]
    places = [normalise_value("address", joined, reference) for joined in joins]
    with_postcode = next((p for p in places if "address" in p and "postcode" in p), None)
    return with_postcode or next((p for p in reversed(places) if "address" in p), {})


def _anothers_letterhead(text: str, client: str) -> bool:
    """A text whose first line names another company by its legal form than the client under its heading: an
    architect's or engineer's project description for the owner ("Tegnestuen X ApS · Valby Langgade 49 ...")."""
    first = next((ln for ln in text.split("\n", 5)[:5] if ln.strip()), "")
    return any(clean_company(m.group("v")) not in (None, client) for m in islice(COMPANY.finditer(first), 3))


# the firm that does the work for the one who applies: "Contractor: Kabel & Graveservice ApS, CVR ..."
_CONTRACTOR_LINE = re.compile(r"(?im)^[ \t]*(?:contractor|entreprenør|udførende(?: entreprenør| firma)?|executed by"
                              r"|udføres af)[ \t]*:[ \t]*(?P<v>[^\n,(]{2,80})")


def _letterhead_over_contractor(out: dict, text: str) -> None:
    """A letter under a company's letterhead (its name with a legal form and its CVR at the top) that names a
    "Contractor:" is the letterhead company's application; the contractor only does the work."""
    company = out.get("company_name")
    head = text[:letterhead_end(text)]
    if not isinstance(company, str) or not head:
        return
    named = next((m for m in islice(_CONTRACTOR_LINE.finditer(text), 5) if company in m.group("v")), None)
    own = next((m.group(0).strip() for m in re.finditer(rf"(?m)^[ \t]*[A-ZÆØÅ][^\n:]{{1,60}}[ \t]{SUFFIX}\.?[ \t]*$",
                                                         head)), None)
    cvr = CVR_LABELLED.search(head)
    if named and own and own != company and cvr:
        out["company_name"], out["cvr"] = own, digits(cvr.group("v"))


def _cvr_of_the_company(out: dict, text: str) -> None:
    """With two CVR numbers in a text ("Bygherre er X K/S (CVR ...)" above the contractor's signature), the one written
    right after the company the text is from."""
    company = out.get("company_name")
    if not isinstance(company, str) or "cvr" not in out:
        return
    cvrs = [(m.start(), digits(m.group("v"))) for m in islice(CVR_LABELLED.finditer(text), 20)]
    if len({v for _, v in cvrs}) < 2 or out["cvr"] not in {v for _, v in cvrs}:
        return
    ends = [m.end() for m in islice(re.finditer(re.escape(company), text), 10)]
    # (not past another company named between: "X ApS skal ... Vi får hjælp af Miljøteknik ApS (CVR ...)")
    near = [(at - end, v) for end in ends for at, v in cvrs
            if 0 <= at - end <= 120 and not _under_another_company(text[end:at], company)]
    if near:
        out["cvr"] = min(near)[1]
        return
    # a CVR under another company's name is that company's (an accountant's signature, "Lund Revision ApS /
    # Frederiksberggade 16 / CVR 95220703", above the client's own "vores CVR er 10410800" in the mail it forwards)
    # ("Vores CVR-nr. er X" below "vi får hjælp af Miljøråd ApS (CVR Y)": the one the writer calls its own is not)
    anothers = {v for at, v in cvrs if _under_another_company(text[max(0, at - 120):at], company)
                and not _OUR_CVR.search(text, max(0, at - 25), at + 3)}
    if out["cvr"] in anothers:
        out["cvr"] = next((v for _, v in cvrs if v not in anothers), out["cvr"])


# ("Foreningens eget CVR-nr. er ...", "Vores eget CVR-nummer er ...", "the association's own CVR")
_OUR_CVR = re.compile(r"(?i)\b(?:(?:vores|vort|vor|mit|min|our|my)(?:[ \t]{1,2}(?:eget|egen|own))?"
                      r"|\w+(?:s|['’]s)[ \t]{1,2}(?:eget|egen|own))[ \t]{1,2}cvr")


def _under_another_company(before: str, company: str) -> bool:
    """The last company named by its legal form in ``before`` (the text up to a CVR) is not ``company``."""
    named = [clean_company(m.group("v")) for m in COMPANY.finditer(before)]
    return bool(named) and named[-1] is not None and named[-1].casefold() != company.casefold()


# a Danish number in four pairs, with or without +45 ("+45 28 16 47 39", "32551890")
# the business's own office under a label of its own: "Vores kontor: Halmtorvet 29, 1700 København V", "Our office:"
_OWN_OFFICE_LINE = re.compile(r"(?im)^[ \t]*(?:vores|vort|our)(?:[ \t]+(?:eget|own))?[ \t]+(?:kontor|office)[ \t]*:"
                              r"[ \t]*(?P<a>[^\n]+)")


def _own_office_line(text: str, address: str) -> bool:
    """``address`` is the one on the line labelled as the business's own office."""
    street = address.split(",")[0]
    return any(m.group("a").startswith(street) for m in islice(_OWN_OFFICE_LINE.finditer(text), 5))


_PHONE_NEAR = re.compile(r"(?<![\d+])(?<!\d[ \t])" + DK_NUMBER + r"(?!\d)")   # not within "+44 20 7946 0831"
# a label of another number between the name and the digits ("Lone Brink\nCVR-nummer: 49445709")
# a signature's line for the firm's number, not the signer's: "Main office: +45 43 44 50 00", "Omstilling 33 ..."
_SWITCHBOARD = re.compile(r"(?i)\b(?:main|hoved\w*|omstilling|switchboard|reception|kontor\w*|office|central)\b")
_OTHER_NUMBER = re.compile(r"(?i)\b(?:cvr|p-?n|se-?n|reg|konto|ean|org|moms|vat|faktura|ordre"
                           r"|sag(?:s?nr|snummer)?\b)|\d")              # (not "sagsbehandler": a person's title)


def _line_before(text: str, at: int) -> str:
    """The line of ``text`` up to ``at``."""
    return text[text.rfind("\n", 0, at) + 1:at]


def _labels_another_number(line: str) -> bool:
    """The line before a phone labels it as another number: a CVR's, an account's, the switchboard's."""
    return bool(_OTHER_NUMBER.search(line) or _SWITCHBOARD.search(line))


def _phone_of_the_contact(out: dict, text: str) -> None:
    """With a person named as the one to contact ("kontakt min kollega Sanne Riis på 26 70 11 93"), the phone written
    right after that name (in the same paragraph) over the writer's own in the signature."""
    contact = out.get("designated_contact")
    if not isinstance(contact, str) or " " not in contact:
        return
    for m in islice(re.finditer(re.escape(contact), text), 5):
        # (a number starting within 80, read whole, with a mobile after it: "... 35 37 12 45 (kontoret) / 29 87 65 43
        # (mobil)")
        stretch = text[m.end():m.end() + 160].split("\n\n")[0]
        near = _PHONE_NEAR.search(stretch)
        if (near and near.start() < 80 and not _OTHER_NUMBER.search(stretch[:near.start()])
                and not _SWITCHBOARD.search(_line_before(stretch, near.start()))):
            then = _MOBILE_AFTER.match(stretch, near.end())
            phone = normalise_phone(then.group("v") if then else near.group(0))
            if phone:
                out["phone"] = phone
                return


def _phone_of_the_signer(out: dict, text: str) -> None:
    """Questions to be answered by the undersigned ("Spørgsmål ... kan rettes til undertegnede"): the phone in the
    signature over a mobile the text gives for someone else ("Pladsformand er Henrik Kjær, mobil 22 61 09 45")."""
    start = signature_start(text)
    # "Selskabets kontaktperson i sagen er driftschef Hanne Juul, ..., tlf. 38 10 45 66. Juridiske spørgsmål kan rettes
    # til undertegnede": the contact is another than the signer, and so is the phone
    signer, contact = signature_name(text.split("\n")), out.get("contact_name")
    if signer and isinstance(contact, str) and " " in contact and looks_like_person(contact) and contact != signer:
        return
    found = next((m for m in islice(_PHONE_NEAR.finditer(text), 30) if normalise_phone(m.group(0)) == out.get("phone")),
                 None)
    if not _TO_THE_SIGNER.search(text) or (found is not None and found.start() >= start):
        return                                  # (a phone the signature gives already: its own choice stands)
    signed = next((m for m in islice(_PHONE_NEAR.finditer(text, start), 5) if start > 0
                   and not _labels_another_number(_line_before(text, m.start()))), None)
    phone = normalise_phone(signed.group(0)) if signed else None
    if phone:
        out["phone"] = phone


# a person's name right before a phone, in brackets or after a comma: "Their site manager, Thomas Lauritsen (+45 24 61
# 90 37), will be on site", "formand Jens Ravn, tlf. 28 ..."
_NAME_BEFORE_PHONE = re.compile(r"(?P<name>[A-ZÆØÅ][\w'’\-]+(?:[ \t][A-ZÆØÅ][\w'’\-]+){1,2})"
                                r"(?:[ \t]*,[ \t]*[^\n,()\d@]{2,30}?)?"       # ("Kim Bach, projektleder, 20 91 33 48")
                                r"[ \t]*[(,][ \t]*"
                                r"(?:(?i:tlf|tel|telefon|mobil|mobile|phone|mob)\.?:?[ \t]*)?\Z")


def _person_after_role(name: str) -> str:
    """``name`` without a capitalised role word before the person's own ("VVS'er Brian Munk", "Tømrer Ole Dam"): the
    two or three last words when the whole is no person's name but they are."""
    words = name.split()
    if looks_like_person(name) or len(words) < 3:
        return name
    return " ".join(words[1:]) if looks_like_person(" ".join(words[1:])) else name


def phone_of_the_contact(text: str, phone: str, contact: str, cvr: str = "") -> str | None:
    """``phone``, unless the text writes it only right after another person's name ("Their site manager, Thomas
    Lauritsen (+45 24 61 90 37), ... For everything else, please contact me"): then the first phone the text gives no
    one else (not a switchboard's nor the CVR), else None rather than the wrong one."""
    if " " not in contact:
        return phone

    def anothers(m: re.Match[str]) -> bool:
        o = _NAME_BEFORE_PHONE.search(text, max(0, m.start() - 60), m.start())
        name = _person_after_role(o.group("name")) if o else ""
        return (o is not None and looks_like_person(name) and not is_title(name)
                and name != contact and contact.split()[0] not in name
                or _IN_COPY.search(text, max(0, m.start() - 100), m.start()) is not None
                and contact not in text[max(0, m.start() - 140):m.start()])

    phones = [(m, number) for m in islice(_PHONE_NEAR.finditer(text), 30) if (number := normalise_phone(m.group(0)))]
    seen = [m for m, number in phones if number == phone]
    if not seen or not all(anothers(m) for m in seen):
        return phone
    return next((number for m, number in phones if number not in (phone, cvr) and not anothers(m)
                 and not _labels_another_number(_line_before(text, m.start()))), None)


def _email_of_the_contact(out: dict, text: str) -> None:
    """With a person named as the one to contact ("Contact person:\nMr. Klaus Petersen, project manager\nMobile ...\n
    k.petersen@..."), the e-mail written right after that name (in the same paragraph) over the letterhead's."""
    contact = out.get("designated_contact")
    if not isinstance(contact, str) or " " not in contact:
        return
    for m in islice(re.finditer(re.escape(contact), text), 5):
        stretch = text[m.end():m.end() + 150].split("\n\n")[0]
        near_ones = [e for e in EMAIL.finditer(stretch) if not IGNORED_EMAIL.search(e.group(0))
                     and not _INVOICES_TO.search(stretch, max(0, e.start() - 40), e.start())]
        near = next((e for e in near_ones if _WRITE_TO_ME.search(stretch, max(0, e.start() - _TO_ME_REACH), e.start())),
                    near_ones[0] if near_ones else None)
        if near:
            out["contact_email"] = near.group(0).lower()
            return


# the number written with the contact's e-mail in one clause: "tomas.p@...dk, +45 60 38 12 74", "kan fanges på lise@...
# eller 31 70 45 12", "contact ... at gareth@... or 28 16 47 93", "ring ... på 40 82 19 33 eller skriv til jr@...": that
# person's own, over a number the signature gives (the writer's, the office's)
_PHONE_THEN_EMAIL = re.compile(rf"(?<![\d+])(?P<v>{DK_NUMBER})(?!\d)[ \t]{{0,3}}(?:,|eller|or)[ \t]{{1,3}}"
                               r"(?:(?:skriv|write|mail|e-?mail)(?:[ \t]{1,3}(?:til|to))?[ \t]{1,3})?"
                               r"(?:(?:på|at)[ \t]{1,3})?\Z", re.IGNORECASE)
_EMAIL_THEN_PHONE = re.compile(r"[ \t]{0,3}(?:,|eller|or)[ \t]{1,3}(?:(?:på|on|at|tlf\.?|tel\.?|phone|mobil\w*|mobile)"
                               rf"[ \t:]{{1,3}})?(?P<v>{DK_NUMBER})(?!\d)", re.IGNORECASE)


_CAPITALISED_NAME = re.compile(r"(?<![\w\-])[A-ZÆØÅ][\w'’\-]+(?:[ \t][A-ZÆØÅ][\w'’\-]+){0,2}")


def _phone_beside_the_email(out: dict, text: str) -> None:
    """The phone written beside the contact's e-mail (``_EMAIL_THEN_PHONE``, ``_PHONE_THEN_EMAIL``) over another, where
    the last person named before the address, in its paragraph, is the contact (not "My co-owner Freja Juul
    (freja@..., 28 ...)" under the contact's own lines); a mobile after it is the person's own ("35 37 12 45 (kontoret)
    / 29 87 65 43 (mobil)")."""
    email, contact = out.get("contact_email"), out.get("contact_name")
    if not isinstance(email, str) or not isinstance(contact, str) or "phone" not in out:
        return
    for m in islice(re.finditer(re.escape(email), text, re.IGNORECASE), 5):
        beside = _EMAIL_THEN_PHONE.match(text, m.end()) or _PHONE_THEN_EMAIL.search(text, max(0, m.start() - 60),
                                                                                      m.start())
        phone = normalise_phone(beside.group("v")) if beside else None
        if not beside or not phone or _labels_another_number(_line_before(text, beside.start("v")).replace(email, "")):
            continue
        start = max(0, m.start() - 200, text.rfind("\n\n", 0, m.start()))
        people = [n.group(0) for n in _CAPITALISED_NAME.finditer(text, start, min(m.start(), beside.start("v")))
                  if n.group(0) in (contact, contact.split()[0]) or looks_like_person(n.group(0))]
        if not people or people[-1] not in (contact, contact.split()[0]):
            continue
        then = _MOBILE_AFTER.match(text, beside.end("v"))
        out["phone"] = normalise_phone(then.group("v")) if then else phone
        return


def _email_asked_for(out: dict, text: str) -> None:
    """An address the writer asks to be written to ("men skriv gerne direkte til mig på idar@...", "please write to
    me directly at ...") over a shared one the contact's line named first."""
    asked = next((m for m in islice(EMAIL.finditer(text), 20) if not IGNORED_EMAIL.search(m.group(0))
                  and _WRITE_TO_ME.search(text, max(0, m.start() - _TO_ME_REACH), m.start())), None)
    if asked and "contact_email" in out:
        out["contact_email"] = asked.group(0).lower()


# the From line of a forwarded or quoted mail: "Fra: Ida Winkel <ida@krukke.dk>", "From: Simon Rask [mailto:...]"
_FROM_LINE = re.compile(r"(?im)^[ \t]*\*?(?:fra|from)[ \t]*:[ \t]*(?P<name>[^\n<\[@]*?)[ \t]*[<\[]?(?:mailto:)?"
                        r"(?P<email>[^\s<>\[\]]+@[^\s<>\[\]]+)")


def _email_of_another_sender(out: dict, text: str) -> None:
    """An e-mail found only on the From line of a mail forwarded inside the text, written by someone other than the
    contact ("Jeg videresender lige nedenstående fra min kompagnon ... Mvh Maja Friis / Fra: Ida Winkel
    <ida@krukke.dk>"): the other person's address, not the contact's."""
    email, contact = out.get("contact_email"), out.get("contact_name")
    if not isinstance(email, str) or not isinstance(contact, str):
        return
    lines = [m for m in islice(_FROM_LINE.finditer(text), 10) if m.group("email").lower() == email]
    if (lines and all(m.group("name").strip(" \"'") and contact.casefold() not in m.group("name").casefold()
                      for m in lines)
            and text.lower().count(email) == len(lines)):
        del out["contact_email"]


def _tame(text: str) -> str:
    """Bound whitespace and punctuation runs, so that no pattern backtracks over a long run."""
    text = re.sub(r"\s{10,}", lambda m: "\n\n" if "\n" in m.group(0) else "   ", text)
    text = re.sub(r"\d{30,}", lambda m: m.group(0)[:30], text)
    return re.sub(r"([^\w\s])\1{5,}", r"\1\1\1\1\1", text)


def _find_cvr(text: str, _ref: date) -> dict:
    labelled = list(islice(CVR_LABELLED.finditer(text), 20))
    # the one the writer calls its own ("Foreningens eget CVR-nr. er ...") over another party's written before it
    own = next((m for m in labelled if _OUR_CVR.search(text, max(0, m.start() - 25), m.start() + 3)), None)
    # another party's, named by its role right before it ("Our Danish accountant, X ApS (CVR ...)", "the offices of
    # our client X P/S (CVR ...)"): not the applicant's, even when alone
    others = [m for m in labelled if _ANOTHERS_CVR.search(text, max(0, m.start() - 110), m.start())]
    kept = [m for m in labelled if m not in others]
    if own or kept:
        return {"cvr": digits((own or kept[0]).group("v"))}
    if others:
        return {}
    for pattern in (CVR_DK,):
        m = pattern.search(text)
        if m:
            return {"cvr": digits(m.group("v"))}
    for pattern in (CVR_AFTER_FORM, CVR_REG_NO):
        m = next((m for m in islice(pattern.finditer(text), 10) if stdnum_cvr.is_valid(digits(m.group("v")))), None)
        if m:
            return {"cvr": digits(m.group("v"))}
    return {}


# a party other than the applicant by its role, its name, then its CVR (after a comma or in brackets)
_ANOTHERS_CVR = re.compile(
    r"(?i)(?<![\w])(?:udlejer(?:en)?|landlord|(?:ejendoms)?administrator(?:en)?|property[ \t]manager"
    r"|(?:our|my|vores|vor|min)[ \t]+(?:(?:danske?|danish|local|lokale?)[ \t]+)?(?:accountants?|auditors?|bookkeepers?"
    r"|lawyers?|solicitors?|revisor(?:er)?|bogholder|advokat(?:er)?|agent(?:er|s)?)"
    r"|(?<![\w])(?<!behalf[ \t])of[ \t]+(?:our|my)[ \t]+(?:client|customer))"
    r"(?:[ \t]+(?:er|is))?(?:,?[ \t]{1,2}|[ \t]{0,2}\()(?-i:[A-ZÆØÅ])[^.;:()\n]{0,60}?"
    r"(?:,[ \t]{0,2}|[ \t]{0,2}\([ \t]{0,2})\Z")


# "CVR 24554279 / P 1017766542": a bare "P" right after the CVR labels the P-number
_P_AFTER_CVR = re.compile(r"(?i:\bcvr)[^\n\d]{0,12}\d{8}[ \t]*[/,|][ \t]*P\.?[ \t:]{1,3}(?P<v>\d{10})(?![\d])")


def _find_p_number(text: str, _ref: date) -> dict:
    m = P_LABELLED.search(text) or _P_AFTER_CVR.search(text)
    if m:
        return {"p_number": digits(m.group("v"))}
    # announced further on in the sentence: "P-nummeret for Blågårdsgade 8 er 1003948217"; never what is a CPR number
    cpr_starts: set[int] | None = None
    for label in islice(P_LABEL.finditer(text), 20):
        announced = announced_p_number(text, label.end())
        if announced is None:
            continue
        if cpr_starts is None:
            cpr_starts = {start for start, _ in find_cpr(text)}
        if announced.start("v") not in cpr_starts:
            return {"p_number": digits(announced.group("v"))}
    return {}


def _find_phone(text: str, _ref: date) -> dict:
    for m in islice(PHONE_REACH.finditer(text), 5):
        phone = normalise_phone(m.group("v"))
        if phone and not _SOMEONE_ELSE_REACHED.search(text, max(0, m.start() - 60), m.start()):
            return {"phone": phone}
    direct = _DIRECT_BESIDE_SWITCHBOARD.search(text)
    if direct and normalise_phone(direct.group("v")):
        return {"phone": normalise_phone(direct.group("v"))}
    labelled = [(m, phone) for m in islice(PHONE_LABELLED.finditer(text), 20)
                if (phone := normalise_phone(m.group("v")))]
    if labelled:
        phone = _own_line(text, labelled)
        m = next(m for m, p in labelled if p == phone)
        then = _MOBILE_AFTER.match(text, m.end())      # "Tel. 33 91 27 65 / 40 26 73 18 (mobile)": the person's own
        return {"phone": (normalise_phone(then.group("v")) or phone) if then else phone}
    for pattern in (PHONE_INTL, PHONE_GROUPED, PHONE_SPELLED, PHONE_CALLED):
        for m in pattern.finditer(text):
            if not NOT_PHONE_CONTEXT.search(text[max(0, m.start() - 20):m.start()]):
                phone = normalise_phone(m.group("v"))
                if phone:
                    return {"phone": phone}
    wrapped = next((m for m in islice(_PHONE_WRAPPED.finditer(text), 20)
                    if not NOT_PHONE_CONTEXT.search(text[max(0, m.start() - 20):m.start()])
                    and normalise_phone(m.group("v"))), None)
    if wrapped:
        return {"phone": normalise_phone(wrapped.group("v"))}
    # eight digits alone on a line of the signature ("Holmbladsgade 88, 2.th, 2300 kbh S\n28551946"), not a CVR
    start = signature_start(text)
    joined = re.sub(r"(?<=\d) (?=\d)", "", text)
    bare = next((m for m in islice(_BARE_NUMBER_LINE.finditer(text, start), 5) if start > 0
                 and not re.search(rf"(?i)\b(?:cvr|p)[^\n\d]{{0,12}}{m.group('v')}", joined)), None)
    return {"phone": normalise_phone(bare.group("v"))} if bare and normalise_phone(bare.group("v")) else {}


# another person reached at a number, in the sentence before its cue: "(min mand Klaus kan også træffes på 20 88 14
# 60)", "my colleague can be reached on ...", "han kan træffes på ..."
_SOMEONE_ELSE_REACHED = re.compile(rf"(?i)(?:\b(?:min|mit|vores|my|our)[ \t]+(?:{RELATIVES}|kollega|colleague)\b"
                                   r"|\b(?:han|hun|he|she)\b)[^.!?\n(]{0,40}\Z")


_BARE_NUMBER_LINE = re.compile(r"(?m)^[ \t]*(?:\+45[ \t]?)?(?P<v>[2-9]\d{7})[ \t]*$")


# the same signature's own number right after the switchboard's: "Tlf.: 32 55 18 90\nMobil: 27 11 40 62",
# "T +45 43 62 90 00 | M +45 28 16 47 39", and any after a nationwide 70-number: "+45 70 20 31 31 / +45 21 67 09 42"
# ("Tlf. 33 45 90 00 (omstilling) – direkte 53 70 21 66": the switchboard marked as such, a dash between)
_MOBILE_NEXT = re.compile(r"[ \t]{0,3}(?:\((?i:omstilling|hovednummer|switchboard|reception|main(?:[ \t]line)?)\)"
                          r"[ \t]{0,3})?"
                          r"(?:[|/·,–][ \t]{0,3}|\n[ \t]{0,3})"
                          r"(?P<label>(?i:mobil\w*|mobile|mob|cell|m|direkte|direct)\.?:?[ \t]{0,2})?"
                          rf"(?P<v>{DK_NUMBER})(?![\d])")


def _own_number_after(out: dict, text: str) -> None:
    """The phone found gives way to the person's own number written right after it (``_MOBILE_NEXT``), unless it is
    itself labelled as the direct or mobile one."""
    phone = out.get("phone")
    m = next((m for m in islice(_PHONE_NEAR.finditer(text), 30) if normalise_phone(m.group(0)) == phone), None)
    if not isinstance(phone, str) or m is None:
        return
    # ("Direkte: 33 21 47 60 | Mobil: 51 84 30 92": a direct line labelled so still gives way to the mobile after it
    # on its line; on a line of its own below it, the direct line stands unless the writer asks for the mobile)
    labelled = _DIRECT.search(text, max(0, m.start() - 12), m.start())
    if labelled and not _DIRECT_ONLY.fullmatch(labelled.group(0)):
        return
    if _MARKED_DIRECT.match(text, m.end()):     # "tlf. 32 57 19 40 (direkte) eller mobil 21 48 66 02": the first
        return
    then = _MOBILE_NEXT.match(text, m.end())
    if labelled and not (then and then.group("label") and _MOBILE_LABEL.match(then.group("label"))
                         and "\n" not in then.group(0)):
        return
    if then and (then.group("label") or (phone.startswith("70") and "\n" not in then.group(0))):
        out["phone"] = normalise_phone(then.group("v")) or phone


# the writer asks to be called on the mobile: "Ring helst på mobilen på selve dagen", "please call my mobile rather than
# the office"
_MOBILE_ASKED = re.compile(r"(?i)\b(?:ring\w*|call|phone|reach|contact|kontakt\w*|fang)\b[^.!?\n\d]{0,30}?"
                           r"\b(?:min[ \t]+mobil(?:telefon)?|mobilen|mobiltelefonen|my[ \t]+(?:mobile|cell)"
                           r"(?:[ \t]?phone)?)\b")
_MOBILE_LABEL = re.compile(r"(?i)(?:mobil\w*|mobile|mob|cell)\b|(?-i:M)(?=:)")


def _mobile_asked_for(out: dict, text: str) -> None:
    """A signature's number labelled mobile, when the writer asks to be called on the mobile, over a direct line or
    switchboard given before it."""
    if not _MOBILE_ASKED.search(text):
        return
    mobile = next((phone for m in islice(PHONE_LABELLED.finditer(text), 20)
                   if _MOBILE_LABEL.match(m.group(0)) and (phone := normalise_phone(m.group("v")))), None)
    if mobile:
        out["phone"] = mobile


# "T +45 33 12 40 00 | D +45 33 12 40 17": a signature's switchboard, then the writer's direct (or mobile) line
_LETTER_PHONE = _PHONE_NEAR.pattern
_DIRECT_BESIDE_SWITCHBOARD = re.compile(rf"(?m)(?:^|[ \t|·•])T\.?:?[ \t]{{0,2}}{_LETTER_PHONE}[ \t]{{0,3}}"
                                        rf"[|·•/,]?[ \t]{{0,3}}(?:D|M|Dir|Mob)\.?:?[ \t]{{0,2}}(?P<v>{_LETTER_PHONE})")


# "ring til undertegnede på 42 61\n70 98": a phone in pairs broken by the line wrap of a PDF
_PHONE_WRAPPED = re.compile(r"(?<![\d\w+-])(?<!\d[ ])(?P<v>[2-9]\d(?:[ ]\d\d){0,2}[ ]?\n[ ]?\d\d(?:[ ]\d\d){0,2})"
                            r"(?![\d])")


# "33 91 27 65 / 40 26 73 18 (mobile)": a second number after the first, marked as the person's own
# ("Tlf. 35 26 40 11 (klinikken) eller 20 68 33 94 (min mobil)": the first one's place in brackets, the own one's too)
_MOBILE_AFTER = re.compile(r"(?:[ \t]{0,2}\([^()\n\d]{1,30}\))?[ \t]{0,2}(?:/|,|og|or|eller)[ \t]{0,2}"
                           rf"(?P<v>{DK_NUMBER})"
                           r"(?!\d)[ \t]{0,2}\(?(?i:(?:min|my)[ \t])?(?i:mobil\w*|mobile|mob|cell|direkte|direct)\b")
_DIRECT = re.compile(r"(?i)\b(?:direkte|direct|dir|mobil\w*|mob|mobile|cell)\b")
_DIRECT_ONLY = re.compile(r"(?i)direkte|direct|dir")
# a number marked as the writer's direct line in brackets right after it: "32 57 19 40 (direkte)"
_MARKED_DIRECT = re.compile(r"(?i)[ \t]{0,2}\((?:direkte|direct|dir\.?)(?:[ \t]{1,2}(?:nr|linje|line|tlf)\.?)?\)")


def _own_line(text: str, labelled: list[tuple[re.Match[str], str]]) -> str:
    """Of several labelled phones in a letter, the one of the person who writes: a phone labelled direct or mobile,
    or one in the signature block, over the company's switchboard in the letterhead ("Tlf. 38 28 14 70" at the top,
    "Montør, mobil 28 90 45 17" under the name)."""
    def direct(m: re.Match[str]) -> bool:            # "mobil 28 ...", "direkte telefon 33 ..."
        return _DIRECT.search(text, max(0, m.start() - 10), m.start() + 8) is not None

    first = labelled[0]
    if len(labelled) == 1 or direct(first[0]) or _MARKED_DIRECT.match(text, first[0].end()):
        return first[1]
    signature = signature_start(text)
    own = [phone for m, phone in labelled[1:] if direct(m) or m.start() >= signature > first[0].start()]
    return own[0] if own else first[1]


# the line of a quoted mail's header naming its recipient ("To: trafik@...", "Til: byliv@...", "Cc: ...") or the line
# introducing a quoted reply ("On Thu, 3 Dec 2026, Københavns Erhvervsservice <erhverv@...> wrote:"): the address of
# whoever the earlier mail went to or came from, not the applicant's to write to
_RECIPIENT_LINE = re.compile(r"(?im)^[ \t>]{0,8}\*?(?:to|til|cc|sendt til)[ \t]*:[^\n]{0,200}\Z")
_QUOTED_BY = re.compile(r"(?i)[^\n]{0,40}>?[ \t]{0,3}(?:wrote|skrev)[ \t]*:")
_LINE_REACH = 200


def _on_a_header_line(text: str, m: re.Match[str]) -> bool:
    """The address stands on a quoted mail's recipient line or on its "... wrote:" line."""
    line_start = text.rfind("\n", max(0, m.start() - _LINE_REACH), m.start()) + 1
    if line_start == 0 and m.start() > _LINE_REACH:
        return False
    before = text[line_start:m.start()]
    return bool(_RECIPIENT_LINE.search(before)) or (
        bool(re.search(r"(?i)\b(?:on|den|d\.)\b", before)) and bool(_QUOTED_BY.match(text, m.end())))


def _find_email(text: str, _ref: date) -> dict:
    candidates = [m for m in EMAIL.finditer(text) if not IGNORED_EMAIL.search(m.group(0))
                  and not _INVOICES_TO.search(text, max(0, m.start() - 40), m.start())
                  and not _on_a_header_line(text, m)
                  and not _CLIENTS_CONTACT.search(text, max(0, m.start() - 100), m.start())
                  and not _PROPERTYS_PEOPLE.search(text, max(0, m.start() - 100), m.start())
                  and not _OUR_ADVISERS.search(text, max(0, m.start() - 100), m.start())
                  and not _IN_COPY.search(text, max(0, m.start() - 100), m.start())
                  and not _WHEN_AWAY.search(text, max(0, m.start() - 120), m.start())
                  and not ONE_MATTER_ONLY.match(text, m.end())]
    labelled = [m for m in candidates if EMAIL_LABEL.search(text[max(0, m.start() - 30):m.start()])]
    to_me = [m for m in candidates if _WRITE_TO_ME.search(text, max(0, m.start() - _TO_ME_REACH), m.start())
             or _QUESTIONS_TO_ME.search(text, max(0, m.start() - 140), m.start())]
    best = (to_me or labelled or candidates or [None])[0]
    return {"contact_email": best.group(0).lower()} if best else {}


# an address to write to when the contact cannot be reached: "men er jeg ikke at træffe, kan I skrive til min søster
# Karen på karen@...", "if I am away, please write to ...", "i min ferie": a stand-in's, not the contact's
_WHEN_AWAY = re.compile(
    r"(?i)\b(?:er[ \t]+jeg[ \t]+ikke[ \t]+at[ \t]+træffe"
    r"|hvis[ \t]+jeg[ \t]+ikke[ \t]+(?:er[ \t]+at[ \t]+træffe|svarer|kan[ \t]+nås)"
    r"|i[ \t]+mit[ \t]+fravær|i[ \t]+min[ \t]+ferie|mens[ \t]+jeg[ \t]+er[ \t]+(?:væk|på[ \t]+ferie)"
    r"|if[ \t]+I[ \t]+(?:am|'m)[ \t]+(?:away|unavailable|not[ \t]+available|out[ \t]+of[ \t]+office)"
    r"|if[ \t]+I[ \t]+can(?:no|')t[ \t]+be[ \t]+reached|in[ \t]+my[ \t]+absence|while[ \t]+I[ \t]+am[ \t]+away)"
    r"\b[^.!?\n]{0,100}\Z")


# "Mails til festudvalg@... bliver læst af hele udvalget, men skriv gerne direkte til mig på idar@...": the writer's
# own address, asked for, over a shared one named first
_WRITE_TO_ME = re.compile(r"(?i)\b(?:til[ \t]+mig|to[ \t]+me)(?:[ \t]+(?:direkte|directly))?[ \t]+(?:på|at|on)"
                          r"[ \t:]*\Z"
                          # "Written replies please to our project mailbox projekt@...", "svar bedes sendt til ..."
                          r"|\b(?:repl(?:y|ies)|answers|svar(?:et)?)[ \t]+(?:please[ \t]+|venligst[ \t]+|gerne[ \t]+"
                          r"|bedes[ \t]+)?(?:(?:be[ \t]+)?(?:sent|sendt|sendes)[ \t]+)?(?:to|til)"
                          r"(?:[ \t]+(?:our|vores|the|vor|vort))?(?:[ \t]+[\w\-]{2,20}){0,3}[ \t:]*\Z")
_TO_ME_REACH = 60       # characters before an address read for those words
# the writer's own address in the sentence that directs questions to them, after their phone: "Spørgsmål kan rettes
# direkte til undertegnede på mobil 40 18 27 55 eller jonas@...", "questions may be directed to me on ... or ..." (a PDF
# letter may wrap the line before the address)
_QUESTIONS_TO_ME = re.compile(r"(?i)\b(?:rettes|rettet|directed|addressed)[ \t]+(?:direkte[ \t]+|directly[ \t]+)?"
                              r"(?:til|to)[ \t]+(?:undertegnede|mig|me|the[ \t]+undersigned)\b"
                              r"(?:[^.!?@\n]|\n(?![ \t]*\n)|\.(?=\d)){0,90}\Z")


# an agent's line naming the client's own contact: "Client contact: Ann Lee, Head of Operations, ann.lee@client.com",
# "Bygherrens kontaktperson: ..." (the client's person, not the one who writes and is answered)
_CLIENTS_CONTACT = re.compile(r"(?i)(?:^|\n)[ \t]{0,3}(?:client|customer|kunde|kundens|bygherre|bygherrens)['’]?s?"
                              r"[ \t]{1,3}(?:contact|kontakt)(?:[ \t]?person)?[ \t]{0,2}:[^\n]{0,90}\Z")


# the property's people named in the same line: "Foreningens administrator er DEAS A/S, ... (att. Mikkel Lund,
# mil@deas.dk)", "our landlord, Heimdal Ejendomme (jb@heimdal.dk)": theirs, not the applicant's (not the writer's own
# role: "jeg er vicevært i ..."; not "..., men skriv til mig på ...", which the writer's cue finds first)
_PROPERTYS_PEOPLE = re.compile(r"(?i)(?<!\bjeg[ \t]er[ \t])(?<!\bI[ \t]am[ \t])(?<!\bI'm[ \t])"
                               rf"\b(?:{PROPERTYS_PEOPLE}|viceværte?n?|caretaker)\b[^\n]{{0,100}}\Z")


# the business's accountant named in the same line: "Send gerne en kopi ... til vores bogholder, Revisorhuset Vest,
# Enghavevej 18, ..., bogholderi@...": the adviser's, not whom to answer
_OUR_ADVISERS = re.compile(r"(?i)\b(?:vores|vor|our|min|my)[ \t]+(?:bogholder\w*|revisor\w*|accountants?|bookkeep\w*"
                           r"|auditors?)\b[^\n]{0,100}\Z")


# someone to be kept in copy: "Please keep the owner, Oliver Grant, in copy on your decision: oliver@...", "sæt
# gerne vores direktør på cc: ...", "kopi af afgørelsen til ...": a reader of the answer, not whom to answer
_IN_COPY = re.compile(r"(?i)\b(?:in[ \t]+copy|on[ \t]+cc|in[ \t]+cc|i[ \t]+kopi|på[ \t]+cc|på[ \t]+kopi"
                      r"|(?:a[ \t]+)?cop(?:y|ies)[ \t]+(?:of[ \t]+[^\n@]{0,40}?[ \t])?to"
                      r"|kopi[ \t]+(?:af[ \t]+[^\n@]{0,40}?[ \t])?til"
                      r"|copy[ \t](?:[^\n@.]{0,60}?[ \t])?(?:on|in)[ \t]+(?:the|your|all|any)"
                      r"|copied)\b[^\n]{0,100}\Z")


# "Invoices to accounts@...", "Faktura sendes til bogholderi@...": where the bills go, not whom to answer
_INVOICES_TO = re.compile(r"(?i)\b(?:invoices?|invoicing|billing|bills|faktura\w*|regning\w*)\b[^\n@.]{0,25}\Z")


def _find_company(text: str, _ref: date) -> dict:
    name = find_company(text, has_cvr=bool(CVR_LABELLED.search(text)))
    return {"company_name": name} if name else {}


# the writer asks for the case to be answered to himself: "Alle henvendelser i sagen bedes rettet til undertegnede",
# "spørgsmål om selve sagen bedes rettet til mig", "please direct all correspondence to the undersigned"
# ("men alt skriftligt bedes sendt til mig")
_TO_THE_SIGNER = re.compile(r"(?i)\b(?:rettet|rettes|sendes|sendt|stilles)[ \t]+(?:direkte[ \t]+)?til[ \t]+"
                            r"(?:undertegnede|mig)\b|\bto[ \t]+the[ \t]+undersigned\b"
                            r"|\b(?:direct|address|send)[ \t]+(?:all[ \t]+)?(?:questions|correspondence|enquiries)"
                            r"[ \t]+to[ \t]+me\b|\bplease[ \t]+write[ \t]+to[ \t]+me\b"
                            # "men al korrespondance går gennem os – skriv derfor til undertegnede"
                            r"|\bskriv(?:[ \t]+(?:derfor|gerne|venligst|bare))?[ \t]+til[ \t]+undertegnede\b"
                            # "Kontakt: undertegnede.", "Kontaktperson på pladsen og for ansøgningen: undertegnede"
                            r"|\b(?:kontakt\w*|contact\w*)\b[^.!?:\n]{0,60}?(?::|[ \t](?:er|is))[ \t]*"
                            r"(?:undertegnede|the[ \t]+undersigned)\b"
                            # "så kontakt gerne mig på 40 ...", "please contact me", "I'm the contact for the dig",
                            # "I'm the store manager and will be your contact for this case"
                            r"|\b(?:kontakt|contact)(?:[ \t]+(?:gerne|venligst|endelig|bare))?[ \t]+(?:mig|me)\b"
                            # "Jeg kan træffes på 31 ...", "Mig kan I fange på ...", "I can be reached on ..."
                            r"|\bjeg[ \t]+kan[ \t]+(?:træffes|kontaktes|fås[ \t]+fat[ \t]+i)\b"
                            r"|\bmig[ \t]+kan[ \t]+(?:I|du|man)[ \t]+(?:fange|træffe|kontakte|ringe[ \t]+til)\b"
                            r"|\bI[ \t]+can[ \t]+be[ \t]+(?:reached|contacted)\b"
                            # "det er mig I skal tale med", "det er mig, du skal ringe til", "it's me you should talk
                            # to", "I'm the one you should contact"
                            r"|\bdet[ \t]+er[ \t]+mig,?[ \t]+(?:som[ \t]+|der[ \t]+)?(?:I|du|man|De)[ \t]+"
                            r"(?:skal|bør|bedes|må|kan)[ \t]+(?:tale|snakke|henvende|kontakte|ringe|skrive)\b"
                            r"|\b(?:it['’]s[ \t]+me|i['’]m[ \t]+the[ \t]+one)[ \t]+(?:that[ \t]+|who[ \t]+)?you[ \t]+"
                            r"(?:should|need[ \t]+to|must|can)[ \t]+(?:talk|speak|contact|write|call|deal)\b"
                            r"|\b(?:i['’]m|i[ \t]+am|i[ \t]+will[ \t]+be|i['’]ll[ \t]+be|jeg[ \t]+er|jeg[ \t]+bliver)"
                            r"\b[^.!?\n]{0,40}?\b(?:(?:your|the|jeres|din)[ \t]+)?(?:contact(?:[ \t]+person)?|kontakt"
                            r"(?:person)?)(?:[ \t]+(?:for|på|i|in|on)[ \t]+[^.!?\n:]{1,40})?[ \t]*"
                            # (not "I'm the contact for this: Hannah Schultz": another person named after it)
                            r"(?:[-–.,!]|:(?![ \t]*(?-i:[A-ZÆØÅ]))|$|[ \t]+(?:–|-|and|og))")


def asks_for_the_writer(text: str) -> bool:
    """The writer asks to be the one answered or contacted ("kontakt gerne mig på ...", "I'm the contact for the dig
    itself", "Alle henvendelser bedes rettet til undertegnede")."""
    return _TO_THE_SIGNER.search(text) is not None


# "Kontaktperson er min far, direktør Karim Aziz": the person named as the contact in so many words
# (not one for the day alone, "Kontaktperson på dagen er Ole Brix", when the writer asks to be the case's contact)
_CONTACT_PERSON_IS = re.compile(r"(?i)\b(?:kontaktperson(?:en)?|contact[ \t]person)\b"
                                r"(?![ \t]+(?:på|on)[ \t]+(?:the[ \t]+)?"
                                r"(?:dagen|dagene|aftenen|pladsen|stedet|day|site)\b)"
                                # (nor the client's: "Kontaktperson hos kunden er HR-chef X, men alle praktiske
                                # spørgsmål til ansøgningen bedes rettet til undertegnede")
                                r"(?![ \t]+(?:hos|at|for)[ \t]+(?:the[ \t]+)?"
                                r"(?:kunden|klienten|bygherren|client|customer)\b)"
                                r"[^.!?\n]{0,40}?[ \t](?:er|is|will[ \t]be|bliver)[ \t]")


# questions of one matter alone for the writer: "Juridiske spørgsmål kan rettes til undertegnede", "Correspondence on
# legal matters may be sent to the undersigned" (the case's contact is another, named in the text)
_ONE_MATTER_BEFORE = re.compile(r"(?i)\b(?:juridiske|legal|tekniske|technical|production|produktions\w*|økonomiske"
                                r"|financial)\b[^.!?\n]{0,60}\Z")
# ... or the matter named after: "I can be reached on 26 40 17 95 about volunteers and stewards", "Jeg kan træffes på
# 40 12 33 90 vedrørende afspærringen", "I can be reached for technical questions at our office", "jeg kan træffes
# angående tekniske spørgsmål"
_ONE_MATTER_AFTER = re.compile(r"(?i)[^.!?\n]{0,40}?\b(?:(?:about|regarding|concerning|vedrørende|vedr\.|angående)[ \t]"
                               r"|(?:for|til|om|on|with)[ \t]+(?:the[ \t]+|any[ \t]+|all[ \t]+|de[ \t]+)?"
                               r"(?:technical|tekniske|legal|juridiske|financial|økonomiske)\b)")


def _find_contact(text: str, _ref: date) -> dict:
    to_the_signer = any(not _ONE_MATTER_BEFORE.search(text, max(0, m.start() - 80), m.start())
                        and not _ONE_MATTER_AFTER.match(text, m.end())
                        for m in islice(_TO_THE_SIGNER.finditer(text), 10))
    signer = signature_name(text.split("\n")) if to_the_signer else None
    named = designated_contact(text) if signer else None
    if named and any(named in text[m.end():m.end() + 60] for m in islice(_CONTACT_PERSON_IS.finditer(text), 10)):
        signer = None                       # "Kontaktperson er min far, X. Mails må gerne sendes til mig": X
    if signer and looks_like_person(signer):
        return {"contact_name": signer, "designated_contact": signer}
    name = find_contact(text)
    designated = designated_contact(text) if name else None
    return {"contact_name": name, **({"designated_contact": designated} if designated else {})} if name else {}


def _find_period(text: str, reference: date) -> dict:
    period = periods.find_period(text, reference)
    return {k: d.isoformat() for k, d in (("period_from", period.start), ("period_to", period.end)) if d}


def _find_amounts(text: str, _ref: date) -> dict:
    out: dict = {}
    areas = list(islice(AREA.finditer(text), 50))
    m = next((a for a in areas if _NOT_THAT_SIZE.match(text, a.end())), None) or next(
        (a for a in areas if _TOTAL.search(text, max(0, a.start() - 30), a.start())), areas[0] if areas else None)
    put_right = next((d for d in islice(DIMENSIONS.finditer(text), 20) if _NOT_THAT_SIZE.match(text, d.end())), None)
    if put_right is not None and (m is None or not _NOT_THAT_SIZE.match(text, m.end())):
        m = None        # "12 m² (3 x 4 m)" and, below, "it is 3 x 6 m, not 3 x 4 m": the size put right
    if m:
        out["area_m2"] = area_number(m)     # the first area, or a total of the parts ("i alt 45 m²")
    else:
        sizes = list(islice(DIMENSIONS.finditer(text), 20))
        # a size given as the total ("plus we put out a little menu board, so call it 6 x 3 metres in total"), else
        # the first that is no sign's or stage's, nor each of several pieces'
        d = next((d for d in sizes if _NOT_THAT_SIZE.match(text, d.end())), None) or next(
                 (d for d in sizes if _TOTAL_AFTER.match(text, d.end())
                  or _TOTAL.search(text, max(0, d.start() - 30), d.start())), None) or next(
                 (d for d in sizes
                  if not _NOT_GROUND.search(text, max(0, d.start() - 50), d.start())
                  and not _SIGN_SAID_BEFORE.search(text, max(0, d.start() - 300), d.start())
                  and not _PIECES.search(text, max(0, d.start() - 30), d.start())
                  and not _COUNTED_PIECES.search(text, max(0, d.start() - 30), d.start())
                  and not _EACH_AFTER.match(text, d.end())), None)
        a, b = dimension_sides(d) if d else (None, None)
        added = _added_size(text, d.end()) if d and a and b else 0
        if not (a and b):       # "langs vores 6 meter facade, 1 m ud": a length and a depth, not a sign's
            a, b, *_ = next((m for m in islice(length_and_depth(text), 20)
                             if not _NOT_GROUND.search(text, max(0, m[2] - 50), m[2])), (None, None))
        if a and b:
            out["area_m2"] = round(a * b + added, 2)
    m = next((v for v in islice(LITRES.finditer(text), 50)
              if not _not_a_tank(text, v)), None)
    if m:
        out["litres"] = parse_number(m.group("n"))
    elif (cubic := next((v for v in islice(CUBIC_TANK.finditer(text), 20) if not _not_a_tank(text, v)), None)) and (
            cubic_metres := parse_number(cubic.group("n") or cubic.group("n2"))):
        out["litres"] = round(cubic_metres * 1000)
    guests = [parse_number(g.group("n"))
              for pattern in (GUESTS, GUESTS_AFTER, GUESTS_PER_SESSION) for g in islice(pattern.finditer(text), 50)
              if not _WORKERS.search(text, max(0, g.start() - 30), g.start()) and not _our_headcount(text, g)]
    guests = [g for g in guests if isinstance(g, int)] + _guests_in_words(text) + _guests_total(text)
    if guests:
        out["guests"] = max(guests)
    return {k: v for k, v in out.items() if v}


# the size of each of several pieces, said after it: "15 boder, 3 x 3 m pr. bod", "tents of 3 x 3 m each", "Most
# vendors will use 3 x 3 m gazebos"
_EACH_AFTER = re.compile(r"(?i)[ \t,]{0,3}(?:(?:pr\.?|per|for)[ \t]{0,2}"
                         r"(?:stk|piece|unit|bod|stand|stall|telt|tent|stade)\w*|each|apiece|hver|stykket"
                         r"|(?:party)?(?:gazebos|tents|telte|pavilloner|pavilions|boder|stalls|stande|stader))\b")


# a size put right after it, the one it replaces named: "standen er 3 x 4 m, ikke 3 x 3 som skrevet ovenfor", "it is
# 20 m², not 12 m²"
_NOT_THAT_SIZE = re.compile(r"(?i)[ \t]{0,2}[,;–-]?[ \t]{0,2}(?:og[ \t]|and[ \t])?(?:ikke|not)[ \t]{1,2}"
                            r"(?:(?:på|of)[ \t]{1,2})?"
                            r"\d{1,4}(?:[.,]\d{1,2})?[ \t]{0,2}(?:x|×|\*|by|gange|m2|m²|kvm|m\b)")


# "Skurvogn 2,4 x 6 m + container 2 x 4 m": a second piece's size added to the first's, a word or two naming it
_PLUS_SIZE = re.compile(r"[ \t]{0,3}\+[ \t]{0,3}(?:[^\W\d]+[ \t]{1,3}){0,2}(?=\d)")


def _added_size(text: str, end: int) -> float:
    """The area of the pieces added with "+" right after a size ending at ``end`` (0 when there are none)."""
    total: float = 0
    for _ in range(5):
        plus = _PLUS_SIZE.match(text, end)
        d = DIMENSIONS.match(text, plus.end()) if plus else None
        a, b = dimension_sides(d) if d else (None, None)
        if d is None or not (a and b):
            return total
        total, end = total + a * b, d.end()
    return total


def _guests_total(text: str) -> list[int]:
    """A total after groups of guests counted on its line ("650 løbere og 150 tilskuere, i alt ca. 800")."""
    out = []
    for g in islice(GUESTS.finditer(text), 20):
        line_end = text.find("\n", g.end())
        total = GUESTS_TOTAL.search(text, g.end(), min(g.end() + 80, len(text) if line_end < 0 else line_end))
        if total and isinstance(number := parse_number(total.group("n")), int):
            out.append(number)
    return out


def _guests_in_words(text: str) -> list[int]:
    """Guests counted in words ("Vi forventer omkring to hundrede gæster"), not the crew."""
    return [guests_in_words(g) for g in islice(GUESTS_IN_WORDS.finditer(text), 10)
            if not _WORKERS.search(text, max(0, g.start() - 30), g.start())]


# "Stillads (30 m²) og container (15 m²), i alt 45 m²": the total of the areas named before it
_TOTAL = re.compile(r"(?i)\b(?:i alt|samlet|totalt?|in total|total area|altogether|tilsammen)\b"
                    r"(?:[^.\n\d]|(?<=\bca)\.|(?<=\bapprox)\.){0,15}\Z")          # ("fylder tilsammen ca. 15 x 20 m")
_TOTAL_AFTER = re.compile(r"(?i)[ \t]{0,3}(?:in total|i alt|altogether|tilsammen)\b")


# "Fra: Simon Rask <simon@...>\nDato: 9. dec. 2026 23:41": the date a forwarded or quoted mail was sent, no period
# (each line may carry the quote marks of a reply: "> Sent: 2 February 2027 10:15")
_HEADER_LEAD = r"[ \t]*(?:>[ \t]*)*\*?"
_MAIL_HEADER_DATE = re.compile(rf"(?im)^(?P<head>{_HEADER_LEAD}(?:fra|from)[ \t]*:[^\n]*\n"
                               rf"(?:{_HEADER_LEAD}(?:til|to|cc|emne|subject)[ \t]*:[^\n]*\n){{0,3}})"
                               rf"(?P<date>{_HEADER_LEAD}(?:dato|date|sendt|sent)[ \t]*:[^\n]*)$")


def _header_without_date(m: re.Match[str]) -> str:
    """A mail header's From line with an address, or its date with a time of day ("23:41"): the date line dropped;
    "Fra: 1. maj / Dato: ..." in an application stays."""
    head, sent = m.group("head"), m.group("date")
    first = head.split("\n", 1)[0]
    header = ("@" in first or "<" in first) or re.search(r"\b\d{1,2}[:.]\d{2}\b(?![.:]\d)", sent) is not None
    return head if header and not re.match(r"(?i)[ \t]*\*?(?:fra|from)[ \t]*:[ \t]*\d", first) else m.group(0)


# "2 tents (6 x 12 m)", "3 boder à 3 x 3 m": the size of each of several pieces, not the area applied for
_PIECES = re.compile(r"(?i)\b(?:[2-9]|\d{2,}|two|three|four|five|six|to|tre|fire|fem|seks)[ \t]+[^\W\d]+[ \t]{0,3}"
                     r"(?:\(|à|of|på|each|hver)[ \t]{0,3}\Z")


# "3 telte 3x3 m", "2 pavilloner 3 x 6 m": several pieces counted right before the size of each
_COUNTED_PIECES = re.compile(r"(?i)(?:^|[\s,(:])(?:[2-9]|\d{2,}|two|three|four|five|six|to|tre|fire|fem|seks)[ \t]+"
                             r"(?:telte|pavilloner|boder|stande|containere|skure|tents|gazebos|marquees|stalls|stands"
                             r"|containers|huts|booths)[ \t]{0,3}\Z")


# "2 l/s", "5 liter/min": a flow, not a volume
_RATE = re.compile(r"(?i)\A\s{0,2}/\s{0,2}(?:s|sek|sec|min|h|t|time|hour|døgn|day)\b|\A\s{0,2}(?:per|pr\.?|i|a)\s"
                   r"(?:sekund|second|minut|minute)")
# "2 x 660 l", "240 l om ugen", "madaffald 3 x 140 l", "paints and thinners, approx. 200 litres": waste bins,
# an amount a week, goods in store; a tank or a separator on the same line is still a tank ("oliebeholder")
_NOT_TANK = re.compile(r"(?i)affald|waste|refuse|garbage|\bbins?\b|\bpap\b|papir|cardboard|paper|\bglas\b|\bglass\b"
                       r"|maling|paints?\b|thinners?|fortynder")
# (a count in pieces too: "Blød plast: 1 stk. 660 l container", "2 pcs. 240 l")
_COUNT_BEFORE = re.compile(r"(?i)\d\s{0,2}(?:[x×]|stk\.?|pcs\.?)\s{0,2}\Z")
# an amount a week or a month: "240 l om ugen", "300 liter/uge", "200 l per week", "hver måned"
_A_WEEK = re.compile(r"(?i)\A\s{0,2}(?:om ugen|om måneden|pr\.? (?:uge|måned)|per (?:week|month)|a (?:week|month)"
                     r"|weekly|monthly|ugentligt?)\b"
                     r"|[ \t]?(?:/[ \t]?|pr\.?[ \t]|per[ \t]|a[ \t]|om[ \t]|hver[ \t])(?:uge|ugen|week|måned|month)")
# waste and its bins named just before the litres: "madaffald: ca. 300 liter", "2 rullecontainere á 660 liter"
_WASTE = re.compile(r"(?i)(?:affald|waste|pap\b|cardboard|glas\b|container|spand|sæk|bins?\b|tømning)[^\n]{0,25}\Z")
_TANK = re.compile(r"(?i)tank|udskiller|separator|cistern|olie|\boil\b")

# an amount per wash or per year, a few words after the litres: "150 liter vand pr. vask", "4.000 liter vandbaseret lak
# om året", "500,000 litres of beer per year"
# (a daily discharge, "15.000 liter i døgnet", is the volume the application gives)
_PER_UNIT = re.compile(r"(?i)[ \t]{0,2}(?:[^\W\d]+[ \t]{1,2}){0,3}?(?:(?:pr\.?|per)[ \t]{1,2}(?!døgn|dag|day)[^\W\d]"
                       r"|(?:om|i|a|each|every|hvert)[ \t](?:året|år|year)\b|(?:årligt|annually|yearly)\b)")


def _not_a_tank(text: str, m: re.Match[str]) -> bool:
    """A volume in litres that is no tank's: a flow, a waste bin or a weekly amount, goods in store, waste named just
    before it with no tank near ("madaffald: ca. 300 liter")."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[max(start, m.start() - 60):m.end() + 30 if end < 0 else min(end, m.end() + 30)]
    after = text[m.end():m.end() + 20]
    if (_RATE.match(after) or _A_WEEK.match(after) or _PER_UNIT.match(text, m.end())
            or _COUNT_BEFORE.search(text, max(0, m.start() - 8), m.start())):
        return True
    if _WASTE.search(text, max(0, m.start() - 40), m.start()) and not _TANK.search(text, max(0, m.start() - 40),
                                                                                 m.end() + 20):
        return True
    return bool(_NOT_TANK.search(line)) and not _TANK.search(line)



# "The crew is 12 people", "holdet er 8 personer": who works there, not who comes
# (not a group counted beside the guests: "60 staff and 200 guests", "12 medarbejdere og 150 gæster")
# (the Danish team, "et hold på 8 personer", not the English verb: "The tent will hold up to 120 wedding guests")
_WORKERS = re.compile(r"(?i)\b(?:crew|staff|team|employees|workers|medarbejdere|personale|ansatte|holdet"
                      r"|(?:et|vores|vort|mit)[ \t]+hold)\b"
                      r"(?![ \t,]{1,3}(?:and|og|&|plus|samt)[ \t]+(?:[^\W\d]+[ \t]+){0,2}\Z)"
                      r"[^.\n\d]{0,20}\Z"
                      # "an architecture office of 25 people", "et firma på 12 personer", "a design studio with 14
                      # people": the business's size
                      r"|\b(?:office|company|firm|practice|business|studio|kontor|firma|virksomhed|tegnestue)"
                      r"[ \t]+(?:of|på|med|with)[ \t]+\Z")


# how many the writers are, told alone: "We are about 35 people. Our waste is mostly paper", "we're 25 ppl, mostly
# paper": the business's size, not an event's guests (not "we are 40 people at the dinner")
_WE_ARE_BEFORE = re.compile(r"(?i)\b(?:we['’]re|we[ \t]+are)[ \t]+(?:about[ \t]+|around[ \t]+|roughly[ \t]+"
                            r"|approx\.?[ \t]+)?\Z")
_HEADCOUNT_ALONE = re.compile(r"(?i)(?<=[ \t])(?:people|ppl|persons)[ \t]*(?:[.,;!]|\n|\Z)")


def _our_headcount(text: str, g: re.Match[str]) -> bool:
    """A count of people right after "we are", ending its clause: the writers' own number."""
    word = re.search(r"[^\W\d]+$", g.group(0))
    return bool(word and _WE_ARE_BEFORE.search(text, max(0, g.start() - 30), g.start())
                and _HEADCOUNT_ALONE.match(text, g.start() + word.start()))


# the size of a thing that stands on no ground of ours: a sign, a stage, the panels of an exhibition
# ("et nyt facadeskilt (udskårne træbogstaver, ca. 2,4 x 0,4 m)": the period of "ca." ends no sentence)
_NOT_GROUND = re.compile(r"(?i)(?:skilt|sign|banner|scene|stage|panel|plakat|poster|tavle|board|skærm|screen|logo"
                         r"|vindue|window)\w*(?:[^.\n]|(?<=\bca)\.|(?<=\bapprox)\.|(?<=\bcirka)\.){0,40}\Z")


# a sign named in the sentence before one that starts by saying its size, a word for the sign and a verb: "... a new
# sign above our shop window. It measures 3 x 0.6 m", "... et nyt lysskilt. Det nye bliver 3 x 0,8 meter" (no area,
# as ``_NOT_GROUND``'s sizes)
_SIGN_SAID_BEFORE = re.compile(r"(?i)\b(?:\w*skilt\w*|signs?|signage|banner\w*|plakat\w*|posters?)\b[^.!?\n]{0,80}"
                               r"[.!]\s{1,3}(?:it|this|det|den|skiltet|the[ \t]+sign|the[ \t]+new[ \t]+one"
                               r"|det[ \t]+nye|den[ \t]+nye)"
                               r"(?:['’]s|[ \t]+(?:is|will[ \t]+be|would[ \t]+be|measures|er|bliver|vil[ \t]+være"
                               r"|måler))"
                               r"(?:[ \t]+(?:about|approx\.?|around|roughly|ca\.?|cirka|omkring|på|of))?[ \t]*\Z")


_FINDERS = (_find_cvr, _find_p_number, _find_phone, _find_email, _find_company, _find_contact, _find_period,
            _find_amounts)
