"""Limits that every attachment is read within."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Caps for one attachment (and everything nested inside it).

    The defaults suit a municipal mailbox: mail servers cap messages at about
    25 MB, application forms have a handful of pages, and a scanned form more
    than ten pages long is read partly (the caseworker still gets the file).
    The caps an operator may need to change (time, memory, size, pages, OCR,
    workers) come from the settings through ``intake.app.attachment_limits``;
    the bomb guards below are not settings, on purpose.
    """

    max_bytes: int = 30 * 1024 * 1024          # raw attachment size
    max_pages: int = 300                        # PDF pages (or slides) whose text is read
    max_ocr_pages: int = 10                     # scanned pages/frames sent to Tesseract
    max_ocr_images: int = 5                     # images inside a text-poor DOCX sent to Tesseract
    ocr_dpi: int = 200                          # rendering resolution for OCR
    ocr_seconds: float = 30.0                   # one Tesseract run
    ocr_languages: str = "dan+eng"
    max_table_pages: int = 8                    # PDF pages given to pdfplumber for tables
    max_image_pixels: int = 60_000_000          # decoded image size (Pillow bomb guard)
    max_text_chars: int = 2_000_000             # text kept from one attachment
    max_cells: int = 200_000                    # non-empty spreadsheet cells read, all sheets
    max_sheet_rows: int = 20_000                # rows of one sheet that are read
    max_uncompressed: int = 200 * 1024 * 1024   # total bytes a ZIP/DOCX/ODT unpacks to
    max_ratio: int = 200                        # per-member compression ratio (over 1 MB)
    max_members: int = 500                      # files in one archive
    max_depth: int = 3                          # archives/messages nested inside each other
    timeout_s: float = 60.0                     # wall clock for one attachment
    memory_mb: int = 1536                       # address space of the worker process
    jobs_per_worker: int = 500                  # recycle the worker after this many
