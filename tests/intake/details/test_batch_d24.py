"""Details in the voices of development batch d24: attachments written by an architect, an engineer, an agency or a
contractor for an owner, under the writer's letterhead, with the person to contact named in a sentence or under a
label that says so, and cover mails sent by assistants."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 8)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the person named to contact

def test_a_sentence_under_a_contact_heading_is_no_name():
    text = ("Kontakt\nEjeren har givet fuldmagt til, at firmaet håndterer sagen.\n"
            "Kontaktperson: projektleder Niels Holt, 21 70 33 58, nh@firma.dk.")
    found = values([("bilag.pdf", text)])
    assert found["contact_name"] == "Niels Holt"
    assert found["phone"] == "21703358"


def test_a_name_under_a_contact_heading_is_still_the_contact():
    text = "Kontakt\nAna de la Rosa, 21 70 33 58\n"
    assert values([("bilag.pdf", text)])["contact_name"] == "Ana de la Rosa"


def test_a_label_that_says_contact_wins_over_a_label_naming_a_role():
    text = ("Applicant: Osteria Nord ApS\nOwner: Marco Rossi\n"
            "Restaurant manager and contact person: Giulia Bianchi, mobile +45 61 20 33 48\n")
    assert values([("form.docx", text)])["contact_name"] == "Giulia Bianchi"


def test_a_role_label_alone_still_names_the_contact():
    text = "Applicant: Osteria Nord ApS\nOwner: Marco Rossi\nPhone: 61 20 33 48\n"
    assert values([("form.docx", text)])["contact_name"] == "Marco Rossi"


def test_a_contact_label_for_the_case_names_the_contact():
    for label in ("Contact for this application", "Contact for the municipality", "Kontakt vedrørende anmeldelsen",
                  "Who do we call? (name, mobile)"):
        text = f"Ansøgning\n{label}: projektleder Mikkel Storm, tlf. 61 35 02 48\n"
        assert values([("bilag.docx", text)])["contact_name"] == "Mikkel Storm", label


def test_a_suppliers_contact_in_a_quote_is_no_contact_label():
    text = "Tilbud nr. 2027-114\nUdhængsskilt 80 x 60 cm\nKontakt hos LysReklame: Jan Poulsen, 22 16 73 02\n"
    assert "contact_name" not in values([("tilbud.docx", text)])


def test_a_part_heading_that_mentions_contact_is_no_label():
    text = ("Section A – Applicant\nSection B – Agent / contact for this request\nSection C – Signs\n"
            "Applicant (legal entity) | Hartley Denmark ApS\n")
    assert "contact_name" not in values([("form.docx", text)])


def test_questions_addressed_to_a_person_below_a_managing_director():
    text = ("1. Applicant\nNordic Coating ApS\nManaging director: Søren Aagaard, tel. 33 21 08 44\n"
            "4. Consultant\nPlease address questions and correspondence to Henrik Ramsø, environmental\n"
            "engineer, mobile +45 23 48 91 06, hr@ramsoe.dk.")
    found = values([("application.pdf", text)])
    assert found["contact_name"] == "Henrik Ramsø"
    assert found["phone"] == "23489106"


def test_a_managing_director_alone_is_still_the_contact():
    text = "1. Applicant\nNordic Coating ApS\nManaging director: Søren Aagaard, tel. 33 21 08 44\n"
    assert values([("application.pdf", text)])["contact_name"] == "Søren Aagaard"


def test_questions_directed_to_a_titled_person_across_a_wrapped_line():
    text = ("Kontakt\nBygherren har bedt os føre dialogen. Spørgsmål til projektet rettes\n"
            "derfor til arkitekt MAA Mads Linde, mobil 22 41 87 09.")
    assert values([("beskrivelse.pdf", text)])["contact_name"] == "Mads Linde"
    text = ("All questions about the project and the application should be directed to the client's\n"
            "project director, Ingrid Sæther, +45 60 44 12 95.")
    found = values([("description.pdf", text)])
    assert found["contact_name"] == "Ingrid Sæther"
    assert found["phone"] == "60441295"


def test_the_person_to_contact_named_after_the_cue_in_a_mail():
    cases = [("Louise står for det daglige, så kontakt hende: Louise Frandsen, 26 93 10 57.", "Louise Frandsen"),
             ("Please contact the country manager directly: Elin Sjöberg, +45 71 40 88 12.", "Elin Sjöberg"),
             ("I'm the contact for this: Hannah Schultz, +45 31 08 55 27", "Hannah Schultz"),
             ("Det er min søster Rikke Aamand, I skal kontakte, på 53 18 26 90.", "Rikke Aamand")]
    for sentence, name in cases:
        text = f"Hej\n\nVi åbner en café.\n\n{sentence}\n\nMvh\nTine Holm"
        assert values([("body", text)])["contact_name"] == name, sentence


def test_contact_her_without_a_name_leaves_the_signer():
    text = "Hi\n\nGiulia runs the floor, so please contact her directly.\n\nRegards\nMarco Bellini"
    assert values([("body", text)])["contact_name"] == "Marco Bellini"
