"""An approval with conditions does not give the business all it applied for: like a rejection it carries the appeal
guidance (forvaltningsloven § 25); a plain approval does not need it."""
from __future__ import annotations

import pytest

from intake.cases import lifecycle as cases
from tests.intake.cases.test_lifecycle import CATALOGUE, act, add_case, mails


@pytest.mark.parametrize(("lang", "head"), [("da", "Klagevejledning"), ("en", "How to appeal")])
def test_an_approval_with_conditions_tells_how_to_appeal(engine, desk, lang, head):
    ref = add_case(engine, language=lang, status="in_progress")
    act(engine, desk, cases.approve, ref, message="Stilladset skal være afmærket.")
    ((_, msg),) = mails(engine, "case_approved")
    body = msg.get_body(("plain",)).get_content()
    appeal = getattr(CATALOGUE.task("vejareal"), f"appeal_{lang}")
    assert f"Stilladset skal være afmærket.\n\n{head}\n{appeal}\n" in body


def test_a_plain_approval_has_no_appeal_guidance(engine, desk):
    ref = add_case(engine, status="in_progress")
    act(engine, desk, cases.approve, ref)
    ((_, msg),) = mails(engine, "case_approved")
    assert "Klagevejledning" not in msg.get_body(("plain",)).get_content()
