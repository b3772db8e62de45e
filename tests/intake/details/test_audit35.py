"""Details and checklists of the audit mails of session 35, written blind as a desk receives them: an administrator
applying for an owners' association, a noisy-work application whose subject names a stretch of house numbers. Each
test words its case differently from the audit mail."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.checklist import check
from tests.intake.details.checklist_evidence import evidence
from tests.intake.details.reading import values_at

values = values_at(date(2027, 1, 13))


@pytest.mark.parametrize("opening", [
    "Som administrator for Ejerforeningen Gammel Kongevej 100-102 (CVR 43 92 01 11) søger vi om",
    "Som ejendomsadministrator for E/F Gammel Kongevej 100-102 (CVR 43920111) ansøger vi om",
    "As managing agent for Ejerforeningen Gammel Kongevej 100-102 (CVR 43920111) we apply for",
])
def test_an_administrator_applies_for_the_association_it_names_with_its_cvr(opening):
    body = (f"Kære Erhvervsservice\n\n{opening} stillads på fortovet foran ejendommen, 30 m langt, fra 1. april til "
            "30. juni 2027.\n\nMed venlig hilsen\n\nLone Berg\nEjendomsadministrator\nAdministrationshuset A/S\n"
            "Vester Farimagsgade 3, 1606 København V\nCVR 22027999\nTlf. 33 93 41 07\n")
    found = values([("subject", "Stillads Gammel Kongevej 100-102"), ("body", body)], sender="lb@adm.example")
    assert found["cvr"] == "43920111"
    assert "Gammel Kongevej 100-102" in str(found["company_name"])


@pytest.mark.parametrize(("subject", "hours"), [
    ("Åboulevard 86-88: facaderenovering med sandblæsning", False),   # house numbers, not hours
    ("Sandblæsning Åboulevard, hverdage 7-16", True),
])
def test_a_stretch_of_house_numbers_is_no_hours_of_noisy_work(catalogue, subject, hours):
    ev = evidence("Facaden skal sandblæses i april 2027. Arbejdstiderne kan vi endnu ikke oplyse.")
    ev = ev.__class__(**{**ev.__dict__, "texts": [("subject", subject), *ev.texts]})
    assert ("hours" in check(catalogue.task("stoej_byggeplads"), ev).have) is hours


@pytest.mark.parametrize(("body", "area"), [
    ("Der kommer 12 boder. De fleste bruger 3 x 3 m telte, et par har madvogne.", None),   # the size of each tent
    ("Most vendors will use 3 x 3 m gazebos; a few bring food trucks.", None),
    ("Vi søger om en stadeplads på 3 x 3 m på Sankt Hans Torv.", 9),
])
def test_the_size_of_each_of_several_tents_is_no_area(body, area):
    assert values([("body", body)]).get("area_m2") == area


@pytest.mark.parametrize(("body", "given"), [
    ("Vi sætter skurvogne på fortovet. Afmærkningsplanen kommer fra vores skiltefirma.", False),
    ("Vi sætter skurvogne på fortovet. The signage plan will come from our traffic contractor.", False),
    ("Vi sætter skurvogne på fortovet. Afmærkningsplanen fra vores skiltefirma: A16 50 m før, afspærring med bomme.",
     True),
])
def test_a_plan_still_to_come_from_another_firm_is_not_given(catalogue, body, given):
    assert ("traffic_plan" in check(catalogue.task("vejareal"), evidence(body)).have) is given


@pytest.mark.parametrize(("body", "period"), [
    # the week the dates will be told is no period
    ("Datoerne ligger ikke fast: entreprenøren bekræfter dem i første uge af januar, formentlig bliver det en uge "
     "sidst i januar 2027.", (None, None)),
    ("The dates are not fixed yet - our builder will confirm the exact dates in week 2.", (None, None)),
    ("Vi melder datoerne ud i uge 2; containeren skal stå 1.-5. februar 2027.", ("2027-02-01", "2027-02-05")),
    ("We confirm that the market is on 5 June 2027.", ("2027-06-05", "2027-06-05")),
])
def test_the_week_the_dates_will_be_told_in_is_no_period(body, period):
    found = values([("body", body)])
    assert (found.get("period_from"), found.get("period_to")) == period


LISTED = ("Dear Sir or Madam,\n\nI am writing on behalf of our client Nordlys Bageri ApS (CVR 11587119), which opens "
          "at Jagtvej 10, 2200 København N.\n\nContact persons:\n- Aiko Tanaka, owner, +45 61 48 02 93, "
          "aiko@nordlysbageri.example\n- Lars Holt, bookkeeper, +45 33 14 27 70\n\nYours faithfully,\n\nLars Holt\n"
          "Holt Regnskab ApS\nTel. +45 33 14 27 70\n")


def test_an_address_on_another_persons_line_of_a_list_is_not_the_writers():
    """The writer signs and is the contact; the owner's line of the list holds the owner's address, not his."""
    found = values([("body", LISTED)], sender="lh@holtregnskab.example", sender_name="Lars Holt")
    assert (found["contact_name"], found["contact_email"]) == ("Lars Holt", "lh@holtregnskab.example")


def test_the_contacts_own_line_under_a_title_keeps_the_address_it_gives():
    body = ("Hej\n\nVi skal bore i kælderen på Nørre Farimagsgade 63 på hverdage kl. 7-17.\n\n"
            "Entreprenør: Holm Byg ApS, CVR 31589754\nByggeleder Thomas Kjær, 21 66 03 58, tk@holmbyg.example\n")
    found = values([("body", body)], sender="thomas.kjaer@holmbyg.example", sender_name="Thomas Kjær")
    assert found["contact_email"] == "tk@holmbyg.example"


@pytest.mark.parametrize(("body", "period"), [
    # what stands from the day it comes to the day it goes (a reply giving the dates asked for)
    ("The skip will be delivered on Monday 25 January 2027 and collected on Monday 1 February 2027.",
     ("2027-01-25", "2027-02-01")),
    ("Containeren stilles op 25. januar 2027 og hentes igen 1. februar 2027.", ("2027-01-25", "2027-02-01")),
    ("Liften leveres tirsdag 2. marts 2027 og afhentes fredag 5. marts 2027.", ("2027-03-02", "2027-03-05")),
])
def test_the_days_something_is_put_up_and_taken_away_are_its_period(body, period):
    found = values([("body", body)])
    assert (found.get("period_from"), found.get("period_to")) == period
