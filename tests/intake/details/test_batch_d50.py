"""Details in the voices of development batch d50: hurried phone mails in lower case (a company line with its address
over its CVR, a sole trader's name and owner, a full name signed), a start told roughly, a trench's length, a postcode
in brackets, "pls", "ppl" and the writers' own headcount."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 4)
body = body_at(REF)


# ---------------------------------------------------------------- periods

def test_a_start_told_roughly_starts_the_period():
    found = body("Hej\n\nOmbygningen starter ca. 3. maj, tømreren er ikke fundet endnu.\n\nMvh\nKirsten Bach\n")
    assert found["period_from"] == "2027-05-03"


def test_an_english_start_told_roughly_starts_the_period():
    found = body("Hi\n\nThe work starts around 10 May, we still need a crane.\n\nBest\nKirsten Bach\n")
    assert found["period_from"] == "2027-05-10"


def test_a_rough_day_of_something_past_is_no_start():
    found = body("Hi\n\nWe opened about 10 May and business is good.\n\nBest\nKirsten Bach\n")
    assert "period_from" not in found


# ---------------------------------------------------------------- amounts

def test_a_trench_named_by_its_length_and_width():
    found = body("Hej\n\nVi skal grave ca 25 m rende x 0,5 m bred i fortovet til et kabel.\n\nMvh\nOle Brandt\n")
    assert found["area_m2"] == 12.5


def test_ppl_are_guests():
    found = body("Hi\n\nWe're hosting a picnic concert in the park, expecting about 300 ppl.\n\nBest\nNina Falk\n")
    assert found["guests"] == 300


def test_how_many_we_are_is_no_guests():
    found = body("Hi, we just moved our office and need a waste contract. we're 18 people, mostly paper.\n\nBest\n"
                 "Nina Falk\n")
    assert "guests" not in found


def test_how_many_we_are_at_an_event_is_still_guests():
    found = body("Hi\n\nFor the street dinner we are 60 people at one long table.\n\nBest\nNina Falk\n")
    assert found["guests"] == 60


# ---------------------------------------------------------------- addresses and sites

def test_a_postcode_in_brackets_after_the_address():
    found = body("Hi\n\nWe have rented a shop at Blågårdsgade 9, st. (2200 kbh n) and open in March.\n\nBest\n"
                 "Nina Falk\n")
    assert (found["address"], found["postcode"]) == ("Blågårdsgade 9, st.", "2200")


def test_a_number_in_brackets_that_is_no_postcode():
    found = body("Hej\n\nVi har lejet en butik på Blågårdsgade 9 (2200 m²) fra marts.\n\nMvh\nNina Falk\n")
    assert "postcode" not in found


# ---------------------------------------------------------------- company names and contacts

def test_a_company_line_in_lower_case_with_its_address_over_its_cvr():
    found = body("hej\n\nvi vil søge om udeservering igen\n\nbager bent aps, vesterbrogade 4, 1620 kbh v\n"
                 "cvr 21697389\n\nmvh bent\n")
    assert found["company_name"].lower() == "bager bent aps"


def test_a_company_line_in_lower_case_without_a_cvr_is_not_taken():
    found = body("hej\n\nvi vil søge om udeservering igen\n\nbager bent aps, vesterbrogade 4, 1620 kbh v\n\nmvh bent\n")
    assert "company_name" not in found


def test_a_sole_trader_in_lower_case_over_its_cvr():
    found = body("hej jeg vil søge udeservering\nfra 15 april til 15 okt\n\nkebab house nørrebro v/ali demir\n"
                 "cvr 90605658\nnørrebrogade 7 st 2200 kbh n\n\nring på 50127733\n")
    assert found["company_name"].lower() == "kebab house nørrebro v/ali demir"


def test_the_owner_of_a_sole_trader_in_lower_case_is_the_contact():
    found = body("hej\n\njeg søger om et skilt til butikken\n\nfrisør lotte v/lotte brandt\ncvr 90605658\n")
    assert found["contact_name"] == "Lotte Brandt"


def test_pls_contact_my_colleague():
    found = body("hi\n\nI'm on holiday next week, pls contact my colleague Mads Kruse on 26 88 14 02\n\ncheers\n"
                 "Liam Doyle\n")
    assert found["contact_name"] == "Mads Kruse"


def test_a_full_name_signed_in_lower_case():
    found = body("hi!\n\nI'm Paola, I bake bread and would like to sell from a stall\n\nthanks a lot!!\n"
                 "paola ricci\n+45 42 18 90 55\n")
    assert found["contact_name"] == "Paola Ricci"


def test_a_lower_case_line_naming_no_one_in_the_text_is_no_name():
    found = body("hi!\n\nWe bake bread and would like to sell from a stall\n\nthanks a lot!!\npaola ricci\n")
    assert "contact_name" not in found
