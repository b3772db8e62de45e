"""Database tables and the engine/migration helpers. Imports no other package of the project."""
from models.tables import (
    AttachmentRead,
    AuditEntry,
    Case,
    CaseEvent,
    CasePart,
    CaseSearch,
    Correction,
    InboundMessage,
    Meeting,
    OutboxMail,
    ReferenceCounter,
    ServiceBeat,
    StaffSession,
    StaffUser,
    utcnow,
)

__all__ = ["AttachmentRead", "AuditEntry", "Case", "CaseEvent", "CasePart", "CaseSearch", "Correction",
           "InboundMessage", "Meeting", "OutboxMail", "ReferenceCounter", "ServiceBeat", "StaffSession", "StaffUser",
           "utcnow"]
