"""Details in the voices of development batch d51: formal letters from larger organisations, with letterheads,
reference numbers, a local branch beside the head office and several people named (cc, project and site managers)."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2026, 12, 6)
body = body_at(REF)


# ---------------------------------------------------------------- contact persons

def test_courtesy_title_in_the_apposition_before_handles_this():
    found = body("Dear Sir or Madam,\n\nOur events coordinator, Mrs Hanne Bjerre, handles this application and "
                 "answers any questions.\n\nYours faithfully,\n\nKarl Thomsen\nManaging Director\n")
    assert found["contact_name"] == "Hanne Bjerre"


def test_a_courtesy_title_before_a_surname_alone_still_completes_it():
    found = body("Dear Sir or Madam,\n\nThe owner, Mr Ravi Kapoor, has asked us to apply.\n\nMr Kapoor is the "
                 "contact: ravi@eksempel.dk.\n\nBest regards,\nJulie Brandt\nBrandt Arkitekter\n")
    assert found["contact_name"] == "Ravi Kapoor"


def test_an_abbreviation_among_the_words_before_rettet_til():
    found = body("Hej\n\nAl henvendelse vedr. ansøgningen bedes rettet til byggeleder Niels Krag på nk@eksempel.dk."
                 "\n\nVenlig hilsen\nBirgit Lund\nSekretær\n")
    assert found["contact_name"] == "Niels Krag"


def test_a_name_in_commas_who_does_five_words_of_things_and_is_the_contact():
    found = body("Dear Sir or Madam,\n\nOur foreman, Pavel Kowalski, is responsible for the scaffolding and is the "
                 "contact person for the city.\n\nYours faithfully,\nEwa Zielinska\nOffice Manager\n")
    assert found["contact_name"] == "Pavel Kowalski"


def test_a_name_doing_things_without_the_contact_cue_stays_the_signer():
    found = body("Dear Sir or Madam,\n\nOur foreman, Pavel Kowalski, is responsible for the scaffolding and the crane."
                 "\n\nYours faithfully,\nEwa Zielinska\nOffice Manager\n")
    assert found["contact_name"] == "Ewa Zielinska"


# ---------------------------------------------------------------- amounts

def test_a_trench_wide_and_deep_has_no_area():
    found = body("Hello\n\nWe dig an open trench in the verge, 0.5 m wide and 0.9 m deep, for a power cable.\n\n"
                 "Regards\nJonas Beck\n")
    assert "area_m2" not in found


def test_a_terrace_wide_and_deep_still_has_an_area():
    found = body("Hello\n\nThe serving area in front of the bar is 5 m wide and 2 m deep.\n\nRegards\nJonas Beck\n")
    assert found["area_m2"] == 10


def test_bins_counted_in_pieces_are_no_litres():
    found = body("Hej\n\nVi ønsker ny affaldsordning:\n- Plast: 3 stk. 400 l beholder, tømning hver uge\n\n"
                 "Mvh\nKaren Holt\n")
    assert "litres" not in found


def test_a_tank_counted_in_pieces_keeps_its_litres():
    found = body("Hej\n\nVi sløjfer 1 stk. olietank på 2.500 l i kælderen.\n\nMvh\nKaren Holt\n")
    assert found["litres"] == 2500


# ---------------------------------------------------------------- sites

def test_a_numbered_stretch_of_a_street_is_the_site_not_the_address():
    found = body("Hej\n\nVi holder loppemarked søndag den 6. juni 2027 kl. 10-16 på strækningen Tietgensgade 10-40, "
                 "som ønskes lukket for biler.\n\nMvh\nLise Dahl\n")
    assert found.get("activity_location") == "Tietgensgade 10-40"
    assert "address" not in found


def test_the_seat_named_hovedsaede_is_the_address_beside_its_branch():
    found = body("Til Center for Bygninger\n\nVi søger om et nyt skilt på vores afdeling.\n\n"
                 "Ansøger: Sjællands Sparekasse A/S\nAfdeling: Amagerbrogade 150, 2300 København S\n"
                 "Sparekassens hovedsæde: Bredgade 20, 1260 København K\n\nMed venlig hilsen\nKim Vad\n")
    assert (found.get("address"), found.get("postcode")) == ("Bredgade 20", "1260")
    assert str(found.get("activity_location")).startswith("Amagerbrogade 150")
