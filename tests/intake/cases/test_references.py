from sqlmodel import Session

from intake.cases.references import allocate_reference
from models.db import open_database


def test_allocation_counts_per_year(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with Session(engine) as session:
        got = [allocate_reference(session, "KBH", y) for y in (2026, 2026, 2027, 2026)]
        session.commit()
    assert got == ["KBH-2026-000001", "KBH-2026-000002", "KBH-2027-000001", "KBH-2026-000003"]


def test_rolled_back_allocation_hands_the_number_out_again(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with Session(engine) as session:
        allocate_reference(session, "KBH", 2026)
        session.commit()
        allocate_reference(session, "KBH", 2026)
        session.rollback()
        assert allocate_reference(session, "KBH", 2026) == "KBH-2026-000002"


def test_on_postgresql_the_counter_is_not_held_by_the_case_transaction(pg_url):
    """Another worker gets the next number at once, while the first worker's case is still being written;
    the first's rollback leaves its number unused (unique and increasing, not gapless)."""
    engine = open_database(pg_url)
    with Session(engine) as first, Session(engine) as second:
        first.connection().exec_driver_sql("SET lock_timeout = '2s'")
        a = allocate_reference(first, "KBH", 2031)
        second.connection().exec_driver_sql("SET lock_timeout = '2s'")
        b = allocate_reference(second, "KBH", 2031)  # would wait for ``first`` if the row were held
        second.commit()
        first.rollback()
        with Session(engine) as third:
            c = allocate_reference(third, "KBH", 2031)
            third.commit()
    assert (a, b, c) == ("KBH-2031-000001", "KBH-2031-000002", "KBH-2031-000003")
    engine.dispose()
