"""The desk's queue: one page of parts by due date, filtered and searched in SQL.

``views.list_cases`` reads every part (fine for a report); the desk pages through 100,000 cases,
so the page is one query (``intake.cases.queue_sql``, shared with ``intake case list``), paged by
key (due date, part id). Free text is looked up here first, in ``CaseSearch``, a narrow copy kept
up to date by ``index_new_cases``; the query then reads only the cases found.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from intake.cases.contacts import of_address
from intake.cases.desk import Desk
from intake.cases.queue_sql import CaseRow, QueueFilter, QueuePage, Rows, parse_key, read_page
from models import Case, CaseSearch, utcnow
from models.direct import driver_query

__all__ = ["CaseRow", "QueueFilter", "QueuePage", "index_new_cases", "parse_key", "queue_page", "search_text"]

REFERENCE = re.compile(r"^[A-Z]{2,10}-\d{4}-\d{6}$")
MAX_FOUND = 1000  # cases a search may find; a wider one is narrowed with the filters
CVR = re.compile(r"^(?:DK)?\s*(\d{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})$")
REFERENCE_END = re.compile(r"^(?:\d{4}-)?\d{6}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _search(session: Session, text: str) -> list[int]:
    """The cases a search finds (at most ``MAX_FOUND``): a reference, a CVR number or an e-mail address exactly
    (indexed), other text in the company name and the addresses (``CaseSearch``, lower case); looked up before the
    queue's order.
    """
    text = text[:MAX_SEARCH]   # a name or an address; 50,000 characters made SQLite's LIKE too complex (a 500)
    if REFERENCE.match(text.upper()):
        stmt = select(Case.id).where(col(Case.reference) == text.upper())
    elif cvr := CVR.match(text.upper()):
        stmt = select(Case.id).where(col(Case.cvr) == "".join(cvr.groups()))
    elif REFERENCE_END.match(text):      # "2026-000005", "000005": the end of a reference, as people say it
        stmt = select(Case.id).where(col(Case.reference).endswith(f"-{text}"))
    elif EMAIL.match(text):             # the business's, its agent's or an added contact's address, exactly
        stmt = select(Case.id).where(of_address(text.lower()))
    else:
        words = text.lower().replace("%", "").replace("_", "").strip()
        if len(words) < 2:
            return []       # ("%" or one letter would find every case)
        index_new_cases(session)
        stmt = select(CaseSearch.case_id).where(col(CaseSearch.text).like(f"%{words}%"))
    return [i for i in session.exec(stmt.limit(MAX_FOUND)) if i is not None]


SEARCHED_DETAILS = ("address", "activity_location", "postcode", "city")
MAX_SEARCH = 200  # characters of a search that count


def search_text(company_name: str | None, cvr: str | None, details_json: str | None) -> str:
    """What a free-text search reads of a case: company name, CVR and the addresses found, in lower case."""
    try:
        details = json.loads(details_json or "{}")
    except ValueError:
        details = {}
    values = [str(details[k].get("value", "")) for k in SEARCHED_DETAILS if isinstance(details.get(k), dict)]
    return " | ".join(v for v in (company_name or "", cvr or "", *values) if v).lower()


def index_new_cases(session: Session, batch: int = 5000) -> int:
    """Add the cases registered since the last search to ``CaseSearch``; how many were added.

    Cases get increasing ids and their company and details never change, so the newest id indexed
    is where the next search goes on. Two searches at once may both try: the second's insert fails
    and is rolled back, the first's rows stand.
    """
    added = 0
    while True:
        last = session.exec(select(func.max(CaseSearch.case_id))).one() or 0
        found = list(session.exec(select(Case.id, Case.company_name, Case.cvr, Case.details_json)
                                  .where(col(Case.id) > last).order_by(col(Case.id)).limit(batch)))
        if not found:
            return added
        session.execute(insert(CaseSearch), [{"case_id": i, "text": search_text(name, cvr, details)}
                                             for i, name, cvr, details in found])
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            return added
        added += len(found)


def queue_page(session: Session, desk: Desk, f: QueueFilter, *, after: str | None = None, size: int = 50,
               now: datetime | None = None) -> QueuePage:
    """One page of parts by due date after the key ``after``, with the key of the next page."""
    found = _search(session, f.search.strip()) if f.search.strip() else None
    return read_page(session_rows(session), desk, f, after=after, size=size, now=now or utcnow(), found=found)


def session_rows(session: Session) -> Rows:
    """Run ``queue_sql``'s SQL on the session's connection, as the driver takes it."""
    connection = session.connection()

    def rows(sql: str, params: dict[str, Any]) -> list[Any]:
        return list(connection.exec_driver_sql(*driver_query(sql, params, connection.dialect.name)).all())

    return rows
