"""Loading and validating the task catalogue."""

from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest
from routing_builders import MINIMAL

import routing.catalogue as catalogue_module
from routing.catalogue import GoalVariant, ServiceGoal, load_catalogue
from routing.errors import CatalogueError, RoutingError, UnknownTaskError

# The default catalogue as given in the domain brief (shared/domain.md).
DOMAIN_TABLE = {
    "udeservering": ("byliv", 2, "weeks"),
    "vejareal": ("trafik", 10, "working_days"),
    "gravetilladelse": ("trafik", 10, "working_days"),
    "skilte": ("byggeri", 4, "weeks"),
    "arrangement": ("byliv", 4, "weeks"),
    "gadesalg": ("byliv", 2, "weeks"),
    "byggetilladelse": ("byggeri", 55, "calendar_days"),
    "nedrivning": ("byggeri", 2, "weeks"),
    "miljoegodkendelse": ("miljoe", 130, "calendar_days"),
    "spildevand": ("miljoe", 4, "weeks"),
    "jordflytning": ("miljoe", 4, "weeks"),
    "stoej_byggeplads": ("miljoe", 2, "weeks"),
    "olietank": ("miljoe", 2, "weeks"),
    "erhvervsaffald": ("affald", 2, "weeks"),
    "generel": ("erhvervsservice", 1, "weeks"),
}
OFFICES = {"erhvervsservice", "byliv", "trafik", "byggeri", "miljoe", "affald"}


@pytest.fixture(scope="module")
def bundled():
    return load_catalogue()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my-catalogue.toml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(write(tmp_path, text))
    return str(info.value)


# --- the bundled default catalogue ---------------------------------------------

def test_bundled_catalogue_has_the_fifteen_default_tasks(bundled):
    assert set(bundled.tasks) == set(DOMAIN_TABLE)


def test_bundled_catalogue_has_the_six_offices(bundled):
    assert set(bundled.offices) == OFFICES


@pytest.mark.parametrize("task_id", sorted(DOMAIN_TABLE))
def test_bundled_task_office_and_goal_match_the_domain_table(bundled, task_id):
    office, value, unit = DOMAIN_TABLE[task_id]
    task = bundled.task(task_id)
    assert (task.office, task.goal) == (office, ServiceGoal(value, unit))


def test_only_building_environment_and_event_tasks_are_complex(bundled):
    complex_tasks = {t.id for t in bundled.tasks.values() if t.complex}
    assert complex_tasks == {"byggetilladelse", "miljoegodkendelse", "arrangement"}


def test_all_default_tasks_are_municipal(bundled):
    assert all(t.municipal for t in bundled.tasks.values())


@pytest.mark.parametrize("task_id", sorted(DOMAIN_TABLE))
def test_every_task_has_three_or_four_paths_forward_in_both_languages(bundled, task_id):
    task = bundled.task(task_id)
    assert 3 <= len(task.paths_forward_da) == len(task.paths_forward_en) <= 4


@pytest.mark.parametrize("task_id", sorted(set(DOMAIN_TABLE) - {"generel"}))
def test_appeal_guidance_states_the_four_week_deadline(bundled, task_id):
    task = bundled.task(task_id)
    assert "4 uger" in task.appeal_da and "4 weeks" in task.appeal_en


@pytest.mark.parametrize(
    ("task_id", "body"),
    [
        ("vejareal", "Vejdirektoratet"),
        ("udeservering", "Vejdirektoratet"),
        ("byggetilladelse", "Byggeklageenheden"),
        ("byggetilladelse", "Planklagenævnet"),
        ("miljoegodkendelse", "Miljø- og Fødevareklagenævnet"),
        ("spildevand", "Miljø- og Fødevareklagenævnet"),
    ],
)
def test_appeal_guidance_names_the_appeals_body(bundled, task_id, body):
    task = bundled.task(task_id)
    assert body in task.appeal_da and body in task.appeal_en


def test_building_permit_guidance_points_to_byg_og_miljoe(bundled):
    task = bundled.task("byggetilladelse")
    assert "Byg og Miljø" in task.guidance_da and "Byg og Miljø" in task.guidance_en


@pytest.mark.parametrize(
    ("task_id", "variant_id", "goal"),
    [
        ("vejareal", "privat_faellesvej", ServiceGoal(15, "working_days")),
        ("spildevand", "bilvask", ServiceGoal(12, "weeks")),
        ("olietank", "stor_tank", ServiceGoal(4, "weeks")),
        ("miljoegodkendelse", "bilag_1", ServiceGoal(200, "calendar_days")),
    ],
)
def test_goal_variants_from_the_domain_notes(bundled, task_id, variant_id, goal):
    assert bundled.task(task_id).variant(variant_id).goal == goal


def test_unknown_variant_raises(bundled):
    with pytest.raises(UnknownTaskError):
        bundled.task("udeservering").variant("nope")


def test_office_addresses_are_placeholders_named_after_the_office(bundled):
    assert {o.id: o.address for o in bundled.offices.values()} == {oid: f"{oid}@kk.example" for oid in OFFICES}


def test_triage_office_is_business_service(bundled):
    assert bundled.triage_office == "erhvervsservice"


def test_bundled_catalogue_has_no_extra_closure_days(bundled):
    assert bundled.extra_closure_days == ()


@pytest.mark.parametrize(
    ("topic", "authority"),
    [
        ("foedevarer", "Fødevarestyrelsen"),
        ("virksomhedsregistrering", "Erhvervsstyrelsen"),
        ("skat_moms", "Skattestyrelsen"),
        ("arbejdsmiljoe", "Arbejdstilsynet"),
    ],
)
def test_external_topics_name_the_right_authority(bundled, topic, authority):
    assert authority in bundled.external[topic].authority_da


