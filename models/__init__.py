"""Database tables and the engine/migration helpers. Imports no other package of the project.

The tables are loaded on first use (``from models import Case``), not when a light module of
the package is imported: ``models.errors`` and ``models.revision`` need no SQLAlchemy, and a
command that never touches the ORM (``intake case list`` reads through the driver) starts
about half a second sooner without it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.tables import (
        AttachmentRead,
        AuditEntry,
        Case,
        CaseContact,
        CaseEvent,
        CasePart,
        CaseSearch,
        Correction,
        InboundMessage,
        InboundRaw,
        Meeting,
        OutboxMail,
        PrivacyAudit,
        ReferenceCounter,
        ServiceBeat,
        StaffSession,
        StaffUser,
        as_utc,
        utcnow,
    )

__all__ = ["AttachmentRead", "AuditEntry", "Case", "CaseContact", "CaseEvent", "CasePart", "CaseSearch",
           "Correction", "InboundMessage", "InboundRaw", "Meeting", "OutboxMail", "PrivacyAudit", "ReferenceCounter",
           "ServiceBeat", "StaffSession", "StaffUser", "as_utc", "utcnow"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from models import tables

        return getattr(tables, name)
    raise AttributeError(f"module 'models' has no attribute {name!r}")
