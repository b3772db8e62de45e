"""The words of the letters: body templates, the phrases file of each language, and the blocks letters share.

Whole bodies are ``string.Template`` files in ``intake/letters/templates``
(``<letter>.<lang>.txt``); short phrases (subjects, event and status words,
headings, single sentences) are in ``templates/phrases.<lang>.toml``, read
once. Both are data, so the wording can change without touching code, and a
missing placeholder fails loudly (``Template.substitute``) instead of sending
a letter with a hole in it. The sender's name is never in a file: templates
and phrases say ``${from_name}`` and the letters fill in ``Settings.sender_name(lang)``
(``from_name``, or ``from_name_en`` in English).
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cache
from importlib import resources
from string import Template

from intake.letters.facts import PartFacts
from intake.mail.message import clean_header_value
from intake.settings import Settings
from intake.tracking import track_url
from routing.catalogue import Catalogue, ContactPerson
from routing.goals import LOCAL_TZ, describe_date, describe_goal, describe_week

LANGUAGES = ("da", "en")
_PACKAGE = "intake.letters.templates"


def language(lang: str | None) -> str:
    """The language a letter is written in: the case's when we write it, else Danish."""
    return lang if lang in LANGUAGES else "da"


@cache
def template(name: str) -> Template:
    return Template(resources.files(_PACKAGE).joinpath(name).read_text("utf-8"))


def render(name: str, values: Mapping[str, object]) -> str:
    """The template ``name`` with ``values`` filled in (every placeholder must have a value)."""
    return template(name).substitute(values)


@cache
def phrases(lang: str) -> Mapping[str, Mapping[str, object]]:
    """The phrases file of ``lang`` (``phrases.<lang>.toml``), sections as mappings."""
    return tomllib.loads(resources.files(_PACKAGE).joinpath(f"phrases.{lang}.toml").read_text("utf-8"))


def words(lang: str, section: str) -> Mapping[str, str]:
    """One section of the phrases of ``lang``, e.g. ``words("da", "events")``."""
    return phrases(language(lang))[section]  # type: ignore[return-value]


def phrase(lang: str, key: str, **values: object) -> str:
    """The phrase ``section.name`` of ``lang`` with ``values`` filled in."""
    section, _, name = key.partition(".")
    return Template(str(words(lang, section)[name])).substitute(values)


def describe_received(when: datetime, lang: str) -> str:
    """When a mail arrived, as the business reads it: "mandag den 30. november 2026 kl. 09.05"."""
    local = when.astimezone(LOCAL_TZ)
    return phrase(lang, "words.at_time", date=describe_day(local.date(), lang), time=clock(local, lang))


def clock(when: datetime, lang: str) -> str:
    """A time of day as the language writes it: Danish with a full stop ("kl. 09.05", as Retskrivningsordbogen
    writes clock times), English with a colon ("09:05")."""
    return f"{when:%H.%M}" if language(lang) == "da" else f"{when:%H:%M}"


def describe_day(d: date, lang: str) -> str:
    """A date as a sentence says it: "mandag den 30. november 2026" / "Monday 30 November 2026" (Danish puts "den"
    between the weekday and the day; "den mandag 30. november" reads as "that Monday")."""
    weekday, rest = describe_date(d, lang).split(" ", 1)
    return f"{weekday} den {rest}" if language(lang) == "da" else f"{weekday} {rest}"


def inline_name(name: str) -> str:
    """A task's or checklist item's name inside a sentence: "din ansøgning om udeservering", the first letter in
    lower case unless the name starts with an abbreviation ("CVR-nummer", "P-nummeret")."""
    return name if _abbreviation_first(name) else name[:1].lower() + name[1:]


def _abbreviation_first(name: str) -> bool:
    return len(name) > 1 and not name[1].isspace() and name[:2] == name[:2].upper()


def greeting_name(name: object, lang: str) -> str:
    """Whom a letter greets: ``name`` cleaned (it comes from the sender), else "ansøger" / "applicant".

    A name that is no name greets nobody by it: one holding an address ("mette@cafesolsikke.dk" <evil@...>), a
    link, a digit, or more than five words. A display name (or a Reply-To's) is the sender's to write, and "Betal
    gebyret 5000 kr til konto 1234-567890 senest fredag" was our acknowledgement's first line to a stranger.
    """
    cleaned = clean_header_value(str(name or ""), max_len=80)
    if (not cleaned or "@" in cleaned or any(c.isdigit() for c in cleaned) or len(cleaned.split()) > 5
            or _LINK.search(cleaned)):
        return phrase(lang, "words.applicant")
    return cleaned


_LINK = re.compile(r"://|\bwww\.|\.(?:com|dk|net|org|io|info|biz|ru|xyz)\b", re.IGNORECASE)


def contact_text(person: ContactPerson | None, lang: str, *, introduce: bool = False, question: bool = False) -> str:
    """The block that names the contact person with direct contact details ('' when there is none); introduced as
    the guide of a case for several offices, or of a question that touches several (``question``)."""
    if person is None:
        return ""
    intro = phrase(lang, "contact.intro_question" if question else "contact.intro") + "\n" if introduce else ""
    details = phrase(lang, "contact.details", name=person.name, title=person.title, email=person.email,
                     phone=person.phone)
    return f"\n{phrase(lang, 'contact.head')}\n{intro}{details}\n"


def track_text(settings: Settings, reference: str, lang: str) -> str:
    """The line with the business's personal link to the case's track page."""
    return phrase(lang, "track.link", url=track_url(settings, reference))


