"""Guiding a business to another authority at once: real Maildir, SQLite, pipeline and model."""
from __future__ import annotations

import email
import json
from email import policy

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from intake import cli
from intake.app import build_context
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from models import Case, CaseEvent, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application

CAFE_DA = ("Hej\n\nVi søger om udeservering med 6 borde og 12 stole på fortovet foran Café Lun, "
           "Jægersborggade 5, 2200 København N, fra 1. april til 30. september 2027. Vi skal også have en "
           "alkoholbevilling - hvor søger vi den?\n\nMed venlig hilsen\nAnna Holm\nCafé Lun ApS\n"
           "CVR 72494814, moms: 72494814\n")
CAFE_EN = ("Hello,\n\nWe apply for outdoor seating with 6 tables and 12 chairs on the pavement in front of "
           "Café Lun, Jægersborggade 5, 2200 Copenhagen N, from 1 April to 30 September 2027. We also need an "
           "alcohol licence - where do we apply for it?\n\nKind regards\nAnna Holm\nCafé Lun ApS\n")
ONLY_VAT = ("Hej\n\nJeg er ved at starte en lille webbutik og er i tvivl om momsregistrering. Hvornår skal jeg "
            "registrere mig for moms, og hvad koster det?\n\nVenlig hilsen\nSara Berg\n")



def process(service, msg):
    engine, box, runner = service
    box.deliver(msg.as_bytes())
    (outcome,) = runner.process_batch()
    with Session(engine) as s:
        case = s.exec(select(Case).where(Case.reference == outcome.reference)).one()
        events = s.exec(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)).all()
        mails = {m.purpose: email.message_from_bytes(m.raw, policy=policy.default)
                 for m in s.exec(select(OutboxMail).where(OutboxMail.case_id == case.id)).all()}
    return case, events, mails


def text_of(msg) -> str:
    return msg.get_body(preferencelist=("plain",)).get_content()


def test_danish_acknowledgement_guides_to_the_licensing_board_and_goes_on(service):
    case, _, mails = process(service, application(sender="Anna Holm <anna@cafe-lun.dk>",
                                              subject="Udeservering", body=CAFE_DA))
    ack = text_of(mails["acknowledgement"])
    assert case.task_type == "udeservering" and case.status != "decided"
    assert "Dele af din henvendelse afgøres af en anden myndighed" in ack
    assert "Bevillingsnævnet" in ack and "https://www.kk.dk" in ack and "forvaltningslovens § 7" in ack
    assert "Skattestyrelsen" not in ack, "moms in the signature is not a question about VAT"


def test_english_acknowledgement_guides_to_the_licensing_board(service):
    _, _, mails = process(service, application(sender="Anna Holm <anna@cafe-lun.dk>", subject="Outdoor seating",
                                           body=CAFE_EN))
    ack = text_of(mails["acknowledgement"])
    assert "Parts of your enquiry are decided by another authority" in ack
    assert "Licensing Board" in ack and "We have not passed these parts on" in ack


def test_guidance_is_recorded_as_a_case_event_with_the_topic_ids(service):
    _, events, _ = process(service, application(sender="Anna Holm <anna@cafe-lun.dk>", subject="Udeservering",
                                            body=CAFE_DA))
    guided = [e for e in events if e.action == "guided_external"]
    assert [e.detail for e in guided] == ["alkoholbevilling"]


def test_routed_case_names_the_non_municipal_topic(service):
    _, _, mails = process(service, application(sender="Anna Holm <anna@cafe-lun.dk>", subject="Udeservering",
                                           body=CAFE_DA))
    routed = text_of(mails["routed"])
    assert "Ikke-kommunalt / non-municipal: alkoholbevilling" in routed
    assert "KUN IKKE-KOMMUNALT" not in routed


def test_only_external_enquiry_is_registered_and_flagged_to_business_service(service):
    case, events, mails = process(service, application(sender="Sara Berg <sara@bergshop.dk>",
                                                   subject="Spørgsmål om moms", body=ONLY_VAT))
    assert case.task_type == "generel" and case.office == "erhvervsservice"
    assert [e.action for e in events][:2] == ["received", "routed"]
    assert mails["routed"]["To"] == "erhvervsservice@kk.example"
    assert "ikke-kommunal" in mails["routed"]["Subject"]
    assert "KUN IKKE-KOMMUNALT / ONLY NON-MUNICIPAL" in text_of(mails["routed"])
    ack = text_of(mails["acknowledgement"])
    assert "Din henvendelse afgøres af en anden myndighed" in ack and "Skattestyrelsen" in ack


