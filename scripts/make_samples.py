"""Build the bundled sample applications in intake/samples/ (run once; the results are committed).

Each sample is a realistic mail as a business would send it: body-only,
a Word form, a PDF, English and Danish, a multi-office restaurant opening,
an application a colleague in Borgerservice forwarded, and one out-of-office
reply that must not be answered.
"""
from __future__ import annotations

import io
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parents[1] / "intake" / "samples"
TO = "erhvervsservice@kk.example"
TZ = ZoneInfo("Europe/Copenhagen")


def mail(n: int, sender: str, subject: str, body: str, when: datetime, **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, TO, subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<sample-{n}@{sender.split('@')[1].rstrip('>')}>"
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(body)
    return msg


def word_form(rows: list[tuple[str, str]], title: str) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_letter(lines: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for line in lines:
        c.drawString(60, y, line)
        y -= 18
    c.save()
    return buf.getvalue()


def samples() -> list[EmailMessage]:
    def d(day: int, h: int = 9, m: int = 12) -> datetime:
        return datetime(2026, 11, day, h, m, tzinfo=TZ)

    out = []
    out.append(mail(1, "Mette Holm <mette@cafesolsikke.dk>", "Ansøgning om udeservering",
        "Hej\n\nVi driver Café Solsikke på Jægersborggade 14, 2200 København N, og vil gerne søge om "
        "tilladelse til udeservering på fortovet foran caféen: 4 borde og 8 stole, ca. 6 m², "
        "i perioden 1. marts 2027 til 30. september 2027.\n\nCVR-nr. 12 34 56 78, P-nr. 1012345678.\n\n"
        "Med venlig hilsen\nMette Holm\nCafé Solsikke ApS\nTlf. 22 33 44 55\n", d(23)))
    out.append(mail(2, "James Carter <james.carter@nordicscaffold.com>", "Scaffolding permit Vesterbrogade 88",
        "Dear Sir or Madam,\n\nOn behalf of our client we apply for permission to place scaffolding on the "
        "pavement in front of Vesterbrogade 88, 1620 Copenhagen V, for facade renovation. The scaffold will "
        "be 22 metres long and 1.2 metres deep, with a covered walkway for pedestrians. Period: "
        "11 January 2027 to 5 March 2027.\n\nCompany: Nordic Scaffold ApS, CVR DK 72 49 48 14\n"
        "Contact: James Carter, +45 31 22 41 90\n\nKind regards\nJames Carter\n", d(24, 14, 5)))
    sign = mail(3, "Lars Bak <lars@bakogsoen-bageri.dk>", "Skilt til bageri - se vedhæftede",
        "Hej\n\nHermed ansøgning om facadeskilt til vores nye bageri. Se vedhæftede skema.\n\nVh Lars\n", d(24, 10, 40))
    sign.add_attachment(word_form([
        ("Virksomhedens navn", "Bak & Søn Bageri ApS"), ("CVR-nummer", "87 03 30 82"),
        ("Kontaktperson", "Lars Bak"), ("Telefon", "40 12 98 76"), ("E-mail", "lars@bakogsoen-bageri.dk"),
        ("Adresse", "Amagerbrogade 101, 2300 København S"),
        ("Ansøgningen drejer sig om", "Facadeskilt med belysning, 2,4 x 0,6 m, over butiksvinduet, "
         "samt et udhængsskilt ved indgangen."),
    ], "Ansøgning om skiltning og facadereklame"), maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="skilteansøgning.docx")
    out.append(sign)
    tank = mail(4, "Ejendomsadministration Nord <drift@ejdnord.dk>", "Sløjfning af olietank",
        "Til Center for Miljøbeskyttelse\n\nVedhæftet anmeldelse af sløjfning af olietank. "
        "Ejendommen overgår til fjernvarme.\n\nMed venlig hilsen\nKaren Friis\n", d(25, 8, 55))
    tank.add_attachment(pdf_letter([
        "Anmeldelse af sloejfning af olietank",
        "Ejendom: Tagensvej 57, 2200 Koebenhavn N",
        "Ejer: Ejendomsadministration Nord A/S, CVR 47 51 14 88",
        "Tanken er nedgravet, 2.500 liter, fyringsolie, etableret 1978.",
        "Tanken toemmes, renses og fyldes med sand af autoriseret firma.",
        "Forventet dato for sloejfning: 15. januar 2027.",
        "Kontaktperson: Karen Friis, telefon 33 14 15 16",
    ]), maintype="application", subtype="pdf", filename="anmeldelse_olietank.pdf")
    out.append(tank)
    out.append(mail(5, "Ahmad Rahimi <ahmad@rahimi-kitchen.dk>", "Ny restaurant på Nørrebrogade",
        "Hej Erhvervsservice\n\nJeg åbner restaurant på Nørrebrogade 45, 2200 København N, til foråret. "
        "Vi vil gerne have udeservering med 6 borde på fortovet fra 1. april 2027, et skilt over døren, "
        "og vi skal installere en fedtudskiller i køkkenet, så vi skal vel også have tilladelse til "
        "spildevand. Hvordan skal vi ordne erhvervsaffald fra køkkenet?\n\nRahimi Kitchen ApS, CVR 62 26 93 91\n"
        "Ahmad Rahimi, 27 18 36 45\n", d(25, 16, 20)))
    out.append(mail(6, "Sofie Lind <sofie@lindarkitekter.dk>", "Fraværende: Ansøgning",
        "Tak for din mail. Jeg er på ferie til og med 4. december og læser ikke mails.\n\nSofie Lind\n",
        d(26, 7, 1), Auto_Submitted="auto-replied"))
    out.append(mail(7, "Emma Wilson <emma@copenhagenstreetfood.com>", "Question: what permits does a food truck need?",
        "Hello,\n\nI am moving to Copenhagen and would like to start a small food truck selling coffee and "
        "pastries. What do I need to apply for, and who should I talk to?\n\nBest,\nEmma Wilson\n", d(26, 11, 30)))
    dig = mail(8, "Jens Nielsen <jn@nielsen-entreprise.dk>", "Gravetilladelse Istedgade",
        "Hej\n\nVi skal grave i fortovet ud for Istedgade 120, 1650 København V, for at udskifte en "
        "stikledning til vand. Ca. 12 meter rende, 1 meter bred. Arbejdet forventes at tage 5 dage i uge 3, 2027.\n\n"
        "Nielsen Entreprise A/S\nCVR: 38 11 27 59\nJens Nielsen, tlf. 20 30 40 50\n", d(27, 9, 45))
    out.append(dig)
    out.append(mail(9, "Lone Berg <lobe@kk.example>", "VS: Ansøgning om stadeplads på Israels Plads",
        "Hej Erhvervsservice\n\nDenne mail kom ind hos os i Borgerservice. Kan I tage jer af den?\n\n"
        "Venlig hilsen\nLone Berg\nBorgerservice, Københavns Kommune\n\n"
        "-----Oprindelig meddelelse-----\n"
        "Fra: Nadia Haddad [mailto:nadia@haddads-falafel.dk]\n"
        "Sendt: 26. november 2026 15:02\n"
        "Til: Borgerservice <borgerservice@kk.example>\n"
        "Emne: Ansøgning om stadeplads på Israels Plads\n\n"
        "Hej\n\nJeg vil gerne søge om en stadeplads til min falafelvogn på Israels Plads, 1360 København K, "
        "lørdage fra 1. april til 30. september 2027, kl. 10-17. Vognen er 2,5 x 2 meter.\n\n"
        "Haddad's Falafel IVS, CVR 41 98 27 05\nNadia Haddad, tlf. 61 44 82 19\n", d(27, 10, 5)))
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.eml"):
        old.unlink()
    for n, msg in enumerate(samples(), 1):
        slug = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in str(msg["Subject"]).lower())
        slug = "-".join(filter(None, slug.split("-")))[:30]
        (OUT / f"{n:02d}-{slug}.eml").write_bytes(msg.as_bytes())
    print(f"wrote {n} samples to {OUT}")


if __name__ == "__main__":
    main()
