"""The comparison of an application with its task type's checklist."""
import time

import pytest

from intake.details import extract_details
from intake.details.checklist import Evidence, check, check_parts, found_where, from_dict, merge
from intake.details.extract import Field
from routing.catalogue import ChecklistItem, load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def details(**values) -> dict[str, Field]:
    return {k: Field(v, "body") for k, v in values.items()}


def test_details_found_are_had_with_where_they_were_found(catalogue):
    found = {"cvr": Field("38712942", "ansøgning.docx"), "p_number": Field("1018834562", "body")}
    result = check(catalogue.task("udeservering"), Evidence(details=found))
    assert result.have["cvr"] == "ansøgning.docx" and result.have["p_number"] == "body"


def test_what_is_not_found_is_missing_in_catalogue_order(catalogue):
    result = check(catalogue.task("udeservering"), Evidence(details=details(cvr="38712942")))
    assert result.missing == ("p_number", "address", "area", "period", "hours", "sketch")
    assert result.required_missing == ("p_number", "address", "area", "period")
    assert not result.complete


def test_an_attachment_named_for_an_item_satisfies_it(catalogue):
    result = check(catalogue.task("udeservering"), Evidence(attachments=[("Skitse_fortov.pdf", "")]))
    assert result.have["sketch"] == "Skitse_fortov.pdf"


def test_a_word_inside_another_word_does_not_count(catalogue):
    result = check(catalogue.task("udeservering"), Evidence(attachments=[("regnskabsplanen.pdf", "")]))
    assert "sketch" in result.missing


def test_a_pattern_in_the_text_satisfies_an_item(catalogue):
    evidence = Evidence(texts=[("body", "Vi har brug for en container i 14 dage.")])
    assert check(catalogue.task("vejareal"), evidence).have["equipment"] == "body"


def test_a_complete_application_is_complete(catalogue):
    found = details(address="Nørrebrogade 12", period_from="2027-05-01")
    evidence = Evidence(details=found, texts=[("body", "Stillads, 12 m langs facaden.")])
    assert check(catalogue.task("vejareal"), evidence).complete


def test_each_part_gets_its_own_checklist(catalogue):
    result = check_parts(["udeservering", "skilte"], catalogue, Evidence(details=details(address="Vesterbrogade 3")))
    assert list(result) == ["udeservering", "skilte"]
    assert result["skilte"].have == {"address": "body"} and "size" in result["skilte"].missing


def test_an_answer_moves_what_it_supplies_from_missing_to_have(catalogue):
    task = catalogue.task("udeservering")
    earlier = check(task, Evidence(details=details(cvr="38712942", address="Jagtvej 7", period_from="2027-04-01",
                                                   area_m2=12)))
    answer = check(task, Evidence(details={"p_number": Field("1018834562", "answer")}))
    merged = merge(earlier, answer)
    assert merged.have["p_number"] == "answer" and merged.complete and merged.have["cvr"] == "body"


def test_the_stored_form_reads_back(catalogue):
    result = check(catalogue.task("olietank"), Evidence(details=details(litres=2500)))
    assert from_dict("olietank", result.as_dict()) == result


def test_an_item_a_site_satisfies_is_also_satisfied_by_the_business_address():
    """A site at the business's own premises is reported as ``address`` alone (issue 10), so an item that
    ``activity_location`` satisfies accepts ``address`` too, even where a catalogue lists only the site."""
    item = ChecklistItem("place", "Stedet", "The place", True, details=("activity_location",))
    assert found_where(item, Evidence(details={"address": Field("Istedgade 53", "body")})) == "body"
    assert found_where(item, Evidence(details={"activity_location": Field("Fælledparken", "x.pdf")})) == "x.pdf"
    assert found_where(item, Evidence(details={"cvr": Field("38712942", "body")})) == ""


