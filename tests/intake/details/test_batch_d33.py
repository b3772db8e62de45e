"""Details in the voices of development batch d33: periods said as people say them (a start and how long it lasts,
a date taken back as it is written, a single day beside the day an answer is wanted by), a role before the name on
the contact's line, a site plan that gives only the place, and a signature block that opens with the business."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import values_at

REF = date(2026, 12, 5)
values = values_at(REF)


_SIGNED = "\n\nStenhuset Byg ApS\nCVR 31589754\nGlentevej 12, 2400 København NV\n\nMed venlig hilsen\nLone Berg\n"


# ---------------------------------------------------------------- a start and how long it lasts

def test_a_start_and_weeks_it_lasts_give_the_end():
    found = values([("body", "Hej\n\nPælerammningen på Amager Strandvej 40 starter mandag den 10. maj og varer "
                             "4 uger." + _SIGNED)])
    assert (found["period_from"], found["period_to"]) == ("2027-05-10", "2027-06-06")


def test_a_start_and_the_weeks_it_takes_give_the_end():
    found = values([("body", "Hej\n\nNedrivningen forventes at starte den 14. juni og tage 2 uger." + _SIGNED)])
    assert (found["period_from"], found["period_to"]) == ("2027-06-14", "2027-06-27")


# ---------------------------------------------------------------- a date taken back as it is written

def test_a_date_taken_back_gives_way_to_the_one_after_it():
    found = values([("body", "Hej\n\nVi vil holde loppemarked på pladsen lørdag den 12. juni – nej undskyld, det er "
                             "lørdag den 19. juni, den 12. er der byfest." + _SIGNED)])
    assert (found["period_from"], found["period_to"]) == ("2027-06-19", "2027-06-19")


# ---------------------------------------------------------------- the day an answer is wanted by

def test_the_day_an_answer_is_wanted_by_is_no_second_date():
    found = values([("body", "Hi,\n\nWe would like to hold a free concert on Israels Plads on Saturday 14 August "
                             "2027. We would be grateful for an answer before 1 April." + _SIGNED)])
    assert (found["period_from"], found["period_to"]) == ("2027-08-14", "2027-08-14")


# ---------------------------------------------------------------- a role before the contact's name

def test_a_role_before_the_name_on_the_contacts_line_is_no_part_of_it():
    body = ("Hej\n\nVi skal bore i kælderen i Gothersgade 20 fra 5. juli til 30. juli.\n\n"
            "Entreprenør: Stenhuset Byg ApS, CVR 31589754, Glentevej 12, 2400 København NV\n"
            "Projektleder Mads Holm, 21 66 03 58, mh@stenhuset.dk")
    assert values([("body", body)])["contact_name"] == "Mads Holm"


# ---------------------------------------------------------------- a site plan that gives only the place

def test_an_attached_plan_with_only_another_address_gives_the_site():
    body = ("Hej\n\nVi søger om at stille en container på vejen fra 8. til 26. marts. Placeringen fremgår af den "
            "vedhæftede plan." + _SIGNED)
    plan = "SITUATIONSPLAN\n\nAdresse: Tagensvej 150, 2200 København N\nMål: 6 x 2,5 m\n"
    found = values([("body", body), ("plan.pdf", plan)])
    assert found["activity_location"].startswith("Tagensvej 150")
    assert found["address"] == "Glentevej 12"


def test_an_attached_plan_with_only_another_address_gives_the_site_in_english():
    body = ("Dear Sir or Madam,\n\nWe apply to place a skip on the street from 8 to 26 March. The location is shown "
            "on the attached drawing." + _SIGNED)
    plan = "DRAWING\n\nAddress: Tagensvej 150, 2200 København N\nSize: 6 x 2.5 m\n"
    assert values([("body", body), ("drawing.pdf", plan)])["activity_location"].startswith("Tagensvej 150")


# ---------------------------------------------------------------- a signature block that opens with the business

def test_a_name_above_the_cvr_in_a_signature_block_is_the_company():
    body = ("Hej\n\nJeg vil gerne søge om en stadeplads på Sankt Hans Torv den 22. april.\n\n"
            "Kaffe hos Karen\nCVR 77144803\nFensmarkgade 8, 2200 København N\n\nVenlig hilsen\nKaren Olsen\n")
    assert values([("body", body)])["company_name"] == "Kaffe hos Karen"
