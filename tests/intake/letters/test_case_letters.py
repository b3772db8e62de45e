"""Mails to the business about its case, each kind in Danish and in English: wording, subject, thread, policy."""
from __future__ import annotations

import json
import re

import pytest

from intake.letters.case_letters import KINDS, CaseLetter, case_mail, other_paths_text
from intake.letters.envelope import msg_id
from tests.intake.letters.builders import (
    CATALOGUE,
    OTHER_NAME,
    PERSON,
    REFERENCE,
    body_of,
    case,
    part,
    sent,
)

VALUES = {
    "started": {}, "rerouted": {}, "part_added": {}, "contact": {},
    "info_request": {"message": "Send en tegning af stilladset."},
    "resumed": {"old_week_text": "uge 50 (7.-11. december 2026)"},
    "approved": {"message_text": "\nStilladset skal være afmærket.\n"},
    "rejected": {"reason": "For smalt fortov.", "path_forward": "Søg om en kortere periode.",
                 "other_paths": other_paths_text(["Brug gården."], "da"), "appeal": "Klag inden 4 uger."},
    "forwarded": {"topic_name": "Alkoholbevilling", "authority": "Bevillingsnævnet", "guidance_text": "Søg der.\n",
                  "url_text": "https://www.kk.dk", "message_text": "", "forward_text": ""},
    "reopened": {"decision_text": "afslag", "expected_text": "Forventes afsluttet i uge 52"},
    "message": {"message": "Stilladset må gerne stå til mandag."},
}
SUBJECTS = {
    "da": {"started": "Din sag er under behandling", "info_request": "Vi mangler oplysninger",
           "resumed": "Ny forventet afslutning", "approved": "Afgørelse: godkendt", "rejected": "Afgørelse: afslag",
           "forwarded": "Du skal selv kontakte Bevillingsnævnet", "rerouted": "Din sag er flyttet",
           "part_added": "Din sag har fået en ny del", "contact": "Din kontaktperson",
           "reopened": "Din sag er genoptaget", "message": "Besked fra Center for Trafik (vejmyndighed)"},
    "en": {"started": "Your case is being processed", "info_request": "We need more information",
           "resumed": "New expected completion", "approved": "Decision: approved", "rejected": "Decision: rejected",
           "forwarded": "You need to contact Bevillingsnævnet", "rerouted": "Your case has moved",
           "part_added": "A new part of your case", "contact": "Your contact person",
           "reopened": "Your case is reopened", "message": "A message from Centre for Traffic (road authority)"},
}
SENTENCES = {
    "da": {
        "started": "Din sag er nu under behandling hos Center for Trafik (vejmyndighed). Vi forventer at være "
                   "færdige i uge 51 (14.-18. december 2026), senest mandag den 14. december.",
        "info_request": "Vi har brug for flere oplysninger fra dig, før vi kan behandle din sag.\n\n"
                        "Send en tegning af stilladset.\n",
        "resumed": "er den forventede afslutning flyttet fra uge 50 (7.-11. december 2026) til uge 51 "
                   "(14.-18. december 2026), senest mandag den 14. december.",
        "approved": "din ansøgning om råden over vejareal (stillads, container, skurvogn, kran, lift) er godkendt.\n"
                    "\nStilladset skal være afmærket.\n",
        "rejected": "Begrundelse\nFor smalt fortov.\n\nSådan kan du komme videre\nSøg om en kortere periode.\n\n"
                    "Andre muligheder:\n- Brug gården.\n",
        "forwarded": "Din henvendelse handler om noget, som kommunens enheder ikke afgør: Alkoholbevilling. Det "
                     "afgøres af Bevillingsnævnet.",
        "rerouted": "Din sag er flyttet til Center for Trafik (vejmyndighed), som behandler råden over vejareal "
                    "(stillads, container, skurvogn, kran, lift). Servicemålet er 10 arbejdsdage fra modtagelsen, "
                    "og vi forventer at være færdige i uge 51 (14.-18. december 2026), senest mandag den 14. "
                    "december.",
        "part_added": "Din ansøgning handler også om råden over vejareal (stillads, container, skurvogn, kran, "
                      "lift). Den del af sagen behandles af Center for Trafik (vejmyndighed). Servicemålet er 10 "
                      "arbejdsdage fra modtagelsen, og vi forventer at være færdige med den i uge 51",
        "contact": "Derfor har du fået en fast kontaktperson, som hjælper dig gennem hele sagen og får en kopi af "
                   "alle mails i sagen. Vi forventer stadig at være færdige i uge 51 (14.-18. december 2026), senest "
                   "mandag den 14. december.",
        "reopened": "Vi har genoptaget vores afgørelse om din ansøgning om råden over vejareal (stillads, container, "
                    "skurvogn, kran, lift). Afgørelsen var: afslag. Center for Trafik (vejmyndighed) behandler sagen "
                    "igen, og du får en ny afgørelse.\n\nForventes afsluttet i uge 52",
        "message": "Center for Trafik (vejmyndighed) skriver til dig om din sag:\n\nStilladset må gerne stå til "
                   "mandag.\n",
    },
    "en": {
        "started": "Your case is now being processed by Centre for Traffic (road authority). We expect to finish "
                   "it in week 51 (14-18 December 2026), at the latest Monday 14 December.",
        "info_request": "We need more information from you before we can process your case.\n\n"
                        "Send en tegning af stilladset.\n",
        "resumed": "the expected completion has moved from uge 50 (7.-11. december 2026) to week 51 "
                   "(14-18 December 2026), at the latest Monday 14 December.",
        "approved": "your application for use of road space (scaffolding, container, site hut, crane, lift) is "
                    "approved.\n\nStilladset skal være afmærket.\n",
        "rejected": "Reasons\nFor smalt fortov.\n\nHow you can move forward\nSøg om en kortere periode.\n\n"
                    "Andre muligheder:\n- Brug gården.\n",
        "forwarded": "Your enquiry concerns a matter that the municipality's offices do not decide: Alkoholbevilling. "
                     "It is decided by Bevillingsnævnet.",
        "rerouted": "Your case has moved to Centre for Traffic (road authority), which handles use of road space "
                    "(scaffolding, container, site hut, crane, lift). The service goal is 10 working days from "
                    "receipt, and we expect to finish in week 51 (14-18 December 2026), at the latest Monday "
                    "14 December.",
        "part_added": "Your application also concerns use of road space (scaffolding, container, site hut, crane, "
                      "lift). That part of the case is handled by Centre for Traffic (road authority). The service "
                      "goal is 10 working days from receipt, and we expect to finish it in week 51",
        "contact": "You therefore have a named contact person who will guide you through the whole case and receive "
                   "a copy of every email about it. We still expect to finish in week 51 (14-18 December 2026), at the "
                   "latest Monday 14 December.",
        "reopened": "We have reopened our decision on your application for use of road space (scaffolding, "
                    "container, site hut, crane, lift). The decision was: afslag. Centre for Traffic (road "
                    "authority) is processing your case again, and you will receive a new decision.\n\n"
                    "Forventes afsluttet i uge 52",
        "message": "Centre for Traffic (road authority) is writing to you about your case:\n\nStilladset må gerne "
                   "stå til mandag.\n",
    },
}
FRAME = {
    "da": ("Kære Peter Jensen\n\n", f"Sagsnummer: {REFERENCE}\nOpgave: Råden over vejareal",
           "Med venlig hilsen\nCenter for Trafik (vejmyndighed)\nKøbenhavns Kommune\n"),
    "en": ("Dear Peter Jensen\n\n", f"Reference: {REFERENCE}\nTask: Use of road space",
           "Kind regards\nCentre for Traffic (road authority)\nCity of Copenhagen\n"),
}
EVERY = pytest.mark.parametrize(("lang", "kind"), [(lang, kind) for lang in ("da", "en") for kind in KINDS])


