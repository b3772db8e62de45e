from intake.mail.references import find_references, format_reference, strip_references


def test_format_is_prefix_year_and_six_digits():
    assert format_reference("KBH", 2026, 4217) == "KBH-2026-004217"


def test_references_are_found_in_subject_tags_and_loose_spellings():
    texts = ["Re: [KBH-2026-004217] Kvittering", "hvad er status på kbh 2026 000012?", "KBH-2026-004217 igen"]
    assert find_references("KBH", texts) == ["KBH-2026-004217", "KBH-2026-000012"]


def test_references_are_found_in_our_message_ids():
    assert find_references("KBH", ["<ack.KBH-2027-000003@kk.example>"]) == ["KBH-2027-000003"]


def test_other_prefixes_and_longer_numbers_are_not_references():
    assert find_references("KBH", ["XKBH-2026-000001", "KBH-2026-0000011", "AAR-2026-000001"]) == []


def test_strip_references_removes_tags_and_loose_mentions():
    assert strip_references("KBH", "Re: [KBH-2026-004217] status KBH-2026-000001 tak") == "Re: status tak"
    assert strip_references("KBH", "Fornyelse – samme som sidste år (KBH-2025-000812)") == \
        "Fornyelse – samme som sidste år"
    assert strip_references("KBH", "Fornyelse (se KBH-2025-000812) [KBH-2026-000001]") == "Fornyelse (se)"


def test_strip_references_leaves_no_dangling_separator():
    assert strip_references("KBH", "Re: Loppemarked på Guldbergs Plads - KBH-2025-001234") == \
        "Re: Loppemarked på Guldbergs Plads"
    assert strip_references("KBH", "KBH-2025-001234 – skilt til salon") == "skilt til salon"
    assert strip_references("KBH", "Sag KBH-2025-001234: nyt skilt, 2-3 m") == "Sag: nyt skilt, 2-3 m"
