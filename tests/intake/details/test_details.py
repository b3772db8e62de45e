"""Tests of intake.details: structured fields from Danish and English applications."""

from __future__ import annotations

import time
from datetime import date
from email.message import EmailMessage

import pytest
from stdnum.dk import cvr as stdnum_cvr

from intake.details import DETAIL_KEYS, details_to_json, extract_details, redact_cpr
from intake.details.addresses import clean_street
from intake.details.identifiers import find_cpr, normalise_phone, parse_number
from intake.details.periods import find_period
from intake.details.text import label_key
from intake.mail.message import parse_mail

REF = date(2027, 1, 15)
VALID_CVR = "50708047"
VALID_CVR_2 = "33174640"


def values(text: str, form: dict[str, str] | None = None, source: str = "body") -> dict:
    return {k: f.value for k, f in extract_details([(source, text)], form or {}, reference=REF).items()}


def grouped(number: str) -> str:
    return " ".join(number[i:i + 2] for i in range(0, len(number), 2))


# ---------------------------------------------------------------- realistic applications

DANISH_BODY = f"""Hej Erhvervsservice

Vi vil gerne søge om tilladelse til udeservering ud for vores café på Istedgade 53, 1650 København V.
Vi ønsker at stille 6 borde og 24 stole op i perioden fra 1. april til 30. september 2027, i alt ca. 18 m2.

Med venlig hilsen

Mette Sørensen
Café Solsiden ApS
CVR-nr. {grouped(VALID_CVR)}
Tlf. +45 22 33 44 55
mette@cafesolsiden.dk
"""


def test_danish_body_with_details_in_the_signature():
    found = values(DANISH_BODY)
    assert found["company_name"] == "Café Solsiden ApS"
    assert (found["cvr"], found["cvr_valid"]) == (VALID_CVR, True)
    assert found["contact_name"] == "Mette Sørensen"
    assert found["contact_email"] == "mette@cafesolsiden.dk"
    assert found["phone"] == "22334455"
    assert (found["address"], found["postcode"]) == ("Istedgade 53", "1650")
    assert "activity_location" not in found        # the serving is in front of the business's own café
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-09-30")
    assert found["area_m2"] == 18


ENGLISH_BODY = f"""Dear Sir/Madam,

We would like to apply for a permit to place scaffolding in front of Nørre Farimagsgade 64, 1364 Copenhagen K
from March 1, 2027 to May 15, 2027. The scaffolding will be 3 x 12 m.

Company: Nordic Facade Solutions ApS
VAT: DK-{VALID_CVR_2}
Contact person: John Smith
Phone: 0045 4012 3456
E-mail: js@nordicfacade.com
Address: Refshalevej 153, 1432 København K

Kind regards
John Smith
"""


def test_english_body_with_labelled_lines():
    found = values(ENGLISH_BODY)
    assert found["company_name"] == "Nordic Facade Solutions ApS"
    assert (found["cvr"], found["cvr_valid"]) == (VALID_CVR_2, True)
    assert found["contact_name"] == "John Smith"
    assert found["phone"] == "40123456"
    assert found["contact_email"] == "js@nordicfacade.com"
    assert found["address"] == "Refshalevej 153"
    assert (found["postcode"], found["city"]) == ("1432", "København K")
    assert found["activity_location"].startswith("Nørre Farimagsgade 64")
    assert (found["period_from"], found["period_to"]) == ("2027-03-01", "2027-05-15")
    assert found["area_m2"] == 36


WORD_TABLE = f"""Ansøgning om råden over vejareal
Virksomhedens navn\tByens Bageri I/S
CVR-nummer\t{VALID_CVR}
P-nummer\t1012345678
Kontaktperson\tLars Nielsen
Telefon\t40 50 60 70
E-mail\tlars@bybageri.dk
Adresse\tJægersborggade 7, st. tv.
Postnr. og by\t2200 København N
Placering af containeren\tJægersborggade 9
Periode fra\t01.05.2027
Periode til\t31.08.2027
"""


def test_word_form_rendered_as_a_two_column_table():
    found = values(WORD_TABLE, source="ansøgning.docx")
    assert found["company_name"] == "Byens Bageri I/S"
    assert found["cvr"] == VALID_CVR and found["p_number"] == "1012345678"
    assert found["contact_name"] == "Lars Nielsen" and found["phone"] == "40506070"
    assert found["address"] == "Jægersborggade 7, st. tv"      # normalised: no dot after the side
    assert (found["postcode"], found["city"]) == ("2200", "København N")
    assert found["activity_location"] == "Jægersborggade 9"
    assert (found["period_from"], found["period_to"]) == ("2027-05-01", "2027-08-31")


