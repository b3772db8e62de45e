"""An item satisfied by an extracted detail counts only where the detail is written as that item."""

import pytest

from intake.details.checklist import Evidence, check
from intake.details.extract import Field
from intake.details.givens import implausible, locate
from intake.mail.bodytext import quoted_text
from tests.intake.details.checklist_evidence import RECEIVED, evidence


def test_a_cvr_written_as_the_applicants_is_given(catalogue):
    found = check(catalogue.task("erhvervsaffald"), evidence("Vi er Café Nord, CVR 26 02 10 14.", cvr="26021014"))
    assert "cvr" in found.have


def test_the_landlords_cvr_is_not_the_applicants(catalogue):
    body = "Udlejer er Ejendomsselskabet Valby ApS, CVR 20181087. Vores selskab er ved at blive stiftet."
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), evidence(body, cvr="20181087")).missing


def test_a_suppliers_cvr_is_not_the_applicants(catalogue):
    body = "Our supplier, Nordic Roast ApS (CVR 21988855), delivers the beans."
    assert "cvr" in check(catalogue.task("gadesalg"), evidence(body, cvr="21988855")).missing


def test_a_detail_in_a_negated_clause_is_not_given(catalogue):
    body = "P-nummer: ikke oprettet endnu, sagsnr. 1018273645."
    assert "p_number" in check(catalogue.task("udeservering"), evidence(body, p_number="1018273645")).missing


def test_a_detail_read_only_from_quoted_mail_is_not_given(catalogue):
    quoted = "> Vi skal bruge adressen (fx Vesterbrogade 10, 1620 København V)."
    found = check(catalogue.task("spildevand"),
                  evidence("Det er vaskevand.", quoted=quoted, address="Vesterbrogade 10"))
    assert "address" in found.missing


def test_a_detail_in_the_signature_is_given(catalogue):
    found = check(catalogue.task("erhvervsaffald"), evidence("Pap og madaffald.", signature="Mvh Lise\nCVR 26021014",
                                                             cvr="26021014"))
    assert "cvr" in found.have


def test_a_postcode_read_as_a_house_number_is_no_address(catalogue):
    found = check(catalogue.task("udeservering"),
                  evidence("Bageriet på Nørrebrogade 2200.", address="Nørrebrogade 2200"))
    assert "address" in found.missing


def test_a_deadline_is_not_the_period(catalogue):
    body = "Vi håber at få svar senest 1. marts 2027."
    assert "period" in check(catalogue.task("udeservering"), evidence(body, period_from="2027-03-01")).missing


def test_a_past_date_is_not_the_period(catalogue):
    body = "The survey was done on 3 September 2026 and is attached."
    assert "period" in check(catalogue.task("nedrivning"), evidence(body, period_from="2026-09-03")).missing


def test_a_date_after_a_mention_of_the_past_is_still_the_period(catalogue):
    body = "Vi skrev til jer i oktober. Containeren skal stå der 5.-9. april 2027."
    assert "period" in check(catalogue.task("vejareal"), evidence(body, period_from="2027-04-05")).have


def test_consumption_per_year_is_not_the_tank_size(catalogue):
    body = "Vi brugte ca. 2000 liter om året."
    assert "size" in check(catalogue.task("olietank"), evidence(body, litres=2000)).missing


def test_the_tank_size_is_given(catalogue):
    body = "Our underground tank holds 2,000 L."
    assert "size" in check(catalogue.task("olietank"), evidence(body, litres=2000)).have


def test_staff_are_not_guests(catalogue):
    body = "Vi er 3 ansatte og 2 frivillige, der står for det."
    assert "guests" in check(catalogue.task("arrangement"), evidence(body)).missing


def test_room_for_a_number_of_people_is_the_guests(catalogue):
    body = "Der er plads til 250 på græsset, og vi regner med at det bliver fuldt."
    assert "guests" in check(catalogue.task("arrangement"), evidence(body)).have


def test_the_business_address_is_not_the_site_when_the_site_is_not_found(catalogue):
    body = "Vores kontor ligger på Vesterbrogade 10; selve byggepladsen er ikke fundet endnu."
    assert "site" in check(catalogue.task("jordflytning"), evidence(body, address="Vesterbrogade 10")).missing


def test_a_signature_address_is_not_the_site_when_the_address_comes_later(catalogue):
    found = check(catalogue.task("gravetilladelse"),
                  evidence("Adressen kommer senere.", signature="Termo ApS\nValby Langgade 19, 2500 Valby",
                           address="Valby Langgade 19"))
    assert "site" in found.missing


def test_the_business_address_is_the_site_when_nothing_says_otherwise(catalogue):
    found = check(catalogue.task("gravetilladelse"),
                  evidence("Vi skal grave foran butikken.", signature="Termo ApS\nValby Langgade 19, 2500 Valby",
                           address="Valby Langgade 19"))
    assert "site" in found.have


def test_a_value_is_located_in_its_written_forms():
    assert list(locate("cvr", "26021014", "CVR 26 02 10 14")) == [(4, 15)]
    assert list(locate("litres", 2000, "2.000 l")) == [(0, 5)]
    assert list(locate("period_from", "2027-03-01", "1. marts 2027")) == [(0, 13)]


def test_quoted_text_is_the_history_of_a_reply():
    body = "Tak for svaret.\n\nDen 10. nov. 2026 skrev Miljø <miljoe@kk.dk>:\n> Vi skal bruge adressen."
    assert "Vi skal bruge adressen" in quoted_text(body)
    assert "Tak for svaret" not in quoted_text(body)


def test_the_litres_of_a_bill_are_not_the_tank_size(catalogue):
    body = "Sidste olieregning var på 1.200 liter i 2019. Tankens størrelse kender jeg ikke."
    assert "size" in check(catalogue.task("olietank"), evidence(body, litres=1200)).missing


