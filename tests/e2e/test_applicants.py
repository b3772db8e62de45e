"""Who the applicant is and who gets the case, for real: swaks delivers into Dovecot, the service and the
caseworker CLI work on SQLite or PostgreSQL, and every mail arrives at a real SMTP server.

Each test reads as the business or the caseworker meets it: a colleague's forward, an agent named in
Reply-To, one application for several offices, a question, a renewal and mail about a closed case, a busy
sender, an uncertain case, and a caseworker who answers from their own mail client.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from icalendar import Calendar
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from classifier.holder import ModelHolder
from intake.cli import app as cli_app
from models import Case, CaseEvent, CasePart
from models.db import open_database
from tests.e2e.builders import DESK
from tests.e2e.conftest import build_service
from tests.e2e.test_case_flow import body_of as raw_body
from tests.e2e.test_case_flow import reply_to, wait_for_mails, wait_until
from tests.servers import SmtpSink

pytestmark = pytest.mark.realserver
REF = re.compile(r"\[(KBH-\d{4}-\d{6})\]")
BUSINESS = "nadia@haddads-falafel.dk"
COLLEAGUE = "lobe@kk.example"


# -- helpers ---------------------------------------------------------------------------
def mail(sender: str, subject: str, body: str, **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, DESK, subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">"))
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(body)
    return msg


def run_cli(env: dict[str, str], *args: str) -> str:
    result = CliRunner().invoke(cli_app, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def process(settings, dovecot, msg: EmailMessage):
    dovecot.deliver(msg.as_bytes())
    (outcome,) = build_service(settings).process_once()
    return outcome


def case_and_parts(settings, reference: str) -> tuple[Case, list[CasePart]]:
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        parts = list(s.exec(select(CasePart).where(CasePart.case_id == case.id).order_by(col(CasePart.position))))
        return case, parts


def actions(settings, reference: str) -> list[str]:
    with Session(open_database(settings.database_url)) as s:
        case = s.exec(select(Case).where(Case.reference == reference)).one()
        return [e.action for e in s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                                          .order_by(col(CaseEvent.id)))]


def body_of(msg: EmailMessage) -> str:
    """The plain body with the line ends the business's mail client shows."""
    return raw_body(msg).replace("\r\n", "\n")


def subjects_to(sink: SmtpSink, address: str) -> list[str]:
    return [m.message["Subject"] for m in sink.to(address)]


RESTAURANT = ("Hej\n\nVi åbner restaurant på Blågårdsgade 14, 2200 København N, og har brug for tre tilladelser:\n\n"
              "1. Udeservering: 6 borde og 12 stole på fortovet foran restauranten fra 1. april 2027.\n"
              "2. Skilt: et facadeskilt med lys over indgangen, 3 x 0,5 m.\n"
              "3. Stillads: vi skal opstille et stillads på fortovet i 3 uger i marts 2027, mens facaden males.\n\n"
              "Med venlig hilsen\nAli Hassan\nRestaurant Blågård ApS, CVR 72494814\n")


