"""Details in the voices of development batch d32: who writes and who the business is, in running text - a contact
named with a role or a business's possessive before the name, odd signatures (a first name alone, in lower case, on
one line with a role and the company, with a nickname in brackets), an accountant or a property manager writing for a
business, and business names in sentences."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at, values_at

REF = date(2027, 1, 15)
values = values_at(REF)
body = body_at(REF)


# ---------------------------------------------------------------- the one to contact, named in a sentence

def test_contact_person_with_a_role_in_lower_case_before_the_name():
    found = body("Hej\n\nVi skal bruge en lift på fortovet ud for Strandboulevarden 88, 2100 København Ø.\n\n"
                 "Firma: Jensen VVS & Blik ApS, CVR 30897587.\n\nKontaktperson er montør Kim Jensen, 41 27 50 93 – "
                 "det er ham, der står med opgaven.\n\nMvh. Dorthe (kontoret)\n")
    assert found["contact_name"] == "Kim Jensen"


def test_contact_person_of_the_case_and_the_day_with_a_business_possessive_and_a_hyphenated_title():
    found = body("Hej\n\nVi søger om et firmaløb i Fælledparken.\n\nKontaktperson i sagen og på dagen er Nordlys' "
                 "HR-chef Peter Abildgaard-Nissen, pan@nordlys.dk, 33 97 12 40.\n\nVenlig hilsen\nSine Bach\n"
                 "Projektleder, Byfest Events\n")
    assert found["contact_name"] == "Peter Abildgaard-Nissen"


def test_the_one_to_contact_named_by_his_first_name_is_completed():
    found = body("Hello,\n\nThis is Sarah from the front desk, writing on behalf of our owner Jens Thorup. We need "
                 "waste collection.\n\nJens is the one to contact about this: jens@yoga.dk, phone 27 40 59 13.\n\n"
                 "Thanks,\nSarah\n")
    assert found["contact_name"] == "Jens Thorup"


# ---------------------------------------------------------------- signatures

def test_signature_line_with_a_role_and_the_company_after_dashes():
    found = body("Hi there,\n\nWe would like a permit to sell coffee from our cargo bike on Kongens Nytorv.\n\n"
                 "Thanks a lot!\n\nAhmed bin Salim - Founder - Pedal Brew ApS\n+45 42 71 30 96\n")
    assert found["contact_name"] == "Ahmed bin Salim"


def test_the_business_line_with_dashes_under_the_signature_separator_is_no_name():
    # near miss of the rule above (found merging d32 with d34): under "--", a business's line of dashes with its
    # address is its footer, and the name above the "--" signs the mail
    found = body("Hej\n\nVi vil gerne hænge et nyt facadeskilt op.\n\nMvh Camilla Winther\n--\n"
                 "Blomsterbutikken Valmue - Frederikssundsvej 56 - 2400 København NV - tlf 38 10 42 77 - "
                 "CVR 42150886\n")
    assert found["contact_name"] == "Camilla Winther"


def test_vietnamese_name_signed_with_its_short_form_in_brackets():
    found = body("Hej\n\nVi åbner en restaurant på Griffenfeldsgade 28, 2200 København N.\n\nMvh\n"
                 "Nguyễn Thị Thảo (Thao)\ntlf. 25 61 08 73\n")
    assert found["contact_name"] == "Nguyễn Thị Thảo"
    # (a role in brackets is no short form of the name: the signature is not read as "K. Wiśniewski")
    found = body("Good morning,\n\nWe need a site hut on the street.\n\nRegards\nK. Wiśniewski (CEO)\n")
    assert found.get("contact_name") is None


def test_first_name_signed_is_completed_by_the_full_name_in_the_text():
    found = body("Hej\n\nEjeren er min far, Hüseyin Yıldız, og det er mig, Deniz Yıldız, der tager mig af det "
                 "praktiske, så ring gerne til mig på 93 40 12 68.\n\nMvh Deniz\n")
    assert found["contact_name"] == "Deniz Yıldız"
    found = body("Hej\n\nJeg har overtaget salonen.\n\nSalon Nadia v/ Nadia El-Khatib\nJagtvej 141, st. th.\n"
                 "2200 Kbh N\nCVR 61425926\n\nMvh Nadia\n")
    assert found["contact_name"] == "Nadia El-Khatib"


def test_first_name_signed_in_lower_case_is_the_owner_named_in_full():
    found = body("Hej\n\nKaffebaren v/ Hanne Vig søger om udeservering foran butikken på Holmbladsgade 49, 2300 "
                 "København S.\n\nCVR 24554279\n\nTlf. 53 66 28 19\n\nhilsen hanne\n")
    assert found["contact_name"] == "Hanne Vig"


# ---------------------------------------------------------------- the business named in a sentence

def test_accountant_for_a_client_whose_cvr_is_in_a_later_sentence():
    found = body("Kære Affald og Genbrug\n\nJeg er revisor for Frisør Saks & Co, som ejes og drives af Layla "
                 "al-Hassan. Salonen ligger på Amagerbrogade 164, 2300 København S, og har CVR-nr. 80653565.\n\n"
                 "Venlig hilsen\nNiels Gram\nRegistreret revisor, Gram Revision\nGodthåbsvej 31, 2000 Frederiksberg\n")
    assert found["company_name"] == "Frisør Saks & Co"
    # without a CVR in the mail, the attached papers name the client in full
    mail = ("Hej\n\nJeg er bogholder for Blomsterhuset Vanløse og sender på vegne af indehaveren, Susanne Frost. "
            "Butikkens oplysninger står i vedhæftede.\n\nMvh\nKarin Lind\nLind Regnskab\n")
    paper = "Tilmelding\n\nVirksomhed: Blomsterhuset Vanløse v/Susanne Frost\nCVR: 24554279\n"
    found = values([("body", mail), ("tilmelding.pdf", paper)])
    assert found["company_name"] == "Blomsterhuset Vanløse v/Susanne Frost"


def test_a_capitalised_noun_after_driver_is_part_of_the_name():
    found = body("Hej\n\nMin mand og jeg driver Bageriet Korn & Kærne på Enghavevej 27, 1674 København V, og vi vil "
                 "gerne bygge en overdækning.\n\nCVR 82911111\n\nMvh\nLone Kornum\n")
    assert found["company_name"] == "Bageriet Korn & Kærne"


def test_the_writers_work_at_a_restaurant_names_it_without_the_square_after_it():
    found = body("Hej\n\nJeg hedder Sofie Lund og er souschef på Restaurant Gyldenlak på Sankt Annæ Plads 8, 1250 "
                 "København K.\n\nCVR 68000831.\n\nVenlig hilsen\nSofie Lund\n")
    assert found["company_name"] == "Restaurant Gyldenlak"


def test_front_desk_at_a_business_names_it():
    found = body("Hello,\n\nThis is Sarah from the front desk at Copenhagen Yoga Loft, writing on behalf of our "
                 "owner. We need waste collection.\n\nOur CVR no. is 51237005.\n\nThanks,\nSarah\n")
    assert found["company_name"] == "Copenhagen Yoga Loft"


def test_sole_proprietorship_of_its_owner_in_brackets_is_no_part_of_the_name():
    paper = ("Application for facade sign\n\nBusiness: Al-Noor Bakery (sole proprietorship of Omar al-Rashid)\n"
             "CVR: 66886212\nShop address: Heimdalsgade 35, 2200 København N\n")
    found = values([("body", "Hello, the application is attached."), ("app.pdf", paper)])
    assert found["company_name"] == "Al-Noor Bakery"


def test_owner_a_property_manager_writes_for_with_its_cvr_is_the_company():
    found = body("Til Center for Miljøbeskyttelse\n\nVi administrerer ejendommen Tagensvej 140, 2200 København N, "
                 "på vegne af ejeren, K/S Tagensvej 140 (CVR 86250292). Den gamle olietank skal fjernes.\n\n"
                 "Med venlig hilsen\nJesper Lind-Hansen\nBoligadministration Nord ApS\n")
    assert found["company_name"] == "K/S Tagensvej 140"


# ---------------------------------------------------------------- numbers and places

def test_total_after_groups_of_guests_in_a_labelled_line():
    paper = "Nordlys Firmaløb\n\nDeltagere: ca. 650 løbere og 150 tilskuere, i alt ca. 800\n"
    assert values([("body", "Se vedhæftede."), ("oplaeg.docx", paper)])["guests"] == 800


def test_total_after_groups_of_guests_in_running_text():
    assert body("Hej\n\nVi venter ca. 650 løbere og 150 tilskuere, i alt ca. 800.\n")["guests"] == 800


def test_spaced_cvr_after_a_bracketed_label_is_no_phone():
    found = body("Hello,\n\nWe are a bakery.\n\nCompany registration number (CVR): 68 61 02 57\n\n"
                 "You can reach me on 52 90 11 48 if anything is unclear.\n\nBest,\nTom\n")
    assert found["phone"] == "52901148"


def test_bare_p_after_the_cvr_labels_the_p_number():
    assert body("Hej\n\nVi søger om udeservering.\n\nCVR 24554279 / P 1017766542\n")["p_number"] == "1017766542"


def test_address_where_the_shop_is_is_the_business_address_not_a_site():
    found = body("Hej\n\nJeg har overtaget en blomsterbutik, Blomsterværkstedet Valby. Skiltet skal sidde på facaden "
                 "på Valby Langgade 57, 2500 Valby, hvor butikken ligger.\n\nCVR: 20489936\n\n/Mette\n")
    assert (found.get("address"), found.get("postcode")) == ("Valby Langgade 57", "2500")
    assert "activity_location" not in found


def test_party_place_after_a_town_in_the_same_sentence():
    found = body("Dear team,\n\nWe would like to organise a King's Day party for the Dutch community in Copenhagen, "
                 "this time at Israels Plads.\n\nKind regards,\nMaarten van der Berg\n")
    assert found["activity_location"] == "Israels Plads"
