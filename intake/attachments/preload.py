"""Imported once by the forkserver, so that every worker starts with the readers loaded."""

import docx  # noqa: F401
import lxml.html  # noqa: F401
import pdfplumber  # noqa: F401
import pypdfium2  # noqa: F401
from PIL import Image  # noqa: F401

from intake.attachments import (  # noqa: F401
    archive,
    extract,
    mailfiles,
    other,
    pdf,
    sheets,
    slides,
    tables,
)

for _optional in ("tnefparse", "openpyxl", "pptx"):
    try:
        __import__(_optional)
    except ImportError:
        pass
