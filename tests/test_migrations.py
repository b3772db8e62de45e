"""The migrations: one line of revisions, down to nothing and up again, and the result matches the tables."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import models  # noqa: F401 - registers the tables
from models.db import alembic_config, make_engine


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return request.getfixturevalue("pg_url")


def test_one_line_of_revisions():
    engine = make_engine("sqlite://")
    script = ScriptDirectory.from_config(alembic_config(engine))
    assert len(script.get_heads()) == 1, script.get_heads()


def _differences(engine) -> list:
    with engine.connect() as conn:
        found = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}),
                                 SQLModel.metadata)
    return found


def test_down_to_nothing_and_up_again_matches_the_tables(url):
    engine = make_engine(url)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "head")
    assert _differences(engine) == []
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
    assert _differences(engine) == []
    engine.dispose()