def test_the_area_of_the_premises_is_not_the_serving_area(catalogue):
    body = "Butikken ligger på Vendersgade 22; lokalet er 85 m² og der er 30 pladser inde."
    assert "area" in check(catalogue.task("udeservering"), evidence(body, area_m2=85)).missing


def test_the_size_of_the_old_sign_is_not_the_new_ones(catalogue):
    body = "Det gamle skilt var 60 x 200 cm, det nye bliver nok større."
    assert "size" in check(catalogue.task("skilte"), evidence(body)).missing


def test_the_sellers_cvr_is_not_the_applicants(catalogue):
    body = "Sælgers CVR er 41653213; vores eget nummer kommer i næste uge."
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), evidence(body, cvr="41653213")).missing


def test_a_form_answer_left_to_be_chosen_is_not_given(catalogue):
    body = "Ca. 120 tons. Modtageanlæg: vælges når vi har prisen fra to anlæg."
    found = check(catalogue.task("jordflytning"), evidence(body))
    assert "destination" in found.missing and "amount" in found.have


def test_the_own_cvr_after_the_landlord_is_given(catalogue):
    body = "Vi lejer stueetagen af Nyhavn Ejendomme A/S, og vores CVR er 30138333."
    assert "cvr" in check(catalogue.task("udeservering"), evidence(body, cvr="30138333")).have


def test_a_place_named_vaguely_is_no_address(catalogue):
    body = "Salonen bliver et sted på Nørrebro. Vi har i dag kontor på Rantzausgade 12, 2200 København N."
    found = check(catalogue.task("spildevand"),
                  evidence(body, address="Rantzausgade 12", activity_location="Nørrebro"))
    assert "address" in found.missing


def test_the_date_of_a_meeting_is_not_the_period(catalogue):
    body = "Our client will give us the start date after the board meeting on 14 December 2026."
    found = check(catalogue.task("stoej_byggeplads"), evidence(body, period_from="2026-12-14"))
    assert "period" in found.missing


def test_a_survey_that_will_be_carried_out_is_not_given(catalogue):
    body = "The hazardous materials survey will be carried out by our consultant in January."
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body)).missing


def test_the_accountants_cvr_is_not_the_applicants(catalogue):
    body = "Vores revisor Revisionsfirmaet Tal & Co, CVR 41273968, har bedt os søge nu."
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), evidence(body, cvr="41273968")).missing


def test_a_suppliers_address_is_not_the_site(catalogue):
    body = "Containeren skal stå foran vores butik. Containerfirmaet har adresse på Kraftværksvej 20, 2300 København S."
    found = check(catalogue.task("vejareal"), evidence(body, activity_location="Kraftværksvej 20, 2300 København S"))
    assert "site" in found.missing


def test_the_writers_home_is_not_the_site_when_the_site_is_not_announced(catalogue):
    body = "Hvor markedet bliver, har foreningen ikke meldt ud; jeg bor selv på Ryesgade 5, 2200 København N."
    assert "site" in check(catalogue.task("gadesalg"), evidence(body, address="Ryesgade 5")).missing


def test_a_destination_left_to_another_is_not_given(catalogue):
    body = "Jorden køres til et godkendt modtageanlæg, som vognmanden finder."
    assert "destination" in check(catalogue.task("jordflytning"), evidence(body)).missing


# -- the place of an activity away from the business (``away`` items) ---------------------------------------------
SIGNED = "Bech Stillads ApS\nIndustrivej 12, 2600 Glostrup"


def test_the_address_in_the_signature_is_not_where_the_scaffold_stands(catalogue):
    found = check(catalogue.task("vejareal"),
                  evidence("Vi skal opsætte et stillads fra 1. marts til 30. april 2027.", signature=SIGNED,
                           address="Industrivej 12"))
    assert "site" in found.required_missing


def test_a_street_address_in_the_body_is_the_site_even_when_the_extractor_took_the_signatures(catalogue):
    found = check(catalogue.task("gravetilladelse"),
                  evidence("Vi skal grave ved Jagtvej 45, 2200 København N i maj.", signature=SIGNED,
                           address="Industrivej 12"))
    assert "site" in found.have


def test_the_signature_address_is_the_site_when_the_text_puts_the_work_at_the_business(catalogue):
    body = "Vi skal have en container stående foran vores butik i uge 14."
    found = check(catalogue.task("vejareal"), evidence(body, signature=SIGNED, address="Industrivej 12"))
    assert "site" in found.have
    english = check(catalogue.task("arrangement"),
                    evidence("A small concert in our courtyard on 4 June.", signature=SIGNED, address="Industrivej 12"))
    assert "site" in english.have


def test_where_the_waste_arises_is_the_business_address_in_its_signature(catalogue):
    found = check(catalogue.task("erhvervsaffald"),
                  evidence("Vi vil gerne tilmelde os erhvervsaffaldsordningen.", signature=SIGNED,
                           address="Industrivej 12"))
    assert "address" in found.have


def test_a_stall_outside_a_house_number_has_its_site(catalogue):
    found = check(catalogue.task("gadesalg"), evidence("Jeg vil gerne stå på Strøget ud for nr. 20 om lørdagen."))
    assert "site" in found.have


# ---------------------------------------------------------------- batch v5: half given, or given for another thing

def with_period(body: str, start: str, end: str | None = None) -> Evidence:
    values = {"period_from": Field(start, "body")} | ({"period_to": Field(end, "body")} if end else {})
    return Evidence(details=values, texts=[("body", body)], received=RECEIVED)


@pytest.mark.parametrize(("body", "start", "end"), [
    ("Vi vil gerne begynde fra 1. maj 2027.", "2027-05-01", None),
    ("We will be crushing concrete, starting 3 May 2027.", "2027-05-03", None),
    ("Periode: 01.03.2027 -\nTidsrum: 7-18", "2027-03-01", "2027-03-01"),
])
def test_a_start_with_no_end_is_no_period_from_and_to(catalogue, body, start, end):
    assert "period" in check(catalogue.task("stoej_byggeplads"), with_period(body, start, end)).missing


