"""``intake case ...`` through typer's CliRunner, over a real SQLite database and the local outbox Maildir."""
from __future__ import annotations

import email
import getpass
import json
from datetime import datetime
from email import policy

import pytest
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from intake.cases import unread
from intake.cli.case import app
from intake.settings import load_settings
from models import Case, CaseEvent, CasePart, Correction
from models.db import open_database
from routing.catalogue import load_catalogue
from routing.goals import LOCAL_TZ
from tests.intake.casefactory import CaseView, add_part, view_of

CATALOGUE = load_catalogue()
RUN = CliRunner()


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTAKE_CONFIG", raising=False)
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    monkeypatch.delenv("INTAKE_SMTP_HOST", raising=False)
    return load_settings()


def add_case(settings, n, task="vejareal", received=datetime(2026, 11, 30, 9, tzinfo=LOCAL_TZ), **fields) -> str:
    part_fields = {k: fields.pop(k) for k in ("assigned_to",) if k in fields}
    case = Case(reference=f"KBH-2026-{n:06d}", received_at=received, subject="Ansøgning om stillads",
                sender="peter@jensen.dk", sender_domain="jensen.dk", task_type=task, task_types=json.dumps([task]),
                office=CATALOGUE.task(task).office, applicant_email="peter@jensen.dk",
                reply_email="peter@jensen.dk", **fields)
    with Session(open_database(settings.database_url)) as s:
        s.add(case)
        s.flush()
        add_part(s, case, task, status=case.status, **part_fields)
        s.commit()
        return case.reference


def case_of(settings, ref) -> CaseView:
    """The case with its (only) part's clock and goal."""
    with Session(open_database(settings.database_url)) as s:
        return view_of(s, ref)


def history(settings, ref) -> list[tuple[str, str]]:
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        return [(e.actor, e.action) for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                                       .order_by(col(CaseEvent.id)))]


def test_help_lists_every_case_command():
    out = RUN.invoke(app, ["--help"]).output
    for command in ("list", "show", "start", "request-info", "approve", "reject", "reroute", "assign", "close",
                    "forward", "mark-complex", "reopen", "reply"):
        assert command in out


