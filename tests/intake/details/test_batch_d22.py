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

