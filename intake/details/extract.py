"""Structured details from an application: company, CVR, contact, address, period...

``extract_details`` looks at form fields first (label -> value, from Word tables
or PDF AcroForms), then at each text source in the order given (body, subject,
attachments). In a text, "label: value" lines (and label/value table rows or a
label line followed by its value) win over patterns found in running text. The
first source that yields a field wins; each field records where it was found.

When no text names an e-mail address, ``contact_email`` is the ``Reply-To``
of the mail (source "reply-to"), else its sender (source "from"); when no text
names a person, ``contact_name`` is the sender's display name if it is a
person's name ("Mette Sørensen", not "Café Solsiden"), and it completes a
first name signed alone ("Mvh Thomas" from "Thomas Berg").

CPR numbers are detected (``cpr_found``) and never copied into a field;
``redact_cpr`` removes them from text that leaves the service.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice

from stdnum.dk import cvr as stdnum_cvr

from intake.details import contacts, periods
from intake.details.addresses import corrected_house_numbers
from intake.details.identifiers import CVR_LABELLED, EMAIL, IGNORED_EMAIL, NO_DANISH_CVR, digits, find_cpr
from intake.details.labels import label_key
from intake.details.names import (
    FORM_WRITTEN_OUT,
    SUFFIX,
    company_of_the_sender,
    looks_like_person,
    names_a_business,
    signed_together,
)
from intake.details.postcodes import town_of
from intake.details.sites import named_site, premises_on_corner, same_place, signature_start
from intake.details.text import (
    CLIENT,
    asks_for_the_writer,
    extract_from_text,
    phone_of_the_contact,
    writes_for_another,
)
from intake.details.values import across_from, compose_address, normalise_value
from intake.mail.bodytext import own_history, quoted_text
from intake.mail.forwards import Forwarded, find_forwarded
from intake.privacy import redact_cpr  # noqa: F401  (part of this module's interface)

log = logging.getLogger(__name__)

DETAIL_KEYS = (
    "company_name", "cvr", "cvr_valid", "p_number", "contact_name", "contact_email", "phone",
    "address", "postcode", "city", "activity_location", "period_from", "period_to",
    "area_m2", "litres", "guests", "cpr_found",
)


@dataclass
class Field:
    """One extracted detail and where it was found ("body", "subject", "form", a filename, "from" or "reply-to")."""

    value: str | bool | int | float
    source: str


def extract_details(
    sources: Sequence[tuple[str, str]],
    form_fields: Mapping[str, str] = {},  # noqa: B006 - read only
    *,
    form_source: str = "form",
    reference: date | None = None,
    sender: str = "",
    sender_name: str = "",
    reply_to: str = "",
) -> dict[str, Field]:
    """Extract the details of an application from form fields and texts.

    ``sources`` are (source name, text) pairs, most important first;
    ``reference`` (the receipt date) resolves dates written without a year.
    ``sender`` and ``sender_name`` (the From header) and ``reply_to`` stand in
    for a contact the texts do not name.
    """
    reference = reference or date.today()
    found = {k: Field(v, form_source) for k, v in _form_values(form_fields, reference).items()}
    cpr = any(find_cpr(f"{label}: {value}") for label, value in form_fields.items())
    read: list[tuple[str, str, dict[str, object]]] = []        # (source, text, its details) of each text
    for source, text in sources:
        if not text:
            continue
        cpr = cpr or bool(find_cpr(text))
        if source == "body":
            subject = next((t for s, t in sources if s == "subject"), "")
            text = body_as_read(text, sender, sender_name, subject)
        elif source == "subject":
            text = _subject_put_right(text, next((t for s, t in sources if s == "body"), ""))
        values = extract_from_text(text, reference, for_a_client=source not in ("body", "subject")
                                   and _mail_for_a_client(sources))
        read.append((source, text, values))
        client = values.pop(CLIENT, ())
        for k, v in _in_subject(values, source).items():
            if (k not in found or _more_specific(found[k].value, v) or _subject_gives_way(found[k], v)
                    or _day_within_subject_week(k, found[k], v, read)
                    or _built_and_struck_around_the_subjects_days(k, found[k], v, text)
                    or k in client and found[k].source != form_source):
                found[k] = Field(v, source)          # (the body saying what the subject said makes it the body's)
        _designated_over_signed(found, source, form_source)
        _period_moved(found, values, source, text)
    # (a park the body puts on the subject's place comes first: "event at Havneparken on Islands Brygge" under "...
    # at Islands Brygge" is Havneparken, though the business's address lies on Islands Brygge too)
    _site_within_subject_place(found, read)
    _subject_site_on_the_address(found)
    _site_by_subject_and_attachment(found, read)
    _year_of_the_subjects_days(found, read)
    _subject_corner_of_our_premises(found, read)
    _site_apart_from_the_address(found)
    _sender_signed_in_lower_case(found, read, sender, sender_name)
    _contact_from_headers(found, sender, sender_name, reply_to)
    body = _text_of(read, "body")
    forwarded = find_forwarded(body, _text_of(read, "subject")) if body else None
    _forwarder_to_contact(found, forwarded, sender, sender_name, reference)
    _phone_of_the_forwarded_author(found, forwarded, reference)
    _sender_among_the_signers(found, read, sender_name)
    _company_of_the_sender(found, read, sender)
    _first_name_of_the_owner(found)
    _first_name_in_full(found, read)
    _name_written_longer(found, read)
    _company_in_the_owners_name(found, read)
    _phone_of_another_person(found, read)
    _contact_by_the_model(found, read, sender, sender_name)
    _name_with_its_address(found, read, sender, sender_name)
    _details_beside_the_company(found, read)
    _site_at_our_premises(found, read)
    _premises_in_another_text(found, read)
    _premises_beside_the_head_office(found, read)
    _site_in_a_plan(found, read)
    _company_beside_its_cvr(found, read, form_fields, form_source)
    _company_without_its_label(found)
    _foreign_register_number(found, read)
    _check_cvr(found)
    _guests_over_the_day(found, read)
    _site_named_as_the_business(found)
    _order_period(found)
    if cpr:
        found["cpr_found"] = Field(True, _first_cpr_source(sources, form_fields, form_source))
        log.debug("CPR number present in application; not copied into details")
    return {k: found[k] for k in DETAIL_KEYS if k in found}


def _site_named_as_the_business(found: dict[str, Field]) -> None:
    """A site without a house number that is the business's own name ("the terrace in front of Hotel Wildersgade" from
    Hotel Wildersgade ApS) is its premises, no site of its own."""
    site, company = found.get("activity_location"), found.get("company_name")
    if site is None or company is None or not isinstance(site.value, str) or not isinstance(company.value, str):
        return
    name = re.sub(rf"[ \t,]+{SUFFIX}\.?$", "", company.value).casefold()
    if not re.search(r"\d", site.value) and site.value.casefold() == name:
        del found["activity_location"]


# the mail says the period written in the attached form (or in the subject) has changed: "arbejdsperioden er rykket: vi
# graver nu fra ... (ikke som i skemaet)", "the dates have been moved", "så det bliver uge 38-39 i stedet"
# (``periods.PUT_INSTEAD``)
_PERIOD_MOVED = re.compile(
    r"(?i)\b(?:\w*perioden|datoerne?|datoen|(?:the )?(?:work(?:ing)? )?(?:period|dates?))[ \t]+(?:er|is|are|has|have)?"
    r"[ \t]*(?:been[ \t]+)?(?:rykket|ændret|flyttet|udskudt|changed|moved|postponed)\b"
    r"|\b(?:ikke|not)[ \t]+(?:som|as)[ \t]+(?:i|in|on)[ \t]+(?:skemaet|formularen|ansøgningen|the[ \t]+form)\b")


# the mail's writer applies for a client: "for our client X A/S", "our client's plant" (not a business's own customers:
# "our customers"), besides what ``writes_for_another`` reads ("on behalf of our client", "på vegne af vores kunde")
_MAIL_FOR_A_CLIENT = re.compile(
    r"(?i)\b(?:for[ \t]+(?:our|my|vores|min)[ \t]+(?:client|klient|kunde|customer)\b"
    r"|(?:our|my)[ \t]+(?:client|customer)(?:'s|’s)|(?:vores|min)[ \t]+(?:klients|kundes)\b)")


_PUT_RIGHT = "\n\x00\n"


def _subject_put_right(subject: str, body: str) -> str:
    """The subject with the days and house numbers the body corrects put right: a reply's "SV: Ansøgning ... Ryesgade
    30" above "Adressen er Ryesgade 36, ikke Ryesgade 30" names Ryesgade 36."""
    if not body:
        return subject
    both = corrected_house_numbers(periods.corrected_dates(body + _PUT_RIGHT + subject))
    return both.split(_PUT_RIGHT, 1)[1] if _PUT_RIGHT in both else subject


