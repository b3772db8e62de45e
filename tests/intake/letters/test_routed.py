"""The routed case, as its office reads it (Danish first): summary, flags, attachments, headers."""
from __future__ import annotations

import re

from intake.letters.envelope import msg_id
from intake.letters.facts import AttachmentNote
from intake.letters.routed import attachment_line, routed_case
from tests.intake.letters.builders import (
    CATALOGUE,
    DEFAULT_NAME,
    HOSTILE,
    OTHER_NAME,
    PERSON,
    REFERENCE,
    body_of,
    facts,
    original,
    part,
    sent,
)

TASK = "Råden over vejareal (stillads, container, skurvogn, kran, lift)"
ATTACHMENTS = [AttachmentNote("plan.pdf", "pdf", "read"), AttachmentNote("tegning.docx", "docx", "failed", "encrypted")]


def routed(settings, n=0, attachments=(), **overrides):
    return routed_case(facts("da", **overrides), original(), b"raw application", list(attachments), CATALOGUE,
                       settings, n)


def test_goes_to_the_office_with_reference_task_and_company_in_the_subject(settings):
    msg = sent(routed(settings))
    assert msg["To"] == "trafik@kk.example"
    assert msg["Subject"] == f"[{REFERENCE}] Ny sag: {TASK} - Jensen ApS"
    assert msg["Reply-To"] == "erhvervsservice@kk.example", "a caseworker's answer comes back into the case"


def test_the_applicants_own_words_and_address_are_inline(settings):
    body = body_of(routed(settings, applicant_email="peter@jensen.dk",
                          applicant_text="Vi skal opstille stillads ud for Nørrebrogade 12."))
    assert "Ansøger / applicant:     peter@jensen.dk\n" in body
    assert "Ansøgerens egne ord / the applicant's own words:" in body
    assert "Vi skal opstille stillads ud for Nørrebrogade 12." in body
    assert "E-mail:                  peter@jensen.dk\n" in body, "no address in the text: the sender's"
    assert "Skriv [intern] i emnefeltet" in body


def test_each_part_goes_to_its_own_office_with_the_others_listed(settings):
    parts = (part("udeservering"), part("skilte"), part("vejareal"))
    first, second = (sent(routed_case(facts("da", task_types=("udeservering", "skilte", "vejareal"), parts=parts),
                                      original(), b"raw", [], CATALOGUE, settings, part=p)) for p in parts[:2])
    assert (first["To"], second["To"]) == ("byliv@kk.example", "byggeri@kk.example")
    assert first["Message-ID"] == msg_id(settings, "case", REFERENCE)
    assert second["Message-ID"] == msg_id(settings, "case-skilte", REFERENCE)
    body = body_of(second)
    assert "Opgavetype / task type:  Skilte og facadereklamer (skilte)" in body
    assert "Enhed / office:          Center for Bygninger\n" in body
    assert ("Øvrige dele / other parts: udeservering (Byliv og Arrangementer, uge 51 (14.-18. december 2026)); "
            "vejareal (Center for Trafik (vejmyndighed), uge 51 (14.-18. december 2026))") in body


def test_a_forwarded_application_and_a_renewal_are_named(settings):
    body = body_of(routed(settings, forwarded_by="lobe@kk.example",
                          earlier_case="KBH-2025-003391 (godkendt 2025-04-01)"))
    assert "Videresendt af / forwarded by: lobe@kk.example" in body
    assert "Fornyelse af / renewal of: KBH-2025-003391 (godkendt 2025-04-01)" in body


def test_summary_names_task_office_receipt_goal_and_due_week(settings):
    body = body_of(routed(settings))
    assert body.startswith(f"Ny sag / New case {REFERENCE}\n")
    assert f"Opgavetype / task type:  {TASK} (vejareal), sikkerhed / confidence 0.87\n" in body
    assert "Enhed / office:          Center for Trafik (vejmyndighed)\n" in body
    assert "Modtaget / received:     mandag den 30. november 2026 kl. 09.05\n" in body
    assert "Servicemål / goal:       10 arbejdsdage\n" in body
    assert ("Frist / due date:        2026-12-14. Forventes afsluttet i uge 51 (14.-18. december 2026), senest "
            "mandag den 14. december\n") in body
    (due,) = [line for line in body.splitlines() if line.startswith("Frist")]
    assert not re.search(r"\(uge|\)\s*\(|\)\)", due), "nested or doubled parentheses around the week"


def test_details_are_listed_and_missing_ones_are_a_dash(settings):
    body = body_of(routed(settings))
    assert "Virksomhed / company:    Jensen ApS\n" in body and "CVR:                     72494814\n" in body
    assert "Kontakt / contact:       Peter Jensen\n" in body and "Telefon / phone:         -\n" in body