def test_normal_application_gets_no_guidance_and_no_event(service):
    _, events, mails = process(service, application())
    assert "anden myndighed" not in text_of(mails["acknowledgement"])
    assert "non-municipal" not in text_of(mails["routed"])
    assert "guided_external" not in [e.action for e in events]


def test_no_acknowledgement_means_no_guided_event(service, tmp_path, model_dir):
    """Past the daily limit the business is not told, so the case does not claim it was guided."""
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path / "limited"), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_MAX_ACKS_PER_SENDER_PER_DAY": "0"})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    _, events, mails = process((engine, box, Runner(build_context(settings), engine, box)),
                               application(sender="Anna Holm <anna@cafe-lun.dk>", subject="Udeservering",
                                           body=CAFE_DA))
    assert "acknowledgement" not in mails and "guided_external" not in [e.action for e in events]


@pytest.fixture
def classify(tmp_path, embedded_env):

    def run(msg):
        path = tmp_path / "msg.eml"
        path.write_bytes(msg.as_bytes())
        cli.common.state.clear()
        result = CliRunner().invoke(cli.app, ["classify", str(path), "--json"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def test_dry_run_lists_external_topic_ids(classify):
    out = classify(application(sender="Anna Holm <anna@cafe-lun.dk>", subject="Udeservering", body=CAFE_DA))
    assert out["external_topics"] == ["alkoholbevilling"]


def test_dry_run_of_a_normal_application_has_no_external_topics(classify):
    assert classify(application())["external_topics"] == []


FREDERIKSBERG = ("Hej\n\nVi søger hermed om udeservering for sæson 2027 for Café Værnedam, Værnedamsvej 10, 1819 "
                 "Frederiksberg C: 3 borde og 10 stole langs facaden, ca. 7 m², 1. april - 30. september 2027.\n\n"
                 "CVR 28578040\n\nHilsen\nCamilla Seidelin\n")


def test_an_application_for_a_site_in_frederiksberg_is_that_municipalitys(service):
    """Forvaltningsloven § 7(2): the City of Copenhagen grants no permit in Frederiksberg. The business is told where
    to apply, and the case is a general enquiry flagged for a caseworker to pass on, not an outdoor-serving case."""
    case, events, mails = process(service, application(sender="Camilla Seidelin <camilla@cafevaernedam.dk>",
                                                     subject="Udeservering 2027", body=FREDERIKSBERG))
    assert (case.task_type, case.office) == ("generel", "erhvervsservice")
    assert ("guided_external", "frederiksberg_kommune") in [(e.action, e.detail) for e in events]
    ack = text_of(mails["acknowledgement"])
    assert "Frederiksberg Kommune" in ack and "https://www.frederiksberg.dk" in ack
    assert "ONLY NON-MUNICIPAL" in text_of(mails["routed"])


def test_a_business_in_frederiksberg_applying_for_a_site_in_copenhagen_is_copenhagens(service):
    case, events, _ = process(service, application(
        sender="Camilla Seidelin <camilla@cafevaernedam.dk>", subject="Stillads",
        body="Hej\n\nVi søger om at stille et stillads på fortovet foran Nørrebrogade 56, 2200 København N, fra 1. "
             "til 30. april 2027.\n\nHilsen\nCamilla Seidelin\nMalerfirma Seidelin ApS\nVærnedamsvej 10, 1819 "
             "Frederiksberg C\n"))
    assert case.task_type == "vejareal"
    assert "guided_external" not in [e.action for e in events]


def test_the_business_address_stands_for_the_site_only_for_a_task_done_at_its_premises():
    from intake.details import Field
    from intake.pipeline import site_elsewhere
    from routing.catalogue import load_catalogue

    cat = load_catalogue()
    at_home = {"address": Field("Værnedamsvej 10", "body"), "postcode": Field("1819", "body")}
    assert site_elsewhere(at_home, ["udeservering"], cat) is cat.external["frederiksberg_kommune"]
    assert site_elsewhere(at_home, ["vejareal"], cat) is None, "a road space's site is not named: not known"
    in_town = {**at_home, "activity_location": Field("Nørrebrogade 56, 2200 København N", "body")}
    assert site_elsewhere(in_town, ["udeservering"], cat) is None
    assert site_elsewhere({"activity_location": Field("Gammel Kongevej 120, 1850 Frederiksberg C", "body")},
                          ["arrangement"], cat) is cat.external["frederiksberg_kommune"]
