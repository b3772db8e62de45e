"""Database tables and the engine/migration helpers. Imports no other package of the project."""
from models.tables import (
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

__all__ = ["Case", "CaseEvent", "CasePart", "Correction", "InboundMessage", "Meeting", "OutboxMail", "ReferenceCounter",
           "utcnow"]