@pytest.mark.parametrize(("body", "start", "end"), [
    ("Forventet start 7. juni 2027, varighed 3 dage.", "2027-06-07", None),
    ("Fra mandag den 4. januar 2027 og 6 uger frem.", "2027-01-04", None),
    ("Fra 8. til 19. februar 2027.", "2027-02-08", "2027-02-19"),
    ("Lørdag 6. marts 2027 kl. 6-20.", "2027-03-06", "2027-03-06"),
    ("Opstart 1. marts 2027, nedtagning 30. april 2027.", "2027-03-01", None),  # an end the extractor did not pair
])
def test_a_start_with_an_end_or_a_length_is_a_period(catalogue, body, start, end):
    assert "period" in check(catalogue.task("stoej_byggeplads"), with_period(body, start, end)).have


def test_a_start_alone_is_a_date_where_the_item_asks_for_one(catalogue):
    found = check(catalogue.task("arrangement"), with_period("Koncert 19. december 2027 kl. 16-17.", "2027-12-19"))
    assert "date" in found.have


def test_a_date_read_from_a_quote_is_not_the_period(catalogue):
    quote = ("tilbud.pdf", "TILBUD nr. 2291\nLevering uge 12")
    found = check(catalogue.task("udeservering"),
                  Evidence(details={"period_from": Field("2027-03-22", "tilbud.pdf"),
                                    "period_to": Field("2027-03-28", "tilbud.pdf")},
                           attachments=[quote], texts=[("body", "Tilbuddet er vedhæftet."), quote], received=RECEIVED))
    assert "period" in found.missing


@pytest.mark.parametrize("place", ["Østerbro", "Vesterbro", "Islands Brygge"])
def test_a_district_is_not_the_site(catalogue, place):
    found = check(catalogue.task("vejareal"), evidence(f"A skip outside a client's building in {place}.",
                                                       activity_location=place))
    assert "site" in found.missing


def test_one_place_among_others_is_not_the_site(catalogue):
    body = "A pop-up in Kongens Have or somewhere central on 17 June."
    assert "site" in check(catalogue.task("arrangement"), evidence(body, activity_location="Kongens Have")).missing
    assert "site" in check(catalogue.task("arrangement"),
                           evidence("En koncert i Kongens Have den 17. juni.", activity_location="Kongens Have")).have


@pytest.mark.parametrize("body", [
    "Vi administrerer en ejendom, hvor ejeren ønsker en tagterrasse. Adressen oplyser jeg, når ejeren har godkendt.",
    "We are moving to a new unit; the lease is not signed yet, so I cannot give you the address.",
    "We are opening a new restaurant this spring (address to follow once the lease is final).",
    "Det drejer sig om vores nye lager - adressen er ikke helt på plads endnu.",
    "We're open to suggestions on where the event could be.",
])
def test_the_signature_address_is_not_the_place_when_the_writer_says_it_is_not_known(catalogue, body):
    found = check(catalogue.task("spildevand"), evidence(body, signature=SIGNED, address="Industrivej 12"))
    assert "address" in found.missing


def test_the_building_owners_cvr_is_not_the_applicants(catalogue):
    form = Evidence(details={"cvr": Field("21615544", "form")},
                    texts=[("form", "Adresse: Lygten 39, 2400 København NV\nCVR-nr. (ejer af bygningen): 21 61 55 44")],
                    received=RECEIVED)
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), form).missing
    english = evidence("The property owner, Ejendom A/S, has CVR 21615544.", cvr="21615544")
    assert "cvr" in check(catalogue.task("erhvervsaffald"), english).missing


def test_a_p_number_abbreviated_p_no_in_the_signature_is_given(catalogue):
    signature = "Noodle Bar Tokyo ApS · CVR 41 55 60 12 · P-no 1021345678"
    found = check(catalogue.task("udeservering"), evidence("Two tables outside.", signature=signature,
                                                           p_number="1021345678"))
    assert "p_number" in found.have


# ---------------------------------------------------------------- probe after batch v5

@pytest.mark.parametrize("body", ["Serveringen ønskes fra uge 16 og frem.", "Tables from 1 May 2027 onwards, please.",
                                  "Vi vil gerne stå der fra 1. maj og indtil videre."])
def test_a_start_said_to_run_on_is_no_period_from_and_to(catalogue, body):
    assert "period" in check(catalogue.task("udeservering"), evidence(body)).missing


def test_a_week_read_as_a_period_does_not_end_one_said_to_run_on(catalogue):
    """The extractor reads "uge 16" as Monday to Sunday; "og frem" says there is no end."""
    found = check(catalogue.task("udeservering"), with_period("Fra uge 16 og frem.", "2027-04-19", "2027-04-25"))
    assert "period" in found.missing
    assert "period" in check(catalogue.task("udeservering"),
                             with_period("I uge 16.", "2027-04-19", "2027-04-25")).have


def test_a_group_companys_cvr_is_not_the_applicants(catalogue):
    body = "Vores moderselskab, Print Holding A/S, har CVR 44215764."
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), evidence(body, cvr="44215764")).missing


@pytest.mark.parametrize(("task", "item", "text"), [
    ("olietank", "address", "Foreningen på hjørnet af Dag Hammarskjölds Allé og Classensgade."),
    ("spildevand", "address", "Our station on the corner of H.C. Andersens Boulevard and Vestergade."),
    ("jordflytning", "amount", "Mængde: udgravning 3 x 4 x 1,5 m"),
    ("arrangement", "guests", "Vi regner med ca. 80 padlere i løbet af dagen."),
])
def test_an_item_given_in_probe_words_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), evidence(text)).have


# ---------------------------------------------------------------- batch v6 (session check6)

