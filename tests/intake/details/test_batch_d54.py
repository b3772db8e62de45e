"""Details in the voices of development batch d54 (session 30), written blind to find whose text is whose: an agent
(an accountant, an architect, a consultant, an event planner) writing for a client; the business's own address beside
the site, the landlord's, the administrator's, the contractor's and a helper's office; a contact other than the one who
writes; a switchboard beside the writer's own line. Each test words its case differently from the batch."""

from __future__ import annotations

from datetime import date

from intake.details import contacts
from tests.intake.details.reading import body_at

REF = date(2027, 1, 25)
body = body_at(REF)


# ---------------------------------------------------------------- the person to contact

def test_the_best_person_to_contact_after_a_sentence_that_starts_with_our():
    found = body("Dear Sir or Madam,\n\nNordlys Film AB would like to film on the quay at Nyhavn 17 on 14 April 2027."
                 "\n\nOur Danish location manager, Peter Dahl, will be on site and is the best person to contact: "
                 "peter.dahl@locations.dk, +45 28 19 37 46.\n\nKind regards,\nHanna Lind\nProducer\n")
    assert found["contact_name"] == "Peter Dahl"
    assert found["contact_email"] == "peter.dahl@locations.dk"


def test_a_possessive_that_starts_a_sentence_is_no_persons_name():
    found = body("Hello,\n\nWe would like a stand on Kultorvet on 3 May 2027.\n\nOur Swedish partner, Eva Berg, builds "
                 "the stand and is the one to contact.\n\nBest regards\nMaria Holm\n")
    assert found["contact_name"] == "Eva Berg"


def test_it_is_him_you_should_talk_to_names_the_contact():
    found = body("Hej\n\nJeg har et lille værksted på Rentemestervej 8, 2400 København NV, og vil rive et skur ned."
                 "\n\nMin nevø, Kasper Lund, hjælper mig med papirerne, så det er ham, I skal tale med: "
                 "kasper.lund@mail.dk, 60 71 28 94.\n\nMvh\nBent Olsen\n")
    assert found["contact_name"] == "Kasper Lund"


def test_please_deal_with_our_producer_names_the_contact():
    found = body("Hi,\n\nWe run the logistics for our client's event on Kultorvet on 22 May 2027.\n\nFor the permit "
                 "please deal with our producer in Copenhagen, Mads Kjær, who is copied: mads@kjaer.dk.\n\n"
                 "Kind regards,\nChloe White\n")
    assert found["contact_name"] == "Mads Kjær"


def test_please_reply_to_him_names_the_contact():
    found = body("Hello,\n\nWe plan to open a restaurant in Copenhagen next year.\n\nOur country manager, Pablo Ruiz, "
                 "will handle everything locally, so please reply to him: pablo@hermanos.es.\n\nBest regards,\n"
                 "Lucía Moreno\n")
    assert found["contact_name"] == "Pablo Ruiz"


def test_kontakt_derfor_venligst_our_leader_names_the_contact():
    found = body("Til rette vedkommende\n\nVi overvejer en tilbygning til vores vuggestue.\n\nJeg svarer kun om "
                 "aftenen. Kontakt derfor venligst vores leder, Hanne Vinther, på hanne@myretuen.dk.\n\n"
                 "Med venlig hilsen\nOle Kragh\nBestyrelsesformand\n")
    assert found["contact_name"] == "Hanne Vinther"


def test_the_one_in_charge_with_a_long_clause_before_the_cue_is_the_contact():
    found = body("Hej!\n\nVi holder sommerfest i Fælledparken den 11. juni 2027.\n\nVores eventansvarlige, Sofie "
                 "Nørgaard, har styr på alt det praktiske og er den I skal kontakte: sofie@fest.dk.\n\n"
                 "De bedste hilsner\nFrederik Lund\nFormand\n")
    assert found["contact_name"] == "Sofie Nørgaard"


def test_a_title_before_the_named_contact_keeps_the_learned_model_from_overruling_it():
    # the model's candidates read "Restaurantchef Jonas Friis" as one run of capitalised words
    cands = contacts.candidates("Restaurantchef Jonas Friis overtager driften og er jeres kontakt.\n")
    assert [c[2] for c in cands] == ["Restaurantchef Jonas Friis"]
    assert contacts.written_out(cands, "Jonas Friis")
    assert not contacts.written_out(cands, "Rune Kastrup")


def test_a_signature_line_for_the_office_number_is_no_name():
    found = body("Gravetilladelse ønskes ud for Vester Voldgade 89, 1552 Kbh V, uge 36-37 2027.\n\n"
                 "Vestegnens Rør ApS\nCVR 74545823\nKontor 43 73 20 20\nDennis Krag, mobil 28 50 64 19\n")
    assert found["contact_name"] == "Dennis Krag"
    assert found["phone"] == "28506419"


