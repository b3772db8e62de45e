"""Items given in forms the development set rarely had (batch c7, session check7): the application in the sender's own
earlier mail quoted under a reply, a scaffold's put-up and take-down days as the period, and a foreign business's
Danish subsidiary as the applicant."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.checklist import Evidence, check
from intake.details.extract import Field
from intake.details.periods import find_period
from intake.mail.bodytext import own_history, quoted_text
from routing.catalogue import load_catalogue

RECEIVED = date(2026, 11, 16)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


# ---------------------------------------------------------------- the sender's own earlier mail under a reply

OUTLOOK = ("Hej igen\n\nJeg glemte skitsen. Alt andet står i min mail nedenfor.\n\nMvh Louise\n\n"
           "-----Oprindelig meddelelse-----\nFra: Louise Friis <louise@vinbar.dk>\nSendt: 10. november 2026 14:02\n"
           "Til: byliv@kk.dk\nEmne: Udeservering\n\nVi søger om udeservering, CVR 38906747.")
ATTRIBUTION = ("Hej igen, se nedenfor.\n/Mikkel\n\nOn 12 Nov 2026, at 10:14, Mikkel Sand <mikkel@sand.dk> wrote:\n"
               "> we need a lift in front of Istedgade 54\n> from 18 January to 22 January 2027.")


def test_history_the_sender_wrote_is_their_own():
    """An Outlook header or an attribution line naming the sender's address: the history is the application."""
    own = own_history(OUTLOOK, quoted_text(OUTLOOK), "louise@vinbar.dk", "Louise Friis")
    assert "CVR 38906747" in own
    inline = own_history(ATTRIBUTION, quoted_text(ATTRIBUTION), "MIKKEL@sand.dk")
    assert "from 18 January to 22 January 2027." in inline and ">" not in inline


def test_history_named_by_the_senders_full_name_is_their_own():
    text = OUTLOOK.replace("<louise@vinbar.dk>", "")
    assert own_history(text, quoted_text(text), "louise.friis@gmail.com", "Louise Friis")


@pytest.mark.parametrize(("addr", "name"), [
    ("jens@firma.dk", "Jens Hansen"),  # someone else's mail quoted (the municipality's, a colleague's)
    ("vinbar.dk", ""),  # part of an address is not the address
    ("l@x.dk", "Louise"),  # one name alone is not enough
])
def test_history_someone_else_wrote_is_not_the_senders(addr, name):
    assert own_history(OUTLOOK, quoted_text(OUTLOOK), addr, name) == ""


def test_the_senders_address_in_the_quoted_text_below_its_header_does_not_make_it_theirs():
    text = ("Tak.\n\n-----Oprindelig meddelelse-----\nFra: Byliv <byliv@kk.dk>\nSendt: 10. november 2026\n"
            "Til: louise@vinbar.dk\nEmne: Mangler\n\nSkriv til louise@vinbar.dk hvis noget mangler.")
    assert own_history(text, quoted_text(text), "louise@vinbar.dk", "Louise Friis") == ""


def test_an_item_in_the_senders_own_quoted_mail_is_given(catalogue):
    own = own_history(OUTLOOK, quoted_text(OUTLOOK), "louise@vinbar.dk")
    evidence = Evidence(details={"cvr": Field("38906747", "body")}, texts=[("body", "Jeg glemte skitsen."),
                                                                          ("history", own)], received=RECEIVED)
    assert "cvr" in check(catalogue.task("udeservering"), evidence).have


# ---------------------------------------------------------------- put up and taken down

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Erection: 8 March 2027\nDismantling: 30 April 2027", date(2027, 3, 8), date(2027, 4, 30)),
    ("Opstilling 1. marts 2027, nedtagning 30. april 2027.", date(2027, 3, 1), date(2027, 4, 30)),
    ("Stilladset opstilles 4. januar 2027 og nedtages 12. februar 2027.", date(2027, 1, 4), date(2027, 2, 12)),
])
def test_the_days_a_scaffold_is_put_up_and_taken_down_are_the_period(text, start, end):
    period = find_period(text, RECEIVED)
    assert (period.start, period.end) == (start, end)


def test_a_take_down_word_alone_gives_only_the_end():
    period = find_period("Skiltet nedtages 30. april 2027.", RECEIVED)
    assert period.start is None and period.end == date(2027, 4, 30)


# ---------------------------------------------------------------- a Danish subsidiary

@pytest.mark.parametrize("body", [
    "For completeness: our Danish subsidiary is registered as CodeWerk Denmark ApS, CVR 38906747.",
    "Vores danske datterselskab, Kaffe Nord ApS, har CVR 38906747.",
])
def test_a_foreign_businesss_danish_subsidiary_is_the_applicant(catalogue, body):
    evidence = Evidence(details={"cvr": Field("38906747", "body")}, texts=[("body", body)], received=RECEIVED)
    assert "cvr" in check(catalogue.task("erhvervsaffald"), evidence).have


@pytest.mark.parametrize("body", [
    "Our Danish subsidiary's landlord, Ejendom ApS, has CVR 38906747.",
    "Vores svenske datterselskab har CVR 38906747.",
])
def test_another_party_beside_a_subsidiary_stays_another_party(catalogue, body):
    evidence = Evidence(details={"cvr": Field("38906747", "body")}, texts=[("body", body)], received=RECEIVED)
    assert "cvr" in check(catalogue.task("erhvervsaffald"), evidence).missing


# ---------------------------------------------------------------- a street address the extractor did not keep

def test_a_corrected_address_is_given_by_the_one_written_last(catalogue):
    """The extractor took the address the writer corrected ("No, sorry"); the one written after it gives the item."""
    body = ("The laundry is at Stamholmen 151? No, sorry: the address is Kløverprisvej 10... final: Kraftværksvej 40, "
            "2300 København S.")
    evidence = Evidence(details={"address": Field("Kløverprisvej 10", "body")}, texts=[("body", body)],
                        received=RECEIVED)
    assert "address" in check(catalogue.task("spildevand"), evidence).have


@pytest.mark.parametrize("body", [
    "Jeg ejer Bageriet på Nørrebrogade 2200 og vil have borde ude.",  # a postcode read as a house number
    "Vi har ikke adressen på Kraftværksvej 40 endnu.",  # denied
    "Containerfirmaet har adresse på Kraftværksvej 40.",  # another party's address
])
def test_a_street_address_of_no_use_does_not_give_the_address(catalogue, body):
    evidence = Evidence(texts=[("body", body)], received=RECEIVED)
    assert "address" in check(catalogue.task("spildevand"), evidence).missing


# ---------------------------------------------------------------- a place the business has left

@pytest.mark.parametrize("body", [
    "Vi er flyttet fra Nørrebrogade 100, hvor vi havde en tank.",
    "We moved out of Vesterbrogade 10 last year.",
    "Vores gamle værksted på Tingvej 8 er solgt.",
    "Our previous address: Tingvej 8.",
])
def test_a_place_the_business_has_left_is_not_the_address(catalogue, body):
    evidence = Evidence(texts=[("body", body)], received=RECEIVED)
    assert "address" in check(catalogue.task("olietank"), evidence).missing


def test_the_place_moved_to_is_the_address(catalogue):
    evidence = Evidence(texts=[("body", "Vi er flyttet fra Nørrebrogade 100 til Tingvej 8, 2300 København S.")],
                        received=RECEIVED)
    assert "address" in check(catalogue.task("olietank"), evidence).have
