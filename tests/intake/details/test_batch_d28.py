"""Details in the voices of development batch d28: forty very different hands. A contractor dictating by phone
("tolv kvadratmeter", "fra den første juni til den femtende august", "tre gange fire meter"), a teenager without
capitals, an old shoemaker writing formally, a market trader, a food-truck owner naming the place by what is next to
it, bullet points without labels; sizes said aloud, days booked for or started, a storm's day, the contact named in
a list, associations and renamed businesses, districts and regions that are no site."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details, identifiers, names, periods, sites
from intake.details.text import extract_from_text

REF = date(2026, 12, 3)


def values(sources: list[tuple[str, str]], sender: str = "x@example.dk", sender_name: str = "") -> dict:
    found = extract_details(sources, {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


def period(text: str) -> tuple[str | None, str | None]:
    p = periods.find_period(text, REF)
    return (p.start.isoformat() if p.start else None, p.end.isoformat() if p.end else None)


# ---------------------------------------------------------------- days said aloud, booked, started and ended

def test_days_said_as_ordinals():
    text = "vi skal bruge pladsen fra den første juni til den femtende august i år altså 2027"
    assert period(text) == ("2027-06-01", "2027-08-15")


def test_an_english_day_said_as_an_ordinal():
    assert period("We need the space from the first of May to the thirtieth of September 2027.") == (
        "2027-05-01", "2027-09-30")


def test_an_ordinal_without_den_is_no_day():
    # near miss: "første maj" alone may name the holiday, "den anden gang" is a time, not a day
    assert period("Vi holder lukket første maj, og det er den anden gang vi søger.") == (None, None)


def test_a_job_booked_for_a_day_is_that_day():
    text = "Vi har indhentet tilbud, og arbejdet er aftalt til tirsdag den 14. september 2027."
    assert period(text) == ("2027-09-14", "2027-09-14")


def test_til_without_a_booking_is_the_end():
    # near miss: "står til den 14. september" is when it ends
    assert period("Stilladset står til den 14. september 2027.") == (None, "2027-09-14")


def test_i_gang_on_a_day_is_the_start_alone():
    text = ("Vi vil gerne i gang mandag den 4. oktober 2027, men ved ikke præcis hvor lang tid det tager, det kommer "
            "an på asbesten.")
    assert period(text) == ("2027-10-04", None)


def test_i_gang_in_another_sentence_is_no_start():
    # near miss: the work began earlier; the day written is the event's
    assert period("Vi er gået i gang med planlægningen. Festen er lørdag den 4. september 2027.") == (
        "2027-09-04", "2027-09-04")


def test_off_site_by_and_done_by_end_the_period():
    assert period("Our demolition contractor is scheduled to start on 1 November 2027 and to be off site by 26 "
                  "November 2027.") == ("2027-11-01", "2027-11-26")
    assert period("We'll truck it out in the week starting Monday 7 June 2027 and expect to be done by Friday "
                  "11 June.") == ("2027-06-07", "2027-06-11")


def test_a_scaffold_up_on_one_day_and_down_on_another():
    text = ("Stilladset bliver 18 meter langt og står på fortovet. Op den 15. marts og ned igen den 31. maj 2027.")
    assert period(text) == ("2027-03-15", "2027-05-31")


def test_op_til_a_day_is_no_start():
    # near miss: "op til den 31. maj" is "up to", the end
    assert period("Stilladset må stå op til den 31. maj 2027.") == (None, "2027-05-31")


def test_the_day_of_a_storm_is_no_period():
    text = ("Det gamle skilt blev desværre beskadiget under stormen den 18. januar 2027 og må udskiftes. Det nye "
            "skilt bliver en støvle i malet smedejern.")
    assert period(text) == (None, None)


def test_a_day_beside_damage_without_its_event_stays():
    # near miss: the damage is told, but the day is the new sign's
    text = "Skiltet blev beskadiget, og vi vil sætte det nye op den 18. januar 2027."
    assert period(text)[0] == "2027-01-18"


def test_the_days_of_a_month_listed_after_it():
    text = "The plan: every Sunday in July 2027 (that's the 4th, 11th, 18th and 25th), 8:00 to 9:30 am."
    assert period(text) == ("2027-07-04", "2027-07-25")


def test_a_month_without_days_listed_is_the_whole_month():
    # near miss: no days in brackets after the month
    assert period("The plan: every Sunday in July 2027, 8:00 to 9:30 am.") == ("2027-07-01", "2027-07-31")


# ---------------------------------------------------------------- sizes said aloud

def area(text: str) -> object:
    return extract_from_text(text, REF).get("area_m2")


def test_sides_in_words_times_each_other():
    assert area("Min bod er en helt almindelig markedsbod med halvtag, den er tre gange fire meter.") == 12
    assert area("Det hele fylder ikke mere end to gange to meter.") == 4


def test_gange_as_how_often_is_no_size():
    # near miss: "to gange om ugen" is how often, the metres are another thing's
    assert area("Vi tømmer to gange om ugen, og spanden står 3 meter fra muren.") is None


def test_square_metres_in_words():
    assert area("en skurvogn og en container som tilsammen fylder cirka tolv kvadratmeter") == 12


def test_a_price_per_square_metre_is_no_area():
    # near miss: no number before the unit
    assert area("Hvad koster det pr. kvadratmeter at stille en bod op?") is None


def test_one_and_a_half_in_a_word():
    assert area("Stilladset bliver 18 meter langt og halvanden meter dybt og står på fortovet.") == 27


def test_a_width_along_the_wall_beside_a_depth_out_from_it():
    text = "The front of the pub is about 5 metres wide and we'd go out 1.2 metres from the wall, no further."
    assert area(text) == 6


def test_a_length_and_a_width_without_a_depth_give_the_area():
    assert area("The truck is 6 m long and 2.4 m wide.") == 14.4


def test_a_size_in_total_over_a_board_named_before_it():
    text = ("The truck is 6 m long and 2.4 m wide, plus we put out a little menu board, so call it 6 x 3 metres in "
            "total.")
    assert area(text) == 18


def test_a_boards_own_size_is_no_area():
    # near miss: the board's size, not given as the total
    assert area("We put out a little menu board of 1 x 2 m by the truck.") is None


def test_guests_per_session():
    text = ("Last year's version out at the beach had around 60 people each time, so let's plan for about 70 per "
            "session.")
    assert extract_from_text(text, REF).get("guests") == 70


def test_minutes_per_session_are_no_guests():
    # near miss: a unit between the number and "per session"
    assert extract_from_text("Each class runs 45 minutes per session.", REF).get("guests") is None


# ---------------------------------------------------------------- names and contacts

def test_the_written_out_form_of_a_housing_cooperative_over_the_subject():
    body = ("Jeg skriver på vegne af bestyrelsen i Andelsboligforeningen Holmbladsgården. Foreningens CVR-nummer er "
            "54007426.\n\nMed venlig hilsen\nKirsten Dahl\nBestyrelsesmedlem, A/B Holmbladsgården")
    found = values([("subject", "Sløjfning af olietank - A/B Holmbladsgården"), ("body", body)])
    assert found["company_name"] == "Andelsboligforeningen Holmbladsgården"


def test_another_cooperative_in_the_body_leaves_the_subject():
    # near miss: the body writes out another cooperative's name
    body = "Vi har talt med naboerne i Andelsboligforeningen Lærkehøj om arbejdet.\n\nMvh\nKirsten Dahl"
    found = values([("subject", "Olietank - A/B Holmbladsgården"), ("body", body)])
    assert found["company_name"] == "A/B Holmbladsgården"


def test_cvr_in_its_definite_form():
    m = identifiers.CVR_LABELLED.search("Firmaet hedder Ostehjørnet, og CVR'en er 35292756 hvis I skal bruge den.")
    assert m is not None and m.group("v") == "35292756"


def test_another_definite_noun_is_no_cvr_label():
    # near miss: "kvitteringen er" is no CVR's label
    assert identifiers.CVR_LABELLED.search("Nummeret på kvitteringen er 35292756.") is None


def test_questions_about_a_topic_to_a_named_role_in_a_list():
    text = ("Hej\n- tagterrasse til medarbejderne, ca. 85 m2\n- spørgsmål om selve byggeriet til vores facility "
            "manager Sofie Lund, sl@nordlysdata.dk, 31 42 77 90\n- mig på 40 11 23 58 hvis det handler om økonomi\n"
            "/Rasmus\nCOO, Nordlys Data A/S")
    assert names.find_contact(text) == "Sofie Lund"


def test_questions_to_an_office_are_no_contact():
    # near miss: no "vores" or "our" before the one questions go to
    text = "Hej\n- spørgsmål om selve byggeriet til Byg og Miljø\n\nMvh\nRasmus Kjeldsen"
    assert names.find_contact(text) == "Rasmus Kjeldsen"


def test_a_person_you_can_contact_on_a_number():
    text = ("Hej\n\nByggeleder på pladsen er Anders Bech, som I kan kontakte på 24 60 19 83 eller ab@hv.dk.\n\n"
            "Venlig hilsen\nLars Vestergaard\nProjektchef")
    assert names.find_contact(text) == "Anders Bech"


def test_a_person_you_can_meet_on_site_is_no_contact():
    # near miss: "kontakte på pladsen" names a place, not a number to reach them on
    text = ("Hej\n\nByggeleder er Anders Bech, som I kan kontakte på pladsen.\n\nVenlig hilsen\nLars Vestergaard\n"
            "Projektchef")
    assert names.find_contact(text) == "Lars Vestergaard"


def test_an_association_said_to_be_one_in_brackets():
    text = ("vi er nogle unge fra NV Unge (det er en forening, vi holder til i klubben på Rentemestervej 45) og vi "
            "vil gerne lave en basketturnering")
    assert names.find_company(text, has_cvr=False) == "NV Unge"


def test_a_park_said_to_be_a_park_is_no_association():
    # near miss: the aside says what a place is, not a business
    assert names.find_company("vi vil gerne spille i Nørrebroparken (det er en park) på lørdag", has_cvr=False) is None


def test_a_business_renamed():
    text = ("Jeg har lige overtaget en frisørsalon i Saxogade 12 og har omdøbt den til Salon Birk. Mit CVR-nummer er "
            "86811510.")
    assert names.find_company(text, has_cvr=True) == "Salon Birk"


def test_renamed_to_something_in_lower_case_is_no_name():
    # near miss: no capitalised name after "omdøbt til"
    assert names.find_company("Vi har omdøbt den til noget andet. CVR 86811510.", has_cvr=True) is None


def test_an_event_role_before_the_company_in_the_signature():
    lines = ["Hi", "", "We apply for a concert.", "", "Warm regards,", "Amara Okafor", "Producer, Afrobeat CPH"]
    assert names.signature_company(lines) == "Afrobeat CPH"


def test_a_role_alone_under_the_name_is_no_company():
    # near miss: the role on its own line
    lines = ["Hi", "", "We apply for a concert.", "", "Warm regards,", "Amara Okafor", "Producer"]
    assert names.signature_company(lines) is None


def test_a_signer_with_a_partner_in_brackets_is_no_company():
    text = "Hej\n\nVi vil åbne en café.\n\nPå forhånd tak\nEmma Skov (og Jakob)"
    assert names.company_of_the_sender(text, "emma.skov@gmail.com", "Emma Skov") is None


def test_a_business_named_by_the_mailbox_with_an_aside_stays():
    # near miss: the business's name, an aside after it
    text = "Hej\n\nVi vil åbne en café.\n\nPå forhånd tak\nEmma Skov Keramik (og café)"
    assert names.company_of_the_sender(text, "emma.skov@gmail.com", "Emma Skov") == "Emma Skov Keramik (og café)"


# ---------------------------------------------------------------- whose place, and which site

def test_a_site_after_a_preposition_is_no_site_named():
    assert sites.named_site("Byggeleder på pladsen er Anders Bech, som I kan kontakte.") is None


def test_the_site_as_the_subject_is_named():
    # near miss: "Pladsen er ..." opens the sentence
    assert sites.named_site("Pladsen er Enghave Plads, og vi kommer kl. 8.") == "Enghave Plads"


def test_a_district_right_after_the_address_is_no_site():
    found = sites.find_addresses("Vi åbner Restaurant Gaarden i Elmegade 14 på Nørrebro til efteråret.")
    assert found.get("address") == "Elmegade 14" and "activity_location" not in found


def test_a_square_apart_from_the_address_is_a_site():
    # near miss: a square named in another sentence
    found = sites.find_addresses("Vi har en salon i Saxogade 12. Vi vil holde modeshow på Enghave Plads.")
    assert found.get("activity_location") == "Enghave Plads"


def test_what_the_business_is_and_where_is_no_site():
    text = "Hej\n\nVi er et lille kafferisteri på Refshaleøen, og vi skal udskifte vores rister."
    assert "activity_location" not in sites.find_addresses(text)


def test_a_stall_the_roastery_wants_is_a_site():
    # near miss: the place follows the stall, not what the business is
    text = "Hej\n\nVi er et lille kafferisteri og vil gerne have en bod på Refshaleøen."
    assert sites.find_addresses(text).get("activity_location") == "Refshaleøen"


def test_we_sit_at_is_the_business_address():
    text = ("We are the groundworks contractor for the new sports hall at Amager Strandvej 110. We sit at Ørestads "
            "Boulevard 73, 2300 København S.")
    found = sites.find_addresses(text)
    assert found["address"] == "Ørestads Boulevard 73" and found["activity_location"].startswith("Amager Strandvej 110")


def test_a_region_is_no_site():
    text = ("Jeg har solgt ost fra egen bod på markeder rundt omkring på Sjælland, og nu vil jeg gerne have en fast "
            "plads på Halmtorvet om lørdagen.")
    assert sites.find_addresses(text).get("activity_location") == "Halmtorvet"


def test_a_street_named_after_a_region_is_a_site():
    # near miss: "Sjællandsgade" is a street
    assert sites.find_addresses("Vi vil gerne stå med en bod på Sjællandsgade.").get("activity_location") == (
        "Sjællandsgade")


def test_the_park_of_an_events_name_is_no_place():
    text = ("We would like to hold Afrobeat in the Park, a free one-day music and food event in Superkilen, at the "
            "Red Square end by Nørrebrohallen.")
    assert sites.find_addresses(text).get("activity_location") == "Superkilen"


def test_a_square_named_by_its_name_is_a_place():
    # near miss: the square itself, not its end
    assert sites.find_addresses("We would like to hold a concert on the Red Square.").get("activity_location") == (
        "Red Square")


def test_an_association_is_no_place():
    text = "Jeg skriver på vegne af bestyrelsen i Andelsboligforeningen Holmbladsgården om en olietank."
    assert "activity_location" not in sites.find_addresses(text)


def test_the_house_an_association_owns_is_its_address():
    text = "Foreningen ejer ejendommen Holmbladsgade 70, 2300 København S, med 46 lejligheder."
    found = sites.find_addresses(text)
    assert found.get("address") == "Holmbladsgade 70" and "activity_location" not in found


def test_the_house_a_customer_owns_is_the_site():
    # near miss: the customer owns it
    text = ("Vi er VVS-firma på Glasvej 12, 2400 København NV. Kunden ejer ejendommen Holmbladsgade 70, 2300 "
            "København S.")
    found = sites.find_addresses(text)
    assert found.get("address") == "Glasvej 12" and found["activity_location"].startswith("Holmbladsgade 70")


def test_a_repair_workshop_is_the_business_premises():
    text = ("We are Fietsen Copenhagen ApS, a bicycle shop and repair workshop at Østerbrogade 98, 2100 København Ø. "
            "We want to put a new flat sign on the facade.")
    found = sites.find_addresses(text)
    assert found.get("address") == "Østerbrogade 98" and "activity_location" not in found


def test_repairs_at_an_address_are_a_site():
    # near miss: the repair is the work, at another house
    text = "We are Facade Partners ApS, Glasvej 12, 2400 København NV. We repair the facade at Østerbrogade 98."
    assert sites.find_addresses(text).get("activity_location", "").startswith("Østerbrogade 98")


def test_a_site_on_the_same_house_gives_the_address_its_postcode():
    body = "Vi har drevet Vinstuen Oehlen i Oehlenschlægersgade 24 siden 2024 og vil gerne have borde på fortovet."
    sketch = "Skitse - fortov foran Oehlenschlægersgade 24, 1663 Kbh V\n4,5 m langs facaden x 0,8 m ud"
    found = values([("body", body), ("skitse.jpg", sketch)])
    assert found["address"] == "Oehlenschlægersgade 24" and found["postcode"] == "1663"
    assert "activity_location" not in found


def test_a_site_on_another_house_gives_no_postcode():
    # near miss: the sketch's house is another
    body = "Vi har drevet Vinstuen Oehlen i Oehlenschlægersgade 24 siden 2024 og vil gerne have borde på fortovet."
    sketch = "Skitse - fortov foran Vesterbrogade 101, 1620 Kbh V\n4,5 m langs facaden x 0,8 m ud"
    found = values([("body", body), ("skitse.jpg", sketch)])
    assert found.get("postcode") != "1663"


def test_a_town_then_its_postcode_said_aloud():
    text = "vi holder til på Gammel Køge Landevej 210 i Valby 2500 hvis der er noget så ring"
    assert sites.find_addresses(text).get("postcode") == "2500"


def test_a_town_then_a_year_is_no_postcode():
    # near miss: 2027 is no postcode of Valby
    assert "postcode" not in sites.find_addresses("vi holder til på Gammel Køge Landevej 210 i Valby 2027 og frem")


def test_a_park_the_body_puts_within_the_subjects_place():
    body = ("I'd love to host free community yoga on the big lawn in Havneparken at Islands Brygge, just by the "
            "harbour bath. My studio is at Leifsgade 22, 2300 København S.")
    found = values([("subject", "Free Sunday morning yoga at Islands Brygge in July!"), ("body", body)])
    assert found["activity_location"] == "Havneparken"


def test_a_landmark_within_the_subjects_place_does_not_narrow_it():
    # near miss: a building near the spot, no park or square
    body = ("I'd love to host free community yoga on the lawn near Kulturhuset at Islands Brygge. My studio is at "
            "Leifsgade 22, 2300 København S.")
    found = values([("subject", "Free Sunday morning yoga at Islands Brygge in July!"), ("body", body)])
    assert found["activity_location"] == "Islands Brygge"


def test_an_architect_advising_a_company_writes_for_a_client():
    text = ("Tegnestuen Lund & Kragh rådgiver Bageriet Surdej ApS, som gerne vil udvide produktionskøkkenet bag "
            "butikken på Amagerbrogade 131, 2300 København S.\n\nMed venlig hilsen\nMette Kragh\nTegnestuen Lund & "
            "Kragh\nStore Kongensgade 72, 1264 København K")
    assert sites.find_addresses(text)["address"] == "Amagerbrogade 131"


def test_our_adviser_named_is_no_agent():
    # near miss: "vores rådgiver" is the writer's own adviser
    assert sites._AGENT.search("Vi har talt med vores rådgiver Hansen Rådgivning ApS om sagen.") is None


def test_a_business_opened_then_what_it_is_and_where():
    text = ("My partner and I are opening Osteria Romano, a small Italian restaurant in Gothersgade, and we hope to "
            "open in the spring.")
    assert "activity_location" not in sites.find_addresses(text)


def test_tables_wanted_in_a_street_are_a_site():
    # near miss: the street follows the tables, not what the business is
    text = "We run Osteria Romano, a small Italian restaurant, and want to hold a street party in Gothersgade."
    assert sites.find_addresses(text).get("activity_location") == "Gothersgade"


def test_the_whole_street():
    text = "Foreningen vil igen i år holde gadefest i hele Jægersborggade med boder og musik."
    assert sites.find_addresses(text).get("activity_location") == "Jægersborggade"


def test_the_whole_town_is_no_street():
    # near miss: a town after "i hele"
    assert "activity_location" not in sites.find_addresses("Vi kører med varer i hele København med vores ladcykler.")