def test_sources_name_the_attachment():
    fields = extract_details([("body", "Se vedhæftede ansøgning."), ("ansøgning.docx", WORD_TABLE)], reference=REF)
    assert fields["cvr"].source == "ansøgning.docx" and fields["cvr_valid"].source == "ansøgning.docx"


def test_label_and_value_on_separate_lines():
    found = values(f"Firmanavn\nHavnens Is ApS\nCVR\n{VALID_CVR}\nTelefon\n28 11 22 33\n")
    assert (found["company_name"], found["cvr"], found["phone"]) == ("Havnens Is ApS", VALID_CVR, "28112233")


def test_a_wrapped_sentences_last_word_is_no_label_over_the_next_line():
    """A PDF form wraps "... senest 2 uger før opstart." and signs below it: "opstart." is no start-date label, and
    the signing date under it is no period."""
    form = ("Periode 8. februar 2027 - 19. marts 2027\n"
            "Naboorientering Skriftlig orientering omdeles til naboer senest 2 uger før\nopstart.\n"
            "Dato og underskrift 30.11.2026 Mikkel Bruun\n")
    found = values(form, source="skema.pdf")
    assert (found["period_from"], found["period_to"]) == ("2027-02-08", "2027-03-19")
    assert values("Opstart\n1. marts 2027\n")["period_from"] == "2027-03-01"     # a label on its own line still is


def test_a_ticked_or_unticked_label_is_a_label_and_not_the_value_of_the_line_above():
    found = values("Tjekliste:\n[ ] Areal i m²\n[x] Periode: 1.4.2027-30.9.2027\n☐ P-nummer\n")
    assert "area_m2" not in found and "p_number" not in found
    assert label_key("[x] Periode") == label_key("☐ Periode") == label_key("Periode")


def test_pipe_separated_table_rows():
    found = values(f"| Firmanavn | Havnens Is ApS |\n| CVR-nr. | {VALID_CVR} |\n| Kontaktperson | Ida Holm |")
    assert (found["company_name"], found["cvr"], found["contact_name"]) == ("Havnens Is ApS", VALID_CVR, "Ida Holm")


# ---------------------------------------------------------------- form fields

def test_form_fields_are_read_by_their_labels():
    form = {"Virksomhedens navn": "Smørrebrød & Co ApS", "CVR-nummer": VALID_CVR, "Kontaktperson": "Anna Berg",
            "Telefon": "+45 31 41 59 26", "E-mail": "anna@smorrebrod.dk", "Postnr. og by": "2100 København Ø",
            "Periode fra": "1. juni 2027", "Periode til": "15. juni 2027", "Antal gæster": "120"}
    found = {k: f.value for k, f in extract_details([], form, form_source="skema.pdf", reference=REF).items()}
    assert found["company_name"] == "Smørrebrød & Co ApS" and found["contact_name"] == "Anna Berg"
    assert (found["phone"], found["postcode"], found["city"]) == ("31415926", "2100", "København Ø")
    assert (found["period_from"], found["period_to"], found["guests"]) == ("2027-06-01", "2027-06-15", 120)


def test_form_fields_win_over_the_body():
    fields = extract_details([("body", DANISH_BODY)], {"Firmanavn": "Formens Firma ApS"}, reference=REF)
    assert fields["company_name"].value == "Formens Firma ApS" and fields["company_name"].source == "form"
    assert fields["cvr"].source == "body"


