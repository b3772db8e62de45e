"""Details of the blind batch z45 (session 42), each worded here apart from the batch's mail: another party's CVR
(the landlord's, the property owner's, an agent's, an accountant's, the client's whose offices a firm refits) is not
the applicant's, the one the writer calls its own is; a foreign company's Danish branch registered as "X AB, filial
Danmark"; a holding company that owns the business; a contractor's customer's home is the site; the business's own
address under "Vores adresse:" beside a bare "Adresse:"; an association's own property is its address."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.names import find_company
from tests.intake.details.reading import values_at

REFERENCE = date(2027, 2, 8)
values = values_at(REFERENCE)


def body(text: str, **sender: str) -> dict:
    return values([("body", text)], **sender)


# ---------------------------------------------------------------- whose CVR

def test_the_cvr_the_writer_calls_its_own_over_the_contractors():
    found = body("Til Center for Trafik\n\nPå vegne af bestyrelsen i Andelsboligforeningen Lindehuset søger jeg om "
                 "stillads på fortovet ved Lindevej 4, 2400 København NV.\n\nEntreprenør er Stilladsmesteren ApS (CVR "
                 "16480894). Foreningens egen CVR er 83960310.\n\nMvh\nKaren Dam\nformand, A/B Lindehuset\n",
                 sender="karen.dam@gmail.com")
    assert found["cvr"] == "83960310"


def test_the_property_owners_name_and_cvr_are_not_the_applicants():
    found = body("Hej\n\nJeg har en lille vinbar på Nansensgade 40, 1366 København K og vil sætte en emhætte op.\n\n"
                 "Bygningen ejes af Nansen Ejendomme A/S, CVR 66978001, som har sagt ja. Vores eget CVR-nummer er "
                 "26616417.\n\nVenlig hilsen\nLouise Berg\nVinbaren Nansen ApS\n", sender="louise@vinbarennansen.dk")
    assert found["company_name"] == "Vinbaren Nansen ApS"
    assert found["cvr"] == "26616417"


@pytest.mark.parametrize("aside", ["Our local agent Baltic Events ApS (CVR 16480894) books the suppliers",
                                   "Our Danish accountant, Tal & Tavle Revision ApS (CVR 16480894), helps us"])
def test_a_foreign_applicants_agent_or_accountant_lends_it_no_cvr(aside):
    found = body(f"Hello,\n\nNordwind Catering GmbH from Hamburg applies to run a food stall at Kultorvet on 4 June "
                 f"2027. {aside}, but please reply to me.\n\nKind regards\nAnna Vogel\nNordwind Catering GmbH\n",
                 sender="anna@nordwind-catering.de")
    assert "cvr" not in found


def test_the_client_whose_offices_a_firm_refits_is_not_the_applicant():
    found = body("Hi,\n\nWe are refurbishing the premises of our client Lindgren Tandklinik ApS (CVR 16480894) at "
                 "Amagerbrogade 60, 2300 København S and need a container in front from 1 to 12 March.\n\n"
                 "Indret Nord ApS, CVR 83960310\nTagensvej 85, 2200 København N\nMark Olsen, +45 31 22 84 10\n",
                 sender="mark@indretnord.dk")
    assert found["company_name"] == "Indret Nord ApS"
    assert found["cvr"] == "83960310"
    # (on behalf of the client, the client still applies)
    found = body("Hello,\n\nOn behalf of our client Lindgren Tandklinik ApS (CVR 16480894) we apply for a sign at "
                 "Amagerbrogade 60, 2300 København S.\n\nBest regards\nMark Olsen\nIndret Nord ApS\n",
                 sender="mark@indretnord.dk")
    assert found["company_name"] == "Lindgren Tandklinik ApS"
    assert found["cvr"] == "16480894"


# ---------------------------------------------------------------- names

def test_a_branch_registered_as_the_parents_name_with_filial_danmark():
    text = ("Dear Sirs,\n\nStål & Form Sverige AB, filial Danmark, applies for night work at Vasbygade 10.\n\n"
            "Best regards\nEva Lund\nStål & Form Sverige AB filial Danmark\nCVR 83960310\n")
    assert find_company(text, True) == "Stål & Form Sverige AB, filial Danmark"
    # (a branch described in brackets keeps the parent's name)
    text = "Hej\n\nVi på Holm Bygg AB (dansk filial, CVR 83960310) skal sætte byggehegn op.\n\nMvh\nPer Holm\n"
    assert find_company(text, True) == "Holm Bygg AB"


def test_the_holding_company_that_owns_the_business_is_not_its_name():
    text = ("Hi,\n\nWe'd like two benches outside our juice bar at Jagtvej 12, 2200 København N. The bar belongs to "
            "our parent company, Frugt Gruppen ApS, but we run it under the name below.\n\nBest,\nMia Holt\n"
            "Juicebaren Solsikke, CVR 83960310\n")
    assert find_company(text, True) == "Juicebaren Solsikke"


def test_a_sole_traders_business_above_its_owners_v_line():
    found = body("Goddag\n\nJeg skal lave nyt tag på et udhus og anmelder det hermed.\n\nMalerfirma Ove Dahl\n"
                 "v/ Ove Dahl\nTingbjerg Allé 12, 2700 Brønshøj\nCVR 83960310\n", sender="ove@dahlmaler.dk")
    assert found["company_name"] == "Malerfirma Ove Dahl"


# ---------------------------------------------------------------- addresses

def test_a_customers_home_is_the_site_and_the_signature_the_address():
    found = body("Goddag\n\nJeg skal fjerne en gammel olietank hos en kunde.\n\nTanken står i kælderen hos Hanne "
                 "Lund, Tornebuskegade 3, 1131 København K. Den tømmes og fjernes i uge 12.\n\nOve Dahl VVS\n"
                 "v/ Ove Dahl\nTingbjerg Allé 12, 2700 Brønshøj\nCVR 83960310\n", sender="ove@dahlvvs.dk")
    assert found["address"] == "Tingbjerg Allé 12"
    assert found["postcode"] == "2700"
    assert found["activity_location"].startswith("Tornebuskegade 3")
    # (a named person's place, without a customer, is not made a site)
    found = body("Hej\n\nVi holder til hos Hanne Lund, Tornebuskegade 3, 1131 København K, og vil gerne have et skilt "
                 "op.\n\nMvh\nHanne Lund\nLund Keramik\nCVR 83960310\n", sender="hanne@lundkeramik.dk")
    assert found.get("activity_location") is None


def test_our_address_under_its_own_label_and_a_bare_address_the_site():
    found = body("Hej\n\nAnmeldelse af nedbrydning på byggeplads:\nAdresse: Amager Strandvej 60, 2300 København S\n"
                 "Periode: 1.-5. marts\n\nAnmelder: Sydkyst Nedbrydning ApS, CVR 83960310\n"
                 "Vores adresse: Kalvebod Brygge 4, 1560 København V\nKontakt: Bo Ravn, 21 84 30 66\n",
                 sender="bo@sydkyst.dk")
    assert found["address"] == "Kalvebod Brygge 4"
    assert found["postcode"] == "1560"
    assert found["activity_location"].startswith("Amager Strandvej 60")


def test_an_associations_own_property_is_its_address():
    found = body("Til Center for Trafik\n\nPå vegne af Ejerforeningen Solbakken søger jeg om en container ved "
                 "foreningens ejendom, Solbakkevej 5, 2720 Vanløse, 2.-9. april.\n\nMvh\nTina Krogh\nformand\n",
                 sender="tina.krogh@gmail.com")
    assert found["address"] == "Solbakkevej 5"
    assert found["postcode"] == "2720"
    assert found.get("activity_location") is None


def test_a_relative_named_as_the_contact_after_where_she_lives_and_her_home_is_not_the_address():
    found = body("Hej\n\nVi vil gerne sælge kranse på Halmtorvet fra 1. til 20. december.\n\nVi bor i Odsherred, men "
                 "min søn Jonas Vang, som bor på Istedgade 90, 3. th, 1650 København V, passer boden og er jeres "
                 "kontakt: 28 14 77 31.\n\nMvh\nKirsten Vang\nKranse fra Odsherred v/ Kirsten Vang\nCVR 83960310\n",
                 sender="kirsten.vang@mail.dk")
    assert found["contact_name"] == "Jonas Vang"
    assert "address" not in found


# ---------------------------------------------------------------- whose phone

@pytest.mark.parametrize("party", ["vores VVS-installatør Jonas Friis", "vores VVS'er Jonas Friis"])
def test_another_partys_phone_after_a_capitalised_role_is_not_the_contacts(party):
    found = body("Hej\n\nVi vil gerne opsætte en ventilationsskakt i gården ved Nørre Allé 7, 2200 København N. "
                 f"Tekniske spørgsmål kan stilles til {party}, tlf. 31 75 20 84, alt andet til mig.\n\n"
                 "Mvh\nLene Bruun\nCafé Nørre ApS\nCVR 83960310\nlene@cafenorre.dk · 42 18 60 93\n",
                 sender="lene@cafenorre.dk")
    assert found["contact_name"] == "Lene Bruun"
    assert found["phone"] == "42186093"
    # (the contact's own phone after her own role stays hers)
    found = body("Hej\n\nVi vil gerne opsætte en ventilationsskakt i gården ved Nørre Allé 7, 2200 København N. "
                 f"Tekniske spørgsmål kan stilles til {party}.\n\nMvh\nDriftschef Lene Bruun, tlf. 42 18 60 93\n"
                 "Café Nørre ApS\nCVR 83960310\n", sender="lene@cafenorre.dk")
    assert found["phone"] == "42186093"


# ---------------------------------------------------------------- a sign's size

@pytest.mark.parametrize("size", ["It measures 2.4 m x 0.5 m, black on white.", "It's about 2.4 x 0.5 m, unlit.",
                                  "The new one will be 2.4 x 0.5 m."])
def test_a_signs_size_in_the_sentence_after_the_sign_is_no_area(size):
    found = body("Hello,\n\nWe run a bakery at Jægersborggade 12, 2200 København N and want a new fascia sign over the "
                 f"door. {size}\n\nBest,\nRuth Kolding\nBageriet Rug ApS, CVR 83960310\n", sender="ruth@rug.dk")
    assert "area_m2" not in found
    found = body("Hej\n\nVi har et bageri på Jægersborggade 12, 2200 København N og vil have et nyt lysskilt over "
                 "døren. Det nye bliver 2,4 x 0,5 meter.\n\nMvh\nRuth Kolding\nBageriet Rug ApS\n",
                 sender="ruth@rug.dk")
    assert "area_m2" not in found
    # (a size the next sentence gives for another thing, or the sign's in m², is an area)
    found = body("Hej\n\nVi vil gerne have et nyt skilt op. Udeserveringen fylder 2 x 4 m foran Jægersborggade 12.\n\n"
                 "Mvh\nRuth Kolding\n", sender="ruth@rug.dk")
    assert found["area_m2"] == 8
    found = body("Hello,\n\nWe'd like a new sign over the door. It is 1.2 m² in all.\n\nBest,\nRuth Kolding\n",
                 sender="ruth@rug.dk")
    assert found["area_m2"] == 1.2


# ---------------------------------------------------------------- a square in lower case

@pytest.mark.parametrize(("said", "square"), [("på mozarts plads", "mozarts plads"),
                                              ("ved christianshavns torv", "christianshavns torv"),
                                              ("paa skt. annæs plads", "skt. annæs plads")])
def test_a_square_a_hurried_mail_names_in_lower_case_is_the_site(said, square):
    found = body(f"hej vi vil gerne lave loppemarked {said} søndag d 6 juni kl 10-16 med ca 20 boder. det er "
                 "alt på plads med foreningen\nmvh jens lauritsen\nloppeforeningen syd cvr 83960310\n"
                 "sydhavnsgade 12 2450 kbh sv\n", sender="jens@loppesyd.dk")
    assert found["activity_location"] == square
    # (a pronoun's or a common noun's place is none: "på hans plads", "på kirkens plads")
    for other in ("på hans plads", "på kirkens plads", "på plads"):
        found = body(f"hej vi vil gerne lave loppemarked {other} søndag d 6 juni kl 10-16 med ca 20 boder\n"
                     "mvh jens lauritsen\nloppeforeningen syd cvr 83960310\nsydhavnsgade 12 2450 kbh sv\n",
                     sender="jens@loppesyd.dk")
        assert found.get("activity_location") is None


# ---------------------------------------------------------------- who forwards

_DRAFT = ("\n\n---------- Videresendt besked ---------\nFra: Mads <mads.kiosk@gmail.com>\n"
          "Dato: 3. mar. 2027 kl. 20.40\nEmne: skilt\nTil: Rikke <rikke@kioskhjoernet.dk>\n\n"
          "Hej Rikke, her er teksten til kommunen:\n\nVi søger om "
          "et udhængsskilt for Kiosk Hjørnet ApS, Ryesgade 30, 2200 København N, CVR 83960310.\n\n/Mads\n")


@pytest.mark.parametrize("note", ["Hej, her er min medarbejders udkast – det er mig, I skal tale med.",
                                  "Hej, jeg sender det her videre. Det er mig du skal ringe til, ikke Mads.",
                                  "Hi, forwarding my assistant's draft below; it's me you should talk to."])
def test_a_forwarder_who_says_it_is_her_to_talk_to_is_the_contact(note):
    found = values([("body", f"{note}\n\nRikke Holt, indehaver\n51 62 48 20{_DRAFT}")],
                   sender="rikke@kioskhjoernet.dk", sender_name="Rikke Holt")
    assert found["contact_name"] == "Rikke Holt"
    assert found["contact_email"] == "rikke@kioskhjoernet.dk"
    assert found["phone"] == "51624820"
    # (a forwarder who says nothing of it leaves the draft's author the contact)
    found = values([("body", f"Hej, her er min medarbejders udkast.\n\nRikke Holt, indehaver\n51 62 48 20{_DRAFT}")],
                   sender="rikke@kioskhjoernet.dk", sender_name="Rikke Holt")
    assert found["contact_email"] == "mads.kiosk@gmail.com"
