"""The completeness checklist of each task type in the catalogue: read, validated, and bundled for every task."""
from pathlib import Path

import pytest
from routing_builders import MINIMAL

from routing.catalogue import CHECKLIST_DETAILS, load_catalogue
from routing.errors import CatalogueError


def load(tmp_path: Path, items: str):
    path = tmp_path / "c.toml"
    path.write_text(MINIMAL + items, encoding="utf-8")
    return load_catalogue(path)


def error(tmp_path: Path, items: str) -> str:
    with pytest.raises(CatalogueError) as info:
        load(tmp_path, items)
    return str(info.value)


ITEM = """
[[tasks.thing.checklist]]
id = "cvr"
name_da = "CVR-nummer"
name_en = "CVR number"
details = ["cvr"]
"""


def test_a_checklist_item_is_read_with_its_ways_to_be_seen(tmp_path):
    item = load(tmp_path, ITEM + 'attachments = ["skitse"]\npatterns = [\'CVR\']\n').task("thing").checklist[0]
    assert (item.id, item.required, item.details, item.attachments, item.patterns) == (
        "cvr", True, ("cvr",), ("skitse",), ("CVR",))


def test_an_item_is_at_the_business_unless_it_says_it_is_away(tmp_path):
    assert load(tmp_path, ITEM).task("thing").checklist[0].away is False
    assert load(tmp_path, ITEM + "away = true\n").task("thing").checklist[0].away is True
    assert "away" in error(tmp_path, ITEM + 'away = "yes"\n')


def test_an_item_is_required_unless_it_says_otherwise(tmp_path):
    assert load(tmp_path, ITEM + "required = false\n").task("thing").checklist[0].required is False


def test_a_task_without_a_checklist_has_an_empty_one(tmp_path):
    assert load(tmp_path, "").task("thing").checklist == ()


def test_an_unknown_detail_is_refused_with_its_place(tmp_path):
    message = error(tmp_path, ITEM.replace('["cvr"]', '["shoe_size"]'))
    assert "tasks.thing.checklist[0].details" in message and "shoe_size" in message


def test_an_item_with_no_way_to_be_seen_is_refused(tmp_path):
    assert "needs at least one of" in error(tmp_path, ITEM.replace('details = ["cvr"]\n', ""))


def test_a_broken_pattern_is_refused(tmp_path):
    assert "not a regular expression" in error(tmp_path, ITEM + "patterns = ['(unclosed']\n")


def test_a_reader_of_cases_may_leave_the_patterns_unchecked_and_the_service_may_not(tmp_path):
    """``intake case list`` skips compiling the patterns (the service validates them at its start)."""
    path = tmp_path / "c.toml"
    path.write_text(MINIMAL + ITEM + "patterns = ['(unclosed']\n", encoding="utf-8")
    assert load_catalogue(path, check_patterns=False).task("thing").checklist[0].patterns == ("(unclosed",)
    with pytest.raises(CatalogueError, match="not a regular expression"):
        load_catalogue(path)


def test_two_items_with_one_id_are_refused(tmp_path):
    assert "share an id" in error(tmp_path, ITEM + ITEM)


def test_an_item_needs_a_name_in_both_languages(tmp_path):
    assert "name_en" in error(tmp_path, ITEM.replace('name_en = "CVR number"\n', ""))


@pytest.mark.parametrize("task_id", sorted(set(load_catalogue().tasks) - {"generel"}))
def test_every_bundled_application_task_has_a_required_item(task_id):
    assert any(item.required for item in load_catalogue().task(task_id).checklist)


def test_outdoor_serving_asks_for_the_items_of_the_domain():
    ids = [i.id for i in load_catalogue().task("udeservering").checklist]
    assert ids[:5] == ["cvr", "p_number", "address", "area", "period"]


def test_the_checklist_details_are_details_intake_extracts():
    from intake.details import DETAIL_KEYS

    assert CHECKLIST_DETAILS <= set(DETAIL_KEYS)


NATIONAL_SYSTEMS = ("Byg og Miljø", "Jordweb")


@pytest.mark.parametrize("task_id", sorted(load_catalogue().tasks))
def test_guidance_never_asks_for_what_the_checklist_asks_for(task_id):
    """The checklist asks for what is missing; guidance that also asked would ask for what the business sent."""
    task = load_catalogue().task(task_id)
    assert "Oplys " not in task.guidance_da and "Please state" not in task.guidance_en
    assert "Vedlæg " not in task.guidance_da and "Please enclose" not in task.guidance_en


@pytest.mark.parametrize("task_id", ["byggetilladelse", "nedrivning", "miljoegodkendelse", "jordflytning"])
def test_guidance_for_a_national_system_says_the_mail_started_the_case_and_what_to_file_there(task_id):
    task = load_catalogue().task(task_id)
    assert "Din mail har startet sagen" in task.guidance_da and "Your email has started the case" in task.guidance_en
    assert "stadig" in task.guidance_da and "must still file" in task.guidance_en
    assert "fordi" in task.guidance_da and "because" in task.guidance_en
    assert any(s in task.guidance_da for s in NATIONAL_SYSTEMS) and "sagsnummer" in task.guidance_da