# -- 1. a colleague forwards an application ----------------------------------------------
def test_a_colleagues_forward_is_acknowledged_to_the_business_in_its_language(e2e, dovecot, smtp_sink):
    env, settings = e2e
    forward = mail(f"Lone Berg <{COLLEAGUE}>", "VS: Stall at Israels Plads",
                   "Hej Erhvervsservice\n\nDenne kom ind hos Borgerservice. Kan I tage den?\n\n"
                   "Venlig hilsen\nLone Berg\nBorgerservice\n\n"
                   "-----Original Message-----\n"
                   f"From: Nadia Haddad <{BUSINESS}>\nSent: Thursday, November 26, 2026 3:02 PM\n"
                   "To: Borgerservice <borgerservice@kk.example>\nSubject: Stall at Israels Plads\n\n"
                   "Hello,\n\nI would like to apply for a market stall for my falafel cart at Israels Plads, "
                   "1360 Copenhagen K, on Saturdays from 1 April to 30 September 2027, 10:00-17:00. "
                   "The cart is 2.5 x 2 metres.\n\nKind regards\nNadia Haddad\nHaddad's Falafel IVS\n")
    outcome = process(settings, dovecot, forward)
    assert outcome.outcome == "case"
    reference = outcome.reference
    case, parts = case_and_parts(settings, reference)
    assert (case.applicant_email, case.reply_email, case.forwarded_by) == (BUSINESS, BUSINESS, COLLEAGUE)
    assert case.language == "en" and [p.task_type for p in parts] == ["gadesalg"]

    # the business gets the acknowledgement, greeted by its own name, in English, told who passed it on
    (ack,) = wait_for_mails(smtp_sink, BUSINESS, 1)
    assert REF.search(ack["Subject"]).group(1) == reference and ack["Subject"].startswith(f"[{reference}] Ack")
    text = body_of(ack)
    assert text.startswith("Dear Nadia Haddad\n") and f"passed on to us by {COLLEAGUE}" in text
    assert ack["Content-Language"] == "en"
    # the colleague gets one short note that we took it over, never an acknowledgement as an applicant
    (note,) = wait_for_mails(smtp_sink, COLLEAGUE, 1)
    assert note["Subject"] == f"[{reference}] Overtaget af {settings.from_name}"
    assert "Kvittering" not in note["Subject"] and reference in body_of(note)
    assert "Nadia Haddad" in body_of(note) and note["Auto-Submitted"] == "auto-replied"
    # the office reads who forwarded it and the business's own words
    office = build_service(settings).ctx.catalogue.office(parts[0].office).address
    (routed,) = wait_for_mails(smtp_sink, office, 1)
    assert f"Videresendt af / forwarded by: {COLLEAGUE}" in body_of(routed)
    assert f"Ansøger / applicant:     {BUSINESS}" in body_of(routed) and "falafel cart" in body_of(routed)

    # the business's own reply threads into the case and reaches the office
    answer = reply_to(ack, f"Nadia Haddad <{BUSINESS}>", "Here is a photo of the cart.")
    follow = process(settings, dovecot, answer)
    assert (follow.outcome, follow.reference) == ("follow_up", reference)
    wait_until(smtp_sink, "the follow-up to the office", lambda: len(smtp_sink.to(office)) >= 2)
    assert "Here is a photo of the cart." in body_of(smtp_sink.to(office)[-1].message)


