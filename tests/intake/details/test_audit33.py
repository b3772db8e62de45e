"""Details of the audit mails of session 33, written blind as a desk receives them: a correction sent the day after
the application, above the quoted application; an Outlook signature whose logo line is an inline image's Content-ID.
Each test words its case differently from the audit mail."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from intake.details.identifiers import EMAIL
from tests.intake.details.reading import values_at

REF = date(2027, 1, 13)
values = values_at(REF)

CORRECTION = ("Hej igen\n\nDer var desværre to fejl i gårsdagens ansøgning:\n\n"
              "- Containeren skal stå ud for Blegdamsvej 58, ikke Blegdamsvej 85.\n"
              "- Vi starter tirsdag d. 9. marts 2027 i stedet for 2. marts, og hentning sker fredag d. 19. marts 2027 "
              "i stedet for 12. marts.\n\nResten er som før.\n\nVenlig hilsen\nMaja Dalgaard\nDalgaard Flytning ApS\n\n"
              "Fra: Maja Dalgaard <maja@dalgaard-flytning.example>\nSendt: 12. januar 2027 15:40\n"
              "Til: erhvervsservice@kk.dk\nEmne: Container på vejen, Blegdamsvej 85\n\n"
              "Hej\n\nVi søger om at stille en 10 m³ container ud for Blegdamsvej 85, 2100 København Ø.\n\n"
              "Periode: 02.03.2027 - 12.03.2027\n\nFirma: Dalgaard Flytning ApS\nKontakt: Maja Dalgaard\n")


def test_a_correction_above_the_quoted_application_puts_its_days_right_in_any_form():
    found = values([("subject", "SV: Container på vejen, Blegdamsvej 85"), ("body", CORRECTION)],
                   sender="maja@dalgaard-flytning.example", sender_name="Maja Dalgaard")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-03-09", "2027-03-19")


def test_a_corrected_house_number_written_with_its_street_again_holds_in_the_quote_and_the_subject():
    found = values([("subject", "SV: Container på vejen, Blegdamsvej 85"), ("body", CORRECTION)],
                   sender="maja@dalgaard-flytning.example", sender_name="Maja Dalgaard")
    assert str(found.get("activity_location")).startswith("Blegdamsvej 58")


def test_a_day_put_in_place_of_another_with_its_year_written():
    found = values([("body", "Hej\n\nVi flytter opstillingen: den 4. maj 2027 i stedet for 27. april. Nedtagning "
                             "som aftalt 28. maj 2027.\n\n> Vi søger om stillads fra 27. april 2027 til 28. maj 2027."
                             "\n\nMvh\nOle Berg\n")])
    assert (found.get("period_from"), found.get("period_to")) == ("2027-05-04", "2027-05-28")


def test_an_inline_images_content_id_is_no_address():
    assert [m.group(0) for m in EMAIL.finditer("Projektleder\n[cid:image002.jpg@01DA1B2C.3D4E5F60]\nmail: "
                                               "pn@murerfirma.example.dk")] == ["pn@murerfirma.example.dk"]
    found = values([("body", "Hej\n\nVi søger om stillads ud for Nansensgade 12.\n\nMvh\nPeter Nøhr\n"
                             "[cid:image001.png@01DB77AA.1C2D3E40]\nNøhr Murer ApS\n")], sender="")
    assert found.get("contact_email") is None


def test_a_cvr_said_to_be_the_same_beside_a_new_p_number():
    found = values([("body", "Hej\n\nVi har fået nyt P-nummer til den nye butik: 1017654329 (CVR er uændret: 35546871)."
                             "\n\nHilsen\nLone Krag\nKrags Blomster\n")])
    assert (found.get("p_number"), found.get("cvr")) == ("1017654329", "35546871")
    found = values([("body", "Hi,\n\nP-number 1017654329; the CVR is the same, 35546871.\n\nBest,\nLone Krag\n")])
    assert found.get("cvr") == "35546871"


def test_the_place_a_business_moved_from_named_again_is_no_site():
    found = values([("body", "Hej\n\nFrisørsalonen Lokkerne er flyttet fra Istedgade 60 til Enghavevej 14, 1674 "
                             "København V.\n\nVores skilt hænger stadig på Istedgade 60 og skal flyttes med til den "
                             "nye facade.\n\nHilsen\nNina Lund\n")])
    assert found.get("address") == "Enghavevej 14"
    assert found.get("activity_location") is None


def test_the_address_and_phone_of_someone_to_keep_in_copy_are_not_the_contacts():
    found = values([("body", "Dear Sir or Madam,\n\nAttached is the revised drawing for the awning at Nansensgade 12. "
                             "Please copy our client's director, Anders Fog, on the decision: af@fogbolig.example, "
                             "tel. +45 31 22 40 90.\n\nKind regards,\nLaura Mills\nMills Architects\n"
                             "+44 161 496 0733\n")],
                   sender="laura@millsarchitects.example", sender_name="Laura Mills")
    assert found.get("contact_name") == "Laura Mills"
    assert found.get("contact_email") == "laura@millsarchitects.example"
    assert found.get("phone") is None, "neither the director's phone nor eight digits cut from a British number"


def test_an_extension_without_a_start_runs_from_the_day_after_the_permit_held():
    found = values([("body", "Hej\n\nVores tilladelse til skurvogn på Tagensvej ud for nr 140 udløber d. 22. januar. "
                             "Murerarbejdet er forsinket af frost, så vi beder om at forlænge den til og med 5. marts "
                             "2027.\n\nMvh\nKamil Zielinski\n")])
    assert (found.get("period_from"), found.get("period_to")) == ("2027-01-23", "2027-03-05")
    found = values([("body", "Hello,\n\nOur scaffold permit at Jagtvej 12 expires on 29 January. We need an extension "
                             "until 26 February 2027.\n\nRegards,\nTom Hale\n")])
    assert (found.get("period_from"), found.get("period_to")) == ("2027-01-30", "2027-02-26")


def test_an_extension_with_its_start_written_keeps_it():
    found = values([("body", "Hej\n\nTilladelsen slutter 22. januar. Vi søger forlængelse fra 1. februar til 5. marts "
                             "2027.\n\nMvh\nKamil Zielinski\n")])
    assert (found.get("period_from"), found.get("period_to")) == ("2027-02-01", "2027-03-05")


def test_a_forms_contractor_with_its_own_cvr_gives_way_to_the_company_of_the_applications_cvr():
    form = {"Grundejer": "Amager Lagerhotel ApS", "Adresse": "Kraftværksvej 31, 2300 København S",
            "Entreprenør": "Sjællands Tankservice A/S, CVR 27312586, kontakt Jens Bak"}
    body = ("Hej\n\nVi skal have fjernet en gammel nedgravet olietank. Se det vedhæftede skema.\n\nMed venlig hilsen\n"
            "Irene Kjær\nDriftschef\nAmager Lagerhotel ApS, CVR 30748239\n")
    found = extract_details([("body", body), ("skema.docx", "\n".join(f"{k} | {v}" for k, v in form.items()))],
                            form, form_source="skema.docx", reference=REF, sender="ik@lagerhotel.example")
    assert (found["company_name"].value, found["cvr"].value) == ("Amager Lagerhotel ApS", "30748239")


def test_a_forms_contractor_stays_the_company_where_the_application_names_no_other_cvr():
    form = {"Entreprenør": "Sjællands Tankservice A/S, CVR 27312586", "Adresse": "Kraftværksvej 31, 2300 København S"}
    found = extract_details([("body", "Hej\n\nSe vedhæftede anmeldelse.\n\nMvh\nJens Bak\n"),
                             ("skema.docx", "\n".join(f"{k} | {v}" for k, v in form.items()))],
                            form, form_source="skema.docx", reference=REF, sender="jb@tankservice.example")
    assert (found["company_name"].value, found["cvr"].value) == ("Sjællands Tankservice A/S", "27312586")


def test_a_house_number_under_a_heading_of_place_and_area_is_no_area():
    found = values([("plan.pdf", "Ansøgning om arrangement\n3. Placering og areal\nGråbrødretorv, den nordlige del "
                               "ved Gråbrødretorv 16.\nSamlet areal ca. 650 m².\n4. Indhold\n12 boder.\n")])
    assert found.get("area_m2") == 650
    found = values([("plan.pdf", "Ansøgning\nPlacering og areal: Gråbrødretorv 16\n4. Indhold\n12 boder.\n")])
    assert found.get("area_m2") is None


def test_the_size_of_each_stall_is_not_the_area_applied_for():
    found = values([("body", "Hej\n\nVi søger om loppemarked på Enghave Plads søndag 6. juni 2027 med 20 boder, "
                             "3 x 3 m pr. bod.\n\nMvh\nHanne Juul\nForeningen Enghave Loppemarked\n")])
    assert found.get("area_m2") is None
    found = values([("body", "Hi,\n\nWe apply for a food market on Israels Plads with 12 tents of 4 x 4 m each.\n\n"
                             "Best,\nTom Hale\n")])
    assert found.get("area_m2") is None


def test_a_forms_row_that_counts_what_the_business_is_names_no_company():
    form = {"Restaurant": "70 siddepladser, åbent kl. 11-22 alle ugens dage", "Udførelse": "15.-19. februar 2027"}
    found = extract_details([("body", "Hej\n\nVi skal have ny fedtudskiller.\n\nMvh\nLinh Tran\nPho Hoa Køkken ApS\n"),
                             ("beskrivelse.pdf", "\n".join(f"{k} | {v}" for k, v in form.items()))],
                            form, form_source="beskrivelse.pdf", reference=REF, sender="pho@example.dk")
    assert found["company_name"].value == "Pho Hoa Køkken ApS"


def test_a_first_name_introduced_is_completed_from_the_name_signed_in_full():
    found = values([("body", "Hej\n\nJeg hedder Thuy og jeg har neglesalonen på Amagerbrogade 41.\n\nMange tak\n"
                             "Thuy Nguyen\nThuy Nails ApS\n")])
    assert found.get("contact_name") == "Thuy Nguyen"


def _with_form(form: dict[str, str], body: str, sender: str = "x@example.dk") -> dict:
    found = extract_details([("body", body), ("anmeldelse.pdf", "\n".join(f"{k} {v}" for k, v in form.items()))],
                            form, form_source="anmeldelse.pdf", reference=REF, sender=sender)
    return {k: f.value for k, f in found.items()}


def test_a_tank_owner_row_names_the_applicant_without_its_kind_in_brackets():
    found = _with_form({"Tankejer": "Brønshøj Private Skole (selvejende institution)\nCVR 32856969",
                        "Udførende": "Nordvest Tankrens ApS, CVR 33331886"},
                       "Hej\n\nVi skal have sløjfet skolens gamle olietank. Skemaet er vedhæftet.\n\n"
                       "Skolens CVR: 32856969\nMvh\nOle Dahl\n")
    assert (found.get("company_name"), found.get("cvr")) == ("Brønshøj Private Skole", "32856969")


def test_a_contractors_row_with_its_foreman_on_the_next_line_names_the_firm_alone():
    found = _with_form({"Udførende entreprenør": "Amager Kabel & Rør ApS\nformand Bo Holm, tlf. 29 64 10 57"},
                       "Hej\n\nSe vedhæftede ansøgning om gravetilladelse.\n\nMvh\nBo Holm\n")
    assert found.get("company_name") == "Amager Kabel & Rør ApS"


def test_a_role_read_with_the_name_from_a_tables_row_is_no_part_of_it():
    found = values([("ansøgning.pdf", "Ansøgning om gravetilladelse\nLedningsejer Nordfiber Net A/S\nCVR-nr. 44914093\n"
                                    "Adresse Lyngbyvej 20, 2100 København Ø\n")])
    assert found.get("company_name") == "Nordfiber Net A/S"


def test_the_week_documents_follow_in_is_no_period():
    found = values([("body", "Hej\n\nVi søger om ny miljøgodkendelse til vores trykkeri. Luftberegningen eftersendes, "
                             "når rådgiveren er færdig (forventet i uge 5).\n\nMvh\nPer Holt\n")])
    assert (found.get("period_from"), found.get("period_to")) == (None, None)
    found = values([("body", "Hi,\n\nWe apply for an environmental approval. The noise report will follow in "
                             "week 5.\n\nRegards,\nPer Holt\n")])
    assert (found.get("period_from"), found.get("period_to")) == (None, None)