def _mail_for_a_client(sources: Sequence[tuple[str, str]]) -> bool:
    """The mail's body says its writer applies for a client (or says so in another's words: ``writes_for_another``)."""
    body = next((t for s, t in sources if s == "body"), "")
    return bool(body) and (_MAIL_FOR_A_CLIENT.search(body) is not None or writes_for_another(body))


def _text_of(read: list[tuple[str, str, dict[str, object]]], source: str) -> str:
    """The text read from ``source`` ("subject", "body", an attachment's name), as read; "" when there is none."""
    return next((text for s, text, _ in read if s == source), "")


def _period_moved(found: dict[str, Field], values: Mapping[str, object], source: str, text: str) -> None:
    """The period of a mail that says the attached form's period has moved wins over the form's."""
    if source == "body" and "period_from" in values and (_PERIOD_MOVED.search(text)
                                                         or periods.PUT_INSTEAD.search(text)):
        for key in ("period_from", "period_to"):
            if key in values:
                found[key] = Field(values[key], source)


def _details_beside_the_company(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The CVR, contact and phone of the applying company from a text that names it, over those of a text that names
    only another company (the previous owner's old approval attached beside the new owner's declaration); and all the
    details of a form that names it by its CVR over those of an agent's mail that names it only in passing and signs
    with its own company, CVR, address and numbers (an accountant's "Vi er revisor for X og sender på kundens vegne
    den vedhæftede tilmelding")."""
    company, cvr = found.get("company_name"), found.get("cvr")
    if company is None or cvr is None or not isinstance(company.value, str):
        return
    name = company.value.casefold()
    texts = {source: text for source, text, _ in read}
    own = next((v for s, _, v in read if s == cvr.source), {})
    if cvr.source not in texts or "company_name" not in own:
        return                                  # the CVR's own text names no other company
    signed_by_another = str(own["company_name"]).casefold() != name and writes_for_another(texts[cvr.source])
    if name in texts[cvr.source].casefold() and not signed_by_another:
        return                                  # the CVR's own text names this one
    other = next(((s, v) for s, t, v in read if s != cvr.source and name in t.casefold() and "cvr" in v), None)
    if other is None:
        return
    source, values = other
    keys = ("cvr", "contact_name", "phone") + (_AGENTS_OWN if signed_by_another else ())
    for key in keys:
        if key in values and (key not in found or found[key].source == cvr.source):
            found[key] = Field(values[key], source)


# the details of an agent's own signature, given way to the client's in another text
_AGENTS_OWN = ("contact_email", "address", "postcode", "city")


def body_as_read(text: str, sender: str, sender_name: str, subject: str = "") -> str:
    """A mail's body as the details are read from it (without someone else's quoted history or a disclaimer)."""
    return _without_disclaimer(_without_others_history(text, sender, sender_name, subject))


# the confidentiality notice a firm's mail system adds under every mail, below the closing ("Denne e-mail og
# eventuelle vedhæftede filer er fortrolige ... Holm & Bech Revision I/S, CVR 72392302", "This e-mail is confidential
# ...", "Diese E-Mail enthält vertrauliche Informationen"): the firm it names and its CVR are the sender's firm, not
# the application's company
_DISCLAIMER = re.compile(r"(?ims)^[ \t]*(?:denne|dette|this|the[ \t]+information[ \t]+in[ \t]+this|diese)[ \t]+"
                         r"(?:e-?mail|mail|meddelelse|besked|message|communication|nachricht)\b"
                         r"(?:(?!\n[ \t]*\n).){0,200}?\b(?:fortrolig\w*|confidential\w*|privileged|vertraulich\w*)\b"
                         r"(?:(?!\n[ \t]*\n).){0,2000}")


def _without_disclaimer(text: str) -> str:
    closing = signature_start(text)
    return _DISCLAIMER.sub(lambda m: "" if m.start() > closing else m.group(0), text)


def _without_others_history(text: str, sender: str, sender_name: str, subject: str = "") -> str:
    """A reply's body without the quoted history someone else wrote ("-----Original message----- From: Karen Skov
    <karen.skov@...>": the caseworker's earlier mail, whose names and addresses are no details of the application);
    the sender's own quoted mail, also under someone else's, and a forwarded message stay (an Outlook "Oprindelig
    meddelelse" block under a forward subject, "VS: ...", is a forwarded message, not a reply's history)."""
    quoted = quoted_text(text, subject)
    if not quoted.strip() or not text.endswith(quoted) or own_history(text, quoted, sender, sender_name):
        return text
    own = (re.search(rf"(?im)^[ \t>]*(?:from|fra)[ \t]*:[^\n]*<?{re.escape(sender)}>?[ \t]*$", quoted)
           if sender else None)
    if own is not None:
        # the caseworker's reply quoted, and under it the sender's own first mail ("Fra: Kasper Lund
        # <kasper@...>"): the application it made stays
        return text[:len(text) - len(quoted)] + "\n\n" + quoted[own.start():]
    return text[:len(text) - len(quoted)]


def _form_values(form_fields: Mapping[str, str], reference: date) -> dict[str, object]:
    """The details of labelled form fields, the first field of a kind winning; address parts joined."""
    values: dict[str, object] = {}
    for label, value in form_fields.items():
        key = label_key(label)
        for k, v in normalise_value(key, str(value), reference).items() if key else ():
            if k == "company_name" and _legal_form_over(values.get(k), v):
                values[k] = v                   # "Trading name" then "Legal entity ... ApS": the legal name
            values.setdefault(k, v)
    compose_address(values)
    return {k: v for k, v in values.items() if not k.startswith("_")}


def _legal_form_over(old: object, new: object) -> bool:
    """A second company field naming the legal entity ("Crooked Anchor Pub ApS") over a trading name."""
    return (isinstance(old, str) and isinstance(new, str) and re.search(SUFFIX + r"\.?$", new) is not None
            and re.search(SUFFIX + r"\.?$", old) is None)


# the floor and side composed after a house number: "st.", "kl.", "3.", "1. tv", "kl. th"
_FLOOR_AND_SIDE = r"(?:st|kl|\d{1,2})\.(?: (?:tv|th|mf|\d{1,3})\.?)?"


def _more_specific(old: object, new: object) -> bool:
    """A place without a house number ("Nørrebrogade") gives way to the same place with one, an address to the same
    one with its floor and side; "Ib" to "Ib Rasmussen"; a company to its name with the legal form, or with its form
    written out ("A/B X" to "Andelsboligforeningen X")."""
    if not isinstance(old, str) or not isinstance(new, str):
        return False
    if not any(c.isdigit() for c in old) and new.startswith(old) and any(c.isdigit() for c in new):
        return True             # (a stretch too: "Sundholmsvej 12-30" in an attached plan of the mail's "Sundholmsvej")
    if (any(c.isdigit() for c in old) and new.startswith(old + ", ")
            and re.fullmatch(_FLOOR_AND_SIDE, new[len(old) + 2:])):
        return True                             # "Guldbergsgade 27" in the mail, "Guldbergsgade 27, st." attached
    if (any(c.isdigit() for c in old) and "," not in old and new.startswith(old + ", ")
            and re.fullmatch(r"\d{4}(?:[ \t][^\d,\n]{2,40})?", new[len(old) + 2:])):
        return True                             # "Kastanjevej 14-18" in the subject, "..., 1876 Frederiksberg C" below
    if new.startswith(old + " ") and re.fullmatch(SUFFIX, new[len(old) + 1:]):
        return True                             # "Bach Rengøring" signed in the mail, "Bach Rengøring IVS" attached
    tail = old.rsplit(", ", 1)[-1]
    if tail != old and new.startswith(tail + " ") and re.fullmatch(SUFFIX, new[len(tail) + 1:]):
        return True                             # "Tilbudsafdelingen, Grønbech Anlæg" signed, "Grønbech Anlæg A/S"
    form, _, rest = old.partition(" ")
    if form in FORM_WRITTEN_OUT and new == f"{FORM_WRITTEN_OUT[form]} {rest}":
        return True                             # "A/B Holmbladsgården" in the subject, "Andelsboligforeningen ..."
    legal = re.fullmatch(rf"(?P<name>.+?)[ \t]+{SUFFIX}\.?", new)
    if legal and old.endswith(" " + legal.group("name")) and not re.search(SUFFIX + r"\.?$", old):
        return True                             # the trade name "Smørrebrødskælderen Hos Lis", the legal "Hos Lis ApS"
    if re.fullmatch(r"\S+ [A-ZÆØÅ]\.", old) and new.startswith(old[:-1]) and looks_like_person(new):
        return True                             # "Marta Z." signed, "Marta Zielińska" in the From header
    return " " not in old and old.isalpha() and new.startswith(old + " ") and looks_like_person(new)


def _subject_gives_way(old: Field, new: object) -> bool:
    """The body saying what the subject said makes it the body's; a site in the subject without a house number
    ("Food stall at Refshaleøen") gives way to one with a number in the body ("Refshalevej 167")."""
    if old.source != "subject":
        return False
    if (isinstance(old.value, str) and isinstance(new, str) and same_place(old.value, new)
            and old.value.split(",")[0] != new.split(",")[0]):
        return True                             # "Gl. Køge Landevej 55" in the subject, "Gammel ..." in the body
    if (isinstance(old.value, str) and isinstance(new, str) and new.startswith(old.value)
            and re.fullmatch(r"[a-zæøå]{2,12}", new[len(old.value):])):
        return True                             # "Amager Strand" in the subject, "Amager Strandpark" in the body
    return old.value == new or (isinstance(old.value, str) and isinstance(new, str) and not re.search(r"\d", old.value)
                                and bool(re.search(r"\d", new)) and "," not in old.value)


_WEEK_WORD = re.compile(r"(?i)\b(?:uge|uger|week|weeks|wk|weekend)\b")     # ("første weekend i september")


def _built_and_struck_around_the_subjects_days(key: str, old: Field, new: object, text: str) -> bool:
    """The event's days in the subject ("Nordic Roots Festival 2027 – Kløvermarken, 2-4 July") give way to the text's
    period that adds the days it is built up and struck ("Build: from Monday 28 June")."""
    if key not in ("period_from", "period_to") or old.source != "subject":
        return False
    try:
        then, now = date.fromisoformat(str(old.value)), date.fromisoformat(str(new))
    except ValueError:
        return False
    wider = now < then if key == "period_from" else now > then
    return wider and abs((now - then).days) <= periods.BUILD_SPAN and periods.tells_build_or_strike(text)


def _day_within_subject_week(key: str, old: Field, new: object, read: list[tuple[str, str, dict[str, object]]]) -> bool:
    """A period the subject gives in weeks ("Støjende arbejde i Enghaveparken, uge 14-15") or as a whole month ("Jazz
    i Valbyparken – fire søndage i juli 2027") gives way to the days the text writes out within those weeks or that
    month ("fra mandag den 5. til fredag den 16. april 2027", "den 4., 11., 18. og 25. juli")."""
    if key not in ("period_from", "period_to") or old.source != "subject" or old.value == new:
        return False
    subject = _text_of(read, "subject")
    if periods.find_dates(subject):
        return False
    try:
        then, now = date.fromisoformat(str(old.value)), date.fromisoformat(str(new))
    except ValueError:
        return False
    if not _WEEK_WORD.search(subject):
        return (then.year, then.month) == (now.year, now.month) and _subject_month(read)
    return then.isocalendar()[:2] == now.isocalendar()[:2]


def _subject_month(read: list[tuple[str, str, dict[str, object]]]) -> bool:
    """The subject's period is one whole month ("i juli 2027")."""
    values = next((v for source, _, v in read if source == "subject"), {})
    try:
        start = date.fromisoformat(str(values.get("period_from")))
        end = date.fromisoformat(str(values.get("period_to")))
    except ValueError:
        return False
    return start.day == 1 and (start.year, start.month) == (end.year, end.month) and (end + timedelta(days=1)).day == 1


def _designated_over_signed(found: dict[str, Field], source: str, form_source: str) -> None:
    """A person one text names as the one to contact ("Klientens kontaktperson er X") wins over the one who signed
    an earlier text (the agent's cover mail), but not over a form's contact field."""
    designated, contact = found.get("designated_contact"), found.get("contact_name")
    if (designated is not None and contact is not None and designated.source == source
            and contact.source not in (source, form_source)):
        found["contact_name"] = Field(designated.value, source)


def _year_of_the_subjects_days(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The subject's days without a year ("Christmas market on Halmtorvet, 4-5 December") take the year of the same
    days as another text writes them ("on Saturday 4 and Sunday 5 December 2027")."""
    start, end = found.get("period_from"), found.get("period_to")
    subject = _text_of(read, "subject")
    if start is None or start.source != "subject" or re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", subject):
        return
    for source, _text, values in read:
        other_start, other_end = values.get("period_from"), values.get("period_to")
        if (source != "subject" and isinstance(other_start, str) and other_start[5:] == str(start.value)[5:]
                and (end is None or isinstance(other_end, str) and other_end[5:] == str(end.value)[5:])):
            found["period_from"] = Field(other_start, source)
            if end is not None:
                found["period_to"] = Field(str(other_end), source)
            return


def _subject_site_on_the_address(found: dict[str, Field]) -> None:
    """A site named in the subject without a number ("Ny restaurant på Nørrebrogade") is the address given on that
    street (and so no site of its own)."""
    site, address = found.get("activity_location"), found.get("address")
    if site and address and site.source == "subject" and _more_specific(site.value, address.value):
        found["activity_location"] = address


def _site_by_subject_and_attachment(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The body's address is the place the subject names ("Støjende nedbrydning – Rentemestervej 14") and the place
    an attached text gives as the site beside the business's own address ("Redegørelse for ... arbejde på
    Rentemestervej 14 ... Betonbrud ApS · Ejby Industrivej 40 · 2600 Glostrup"): the body's address is the site, the
    attached text's the business's."""
    address = found.get("address")
    if address is None or address.source != "body" or not isinstance(address.value, str):
        return
    subject = next((v for source, _, v in read if source == "subject"), {})
    named = subject.get("address") or subject.get("activity_location")
    if not isinstance(named, str) or not same_place(named, address.value):
        return
    for source, _, values in read:
        site, own = values.get("activity_location"), values.get("address")
        if (source not in ("body", "subject") and isinstance(site, str) and isinstance(own, str)
                and same_place(site, address.value) and not same_place(own, address.value)):
            found["activity_location"] = Field(site, source)
            found["address"] = Field(own, source)
            for key in ("postcode", "city"):
                if key in values:
                    found[key] = Field(values[key], source)
                else:
                    found.pop(key, None)
            return


# a park or a square by its name ("Havneparken", "Enghave Plads"), no landmark merely near the spot
_PLACE_NOUN_END = re.compile(r"(?i)(?:park|parken|plads|pladsen|have|haven|torv|torvet|square)$")


def _site_within_subject_place(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A place in the subject ("Running event at Islands Brygge") gives way to the site the body names as such and
    puts on or in it ("The site we apply for is Havneparken on Islands Brygge"); a spot merely described in the
    subject's place ("plænen ved Kinesisk Lysthus i Frederiksberg Have") does not narrow it, a park or square the body
    puts there does ("on the big lawn in Havneparken at Islands Brygge"); a text's place whose
    name goes on from the subject's ("Islands Brygge Havnepark" under "... at Islands Brygge") is the narrower one."""
    site = found.get("activity_location")
    if site is None or site.source != "subject" or not isinstance(site.value, str):
        return
    for source, text, values in read:
        inner = values.get("activity_location")
        if (source == "body" and isinstance(inner, str) and inner != site.value
                and (named_site(text) == inner or _PLACE_NOUN_END.search(inner))
                and re.search(rf"(?<![\w]){re.escape(inner)}[ \t]+(?:on|at|in|på|i|ved)[ \t]+{re.escape(site.value)}"
                              r"(?![\w])", text)):
            found["activity_location"] = Field(inner, source)
            return
        if isinstance(inner, str) and re.fullmatch(rf"{re.escape(site.value)}(?:[ \t][A-ZÆØÅ][^\W\d]+){{1,2}}", inner):
            found["activity_location"] = Field(inner, source)   # "at Islands Brygge", "Venue: Islands Brygge Havnepark"
            return


def _subject_corner_of_our_premises(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A corner in the subject ("Udeservering, hjørnet af Elmegade og Sankt Hans Gade") where the body puts the
    business's own premises ("Restaurant X ligger på hjørnet af Elmegade og Sankt Hans Gade") is no site."""
    site = found.get("activity_location")
    if (site is not None and site.source == "subject" and isinstance(site.value, str)
            and any(source == "body" and premises_on_corner(text, site.value) for source, text, _ in read)):
        del found["activity_location"]


def _site_apart_from_the_address(found: dict[str, Field]) -> None:
    """``activity_location`` is a place apart from the business's own address: a site on the same house (a form's
    "Serveringsstedets adresse" repeating the restaurant's address) is the address, not a site of its own, and gives
    the address the postcode it is written with."""
    site, address = found.get("activity_location"), found.get("address")
    postcode = found.get("postcode")
    if site and address and not across_from(str(site.value)) and (
            same_place(str(site.value), str(address.value), str(postcode.value) if postcode else "")
            or _in_front_of_own_street(str(site.value), str(address.value))):
        del found["activity_location"]
        m = _SITE_POSTCODE.match(str(site.value))
        if (postcode is None and m and town_of(m.group("pc"))
                and same_place(m.group("a"), str(address.value))):
            # "Skitse - fortov foran Oehlenschlægersgade 24, 1663 Kbh V" beside the mail's "Vinstuen Oehlen i
            # Oehlenschlægersgade 24": the house's postcode, written with it as the site
            found["postcode"] = Field(m.group("pc"), site.source)
            found["city"] = Field(str(town_of(m.group("pc"))), site.source)


# the mail puts the activity at the business's own premises ("a sign at our new pharmacy", "skilt på vores butik", "a
# mezzanine in our brewery hall")
_AT_OUR_PREMISES = re.compile(r"(?i)\b(?:at|on|in|outside|in front of|på|i|ved|foran|uden for)[ \t]+"
                              r"(?:our|vores|min|mit|my)"
                              r"[ \t]+(?:(?:new|nye|nyåbnede)[ \t]+)?(?:pharmacy|apotek|shop|store|restaurant|café|cafe"
                              r"|salon|bakery|bageri|butik|forretning|klinik|clinic|brewery|bryggeri|bryghus|værksted"
                              r"|workshop|premises|hotel)\b"
                              # "på facaden på Valby Langgade 57, 2500 Valby, hvor butikken ligger"
                              r"|\b(?:hvor|where)[ \t]+(?:butikken|forretningen|salonen|restauranten|caféen|cafeen"
                              r"|klinikken|bageriet|værkstedet|(?:the|our|my)[ \t]+(?:shop|store|salon|restaurant|café"
                              r"|cafe|clinic|bakery))[ \t]+(?:ligger|er|is)\b")
_SITE_POSTCODE = re.compile(r"^(?P<a>.+?),[ \t]*(?P<pc>\d{4})[ \t]+(?P<town>\S.*)$")


def _site_at_our_premises(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A site with a house number, no own address anywhere, and a mail that puts the activity at the business's own
    premises: the site is the address ("Location: Islands Brygge 27, st., 2300 København S" of "a sign at our new
    pharmacy"). So too the one place a text gives beside the business's P-number, the number of its unit at a place
    ("Applicant: X ApS, CVR ..., P-number ... / Site: Vasbygade 12, 2450 København SV")."""
    site = found.get("activity_location")
    if "address" in found or site is None or not re.search(r"\d", str(site.value)):
        return
    unit = found.get("p_number")
    if (not any(source == "body" and _AT_OUR_PREMISES.search(text) for source, text, _ in read)
            and (unit is None or unit.source != site.source)):
        return
    m = _SITE_POSTCODE.match(str(site.value))
    found["address"] = Field(m.group("a") if m else str(site.value), site.source)
    if m and "postcode" not in found and town_of(m.group("pc")):
        found["postcode"] = Field(m.group("pc"), site.source)
        found["city"] = Field(str(town_of(m.group("pc"))), site.source)
    del found["activity_location"]


def _premises_in_another_text(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The address is the company's office ("med kontor på Gothersgade 8") and the mail puts the activity at its
    premises without their address ("udeservering foran vores restaurant"): another text's address (the attached
    description's "Udeservering – Grill & Gris, Flæsketorvet 24") is those premises, the site."""
    address = found.get("address")
    if "activity_location" in found or address is None or address.source in ("subject", "form"):
        return
    text = _text_of(read, address.source)
    street = re.escape(str(address.value).split(",")[0])
    if not (_AT_OUR_PREMISES.search(text) and re.search(rf"(?i)\b(?:kontor|office)\w*[ \t]+(?:(?:er|is)[ \t]+)?"
                                                          rf"(?:på|i|at|in)[ \t]+{street}(?![\w])", text)):
        return
    _site_from_another_text(found, read, address)


def _site_from_another_text(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]],
                            address: Field) -> None:
    """The first address another text (not the address's own, not the subject) gives for another place: the site."""
    for source, _text, values in read:
        other, pc, town = values.get("address"), values.get("postcode"), values.get("city")
        if (source not in (address.source, "subject") and isinstance(other, str)
                and not same_place(other, str(address.value))):
            found["activity_location"] = Field(f"{other}, {pc} {town}" if pc and town else other, source)
            return


# what tells who applies: a text giving any of these is about the applicant, not only about a place
_APPLICANT_KEYS = ("company_name", "cvr", "p_number", "contact_name", "contact_email", "phone")
# the mail sends the reader to an attachment for the place: "Placering og mål fremgår af vedhæftede situationsplan",
# "the location is shown on the attached drawing"
_PLACE_ATTACHED = re.compile(r"(?i)\b(?:placering\w*|location|position|placement)\b[^.\n]{0,60}?"
                             r"\b(?:vedhæft\w*|vedlagt\w*|bilag\w*|attach\w*|enclosed)")


def _site_in_a_plan(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The mail gives the business and its address and says the place is shown in an attachment, and the attachment
    gives another address and nothing of the applicant (a site plan's "Adresse: Frederikssundsvej 180, 2700 Brønshøj",
    a drawing's "Adresse: Ryesgade 58"): that address is where the work is done, the site."""
    address = found.get("address")
    if "activity_location" in found or address is None or address.source != "body":
        return
    if (not any(key in found and found[key].source == address.source for key in ("company_name", "cvr"))
            or not _PLACE_ATTACHED.search(_text_of(read, "body"))):
        return
    plans = [(source, values) for source, _text, values in read if source not in ("body", "subject")
             and isinstance(values.get("address"), str) and not any(key in values for key in _APPLICANT_KEYS)]
    if len(plans) == 1 and not same_place(str(plans[0][1]["address"]), str(address.value)):
        _site_from_another_text(found, [(source, "", values) for source, values in plans], address)


# the business's address written as its head office or registered office ("Our head office is in Aarhus, Hasselager
# Allé 5", "Selskabets hjemsted er ...")
_HEAD_OFFICE = (r"(?i:\bhead[ \t]?(?:office|quarters)|\bhovedkontor\w*|\bregistered[ \t](?:office|address)"
                r"|\bregistrerede?[ \t](?:adresse|hjemsted)|\bhjemsted)")


def _premises_beside_the_head_office(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The address is the head office ("Our head office is in Aarhus, Hasselager Allé 5") and another text places the
    business at other premises ("The production unit is located at Vasbygade 20, 2450 København SV"): those premises
    are the site, over a place without a number in the subject ("noodle production in Sydhavnen")."""
    address, site = found.get("address"), found.get("activity_location")
    if address is None or address.source in ("subject", "form"):
        return
    if site is not None and (site.source != "subject" or re.search(r"\d", str(site.value))):
        return
    text = _text_of(read, address.source)
    street = re.escape(str(address.value).split(",")[0])
    if not re.search(rf"{_HEAD_OFFICE}[^.\n]{{0,40}}?(?<![\w]){street}(?![\w])", text):
        return
    _site_from_another_text(found, read, address)


_IN_FRONT = re.compile(r"(?i)\b(?:foran|ud ?for|uden ?for|in front of|outside)\b")


def _in_front_of_own_street(site: str, address: str) -> bool:
    """ "Skolegården og Sjællandsgade ud for skolen" beside the address "Sjællandsgade 62": the street in front of the
    business's own house, no number of its own, is no site apart from the address."""
    street = re.sub(r"\s+\d.*$", "", address.split(",")[0]).strip()
    return (bool(street) and not re.search(r"\d", site) and _IN_FRONT.search(site) is not None
            and re.search(rf"(?<![\w]){re.escape(street)}(?![\w])", site) is not None)


_LOWER_WORD = r"[a-zæøåäöüéè][a-zæøåäöüéè'’\-]{1,25}"


def _sender_signed_in_lower_case(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]],
                                 sender: str, sender_name: str) -> None:
    """A writer all in lower case signs with the first name the mail comes from ("mads <mads@tacolibre.dk>") and a
    surname ("mads kjær-holm" on its own line under "mvh"): the contact, capitalised ("Mads Kjær-Holm")."""
    if "contact_name" in found:
        return
    words = sender_name.split()
    first = (words[0] if len(words) == 1 else sender.partition("@")[0] if not words else "").casefold()
    if not re.fullmatch(r"[^\W\d_]{2,20}", first):
        return
    m = re.search(rf"(?m)^[ \t]*{re.escape(first)}(?P<rest>(?:[ \t]{_LOWER_WORD}){{1,2}})[ \t]*$",
                  _text_of(read, "body")[-3000:])
    if m is None:
        return
    name = " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in (first + m.group("rest")).split())
    if looks_like_person(name) and not _the_company(found, name):
        found["contact_name"] = Field(name, "body")


def _contact_from_headers(found: dict[str, Field], sender: str, sender_name: str, reply_to: str) -> None:
    """The mail's own contact where the texts name none: Reply-To, then From, and the sender's name."""
    if "contact_email" not in found:
        for source, address in (("reply-to", reply_to), ("from", sender)):
            if address and EMAIL.fullmatch(address) and not IGNORED_EMAIL.search(address):
                found["contact_email"] = Field(address.lower(), source)
                break
    name = " ".join(sender_name.split())
    if not looks_like_person(name) or (sender and IGNORED_EMAIL.search(sender)) or _the_company(found, name):
        return                                  # a company's name, or a colleague forwarding the mail
    signed = found.get("contact_name")
    if signed is None or _more_specific(signed.value, name):
        found["contact_name"] = Field(name, "from")


def _the_company(found: dict[str, Field], name: str) -> bool:
    """The display name is the business's own name without its legal form ("Inkwell Tattoo" writing for "Inkwell
    Tattoo ApS"): no person's."""
    company = found.get("company_name")
    value = str(company.value) if company else ""
    return (value.casefold().startswith(name.casefold() + " ")
            and re.fullmatch(SUFFIX + r"\.?", value[len(name):].strip()) is not None)


def _forwarder_to_contact(found: dict[str, Field], forwarded: Forwarded | None, sender: str, sender_name: str,
                          reference: date) -> None:
    """Someone who forwards a colleague's or a client's mail and says above it that he is the one to contact ("I'm the
    store manager and will be your contact for this case", "kontakt gerne mig på 40 55 12 78"): the sender, with the
    e-mail and phone of his own note (else his address), not whoever signed the forwarded mail."""
    name = " ".join(sender_name.split())
    if (not looks_like_person(name) or forwarded is None or forwarded.author_addr == sender.lower()
            or not asks_for_the_writer(forwarded.note)):
        return
    note = extract_from_text(forwarded.note, reference)
    found["contact_name"] = Field(name, "from")
    own = note.get("contact_email")
    found["contact_email"] = Field(str(own), "body") if own else Field(sender.lower(), "from")
    if "phone" in note:
        found["phone"] = Field(note["phone"], "body")


def _phone_of_the_forwarded_author(found: dict[str, Field], forwarded: Forwarded | None, reference: date) -> None:
    """The contact is the author of the mail forwarded ("Svar venligst direkte til Karin Jessen, som har skrevet
    mailen – vi er blot revisorer"): the phone she gives in it ("Jeg kan fanges på 61 27 03 94"), not the one in the
    forwarder's signature."""
    email, phone = found.get("contact_email"), found.get("phone")
    if forwarded is None or email is None or str(email.value) != forwarded.author_addr:
        return
    first = (forwarded.author_name.split() or [""])[0]
    if len(first) < 2 or not re.search(rf"(?<![\w]){re.escape(first)}(?![\w])", forwarded.note):
        return          # (the note names her: the contact is the author by the forwarder's word, not by default)
    own = extract_from_text(forwarded.text, reference).get("phone")
    if own and (phone is None or str(phone.value) not in re.sub(r"\D", "", forwarded.text)):
        found["phone"] = Field(own, "body")


# asked to write to someone: "svar direkte til Martin (martin@...)", "please contact Anna (anna@...)"
_WRITE_TO = re.compile(r"(?i)\b(?:svar\w*|skriv\w*|send\w*|ret\w*(?:[ \t]+\w+)?|kontakt\w*|henvend\w*|reply|write|"
                       r"contact|correspond|direct)(?:[ \t]+(?:gerne|venligst|please|direkte|directly|alle|all|"
                       r"spørgsmål|questions|jeres|your|svar|answers?|mails?))*[ \t]+(?:til|to|med|with)[ \t]+\Z")


_HEADER_LINE = re.compile(r"(?im)^[ \t>*]*(?:from|fra|to|til|cc|reply-to|svar til)[ \t]*:[^\n]*\Z")


def _name_with_its_address(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]], sender: str,
                           sender_name: str) -> None:
    """The contact's e-mail written with another person's name ("Martin (martin@kaffekompagniet.dk)") is that
    person's. Asked to write to that person ("svar direkte til Martin (...)"), the contact is that person (with the
    surname the text gives them); named in passing ("Restaurantens ejer Sebastian Holm (sebastian@...) er
    orienteret"), the address is not the contact's, and the sender who is the contact is written to at his own.
    Never one person's name with another's address."""
    contact, email = found.get("contact_name"), found.get("contact_email")
    if contact is None or email is None or email.source == "from" or not isinstance(contact.value, str):
        return
    text = next((t for s, t, _ in read if s == email.source), "")
    named = re.search(r"(?P<name>[A-ZÆØÅ][\w'-]+(?:[ \t]+[A-ZÆØÅ][\w'-]+){0,2})[ \t]*[(<][ \t]*(?:mailto:)?(?i:"
                      + re.escape(str(email.value)) + r")[ \t]*[)>]", text)
    # or a line of a list that opens with the person: "- Kenji Watanabe, owner, +45 61 48 02 93, kenji@tanukiramen.dk"
    named = named or re.search(r"(?m)^[ \t]*(?:[-*•][ \t]+)?(?P<name>[A-ZÆØÅ][\w'-]+(?:[ \t]+[A-ZÆØÅ][\w'-]+){1,2}),"
                               r"[^\n]{0,80}?(?<![\w.+-])(?i:" + re.escape(str(email.value)) + r")(?![\w.-])", text)
    if named is None or named.group("name").split()[0].casefold() in contact.value.casefold() \
            or set(named.group("name").casefold().split()) & set(contact.value.casefold().split()):
        return      # (the contact's own, under a title: "Byggeleder Thomas Kjær, 21 66 03 58, tk@krbyg.dk")
    if _WRITE_TO.search(text, max(0, named.start() - 60), named.start()):
        name = named.group("name")
        fuller = re.search(rf"\b{re.escape(name)}(?:[ \t]+[A-ZÆØÅ][\w'-]+){{1,2}}\b", text) if " " not in name else None
        person = fuller.group(0) if fuller and looks_like_person(fuller.group(0)) else name
        local = str(email.value).partition("@")[0].casefold()
        if looks_like_person(person) or (" " not in person and local.startswith(person.casefold())):
            found["contact_name"] = Field(person, email.source)
    # (a display name may carry the firm after a bar: "Katharina Weiß | Nordlicht Events")
    elif (" ".join(re.split(r"[ \t]+[|–][ \t]+", sender_name)[0].split()).casefold() == contact.value.casefold()
          and EMAIL.fullmatch(sender)
          and not _HEADER_LINE.search(text, max(0, named.start() - 40), named.start())):
        found["contact_email"] = Field(sender.lower(), "from")     # (not a forwarded mail's "From: X <x@...>")


def _sender_among_the_signers(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]],
                              sender_name: str) -> None:
    """Two people signing the mail together ("Mvh / Ayla og Kemal Demir"), one of them its sender (From "Kemal
    Demir"): the sender is the contact, not the first one signed (a person the text names to contact stays)."""
    contact, name = found.get("contact_name"), " ".join(sender_name.split())
    designated = found.get("designated_contact")
    if designated is not None and contact is not None and designated.value == contact.value:
        return
    body = _text_of(read, "body")
    couple = signed_together(body) if contact is not None and contact.source == "body" and name else None
    if couple and contact is not None and contact.value in couple and name in couple and name != contact.value:
        found["contact_name"] = Field(name, "from")


def _company_beside_its_cvr(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]],
                           form_fields: Mapping[str, str], form_source: str) -> None:
    """A form's company written with another CVR than the application's ("Contractor | Miljøgrav A/S, CVR 27312586"
    beside "Owner of property | ...", the mail signed "Teglholmen Logistics ApS (VAT DK30748239)") gives way to the
    company a text names with the application's CVR: a company and its CVR belong together."""
    company, cvr = found.get("company_name"), found.get("cvr")
    if company is not None and cvr is not None and company.source == "subject":
        _subject_company_beside_another_cvr(found, read, str(company.value), cvr)
        return
    if company is None or cvr is None or company.source != form_source:
        return
    name = str(company.value)
    own = next((v for v in form_fields.values() if v.startswith(name)), "")
    labelled = CVR_LABELLED.search(own, len(name))      # the form's CVR written with its company ("..., CVR 27312586")
    if labelled is None:
        return
    if digits(labelled.group("v")) == cvr.value:
        # the form's CVR is its contractor's, and the mail is signed by a company the form also names (the property's
        # owner) with a CVR of its own: that company applies, with its CVR
        named = " ".join(form_fields.values())
        signed = next(((s, v) for s, _, v in read if s == "body" and isinstance(v.get("company_name"), str)
                       and v["company_name"] != name and v["company_name"] in named and v.get("cvr")
                       and v["cvr"] != cvr.value), None)
        if signed is not None:
            found["company_name"] = Field(signed[1]["company_name"], signed[0])
            found["cvr"] = Field(signed[1]["cvr"], signed[0])
        return
    beside = next(((s, v["company_name"]) for s, _, v in read if v.get("cvr") == cvr.value
                   and isinstance(v.get("company_name"), str) and v["company_name"] != name), None)
    if beside is not None:
        found["company_name"] = Field(beside[1], beside[0])