def test_serving_in_front_of_the_own_cafe_has_the_address_item(catalogue):
    found = extract_details([("body", "Vi søger om udeservering foran vores café på Istedgade 53, 1650 København V, "
                                      "fra 1. april til 30. september 2027, ca. 12 m2.")])
    assert "activity_location" not in found
    result = check(catalogue.task("udeservering"), Evidence(details=found))
    assert result.have["address"] == "body" and "address" not in result.missing


# ---------------------------------------------------------------- the ways a business gives an item

def body(text: str, *attachments: tuple[str, str]) -> Evidence:
    return Evidence(attachments=list(attachments), texts=[("body", text)])


@pytest.mark.parametrize(("task", "item", "text"), [
    ("udeservering", "hours", "Åbent fra 10 til 22 alle ugens dage."),
    ("udeservering", "hours", "Vi serverer hverdage 7-18."),
    ("udeservering", "p_number", "CVR 31245678 / P 1012345678"),
    ("udeservering", "p_number", "production unit no. 1020304050"),
    ("udeservering", "cvr", "Company reg. no. 38291045."),
    ("udeservering", "area", "Pladsen er 3 meter gange 5 meter."),
    ("udeservering", "area", "roughly 2 by 4 metres"),
    ("udeservering", "period", "i sæsonen april-oktober 2027"),
    ("vejareal", "equipment", "We need a cherry picker outside no. 40."),
    ("vejareal", "equipment", "we need to park two refrigerated trailers and a 60 kVA generator on Frederiksborggade"),
    ("vejareal", "equipment", "En kølevogn og en generator ud for nr. 12 i tre dage."),
    ("vejareal", "period", "Works are planned for weeks 18 to 21."),
    ("vejareal", "period", "Mobile crane needed on Strandgade 100, Sat 11 Sep 2027, 06:00-14:00."),
    ("vejareal", "site", "En container på hjørnet af Jagtvej og Nørrebrogade."),
    ("skilte", "address", "on the corner of Vesterbrogade and Valdemarsgade"),
    ("olietank", "address", "Sløjfning af 1000 l olietank på matr.nr. 123ab Valby."),
    ("udeservering", "area", "The terrace will measure eight by three metres."),
    ("skilte", "size", "Skiltet er 60x90."),
    ("vejareal", "equipment", "Vi skal bruge 4 p-pladser til produktionsbiler."),
    ("arrangement", "guests", "Around two thousand visitors expected over three days."),
    ("olietank", "size", "the underground 3,000-litre heating oil tank"),
    ("olietank", "action", "The tank is being emptied and filled with sand."),
    ("erhvervsaffald", "cvr", "org. no. 37 66 55 44"),
    ("spildevand", "wastewater", "Vores vaskehal til busser skal have tilladelse til at aflede vaskevand."),
    ("gravetilladelse", "contractor", "Entreprenør: Jensen Kloak ApS"),
    ("gravetilladelse", "contractor", "Arbejdet udføres af Hansen & Søn Anlæg."),
    ("gravetilladelse", "contractor", "The work will be done by our own crews."),
    ("gravetilladelse", "size", "Udgravningen bliver ca. 40 kvadratmeter."),
    ("skilte", "size", "Skiltet måler 120 x 80 cm og er ikke belyst."),
    ("arrangement", "guests", "Vi forventer ikke mere end 300 gæster."),
    ("gadesalg", "site", "Kaffe fra ladcykel ved Nørreport Station."),
    ("gadesalg", "goods", "Vi laver franske crepes."),
    ("jordflytning", "destination", "Jorden modtages af Solum i Holbæk."),
    ("jordflytning", "destination", "approx. 350 m3, will go to the soil facility in Avedøre"),
    ("stoej_byggeplads", "hours", "The pour has to run continuously through the night."),
    ("olietank", "action", "Den skal væk nu, vi har fjernvarme."),
    ("udeservering", "period", "Fra maj til september."),
    ("udeservering", "period", "from April until the end of October"),
    ("spildevand", "wastewater", "Skal vi søge om noget for vandet fra hårvask?"),
    ("stoej_byggeplads", "hours", "Arbejdet foregår kun i normal arbejdstid, ikke om aftenen."),
    ("udeservering", "hours", "Tidsrum\t11-17"),
    ("olietank", "action", "Vi skal have gravet vores gamle olietank op."),
    ("udeservering", "period", "Season: mid-May to end of September 2027"),
    ("udeservering", "period", "Vi vil gerne have udeservering hele juni og juli 2027."),
    ("gravetilladelse", "period", "Periode: primo april 2027 i ca. en uge."),
    ("gravetilladelse", "contractor", "Entreprenøren er Jensen Kloak."),
    ("arrangement", "guests", "Forventet antal: 600 børn og voksne."),
    ("skilte", "size", "Det er ca. en meter bredt."),
    ("arrangement", "guests", "Vi plejer at være omkring 120."),
    ("gadesalg", "cvr", "Company number 39 55 12 34."),
    ("jordflytning", "destination", "2,000 tonnes of clean soil to a recycling site in Køge"),
    ("nedrivning", "period", "Nedrivning planlagt til juni 2027."),
    ("skilte", "size", "Skiltets mål (B x H)\t180 x 60"),
    # a sign's size in metres written out (it is no area, so only the pattern says the size is given)
    ("skilte", "size", "et nyt skilt op over vinduet, ca. 2 x 0,5 meter, med lys bagfra"),
    ("skilte", "size", "a new sign above the door, 3 x 0.6 metres, not lit"),
])
def test_an_item_given_in_other_words_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).have