# -- 2. an agent named in Reply-To; one application, several offices ------------------------
def test_several_offices_get_one_part_each_and_an_agent_is_answered_by_its_own_name(e2e, dovecot, smtp_sink):
    env, settings = e2e
    agent = "ordre@skiltefirmaet.dk"
    application = mail("Ali Hassan <ali@restaurant-blaagaard.dk>", "Ny restaurant: udeservering, skilt og stillads",
                       RESTAURANT, Reply_To=f"Skiltefirmaet ApS <{agent}>")
    outcome = process(settings, dovecot, application)
    reference = outcome.reference
    case, parts = case_and_parts(settings, reference)
    catalogue = build_service(settings).ctx.catalogue
    assert [p.task_type for p in parts] == ["udeservering", "skilte", "vejareal"]
    assert [p.office for p in parts] == ["byliv", "byggeri", "trafik"] and case.complex
    assert (case.applicant_email, case.reply_email, case.reply_name) == (
        "ali@restaurant-blaagaard.dk", agent, "Skiltefirmaet ApS")

    # one acknowledgement, to the agent, with the agent's name, listing each part with its office and week
    acks = [m for m in wait_for_mails(smtp_sink, agent, 2) if "Kvittering" in m["Subject"]]
    assert len(acks) == 1
    text = body_of(acks[0])
    assert text.startswith("Kære Skiltefirmaet ApS\n") and "Ali Hassan" not in text.split("\n")[0]
    assert "Din ansøgning omfatter 3 opgaver" in text
    for n, part in enumerate(parts, start=1):
        assert f"{n}. {catalogue.task(part.task_type).name_da}: {catalogue.office(part.office).name_da}" in text
    assert not smtp_sink.to("ali@restaurant-blaagaard.dk"), "we answer the agent, not the owner as well"

    # each office receives its own part: its task, goal and week, the other parts listed, the contact person
    for part in parts:
        address = catalogue.office(part.office).address
        wait_until(smtp_sink, f"the part for {part.office}", lambda a=address: bool(smtp_sink.to(a)))
        routed = [m.message for m in smtp_sink.to(address) if "Ny sag" in m.message["Subject"]]
        assert len(routed) == 1
        body = body_of(routed[0])
        assert f"({part.task_type})" in body and "Øvrige dele / other parts:" in body
        assert f"Kontaktperson / contact person: {case.contact_person}" in body
        assert routed[0]["Reply-To"] == settings.from_address

    # the star meeting invites the agent under the agent's name: one name with one address
    invitations = [m.message for m in smtp_sink.to(agent) if "Stjernemøde" in m.message["Subject"]]
    assert len(invitations) == 1
    (ics,) = [p for p in invitations[0].walk() if p.get_content_type() == "text/calendar"]
    (event,) = Calendar.from_ical(ics.get_content()).walk("VEVENT")
    attendees = {str(a).lower().removeprefix("mailto:"): a.params.get("CN") for a in event.get("ATTENDEE")}
    assert attendees[agent] == "Skiltefirmaet ApS"
    assert "Kære Skiltefirmaet ApS" in body_of(invitations[0]) or "Skiltefirmaet ApS" in body_of(invitations[0])

    # each office's queue shows its part; deciding one part does not decide the others
    listing = run_cli(env, "case", "list", "--office", "byggeri")
    assert reference in listing and "skilte" in listing and "udeservering" not in listing
    run_cli(env, "case", "approve", reference, "--part", "skilte", "--actor", "bo")
    case, parts = case_and_parts(settings, reference)
    assert {p.task_type: p.status for p in parts} == {"udeservering": "routed", "skilte": "decided",
                                                      "vejareal": "routed"}
    assert case.status == "routed" and case.decision is None
    refused = CliRunner().invoke(cli_app, ["case", "approve", reference], env=env)
    assert refused.exit_code == 2 and "several parts" in refused.output   # a usage error: name the part

    # a status question lists each part and where it stands
    status = reply_to(acks[0], f"Skiltefirmaet ApS <{agent}>", f"Hvad er status på {reference}?")
    assert process(settings, dovecot, status).outcome == "status_query"
    wait_until(smtp_sink, "the status answer", lambda: any("Status" in s for s in subjects_to(smtp_sink, agent)))
    (answer,) = [m.message for m in smtp_sink.to(agent) if "Status" in m.message["Subject"]]
    text = body_of(answer)
    assert "Status: afgjort (godkendt)" in text and text.count("Status: sendt til den ansvarlige enhed") == 2

    # the compliance report counts each part for its office; the case is decided when every part is
    report = run_cli(env, "report", "compliance", "--by", "office", "--format", "csv")
    assert all(office in report for office in ("byliv", "byggeri", "trafik"))
    run_cli(env, "case", "approve", reference, "--part", "udeservering", "--actor", "bo")
    run_cli(env, "case", "reject", reference, "--part", "vejareal", "--reason", "Fortovet er for smalt.",
            "--path-forward", "1", "--actor", "bo")
    case, _ = case_and_parts(settings, reference)
    assert (case.status, case.decision) == ("decided", "mixed")
    run_cli(env, "case", "close", reference)
    assert case_and_parts(settings, reference)[0].status == "closed"


# -- 3. a question: guidance, no automatic meeting -------------------------------------------
def test_a_question_gets_guidance_and_no_star_meeting(e2e, dovecot, smtp_sink):
    env, settings = e2e
    question = mail("Emma Wilson <emma@copenhagenstreetfood.com>", "Question: what permits does a food truck need?",
                    "Hello,\n\nI would like to start a food truck selling coffee and pastries at markets in "
                    "Copenhagen. What do I need to apply for, and who should I talk to?\n\nBest,\nEmma Wilson\n")
    outcome = process(settings, dovecot, question)
    case, parts = case_and_parts(settings, outcome.reference)
    assert [p.task_type for p in parts] == ["generel"] and parts[0].office == "erhvervsservice"
    (ack,) = wait_for_mails(smtp_sink, "emma@copenhagenstreetfood.com", 1)
    assert "Dear Emma Wilson" in body_of(ack)
    assert not any(p.get_content_type() == "text/calendar" for m in smtp_sink.messages for p in m.message.walk())
    assert "meeting_proposed" not in actions(settings, outcome.reference)


