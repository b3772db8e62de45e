"""Builders for test messages."""
from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Copenhagen")
SCAFFOLD_DA = ("Hej\n\nVi skal opstille stillads på fortovet ud for Nørrebrogade 12, 2200 København N, "
               "fra 1. marts 2027 i 6 uger i forbindelse med facaderenovering. Stilladset bliver 15 meter "
               "langt. Vi søger om tilladelse til råden over vejareal.\n\nMed venlig hilsen\nPeter Jensen\n"
               "Jensen Stilladser ApS, CVR 72494814\nTlf. 20 30 40 50\n")


def application(sender="Peter Jensen <peter@jensen-stilladser.dk>", subject="Ansøgning om stillads",
                body=SCAFFOLD_DA, when=datetime(2026, 11, 30, 9, 0, tzinfo=TZ), **headers) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "erhvervsservice@kk.example", subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain="test.example")
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(body)
    return msg
