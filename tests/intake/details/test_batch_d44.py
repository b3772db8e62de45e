"""Details in the voices of development batch d44: small businesses writing in running sentences (a period to "the
last day of" a month, places of an earlier time, a landlord's administrator, the one who sees to the practical side,
a foreign group's Danish company, a bare postcode after the address)."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 4)
body = body_at(REF)


# ---------------------------------------------------------------- period

def test_last_day_of_a_month_ends_the_period():
    found = body("Hej\n\nVi vil gerne stille borde ud fra den første april til og med den sidste dag i september.\n\n"
                 "Hilsen\nSofie Lindholm\nCafé Solsort ApS\n")
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-09-30")


def test_last_day_of_a_month_in_english():
    found = body("Dear Sir,\n\nWe would like the permit from 1 May until the last day of August.\n\n"
                 "Kind regards,\nHenrik Aagaard\nBistro Lune ApS\n")
    assert (found["period_from"], found["period_to"]) == ("2027-05-01", "2027-08-31")


def test_a_whole_month_is_still_the_month():
    found = body("Hej\n\nVi søger om at stille en container op i hele september.\n\nHilsen\nAli Demir\nNordbyg ApS\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-09-01", "2027-09-30")


# ---------------------------------------------------------------- cvr

def test_cvr_said_as_we_have_number():
    found = body("Hej\n\nVi har en blomsterbutik, Bloom & Stem ApS, på Østerbrogade 86 i 2100 København Ø.\n\n"
                 "CVR: vi har nummer 27 73 83 97. Kontaktperson er min kollega Ida Frost; hun har tlf. 27 09 64 31."
                 "\n\nHilsen\nRasmus Holt\n")
    assert found["cvr"] == "27738397"


def test_registration_number_is():
    found = body("Hello,\n\nWe are Brew & Bake Valby ApS at Toftegårds Allé 5 in 2500 Valby. Our registration number "
                 "is 31 46 72 33.\n\nThanks,\nSara Lindqvist\n")
    assert found["cvr"] == "31467233"


# ---------------------------------------------------------------- places

def test_place_of_last_year_is_no_site():
    found = body("Dear Business Service,\n\nOur restaurant Bistro Lune ApS is at Værnedamsvej 9, 1619 København V, and "
                 "we would like to put four tables on the pavement.\n\nLast year we ran a pop-up at Istedgade "
                 "62 and had "
                 "a permit there, but that place is closed now.\n\nKind regards,\nHenrik Aagaard\n")
    assert "activity_location" not in found
    assert found["address"] == "Værnedamsvej 9"


def test_place_held_earlier_is_no_site():
    found = body("Til Center for Bygninger\n\nKødbyens Grill ApS driver restaurant på Flæsketorvet 52 i 1711 København "
                 "V og ønsker at overdække terrassen.\n\nVi har tidligere haft restaurant på Enghave Plads 3, "
                 "hvor vi fik "
                 "lavet noget lignende.\n\nVenlig hilsen\nAnders Møller\n")
    assert found.get("activity_location") != "Enghave Plads 3"


def test_premises_of_a_former_use_stay_the_site():
    found = body("Hej\n\nVi har lejet den tidligere tøjbutik i stueetagen på Frederiksborgvej 112, 2400 København NV, "
                 "og vil åbne café.\n\nHilsen\nMette Berg\nCafé Berg ApS\n")
    assert found["address"] == "Frederiksborgvej 112"


def test_our_previous_office_is_no_site():
    found = body("Hi,\n\nFjord Analytics ApS has moved into the 3rd floor of Store Kongensgade 40 in 1264 "
                 "København K.\n\n"
                 "Our previous office at Kompagnistræde 32 was covered by the landlord's scheme.\n\nThanks,\n"
                 "Hannah Clarke\n")
    assert found["address"] == "Store Kongensgade 40, 3."
    assert "activity_location" not in found


def test_own_address_said_as_har_selv_adresse():
    found = body("Goddag\n\nVi er Valby Nedbrydning ApS og har fået til opgave at rive en gammel garage og et skur ned "
                 "i baggården på Valby Langgade 58. Bygningerne er på i alt omkring 40 m².\n\nVi har selv adresse på "
                 "Gammel Køge Landevej 55 i 2500 Valby. CVR-nummeret er 99 92 05 99.\n\nMed venlig hilsen\n"
                 "Valby Nedbrydning ApS\n")
    assert found["address"] == "Gammel Køge Landevej 55"
    assert found["activity_location"] == "Valby Langgade 58"


def test_administrator_named_in_apposition_is_anothers_place():
    found = body("Hej\n\nMin salon, Frisør Saks & Co, ligger på Rantzausgade 33 i 2200 København N, og jeg vil "
                 "sætte et "
                 "skilt op.\n\nEjendommens administrator, Nørrebro Ejendomsadministration på Nørrebrogade 52, har sagt "
                 "god for det.\n\nHilsen Nadia Rahimi\n")
    assert "activity_location" not in found


def test_work_to_a_property_is_the_site_not_the_firms_address():
    found = body("Kære Erhvervsservice\n\nRørteam A/S skal lave et nyt fjernvarmestik til ejendommen i "
                 "Guldbergsgade 8, "
                 "og vi skal grave op i fortovet.\n\nFirmaet holder til på Borgbjergsvej 5 i Sydhavnen, 2450 København "
                 "SV.\n\nMed venlig hilsen\nMaria Skov\n")
    assert (found["address"], found["postcode"]) == ("Borgbjergsvej 5", "2450")
    assert found["activity_location"] == "Guldbergsgade 8"


def test_bare_postcode_after_i():
    found = body("hej, vi er Nordbyg Renovering ApS.\n\nvores adresse er Nørrebrogade 188 i 2200, cvr 31765714.\n\n"
                 "mvh Ali Demir\n")
    assert found["postcode"] == "2200"


def test_a_year_after_i_is_no_postcode():
    found = body("hej, vi er Nordbyg Renovering ApS.\n\nvi har haft værksted på Nørrebrogade 188 i 2019, cvr 31765714."
                 "\n\nmvh Ali Demir\n")
    assert found.get("postcode") != "2019"


# ---------------------------------------------------------------- contact and company

def test_the_one_who_sees_to_the_practical_side_is_the_contact():
    found = body("Hej\n\nBageriet Holm ApS har til huse på Valby Langgade 80 i 2500 Valby.\n\nVores CVR er 18 "
                 "81 98 64. "
                 "Det er min mand, Jens Holm, der tager sig af det praktiske – han har nummer 22 48 91 37.\n\n"
                 "Hilsen\nBirgitte Holm\n")
    assert found["contact_name"] == "Jens Holm"


def test_danish_subsidiary_is_the_company():
    found = body("Dear Business Service,\n\nWe are a Swedish design company, Nord Form AB, and through our new Danish "
                 "subsidiary, Nord Form Denmark ApS, we are opening a shop at Læderstræde 11, 1201 København K.\n\n"
                 "Our Danish CVR number is 83 03 80 55.\n\nKind regards,\nAnders Lindgren\nNord Form AB\n")
    assert found["company_name"] == "Nord Form Denmark ApS"