def _subject_company_beside_another_cvr(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]],
                                        name: str, cvr: Field) -> None:
    """A company the subject names ("... - Glasvej 9-15 (Boligselskabet Nordvest afd. 12)", a contractor's client)
    gives way to the one the text with the application's CVR writes just above that CVR ("Ansøger:\nBrdr. Sørensen
    Entreprise A/S\nCVR 54307055"), where the subject's company is not the one written there."""
    text, values = next(((t, v) for s, t, v in read if s == cvr.source), ("", {}))
    other = values.get("company_name")
    if not isinstance(other, str) or other.casefold() == name.casefold() or values.get("cvr") != cvr.value:
        return
    number = re.search(r"(?<!\d)" + r"[ \t]?".join(str(cvr.value)) + r"(?!\d)", text)
    before = text[max(0, number.start() - 160):number.start()].casefold() if number else ""
    if other.casefold() in before and name.casefold() not in before:
        found["company_name"] = Field(other, cvr.source)


# a role written before the name as a table's label, read with it from a PDF's row: "Ledningsejer Stadsnet Fiber A/S"
_ROLE_LABEL = re.compile(r"(?i)(?:ledningsejer|tankejer|grundejer|bygherre|ansøger|anmelder|arrangør|entreprenør"
                         r"|udførende|virksomhed|firma|applicant|organi[sz]er|contractor|owner)[ \t]+(?=[A-ZÆØÅ])")