def test_a_subsidiary_said_to_run_the_activity_is_the_applicant(catalogue):
    """A parent company writing: the group company that runs the shop is the business, its CVR the applicant's."""
    body = "The shop is run by our Danish subsidiary, Fika & Co Danmark ApS (CVR 71526232)."
    assert "cvr" in check(catalogue.task("udeservering"), evidence(body, cvr="71526232")).have
    danish = "Caféen drives af vores datterselskab, Kaffe Nord ApS, CVR 71526232."
    assert "cvr" in check(catalogue.task("udeservering"), evidence(danish, cvr="71526232")).have


@pytest.mark.parametrize("body", [
    "Our subsidiary, Fika Holding ApS, has CVR 71526232.",  # named, not said to run the activity
    "Vores moderselskab, der drives af familien, har CVR 71526232.",  # a parent company stays another party
    "The shop is run by us; the building is owned by our subsidiary Ejendom ApS (CVR 71526232).",
])
def test_a_group_company_not_said_to_run_the_activity_stays_another_party(catalogue, body):
    assert "cvr" in check(catalogue.task("udeservering"), evidence(body, cvr="71526232")).missing


@pytest.mark.parametrize("body", [
    "Kundens adresse eftersender jeg, når hun har bekræftet datoen.",
    "The customer's address will follow once she has confirmed.",
    "Adressen på det nye værksted kender vi først i januar.",
    "We will only know the address when the lease is signed.",
])
def test_the_signature_address_is_not_the_place_when_someone_elses_address_comes_later(catalogue, body):
    found = check(catalogue.task("olietank"), evidence(body, signature="Kims VVS\nFrederikssundsvej 300, 2700 Brønshøj",
                                                       address="Frederikssundsvej 300"))
    assert "address" in found.missing


@pytest.mark.parametrize("body", [
    "Vores adresse er ikke ændret siden sidst: tanken står i kælderen.",  # our own address, not one to come
    "Kundens adresse er Tuborgvej 88, og tanken sløjfes i uge 3.",
])
def test_an_address_that_is_given_is_not_taken_for_one_to_come(catalogue, body):
    found = check(catalogue.task("olietank"), evidence(body, signature="Tuborgvej 88, 2400 København NV",
                                                       address="Tuborgvej 88"))
    assert "address" in found.have


@pytest.mark.parametrize("body", [
    "The hazardous materials survey is booked for next week; we will forward the report.",
    "Miljøkortlægningen er planlagt til uge 3.",
    "Vi har bestilt en kortlægning hos rådgiveren.",
    "We have just commissioned a pre-demolition survey.",
])
def test_a_survey_booked_or_ordered_is_not_given(catalogue, body):
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body, address="Amager Strandvej 150")).missing


@pytest.mark.parametrize("body", [
    "The hazardous materials survey was carried out in October.",
    "Vi har fået lavet en miljøkortlægning i oktober. Nedrivningen er planlagt til uge 3.",
    "Miljøkortlægning udført 12. oktober; nedrivningen er planlagt til uge 3.",
])
def test_a_survey_done_or_an_activity_planned_is_still_given(catalogue, body):
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body, address="Amager Strandvej 150")).have


@pytest.mark.parametrize("body", ["Vi borer pæle i uge 8-12 2027.", "Piling in weeks 18-38, working times to follow.",
                                  "Periode: uge 2-5."])
def test_a_week_range_is_not_clock_hours(catalogue, body):
    assert "hours" in check(catalogue.task("stoej_byggeplads"), evidence(body)).missing


@pytest.mark.parametrize("body", ["Vi borer pæle i uge 8, kl. 7-15.", "Uge 8: 8-17 på hverdage.",
                                  "Piling in week 8 from 7 to 18."])
def test_clock_hours_beside_a_week_are_hours(catalogue, body):
    assert "hours" in check(catalogue.task("stoej_byggeplads"), evidence(body)).have


@pytest.mark.parametrize(("task", "item", "text"), [
    ("udeservering", "area", "Serveringen skal stå i to parkeringsbåse langs kantstenen."),
    ("udeservering", "area", "We would like to use one parking bay for a parklet."),
    ("vejareal", "size", "Containeren og skurvognen står i 2 p-båse."),
    ("jordflytning", "destination", "We will move approx. 40 m³ of topsoil to Solum in Holbæk."),
    ("jordflytning", "destination", "Vi kører jorden fra haven til RGS 90 i Kalundborg."),
])
def test_an_item_given_in_batch_v6_words_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), evidence(text)).have


@pytest.mark.parametrize(("task", "item", "text"), [
    ("udeservering", "area", "Der er ingen parkeringsbåse foran caféen."),
    ("udeservering", "area", "Parkeringsbåsene foran caféen bliver nedlagt."),
    ("jordflytning", "destination", "We will move the soil to Monday's load instead."),
    ("jordflytning", "destination", "We will move approx. 40 m³ of topsoil in week 49, to a facility you approve."),
    ("jordflytning", "destination", "Vi flytter jorden i uge 12 til uge 14."),
])
def test_batch_v6_words_in_other_senses_are_not_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), evidence(text)).missing


# ---------------------------------------------------------------- probe after batch v6

@pytest.mark.parametrize(("task", "item", "body"), [
    ("gravetilladelse", "traffic_plan",
     "Afmærkningsplanen er sendt til politiet, og vi sender den godkendte version, når vi har den."),
    ("gravetilladelse", "traffic_plan", "The traffic management plan has been submitted to the police."),
    ("nedrivning", "survey", "Kortlægningen laver nedrivningsfirmaet inden opstart."),
    ("nedrivning", "survey", "Miljøkortlægningen udarbejder vi selv i januar."),
    # still waiting for the police's approval (session 34, applications of several parts)
    ("gravetilladelse", "traffic_plan", "Vi graver på Tagensvej 120-124; godkendt skiltningsplan fra politiet "
                                        "foreligger ikke endnu."),
    ("gravetilladelse", "traffic_plan", "Vi graver på Tagensvej 120. Politiets godkendelse af skiltningsplanen "
                                        "afventes."),
    ("gravetilladelse", "traffic_plan", "The traffic signage plan has been sent to Copenhagen Police and we will "
                                        "forward it once it is approved."),
    ("gravetilladelse", "traffic_plan", "Skiltningsplanen er ved at blive godkendt hos politiet."),
])
def test_a_document_sent_elsewhere_or_still_to_be_made_is_not_given(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gravetilladelse", "traffic_plan", "Afmærkningsplanen er godkendt af politiet: skilte A 39 ved begge ender."),
    ("nedrivning", "survey", "Kortlægningen viser PCB i fugerne ved vinduerne."),  # a finding: the survey is made
    ("nedrivning", "survey", "Kortlægningen har rådgiveren lavet i oktober: asbest i taget."),
])
def test_a_document_in_hand_is_still_given(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).have


