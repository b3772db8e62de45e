"""The one reading of a status filter, shared by the desk's queue and ``intake case list --status``."""
from __future__ import annotations

import pytest

from intake.cases.statuses import OPEN, STATUSES, UnknownStatus, status_filter
from intake.errors import UsageError


def test_nothing_asked_or_open_is_the_open_parts():
    assert status_filter(None) == status_filter("") == status_filter("open") == OPEN


def test_all_is_every_status():
    assert status_filter("all") is None


@pytest.mark.parametrize("status", STATUSES)
def test_each_status_is_itself(status):
    assert status_filter(status) == status


def test_an_unknown_status_is_refused_with_the_known_ones():
    with pytest.raises(UnknownStatus) as refused:
        status_filter("in-progress")
    assert isinstance(refused.value, UsageError)
    assert "'in-progress'" in str(refused.value) and "in_progress" in str(refused.value) and "all" in str(refused.value)