def test_a_short_form_of_the_owners_first_name_is_completed_from_the_business_name():
    found = body("G'day,\n\nI run Flat White Istedgade v/Joshua Whitaker (CVR 44171805), a coffee bar at Istedgade 72, "
                 "1650 København V, and would like two benches outside from 1 April to 30 September 2027.\n\n"
                 "Cheers,\nJosh\n")
    assert found["contact_name"] == "Joshua Whitaker"


# ---------------------------------------------------------------- the e-mail and the phone

def test_the_administrators_address_in_the_same_line_is_not_the_contacts():
    found = body("Hej\n\nJeg er kasserer i A/B Fælledgården og skriver på bestyrelsens vegne om et loppemarked.\n\n"
                 "Foreningens administrator er DEAS A/S, Dirch Passers Allé 76, 2000 Frederiksberg (att. Mikkel "
                 "Lund, mil@deas.dk), men I skal bare skrive til mig.\n\nHilsen\nKaren Bech\nFælledvej 19, 4. th\n"
                 "2200 København N\n")
    assert found.get("contact_email") != "mil@deas.dk"
    assert found["address"] == "Fælledvej 19, 4. th"


def test_a_switchboard_marked_as_such_gives_way_to_the_direct_line_after_it():
    found = body("Hej\n\nVi anmelder nedrivning af en garage på Lygten 37, 2400 København NV.\n\nJeg er projektleder "
                 "hos bygherren og jeres kontakt i sagen.\n\nMed venlig hilsen\nSigne Kjeldsen\nProjektleder\n"
                 "Tlf. 33 45 90 00 (omstilling) – direkte 53 70 21 66\n")
    assert found["phone"] == "53702166"


def test_my_own_mobile_after_the_clinics_number_in_brackets_is_the_phone():
    found = body("Goddag\n\nVi skal have en affaldsordning for vores nye klinik.\n\nRing endelig til mig. Tlf. 35 26 "
                 "40 11 (klinikken) eller 20 68 33 94 (min mobil).\n\nMed venlig hilsen\nBirgitte Madsen\n")
    assert found["phone"] == "20683394"


def test_my_phone_is_labels_the_writers_number_over_the_restaurants():
    found = body("Goddag\n\nJeg søger om udeservering for min restaurant på Tagensvej 47, 2200 København N.\n\n"
                 "Min telefon er +45 42 91 07 63, restaurant telefon 35 82 19 40.\n\nVenlig hilsen\nMurat Kaya\n")
    assert found["phone"] == "42910763"


def test_the_main_office_line_under_the_signature_is_not_the_writers_phone():
    found = body("Hello,\n\nWe need scaffolding in front of Nyhavn 17 from 1 June to 27 August 2027.\n\nI'm the "
                 "project manager and your contact - mobile +45 81 62 30 54. Please write to me first.\n\nCheers,\n"
                 "Sean O'Connell\nProject Manager, Stillads Øst ApS\nMain office: +45 43 44 50 00\n")
    assert found["phone"] == "81623054"


# ---------------------------------------------------------------- the business's own address

def test_the_clients_address_under_its_name_cvr_and_p_number_is_the_address_in_an_agents_letter():
    found = body("Til Københavns Erhvervsservice\n\nJeg skriver på vegne af min klient, som ønsker udeservering foran "
                 "caféen.\n\nOplysninger om klienten:\nCafé Lykkebo ApS\nCVR-nr. 37 84 77 63\nP-nr. 1018374452\n"
                 "Jægersborggade 41, st.\n2200 København N\n\nMed venlig hilsen\n\nHenrik Brask\nBrask Revision\n"
                 "Godthåbsvej 19, 1. th.\n2000 Frederiksberg\n")
    assert found["address"] == "Jægersborggade 41, st."
    assert found["postcode"] == "2200"


def test_the_companys_own_address_is_its_address_beside_the_shop_and_the_architects_office():
    found = body("Hej\n\nHolst Arkitekter er rådgiver for Östlund Optik Danmark ApS (CVR 17879189). Selskabet åbner "
                 "butik i Østergade 24, 1100 København K, og vi søger om skiltning.\n\nDet danske selskabs egen "
                 "adresse er Vesterbrogade 8, 4. sal, 1620 København V.\n\nMed venlig hilsen\nMaja Holst\n"
                 "Holst Arkitekter\nGammel Kongevej 96, 1850 Frederiksberg C\n")
    assert found["address"] == "Vesterbrogade 8, 4."
    assert found["activity_location"].startswith("Østergade 24")


