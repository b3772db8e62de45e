"""Database tables and the engine/migration helpers. Imports no other package of the project."""
from models.tables import (  # noqa: F401
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