def _company_without_its_label(found: dict[str, Field]) -> None:
    company = found.get("company_name")
    label = _ROLE_LABEL.match(str(company.value)) if company is not None else None
    if company is not None and label is not None and names_a_business(str(company.value)[label.end():]):
        found["company_name"] = Field(str(company.value)[label.end():], company.source)


def _company_of_the_sender(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]],
                           sender: str) -> None:
    """Where no text names the business by its legal form or an introduction: a name in the mail's signature or in
    brackets that the sender's mail domain spells ("Moore Bikes" under "Daniel Moore", from daniel@moorebikes.dk).
    The body as read (without someone else's quoted history)."""
    body = next((text for source, text, _ in read if source == "body"), None)
    if "company_name" in found or not sender or body is None:
        return
    contact = found.get("contact_name")
    name = company_of_the_sender(body, sender, str(contact.value) if contact else None)
    if name:
        found["company_name"] = Field(name, "body")


def _contact_by_the_model(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]], sender: str,
                          sender_name: str) -> None:
    """The learned second opinion on the contact (``contacts``), over a contact read from the body or the headers: a
    person the body names whom the model is sure of, where the rules' contact is no name the body writes out (the
    sender's display name, a closing word, none) or a first name signed alone."""
    contact = found.get("contact_name")
    body = _text_of(read, "body")
    if not body or (contact is not None and contact.source not in ("body", "from", "reply-to")):
        return
    cands = contacts.candidates(body)
    if not cands:
        return
    current = str(contact.value) if contact is not None else None
    if contacts.written_out(cands, current):
        return  # the usual case: the model is not asked
    probs = contacts.opinion(body, cands, " ".join(sender_name.split()), sender, signature_start(body))
    chosen = contacts.reviewed(cands, probs, current)
    if chosen is not None and chosen != current:
        found["contact_name"] = Field(chosen, "body")


