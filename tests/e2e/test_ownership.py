"""Ownership by proof, for real (issue 13 §4): mail through Dovecot, the SMTP sink, SQLite and PostgreSQL.

Our receiving server's Authentication-Results header (authserv-id ``mx.kk.example``) is written into
each delivered mail as that server would; the forged and the genuine answer differ only in it.
"""
from __future__ import annotations

import dataclasses

import pytest

from models.db import open_database
from tests.e2e.conftest import build_service
from tests.e2e.test_applicants import actions, case_and_parts, mail, run_cli, subjects_to
from tests.e2e.test_case_flow import reply_to, wait_for_mails

pytestmark = pytest.mark.realserver
ANNA, EVE, OUR_SERVER = "anna@email.dk", "eve@email.dk", "mx.kk.example"
APPLICATION = ("Hej\n\nVi ønsker at opstille et stillads på fortovet foran Nørrebrogade 20, 2200 København N, "
               "i 3 uger fra 1. marts 2027.\n\nMed venlig hilsen\nAnna Holm\nHolm Maling ApS\n")


def verdict(dmarc: str) -> str:
    return f"{OUR_SERVER}; spf={dmarc} smtp.mailfrom=email.dk; dmarc={dmarc} header.from=email.dk"


def test_forged_and_neighbouring_senders_get_nothing_and_move_nothing(tmp_path, e2e, dovecot, smtp_sink):
    env, settings = e2e
    env = {**env, "INTAKE_AUTHSERV_IDS": OUR_SERVER}
    settings = dataclasses.replace(settings, authserv_ids=(OUR_SERVER,))
    open_database(settings.database_url).dispose()

    dovecot.deliver(mail(f"Anna Holm <{ANNA}>", "Stillads", APPLICATION,
                         Authentication_Results=verdict("pass")).as_bytes())
    (first,) = build_service(settings).process_once()
    reference = first.reference
    run_cli(env, "case", "request-info", reference, "-m", "Send en tegning af stilladset.", "--actor", "karen")
    _ack, question = wait_for_mails(smtp_sink, ANNA, 2)

    # 1. From equal to Anna's, our server says dmarc=fail: not threaded, the clock stays paused, the office warned
    forged = reply_to(question, f"Anna Holm <{ANNA}>", "Her er tegningen.")
    forged["Authentication-Results"] = verdict("fail")
    dovecot.deliver(forged.as_bytes())
    (outcome,) = build_service(settings).process_once()
    assert outcome.outcome == "unverified"
    case, parts = case_and_parts(settings, reference)
    assert case.status == "waiting" and parts[0].paused_since is not None
    office = "trafik@kk.example"
    warning = [s for s in subjects_to(smtp_sink, office) if "unverified" in s]
    assert warning == [f"[{reference}] ADVARSEL: ubekræftet afsender / WARNING: unverified sender"]
    assert len(smtp_sink.to(ANNA)) == 2, "the forged sender is answered nothing"

    # 2. eve@email.dk asks about Anna's case: a new case of her own, nothing of Anna's
    dovecot.deliver(mail(f"Eve <{EVE}>", f"Status {reference}", f"Hvad er status på {reference}?",
                         Authentication_Results=verdict("pass")).as_bytes())
    (eves,) = build_service(settings).process_once()
    assert eves.outcome == "case" and eves.reference != reference
    for received in smtp_sink.to(EVE):
        assert reference not in received.message.as_string()

    # 3. The genuine answer resumes the clock and reaches the office
    genuine = reply_to(question, f"Anna Holm <{ANNA}>", "Her er tegningen.")
    genuine["Authentication-Results"] = verdict("pass")
    dovecot.deliver(genuine.as_bytes())
    (answer,) = build_service(settings).process_once()
    assert answer.outcome == "follow_up"
    assert case_and_parts(settings, reference)[0].status == "in_progress"
    assert actions(settings, reference)[-3:] == ["unverified_mail", "follow_up", "resumed"]
    assert any("svar fra ansøger" in s.lower() for s in subjects_to(smtp_sink, office))
