"""The details a text gives, as plain values, for the per-batch tests: one reader instead of a copy in each file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from intake.details import extract_details


def values_at(reference: date) -> Callable[..., dict]:
    """``values(sources)``: the value of each field found in ``sources`` ((source, text) pairs), read on ``reference``
    for a sender without details of his own (or the ``sender`` and ``sender_name`` given)."""
    def values(sources: list[tuple[str, str]], *, sender: str = "x@example.dk", sender_name: str = "") -> dict:
        found = extract_details(sources, {}, reference=reference, sender=sender, sender_name=sender_name)
        return {k: f.value for k, f in found.items()}
    return values


def body_at(reference: date) -> Callable[[str], dict]:
    """``body(text)``: the values of a mail with ``text`` as its body alone."""
    values = values_at(reference)
    return lambda text: values([("body", text)])