@pytest.mark.parametrize(("task", "item", "filename", "text"), [
    ("udeservering", "sketch", "IMG_2041.pdf", ""),
    ("udeservering", "sketch", "floor plan.pdf", ""),
    ("udeservering", "sketch", "tegning_final_v3.pdf", ""),
    ("skilte", "picture", "IMG_2041.pdf", ""),
    ("arrangement", "site_plan", "site plan.pdf", ""),
    ("arrangement", "site_plan", "Situationsplan.pdf", ""),
    ("gravetilladelse", "traffic_plan", "kort.pdf", "Trafikafviklingsplan Frederikssundsvej 150"),
    ("gravetilladelse", "traffic_plan", "TMP_Tagensvej_rev2.pdf", ""),
    ("byggetilladelse", "drawings", "IMG_5512.pdf", "Kvist, snit og facade, mål 1:50"),
    ("nedrivning", "survey", "Rapport_2027-044.pdf", "Undersøgelse af bygningsmaterialer for PCB, asbest og bly"),
])
def test_an_attachment_is_known_by_its_name_or_its_content(catalogue, task, item, filename, text):
    assert check(catalogue.task(task), Evidence(attachments=[(filename, text)])).have[item] == filename


def test_an_attachment_the_text_names_counts_when_the_mail_has_one(catalogue):
    task = catalogue.task("udeservering")
    sent = check(task, body("Vi vedlægger en skitse af arealet.", ("bilag 1.pdf", "")))
    assert sent.have["sketch"] == "bilag 1.pdf"
    assert "sketch" in check(task, body("Vi vedlægger en skitse af arealet.")).missing  # nothing attached
    assert "sketch" in check(task, body("Skitse eftersendes.", ("bilag 1.pdf", ""))).missing
    planning = body("Vi planlægger et julemarked, ansøgning vedlagt.", ("ansøgning.docx", "Julemarked"))
    assert "site_plan" in check(catalogue.task("arrangement"), planning).missing  # "plan" starts another word
    assert check(task, body("Skitsen er vedlagt.", ("bilag 1.pdf", ""))).have["sketch"] == "bilag 1.pdf"
    named = body("A map of the screen, seating and exits is attached.", ("superkilen.pdf", "Screen, chairs"))
    assert check(catalogue.task("arrangement"), named).have["site_plan"] == "superkilen.pdf"


