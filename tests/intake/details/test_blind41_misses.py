"""Details the blind mails of sessions 40 and 41 missed, each worded here apart from the mail: days listed with commas
before "and", a period or a side put right in a later line, a name signed above a phone's last lines, an officer's
title beside an abbreviation, an association's name with a plural's apostrophe, the applicant block over a client the
subject names, premises borrowed for an exhibition, and a second shop being opened beside the address under the CVR."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.details import periods
from intake.details.names import find_contact
from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))
REFERENCE = date(2026, 12, 7)


SIGNED = "\n\nMvh\nBo Lund\n"


def body(text: str, **kw) -> dict:
    return values([("body", text)], **kw)


def quick(text: str, seconds: float = 10) -> None:
    started = time.perf_counter()
    body(text)
    assert time.perf_counter() - started < seconds


# ---------------------------------------------------------------- days listed, the last after "and"

@pytest.mark.parametrize("sentence, start, end", [
    ("We screen films on Friday 9 July, Friday 16 July and Friday 23 July 2027 from 21:00.", "2027-07-09",
     "2027-07-23"),
    ("Markedet holdes lørdag den 5. juni, lørdag den 12. juni og lørdag den 19. juni 2027.", "2027-06-05",
     "2027-06-19"),
    ("Dates: 2 May, 9 May, 16 May and 23 May 2027.", "2027-05-02", "2027-05-23"),
])
def test_days_listed_with_commas_run_from_the_first(sentence, start, end):
    found = periods.find_period(f"Hej\n\n{sentence}\n", REFERENCE)
    assert (found.start.isoformat(), found.end.isoformat()) == (start, end)


@pytest.mark.parametrize("sentence, start, end", [
    # two days joined by "and" alone are still a range of their own
    ("The fair is on Saturday 11 September and Sunday 12 September 2027.", "2027-09-11", "2027-09-12"),
    # a day before the range in another clause is no part of a list
    ("We met you on 3 December. The event runs from 4 June to 6 June 2027.", "2027-06-04", "2027-06-06"),
    # a full stop between the days ends the list
    ("Rehearsal is 2 June. 9 June and 16 June 2027 are the concert days.", "2027-06-09", "2027-06-16"),
])
def test_a_range_not_listed_after_other_days_stays_as_it_is(sentence, start, end):
    found = periods.find_period(f"Hello\n\n{sentence}\n", REFERENCE)
    assert (found.start.isoformat(), found.end.isoformat()) == (start, end)


def test_a_long_list_of_days_is_read_quickly():
    text = "Hej\n\nVi spiller " + "lørdag den 5. juni, " * 20_000 + "og lørdag den 19. juni 2027.\n"
    started = time.perf_counter()
    periods.find_period(text, REFERENCE)
    assert time.perf_counter() - started < 10


# ---------------------------------------------------------------- a period put right in a later line

@pytest.mark.parametrize("lines, start, end", [
    ("Period: 1 April 2027 to 30 September 2027.\nCorrection: please make it 1 April 2027 to 31 October 2027.",
     "2027-04-01", "2027-10-31"),
    ("Periode: 3.-7. maj 2027\nRettelse: vi skal bruge pladsen 10.-14. maj 2027 i stedet.", "2027-05-10", "2027-05-14"),
    ("Period: 1 June to 5 June 2027.\nOn second thought, the period should be 2 June to 6 June 2027.",
     "2027-06-02", "2027-06-06"),
])
def test_a_period_corrected_in_a_later_line_wins_over_the_labelled_one(lines, start, end):
    found = body(f"Hello,\n\nWe apply for a market stall on Kultorvet.\n{lines}\n\nBest regards\nNina Krog\n")
    assert (found["period_from"], found["period_to"]) == (start, end)


@pytest.mark.parametrize("lines", [
    # a correction of something else leaves the period alone
    "Period: 1 April 2027 to 30 September 2027.\nCorrection: the stall is 3 m wide, not 2 m.",
    # the build-up days after the period are no correction of it
    "Period: 1 April 2027 to 30 September 2027.\nWe will make it nice for 1 April 2027 to 2 April 2027 with flowers.",
])
def test_a_period_without_a_correction_of_it_stands(lines):
    found = body(f"Hello,\n\nWe apply for a market stall on Kultorvet.\n{lines}\n\nBest regards\nNina Krog\n")
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-09-30")


def test_corrections_repeated_at_length_are_read_quickly():
    quick("Period: 1 April 2027 to 30 September 2027.\n" + "Correction: please make it 2 April 2027 to 3 May 2027.\n"
          * 3_000)


# ---------------------------------------------------------------- a side taken back as it is written

@pytest.mark.parametrize("text, area", [
    ("vognen er 6 m lang og 3 m bred\nundskyld 2,5 m bred", 15),
    ("The stall is 4 m long and 3 m wide, sorry, I mean 2 m wide.", 8),
    ("Containeren er 6 m lang og 2 m bred. Rettelse: 8 m lang.", 16),
])
def test_a_side_taken_back_is_put_right(text, area):
    found = body(f"Hej\n\nVi søger om plads på Israels Plads fra 4. juni til 27. august 2027.\n{text}{SIGNED}")
    assert found["area_m2"] == area


@pytest.mark.parametrize("text, area", [
    ("Sorry for the late reply. The stall is 4 m long and 3 m wide.", 12),     # an apology for something else
    ("vognen er 6 m lang og 3 m bred\nundskyld 2 m dyb", 18),                  # a depth takes back no width
    ("undskyld 2 m bred\nvognen er 6 m lang og 3 m bred", 18),                 # nothing before it to take back
])
def test_a_side_not_taken_back_stands(text, area):
    found = body(f"Hej\n\nVi søger om plads på Israels Plads fra 4. juni til 27. august 2027.\n{text}{SIGNED}")
    assert found["area_m2"] == area


def test_sides_taken_back_at_length_are_read_quickly():
    quick("Hej\n\nvognen er 6 m lang og 3 m bred\n" + "undskyld 2,5 m bred\n" * 5_000)


# ---------------------------------------------------------------- a name signed above a phone's last lines

@pytest.mark.parametrize("last", ["tak!!\n\nSendt fra min iPhone", "Mange tak!\nSendt fra min iPhone",
                                  "Thanks in advance\nSent from my Galaxy", "thx\n\nGet Outlook for iOS"])
def test_a_name_above_the_phone_number_under_a_thanks_and_a_device_line_signs(last):
    text = ("Hej\nJeg har en kaffevogn og vil gerne stå på Kultorvet\nfra 1. maj til 30. juni 2027\n"
            f"Kaffevognen ApS\ncvr 50708047\nMai Tran\n+45 26 71 90 34\n{last}")
    assert find_contact(text) == "Mai Tran"


def test_a_business_line_above_the_last_lines_is_no_one_signing():
    text = ("Hej\nJeg har en kaffevogn og vil gerne stå på Kultorvet\nfra 1. maj til 30. juni 2027\n"
            "cvr 50708047\nKaffevognen Nord\n+45 26 71 90 34\ntak!!\n\nSendt fra min iPhone")
    assert find_contact(text) is None
    assert body(text, sender="kaffevognen@gmail.com", sender_name="Kaffevognen").get("contact_name") is None


def test_a_mail_of_thanks_lines_is_read_quickly():
    quick("Hej\nVi vil gerne stå på Kultorvet.\n" + "tak!!\n" * 30_000)


# ---------------------------------------------------------------- an officer's title beside the abbreviation

@pytest.mark.parametrize("title", ["Events Officer, CISU", "Press Officer, CISU", "Welfare officer - CISU"])
def test_an_officers_title_line_is_no_company_over_the_name_above_the_cvr(title):
    text = ("Hi,\n\nWe are planning an outdoor welcome party on Israels Plads on Friday 10 September 2027.\n\n"
            "Copenhagen International Students' Union\nCVR 48839355\nRued Langgaards Vej 7, 2300 København S\n\n"
            f"Cheers,\nAnna Berg\n{title}")
    assert body(text)["company_name"] == "Copenhagen International Students' Union"


def test_a_name_with_a_plurals_apostrophe_above_its_cvr_is_the_company():
    text = ("Hej\n\nVi søger om at holde loppemarked i gården lørdag den 5. juni 2027.\n\n"
            "Beboernes Venners Forening\nCVR 48839355\n\nMvh\nAnna Berg")
    assert body(text)["company_name"] == "Beboernes Venners Forening"
    text = text.replace("Beboernes Venners Forening", "The Tenants' Garden Club")
    assert body(text)["company_name"] == "The Tenants' Garden Club"


def test_an_officer_who_signs_is_still_the_contact():
    text = ("Hi,\n\nWe plan a party on Israels Plads on Friday 10 September 2027.\n\nCISU\nCVR 48839355\n\n"
            "Cheers,\nAnna Berg\nEvents Officer")
    assert body(text)["contact_name"] == "Anna Berg"


# ---------------------------------------------------------------- the applicant over the subject's client

CONTRACTOR = ("Hej\n\nVi er hovedentreprenør på renoveringen for Boligforeningen Vestbo, afd. 4 (bygherre, "
              "CVR 58351253). Byggepladsen er Glentevej 10-14, 2400 København NV.\n\n"
              "Vi søger om skurby fra 11.01.2027 - 30.06.2027."
              "\n\nAnsøger:\nHansen & Kjær Byg A/S\nCVR 33174640\nRoskildevej 100, 2630 Taastrup\n\nVh.\nKasper Lund\n")


def test_the_company_above_the_applications_cvr_wins_over_the_client_in_the_subject():
    found = values([("subject", "Skurby - Glentevej 10-14 (Boligforeningen Vestbo afd. 4)"), ("body", CONTRACTOR)])
    assert (found["company_name"], found["cvr"]) == ("Hansen & Kjær Byg A/S", "33174640")


def test_the_subjects_company_stands_where_the_cvr_is_its_own():
    text = CONTRACTOR.replace("Ansøger:\nHansen & Kjær Byg A/S\nCVR 33174640\n", "Hansen & Kjær Byg A/S\n")
    text = text.replace("(bygherre, CVR 58351253)", "")
    text += "\nFor Boligforeningen Vestbo A/S, CVR 33174640\n"
    found = values([("subject", "Skurby - Glentevej 10-14 (Boligforeningen Vestbo A/S)"), ("body", text)])
    assert found["company_name"] == "Boligforeningen Vestbo A/S"


# ---------------------------------------------------------------- premises borrowed for the activity

@pytest.mark.parametrize("sentence", [
    "We have been lucky enough to borrow an empty shop at Jægersborggade 12, 2200 København N for a pop-up show.",
    "Vi har fået lov at låne en tom butik på Jægersborggade 12, 2200 København N til en udstilling.",
    "A friend has lent us a small shop at Jægersborggade 12, 2200 København N for the exhibition.",
])
def test_premises_borrowed_for_the_activity_are_its_site(sentence):
    text = (f"Hello,\n\n{sentence} We would like to hang a banner from 19 February to 14 March 2027.\n\n"
            "Blue Room I/S\nCVR 43195026\nStudio: Sønder Boulevard 53, 1720 København V\n\nThanks,\nNoor Said\n")
    found = body(text)
    assert (found["address"], found["activity_location"].split(",")[0]) == ("Sønder Boulevard 53", "Jægersborggade 12")


def test_premises_rented_are_still_the_address():
    text = ("Hello,\n\nWe have rented a small shop at Jægersborggade 12, 2200 København N and would like to hang a "
            "banner from 19 February 2027.\n\nBlue Room I/S\nCVR 43195026\n\nThanks,\nNoor Said\n")
    found = body(text)
    assert found["address"] == "Jægersborggade 12" and "activity_location" not in found


# ---------------------------------------------------------------- a second shop opened beside the address under the CVR

@pytest.mark.parametrize("sentence", [
    "Jeg åbner nu min butik nummer to på Amagerbrogade 131, 2300 København S, og vil gerne have et skilt op.",
    "Vi åbner en ny butik på Amagerbrogade 131, 2300 København S, og vil gerne have et skilt op.",
])
def test_a_second_shop_opened_is_the_site_beside_the_address_under_the_cvr(sentence):
    text = (f"Hej\n\n{sentence}\n\nBrillehuset v/ Mette Lund\nCVR 47580641\nHolmbladsgade 48, 2300 København S\n"
            "Mobil: 20 48 93 17\n\nHilsen Mette")
    found = body(text)
    assert (found["address"], found["activity_location"].split(",")[0]) == ("Holmbladsgade 48", "Amagerbrogade 131")


def test_a_second_shop_without_an_address_under_the_cvr_is_the_address():
    text = ("Hej\n\nJeg åbner nu min butik nummer to på Amagerbrogade 131, 2300 København S, og vil gerne have et "
            "skilt op.\n\nBrillehuset v/ Mette Lund\nCVR 47580641\nMobil: 20 48 93 17\n\nHilsen Mette")
    assert body(text)["address"] == "Amagerbrogade 131"
