"""Cutting a mail into pieces: paragraphs, list items, sections, attachments and ticked form fields."""
from classifier.segments import Attachment, Parts, pieces_of, segments, text_pieces, text_segments, ticked_rows


def test_each_list_item_is_a_piece_of_its_own():
    pieces = text_segments("Vi skal bruge:\n- udeservering på fortovet\n* et skilt over døren\n2) en fedtudskiller")
    assert {"udeservering på fortovet", "et skilt over døren", "en fedtudskiller"} <= set(pieces)


def test_the_paragraph_of_a_list_is_a_piece_too():
    pieces = text_segments("- udeservering på fortovet\n- et skilt over døren")
    assert "udeservering på fortovet et skilt over døren" in pieces


def test_a_heading_belongs_to_the_line_after_it():
    pieces = text_segments("Skiltning\nEt facadeskilt med løse bogstaver over indgangen.")
    assert "Skiltning Et facadeskilt med løse bogstaver over indgangen." in pieces
    assert "Skiltning" not in pieces


def test_the_sentences_of_a_paragraph_are_pieces():
    pieces = text_segments("Vi åbner en café på Nørrebrogade. Vi søger om udeservering med fire borde. "
                           "Vi skal også have et skilt.")
    assert "Vi søger om udeservering med fire borde." in pieces
    assert "Vi skal også have et skilt." in pieces


def test_a_full_stop_after_an_abbreviation_ends_no_sentence():
    pieces = text_segments("Vi har åbent kl. 10-22 og har ca. 20 borde. Vi søger om udeservering på fortovet.")
    assert "Vi har åbent kl. 10-22 og har ca. 20 borde." in pieces
    assert not any(p.startswith("10-22") for p in pieces)


def test_a_sentence_wrapped_over_two_lines_is_one_piece():
    pieces = text_segments("Køkkenet får en ny fedtudskiller, og vi søger om\ntilladelse til afledning af spildevand.")
    assert "Køkkenet får en ny fedtudskiller, og vi søger om tilladelse til afledning af spildevand." in pieces


def test_greetings_sign_offs_and_signatures_are_not_pieces():
    pieces = text_segments("Kære kommune\n\nVi søger om et skilt over butikken.\n\n"
                           "Med venlig hilsen\nAnne Holm\nHolm Blomster ApS")
    assert pieces == ["Vi søger om et skilt over butikken."]


def test_a_short_fragment_says_too_little_to_be_a_piece():
    assert text_segments("Tidsrum: 11-22.") == []


def test_a_mention_in_passing_is_left_out_of_the_pieces():
    pieces = text_segments("Vi søger om udeservering med seks borde. Vi har allerede en affaldsaftale.")
    assert not any("affaldsaftale" in p for p in pieces)
    assert "Vi søger om udeservering med seks borde." in pieces


def test_ticked_rows_become_list_items_and_unticked_rows_disappear():
    text = "Udeservering | X\nSkilte | ☐\nErhvervsaffald | [x]\nRåden over vejareal |\nAdresse | Nørrebrogade 1"
    assert ticked_rows(text).split("\n") == ["- Udeservering", "- Erhvervsaffald", "Adresse | Nørrebrogade 1"]


def test_a_line_of_boxes_keeps_what_the_ticked_ones_name():
    """A PDF form's boxes as its text layer gives them: several on a line, or a table row with the box first."""
    text = ("2. Hvad søges der om\n[X] Udeservering [ ] Skilte [X] Erhvervsaffald\n"
            "[ ] | Skilte | Skiltet over døren ændres ikke\n[x]|Spildevand / fedtudskiller|NS 4 i kælderen\n"
            "☐ Råden over vejareal\n☒ Arrangement")
    assert ticked_rows(text).split("\n") == ["2. Hvad søges der om", "- Udeservering", "- Erhvervsaffald",
                                              "- Spildevand / fedtudskiller NS 4 i kælderen", "- Arrangement"]
    assert ticked_rows("[ ] Skilte [ ] Udeservering") == ""


def test_a_question_with_its_first_box_on_the_same_line_keeps_only_what_is_ticked():
    """"Ansøgningen vedrører [ ] Byggetilladelse" with the other boxes on the lines below (as a PDF's text layer gives
    a form's column): the unticked first box names nothing asked for."""
    text = ("3. Type\nAnsøgningen vedrører [ ] Byggetilladelse\n[X] Nedrivning\n[ ] Skilte/facade\n"
            "Type: ☒ Udeservering ☐ Vareudstilling\nFuldmagt [X] Vedlagt")
    assert ticked_rows(text).split("\n") == ["3. Type", "Ansøgningen vedrører", "- Nedrivning", "Type:",
                                              "- Udeservering", "Fuldmagt", "- Vedlagt"]
    assert ticked_rows("Vi søger om byggetilladelse (se [bilag 2])") == "Vi søger om byggetilladelse (se [bilag 2])"


def test_a_form_field_of_several_boxes_is_what_its_ticked_boxes_name():
    """A PDF table's cell holding a column of boxes ("Ansøgningen vedrører | [ ] Byggetilladelse / [X] Nedrivning"):
    its piece names the ticked one only, and a cell of unticked boxes is no piece."""
    from classifier.segments import field_segments

    pieces = field_segments({"Ansøgningen vedrører": "[ ] Byggetilladelse\n[X] Nedrivning\n[ ] Skilte/facade",
                             "Andre tilladelser": "[ ] Byggetilladelse [ ] Skilte og facadeændringer",
                             "Beskrivelse af bygningen": "Fritliggende garage i gården, opført 1962"})
    assert any("Nedrivning" in p for p in pieces) and not any("Byggetilladelse" in p for p in pieces)
    assert not any(p.startswith("Andre tilladelser") for p in pieces)
    assert "Beskrivelse af bygningen: Fritliggende garage i gården, opført 1962" in pieces


