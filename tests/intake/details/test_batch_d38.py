"""Details in the voices of development batch d38: associations, clubs and institutions (grundejerforeninger, A/B and
E/F, sports clubs, parish councils) that write through their chairman, treasurer, volunteers or administrator, with a
board list and a contact for the day beside the writer."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import values_at

REF = date(2027, 1, 15)
values = values_at(REF)


# ---------------------------------------------------------------- the writer over the contact for the day

def test_writer_asking_for_questions_beats_a_contact_person_for_the_day():
    body = ("Hej\n\nVi vil gerne holde vejfest på Pilekrogen lørdag den 21. august 2027 kl. 12-23.\n\n"
            "Kontaktperson på dagen er Ole Brix, tlf. 40 17 88 23. Spørgsmål til selve ansøgningen kan rettes til "
            "mig på 26 31 45 90 eller her på mailen.\n\nVenlig hilsen\nBent Kjærgaard\nFormand\n")
    found = values([("body", body)])
    assert (found["contact_name"], found["phone"]) == ("Bent Kjærgaard", "26314590")


def test_writer_who_can_be_reached_beats_a_labelled_contact_for_the_day():
    body = ("Hej\n\nVi søger om gadefest på Kertemindegade lørdag den 5. juni 2027.\n\n"
            "Kontaktperson på dagen: formand Lars Kirkegaard, 20 45 19 37.\n"
            "Jeg kan træffes på 31 72 04 66.\n\nMed venlig hilsen\nMaja Thorsen\nKasserer\n")
    found = values([("body", body)])
    assert (found["contact_name"], found["phone"]) == ("Maja Thorsen", "31720466")


def test_contact_me_directly_gives_the_writers_phone_over_the_site_contacts():
    body = ("Kære Byliv\n\nVi vil holde julemarked på Husum Torv den 27. november 2027.\n\n"
            "Det er mig, der står for markedet, så I er velkomne til at kontakte mig direkte på 23 48 90 17.\n\n"
            "På dagene er kirketjener Søren Ibsen kontaktperson på pladsen, tlf. 51 20 77 34.\n\n"
            "Mange venlige hilsener\nGrethe Mølgaard\nJulemarkedsudvalget\n")
    found = values([("body", body)])
    assert (found["contact_name"], found["phone"]) == ("Grethe Mølgaard", "23489017")


def test_many_thanks_and_best_wishes_closes_a_letter():
    body = ("Hello,\n\nWe would like to hold a bazaar on Gråbrødretorv on 4 December 2027.\n\n"
            "Please send all correspondence to me. My phone is +45 31 66 02 84. On the day, our president Ingrid "
            "Bauer will be the contact person on site, +45 28 19 50 47.\n\nWith many thanks and best wishes,\n"
            "Susan Whitfield\nTreasurer\n")
    assert values([("body", body)])["contact_name"] == "Susan Whitfield"


def test_mig_kan_i_fange_paa_gives_the_writers_phone():
    body = ("Hej\n\nVi søger om 2 skurvogne ud for Tomsgårdsvej 35 fra 15. marts 2027 til 15. oktober 2027.\n\n"
            "Byggeleder hos Byg & Tag: Henrik Skaarup, tlf. 40 62 19 88.\n"
            "Mig kan I fange på 30 51 84 27 på hverdage.\n\nMed venlig hilsen\nKim Sørensen\nVicevært\n")
    assert values([("body", body)])["phone"] == "30518427"


# ---------------------------------------------------------------- the association's address and name

def test_street_without_a_street_word_over_its_postcode_line():
    body = ("Hej\n\nVi holder vejfest på Pilekrogen den 21. august 2027.\n\nForeningens adresse er min "
            "privatadresse:\n\nGrundejerforeningen Sløjfen\nc/o Bent Kjærgaard\nSløjfen 17\n2700 Brønshøj\n\n"
            "Venlig hilsen\nBent Kjærgaard\n")
    found = values([("body", body)])
    assert (found["address"], found["postcode"]) == ("Sløjfen 17", "2700")


def test_ordinal_before_a_weekday_is_no_house_number():
    found = values([("subject", "Julemarked på Husum Torv 1. søndag i advent 2027"),
                    ("body", "Hej\n\nVi vil holde julemarked på Husum Torv den 28. november 2027.\n\n"
                             "Mvh\nGrethe Mølgaard\n")])
    assert found["activity_location"] == "Husum Torv"


def test_owners_association_under_an_applicant_label_is_the_company():
    body = ("Dear Centre for Traffic,\n\nWe apply for a skip in front of Wesselsgade 4 from 12 April 2027 to "
            "21 May 2027.\n\nApplicant:\nE/F Wesselsgade 4-6\nCVR 48904378\nWesselsgade 4\n1165 København K\n\n"
            "Please contact me: Tomas Kazlauskas, phone 33 91 26 40.\n\nKind regards,\nTomas Kazlauskas\n")
    found = values([("body", body)])
    assert (found["company_name"], found["contact_name"]) == ("E/F Wesselsgade 4-6", "Tomas Kazlauskas")


def test_the_associations_age_is_no_part_of_its_name():
    found = values([("subject", "Gadefest på Kertemindegade – A/B Kertemindegården 50 år"),
                    ("body", "Hej\n\nVi søger om gadefest den 5. juni 2027.\n\nMvh\nMaja Thorsen\n")])
    assert found["company_name"] == "A/B Kertemindegården"


def test_site_field_naming_a_park_then_the_address_in_it_gives_the_address():
    form = ("Ansøgning om arrangement\n\nAnsøger: Løbeklubben Strandløberne\n"
            "Sted/adresse: Amager Strandpark, start og mål på pladsen ved Amager Strandvej 140\n"
            "Dato: Søndag den 16. maj 2027\n")
    assert values([("body", form)])["activity_location"] == "Amager Strandvej 140"


def test_a_serbo_croatian_surname_with_c_acute_is_a_person():
    body = ("Dear City Life,\n\nWe would like to hold a concert in Enghaveparken on 4 July 2027.\n\n"
            "You can reach me on +45 52 19 73 08.\n\nKind regards,\nMilena Petrović\nChair\n")
    assert values([("body", body)])["contact_name"] == "Milena Petrović"


def test_days_written_out_within_the_subjects_month_are_the_period():
    found = values([("subject", "Jazz i Valbyparken – fire søndage i juli 2027"),
                    ("body", "Hej\n\nVi vil holde koncerter i Valbyparken den 4., 11., 18. og 25. juli, hver gang "
                             "kl. 14-17.\n\nMange hilsner\nHenrik Aagaard\n")])
    assert (found["period_from"], found["period_to"]) == ("2027-07-04", "2027-07-25")


def test_association_under_a_heading_line_above_its_cvr_is_the_company():
    body = ("Kære Byliv\n\nVi vil holde Sankt Hans-aften ved Emdrup Sø den 23. juni 2027.\n\n"
            "Menighedsrådets oplysninger:\nSankt Mortens Kirkes Menighedsråd\nCVR 99 69 60 36\n"
            "Kirkekontoret, Frodesvej 27\n2400 København NV\n\nMed venlig hilsen\nPoul Erik Hansen\n")
    assert values([("body", body)])["company_name"] == "Sankt Mortens Kirkes Menighedsråd"


def test_association_above_its_care_of_line_is_the_company():
    body = ("Dear City Life,\n\nWe would like to hold a festival on Nytorv on 13 March 2027.\n\n"
            "We are a voluntary association without a CVR number. Our address:\nCopenhagen Irish Cultural Society\n"
            "c/o Siobhán Byrne\nSølvgade 34, 3. tv\n1307 København K\n\nKind regards,\nSiobhán Byrne\n")
    assert values([("body", body)])["company_name"] == "Copenhagen Irish Cultural Society"
