"""Desk benchmark: server time of /cases and /workload with 100,000 cases (SQLite).

    python bench/bench_desk.py [--cases 100000] [--requests 200] [--json]

Target (issue 11): p95 < 150 ms. Measures, in the process, the time from the
request to the end of the response (ASGI, no network) for a caseworker of one
office and for the triage office (all offices): the first page (the open parts), the first page of every
status, filtered pages (overdue; new from the business), a deep page by key, a search by company name and by CVR
(a form), and the workload page of the user's offices. The cases are a desk that has run a year: most parts are
decided or closed, and one open part in twenty has mail from the business its office has not read.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from intake.app import catalogue_and_calendar
from intake.pipeline import Context
from intake.settings import load_settings
from intake.web.desk.router import make_router
from intake.web.desk.users import add_user
from models import Case, CasePart
from models.db import open_database
from routing.goals import iso_week

PASSWORD = "benchmark password"


def fill(engine, n: int, catalogue, now: datetime) -> None:
    """``n`` cases with one part each (a tenth with two), received over the year before ``now``: a desk that has
    run a year, where a part received more than two months ago is decided or closed (but one in thirty)."""
    rng = random.Random(11)
    tasks = list(catalogue.tasks)
    start = now - timedelta(days=365)
    cases, parts = [], []
    for i in range(1, n + 1):
        received = start + timedelta(minutes=rng.randrange(0, 525_600))
        task = catalogue.task(rng.choice(tasks))
        open_ = now - received < timedelta(days=60) or rng.random() < 1 / 30
        status = rng.choice(("routed", "routed", "in_progress", "waiting") if open_ else ("decided", "closed"))
        cases.append({"id": i, "reference": f"KBH-2026-{i:06d}", "received_at": received, "subject": f"Ansøgning {i}",
                      "sender": f"firma{i}@example.dk", "sender_domain": "example.dk", "language": "da",
                      "task_type": task.id, "task_types": json.dumps([task.id]), "office": task.office,
                      "status": status, "company_name": f"Firma {i} ApS", "cvr": f"{10000000 + i}",
                      "details_json": json.dumps({"address": {"value": f"Vesterbrogade {i % 200 + 1}",
                                                              "source": "body"}}),
                      "applicant_email": f"firma{i}@example.dk", "reply_email": f"firma{i}@example.dk",
                      "attachments_json": "[]", "classifier_text": "", "offices": json.dumps([task.office])})
        for position, t in enumerate([task] + ([catalogue.task(rng.choice(tasks))] if i % 10 == 0 else [])):
            if position and t.id == task.id:
                continue
            due = (received + timedelta(days=14)).date()
            parts.append({"case_id": i, "position": position, "task_type": t.id, "office": t.office,
                          "goal_value": 2, "goal_unit": "weeks", "due_date": due, "expected_week": iso_week(due),
                          "status": status, "paused_since": received if status == "waiting" else None,
                          "unread_since": now if open_ and rng.random() < 1 / 20 else None})
    with engine.begin() as conn:
        for table, rows in ((Case.__table__, cases), (CasePart.__table__, parts)):  # type: ignore[attr-defined]
            for k in range(0, len(rows), 5000):
                conn.execute(table.insert(), rows[k:k + 5000])


def timed(client: TestClient, method: str, path: str, data: dict[str, str] | None, repeat: int) -> list[float]:
    """Milliseconds per request, after one warm-up request."""
    client.request(method, path, data=data)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.request(method, path, data=data)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.status_code
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(env={"INTAKE_DATA_DIR": tmp})
        engine = open_database(settings.database_url)
        catalogue, calendar = catalogue_and_calendar(settings)
        t = time.perf_counter()
        now = datetime.now(UTC)
        fill(engine, args.cases, catalogue, now)
        fill_s = time.perf_counter() - t
        with Session(engine) as s:
            add_user(s, "karen@kk.example", "trafik", "caseworker", PASSWORD, set(catalogue.offices))
            add_user(s, "lis@kk.example", "erhvervsservice", "caseworker", PASSWORD, set(catalogue.offices))
            s.commit()
        app = FastAPI()
        app.include_router(make_router(Context(settings, catalogue, calendar, None), "bench secret",  # type: ignore[arg-type]
                                       engine=engine))
        results = {}
        for who in ("karen@kk.example", "lis@kk.example"):
            client = TestClient(app)
            client.post("/login", data={"email": who, "password": PASSWORD})
            page = client.get("/cases").text
            token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
            asks: dict[str, tuple[str, str, dict[str, str] | None]] = {
                "first page": ("GET", "/cases", None),
                "all statuses": ("GET", "/cases?status=all", None),
                "overdue": ("GET", "/cases?overdue=true", None),
                "new from the business": ("GET", "/cases?unread=true", None),
                "deep page": ("POST", "/cases", {"csrf": token, "after": f"{(now - timedelta(days=20)).date()}.50000"}),
                "search company": ("POST", "/cases", {"csrf": token, "q": "Firma 99999 ApS"}),
                "search CVR": ("POST", "/cases", {"csrf": token, "q": "10099999"}),
                "workload": ("GET", "/workload", None),
            }
            for name, (method, path, data) in asks.items():
                times = timed(client, method, path, data, args.requests)
                results[f"{who.split('@')[0]} {name}"] = {"p50_ms": round(statistics.median(times), 1),
                                                          "p95_ms": round(p95(times), 1)}
        engine.dispose()
    out = {"cases": args.cases, "fill_s": round(fill_s, 1), "target_p95_ms": 150, "results": results}
    if args.json:
        print(json.dumps(out))
        return
    print(f"{args.cases} cases (filled in {fill_s:.1f} s); server time, {args.requests} requests each:")
    for name, r in results.items():
        flag = "ok" if r["p95_ms"] < 150 else "OVER TARGET"
        print(f"  {name:<32} p50 {r['p50_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms   {flag}")


if __name__ == "__main__":
    main()