# -- 4. a renewal quoting a closed case; mail about a closed case ------------------------------
def test_a_renewal_is_a_new_linked_case_and_thanks_for_a_closed_case_are_answered(e2e, dovecot, smtp_sink,
                                                                                    tmp_path):
    env, settings = e2e
    cafe = "Mette Holm <mette@cafesolsikke.dk>"
    first = process(settings, dovecot, mail(cafe, "Ansøgning om udeservering",
                                            "Hej\n\nVi vil gerne søge om udeservering med 4 borde foran Café "
                                            "Solsikke, Jægersborggade 14, fra 1. april til 30. september 2026.\n\n"
                                            "Mvh Mette Holm\n"))
    earlier = first.reference
    run_cli(env, "case", "approve", earlier, "--actor", "bo")
    run_cli(env, "case", "close", earlier)

    renewal = mail(cafe, "Udeservering 2027 - som sidste år",
                   f"Hej\n\nVi vil gerne søge om udeservering igen i 2027 med samme opstilling som sidste år (jeres "
                   f"ref. {earlier}): 4 borde foran caféen fra 1. april til 30. september 2027.\n\nMvh Mette Holm\n")
    path = tmp_path / "renewal.eml"
    path.write_bytes(renewal.as_bytes())
    dry = CliRunner().invoke(cli_app, ["classify", str(path), "--json"], env=env)
    assert dry.exit_code == 0, dry.output
    assert '"kind": "application"' in dry.stdout and f'"renews": "{earlier}"' in dry.stdout

    again = process(settings, dovecot, renewal)
    assert again.outcome == "case" and again.reference != earlier
    case, _ = case_and_parts(settings, again.reference)
    old, _ = case_and_parts(settings, earlier)
    assert case.linked_case_id == old.id and old.status == "closed", "the closed case is left as it was"
    wait_until(smtp_sink, "the renewal's routed case",
               lambda: any(again.reference in s for s in subjects_to(smtp_sink, "byliv@kk.example")))
    (routed,) = [m.message for m in smtp_sink.to("byliv@kk.example") if again.reference in m.message["Subject"]
                 and "Ny sag" in m.message["Subject"]]
    assert f"Fornyelse af / renewal of: {earlier} (approved " in body_of(routed)

    thanks = mail(cafe, f"Re: [{earlier}] Afgørelse: godkendt", "Tusind tak for tilladelsen!\n\nMvh Mette\n")
    closed = process(settings, dovecot, thanks)
    assert (closed.outcome, closed.reference) == ("closed_case_mail", earlier)
    wait_until(smtp_sink, "the answer about the closed case",
               lambda: any("afsluttet" in s for s in subjects_to(smtp_sink, "mette@cafesolsikke.dk")))
    (answer,) = [m.message for m in smtp_sink.to("mette@cafesolsikke.dk") if "afsluttet" in m.message["Subject"]]
    text = body_of(answer)
    assert "Sagen blev afsluttet (godkendt)" in text and "send en ny ansøgning" in text
    assert "closed_case_mail" in actions(settings, earlier)
    wait_until(smtp_sink, "the office told of the mail",
               lambda: any("afsluttet sag" in s for s in subjects_to(smtp_sink, "byliv@kk.example")))


# -- 5. a busy sender's new application is acknowledged; triage names no guessed office ---------
class DoubtfulModel:
    """The real model's answer, marked for triage: the classifier's doubt, which no text reliably causes."""

    def __init__(self, model) -> None:
        self.model = model

    def predict(self, text, *args, **kwargs):
        return dataclasses.replace(self.model.predict(text, *args, **kwargs), needs_triage=True)


