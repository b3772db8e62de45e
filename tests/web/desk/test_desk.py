"""The desk through HTTP: sign-in, the queue, a case with its mail and actions, reports, office isolation."""
from __future__ import annotations

import email
import email.policy
import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from intake.cases.audit import audit_of
from intake.web.trackview import timeline, track_view
from models import Case, CasePart, Correction, InboundMessage, OutboxMail
from tests.web.desk.conftest import PASSWORD, csrf_of, make_desk, sample, sign_in

SCAFFOLD = "02-scaffolding-permit-vesterbroga.eml"   # trafik
SIGN = "03-skilt-til-bageri-se-vedh-ftede.eml"       # byggeri, with an attachment


def office_of(desk, reference: str) -> str:
    with Session(desk.engine) as s:
        from intake.cases.lifecycle import get_case
        return get_case(s, reference).office


def other_office(desk, office: str) -> str:
    return next(o for o in desk.ctx.catalogue.offices if o not in (office, "erhvervsservice"))


# -- signing in ------------------------------------------------------------------------------
def test_queue_without_signing_in_leads_to_the_login_page(desk):
    r = TestClient(desk.app, follow_redirects=False).get("/cases")
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_session_cookie_is_httponly_and_samesite_lax(desk):
    with Session(desk.engine) as s:
        from intake.web.desk.users import add_user
        add_user(s, "karen@kk.example", "trafik", "caseworker", PASSWORD, set(desk.ctx.catalogue.offices))
        s.commit()
    r = sign_in(TestClient(desk.app, follow_redirects=False), "karen@kk.example", PASSWORD)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


def test_session_cookie_is_secure_when_the_public_url_is_https(tmp_path, model_dir):
    desk = make_desk(tmp_path, model_dir, INTAKE_PUBLIC_URL="https://desk.kk.example")
    with Session(desk.engine) as s:
        from intake.web.desk.users import add_user
        add_user(s, "karen@kk.example", "trafik", "caseworker", PASSWORD, set(desk.ctx.catalogue.offices))
        s.commit()
    r = sign_in(TestClient(desk.app, follow_redirects=False), "karen@kk.example", PASSWORD)
    assert "; secure" in r.headers["set-cookie"].lower()


def test_a_sign_in_form_from_elsewhere_signs_nobody_in(desk):
    """Login CSRF: another site's form (no token, or a token without this browser's sign-in cookie) opens no session,
    even with the right password; the page's own form does."""
    desk.user("karen@kk.example", "trafik")
    bare = TestClient(desk.app, follow_redirects=False)
    posted = bare.post("/login", data={"email": "karen@kk.example", "password": PASSWORD})
    assert posted.status_code == 403 and "intake_staff" not in posted.headers.get("set-cookie", "")
    token = csrf_of(TestClient(desk.app).get("/login").text)      # a token of another browser's cookie
    other = TestClient(desk.app, follow_redirects=False)
    other.get("/login")                                            # this browser's own sign-in cookie
    forged = other.post("/login", data={"email": "karen@kk.example", "password": PASSWORD, "csrf": token})
    assert forged.status_code == 403 and other.get("/cases").status_code == 303
    assert sign_in(other, "karen@kk.example", PASSWORD).status_code == 303 and other.get("/cases").status_code == 200
    cookie = TestClient(desk.app).get("/login").headers["set-cookie"].lower()
    assert "intake_login=" in cookie and "httponly" in cookie and "samesite=strict" in cookie


def test_wrong_password_and_unknown_address_get_the_same_answer(desk):
    desk.user("karen@kk.example", "trafik")
    client = TestClient(desk.app, follow_redirects=False)
    wrong = sign_in(client, "karen@kk.example", "wrong password!")
    unknown = sign_in(client, "nobody@kk.example", "wrong password!")
    assert wrong.status_code == unknown.status_code == 401 and wrong.text == unknown.text


def test_login_is_rate_limited_per_account(desk):
    desk.user("karen@kk.example", "trafik")
    client = TestClient(desk.app, follow_redirects=False)
    codes = [sign_in(client, "karen@kk.example", "nope nope nope").status_code
             for _ in range(6)]
    assert codes[:4] == [401] * 4 and codes[-1] == 429
    right = sign_in(client, "karen@kk.example", PASSWORD)
    assert right.status_code == 429, "even the right password waits once the limit is reached"
    # whoever guesses from one address cannot lock the account's owner out: she signs in from her own
    owner = TestClient(desk.app, follow_redirects=False, client=("10.20.30.40", 50000))
    assert sign_in(owner, "karen@kk.example", PASSWORD).status_code == 303


