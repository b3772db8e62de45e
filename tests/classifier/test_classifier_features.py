"""Text composition and normalisation for Danish and English."""
from classifier.features import MAX_TEXT_CHARS, compose, fold_danish, normalise


def test_danish_letters_and_their_spellings_fold_to_one_form():
    assert normalise("Støjende arbejde på pladsen") == normalise("Stoejende arbejde paa pladsen")
    assert normalise("STØJENDE ARBEJDE PÅ PLADSEN") == normalise("Stojende arbejde pa pladsen")
    assert fold_danish("tæppe") == fold_danish("taeppe")


def test_accents_are_stripped():
    assert normalise("Café crème") == "cafe creme"


def test_email_addresses_are_masked():
    text = normalise("skriv til ole.hansen@firma.dk i dag")
    assert "ole" not in text and "firma" not in text and "zzemail" in text


def test_cvr_and_phone_numbers_are_masked():
    text = normalise("CVR-nr. 12 34 56 78, tlf. +45 22 33 44 55")
    assert "zzcvr" in text and "zzphone" in text
    assert not any(ch.isdigit() for ch in text)


def test_other_numbers_keep_only_their_length():
    assert normalise("tank på 6000 liter") == "tank pa num4 liter"


def test_urls_are_removed():
    assert normalise("se https://www.kk.dk/ansoeg?id=3 her") == "se her"


def test_compose_puts_subject_body_and_attachments_in_order():
    text = compose(" Emne ", "Brødtekst", ["bilag et", "", "bilag to"])
    assert text == "Emne\n\nBrødtekst\n\nbilag et\n\nbilag to"


def test_compose_caps_the_length_of_huge_attachments():
    assert len(compose("s", "b", ["x" * 100_000] * 10)) <= MAX_TEXT_CHARS
