"""Details of the audit mails of session 36, written blind in many voices: a café owner's story of where she was before,
a lawyer applying for a client with its seat and its premises, a shop manager who asks to be called directly, a
company registered abroad, a stretch of one street written as two addresses. Each test words its case differently
from the audit mail."""

from __future__ import annotations

from datetime import date

import pytest

from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))


@pytest.mark.parametrize("earlier", [
    "Jeg åbnede salonen tilbage i 2017 i et lille lokale i Baggesensgade 4",
    "Back in 2019 we started out in a tiny shop in Baggesensgade 4",
])
def test_where_the_business_was_back_then_is_neither_its_address_nor_the_site(earlier):
    body = (f"Hej\n\n{earlier}. I 2023 flyttede vi til vores nuværende lokaler i Ryesgade 19, 2200 København N. Nu vil "
            "vi gerne have to borde og fire stole på fortovet foran salonen fra 1. maj til 31. august 2027.\n\n"
            "Mvh Maja Holt\nSalon Holt ApS, CVR 29221359\n")
    found = values([("body", body)], sender="maja@salonholt.dk")
    assert found["address"].startswith("Ryesgade 19")
    assert found.get("activity_location") is None


@pytest.mark.parametrize("story", [
    "Min morfar havde cykelsmedje i Svendborg i 30 år, og vi bruger stadig hans værktøj.",
    "My grandmother ran a bakery in Odense for forty years, and we still bake her buns.",
])
def test_a_relatives_town_in_the_story_is_no_site(story):
    body = (f"Hej\n\n{story} Vi har butik på Jægersborggade 20, 2200 København N og søger om at stille et "
            "skilt på fortovet, 60 x 90 cm.\n\nMvh Karl Dam\nDam Cykler ApS\n")
    found = values([("body", body)], sender="karl@damcykler.dk")
    assert found["address"].startswith("Jægersborggade 20")
    assert found.get("activity_location") is None


def test_the_couple_that_writes_is_no_relatives_place():
    body = ("Hej\n\nMin kone og jeg vil gerne sælge is fra en cykel på Israels Plads i juni og juli 2027.\n\n"
            "Mvh Ib Holm\nHolms Is, CVR 29221359\n")
    assert values([("body", body)], sender="ib@holmsis.dk")["activity_location"] == "Israels Plads"


@pytest.mark.parametrize("seat", [
    "med hjemsted på adressen Amagerbrogade 200, 2300 København S",
    "med hjemsted i Amagerbrogade 200, 2300 København S",
])
def test_a_lawyers_client_has_its_seat_as_address_and_its_premises_as_site(seat):
    body = ("Til Københavns Kommune\n\nUndertegnede repræsenterer Amager Metalværk ApS, CVR-nr. 29 22 13 59, "
            f"{seat}, i forbindelse med etablering af et galvaniseringsanlæg i selskabets nye lejemål på adressen "
            "Prøvestensbroen 5, 2300 København S. På vegne af selskabet ansøges om miljøgodkendelse.\n\n"
            "Med venlig hilsen\n\nAnne Krog\nAdvokat\n\nKrog & Co Advokatpartnerselskab\n"
            "Bredgade 30, 1260 København K\nCVR-nr. 38040715\nTlf. 33 14 72 90\n")
    found = values([("body", body)], sender="ak@krogco.dk")
    assert found["cvr"] == "29221359"
    assert found["address"].startswith("Amagerbrogade 200") and found["postcode"] == "2300"
    assert found["activity_location"].startswith("Prøvestensbroen 5")


@pytest.mark.parametrize(("ask", "phone"), [
    ("ring endelig direkte til mig på 51 23 88 70 – nummeret nedenfor er vores kundeservice", "51238870"),
    ("ring gerne til mig på 51 23 88 70, hovednummeret nedenfor er butikkens", "51238870"),
    ("spørgsmål kan sendes til mig her på mailen", "38102030"),   # no number of his own: the signature's
])
def test_the_number_the_writer_asks_to_be_called_on_beats_the_signatures(ask, phone):
    body = (f"Hej\n\nVi åbner ny butik på Østerbrogade 56, 2100 København Ø og søger om et facadeskilt på 300 x 60 cm. "
            f"Jeg er butikschef og står for projektet, så {ask}.\n\nVenlig hilsen\nRasmus Holm\n\n--\n"
            "Nordisk Optik A/S\nFalkoner Allé 7, 2000 Frederiksberg\nTlf. 38 10 20 30\nCVR 38040715\n")
    assert values([("body", body)], sender="rasmus.holm@nordiskoptik.dk")["phone"] == phone


@pytest.mark.parametrize(("company", "cvr"), [
    ("- Company: Fjord Events Ltd (registered in England and Wales)\n- Company number: 12873468\n", None),
    ("Fjord Events Ltd, company number 12873468. We do not have a Danish CVR number yet.\n", None),
    ("Fjord Events ApS, company number 30041089.\n", "30041089"),       # a Danish company's: its CVR
    ("Fjord Events AB (registered in Sweden), filial i Danmark med CVR 30041089.\n", "30041089"),
])
def test_a_company_number_of_another_countrys_register_is_no_cvr(company, cvr):
    body = (f"Dear Sir or Madam,\n\nWe apply for a pop-up event on Israels Plads on 3-9 May 2027.\n\n{company}\n"
            "Kind regards,\nSophie Marlowe\n")
    assert values([("body", body)], sender="sophie@fjordevents.example").get("cvr") == cvr


@pytest.mark.parametrize(("stretch", "site"), [
    ("på fortovet mellem Halmtorvet 9 og Halmtorvet 29", "Halmtorvet 9-29"),
    ("on the pavement from Gothersgade 8 to Gothersgade 20", "Gothersgade 8-20"),
    ("på fortovet fra Gothersgade 8 til nr. 20", "Gothersgade 8-20"),
    ("en container på Halmtorvet 9 og en lift på Halmtorvet 29", "Halmtorvet 9"),     # two places, no stretch
    ("en lift fra Gothersgade 8 til 20. maj", "Gothersgade 8"),                      # a day, no house
])
def test_a_stretch_of_one_street_written_as_two_addresses(stretch, site):
    body = (f"Hej\n\nVi skal bruge vejareal til {stretch} i januar 2027.\n\nMvh Bo Nielsen\nNielsen Byg ApS, "
            "CVR 30041089\nVesterbrogade 10, 1620 København V\n")
    assert values([("body", body)], sender="bo@nielsenbyg.dk")["activity_location"] == site
