"""Details in the voices of development batch d10: agents (architects, contractors, accountants, event bureaus) who
apply for a client named in a block of its own under a heading ("Bygherre:", "Client:", "Owner and applicant:",
"Arrangør (ansøger)"), letters and forms of the business's own design."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 3, 8)


def values(sources: list[tuple[str, str]]) -> dict:
    found = extract_details(sources, {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the client an agent applies for

ARCHITECT_LETTER = (
    "KJÆR TEGNESTUE ApS\nSankt Peders Stræde 39, 1453 København K · tlf. 33 14 80 20\n\n"
    "Vedr.: Ansøgning om byggetilladelse – ombygning af butikslokale til bageri\n\n"
    "På vegne af bygherre ansøges hermed om byggetilladelse til ombygning af butikslokalet.\n\n"
    "Bygherre:\nBageriet Brødkassen ApS\nCVR-nr. 30379292\nNørrebrogade 112, st.\n2200 København N\n"
    "Indehaver: Hanne Brix\n\n"
    "Al korrespondance i sagen bedes rettet til undertegnede.\n\nMed venlig hilsen\n\nMads Kjær\nArkitekt MAA\n"
    "direkte 33 14 80 20")


def test_a_client_block_under_its_heading_is_the_applicant_over_the_agents_letterhead_and_cover_mail():
    cover = ("Hermed ansøgning på vegne af vores bygherre.\n\nMed venlig hilsen\nMads Kjær\nArkitekt MAA\n"
             "Kjær Tegnestue ApS")
    found = values([("body", cover), ("ansoegning.pdf", ARCHITECT_LETTER)])
    assert (found["company_name"], found["cvr"], found["address"], found["postcode"]) == (
        "Bageriet Brødkassen ApS", "30379292", "Nørrebrogade 112, st.", "2200")
    assert found["contact_name"] == "Mads Kjær"             # the client's owner in the block is not the contact
    assert "activity_location" not in found                 # the work is at the client's own house


def test_an_english_client_block_with_an_address_abroad_leaves_no_address_of_the_agent():
    text = ("Brightside Events is the producing agency for Volta Mobility GmbH, and we are applying on their behalf "
            "for a launch event on Kongens Nytorv.\n\nClient:\nVolta Mobility GmbH\nTorstraße 110, 10119 Berlin, "
            "Germany\nManaging director: Jonas Weber\n\nBest regards,\nFreya Madsen\nSenior Producer\n"
            "Brightside Events ApS\nWildersgade 10B, 1408 København K\n+45 28 40 71 93")
    found = values([("body", text)])
    assert (found["company_name"], found["contact_name"]) == ("Volta Mobility GmbH", "Freya Madsen")
    assert "address" not in found and "postcode" not in found


def test_an_organiser_marked_as_the_applicant_wins_over_the_bureau_that_signs_the_mail():
    body = ("Eventfabrikken søger om tilladelse til et event på Israels Plads.\n\nVenlig hilsen\nLine Dahl\n"
            "Projektleder\nEventfabrikken ApS\nMobil: 61 35 72 04")
    pdf = ("Projektbeskrivelse\n\nArrangør (ansøger)\nNordlys Cider ApS\nRefshalevej 163A\n1432 København K\n"
           "CVR 98386963")
    found = values([("body", body), ("projekt.pdf", pdf)])
    assert (found["company_name"], found["address"], found["cvr"]) == ("Nordlys Cider ApS", "Refshalevej 163A",
                                                                       "98386963")


def test_a_builders_block_in_a_contractors_own_application_is_no_client_it_applies_for():
    """ "Bygherre:" in a contractor's letter with no word of applying for another: the contractor applies."""
    text = ("Vi søger om tilladelse til et stillads ud for Øresundsvej 18, 2300 København S.\n\nBygherre:\n"
            "Øresundsgården ApS\nCVR 30379292\n\nMed venlig hilsen\nJakob Riis\nAmager Stilladser ApS\n"
            "Kastrupvej 120, 2300 København S\nCVR 36043393")
    found = values([("body", text)])
    assert found["company_name"] == "Amager Stilladser ApS"
    assert found["address"] == "Kastrupvej 120"
