"""Details in the voices of development batch d52: expats writing the house number before the street with the floor
after it, a numbered stretch named as house numbers, a Swede's month, a month put right in brackets, the day the
office is inaugurated, the days the writer is reachable, the day the old place closes, a sign on the facade towards a
street, the client's own contact in an agent's letter, and a home address beside the shop's."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2026, 12, 6)
body = body_at(REF)


# ---------------------------------------------------------------- addresses and sites

def test_english_order_with_the_ground_floor_after_the_street():
    found = body("Hi,\n\nWe run a small tea shop at 14 Elmegade, ground floor, 2200 Copenhagen N, and would like two "
                 "tables outside.\n\nBest,\nSam Jones\n")
    assert (found.get("address"), found.get("postcode")) == ("Elmegade 14, st.", "2200")


def test_english_order_with_the_floor_in_brackets_after_the_street():
    found = body("Hi,\n\nOur studio is at 8 Bredgade (2nd floor left), 1260 Copenhagen K.\n\nBest,\nSam Jones\n")
    assert (found.get("address"), found.get("postcode")) == ("Bredgade 8, 2. tv", "1260")


def test_english_order_without_a_floor_is_unchanged():
    found = body("Hi,\n\nOur studio is at 8 Bredgade, 1260 Copenhagen K.\n\nBest,\nSam Jones\n")
    assert (found.get("address"), found.get("postcode")) == ("Bredgade 8", "1260")


def test_house_numbers_with_a_dash_are_the_stretch():
    found = body("Dear colleagues,\n\nWe apply for a digging permit for cables in the pavement along Jagtvej, house "
                 "no. 4-18 (even side), 2200 København N.\n\nBest regards\nAnna Berg\nKabelfirma ApS\n")
    assert found.get("activity_location") == "Jagtvej 4-18"


def test_a_personal_address_beside_the_shop_asked_used_is_no_address():
    found = body("Hi!\n\nI'm opening a juice bar called Green Cup at 40 Elmegade, 2200 Copenhagen N. My personal "
                 "address is 9 Ryesgade, 2200 Kbh N, but please use the shop address for everything.\n\n"
                 "Thanks,\nKim Lee\n")
    assert found.get("address") == "Elmegade 40"
    assert "activity_location" not in found


def test_a_personal_address_alone_is_still_the_address():
    found = body("Hi!\n\nMy personal address is 9 Ryesgade, 2200 Kbh N.\n\nThanks,\nKim Lee\n")
    assert found.get("address") == "Ryesgade 9"


def test_a_sign_on_the_facade_towards_a_street_is_no_site():
    found = body("Hello,\n\nWe apply for a logo sign on our office.\n\nOffice address: Kalvebod Brygge 45, 1560 "
                 "København V\nSign location: facade towards Kalvebod Brygge, above the 5th floor windows\n\n"
                 "Regards\nRavi Rao\n")
    assert found.get("address") == "Kalvebod Brygge 45"
    assert "activity_location" not in found


# ---------------------------------------------------------------- periods

def test_a_swedes_march():
    found = body("Hej!\n\nVi søger om udeservering fra 1. mars til 30. september 2027.\n\nHilsen\nEbba Lund\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-03-01", "2027-09-30")


def test_a_month_put_right_in_brackets():
    found = body("Hej!\n\nVi søger om udeservering fra 10. april (undskyld, maj) til 30. september 2027.\n\nHilsen\n"
                 "Ebba Lund\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-05-10", "2027-09-30")


def test_the_day_the_office_is_inaugurated_is_no_period():
    found = body("Dear Team,\n\nPlease approve our logo sign soon, as the inauguration of our office is planned on "
                 "20 March 2027.\n\nRegards\nRavi Rao\n")
    assert "period_from" not in found and "period_to" not in found


def test_the_days_the_writer_can_be_reached_are_no_period():
    found = body("Hi,\n\nWe would like to open a bakery. You can reach me on my US number until Jan 15th and after "
                 "that on 28 40 17 62.\n\nThanks\nAmy Stone\n")
    assert "period_from" not in found and "period_to" not in found


def test_a_period_after_a_call_in_another_clause_stays():
    found = body("Hej\n\nRing gerne; vi ønsker udeservering fra 1. maj til 30. september 2027.\n\nMvh\nAnne Holm\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-05-01", "2027-09-30")


def test_the_day_the_old_place_closes_is_no_period():
    found = body("Hello,\n\nWe open a new bar on Vesterbrogade 90 in April 2027. Our old place on Halmtorvet closes "
                 "28 February, so please use the new address.\n\nCheers\nTom Reid\n")
    assert "period_from" not in found and "period_to" not in found


# ---------------------------------------------------------------- contact

def test_the_clients_contact_in_an_agents_letter_is_not_the_email():
    found = body("Dear Sirs,\n\nWe are the architects for Nordlys ApS.\n\nClient: Nordlys ApS, CVR 41606142\n"
                 "Client contact: Jane Roe, Head of Operations, jane.roe@nordlys.com\n\nPlease direct any questions "
                 "to me.\n\nKind regards,\n\nOle Berg\nArchitect\nole@bergark.dk | +45 33 91 40 27\n")
    assert found.get("contact_email") == "ole@bergark.dk"


def test_a_plain_contact_line_still_gives_the_email():
    found = body("Dear Sirs,\n\nWe apply for a sign.\n\nContact: Jane Roe, jane.roe@nordlys.com\n\nKind regards,\n\n"
                 "Ole Berg\nole@bergark.dk\n")
    assert found.get("contact_email") == "jane.roe@nordlys.com"