@pytest.mark.parametrize("body", ["Borde ude foran kiosken, ca 5x2, fra påske.", "Areal: 3,5x2"])
def test_a_small_length_by_width_without_units_is_the_serving_area(catalogue, body):
    assert "area" in check(catalogue.task("udeservering"), evidence(body)).have


@pytest.mark.parametrize("body", ["Skiltet er 60x90 cm.", "Vi stiller 2 x 4 borde ud.", "10 x 4-personers borde."])
def test_a_length_by_width_of_something_else_is_not_the_serving_area(catalogue, body):
    assert "area" in check(catalogue.task("udeservering"), evidence(body)).missing


# ---------------------------------------------------------------- second probe after batch v6

@pytest.mark.parametrize("body", ["Date: TBC (either 12 or 19 June 2027).", "Dato: enten 5. eller 12. juni 2027.",
                                  "We will come on 12 June 2027 or 19 June 2027, whichever you prefer."])
def test_a_date_not_settled_between_two_is_no_date(catalogue, body):
    assert "date" in check(catalogue.task("arrangement"), evidence(body)).missing


@pytest.mark.parametrize("body", ["Dato: 12. juni 2027, kl. 10-16 (eller 13. juni ved regn er ikke muligt).",
                                  "Saturday 12 June 2027, 1 or 2 pm start."])
def test_a_settled_date_with_another_or_nearby_is_a_date(catalogue, body):
    assert "date" in check(catalogue.task("arrangement"), evidence(body)).have


@pytest.mark.parametrize("body", ["We apply for a skip for approx. 6 weeks starting mid-January 2027.",
                                  "Stilladset skal stå i 3 måneder fra 1. februar 2027."])
def test_a_duration_before_its_start_is_a_period(catalogue, body):
    assert "period" in check(catalogue.task("vejareal"), evidence(body)).have


def test_a_duration_with_no_start_is_no_period(catalogue):
    body = "The skip stays for 6 weeks from when we start."
    assert "period" in check(catalogue.task("vejareal"), evidence(body)).missing


@pytest.mark.parametrize("body", ["Adressen får I af udlejer, når kontrakten er på plads.",
                                  "You will get the address from the landlord next week."])
def test_an_address_someone_else_will_give_keeps_the_signature_from_the_item(catalogue, body):
    signature = "Pizzeria Roma\nTagensvej 10, 2200 København N"
    found = check(catalogue.task("spildevand"), evidence(body, signature=signature, address="Tagensvej 10"))
    assert "address" in found.missing


def test_an_address_given_to_you_here_is_the_address(catalogue):
    found = check(catalogue.task("spildevand"), evidence("Adressen får I her: Tagensvej 10, 2200 København N.",
                                                         address="Tagensvej 10"))
    assert "address" in found.have


@pytest.mark.parametrize("body", ["Destination: as instructed by the municipality.",
                                  "Jorden køres til et modtageanlæg efter kommunens anvisning."])
def test_a_destination_left_to_the_municipality_is_not_given(catalogue, body):
    assert "destination" in check(catalogue.task("jordflytning"), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "text"), [
    ("udeservering", "p_number", "Bun Brothers Denmark ApS · CVR/P: 21046833 / 1017 2233 44"),
    ("udeservering", "area", "2 tables, 0.8 m deep along 5 m of facade."),
    ("miljoegodkendelse", "cvr", "Additive Works ApS, Reg. no. 59079824."),
    ("gravetilladelse", "traffic_plan", "Skilteplan: fortov spærres, skilt A 39."),
])
def test_an_item_given_in_second_probe_words_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), evidence(text)).have


@pytest.mark.parametrize(("task", "item", "text"), [
    ("udeservering", "p_number", "CVR/P: 21046833 / (P-nummer søgt)"),
    ("miljoegodkendelse", "cvr", "Bank: Reg. nr. 5301 Konto 0241234567"),
    ("udeservering", "area", "Borde langs facaden, 5 m fra hjørnet."),
])
def test_second_probe_words_in_other_senses_are_not_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), evidence(text)).missing


# ---------------------------------------------------------------- batch c8 (session check8)

def test_a_p_number_given_for_an_address_is_given(catalogue):
    body = "Hygge Bar ApS, CVR 88854055\nP-number for Vesterbrogade 112, 1620 København V: 1020961830"
    assert "p_number" in check(catalogue.task("udeservering"), evidence(body)).have


@pytest.mark.parametrize("body", ["P-nummer for Vesterbrogade 112, 1620 København V: kommer fra revisor.",
                                  "P-number for the shop: call 28 14 55 09."])
def test_a_p_number_label_for_an_address_without_the_number_is_missing(catalogue, body):
    assert "p_number" in check(catalogue.task("udeservering"), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan sender vi, så snart politiet har godkendt den."),
    ("gravetilladelse", "traffic_plan", "Traffic plan: we will send it once the police have approved it."),
    ("nedrivning", "survey", "We will have the asbestos and PCB survey done next week and send it when we have it."),
    ("nedrivning", "survey", "Vi får lavet kortlægning af PCB og asbest i næste uge."),
])
def test_a_document_still_to_be_sent_or_made_is_missing(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan sender vi hermed."),
    ("gravetilladelse", "traffic_plan", "We send the traffic plan herewith."),
    ("nedrivning", "survey", "We have had the asbestos and PCB survey done; the report says no PCB."),
])
def test_a_document_sent_now_or_already_made_is_given(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).have


