"""The authority's answer to an application we forwarded (forvaltningsloven § 7, stk. 2), for real: Dovecot, the SMTP
sink, SQLite and PostgreSQL. The forward goes out through the outbox to the sink; the authority's mail client answers
the mail it received, and the answer comes back through the shared mailbox onto the forwarded case.

Our receiving server's Authentication-Results header (authserv-id ``mx.kk.example``) is written into each delivered
mail as that server would, as in ``test_ownership``.
"""
from __future__ import annotations

import dataclasses

import pytest

from models.db import open_database
from tests.e2e.conftest import build_service
from tests.e2e.test_applicants import actions, case_and_parts, mail, run_cli
from tests.e2e.test_case_flow import reply_to, wait_for_mails

pytestmark = pytest.mark.realserver
ANNA, AUTHORITY, EVE, OUR_SERVER = "anna@email.dk", "post@fvst.example", "eve@email.dk", "mx.kk.example"
APPLICATION = ("Hej\n\nVi åbner en café på Jægersborggade 12, 2200 København N, og skal have registreret "
               "fødevarevirksomheden.\n\nMed venlig hilsen\nAnna Holm\nCafé Holm ApS\n")


def verdict(dmarc: str, domain: str) -> str:
    return f"{OUR_SERVER}; spf={dmarc} smtp.mailfrom={domain}; dmarc={dmarc} header.from={domain}"


def test_the_authoritys_answer_to_our_forward_lands_on_the_case_and_nobody_is_mailed(e2e, dovecot, smtp_sink):
    env, settings = e2e
    env = {**env, "INTAKE_AUTHSERV_IDS": OUR_SERVER}
    settings = dataclasses.replace(settings, authserv_ids=(OUR_SERVER,))
    open_database(settings.database_url).dispose()

    dovecot.deliver(mail(f"Anna Holm <{ANNA}>", "Registrering af café", APPLICATION,
                         Authentication_Results=verdict("pass", "email.dk")).as_bytes())
    (first,) = build_service(settings).process_once()
    reference = first.reference
    run_cli(env, "case", "forward", reference, "--topic", "foedevarer", "--to", AUTHORITY, "--actor", "karen")
    (sent_on,) = wait_for_mails(smtp_sink, AUTHORITY, 1)
    to_anna = len(smtp_sink.to(ANNA))
    mails_before = len(smtp_sink.messages)
    case_before, parts_before = case_and_parts(settings, reference)

    # 1. the authority answers the mail it got: on the forwarded case, its part unread, nothing sent, nothing moved
    thanks = reply_to(sent_on, f"Fødevarestyrelsen <{AUTHORITY}>", "Tak, vi har modtaget den.")
    thanks["Authentication-Results"] = verdict("pass", "fvst.example")
    dovecot.deliver(thanks.as_bytes())
    (answer,) = build_service(settings).process_once()
    assert (answer.outcome, answer.reference) == ("authority_reply", reference)
    case, parts = case_and_parts(settings, reference)
    assert (case.status, [(p.status, p.decision) for p in parts]) == (
        case_before.status, [(p.status, p.decision) for p in parts_before])
    assert parts[0].unread_since is not None
    assert actions(settings, reference)[-1] == "authority_reply"

    # 2. someone else answering with our forward's id quoted: not the authority, held back as unverified
    eves = reply_to(sent_on, f"Eve <{EVE}>", "Tak, vi har modtaget den.")
    eves["Authentication-Results"] = verdict("pass", "email.dk")
    dovecot.deliver(eves.as_bytes())
    (held,) = build_service(settings).process_once()
    assert held.outcome == "unverified"
    assert actions(settings, reference)[-1] == "unverified_mail"

    # the office's warning about Eve's mail is the only mail since the forward
    (warning,) = smtp_sink.wait_for(mails_before + 1)[mails_before:]
    assert warning.message["Subject"] == f"[{reference}] ADVARSEL: ubekræftet afsender / WARNING: unverified sender"
    assert smtp_sink.to(EVE) == [] and len(smtp_sink.to(ANNA)) == to_anna
    assert len(smtp_sink.to(AUTHORITY)) == 1, "no acknowledgement to the authority"
