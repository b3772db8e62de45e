"""The completeness checklist in words: what the business sent, what we still need, and the caseworker's list.

A part's checklist (``PartFacts.checklist``) names catalogue items by id; the
names come from the catalogue in the letter's language. The business is asked
only for the **required** items missing; helpful items are shown to the
caseworker, never asked for. A part without a checklist (triage, a question)
says nothing.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from intake.letters.facts import PartFacts
from intake.letters.wording import bullet_block, inline_name, phrase
from routing.catalogue import Catalogue, ChecklistItem
from routing.goals import describe_date


def item_names(task_type: str, ids: Sequence[str], catalogue: Catalogue, lang: str) -> list[str]:
    """The names of checklist items of ``task_type`` in ``lang``, catalogue order; unknown ids are skipped."""
    return [_name(item, lang) for item in _items(task_type, ids, catalogue)]


def _items(task_type: str, ids: Sequence[str], catalogue: Catalogue) -> list[ChecklistItem]:
    """The checklist items of ``task_type`` that ``ids`` name, in their order; unknown ids are skipped."""
    items = {i.id: i for i in catalogue.task(task_type).checklist}
    return [items[i] for i in ids if i in items]


def _name(item: ChecklistItem, lang: str) -> str:
    return item.name_en if lang == "en" else item.name_da


def _checked(parts: Sequence[PartFacts]) -> list[PartFacts]:
    return [p for p in parts if p.checklist and not p.needs_triage]


def acknowledgement_block(parts: Sequence[PartFacts], catalogue: Catalogue, lang: str,
                          details: Mapping[str, object] | None = None) -> str:
    """What we received (briefly) and only what is missing, per part when there are several ('' for none).

    ``details`` (name -> value) let a missing period that has its start ask for the end only."""
    checked = _checked(parts)
    if not checked:
        return ""
    if all(not p.items("required_missing") for p in checked):
        received = [n for p in checked for n in item_names(p.task_type, list(p.have), catalogue, lang)]
        lines = [phrase(lang, "checklist.received", items=_lower_join(received))] if received else []
        return "\n" + "\n".join([*lines, phrase(lang, "checklist.complete")]) + "\n"
    blocks = [_part_block(p, catalogue, lang, details or {}, several=len(checked) > 1) for p in checked]
    return "".join(blocks) + "\n" + phrase(lang, "checklist.missing_tail") + "\n"


def _part_block(part: PartFacts, catalogue: Catalogue, lang: str, details: Mapping[str, object], *,
                several: bool) -> str:
    task_name = getattr(catalogue.task(part.task_type), f"name_{lang}")
    head = phrase(lang, "checklist.part_head", task_name=task_name) + "\n" if several else ""
    received = item_names(part.task_type, list(part.have), catalogue, lang)
    line = phrase(lang, "checklist.received", items=_lower_join(received)) + "\n" if received else ""
    missing = _missing_names(part, catalogue, lang, details)
    if not missing:
        return f"\n{head}{line}{phrase(lang, 'checklist.complete')}\n"
    return f"\n{head}{line}" + bullet_block(phrase(lang, "checklist.missing_head"), missing).lstrip("\n")


def _missing_names(part: PartFacts, catalogue: Catalogue, lang: str, details: Mapping[str, object]) -> list[str]:
    """The names of the required items missing; a period whose start was given asks for its end only."""
    names = []
    for item in _items(part.task_type, part.items("required_missing"), catalogue):
        start = _start_only(item, details, lang)
        names.append(phrase(lang, "checklist.period_end", start=start) if start else _name(item, lang))
    return names


def _start_only(item: ChecklistItem, details: Mapping[str, object], lang: str) -> str:
    """ "1. april 2027": the start of a period item that has no end ('' for any other item or state)."""
    if set(item.details) != {"period_from", "period_to"} or details.get("period_to"):
        return ""
    try:
        start = date.fromisoformat(str(details.get("period_from")))
    except ValueError:
        return ""
    return describe_date(start, lang).split(" ", 1)[1]   # without the weekday


def _lower_join(names: Sequence[str]) -> str:
    """ "virksomhedens CVR-nummer, P-nummeret ..." as the rest of a sentence after "Vi har modtaget:": each name in
    lower case, unless it starts with an abbreviation ("P-nummeret", "CVR-nummer"; not "A sketch")."""
    return ", ".join(inline_name(n) for n in names)


def missing_request(parts: Sequence[PartFacts], catalogue: Catalogue, lang: str) -> str:
    """The text of a request for the missing required items ('' when nothing is missing)."""
    checked = [p for p in _checked(parts) if p.items("required_missing")]
    if not checked:
        return ""
    lines = [phrase(lang, "checklist.request_head")]
    for part in checked:
        prefix = f"{getattr(catalogue.task(part.task_type), f'name_{lang}')}: " if len(checked) > 1 else ""
        lines += [f"- {prefix}{name}" for name in item_names(part.task_type, part.items("required_missing"),
                                                              catalogue, "da" if lang != "en" else "en")]
    return "\n".join(lines)


@dataclass(frozen=True)
class ChecklistLine:
    """One item of a part's checklist as the desk shows it."""

    name_da: str
    name_en: str
    state: str  # "have" | "missing_required" | "missing" (helpful, never asked for)
    where: str = ""  # where it was found (have only)


def checklist_lines(part: PartFacts, catalogue: Catalogue) -> list[ChecklistLine]:
    """The caseworker's checklist of one part, item by item in catalogue order ([] for none, triage, or a task type
    the catalogue no longer has)."""
    if not part.checklist or part.needs_triage or part.task_type not in catalogue.tasks:
        return []
    have, required = part.have, set(part.items("required_missing"))
    return [ChecklistLine(item.name_da, item.name_en,
                          "have" if item.id in have else "missing_required" if item.id in required else "missing",
                          have.get(item.id, ""))
            for item in catalogue.task(part.task_type).checklist]


def office_block(part: PartFacts, catalogue: Catalogue) -> str:
    """The caseworker's checklist of one part: each item, had (and where) or missing ('' for none)."""
    items = checklist_lines(part, catalogue)
    if not items:
        return ""
    lines = [phrase("da", "office.checklist_office_head", task_name=catalogue.task(part.task_type).name_da)]
    for item in items:
        if item.state == "have":
            lines.append(phrase("da", "office.checklist_office_have", item=item.name_da, where=item.where))
        else:
            lines.append(phrase("da", f"office.checklist_office_{item.state}", item=item.name_da))
    asked = any(item.state == "missing_required" for item in items)
    lines.append(phrase("da", "office.checklist_office_asked" if asked else "office.checklist_office_complete"))
    return "\n" + "\n".join(lines) + "\n"
