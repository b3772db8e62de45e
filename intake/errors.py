"""Errors of the intake package, split by whose fault they are.

``SenderFault`` subclasses are problems with what a business sent: they become
a polite explanation to the sender and the case goes on. Everything else is
ours (configuration, database, mail servers): retried or quarantined, never
blamed on the sender.
"""


class IntakeError(Exception):
    """Base class of all errors raised by the intake package."""


class ConfigError(IntakeError):
    """Raised when a setting or the config file is invalid."""


class SenderFault(IntakeError):
    """Raised for a problem with what the sender sent (explained to them, not retried)."""


class StopMessage(Exception):
    """Signal, not an error: processing of a message stops here on purpose.

    Raised by a pipeline stage for a duplicate, an auto-reply, a bounce and the
    like; only the pipeline driver catches it and records ``outcome``/``reason``.
    """

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


class SendError(IntakeError):
    """Raised when an outgoing mail could not be handed to the mail server (retried)."""


class CaseNotFound(IntakeError):
    """Raised when a tracking reference or quarantine id does not exist."""
