"""Details in the voices of development batch d35: owners who tell a long story (earlier addresses, last year's event,
the landlord, the accountant, the neighbours), correct themselves and give the key facts in a P.S."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at, values_at

REF = date(2026, 12, 10)
values = values_at(REF)
body = body_at(REF)


_SIGNATURE = "\n\nMvh\nLone Berg\nBergs Bageri ApS\nJagtvej 40\n2200 København N\nCVR 12345678\n"


# ---------------------------------------------------------------- the business's history told in stages

def test_first_address_of_a_business_that_moved_on_is_no_site():
    found = body("Hej\n\nVi har haft bageri i 10 år, først på Guldbergsgade 7 hvor der var meget trangt, og så "
                 "flyttede vi i år til Jagtvej 40. Nu vil vi gerne have to borde på fortovet fra 1. maj til 30. "
                 "september 2027." + _SIGNATURE)
    assert found["address"] == "Jagtvej 40"
    assert "activity_location" not in found


def test_first_years_on_a_street_then_the_new_premises_is_no_site():
    found = body("Hej\n\nDe første 5 år lå vi i Stefansgade, men i 2023 flyttede vi til Jagtvej. Vi søger om et "
                 "skilt over døren." + _SIGNATURE)
    assert "activity_location" not in found


def test_years_at_an_address_before_opening_at_the_new_one_is_no_site():
    found = body("Hej\n\nVi har i 12 år ligget på Blågårdsgade 20, men den 1. marts 2027 åbner vi på Jagtvej 40. "
                 "Vi skal have en fedtudskiller på 1.000 liter." + _SIGNATURE)
    assert found["address"] == "Jagtvej 40"
    assert "activity_location" not in found
    assert "period_from" not in found


def test_years_at_the_own_address_without_a_move_stay_the_address():
    found = body("Hej\n\nJeg har i 30 år haft min forretning i Jagtvej 40, 2200 København N, og nu vil jeg gerne "
                 "have et nyt skilt.\n\nMvh\nLone Berg\n")
    assert found["address"] == "Jagtvej 40"
    assert "activity_location" not in found


def test_first_stage_said_of_the_street_of_an_old_address_again_is_no_site():
    found = body("Hej\n\nVi har i 12 år ligget på Blågårdsgade 20, men nu flytter vi. På Blågårdsgade var "
                 "udskilleren udlejers." + _SIGNATURE)
    assert "activity_location" not in found


def test_premises_said_to_have_lain_on_a_street_are_no_site():
    found = body("Hej\n\nBageriet har ligget på Jagtvej siden 1990. Vi vil bygge et lille lager i gården."
                 + _SIGNATURE)
    assert "activity_location" not in found


def test_premises_moved_into_by_a_street_are_no_site():
    found = body("Hej\n\nI sommer flyttede vi ind i en gammel hal ved Nordhavnsbanen, og nu skal vi have en "
                 "affaldsordning." + _SIGNATURE)
    assert "activity_location" not in found


# ---------------------------------------------------------------- others' places told in passing

def test_accountants_office_told_in_passing_is_no_site():
    found = body("Hej\n\nMin revisor (Karin fra Revisionskontoret på Gammel Kongevej) sagde at jeg skulle skrive "
                 "til jer om et skilt." + _SIGNATURE)
    assert "activity_location" not in found


def test_neighbour_named_in_parentheses_lives_at_no_site():
    found = body("Hej\n\nSidste vinter blæste tagpladerne over i naboens have (hr. Hansen på Bispevej - han var "
                 "ikke glad). Nu skal skuret rives ned." + _SIGNATURE)
    assert "activity_location" not in found


def test_corner_with_its_house_named_is_the_house():
    found = body("Hej\n\nJeg har købt bageriet på hjørnet af Jagtvej og Rantzausgade (Jagtvej 40) og vil sætte "
                 "et nyt skilt op." + _SIGNATURE)
    assert "activity_location" not in found


def test_street_closed_to_cars_is_the_place():
    found = body("Hej\n\nVi vil gerne lukke Rantzausgade for biler på strækningen mellem Jagtvej og Nørrebrogade "
                 "og holde gadefest lørdag den 4. september 2027." + _SIGNATURE)
    assert found["activity_location"] == "Rantzausgade"


# ---------------------------------------------------------------- the company, not its landlord

def test_landlord_named_in_parentheses_is_not_the_company():
    found = body("Hej\n\nMin udlejer (Ejendomsselskabet Nørrebro ApS) har sagt god for to borde.\n\nMvh\n"
                 "Lone Berg\nCafé Lonely\nJagtvej 40, 2200 København N\nCVR 12345678\n")
    assert found["company_name"] == "Café Lonely"


def test_letterhead_name_over_street_and_postcode_lines_is_the_company():
    letter = ("Osteria Fiore\nJagtvej 40, st.\n2200 København N\n\nKøbenhavn, 1. december 2026\n\n"
              "Kære medarbejder\n\nVi søger om udeservering. Udlejer (Jagtgården A/S) har givet sit samtykke.\n\n"
              "CVR-nr.: 1234 5678\n\nMed venlig hilsen\nMarco Fiore\n")
    found = values([("body", "Hej\n\nSe vedhæftede.\n\nMarco"), ("brev.pdf", letter)])
    assert found["company_name"] == "Osteria Fiore"


# ---------------------------------------------------------------- dates corrected or of a move

def test_date_meant_said_before_the_one_taken_back():
    found = body("Hej\n\nPeriode: 1. marts til 31. oktober 2027. Undskyld, jeg mente 1. april, ikke 1. marts."
                 + _SIGNATURE)
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-10-31")


def test_day_the_business_moves_to_new_premises_is_no_period():
    found = body("Hej\n\nVores lejemål er opsagt, så vi flytter til Jagtvej 40 fra 1. april 2027. Vi skal have "
                 "en miljøgodkendelse." + _SIGNATURE)
    assert "period_from" not in found


def test_day_after_which_the_business_has_moved_is_no_period():
    found = body("Hej\n\nFra 1. november er vi flyttet ud til gaden på Jagtvej 40. Vi vil sætte et skilt op."
                 + _SIGNATURE)
    assert "period_from" not in found


def test_day_a_mover_moves_a_family_is_the_period():
    found = body("Hello,\n\nOn Friday 29 January 2027 we move a family out of their flat at Østerbrogade 98. We "
                 "need space for our truck." + _SIGNATURE)
    assert found["period_from"] == "2027-01-29"
