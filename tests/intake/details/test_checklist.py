"""The comparison of an application with its task type's checklist."""
import pytest

from intake.details.checklist import Evidence, check, check_parts, from_dict, merge
from intake.details.extract import Field
from routing.catalogue import load_catalogue


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
