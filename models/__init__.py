"""Database tables and the engine/migration helpers. Imports no other package of the project."""
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
    utcnow,
)

__all__ = ["AttachmentRead", "AuditEntry", "Case", "CaseContact", "CaseEvent", "CasePart", "CaseSearch",
           "Correction", "InboundMessage", "InboundRaw", "Meeting", "OutboxMail", "PrivacyAudit", "ReferenceCounter",
           "ServiceBeat", "StaffSession", "StaffUser", "utcnow"]
