"""Labelled examples: the shipped seed corpus and operators' exports.

Accepted ``--data`` paths:

* a ``.jsonl`` file: one object a line with ``text`` or ``subject`` + ``body``
  (optional ``attachment``), and ``task_types`` (or ``labels``) as a list or a
  comma-separated string, primary first;
* a ``.csv`` file with a header: the same column names, ``task_types`` comma-separated;
* a folder: every ``.eml`` file in it (recursively), labelled by its header
  ``X-Intake-Task-Types: udeservering, skilte`` (primary first; files without the
  header are skipped with a warning), plus any ``.jsonl``/``.csv`` files in it.
"""
from __future__ import annotations

import csv
import email
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from classifier.errors import TrainingDataError
from classifier.features import compose

log = logging.getLogger(__name__)

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
LABEL_HEADER = "X-Intake-Task-Types"

# Reads a raw .eml into (subject, body the sender wrote, attachment texts).
EmlReader = Callable[[bytes], tuple[str, str, list[str]]]


@dataclass(frozen=True)
class Example:
    """One labelled text (already composed) and where it came from."""

    text: str
    labels: tuple[str, ...]  # primary first
    source: str = ""

    @property
    def primary(self) -> str:
        return self.labels[0]


def parse_labels(raw: Any) -> tuple[str, ...]:
    """Task ids from a list or a comma-separated string, primary first, without duplicates."""
    items = raw if isinstance(raw, (list, tuple)) else str(raw or "").replace(";", ",").split(",")
    out: list[str] = []
    for item in (str(i).strip().lower() for i in items):
        if item and item not in out:
            out.append(item)
    return tuple(out)


def example_from_record(record: dict[str, Any], source: str) -> Example:
    """An Example from a JSONL object or CSV row (see the module docstring)."""
    labels = parse_labels(record.get("task_types", record.get("labels")))
    if not labels:
        raise TrainingDataError(f"{source}: no task_types")
    if record.get("text"):
        return Example(str(record["text"]), labels, source)
    subject, body = str(record.get("subject") or ""), str(record.get("body") or "")
    attachment = str(record.get("attachment") or "")
    if not (subject or body or attachment):
        raise TrainingDataError(f"{source}: no text (need 'text' or 'subject'/'body')")
    return Example(compose(subject, body, [attachment] if attachment else []), labels, source)


def read_jsonl(path: Path) -> Iterator[Example]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise TrainingDataError(f"{path}:{number}: not JSON: {err.msg}") from err
            if not isinstance(record, dict):
                raise TrainingDataError(f"{path}:{number}: not a JSON object")
            yield example_from_record(record, f"{path.name}:{number}")


def read_csv(path: Path) -> Iterator[Example]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for number, row in enumerate(csv.DictReader(fh), start=2):
            yield example_from_record(row, f"{path.name}:{number}")


def simple_eml_reader(raw: bytes) -> tuple[str, str, list[str]]:
    """Subject, the plain-text (or de-tagged HTML) body and text attachments, with the stdlib only."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    body_part = msg.get_body(preferencelist=("plain", "html"))
    body = _part_text(body_part) if body_part is not None else ""
    attachments = [_part_text(p) for p in msg.iter_attachments() if p.get_content_maintype() == "text"]
    return str(msg.get("subject", "")), body, [a for a in attachments if a]


def _part_text(part: Any) -> str:
    try:
        text = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        text = part.get_payload(decode=True).decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        from bs4 import BeautifulSoup

        text = BeautifulSoup(text, "lxml").get_text(" ")
    return text if isinstance(text, str) else ""


def read_eml(path: Path, reader: EmlReader = simple_eml_reader) -> Example | None:
    raw = path.read_bytes()
    header = email.message_from_bytes(raw, policy=policy.compat32).get(LABEL_HEADER, "")
    labels = parse_labels(str(header))
    if not labels:
        log.warning("skipping %s: no %s header", path.name, LABEL_HEADER)
        return None
    subject, body, attachments = reader(raw)
    return Example(compose(subject, body, attachments), labels, path.name)


def load_path(path: Path, eml_reader: EmlReader = simple_eml_reader) -> list[Example]:
    """Every example in a file or folder given with ``--data``."""
    path = Path(path)
    if path.is_dir():
        out: list[Example] = []
        for child in sorted(path.rglob("*")):
            if child.suffix.lower() == ".eml":
                example = read_eml(child, eml_reader)
                out += [example] if example else []
            elif child.suffix.lower() in (".jsonl", ".csv"):
                out += load_path(child)
        return out
    if not path.exists():
        raise TrainingDataError(f"{path}: no such file or folder")
    readers = {".jsonl": read_jsonl, ".json": read_jsonl, ".csv": read_csv}
    if path.suffix.lower() not in readers:
        raise TrainingDataError(f"{path}: expected a folder of .eml files, a .jsonl or a .csv file")
    try:
        return list(readers[path.suffix.lower()](path))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise TrainingDataError(f"{path}: unreadable: {err}") from err


def load_corpus(folder: Path = CORPUS_DIR) -> list[Example]:
    """The seed corpus shipped with the package (``classifier/corpus/*.jsonl``)."""
    files = sorted(Path(folder).glob("*.jsonl"))
    if not files:
        raise TrainingDataError(f"no seed corpus in {folder}")
    return [example for f in files for example in read_jsonl(f)]


def data_hash(examples: Iterable[Example], extra: Sequence[Any] = ()) -> str:
    """A hash of the texts and labels (order-independent) and of anything in ``extra``."""
    digests = sorted(hashlib.sha256(json.dumps([e.text, list(e.labels)]).encode()).hexdigest() for e in examples)
    outer = hashlib.sha256(json.dumps(list(extra), sort_keys=True, default=str).encode())
    for digest in digests:
        outer.update(digest.encode())
    return outer.hexdigest()


def check_known(examples: Sequence[Example], known: Iterable[str]) -> None:
    """Refuse examples labelled with task ids that are not in the catalogue."""
    known = set(known)
    unknown = sorted({label for e in examples for label in e.labels} - known)
    if unknown:
        where = next(e.source for e in examples if set(e.labels) & set(unknown))
        raise TrainingDataError(f"unknown task types {', '.join(unknown)} (first in {where})")
