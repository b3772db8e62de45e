"""The operator's pages: only operators and admins; quarantine replay and discard on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from sqlmodel import Session, select

from intake.web.operator.router import make_router
from models import Case, InboundMessage, utcnow
from tests.web.desk.conftest import csrf_of, make_desk, sample


def quarantine(desk, raw: bytes) -> int:
    """A message as the runner leaves one it could not process."""
    with Session(desk.engine) as s:
        rec = InboundMessage(source="maildir", uid="q1", sha256="ab" * 32, sender="anna@cafe-solsiden.dk",
                             subject="Ansøgning", received_at=utcnow(), status="quarantined",
                             outcome="quarantined", reason="RuntimeError: boom", attempts=3, raw=raw)
        s.add(rec)
        s.commit()
        assert rec.id is not None
        return rec.id


ROUTES = {("GET", "/operator/classifier"), ("POST", "/operator/classifier/activate"),
          ("POST", "/operator/classifier/rollback"), ("GET", "/operator/quarantine"),
          ("GET", "/operator/quarantine/{message_id}"), ("POST", "/operator/quarantine/{message_id}/replay"),
          ("POST", "/operator/quarantine/{message_id}/discard"), ("GET", "/operator/mailbox")}


def test_every_operator_route_is_checked_below(desk):
    router = make_router(desk.ctx, "x", engine=desk.engine)
    assert {(m, r.path) for r in router.routes if isinstance(r, APIRoute) for m in (r.methods or ())} == ROUTES


@pytest.mark.parametrize(("method", "path"), sorted(ROUTES))
def test_a_caseworker_gets_a_404_on_every_operator_route(desk, method, path):
    qid = quarantine(desk, sample("01-ans-gning-om-udeservering.eml"))
    client = desk.user("lis@kk.example", "erhvervsservice")
    token = csrf_of(client.get("/cases").text)
    url = path.format(message_id=qid)
    r = client.request(method, url, data={"csrf": token} if method == "POST" else None)
    assert r.status_code == 404
    with Session(desk.engine) as s:
        assert s.get(InboundMessage, qid).status == "quarantined"


def test_operator_sees_pages_with_reason_and_sender_domain(desk):
    qid = quarantine(desk, sample("01-ans-gning-om-udeservering.eml"))
    client = desk.user("ops@kk.example", "erhvervsservice", "operator")
    listing = client.get("/operator/quarantine").text
    assert "RuntimeError: boom" in listing and "cafe-solsiden.dk" in listing and "anna@" not in listing
    assert client.get(f"/operator/quarantine/{qid}").status_code == 200
    assert "Udbakke" in client.get("/operator/mailbox").text
    assert "macro-F1" in client.get("/operator/classifier").text


def _replay(desk):
    qid = quarantine(desk, sample("01-ans-gning-om-udeservering.eml"))
    client = desk.user("ops@kk.example", "erhvervsservice", "operator")
    token = csrf_of(client.get(f"/operator/quarantine/{qid}").text)
    assert client.post(f"/operator/quarantine/{qid}/replay", data={"csrf": "bad"}).status_code == 403
    r = client.post(f"/operator/quarantine/{qid}/replay", data={"csrf": token})
    assert r.status_code == 303
    with Session(desk.engine) as s:
        rec = s.get(InboundMessage, qid)
        assert rec.status == "done" and rec.case_id is not None
        assert s.exec(select(Case.task_type)).all() == ["udeservering"]


def test_replay_of_a_quarantined_message_makes_its_case_on_sqlite(desk):
    _replay(desk)


def test_replay_of_a_quarantined_message_makes_its_case_on_postgresql(tmp_path, model_dir, pg_url):
    _replay(make_desk(tmp_path, model_dir, pg_url))


def test_discard_keeps_the_message_recorded(desk):
    qid = quarantine(desk, sample("01-ans-gning-om-udeservering.eml"))
    client = desk.user("ops@kk.example", "erhvervsservice", "operator")
    token = csrf_of(client.get(f"/operator/quarantine/{qid}").text)
    assert client.post(f"/operator/quarantine/{qid}/discard", data={"csrf": token}).status_code == 303
    with Session(desk.engine) as s:
        rec = s.get(InboundMessage, qid)
        assert rec.status == "discarded" and "ops@kk.example" in rec.reason
    assert client.get(f"/operator/quarantine/{qid}").status_code == 404


def test_mailbox_page_shows_the_services_last_wait_and_error(desk):
    from intake.letters.sender import sender_from_settings
    from intake.service import Service
    from models import ServiceBeat

    service = Service(desk.ctx, desk.engine, desk.box, sender_from_settings(desk.ctx.settings))
    service._wait(0.01)
    service._beat("error", "DatabaseUnavailable: cannot reach the database")
    with Session(desk.engine) as s:
        wait = s.get(ServiceBeat, "wait")
        assert wait is not None and wait.detail in ("new mail", "no mail in 0 s")
    page = desk.user("ops@kk.example", "erhvervsservice", "operator").get("/operator/mailbox").text
    assert wait.detail in page and "DatabaseUnavailable: cannot reach the database" in page
    from intake.web.pages import local
    assert f"{local(wait.at)}: {wait.detail}" in page and " UTC" not in page, "on Copenhagen's clock, as the desk"


def test_classifier_page_activates_and_refuses_what_the_store_refuses(tmp_path, model_dir):
    import shutil

    from classifier.store import ModelStore

    models = tmp_path / "models"
    shutil.copytree(model_dir, models)
    desk = make_desk(tmp_path / "data", models)
    client = desk.user("ops@kk.example", "erhvervsservice", "operator")
    page = client.get("/operator/classifier").text
    token = csrf_of(page)
    assert "F1" in page and "(aktiv / active)" in page
    refused = client.post("/operator/classifier/rollback", data={"csrf": token})
    assert refused.status_code == 200 and "nothing to roll back" in refused.text
    unknown = client.post("/operator/classifier/activate", data={"csrf": token, "version": "99"})
    assert unknown.status_code == 200 and "no model version" in unknown.text
    store = ModelStore(models)
    version = store.active_version()
    assert client.post("/operator/classifier/activate", data={"csrf": token, "version": version}).status_code == 303
    assert store.history()["log"][-1]["action"] == "activate"
    # (activating the active version again is no new activation: a rollback still finds nothing before it)
    again = client.post("/operator/classifier/rollback", data={"csrf": token})
    assert again.status_code == 200 and "nothing to roll back" in again.text and store.active_version() == version


def test_quarantine_page_lists_a_message_refused_for_its_size(tmp_path, model_dir):
    """A message too large to read was listed by `intake quarantine list` only: the page shows it, without a replay."""
    desk = make_desk(tmp_path, model_dir, INTAKE_MAX_MESSAGE_MB="0.0005")   # 524 bytes
    desk.box.deliver(sample("01-ans-gning-om-udeservering.eml"))
    (outcome,) = desk.runner.process_batch()
    assert outcome.outcome == "refused"
    client = desk.user("ops@kk.example", "erhvervsservice", "operator")
    listing = client.get("/operator/quarantine").text
    refused = listing.partition("Refused for their size")[2]
    assert "over the 0.0005 MB limit" in refused and "cafesolsikke.dk" in refused and "mette@" not in refused
    assert f'href="/operator/quarantine/{outcome.inbound_id}"' not in listing
    assert "<dt>Afvist for størrelsen / Refused for their size</dt><dd>1 " in client.get("/operator/mailbox").text