def write(settings, lang, kind, contact=None, **fields):
    return case_mail(case(lang, **fields), CaseLetter(kind, VALUES[kind], 7), CATALOGUE, settings, contact,
                     part=part())


@EVERY
def test_wording_of_each_letter(settings, lang, kind):
    body = body_of(write(settings, lang, kind))
    assert SENTENCES[lang][kind] in body
    greeting, facts, closing = FRAME[lang]
    assert body.startswith(greeting) and facts in body and body.endswith(closing)
    assert not re.search(r"\d{4}\)\s*\(", body), "doubled parentheses after a week"


@EVERY
def test_subject_message_id_and_thread_under_the_acknowledgement(settings, lang, kind):
    msg = sent(write(settings, lang, kind))
    assert msg["Subject"] == f"[{REFERENCE}] {SUBJECTS[lang][kind]}"
    assert msg["Message-ID"] == msg_id(settings, kind.replace("_", ""), REFERENCE, 7)
    assert msg["In-Reply-To"] == msg_id(settings, "ack", REFERENCE)
    assert msg["References"] == msg_id(settings, "ack", REFERENCE)
    assert msg["To"] == "peter@jensen.dk" and msg["Content-Language"] == lang


@EVERY
def test_only_the_resumed_notice_is_an_automatic_reply(renamed, lang, kind):
    msg = sent(write(renamed, lang, kind))
    assert msg["Auto-Submitted"] == ("auto-replied" if kind == "resumed" else None)
    assert msg["X-Loop"] == "intake-loop@kk.example" and msg["X-Auto-Response-Suppress"] == "All"
    assert msg["From"].addresses[0].display_name == OTHER_NAME


@pytest.mark.parametrize("lang", ["da", "en"])
def test_complex_case_copies_the_contact_person_on_every_letter(settings, lang):
    for kind in KINDS:
        msg = sent(write(settings, lang, kind, contact=PERSON))
        assert msg["Cc"] == PERSON.email, kind
        assert f"{PERSON.name}, {PERSON.title}\n" in body_of(msg)


