"""Exceptions raised by the routing package."""

from __future__ import annotations


class RoutingError(Exception):
    """Base class for every error raised by :mod:`routing`."""


class CatalogueError(RoutingError):
    """Raised when a task catalogue file is missing, unreadable or invalid."""


class UnknownTaskError(RoutingError, KeyError):
    """Raised when a task id or office id is not in the catalogue."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""
