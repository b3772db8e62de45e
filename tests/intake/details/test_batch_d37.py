"""Details in the voices of development batch d37: hurried mails written on a phone, in lower case, with the
company's name, CVR, street and phone run together on one line."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import values_at

REF = date(2026, 12, 3)
values = values_at(REF)


# ---------------------------------------------------------------- streets written in lower case

def test_lower_case_address_with_floor_and_town_abbreviated():
    body = ("hej vi søger om 2 borde foran butikken fra d 1/5 til 31/8. kaffekoppen ivs cvr 31234567 "
            "jægersborggade 12 st 2200 kbh n tlf 22 33 44 55 mvh ida lund")
    found = values([("body", body)])
    assert (found["address"], found["postcode"]) == ("jægersborggade 12, st.", "2200")


def test_lower_case_site_beside_its_number_without_postcode():
    body = ("container ud for willemoesgade 14 fra d 4/2 til 20/2 2027. hansen byg aps cvr 31234567 "
            "vi sidder på gammel køge landevej 55 2500 valby. tlf 40 11 22 33 jens hansen")
    found = values([("body", body)])
    assert found["activity_location"] == "willemoesgade 14"
    assert (found["address"], found["postcode"]) == ("gammel køge landevej 55", "2500")


def test_lower_case_street_of_two_words_and_street_without_ending():
    body = ("spunsning på byggepladsen islands brygge 43 fra 18/1 til 12/2 2027\n"
            "anlæg nord a/s cvr 31234567, kontor lygten 39 2400 kbh nv\nbyggeleder ole dam 20 61 44 95")
    found = values([("body", body)])
    assert found["activity_location"] == "islands brygge 43"
    assert (found["address"], found["postcode"]) == ("lygten 39", "2400")


def test_lower_case_address_right_after_the_cvr_is_the_business_s_own():
    body = ("sløjfning af olietank 1200 l på valby langgade 20 2500 valby\n"
            "ole bak 27 31 09 58 baks vvs aps cvr 31234567 vigerslevvej 10 2500 valby")
    found = values([("body", body)])
    assert (found["address"], found["postcode"]) == ("vigerslevvej 10", "2500")
    assert found["activity_location"].startswith("valby langgade 20")


def test_surname_before_a_lower_case_street_is_no_part_of_it():
    body = ("gadefest lør d 21/8 2027 kl 14-23. arrangør: gadeforeningen cvr 31234567 c/o ida holm "
            "ravnsborggade 14 2 tv 2200 kbh n")
    assert values([("body", body)])["address"] == "ravnsborggade 14, 2. tv"


def test_bare_floor_before_the_postcode():
    body = ("skurvogn ud for husumgade 18 fra d 1-26 feb 2027. jensen byg aps cvr 31234567 "
            "brønshøj torv 8 1 2700 brønshøj")
    assert values([("body", body)])["address"] == "brønshøj torv 8, 1."


# ---------------------------------------------------------------- companies written in lower case

def test_lower_case_company_after_a_sentence_s_end():
    body = ("stillads ud for nr 12 fra d 7/1 til 26/2 2027, facaderenovering. murerfirmaet k. dahl & søn aps "
            "cvr 31234567 tlf 40 12 88 31 kim dahl")
    assert values([("body", body)])["company_name"] == "murerfirmaet k. dahl & søn aps"


def test_lower_case_company_after_a_phone_number():
    body = "sløjfning af olietank i uge 2\nbo lind 27 31 09 58 linds vvs & blik aps cvr 31234567"
    assert values([("body", body)])["company_name"] == "linds vvs & blik aps"


def test_town_after_a_postcode_is_no_part_of_the_company():
    body = "ny fedtudskiller 1000 l i køkkenet, vesterbrogade 58 st 1620 kbh v. grill 7 aps cvr 31234567 mvh mads"
    assert values([("body", body)])["company_name"] == "grill 7 aps"


def test_role_word_before_a_lower_case_company_is_no_part_of_it():
    body = "støjende arbejde fra 18/1 til 12/2 2027\nentreprenør sjælland anlæg a/s cvr 31234567\nole dam 20 61 44 95"
    assert values([("body", body)])["company_name"] == "sjælland anlæg a/s"


def test_i_jul_is_christmas_not_july():
    # "salg fra vogn i jul": "jul" alone after "i" is Christmas; the dates written in the body are the period
    from intake.details.periods import find_period
    assert find_period("Vi vil sælge juletræer i jul på Halmtorvet", date(2026, 12, 1)).start is None
    text = "salg fra vogn i jul\nhej jeg vil gerne sælge kakao fra d 14 til 23 december"
    found = find_period(text, date(2026, 12, 1))
    assert (found.start, found.end) == (date(2026, 12, 14), date(2026, 12, 23))
    assert find_period("i juli sælger vi is fra vognen", date(2026, 12, 1)).start == date(2027, 7, 1)