def test_status_questions_never_use_up_an_acknowledgement_and_triage_names_no_office(e2e, dovecot, smtp_sink,
                                                                                     monkeypatch):
    env, settings = e2e
    business = "peter@jensen-stilladser.dk"
    sender = f"Peter Jensen <{business}>"
    first = process(settings, dovecot, mail(sender, "Ansøgning om stillads",
                                            "Hej\n\nVi søger om råden over vejareal til et stillads på fortovet ud "
                                            "for Nørrebrogade 12 fra 1. marts 2027 i 6 uger.\n\nMvh Peter\n"))
    for i in range(settings.max_status_answers_per_sender_per_day + 1):
        dovecot.deliver(mail(sender, f"status {i}", f"Hvad er status på {first.reference}?").as_bytes())
    outcomes = build_service(settings).process_once()
    assert [o.outcome for o in outcomes] == ["status_query"] * len(outcomes)
    assert "daily limit" in outcomes[-1].reason

    real_get = ModelHolder.get
    monkeypatch.setattr(ModelHolder, "get", lambda self: DoubtfulModel(real_get(self)))
    sign = mail(sender, "Skilt", "Hej\n\nVi vil gerne sætte et skilt op over døren til vores værksted på "
                                 "Nørrebrogade 12.\n\nMvh Peter\n")
    third = process(settings, dovecot, sign)
    assert third.outcome == "case" and not third.reason, "the status limit never swallows an acknowledgement"
    wait_until(smtp_sink, "the second acknowledgement",
               lambda: any(third.reference in s for s in subjects_to(smtp_sink, business)))
    case, parts = case_and_parts(settings, third.reference)
    assert [(p.office, p.needs_triage) for p in parts] == [("erhvervsservice", True)]
    (ack,) = [m.message for m in smtp_sink.to(business) if third.reference in m.message["Subject"]]
    text = body_of(ack)
    assert "Københavns Erhvervsservice finder den rette enhed til din sag" in text
    assert "Du hører fra os i uge" in text
    assert "Center for Bygninger" not in text and "behandler din ansøgning" not in text


# -- 6. caseworkers answer from their own mail client --------------------------------------
def test_a_caseworkers_reply_reaches_the_business_from_the_shared_address_and_a_note_does_not(e2e, dovecot,
                                                                                           smtp_sink):
    env, settings = e2e
    business = "peter@jensen-stilladser.dk"
    first = process(settings, dovecot, mail(f"Peter Jensen <{business}>", "Ansøgning om stillads",
                                            "Hej\n\nVi søger om råden over vejareal til et stillads på fortovet ud "
                                            "for Nørrebrogade 12 fra 1. marts 2027 i 6 uger.\n\nMvh Peter Jensen\n"))
    reference = first.reference
    (ack,) = wait_for_mails(smtp_sink, business, 1)
    (routed,) = wait_for_mails(smtp_sink, "trafik@kk.example", 1)
    assert routed["Reply-To"] == settings.from_address

    answer = reply_to(routed, "Karen Hansen <karen.hansen@kk.example>",
                      "Tak for ansøgningen. Stilladset skal have en overdækket gangtunnel; send gerne en tegning.")
    recorded = process(settings, dovecot, answer)
    assert (recorded.outcome, recorded.reference) == ("caseworker_reply", reference)
    _, passed_on = wait_for_mails(smtp_sink, business, 2)
    assert passed_on["From"].addresses[0].addr_spec == settings.from_address
    assert passed_on["Subject"].startswith(f"[{reference}]")
    text = body_of(passed_on)
    assert "overdækket gangtunnel" in text and "Karen Hansen" in text and "Center for Trafik" in text
    assert "Kære Peter Jensen" in text and "> " not in text, "the caseworker's words, not the quoted routed mail"
    assert passed_on["In-Reply-To"] in (ack["Message-ID"], ack["In-Reply-To"]) or ack["Message-ID"] in (
        passed_on["References"] or "")
    assert passed_on["Auto-Submitted"] in (None, "no")

    note = reply_to(routed, "Karen Hansen <karen.hansen@kk.example>", "Husk at tjekke gangtunnellen.")
    note.replace_header("Subject", f"[intern] {note['Subject']}")
    kept = process(settings, dovecot, note)
    assert kept.outcome == "caseworker_note"
    assert len(smtp_sink.to(business)) == 2, "an internal note goes to nobody"
    assert actions(settings, reference).count("caseworker_note") == 1
    assert actions(settings, reference).count("caseworker_reply") == 1

    # the business answers the caseworker's mail: it lands in the case and reaches the office
    back = reply_to(passed_on, f"Peter Jensen <{business}>", "Tegningen er vedlagt.")
    assert process(settings, dovecot, back).outcome == "follow_up"
