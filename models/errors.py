"""The root of every exception the project raises on purpose, split by whose fault it is.

Why the root lives here, in ``models``: every package must be able to join the
hierarchy, and the layer contract (``pyproject.toml``, ``[tool.importlinter]``)
lets ``routing`` and ``classifier`` import ``models`` but never ``intake``.
``models`` is the lowest package, so a base class here is within reach of all
of them. ``intake.errors`` re-exports these names; code inside ``intake``
imports them from there.

The branch an error is on decides what happens to it (the model is
IMAPClient's ``exceptions.py``: a small tree, one docstring per class saying
when it is raised):

- ``OurFault``: the runner leaves the message in the inbox and the service
  retries later; the CLI prints one line and exits 1; an operator may need
  to act (configuration, database, mail server, model store).
- ``MessageFault``: what the sender sent is at fault; it is explained to the
  sender (an unreadable attachment) or the message is quarantined.
- ``RequestRefused``: what a caseworker or operator asked cannot be done
  (unknown reference, invalid transition, unknown version); the CLI prints
  one line and exits 1.

Signals that stop a message on purpose (``intake.errors.StopMessage``) are not
errors and are not part of this tree.
"""
from __future__ import annotations


class IntakeError(Exception):
    """Base class of every error the project raises on purpose; never raised itself."""


class OurFault(IntakeError):
    """Raised for a failure on our side (configuration, database, mail server, model store); retried later."""


class MessageFault(IntakeError):
    """Raised for a fault in what the sender sent; explained to the sender or the message is quarantined."""


class RequestRefused(IntakeError):
    """Raised when what a caseworker or operator asked cannot be done (unknown reference, invalid transition...)."""


class DatabaseUnavailable(OurFault):
    """Raised when the database cannot be opened or migrated (unreachable, refused login, missing database)."""
