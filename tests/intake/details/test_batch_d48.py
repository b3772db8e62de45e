"""Details in the voices of development batch d48: advisers (lawyers, architects, accountants, agencies) writing for
a client, who name the client's contact person and premises, and keep one matter for themselves."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 4)
body = body_at(REF)


# ---------------------------------------------------------------- contact persons

def test_contact_named_as_its_chair_after_a_possessive():
    found = body("Hello,\n\nWe organise the event for a sports club. The contact person for the club is its chair, "
                 "Dr Ida Frost, ida@klubben.dk, 40 11 22 33.\n\nBest,\nAnne Berg\n+45 70 10 20 30\n")
    assert (found["contact_name"], found["phone"]) == ("Ida Frost", "40112233")


def test_one_who_is_handling_this_is_the_contact():
    found = body("Hi,\n\nThe shop belongs to Lars and Mikkel Dahl; Mikkel is handling this, mikkel@dahlcykler.dk, "
                 "22 33 44 55.\n\nBest,\nSofie Winther\n")
    assert found["contact_name"] == "Mikkel Dahl"


def test_one_handling_the_shop_is_no_contact_cue():
    found = body("Hi,\n\nThe shop belongs to Lars and Mikkel Dahl; Mikkel is handling the shop floor.\n\nBest,\n"
                 "Sofie Winther\n")
    assert found["contact_name"] == "Sofie Winther"


def test_a_courtesy_title_and_surname_completed_by_the_full_name():
    found = body("Dear team,\n\nThe owner, Mrs Leila Haddad, has asked us to apply. Mrs Haddad is the contact: "
                 "leila@haddad.dk, 41 22 33 44.\n\nBest regards,\nOle Bak\n")
    assert found["contact_name"] == "Leila Haddad"


def test_call_him_points_back_to_the_person_named_before():
    found = body("Dear team,\n\nOur client Jonas Vestergaard runs a food truck. He rarely reads mail, so please call "
                 "him on 60 11 22 33.\n\nKind regards\nMarie Lund\n")
    assert found["contact_name"] == "Jonas Vestergaard"


def test_one_matter_for_the_undersigned_leaves_the_named_contact():
    found = body("Dear Sir or Madam,\n\nPlease direct any questions on the practical arrangements to the shop's "
                 "manager, Mr Paolo Conti, at paolo@conti.dk or +45 31 22 33 44. Correspondence on legal matters may "
                 "be sent to the undersigned.\n\nYours faithfully\n\nKaren Vig\nAttorney-at-law\nT +45 33 44 55 66\n")
    assert (found["contact_name"], found["phone"]) == ("Paolo Conti", "31223344")


def test_all_questions_to_the_undersigned_still_make_the_signer_the_contact():
    found = body("Dear Sir or Madam,\n\nThe shop's manager is Mr Paolo Conti. All questions may be sent to the "
                 "undersigned.\n\nYours faithfully\n\nKaren Vig\nAttorney-at-law\nT +45 33 44 55 66\n")
    assert (found["contact_name"], found["phone"]) == ("Karen Vig", "33445566")


def test_the_named_contact_keeps_his_phone_beside_legal_questions_to_the_signer():
    found = body("Til kommunen\n\nSelskabets kontaktperson er driftschef Bent Kure, bk@firma.dk, tlf. 38 11 22 33. "
                 "Juridiske spørgsmål kan rettes til undertegnede.\n\nMed venlig hilsen\n\nEva Dahl\nAdvokat\n"
                 "Tlf. 33 99 88 77\n")
    assert (found["contact_name"], found["phone"]) == ("Bent Kure", "38112233")


# ---------------------------------------------------------------- addresses and sites

def test_working_from_home_with_a_colon_is_the_address():
    found = body("Dear team,\n\nI'm the bookkeeper for Emil Roth, who sells ice cream from a cart as a sole "
                 "proprietorship. He would like a stall permit at Kultorvet.\n\nEmil works from home: Ryesgade 12, "
                 "2. tv, 2200 København N.\n\nKind regards\nMaja Holm\nHolm Regnskab\nGothersgade 8, 1123 "
                 "København K\n")
    assert (found["address"], found["postcode"]) == ("Ryesgade 12, 2. tv", "2200")


def test_premises_on_a_floor_a_company_opens_are_its_address():
    found = body("Dear Business Service,\n\nWe assist a foreign client, Brod Danmark ApS (CVR 18710625). The company "
                 "will open a bakery in the ground floor premises at Blågårdsgade 9, st., 2200 København N.\n\nKind "
                 "regards\n\nJens Lau\nPartner\nLau Advokater\nBredgade 30, 1260 København K\n")
    assert (found["address"], found["postcode"]) == ("Blågårdsgade 9, st.", "2200")
    assert "activity_location" not in found


def test_where_the_company_also_has_its_head_office_is_its_address():
    found = body("Til kommunen\n\nUndertegnede repræsenterer Trykkeriet Vest A/S, CVR-nr. 72 66 33 14, i forbindelse "
                 "med udvidelsen af trykkeriet på Frederikssundsvej 80, 2400 København NV, hvor selskabet også har sit "
                 "hovedkontor.\n\nMed venlig hilsen\n\nEva Dahl\nAdvokat\nDahl Advokater\nØstergade 24, 1100 "
                 "København K\n")
    assert (found["address"], found["postcode"]) == ("Frederikssundsvej 80", "2400")
    assert "activity_location" not in found


def test_an_adviser_who_assists_a_client_signs_with_his_own_office():
    found = body("Dear Business Service,\n\nWe assist a client, Brod Danmark ApS (CVR 18710625), which runs a bakery "
                 "at Blågårdsgade 9, 2200 København N.\n\nKind regards\n\nJens Lau\nPartner\nLau Advokater\n"
                 "Bredgade 30, 1260 København K\n")
    assert (found["address"], found["postcode"]) == ("Blågårdsgade 9", "2200")
