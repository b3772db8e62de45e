"""The mail to the operators after the scheduled retraining: what was trained, the figures, the decision.

``intake.jobs.retrain_job`` decides when and to whom; this module writes it (Danish: an internal mail).
Body: ``templates/model_report.txt``; subjects and outcome lines: the ``[office]``
section of ``phrases.da.toml``. The Message-ID names the new version (or the
day, when training failed), so the outbox's unique constraint keeps a second
mail about the same version or the same day's failure from being queued.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from intake.letters.envelope import Envelope, build_mail, domain_of
from intake.letters.wording import phrase, render

OUTCOMES = ("activated", "approval", "kept", "failed")   # approval: better, awaiting an operator


@dataclass(frozen=True)
class ModelReport:
    """What the retraining did, as plain data."""

    outcome: str            # one of OUTCOMES
    version: str            # the new version ("" when training failed)
    active: str             # the version active before
    reason: str
    corrections: int        # corrections since the newest version, which started the retraining
    compared_on: str = ""
    rule: str = ""
    rows: tuple[tuple[str, str, str], ...] = ()   # (measure, new, active)


def model_report_message_id(report: ModelReport, today: date, settings: object) -> str:
    key = f"v{report.version}" if report.version else today.isoformat()
    return f"<model.{report.outcome}.{key}@{domain_of(getattr(settings, 'from_address', ''))}>"


def figures(rows: Sequence[tuple[str, str, str]], new: str, active: str) -> str:
    """The side-by-side figures as a fixed-width text table."""
    if not rows:
        return "(ingen tal)\n"
    width = max(len(r[0]) for r in rows)
    head = f"{'':{width}}  {'ny ' + new:>10}  {'aktiv ' + active:>10}"
    return "\n".join([head, *(f"{m:{width}}  {a:>10}  {b:>10}" for m, a, b in rows)]) + "\n"


def model_report_mail(report: ModelReport, operators: Sequence[str], today: date, settings: object) -> EmailMessage:
    """The mail to the first operator address, the others in Cc."""
    values = {"version": report.version, "active": report.active, "previous": report.active}
    subject = phrase("da", f"office.model_subject_{report.outcome}", **values)
    body = render("model_report.txt", {
        "corrections": report.corrections, "outcome_text": phrase("da", f"office.model_outcome_{report.outcome}",
                                                                   **values),
        "reason": report.reason, "compared_on": report.compared_on or "-",
        "figures": figures(report.rows, report.version, report.active), "rule": report.rule or "-",
        "active": report.active or "VERSION", "version": report.version or "VERSION",
        "from_name": getattr(settings, "from_name", "")})
    envelope = Envelope("digest", to=operators[0], cc=list(operators[1:]), subject=subject,
                        message_id=model_report_message_id(report, today, settings))
    return build_mail(settings, envelope, body)
