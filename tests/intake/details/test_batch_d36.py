"""Details in the voices of development batch d36: architects, engineers, contractors, scaffolders, event agencies,
lawyers and administrators writing for a client or their own firm, with letterheads and signatures of several
people, "Bygherre:", "Ansøger:", "Kontaktperson på pladsen:" and "Fakturering til:" lines."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import values_at

REF = date(2027, 1, 15)
values = values_at(REF)


# ---------------------------------------------------------------- the writer named as the contact

def test_contact_label_naming_the_undersigned_is_the_signer():
    body = ("Til Center for Miljøbeskyttelse\n\nVi anmelder på bygherres vegne støjende arbejde på Nørregade 7.\n\n"
            "Periode: 1. marts 2027 til 12. marts 2027.\n\nKontakt: undertegnede.\n\nMed venlig hilsen\n\n"
            "Karen Holm\nIngeniør\nHolm Rådgivning ApS\nGothersgade 14, 1123 København K\nTlf. 28 16 73 90\n")
    assert values([("body", body)])["contact_name"] == "Karen Holm"


def test_contact_label_for_site_and_application_naming_the_undersigned_is_the_signer():
    body = ("Hej\n\nVi søger om stillads på fortovet ud for Amagerbrogade 90.\n\nAnsøger: Murer Hansen ApS\n"
            "Kontaktperson på pladsen og for ansøgningen: undertegnede.\n\nMed venlig hilsen\nPeter Hansen\n"
            "Murermester\nMobil 40 72 19 58\n")
    assert values([("body", body)])["contact_name"] == "Peter Hansen"


# ---------------------------------------------------------------- a site's contact for the practical matters only

def test_site_contact_gives_way_to_the_writer_asked_about_the_application():
    body = ("Til Center for Trafik\n\nStillads Øst ApS søger om facadestillads ud for Classensgade 20.\n\n"
            "Kontaktperson på pladsen: Kasper (montør), 40 18 22 73 – spørgsmål til selve ansøgningen bedes rettet "
            "til undertegnede.\n\nMed venlig hilsen\n\nRikke Dam\nProjektkoordinator\nStillads Øst ApS\n"
            "Tlf. 31 62 84 09\nrikke@stillads-oest.dk\n")
    assert values([("body", body)])["contact_name"] == "Rikke Dam"


def test_english_site_contact_gives_way_to_the_writer_who_asks_to_be_written_to():
    body = ("Hello,\n\nWe apply for a scaffold in front of Strandvejen 12.\n\nSite contact: our foreman Johan, "
            "+45 41 27 60 83. For anything about the application please write to me.\n\nBest regards\n"
            "Erik Berg\nSite manager\nNord Scaffolding ApS\n")
    assert values([("body", body)])["contact_name"] == "Erik Berg"


def test_writer_asking_to_be_written_to_after_a_clients_contact():
    body = ("Hej Jesper\n\nHer er projektet.\n\nKontakt hos bygherre er direktør Henrik Sejr, men al korrespondance i "
            "sagen går gennem os – skriv derfor til undertegnede.\n\nVenlig hilsen\n\nBo Kragh\nArkitekt\n"
            "Kragh Arkitekter A/S\n")
    assert values([("body", body)])["contact_name"] == "Bo Kragh"


# ---------------------------------------------------------------- another person named to answer

def test_person_who_can_answer_all_questions_about_the_application_is_the_contact():
    body = ("Hej\n\nVi søger om en skurvogn på vejen ud for Istedgade 71.\n\nDet er vores formand Brian Holst, der "
            "står for pladsen og kan svare på alle spørgsmål om ansøgningen: 29 84 03 16. Jeg sidder på kontoret.\n\n"
            "Venlig hilsen\nJulie Friis\nKontor\nTlf. 36 44 12 80\n")
    found = values([("body", body)])
    assert (found["contact_name"], found["phone"]) == ("Brian Holst", "29840316")


def test_contact_named_with_the_firm_after_the_name():
    body = ("Dear Sir or Madam,\n\nWe proceed with the rooftop extension at Havnegade 39.\n\nPlease note that our "
            "local partner, architect Freja Dahl of Dahl Arkitekter, is the contact person for this case: "
            "+45 24 61 58 90.\n\nKind regards\n\nJonas Kessler\nArchitect\n")
    assert values([("body", body)])["contact_name"] == "Freja Dahl"


# ---------------------------------------------------------------- the client under a heading of two roles

def test_applicant_and_owner_heading_names_the_client():
    body = ("Hej\n\nHer er projektet for tagetagen.\n\nAnsøger og ejer:\nKontorhuset Sydhavn ApS\nBorgbjergsvej 3\n"
            "2450 København SV\nCVR 32749291\n\nVenlig hilsen\n\nBo Kragh\nKragh Arkitekter A/S\n"
            "Refshalevej 163A, 1432 København K\nCVR 43655388\n")
    found = values([("body", body)])
    assert (found["company_name"], found["cvr"]) == ("Kontorhuset Sydhavn ApS", "32749291")


def test_developer_and_notifier_heading_names_the_client_not_the_contractor():
    body = ("Til Center for Miljøbeskyttelse\n\nVi er bygherrerådgiver for hotellet.\n\nBygherre / anmelder:\n"
            "Nordisk Hotel Drift A/S\nColbjørnsensgade 13\n1652 København V\nCVR 86346737\n\n"
            "Udførende entreprenør: Facadeservice Nord ApS.\n\nMed venlig hilsen\n\nJakob Vang\nVang Rådgivning ApS\n")
    assert values([("body", body)])["company_name"] == "Nordisk Hotel Drift A/S"


def test_applicant_and_contractor_label_names_the_company_over_the_developer():
    body = ("Hej\n\nVi søger om stillads ud for Amagerbrogade 201.\n\n"
            "Bygherre: E/F Amagerbrogade 201, CVR 30790189\nAnsøger og udførende: Murerfirmaet Kjeldsen & Co ApS\n"
            "Sydhavnsgade 8, 2450 København SV\nCVR 17285106\n\nMed venlig hilsen\nSøren Kjeldsen\n")
    found = values([("body", body)])
    assert (found["company_name"], found["cvr"]) == ("Murerfirmaet Kjeldsen & Co ApS", "17285106")


def test_applicant_block_of_an_administrator_writing_for_the_association():
    body = ("Kære Center for Trafik\n\nSom administrator for E/F Blegdamsvej 28 søger vi på foreningens vegne om en "
            "liftbil på vejen.\n\nAnsøger:\nE/F Blegdamsvej 28\nBlegdamsvej 28\n2200 København N\nCVR 91938936\n\n"
            "Med venlig hilsen\n\nIda Nørgaard\nEjendomsadministration Fælledparken ApS\n"
            "Trianglen 4, 2100 København Ø\nCVR 51470206\n")
    found = values([("body", body)])
    assert (found["cvr"], found["address"], found["postcode"]) == ("91938936", "Blegdamsvej 28", "2200")


# ---------------------------------------------------------------- an agency's footer is no site

def test_agencys_footer_after_best_regards_is_no_site():
    body = ("Kære Byliv\n\nVi søger på kundens vegne om et arrangement på Israels Plads.\n\nAnsøger:\n"
            "Kaffe Lab ApS\nTorvegade 12\n1400 København K\nCVR 35134743\n\nBedste hilsner\n\nCamilla Brix\n"
            "Projektleder\n\nNordlys Events ApS · Flæsketorvet 68 · 1711 København V · CVR 71829448\n")
    assert not str(values([("body", body)]).get("activity_location", "")).startswith("Flæsketorvet")