def _a_first_name_alone(contact: Field) -> bool:
    """The contact is one capitalised word ("Birgitte", "Somchai"): a first name a fuller one may complete."""
    return re.fullmatch(r"[A-ZÆØÅ][\w\-]+", str(contact.value)) is not None


def _first_name_of_the_owner(found: dict[str, Field]) -> None:
    """ "Venlig hilsen Birgitte" under "Blomsterhuset Amager v/ Birgitte Dam": the owner the business is named after
    (also by a short form of the name: "Cheers, Josh" under "Flat White Istedgade v/Joshua Whitaker")."""
    contact, company = found.get("contact_name"), found.get("company_name")
    if contact is None or company is None or not _a_first_name_alone(contact):
        return
    owner = re.search(rf"\bv/[ \t]?(?P<v>{re.escape(str(contact.value))}[a-zæøå]{{0,5}}"
                      rf"(?:[ \t][A-ZÆØÅ][\w\-]+){{1,2}})$", str(company.value))
    if owner and looks_like_person(owner.group("v")):
        found["contact_name"] = Field(owner.group("v"), contact.source)


def _first_name_in_full(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A contact named by the first name alone ("Jeg hedder Somchai og ...") whom the body also writes in full, and
    only so ("Mange tak\nSomchai Rattanakorn"): the full name."""
    contact = found.get("contact_name")
    body = _text_of(read, "body")
    if contact is None or contact.source != "body" or not body or not _a_first_name_alone(contact):
        return
    full = {m.group(0) for m in islice(re.finditer(rf"(?<![\w]){re.escape(str(contact.value))}"
                                                   r"(?:[ \t][A-ZÆØÅ][\w\-]+){1,2}(?![\w])", body), 10)}
    people = [name for name in full if looks_like_person(name) and not names_a_business(name)]
    if len(people) == 1:
        found["contact_name"] = Field(people[0], "body")


def _name_written_longer(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A contact of two names whom the body also writes longer, and only so: with the surname after a double first
    name ("Kontaktperson er min far, Poul Erik" beside "min far, Poul Erik Munk"), or with the first name in full
    before the same surname ("Jess Mortensen" signing under "JM Outdoor Training v/ Jessica Mortensen")."""
    contact = found.get("contact_name")
    body = _text_of(read, "body")
    if contact is None or contact.source != "body" or not body or not isinstance(contact.value, str):
        return
    words = contact.value.split()
    if len(words) != 2 or not all(w[:1].isupper() for w in words):
        return
    first, last = (re.escape(w) for w in words)
    longer = {m.group(0) for m in islice(re.finditer(
        # "Poul Erik" -> "Poul Erik Munk", in running text (not a line of its own: "Jesper Holm Nedbrydning")
        rf"(?<=[^\W\d][ \t]|[,:/(][ \t]){first}[ \t]{last}[ \t][A-ZÆØÅ][\w\-]+(?![\w])"
        rf"|(?<![\w]){first}[a-zæøå]{{2,8}}[ \t]{last}(?![\w])",           # "Jess Mortensen" -> "Jessica Mortensen"
        body), 10)}
    people = [name for name in longer if looks_like_person(name) and not names_a_business(name)]
    if len(people) == 1:
        found["contact_name"] = Field(people[0], "body")


def _phone_of_another_person(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A phone the body writes only after another person's name is not the contact's (``phone_of_the_contact``)."""
    phone, contact = found.get("phone"), found.get("contact_name")
    body = _text_of(read, "body")
    if phone is None or contact is None or phone.source != "body" or not body:
        return
    cvr = found.get("cvr")
    kept = phone_of_the_contact(body, str(phone.value), str(contact.value), str(cvr.value) if cvr else "")
    if kept is None:
        del found["phone"]
    elif kept != phone.value:
        found["phone"] = Field(kept, "body")


# a sole trader whose business is named after him: "Virksomheden er en enkeltmandsvirksomhed og hedder bare mit navn",
# "my company is simply my own name", "jeg driver firmaet i mit eget navn"
_IN_MY_NAME = re.compile(r"(?i)\bhedder[ \t](?:(?:bare|blot|kun|ganske[ \t]enkelt|simpelthen)[ \t])?(?:efter[ \t])?"
                         r"mit[ \t](?:eget[ \t]|fulde[ \t])?navn\b|\bi[ \t]mit[ \t]eget[ \t]navn\b"
                         r"|\b(?:business|company|firm)\b[^.\n]{0,30}?\b(?:is[ \t]called|is[ \t]named|is|trades[ \t]as)"
                         r"[ \t](?:(?:just|simply|only)[ \t])?(?:my[ \t](?:own[ \t]|full[ \t])?name|after[ \t]me)\b"
                         r"|\bunder[ \t]my[ \t]own[ \t]name\b")


def _company_in_the_owners_name(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A sole trader who says his business bears his own name ("Virksomheden ... hedder bare mit navn"): the contact's
    full name is the company's, when no text names another."""
    contact = found.get("contact_name")
    if "company_name" in found or contact is None or not looks_like_person(str(contact.value)):
        return
    source = next((s for s, t, _ in read if s == "body" and _IN_MY_NAME.search(t)), None)
    if source is not None:
        found["company_name"] = Field(str(contact.value), source)


# a subject's topic before the business it is for: "Sign for Cairo Kitchen ApS", "Ansøgning om skilt til X ApS"
# (a request's word first, so that "Food for Thought ApS" stays whole)
_SUBJECT_TOPIC = re.compile(r"^(?i:sign|skilt|facadeskilt|permit|tilladelse|ansøgning|application|request|anmodning"
                            r"|container|stillads|scaffolding|udeservering|parking|parkering|lift|crane|kran|gravning"
                            r"|excavation|event|arrangement)(?:[ \t][a-zæøå\-]+){0,3}[ \t](?:for|til|fra|from)[ \t]+"
                            r"(?=[A-ZÆØÅ0-9])")


def _in_subject(values: dict, source: str) -> dict:
    """An address in the subject ("Stillads Amagerbrogade 150") is where the activity is, not the business; a topic
    before the business's name ("Sign for Cairo Kitchen ApS") is no part of it."""
    if source == "subject" and isinstance(values.get("company_name"), str):
        values = {**values, "company_name": _SUBJECT_TOPIC.sub("", values["company_name"])}
    if source != "subject" or "address" not in values:
        return values
    values = {k: v for k, v in values.items() if k not in ("postcode", "city")}
    values.setdefault("activity_location", values.pop("address"))
    values.pop("address", None)
    return values


# a count of guests on the spot at one time: "op mod 500 gæster på pladsen på én gang", "150 guests at a time"
_AT_ONCE = re.compile(r"(?i)\b(?:på[ \t](?:én|en)[ \t]gang|ad[ \t]gangen|samtidig\w*|at[ \t](?:the[ \t]same|any[ \t]one"
                      r"|any|one|a)[ \t]time|at[ \t]once)\b")


def _guests_over_the_day(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """The guests one text counts at one time ("op mod 500 gæster på pladsen på én gang") give way to the larger
    count another text gives over the day ("Forventet besøg: i alt omkring 1.500 i løbet af dagen"), as one text's
    "1.500 i løbet af dagen (max 400 ad gangen)" gives the larger."""
    guests = found.get("guests")
    if guests is None or isinstance(guests.value, bool) or not isinstance(guests.value, int):
        return
    count = guests.value
    text = _text_of(read, guests.source)
    if not _counted_at_once(text, count):
        return
    larger = [(value, source) for source, _, values in read
              if isinstance(value := values.get("guests"), int) and not isinstance(value, bool) and value > count]
    if larger:
        found["guests"] = Field(*max(larger))


def _counted_at_once(text: str, count: int) -> bool:
    """``count`` is written in ``text`` ("500", "1.500", "1,500") with "at one time" after it in its sentence."""
    digits = str(count)
    written = rf"{digits[:-3]}[., ]?{digits[-3:]}" if len(digits) > 3 else digits
    for m in re.finditer(rf"(?<![\d.,]){written}(?!\d|[.,]\d)", text):
        sentence = re.match(r"[^.!?\n]{0,80}", text[m.end():])
        if sentence and _AT_ONCE.search(sentence.group(0)):
            return True
    return False


def _foreign_register_number(found: dict[str, Field], read: list[tuple[str, str, dict[str, object]]]) -> None:
    """A business registered abroad ("Company number: 12873468" of a firm "registered in England and Wales", "We do
    not have a Danish CVR number") has no CVR: its register's number is not one, though it may pass the modulus 11
    check. A number the text labels CVR, or writes as DK and eight digits, stays."""
    cvr = found.get("cvr")
    text = next((t for s, t, _ in read if cvr is not None and s == cvr.source), "")
    if cvr is None or not NO_DANISH_CVR.search(text):
        return
    spaced = r"[ \-]?".join(str(cvr.value))
    if not re.search(rf"(?i)(?:\bcvr|\bDK)[^\n\d]{{0,15}}{spaced}(?!\d)", text):
        del found["cvr"]


def _check_cvr(found: dict[str, Field]) -> None:
    cvr = found.get("cvr")
    if cvr is None:
        found.pop("cvr_valid", None)
        return
    found["cvr_valid"] = Field(bool(stdnum_cvr.is_valid(str(cvr.value))), cvr.source)


def _order_period(found: dict[str, Field]) -> None:
    start, end = found.get("period_from"), found.get("period_to")
    if start and end and str(start.value) > str(end.value):
        found["period_from"], found["period_to"] = end, start


def _first_cpr_source(sources, form_fields, form_source) -> str:
    if any(find_cpr(f"{k}: {v}") for k, v in form_fields.items()):
        return form_source
    return next((name for name, text in sources if text and find_cpr(text)), "body")


def details_to_json(fields: Mapping[str, Field]) -> dict:
    """``{key: value, ..., "sources": {key: source}}`` for JSON output."""
    out: dict = {k: f.value for k, f in fields.items()}
    out["sources"] = {k: f.source for k, f in fields.items()}
    return out


__all__ = ["DETAIL_KEYS", "Field", "details_to_json", "extract_details", "periods", "redact_cpr"]
