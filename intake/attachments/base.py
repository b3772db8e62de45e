"""What the individual readers return, and the context they read within."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from intake.attachments.limits import Limits

if TYPE_CHECKING:
    from intake.attachments.result import AttachmentResult


@dataclass
class Extracted:
    """Text and structure a reader found in one file."""

    text: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    pages: int | None = None
    members: list[AttachmentResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """Limits, nesting depth and the function that reads a nested file."""

    limits: Limits
    depth: int
    read_member: Callable[[str, str, bytes, Context], AttachmentResult]

    def nested(self) -> Context:
        """The context for a file found inside this one."""
        return Context(self.limits, self.depth + 1, self.read_member)


def table_rows_text(rows: list[list[str]]) -> str:
    """Rows as "cell | cell" lines, empty rows dropped."""
    lines = [" | ".join(cell for cell in row) for row in rows if any(cell.strip() for cell in row)]
    return "\n".join(lines)


MAX_LABEL = 80


def table_fields(rows: list[list[str]]) -> dict[str, str]:
    """Label/value pairs from the rows of a two-column application form."""
    fields: dict[str, str] = {}
    for row in rows:
        cells = _distinct_cells(row)
        if len(cells) != 2:
            continue
        label, value = (clean_label(cells[0]), cells[1].strip())
        if label and value and len(label) <= MAX_LABEL and not label.replace(" ", "").isdigit():
            fields.setdefault(label, value)
    return fields


def clean_label(label: str) -> str:
    """A form label without trailing colons, stars and surrounding space."""
    return " ".join(label.split()).rstrip(" :*").strip()


def _distinct_cells(row: list[str]) -> list[str]:
    """Non-empty cells, with horizontally merged (repeated) cells counted once."""
    cells: list[str] = []
    for cell in row:
        cell = (cell or "").strip()
        if cell and (not cells or cells[-1] != cell):
            cells.append(cell)
    return cells
