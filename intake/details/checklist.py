"""Is the application complete? Each part's checklist (``[[tasks.<id>.checklist]]`` in the catalogue) against
what the business sent.

Pure: the task type, the extracted details (with where they were found), the
attachments (file name and text) and the texts of the mail in; a
``Checklist`` out, each item it has with the place it was found, and the
items still missing. An item is there when one of its ``details`` was
extracted, an attachment's file name or text holds one of its
``attachments`` words, or a text matches one of its ``patterns``. An item
that the activity's site satisfies is also satisfied by the business's
``address``: a site at the business's own premises (serving in front of its
café) is reported as the address alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from intake.details.extract import Field
from routing.catalogue import Catalogue, ChecklistItem, TaskType


@dataclass(frozen=True)
class Evidence:
    """What the business sent, as the checklist reads it."""

    details: Mapping[str, Field] = field(default_factory=dict)
    attachments: Sequence[tuple[str, str]] = ()  # (filename, text)
    texts: Sequence[tuple[str, str]] = ()  # (source, text): "subject", "body", form "label: value" lines...


@dataclass(frozen=True)
class Checklist:
    """One part's checklist: the items we have (item id -> where found) and the items missing, catalogue order."""

    task_type: str
    have: Mapping[str, str]
    missing: tuple[str, ...]
    required_missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Nothing required is missing."""
        return not self.required_missing

    def as_dict(self) -> dict[str, object]:
        return {"have": dict(self.have), "missing": list(self.missing), "required_missing": list(self.required_missing)}


def check(task: TaskType, evidence: Evidence) -> Checklist:
    """Compare ``evidence`` with the checklist of ``task``."""
    have: dict[str, str] = {}
    for item in task.checklist:
        where = found_where(item, evidence)
        if where:
            have[item.id] = where
    missing = tuple(i.id for i in task.checklist if i.id not in have)
    required = tuple(i.id for i in task.checklist if i.required and i.id not in have)
    return Checklist(task.id, have, missing, required)


def check_parts(task_types: Iterable[str], catalogue: Catalogue, evidence: Evidence) -> dict[str, Checklist]:
    """The checklist of each task type (catalogue order of items), in the order given."""
    return {t: check(catalogue.task(t), evidence) for t in dict.fromkeys(task_types) if t in catalogue.tasks}


def found_where(item: ChecklistItem, evidence: Evidence) -> str:
    """Where ``item`` is found in ``evidence`` ('' when it is not)."""
    keys = item.details + (("address",) if "activity_location" in item.details else ())
    for key in dict.fromkeys(keys):
        detail = evidence.details.get(key)
        if detail is not None and detail.value not in ("", None, False):
            return detail.source
    for filename, text in evidence.attachments:
        if any(_word(w).search(filename.replace("_", " ")) or _word(w).search(text[:20000]) for w in item.attachments):
            return filename
    for source, text in evidence.texts:
        if any(_pattern(p).search(text) for p in item.patterns):
            return source
    return ""


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _word(word: str) -> re.Pattern[str]:
    """A word at the start of a word ("skitse" in "Skitse_areal.pdf" and "skitsen", not in "tegningskitse")."""
    return re.compile(r"(?<![^\W\d_])" + re.escape(word), re.IGNORECASE)


def merge(earlier: Checklist, answer: Checklist) -> Checklist:
    """An answer to a request: the items it supplies move from missing to have (with the answer's source)."""
    have = dict(earlier.have)
    for item_id, where in answer.have.items():
        have.setdefault(item_id, where)
    missing = tuple(i for i in earlier.missing if i not in have)
    required = tuple(i for i in earlier.required_missing if i not in have)
    return Checklist(earlier.task_type, have, missing, required)


def from_dict(task_type: str, raw: Mapping[str, object]) -> Checklist:
    """From the stored form (``as_dict``)."""
    have = raw.get("have", {})
    missing = raw.get("missing", [])
    required = raw.get("required_missing", [])
    return Checklist(task_type, {str(k): str(v) for k, v in have.items()} if isinstance(have, Mapping) else {},
                     tuple(str(m) for m in missing) if isinstance(missing, list) else (),
                     tuple(str(m) for m in required) if isinstance(required, list) else ())
