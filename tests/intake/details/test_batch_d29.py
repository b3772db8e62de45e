"""Details in the voices of development batch d29: an ordinary week of a municipality's mailbox. Periods first: a
scaffold put up on a day ("Vi stiller op den 10. maj"), work begun on a day that takes "about a week", a day labelled
"Day:", a month of the story ("the equipment is planned to go in during August", "if everything goes to plan"), a
letter's date closing it; then phones offered to the undersigned or cut by the reading window, a drawing office named
beside the client, a business still to be named, guests over the day and at one time, a part of town after the
address, an agency abroad, a name and its CVR above its address, and a forwarded mail's sender."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.labels import label_key
from intake.details.names import find_company, find_contact
from intake.details.periods import Period, find_period
from intake.details.sites import find_addresses
from intake.details.text import extract_from_text, labelled_values

REF = date(2026, 12, 3)


def values(sources: list[tuple[str, str]], sender: str = "x@example.dk") -> dict:
    found = extract_details(sources, {}, reference=REF, sender=sender)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- periods

def test_a_scaffold_put_up_on_a_day_starts_the_period():
    text = ("Vi stiller op den 10. maj 2027, og stilladset skal stå til og med den 25. juni 2027.\n\n"
            "Med venlig hilsen\nKenneth Mørk")
    assert find_period(text, REF) == Period(date(2027, 5, 10), date(2027, 6, 25))


def test_a_crew_on_a_day_is_no_start():
    # near miss: "stiller med fire mand" is not "stiller op": the one day of the work
    assert find_period("Vi stiller med fire mand den 10. maj 2027.", REF) == Period(date(2027, 5, 10),
                                                                                    date(2027, 5, 10))


def test_work_begun_on_a_day_that_takes_about_a_week_has_a_start_only():
    text = "Vi regner med at gå i gang mandag den 4. oktober 2027, og det tager cirka en uge."
    assert find_period(text, REF) == Period(date(2027, 10, 4), None)


def test_a_day_of_the_work_without_a_start_is_that_day():
    # near miss: no verb of beginning: the day itself
    text = "Vi regner med at være der mandag den 4. oktober 2027, og det tager cirka en uge."
    assert find_period(text, REF) == Period(date(2027, 10, 4), date(2027, 10, 4))


def test_everything_is_no_cue_of_a_month():
    text = ("We took over the lease in January and the kitchen is being fitted out right now; if everything goes to "
            "plan we open our doors in early May.")
    assert find_period(text, REF) == Period(None, None)


def test_every_saturday_in_a_month_is_a_period():
    # near miss: "every" as a word is the cue
    text = "I would like to sell crêpes every Saturday in September 2027."
    assert find_period(text, REF) == Period(date(2027, 9, 1), date(2027, 9, 30))


def test_during_a_month_alone_is_a_month_of_the_story():
    text = ("The new equipment is planned to go in during August, so it would be good to know what else you need "
            "from us.")
    assert find_period(text, REF) == Period(None, None)


def test_during_a_month_with_its_hours_is_a_period():
    # near miss: "from" with a time after the month is a cue
    text = "We would like to sell coffee on the square during August from 10 to 16."
    assert find_period(text, REF) == Period(date(2027, 8, 1), date(2027, 8, 31))


def test_a_day_labelled_day():
    assert label_key("Day") == "date"
    text = "Day: 7 July 2027, from 7.00 to 16.00, only this one day.\nThe lift takes approx. 8 x 3 meter."
    found = labelled_values(text, REF)
    assert (found["period_from"], found["period_to"]) == ("2027-07-07", "2027-07-07")


def test_the_contact_on_the_day_is_no_day():
    # near miss: a longer label with "day" in it names its own field
    assert label_key("Contact on the day") == "contact_name"


def test_a_date_closing_the_text_under_the_contact_is_when_it_was_signed():
    text = ("Ansøgning om tilladelse til afledning af spildevand\nVirksomhed: Vaskeriet Nordvest ApS\n"
            "Forventet mængde er ca. 25 m³ pr. uge.\n"
            "Kontaktperson: Mette Krogh, daglig leder, tlf. 28 19 55 02, mk@vaskerietnv.dk\nDato: 19. april 2027")
    assert "period_from" not in labelled_values(text, REF)


def test_a_date_among_the_fields_is_the_day_applied_for():
    # near miss: a line follows the date
    text = ("Arrangør: Nordvest Naboer\nKontakt: Priya Raman, priya@example.dk\nDato: lørdag den 28. august 2027\n"
            "Forventet antal gæster: 350")
    assert labelled_values(text, REF)["period_from"] == "2027-08-28"


# ---------------------------------------------------------------- phones

_LETTER = ("Vang Kloak & Anlæg ApS\nVigerslevvej 146 · 2500 Valby · Tlf. 36 30 21 15 · CVR 72624890\n\n"
           "Ansøgning om gravetilladelse – Tagensvej 85\n\nVi skal etablere en ny kloakstikledning.\n\n"
           "Spørgsmål kan rettes til undertegnede på 21 64 38 90 eller hv@vangkloak.dk.\n\nMed venlig hilsen\n\n"
           "Henrik Vang\nAutoriseret kloakmester")


def test_a_phone_offered_to_the_undersigned_over_the_letterhead():
    assert extract_from_text(_LETTER, REF)["phone"] == "21643890"


def test_questions_to_the_undersigned_without_a_phone_leave_the_letterhead():
    # near miss: no number after "undertegnede på"
    text = _LETTER.replace("undertegnede på 21 64 38 90 eller hv@vangkloak.dk", "undertegnede på hv@vangkloak.dk")
    assert extract_from_text(text, REF)["phone"] == "36302115"


def test_the_contacts_phone_read_whole_at_the_end_of_the_reach():
    text = ("Dear Centre,\n\nOur production manager Hanna Berg will be your contact person for the application: "
            "hanna@refbrew.dk, +45 60 31 77 24. Thanks.\n\nKind regards,\nJohan Aalto\nCEO, Refshaleøen Brewing ApS")
    assert extract_from_text(text, REF)["phone"] == "60317724"


def test_a_phone_far_after_the_contacts_name_is_not_theirs():
    # near miss: the number starts beyond the contact's reach: the one signed stays
    text = ("Dear Centre,\n\nOur production manager Hanna Berg will be your contact person for the application, "
            "which concerns the brewhouse and the six new fermentation tanks at the hall, tel 60 31 77 24.\n\n"
            "Kind regards,\nJohan Aalto\nMobile: 40 11 22 33")
    assert extract_from_text(text, REF)["phone"] != "60317724"


# ---------------------------------------------------------------- names

_SKETCH = ("SKITSEPROJEKT – Tilbygning til lagerhal\nBygherre: Lagerhotellet Sydhavn A/S, Vestre Teglgade 9, 2450 "
           "København SV\nArkitekt: {}\n\nProjekt: Tilbygning i to etager mod nord.")


def test_a_drawing_office_is_no_person():
    assert find_contact(_SKETCH.format("Tegnestuen Havnekanten")) is None


def test_an_architect_named_by_name_is_a_person():
    # near miss: a person's name under the same label
    assert find_contact(_SKETCH.format("Mads Linde")) == "Mads Linde"


def test_a_business_by_the_name_it_will_have():
    text = ("Hi there,\n\nI'm planning to open a small sourdough bakery.\n\nThe business will be called Crumb & Co. – "
            "I haven't registered it yet.\n\nThanks so much,\nEmily Carter")
    assert find_company(text, has_cvr=False) in ("Crumb & Co.", "Crumb & Co")


def test_a_business_that_will_be_registered_has_no_name_yet():
    # near miss: no name after "will be"
    text = "Hi there,\n\nThe business will be registered next month.\n\nThanks so much,\nEmily Carter"
    assert find_company(text, has_cvr=False) is None


# ---------------------------------------------------------------- guests

def test_people_counted_in_a_form_over_the_day():
    assert label_key("Expected number of people during the day") == "guests"
    assert label_key("Max. number of people at the same time") == "guests"
    assert label_key("Forventet besøg") == "guests"


def test_people_of_the_crew_are_no_guests_label():
    # near miss: people of another kind
    assert label_key("Number of people in the crew") is None


_PARTY = ("Hej\n\nSydhavnens Bryghus vil holde høstfest lørdag den 28. august 2027. Vi forventer op mod 500 gæster på "
          "pladsen på én gang.\n\nMvh\nPernille Skov")
_PLAN = "SITUATIONSPLAN – HØSTFEST\n\nForventet besøg: i alt omkring 1.500 i løbet af dagen.\n"


def test_guests_at_one_time_give_way_to_those_over_the_day_in_another_text():
    assert values([("body", _PARTY), ("plan.pdf", _PLAN)])["guests"] == 1500


def test_guests_expected_give_way_to_no_other_text():
    # near miss: the mail's count is not said to be at one time: the mail's stands
    text = _PARTY.replace(" på pladsen på én gang", "")
    assert values([("body", text), ("plan.pdf", _PLAN)])["guests"] == 500


# ---------------------------------------------------------------- places

def test_a_part_of_town_after_the_address_is_no_site():
    text = ("Good morning,\n\nI have open a gelateria in Torvegade 45 in Christianshavn since last year. Now we want a "
            "new sign.\n\nGiulia Ferraro")
    assert "activity_location" not in find_addresses(text)


def test_a_part_of_town_alone_is_the_site():
    # near miss: no address before it
    text = "Hi\n\nWe want to sell ice cream in Christianshavn on Saturdays.\n\nGiulia"
    assert find_addresses(text)["activity_location"] == "Christianshavn"


def test_the_town_an_agency_is_in_is_no_site():
    text = ("Hello,\n\nWe're an events agency in London planning a series of small brand activations in Copenhagen.\n\n"
            "Many thanks,\nOliver Pike")
    assert "activity_location" not in find_addresses(text)


def test_the_place_an_agency_plans_for_is_the_site():
    # near miss: the place of the event, not of the agency
    text = "Hello,\n\nWe're planning a pop-up stand in Kongens Have.\n\nOliver"
    assert find_addresses(text)["activity_location"] == "Kongens Have"


_POP_UP = ("Hej\n\nVi har lejet en tom butik på Værnedamsvej 12 fra 1. oktober til 31. december 2027 og vil lave en "
           "pop-up.\n\nKeramikstudiet Krukke v/ Maja Friis, CVR 54199619\nSankt Peders Stræde 30, 1453 København K\n\n"
           "Mvh\nMaja Friis")


def test_the_address_under_a_name_and_its_cvr_is_the_business_own():
    found = find_addresses(_POP_UP)
    assert (found["address"], found["activity_location"]) == ("Sankt Peders Stræde 30", "Værnedamsvej 12")


def test_an_address_under_a_name_without_its_cvr_is_no_block_of_its_own():
    # near miss: a name alone above the address does not mark it as the business's
    found = find_addresses(_POP_UP.replace(", CVR 54199619", ""))
    assert found["address"] == "Værnedamsvej 12"


# ---------------------------------------------------------------- a forwarded mail

_FORWARD = ("Hej\n\nJeg videresender lige nedenstående fra min kompagnon.\n\nMvh\nMaja Friis\n29 83 40 61\n\n"
            "---------- Videresendt besked ----------\nFra: {} <{}>\nDato: 14. august 2027\nEmne: pop-up\n\n"
            "Maja, udlejer siger, at vi selv skal sørge for tilladelser.\n/Ida")


def test_the_forwarded_mails_sender_is_no_contact_email():
    found = values([("body", _FORWARD.format("Ida Winkel", "ida@krukke.dk"))], sender="maja@krukke.dk")
    assert found["contact_email"] == "maja@krukke.dk"


def test_the_contacts_own_forwarded_mail_gives_the_contact_email():
    # near miss: the forwarded mail is the contact's own
    found = values([("body", _FORWARD.format("Maja Friis", "maja.friis@krukke.dk"))], sender="info@krukke.dk")
    assert found["contact_email"] == "maja.friis@krukke.dk"