def test_guessing_one_account_from_many_addresses_is_limited_too(desk):
    from intake.web.desk.auth import LOGIN_TRIES_PER_ACCOUNT, LOGIN_TRIES_PER_ACCOUNT_ALL
    desk.user("karen@kk.example", "trafik")
    guessers = LOGIN_TRIES_PER_ACCOUNT_ALL // LOGIN_TRIES_PER_ACCOUNT
    for n in range(guessers):
        client = TestClient(desk.app, follow_redirects=False, client=(f"203.0.113.{n}", 50000))
        assert {sign_in(client, "karen@kk.example", "nope nope nope").status_code
                for _ in range(LOGIN_TRIES_PER_ACCOUNT)} == {401}
    late = TestClient(desk.app, follow_redirects=False, client=("198.51.100.1", 50000))
    assert sign_in(late, "karen@kk.example", "nope nope nope").status_code == 429


def test_logout_ends_the_session(desk):
    client = desk.user("karen@kk.example", "trafik")
    token = csrf_of(client.get("/cases").text)
    assert client.post("/logout", data={"csrf": token}).status_code == 303
    assert client.get("/cases").status_code == 303


def test_disabled_user_is_signed_out(desk):
    from intake.web.desk.users import disable_user
    client = desk.user("karen@kk.example", "trafik")
    with Session(desk.engine) as s:
        disable_user(s, "karen@kk.example")
        s.commit()
    assert client.get("/cases").status_code == 303


def test_trusted_proxy_header_signs_in_only_when_configured(tmp_path, model_dir):
    desk = make_desk(tmp_path / "off", model_dir)
    desk.user("karen@kk.example", "trafik")
    headers = {"X-Remote-User": "karen@kk.example"}
    assert TestClient(desk.app, follow_redirects=False).get("/cases", headers=headers).status_code == 303
    desk = make_desk(tmp_path / "on", model_dir, INTAKE_WEB_TRUSTED_USER_HEADER="X-Remote-User")
    desk.user("karen@kk.example", "trafik")
    client = TestClient(desk.app, follow_redirects=False)
    assert client.get("/cases", headers=headers).status_code == 200
    assert client.get("/cases", headers={"X-Remote-User": "nobody@kk.example"}).status_code == 303


# -- the queue and the case page -------------------------------------------------------------
def test_queue_shows_own_office_only_and_triage_sees_all(desk):
    scaffold, sign = desk.deliver(sample(SCAFFOLD)), desk.deliver(sample(SIGN))
    own = desk.user("karen@kk.example", office_of(desk, scaffold)).get("/cases").text
    assert scaffold in own and sign not in own
    triage = desk.user("lis@kk.example", "erhvervsservice").get("/cases").text
    assert scaffold in triage and sign in triage


def test_search_by_reference_and_company_is_a_form_not_an_address(desk):
    scaffold, sign = desk.deliver(sample(SCAFFOLD)), desk.deliver(sample(SIGN))
    client = desk.user("admin@kk.example", "erhvervsservice", "admin")
    token = csrf_of(client.get("/cases").text)
    found = client.post("/cases", data={"csrf": token, "q": sign}).text
    assert sign in found and scaffold not in found
    assert client.post("/cases", data={"q": sign}).status_code == 403, "a search without the token is refused"
    one = client.post("/cases", data={"csrf": token, "q": "a"}).text
    assert "at least two characters" in one and sign not in one and scaffold not in one


def test_the_queue_shows_the_open_parts_unless_all_are_asked_for(desk):
    """Ordered by due date, a desk that has run a year would open on last year's closed parts: the queue shows the
    parts not yet decided, and a status (or "all") shows the others."""
    done, open_ = desk.deliver(sample(SCAFFOLD)), desk.deliver(sample("08-gravetilladelse-istedgade.eml"))
    with Session(desk.engine) as s:
        from intake.cases.lifecycle import get_case
        for part in s.exec(select(CasePart).where(CasePart.case_id == get_case(s, done).id)):
            part.status, part.decision = "closed", "approved"
            s.add(part)
        s.commit()
    client = desk.user("admin@kk.example", "erhvervsservice", "admin")
    default = client.get("/cases").text
    assert open_ in default and done not in default
    assert '<option value="open" selected>' in default
    every = client.get("/cases?status=all").text
    assert open_ in every and done in every and '<option value="all" selected>' in every
    assert done in client.get("/cases?status=closed").text and open_ not in client.get("/cases?status=closed").text
    token = csrf_of(default)
    searched = client.post("/cases", data={"csrf": token, "q": done, "status": "open"}).text
    assert f'href="/cases/{done}"' not in searched and "choose the status &#39;all&#39;" in searched
    assert f'href="/cases/{done}"' in client.post("/cases", data={"csrf": token, "q": done, "status": "all"}).text


