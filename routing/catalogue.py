"""The task catalogue: offices, task types and their service goals, read from TOML.

The catalogue is data, not code: a municipality edits ``catalogue.toml`` (or points
the service at its own copy) to change offices, goals and texts.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args

from models.addresses import is_valid_address
from routing.errors import CatalogueError, UnknownTaskError

log = logging.getLogger(__name__)

Unit = Literal["weeks", "calendar_days", "working_days"]
UNITS: frozenset[str] = frozenset(get_args(Unit))
BUNDLED_CATALOGUE = Path(__file__).with_name("catalogue.toml")
DEFAULT_TASK_IDS: frozenset[str] = frozenset({
    "udeservering", "vejareal", "gravetilladelse", "skilte", "arrangement",
    "gadesalg", "byggetilladelse", "nedrivning", "miljoegodkendelse", "spildevand",
    "jordflytning", "stoej_byggeplads", "olietank", "erhvervsaffald", "generel",
})


@dataclass(frozen=True)
class ServiceGoal:
    """How long a task type may take, counted from receipt."""

    value: int
    unit: Unit

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit}


@dataclass(frozen=True)
class Office:
    """An authority office with its functional mailbox."""

    id: str
    name_da: str
    name_en: str
    address: str


@dataclass(frozen=True)
class GoalVariant:
    """A different service goal for a special case of a task type.

    It applies by itself when the application shows it: ``litres_at_least`` (the tank's size the details found)
    or one of ``words`` in its text (case-insensitive, at the start of a word and going on into a compound:
    "bilvask" in "bilvaskeanlæg", but "ie-virksomhed" not in "familie-virksomhed"). With neither it is data only:
    shown, never applied by itself.
    """

    id: str
    when_da: str
    when_en: str
    goal: ServiceGoal
    litres_at_least: int | None = None
    words: tuple[str, ...] = ()

    def applies(self, litres: float | None, text: str) -> bool:
        if self.litres_at_least is not None and litres is not None and litres >= self.litres_at_least:
            return True
        folded = text.casefold()
        return any(re.search(r"(?<![^\W\d_])" + re.escape(word.casefold()), folded) for word in self.words)


# The details intake extracts (``intake.details.DETAIL_KEYS``) that a checklist item may name.
CHECKLIST_DETAILS: frozenset[str] = frozenset({
    "company_name", "cvr", "p_number", "contact_name", "contact_email", "phone", "address",
    "activity_location", "period_from", "period_to", "area_m2", "litres", "guests",
})


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a complete application of a task type contains, and how intake can see that it is there.

    It is there when one of ``details`` was extracted, an attachment's file name or text holds one of
    ``attachments`` (words, ignoring case), or the application's text matches one of ``patterns``
    (regular expressions, ignoring case). ``away``: the place of an activity that happens away from the
    business's own address (a scaffold, an event, a dig): the address in the mail's signature is not it.
    """

    id: str
    name_da: str
    name_en: str
    required: bool
    details: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    away: bool = False


@dataclass(frozen=True)
class TaskType:
    """A kind of application, the office that handles it and its service goal."""

    id: str
    name_da: str
    name_en: str
    office: str
    goal: ServiceGoal
    complex: bool
    municipal: bool
    paths_forward_da: tuple[str, ...]
    paths_forward_en: tuple[str, ...]
    appeal_da: str
    appeal_en: str
    guidance_da: str
    guidance_en: str
    notes: str = ""
    variants: tuple[GoalVariant, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()  # what a complete application contains

    def variant(self, variant_id: str) -> GoalVariant:
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        raise UnknownTaskError(f"task {self.id!r} has no variant {variant_id!r}")


@dataclass(frozen=True)
class ExternalTopic:
    """A topic the municipality does not decide, and the authority that does."""

    id: str
    name_da: str
    name_en: str
    authority_da: str
    authority_en: str
    url: str
    guidance_da: str = ""
    guidance_en: str = ""
    phrases_da: tuple[str, ...] = ()  # trigger phrases that show a mail asks about the topic
    phrases_en: tuple[str, ...] = ()
    # another municipality's postcodes (first, last): an application whose site lies there is that authority's
    postcodes: tuple[tuple[int, int], ...] = ()
    # the authority's official mailbox: ``intake case forward`` sends the application there (forvaltningsloven
    # § 7, stk. 2); '' when the municipality has not filled it in (the caseworker gives one, or the business is
    # told where to apply)
    email: str = ""

    def has_postcode(self, postcode: str) -> bool:
        return postcode.isdigit() and any(first <= int(postcode) <= last for first, last in self.postcodes)

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every trigger phrase, Danish first."""
        return self.phrases_da + self.phrases_en


@dataclass(frozen=True)
class ContactPerson:
    """A contact person (virksomhedslods) who guides a business through a complex case."""

    name: str
    email: str
    phone: str
    title: str


@dataclass(frozen=True)
class Catalogue:
    """Offices, task types and calendar settings of one municipality."""

    offices: Mapping[str, Office]
    tasks: Mapping[str, TaskType]
    triage_office: str
    extra_closure_days: tuple[date, ...]
    external: Mapping[str, ExternalTopic] = field(default_factory=lambda: MappingProxyType({}))
    source: str = ""
    contact_persons: tuple[ContactPerson, ...] = ()
    general_task: str | None = None  # the general enquiry (guidance): its goal is the triage goal

    def task(self, task_id: str) -> TaskType:
        try:
            return self.tasks[task_id]
        except KeyError as err:
            raise UnknownTaskError(f"unknown task type {task_id!r}") from err

    def office(self, office_id: str) -> Office:
        try:
            return self.offices[office_id]
        except KeyError as err:
            raise UnknownTaskError(f"unknown office {office_id!r}") from err

    def office_for(self, task_id: str) -> Office:
        return self.office(self.task(task_id).office)


def load_catalogue(path: Path | None = None, *, check_patterns: bool = True) -> Catalogue:
    """Read and validate a catalogue; ``None`` reads the bundled ``catalogue.toml``.

    ``check_patterns=False`` leaves the checklist items' regular expressions uncompiled (about
    60 ms): for commands that only read cases (``intake case list``), never for the service,
    whose start is where a municipality's edited catalogue is validated.
    """
    source = Path(path) if path is not None else BUNDLED_CATALOGUE
    try:
        with source.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError as err:
        raise CatalogueError(f"{source}: cannot read catalogue: {err.strerror or err}") from err
    except tomllib.TOMLDecodeError as err:
        raise CatalogueError(f"{source}: not valid TOML: {err}") from err
    catalogue = parse_catalogue(raw, str(source), check_patterns=check_patterns)
    if path is None:
        _require_defaults(catalogue, str(source))
    log.debug("loaded catalogue %s: %d offices, %d tasks", source, len(catalogue.offices), len(catalogue.tasks))
    return catalogue


def parse_catalogue(raw: Mapping[str, Any], source: str = "<catalogue>", *, check_patterns: bool = True) -> Catalogue:
    """Build a validated :class:`Catalogue` from already-parsed TOML data."""
    r = _Reader(source, check_patterns=check_patterns)
    offices = {oid: _office(r, oid, data) for oid, data in r.table(raw, "offices").items()}
    tasks = {tid: _task(r, tid, data) for tid, data in r.table(raw, "tasks").items()}
    external = {xid: _external(r, xid, data) for xid, data in r.table(raw, "external", required=False).items()}
    _check_unique_phrases(r, external)
    triage = r.string(raw, "triage_office", "triage_office")
    if triage not in offices:
        raise r.error("triage_office", f"office {triage!r} is not defined under [offices]")
    for tid, task in tasks.items():
        if task.office not in offices:
            raise r.error(f"tasks.{tid}.office", f"office {task.office!r} is not defined under [offices]")
    general = raw.get("general_task", "generel" if "generel" in tasks else None)
    if general is not None and general not in tasks:
        raise r.error("general_task", f"task {general!r} is not defined under [tasks]")
    return Catalogue(
        offices=MappingProxyType(offices),
        tasks=MappingProxyType(tasks),
        triage_office=triage,
        extra_closure_days=_closure_days(r, raw.get("extra_closure_days", [])),
        external=MappingProxyType(external),
        source=source,
        contact_persons=_contact_persons(r, raw.get("contact_persons", [])),
        general_task=general,
    )


def _require_defaults(catalogue: Catalogue, source: str) -> None:
    missing = sorted(DEFAULT_TASK_IDS - catalogue.tasks.keys())
    if missing:
        raise CatalogueError(f"{source}: tasks: default task types missing: {', '.join(missing)}")


class _Reader:
    """Typed accessors that name the file and key in every error."""

    def __init__(self, source: str, *, check_patterns: bool = True) -> None:
        self.source = source
        self.check_patterns = check_patterns

    def error(self, key: str, message: str) -> CatalogueError:
        return CatalogueError(f"{self.source}: {key}: {message}")

    def table(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> dict[str, Any]:
        value = data.get(key)
        if value is None and not required:
            return {}
        if not isinstance(value, dict) or (required and not value):
            raise self.error(key, "expected a non-empty table")
        for sub_key, sub in value.items():
            if not isinstance(sub, dict):
                raise self.error(f"{key}.{sub_key}", "expected a table")
        return value

    def string(self, data: Mapping[str, Any], key: str, where: str, *, default: str | None = None) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.error(where, "expected a non-empty string")
        return value.strip()

    def boolean(self, data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.error(where, "expected true or false")
        return value

    def strings(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(where, "expected a non-empty list of non-empty strings")
        return tuple(v.strip() for v in value)

    def goal(self, data: Any, where: str) -> ServiceGoal:
        if not isinstance(data, dict):
            raise self.error(where, "expected a table {value = <int>, unit = <unit>}")
        value, unit = data.get("value"), data.get("unit")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.error(f"{where}.value", f"expected a positive whole number, got {value!r}")
        if unit not in UNITS:
            raise self.error(f"{where}.unit", f"unknown unit {unit!r}; expected one of {', '.join(sorted(UNITS))}")
        return ServiceGoal(value=value, unit=unit)


def _office(r: _Reader, oid: str, data: Mapping[str, Any]) -> Office:
    where = f"offices.{oid}"
    address = r.string(data, "address", f"{where}.address")
    if "@" not in address:
        raise r.error(f"{where}.address", f"not an email address: {address!r}")
    return Office(
        id=oid,
        name_da=r.string(data, "name_da", f"{where}.name_da"),
        name_en=r.string(data, "name_en", f"{where}.name_en"),
        address=address,
    )


def _task(r: _Reader, tid: str, data: Mapping[str, Any]) -> TaskType:
    where = f"tasks.{tid}"
    variants = data.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, dict) for v in variants):
        raise r.error(f"{where}.variants", "expected an array of tables ([[tasks.<id>.variants]])")
    return TaskType(
        id=tid,
        name_da=r.string(data, "name_da", f"{where}.name_da"),
        name_en=r.string(data, "name_en", f"{where}.name_en"),
        office=r.string(data, "office", f"{where}.office"),
        goal=r.goal(data.get("goal"), f"{where}.goal"),
        complex=r.boolean(data, "complex", f"{where}.complex", False),
        municipal=r.boolean(data, "municipal", f"{where}.municipal", True),
        paths_forward_da=r.strings(data, "paths_forward_da", f"{where}.paths_forward_da"),
        paths_forward_en=r.strings(data, "paths_forward_en", f"{where}.paths_forward_en"),
        appeal_da=r.string(data, "appeal_da", f"{where}.appeal_da"),
        appeal_en=r.string(data, "appeal_en", f"{where}.appeal_en"),
        guidance_da=r.string(data, "guidance_da", f"{where}.guidance_da"),
        guidance_en=r.string(data, "guidance_en", f"{where}.guidance_en"),
        notes=r.string(data, "notes", f"{where}.notes", default=""),
        variants=tuple(_variant(r, f"{where}.variants[{i}]", v) for i, v in enumerate(variants)),
        checklist=_checklist(r, where, data.get("checklist", [])),
    )


def _checklist(r: _Reader, where: str, value: Any) -> tuple[ChecklistItem, ...]:
    """``[[tasks.<id>.checklist]]``: optional; each item named in both languages, with at least one way to see it."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise r.error(f"{where}.checklist", "expected an array of tables ([[tasks.<id>.checklist]])")
    items = tuple(_checklist_item(r, f"{where}.checklist[{i}]", data) for i, data in enumerate(value))
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise r.error(f"{where}.checklist", f"two items share an id: {sorted({i for i in ids if ids.count(i) > 1})}")
    return items


def _checklist_item(r: _Reader, where: str, data: Mapping[str, Any]) -> ChecklistItem:
    item = ChecklistItem(
        id=r.string(data, "id", f"{where}.id"),
        name_da=r.string(data, "name_da", f"{where}.name_da"),
        name_en=r.string(data, "name_en", f"{where}.name_en"),
        required=r.boolean(data, "required", f"{where}.required", True),
        details=r.strings(data, "details", f"{where}.details") if "details" in data else (),
        attachments=r.strings(data, "attachments", f"{where}.attachments") if "attachments" in data else (),
        patterns=r.strings(data, "patterns", f"{where}.patterns") if "patterns" in data else (),
        away=r.boolean(data, "away", f"{where}.away", False),
    )
    if not re.fullmatch(r"[a-z][a-z0-9_]*", item.id):
        raise r.error(f"{where}.id", f"expected lower-case letters, digits and _, got {item.id!r}")
    if not (item.details or item.attachments or item.patterns):
        raise r.error(where, "needs at least one of details, attachments or patterns")
    unknown = sorted(set(item.details) - CHECKLIST_DETAILS)
    if unknown:
        known = ", ".join(sorted(CHECKLIST_DETAILS))
        raise r.error(f"{where}.details", f"unknown detail {unknown[0]!r}; known: {known}")
    for pattern in item.patterns if r.check_patterns else ():
        try:
            re.compile(pattern)
        except re.error as err:
            raise r.error(f"{where}.patterns", f"not a regular expression: {pattern!r}: {err}") from err
    return item


def _variant(r: _Reader, where: str, data: Mapping[str, Any]) -> GoalVariant:
    litres = data.get("litres_at_least")
    if litres is not None and (isinstance(litres, bool) or not isinstance(litres, int) or litres <= 0):
        raise r.error(f"{where}.litres_at_least", f"expected a positive whole number, got {litres!r}")
    return GoalVariant(
        id=r.string(data, "id", f"{where}.id"),
        when_da=r.string(data, "when_da", f"{where}.when_da"),
        when_en=r.string(data, "when_en", f"{where}.when_en"),
        goal=r.goal(data.get("goal"), f"{where}.goal"),
        litres_at_least=litres,
        words=r.strings(data, "words", f"{where}.words") if "words" in data else (),
    )


def _external(r: _Reader, xid: str, data: Mapping[str, Any]) -> ExternalTopic:
    where = f"external.{xid}"
    return ExternalTopic(
        id=xid,
        name_da=r.string(data, "name_da", f"{where}.name_da"),
        name_en=r.string(data, "name_en", f"{where}.name_en"),
        authority_da=r.string(data, "authority_da", f"{where}.authority_da"),
        authority_en=r.string(data, "authority_en", f"{where}.authority_en"),
        url=r.string(data, "url", f"{where}.url"),
        guidance_da=r.string(data, "guidance_da", f"{where}.guidance_da"),
        guidance_en=r.string(data, "guidance_en", f"{where}.guidance_en"),
        phrases_da=_phrases(r, data, "phrases_da", where),
        phrases_en=_phrases(r, data, "phrases_en", where),
        postcodes=_postcodes(r, data, where),
        email=_mailbox(r, data, where),
    )


def _mailbox(r: _Reader, data: Mapping[str, Any], where: str) -> str:
    """Optional: the authority's official mailbox, a plain address (absent means none is known)."""
    if "email" not in data:
        return ""
    address = r.string(data, "email", f"{where}.email").strip()
    if not is_valid_address(address):
        raise r.error(f"{where}.email", f"not an email address: {address!r} (write the plain address, "
                                        "e.g. post@authority.example)")
    return address


_POSTCODE_RANGE = re.compile(r"(?P<first>\d{4})(?:[ \t]*-[ \t]*(?P<last>\d{4}))?")


def _postcodes(r: _Reader, data: Mapping[str, Any], where: str) -> tuple[tuple[int, int], ...]:
    """Optional postcodes of another municipality: "1800-1999" or "2000"; absent means none."""
    if "postcodes" not in data:
        return ()
    ranges = []
    for item in r.strings(data, "postcodes", f"{where}.postcodes"):
        m = _POSTCODE_RANGE.fullmatch(item.strip())
        if m is None or int(m.group("last") or m.group("first")) < int(m.group("first")):
            raise r.error(f"{where}.postcodes", f"{item!r} is no postcode nor range of postcodes (\"1800-1999\")")
        ranges.append((int(m.group("first")), int(m.group("last") or m.group("first"))))
    return tuple(ranges)


MIN_PHRASE_CHARS = 3


def _phrases(r: _Reader, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Optional trigger phrases: absent means none; present, a non-empty list of phrases of 3+ characters."""
    if key not in data:
        return ()
    phrases = r.strings(data, key, f"{where}.{key}")
    short = [p for p in phrases if len(p) < MIN_PHRASE_CHARS]
    if short:
        raise r.error(f"{where}.{key}", f"phrase {short[0]!r} is shorter than {MIN_PHRASE_CHARS} characters")
    return phrases


def _check_unique_phrases(r: _Reader, external: Mapping[str, ExternalTopic]) -> None:
    """A phrase (ignoring case) may point at one topic only, or a mail would be sent two ways."""
    owner: dict[str, str] = {}
    for xid, topic in external.items():
        for phrase in topic.phrases:
            other = owner.setdefault(phrase.casefold(), xid)
            if other != xid:
                raise r.error(f"external.{xid}", f"phrase {phrase!r} is also a phrase of external.{other}")


def _contact_persons(r: _Reader, value: Any) -> tuple[ContactPerson, ...]:
    """The ``[[contact_persons]]`` pool; optional, every entry needs name, email, phone and title."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise r.error("contact_persons", "expected an array of tables ([[contact_persons]])")
    people = []
    for i, data in enumerate(value):
        where = f"contact_persons[{i}]"
        email = r.string(data, "email", f"{where}.email")
        if "@" not in email:
            raise r.error(f"{where}.email", f"not an email address: {email!r}")
        people.append(ContactPerson(name=r.string(data, "name", f"{where}.name"), email=email,
                                    phone=r.string(data, "phone", f"{where}.phone"),
                                    title=r.string(data, "title", f"{where}.title")))
    if len({p.email.lower() for p in people}) != len(people):
        raise r.error("contact_persons", "two contact persons share an email address")
    return tuple(people)


def _closure_days(r: _Reader, value: Any) -> tuple[date, ...]:
    """Accept TOML local dates (2026-12-24) or ISO strings ("2026-12-24")."""
    if not isinstance(value, list):
        raise r.error("extra_closure_days", "expected a list of dates")
    days = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            try:
                item = date.fromisoformat(item.strip())
            except ValueError as err:
                raise r.error(f"extra_closure_days[{i}]", f"not a date: {item!r}") from err
        if not isinstance(item, date) or hasattr(item, "hour"):
            raise r.error(f"extra_closure_days[{i}]", f"expected a date like 2026-12-24, got {item!r}")
        days.append(item)
    return tuple(sorted(set(days)))