def test_a_persons_own_address_in_brackets_is_no_companys_own_address():
    found = body("Hej\n\nVi søger om udeservering foran cafeen på Elmegade 14, st., 2200 København N.\n\n"
                 "Lises egen adresse (Sankt Hans Gade 8, 3. tv) står nogle steder i CVR, men alt om cafeen skal "
                 "til Elmegade.\n\nVenlig hilsen\nJonas Vestergaard\n")
    assert found["address"] == "Elmegade 14, st."


def test_our_company_address_is_the_address_beside_the_developers():
    found = body("Hej\n\nNordFiber A/S søger gravetilladelse ud for Stefansgade 2-20, 2200 København N.\n"
                 "Bygherre er Citynet A/S, Lautrupvang 4, 2750 Ballerup.\n\nVores firmaadresse er Priorparken 800, "
                 "2605 Brøndby.\n\nVenlig hilsen\nLone Vest\n")
    assert found["address"] == "Priorparken 800"
    assert found["postcode"] == "2605"


def test_an_address_with_the_general_partner_is_the_address_and_our_contractors_is_not():
    found = body("Til Center for Bygninger\n\nLygten Bolig P/S anmelder nedrivning af en garage på vores grund "
                 "Lygten 37, 2400 København NV.\n\nNedrivningen udføres af vores entreprenør, Hvidovre Nedbrydning "
                 "A/S, CVR 59180002, Avedøre Havnevej 35, 2650 Hvidovre.\n\nLygten Bolig P/S har adresse hos "
                 "komplementarselskabet, Kalvebod Brygge 45, 6. sal, 1560 København V.\n\nMed venlig hilsen\n"
                 "Signe Kjeldsen\n")
    assert found["address"] == "Kalvebod Brygge 45, 6."
    assert found["activity_location"].startswith("Lygten 37")


def test_a_contractor_that_names_itself_as_the_contractor_keeps_its_address():
    found = body("Til vejmyndigheden\n\nVi skal grave op i fortovet ved Tagensvej 85D, 2200 København N.\n\n"
                 "Entreprenør er Kloak & Anlæg Vest A/S, CVR 79381632, Naverland 2, 2600 Glostrup.\n\n"
                 "Med venlig hilsen\nAnnette Kruse\n")
    assert found["address"] == "Naverland 2"


def test_a_landlord_named_with_a_care_of_and_its_address_is_not_the_business():
    found = body("Hej kommunen\n\nJeg åbne ny pizzeria i Frederikssundsvej 62, 2400 København NV. Firma er Pizzeria "
                 "Napoli ApS, cvr 93566661.\n\nUdlejer er Ejendomsselskabet Frederikssundsvej 60-64 ApS, c/o "
                 "Boliggaarden Administration, Amagerbrogade 78, 2300 København S, de siger ok.\n\nTak\nMehmet\n")
    assert found["address"] == "Frederikssundsvej 62"
    assert "activity_location" not in found


def test_a_kitchen_at_home_is_the_address_and_the_landlord_in_brackets_is_not():
    found = body("Hej\n\nJeg driver et cateringfirma fra mit køkken hjemme på Toftegårds Allé 22, 4. tv., 2500 Valby. "
                 "Nu overvejer jeg at overtage et lejemål på Rantzausgade 30, 2200 København N. Udlejer (Anders "
                 "Bruun, Rantzausgade 28) siger, at det kan lade sig gøre.\n\nMvh\nAmalie Sørensen\n")
    assert found["address"] == "Toftegårds Allé 22, 4. tv"
    assert found["activity_location"].startswith("Rantzausgade 30")


def test_the_clients_premises_in_a_consultants_letter_are_the_address_not_our_office():
    found = body("Dear Sir or Madam,\n\nNordic Enviro ApS has been engaged by Havnebryggeriet ApS (CVR 68606454) to "
                 "prepare an application for the expansion of their brewery at Refshalevej 173, 1432 København K."
                 "\n\nOur office: Nordic Enviro ApS, Strandgade 56, 1401 København K.\n\nYours faithfully,\n"
                 "Katrin Vogel\n")
    assert found["address"] == "Refshalevej 173"


def test_an_event_planner_helping_a_company_gives_the_companys_address_not_her_own():
    found = body("Kære Byliv\n\nJeg er eventplanlægger (Frost Events, Frederiksberg Allé 52, 1820 Frederiksberg C) og "
                 "hjælper Kähler Vinhandel A/S med deres jubilæum. I dag holder de til i Skindergade 23, 1159 "
                 "København K.\n\nFesten er på Gråbrødretorv den 4. september 2027.\n\nKærlig hilsen\n"
                 "Camilla Frost\n")
    assert found["address"] == "Skindergade 23"