def test_an_unknown_status_in_the_queue_is_refused_with_the_reason(desk):
    """The desk read any status but "all" as one to filter by, and left a typo to the query, whose refusal did not
    name "all"; now the desk reads the filter as the command line does and says every value it knows."""
    client = desk.user("admin@kk.example", "erhvervsservice", "admin")
    r = client.get("/cases?status=in-progress")
    assert r.status_code == 400 and "unknown status" in r.text and "in_progress" in r.text and "or all" in r.text
    r = client.post("/cases", data={"csrf": csrf_of(client.get("/cases").text), "status": "bogus"})
    assert r.status_code == 400 and "unknown status" in r.text


def test_a_search_of_fifty_thousand_characters_is_answered(desk):
    """SQLite's LIKE refused the pattern as too complex, and the desk answered 500."""
    client = desk.user("admin@kk.example", "erhvervsservice", "admin")
    token = csrf_of(client.get("/cases").text)
    assert client.post("/cases", data={"csrf": token, "q": "vesterbrogade " * 3600, "status": "all"}).status_code == 200


def test_queue_pages_by_due_date(desk):
    refs = [desk.deliver(sample(name)) for name in (SCAFFOLD, SIGN, "08-gravetilladelse-istedgade.eml")]
    client = desk.user("admin@kk.example", "erhvervsservice", "admin")
    from intake.cases.queue import QueueFilter, queue_page
    from intake.web.desk.auth import Web
    web = Web(desk.ctx, desk.engine, "x")
    with Session(desk.engine) as s:
        first = queue_page(s, web.desk, QueueFilter(), size=2)
        second = queue_page(s, web.desk, QueueFilter(), after=first.next_key, size=2)
    rows = first.rows + second.rows
    assert sorted(r.reference for r in rows) == refs and second.next_key is None and len(first.rows) == 2
    assert [r.due for r in rows] == sorted(r.due for r in rows)
    assert client.get("/cases").status_code == 200


def test_case_page_shows_details_mail_attachment_and_history_and_is_audited(desk):
    ref = desk.deliver(sample(SIGN))
    client = desk.user("bo@kk.example", office_of(desk, ref))
    r = client.get(f"/cases/{ref}")
    assert r.status_code == 200 and "Historik" in r.text and "<script" not in r.text
    link = re.search(rf'href="(/cases/{ref}/mail/\d+/attachments/0)"', r.text)
    assert link, "the attachment is offered for download"
    download = client.get(link.group(1))
    assert download.status_code == 200 and download.headers["content-disposition"].startswith("attachment;")
    with Session(desk.engine) as s:
        assert [(a.actor, a.action) for a in audit_of(s, ref)] == [("bo@kk.example", "view"),
                                                                   ("bo@kk.example", "download")]


def test_case_page_gives_times_on_copenhagens_clock_summer_and_winter(desk):
    """Stored moments are UTC; caseworkers read Copenhagen's wall clock, as the meeting field takes it."""
    from datetime import UTC, datetime

    from models import Case, CaseEvent
    ref = desk.deliver(sample(SIGN))
    with Session(desk.engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        case.received_at = datetime(2026, 7, 1, 10, 5, tzinfo=UTC)    # CEST, UTC+2
        for message in s.exec(select(InboundMessage)).all():
            message.received_at = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)   # CET, UTC+1: the next day
        for event in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)).all():
            event.at = datetime(2026, 3, 29, 0, 59, tzinfo=UTC)    # 01:59 CET, a minute before the change
        s.add(case)
        s.commit()
    page = desk.user("bo@kk.example", office_of(desk, ref)).get(f"/cases/{ref}").text
    assert "2026-07-01 12:05 (København / Copenhagen)" in page
    assert "2026-12-07 00:30, fra / from" in page
    assert "<td>2026-03-29 01:59</td>" in page and " UTC" not in page


