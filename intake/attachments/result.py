"""The result of reading one attachment (the contract with the pipeline)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from intake.attachments.explain import explain_reason

Status = Literal["read", "unreadable"]


@dataclass
class AttachmentResult:
    """What one attachment held, or why it could not be read.

    ``type`` is detected from the bytes: pdf, docx, doc, odt, rtf, image, text,
    html, zip, tnef, msg, eml, xlsx, xls, ods, pptx, ppt, odp, executable,
    encrypted_office, unknown.
    ``members`` holds the files found inside archives, TNEF, .msg and attached
    messages (their text is also in ``text``); ``warnings`` are short codes for
    partial reads such as "pages_capped".
    """

    filename: str
    declared_type: str
    type: str
    status: Status
    reason: str | None
    text: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    pages: int | None = None
    size: int = 0
    members: list[AttachmentResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def explain(self, lang: str) -> str | None:
        """Polite sentence(s) for the acknowledgement; None when everything was read."""
        if self.status == "unreadable":
            return explain_reason(self.reason or "corrupt", self.filename, lang)
        sentences = [_member_sentence(m, self.filename, lang) for m in self.unreadable_members()]
        return " ".join(sentences) or None

    def unreadable_members(self) -> list[AttachmentResult]:
        """Unreadable files at any depth inside this one."""
        found = []
        for member in self.members:
            if member.status == "unreadable":
                found.append(member)
            found.extend(member.unreadable_members())
        return found

    def as_dict(self) -> dict:
        """A JSON-ready dict (members included, recursively)."""
        return asdict(self)


def _member_sentence(member: AttachmentResult, container: str, lang: str) -> str:
    return explain_reason(member.reason or "corrupt", f"{member.filename} ({container})", lang)


def refusal(name: str, declared_type: str, kind: str, reason: str, size: int) -> AttachmentResult:
    """An unreadable result with its reason code."""
    return AttachmentResult(filename=name, declared_type=declared_type, type=kind,
                            status="unreadable", reason=reason, size=size)