@pytest.mark.parametrize(("task", "item", "text"), [
    ("gravetilladelse", "traffic_plan", "Vi har ikke en afmærkningsplan endnu."),
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan følger, når politiet har godkendt den."),
    ("gravetilladelse", "traffic_plan", "The traffic management plan will follow."),
    ("udeservering", "p_number", "P-nummer har vi ikke fået endnu."),
    ("nedrivning", "survey", "We have not yet had a survey for hazardous substances done."),
    ("nedrivning", "survey", "Der er ikke lavet nogen undersøgelse af materialerne."),
    ("jordflytning", "analysis", "Jordprøverne er ikke taget endnu."),
    ("gadesalg", "site", "Vi vil gerne have en stadeplads. Hvor må vi stå?"),
    ("stoej_byggeplads", "hours", "Vi knuser beton i perioden 1. juni til 15. august 2027."),
    ("udeservering", "hours", "Periode 15.04.27 - 15.10.27"),
    ("udeservering", "period", "cvr 40 99 88 77. from april."),                  # a start is no period
    ("nedrivning", "survey", "En træcarport uden asbest, så vi har ikke fået lavet nogen screening."),
    ("stoej_byggeplads", "hours", "Periode\t01.09.2027 - 30.09.2027\nArbejdstider\t\n"),
    ("jordflytning", "destination", "Vi får ca. 150 m³ jord. Hvor skal jorden køres til?"),
    ("gravetilladelse", "contractor", "Vi har spurgt et par entreprenører om pris, men har ikke valgt endnu."),
    ("vejareal", "period", "We may start the work in a week, the dates are open."),          # "may" the verb
    ("arrangement", "guests", "Vi forventer at starte kl. 10 og slutte 22.00."),
    ("skilte", "size", "Ring på 1920x1080 eller 33 12 45 67."),
    ("vejareal", "period", "Videresendt\nSendt: 11. september 2027 10:22\nContainer ved Jagtvej 3"),
    ("gravetilladelse", "traffic_plan", "The contractor is Danish Drains ApS. Do we need a traffic plan?"),
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan udarbejdes af entreprenøren."),
    ("nedrivning", "survey", "Skal vi have lavet en miljøkortlægning først?"),
])
def test_an_item_said_to_be_missing_or_to_come_later_is_missing(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).missing


@pytest.mark.parametrize(("task", "item", "line"), [
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan vedlagt\tNej"),
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan vedlagt | nej"),
    ("udeservering", "sketch", "Tegning vedlagt: No"),
    ("udeservering", "sketch", "Skitse\t"),
    ("nedrivning", "survey", "Miljøkortlægning\tIkke udført"),
])
def test_a_form_line_whose_value_says_no_does_not_count(catalogue, task, item, line):
    form = f"ANSØGNING\n{line}\nAndet\tja"
    evidence = Evidence(attachments=[("skema.docx", form)], texts=[("skema.docx", form)])
    assert item in check(catalogue.task(task), evidence).missing


def test_a_form_line_with_a_value_counts(catalogue):
    form = "ANSØGNING\nAfmærkningsplan\tvedlagt (bilag 2)\nMiljøkortlægning: udført 2026"
    evidence = Evidence(attachments=[("skema.docx", form)], texts=[("skema.docx", form)])
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence).have
    assert "survey" in check(catalogue.task("nedrivning"), evidence).have


def test_a_question_about_a_document_is_not_the_document_but_a_question_elsewhere_does_not_matter(catalogue):
    task = catalogue.task("gravetilladelse")
    assert "traffic_plan" in check(task, body("Skal vi sende en afmærkningsplan?")).missing
    assert "traffic_plan" in check(task, body("Vi vedlægger en skitse. Skal vi også vedlægge afmærkningsplan?",
                                              ("bilag.pdf", ""))).missing
    sent = body("Afmærkningsplan vedlagt. Hvornår kan vi starte?", ("bilag.pdf", ""))
    assert "traffic_plan" in check(task, sent).have
    assert "equipment" in check(catalogue.task("vejareal"), body("Hvor må vi stille containeren?")).have