@pytest.mark.parametrize(("label", "key"), [
    ("Virksomhedens navn", "company_name"), ("Firmanavn", "company_name"), ("Company name", "company_name"),
    ("CVR-nummer", "cvr"), ("CVR nr.", "cvr"), ("SE/CVR-nr.", "cvr"), ("P-nr.", "p_number"),
    ("Kontaktperson", "contact_name"), ("Navn", "contact_name"), ("Contact person", "contact_name"),
    ("Telefon", "phone"), ("Tlf.", "phone"), ("Mobile", "phone"), ("E-mail", "contact_email"),
    ("E-mailadresse", "contact_email"), ("Adresse", "address"), ("Postnr. og by", "postcode"),
    ("Periode fra", "period_from"), ("Periode til", "period_to"), ("Placering", "activity_location"),
    ("Stilladsets placering", "activity_location"), ("Antal gæster", "guests"), ("Tankstørrelse (liter)", "litres"),
    ("Areal (m2)", "area_m2"), ("CPR-nummer", "cpr"), ("Bemærkninger", None),
    ("Arrangør", "company_name"), ("Dato", "date"),
    ("txtCompanyName", "company_name"), ("CVR_nr", "cvr"), ("Telefon1", "phone"),       # AcroForm field names
    ("Virksomhedens CVR-nummer", "cvr"), ("Telefonnummer (dagtimer)", "phone"),
    ("Navn på ansvarlig kontaktperson", "contact_name"), ("P-nummer for serveringsstedet", "p_number"),
    ("Ønsket startdato", "period_from"), ("Beskrivelse af arbejdet", None),
])
def test_form_labels_map_to_keys(label, key):
    assert label_key(label) == key


def test_contact_value_with_more_details_keeps_the_name_only():
    found = values("Kontakt: Ahmad Hassan, ahmad@gadefest.dk, 71 72 73 74")
    assert (found["contact_name"], found["contact_email"], found["phone"]) == \
        ("Ahmad Hassan", "ahmad@gadefest.dk", "71727374")


def test_name_label_holding_a_company_gives_the_company():
    found = values("Navn: Café Hansen ApS")
    assert found["company_name"] == "Café Hansen ApS" and "contact_name" not in found


def test_company_value_is_cut_before_its_cvr():
    assert values(f"Virksomhed: Café Hansen ApS, CVR {VALID_CVR}")["company_name"] == "Café Hansen ApS"


def test_company_line_without_legal_form_under_the_signature():
    found = values("Må vi sætte et skilt op?\n\nVenlig hilsen\nLouise Krogh\nIndehaver, Krogh Keramik\n"
                   f"CVR {VALID_CVR}\n")
    assert (found["contact_name"], found["company_name"]) == ("Louise Krogh", "Krogh Keramik")


def test_date_of_the_letter_is_not_a_period():
    found = values("København, den 3. januar 2027\nDato: 4. januar 2027\nVi søger om et skilt.")
    assert "period_from" not in found and "period_to" not in found


def test_single_event_date_is_both_ends_of_the_period():
    found = values("Arrangementet afholdes lørdag den 12. juni 2027 kl. 12-22.")
    assert (found["period_from"], found["period_to"]) == ("2027-06-12", "2027-06-12")


def test_place_without_house_number():
    assert values("We would like to sell food at Israels Plads on Saturday.")["activity_location"] == "Israels Plads"


# ---------------------------------------------------------------- CVR and P-number

@pytest.mark.parametrize("written", [
    f"CVR-nr. {grouped(VALID_CVR)}", f"CVR: {VALID_CVR}", f"DK{VALID_CVR}", f"DK-{VALID_CVR}",
    f"SE/CVR: {VALID_CVR}", f"Cvr.nr.{VALID_CVR}", f"VAT no. DK {grouped(VALID_CVR)}",
    f"CVR {VALID_CVR[:4]} {VALID_CVR[4:]}",
])
def test_cvr_in_the_forms_businesses_write_it(written):
    assert values(f"Vores firma har {written} og søger om skilt.")["cvr"] == VALID_CVR


def test_invalid_cvr_is_kept_and_flagged():
    invalid = VALID_CVR[:-1] + str((int(VALID_CVR[-1]) + 1) % 10)
    assert not stdnum_cvr.is_valid(invalid)
    found = values(f"CVR: {invalid}")
    assert (found["cvr"], found["cvr_valid"]) == (invalid, False)


def test_no_cvr_means_no_cvr_valid_key():
    assert "cvr_valid" not in values("Hej, hvad skal jeg bruge for at åbne en café?")


def test_p_number_is_ten_digits_by_format_only():
    assert values("P-nr.: 1 012 345 678")["p_number"] == "1012345678"
    assert "p_number" not in values("P-nr.: 12345")


# ---------------------------------------------------------------- phone

@pytest.mark.parametrize("written", ["+45 22 33 44 55", "22 33 44 55", "2233 4455", "0045 22334455", "+4522334455",
                                     "(+45) 22 33 44 55", "22-33-44-55"])