def test_a_helpers_office_named_by_a_pronoun_is_not_the_address():
    found = body("Hej\n\nJeg har et autoværksted, Glasvej Auto ApS (CVR 43717626), på Glasvej 9, 2400 København NV, og "
                 "vil rive et skur ned.\n\nMin svigersøn hjælper mig. Han har kontor på Thorvaldsensvej 2, 1871 "
                 "Frederiksberg C.\n\nMvh\nBent Larsen\n")
    assert found["address"] == "Glasvej 9"


def test_the_landlord_we_lease_from_and_the_project_managers_office_are_not_the_address():
    found = body("Hi,\n\nWe are opening Harbor Smokehouse at Torvegade 36, 1400 København K, in May 2027. We lease the "
                 "ground floor from Christianshavn Ejendomme A/S, Overgaden Oven Vandet 10, 1415 København K.\n\n"
                 "Please write to our project manager, Lene Skov. Her office is at Wildersgade 8, 1408 København K."
                 "\n\nThank you,\nRyan Mitchell\n")
    assert found["address"] == "Torvegade 36"
    assert "activity_location" not in found


def test_a_private_address_under_a_chairmans_signature_gives_way_to_the_premises():
    found = body("Til rette vedkommende\n\nSom formand for Privatbørnehaven Myretuen ApS skriver jeg om en tilbygning "
                 "til vores børnehave på Frederiksborgvej 150, 2400 København NV.\n\nMed venlig hilsen\nOle Kragh\n"
                 "Bestyrelsesformand\nPrivat: Ålholmvej 40, 1. tv., 2500 Valby\n")
    assert found["address"] == "Frederiksborgvej 150"


def test_a_private_address_alone_is_still_the_address():
    found = body("Hej\n\nJeg vil gerne sælge juletræer på Amagerbrogade i december 2027.\n\nMvh\nBjarne Thomsen\n"
                 "Privat: Ålholmvej 40, 1. tv., 2500 Valby\n")
    assert found["address"] == "Ålholmvej 40, 1. tv"


# ---------------------------------------------------------------- the site

def test_a_new_branch_beside_the_main_clinic_is_the_site():
    found = body("Goddag\n\nVores hovedklinik ligger på Østerbrogade 96, 1. sal, 2100 København Ø, men nu har vi åbnet "
                 "en filial på Amagerbrogade 210, 2300 København S. Vi skal have en affaldsordning derude.\n\n"
                 "Med venlig hilsen\nBirgitte Madsen\n")
    assert found["address"] == "Østerbrogade 96, 1."
    assert found["activity_location"].startswith("Amagerbrogade 210")


def test_where_we_were_until_last_summer_is_neither_address_nor_site():
    found = body("Hej igen!\n\nI kender os måske fra Elmegade 12, hvor vi lå indtil sidste sommer. Nu er vi flyttet "
                 "ned på hjørnet af Blågårdsgade og Baggesensgade, og vores adresse er Blågårdsgade 17, 2200 "
                 "København N.\n\nVi søger udeservering langs begge vores facader (8 m langs Blågårdsgade og 4 m "
                 "langs Baggesensgade).\n\nTak\nTine Hjort\n")
    assert found["address"] == "Blågårdsgade 17"
    assert "activity_location" not in found


# ---------------------------------------------------------------- the company

def test_the_customer_under_its_label_is_the_applicant_when_a_contractor_writes_on_its_behalf():
    found = body("Til Københavns Kommune\n\nAmager VVS ApS skal på vegne af vores kunde sløjfe en olietank. Kunden er:"
                 "\n\nBageriet Holmbladsgade ApS\nCVR-nr. 58424102\nHolmbladsgade 70\n2300 København S\n\n"
                 "Med venlig hilsen\nPer Thomsen\nAmager VVS ApS, CVR 65769123\nØresundsvej 120, 2300 København S\n")
    assert found["company_name"] == "Bageriet Holmbladsgade ApS"
    assert found["cvr"] == "58424102"


def test_a_customer_named_without_the_on_behalf_words_leaves_the_writers_firm_the_applicant():
    found = body("Hej\n\nVi skal sætte stillads op for en kunde. Kunden er:\n\nE/F Ryesgade 25\n\nMed venlig hilsen\n"
                 "Per Thomsen\nNordbyg ApS, CVR 65769123\nØresundsvej 120, 2300 København S\n")
    assert found["company_name"] == "Nordbyg ApS"


def test_a_danish_branch_of_a_polish_company_is_named_with_its_parent():
    found = body("Dear Sir or Madam,\n\nOn behalf of Budmax Danmark, filial af Budmax Sp. z o.o. (CVR 94540194), I "
                 "apply for noisy work at Sandkaj 39, 2150 Nordhavn.\n\nBest regards\nAgnieszka Wójcik\n")
    assert found["company_name"] == "Budmax Danmark, filial af Budmax Sp. z o.o."
