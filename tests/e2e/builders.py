"""Applications as businesses send them, with real PDF and Word attachments."""
from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from tests.intake.attachments.builders import docx_form, text_pdf

DESK = "desk@example.test"


def _base(sender: str, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, DESK, subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">"))
    msg.set_content(body)
    return msg


def scaffolding_da(sender="Peter Jensen <peter@jensen-stilladser.dk>", n: int = 0) -> EmailMessage:
    return _base(sender, f"Ansøgning om stillads {n or ''}".strip(),
                 "Hej\n\nVi skal opstille stillads på fortovet ud for Nørrebrogade 12, 2200 København N, "
                 "fra 1. marts 2027 i 6 uger til facaderenovering. Stilladset bliver 15 meter langt og "
                 "1,2 meter dybt. Vi søger om råden over vejareal.\n\nMed venlig hilsen\nPeter Jensen\n"
                 "Jensen Stilladser ApS, CVR 72494814\nTlf. 20 30 40 50\n")


def oil_tank_pdf_en(sender="Karen Friis <karen@ejdnord.dk>") -> EmailMessage:
    msg = _base(sender, "Oil tank decommissioning", "Hello,\n\nPlease find our notification attached.\n\n"
                "Kind regards\nKaren Friis\n")
    msg.add_attachment(text_pdf([
        "Notification: decommissioning of an oil tank",
        "Property: Tagensvej 57, 2200 Copenhagen N",
        "Owner: Ejendomsadministration Nord A/S, CVR 47511488",
        "Underground heating oil tank, 2,500 litres, installed 1978.",
        "The tank will be emptied, cleaned and filled with sand by a licensed contractor,",
        "as the building is switching to district heating. Planned date: 15 January 2027.",
        "Contact: Karen Friis, phone 33 14 15 16",
    ]), maintype="application", subtype="pdf", filename="oil_tank.pdf")
    return msg


def sign_docx_da(sender="Lars Bak <lars@bakogsoen-bageri.dk>") -> EmailMessage:
    msg = _base(sender, "Skilt - se vedhæftede", "Hej\n\nSe vedhæftede ansøgning.\n\nVh Lars\n")
    form = docx_form([("Virksomhedens navn", "Bak & Søn Bageri ApS"), ("CVR-nummer", "87 03 30 82"),
                      ("Kontaktperson", "Lars Bak"), ("Telefon", "40 12 98 76"),
                      ("Adresse", "Amagerbrogade 101, 2300 København S"),
                      ("Ansøgningen drejer sig om", "Nyt facadeskilt med lys over butiksvinduet og et "
                                                     "udhængsskilt ved indgangen")],
                     paragraphs=["Ansøgning om skiltning og facadereklame"])
    msg.add_attachment(form, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="skilteansøgning.docx")
    return msg
