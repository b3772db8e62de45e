"""Details in the voices of development batch d31: where the activity happens against the business's own address
(a second shop, a stall beside a house number, a bar on a corner, a shop that moved, a concert on a square and a
date)."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import values_at

REF = date(2027, 1, 15)
values = values_at(REF)


# ---------------------------------------------------------------- a day and its month after a square, no house number

def test_day_and_english_month_after_a_square_is_no_house_number():
    found = values([("subject", "Pop-up concert Vesterbros Torv 3 July"),
                    ("body", "Hi, we'd like to do a free acoustic concert on Vesterbros Torv on Saturday 3 July 2027."
                             "\nSoundYard ApS, Ravnsborggade 14, 2200 København N, CVR 58612472.\nCheers, Freya")])
    assert found["activity_location"] == "Vesterbros Torv"
    # (a house number before a lower-case "may" stays one)
    found = values([("body", "Hej\n\nVores skilt på Nørrebrogade 12 may be lit at night.\n\nMed venlig hilsen\n"
                             "Ole Lund\nLund Optik ApS\nJagtvej 9, 2200 København N\nCVR 12345678\n")])
    assert found["activity_location"].startswith("Nørrebrogade 12")


# ---------------------------------------------------------------- "ved siden af nr. 14" on the street named before it

def test_stall_beside_a_number_on_the_street_named_before_it():
    body = ("Hej\n\nJeg har en blomsterbutik i Vanløse (Jernbane Allé 44, 2720 Vanløse) og vil gerne stå med en lille "
            "blomsterstand på Valby Langgade, på fortovet ved siden af nr. 14, hvor der er bredt.\n\n"
            "Firma: Vanløse Blomster, CVR 79414719\n\nVenlig hilsen\nHanne Bech\n")
    found = values([("body", body)])
    assert (found["address"], found["activity_location"]) == ("Jernbane Allé 44", "Valby Langgade 14")


# ---------------------------------------------------------------- the business's own premises on a corner

def test_bar_we_have_on_a_corner_is_the_premises_not_a_site():
    body = ("Hej\n\nVi har en lille vinbar på hjørnet af Blågårds Plads og Blågårdsgade og vil gerne søge om "
            "udeservering på pladsen lige foran vores indgang.\n\nVinbaren Blå ApS\nBlågårds Plads 3\n"
            "2200 København N\nCVR 86828448\n\nHilsen\nNikolaj Friis\n")
    found = values([("body", body)])
    assert found["address"] == "Blågårds Plads 3"
    assert "activity_location" not in found


def test_the_cafe_we_have_on_a_corner_is_the_premises():
    body = ("Hej\n\nVi har caféen på hjørnet af Elmegade og Guldbergsgade, adressen er Elmegade 25, 2200 København N. "
            "Vi vil gerne have 3 borde ude.\n\nDe bedste hilsner\nKatrine\n")
    assert "activity_location" not in values([("body", body)])


# ---------------------------------------------------------------- a second shop apart from the one signed

def test_second_shop_is_the_site_when_the_signature_repeats_the_first():
    body = ("Hej\n\nVi har en brilleforretning i Elmegade 9 på Nørrebro og åbner nu butik nummer to på Istedgade 71, "
            "1650 København V. Vi søger om et facadeskilt over vinduerne.\n\nFirmaoplysninger:\nBrillehuset Nord ApS\n"
            "Elmegade 9\n2200 København N\nCVR 60459851\n\nMed venlig hilsen\nRasmus Dahl\n")
    found = values([("body", body)])
    assert found["address"] == "Elmegade 9"
    assert found["activity_location"].startswith("Istedgade 71")


# ---------------------------------------------------------------- the address the business moved from

def test_address_we_moved_from_is_not_the_address():
    body = ("Hello,\n\nWe are a small vintage clothing shop. Last year we moved from Jagtvej 120 to our new shop at "
            "Larsbjørnsstræde 11, 1454 København K, and we would like to hang a sign on our own facade.\n\n"
            "Shop: Second Chapter Vintage ApS, CVR 68989620\n\nThank you,\nHannah Müller\n")
    found = values([("body", body)])
    assert (found["address"], found["postcode"]) == ("Larsbjørnsstræde 11", "1454")
    assert "activity_location" not in found


def test_vi_er_flyttet_fra_gives_the_new_address():
    body = ("Hej\n\nVi er flyttet fra Istedgade 88 til Vesterbrogade 50, 1620 København V, og søger om et skilt på "
            "facaden.\n\nMed venlig hilsen\nSara Holm\nHolm Frisør ApS\nCVR 12345678\n")
    assert values([("body", body)])["address"] == "Vesterbrogade 50"
