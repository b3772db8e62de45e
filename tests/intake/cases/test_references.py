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