def test_headers_auto_generated_with_stable_message_id(renamed):
    msg = sent(routed(renamed))
    assert msg["Auto-Submitted"] == "auto-generated" and msg["X-Loop"] == "intake-loop@kk.example"
    assert msg["Message-ID"] == msg_id(renamed, "case", REFERENCE) and msg["In-Reply-To"] is None
    assert msg["From"].addresses[0].display_name == OTHER_NAME and DEFAULT_NAME not in str(msg["From"])


def test_a_resend_numbers_its_message_id(settings):
    assert routed(settings, n=3)["Message-ID"] == msg_id(settings, "case", REFERENCE, 3)


def test_the_original_is_attached(settings):
    (part,) = list(sent(routed(settings)).iter_attachments())
    assert part.get_filename() == f"{REFERENCE}-original.eml" and part.get_content() == b"raw application"


def test_attachments_say_what_was_read_and_why_not(settings):
    body = body_of(routed(settings, attachments=ATTACHMENTS))
    assert "Vedhæftninger / attachments:\n- plan.pdf (pdf, read)\n- tegning.docx (docx, failed: encrypted)\n" in body
    assert "Vedhæftninger / attachments:\n-\n" in body_of(routed(settings))


def test_attachment_note_reads_the_stored_form():
    note = AttachmentNote.from_dict({"filename": "a.xlsx", "type": "xlsx", "status": "unreadable", "reason": None})
    assert attachment_line(note) == "- a.xlsx (xlsx, unreadable)"


def test_flags_triage_invalid_cvr_and_a_cpr_number(settings):
    body = body_of(routed(settings, needs_triage=True,
                          details={"cvr": "12345678", "cvr_valid": False, "cpr_found": True}))
    assert body.startswith(f"Ny sag / New case {REFERENCE}  [TRIAGE: usikker klassifikation / uncertain "
                           "classification]\n")
    assert "CVR:                     12345678  (UGYLDIGT / INVALID check digit)\n" in body
    assert "CPR-nummer fundet: udeladt her" in body and "it is in the attached original mail" in body


def test_complex_case_names_and_copies_the_contact_person(settings):
    msg = sent(routed(settings, contact=PERSON))
    assert msg["Cc"] == PERSON.email
    assert (f"Kontaktperson / contact person: {PERSON.name} <{PERSON.email}> (kompleks sag / complex case)\n"
            in body_of(msg))


def test_non_municipal_topic_is_named_and_an_only_external_case_flagged(settings):
    part = sent(routed(settings, external=("alkoholbevilling",)))
    assert "Ikke-kommunalt / non-municipal: alkoholbevilling (" in body_of(part)
    assert "ikke-kommunal" not in part["Subject"] and "KUN IKKE-KOMMUNALT" not in body_of(part)
    only = sent(routed(settings, task_types=("generel",), office="erhvervsservice", external=("skat_moms",)))
    assert only["Subject"].startswith(f"[{REFERENCE}] Ny sag: Generel erhvervshenvendelse / vejledning "
                                      "(ikke-kommunal / non-municipal)")
    assert "[KUN IKKE-KOMMUNALT / ONLY NON-MUNICIPAL: se `intake case forward`]" in body_of(only)


def test_hostile_company_name_cannot_add_headers(settings):
    msg = routed(settings, details={"company_name": HOSTILE})
    assert b"\nBcc:" not in msg.as_bytes() and sent(msg)["Bcc"] is None
    assert sent(msg)["Subject"].endswith(" - Hej Bcc: victim@attacker.example X-Evil: 1")


def test_the_location_line_says_when_the_activity_is_at_the_business_address(settings):
    own = {"company_name": "Café Solsiden ApS", "address": "Istedgade 53", "postcode": "1650"}
    body = body_of(routed(settings, details=own))
    assert "Adresse / address:       Istedgade 53, 1650\n" in body
    with_town = body_of(routed(settings, details=dict(own, city="København V")))
    assert "Adresse / address:       Istedgade 53, 1650 København V\n" in with_town
    assert "Adresse / address:       -\n" in body_of(routed(settings, details={"company_name": "Café Solsiden ApS"}))
    assert "Sted / location:         som adressen / at the address\n" in body
    site = dict(own, activity_location="Fælledparken")
    assert "Sted / location:         Fælledparken\n" in body_of(routed(settings, details=site))
    assert "Sted / location:         -\n" in body_of(routed(settings, details={"company_name": "Jensen ApS"}))
