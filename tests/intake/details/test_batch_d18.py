"""Details in the voices of development batch d18: an e-mail address with its "@" spelled "(at)", a company named in
running text (after the kind of business in its definite form, in quotes, with "&" and digits), and the person to
contact named by the one who signs (a colleague made responsible, a contact on site, a nickname in the signature)."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 22)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- an address with "(at)" for "@"

def test_an_address_spelled_with_at_in_brackets_is_the_contact_email():
    text = ("Hej\n\nVi vil gerne have et skilt over butikken på Jagtvej 12, 2200 København N.\n\n"
            "Svar gerne til mette(at)blomsterhjoernet.dk, den adresse jeg skriver fra læser jeg sjældent.\n\n"
            "Mvh\nMette Holm\ntlf. 22 41 70 13")
    found = values([("body", text)], sender="mette.holm77@gmail.com")
    assert found["contact_email"] == "mette@blomsterhjoernet.dk"


def test_an_address_spelled_with_spaces_around_at_is_the_contact_email():
    text = ("Hi,\n\nWe would like a stall on Gammeltorv in May.\n\nYou can reach me at ole (at) kaffecyklen.dk "
            "or [at] the phone, 30 12 44 51.\n\nBest\nOle Dam")
    found = values([("body", text)], sender="kaffecyklen@gmail.com")
    assert found["contact_email"] == "ole@kaffecyklen.dk"


def test_a_form_field_with_the_at_spelled_out_gives_the_contact_email():
    found = values([("body", "Ansøgningen er vedhæftet.")], {"Kontaktperson": "Lise Berg",
                                                             "E-mail": "lise[at]bergbyg.dk"})
    assert found["contact_email"] == "lise@bergbyg.dk"


def test_at_in_brackets_without_a_domain_after_it_is_no_address():
    text = "Hej\n\nVi mødes (at) Nørrebrogade og skriver til info@gadefest.dk.\n\nMvh\nKaren Lund"
    assert values([("body", text)])["contact_email"] == "info@gadefest.dk"


# ---------------------------------------------------------------- a company named in running text

def test_a_business_introduced_by_its_kind_in_the_definite_form_is_the_company():
    text = ("Hej\n\nVi driver blomsterbutikken Rose & Ranke her på Istedgade 30, 1650 København V, og vil gerne "
            "stille spande med blomster ud på fortovet.\n\nCVR 29765413\n\nHilsen\nBirthe")
    assert values([("body", text)])["company_name"] == "Rose & Ranke"


def test_a_business_being_opened_by_its_kind_is_the_company():
    text = ("Hej\n\nJeg er ved at åbne neglesalonen Glimmer Negle i en tom butik på Amagerbrogade 80, 2300 København "
            "S. Hvad skal jeg søge om?\n\nVenlig hilsen\nSara Ali")
    assert values([("body", text)])["company_name"] == "Glimmer Negle"


def test_a_name_in_quotes_with_its_legal_form_after_the_kind_of_business_is_the_company():
    text = ('Hej\n\nVi har bageriet "Brød & Co" ApS på Nørrebrogade 120, 2200 København N og vil gerne have to '
            'bænke ud foran.\n\nCVR 34182701\n\nMvh\nJonas Friis')
    assert values([("body", text)])["company_name"] == "Brød & Co ApS"


def test_a_name_in_quotes_with_digits_and_a_slash_is_the_company():
    text = ('Hej\n\nJeg vil åbne en kiosk som skal hedde "Nat & Dag 24/7" på Frederikssundsvej 20, 2400 København '
            'NV. Skal jeg have en tilladelse til et skilt?\n\nmvh Omar\n52 64 19 08')
    assert values([("body", text)])["company_name"] == "Nat & Dag 24/7"


def test_a_restaurant_named_in_quotes_is_the_company_not_an_event_in_quotes():
    text = ('Hej\n\nVi har overtaget restauranten "Kroen 1901" på Valby Langgade 10, 2500 Valby, og vil holde '
            '"Sommerfest i gården" den 3. juli.\n\nCVR-nr.: 39 20 14 53\n\nVenlig hilsen\nPer Kro')
    assert values([("body", text)])["company_name"] == "Kroen 1901"


def test_an_event_called_by_a_name_in_quotes_is_no_company():
    text = ('Hej\n\nVi vil holde et loppemarked der hedder "Fynd & Fund" på Enghave Plads den 2. oktober.\n\n'
            'Hilsen\nMads Kjær')
    assert "company_name" not in values([("body", text)])


def test_a_labelled_company_in_quotes_after_the_kind_of_business_is_the_name_in_quotes():
    text = ('Hej\n\nVi skal bruge en container foran Rømersgade 12.\n\nFirma: Tømrerfirmaet "Lige & Skarp" ApS\n'
            'CVR: 24 05 57 79\n\nMvh Kim')
    assert values([("body", text)])["company_name"] == "Lige & Skarp ApS"


def test_a_trade_before_a_sole_traders_business_and_owner_is_no_part_of_the_name():
    text = ("Hej\n\nEL-firmaet Strøm & Lys v/ Jens Krag skal grave et kabel ned i fortovet ved Tomsgårdsvej 12 "
            "fra 14. til 17. september.\n\ncvr 25903315\n\nJens")
    assert values([("body", text)])["company_name"] == "Strøm & Lys v/ Jens Krag"


# ---------------------------------------------------------------- the person to contact, named by the signer

def test_the_one_responsible_for_the_event_named_by_the_signer_is_the_contact():
    text = ("Hej\n\nVi vil holde en koncert på Enghave Plads den 4. september.\n\nDen ansvarlige for koncerten er "
            "vores produktionsleder Ida Lund, ida@lydlab.dk, 42 90 16 33.\n\nHilsen\nJonas Winther\nLydlab ApS")
    found = values([("body", text)])
    assert (found["contact_name"], found["contact_email"]) == ("Ida Lund", "ida@lydlab.dk")


def test_a_contact_on_site_named_in_english_is_the_contact():
    text = ("Dear Sir/Madam,\n\nWe apply for a crane on the pavement at Vesterbrogade 20 on 6 May.\n\n"
            "Our on-site contact is foreman Ole Friis, ole.friis@kranco.dk, mobile 29 64 03 57.\n\n"
            "Best regards\nPeter Lind\nSales Manager\nKranCo ApS")
    found = values([("body", text)])
    assert (found["contact_name"], found["contact_email"]) == ("Ole Friis", "ole.friis@kranco.dk")


def test_the_contact_towards_the_municipality_named_by_the_signer_is_the_contact():
    text = ("Hej\n\nVi søger om et motionsløb i Valbyparken den 5. september.\n\nKontaktperson i forhold til jer er "
            "vores koordinator Rasmus Lind (rl@loebefest.dk, 24 51 60 88).\n\nMange hilsner\nCamilla Bech\ndirektør")
    assert values([("body", text)])["contact_name"] == "Rasmus Lind"


def test_write_or_call_him_names_the_contact():
    text = ("Hej\n\nVi har åbnet Pho Nord I/S på Falkoner Allé 40, 2000 Frederiksberg og skal have erhvervsaffald.\n\n"
            "Bo står for det praktiske, så skriv eller ring til ham: Bo Kragh, 22 33 44 55, bo@phonord.dk\n\n"
            "Mvh\nAnh Tran")
    found = values([("body", text)])
    assert (found["contact_name"], found["contact_email"]) == ("Bo Kragh", "bo@phonord.dk")


def test_a_nickname_in_quotes_in_the_signature_is_no_part_of_the_name():
    text = ("Hej\n\nVi skal have en ny olietank på værkstedet på Holmbladsgade 70, 2300 København S.\n\n"
            'Mvh\nThomas "Tommy" Friis\nFriis Autoservice\ncvr: 30155742')
    found = values([("body", text)], sender="friisauto@outlook.dk", sender_name="Friis Autoservice")
    assert found["contact_name"] == "Thomas Friis"


# ---------------------------------------------------------------- a phone broken by a line wrap, a studio's staff

def test_an_international_phone_broken_over_two_lines_is_the_phone():
    text = ("Applicant: Hop & Malt ApS\nContact person: Ellie Ward, Head Brewer – ellie@hopmalt.dk – +45 71 99\n"
            "02 35\nDescription: a small brewery.")
    assert values([("application.pdf", text)])["phone"] == "71990235"


def test_the_people_of_a_studio_are_no_guests():
    text = ("Hi,\n\nLinse & Lys ApS is a photo studio with 14 people at Ny Carlsberg Vej 68, 1760 København V. "
            "We need commercial waste collection.\n\nCVR 42901830\n\nKind regards,\nAnne Holm")
    assert "guests" not in values([("body", text)])


# ---------------------------------------------------------------- weeks on working days

def test_weeks_with_their_working_days_written_after_them_end_on_friday():
    text = ("Til Miljø\n\nVi skal skære beton om natten i uge 27, mandag til fredag, kl. 22-06.\n\n"
            "Mvh\nBo Lund\nBetonskæring ApS\nCVR 18675048")
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-07-05", "2027-07-09")


def test_two_weeks_on_weekdays_end_on_the_second_friday():
    text = "Hej\n\nVi graver i fortovet i uge 35 og 36 på hverdage.\n\nMvh\nSif Holm"
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-08-30", "2027-09-10")


# ---------------------------------------------------------------- a form's placement on the business's own house

def test_a_placement_on_the_facade_is_no_site_of_its_own():
    found = values([("body", "Ansøgningen er vedhæftet.")],
                   {"Firma": "Urmager Holm ApS", "Adresse": "Østerbrogade 60, 2100 København Ø",
                    "Placering": "Facade over butiksvindue, stueetage"})
    assert "activity_location" not in found


def test_a_buried_tank_in_the_yard_is_no_site_of_its_own():
    found = values([("body", "Se skemaet.")],
                   {"Virksomhed": "Bageriet Krumme ApS", "Adresse": "Tagensvej 50, 2200 København N",
                    "Tankens placering": "Nedgravet i gården bag bageriet"})
    assert "activity_location" not in found


def test_a_spot_written_before_the_named_place_it_is_in_gives_the_place():
    text = ("Dear City Life,\n\nWe apply for a small open-air reading on 5 June 2027.\n\n"
            "- Where: the lawn by the duck pond in Valbyparken\n- Audience: up to 80 guests\n\n"
            "Our office is at Halmtorvet 9, 1700 København V.\n\nBest,\nIda Lund\nLæseklubben Ord")
    assert values([("body", text)])["activity_location"] == "Valbyparken"


def test_a_place_in_the_attachment_whose_name_goes_on_from_the_subjects_is_the_site():
    found = extract_details([("subject", "Application – Summer Jazz at Islands Brygge"),
                             ("body", "Attached is our application."),
                             ("application.pdf", "Organiser: Jazz Live ApS, Halmtorvet 9, 1700 København V.\n"
                                                 "Venue: Islands Brygge Havnepark, the lawn by the bath.\n")],
                            reference=REF, sender="x@example.dk")
    assert found["activity_location"].value == "Islands Brygge Havnepark"
