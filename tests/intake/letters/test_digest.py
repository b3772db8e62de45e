"""The daily digest to an office (Danish): subject, sections, lines, headers."""
from __future__ import annotations

from datetime import date

from intake.letters.digest import Attention, digest_mail
from tests.intake.letters.builders import CATALOGUE, DEFAULT_NAME, OTHER_NAME, body_of, sent

TODAY = date(2026, 12, 4)
OVERDUE = Attention("KBH-2026-000001", "vejareal", date(2026, 12, 1), "overdue", "in_progress", "karen",
                    "Stillads\r\nBcc: victim@attacker.example")
AT_RISK = Attention("KBH-2026-000002", "skilte", date(2026, 12, 8), "at_risk", "routed", "-", "Skilt")


def digest(settings, items=(OVERDUE, AT_RISK)):
    return digest_mail(CATALOGUE.office("trafik"), list(items), TODAY, settings)


def test_subject_counts_overdue_and_at_risk(settings):
    msg = sent(digest(settings))
    assert msg["Subject"] == "[Servicemål] Center for Trafik (vejmyndighed): 1 overskredet, 1 i risiko (2026-12-04)"
    assert msg["To"] == "trafik@kk.example"


def test_body_lists_overdue_first_then_at_risk(settings):
    body = body_of(digest(settings))
    assert body.startswith("Sager i Center for Trafik (vejmyndighed), der har overskredet servicemålet eller skal "
                           "afgøres inden for 2 arbejdsdage, opgjort fredag 4. december 2026.\n")
    assert ("\n\nOVERSKREDET (1)\n- KBH-2026-000001  vejareal  frist 2026-12-01 (3 dage over)  status: in_progress  "
            "sagsbehandler: karen\n    Stillads Bcc: victim@attacker.example\n\nI RISIKO (1)\n- KBH-2026-000002  "
            "skilte  frist 2026-12-08  status: routed  sagsbehandler: -\n    Skilt\n\nSe en sag med:") in body


def test_a_section_without_cases_is_left_out(settings):
    body = body_of(digest(settings, [AT_RISK]))
    assert "OVERSKREDET" not in body and "I RISIKO (1)" in body


def test_signed_and_sent_as_the_configured_sender(renamed):
    msg = sent(digest(renamed))
    assert body_of(msg).endswith(f"\n{OTHER_NAME} (automatisk besked)\n") and DEFAULT_NAME not in body_of(msg)
    assert msg["From"].addresses[0].display_name == OTHER_NAME


def test_headers_auto_generated_with_the_days_message_id(renamed):
    msg = sent(digest(renamed))
    assert msg["Auto-Submitted"] == "auto-generated" and msg["X-Loop"] == "intake-loop@kk.example"
    assert msg["Message-ID"] == "<deadlines.trafik.2026-12-04@kk.example>" and msg["Bcc"] is None
