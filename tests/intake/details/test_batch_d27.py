"""Details in the voices of development batch d27: applications as they arrive in a shared mailbox after passing
through hands. A colleague's forward ("VS:" over an Outlook "Oprindelig meddelelse" block), a reply quoting the
writer's own earlier mail or the municipality's, a correction of an earlier mail ("not on 12 June but on 19 June"),
a forwarder who is the one to contact, long signatures with a switchboard, a direct line and a mobile, and a
municipality's quoted letter whose address and phones are not the applicant's."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.addresses import corrected_house_numbers
from intake.details.names import designated_contact, find_company, find_contact
from intake.details.periods import corrected_dates, find_period
from intake.details.text import asks_for_the_writer, extract_from_text

REF = date(2026, 12, 3)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a forward under a forward subject

_OUTLOOK_FORWARD = (
    "Hej\n\nDenne er landet hos os – sender den videre til jer.\n\nVenlig hilsen\nLene Bak\nBorgerservice\n\n"
    "-----Oprindelig meddelelse-----\nFra: Sofie Kjær <sofie@cafemaanen.dk>\nSendt: 2. marts 2027 09:14\n"
    "Til: Borgerservice <borgerservice@example.dk>\nEmne: Ansøgning om udeservering\n\n"
    "Vi søger om udeservering foran vores café på Blågårdsgade 17, 2200 København N.\n\nCafé Månen ApS\n"
    "CVR-nr.: 41 09 02 19\n\nKontaktperson: Sofie Kjær, tlf. 28 41 93 07, sofie@cafemaanen.dk\n\nMvh Sofie")


def test_an_outlook_block_under_a_forward_subject_is_the_application():
    found = values([("subject", "VS: Ansøgning om udeservering"), ("body", _OUTLOOK_FORWARD)],
                   sender="lene.bak@example.dk", sender_name="Lene Bak")
    assert found["cvr"] == "41090219"
    assert found["contact_name"] == "Sofie Kjær"
    assert found["address"] == "Blågårdsgade 17"


def test_the_same_block_under_a_reply_subject_is_someone_elses_history():
    # near miss: under "SV:" the block is the history of a reply written by someone else: not the sender's details
    found = values([("subject", "SV: Ansøgning om udeservering"), ("body", _OUTLOOK_FORWARD)],
                   sender="lene.bak@example.dk", sender_name="Lene Bak")
    assert "cvr" not in found
    assert found["contact_name"] == "Lene Bak"


# ---------------------------------------------------------------- the contact named again in a reply

def test_the_contact_person_is_still_the_foreman():
    text = ("Hej Søren\n\nHermed de manglende oplysninger.\n\nKontaktperson er stadig vores værkfører, Brian Nygaard, "
            "mobil 28 90 53 17.\n\nVenlig hilsen\nLone Iversen\nAdministration")
    assert designated_contact(text) == "Brian Nygaard"
    assert find_contact(text) == "Brian Nygaard"


def test_the_contact_person_is_still_without_a_title():
    assert designated_contact("Kontaktpersonen er fortsat Brian Nygaard, 28 90 53 17.") == "Brian Nygaard"


def test_a_foreman_still_on_the_site_is_no_contact():
    # near miss: "stadig" without a contact named
    text = "Hej\n\nVores værkfører Brian Nygaard er stadig på pladsen hver dag.\n\nVenlig hilsen\nLone Iversen"
    assert find_contact(text) == "Lone Iversen"


# ---------------------------------------------------------------- a corrected date

def test_a_corrected_day_replaces_the_quoted_one():
    text = ("Correction: the run is not on 12 June but on 19 June 2027 (12 June clashes with another event).\n\n"
            "> We would like to hold the run on Saturday 12 June 2027, 09:00-14:00.")
    period = find_period(corrected_dates(text), REF)
    assert (period.start, period.end) == (date(2027, 6, 19), date(2027, 6, 19))


def test_a_corrected_start_keeps_the_quoted_end():
    text = ("Correction: the excavation does not start on 12 May but on 19 May 2027. The end date is unchanged "
            "(28 May 2027).\n\n> Period: 12 May to 28 May 2027.")
    found = extract_from_text(text, REF)
    assert (found["period_from"], found["period_to"]) == ("2027-05-19", "2027-05-28")


def test_a_danish_correction_of_a_bare_day():
    text = "Rettelse: ikke den 12. men den 19. juni.\n\n> Vi søger om lørdag den 12. juni 2027 kl. 10-16."
    period = find_period(corrected_dates(text), REF)
    assert (period.start, period.end) == (date(2027, 6, 19), date(2027, 6, 19))


def test_not_but_without_dates_changes_nothing():
    # near miss: a correction of a number, not of a date
    text = "Not 10 but 12 tables, from 1 June to 3 June 2027."
    assert corrected_dates(text) == text


def test_the_date_a_quoted_mail_was_sent_is_no_period():
    text = ("Hi again, everything in my mail below still applies.\n\n> From: Freja Lind <freja@example.dk>\n"
            "> Sent: 2 February 2027 10:15\n> Subject: Fun run\n>\n> The run is on Saturday 19 June 2027.")
    found = extract_from_text(text, REF)
    assert (found["period_from"], found["period_to"]) == ("2027-06-19", "2027-06-19")


# ---------------------------------------------------------------- the one who forwards is the contact

_FORWARDED_BELOW = (
    "\n\n---------- Forwarded message ---------\nFrom: Louise Brandt <lb@nordiskledning.dk>\n"
    "Date: Wed, 2 Jun 2027 at 16:44\nSubject: Excavation – Jagtvej 169\nTo: Karl Due <kd@nordiskledning.dk>\n\n"
    "Karl – can you send the permit application to the municipality?\n\nSite: outside Jagtvej 169, 2100 København Ø\n"
    "Period: 14 June to 25 June 2027\n\n/Louise\n\nLouise Brandt\nProject Manager\n"
    "Nordisk Ledningsteknik ApS · CVR 37081612\nDirect +45 43 73 10 22\nlb@nordiskledning.dk")


def test_the_forwarder_who_is_the_contact_for_the_dig():
    text = ("Sending this on to you as agreed. I'm the contact for the dig itself – mobile +45 23 81 55 06.\n\n"
            "Karl Due\nSite Foreman, Nordisk Ledningsteknik ApS" + _FORWARDED_BELOW)
    found = values([("subject", "Fwd: Excavation – Jagtvej 169"), ("body", text)], sender="kd@nordiskledning.dk",
                   sender_name="Karl Due")
    assert (found["contact_name"], found["contact_email"], found["phone"]) == ("Karl Due", "kd@nordiskledning.dk",
                                                                                "23815506")


def test_the_forwarder_asks_to_be_contacted_in_danish():
    text = ("Til Center for Bygninger – videresender fra bygherre; jeg er rådgiver på sagen, så kontakt gerne mig på "
            "40 55 12 78 eller sd@dahl-arkitekter.dk.\n\nSigne Dahl, arkitekt MAA" + _FORWARDED_BELOW)
    found = values([("subject", "VS: Gravning"), ("body", text)], sender="sd@dahl-arkitekter.dk",
                   sender_name="Signe Dahl")
    assert (found["contact_name"], found["contact_email"], found["phone"]) == ("Signe Dahl", "sd@dahl-arkitekter.dk",
                                                                                "40551278")


def test_a_forwarder_who_only_passes_it_on_is_no_contact():
    # near miss: the forwarder does not say he is the one to contact: the forwarded mail's address stands
    text = "Sending this on to you as agreed on the phone.\n\nKarl Due\nSite Foreman" + _FORWARDED_BELOW
    found = values([("subject", "Fwd: Excavation – Jagtvej 169"), ("body", text)], sender="kd@nordiskledning.dk",
                   sender_name="Karl Due")
    assert found["contact_email"] == "lb@nordiskledning.dk"


def test_the_writer_asks_to_be_contacted():
    assert asks_for_the_writer("I'm the store manager and will be your contact for this case: sara@example.dk")
    assert asks_for_the_writer("Har I spørgsmål, så kontakt gerne mig på 40 55 12 78.")
    # near misses: a role, not the contact; another person named as the contact after the words
    assert not asks_for_the_writer("I'm the store manager of the new shop on Østerbrogade.")
    assert not asks_for_the_writer("I'm the contact for this: Hannah Schultz, +45 31 08 55 27")


# ---------------------------------------------------------------- which of a signature's numbers, which address

_LONG_SIGNATURE = ("\n\nMed venlig hilsen\n\nHenrik Mølgaard\nProjektleder\n\nSjællands Kranservice A/S\n"
                   "Omstilling: 70 10 20 30\nDirekte: 36 98 12 44\nMobil: 21 78 45 60\nhm@sjaellandkran.dk")


def test_the_mobile_when_the_writer_asks_to_be_called_on_it():
    text = ("Til Center for Trafik\n\nVi søger om kranopstilling.\n\nRing helst på mobilen på selve dagen."
            + _LONG_SIGNATURE)
    assert extract_from_text(text, REF)["phone"] == "21784560"


def test_call_my_mobile_in_english():
    text = ("We apply for noisy work.\n\nI am on site most of the day, so please call my mobile rather than the "
            "office.\n\nKind regards\nJesper Storm\nDirect: +45 72 30 18 44\nMobile: +45 22 61 09 57")
    assert extract_from_text(text, REF)["phone"] == "22610957"


def test_the_direct_line_when_no_one_asks_for_the_mobile():
    # near miss: nothing said about the mobile: the labelled direct line stands
    text = "Til Center for Trafik\n\nVi søger om kranopstilling." + _LONG_SIGNATURE
    assert extract_from_text(text, REF)["phone"] == "36981244"


def test_replies_asked_to_a_project_mailbox():
    text = ("We apply for noisy work.\n\nWritten replies please to our project mailbox projekt.fsv138@holmgaard.dk so "
            "the whole team can see them.\n\nKind regards\nJesper Storm\nE-mail: jst@holmgaard.dk")
    assert extract_from_text(text, REF)["contact_email"] == "projekt.fsv138@holmgaard.dk"


def test_invoices_to_a_mailbox_are_no_replies():
    # near miss: where the bills go is not where to answer
    text = ("We apply for noisy work.\n\nInvoices please to our mailbox faktura@holmgaard.dk.\n\nKind regards\n"
            "Jesper Storm\nE-mail: jst@holmgaard.dk")
    assert extract_from_text(text, REF)["contact_email"] == "jst@holmgaard.dk"


# ---------------------------------------------------------------- an area given elsewhere

def test_an_area_field_that_points_to_the_sketch_gives_no_area():
    text = ("Period: 15 April to 15 October 2027\nArea: see the attached sketch – two tables along the facade, with "
            "1.5 m free passage kept on the pavement.")
    assert "area_m2" not in extract_from_text(text, REF)


def test_an_area_field_with_square_metres_and_the_sketch():
    # near miss: the field gives the area and points to the sketch as well
    text = "Period: 15 April to 15 October 2027\nArea: 10 m² (see the attached sketch)."
    assert extract_from_text(text, REF)["area_m2"] == 10


# ---------------------------------------------------------------- the day something was approved

def test_the_day_the_police_approved_the_plan_is_no_period():
    text = ("We apply for an excavation permit. The period is shown in the attached traffic signage plan, which the "
            "police approved on 2 August.")
    period = find_period(text, REF)
    assert (period.start, period.end) == (None, None)


def test_a_plans_approval_in_its_heading_is_no_period():
    text = ("Afmærkningsplan – godkendt af Københavns Politi 2. august 2027\nArbejdssted: Strandboulevarden 100\n"
            "Udførelse: 6. september – 17. september 2027")
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 9, 6), date(2027, 9, 17))


def test_a_day_after_an_approval_still_counts():
    # near miss: the approval is awaited, the day is the work's
    text = "The plan is to be approved by the police. We dig on 6 September 2027."
    period = find_period(text, REF)
    assert (period.start, period.end) == (date(2027, 9, 6), date(2027, 9, 6))


# ---------------------------------------------------------------- a spot on the premises is no site

def test_a_tanks_placement_in_a_form_is_no_site():
    form = {"Placering": "Overjordisk, indendørs i fyrrummet, dobbeltvægget", "Virksomhed": "Sundby Tømrer ApS"}
    found = values([("body", "Hej, her er skemaet.")], form)
    assert "activity_location" not in found


def test_a_signs_placement_with_its_height_is_no_site():
    text = ("Skilteløsninger Nord ApS – tegning nr. 2291\n"
            "Monteringsadresse: Nørrebrogade 62, st. th., 2200 København N\nMål: 2,0 x 0,5 m\n"
            "Placering: over indgangsdøren, underkant 2,6 m over fortovet")
    assert "activity_location" not in extract_from_text(text, REF)


def test_a_placement_on_a_square_is_a_site():
    # near miss: the placement names a place before the spot on it
    text = "Ansøgning om stadeplads\nPlacering: Kultorvet, ved springvandet\nPeriode: 1. maj til 27. juni 2027"
    assert extract_from_text(text, REF)["activity_location"] == "Kultorvet"


# ---------------------------------------------------------------- a corrected house number

def test_a_corrected_house_number_puts_the_quoted_address_right():
    text = ("Correction to my application: the address is Amagerbrogade 240, not 204 (typo). The rest is unchanged.\n\n"
            "Kind regards\nAhmed Yousef\n\n> From: Ahmed Yousef\n> Sent: Monday, 7 June 2027 21:40\n>\n"
            "> A wastewater permit for our car wash at Amagerbrogade 204, 2300 København S.")
    found = extract_from_text(text, REF)
    assert (found["address"], found["postcode"]) == ("Amagerbrogade 240", "2300")
    assert "activity_location" not in found


def test_a_danish_correction_of_the_number():
    text = ("Rettelse: skiltet skal sidde på nr. 38, ikke nr. 36 – butikken flytter til Læderstræde 38, st., 1201 "
            "København K.\n\nMvh\nPetra Winge\n\n> Hej\n>\n> Et udhængsskilt ved butikken på Læderstræde 36, st., 1201 "
            "København K.")
    assert corrected_house_numbers(text).count("Læderstræde 38, st.") == 2


def test_a_count_corrected_is_no_house_number():
    # near miss: "2 washing bays, not 3" corrects a count, not an address
    text = "The car wash will have 2 washing bays, not 3.\n\n> at Vermundsgade 3, 2100 København Ø."
    assert corrected_house_numbers(text) == text


# ---------------------------------------------------------------- an agent's signature beside the client's form

_AGENT_SIGNATURE = ("\n\nMed venlig hilsen\nSusanne Kjeldsen\nRegistreret revisor\n\nKjeldsen Revision ApS\n"
                    "Hovedkontor: Falkoner Allé 1, 2000 Frederiksberg\nTlf. 38 87 00 00 · Direkte 38 87 00 14\n"
                    "sk@kjeldsen-revision.dk\nCVR 23651726")
_CLIENTS_FORM = ("TILMELDING – ERHVERVSAFFALD\nFirma: Café Sommerfugl ApS\nCVR: 22061887\n"
                 "Adresse: Sankt Pauls Gade 22, 1313 København K\nKontakt: Mie Olesen, tlf. 26 15 80 47\n"
                 "E-mail: mie@cafesommerfugl.dk")


def test_the_clients_form_over_the_accountants_signature():
    body = ("Hej\n\nVi er revisor for Café Sommerfugl ApS og sender på kundens vegne den vedhæftede tilmelding."
            + _AGENT_SIGNATURE)
    found = values([("subject", "Tilmelding af erhvervsaffald – Café Sommerfugl ApS"), ("body", body),
                    ("tilmelding.pdf", _CLIENTS_FORM)], sender="sk@kjeldsen-revision.dk")
    assert (found["cvr"], found["address"], found["contact_email"]) == ("22061887", "Sankt Pauls Gade 22",
                                                                        "mie@cafesommerfugl.dk")


def test_an_accountant_who_does_not_say_he_writes_for_the_client():
    # near miss: no word of writing for a client: the mail's own address stands beside the form's CVR
    body = "Hej\n\nVi er revisor for Café Sommerfugl ApS og sender den vedhæftede tilmelding." + _AGENT_SIGNATURE
    found = values([("subject", "Tilmelding af erhvervsaffald – Café Sommerfugl ApS"), ("body", body),
                    ("tilmelding.pdf", _CLIENTS_FORM)], sender="sk@kjeldsen-revision.dk")
    assert found["address"] == "Falkoner Allé 1"


# ---------------------------------------------------------------- a part of town is no site

def test_a_restaurant_on_norrebro_names_no_site():
    found = extract_from_text("Hvilke tilladelser skal vi have? – ny restaurant på Nørrebro", REF)
    assert "activity_location" not in found


def test_a_stall_on_islands_brygge_names_a_site():
    # near miss: a district named like a street is a place a stall can stand
    found = extract_from_text("Is-cykel på Islands Brygge i sommer", REF)
    assert found["activity_location"] == "Islands Brygge"


# ---------------------------------------------------------------- a business being opened, by its name

def test_a_bakery_cafe_to_be_opened_called_by_its_name():
    text = ("I've signed a lease for a small shop at Jægersborggade 21, 2200 København N, where I plan to open a "
            "bakery-café called Crumb Copenhagen in August.")
    assert find_company(text, has_cvr=False) == "Crumb Copenhagen"


def test_a_cafe_visited_is_not_the_business():
    # near miss: a place the writer went to, not the one being opened
    text = "Last week I visited a bakery-café called Crumb Copenhagen in Aarhus and liked it."
    assert find_company(text, has_cvr=False) is None
