"""Imported once by the forkserver, so that every worker starts with the readers loaded."""

import docx  # noqa: F401
import pdfplumber  # noqa: F401
import pypdfium2  # noqa: F401
from bs4 import BeautifulSoup  # noqa: F401
from PIL import Image  # noqa: F401

from intake.attachments import archive, docx as docx_reader, extract, messages, other, pdf, tables  # noqa: F401

try:
    import tnefparse  # noqa: F401
except ImportError:
    pass
