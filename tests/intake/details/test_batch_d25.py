"""Details in the voices of development batch d25: a site said the way people say it, told apart from the business's
own address. The front of a house, a courtyard behind one, a project by its name, soil taken from a lot, the work named
by its noun before its address, a building converted into homes, a stretch attached as a range of numbers, a thing on
a corner, a spot by a named place, a place of last summer and a spot the stall wants to try; a sole trader's name with
a small word in it, the colleague who handles the permits; an area on a line of its own, two pieces added with "+",
children and adults as guests."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.text import extract_from_text
from intake.details.values import normalise_value

REF = date(2027, 2, 1)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the site in running text

def test_a_scaffold_along_the_front_of_a_house_is_the_site():
    text = ("Dear Sir/Madam,\n\nWe need permission to put up a facade scaffold on the pavement along the front of "
            "Store Kongensgade 40 in København K, where we are renovating the facade.\n\nCompany: NordStillads ApS, "
            "CVR 46758099\n\nKind regards\nTomasz Nowak")
    found = values([("body", text)])
    assert found["activity_location"] == "Store Kongensgade 40"
    assert "address" not in found


def test_a_bench_along_the_front_of_our_shop_is_no_site():
    # near miss: the front of the business's own shop, whose address it is
    text = ("Hi,\n\nOur shop is at Store Kongensgade 40 and we would like a bench along the front of it.\n\n"
            "Best\nMaja Holm\nHolm Te ApS")
    found = values([("body", text)])
    assert found["address"] == "Store Kongensgade 40"
    assert "activity_location" not in found


def test_an_opening_in_the_courtyard_behind_a_house_is_the_site():
    text = ("Hi!\n\nWe're a tiny design studio (Studio Hvid ApS) and would like to host an exhibition opening in the "
            "courtyard behind Jægersborggade 14 on Saturday 22 May 2027.\n\nThanks a lot,\nFreja Holm")
    found = values([("body", text)])
    assert found["activity_location"] == "Jægersborggade 14"
    assert "address" not in found


def test_the_courtyard_behind_our_own_studio_is_no_site():
    # near miss: the business's own premises named between the cue and the address
    text = ("Hi!\n\nWe'd like to host an opening in the courtyard behind our studio at Jægersborggade 14 on Saturday "
            "22 May 2027.\n\nThanks,\nFreja Holm\nStudio Hvid ApS")
    found = values([("body", text)])
    assert found["address"] == "Jægersborggade 14"
    assert "activity_location" not in found


def test_a_project_named_before_its_address_is_the_site():
    text = ("Dear Sir or Madam,\n\nWe are the main contractor on the 'Bryggeritårnet' project at Carl Jacobsens Vej "
            "25, 2500 Valby, and need permission for concrete crushing.\n\nKind regards\nHenrik Aalto")
    found = values([("body", text)])
    assert found["activity_location"].startswith("Carl Jacobsens Vej 25")
    assert "address" not in found


def test_an_office_named_after_the_project_is_the_address():
    # near miss: the contractor's own office, its cue nearer the address than the project's
    text = ("Dear Sir or Madam,\n\nWe are the main contractor on the 'Bryggeritårnet' project; our office is at "
            "Carl Jacobsens Vej 25, 2500 Valby.\n\nKind regards\nHenrik Aalto")
    found = values([("body", text)])
    assert found["address"] == "Carl Jacobsens Vej 25"
    assert "activity_location" not in found


def test_soil_taken_from_a_lot_gives_the_site():
    text = ("Hello,\n\nGreenGround Remediation ApS (CVR 99648457) hereby notifies the relocation of soil from the "
            "former industrial lot at Vasbygade 10 in Sydhavnen. Approx. 300 m³ of soil will be taken to a soil "
            "treatment facility.\n\nBest regards\nMaria Lindqvist")
    found = values([("body", text)])
    assert found["activity_location"] == "Vasbygade 10"
    assert "address" not in found


def test_soil_named_after_the_office_is_no_cue_for_it():
    # near miss: the soil's sentence ends before the business names its own office
    text = ("Hello,\n\nWe remove contaminated soil from a lot in Sydhavnen. Our office is located at Vasbygade 10, "
            "2450 København SV.\n\nBest regards\nMaria Lindqvist\nGreenGround Remediation ApS")
    found = values([("body", text)])
    assert found["address"] == "Vasbygade 10"
    assert "activity_location" not in found or not found["activity_location"].startswith("Vasbygade")


def test_the_work_named_by_its_noun_before_its_address_is_the_site():
    text = "Afmærkningsplan - fiberarbejde Valby Langgade nr. 60-92\nKabelgrav: 320 m x 0,4 m"
    found = extract_from_text(text, REF)
    assert found["activity_location"] == "Valby Langgade 60-92"
    assert "address" not in found


def test_a_trade_on_the_line_above_a_signature_address_is_no_site():
    # near miss: the craftsman's trade on its own line over his address is his signature, not the work's place
    text = ("Hej\n\nVi søger om en container i uge 12.\n\nMed venlig hilsen\nJens Bak\nAlt i tømrerarbejde\n"
            "Rørvej 3, 2400 København NV")
    found = extract_from_text(text, REF)
    assert found["address"] == "Rørvej 3"
    assert "activity_location" not in found


def test_a_building_converted_into_homes_is_the_site():
    text = ("Dear Sir/Madam,\n\nI am writing on behalf of Harbourview Properties ApS. We recently acquired the former "
            "warehouse at Strandgade 71 on Christianshavn and intend to convert its upper floors into 12 residential "
            "units.\n\nCompany registration: CVR 24430685.\n\nYours faithfully,\nJames Whitfield")
    found = values([("subject", "Building permit – conversion of warehouse at Strandgade 71"), ("body", text)])
    assert found["activity_location"] == "Strandgade 71"
    assert "address" not in found


def test_a_shop_converted_into_a_cafe_is_the_business_address():
    # near miss: premises converted for the business's own use, no homes
    text = ("Dear Centre for Buildings,\n\nKaffebar Nord ApS (CVR 27495761) wants to convert a former shoe shop at "
            "Frederiksborggade 45 into a café with 20 seats.\n\nBest regards\nLea Dam")
    found = values([("body", text)])
    assert found["address"] == "Frederiksborggade 45"
    assert "activity_location" not in found


# ---------------------------------------------------------------- a stretch, a corner, a spot by a place

def test_a_range_attached_is_the_stretch_the_mail_named():
    body = ("Hej\n\nVi søger gravetilladelse i fortovet langs Valby Langgade mellem nr. 60 og 92 (nordsiden).\n\n"
            "Med venlig hilsen\nKim Rasmussen\nFiberNet Anlæg ApS")
    plan = "Afmærkningsplan - fiberarbejde Valby Langgade nr. 60-92\nKabelgrav: 320 m x 0,4 m"
    found = values([("body", body), ("plan.pdf", plan)])
    assert found["activity_location"] == "Valby Langgade 60-92"
    assert "address" not in found


def test_one_house_number_attached_narrows_the_street():
    # near miss: a single number on the street is more specific than the street alone
    body = ("Hej\n\nVi søger gravetilladelse i fortovet på Valby Langgade.\n\nMed venlig hilsen\nKim Rasmussen\n"
            "FiberNet Anlæg ApS")
    plan = "Afmærkningsplan - fiberarbejde Valby Langgade 60\nKabelgrav: 20 m x 0,4 m"
    found = values([("body", body), ("plan.pdf", plan)])
    assert found["activity_location"] == "Valby Langgade 60"


def test_a_thing_on_a_corner_in_a_site_field_is_the_corner():
    found = normalise_value("activity_location", "Stilladset på hjørnet af Nørre Farimagsgade og Frederiksborggade",
                            REF)
    assert found == {"activity_location": "Nørre Farimagsgade og Frederiksborggade"}
    # near miss: the corner written alone, as before
    assert normalise_value("activity_location", "Hjørnet af Amagerbrogade og Holmbladsgade", REF) == {
        "activity_location": "Amagerbrogade og Holmbladsgade"}


def test_a_spot_by_a_named_place_in_a_site_field_is_the_place():
    found = normalise_value("activity_location", "parkeringspladsen ved Bispebjerg Hospital", REF)
    assert found == {"activity_location": "Bispebjerg Hospital"}
    assert normalise_value("activity_location", "frugt og grønt ved Bispebjerg Hospital", REF) == {
        "activity_location": "Bispebjerg Hospital"}
    # near miss: in front of a named shop is not the shop
    assert normalise_value("activity_location", "fortovet foran Magasin", REF) == {
        "activity_location": "fortovet foran Magasin"}


def test_a_place_of_last_summer_gives_way_to_the_spot_the_stall_tries():
    text = ("hi,\n\nwe're Pedal Brew ApS (CVR 88761960), we sell espresso from a cargo bike. last summer we had a spot "
            "at Torvehallerne which worked ok, but this spring we want to try Dronning Louises Bro, on the wide "
            "pavement at the Nørrebro end of the bridge.\n\n/Mads Eriksen, 42 17 60 93")
    found = values([("body", text)])
    assert found["activity_location"] == "Dronning Louises Bro"


def test_a_place_said_to_be_used_again_is_still_the_site():
    # near miss: the writer says last year's place is the one again
    text = ("Hi,\n\nLast summer we had a spot at Torvehallerne and we would like the same spot again this year, "
            "weekends in June.\n\nBest\nMads Eriksen\nPedal Brew ApS")
    found = values([("body", text)])
    assert found["activity_location"] == "Torvehallerne"


# ---------------------------------------------------------------- names

def test_a_sole_traders_name_with_a_small_word_in_it():
    text = ("Ansøgning om stadeplads\nFrugtboden på Hjul v/ Ali Demir\nCVR-nr.: 34801967\n"
            "Sted: parkeringspladsen ved Bispebjerg Hospital")
    found = values([("ansoegning.pdf", text)])
    assert found["company_name"] == "Frugtboden på Hjul v/ Ali Demir"
    assert found["activity_location"] == "Bispebjerg Hospital"


def test_a_sole_traders_name_without_a_small_word_stays_whole():
    # near miss: the place before the name is no part of it
    text = "Hej\n\nVi søger stadeplads på Kultorvet til Frugtboden v/ Ali Demir, CVR 34801967.\n\nHilsen\nAli"
    found = values([("body", text)])
    assert found["company_name"] == "Frugtboden v/ Ali Demir"


def test_the_colleague_who_handles_the_permits_is_the_contact():
    text = ("Hello,\n\nI run Sunrise Flow ApS and we would like to hold a free morning yoga session in Fælledparken "
            "on Saturday 12 June 2027.\n\nOur CVR is 11361609. Please send any questions to booking@sunriseflow.dk "
            "rather than my own address, as my colleague Jonas Berg handles the permits. His mobile is 31 22 45 67."
            "\n\nBest,\nInes Marchetti\nSunrise Flow ApS")
    found = values([("body", text)], sender="ines@sunriseflow.dk", sender_name="Ines Marchetti")
    assert found["contact_name"] == "Jonas Berg"


def test_a_colleague_handling_something_else_is_not_the_contact():
    # near miss: the colleague handles the coffee, not the application
    text = ("Hello,\n\nWe would like to hold a free morning yoga session in Fælledparken on Saturday 12 June 2027. "
            "My colleague Jonas Berg handles the coffee.\n\nOur CVR is 11361609.\n\nBest,\nInes Marchetti\n"
            "Sunrise Flow ApS")
    found = values([("body", text)], sender="ines@sunriseflow.dk", sender_name="Ines Marchetti")
    assert found["contact_name"] == "Ines Marchetti"


# ---------------------------------------------------------------- amounts

def test_an_area_on_a_line_of_its_own_is_not_the_label_of_the_next_line():
    text = ("Hej\n\nJulegranen ApS søger om stadeplads til juletræssalg.\nPeriode 1.-23. december 2027.\n"
            "Areal ca. 6 x 8 m.\nCVR 77851410\n\nPoul Hald, 23 45 18 07")
    found = extract_from_text(text, REF)
    assert found["area_m2"] == 48
    assert found["cvr"] == "77851410"


def test_an_area_label_above_its_value_still_reads_the_next_line():
    # near miss: a numbered heading and a label with its unit hold no value of their own
    assert extract_from_text("4. Areal\nca. 30 m2\n", REF)["area_m2"] == 30
    assert extract_from_text("Areal (m2)\n24\n", REF)["area_m2"] == 24


def test_two_pieces_added_with_plus_are_one_area():
    text = "Råden over vejareal\nSted: ud for Vendersgade 7\nSkurvogn 2,4 x 6 m + container 2 x 4 m\n"
    assert extract_from_text(text, REF)["area_m2"] == 22.4


def test_a_piece_and_things_counted_after_plus_add_no_area():
    # near miss: "+ 4 stole" is no size
    text = "Udeservering ud for Vendersgade 7: 2 x 3 m + 4 stole\n"
    assert extract_from_text(text, REF)["area_m2"] == 6


def test_children_and_adults_are_guests():
    text = "Vi forventer op til 400 børn og voksne på samme tid i Enghaveparken søndag den 20. juni 2027."
    assert extract_from_text(text, REF)["guests"] == 400


def test_adults_of_the_staff_are_no_guests():
    # near miss: the crew, not the guests
    text = "Vi holder loppemarked i Enghaveparken. Holdet bag er 6 voksne."
    assert "guests" not in extract_from_text(text, REF)
