"""Details of the audit mails of session 37, written blind in many voices: an architect writing for the client who
builds, an administrator naming the association's house in the subject and again in the body with its postcode, a
café whose company has moved its address while it leases a shop elsewhere, a neighbour talked to at their shop. Each
test words its case differently from the audit mail."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.pipeline import site_elsewhere
from routing.catalogue import load_catalogue
from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))
CATALOGUE = load_catalogue()


@pytest.mark.parametrize("opening", [
    "Som arkitekter for vores bygherre, Bageriet Hvede ApS (CVR 29221359), søger vi",
    "As architects for our client, Bageriet Hvede ApS (CVR 29221359), we apply",
    "Som ingeniør for min kunde, Bageriet Hvede ApS, CVR 29221359, søger jeg",
])
def test_an_architect_applies_for_the_client_whose_premises_are_named(opening):
    body = (f"Kære Erhvervsservice\n\n{opening} om byggetilladelse til ombygning af kælderen i Rantzausgade 30, "
            "2200 København N, hvor bageriet har til huse.\n\nVenlig hilsen\n\nPer Vinge\nArkitekt MAA\n"
            "Vinge Arkitekter ApS\nStore Kongensgade 40, 1264 København K\nCVR 38040715\nT 33 14 72 90\n")
    found = values([("body", body)], sender="pv@vinge-ark.dk")
    assert (found["company_name"], found["cvr"]) == ("Bageriet Hvede ApS", "29221359")
    assert found["address"] == "Rantzausgade 30" and found["postcode"] == "2200"
    assert found.get("activity_location") is None


@pytest.mark.parametrize("premises", [", hvor butikken ligger", ", where the shop is located", ", hvor vi holder til"])
def test_premises_named_as_the_business_after_the_address_are_its_own(premises):
    body = (f"Hej\n\nVi skal have nyt skilt over døren i Nansensgade 40, 1366 København K{premises}. Skiltet måler "
            "0,5 x 2 m.\n\nMvh Ida Lind\nLind Tekstil ApS\n")
    found = values([("body", body)], sender="ida@lindtekstil.dk")
    assert found["address"] == "Nansensgade 40" and found.get("activity_location") is None


def test_a_site_named_in_the_subject_takes_its_postcode_from_the_body_and_so_its_municipality():
    subject = "Stillads og støj - E/F Bülowsvej 17-19"
    body = ("Hej\n\nPå vegne af ejerforeningen, som vi administrerer, søger vi om stillads langs facaden af "
            "foreningens ejendom Bülowsvej 17-19, 1870 Frederiksberg C, i uge 10-18 2027.\n\nVenlig hilsen\n\n"
            "Mona Dahl\nEjendomsadministrator\nDahl Administration A/S\nVesterbrogade 149, 1620 København V\n")
    found = extract_details([("subject", subject), ("body", body)], {}, reference=date(2026, 12, 7),
                            sender="md@dahl-adm.dk")
    assert found["activity_location"].value.startswith("Bülowsvej 17-19, 1870")
    elsewhere = site_elsewhere(found, ["vejareal"], CATALOGUE)
    assert elsewhere is not None and elsewhere.id == "frederiksberg_kommune"


@pytest.mark.parametrize("registered", [
    "Selskabet har nu adresse på Gammel Kongevej 120, 2. tv., 1850 Frederiksberg C, hvor vi også har kontoret.",
    "Our company has its address at Gammel Kongevej 120, 2. tv., 1850 Frederiksberg C, where we also have our office.",
])
def test_the_companys_address_beside_the_shop_it_leases_is_its_address_and_the_shop_the_site(registered):
    body = ("Hej\n\nVi har lejet en butik på Vesterbrogade 88, 1620 København V, og skal have en container "
            f"foran nr. 88 i april 2027. {registered}\n\nMvh Lars Bro\nBro Kaffe ApS\n")
    found = values([("body", body)], sender="lars@brokaffe.dk")
    assert found["address"].startswith("Gammel Kongevej 120") and found["postcode"] == "1850"
    assert found["activity_location"].startswith("Vesterbrogade 88")


@pytest.mark.parametrize("talk", [
    "Vi har snakket med skomageren i Jagtvej 71, og han har intet imod containeren.",
    "We have talked to the florist at Jagtvej 71, who is fine with the container.",
])
def test_a_neighbour_the_business_talked_to_at_their_shop_is_no_site(talk):
    body = ("Hej\n\nVores café ligger på Jagtvej 69, 2200 København N. Vi skal have en container på vejen foran "
            f"caféen fra 3. til 10. maj 2027. {talk}\n\nMvh Eva Krog\nCafé Krog ApS\n")
    found = values([("body", body)], sender="eva@cafekrog.dk")
    assert found["address"] == "Jagtvej 69"
    assert found.get("activity_location") is None


@pytest.mark.parametrize("correction", [
    "Rettelse til min mail i går: markedet er ikke søndag d. 9. maj, men søndag d. 16. maj 2027.",
    "A correction: the market is not on Sunday, 9 May, but on Sunday, 16 May 2027.",
])
def test_a_day_corrected_with_its_weekday_is_the_period(correction):
    body = (f"Hej igen\n\n{correction} Resten er som før.\n\nMvh Ane\n\n"
            "> Vi søger om et marked på Blågårds Plads søndag d. 9. maj 2027 kl. 10-16.\n")
    found = values([("body", body)], sender="ane@markedet.dk")
    assert (found["period_from"], found["period_to"]) == ("2027-05-16", "2027-05-16")


def test_a_writer_in_lower_case_signs_with_the_first_name_the_mail_comes_from():
    body = ("hej\n\nvi vil gerne have en stadeplads på blågårds plads om søndagen i juni 2027 til vores kaffecykel ☕\n"
            "\nkh\nsofie berg-lund\nejer, kaffecyklen\n")
    found = values([("body", body)], sender="sofie@kaffecyklen.dk", sender_name="sofie")
    assert found["contact_name"] == "Sofie Berg-Lund"
    # a line in lower case that does not begin with the sender's name names nobody
    other = values([("body", body.replace("sofie berg-lund", "kaffe og kage"))], sender="sofie@kaffecyklen.dk",
                   sender_name="sofie")
    assert other.get("contact_name") in (None, "sofie", "Sofie")
