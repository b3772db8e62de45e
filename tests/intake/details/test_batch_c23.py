"""Items of blind batch c23: a CVR in brackets before "fremsender jeg ansøgning" (the verb has its own object, so
the CVR is not "sent later"), "plads" as room ("med plads til 400 gæster") and "haven't" taken as a site, and a
writer still choosing among several places."""

from __future__ import annotations

import pytest

from intake.details.checklist import check
from intake.details.givens import site_unknown
from tests.intake.details.checklist_evidence import evidence


def test_a_cvr_before_fremsender_jeg_ansoegning_is_given(catalogue):
    body = ("På vegne af min kunde Trattoria Nonna ApS (CVR-nr. 32159400) fremsender jeg ansøgning om udeservering "
            "ud for restauranten på Vesterbrogade 112, 1620 København V.")
    assert "cvr" in check(catalogue.task("udeservering"), evidence(body, cvr="32159400")).have


def test_a_cvr_with_sender_jeg_after_it_is_still_to_come(catalogue):
    body = "CVR-nummeret 32159400 sender jeg, når revisor har bekræftet det."
    assert "cvr" in check(catalogue.task("udeservering"), evidence(body, cvr="32159400")).missing


@pytest.mark.parametrize("body", [
    "Vi vil gerne holde en sommerkoncert lørdag den 26. juni 2027 med plads til ca. 400 gæster.",
    "We haven't decided where yet, but the concert is on 26 June 2027 for about 400 guests.",
])
def test_room_for_guests_or_havent_is_no_site(catalogue, body):
    assert "site" in check(catalogue.task("arrangement"), evidence(body)).missing


@pytest.mark.parametrize("body", [
    "Koncerten holdes på Israels Plads den 26. juni 2027 for ca. 400 gæster.",
    "Koncerten holdes på Rådhuspladsen den 26. juni 2027 for ca. 400 gæster.",
    "Koncerten holdes i Fælledparken den 26. juni 2027 for ca. 400 gæster.",
])
def test_a_named_square_or_garden_is_the_site(catalogue, body):
    assert "site" in check(catalogue.task("arrangement"), evidence(body)).have


@pytest.mark.parametrize("text", [
    "Vi er stadig i dialog med flere mulige steder i byen.",
    "We are looking at several possible venues.",
])
def test_a_writer_choosing_among_places_has_no_site_yet(text):
    assert site_unknown([text])


def test_several_sites_across_the_city_is_not_an_open_site():
    assert not site_unknown(["Vi arbejder på several sites in the city, men denne ansøgning gælder Jagtvej 12."])