def test_phone_is_normalised_to_eight_digits(written):
    assert values(f"Ring gerne på tlf. {written}")["phone"] == "22334455"


def test_unlabelled_grouped_phone_is_found():
    assert values("Kontakt mig på 22 33 44 55 i dag.")["phone"] == "22334455"


def test_grouped_cvr_is_not_taken_as_phone():
    assert "phone" not in values(f"CVR {grouped(VALID_CVR)}")


@pytest.mark.parametrize("raw", ["12345", "+46 70 123 45 67", "0123 4567"])
def test_not_a_danish_phone(raw):
    assert normalise_phone(raw) is None


# ---------------------------------------------------------------- names, email, address

def test_contact_email_may_differ_from_sender_and_ignores_municipal_addresses():
    found = values("Til erhvervsservice@kk.dk\nSvar venligst til bogholder@firma.dk")
    assert found["contact_email"] == "bogholder@firma.dk"


def test_name_introduced_in_running_text():
    assert values("Mit navn er Karen Blixen og jeg søger om gadesalg.")["contact_name"] == "Karen Blixen"


def test_name_on_the_valediction_line():
    assert values("Se vedhæftede.\n\nMvh Peter Holm\n")["contact_name"] == "Peter Holm"


def test_name_written_before_a_phone_number():
    assert values("Nielsen Entreprise A/S\nJens Nielsen, tlf. 20 30 40 50")["contact_name"] == "Jens Nielsen"


def test_place_with_house_number_in_a_later_source_wins():
    fields = extract_details([("subject", "Stillads på Nørrebrogade"),
                              ("body", "Stilladset skal stå ud for Nørrebrogade 45, 2200 København N.")], reference=REF)
    place = fields["activity_location"]
    assert place.value.startswith("Nørrebrogade 45") and place.source == "body"


def test_a_street_in_the_subject_that_is_the_business_address_is_no_site():
    fields = extract_details([("subject", "Ny restaurant på Nørrebrogade"),
                              ("body", "Vi åbner på Nørrebrogade 45, 2200 København N.")], reference=REF)
    assert fields["address"].value == "Nørrebrogade 45" and "activity_location" not in fields


def test_signature_only_details():
    found = values(f"Se vedhæftede ansøgning.\n\nVenlig hilsen\nPeter Holm\nHolm Byg ApS\nSE/CVR: {VALID_CVR}\n"
                   "Mobil: 51 52 53 54\nVesterbrogade 8, 2. th.\n1620 København V\n")
    assert (found["contact_name"], found["company_name"], found["cvr"]) == ("Peter Holm", "Holm Byg ApS", VALID_CVR)
    assert found["phone"] == "51525354"
    assert found["address"] == "Vesterbrogade 8, 2. th"
    assert (found["postcode"], found["city"]) == ("1620", "København V")


@pytest.mark.parametrize(("written", "expected"), [
    ("Frederiksberg Allé 12", "Frederiksberg Allé 12"),
    ("H.C. Andersens Boulevard 27, st.", "H.C. Andersens Boulevard 27, st."),
    ("Nyhavn 17, 3. tv", "Nyhavn 17, 3. tv"),
    ("Store Kongensgade 40B", "Store Kongensgade 40B"),
])
def test_street_addresses(written, expected):
    assert values(f"Vi søger om stillads på adressen {written}.")["activity_location"] == expected


def test_location_label_without_street_pattern():
    """The place is the site; the spot in it after a comma ("ved indgangen") is not part of its name."""
    assert values("Placering: Kongens Have, ved indgangen")["activity_location"] == "Kongens Have"


def test_company_name_does_not_swallow_the_sentence():
    assert values("Hermed ansøger Tømrerfirmaet Hansen & Søn ApS om tilladelse.")["company_name"] == (
        "Tømrerfirmaet Hansen & Søn ApS")


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "start", "end"), [
    ("fra 1. maj til 30. september 2027", "2027-05-01", "2027-09-30"),
    ("i perioden 01.03.2027 - 31.05.2027", "2027-03-01", "2027-05-31"),
    ("fra 1/3-2027 til 15/4-2027", "2027-03-01", "2027-04-15"),
    ("from March 1, 2027 to May 15, 2027", "2027-03-01", "2027-05-15"),
    ("from 1 June 2027 until 3 June 2027", "2027-06-01", "2027-06-03"),
    ("den 1.-3. juni 2027", "2027-06-01", "2027-06-03"),
    ("June 12-14, 2027", "2027-06-12", "2027-06-14"),
    ("2027-03-01 til 2027-03-31", "2027-03-01", "2027-03-31"),
    ("i uge 12-14 2027", "2027-03-22", "2027-04-11"),
    ("fra 1. maj til 30. september", "2027-05-01", "2027-09-30"),
    ("fra 1. december til 31. januar", "2027-12-01", "2028-01-31"),
])
def test_period_forms(text, start, end):
    period = find_period(text, REF)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