def test_a_contractor_said_to_be_open_is_not_implied_by_a_company_form(catalogue):
    body = ("On behalf of our client, Vesterbro Living K/S, we apply for an excavation permit.\n"
            "Contractor: TBD (tender closes in January).\n\nYours faithfully,\nEmma Clarke\nHartmann Consulting ApS")
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


@pytest.mark.parametrize("body", ["Vi graver selv.\n\nMvh\nHolm Anlæg ApS",
                                  "Entreprenør: ikke valgt endnu.\nOpdatering: entreprenøren er Hansen Anlæg ApS."])
def test_a_company_form_still_implies_the_contractor_unless_said_open(catalogue, body):
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).have


def test_the_firms_address_in_a_form_is_not_the_site_to_follow(catalogue):
    form = "Firmaadresse\tHerstedvang 9, 2620 Albertslund\nAdresse for opstilling\tFølger"
    found = check(catalogue.task("vejareal"), Evidence(
        details={"address": Field("Herstedvang 9", "ansøgning.docx"),
                 "activity_location": Field("Følger", "ansøgning.docx")},
        texts=[("body", "Se vedhæftede ansøgning. Adressen på byggepladsen følger."), ("ansøgning.docx", form)],
        received=RECEIVED))
    assert "site" in found.missing


def test_the_site_in_a_form_is_the_site(catalogue):
    form = "Firmaadresse\tHerstedvang 9, 2620 Albertslund\nAdresse for opstilling\tNørrebrogade 12, 2200 København N"
    found = check(catalogue.task("vejareal"), Evidence(
        details={"address": Field("Herstedvang 9", "ansøgning.docx"),
                 "activity_location": Field("Nørrebrogade 12", "ansøgning.docx")},
        texts=[("body", "Se vedhæftede ansøgning."), ("ansøgning.docx", form)], received=RECEIVED))
    assert "site" in found.have


@pytest.mark.parametrize("body", ["Skiltet skal sidde ved indgangen i ca. 3 meters højde.",
                                  "The sign will be mounted at a height of 2.5 m.",
                                  "Det hænger 3 m over fortovet."])
def test_the_height_a_sign_hangs_at_is_not_its_size(catalogue, body):
    assert "size" in check(catalogue.task("skilte"), evidence(body, address="Vesterbrogade 38")).missing


@pytest.mark.parametrize("body", ["Skiltet er 1 meter højt.", "The sign is 80 x 60 cm, mounted at a height of 3 m."])
def test_a_sign_high_or_wide_is_its_size(catalogue, body):
    assert "size" in check(catalogue.task("skilte"), evidence(body, address="Vesterbrogade 38")).have


def test_a_street_whose_number_is_to_come_is_not_the_address(catalogue):
    body = ("We are opening a store in Købmagergade. I cannot yet give you the exact street number - "
            "I will send it when the contract is signed.")
    assert "address" in check(catalogue.task("skilte"), evidence(body, activity_location="Købmagergade")).missing


@pytest.mark.parametrize(("body", "place"), [("We are opening a store in Købmagergade.", "Købmagergade"),
                                             ("The store is at Købmagergade 22; the lease is not signed yet.",
                                              "Købmagergade 22")])
def test_a_street_or_an_address_given_is_the_address(catalogue, body, place):
    assert "address" in check(catalogue.task("skilte"), evidence(body, activity_location=place)).have


@pytest.mark.parametrize("body", ["Where can we stand? We were thinking maybe Kalvebod Brygge or Ørestad.",
                                  "Vi tænker måske på Israels Plads, men kender ikke reglerne."])
def test_a_place_only_thought_of_is_no_site(catalogue, body):
    assert "site" in check(catalogue.task("gadesalg"), evidence(body)).missing


@pytest.mark.parametrize("body", ["We would like to stand on Kalvebod Brygge.",
                                  "Vi vil gerne stå på Israels Plads, måske også på Kultorvet."])
def test_a_place_named_firmly_is_the_site(catalogue, body):
    assert "site" in check(catalogue.task("gadesalg"), evidence(body)).have


@pytest.mark.parametrize("body", ["The date is not fixed yet - most likely a weekend in August 2027.",
                                  "Date: to be decided (a weekend in August 2027)"])
def test_a_month_is_no_date_when_the_date_is_not_fixed(catalogue, body):
    found = check(catalogue.task("arrangement"), evidence(body, period_from="2027-08-01", period_to="2027-08-31"))
    assert "date" in found.missing


@pytest.mark.parametrize(("body", "day"), [("The street party is in August 2027.", "2027-08-01"),
                                           ("Datoen er ikke endelig fastlagt, men vi håber på 14. august 2027.",
                                            "2027-08-14")])
def test_a_month_or_a_day_written_is_the_date(catalogue, body, day):
    assert "date" in check(catalogue.task("arrangement"), evidence(body, period_from=day)).have


def test_a_form_answer_read_as_a_place_is_no_place():
    assert implausible("activity_location", "Følger") and implausible("address", "TBD")
    assert not implausible("activity_location", "Fælledparken") and not implausible("address", "Følgevej 3")


# ---------------------------------------------------------------- batch c9 (session check9)

@pytest.mark.parametrize("body", ["Tak for hurtigt svar. P-nummeret for Blågårdsgade 8 er 1003948217.",
                                  "The P-number for Vesterbrogade 112, 1620 København V is 1020 9618 30."])
def test_a_p_number_said_to_be_for_an_address_is_given(catalogue, body):
    assert "p_number" in check(catalogue.task("udeservering"), evidence(body)).have


@pytest.mark.parametrize("body", ["P-nummeret for Blågårdsgade 8 er ikke klar endnu, ring på 2890146612.",
                                  "The P-number for our shop is not known yet. Our ref. is 1020961830.",
                                  "P-nummeret for Blågårdsgade 8 er på vej fra revisor."])