def test_external_topic_urls_are_https(bundled):
    assert all(x.url.startswith("https://") for x in bundled.external.values())


def test_office_for_returns_the_responsible_office(bundled):
    assert bundled.office_for("gravetilladelse").id == "trafik"


def test_unknown_task_raises_unknown_task_error(bundled):
    with pytest.raises(UnknownTaskError):
        bundled.task("helicopter_landing")


def test_unknown_task_error_is_a_routing_error_and_key_error(bundled):
    with pytest.raises(UnknownTaskError) as info:
        bundled.office("nowhere")
    assert isinstance(info.value, RoutingError) and isinstance(info.value, KeyError)


def test_catalogue_mappings_are_read_only(bundled):
    with pytest.raises(TypeError):
        bundled.tasks["new"] = bundled.task("generel")


def test_goal_as_dict():
    assert ServiceGoal(10, "working_days").as_dict() == {"value": 10, "unit": "working_days"}


# --- a municipality's own file ------------------------------------------------

def test_minimal_catalogue_loads(tmp_path):
    cat = load_catalogue(write(tmp_path, MINIMAL))
    assert cat.office_for("thing").name_en == "Desk"


def test_own_catalogue_need_not_contain_the_defaults(tmp_path):
    assert set(load_catalogue(write(tmp_path, MINIMAL)).tasks) == {"thing"}


def test_closure_days_accept_toml_dates_and_iso_strings(tmp_path):
    text = MINIMAL.replace("extra_closure_days = []", 'extra_closure_days = [2026-12-31, "2026-12-24"]')
    assert load_catalogue(write(tmp_path, text)).extra_closure_days == (date(2026, 12, 24), date(2026, 12, 31))


def test_variants_are_read(tmp_path):
    text = MINIMAL + dedent("""
        [[tasks.thing.variants]]
        id = "big"
        when_da = "store"
        when_en = "big ones"
        goal = { value = 3, unit = "calendar_days" }
        """)
    variant = load_catalogue(write(tmp_path, text)).task("thing").variants
    assert variant == (GoalVariant("big", "store", "big ones", ServiceGoal(3, "calendar_days")),)


def test_a_variant_applies_by_litres_or_words_and_a_bad_size_is_refused(tmp_path):
    text = MINIMAL + dedent("""
        [[tasks.thing.variants]]
        id = "big"
        when_da = "store"
        when_en = "big ones"
        goal = { value = 3, unit = "calendar_days" }
        litres_at_least = 500
        words = ["kæmpe"]
        """)
    (variant,) = load_catalogue(write(tmp_path, text)).task("thing").variants
    assert variant.applies(500, "") and variant.applies(None, "en Kæmpetank") and not variant.applies(499, "tank")
    with pytest.raises(CatalogueError, match="litres_at_least"):
        load_catalogue(write(tmp_path, text.replace("= 500", "= \"many\"")))
    with pytest.raises(CatalogueError, match="words"):
        load_catalogue(write(tmp_path, text.replace('["kæmpe"]', "[]")))


# --- validation errors name the file and the key -------------------------------

def test_missing_file_raises_catalogue_error(tmp_path):
    with pytest.raises(CatalogueError, match="missing.toml"):
        load_catalogue(tmp_path / "missing.toml")


def test_invalid_toml_names_the_file(tmp_path):
    assert "my-catalogue.toml" in load_error(tmp_path, MINIMAL + "\n[tasks.broken\n")


def test_unknown_office_names_file_and_key(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace('\noffice = "desk"', '\noffice = "cellar"'))
    assert "my-catalogue.toml" in message and "tasks.thing.office" in message and "cellar" in message


def test_unknown_unit_is_rejected(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace('unit = "weeks"', 'unit = "fortnights"'))
    assert "tasks.thing.goal.unit" in message and "fortnights" in message


@pytest.mark.parametrize("value", ["0", "-3", "1.5", '"2"', "true"])
def test_goal_value_must_be_a_positive_whole_number(tmp_path, value):
    message = load_error(tmp_path, MINIMAL.replace("value = 2", f"value = {value}"))
    assert "tasks.thing.goal.value" in message


def test_missing_goal_is_rejected(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace('goal = { value = 2, unit = "weeks" }\n', ""))
    assert "tasks.thing.goal" in message


def test_unknown_triage_office_is_rejected(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace('triage_office = "desk"', 'triage_office = "attic"'))
    assert "triage_office" in message and "attic" in message


def test_missing_name_is_rejected(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace('name_en = "Thing"\n', ""))
    assert "tasks.thing.name_en" in message


def test_task_without_paths_forward_is_rejected(tmp_path):
    """A rejection must always carry a path forward, so the catalogue requires one."""
    message = load_error(tmp_path, MINIMAL.replace('paths_forward_en = ["Try again."]', "paths_forward_en = []"))
    assert "tasks.thing.paths_forward_en" in message


def test_office_address_must_be_an_email_address(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace('"desk@kk.example"', '"the desk"'))
    assert "offices.desk.address" in message


def test_bad_closure_day_is_rejected(tmp_path):
    message = load_error(tmp_path, MINIMAL.replace("extra_closure_days = []", 'extra_closure_days = ["24/12"]'))
    assert "extra_closure_days[0]" in message


def test_catalogue_without_tasks_is_rejected(tmp_path):
    message = load_error(tmp_path, MINIMAL.split("[tasks.thing]")[0])
    assert "tasks" in message


def test_bundled_file_missing_a_default_task_is_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue_module, "BUNDLED_CATALOGUE", write(tmp_path, MINIMAL))
    with pytest.raises(CatalogueError, match="udeservering"):
        load_catalogue()
