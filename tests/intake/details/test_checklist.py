"""The comparison of an application with its task type's checklist."""
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
