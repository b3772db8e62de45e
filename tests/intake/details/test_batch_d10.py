"""Details in the voices of development batch d10: agents (architects, contractors, accountants, event bureaus) who
apply for a client named in a block of its own under a heading ("Bygherre:", "Client:", "Owner and applicant:",
"Arrangør (ansøger)"), letters and forms of the business's own design."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.periods import Period, find_period
from intake.details.sites import find_addresses, same_place

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


# ---------------------------------------------------------------- whose address: the client's, the business's own

@pytest.mark.parametrize(("text", "own", "site"), [
    ("På vegne af vores kunde Autoværkstedet Sydhavn I/S, CVR 81669430, Sydhavnsgade 9, 2450 København SV, anmelder "
     "vi sløjfning af olietanken på ejendommen.\n\nMvh\n\nJens Thorsen\nThorsen VVS & Blik\nValby Maskinfabriksvej 1\n"
     "2500 Valby", "Sydhavnsgade 9", None),
    ("We are Baltic Facade ApS, making a new facade on the building Nørre Farimagsgade 61, 1364 København K. Our "
     "company: Baltic Facade ApS, CVR 26179998, Gammel Køge Landevej 22, 2500 Valby.\n\nRegards\nDarius",
     "Gammel Køge Landevej 22", "Nørre Farimagsgade 61, 1364 København K"),
    ("Kloakmester Per Nygaard ApS søger om gravetilladelse fra Jagtvej 155, 2200 København N til hovedledningen.\n\n"
     "Kloakmester Per Nygaard ApS\nTomsgårdsvej 35, 2400 København NV\nCVR 12116519\n\nVenlig hilsen\nPer Nygaard",
     "Tomsgårdsvej 35", "Jagtvej 155, 2200 København N"),
])
def test_a_named_clients_or_the_business_own_address_block_is_the_address(text, own, site):
    found = find_addresses(text)
    assert (found.get("address"), found.get("activity_location")) == (own, site)


def test_a_customer_not_named_as_a_business_has_the_site_not_the_address():
    """ "hos en kunde på X": a contractor's private customer; the contractor's block is its own address."""
    text = ("Vi skal sløjfe en olietank hos en kunde på Kirkebjerg Allé 34, 2720 Vanløse.\n\n"
            "Rørkjær ApS\nFrederikssundsvej 210, 2700 Brønshøj\n\nMvh Rasmus")
    found = find_addresses(text)
    assert (found.get("address"), found.get("activity_location")) == ("Frederikssundsvej 210",
                                                                      "Kirkebjerg Allé 34, 2720 Vanløse")


def test_a_company_ending_the_line_above_a_site_cue_makes_no_block():
    """ "... for Amager Bolig ApS\nud for Øresundsvej 18": the cue before the address still names the site."""
    text = ("Vi stiller et stillads op for vores kunde Amager Bolig ApS\nud for Øresundsvej 18, 2300 København S.\n\n"
            "Med venlig hilsen\nJakob Riis\nAmager Stilladser ApS\nKastrupvej 120, 2300 København S")
    found = find_addresses(text)
    assert (found.get("address"), found.get("activity_location")) == ("Kastrupvej 120",
                                                                      "Øresundsvej 18, 2300 København S")


def test_a_client_and_organiser_block_needs_no_words_of_applying_for_another():
    pdf = ("EVENT BRIEF\n\nClient / organiser\nFjord Oat Drinks ApS\nIslands Brygge 43, 2300 København S\n"
           "CVR 21337307\n\nAgency: Northbound Experiences Ltd, London")
    body = "Hi there,\n\nThe brief is attached.\n\nCheers,\nOliver Grant\nProducer, Northbound Experiences Ltd"
    found = values([("body", body), ("brief.pdf", pdf)])
    assert (found["company_name"], found["address"]) == ("Fjord Oat Drinks ApS", "Islands Brygge 43")


# ---------------------------------------------------------------- the contact under a contact heading

@pytest.mark.parametrize(("text", "name"), [
    ("2. Kontaktperson\nKontaktperson vedrørende ansøgningen er miljøkonsulent Ditte Hvid, Miljøråd Nord ApS, "
     "tlf. 25 71 04 38.", "Ditte Hvid"),
    ("Contact person: our general manager, Ms. Julia Kowalczyk, julia@restaurantkanalen.dk, mobile +45 29 47 13 60.",
     "Julia Kowalczyk"),
    ("Contact person: Ida Holm, tlf. 22 33 44 55", "Ida Holm"),
])
def test_a_sentence_or_a_role_before_the_contacts_name_is_no_part_of_it(text, name):
    assert values([("body", text)])["contact_name"] == name


def test_a_contact_field_naming_a_company_stays_a_company():
    """ "Kontakt: Café Hansen ApS" is no sentence about a person: the company, as before."""
    found = values([("body", "Kontakt: Café Hansen ApS\nTelefon: 22 33 44 55")])
    assert found.get("contact_name") != "Café Hansen ApS" and found["company_name"] == "Café Hansen ApS"


# ---------------------------------------------------------------- litres and guests

def test_waste_in_litres_a_week_is_no_tank_and_seats_are_no_guests():
    text = ("Restauranten har ca. 40 siddepladser og forventer følgende affald pr. uge:\n- madaffald: ca. 300 liter\n"
            "- pap: 2 rullecontainere á 660 liter\n\nAffald: madaffald ca. 250 l/uge. A tapas café (around 25 seats).")
    found = values([("body", text)])
    assert "litres" not in found and "guests" not in found


def test_a_tank_beside_waste_words_keeps_its_litres_and_a_party_its_guests():
    text = ("Vi sløjfer olietanken på 2.500 liter, og affaldet køres bort. Til indvielsen kommer ca. 60 gæster.")
    found = values([("body", text)])
    assert (found["litres"], found["guests"]) == (2500, 60)


# ---------------------------------------------------------------- periods and form labels

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Vi forventer at starte nedrivningen 1. marts 2027 og være færdige 16. april 2027.", date(2027, 3, 1),
     date(2027, 4, 16)),
    ("The pop-up is on Thursday 20 and Friday 21 May 2027, 07:00-19:00 both days.", date(2027, 5, 20),
     date(2027, 5, 21)),
])
def test_a_start_and_finish_in_running_text_and_two_days_with_their_weekdays(text, start, end):
    assert find_period(text, REF) == Period(start, end)


def test_a_start_verb_without_its_object_next_to_the_date_is_no_cue():
    """ "starte" far from the date ("vi vil starte, når vi har svar ... 1. marts") bounds nothing."""
    assert find_period("Vi vil gerne starte hurtigt. Brevet er skrevet 1. marts 2027.", REF).start is None


def test_a_property_address_is_the_owners_in_a_form_without_another_and_completion_ends_the_period():
    fields = {"Building owner (applicant)": "Østerbro Autoservice ApS", "Address of property": "Ragnhildgade 8, "
              "2100 København Ø", "Start of demolition": "15 February 2027", "Expected completion": "12 March 2027"}
    found = {k: f.value for k, f in extract_details([], fields, reference=REF).items()}
    assert (found["address"], found["postcode"], found["period_to"]) == ("Ragnhildgade 8", "2100", "2027-03-12")
    assert "activity_location" not in found


def test_a_property_address_beside_the_business_address_is_the_site():
    fields = {"Company": "Nedbrydning Øst ApS", "Address": "Strandvejen 5, 2100 København Ø",
              "Address of property": "Ragnhildgade 8, 2100 København Ø"}
    found = {k: f.value for k, f in extract_details([], fields, reference=REF).items()}
    assert (found["address"], found["activity_location"]) == ("Strandvejen 5", "Ragnhildgade 8, 2100 København Ø")


# ---------------------------------------------------------------- the contact: a signer's role, an owner's name

def test_a_role_line_under_a_signed_name_is_no_label_of_the_line_below():
    text = ("Contact in Denmark is me, mobile 52 71 90 33.\n\nThank you and best regards\nTomasz Nowak\n"
            "Site manager / kierownik budowy\nNOWAK-BUD")
    assert values([("body", text)])["contact_name"] == "Tomasz Nowak"


def test_a_site_manager_label_line_in_a_form_still_gives_the_contact():
    text = "Ansøgning om stillads\n\nSite manager\nLars Kjeldsen\nTelefon\n22 33 44 55"
    assert values([("body", text)])["contact_name"] == "Lars Kjeldsen"


def test_a_first_name_signed_is_completed_by_the_owner_the_business_is_named_after():
    text = ("Vi vil skifte skiltet.\n\nBlomsterhuset Amager v/ Birgitte Dam\nAmagerbrogade 212\n2300 København S\n"
            "CVR 76587701\n\nVenlig hilsen\nBirgitte")
    found = values([("body", text)])
    assert (found["company_name"], found["contact_name"]) == ("Blomsterhuset Amager v/ Birgitte Dam", "Birgitte Dam")


def test_a_first_name_that_is_not_the_owners_stays_as_signed():
    text = "Vi vil skifte skiltet.\n\nBlomsterhuset Amager v/ Birgitte Dam\nCVR 76587701\n\nVenlig hilsen\nSanne"
    assert values([("body", text)])["contact_name"] == "Sanne"


def test_the_contact_person_named_with_the_owners_role_in_an_agents_letter():
    cover = "Vedhæftet ansøgning for vores kunde.\n\nVenlig hilsen\nMikkel Føns\nFøns Reklame & Skilte"
    letter = ("Kunde: Optik Vesterbro ApS, CVR 92337324\n\nKontaktperson i sagen er indehaver af butikken, Rikke "
              "Nørgaard, rikke@optikvesterbro.dk, tlf. 26 90 31 14. Tekniske spørgsmål kan rettes til Mikkel Føns "
              "på 32 21 09 55.")
    found = values([("body", cover), ("skilt.docx", letter)])
    assert (found["contact_name"], found["phone"]) == ("Rikke Nørgaard", "26903114")


def test_a_company_named_mobility_is_no_phone_label():
    """ "Volta Mobility GmbH" above its address: "Mobility" is no "mobil" label ("110, 10119" no phone)."""
    text = "Our client:\nVolta Mobility GmbH\nTorstraße 110, 10119 Berlin, Germany\n\nMobil\n28 40 71 93"
    assert values([("body", text)])["phone"] == "28407193"


# ---------------------------------------------------------------- the site beside the client's address

def test_the_site_in_a_contractors_letter_for_a_client_and_the_subjects_short_street_word():
    subject = "Nedrivning af værkstedsbygning, Gl. Køge Landevej 55"
    body = ("Jensen Nedbrydning A/S søger hermed på vegne af bygherre om nedrivningstilladelse til den gamle "
            "værkstedsbygning på Gammel Køge Landevej 55, 2500 Valby.\n\nBygherre:\nEjendomsselskabet Toftegård ApS\n"
            "CVR 71037614\nVesterbrogade 95, 3.\n1620 København V\n\nMed venlig hilsen\n\nHenrik Jensen\n"
            "Jensen Nedbrydning A/S\nMobil 29 63 08 71")
    found = values([("subject", subject), ("body", body)])
    assert (found["company_name"], found["address"], found["activity_location"].removesuffix(", 2500 Valby")) == (
        "Ejendomsselskabet Toftegård ApS", "Vesterbrogade 95, 3.", "Gammel Køge Landevej 55")


def test_the_agents_letterhead_address_displaced_by_the_client_is_no_site():
    found = values([("ansoegning.pdf", ARCHITECT_LETTER)])
    assert "activity_location" not in found


@pytest.mark.parametrize(("site", "address", "same"), [
    ("Gl. Køge Landevej 55", "Gammel Køge Landevej 55", True),
    ("Sct. Hans Torv 3", "Sankt Hans Torv 3, 2200 København N", True),
    ("Gl. Køge Landevej 57", "Gammel Køge Landevej 55", False),
    ("Gl. Strand 48", "Gammel Køge Landevej 55", False),
])
def test_a_street_word_written_short_is_the_same_house(site, address, same):
    assert same_place(site, address) is same


def test_a_stretch_of_house_numbers_with_an_en_dash_and_a_total_expected_in_a_form():
    text = ("Location: Strandboulevarden 96–110, 2100 København Ø, western pavement\n"
            "Forventet antal: ca. 4.000 (3.000 løbere og ca. 1.000 tilskuere)")
    found = values([("ansoegning.pdf", text)])
    assert (found["activity_location"], found["guests"]) == ("Strandboulevarden 96–110, 2100 København Ø", 4000)


def test_an_en_dash_with_spaces_before_the_postcode_is_no_stretch():
    assert find_addresses("Vi bor på Nørrebrogade 10 – 2200 København N")["address"] == "Nørrebrogade 10"


def test_the_email_under_the_contact_person_wins_over_the_letterheads():
    text = ("KRANVERLEIH HANSEN GmbH\nIndustriestraße 22 · 24941 Flensburg · Germany\nTel. +49 461 507 300 · "
            "dispo@kran-hansen.de\n\nApplication for road space\n\nContact person:\nMr. Klaus Petersen, project "
            "manager\nMobile +49 171 442 1987\nk.petersen@kran-hansen.de\n\nYours faithfully\nKlaus Petersen")
    found = values([("antrag.pdf", text)])
    assert (found["contact_name"], found["contact_email"]) == ("Klaus Petersen", "k.petersen@kran-hansen.de")


def test_an_email_in_another_paragraph_than_the_contact_is_not_theirs():
    text = ("Kontaktperson: Ida Holm\nTelefon: 22 33 44 55\n\nFakturaer sendes til bogholderi@firma.dk\n\n"
            "Mvh\nIda Holm\nida@firma.dk")
    assert values([("body", text)])["contact_email"] == "ida@firma.dk"


def test_an_invoice_address_under_the_contact_is_not_theirs():
    text = ("Contact on site: Niall Boyd, mobile 71 44 02 36\nInvoices to accounts@boyd.dk\n\nCheers,\nNiall Boyd")
    found = extract_details([("body", text)], sender="niall@boyd.dk", sender_name="Niall Boyd")
    assert found["contact_email"].value == "niall@boyd.dk"


# ---------------------------------------------------------------- the letterhead's company over its contractor

def test_a_letter_under_a_companys_letterhead_naming_its_contractor_is_the_letterhead_companys():
    text = ("FiberLink Nordic A/S\nLautrupsgade 7, 2100 København Ø\nCVR 29014795\n\nTo: City of Copenhagen\n\n"
            "APPLICATION FOR EXCAVATION PERMIT\n\nLocation: Strandboulevarden 96, 2100 København Ø\n"
            "Contractor: Kabel & Graveservice ApS, CVR 13246823\n\nContact person:\nSean O'Brien, Project Manager")
    found = values([("ansoegning.pdf", text)])
    assert (found["company_name"], found["cvr"]) == ("FiberLink Nordic A/S", "29014795")


def test_a_contractor_field_in_a_form_without_a_letterhead_is_the_applicant():
    text = ("Ansøgning om gravetilladelse\n\nBygherre: Københavns Ejendomme\nEntreprenør: Nordvej Anlæg A/S\n"
            "CVR: 40524436\nKontaktperson: Troels Winther")
    assert values([("body", text)])["company_name"] == "Nordvej Anlæg A/S"


def test_a_lease_offered_to_the_client_is_its_premises_over_the_accountants_letterhead():
    text = ("REVISORHUSET VALBY\nStatsautoriseret revisionsvirksomhed · Toftegårds Allé 5, 2500 Valby\n\n"
            "Vores klient er ved at stifte Surdejsbageriet Valby ApS og har fået tilbudt et lejemål på Valby Langgade "
            "120, st., 2500 Valby.\n\nMed venlig hilsen\n\nLouise Kragh")
    found = find_addresses(text)
    assert (found.get("address"), found.get("activity_location")) == ("Valby Langgade 120, st.", None)


@pytest.mark.parametrize(("text", "site"), [
    ("I am the owner of Osteria Romano ApS, restaurant in Vesterbro on Værnedamsvej 7. We like to have outside "
     "serving on the sidewalk.", None),
    ("Vi vil holde loppemarked på Israels Plads. Vores adresse er Nørrebrogade 5, 2200 København N.", "Israels Plads"),
])
def test_a_part_of_town_just_before_the_business_address_is_no_site(text, site):
    assert find_addresses(text).get("activity_location") == site


@pytest.mark.parametrize(("text", "address"), [
    ("Ejer af ejendommen: By & Havn\n2. Kontaktperson\nDitte Hvid", None),
    ("Vi bor på Nørrebrogade\n12, 2200 København N", "Nørrebrogade 12"),
    ("Vi bor på Nørrebrogade\n12. Der er plads foran.", "Nørrebrogade 12"),
])
def test_a_numbered_heading_on_the_line_after_a_street_word_is_no_house_number(text, address):
    assert find_addresses(text).get("address") == address


def test_a_writer_who_asks_to_be_answered_is_the_contact_over_a_director_in_the_attachment():
    body = ("Undertegnede repræsenterer Mezze Copenhagen ApS.\n\nAlle henvendelser i sagen bedes rettet til "
            "undertegnede.\n\nMed venlig hilsen\n\nKaren Bisgaard\nAdvokat\nTlf. 33 93 12 40")
    pdf = "MEZZE COPENHAGEN ApS\n\nSelskab: Mezze Copenhagen ApS\nCVR-nr.: 81723958\nDirektør: Yusuf Demir"
    assert values([("body", body), ("projekt.pdf", pdf)])["contact_name"] == "Karen Bisgaard"


def test_questions_to_me_after_an_owner_named_for_access_keep_the_writer():
    text = ("Ejeren Brian Mølgaard kan kontaktes på 23 45 67 81 hvis I skal have adgang til ejendommen, men alle "
            "spørgsmål om selve sagen bedes rettet til mig.\n\nMvh\n\nJens Thorsen\nThorsen VVS & Blik")
    assert values([("body", text)])["contact_name"] == "Jens Thorsen"


def test_a_colleague_named_to_contact_without_words_of_answering_the_writer_stays_the_contact():
    text = ("Kontakt venligst min kollega Sanne Riis på 26 70 11 93, hvis der er spørgsmål.\n\n"
            "Med venlig hilsen\nTobias Kring")
    assert values([("body", text)])["contact_name"] == "Sanne Riis"
