"""Errors of the intake package, on the branches of the project's one hierarchy.

The root and its branches live in ``models.errors`` (the lowest package, so
``routing`` and ``classifier`` can join it too) and are re-exported here:
``OurFault`` (retried, the message stays in the inbox), ``MessageFault`` (the
sender's: explained or quarantined) and ``RequestRefused`` (a caseworker's or
operator's request that cannot be done). ``docs/architecture.md``, "Errors",
says what the runner and the CLI do with each branch.
"""
from models.errors import (
    DatabaseUnavailable,
    IntakeError,
    MessageFault,
    OurFault,
    RequestRefused,
)

__all__ = ["CaseNotFound", "ConfigError", "DatabaseUnavailable", "IntakeError", "MessageFault", "OurFault",
           "RequestRefused", "SendError", "StopMessage", "UsageError"]


class ConfigError(OurFault):
    """Raised when a setting or the config file is invalid."""


class SendError(OurFault):
    """Raised when an outgoing mail could not be handed to the mail server (retried)."""


class UsageError(RequestRefused):
    """Raised when a request names a value that does not exist (an unknown task type, topic, part or path forward:
    the known ones are listed) or gives options that do not go together: the command line's exit code 2."""


class CaseNotFound(RequestRefused):
    """Raised when a tracking reference or quarantine id does not exist."""


class StopMessage(Exception):
    """Signal, not an error: processing of a message stops here on purpose.

    Raised by a pipeline stage for a duplicate, an auto-reply, a bounce and the
    like; only the pipeline driver catches it and records ``outcome``/``reason``.
    """

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason
