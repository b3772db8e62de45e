"""Details in the voices of development batch d24: attachments written by an architect, an engineer, an agency or a
contractor for an owner, under the writer's letterhead, with the person to contact named in a sentence or under a
label that says so, and cover mails sent by assistants."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 8)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the person named to contact

def test_a_sentence_under_a_contact_heading_is_no_name():
    text = ("Kontakt\nEjeren har givet fuldmagt til, at firmaet håndterer sagen.\n"
            "Kontaktperson: projektleder Niels Holt, 21 70 33 58, nh@firma.dk.")
    found = values([("bilag.pdf", text)])
    assert found["contact_name"] == "Niels Holt"
    assert found["phone"] == "21703358"


def test_a_name_under_a_contact_heading_is_still_the_contact():
    text = "Kontakt\nAna de la Rosa, 21 70 33 58\n"
    assert values([("bilag.pdf", text)])["contact_name"] == "Ana de la Rosa"


def test_a_label_that_says_contact_wins_over_a_label_naming_a_role():
    text = ("Applicant: Osteria Nord ApS\nOwner: Marco Rossi\n"
            "Restaurant manager and contact person: Giulia Bianchi, mobile +45 61 20 33 48\n")
    assert values([("form.docx", text)])["contact_name"] == "Giulia Bianchi"


def test_a_role_label_alone_still_names_the_contact():
    text = "Applicant: Osteria Nord ApS\nOwner: Marco Rossi\nPhone: 61 20 33 48\n"
    assert values([("form.docx", text)])["contact_name"] == "Marco Rossi"


def test_a_contact_label_for_the_case_names_the_contact():
    for label in ("Contact for this application", "Contact for the municipality", "Kontakt vedrørende anmeldelsen",
                  "Who do we call? (name, mobile)"):
        text = f"Ansøgning\n{label}: projektleder Mikkel Storm, tlf. 61 35 02 48\n"
        assert values([("bilag.docx", text)])["contact_name"] == "Mikkel Storm", label


def test_a_suppliers_contact_in_a_quote_is_no_contact_label():
    text = "Tilbud nr. 2027-114\nUdhængsskilt 80 x 60 cm\nKontakt hos LysReklame: Jan Poulsen, 22 16 73 02\n"
    assert "contact_name" not in values([("tilbud.docx", text)])


def test_a_part_heading_that_mentions_contact_is_no_label():
    text = ("Section A – Applicant\nSection B – Agent / contact for this request\nSection C – Signs\n"
            "Applicant (legal entity) | Hartley Denmark ApS\n")
    assert "contact_name" not in values([("form.docx", text)])


def test_questions_addressed_to_a_person_below_a_managing_director():
    text = ("1. Applicant\nNordic Coating ApS\nManaging director: Søren Aagaard, tel. 33 21 08 44\n"
            "4. Consultant\nPlease address questions and correspondence to Henrik Ramsø, environmental\n"
            "engineer, mobile +45 23 48 91 06, hr@ramsoe.dk.")
    found = values([("application.pdf", text)])
    assert found["contact_name"] == "Henrik Ramsø"
    assert found["phone"] == "23489106"


def test_a_managing_director_alone_is_still_the_contact():
    text = "1. Applicant\nNordic Coating ApS\nManaging director: Søren Aagaard, tel. 33 21 08 44\n"
    assert values([("application.pdf", text)])["contact_name"] == "Søren Aagaard"


def test_questions_directed_to_a_titled_person_across_a_wrapped_line():
    text = ("Kontakt\nBygherren har bedt os føre dialogen. Spørgsmål til projektet rettes\n"
            "derfor til arkitekt MAA Mads Linde, mobil 22 41 87 09.")
    assert values([("beskrivelse.pdf", text)])["contact_name"] == "Mads Linde"
    text = ("All questions about the project and the application should be directed to the client's\n"
            "project director, Ingrid Sæther, +45 60 44 12 95.")
    found = values([("description.pdf", text)])
    assert found["contact_name"] == "Ingrid Sæther"
    assert found["phone"] == "60441295"


def test_the_person_to_contact_named_after_the_cue_in_a_mail():
    cases = [("Louise står for det daglige, så kontakt hende: Louise Frandsen, 26 93 10 57.", "Louise Frandsen"),
             ("Please contact the country manager directly: Elin Sjöberg, +45 71 40 88 12.", "Elin Sjöberg"),
             ("I'm the contact for this: Hannah Schultz, +45 31 08 55 27", "Hannah Schultz"),
             ("Det er min søster Rikke Aamand, I skal kontakte, på 53 18 26 90.", "Rikke Aamand")]
    for sentence, name in cases:
        text = f"Hej\n\nVi åbner en café.\n\n{sentence}\n\nMvh\nTine Holm"
        assert values([("body", text)])["contact_name"] == name, sentence


def test_contact_her_without_a_name_leaves_the_signer():
    text = "Hi\n\nGiulia runs the floor, so please contact her directly.\n\nRegards\nMarco Bellini"
    assert values([("body", text)])["contact_name"] == "Marco Bellini"


# ---------------------------------------------------------------- the owner's block in an adviser's document

def test_the_owner_under_an_architects_letterhead_with_a_care_of_and_a_floor_line():
    text = ("Tegnestuen Bro ApS · Valby Langgade 49, 1. sal · 2500 Valby · Tlf. 36 17 42 80 · CVR 80283105\n"
            "PROJEKTBESKRIVELSE\nValby, den 3. februar 2027\nBygherre:\nEjendomsselskabet Ryesgade 31 ApS\n"
            "CVR 67014294\nc/o Admira Ejendomsadministration\nFrederiksberg Allé 15\n2. sal\n1820 Frederiksberg C\n"
            "Ejendom:\nRyesgade 31, 2200 København N\nProjektet\nTørreloftet indrettes til to lejligheder.")
    body = ("Hej\n\nPå vegne af arkitekten fremsender jeg projektbeskrivelsen for tagetagen i Ryesgade 31.\n\n"
            "Venlig hilsen\nPernille Dahl\nSekretær")
    found = values([("body", body), ("beskrivelse.pdf", text)])
    assert found["company_name"] == "Ejendomsselskabet Ryesgade 31 ApS"
    assert found["cvr"] == "67014294"
    assert found["address"] == "Frederiksberg Allé 15, 2."
    assert found["postcode"] == "1820"


def test_a_bygherre_heading_under_no_other_letterhead_is_no_client_block():
    from intake.details.text import CLIENT, extract_from_text
    text = ("PROJEKTBESKRIVELSE\nBygherre:\nEjendomsselskabet Ryesgade 31 ApS\nCVR 67014294\n"
            "Frederiksberg Allé 15\n1820 Frederiksberg C\n")
    assert CLIENT not in extract_from_text(text, REF)
    text = "Tegnestuen Bro ApS · Valby Langgade 49 · 2500 Valby\n" + text
    assert CLIENT in extract_from_text(text, REF)


def test_the_owners_postcode_two_lines_below_the_street():
    text = ("Hej\n\nVi ejer grunden Tomsgårdsvej 31, 2400 København NV, hvor vaskehallen skal rives ned.\n\n"
            "Ejer og ansøger:\nTomsgård Ejendomme ApS\nCVR 66527417\nFrederikssundsvej 120\n1. sal\n"
            "2400 København NV\n\nMvh\nBjarne Kold")
    found = values([("body", text)])
    assert found["address"] == "Frederikssundsvej 120, 1."
    assert found["postcode"] == "2400"


def test_client_headings_of_several_kinds():
    letterhead = "Brix & Kolding Rådgivende Ingeniører A/S\nVesterbrogade 149\n1620 København V\nCVR 94991692\n"
    cases = [("Developer (applicant):", "Sydhavn Etape 3 P/S"), ("Bygherre / ejer:", "K/S Tagensvej 190"),
             ("Client / owner:", "Nordlys Hotels ApS"), ("Ansøger (vores kunde):", "Guldsmed Nanna Ravn ApS"),
             ("Bygherre:", "Andelsboligforeningen Vigerslevhus")]
    for heading, name in cases:
        text = (f"{letterhead}NOTIFICATION\n{heading}\n{name}\nc/o Hafnia Ejendomsudvikling A/S\n"
                "Kalvebod Brygge 39, 5. sal\n1560 København V\nCVR 16669849\nSite: Otto Busses Vej 5")
        found = values([("notification.pdf", text)])
        assert found["company_name"] == name, heading
        assert (found["address"], found["postcode"]) == ("Kalvebod Brygge 39, 5.", "1560"), heading


def test_the_company_address_heading_above_its_care_of():
    text = ("Til Center for Miljøbeskyttelse\n\nSom administrator for Ejendomsselskabet Kastelsvej 14 ApS anmelder vi, "
            "at ejendommens olietank tages ud af brug.\n\nEjendommen: Kastelsvej 14, 2100 København Ø\n\n"
            "Selskabets adresse:\nEjendomsselskabet Kastelsvej 14 ApS\nc/o Nordhavn Administration ApS\n"
            "Strandboulevarden 122, 4.\n2100 København Ø\n\nMed venlig hilsen\nLouise Bech")
    found = values([("body", text)])
    assert found["address"] == "Strandboulevarden 122, 4."
    assert found["postcode"] == "2100"
    assert found["activity_location"].startswith("Kastelsvej 14")


# ---------------------------------------------------------------- an address over several lines of a form

def test_a_house_letter_before_a_postcode_on_the_next_line_of_a_form_field():
    from intake.details.addresses import read_address
    assert read_address("Refshalevej 163A 1432 København K") == ("Refshalevej 163A", "1432", "København K")
    assert read_address("Tagensvej 12A 26 14 88 02")[0] == "Tagensvej 12"      # a phone after it: no house letter
    found = values([], {"Registered address": "Refshalevej 163A\n1432 København K"})
    assert (found["address"], found["postcode"]) == ("Refshalevej 163A", "1432")


def test_same_as_above_is_no_postal_address():
    found = values([], {"Address where the waste is produced": "Flæsketorvet 68, 1. sal\n1711 København V",
                        "Postal address (invoices)": "Same as above"})
    assert (found["address"], found["postcode"]) == ("Flæsketorvet 68, 1.", "1711")
    assert "activity_location" not in found


def test_an_address_label_over_a_care_of_line_and_the_lines_below():
    text = ("Applicant: Foreningen Vesterbro Makers, CVR 45366243\nAddress: c/o Mira Holm\nSaxogade 12, 4. tv\n"
            "1662 København V\nLayout: 25 stalls")
    found = values([("form.docx", text)])
    assert (found["address"], found["postcode"]) == ("Saxogade 12, 4. tv", "1662")
    text = "Applicant: Foreningen Vesterbro Makers\nAddress: Saxogade 12, 4. tv\nPhone: 30 62 18 94\n"
    assert "postcode" not in values([("form.docx", text)])


def test_a_letterheads_postcode_after_a_dash_is_no_range_of_house_numbers():
    from intake.details.addresses import find_mentions
    found = find_mentions("Glentevej Auto v/ Per Jensen\nGlentevej 14 - 2400 København NV - CVR 67958942\n")
    assert [(m.address, m.postcode) for m in found] == [("Glentevej 14", "2400")]
    assert find_mentions("Stillads ud for Glentevej 14 - 20 i hele maj")[0].address == "Glentevej 14-20"


# ---------------------------------------------------------------- a form's area, guests and the bills' address

def test_an_area_field_that_gives_a_length_and_a_depth():
    text = "Application\nArea: one row of tables along the facade, 8 m long and 2 m deep, leaving 2 m free.\n"
    assert values([("form.docx", text)])["area_m2"] == 16
    text = "Application\nArea: a scaffold 22 m long and 1.5 m wide.\n"       # a length and a width, as well
    assert values([("form.docx", text)])["area_m2"] == 33


def test_the_accountants_address_the_invoice_goes_to_is_no_site():
    text = ("Osteria Lupa ApS\nApplication for outdoor serving area\nApplicant: Osteria Lupa ApS\n"
            "Please send the invoice for the fee to our accountant: Revisionsfirmaet Holm & Juul, att. Peter Juul, "
            "Frederikssundsvej 70, 1. th, 2400 København NV.\n"
            "Osteria Lupa ApS · Sankt Hans Torv 28 · 2200 København N · CVR 62239980")
    found = values([("application.docx", text)])
    assert "activity_location" not in found
    assert found["address"] == "Sankt Hans Torv 28"
    text = text.replace("Please send the invoice for the fee to our accountant: Revisionsfirmaet Holm & Juul, "
                        "att. Peter Juul, ", "The tables stand in front of ")
    assert values([("application.docx", text)])["activity_location"].startswith("Frederikssundsvej 70")


def test_how_many_come_gives_the_upper_end_of_the_days_range():
    found = values([], {"Hvor mange kommer der?": "300-400 i løbet af dagen, højst ca. 150 på pladsen ad gangen"})
    assert found["guests"] == 400
    assert values([], {"Hvor mange kommer der?": "ca. 150 i alt"})["guests"] == 150


# ---------------------------------------------------------------- a letterhead written on one line

def test_a_letterhead_of_parts_on_one_long_line_gives_the_address_and_the_site_below():
    text = ("Brød & Co. ApS · Godthåbsvej 20 · 2000 Frederiksberg · 38 88 12 40 · www.brodogco.dk · CVR 11908683\n\n"
            "Affald og Genbrug\nKøbenhavns Kommune\n\nFrederiksberg, den 8. februar 2027\n\n"
            "Vedr. erhvervsaffald fra vores produktion, Glasvej 9, 2400 København NV\n\n"
            "Pr. 1. marts 2027 åbner vi et produktionsbageri i stueetagen på Glasvej 9.\n\n"
            "Med venlig hilsen\nBrød & Co. ApS\nKristian Falk, direktør")
    found = values([("brev.pdf", text)])
    assert (found["address"], found["postcode"]) == ("Godthåbsvej 20", "2000")
    assert found["activity_location"].startswith("Glasvej 9")


def test_a_consultants_letterhead_gives_way_to_the_applicants_address():
    text = ("Aqua Consult ApS · Strandlodsvej 44 · 2300 København S · +45 32 54 66 00 · aquaconsult.dk · "
            "CVR 75475500\n\nApplication for permission to discharge wastewater\n\n"
            "Applicant: CleanCar Copenhagen ApS, Kløvermarksvej 70, 2300 København S, CVR 85069691\n\n"
            "Activity: automatic car wash.\n\nPrepared by: Aqua Consult ApS, engineer Katja Mørch")
    found = values([("application.pdf", text)])
    assert found["company_name"] == "CleanCar Copenhagen ApS"
    assert found["address"] == "Kløvermarksvej 70"
    own = text.replace("Aqua Consult ApS · Strandlodsvej 44", "CleanCar Copenhagen ApS · Strandlodsvej 44")
    assert values([("application.pdf", own)])["address"] == "Strandlodsvej 44"


# ---------------------------------------------------------------- the company's name and the year of the days

def test_the_subjects_days_take_the_year_the_body_writes_for_them():
    body = ("Hello,\n\nWe plan a Christmas market on Halmtorvet on Saturday 4 and Sunday 5 December 2027, "
            "10:00-17:00.\n\nBest wishes\nAiko Tanaka")
    found = extract_details([("subject", "Christmas market on Halmtorvet, 4-5 December"), ("body", body)],
                            reference=date(2026, 12, 3))
    assert (found["period_from"].value, found["period_to"].value) == ("2027-12-04", "2027-12-05")
    other = body.replace("Saturday 4 and Sunday 5 December 2027", "Saturday 11 and Sunday 12 December 2027")
    found = extract_details([("subject", "Christmas market on Halmtorvet, 4-5 December"), ("body", other)],
                            reference=date(2026, 12, 3))
    assert found["period_from"].value == "2026-12-04"          # other days: the subject's stand


def test_a_restaurants_label_cut_before_its_address_and_the_legal_name_below_it():
    text = ("Restaurant: Saigon Street Kitchen, Enghave Plads 7, 1670 København V (P-no. 1025519036)\n"
            "Company: Saigon Street Kitchen ApS, CVR 96959257\n")
    assert values([("body", text)])["company_name"] == "Saigon Street Kitchen ApS"
    text = "Restaurant: Saigon Street Kitchen, Enghave Plads 7, 1670 København V\nCVR 96959257\n"
    assert values([("body", text)])["company_name"] == "Saigon Street Kitchen"


def test_a_department_signed_before_the_companys_name_gives_way_to_its_legal_name():
    body = "Hej\n\nVedlagt anmeldelse af jordflytning.\n\nMvh\nDorthe Mikkelsen\nTilbudsafdelingen, Grønbech Anlæg"
    attached = ("Grønbech Anlæg A/S\nStamholmen 151 · 2650 Hvidovre · CVR 99565179\n"
                "Anmelder: Grønbech Anlæg A/S (entreprenør)\n")
    assert values([("body", body), ("anmeldelse.docx", attached)])["company_name"] == "Grønbech Anlæg A/S"



def test_the_application_for_our_client_names_the_client():
    body = ("Hi,\n\nAttached is the event application for our client Kelp Kombucha. Our producer Nadia will be your "
            "contact.\n\nBest,\nOliver Hartmann\nBrightside Events")
    attached = ("Brightside Events ApS · Ravnsborggade 8B, 2. th · 2200 København N · +45 71 99 20 30 · CVR 14286675\n"
                "EVENT APPLICATION – USE OF PUBLIC SPACE\n"
                "Organiser (applicant): Kelp Kombucha ApS, Rentemestervej 23A, 2400 København NV, CVR 20741643\n"
                "Event agency: Brightside Events ApS (acting on behalf of the organiser)\nWhere: Ofelia Plads\n")
    found = values([("subject", "Event application – Kelp Kombucha summer sampling, Ofelia Plads"), ("body", body),
                    ("application.docx", attached)], sender="oliver@brightside-events.dk",
                   sender_name="Oliver Hartmann")
    assert found["company_name"] == "Kelp Kombucha ApS"
    body = body.replace("for our client Kelp Kombucha", "for the summer sampling")
    found = values([("body", body)], sender="oliver@brightside-events.dk", sender_name="Oliver Hartmann")
    assert found["company_name"] == "Brightside Events"