def test_a_p_number_said_to_be_open_for_an_address_is_missing(catalogue, body):
    assert "p_number" in check(catalogue.task("udeservering"), evidence(body)).missing


_AGED = "Jeg skal have lagt nyt tag på mit gamle værksted på Ålekistevej 87 i Vanløse, som jeg lejer ud."


@pytest.mark.parametrize(("task", "item", "body", "place"), [
    ("vejareal", "site", _AGED + " Containeren skal stå på vejen foran huset.", "Ålekistevej 87"),
    ("olietank", "address", "Mit gamle værksted på Kirkebjerg Allé 30, 2720 Vanløse, som nu er udlejet, er kommet på "
                            "fjernvarme. Den gamle olietank skal sløjfes.", "Kirkebjerg Allé 30"),
    ("olietank", "address", "The oil tank at our old workshop at Sydhavnsgade 12 will be removed.", "Sydhavnsgade 12"),
])
def test_an_old_place_still_the_writers_is_the_address(catalogue, task, item, body, place):
    assert item in check(catalogue.task(task), evidence(body, address=place)).have
    assert item in check(catalogue.task(task), evidence(body)).have  # read from the text alone


@pytest.mark.parametrize(("body", "place"), [
    ("Vores gamle værksted på Tingvej 8 er solgt.", "Tingvej 8"),
    ("Our old shop at Vesterbrogade 10 closed last year.", "Vesterbrogade 10"),
    ("Vores tidligere adresse Tingvej 8 havde en tank.", "Tingvej 8"),
])
def test_an_old_place_said_to_be_left_is_not_the_address(catalogue, body, place):
    assert "address" in check(catalogue.task("olietank"), evidence(body, address=place)).missing


@pytest.mark.parametrize("body", ["Signage plan we will send later.",
                                  "The traffic plan we'll forward when the police have approved it.",
                                  "Afmærkningsplan: we send it later."])
def test_a_document_put_first_and_sent_later_in_english_is_missing(catalogue, body):
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


@pytest.mark.parametrize("body", ["Signage plan we send herewith.",
                                  "The signage plan we will submit with our application is on page 2.",
                                  "Traffic plan: we send it with this mail."])
def test_a_document_put_first_and_sent_now_in_english_is_given(catalogue, body):
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body)).have


_FORWARDED = ("Bedste hilsner\nNikolaj Friis\nTlf. 60 18 45 27\n---------- Videresendt meddelelse ----------\n"
              "Fra: Marie Holt, Torvehallernes Venner\nDato: 25. nov. 2026\nEmne: Brief – streetfood-dag")


@pytest.mark.parametrize("body", ["Vi søger om en streetfood-dag på Israels Plads for ca. 1.500 besøgende.",
                                  "Datoen er endnu ikke fastlagt – en lørdag i maj 2027, vi vender tilbage."])
def test_the_date_of_a_forwarded_mail_is_not_the_events_date(catalogue, body):
    found = check(catalogue.task("arrangement"), evidence(body, _FORWARDED, period_from="2026-11-25",
                                                          period_to="2026-11-25"))
    assert "date" in found.missing


@pytest.mark.parametrize("form", ["Arrangement: Sommerfest\nDato: 12. juni 2027\nFra: kl. 12\nTil: kl. 22",
                                  "From: Anna Holm\nDate: 12 June 2027 (the party)\nVenue: Israels Plads"])
def test_a_date_on_a_forms_date_line_is_the_date(catalogue, form):
    found = check(catalogue.task("arrangement"), Evidence(
        details={"period_from": Field("2027-06-12", "form")}, texts=[("body", "Se skemaet."), ("form", form)],
        received=RECEIVED))
    assert "date" in found.have


# ---------------------------------------------------------------- batch c10 (session check10)
_SIGN_MAKER = "Med venlig hilsen\nHenrik Mølgaard\nSkilt & Reklame ApS\nSydhavns Plads 8, 2450 København SV"


@pytest.mark.parametrize("body", [
    "Vi skal montere et nyt facadeskilt for vores kunde Blomster & Bånd ApS, og vi søger på deres vegne.",
    "We are applying on behalf of our client for a flat sign above the shop window.",
    "Vi søger for en kunde om et udhængsskilt. Adressen kommer, når kunden har flyttet.",
])
def test_the_signature_address_of_a_writer_applying_for_a_client_is_not_the_place(catalogue, body):
    found = check(catalogue.task("skilte"), evidence(body, _SIGN_MAKER, address="Sydhavns Plads 8"))
    assert "address" in found.missing


@pytest.mark.parametrize("body", [
    "Vi vil gerne have et nyt skilt over vores butiksvindue, 240 x 60 cm.",
    "Vi vil gerne sætte et skilt op, så vores kunder kan finde os.",  # the business's own customers
])
def test_the_signature_address_of_the_business_itself_is_the_place(catalogue, body):
    found = check(catalogue.task("skilte"), evidence(body, _SIGN_MAKER, address="Sydhavns Plads 8"))
    assert "address" in found.have


@pytest.mark.parametrize("body", [
    "Start is planned for week 3 (2027). How long we need the container depends on what we find behind the walls, "
    "so we cannot give the end date yet.",
    "Opstart i uge 3 2027. Slutdatoen kender vi ikke endnu.",
])
def test_a_week_for_the_start_with_the_end_said_unknown_is_no_period(catalogue, body):
    found = check(catalogue.task("vejareal"), evidence(body, period_from="2027-01-18", period_to="2027-01-24"))
    assert "period" in found.missing


