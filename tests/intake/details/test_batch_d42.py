"""Details in the voices of development batch d42: someone writes for the applicant (a daily manager, a bookkeeper, a
sister, an architect, a chief financial officer) and names another person to contact, often by a pronoun ("please
contact her at ..."); the business's registered office beside the premises the application is about."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 25)
body = body_at(REF)


# ---------------------------------------------------------------- the person named to contact

def test_questions_that_shall_go_to_the_owner_name_the_contact():
    found = body("Hej\n\nJeg er revisor for Amager Vinhandel ApS (CVR 41 60 08 61), Amagerbrogade 71, 2300 København S."
                 "\n\nAlle spørgsmål om skiltet skal gå til indehaveren, Selma Karimi, selma@vinhandel.dk.\n\n"
                 "Mvh\nBo Nielsen\n")
    assert found["contact_name"] == "Selma Karimi"


def test_questions_about_the_permit_sent_to_their_project_manager_name_the_contact():
    found = body("Dear Sir or Madam,\n\nKlinik Nord ApS (CVR 71 24 82 91), Lyngbyvej 13, 2100 København Ø, needs a "
                 "trench in the pavement.\n\nPlease send questions about the permit and the signage to their site "
                 "manager, Oskar Lind, ol@graveteam.dk.\n\nBest regards,\nAnna Vest\n")
    assert found["contact_name"] == "Oskar Lind"


def test_the_one_who_handles_the_permits_after_a_comma_is_the_contact():
    found = body("Hej\n\nVi åbner Bistro Lun ApS på Jagtvej 30, 2200 København N.\n\nDet er min makker Aske Holm, "
                 "der står for tilladelserne.\n\nVenlig hilsen\nPer Dam\n")
    assert found["contact_name"] == "Aske Holm"


def test_a_pronoun_to_contact_points_back_to_the_person_named_before_it():
    found = body("Hello,\n\nBlue Pier ApS (CVR 47045053) would like to hold a market on Israels Plads on 22 May "
                 "2027.\n\nI'm the owner, but our event coordinator Ida Winther knows the details – please contact "
                 "her at ida@bluepier.dk.\n\nBest regards\nHans Berg\n")
    assert found["contact_name"] == "Ida Winther"


def test_a_danish_pronoun_and_a_first_name_point_back_to_the_full_name():
    found = body("Hej\n\nJeg skriver for min bror, Kasper Holm, som har Cykelværkstedet v/ Kasper Holm "
                 "(CVR 52 07 05 70), Valby Langgade 14, 2500 Valby.\n\nKasper er på værkstedet hele dagen, men I kan "
                 "ringe direkte til ham på 31 45 67 12.\n\nVenlig hilsen\nTine Holm\n")
    assert found["contact_name"] == "Kasper Holm"


def test_he_is_the_one_to_contact_points_back_to_the_person_named_before():
    found = body("Hi,\n\nWe need to pour concrete at night at Islands Brygge 57, 2300 København S.\n\nOur foreman "
                 "Piotr Zielinski is there every night, so he is the one to contact about the permit.\n\n"
                 "Regards\nLene Dahl\nNord Beton ApS\n")
    assert found["contact_name"] == "Piotr Zielinski"


def test_a_pronoun_does_not_point_back_to_a_street():
    found = body("Hej\n\nJeg skriver for min chef, Ole Brink.\n\nBryggeriet Vest ApS\nCVR 40164545\n"
                 "Vesterbro Torv 5\n1620 København V\n\nDet er Ole der står for det, så kontakt ham gerne på "
                 "22 19 30 45.\n\nMvh\nSara Moe\n")
    assert found["contact_name"] == "Ole Brink"


def test_the_person_who_does_a_thing_and_is_the_contact_is_named_before_the_and():
    found = body("Kære Center for Bygninger\n\nValby Lager A/S (CVR 43440276) vil nedrive en hal på Vigerslev Allé "
                 "10, 2500 Valby.\n\nJeg er bogholder og sender ansøgningen, men vores driftsleder Jens Krogh passer "
                 "byggeriet og er jeres kontaktperson.\n\nMed venlig hilsen\nBente Lund\n")
    assert found["contact_name"] == "Jens Krogh"


def test_two_first_names_are_completed_by_the_surname_under_a_role():
    found = body("Hej\n\nVi åbner Café Sol ApS på Halmtorvet 9, 1700 København V.\n\nCVR: 34 74 11 66\n"
                 "Køkkenchef: Anne Marie Dahl\n\nSpørgsmål om ansøgningen bedes rettet til vores køkkenchef "
                 "Anne Marie på am@cafesol.dk.\n\nMvh\nLone Berg\n")
    assert found["contact_name"] == "Anne Marie Dahl"


def test_two_names_are_not_completed_by_a_business_named_after_the_person():
    found = body("Hej\n\nKontakt mig, Jesper Holm, på 51 90 33 88.\n\nJesper Holm Nedbrydning\nCVR 14086536\n")
    assert found["contact_name"] == "Jesper Holm"


def test_an_owner_on_a_line_of_his_own_gives_way_to_the_person_named_to_contact():
    found = body("Hej\n\nVi åbner Restaurant Kælderen ApS på Halmtorvet 19, 1700 København V.\n\nCVR: 34 74 11 66\n"
                 "Ejer: Niels Bak\n\nSpørgsmål om ansøgningen bedes rettet til vores restaurantchef Mette Kold på "
                 "mk@kaelderen.dk.\n\nMvh\nNiels Bak\n")
    assert found["contact_name"] == "Mette Kold"


def test_an_owner_on_a_line_of_his_own_stays_the_contact_when_no_one_else_is_named():
    found = body("Hej\n\nVi åbner Restaurant Kælderen ApS på Halmtorvet 19, 1700 København V.\n\nCVR: 34 74 11 66\n"
                 "Ejer: Niels Bak\n\nMvh\nMette Kold\n")
    assert found["contact_name"] == "Niels Bak"


# ---------------------------------------------------------------- addresses

def test_a_numbered_floor_written_before_the_address_is_the_addresss_floor():
    found = body("Hi,\n\nWe run a design studio, Studio Fem ApS, on the 3rd floor of Jagtvej 20, 2200 København N, "
                 "and need a waste arrangement.\n\nBest,\nEmma Holt\n")
    assert found["address"] == "Jagtvej 20, 3."


def test_the_ground_floor_at_premises_is_not_written_into_the_address():
    found = body("Hi,\n\nWe are Casa Tapas ApS (CVR 23175746). We have rented the ground floor at Jagtvej 26, "
                 "2200 København N and would like outdoor seating.\n\nBest,\nLuis Vega\n")
    assert found["address"] == "Jagtvej 26"


def test_where_the_company_is_registered_is_its_address_beside_new_premises():
    found = body("Dear Centre for Buildings,\n\nPulse Gym ApS (CVR 90346199) has leased a warehouse at Amager "
                 "Strandvej 47, 2300 København S, to convert into a gym.\n\nThe company is still registered at our "
                 "old studio, Roskildevej 45, 2500 Valby.\n\nKind regards,\nMaria Berg\n")
    assert (found["address"], found["postcode"]) == ("Roskildevej 45", "2500")
    assert str(found["activity_location"]).startswith("Amager Strandvej 47")


def test_the_owners_own_office_is_its_address_beside_its_property():
    found = body("Dear Centre for Environmental Protection,\n\nNyhavn Ejendomme A/S (CVR 70469626) is renovating "
                 "the facade of our property at Store Strandstræde 7, 1255 København K, from 12 April to 7 May 2027."
                 "\n\nOur own office is at Amaliegade 30, 1256 København K.\n\nBest regards\nOliver Dahl\n")
    assert (found["address"], found["postcode"]) == ("Amaliegade 30", "1256")
    assert str(found["activity_location"]).startswith("Store Strandstræde 7")


def test_the_premises_the_shop_has_moved_from_are_not_its_address():
    found = body("Hej\n\nJeg skriver for Salon Mira v/ Mira Holm (CVR 52 07 05 70). Salonen er flyttet fra "
                 "Nørrebrogade 60 til Jagtvej 14, 2200 København N, og skal have en ny aftale om erhvervsaffald."
                 "\n\nVenlig hilsen\nLine Holm\n")
    assert found["address"] == "Jagtvej 14"


def test_a_pronoun_with_no_person_before_it_leaves_the_signer_the_contact():
    found = body("Hej\n\nButikken ligger på Sønder Boulevard 5, 1720 København V. Min kollega har styr på "
                 "tidsplanen, så kontakt hende på 22 19 30 45.\n\nMvh\nSara Moe\nMoe Sko ApS\n")
    assert found["contact_name"] == "Sara Moe"