def test_start_prints_what_it_did_and_sends_the_mail(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["start", ref, "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert f"case {ref} is in progress" in result.output and "peter@jensen.dk" in result.output
    assert case_of(settings, ref).status == "in_progress"
    assert history(settings, ref) == [("karen", "started")]
    assert len(list((settings.outbox_maildir / "new").iterdir())) == 1


def test_add_part_tells_the_business_and_sends_the_part_to_its_office(settings):
    """The new part's office gets the case at once, and the business hears where the part is handled, with its
    contact person introduced when the part made the case one for several offices."""
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["add-part", ref, "--task-type", "skilte"])
    assert result.exit_code == 0, result.output
    assert "mail to peter@jensen.dk" in result.output and "sent" in result.output
    mails = [email.message_from_bytes(f.read_bytes(), policy=policy.default)
             for f in (settings.outbox_maildir / "new").iterdir()]
    letter = next(m for m in mails if m["Subject"] == f"[{ref}] Din sag har fået en ny del")
    text = letter.get_content()
    assert "Din ansøgning handler også om" in text and CATALOGUE.task("skilte").name_da in text
    person = CATALOGUE.contact_persons[0]
    assert "contact person" in result.output and person.email in str(letter["Cc"]) and person.name in text


def test_actor_defaults_to_the_os_user(settings):
    ref = add_case(settings, 1)
    RUN.invoke(app, ["assign", ref, "--to", "Ole"])
    assert history(settings, ref) == [(getpass.getuser(), "assigned")]


def test_reject_needs_a_path_forward_option(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["reject", ref, "--reason", "For smalt fortov."])
    assert result.exit_code == 2 and case_of(settings, ref).status == "routed"


def test_reject_with_an_empty_path_forward_is_refused_with_a_message(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["reject", ref, "--reason", "For smalt fortov.", "--path-forward", " "])
    assert result.exit_code == 2 and "path forward" in result.output
    assert case_of(settings, ref).status == "routed"


def test_reject_with_a_catalogue_path_forward(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["reject", ref, "--reason", "For smalt fortov.", "--path-forward", "2"])
    assert result.exit_code == 0, result.output
    assert (case_of(settings, ref).status, case_of(settings, ref).decision) == ("decided", "rejected")
    sent = email.message_from_bytes(next((settings.outbox_maildir / "new").iterdir()).read_bytes(),
                                    policy=policy.default)
    assert sent["Subject"] == f"[{ref}] Afgørelse: afslag"
    assert CATALOGUE.task("vejareal").paths_forward_da[1] in sent.get_content()


def test_invalid_transition_is_explained(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["close", ref])
    assert result.exit_code == 1 and "decide it first" in result.output


def test_unknown_reference_is_explained(settings):
    result = RUN.invoke(app, ["show", "KBH-2026-424242"])
    assert result.exit_code == 1 and "no case" in result.output


def test_request_info_then_start_then_approve_then_close(settings):
    ref = add_case(settings, 1)
    steps = [["request-info", ref, "--message", "Send en tegning."], ["start", ref], ["approve", ref],
             ["close", ref]]
    for step in steps:
        result = RUN.invoke(app, [*step, "--actor", "karen"])
        assert result.exit_code == 0, result.output
    assert [a for _, a in history(settings, ref)] == ["waiting", "resumed", "approved", "closed"]


@pytest.mark.parametrize(("args", "listed"), [
    (["reroute", "{ref}", "--task-type", "bogus"], "skilte"),
    (["add-part", "{ref}", "--task-type", "bogus"], "udeservering"),
    (["forward", "{ref}", "--topic", "nosuch"], "known:"),
    (["start", "{ref}", "--part", "bogus"], "its parts: vejareal"),
])
def test_an_unknown_value_of_a_case_action_is_a_usage_error(settings, args, listed):
    """As an unknown office is: one line naming what is known, exit 2 (the case exists; the value does not)."""
    ref = add_case(settings, 1)
    result = RUN.invoke(app, [a.format(ref=ref) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and listed in result.stderr and "Traceback" not in result.output


def test_add_part_then_act_on_each_part(settings):
    ref = add_case(settings, 1)
    added = RUN.invoke(app, ["add-part", ref, "--task-type", "skilte"])
    assert added.exit_code == 0 and "part skilte added for byggeri" in added.output, added.output
    ambiguous = RUN.invoke(app, ["start", ref])
    assert ambiguous.exit_code == 2 and "several parts" in ambiguous.output   # a usage error: name the part
    started = RUN.invoke(app, ["start", ref, "--part", "skilte"])
    assert started.exit_code == 0 and f"{ref} part skilte is in progress" in started.output, started.output
    listing = RUN.invoke(app, ["list", "--office", "byggeri"])
    assert ref in listing.output and "in_progress" in listing.output and "vejareal" not in listing.output


def test_a_desk_users_actor_naming_no_part_acts_on_their_offices_part_only(settings):
    """The command line chose among every part: a trafik caseworker's approve naming no part, once trafik's part
    was decided, decided byggeri's. A desk user named by --actor acts on their office's parts, as on the desk."""
    from intake.web.desk.users import add_user

    ref = add_case(settings, 1)
    assert RUN.invoke(app, ["add-part", ref, "--task-type", "skilte"]).exit_code == 0
    with Session(open_database(settings.database_url)) as s:
        add_user(s, "karen@kk.example", "trafik", "caseworker", "a long password!", set(CATALOGUE.offices))
        s.commit()
    assert RUN.invoke(app, ["approve", ref, "--part", "vejareal"]).exit_code == 0
    mine = RUN.invoke(app, ["approve", ref, "--actor", "karen@kk.example"])
    assert mine.exit_code == 1 and "is decided" in mine.output, mine.output
    theirs = RUN.invoke(app, ["approve", ref, "--part", "skilte", "--actor", "karen@kk.example"])
    assert theirs.exit_code == 2 and "another office's" in theirs.output, theirs.output
    assert case_of(settings, ref).status != "decided"
    anyone = RUN.invoke(app, ["approve", ref, "--actor", "ops"])   # not a desk user: every office, as before
    assert anyone.exit_code == 0 and "skilte" in anyone.output, anyone.output


def test_reroute_prints_the_correction(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["reroute", ref, "--task-type", "gravetilladelse"])
    assert result.exit_code == 0, result.output
    assert "vejareal (trafik) -> gravetilladelse (trafik)" in result.output and "correction" in result.output
    with Session(open_database(settings.database_url)) as s:
        assert len(s.exec(select(Correction)).all()) == 1


def test_forward_and_mark_complex(settings):
    one, two = add_case(settings, 1, task="generel"), add_case(settings, 2)
    assert RUN.invoke(app, ["forward", one, "--topic", "alkoholbevilling"]).exit_code == 0
    assert case_of(settings, one).decision == "forwarded"
    result = RUN.invoke(app, ["mark-complex", two])
    assert result.exit_code == 0 and CATALOGUE.contact_persons[0].name in result.output


def test_list_sorts_by_due_date_and_filters(settings):
    late = add_case(settings, 1, task="udeservering")
    early = add_case(settings, 2, task="generel", received=datetime(2026, 1, 5, 9, tzinfo=LOCAL_TZ))
    out = RUN.invoke(app, ["list"]).output
    assert out.index(early) < out.index(late) and "overdue" in out and "2 case(s)" in out
    out = RUN.invoke(app, ["list", "--overdue"]).output
    assert early in out and late not in out
    out = RUN.invoke(app, ["list", "--office", "trafik"]).output
    assert "0 case(s)" in out
    assert RUN.invoke(app, ["list", "--status", "bogus"]).exit_code == 2


def test_list_shows_the_open_parts_unless_a_status_or_all_is_asked(settings):
    decided, waiting = add_case(settings, 1, status="decided"), add_case(settings, 2, status="waiting")
    out = RUN.invoke(app, ["list"]).output
    assert waiting in out and decided not in out and "1 case(s)" in out
    out = RUN.invoke(app, ["list", "--status", "all"]).output
    assert waiting in out and decided in out
    out = RUN.invoke(app, ["list", "--status", "decided"]).output
    assert decided in out and waiting not in out


def test_list_marks_and_filters_the_parts_with_new_mail_from_the_business(settings):
    """The desk's "new from the business" on the command line: a + after the status, and --unread alone."""
    quiet, written = add_case(settings, 1), add_case(settings, 2)
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == written)).one()
        unread.mark(s, s.exec(select(CasePart).where(CasePart.case_id == case.id)).all(), datetime.now(LOCAL_TZ))
        s.commit()
    out = RUN.invoke(app, ["list"]).output
    assert "+" not in out.split(quiet)[1].splitlines()[0] and "+" in out.split(written)[1].splitlines()[0]
    out = RUN.invoke(app, ["list", "--unread"]).output
    assert written in out and quiet not in out and "1 case(s)" in out


def test_show_prints_details_documents_paths_forward_and_history(settings):
    docs = json.dumps([{"filename": "tegning.pdf", "type": "pdf", "status": "read", "reason": None},
                       {"filename": "scan.docx", "type": "docx", "status": "unreadable", "reason": "encrypted"}])
    ref = add_case(settings, 1, attachments_json=docs, company_name="Jensen ApS")
    RUN.invoke(app, ["assign", ref, "--to", "Ole", "--actor", "karen"])
    out = RUN.invoke(app, ["show", ref]).output
    assert "Jensen ApS" in out and "tegning.pdf (pdf, read)" in out and "scan.docx (docx, unreadable: encrypted)" in out
    assert CATALOGUE.task("vejareal").paths_forward_da[0][:40] in out.replace("\n", " ")
    assert "assigned" in out and "karen" in out
    # received 09:00 in Copenhagen (08:00 UTC): every moment on Copenhagen's clock, as on the desk
    assert "received: 2026-11-30 09:00 (Copenhagen)" in out and " UTC" not in out


def test_show_prints_the_history_in_words_not_event_names(settings):
    """The history reads as on the desk: "intern note / internal note", not caseworker_note."""
    ref = add_case(settings, 1)
    RUN.invoke(app, ["start", ref, "--actor", "karen"])
    RUN.invoke(app, ["note", ref, "Ejeren ringede.", "--actor", "karen"])
    history = RUN.invoke(app, ["show", ref]).output.partition("history:")[2]
    assert "behandling startet / processing started" in history and "intern note / internal note" in history
    assert "caseworker_note" not in history and "karen        started" not in history


def test_list_pages_by_due_date_and_all_joins_the_pages(settings):
    made = [add_case(settings, i, received=datetime(2026, 11, i, 9, tzinfo=LOCAL_TZ)) for i in range(2, 7)]
    first = RUN.invoke(app, ["list", "--limit", "2"]).output
    second = RUN.invoke(app, ["list", "--limit", "2", "--page", "2"]).output
    last = RUN.invoke(app, ["list", "--limit", "2", "--page", "3"]).output
    assert [ref for ref in made if ref in first] == made[:2] and "More: --page 2" in first
    assert [ref for ref in made if ref in second] == made[2:4] and "More: --page 3" in second
    assert [ref for ref in made if ref in last] == made[4:] and "More:" not in last
    everything = RUN.invoke(app, ["list", "--limit", "2", "--all"]).output
    assert [ref for ref in made if ref in everything] == made and "5 case(s)" in everything


def test_add_contact_and_remove_contact(settings):
    from models import CaseContact

    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["add-contact", ref, "Mette <Mette@Jensen.dk>", "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert "mette@jensen.dk may now write about the case" in result.output
    with Session(open_database(settings.database_url)) as s:
        assert [c.email for c in s.exec(select(CaseContact))] == ["mette@jensen.dk"]
    assert RUN.invoke(app, ["add-contact", ref, "not an address"]).exit_code == 1
    result = RUN.invoke(app, ["remove-contact", ref, "mette@jensen.dk", "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert history(settings, ref) == [("karen", "contact_added"), ("karen", "contact_removed")]
    assert RUN.invoke(app, ["remove-contact", ref, "mette@jensen.dk"]).exit_code == 1


def test_list_as_a_command_loads_neither_the_orm_nor_the_pipeline_nor_alembic_nor_the_model(settings, tmp_path):
    """``intake case list`` answers within a second: its start-up is imports, so it imports only what it reads.

    (A database at the newest migration is read straight through its driver, ``models.direct``: no
    SQLAlchemy, SQLModel or tables; the pipeline, the letters, scikit-learn and the password hasher
    belong to other commands.)"""
    import subprocess
    import sys

    reference = add_case(settings, 7)
    probe = ("import runpy, sys; sys.argv = ['intake', 'case', 'list']\n"
             "try:\n    runpy.run_module('intake', run_name='__main__')\n"
             "except SystemExit as done:\n    assert not done.code, done.code\n"
             "heavy = ['sqlalchemy', 'sqlmodel', 'models.tables', 'alembic', 'intake.pipeline',"
             " 'intake.cases.lifecycle', 'intake.letters', 'sklearn', 'argon2', 'intake.details']\n"
             "print('loaded:', [m for m in heavy if m in sys.modules])\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "INTAKE_DATA_DIR": str(tmp_path), "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert reference in out.stdout
    assert "loaded: []" in out.stdout, out.stdout[-500:]


def test_list_on_a_database_not_yet_migrated_takes_the_orm_way_and_migrates_it(settings):
    """A database ``models.direct`` does not read (here: none yet) is opened the ordinary way: created and migrated."""
    from models.db import current_revision, make_engine
    from models.revision import HEAD_REVISION

    result = RUN.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert "0 case(s)" in result.output
    assert current_revision(make_engine(settings.database_url)) == HEAD_REVISION


def test_list_search_finds_a_case_by_company(settings):
    ref = add_case(settings, 3, company_name="Bageriet Solsikken ApS")
    add_case(settings, 4, company_name="Jensen Stilladser ApS")
    out = RUN.invoke(app, ["list", "--search", "solsikken"]).output
    assert ref in out and "KBH-2026-000004" not in out


def test_list_read_directly_answers_a_database_failure_in_one_line(settings):
    import sqlite3

    add_case(settings, 5)
    with sqlite3.connect(settings.database_url.removeprefix("sqlite:///")) as conn:
        conn.execute("DROP TABLE casepart")  # the schema revision is still the newest: read directly, and fail
    result = RUN.invoke(app, ["list"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == "error: the database failed: no such table: casepart"


def test_a_note_goes_in_the_history_that_show_prints_and_mails_nobody(settings):
    ref = add_case(settings, 1)
    result = RUN.invoke(app, ["note", ref, "Ejeren ringede: stilladset står til 1. maj.", "--actor", "karen"])
    assert result.exit_code == 0 and f"note added to {ref}" in result.output
    assert history(settings, ref)[-1] == ("karen", "caseworker_note")
    assert "Ejeren ringede: stilladset står til 1. maj." in RUN.invoke(app, ["show", ref]).output
    assert not (settings.outbox_maildir / "new").exists() or not list((settings.outbox_maildir / "new").iterdir())
    empty = RUN.invoke(app, ["note", ref, "  "])
    assert empty.exit_code != 0 and "note" in empty.output


# -- reopening a decision ---------------------------------------------------------------------
def test_reopen_takes_a_decided_part_up_again_and_sends_the_letter(settings):
    ref = add_case(settings, 1, status="in_progress")
    assert RUN.invoke(app, ["approve", ref]).exit_code == 0
    result = RUN.invoke(app, ["reopen", ref, "--reason", "Godkendt på et forkert grundlag.", "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert f"case {ref} reopened (was approved)" in result.output and "peter@jensen.dk" in result.output
    assert case_of(settings, ref).status == "in_progress" and history(settings, ref)[-1] == ("karen", "reopened")
    subjects = {email.message_from_bytes(p.read_bytes(), policy=policy.default)["Subject"]
                for p in (settings.outbox_maildir / "new").iterdir()}
    assert f"[{ref}] Din sag er genoptaget" in subjects


def test_reopen_without_a_reason_is_a_usage_error(settings):
    ref = add_case(settings, 1, status="decided", decision="approved")
    assert RUN.invoke(app, ["reopen", ref]).exit_code == 2
    empty = RUN.invoke(app, ["reopen", ref, "--reason", "  "])
    assert empty.exit_code == 2 and "reason" in empty.output and case_of(settings, ref).status == "decided"


def test_reopen_of_a_part_not_decided_is_explained(settings):
    ref = add_case(settings, 1, status="in_progress")
    result = RUN.invoke(app, ["reopen", ref, "--reason", "Fejl."])
    assert result.exit_code == 1 and "only a decided part can be reopened" in result.output


def test_a_desk_users_reopen_reaches_only_their_offices_part(settings):
    from intake.web.desk.users import add_user

    ref = add_case(settings, 1)
    assert RUN.invoke(app, ["add-part", ref, "--task-type", "skilte"]).exit_code == 0
    for part in ("vejareal", "skilte"):
        assert RUN.invoke(app, ["approve", ref, "--part", part]).exit_code == 0
    with Session(open_database(settings.database_url)) as s:
        add_user(s, "karen@kk.example", "trafik", "caseworker", "a long password!", set(CATALOGUE.offices))
        s.commit()
    theirs = RUN.invoke(app, ["reopen", ref, "--part", "skilte", "--reason", "Fejl.", "--actor", "karen@kk.example"])
    assert theirs.exit_code == 2 and "another office's" in theirs.output, theirs.output
    mine = RUN.invoke(app, ["reopen", ref, "--reason", "Fejl.", "--actor", "karen@kk.example"])
    assert mine.exit_code == 0 and "part vejareal reopened" in mine.output, mine.output


# -- writing to the business ------------------------------------------------------------------
def outbox_mails(settings) -> list:
    new = settings.outbox_maildir / "new"
    return [email.message_from_bytes(p.read_bytes(), policy=policy.default)
            for p in (new.iterdir() if new.exists() else ())]


def test_reply_mails_the_business_and_changes_nothing_else(settings):
    ref = add_case(settings, 1, status="waiting")
    before = case_of(settings, ref)
    was = (before.status, before.due_date, before.paused_since, before.expected_week)
    result = RUN.invoke(app, ["reply", ref, "--message", "Tegningen kan sendes som PDF.", "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert f"reply sent on case {ref}; its status and due date are unchanged" in result.output
    assert "mail to peter@jensen.dk sent" in result.output
    after = case_of(settings, ref)
    assert (after.status, after.due_date, after.paused_since, after.expected_week) == was
    assert history(settings, ref) == [("karen", "caseworker_reply")]
    (msg,) = outbox_mails(settings)
    assert msg["Subject"] == f"[{ref}] Besked fra Center for Trafik (vejmyndighed)"
    assert "Tegningen kan sendes som PDF." in msg.get_content()
    assert "Tegningen kan sendes som PDF." in RUN.invoke(app, ["show", ref]).output


def test_reply_on_a_closed_case_is_sent(settings):
    ref = add_case(settings, 1, status="closed", decision="approved")
    result = RUN.invoke(app, ["reply", ref, "-m", "Afgørelsen gælder også for 2027.", "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert case_of(settings, ref).status == "closed" and len(outbox_mails(settings)) == 1


def test_reply_without_a_message_is_a_usage_error(settings):
    ref = add_case(settings, 1)
    assert RUN.invoke(app, ["reply", ref]).exit_code == 2
    empty = RUN.invoke(app, ["reply", ref, "--message", " \n "])
    assert empty.exit_code == 2 and "message" in empty.output
    assert history(settings, ref) == [] and outbox_mails(settings) == []


def test_reply_on_a_purged_case_is_refused(settings):
    ref = add_case(settings, 1, status="closed", purged_at=datetime(2026, 12, 1, tzinfo=LOCAL_TZ))
    result = RUN.invoke(app, ["reply", ref, "--message", "Hej."])
    assert result.exit_code == 1 and "purged: cannot reply" in result.output
    assert outbox_mails(settings) == []


def test_a_desk_users_reply_reaches_only_their_offices_part(settings):
    from intake.web.desk.users import add_user

    ref = add_case(settings, 1)
    assert RUN.invoke(app, ["add-part", ref, "--task-type", "skilte"]).exit_code == 0
    with Session(open_database(settings.database_url)) as s:
        add_user(s, "karen@kk.example", "trafik", "caseworker", "a long password!", set(CATALOGUE.offices))
        s.commit()
    theirs = RUN.invoke(app, ["reply", ref, "--part", "skilte", "-m", "Hej.", "--actor", "karen@kk.example"])
    assert theirs.exit_code == 2 and "another office's" in theirs.output, theirs.output
    mine = RUN.invoke(app, ["reply", ref, "-m", "Hej.", "--actor", "karen@kk.example"])
    assert mine.exit_code == 0 and f"reply sent on case {ref} part vejareal" in mine.output, mine.output


def test_forward_to_an_address_sends_the_application_on_and_tells_the_business(settings):
    """`forward REF --topic ID --to ADDRESS`: the original goes to the authority attached, the business hears so."""
    from intake.inbound import keep_raw
    from models import InboundMessage

    ref = add_case(settings, 1, task="generel")
    raw = (b"From: peter@jensen.dk\nSubject: Momsregistrering\nMessage-ID: <m1@jensen.dk>\n\n"
           b"Hvordan bliver vi momsregistreret?\n")
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        rec = InboundMessage(source="test", uid="1", sha256="x", received_at=case.received_at, outcome="case",
                             status="done", case_id=case.id)
        s.add(rec)
        s.flush()
        keep_raw(s, rec, raw)
        s.commit()
    result = RUN.invoke(app, ["forward", ref, "--topic", "skat_moms", "--to", "journal@skat.example",
                              "--actor", "karen"])
    assert result.exit_code == 0, result.output
    assert "forwarded to the Danish Tax Agency" in result.output and "journal@skat.example" in result.output
    sent = [email.message_from_bytes(f.read_bytes(), policy=policy.default)
            for f in (settings.outbox_maildir / "new").iterdir()]
    (to_authority,) = [m for m in sent if str(m["To"]) == "journal@skat.example"]
    (attached,) = list(to_authority.iter_attachments())
    assert attached.get_content_type() == "message/rfc822"
    assert attached.get_content()["Message-ID"] == "<m1@jensen.dk>"
    (letter,) = [m for m in sent if str(m["To"]) == "peter@jensen.dk"]
    assert "Vi har derfor sendt din henvendelse videre dertil" in letter.get_content()


def test_forward_to_a_bad_address_is_refused(settings):
    ref = add_case(settings, 1, task="generel")
    result = RUN.invoke(app, ["forward", ref, "--topic", "skat_moms", "--to", "skat.dk", "--actor", "karen"])
    assert result.exit_code != 0 and "not an email address" in result.output
    assert case_of(settings, ref).status == "routed"


# -- the unread mark: acting on a part from the command line is looking at it, as on the desk --------------------
def desk_user(settings, email: str, office: str) -> str:
    from intake.web.desk.users import add_user

    with Session(open_database(settings.database_url)) as s:
        add_user(s, email, office, "caseworker", "a long password!", set(CATALOGUE.offices))
        s.commit()
    return email


def written_to(settings, ref) -> None:
    """The business wrote about every part of ``ref`` (what a follow-up does: ``intake.followups``)."""
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        unread.mark(s, s.exec(select(CasePart).where(CasePart.case_id == case.id)).all(), datetime.now(LOCAL_TZ))
        s.commit()


def unread_parts(settings, ref) -> set[str]:
    """The task types of the parts of ``ref`` with an unread mark."""
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == ref)).one()
        return {p.task_type for p in s.exec(select(CasePart).where(CasePart.case_id == case.id))
                if p.unread_since is not None}


@pytest.mark.parametrize("command", [
    ["start"], ["request-info", "-m", "Send tegningen."], ["approve"],
    ["reject", "--reason", "For smalt fortov.", "--path-forward", "1"], ["forward", "--topic", "foedevarer"],
    ["assign", "--to", "karen@kk.example"], ["reply", "-m", "Hej."],
    ["note", "Ringede til ejeren.", "--part", "vejareal"],
    ["reroute", "--task-type", "gravetilladelse"],   # within the office: the office has read it
], ids=lambda command: command[0])
def test_a_desk_users_action_on_their_offices_part_clears_its_unread_mark(settings, command):
    """As on the desk (``unread.acted_on``): the business's mail has been read by the office that acted on it."""
    ref = add_case(settings, 1)
    karen = desk_user(settings, "karen@kk.example", "trafik")
    written_to(settings, ref)
    result = RUN.invoke(app, [command[0], ref, *command[1:], "--actor", karen])
    assert result.exit_code == 0, result.output
    assert unread_parts(settings, ref) == set()


def test_a_desk_users_action_on_one_part_leaves_the_mark_of_the_other(settings):
    ref = add_case(settings, 1)
    assert RUN.invoke(app, ["add-part", ref, "--task-type", "gravetilladelse"]).exit_code == 0   # trafik's too
    karen = desk_user(settings, "karen@kk.example", "trafik")
    written_to(settings, ref)
    assert RUN.invoke(app, ["start", ref, "--part", "gravetilladelse", "--actor", karen]).exit_code == 0
    assert unread_parts(settings, ref) == {"vejareal"}


def test_an_action_by_whom_is_not_of_the_parts_office_leaves_its_mark(settings):
    """The triage office, or the operator at the shell (no desk user), acting leaves the mark for the part's office;
    so does a reroute to another office: the part is new mail there (``unread.handed_over``)."""
    ref = add_case(settings, 1)
    lis = desk_user(settings, "lis@kk.example", CATALOGUE.triage_office)
    karen = desk_user(settings, "karen@kk.example", "trafik")
    written_to(settings, ref)
    assert RUN.invoke(app, ["note", ref, "Ringet op.", "--part", "vejareal", "--actor", lis]).exit_code == 0
    assert RUN.invoke(app, ["start", ref, "--actor", "operator"]).exit_code == 0
    assert unread_parts(settings, ref) == {"vejareal"}
    assert RUN.invoke(app, ["reroute", ref, "--task-type", "skilte", "--actor", karen]).exit_code == 0
    assert unread_parts(settings, ref) == {"skilte"}