def test_a_denied_mention_does_not_hide_a_later_one(catalogue):
    text = "Vi har ikke en afmærkningsplan fra politiet. Ny afmærkningsplan vedhæftet."
    assert check(catalogue.task("gravetilladelse"), body(text, ("bilag.pdf", ""))).have["traffic_plan"] == "body"


@pytest.mark.parametrize("text", [
    "ikke " * 200_000 + "afmærkningsplan",
    "afmærkningsplan eftersendes " * 40_000,
    "skitse vedlagt " * 60_000,
    "a" * 1_000_000,
], ids=["negations", "deferred", "named attachments", "one long word"])
def test_hostile_texts_are_checked_in_bounded_time(catalogue, text):
    evidence = body(text, ("bilag.pdf", text))
    start = time.perf_counter()
    for task in ("gravetilladelse", "udeservering", "arrangement"):
        check(catalogue.task(task), evidence)
    assert time.perf_counter() - start < 5


def test_only_the_start_of_a_long_text_is_read(catalogue):
    text = "x" * 200_000 + " Afmærkningsplan vedhæftet."
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), body(text)).missing


@pytest.mark.parametrize("text", ["Trafikafviklingsplan er vedhæftet.", "Afspærringsplan i bilag.",
                                  "Please find attached our traffic management plan."])
def test_a_document_said_to_be_attached_counts_only_when_the_mail_has_an_attachment(catalogue, text):
    task = catalogue.task("gravetilladelse")
    assert "traffic_plan" in check(task, body(text, ("scan_0012.pdf", ""))).have
    assert "traffic_plan" in check(task, body(text)).missing


def test_a_document_named_in_the_subject_counts_only_when_something_is_attached(catalogue):
    task = catalogue.task("gravetilladelse")
    texts = [("subject", "Gravetilladelse - afmærkningsplan"), ("body", "Vi graver i marts.")]
    assert "traffic_plan" in check(task, Evidence(texts=texts)).missing
    assert "traffic_plan" in check(task, Evidence(attachments=[("scan.pdf", "")], texts=texts)).have


@pytest.mark.parametrize(("task", "item", "text"), [
    ("gravetilladelse", "contractor", "Contractor: TBD. Traffic plan: TBD."),
    ("gravetilladelse", "contractor", "Entreprenør: ikke valgt endnu (vi har bedt om tre tilbud)"),
    ("gravetilladelse", "traffic_plan", "Afmærkningsplan: laves af entreprenøren"),
    ("gravetilladelse", "contractor", "Entreprenør:\nPeriode: uge 9"),
    ("gadesalg", "goods", "Hvad vil du sælge\t?"),
    ("gadesalg", "goods", "Hvad må man sælge?"),
    ("nedrivning", "survey", "Miljøkortlægning: afventer rapport fra rådgiver"),
    ("nedrivning", "survey", "I skal bruge adresse og kortlægning af miljøfarlige stoffer (PCB, asbest, bly)."),
    ("spildevand", "wastewater", "Hvad skal ansøgningen indeholde - skal vi have en fedtudskiller?"),
    ("spildevand", "wastewater", "Hvilken type spildevand: ikke afklaret endnu."),
    ("stoej_byggeplads", "hours", "Tidspunkter\tTBD"),
    ("jordflytning", "destination", "Modtageanlæg: N/A"),
    ("vejareal", "equipment", "Hvad skal opstilles (stillads, container, skurvogn, kran, lift): -"),
    ("udeservering", "period", "We would like 2 tables outside this summer."),
    ("gravetilladelse", "traffic_plan", "Vi har hverken tegning eller afmærkningsplan."),
])
def test_an_item_named_but_not_given_is_missing(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).missing


