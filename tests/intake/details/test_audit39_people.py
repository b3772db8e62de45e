"""Details of the audit mails of session 39, written blind in many voices: an adviser who names the client's director as
the case's contact and signs with his own office's phone, a CVR remembered in a P.S. under the signature, the
employees and guests a company party expects. Each test words its case differently from the audit mail."""

from __future__ import annotations

from datetime import date

import pytest

from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))


def _adviser(sentence: str) -> str:
    return ("Dear Erhvervsservice,\n\nOn behalf of Bistro Lykke ApS (CVR 36180552) I apply for a change of use of "
            f"Blågårdsgade 12, 2200 København N.\n\n{sentence} I can be reached for technical questions at our "
            "office, +45 33 12 45 78.\n\nBest regards\nAnders Holm\nEngineer\nHolm Rådgivning\n")


@pytest.mark.parametrize("sentence", [
    "The owner is Mr Jonas Vestergaard, jonas@bistrolykke.dk, 61 22 48 90, and he should be the contact for the case.",
    "Its director, Ms Sara Lind, sara@bistrolykke.dk, tel. 61 22 48 90 - she will be the contact person.",
    "Ejeren er Jonas Vestergaard, jonas@bistrolykke.dk, 61 22 48 90, og han bliver kontaktperson på sagen.",
    "Indehaveren hedder Sara Lind (sara@bistrolykke.dk, 61 22 48 90), og hun skal være kontaktperson.",
])
def test_a_person_the_adviser_names_as_the_contact_wins_over_him_with_her_phone(sentence):
    """"she should be the contact" points back to the person just named: she, her phone, not the adviser's office."""
    found = values([("body", _adviser(sentence))], sender="ah@holmraad.dk", sender_name="Anders Holm")
    assert found["contact_name"] in ("Jonas Vestergaard", "Sara Lind")
    assert found["phone"] == "61224890"


@pytest.mark.parametrize("sentence", [
    "Karin Mølgaard, karin@bistrolykke.dk, 61 22 48 90, er kontaktperson på sagen.",
    "Kontaktperson bliver Karin Mølgaard, karin@bistrolykke.dk, 61 22 48 90.",
    "For the application please contact Karin Mølgaard, karin@bistrolykke.dk, 61 22 48 90.",
    "Karin Mølgaard (karin@bistrolykke.dk, 61 22 48 90) should be the contact for this application.",
])
def test_a_person_named_as_the_contact_in_so_many_words_wins_over_the_signer(sentence):
    found = values([("body", _adviser(sentence))], sender="ah@holmraad.dk", sender_name="Anders Holm")
    assert (found["contact_name"], found["phone"]) == ("Karin Mølgaard", "61224890")


def test_a_signer_who_only_names_the_director_stays_the_contact():
    """The director named without being made the contact is no contact; the writer who asks for replies is."""
    body = ("Hej\n\nVores direktør er Jonas Vestergaard, og han har bedt mig søge om skiltning på Blågårdsgade 12, "
            "2200 København N. Kontakt gerne mig på 33 12 45 78.\n\nMvh\nAnders Holm\n")
    found = values([("body", body)], sender="ah@holmraad.dk", sender_name="Anders Holm")
    assert (found["contact_name"], found["phone"]) == ("Anders Holm", "33124578")


def test_a_contact_for_technical_questions_alone_stays_one_when_no_one_else_is_named():
    body = ("Dear Erhvervsservice,\n\nWe apply for a sign at Blågårdsgade 12, 2200 København N. I can be reached for "
            "technical questions on +45 33 12 45 78.\n\nBest regards\nAnders Holm\n")
    found = values([("body", body)], sender="ah@holmraad.dk", sender_name="Anders Holm")
    assert (found["contact_name"], found["phone"]) == ("Anders Holm", "33124578")


@pytest.mark.parametrize("ps", [
    "P.S. Vi glemte vores CVR – det er 96679254.",
    "PS: I forgot the CVR - it is 96679254.",
    "P.S. Our CVR no., that's 96679254, if you need it.",
])
def test_a_cvr_given_in_a_ps_under_the_signature_counts(ps):
    body = ("Hej\n\nVi vil gerne søge om en stand på Halmtorvet lørdag den 5. juni 2027.\n\nMvh\nLea Hvid\n"
            f"Hvids Honning\n\n{ps}\n")
    assert values([("body", body)], sender="lea@hvidshonning.dk")["cvr"] == "96679254"


def test_a_cvr_in_a_quoted_earlier_mail_below_a_ps_does_not_count():
    body = ("Hej\n\nVi vil gerne søge om en stand på Halmtorvet lørdag den 5. juni 2027.\n\nMvh\nLea Hvid\n\n"
            "P.S. Tak for sidst.\n\n-----Oprindelig meddelelse-----\nFra: Ole Sand <ole@sandogsten.dk>\n"
            "Sendt: 2. maj 2027 10:12\nTil: lea@hvidshonning.dk\nEmne: Stand\n\nHej Lea, vores CVR er 33930755.\n"
            "Ole Sand\n")
    assert values([("body", body)], sender="lea@hvidshonning.dk").get("cvr") is None


@pytest.mark.parametrize("text", ["Vores CVR - 66888371.", "CVR-nummeret, det er 66888371."])
def test_a_cvr_after_a_dash_or_det_er_is_read(text):
    assert values([("body", f"Hej\n\n{text}\n\nMvh\nLea Hvid\n")])["cvr"] == "66888371"


@pytest.mark.parametrize("sentence, guests", [
    ("We are expecting around 420 staff and guests at the anniversary.", 420),
    ("Vi forventer ca. 180 medarbejdere og gæster til julefrokosten.", 180),
    ("Der kommer omkring 260 ansatte, kunder og gæster.", 260),
    ("We expect 75 colleagues & visitors for the opening.", 75),
    ("We expect about 140 people in the courtyard.", 140),
    ("Vi regner med 95 deltagere.", 95),
    ("Der kommer vel 300 besøgende i løbet af dagen.", 300),
])
def test_the_people_an_event_expects_are_its_guests(sentence, guests):
    body = (f"Hej\n\nVi holder fest i gården på Refshalevej 163, 1432 København K, fredag den 10. september 2027. "
            f"{sentence}\n\nMvh\nMaja Krog\n")
    assert values([("body", body)], sender="maja@refshalefest.dk")["guests"] == guests


@pytest.mark.parametrize("sentence", [
    "We are a company of 350 employees and would like to put up a sign.",
    "Firmaet har 120 medarbejdere og vil gerne sætte et skilt op.",
    "We have 40 employees and our customers park in the yard.",
    "Vi er 60 ansatte i huset.",
])
def test_a_businesss_employees_alone_are_not_guests(sentence):
    body = (f"Hej\n\n{sentence} Skiltet skal hænge på Refshalevej 163, 1432 København K.\n\nMvh\nMaja Krog\n")
    assert values([("body", body)], sender="maja@refshalefest.dk").get("guests") is None
