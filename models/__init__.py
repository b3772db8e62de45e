"""Database tables and the engine/migration helpers. Imports no other package of the project."""
from models.tables import (
    AttachmentRead,
    Case,
    CaseEvent,
    CasePart,
    Correction,
    InboundMessage,
    Meeting,
    OutboxMail,
    ReferenceCounter,
    utcnow,
)

__all__ = ["AttachmentRead", "Case", "CaseEvent", "CasePart", "Correction", "InboundMessage", "Meeting",
           "OutboxMail", "ReferenceCounter", "utcnow"]