@pytest.mark.parametrize(("task", "item", "text"), [
    ("vejareal", "equipment", "Do we need a permit to park a moving van outside?"),
    ("vejareal", "equipment", "Hvor må vi stille containeren?"),
    ("vejareal", "equipment", "Do we need permission for the container?"),
    ("gravetilladelse", "contractor", "As you need the contractor's name: it is Hansen Kloak ApS."),
    ("gadesalg", "goods", "Må jeg sælge kaffe fra min cykel?"),
    ("udeservering", "cvr", "Skal I bruge CVR 39137046 eller vores P-nummer?"),
    ("gravetilladelse", "contractor", "Entreprenør: Hansen Kloak ApS"),
    ("udeservering", "period", "Vi vil gerne stå ude hele sommeren."),
    ("udeservering", "period", "during the summer season 2027"),
    ("stoej_byggeplads", "hours", "Arbejdstid: kl. 7:00-18:00"),
    ("arrangement", "site", "our street (Ravnsborggade) wants a street party"),
    ("gadesalg", "site", "Jeg vil sælge is på Strøget ved Amagertorv eller i Købmagergade."),
])
def test_an_item_given_in_a_question_or_form_answer_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).have


@pytest.mark.parametrize(("task", "item", "text"), [
    ("gravetilladelse", "traffic_plan", "Bilag:\n☐ Afmærkningsplan\n☒ Situationsplan"),
    ("nedrivning", "survey", "Tjekliste:\n[ ] Kortlægning af miljøfarlige stoffer\n[x] Adresse: Tingvej 8"),
    ("nedrivning", "survey", "2. Kortlægning af miljøfarlige stoffer (PCB, asbest, bly)\n[udfyldes]\n\n3. Tidsplan"),
    ("gravetilladelse", "traffic_plan", "Afmærkningsplanen ligger hos politiet til godkendelse."),
    ("jordflytning", "destination", "The soil will go to a receiving facility approved by you."),
    ("jordflytning", "destination", "Jorden køres til et modtageanlæg, som I anviser."),
])
def test_an_unticked_box_a_placeholder_or_a_plan_still_elsewhere_is_missing(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text, ("ansøgning.pdf", ""))).missing


@pytest.mark.parametrize(("task", "item", "text"), [
    ("udeservering", "area", "4 meter along the facade and 1,5 meter out from it"),
    ("jordflytning", "amount", "approx. 25 truckloads of clean fill"),
    ("jordflytning", "destination", "from our site at Ørestads Boulevard 100 to Kalvebod Miljøcenter"),
    ("olietank", "size", "the 5 m3 oil tank in the garden"),
    ("olietank", "size", "olietank 2500 ltr i kælderen"),
    ("arrangement", "guests", "Vi regner med et par tusinde besøgende."),
    ("arrangement", "guests", "- Expected audience: 800"),
    ("nedrivning", "survey", "Tjekliste:\n[x] Kortlægning af miljøfarlige stoffer"),
])
def test_an_item_given_in_other_units_or_ticked_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text, ("ansøgning.pdf", ""))).have


def test_a_from_to_between_dates_is_no_destination(catalogue):
    text = "Vi flytter 40 tons jord fra Amagerfælledvej 56 fra marts til Maj."
    assert "destination" in check(catalogue.task("jordflytning"), body(text)).missing


# ---------------------------------------------------------------- attachments that are something else (batch v5)

def test_a_quote_is_not_the_document_its_lines_name(catalogue):
    """A price quote listing "Traffic management (signage)" is not a traffic plan; a plan attached is."""
    quote = ("Quote_Q-1182.pdf", "QUOTE Q-1182\nExcavation 12 m x 1 m\nTraffic management (signage) DKK 4,500")
    found = check(catalogue.task("gravetilladelse"), body("See the attached quote.", quote))
    assert "traffic_plan" in found.missing
    plan = ("Skiltning_Amagerbrogade.pdf", "SKILTNINGSPLAN\nGodkendt af politiet")
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), body("Planen er vedhæftet.", plan)).have


