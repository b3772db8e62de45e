"""Details in the voices of development batch d23: the business's own address told apart from the activity's site in
running text. A business that moves its premises ("fra X til Y"), a home address with the post asked sent to the
premises, the business's own office on a named place, a sign on the street of the business's own address, a lone
postcode written after a stretch of a street (the site's, not the business's)."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 1)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a business that moves

def test_a_business_moving_its_premises_has_the_new_address_and_no_site():
    text = ("Hej\n\nVi flytter vores frisørsalon fra Amagerbrogade 58 til Østerbrogade 122, 1. tv (2100 Kbh Ø) til "
            "efteråret og skal have styr på erhvervsaffaldet på den nye adresse.\n\nMvh\nJeanette Poulsen\n"
            "Salon Poulsen ApS, CVR 83713496")
    found = values([("body", text)])
    assert found["address"] == "Østerbrogade 122, 1. tv"
    assert "activity_location" not in found


def test_an_office_moving_in_english_has_the_new_address():
    text = ("Hi,\n\nWe're moving our office from Nørre Voldgade 19, 3rd floor, to a former workshop at Refshalevej "
            "163A, 1432 København K, and would like to build a mezzanine.\n\nCheers,\nHannah Brooks")
    found = values([("body", text)])
    assert found["address"] == "Refshalevej 163A"
    assert found["postcode"] == "1432"
    assert "activity_location" not in found


def test_soil_moved_from_a_site_is_no_move_of_the_business():
    # near miss: "flytte jord fra X" moves soil, not the business's premises: X is the site
    text = ("Hej\n\nVi skal flytte jord fra Tingvej 15, 2300 København S til Prøvestenen.\n\nMvh\nJord & Anlæg ApS\n"
            "Industrivej 12, 4000 Roskilde")
    found = values([("body", text)])
    assert found["address"] == "Industrivej 12"
    assert found["activity_location"].startswith("Tingvej 15")


# ---------------------------------------------------------------- home, with the post sent to the premises

def test_a_home_with_the_post_asked_sent_to_the_cafe_is_not_the_address():
    text = ("Hej\n\nJeg søger om udeservering foran min café, Café Elmely, som ligger på Elmegade 21 i 2200 København "
            "N.\n\nJeg bor selv på Nørrebrogade 112, 2. tv, men al post om caféen må gerne gå til caféens adresse "
            "eller på mail.\n\nVenlig hilsen\nNanna Sørensen")
    found = values([("body", text)])
    assert found["address"] == "Elmegade 21"
    assert "activity_location" not in found


def test_a_private_address_with_correspondence_to_the_restaurant_is_not_the_address():
    text = ("Hej\n\nJeg har overtaget restauranten på Vendersgade 6, 1363 København K. Min privatadresse er Jernbane "
            "Allé 40, 2720 Vanløse, men al korrespondance bedes sendt til restauranten eller på mail.\n\nMvh\nSøren")
    found = values([("body", text)])
    assert found["address"] == "Vendersgade 6"
    assert found["postcode"] == "1363"


def test_a_home_beside_the_shop_without_the_post_stays_the_address():
    # near miss: the home is the address and the shop the site when no word sends the post elsewhere
    text = ("Hej\n\nJeg bor på Tagensvej 120, 3. tv, 2200 København N, men butikken ligger på Nørrebrogade 56, 2200 "
            "København N.\n\nVenlig hilsen\nSanne Frost")
    found = values([("body", text)])
    assert found["address"] == "Tagensvej 120, 3. tv"
    assert found["activity_location"].startswith("Nørrebrogade 56")


# ---------------------------------------------------------------- the business's own premises on a named place

def test_our_office_on_a_named_place_is_no_site():
    found = values([("subject", "Mezzanine in our new office on Refshaleøen – building permit?"),
                    ("body", "Hi,\n\nCould you tell us whether a mezzanine needs a building permit?\n\nHannah")])
    assert "activity_location" not in found


def test_a_customers_house_on_a_named_place_is_the_site():
    # near miss: a customer's place is the site
    found = values([("body", "Hej\n\nVi skal male facaden på vores kundes ejendom på Refshaleøen i maj.\n\nMvh\nOle")])
    assert found["activity_location"] == "Refshaleøen"


# ---------------------------------------------------------------- a sign on the street of the address

def test_a_sign_on_the_street_of_the_own_address_is_no_site():
    text = ("Hej\n\nVi åbner butik på Vesterbrogade 58, 1620 København V. Det er på Vesterbrogade, vi gerne vil have "
            "et nyt facadeskilt op.\n\nMvh\nLouise")
    found = values([("body", text)])
    assert found["address"] == "Vesterbrogade 58"
    assert "activity_location" not in found


def test_a_street_party_on_the_street_of_the_own_address_is_the_site():
    # near miss: no sign, the street itself is where the party is
    text = ("Hi,\n\nWe'd like to hold a street party on Værnedamsvej on 4 September 2027.\n\nCheers,\nOliver\n\n"
            "Grant Books ApS\nVærnedamsvej 11\n1819 Frederiksberg C")
    found = values([("body", text)])
    assert found["address"] == "Værnedamsvej 11"
    assert found["activity_location"] == "Værnedamsvej"


# ---------------------------------------------------------------- the site's postcode

def test_a_postcode_after_a_stretch_is_the_sites_not_the_business():
    text = ("Dear Sir or Madam,\n\nwe apply to place a scaffolding on the pavement in Rantzausgade, along the facades "
            "from no. 44 until no. 48 (2200 København N).\n\nWe have workshop and office in Skovlunde, Literbuen 9.\n\n"
            "With kind regards\nMatthias Krüger")
    found = values([("body", text)])
    assert found["address"] == "Literbuen 9"
    assert found["activity_location"] == "Rantzausgade 44-48"
    assert "postcode" not in found


def test_a_lone_postcode_in_another_sentence_is_the_business():
    # near miss: the postcode written in the business's own sentence
    text = ("Hej\n\nVi søger om en gadefest på Jægersborggade i august.\n\nVi holder til i 2200 København N.\n\n"
            "Mvh\nSofie")
    found = values([("body", text)])
    assert found["activity_location"] == "Jægersborggade"
    assert found["postcode"] == "2200"


# ---------------------------------------------------------------- a parking lot named by its place

def test_the_named_parking_lot_is_labelled_by_its_place():
    text = ("Dear Kommune,\n\nI want to apply for a stand place for my food truck on the Femøren parking lot in Amager "
            "Strandpark from 1 June to 31 August 2027.\n\nThe business address is Kastrupvej 98, 2300 København S.\n\n"
            "Ahmad")
    assert values([("body", text)])["activity_location"] == "Femøren"


def test_a_parking_lot_in_the_genitive_is_labelled_by_its_place():
    text = ("Hej\n\nVi skal flytte jord fra Valby Idrætsparks parkeringsplads, hvor vi anlægger regnvandsbassiner.\n\n"
            "Mvh\nJord & Anlæg A/S\nIndustrivej 12, 4000 Roskilde")
    assert values([("body", text)])["activity_location"] == "Valby Idrætspark"


def test_a_parking_lot_of_a_common_noun_names_no_place():
    # near miss: "Kundernes p-plads" (the customers' parking) at the start of a sentence names no place
    text = ("Hej\n\nKundernes p-plads bag butikken skal bruges til en container i maj.\n\nMvh\nOle\n"
            "Ole's Cykler ApS\nIstedgade 12, 1650 København V")
    assert values([("body", text)]).get("activity_location") != "Kunderne"


# ---------------------------------------------------------------- "we run": a business, no run

def test_where_we_run_a_business_is_no_place_of_a_run():
    text = ("Hello,\n\nWe run a speciality coffee roastery in Malmö and are planning to open our first café in "
            "Copenhagen, in a former shop at Jægersborggade 30.\n\nKind regards,\nJohan")
    found = values([("body", text)])
    assert found.get("activity_location") != "Malmö"
    assert found["address"] == "Jægersborggade 30"


def test_a_run_starting_at_a_place_is_its_site():
    # near miss: the noun "run" of an event still places it
    text = "Hej\n\nThe charity run starts at Langelinie on 18 September 2027.\n\nBest\nMaja"
    assert values([("body", text)])["activity_location"] == "Langelinie"


# ---------------------------------------------------------------- a labelled site's place

def test_a_labelled_place_written_after_ude_paa_is_the_place():
    fields = {"Serveringsarealets placering": "Ude på Sankt Hans Torv, på pladsen lige over for restauranten"}
    assert values([], fields)["activity_location"] == "Sankt Hans Torv"


def test_a_labelled_place_then_its_part_of_town_is_the_place():
    assert values([], {"Byggepladsens placering": "Sandkaj, Nordhavn"})["activity_location"] == "Sandkaj"


def test_a_labelled_street_named_ved_keeps_its_name():
    # near miss: "Ved Stranden" is a street's name, not a word of where
    assert values([], {"Placering": "Ved Stranden 8, 1061 København K"})["activity_location"].startswith(
        "Ved Stranden 8")


def test_a_labelled_place_then_a_landmark_after_the_comma_stays_whole():
    # near miss: a capitalised word after the comma that is no town
    assert values([], {"Placering": "Kongens Nytorv, Magasin"})["activity_location"] == "Kongens Nytorv, Magasin"


# ---------------------------------------------------------------- a house named as the site is no business

def test_a_house_named_as_the_site_is_no_company():
    body = ("Hej\n\nJeg driver en lille enkeltmandsvirksomhed, Brygge Boogie v/ Henrik Dahl, som arrangerer swingdans. "
            "Vi vil gerne holde en swingaften ved Kulturhuset Islands Brygge lørdag d. 10. juli 2027.\n\n"
            "CVR 58648442.\n\nMvh\nHenrik Dahl")
    found = values([("subject", "Swingaften ved Kulturhuset Islands Brygge"), ("body", body)])
    assert found["company_name"] == "Brygge Boogie v/ Henrik Dahl"
    assert found["activity_location"] == "Kulturhuset Islands Brygge"


def test_an_association_named_in_the_subject_stays_the_company():
    # near miss: the association that applies, no place before it
    body = "Hej\n\nVi søger om loppemarked på Enghave Plads den 5. juni 2027.\n\nMvh\nKaren"
    found = values([("subject", "Loppemarked – Beboerforeningen Lærkehøj"), ("body", body)])
    assert found["company_name"] == "Beboerforeningen Lærkehøj"


# ---------------------------------------------------------------- the person named to talk to

def test_the_person_the_case_is_to_be_talked_over_with_is_the_contact():
    text = ("Hej\n\nFirmaet hedder Lyd & Lys Roskilde ApS (CVR 40 21 89 20). I sagen er det vores produktionsleder "
            "Signe Bach, I skal tale med – hun kan fanges på 51 22 30 84.\n\nMange hilsner\nRasmus Vinther\ndirektør")
    assert values([("body", text)])["contact_name"] == "Signe Bach"


def test_you_can_contact_me_names_the_writer_not_another():
    # near miss: "you can contact me" after the writer's own name names no one else
    text = ("Hej\n\nJeg hedder Per Holm, du kan kontakte mig på 22 33 44 55. Min kollega Anne Berg er på ferie.\n\n"
            "Mvh\nPer Holm")
    assert values([("body", text)])["contact_name"] == "Per Holm"


def test_a_role_in_words_of_its_own_then_the_name_is_the_contact():
    text = ("Hi,\n\nWe are a Swedish film company. For everything about this application please contact our Danish "
            "line producer, Jens Ekberg, on +45 27 11 93 40.\n\nBest,\nElin Sandberg\nProducer, Öresund Film AB")
    assert values([("body", text)])["contact_name"] == "Jens Ekberg"


def test_contact_our_office_then_an_address_names_no_person():
    # near miss: a place after the comma is no contact
    text = ("Hi,\n\nPlease contact our head office, Vesterbrogade 12, for the invoice.\n\nBest,\nElin Sandberg")
    assert values([("body", text)])["contact_name"] == "Elin Sandberg"


# ---------------------------------------------------------------- the day of a move is no period

def test_the_day_the_business_moves_is_no_period():
    text = ("Hi there,\n\nWe're moving our office from Nørre Voldgade 19, 3rd floor, to a former workshop at "
            "Refshalevej 163A, 1432 København K, on 1 October 2027. Could you tell us whether a mezzanine needs a "
            "permit?\n\nCheers,\nHannah")
    found = values([("body", text)])
    assert "period_from" not in found and "period_to" not in found


def test_the_month_and_the_new_address_date_of_a_move_are_no_period():
    text = ("Application for a shop sign\nWe move our tea shop from Studiestræde 12 to Larsbjørnsstræde 9 in August "
            "2027.\nCompany address: Larsbjørnsstræde 9, st., 1454 København K (new address from 1 August 2027)")
    assert "period_from" not in values([("application.docx", text)])


def test_a_day_applied_for_after_the_move_and_its_and_is_the_period():
    # near miss: the container needed "og ... den 2. marts" is applied for
    text = ("Hej\n\nVi flytter vores kontor til Refshalevej 163A, 1432 København K og skal bruge en container den 2. "
            "marts 2027.\n\nMvh\nHanne")
    assert values([("body", text)])["period_from"] == "2027-03-02"


def test_a_removal_firms_move_is_the_period():
    # near miss: "a move on 20 January" of a customer is the day applied for
    text = ("Hi there,\n\nwe need a permit to put our furniture lift and a moving truck in the street outside Store "
            "Kongensgade 88, 1264 Kbh K, for a move on 20 March 2027 from 8 to 15.\n\nCPH Movers ApS")
    assert values([("body", text)])["period_from"] == "2027-03-20"


# ---------------------------------------------------------------- weeks in the subject, days in the text

def test_days_written_out_within_the_subjects_weeks_are_the_period():
    body = ("Hej\n\nDet støjende arbejde i Enghaveparken foregår fra mandag den 5. til fredag den 16. april 2027 på "
            "hverdage mellem kl. 7 og 17.\n\nVenlig hilsen\nLars Juhl")
    found = values([("subject", "Støjende arbejde i Enghaveparken, uge 14-15"), ("body", body)])
    assert (found["period_from"], found["period_to"]) == ("2027-04-05", "2027-04-16")


def test_a_day_outside_the_subjects_weeks_leaves_the_weeks():
    # near miss: the end written in the text lies in another week than the subject's last
    body = ("Hej\n\nDet støjende arbejde i Enghaveparken foregår fra mandag den 5. til fredag den 23. april 2027.\n\n"
            "Venlig hilsen\nLars Juhl")
    found = values([("subject", "Støjende arbejde i Enghaveparken, uge 14-15"), ("body", body)])
    assert found["period_to"] == "2027-04-18"


# ---------------------------------------------------------------- premises beside the head office, in another text

def test_premises_an_attachment_places_beside_the_head_office_are_the_site():
    body = ("Dear Centre,\n\nOur company NordBake Foods A/S (CVR 49667531) will start a production in Copenhagen. Our "
            "head office is in Aarhus, Hasselager Allé 5, 8260 Viby J, and the production will be in a rented hall in "
            "Sydhavnen.\n\nBest regards\nZhang Min")
    attached = ("Production description\n\nThe production unit is located at Vasbygade 20, 2450 København SV. We will "
                "make fresh noodles.")
    found = values([("subject", "Environmental approval – noodle production in Sydhavnen"), ("body", body),
                    ("description.pdf", attached)])
    assert found["address"] == "Hasselager Allé 5"
    assert found["activity_location"].startswith("Vasbygade 20")


def test_an_office_address_that_is_no_head_office_keeps_the_subjects_place():
    # near miss: the business's address is not written as its head office
    body = ("Dear Centre,\n\nOur company NordBake Foods A/S (CVR 49667531) has its office at Hasselager Allé 5, 8260 "
            "Viby J, and will start a production in a rented hall in Sydhavnen.\n\nBest regards\nZhang Min")
    attached = "Invoice address\n\nThe accounts department is located at Vasbygade 20, 2450 København SV."
    found = values([("subject", "Environmental approval – noodle production in Sydhavnen"), ("body", body),
                    ("description.pdf", attached)])
    # (the subject's part of town is an area, no site of its own: batch d27)
    assert not str(found.get("activity_location", "")).startswith("Vasbygade")