def test_a_bounce_or_a_mail_quoting_another_case_is_shown_above_everything(desk):
    from models import Case, CaseEvent
    ref = desk.deliver(sample(SIGN))
    client = desk.user("bo@kk.example", office_of(desk, ref))
    assert 'role="alert"' not in client.get(f"/cases/{ref}").text
    with Session(desk.engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        assert case.id is not None
        s.add(CaseEvent(case_id=case.id, action="bounced",
                        detail="acknowledgement to lars@bakogsoen-bageri.dk not delivered: 5.2.2"))
        s.add(CaseEvent(case_id=case.id, action="note", detail="an ordinary note"))
        s.commit()
    page = client.get(f"/cases/{ref}").text
    alerts = re.findall(r'<p class="notice" role="alert">(.*?)</p>', page)
    assert len(alerts) == 1 and "acknowledgement to lars@bakogsoen-bageri.dk not delivered: 5.2.2" in alerts[0]


def test_business_html_is_sanitised_and_remote_images_are_not_loaded(desk):
    from intake.web.desk.mails import sanitise
    html = sanitise('<p onclick="x()">Hej<img src="https://tracker.example/p.gif"><script>alert(1)</script>'
                    '<a href="javascript:alert(1)">x</a></p>')
    assert "img" not in html and "script" not in html and "onclick" not in html and "javascript" not in html
    assert "Hej" in html


# -- actions ---------------------------------------------------------------------------------
def act(client, ref: str, action: str, **fields):
    token = csrf_of(client.get(f"/cases/{ref}").text)
    return client.post(f"/cases/{ref}/act/{action}", data={"csrf": token, **fields})


def test_request_info_pauses_the_part_and_mails_the_business(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    r = act(client, ref, "request-info", message="Send en tegning af stilladset.")
    assert r.status_code == 303
    with Session(desk.engine) as s:
        assert s.exec(select(CasePart.status)).all() == ["waiting"]
        assert s.exec(select(OutboxMail).where(OutboxMail.purpose == "case_info_request")).first() is not None
        assert "request-info" in [a.action for a in audit_of(s, ref)]


OUTDOOR_SERVING_WITHOUT_PERIOD = """\
From: Mette Holm <mette@cafesol.dk>
To: erhverv@kk.dk
Subject: Udeservering foran caféen
Date: Tue, 01 Dec 2026 10:00:00 +0100
Message-ID: <checklist-desk@cafesol.dk>
Content-Type: text/plain; charset=utf-8

Hej

Vi vil gerne søge om udeservering foran Café Sol ApS, Jagtvej 77, 2200 København N. CVR 12345674.

Venlig hilsen
Mette Holm
""".encode()


def test_case_page_shows_each_parts_checklist_and_the_request_starts_with_what_is_missing(desk):
    ref = desk.deliver(OUTDOOR_SERVING_WITHOUT_PERIOD)
    client = desk.user("karen@kk.example", office_of(desk, ref))
    page = client.get(f"/cases/{ref}").text
    checklist = page[page.index("Tjekliste / Checklist"):page.index("</table>", page.index("Tjekliste"))]
    assert re.search(r"CVR[^<]*</td>\s*<td>✓ modtaget / received</td>\s*<td>body</td>", checklist), checklist
    assert re.search(r"Perioden[^<]*</td>\s*<td>✗ mangler \(krævet", checklist), checklist
    request = re.search(r'<textarea id="msg-\d+" name="message" rows="6" required>([^<]*)</textarea>', page)
    assert request and "Perioden" in request.group(1) and "CVR" not in request.group(1), page[-3000:]
    assert act(client, ref, "request-info", message=request.group(1)).status_code == 303
    with Session(desk.engine) as s:
        sent = s.exec(select(OutboxMail).where(OutboxMail.purpose == "case_info_request")).one()
    body = email.message_from_bytes(sent.raw, policy=email.policy.default).get_body(("plain",))
    assert body is not None and "Perioden" in body.get_content()


def test_action_without_csrf_token_is_refused(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    r = client.post(f"/cases/{ref}/act/start", data={"csrf": "0" * 64})
    assert r.status_code == 403
    with Session(desk.engine) as s:
        assert s.exec(select(CasePart.status)).all() == ["routed"]


def test_rejection_without_a_path_forward_is_refused(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    r = act(client, ref, "reject", reason="Pladsen er for smal.")
    assert r.status_code == 400 and "path forward" in r.text
    with Session(desk.engine) as s:
        assert s.exec(select(CasePart.decision)).all() == [None]


def test_rejection_with_a_catalogue_path_forward_is_sent(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    assert 'name="path_choice"' in client.get(f"/cases/{ref}").text, "the catalogue's paths are offered"
    r = act(client, ref, "reject", reason="Pladsen er for smal.", path_choice="1")
    assert r.status_code == 303
    with Session(desk.engine) as s:
        assert s.exec(select(CasePart.decision)).all() == ["rejected"]


def test_reroute_is_recorded_as_a_correction(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    assert act(client, ref, "reroute", task_type="gravetilladelse").status_code == 303
    with Session(desk.engine) as s:
        assert s.exec(select(Correction.to_task_type)).all() == ["gravetilladelse"]


def test_star_meeting_can_be_proposed_and_cancelled(desk):
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    client = desk.user("lis@kk.example", "erhvervsservice")
    from models import Meeting
    with Session(desk.engine) as s:
        assert s.exec(select(Meeting.status)).all() == ["proposed"], "a case of several offices gets one at once"
    assert act(client, ref, "meeting", op="cancel", reason="Sagen er afklaret").status_code == 303
    assert act(client, ref, "meeting", op="propose").status_code == 303
    with Session(desk.engine) as s:
        assert s.exec(select(Meeting.status)).all() == ["cancelled", "proposed"]


def test_one_offices_caseworker_cannot_cancel_the_star_meeting_of_every_office(desk):
    """The meeting is the business's and every office's: one office's caseworker cancelled it for all."""
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    from models import Meeting
    with Session(desk.engine) as s:
        office = s.exec(select(CasePart.office).order_by(CasePart.position)).first()
    r = act(desk.user("karen@kk.example", office), ref, "meeting", op="cancel", reason="Ikke nødvendigt")
    assert r.status_code == 400 and "contact person and the triage office" in r.text
    with Session(desk.engine) as s:
        assert s.exec(select(Meeting.status)).all() == ["proposed"]
    assert act(desk.user("lis@kk.example", "erhvervsservice"), ref, "meeting", op="cancel").status_code == 303


def test_the_meeting_form_is_shown_only_to_whom_may_use_it(desk):
    """One office's caseworker saw the form to arrange, move and cancel the star meeting, and was refused on submit;
    the contact person, the triage office and admins see it."""
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    form = f'action="/cases/{ref}/act/meeting"'
    with Session(desk.engine) as s:
        office = s.exec(select(CasePart.office).order_by(CasePart.position)).first()
    caseworker = desk.user("karen@kk.example", office).get(f"/cases/{ref}").text
    assert form not in caseworker and "contact person and the triage office" in caseworker
    assert form in desk.user("lis@kk.example", "erhvervsservice").get(f"/cases/{ref}").text
    assert form in desk.user("admin@kk.example", office, "admin").get(f"/cases/{ref}").text
    with Session(desk.engine) as s:
        from intake.cases.lifecycle import get_case
        case = get_case(s, ref)
        case.contact_email = "Ole@kk.example"
        s.add(case)
        s.commit()
    assert form in desk.user("ole@kk.example", office).get(f"/cases/{ref}").text, "the contact person"


def test_the_history_of_a_case_of_several_parts_names_the_part_of_each_event(desk):
    """An event of one part ("started", "approved") was shown without saying which part or office it was about."""
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    with Session(desk.engine) as s:
        mine = s.exec(select(CasePart).order_by(CasePart.position)).first()
    client = desk.user("karen@kk.example", mine.office)
    assert act(client, ref, "start", part=mine.task_type).status_code == 303
    task = desk.ctx.catalogue.task(mine.task_type)
    rows = re.findall(r"<td>karen@kk.example</td><td>([^<]+)</td>\s*<td class=\"part\">(.*?)</td>",
                      client.get(f"/cases/{ref}").text)
    started = "behandling startet / processing started"
    assert rows == [(started, f"{task.name_da} / {task.name_en} ({mine.office})")], rows


def test_after_a_reroute_the_history_still_names_the_task_each_earlier_event_was_about(desk):
    """The wastewater part rerouted to signs: its "sent to the office" at receipt was shown as sent to the signs office,
    on the desk and on the business's track page, as if the case had gone there from the start."""
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    triage = desk.user("lis@kk.example", "erhvervsservice")
    assert act(triage, ref, "reroute", part="spildevand", task_type="skilte").status_code == 303
    catalogue = desk.ctx.catalogue
    was, now = catalogue.task("spildevand"), catalogue.task("skilte")
    page = triage.get(f"/cases/{ref}").text
    rows = re.findall(r"<td>([^<]+)</td>\s*<td class=\"part\">(.*?)</td><td>(.*?)</td>", page)
    sent = [(part, detail) for what, part, detail in rows if what == "sendt til enheden / sent to the office"]
    assert (f"{was.name_da} / {was.name_en} (miljoe)", "spildevand -&gt; miljoe") in sent
    assert not any(part.startswith(now.name_da) for part, _ in sent)
    with Session(desk.engine) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        track = track_view(s, case, catalogue, desk.ctx.calendar, desk.ctx.settings, "da").timeline
    assert any(line.startswith(f"{was.name_da}: sendt til enheden") for line in track), track
    assert not any(line.startswith(f"{now.name_da}: sendt til enheden") for line in track), track


def test_statuses_and_goals_are_shown_in_words_not_as_stored(desk):
    """The desk showed in_progress and working_days; it uses the words the letters and the track page use."""
    ref = desk.deliver(sample(SCAFFOLD))        # vejareal: 10 working days
    client = desk.user("karen@kk.example", office_of(desk, ref))
    assert act(client, ref, "start").status_code == 303
    page = client.get(f"/cases/{ref}").text
    assert "Status: under behandling / in progress" in page and "<dd>under behandling / in progress</dd>" in page
    assert "mål / goal 10 arbejdsdage / 10 working days" in page
    assert "in_progress" not in page and "working_days" not in page
    queue = client.get("/cases").text
    assert "<td>under behandling / in progress</td>" in queue.replace(" *</td>", "</td>")
    assert ">venter på virksomheden / waiting for the business</option>" in queue
    assert act(client, ref, "approve", message="").status_code == 303
    decided = client.get(f"/cases/{ref}").text
    assert "afgjort (godkendt) / decided (approved)" in decided


def test_caseworker_cannot_act_on_another_offices_part(desk):
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    with Session(desk.engine) as s:
        parts = s.exec(select(CasePart)).all()
    mine, theirs = parts[0], parts[1]
    client = desk.user("karen@kk.example", mine.office)
    assert act(client, ref, "start", part=theirs.task_type).status_code == 404
    assert act(client, ref, "start", part=mine.task_type).status_code == 303


def test_a_caseworker_naming_no_part_never_reaches_another_offices(desk):
    """With two parts of one's own office decided and one other office's part the only one open, an approve that
    named no part decided that other office's part (the lifecycle chose among all parts)."""
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    with Session(desk.engine) as s:
        parts = s.exec(select(CasePart).order_by(CasePart.position)).all()
        mine, theirs = parts[0], parts[1]
        s.add(CasePart(case_id=mine.case_id, position=len(parts), task_type="arrangement", office=mine.office,
                       due_date=mine.due_date, expected_week=mine.expected_week, status="decided",
                       decision="approved"))
        for other in parts[2:]:
            other.status, other.decision = "decided", "approved"
            s.add(other)
        mine.status, mine.decision = "decided", "approved"
        s.add(mine)
        theirs_id, office = theirs.id, mine.office
        s.commit()
    client = desk.user("karen@kk.example", office)
    r = act(client, ref, "approve", part="", message="Godkendt")
    assert r.status_code == 400 and "several parts in your office" in r.text
    with Session(desk.engine) as s:
        assert s.get(CasePart, theirs_id).status == "routed"


# -- reports ---------------------------------------------------------------------------------
def test_report_counts_only_the_offices_a_caseworker_sees(desk):
    scaffold, sign = desk.deliver(sample(SCAFFOLD)), desk.deliver(sample(SIGN))
    own = desk.user("karen@kk.example", office_of(desk, scaffold)).get("/reports?by=office")
    assert own.status_code == 200 and office_of(desk, scaffold) in own.text
    assert f">{office_of(desk, sign)}<" not in own.text
    allv = desk.user("admin@kk.example", "erhvervsservice", "admin").get("/reports?by=office")
    assert "data:image/png;base64," in allv.text


# -- office isolation over the route table ---------------------------------------------------
REQUESTS = {
    ("GET", "/login"): None, ("POST", "/login"): None, ("POST", "/logout"): None,
    ("GET", "/cases"): "queue", ("POST", "/cases"): "queue", ("GET", "/reports"): "report",
    ("GET", "/workload"): "report",
    ("GET", "/cases/{reference}"): "case",
    ("GET", "/cases/{reference}/mail/{inbound_id}/attachments/{index}"): "case",
    ("POST", "/cases/{reference}/act/{action}"): "case",
}


def desk_routes(desk) -> set[tuple[str, str]]:
    from intake.web.desk.router import make_router
    router = make_router(desk.ctx, "x", engine=desk.engine)
    return {(m, r.path) for r in router.routes if isinstance(r, APIRoute) for m in (r.methods or ())}


def test_every_desk_route_has_an_isolation_check_below(desk):
    """A new route fails here until it is added to REQUESTS (and so to the isolation test)."""
    assert desk_routes(desk) == set(REQUESTS)


@pytest.mark.parametrize(("method", "path"), [k for k, v in REQUESTS.items() if v == "case"])
def test_another_offices_case_is_a_404_on_every_case_route(desk, method, path):
    ref = desk.deliver(sample(SIGN))
    with Session(desk.engine) as s:
        inbound = s.exec(select(InboundMessage.id)).first()
    stranger = desk.user("karen@kk.example", other_office(desk, office_of(desk, ref)))
    token = csrf_of(stranger.get("/cases").text)
    url = path.format(reference=ref, inbound_id=inbound, index=0, action="start")
    r = stranger.request(method, url, data={"csrf": token} if method == "POST" else None)
    assert r.status_code == 404
    owner = desk.user("bo@kk.example", office_of(desk, ref))
    token = csrf_of(owner.get("/cases").text)
    assert owner.request(method, url, data={"csrf": token} if method == "POST" else None).status_code in (200, 303)


@pytest.mark.parametrize(("method", "path"), [k for k, v in REQUESTS.items() if v in ("queue", "report")])
def test_lists_never_show_another_offices_case(desk, method, path):
    ref = desk.deliver(sample(SIGN))
    stranger = desk.user("karen@kk.example", other_office(desk, office_of(desk, ref)))
    token = csrf_of(stranger.get("/cases").text)
    r = stranger.request(method, path + ("?by=office" if "reports" in path else ""),
                         data={"csrf": token, "q": ""} if method == "POST" else None)
    assert r.status_code == 200 and ref not in r.text and f">{office_of(desk, ref)}<" not in r.text


# -- from the audit of the desk (session 36) ------------------------------------------------------
def test_a_refused_action_keeps_what_was_typed_and_speaks_without_command_line_options(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    r = act(client, ref, "reject", reason="Pladsen er for smal til stilladset.")
    assert r.status_code == 400 and "path forward" in r.text
    assert "Pladsen er for smal til stilladset.</textarea>" in r.text and "--path-forward" not in r.text


def test_a_case_rerouted_out_of_the_office_ends_on_the_queue_with_what_was_done(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    r = act(client, ref, "reroute", task_type="skilte")        # to byggeri: no longer this caseworker's
    assert r.status_code == 200 and "uden for din enheds rækkevidde" in r.text and "skilte" in r.text
    owner = desk.user("bo@kk.example", "byggeri")
    page = owner.get(f"/cases/{ref}").text
    assert '<option value="">vælg / choose</option>' in page      # nothing chosen for the caseworker by default


def test_a_second_star_meeting_is_refused_while_one_is_proposed_and_the_page_shows_it(desk):
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    client = desk.user("lis@kk.example", "erhvervsservice")
    from models import Meeting, OutboxMail
    with Session(desk.engine) as s:
        sent = len(s.exec(select(OutboxMail).where(OutboxMail.purpose == "invitation")).all())
    page = client.get(f"/cases/{ref}").text
    assert "(København / Copenhagen): proposed" in page
    r = act(client, ref, "meeting", op="propose")
    assert r.status_code == 400 and "already has a star meeting proposed" in r.text
    with Session(desk.engine) as s:
        assert s.exec(select(Meeting.status)).all() == ["proposed"]
        assert len(s.exec(select(OutboxMail).where(OutboxMail.purpose == "invitation")).all()) == sent


def test_the_desk_adds_a_part_and_closes_a_decided_case(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("lis@kk.example", "erhvervsservice")
    assert act(client, ref, "add-part", task_type="skilte").status_code == 303
    with Session(desk.engine) as s:
        assert sorted(s.exec(select(CasePart.task_type)).all()) == ["skilte", "vejareal"]
    for part in ("vejareal", "skilte"):
        assert act(client, ref, "approve", part=part).status_code == 303
    assert act(client, ref, "close").status_code == 303
    with Session(desk.engine) as s:
        from intake.cases.lifecycle import get_case
        assert get_case(s, ref).status == "closed"


def test_refusals_are_pages_with_a_way_back_and_desk_pages_are_not_cached(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    expired = client.post(f"/cases/{ref}/act/start", data={"csrf": "0" * 64})
    assert expired.status_code == 403 and "Formularen er udløbet" in expired.text and 'href="/cases"' in expired.text
    missing = client.get("/cases/KBH-2099-000001")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    bad = client.get("/reports?start=junk")
    assert bad.status_code == 422 and "2026-12-31" in bad.text
    assert client.get("/cases").headers["cache-control"] == "no-store"
    assert client.get(f"/cases/{ref}").headers["cache-control"] == "no-store"
    assert TestClient(desk.app).get("/health").json()       # the probes still answer JSON


def test_signing_in_again_and_again_is_not_throttled_only_failures_are(desk):
    desk.user("karen@kk.example", "trafik")
    client = TestClient(desk.app, follow_redirects=False)
    codes = [sign_in(client, "karen@kk.example", PASSWORD).status_code for _ in range(12)]
    assert codes == [303] * 12


def test_assign_offers_and_takes_only_desk_users_who_can_see_the_part(desk):
    ref = desk.deliver(sample(SCAFFOLD))
    office = office_of(desk, ref)
    client = desk.user("karen@kk.example", office)
    desk.user("ole@kk.example", office)
    desk.user("lis@kk.example", "erhvervsservice")          # the triage office sees every part
    other = next(o for o in desk.ctx.catalogue.offices if o not in (office, "erhvervsservice"))
    desk.user("bo@kk.example", other)
    select_ = re.search(r'<select id="to-\d+" name="to" required>(.*?)</select>', client.get(f"/cases/{ref}").text)
    assert select_, "assign is a list of users"
    offered = re.findall(r'<option value="([^"]+)"', select_.group(1))
    assert set(offered) == {"karen@kk.example", "ole@kk.example", "lis@kk.example"}
    assert 'value="karen@kk.example" selected' in select_.group(1), "the signed-in user is chosen at first"
    for stranger in ("bo@kk.example", "someone@elsewhere.example", "Karen"):
        r = act(client, ref, "assign", to=stranger)
        assert r.status_code == 400 and "no desk user who can see this part" in r.text, stranger
    assert act(client, ref, "assign", to="Ole@KK.example").status_code == 303
    with Session(desk.engine) as s:
        assert s.exec(select(CasePart.assigned_to)).all() == ["ole@kk.example"]


# -- internal notes ---------------------------------------------------------------------------
def test_a_note_from_the_desk_is_in_the_history_for_colleagues_and_not_on_the_track_page(desk):
    """A caseworker had nowhere to write what a phone call settled; the note is the case's, never the business's."""
    ref = desk.deliver(sample(SCAFFOLD))
    client = desk.user("karen@kk.example", office_of(desk, ref))
    r = act(client, ref, "note", text="Ringede til firmaet: stilladset står til 1. maj.")
    assert r.status_code == 303
    colleague = desk.user("bo@kk.example", office_of(desk, ref))
    page = colleague.get(f"/cases/{ref}").text
    assert "<td>karen@kk.example</td><td>intern note / internal note</td>" in page
    assert "stilladset står til 1. maj." in page
    with Session(desk.engine) as s:
        assert [m.purpose for m in s.exec(select(OutboxMail)) if m.purpose.startswith("case_")] == []
        assert "note" in [a.action for a in audit_of(s, ref)]
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        assert not any("stillads" in line for line in timeline(s, case, "da") + timeline(s, case, "en"))
    empty = act(client, ref, "note", text="   ")
    assert empty.status_code == 400


def test_a_note_on_another_offices_part_is_refused(desk):
    ref = desk.deliver(sample("05-ny-restaurant-p-n-rrebrogade.eml"))
    with Session(desk.engine) as s:
        parts = s.exec(select(CasePart).order_by(CasePart.position)).all()
    mine, theirs = parts[0], next(p for p in parts if p.office != parts[0].office)
    client = desk.user("karen@kk.example", mine.office)
    assert act(client, ref, "note", text="Om en andens del.", part=theirs.task_type).status_code == 404
    assert act(client, ref, "note", text="Om vores del.", part=mine.task_type).status_code == 303