def bullet_block(head: str, lines: list[str], tail: str = "") -> str:
    """A heading, one "- " line each and an optional closing line, set off by blank lines ('' for no lines)."""
    if not lines:
        return ""
    return "\n" + head + "\n" + "\n".join(f"- {line}" for line in lines) + "\n" + (tail + "\n" if tail else "")


def week_when(due: date, lang: str) -> str:
    """The one way to write when: "uge 51 (14.-18. december 2026), senest mandag den 14. december"."""
    return phrase(lang, "words.week_when", week=describe_week(due, lang), date=latest_day(due, lang))


def week_line(due: date, lang: str) -> str:
    """The one way to write the expected week, in every letter, the status answer, the routed case and the track
    page: "Forventes afsluttet i uge 51 (14.-18. december 2026), senest mandag den 14. december"."""
    return phrase(lang, "words.week_line", when=week_when(due, lang))


CLOCK_RUNS = ("received", "routed", "in_progress")     # a part's statuses while its clock runs (not paused or decided)


def expected_line(due: date, lang: str, *, open_clock: bool = True, today: date | None = None) -> str:
    """The expected week (``week_line``); for a part still running whose latest day has passed, that it is late, that
    we are sorry and will answer as soon as we can (the Ombudsman expects to be told when an answer can be expected,
    and a week in the past tells nothing)."""
    today = today or datetime.now(LOCAL_TZ).date()
    if not open_clock or due >= today:
        return week_line(due, lang)
    return phrase(lang, "words.late_line", latest=describe_day(due, lang))


def latest_day(due: date, lang: str) -> str:
    """The due date without its year (the week says it): "mandag den 14. december" / "Monday 14 December"."""
    return describe_day(due, lang).rsplit(" ", 1)[0]


def name_list(names: Sequence[str], lang: str) -> str:
    """Names in a sentence: "A, B og C" / "A, B and C". Where a name has the word "og" / "and" in it ("Affald og
    Genbrug"), the last is joined with "samt" / "as well as" so that no "og" both names and joins: "Byliv og
    Arrangementer, Affald og Genbrug samt Center for Bygninger" (commas alone would still leave "Affald og Genbrug og
    Center for Bygninger" at the end)."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    conjunction = phrase(lang, "words.and")
    if any(conjunction in name.casefold().split() for name in names):
        conjunction = phrase(lang, "words.and_also")
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def parts_block(parts: Sequence[PartFacts], catalogue: Catalogue, lang: str, *, status: bool = False,
                today: date | None = None) -> str:
    """Each part of a case: task, office, goal and expected week (and where it stands, for a status answer).

    One part reads as the lines "Opgave / Ansvarlig enhed / Servicemål / Forventet afsluttet"; a part at the
    triage office never names a guessed office, only that the triage office finds the right one, and by when.
    """
    if len(parts) == 1 and not status:
        part = parts[0]
        return render(f"part_{'triage' if part.needs_triage else 'single'}.{lang}.txt",
                      part_values(part, catalogue, lang)).rstrip("\n")
    lines = [phrase(lang, "parts.intro", count=len(parts))] if len(parts) > 1 else []
    for i, part in enumerate(parts, start=1):
        lines += part_lines(i, part, catalogue, lang, status=status, today=today)
    return "\n".join(lines)


def part_lines(n: int, part: PartFacts, catalogue: Catalogue, lang: str, *, status: bool = False,
               today: date | None = None) -> list[str]:
    """Part ``n`` of a case's list: "n. task: office", its goal and expected week (for a status, where it stands
    instead of its goal once decided, and a late part's apology instead of a week in the past)."""
    values = part_values(part, catalogue, lang)
    if status:      # as it stands now: a part past its latest day says it is late
        values["week_line"] = expected_line(part.due, lang, open_clock=part.status in CLOCK_RUNS, today=today)
    lines = [phrase(lang, "parts.item", n=n, **values)]
    if status:
        lines.append(phrase(lang, "parts.state", state=part_state(part, lang)))
        if part.status == "waiting" and part.waiting_for:
            lines.append(phrase(lang, "parts.waiting_for", question=part.waiting_for))
    if not (status and part.status in ("decided", "closed")):
        lines.append(phrase(lang, "parts.goal", **values))
    return lines


def part_values(part: PartFacts, catalogue: Catalogue, lang: str) -> dict[str, str]:
    """The names, goal and week of one part, in ``lang``."""
    values = {"goal_text": describe_goal(part.goal, lang), "week_text": week_when(part.due, lang),
              "week_line": week_line(part.due, lang)}
    if part.needs_triage:
        triage = getattr(catalogue.office(catalogue.triage_office), f"name_{lang}")
        return {**values, "task_name": phrase(lang, "parts.triage_task"), "office_name": triage}
    return {**values, "task_name": getattr(catalogue.task(part.task_type), f"name_{lang}"),
            "office_name": getattr(catalogue.office(part.office), f"name_{lang}")}


def part_state(part: PartFacts, lang: str) -> str:
    """Where a part stands, in the business's words: "afgjort (godkendt)"."""
    return state_words(part.status, part.decision, lang)


def state_words(status: str, decision: str | None, lang: str) -> str:
    """A status and its decision in words (``[statuses]``, ``[decisions]``): "afgjort (godkendt)"; an unknown
    value as it is."""
    state = words(lang, "statuses").get(status, status)
    if decision:
        state += f" ({words(lang, 'decisions').get(decision, decision)})"
    return state
