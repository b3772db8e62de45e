"""The words of the letters: body templates, the phrases file of each language, and the blocks letters share.

Whole bodies are ``string.Template`` files in ``intake/letters/templates``
(``<letter>.<lang>.txt``); short phrases (subjects, event and status words,
headings, single sentences) are in ``templates/phrases.<lang>.toml``, read
once. Both are data, so the wording can change without touching code, and a
missing placeholder fails loudly (``Template.substitute``) instead of sending
a letter with a hole in it. The sender's name is never in a file: templates
and phrases say ``${from_name}`` and the letters fill in ``Settings.from_name``.
"""
from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from importlib import resources
from string import Template

from intake.mail.message import clean_header_value
from routing.catalogue import ContactPerson
from routing.goals import LOCAL_TZ, describe_date

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
    """When a mail arrived, as the business reads it: "mandag 30. november 2026 kl. 09:05"."""
    local = when.astimezone(LOCAL_TZ)
    return phrase(lang, "words.at_time", date=describe_date(local.date(), lang), time=f"{local:%H:%M}")


def greeting_name(name: object, lang: str) -> str:
    """Whom a letter greets: ``name`` cleaned (it comes from the sender), else "ansøger" / "applicant"."""
    cleaned = clean_header_value(str(name or ""), max_len=80)
    return cleaned or phrase(lang, "words.applicant")


def contact_text(person: ContactPerson | None, lang: str, *, introduce: bool = False) -> str:
    """The block that names the contact person with direct contact details ('' when there is none)."""
    if person is None:
        return ""
    intro = phrase(lang, "contact.intro") + "\n" if introduce else ""
    details = phrase(lang, "contact.details", name=person.name, title=person.title, email=person.email,
                     phone=person.phone)
    return f"\n{phrase(lang, 'contact.head')}\n{intro}{details}\n"


def bullet_block(head: str, lines: list[str], tail: str = "") -> str:
    """A heading, one "- " line each and an optional closing line, set off by blank lines ('' for no lines)."""
    if not lines:
        return ""
    return "\n" + head + "\n" + "\n".join(f"- {line}" for line in lines) + "\n" + (tail + "\n" if tail else "")