def test_the_contact_letter_introduces_the_person_the_others_only_name_them(settings):
    assert "får en kopi af alle mails i sagen" in body_of(write(settings, "da", "contact", contact=PERSON))
    assert "kopi af alle mails" not in body_of(write(settings, "da", "started", contact=PERSON))


def test_greeting_falls_back_to_the_company_then_the_applicant(settings):
    assert body_of(write(settings, "da", "started", details_json="{}")).startswith("Kære Jensen ApS\n")
    nobody = write(settings, "en", "started", details_json="{}", company_name=None)
    assert body_of(nobody).startswith("Dear applicant\n")


def test_the_greeting_never_gives_one_persons_name_with_anothers_address(settings):
    """A colleague forwards the events manager's mail; an architect writes for the client's contact: the contact
    found has an address of their own, so the letter greets whom it is sent to."""
    details = json.dumps({"contact_name": {"value": "Hannah Berg", "source": "body"},
                          "contact_email": {"value": "hannah.berg@lumenlabs.dk", "source": "body"}})
    forwarded = write(settings, "en", "started", details_json=details, sender="sofie@lumenlabs.dk",
                      applicant_email="sofie@lumenlabs.dk", reply_email="sofie@lumenlabs.dk", reply_name="Sofie Kragh")
    assert body_of(forwarded).startswith("Dear Sofie Kragh\n")
    own = details.replace("hannah.berg@lumenlabs.dk", "Hannah.Berg@LumenLabs.dk")
    written = write(settings, "en", "started", details_json=own, sender="hannah.berg@lumenlabs.dk",
                    applicant_email="hannah.berg@lumenlabs.dk", reply_email="hannah.berg@lumenlabs.dk",
                    reply_name="Events")
    assert body_of(written).startswith("Dear Hannah Berg\n")


def test_the_sender_who_names_another_as_the_contact_is_greeted_and_invited_herself(settings):
    """An architect's assistant names the client's director as the client's contact and gives no address for him: the
    contact's e-mail is the sender's, and the letters and the star meeting go to her by her own name."""
    from intake.cases.meetings import business

    details = json.dumps({"contact_name": {"value": "Jens Kragh", "source": "body"},
                          "contact_email": {"value": "sl@holmbjerre.dk", "source": "from"}})
    fields = {"details_json": details, "sender": "sl@holmbjerre.dk", "applicant_email": "sl@holmbjerre.dk",
              "reply_email": "sl@holmbjerre.dk", "reply_name": "Sofie Lindqvist"}
    assert body_of(write(settings, "da", "started", **fields)).startswith("Kære Sofie Lindqvist\n")
    assert business(case("da", **fields)).name == "Sofie Lindqvist"


def test_the_star_meeting_invites_the_business_by_the_name_of_its_address():
    from intake.cases.meetings import business

    details = json.dumps({"contact_name": {"value": "Henrik Dall", "source": "body"},
                          "contact_email": {"value": "henrik.dall@kongensejendomme.dk", "source": "body"}})
    agent = "el@lindqvistbech.dk"
    invited = business(case("en", details_json=details, sender=agent, applicant_email=agent, reply_email=agent,
                            reply_name="Erik Lindqvist"))
    assert (invited.name, invited.email) == ("Erik Lindqvist", "el@lindqvistbech.dk")


def test_an_unknown_kind_is_refused(settings):
    with pytest.raises(ValueError, match="newsletter"):
        case_mail(case(), CaseLetter("newsletter", {}, 1), CATALOGUE, settings, part=part())


@pytest.mark.parametrize(("lang", "text"), [("da", "\nAndre muligheder:\n- a\n- b\n"),
                                            ("en", "\nOther options:\n- a\n- b\n")])
def test_other_paths_are_listed_under_their_heading(lang, text):
    assert other_paths_text(["a", "b"], lang) == text
    assert other_paths_text([], lang) == ""


@pytest.mark.parametrize(("lang", "sent_on", "told_where"), [
    ("da", "Din henvendelse er sendt videre til Fødevarestyrelsen", "Du skal selv kontakte Fødevarestyrelsen"),
    ("en", "Your enquiry has been sent on to the Danish Veterinary and Food Administration (Fødevarestyrelsen)",
     "You need to contact the Danish Veterinary and Food Administration (Fødevarestyrelsen)"),
])
def test_the_forward_letters_subject_says_whether_we_sent_it_on_or_the_business_must_apply(settings, lang, sent_on,
                                                                                            told_where):
    """Both said "Din henvendelse hører under en anden myndighed": a business could not tell from its inbox whether
    it still had to do something (forvaltningsloven § 7, stk. 2)."""
    from intake.letters.forwarding import forwarded_values

    def subject(sent_on: bool) -> str:
        values = forwarded_values(CATALOGUE.external["foedevarer"], lang, REFERENCE, sent=sent_on, closes_case=True)
        return str(sent(case_mail(case(lang), CaseLetter("forwarded", values, 7), CATALOGUE, settings,
                                  part=part()))["Subject"])

    assert subject(True) == f"[{REFERENCE}] {sent_on}"
    assert subject(False) == f"[{REFERENCE}] {told_where}"
