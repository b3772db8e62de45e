"""Details in the voices of development batch d30: agents (demolition firms, consultancies, an event agency, an
oil-heating firm) that apply for a client and attach papers naming the client with its CVR and address."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 1, 15)


def values(sources: list[tuple[str, str]]) -> dict:
    found = extract_details(sources, {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


_AGENT_BODY = ("Dear Sir or Madam,\n\nOn behalf of our client we forward the notification; the details are in the "
               "attached PDF.\n\nBest regards\nAnna Holm\nHolm Rådgivning ApS\nGothersgade 14, 1123 København K\n")
_PLAIN_BODY = ("Dear Sir or Madam,\n\nWe forward the notification; the details are in the attached PDF.\n\n"
               "Best regards\nAnna Holm\nHolm Rådgivning ApS\nGothersgade 14, 1123 København K\n")


# ---------------------------------------------------------------- the client in an agent's attached papers

def test_developer_in_the_papers_of_a_mail_for_a_client_is_the_company():
    paper = ("NOTIFICATION OF SOIL RELOCATION\n\nSite: Teglholmsgade 40, 2450 København SV\n"
             "Developer: Byggeselskabet Havnen A/S, Kalvebod Brygge 45, 1560 København V, CVR 63135224\n"
             "Consultant: Holm Rådgivning ApS\n")
    found = values([("body", _AGENT_BODY), ("notification.pdf", paper)])
    assert found["company_name"] == "Byggeselskabet Havnen A/S"
    assert (found["address"], found["postcode"]) == ("Kalvebod Brygge 45", "1560")


def test_developer_in_papers_of_a_mail_that_applies_for_no_client_does_not_win():
    paper = ("NOTIFICATION OF SOIL RELOCATION\n\nSite: Teglholmsgade 40, 2450 København SV\n"
             "Developer: Byggeselskabet Havnen A/S, Kalvebod Brygge 45, 1560 København V, CVR 63135224\n")
    assert values([("body", _PLAIN_BODY), ("notification.pdf", paper)])["company_name"] == "Holm Rådgivning ApS"


def test_client_of_a_mail_for_our_client_x_is_the_company():
    body = ("Hi,\n\nWe are the event agency behind a pop-up for our client Nordic Oat A/S on Kongens Nytorv.\n\n"
            "Kind regards\nLærke Holst\nUrban Moments ApS\nStore Kongensgade 40, 2. tv, 1264 København K\n")
    paper = "SITE PLAN\n\nClient: Nordic Oat A/S, Arne Jacobsens Allé 7, 2300 København S, CVR 37028576\n"
    found = values([("body", body), ("plan.pdf", paper)])
    assert (found["company_name"], found["address"]) == ("Nordic Oat A/S", "Arne Jacobsens Allé 7")


def test_building_owner_and_applicant_heading_names_the_client():
    body = ("Dear Sir or Madam,\n\nWe send the application for a demolition permit.\n\nKind regards\nThomas Bjerg\n"
            "Bjerg Nedbrydning A/S\n")
    paper = ("APPLICATION FOR DEMOLITION PERMIT\n\nProperty: Kløvermarksvej 70, 2300 København S\n"
             "Building owner (applicant): Kløvermark Ejendomme ApS, Amagerbrogade 150, 2300 København S, "
             "CVR 65613743\nContractor: Bjerg Nedbrydning A/S, Kulbanevej 21, 2500 Valby\n")
    assert values([("body", body), ("app.pdf", paper)])["company_name"] == "Kløvermark Ejendomme ApS"


def test_owner_and_developer_in_the_mail_names_the_client():
    body = ("Hej\n\nVi skal på vegne af ejeren nedrive en bygning i gården på Holmbladsgade 113, 2300 København S.\n\n"
            "Ejer og bygherre: Ejendomsselskabet Amager Øst ApS, Øresundsvej 6, 2300 København S.\n\n"
            "Med venlig hilsen\nRasmus Thybo\nAmager Nedrivning ApS\nTlf. 22 90 47 15\n")
    assert values([("body", body)])["company_name"] == "Ejendomsselskabet Amager Øst ApS"


def test_applicant_with_cvr_in_the_papers_of_a_mail_for_our_clients_plant():
    body = ("Dear Sir/Madam,\n\nPlease find attached the application for our client's powder coating plant.\n\n"
            "Kind regards\nMartin Løvgren\nEnviroPlan ApS\nNørre Farimagsgade 11, 1364 København K\n")
    paper = ("APPLICATION FOR ENVIRONMENTAL APPROVAL\n\nApplicant: Sydhavn Pulverlak ApS, CVR 16078670\n"
             "Address of the plant and of the company: Vasbygade 10, 2450 København SV\nActivity: powder coating\n")
    found = values([("body", body), ("app.docx", paper)])
    assert found["company_name"] == "Sydhavn Pulverlak ApS"
    assert (found["address"], found["postcode"]) == ("Vasbygade 10", "2450")


def test_applicant_in_papers_of_a_mail_about_our_customers_is_no_client():
    body = ("Dear Sir/Madam,\n\nPlease find attached the application; our customers will love the new terrace.\n\n"
            "Kind regards\nMartin Løvgren\nEnviroPlan ApS\nNørre Farimagsgade 11, 1364 København K\n")
    paper = ("APPLICATION\n\nApplicant: Sydhavn Pulverlak ApS, CVR 16078670\n"
             "Address of the plant and of the company: Vasbygade 10, 2450 København SV\n")
    assert values([("body", body), ("app.docx", paper)])["address"] == "Nørre Farimagsgade 11"


# ---------------------------------------------------------------- the client named in the writer's sentence

def test_client_named_with_its_cvr_in_the_sentence_is_the_company():
    body = ("Hej Miljø\n\nPå vegne af vores kunde, Vibes Blomster v/ Lise Bech, Frederikssundsvej 78, 2400 "
            "København NV (CVR 21043842), anmelder vi hermed sløjfning af en olietank.\n\n"
            "Med venlig hilsen\nCarsten Vedel\nVedel Olie & Varme ApS\nTuborgvej 160, 2400 København NV\n")
    found = values([("body", body)])
    assert (found["company_name"], found["cvr"]) == ("Vibes Blomster v/ Lise Bech", "21043842")
    assert found["address"] == "Frederikssundsvej 78"


def test_client_with_its_cvr_right_after_the_name():
    body = ("Hej,\n\nPå vegne af vores kunde, Havnens Is v/ Ida Holm, CVR 21043842, søger vi om en stadeplads.\n\n"
            "Med venlig hilsen\nIda Lund\nLund Events ApS\nGothersgade 14, 1123 København K\n")
    assert values([("body", body)])["company_name"] == "Havnens Is v/ Ida Holm"


def test_client_named_without_a_cvr_when_the_agency_says_it_applies_does_not_win():
    body = ("Kære Byliv\n\nPå vegne af vores kunde, Nordlys Kaffe A/S, søger vi om et arrangement på Israels Plads."
            "\n\nAnsøger er bureauet:\nEventbureauet Kastanje ApS\nCVR 29 87 43 28\n"
            "Store Kongensgade 40, 1264 København K\n\nMed venlig hilsen\nLouise Brandt\nEventbureauet Kastanje ApS\n")
    assert values([("body", body)])["company_name"] == "Eventbureauet Kastanje ApS"


# ---------------------------------------------------------------- a mail that opens with its place

def test_a_mail_that_opens_with_a_square_names_its_site():
    body = ("Sankt Hans Torv, i fortovet ved cykelstativerne – det er der, vi skal grave. Vi er Grøn Have ApS og søger "
            "om gravetilladelse.\n\nMvh Kasper Vinding, Grøn Have ApS, Toftegårds Allé 41, 2500 Valby")
    assert values([("body", body)])["activity_location"] == "Sankt Hans Torv"


def test_a_mail_that_opens_with_a_square_in_a_district_names_its_site():
    body = ("Mozarts Plads in Sydhavn, Saturday 19 June 2027 – that's the where and when of our concert.\n\n"
            "Best wishes\nJonas Ebbesen\nForeningen Sydhavn Scene\nSjælør Boulevard 71, 2450 København SV\n")
    assert values([("body", body)])["activity_location"] == "Mozarts Plads"


def test_a_business_named_first_is_no_site():
    body = ("Vinstuen Kødbyen, vedhæftet skema til udeservering.\n\nMvh\nJakob\nVinstuen Kødbyen ApS\n"
            "Flæsketorvet 28, 1711 København V\n")
    assert "activity_location" not in values([("body", body)])


# ---------------------------------------------------------------- "Fra:" a place, in a notice of soil moved

_SOIL = ("Hej\nAnmeldelse af jordflytning.\nFra: {fra}\nMængde: ca. 60 m³\nTil: jordmodtageanlægget på Prøvestenen\n"
         "Krogh Have & Anlæg v/ Mads Krogh\nBellahøjvej 60, 2700 Brønshøj\nCVR 41856211\n")


def test_from_label_with_an_address_is_the_site():
    found = values([("body", _SOIL.format(fra="gårdanlæg, Ved Amagerbanen 21, 2300 København S"))])
    assert found["activity_location"] == "Ved Amagerbanen 21"
    assert (found["address"], found["postcode"]) == ("Bellahøjvej 60", "2700")


def test_from_label_with_a_date_is_no_site():
    found = values([("body", _SOIL.format(fra="1. oktober 2027"))])
    assert found["period_from"] == "2027-10-01"
    assert found["address"] == "Bellahøjvej 60"


# ---------------------------------------------------------------- "ude af pladsen": the day the work ends

def test_off_the_site_in_danish_ends_the_period():
    body = ("Hej\n\nVi går i gang mandag den 4. oktober 2027 og regner med at være ude af pladsen fredag den "
            "22. oktober 2027.\n\nMvh\nRasmus Thybo\n")
    found = values([("body", body)])
    assert (found["period_from"], found["period_to"]) == ("2027-10-04", "2027-10-22")


def test_a_day_on_the_site_is_no_end():
    body = "Hej\n\nVi går i gang mandag den 4. oktober 2027, og vi er på pladsen fredag den 8. oktober 2027.\n"
    assert values([("body", body)]).get("period_to") != "2027-10-08"
