"""Details in the voices of development batch d53: corrections and hand-overs written above a quoted or forwarded
mail, whose header names the city's mailbox, the writer's home told in brackets beside the premises, and a number
given as "I kan fange mig på"."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 4)
body = body_at(REF)


# ---------------------------------------------------------------- e-mail

def test_copy_line_of_a_quoted_mail_is_no_contact_email():
    found = body("Hi,\n\nJust a reminder about the mail below.\n\nBest\nAnna\n\n-----Original-----\nFrom: Anna Holt\n"
                 "Cc: permits@city.example\nSubject: Container\n\nWe apply for a container.\n")
    assert found["contact_email"] == "x@example.dk"


def test_danish_recipient_line_is_no_contact_email_either():
    found = body("Hej\n\nJeg rykker for svar.\n\nMvh Bo\n\n---------- Videresendt ----------\nFra: Bo Ask\n"
                 "Til: byliv@city.example\nEmne: Udeservering\n\nVi søger om udeservering.\n")
    assert found["contact_email"] == "x@example.dk"


def test_address_on_the_wrote_line_of_a_quoted_reply_is_no_contact_email():
    found = body("Dear City,\n\nHere are the answers you asked for.\n\nBest,\nMia\n\n"
                 "On Mon, 7 Dec 2026, Business Service <service@city.example> wrote:\n> Dear Mia, we need more.\n")
    assert found["contact_email"] == "x@example.dk"


def test_an_address_written_in_the_text_is_still_the_contact_email():
    # near miss: "to" inside a sentence is no header line
    found = body("Hi,\n\nPlease write to mia@bakery.example from now on.\n\nBest,\nMia Lund\n")
    assert found["contact_email"] == "mia@bakery.example"


# ---------------------------------------------------------------- addresses

def test_home_in_brackets_after_the_premises_is_no_address():
    found = body("Hej\n\nButikkens adresse er Blågårdsgade 5, st., 2200 København N (jeg bor selv på Rantzausgade "
                 "30, 1. tv, men det er ikke relevant).\n\nCVR 12345674\n\nHilsen\nKaren Bjerg\n")
    assert found["address"] == "Blågårdsgade 5, st."
    assert "activity_location" not in found


def test_home_in_brackets_in_english_after_the_shop_is_no_address():
    found = body("Hi,\n\nWe run a shop at Elmegade 3, 2200 København N. I live in the area myself (Fensmarkgade 9, "
                 "2. th), so mornings suit me.\n\nBest,\nTom Berg\n")
    assert found["address"] == "Elmegade 3"
    assert "activity_location" not in found


def test_home_not_in_brackets_stays_the_address():
    # near miss: a home said outright, then the business's place, keeps the set's reading of the home
    found = body("Hej\n\nJeg bor på Rantzausgade 30, 1. tv, 2200 København N.\n\nHilsen\nKaren Bjerg\n")
    assert found["address"] == "Rantzausgade 30, 1. tv"


# ---------------------------------------------------------------- phone

def test_i_kan_fange_mig_paa_gives_the_phone():
    found = body("Hej\n\nI kan fange mig på 27114598 om formiddagen.\n\nHilsen\nSara Friis\nSalon Sara\n")
    assert found["phone"] == "27114598"


def test_du_kan_traeffe_mig_paa_gives_the_phone():
    found = body("Hej\n\nDu kan træffe mig på 27114598 efter kl. 16.\n\nHilsen\nSara Friis\n")
    assert found["phone"] == "27114598"