def test_one_sided_period():
    found = values("Stilladset opstilles fra og med 3. marts 2027.")
    assert found["period_from"] == "2027-03-03" and "period_to" not in found


def test_times_and_phone_numbers_are_not_dates():
    assert find_period("Åbent kl. 10.00-22.00, tlf. 12.34.56.78", REF) == find_period("", REF)


# ---------------------------------------------------------------- amounts

def test_litres_of_an_oil_tank():
    assert values("Vi vil sløjfe en olietank på 2.500 liter.")["litres"] == 2500


def test_guests_take_the_largest_number():
    assert values("Vi forventer ca. 1.200 gæster; 4 personer bemander baren.")["guests"] == 1200


@pytest.mark.parametrize(("raw", "expected"), [("1.200", 1200), ("1 200", 1200), ("12,5", 12.5), ("12.5", 12.5)])
def test_numbers_in_danish_and_english(raw, expected):
    assert parse_number(raw) == expected


# ---------------------------------------------------------------- CPR

def test_cpr_is_detected_and_never_copied():
    text = "Kontaktperson: Ole Olsen, CPR 010190-1234\nTelefon: 22334455"
    fields = extract_details([("body", text)], {"CPR-nummer": "0101901234"}, reference=REF)
    assert fields["cpr_found"].value is True
    assert all("0101901234" not in str(f.value) and "010190-1234" not in str(f.value) for f in fields.values())


def test_cpr_in_form_value_of_another_label_is_not_copied():
    fields = extract_details([], {"Kontaktperson": "Ole Olsen 010190-1234"}, reference=REF)
    assert "contact_name" not in fields and fields["cpr_found"].value is True


@pytest.mark.parametrize("text", [
    "CPR: 010190-1234", "cpr.nr. 0101901234", "personnummer 311299 1234", "født 010190-1234",
])
def test_redact_cpr(text):
    redacted = redact_cpr(text)
    assert "XXXXXX-XXXX" in redacted and "1234" not in redacted


@pytest.mark.parametrize("text", ["P-nr. 1012345678", "tlf 0101901234", "dato 320190-1234", "ordre nr 0101901234",
                                  "konto 1234-0101901234"])
def test_other_numbers_are_not_cpr(text):
    assert find_cpr(text) == [] and redact_cpr(text) == text


def test_no_cpr_means_no_cpr_key():
    assert "cpr_found" not in values(DANISH_BODY)


# ---------------------------------------------------------------- from a parsed mail

OUTLOOK_HTML = f"""<html><head><style>p.MsoNormal{{margin:0}}</style></head><body lang=DA><div class=WordSection1>
<p class=MsoNormal>Hej,<o:p></o:p></p><p class=MsoNormal>Vi skal have opsat stillads p&aring; facaden af ejendommen
Amagerbrogade 150, 2300 K&oslash;benhavn S, i uge 14-20 2027.<o:p></o:p></p><p class=MsoNormal>Med venlig hilsen</p>
<table><tr><td><p class=MsoNormal><b>Kasper Lund</b><br>Projektleder<br>Stilladsgruppen A/S<br>\
Industrivej 4, 2600 Glostrup<br>
Direkte: +45 30 30 40 40<br><a href="mailto:kl@stilladsgruppen.dk">kl@stilladsgruppen.dk</a><br>CVR {VALID_CVR}</p></td>
<td><img src="cid:logo" alt="logo"></td></tr></table>
<div style='border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal><b>Fra:</b> Sagsbehandler &lt;sb@kk.dk&gt;<br>
<b>Sendt:</b> 3. marts 2027 10:12<br><b>Til:</b> Kasper Lund<br><b>Emne:</b> Sv: stillads</p></div>
<p>Gammel tekst fra kommunen.</p></div></body></html>"""


