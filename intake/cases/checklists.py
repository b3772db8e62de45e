"""The checklists of a stored case: made again for a part that changes task type, updated by an answer.

A part's checklist lives in ``CasePart.checklist_json`` (``intake.details.checklist.Checklist.as_dict``).
A part rerouted or added later is checked against what the case stored of the application (its details,
attachment names and the text the classifier read); in an application of several parts it reads its own sentences,
as at intake (``intake.details.attribution``), where the desk has the service's model. An answer to a request is
checked with the same rules; what it supplies moves from missing to have, and the caseworker is told what is now
complete.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from classifier.prediction import SentenceScorer
from intake.details.attribution import own_parts
from intake.details.checklist import Checklist, Evidence, check, from_dict, merge
from intake.details.extract import Field
from intake.letters.wording import phrase
from models import Case, CasePart
from routing.catalogue import Catalogue


def stored_evidence(case: Case) -> Evidence:
    """What the case stored of the application, as the checklist reads it."""
    details = {k: Field(v.get("value") or "", str(v.get("source", "")))
               for k, v in json.loads(case.details_json or "{}").items() if isinstance(v, dict)}
    attachments = [(str(a.get("filename", "")), "") for a in json.loads(case.attachments_json or "[]")]
    return Evidence(details=details, attachments=attachments, texts=[("application", case.classifier_text or "")])


def refresh(part: CasePart, case: Case, catalogue: Catalogue, tasks: Sequence[str] = (),
            scorer: SentenceScorer | None = None) -> None:
    """The checklist of ``part``'s (new) task type against the stored application ({} for triage or none).

    ``tasks``: the task types of all the case's parts, ``part``'s among them; with several and a ``scorer``, the
    part reads its own sentences and not the others' (a sign added to a serving case does not take the serving's
    "1,5 m ud fra facaden" for its size)."""
    task = catalogue.task(part.task_type)
    result = None
    if task.checklist and not part.needs_triage:
        evidence = stored_evidence(case)
        own = own_parts(evidence, tasks, scorer) or {}
        result = check(task, evidence, own.get(part.task_type))
    part.checklist_json = json.dumps(result.as_dict() if result else {}, ensure_ascii=False)


def stored(part: CasePart) -> Checklist | None:
    raw = json.loads(part.checklist_json or "{}")
    return from_dict(part.task_type, raw) if raw else None


def apply_answer(parts: Sequence[CasePart], evidence: Evidence, catalogue: Catalogue,
                 own: Mapping[str, Evidence] | None = None) -> list[str]:
    """Check an answer against each part still missing something; store the merge; the caseworker's lines.
    ``own``: each part's own evidence, when the case has several parts (``intake.details.attribution``)."""
    notes = []
    for part in parts:
        earlier = stored(part)
        if earlier is None or not earlier.required_missing:
            continue
        task = catalogue.task(part.task_type)
        merged = merge(earlier, check(task, evidence, (own or {}).get(part.task_type)))
        supplied = [i for i in earlier.missing if i in merged.have]
        part.checklist_json = json.dumps(merged.as_dict(), ensure_ascii=False)
        notes.append(_note(task.name_da, supplied, merged, catalogue, part.task_type))
    return notes


def _note(task_name: str, supplied: list[str], merged: Checklist, catalogue: Catalogue, task_type: str) -> str:
    names = {i.id: i.name_da for i in catalogue.task(task_type).checklist}
    got = ", ".join(names[i] for i in supplied)
    missing = ", ".join(names[i] for i in merged.required_missing) or "-"
    if not supplied:
        return phrase("da", "office.checklist_answer_nothing", task_name=task_name, missing=missing)
    if merged.complete:
        return phrase("da", "office.checklist_answer_complete", task_name=task_name, items=got)
    return phrase("da", "office.checklist_answer_supplied", task_name=task_name, items=got, missing=missing)
