"""Items of blind batch c24: a document named in a hyphenated compound and said not to be made yet ("PCB-screening er
ikke lavet endnu") is not given."""

from __future__ import annotations

from intake.details.checklist import check
from tests.intake.details.checklist_evidence import evidence


def test_a_compound_said_not_done_yet_is_not_the_survey(catalogue):
    body = ("Vi ønsker at rive det gamle baghus ned på Sjælør Boulevard 12 i marts 2027. PCB-screening er ikke lavet "
            "endnu.")
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body)).missing


def test_a_compound_attached_is_the_survey(catalogue):
    body = ("Vi river baghuset ned på Sjælør Boulevard 12 i marts 2027. PCB-screening er udført i oktober 2026 uden "
            "fund.")
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body)).have
