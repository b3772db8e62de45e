"""Details in the voices of development batch d26: the business's name and the contact person in running text, as
different people write them. A contact named by a relative ("Kontaktperson er min fætter Emre Demir", "min far,
direktør Karim Aziz"), particles ("Omar bin Rashid", "Jamal al-Sayed"), a courtesy title before the name, a couple
signing, a first name to write to, a co-owner; a business being opened, named in lower case, with a Portuguese
particle, by its trade name and its legal name; and a few numbers and places written the same way."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.identifiers import CVR_LABELLED
from intake.details.names import find_company, find_contact, signature_name
from intake.details.periods import find_period
from intake.details.sites import find_addresses
from intake.details.text import extract_from_text

REF = date(2026, 12, 3)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a contact named by someone else

def test_a_cousin_named_as_the_contact():
    text = ("Hej\n\nMin far har en kebabrestaurant.\n\nKontaktperson er min fætter Emre Demir, som står for den "
            "daglige drift: 50 12 98 44.\n\nHilsen\nElif Yilmaz")
    assert find_contact(text) == "Emre Demir"


def test_a_brother_in_law_named_as_the_contact():
    text = "Hej\n\nKontaktperson er min svoger Ali Hassan, 22 33 44 55.\n\nMvh\nSara Khan"
    assert find_contact(text) == "Ali Hassan"


def test_a_relative_with_a_title_after_the_comma():
    text = "Hej\n\nKontaktperson er min far, direktør Karim Aziz, 26 55 44 33.\n\nMvh\nYusuf Aziz"
    assert find_contact(text) == "Karim Aziz"


def test_a_relative_who_only_helps_is_no_contact():
    # near miss: the relative is named, but not as the one to contact
    text = "Hej\n\nMin fætter Emre Demir har hjulpet med tegningerne.\n\nHilsen\nElif Yilmaz"
    assert find_contact(text) == "Elif Yilmaz"


def test_the_named_contact_person_over_mails_sent_to_the_writer():
    text = ("Hej\n\nKontaktperson er min far, direktør Karim Aziz, 26 55 44 33. Mails må gerne sendes til mig, så "
            "hjælper jeg ham med det skriftlige.\n\nMvh\nYusuf Aziz")
    assert values([("body", text)], sender="yusuf@example.dk", sender_name="Yusuf Aziz")["contact_name"] == "Karim Aziz"


def test_questions_sent_to_the_writer_without_a_contact_person_named():
    # near miss: no contact person named in so many words: the one who asks for the mail is the contact
    text = ("Hej\n\nMin far Karim Aziz ejer butikken. Alle henvendelser bedes sendt til mig.\n\nMvh\nYusuf Aziz")
    assert values([("body", text)])["contact_name"] == "Yusuf Aziz"


def test_a_client_with_a_legal_form_is_no_contact_person():
    text = ("Dear Sir/Madam,\n\nWe manage the property on behalf of the owner, our client Bryggen Ejendomme K/S (CVR "
            "75275609).\n\nI am the property manager and your contact for the case.\n\nBest regards,\nEmma Lindqvist\n"
            "Property Manager")
    assert find_contact(text) == "Emma Lindqvist"


def test_the_owner_named_after_on_behalf_of_is_still_the_contact():
    # near miss: a person, no legal form after the name
    text = "Hej\n\nJeg sender på vegne af indehaveren, Susanne Frost.\n\nMvh\nBo Berg\nbogholder"
    assert find_contact(text) == "Susanne Frost"


# ---------------------------------------------------------------- particles, titles, a couple

def test_a_particle_before_the_surname_bin():
    text = "Best regards\nOmar bin Rashid\nHead of Operations, Havnebryg ApS"
    assert signature_name(text.split("\n")) == "Omar bin Rashid"


def test_an_article_joined_to_the_surname():
    text = ("Hello,\n\nThe race director, Jamal al-Sayed, is the contact person for everything about the event.\n\n"
            "Cheers,\nThe Hygge Run team")
    assert find_contact(text) == "Jamal al-Sayed"


def test_a_lower_case_word_after_a_name_is_no_particle():
    # near miss: "bin" is a particle only before a surname
    assert signature_name("Mvh\nOmar Rashid".split("\n")) == "Omar Rashid"


def test_a_courtesy_title_before_the_name_is_no_part_of_it():
    text = "Hello,\n\nPlease contact our chairman, Mr. Peter de Vries, on 22 33 44 55.\n\nRegards\nAnna"
    assert find_contact(text) == "Peter de Vries"


def test_a_co_owner_named_as_the_contact():
    text = ("Dear Business Service,\n\nThe contact person at the client is co-owner Linh Nguyen, linh@tangtofu.dk.\n\n"
            "Best regards,\nMads Thorup\nThorup Rådgivning")
    assert find_contact(text) == "Linh Nguyen"


def test_the_daily_contact_in_danish():
    text = "Hej\n\nDen daglige kontakt er vores køkkenchef Kenneth Holm.\n\nMvh\nOle Berg"
    assert find_contact(text) == "Kenneth Holm"


def test_ring_til_ham_with_the_name_after_a_comma():
    text = ("Hej\n\nJeg skriver, fordi han står i bageriet, men ring endelig til ham, Pierre Lefèvre, på 50 60 71 82 "
            "om det praktiske.\n\nVenlig hilsen\nMarie Lefèvre")
    assert find_contact(text) == "Pierre Lefèvre"


def test_write_to_a_first_name_completed_from_the_signature():
    text = ("Dear Business Service,\n\nPlease write to Nkechi at nkechi.okafor@gmail.com or call her on 50 44 83 19."
            "\n\nWarm regards,\nNkechi Okafor and Daniel Mensah")
    assert find_contact(text) == "Nkechi Okafor"


def test_write_to_an_office_is_no_person():
    # near miss: a name that is no person's, and no full name for it in the text
    text = "Dear Business Service,\n\nPlease write to Byliv about the permit.\n\nRegards,\nDaniel Mensah"
    assert find_contact(text) == "Daniel Mensah"


def test_a_couple_signing_names_the_first():
    assert signature_name("Mange hilsner\nRikke Holt og Anders Frandsen\nTlf. 26 19 74 38".split("\n")) == "Rikke Holt"


def test_a_couple_signing_with_one_surname():
    assert signature_name("Hilsen\nSara og Mads Holm\n60 70 31 22".split("\n")) == "Sara Holm"


def test_the_sender_among_a_couple_signing_is_the_contact():
    text = "Hej\n\nVi søger om tilladelse.\n\nMvh\nAyla og Kemal Demir\nTlf 61 33 27 90"
    assert values([("body", text)], sender_name="Kemal Demir")["contact_name"] == "Kemal Demir"


def test_a_sender_outside_the_couple_leaves_the_first():
    text = "Hej\n\nVi søger om tilladelse.\n\nMvh\nMette Hansen & Jens Olsen"
    assert values([("body", text)], sender_name="Peter Berg")["contact_name"] == "Mette Hansen"


def test_a_firm_of_two_founders_is_no_couple():
    # near miss: "Holm & Vestergaard Advokatpartnerselskab" is a firm's name
    lines = "Med venlig hilsen\nHolm & Vestergaard Advokatpartnerselskab\nAnne-Marie Vestergaard".split("\n")
    assert signature_name(lines) != "Holm Advokatpartnerselskab"


# ---------------------------------------------------------------- the business's name

def test_a_restaurant_being_opened_named_before_what_it_is():
    text = ("Dear Business Service,\n\nMy partner and I are opening Mama Nkechi's Kitchen, a West African restaurant, "
            "at Halmtorvet 9, 1700 Copenhagen V, on 1 June. The business is registered with CVR 61092080.\n\n"
            "Warm regards,\nNkechi Okafor")
    assert find_company(text, has_cvr=True) == "Mama Nkechi's Kitchen"


def test_opening_a_day_is_no_business():
    # near miss: no kind of business after the comma
    text = "Hi,\n\nWe are opening Saturday, a day earlier than planned.\n\nRegards,\nNkechi Okafor"
    assert find_company(text, has_cvr=False) is None


def test_a_portuguese_particle_in_a_sole_traders_name():
    text = ("Hi!\n\nThe business is a sole proprietorship registered as Pão na Chapa v/ Luana Ferreira, CVR 97995036."
            "\n\nObrigada,\nLuana Ferreira")
    assert find_company(text, has_cvr=True) == "Pão na Chapa v/ Luana Ferreira"


def test_the_pronoun_after_an_association_is_no_part_of_its_name():
    text = ("Hi,\n\nOn behalf of Amager Strand Beach Volley Club I'm attaching our application. We are a voluntary "
            "association with CVR 33381328.\n\nBest wishes,\nIngrid Solberg-Nielsen")
    assert find_company(text, has_cvr=True) == "Amager Strand Beach Volley Club"


def test_a_sole_traders_name_in_lower_case():
    text = ("Hej\n\nJeg har en lille enkeltmandsvirksomhed, der hedder søde sager by sanne, hvor jeg laver brændte "
            "mandler.\n\nCVR-nummeret er 96396163.\n\nVenlig hilsen\nSanne Bro")
    assert find_company(text, has_cvr=True) == "søde sager by sanne"


def test_an_association_named_after_a_comma():
    text = "Hej\n\nVi er en forening, der hedder Grønne Hjerter, og vil gerne holde loppemarked.\n\nMvh\nPia Holm"
    assert find_company(text, has_cvr=False) == "Grønne Hjerter"


def test_a_salon_in_lower_case_with_its_cvr():
    text = "Hej\n\nJeg driver frisørsalonen hår & co, CVR 12345678, og vil gerne søge om et skilt.\n\nMvh\nLise Holm"
    assert find_company(text, has_cvr=True) == "hår & co"


def test_a_word_after_the_salon_is_no_name():
    # near miss: "vi driver caféen sammen" names no business
    text = "Hej\n\nVi driver caféen sammen, CVR 12345678.\n\nMvh\nLise Holm"
    assert find_company(text, has_cvr=True) is None


def test_a_company_in_lower_case_with_its_legal_form_and_cvr():
    text = ("Hej\n\nArbejdet udføres af os selv, nordvest kloak & anlæg aps, CVR 28206682, Hermodsgade 28, 2200 "
            "København N.\n\nMvh\nCamilla Rask")
    assert find_company(text, has_cvr=True) == "nordvest kloak & anlæg aps"


def test_lower_case_words_before_aps_without_a_cvr_are_no_name():
    # near miss: no CVR after it
    text = "Hej\n\nVi har talt med, hvad det koster for en aps, og vender tilbage.\n\nMvh\nCamilla Rask"
    assert find_company(text, has_cvr=False) is None


def test_a_name_after_hedder_keeps_its_first_word():
    text = "Hej\n\nSelskabet hedder Hos Lis ApS, men gæsterne kender os som noget andet.\n\nMvh\nLisbeth Bagger"
    assert find_company(text, has_cvr=False) == "Hos Lis ApS"


def test_a_lead_word_without_a_naming_verb_is_dropped():
    # near miss: "Hos X ApS har vi ..." without "hedder" before it
    text = "Hej\n\nHos Jensen Byg ApS har vi brug for en container.\n\nMvh\nOle Jensen"
    assert find_company(text, has_cvr=False) == "Jensen Byg ApS"


def test_the_legal_name_in_the_mail_over_the_trade_name_in_the_form():
    body = ("Hej Byliv\n\nVedhæftet er vores skema. Selskabet hedder Hos Lis ApS, men gæsterne kender os som "
            "Smørrebrødskælderen Hos Lis.\n\nVenlig hilsen\nLisbeth Bagger")
    found = values([("body", body)], {"Virksomhedens navn": "Smørrebrødskælderen Hos Lis", "CVR-nr.": "66234681"})
    assert found["company_name"] == "Hos Lis ApS"


def test_another_company_in_the_mail_leaves_the_forms_name():
    # near miss: the mail's company does not end the form's name
    body = "Hej\n\nVores revisor er Tal & Tak ApS.\n\nVenlig hilsen\nLisbeth Bagger"
    found = values([("body", body)], {"Virksomhedens navn": "Smørrebrødskælderen Hos Lis", "CVR-nr.": "66234681"})
    assert found["company_name"] == "Smørrebrødskælderen Hos Lis"


# ---------------------------------------------------------------- numbers, days and places

def test_a_company_number_with_cvr_in_brackets():
    m = CVR_LABELLED.search("Our company number (CVR) is 63223352, and our Danish office is at ...")
    assert m is not None and m.group("v") == "63223352"


def test_a_company_number_in_brackets_of_another_kind_is_no_cvr():
    # near miss: "(EORI)" is no CVR
    assert CVR_LABELLED.search("Our company number (EORI) is 63223352") is None


def test_metres_by_metres_written_in_full():
    found = extract_from_text("The area would be about 5 metres by 0.8 metres along the shop front.", REF)
    assert found["area_m2"] == 4


def test_metres_by_the_door_is_no_area():
    # near miss: "by" without a second number
    assert "area_m2" not in extract_from_text("The table is 5 metres by the door.", REF)


def test_a_start_written_with_what_starts_and_an_end_over_a_month_of_the_story():
    text = ("According to the analyses taken in February the soil is lightly contaminated. We expect to start "
            "removing soil on 5 April 2027 and to be finished by 23 April 2027.")
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 4, 5), date(2027, 4, 23))


def test_a_month_applied_for_stays_without_two_cued_days():
    # near miss: a month with no start and end days written
    period = find_period("Vi søger om udeservering i hele juli 2027.", REF)
    assert (period.start, period.end) == (date(2027, 7, 1), date(2027, 7, 31))


def test_the_day_a_business_opens_far_into_the_sentence_is_no_period():
    text = ("Hej\n\nVi åbner vores lille vinbar og restaurant på Fælledvej 19, 2200 København N, den 1. marts, og vi "
            "skal have styr på affaldet.\n\nMvh\nRikke Holt")
    period = find_period(text, REF)
    assert (period.start, period.end) == (None, None)


def test_a_street_party_on_a_day_is_still_a_period():
    # near miss: the event is held that day
    period = find_period("Hej\n\nVi holder gadefest lørdag den 21. august 2027 fra kl. 12.", REF)
    assert period.start == date(2027, 8, 21)


def test_a_square_the_event_asks_to_use():
    text = "Hej\n\nVi søger hermed om tilladelse til at bruge Enghave Plads lørdag den 21. august 2027 fra kl. 12."
    assert find_addresses(text).get("activity_location") == "Enghave Plads"


def test_a_construction_pit_at_an_address_is_the_site():
    text = ("Good afternoon,\n\nBaltic Piling Solutions UAB will install sheet piles for a construction pit at "
            "Sundkrogsgade 20 in Nordhavn.\n\nBest regards,\nRūta Petrauskienė")
    found = find_addresses(text)
    assert found.get("activity_location", "").startswith("Sundkrogsgade 20")
    assert "address" not in found


def test_the_developer_named_in_the_field_is_the_applicant():
    text = ("Projektbeskrivelse – tagboliger, Kastelsvej 18\n\nBygherre: Kastelsvej Ejendomme ApS, CVR 36695579, "
            "Kastelsvej 18, 2100 København Ø.\n\nProjektet omfatter to nye lejligheder i tagetagen.")
    found = extract_from_text(text, REF)
    assert (found.get("address"), found.get("postcode")) == ("Kastelsvej 18", "2100")
    assert "activity_location" not in found


def test_a_developer_who_is_not_the_applicant_is_the_site():
    # near miss: a contractor's papers name the developer and its building: the site
    text = ("Hej\n\nBygherre: Andelsboligforeningen Birkebo, Birkedommervej 31, 2400 København NV\n\nVi søger om "
            "gravetilladelse.\n\nMvh\nKloak & Rør ApS\nIslevdalvej 142, 2610 Rødovre\nCVR 12345678")
    found = extract_from_text(text, REF)
    assert found.get("activity_location", "").startswith("Birkedommervej 31")
