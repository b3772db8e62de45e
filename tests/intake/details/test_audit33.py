"""Details of the audit mails of session 33, written blind as a desk receives them: a correction sent the day after
the application, above the quoted application; an Outlook signature whose logo line is an inline image's Content-ID.
Each test words its case differently from the audit mail."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.identifiers import EMAIL
from tests.intake.details.reading import values_at

REF = date(2027, 1, 13)
values = values_at(REF)


def read(sources: list[tuple[str, str]], sender: str = "", sender_name: str = "") -> dict:
    found = extract_details(sources, {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}

CORRECTION = ("Hej igen\n\nDer var desværre to fejl i gårsdagens ansøgning:\n\n"
              "- Containeren skal stå ud for Blegdamsvej 58, ikke Blegdamsvej 85.\n"
              "- Vi starter tirsdag d. 9. marts 2027 i stedet for 2. marts, og hentning sker fredag d. 19. marts 2027 "
              "i stedet for 12. marts.\n\nResten er som før.\n\nVenlig hilsen\nMaja Dalgaard\nDalgaard Flytning ApS\n\n"
              "Fra: Maja Dalgaard <maja@dalgaard-flytning.example>\nSendt: 12. januar 2027 15:40\n"
              "Til: erhvervsservice@kk.dk\nEmne: Container på vejen, Blegdamsvej 85\n\n"
              "Hej\n\nVi søger om at stille en 10 m³ container ud for Blegdamsvej 85, 2100 København Ø.\n\n"
              "Periode: 02.03.2027 - 12.03.2027\n\nFirma: Dalgaard Flytning ApS\nKontakt: Maja Dalgaard\n")


def test_a_correction_above_the_quoted_application_puts_its_days_right_in_any_form():
    found = read([("subject", "SV: Container på vejen, Blegdamsvej 85"), ("body", CORRECTION)],
                   sender="maja@dalgaard-flytning.example", sender_name="Maja Dalgaard")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-03-09", "2027-03-19")


def test_a_corrected_house_number_written_with_its_street_again_holds_in_the_quote_and_the_subject():
    found = read([("subject", "SV: Container på vejen, Blegdamsvej 85"), ("body", CORRECTION)],
                   sender="maja@dalgaard-flytning.example", sender_name="Maja Dalgaard")
    assert str(found.get("activity_location")).startswith("Blegdamsvej 58")


def test_a_day_put_in_place_of_another_with_its_year_written():
    found = values([("body", "Hej\n\nVi flytter opstillingen: den 4. maj 2027 i stedet for 27. april. Nedtagning "
                             "som aftalt 28. maj 2027.\n\n> Vi søger om stillads fra 27. april 2027 til 28. maj 2027."
                             "\n\nMvh\nOle Berg\n")])
    assert (found.get("period_from"), found.get("period_to")) == ("2027-05-04", "2027-05-28")


def test_an_inline_images_content_id_is_no_address():
    assert [m.group(0) for m in EMAIL.finditer("Projektleder\n[cid:image002.jpg@01DA1B2C.3D4E5F60]\nmail: "
                                               "pn@murerfirma.example.dk")] == ["pn@murerfirma.example.dk"]
    found = read([("body", "Hej\n\nVi søger om stillads ud for Nansensgade 12.\n\nMvh\nPeter Nøhr\n"
                             "[cid:image001.png@01DB77AA.1C2D3E40]\nNøhr Murer ApS\n")])
    assert found.get("contact_email") is None