@pytest.mark.parametrize("body", [
    "Containeren skal stå fra 18. januar til 5. februar 2027. Hvor længe den står hver dag, afhænger af vejret.",
    "The container stays in week 3 (2027).",  # a week alone, no word on the end: as before
])
def test_an_end_written_as_a_date_or_a_week_alone_is_the_period(catalogue, body):
    end = "2027-02-05" if "februar" in body else "2027-01-24"
    found = check(catalogue.task("vejareal"), evidence(body, period_from="2027-01-18", period_to=end))
    assert "period" in found.have


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gadesalg", "site", "Where can I get a stall place? Preferably on Østerbro near a station, but I don't know "
                         "which places are possible."),
    ("gadesalg", "site", "Vi vil gerne sælge juletræer fra en plads i nærheden af en station."),
    ("arrangement", "site", "Vi vil holde en lille koncert i en park en lørdag i juni 2027 for 100 gæster."),
])
def test_a_kind_of_place_is_no_site(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gadesalg", "site", "Jeg vil sælge kaffe fra min ladcykel ved Nørreport Station."),
    ("gadesalg", "site", "Vi vil sælge juletræer fra en plads ved Enghave Plads i december 2027."),
    ("arrangement", "site", "A product launch with a small stage in Kongens Have or a similar park, for 400 guests."),
])
def test_a_named_place_is_the_site(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).have


@pytest.mark.parametrize("body", [
    "The contractor will also make the traffic plan and get it approved by the police.",
    "Entreprenøren skal også udarbejde afmærkningsplanen, når han er valgt.",
])
def test_a_document_someone_will_make_is_missing(catalogue, body):
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


def test_a_document_someone_will_make_sure_of_is_given(catalogue):
    body = "We will make sure the traffic plan approved by the police (j.nr. 0100-83412) is followed."
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body)).have


@pytest.mark.parametrize("body", [
    "We have asked two contractors for quotes and haven't chosen one yet. The contractor will also make the traffic "
    "plan.",
    "The contractor will be chosen in January.",
])
def test_the_contractor_as_a_role_is_no_contractor(catalogue, body):
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


@pytest.mark.parametrize("body", ["The contractor is Danish Drains ApS.", "Our contractor will dig the trench.",
                                  "Udføres af vores egen entreprenør, Valby Rør."])
def test_a_named_or_own_contractor_is_given(catalogue, body):
    assert "contractor" in check(catalogue.task("gravetilladelse"), evidence(body)).have


# ---------------------------------------------------------------- batch c11 (session check11)
_SIGN_AGENT = ("Med venlig hilsen\nLouise Bech\nEjendomsadministrator\nHjort & Vang Ejendomsadministration A/S\n"
               "Gl. Kongevej 104, 1850 Frederiksberg C")


@pytest.mark.parametrize(("task", "item", "body"), [
    ("vejareal", "site", "Vi administrerer A/B Kastanjegården og skal have en personlift stående ved ejendommen i "
                         "februar 2027."),
    ("spildevand", "address", "One of the commercial tenants in a property we manage in Sydhavnen wants a wash bay "
                              "with an oil separator."),
    ("spildevand", "address", "Ejendommen, som vi administrerer, får en ny olieudskiller i gården."),
])
def test_the_signature_address_of_a_managing_agent_is_not_the_place(catalogue, task, item, body):
    found = check(catalogue.task(task), evidence(body, _SIGN_AGENT, address="Gl. Kongevej 104"))
    assert item in found.missing


@pytest.mark.parametrize(("task", "item", "body"), [
    ("vejareal", "site", "Vi administrerer selv ejendommen og skal have en lift stående ved ejendommen i februar."),
    ("spildevand", "address", "We manage to keep the wash water clean with an oil separator in our own yard."),
    ("spildevand", "address", "Vi har en ny olieudskiller i gården og administrerer affaldet selv."),
])
def test_the_signature_address_of_a_business_managing_its_own_place_is_the_place(catalogue, task, item, body):
    found = check(catalogue.task(task), evidence(body, _SIGN_AGENT, address="Gl. Kongevej 104"))
    assert item in found.have


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gravetilladelse", "traffic_plan", "Afmærkningsplanen sender entreprenøren, når de har fået den lavet."),
    ("gravetilladelse", "traffic_plan", "Afmærkningsplanen eftersender Jensen Anlæg direkte til jer."),
    ("nedrivning", "survey", "The asbestos survey my boss say come next week from the consultant, then we send it."),
    ("nedrivning", "survey", "PCB-kortlægningen kommer i næste uge fra rådgiveren."),
])
def test_a_document_to_come_later_from_someone_is_missing(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "body"), [
    ("gravetilladelse", "traffic_plan", "Afmærkningsplanen sender vi hermed, godkendt af politiet (j.nr. 4411)."),
    # the plan sends the traffic somewhere: no one sends the plan
    ("gravetilladelse", "traffic_plan", "Afmærkningsplanen sender trafikken ud på kørebanen i de tre dage."),
    ("nedrivning", "survey", "The asbestos survey found that the roof sheets contain asbestos; the sheets come "
                             "down first."),
])
def test_a_document_in_hand_with_a_verb_of_sending_or_coming_is_given(catalogue, task, item, body):
    assert item in check(catalogue.task(task), evidence(body)).have


@pytest.mark.parametrize(("task", "item", "body", "given"), [
    # "og" and a verb in the passive open a clause of their own: the negation before it is not this clause's
    ("jordflytning", "destination", "Den opgravede jord kan ikke genindbygges og køres til jordmodtagelsen på Avedøre "
                                    "Holme.", True),
    ("jordflytning", "destination", "Jorden køres ikke til et modtageanlæg, den genindbygges på stedet.", False),
    # a survey's finding is no survey left undone; a facility not found yet is still missing
    ("nedrivning", "survey", "Vi har fået lavet en screening for miljøfarlige stoffer: der er ikke fundet asbest eller "
                             "PCB.", True),
    ("jordflytning", "destination", "Modtageanlæg: har vi ikke fundet endnu.", False),
])
def test_a_negation_reaches_only_its_own_clause(catalogue, task, item, body, given):
    assert (item in check(catalogue.task(task), evidence(body)).have) is given
