"""Items given in unusual ways (blind batch c13): a production unit's abbreviated label, a serving area as a length and
a depth, a street written in lower case, the writer's own firm digging, the signature of an agent writing for a client,
an aside that leaves the contractor open, a plan attached as an example from another job, dates not fixed, and a
P-number printout of another shop."""

from __future__ import annotations

import pytest

from intake.details import extract_details
from intake.details.addresses import find_lower_case
from intake.details.checklist import check
from intake.privacy import find_cpr
from tests.intake.details.checklist_evidence import RECEIVED, evidence

# ---------------------------------------------------------------- a production unit's abbreviated label

@pytest.mark.parametrize("text", ["Prod.enhed nr.: 1018273645", "P-enhed: 1018273645", "prod. enhed 1018273645"])
def test_an_abbreviated_production_unit_label_gives_the_p_number(text):
    found = extract_details([("body", f"Virksomhedsoplysninger:\n{text}\nCVR 19398242")], {},
                            reference=RECEIVED, sender="x@example.dk")
    assert found["p_number"].value == "1018273645"
    assert find_cpr(text) == []


# ---------------------------------------------------------------- a serving area as a length and a depth

def test_a_facades_length_and_a_depth_give_the_area(catalogue):
    body = "We want two long benches along our 8 m facade, 1.2 m deep."
    assert "area" in check(catalogue.task("udeservering"), evidence(body)).have


def test_a_length_alone_gives_no_area(catalogue):
    body = "We want two long benches along our 8 m facade."
    assert "area" in check(catalogue.task("udeservering"), evidence(body)).missing


# ---------------------------------------------------------------- a street written in lower case

def test_a_lower_case_street_with_its_postcode_is_the_address(catalogue):
    body = "hej. søger om udeservering jægersborggade 41, 2200. 2 borde, 1 x 3 m langs muren."
    assert "address" in check(catalogue.task("udeservering"), evidence(body)).have
    assert [m.address for m in find_lower_case(body)] == ["Jægersborggade 41"]


@pytest.mark.parametrize("text", ["nørrebrogade 12 2027", "vi har ingen plads 2, 2200", "jægersborggade 41 og mere"])
def test_a_lower_case_street_needs_a_postcode_of_the_table(text):
    assert find_lower_case(text) == []


# ---------------------------------------------------------------- the writer's own firm digs

DIG = "Vi skal grave ved Guldbergsgade 29, 2200 Kbh N for at reparere en knækket kloakledning."


def test_a_firm_that_says_it_digs_is_the_contractor(catalogue):
    found = check(catalogue.task("gravetilladelse"), evidence(DIG, signature="Mvh\nBo\nFrandsen Kloak & Anlæg ApS"))
    assert "contractor" in found.have


@pytest.mark.parametrize(("body", "signature"), [
    (DIG, "Mvh\nValby Ejendomme"),  # no firm signs
    (DIG.replace("Vi skal grave", "Vi skal have gravet"), "Mvh\nCafé Nord ApS"),  # had done by someone
    (DIG + " Entreprenør: ikke valgt endnu.", "Mvh\nNetværk Nord A/S"),  # the choice is open
    (DIG + " We are currently getting quotes.", "Regards\nNordic Management ApS"),
    ("We manage the property for the owners. We need to dig at Strandboulevard 86.", "Nordic Management ApS"),
])
def test_a_firm_that_signs_is_no_contractor_unless_it_digs_and_the_choice_is_made(catalogue, body, signature):
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body, signature=signature)).missing


def test_a_contractor_still_to_be_appointed_is_not_given(catalogue):
    body = "Works will be performed by a subcontractor, still to be appointed."
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


# ---------------------------------------------------------------- an agent writing for a client

def test_the_agents_cvr_in_the_signature_is_not_the_clients(catalogue):
    body = "Vi skriver på vegne af vores klient Pizzeria Bella Vista, som ønsker udeservering."
    signature = "Med venlig hilsen\nHenrik Dahl\nDahl & Partnere Revision ApS\nCVR 76035768"
    found = check(catalogue.task("udeservering"), evidence(body, signature=signature, cvr="76035768"))
    assert "cvr" in found.missing


def test_a_signature_line_naming_the_client_gives_the_clients_cvr(catalogue):
    body = "On behalf of our client, ReCell Nordic ApS, we apply for environmental approval."
    signature = "Kind regards\nEmma\nEnvirocon A/S\n\nClient: ReCell Nordic ApS · CVR-nr. 17 79 49 65"
    found = check(catalogue.task("miljoegodkendelse"), evidence(body, signature=signature, cvr="17794965"))
    assert "cvr" in found.have


# ---------------------------------------------------------------- a plan attached as an example

def test_a_plan_from_another_job_attached_as_an_example_is_not_the_plan(catalogue):
    body = ("The attached traffic plan is from our Aarhus job so you can see the format; the Copenhagen one will "
            "follow.")
    plan = ("Traffic_plan_Aarhus_Havnegade.pdf", "Traffic signage plan, Havnegade 12, 8000 Aarhus C")
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body, attachments=(plan,))).missing
    sent = check(catalogue.task("gravetilladelse"), evidence("The traffic plan is attached.", attachments=(plan,)))
    assert "traffic_plan" in sent.have


# ---------------------------------------------------------------- dates not fixed

def test_a_month_is_no_period_when_the_dates_are_to_be_confirmed(catalogue):
    body = "It will be two nights in April 2027; exact dates to be confirmed by Banedanmark."
    assert "period" in check(catalogue.task("stoej_byggeplads"), evidence(body)).missing
    assert "period" in check(catalogue.task("stoej_byggeplads"), evidence("Two nights in April 2027.")).have


# ---------------------------------------------------------------- a P-number of another unit

def test_a_printouts_p_number_the_writer_says_is_another_shops_is_not_given(catalogue):
    body = ("Jeg har vedhæftet udskriften fra CVR-registret. Bemærk at P-nummeret på den er for vores anden butik på "
            "Vesterbrogade.")
    printout = ("cvr_udskrift.pdf", "Udskrift fra CVR: Bageriet Korn ApS, CVR 74263119, Produktionsenhed: "
                                    "Vesterbrogade 101, 1620 København V, P-nummer 1012345678")
    found = check(catalogue.task("udeservering"), evidence(body, attachments=(printout,), p_number="1012345678"))
    assert "p_number" in found.missing
    found = check(catalogue.task("udeservering"), evidence("Udskriften er vedhæftet.", attachments=(printout,),
                                                           p_number="1012345678"))
    assert "p_number" in found.have


def test_a_picture_sent_to_show_how_the_sign_will_look_is_the_picture(catalogue):
    body = "Jeg har vedhæftet et billede med skiltet på facaden, så I kan se hvordan det kommer til at se ud."
    picture = ("facade_visualisering.pdf", "Visualisering - nyt facadeskilt")
    assert "picture" in check(catalogue.task("skilte"), evidence(body, attachments=(picture,))).have
