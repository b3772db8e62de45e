"""Structured details from an application: company, CVR, contact, address, period...

``extract_details`` looks at form fields first (label -> value, from Word tables
or PDF AcroForms), then at each text source in the order given (body, subject,
attachments). In a text, "label: value" lines (and label/value table rows or a
label line followed by its value) win over patterns found in running text. The
first source that yields a field wins; each field records where it was found.

CPR numbers are detected (``cpr_found``) and never copied into a field;
``redact_cpr`` removes them from text that leaves the service.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from stdnum.dk import cvr as stdnum_cvr

from intake.details import periods
from intake.details.identifiers import find_cpr
from intake.details.text import extract_from_text, label_key, normalise_value
from intake.privacy import redact_cpr  # noqa: F401  (part of this module's interface)

log = logging.getLogger(__name__)

DETAIL_KEYS = (
    "company_name", "cvr", "cvr_valid", "p_number", "contact_name", "contact_email", "phone",
    "address", "postcode", "city", "activity_location", "period_from", "period_to",
    "area_m2", "litres", "guests", "cpr_found",
)


@dataclass
class Field:
    """One extracted detail and where it was found ("body", "subject", "form" or a filename)."""

    value: str | bool | int | float
    source: str


def extract_details(
    sources: Sequence[tuple[str, str]],
    form_fields: Mapping[str, str] = {},  # noqa: B006 - read only
    *,
    form_source: str = "form",
    reference: date | None = None,
) -> dict[str, Field]:
    """Extract the details of an application from form fields and texts.

    ``sources`` are (source name, text) pairs, most important first;
    ``reference`` (the receipt date) resolves dates written without a year.
    """
    reference = reference or date.today()
    found: dict[str, Field] = {}
    cpr = False
    for label, value in form_fields.items():
        cpr = cpr or bool(find_cpr(f"{label}: {value}"))
        key = label_key(label)
        for k, v in normalise_value(key, str(value), reference).items() if key else ():
            found.setdefault(k, Field(v, form_source))
    for source, text in sources:
        if not text:
            continue
        cpr = cpr or bool(find_cpr(text))
        for k, v in _in_subject(extract_from_text(text, reference), source).items():
            if k not in found or _more_specific(found[k].value, v):
                found[k] = Field(v, source)
    _check_cvr(found)
    _order_period(found)
    if cpr:
        found["cpr_found"] = Field(True, _first_cpr_source(sources, form_fields, form_source))
        log.debug("CPR number present in application; not copied into details")
    return {k: found[k] for k in DETAIL_KEYS if k in found}


def _more_specific(old: object, new: object) -> bool:
    """A place without a house number ("Nørrebrogade") gives way to the same place with one."""
    return (isinstance(old, str) and isinstance(new, str) and not any(c.isdigit() for c in old)
            and new.startswith(old) and any(c.isdigit() for c in new))


def _in_subject(values: dict, source: str) -> dict:
    """An address in the subject ("Stillads Amagerbrogade 150") is where the activity is, not the business."""
    if source != "subject" or "address" not in values:
        return values
    values = {k: v for k, v in values.items() if k not in ("postcode", "city")}
    values.setdefault("activity_location", values.pop("address"))
    values.pop("address", None)
    return values


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
