"""The one way the checklist's tests build what a business sent (``Evidence``), for the batch test files."""
from __future__ import annotations

from datetime import date

from intake.details.checklist import Evidence
from intake.details.extract import Field

RECEIVED = date(2026, 11, 16)


def evidence(body: str, signature: str = "", attachments: tuple[tuple[str, str], ...] = (), quoted: str = "",
             form: str = "", **values: str | bool | int | float) -> Evidence:
    """A mail with ``body`` and ``signature``, attachments as (filename, text), the quoted history of a reply,
    form "label: value" lines, and the details already extracted as ``values`` (all found in the body)."""
    texts = [("body", body), *attachments] + ([("form", form)] if form else [])
    return Evidence(details={k: Field(v, "body") for k, v in values.items()}, texts=texts, attachments=attachments,
                    signature=signature, quoted=quoted, received=RECEIVED)