def test_outlook_html_mail_end_to_end():
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "Kasper Lund <kl@stilladsgruppen.dk>", "Stillads Amagerbrogade 150"
    msg.set_content(OUTLOOK_HTML, subtype="html")
    mail = parse_mail(msg.as_bytes())
    assert "Gammel tekst" not in mail.text_now and "Kasper Lund" not in mail.text_now
    fields = extract_details([("subject", mail.subject), ("body", mail.full_text)], reference=REF)
    found = {k: f.value for k, f in fields.items()}
    assert (found["company_name"], found["cvr"], found["contact_name"]) == \
        ("Stilladsgruppen A/S", VALID_CVR, "Kasper Lund")
    assert (found["phone"], found["contact_email"]) == ("30304040", "kl@stilladsgruppen.dk")
    assert (found["address"], found["postcode"], found["city"]) == ("Industrivej 4", "2600", "Glostrup")
    # the body names the subject's site with its postcode (which tells the municipality): the body's, since session 37
    assert found["activity_location"] == "Amagerbrogade 150, 2300 København S"
    assert fields["activity_location"].source == "body"
    assert (found["period_from"], found["period_to"]) == ("2027-04-05", "2027-05-23")


@pytest.mark.parametrize(("caught", "street"), [
    ("Stillads Amagerbrogade", "Amagerbrogade"), ("Scaffolding Vesterbrogade", "Vesterbrogade"),
    ("Container Peter Bangs Vej", "Peter Bangs Vej"), ("Amager Strandvej", "Amager Strandvej"),
    ("Gammel Kongevej", "Gammel Kongevej"), ("Kongens Nytorv", "Kongens Nytorv"),
    ("Sankt Annæ Plads", "Sankt Annæ Plads"),
])
def test_clean_street(caught, street):
    assert clean_street(caught) == street


def test_word_before_a_compound_street_name_is_dropped():
    assert values("Ansøgning Amagerbrogade 150")["address"] == "Amagerbrogade 150"
    assert values("Gammel Kongevej 10")["address"] == "Gammel Kongevej 10"


def test_a_work_word_right_before_an_address_makes_it_the_site():
    found = values("Stillads Amagerbrogade 150 uge 23-26 2027.\nBrdr. Holm Stillads, Vibevej 3, 2400 København NV")
    assert (found["activity_location"], found["address"]) == ("Amagerbrogade 150", "Vibevej 3")
    assert values("Container Ryesgade 30 i to uger")["activity_location"] == "Ryesgade 30"


# ---------------------------------------------------------------- shape and robustness

def test_details_to_json_shape():
    as_json = details_to_json(extract_details([("body", DANISH_BODY)], reference=REF))
    assert as_json["cvr"] == VALID_CVR and as_json["sources"]["cvr"] == "body"
    assert set(as_json) - {"sources"} <= set(DETAIL_KEYS)


def test_empty_input_gives_no_details():
    assert extract_details([("body", ""), ("subject", "")]) == {}


@pytest.mark.parametrize("token", ["cvr", "tlf", "P-nr", "Mvh", "fra 1. maj", "Vesterbrogade", "Navn:", "på"])
@pytest.mark.parametrize("filler", [" .", ". ", " \n", "1 "])
def test_extraction_is_linear_on_long_separator_runs(token, filler):
    text = (token + filler * 10_000) * 2
    started = time.perf_counter()
    extract_details([("body", text)], reference=REF)
    assert time.perf_counter() - started < 5  # linear: well under a second; backtracking took minutes


def test_extraction_is_fast_on_a_large_hostile_text():
    text = ("Vesterbrogade " * 2000 + "1. " * 2000 + "DK " * 2000 + "Aa " * 2000 + "@a." * 2000 + "\n") * 5
    started = time.perf_counter()
    extract_details([("body", text)], reference=REF)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("text", [
    "1234567890" * 100_000,
    "Vesterbrogade 12, 3. tv, 2200 København N " * 25_000,
    "Nørrebrogade 1 Tagensvej Jagtvej 2200 2 3. ApS CVR " * 20_000,
], ids=["digits", "addresses", "street-like words"])
def test_a_megabyte_of_digits_and_street_like_words_is_read_in_linear_time(text):
    started = time.perf_counter()
    extract_details([("body", text)], reference=REF)
    assert time.perf_counter() - started < 15.0  # linear: under a second when quiet; quadratic on a megabyte: hours
