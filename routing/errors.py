"""Exceptions raised by the routing package, on the branches of ``models.errors``.

A catalogue file that cannot be used is configuration, ours; a task or office id
asked for that the catalogue does not know is a request that is refused.
"""

from __future__ import annotations

from models.errors import IntakeError, OurFault, RequestRefused


class RoutingError(IntakeError):
    """Base class for every error raised by :mod:`routing`; each subclass is on its fault's branch."""


class CatalogueError(RoutingError, OurFault):
    """Raised when a task catalogue file is missing, unreadable or invalid."""


class UnknownTaskError(RoutingError, RequestRefused, KeyError):
    """Raised when a task id or office id is not in the catalogue."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""
