"""Exceptions of the attachment reader.

Every subclass of :class:`Unreadable` is the sender's fault (or the file's), a
``MessageFault``: it becomes an ``AttachmentResult`` with ``status="unreadable"``
and its ``reason`` code, which :mod:`intake.attachments.explain` turns into a
polite sentence. A worker that cannot start is ours (``OurFault``).
"""

from __future__ import annotations

from intake.errors import IntakeError, MessageFault, OurFault


class AttachmentError(IntakeError):
    """Base exception of the ``intake.attachments`` package; each subclass is on the branch of whose fault it is."""


class Unreadable(AttachmentError, MessageFault):
    """The attachment cannot be read; ``reason`` is the machine code stored with it."""

    reason = "corrupt"


class Encrypted(Unreadable):
    """Raised when the file is password protected and the empty password does not open it."""

    reason = "encrypted"


class TooLarge(Unreadable):
    """Raised when the file, or what it unpacks to, exceeds a size or ratio limit."""

    reason = "too_large"


class TooManyFiles(Unreadable):
    """Raised when an archive holds more members than the limit allows."""

    reason = "too_many_files"


class TooDeep(Unreadable):
    """Raised when archives or attached messages are nested deeper than the limit."""

    reason = "too_deep"


class Corrupt(Unreadable):
    """Raised when the file is damaged or not what its first bytes claim."""

    reason = "corrupt"


class Unsupported(Unreadable):
    """Raised for a file type that we have no reader for."""

    reason = "unsupported"


class Executable(Unreadable):
    """Raised when the file is a program (or script), which we never open."""

    reason = "executable"


class Unsafe(Unreadable):
    """Raised when an XML part holds a DOCTYPE (entity expansion / XXE)."""

    reason = "unsafe"


class NoText(Unreadable):
    """Raised when the file opened but held no text, not even after OCR."""

    reason = "no_text"


class OcrUnavailable(Unreadable):
    """Raised when the file needs OCR (a scan, a photo) and Tesseract is not installed here.

    Our shortcoming, not the sender's: the business is told a caseworker reads the
    file, never asked for a sharper copy, and ``intake doctor`` names the missing tool.
    """

    reason = "ocr_unavailable"


class Empty(Unreadable):
    """Raised when the attachment has no bytes at all."""

    reason = "empty"


class WorkerError(AttachmentError, OurFault):
    """Raised when the sandbox worker cannot be started (our fault, not the sender's)."""
