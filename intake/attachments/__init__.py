"""Reading attachments: text, form fields and tables from every part, within limits.

``extract_attachment`` detects the type from the bytes, reads the file in a
sandboxed worker process (time and memory limits), and returns an
``AttachmentResult``; it never raises for bad input. Unreadable files carry a
reason code, and ``AttachmentResult.explain(lang)`` gives the sentence for the
acknowledgement.
"""

from intake.attachments.errors import AttachmentError
from intake.attachments.explain import REASONS
from intake.attachments.limits import Limits
from intake.attachments.result import AttachmentResult
from intake.attachments.sandbox import Sandbox, configure, default_sandbox
from intake.attachments.sniff import detect_type, safe_filename

__all__ = [
    "REASONS", "AttachmentError", "AttachmentResult", "Limits", "Sandbox", "configure",
    "default_sandbox", "detect_type", "extract_attachment", "safe_filename",
]


def extract_attachment(filename: str, declared_type: str, data: bytes,
                       timeout: float | None = None) -> AttachmentResult:
    """Read one attachment in the process-wide sandbox (within ``timeout`` s if given); never raises for bad input."""
    return default_sandbox().extract(filename, declared_type, data, timeout)
