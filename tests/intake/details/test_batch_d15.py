"""Details in the voices of development batch d15 (events, markets, road space, outdoor serving, street trading,
digging and noise): a contractor's work at "vores kundes ejendom", a café or restaurant that lies on a corner (its
own place, no site), a street with a lower-case word in its name, a site named as such ("The site we apply for is
X"), a housing association's building as a contractor's site, and events named by their trade."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.periods import Period, find_period

REF = date(2027, 2, 22)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a customer's building is the site

@pytest.mark.parametrize("cue", ["foran vores kundes ejendom på", "ved vores kunders ejendom på",
                                 "foran min kundes hus på"])
def test_our_customers_building_is_the_site(cue):
    found = values([("body", f"Hej\n\nVi skal have stillet en container op {cue} Istedgade 71 i forbindelse med en "
                             "renovering.\n\nMalerfirmaet Kragh & Søn ApS\nCVR-nr. 29 54 17 87\n"
                             "Gammel Køge Landevej 55, 2500 Valby\n\nMvh\nTom Kragh")])
    assert found["address"] == "Gammel Køge Landevej 55"
    assert found["postcode"] == "2500"
    assert found["activity_location"].startswith("Istedgade 71")


# ---------------------------------------------------------------- premises on a corner

def test_our_cafe_on_a_corner_is_the_address():
    found = values([("body", "Hi,\n\nOur café sits on the corner of Istedgade and Gasværksvej (address Istedgade 47). "
                             "We'd like to put out 3 tables on the Gasværksvej side, around 7 m2, from 15 May to 15 "
                             "September.\n\nCompany: Café Corner Copenhagen ApS")])
    assert found["address"] == "Istedgade 47"
    assert "activity_location" not in found


def test_a_restaurant_that_lies_on_a_corner_names_no_site():
    found = values([("body", "Hej,\n\nRestaurant Hjørnet (Elmegade Spisehus ApS) ligger på hjørnet af Elmegade og "
                             "Sankt Hans Gade. Vi søger udeservering på fortovet, i alt 18 m2.\n\n"
                             "Adresse: Elmegade 30, st., 2200 København N")])
    assert found["address"] == "Elmegade 30, st."
    assert "activity_location" not in found


def test_a_stall_on_a_corner_is_still_the_site():
    found = values([("body", "Hello, I would love a pitch on the corner of Nørrebrogade and Fælledvej every Saturday "
                             "in June.\n\nIda Sørensen\nPetals by Ida, Jagtvej 10, 2200 København N")])
    assert found["activity_location"] == "Nørrebrogade and Fælledvej"


# ---------------------------------------------------------------- names of places

def test_a_square_whose_name_opens_with_a_towns_word():
    found = values([("body", "Yuletide Markets Danmark ApS, CVR 31600723, hereby applies for a Christmas market at "
                             "Kongens Nytorv.\n\nYours faithfully,\nSarah Whitfield\nYuletide Markets Danmark ApS\n"
                             "Bredgade 30, 1260 København K")])
    assert found["activity_location"] == "Kongens Nytorv"
    assert found["address"] == "Bredgade 30"


@pytest.mark.parametrize(("written", "street"), [
    ("på Overgaden oven Vandet ud for nr. 10", "Overgaden oven Vandet 10"),
    ("ud for nr. 10 på Overgaden neden Vandet", "Overgaden neden Vandet 10"),
])
def test_a_street_with_a_small_word_inside_its_name(written, street):
    found = values([("body", f"Hej\n\nVi søger om at opstille en mobilkran {written} lørdag den 28. august 2027.\n\n"
                             "Med venlig hilsen\nHenrik Møller\nKranudlejning Sjælland ApS\nCVR 32471811\n"
                             "Hovedvejen 12, 4000 Roskilde")])
    assert found["activity_location"] == street
    assert found["address"] == "Hovedvejen 12"


def test_own_address_on_a_street_with_a_small_word():
    found = values([("body", "Vi har en café på Overgaden neden Vandet 17, 1414 København K og søger udeservering.")])
    assert found["address"] == "Overgaden neden Vandet 17"


@pytest.mark.parametrize("sentence", [
    "The site we apply for is Havneparken on Islands Brygge (start/finish area).",
    "The venue will be Havneparken at Islands Brygge, right by the water.",
    "Stedet vi søger er Havneparken på Islands Brygge ved havnebadet.",
])
def test_the_site_named_as_such(sentence):
    found = values([("subject", "Running event at Islands Brygge - application"),
                    ("body", f"Hello,\n\nPace Events Denmark ApS, CVR 30016920, applies for a 5 km charity run. "
                             f"{sentence}\n\nBest,\nOliver Grant\nPace Events Denmark ApS\n"
                             "Njalsgade 21G, 2300 København S")])
    assert found["activity_location"] == "Havneparken"


def test_a_spot_described_in_the_subjects_place_does_not_narrow_it():
    found = values([("subject", "Bryllup i Frederiksberg Have"),
                    ("body", "Et brudepar ønsker at holde en vielse med 80 gæster på plænen ved Kinesisk Lysthus i "
                             "Frederiksberg Have lørdag den 14. august 2027.\n\nHappy Day Weddings IVS\n"
                             "Jagtvej 10, 2200 København N")])
    assert found["activity_location"] == "Frederiksberg Have"


# ---------------------------------------------------------------- a housing association's building

@pytest.mark.parametrize("cue", ["working for the housing association at", "doing the work for the landlord at",
                                 "er entreprenør for andelsboligforeningen på"])
def test_the_building_of_the_association_the_work_is_for(cue):
    found = values([("body", f"Good morning,\n\nWe are a Swedish scaffolding contractor {cue} Store Kongensgade 40. "
                             "We need to put up scaffolding on the pavement.\n\nApplicant: Öresund Ställning AB "
                             "(Danish branch CVR 29700168)\n\nKind regards\nJohan Ekberg")])
    assert found["activity_location"] == "Store Kongensgade 40"
    assert "address" not in found


# ---------------------------------------------------------------- the legal entity beside a trading name

@pytest.mark.parametrize(("written", "company"), [
    ("Firma: Hansens Smørrebrød (Hansens Mad & Catering ApS)", "Hansens Mad & Catering ApS"),
    ("Company: Café Fugl (Fugl & Frø ApS)", "Fugl & Frø ApS"),
    ("Ansøger: Nørrebro Hoops - juridisk Foreningen Nørrebro Basketball, CVR 31996678",
     "Foreningen Nørrebro Basketball"),
    ("Applicant: Harbour Bites (legal name Havnemad ApS)", "Havnemad ApS"),
])
def test_the_legal_entity_after_a_trading_name(written, company):
    found = values([("body", f"Goddag\n\nVi ønsker udeservering på Israels Plads.\n\n{written}\nCVR 30888014\n"
                             "Kontakt: Karin Hansen, 42 18 30 95")])
    assert found["company_name"] == company


# ---------------------------------------------------------------- guests

@pytest.mark.parametrize(("sentence", "guests"), [
    ("Vi forventer ca. 300 spillere og tilskuere.", 300),
    ("Approx. 40 stalls. Expected footfall 3,000 per day.", 3000),
])
def test_players_and_footfall_are_guests(sentence, guests):
    assert values([("body", f"Hej\nVi søger om et arrangement i Superkilen.\n{sentence}")])["guests"] == guests


# ---------------------------------------------------------------- the period applied for

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Festival days are Friday to Sunday, 27-29 August. Build-up starts Wednesday 25 August and derig finishes "
     "Monday 30 August, and we need the area for the whole span, so please consider the application as 25-30 August.",
     date(2027, 8, 25), date(2027, 8, 30)),
    ("Market open: 19 November - 22 December 2027\nBuild: 15-18 November; strike: 23-24 December. The permit should "
     "cover build and strike as well, i.e. 15 November 2027 to 24 December 2027.", date(2027, 11, 15),
     date(2027, 12, 24)),
    ("Arbejdet udføres natten mellem 23. og 24. august og natten mellem 24. og 25. august 2027, dvs. vi søger for "
     "23.-25. august.", date(2027, 8, 23), date(2027, 8, 25)),
])
def test_the_range_the_text_says_it_applies_for(text, start, end):
    assert find_period(text, REF) == Period(start, end)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("vi søger for perioden fredag den 11. juni kl. 18 til søndag den 13. juni kl. 12", date(2027, 6, 11),
     date(2027, 6, 13)),
    ("I would like a spot on Nyhavn from the 1st to the 14th of August.", date(2027, 8, 1), date(2027, 8, 14)),
    ("Period: from the 1st to the 14th of October 2027.", date(2027, 10, 1), date(2027, 10, 14)),
])
def test_a_range_with_times_or_ordinals(text, start, end):
    assert find_period(text, REF) == Period(start, end)


def test_a_set_up_day_not_applied_for():
    text = ("Valby Cykelklub søger om tilladelse til et motionscykelløb i Valbyparken søndag den 5. september 2027.\n\n"
            "Opstilling lørdag den 4. september indgår ikke i ansøgningen, da den sker på klubbens eget område.")
    assert find_period(text, REF) == Period(date(2027, 9, 5), date(2027, 9, 5))


# ---------------------------------------------------------------- more sites

def test_an_address_named_as_the_customers_after_it_is_the_site():
    found = values([("body", "Hej\n\nVi skal grave en stikledning for fiber ind til Bülowsvej 17 (kundens ejendom) fra "
                             "skabet på hjørnet af Bülowsvej og Rolighedsvej.\n\nMvh\nNanna Skov\n"
                             "Fiberteam Sjælland A/S")])
    assert found["activity_location"] == "Bülowsvej 17"
    assert "address" not in found


def test_a_tournament_in_a_named_place():
    found = values([("body", "Hej\n\nVi vil lave en 3x3 basketturnering i Superkilen (Den Sorte Plads) fra fredag den "
                             "30. juli til søndag den 1. august 2027.")])
    assert found["activity_location"] == "Superkilen"


def test_a_corner_in_the_subject_where_the_body_puts_the_restaurant_is_no_site():
    found = values([("subject", "Ansøgning om udeservering, hjørnet af Elmegade og Sankt Hans Gade"),
                    ("body", "Hej,\n\nRestaurant Hjørnet (Elmegade Spisehus ApS) ligger på hjørnet af Elmegade og "
                             "Sankt Hans Gade. Vi søger udeservering på fortovet, i alt 18 m2.\n\n"
                             "Adresse: Elmegade 30, st., 2200 København N")])
    assert "activity_location" not in found


def test_a_corner_in_the_subject_for_a_stall_stays_the_site():
    found = values([("subject", "Stadeplads, hjørnet af Nørrebrogade og Fælledvej"),
                    ("body", "Hej, vi vil gerne stå med vores kaffecykel om lørdagen i juni.\n\nCykelkaffe ApS\n"
                             "Rentemestervej 57, 2400 København NV")])
    assert found["activity_location"] == "Nørrebrogade og Fælledvej"


@pytest.mark.parametrize(("written", "place"), [
    ("Vi vil gerne stå på Nørreport Station ved Frederiksborggade", "Nørreport Station"),
    ("We would like a pitch at Østerport Station near Oslo Plads", "Østerport Station"),
])
def test_a_station_is_a_named_place(written, place):
    found = values([("body", f"Hej\n\n{written}, mandag-fredag i september 2027.\n\nVenlig hilsen\nKasper Lund\n"
                             "Cykelkaffe ApS\nRentemestervej 57, 2400 København NV")])
    assert found["activity_location"] == place


@pytest.mark.parametrize(("written", "company"), [
    ("My business: Petals by Ida, which is a sole proprietorship, CVR 31046394.", "Petals by Ida"),
    ("Min virksomhed: Kold Kugle, CVR 31046394.", "Kold Kugle"),
])
def test_my_business_with_a_colon(written, company):
    found = values([("body", f"Hello!\n\nI would love a pitch on Nyhavn every Saturday in June 2027.\n\n{written}\n\n"
                             "Best wishes\nIda Sørensen")])
    assert found["company_name"] == company


def test_a_club_named_by_its_town():
    found = values([("body", "Hej\n\nValby Cykelklub søger om tilladelse til et motionscykelløb i Valbyparken søndag "
                             "den 5. september 2027.\n\nVh\nLars Kofoed\nFormand")])
    assert found["company_name"] == "Valby Cykelklub"


@pytest.mark.parametrize(("opening", "place"), [
    ("Enghave Plads Loppemarked søges for søndag den 6. juni.", "Enghave Plads"),
    ("Israels Plads Julemarked 2027 would like to apply for December.", "Israels Plads"),
])
def test_an_event_named_by_its_square(opening, place):
    found = values([("body", f"Hej Byliv\n\n{opening}\n\nForeningen Loppefolket\n"
                             "c/o Mette Krog, Enghavevej 33, 4. th, 1674 København V")])
    assert found["activity_location"] == place
    assert found["address"] == "Enghavevej 33, 4. th"


def test_a_stall_word_before_a_market_is_no_square():
    found = values([("body", "Hej\n\nVi søger en stadeplads på Torvehallerne Marked i maj.\n\nFrugt ApS\n"
                             "Jagtvej 10, 2200 København N")])
    assert found.get("activity_location") != "Stadeplads"
