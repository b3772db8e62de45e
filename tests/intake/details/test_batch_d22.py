"""Details in the voices of development batch d22: a baker's phone mail ("vi er X i Y", "ring bare ... 26114890",
"Sendt fra min iPhone"), a retired architect helping his son-in-law's restaurant, a CVR in its definite form, the
first weeks of a month, a weekday that settles a date's year, the company's post sent to its workshop, a P-number
beside the one place given, a subject and an attached account that both put the work at the body's address, a client
on its heading's line, an adviser to the developer, a branch's CVR/VAT number before its address, two days with their
hours."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.periods import find_period
from intake.details.sites import find_addresses

REF = date(2027, 2, 8)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "", reference: date = REF) -> dict:
    found = extract_details(sources, fields or {}, reference=reference, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a phone mail

_BAKER = ("hej\nvi er Bager Bentsen i Jægersborggade 14 2200 kbh n og vil gerne ha lov at stille 2 små borde ud på "
          "fortovet foran butikken fra 1 maj til 30 september\ncvr 52605806\nring bare hvis der er noget 26114890 jeg "
          "står selv i butikken\nmvh Dorthe Bentsen\n\nSendt fra min iPhone")


def test_the_line_a_phone_adds_under_the_mail_is_no_company():
    found = values([("body", _BAKER)], sender="dorthe@gmail.com")
    assert found.get("company_name") != "Sendt fra min iPhone"


def test_a_company_line_under_the_name_is_still_the_company():
    text = "Hej\n\nVi vil gerne stille et bord ud.\n\nMvh\nDorthe Bentsen\nBentsens Bageri\nCVR 52605806"
    assert values([("body", text)])["company_name"] == "Bentsens Bageri"


def test_the_business_introduced_after_vi_er_that_the_mailbox_spells():
    assert values([("body", _BAKER)], sender="bagerbentsen@gmail.com")["company_name"] == "Bager Bentsen"


def test_vi_er_with_a_name_the_mailbox_does_not_spell_is_no_company():
    text = _BAKER.replace("\n\nSendt fra min iPhone", "")
    assert "company_name" not in values([("body", text)], sender="dorthe.b@gmail.com")


def test_eight_digits_after_ring_in_the_clause_are_the_phone():
    assert values([("body", _BAKER)])["phone"] == "26114890"


def test_eight_digits_after_ring_and_another_numbers_label_are_no_phone():
    text = "Hej\n\nRing gerne, vores CVR er 52605806 hvis I skal bruge det\n\nMvh\nDorthe Bentsen"
    found = values([("body", text)])
    assert (found.get("cvr"), found.get("phone")) == ("52605806", None)


def test_eight_digits_in_another_sentence_than_ring_are_no_phone():
    text = "Hej\n\nRing gerne, hvis I har spørgsmål. Vores kundenummer hos jer er 26114890.\n\nMvh\nDorthe Bentsen"
    assert "phone" not in values([("body", text)])


# ---------------------------------------------------------------- numbers and dates

def test_the_cvr_number_in_its_definite_form():
    text = "Hej\n\nCVR-nummeret er 23368129, og vores postadresse er Øresundsvej 21, 3. th, 2300 København S.\n\nIda"
    assert values([("body", text)])["cvr"] == "23368129"


def test_the_cvr_number_not_yet_had_is_no_cvr():
    text = "Hej\n\nCVR-nummeret har vi ikke fået endnu, men ring på 26 11 48 90.\n\nIda"
    assert "cvr" not in values([("body", text)])


def test_a_month_cued_only_by_the_fra_inside_a_word_is_no_period():
    text = ("Der bliver ingen opvarmning ud over infrarøde varmelegemer. Ejerforeningen har på sin generalforsamling i "
            "marts givet sit samtykke.")
    assert find_period(text, REF) == find_period("", REF)


def test_a_month_after_fra_as_a_word_is_still_a_period():
    text = "Vi vil gerne have borde ude fra april til september."
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 4, 1), date(2027, 9, 30))


def test_the_first_and_last_weeks_of_a_month_as_days():
    first = find_period("We plan to do this during the first two weeks of August this year (2027), Monday to "
                        "Friday.", REF)
    last = find_period("Vi graver de sidste to uger af juni.", REF)
    assert (first.start, first.end) == (date(2027, 8, 1), date(2027, 8, 14))
    assert (last.start, last.end) == (date(2027, 6, 17), date(2027, 6, 30))


def test_the_first_weeks_of_a_month_without_their_number_are_no_period():
    period = find_period("We hope to start in the first weeks of July.", REF)
    assert (period.start, period.end) == (None, None)


def test_a_weekday_settles_the_year_of_a_date_written_without_one():
    text = ("Vi starter mandag den 4. oktober og regner med at være færdige fredag den 8. oktober. Vi udfører selv "
            "arbejdet.")
    period = find_period(text, date(2026, 12, 3))
    assert (period.start, period.end) == (date(2027, 10, 4), date(2027, 10, 8))


def test_a_date_without_its_weekday_keeps_the_nearer_year():
    text = "Vi starter den 4. oktober og regner med at være færdige den 8. oktober."
    period = find_period(text, date(2026, 12, 3))
    assert (period.start, period.end) == (date(2026, 10, 4), date(2026, 10, 8))


def test_two_days_each_with_its_hours_are_one_range():
    text = ("Dates and times: Friday 10 September 2027, 12:00–20:00, and Saturday 11 September 2027, 10:00–18:00.")
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 9, 10), date(2027, 9, 11))


def test_a_day_with_its_hours_and_another_day_offered_instead_are_no_range():
    text = "Dates: Friday 10 September 2027, 12:00–20:00, or if it rains Friday 17 September 2027."
    assert find_period(text, REF).end != date(2027, 9, 17)


# ---------------------------------------------------------------- contacts

def test_enquiries_asked_sent_to_the_chairman_name_her_as_the_contact():
    text = ("Kære Byliv\n\nForeningen holder sensommerfest i Enghaveparken lørdag den 21. august 2027. Henvendelser "
            "bedes sendt til vores formand, Birgit Lassen, på birgit@example.dk eller tlf. 22 51 74 30.\n\nMed venlig "
            "hilsen\nPeter Aagaard\nkasserer")
    assert values([("body", text)])["contact_name"] == "Birgit Lassen"


def test_a_programme_sent_to_someone_does_not_name_the_contact():
    text = ("Kære Byliv\n\nForeningen holder sensommerfest i Enghaveparken lørdag den 21. august 2027. Programmet er "
            "sendt til Birgit Lassen til korrektur.\n\nMed venlig hilsen\nPeter Aagaard\nkasserer")
    assert values([("body", text)])["contact_name"] == "Peter Aagaard"


# ---------------------------------------------------------------- whose address

_HELPER = ("Kære Center for Bygninger\n\nMit navn er Henrik Vestergaard, og jeg er pensioneret arkitekt. Jeg har "
           "påtaget mig at bistå min svigersøn, Anders Kjær, som driver Restaurant Kastanjen ApS i stueetagen og "
           "kælderen i ejendommen Ryesgade 25, 2200 København N. Restauranten ønsker at opføre et orangeri i gården."
           "\n\nMed venlig hilsen\n\nHenrik Vestergaard\narkitekt MAA, pens.\nClassensgade 40, 3. th.\n2100 "
           "København Ø")


def test_a_relative_helping_with_the_restaurant_the_premises_in_a_house_are_the_address():
    found = find_addresses(_HELPER)
    assert (found["address"], found["postcode"]) == ("Ryesgade 25", "2200")
    assert "activity_location" not in found


def test_a_shop_in_the_ground_floor_a_contractor_renovates_is_the_site():
    text = ("Hej\n\nVi skal renovere butikken i stueetagen i ejendommen Ryesgade 25, 2200 København N.\n\nMvh\n"
            "Ole Berg\nBerg Byg ApS\nTomsgårdsvej 22, 2400 København NV")
    found = find_addresses(text)
    assert found["address"] == "Tomsgårdsvej 22"
    assert found["activity_location"].startswith("Ryesgade 25")


_WORKSHOP = ("Goddag\n\nJeg er indehaver af Brønshøj Autoservice, som har værksted på Frederikssundsvej 212, 2700 "
             "Brønshøj. For to år siden købte vi en lagergrund på Slotsherrensvej 214, og der ligger en gammel "
             "olietank.\n\nJeg bor selv på Krabbesholmvej 15 i Vanløse, men post til firmaet skal til værkstedet.\n\n"
             "Med venlig hilsen\nAllan Mortensen")


def test_the_premises_the_companys_post_goes_to_are_the_address_over_the_home():
    found = find_addresses(_WORKSHOP)
    assert (found["address"], found["postcode"]) == ("Frederikssundsvej 212", "2700")
    assert found["activity_location"] == "Slotsherrensvej 214"


def test_a_home_and_a_shop_elsewhere_keep_the_home_as_the_address():
    text = ("Hej\n\nJeg bor på Tagensvej 120, 3. tv, 2200 København N, men butikken ligger på Nørrebrogade 56, 2200 "
            "København N.\n\nVenlig hilsen\nSanne Frost")
    found = find_addresses(text)
    assert found["address"] == "Tagensvej 120, 3. tv"
    assert found["activity_location"].startswith("Nørrebrogade 56")


_PLANT = ("Application for environmental approval\n\nApplicant: Amager Coat ApS, CVR 66084957, P-number 1026929706\n"
          "Site: Vasbygade 12, 2450 København SV\nContact: Ingrid Solberg, HSE Manager, +45 30 58 92 41\n\n"
          "The business coats steel parts.")


def test_the_one_place_given_beside_the_p_number_is_the_address():
    found = values([("body", "Please find attached our application."), ("application.pdf", _PLANT)])
    assert (found["address"], found["postcode"]) == ("Vasbygade 12", "2450")
    assert "activity_location" not in found


def test_the_one_place_given_without_a_p_number_stays_the_site():
    found = values([("body", "Please find attached our application."),
                    ("application.pdf", _PLANT.replace(", P-number 1026929706", ""))])
    assert "address" not in found
    assert found["activity_location"].startswith("Vasbygade 12")


_ACCOUNT = ("Redegørelse for støjende arbejde på Rentemestervej 14, 2400 København NV\n\nNedbrydningen sker fra mandag "
            "den 4. oktober til og med fredag den 29. oktober 2027.\n\nBetonbrud Sjælland ApS · Ejby Industrivej 40 · "
            "2600 Glostrup")
_NOISE_BODY = ("Hej Miljø\n\nVi skal nedbryde en gammel betonkonstruktion (et tidligere parkeringsdæk) på "
               "Rentemestervej 14 i Nordvest. Vores redegørelse er vedhæftet.\n\nVi er Betonbrud Sjælland ApS, CVR "
               "99127139.\n\nVenlig hilsen\nMartin Overgaard")


def test_the_body_address_the_subject_and_the_attachment_give_as_the_site():
    found = values([("subject", "Støjende nedbrydning – Rentemestervej 14"), ("body", _NOISE_BODY),
                    ("redegoerelse.docx", _ACCOUNT)])
    assert (found["address"], found["postcode"]) == ("Ejby Industrivej 40", "2600")
    assert found["activity_location"].startswith("Rentemestervej 14")


def test_the_body_address_the_subject_does_not_name_stays_the_address():
    found = values([("subject", "Støjende nedbrydning"), ("body", _NOISE_BODY), ("redegoerelse.docx", _ACCOUNT)])
    assert found["address"] == "Rentemestervej 14"


_ROOF = ("Project description – new roof apartments, Classensgade 11, 2100 København Ø\nClient and applicant: "
         "Ejendomsselskabet Classen 11 ApS, CVR 24929787, c/o Nordstern\nAdministration, Store Kongensgade 72, 1264 "
         "København K.\nArchitect and contact person for the case: Julie Aagaard, Studio Nordlys Arkitekter ApS,\n"
         "+45 26 35 90 12, ja@studionordlys.dk.\nThe project converts the attic into four apartments.")
_COVER = ("Dear Centre for Buildings,\n\nOn behalf of our client we enclose a project description.\n\nBest regards,\n"
          "Julie Aagaard\nStudio Nordlys Arkitekter")


def test_a_client_on_its_headings_line_is_the_applicant_with_its_address():
    found = values([("subject", "Roof extension Classensgade 11"), ("body", _COVER), ("description.pdf", _ROOF)])
    assert found["company_name"] == "Ejendomsselskabet Classen 11 ApS"
    assert found["cvr"] == "24929787"
    assert (found["address"], found["postcode"]) == ("Store Kongensgade 72", "1264")
    assert found["activity_location"].startswith("Classensgade 11")


def test_a_client_heading_alone_needs_a_text_that_writes_for_another():
    roof = _ROOF.replace("Client and applicant:", "Client:")
    found = values([("subject", "Roof extension Classensgade 11"),
                    ("body", _COVER.replace("On behalf of our client we", "We")), ("description.pdf", roof)])
    assert found["company_name"] == "Studio Nordlys Arkitekter"


_ADVISER = ("Til Center for Bygninger\n\nNorden Ingeniører A/S er rådgiver for bygherren, Glentevej Udvikling ApS "
            "(CVR 96750196), som ønsker at nedrive et garageanlæg med 24 garager og en tilhørende kontorbygning i ét "
            "plan på Glentevej 67, 2400 København NV.\n\nBygherrens adresse er Frederiksholms Kanal 4, 1220 København "
            "K. Kontaktperson i sagen er undertegnede.\n\nMed venlig hilsen\nRikke Damgaard\nIngeniør, Norden "
            "Ingeniører A/S")


def test_an_adviser_to_the_developer_gives_the_developers_name_and_address():
    found = values([("body", _ADVISER)])
    assert found["company_name"] == "Glentevej Udvikling ApS"
    assert (found["address"], found["postcode"]) == ("Frederiksholms Kanal 4", "1220")
    assert found["activity_location"].startswith("Glentevej 67")


def test_the_developers_address_in_a_contractors_letter_is_not_the_address():
    text = ("Hej\n\nVi skal stille stillads op foran Glentevej 67, 2400 København NV. Bygherrens adresse er "
            "Frederiksholms Kanal 4, 1220 København K.\n\nMvh\nOle Berg\nBerg Stillads ApS\nTomsgårdsvej 22, 2400 "
            "København NV")
    assert find_addresses(text)["address"] == "Tomsgårdsvej 22"


def test_an_address_after_a_cvr_vat_number_is_the_companys_own():
    text = ("Hi,\n\nWe are fitting out a new flagship store at Frederiksberggade 16 for a retail client.\n\nOur Danish "
            "branch is Hartley Fitout, CVR/VAT DK63709603, Store Kongensgade 40, 1264 København K.\n\nRegards,\n"
            "Callum Price")
    found = find_addresses(text)
    assert (found["address"], found["postcode"]) == ("Store Kongensgade 40", "1264")
    assert found["activity_location"] == "Frederiksberggade 16"


def test_an_address_in_the_sentence_after_a_cvr_vat_number_is_not_the_companys_own():
    text = ("Hi,\n\nOur Danish branch is Hartley Fitout, CVR/VAT DK63709603. We will break the floor slab at "
            "Frederiksberggade 16.\n\nRegards,\nCallum Price\nHartley Fitout\nStore Kongensgade 40, 1264 København K")
    found = find_addresses(text)
    assert found["address"] == "Store Kongensgade 40"