def test_each_attachment_and_form_field_is_cut_on_its_own():
    parts = Parts("Ansøgning", "Se de vedhæftede filer.", [
        Attachment("Ansøgning om udeservering med seks borde på fortovet."),
        Attachment("Skema", {"Fedtudskiller / spildevand": "ja", "Skilte": "nej",
                             "Beskrivelse": "Ny fedtudskiller under køkkenet i kælderen"}),
    ])
    pieces = segments(parts)
    assert "Ansøgning om udeservering med seks borde på fortovet." in pieces
    assert "Fedtudskiller / spildevand" in pieces
    assert "Beskrivelse: Ny fedtudskiller under køkkenet i kælderen" in pieces
    assert "Skilte" not in pieces


def test_only_a_forms_ticked_box_is_a_piece_that_asks_by_itself():
    parts = Parts("Ansøgning", "Vi søger om udeservering, se skemaet.", [
        Attachment("Skemaet er udfyldt."),
        Attachment("", {"Fedtudskiller / spildevand": "ja", "Skilte": "nej", "Beskrivelse": "Ny fedtudskiller"}),
    ])
    found = pieces_of(parts)
    asked = {text for text, box in zip(found.texts(), found.asked(), strict=True) if box}
    assert asked == {"Fedtudskiller / spildevand"}


def test_a_list_item_asks_by_itself_and_a_sentence_of_running_text_does_not():
    found = text_pieces("Vi skal bruge:\n1) tilladelse til at lede vaskevand til kloak\n2) skilte: et pylonskilt ved "
                        "indkørslen\n\nVognen er lille, med bord og skilt, så ca. 4 m2 i alt.\n\nSkiltning\n"
                        "Vi vil have et skilt over døren.")
    asked = {text for text, item in zip(found.texts(), found.asked(), strict=True) if item}
    assert asked == {"tilladelse til at lede vaskevand til kloak", "skilte: et pylonskilt ved indkørslen"}


def test_an_indented_sub_item_tells_about_its_item_and_asks_for_nothing_by_itself():
    found = text_pieces("Vi skal bruge to ting:\n\n1) Råden over vejareal - container\n   - Periode: 18. januar - 12. "
                        "februar\n2) Støjende arbejde om natten\n   - Arbejdstid: nætterne kl. 22.00-05.00\n"
                        "\t- Nedbrydning af betondæk")
    asked = {text for text, item in zip(found.texts(), found.asked(), strict=True) if item}
    assert asked == {"Råden over vejareal - container", "Støjende arbejde om natten"}
    assert "Arbejdstid: nætterne kl. 22.00-05.00" in found.texts()     # still scored, only not asking by itself


def test_the_items_of_a_list_after_words_that_deny_ask_for_nothing_by_themselves():
    found = text_pieces("Og så det vi IKKE skal bruge, så I ikke sender os rundt\nend nødvendigt:\n  - Skilte: kun "
                        "bannere på hegnet på\n    selve dagen.\n  - Udeservering: vi sælger ikke alkohol.\n\n"
                        "Vi søger om:\n- plads til 45 stader på torvet")
    asked = {text for text, item in zip(found.texts(), found.asked(), strict=True) if item}
    assert asked == {"plads til 45 stader på torvet"}


def test_a_line_that_only_says_when_asks_for_nothing_and_is_no_evidence_of_what():
    found = text_pieces("hvad vi skal bruge:\n- plads til en foodtruck på 2,4 x 6 m\n- fredag lordag sondag kl 11-21\n"
                        "- fra påske (fredag d 26 marts 2027) til og med september\n\nPeriod: 18-29 January 2027, "
                        "weekdays 07:00-16:00")
    texts = found.texts()
    asked = {text for text, item in zip(texts, found.asked(), strict=True) if item}
    assert asked == {"plads til en foodtruck på 2,4 x 6 m"}
    not_scored = {text for text, scored in zip(texts, found.scored(), strict=True) if not scored}
    assert not_scored == {"fredag lordag sondag kl 11-21", "fra påske (fredag d 26 marts 2027) til og med september",
                          "Period: 18-29 January 2027, weekdays 07:00-16:00"}


def test_the_days_shortened_and_the_hours_out_of_doors_only_say_when():
    """An outdoor-serving mail's "Åbningstid ude: søn-tors kl. 12-23" read as an event to the model (audit, session
    35)."""
    found = text_pieces("Vi søger om udeservering:\n- Areal: 12 m²\n- Åbningstid ude: søn-tors kl. 12-23, fre-lør "
                        "kl. 12-24\n- Open Mon-Fri 8-18, Sat-Sun 9-20\n- Lukket om mandagen")
    not_scored = {text for text, scored in zip(found.texts(), found.scored(), strict=True) if not scored}
    assert not_scored == {"Åbningstid ude: søn-tors kl. 12-23, fre-lør kl. 12-24", "Open Mon-Fri 8-18, Sat-Sun 9-20",
                          "Lukket om mandagen"}


def test_a_list_item_keeps_its_place_when_pieces_are_joined():
    found = pieces_of(Parts("Ansøgning", "Hej.\n\n- et skilt over døren", [Attachment("- affald fra køkkenet")]))
    asked = {text for text, item in zip(found.texts(), found.asked(), strict=True) if item}
    assert asked == {"et skilt over døren", "affald fra køkkenet"}


def test_pieces_are_joins_of_atoms_read_once():
    found = text_pieces("- udeservering på fortovet\n- et skilt over døren")
    assert found.atoms == ["udeservering på fortovet", "et skilt over døren"]
    assert (0, 1) in found.pieces and (0,) in found.pieces and (1,) in found.pieces