def test_a_quotes_words_give_nothing_but_its_numbers_are_values(catalogue):
    quote = ("tilbud.pdf", "TILBUD\nJensen Jord & Kloak ApS\nUdgravning 12 m x 1 m\nLevering uge 12")
    found = check(catalogue.task("gravetilladelse"),
                  Evidence(attachments=[quote], texts=[("body", "Se tilbuddet for omfanget."), quote]))
    assert "contractor" in found.missing  # the supplier of a quote is not the contractor chosen
    assert "period" in found.missing  # its delivery week is not the period
    assert "size" in found.have


def test_the_text_naming_a_drawing_does_not_make_a_quote_the_drawing(catalogue):
    quote = ("tilbud_toemrer_0412.pdf", "TILBUD\nTagterrasse i træ\nPris: 245.000 kr.")
    assert "drawings" in check(catalogue.task("byggetilladelse"), body("Se vedhæftede tegning.", quote)).missing


def test_a_photo_is_not_the_report_the_text_says_is_attached(catalogue):
    """"See the attached hazardous materials survey" with only a camera photo attached: the survey is missing."""
    photo = ("IMG_3321.jpg", "")
    found = check(catalogue.task("nedrivning"), body("Please see the attached hazardous materials survey.", photo))
    assert "survey" in found.missing
    pdf = ("bilag 2.pdf", "")
    assert "survey" in check(catalogue.task("nedrivning"), body("Se vedhæftede kortlægning af PCB.", pdf)).have


def test_a_picture_can_be_a_sketch_the_text_names(catalogue):
    found = check(catalogue.task("udeservering"), body("A drawing of the layout is attached.", ("layout.png", "")))
    assert found.have["sketch"] == "layout.png"
    photo = check(catalogue.task("udeservering"), body("Vi vedhæfter en skitse.", ("IMG_2041.jpg", "")))
    assert "sketch" in photo.have


# ---------------------------------------------------------------- hours and numbers in other words (batch v5)

@pytest.mark.parametrize(("task", "item", "text"), [
    ("stoej_byggeplads", "hours", "Work between 7 and 17."),
    ("stoej_byggeplads", "hours", "Vi arbejder mellem kl. 7 og 15.30 på hverdage."),
    ("udeservering", "p_number", "Vores P-nummer er 1020 3040 50."),
])
def test_an_item_given_in_v5_words_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).have


@pytest.mark.parametrize(("task", "item", "text"), [
    ("stoej_byggeplads", "hours", "Arbejdet varer mellem 3 og 4 uger."),
    ("udeservering", "p_number", "P-nummer har vi ikke, ring +45 12 34 56 78."),
    ("gravetilladelse", "traffic_plan", "We have no traffic plan yet."),
])
def test_numbers_of_another_kind_are_not_v5_items(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).missing


@pytest.mark.parametrize(("task", "item", "line"), [
    ("jordflytning", "destination", "Modtageanlæg: oplyses senere"),
    ("vejareal", "traffic_plan", "Afmærkningsplan\tvedlægges senere"),
    ("gravetilladelse", "contractor", "Contractor: TBD - we are still comparing quotes."),
])
def test_a_form_answer_deferring_the_item_does_not_count(catalogue, task, item, line):
    assert item in check(catalogue.task(task), Evidence(texts=[("form", line)])).missing


# ---------------------------------------------------------------- second probe after batch v5

@pytest.mark.parametrize(("task", "item", "text"), [
    ("vejareal", "site", "Can we have a skip at 14 Rosenvængets Allé, 2100 Copenhagen Ø?"),
    ("gravetilladelse", "site", "The dig is outside 3 Store Kongensgade."),
    ("jordflytning", "destination", "We will move the soil to the soil depot in Hedehusene."),
])
def test_an_item_given_in_second_probe_words_is_had(catalogue, task, item, text):
    assert item in check(catalogue.task(task), body(text)).have


def test_a_count_before_a_street_is_no_house_number(catalogue):
    assert "site" in check(catalogue.task("vejareal"), body("We need 2 Containere on Vesterbrogade.")).missing
