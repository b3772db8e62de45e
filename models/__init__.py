"""Database tables and the engine/migration helpers. Imports no other package of the project."""
from models.tables import (
    AttachmentRead,
    Case,
    CaseContact,
    CaseEvent,
    CasePart,
    Correction,
    InboundMessage,
    Meeting,
    OutboxMail,
    PrivacyAudit,
    ReferenceCounter,
    utcnow,
)

__all__ = ["AttachmentRead", "Case", "CaseContact", "CaseEvent", "CasePart", "Correction", "InboundMessage", "Meeting",
           "OutboxMail", "PrivacyAudit", "ReferenceCounter", "utcnow"]
