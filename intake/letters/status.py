"""The status answer: an automatic reply to "what is the status of KBH-...?".

State, office, expected week (or the decision date), what we wait for when the
clock is paused, and the last event (no line when there is none yet), in the words a business may read
(``[statuses]``, ``[decisions]``, ``[events]`` and ``[status]`` in
``phrases.<lang>.toml``; never an event's internal detail). Body:
``templates/status.<lang>.txt``.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from email.message import EmailMessage

from intake.letters.case_letters import case_greeting
from intake.letters.envelope import Envelope, Thread, build_mail, msg_id
from intake.letters.facts import PartFacts
from intake.letters.wording import describe_day, expected_line, language, parts_block, phrase, render, track_text, words
from intake.mail.message import ParsedMail
from routing.catalogue import Catalogue
from routing.goals import LOCAL_TZ


def describe_event(action: str, at: datetime, lang: str, part: str = "") -> str:
    """A case event as the business may read it: what happened, to which ``part`` (its task's name, for a case of
    several parts) and the date as the letters write it ("mandag den 30. november 2026"; never the internal detail)."""
    lang = language(lang)
    word = words(lang, "events").get(action, action.replace("_", " "))
    return f"{f'{part}: ' if part else ''}{word}, {describe_day(at.astimezone(LOCAL_TZ).date(), lang)}"


def status_reply(case, last_event: str, original: ParsedMail, catalogue: Catalogue, settings,
                 lang: str, n: int, *, parts: Sequence[PartFacts], waiting_for: str = "",
                 today: date | None = None) -> EmailMessage:
    """The answer to ``original``, in its thread; the contact person of a complex case in Cc.

    A case of several parts lists each: task, office, where it stands and its expected week (or, past its latest
    day as of ``today``, that it is late). ``last_event`` is ``describe_event``'s sentence, '' for none (the line is
    left out: "Seneste hændelse: -" told the business nothing).
    """
    lang = language(lang)
    today = today or datetime.now(LOCAL_TZ).date()
    if len(parts) > 1:
        parts_text = parts_block(parts, catalogue, lang, status=True, today=today)
    else:
        (part,) = parts
        parts_text = render(f"status_single.{lang}.txt", {
            "state": _state(case, lang), "office_name": getattr(catalogue.office(part.office), f"name_{lang}"),
            "when": _when(case, part.due, lang, waiting_for, today)}).rstrip("\n")
    values = {"from_name": settings.sender_name(lang), "reference": case.reference, "parts_text": parts_text,
              "greeting_name": case_greeting(case, lang),
              "last_event_text": (phrase(lang, "status.last_event", event=last_event) + "\n") if last_event else "",
              "track_text": track_text(settings, case.reference, lang)}
    envelope = Envelope("status", to=original.from_addr,
                        subject=f"[{case.reference}] {phrase(lang, 'subjects.status')}",
                        message_id=msg_id(settings, "status", case.reference, n),
                        cc=[case.contact_email or ""], thread=Thread.replying_to(original), language=lang)
    return build_mail(settings, envelope, render(f"status.{lang}.txt", values))


def _state(case, lang: str) -> str:
    state = words(lang, "statuses").get(case.status, case.status)
    if case.status in ("decided", "closed") and case.decision:
        state += f" ({words(lang, 'decisions').get(case.decision, case.decision)})"
    return state


def _when(case, due, lang: str, waiting_for: str, today: date) -> str:
    """When it was decided, or when we expect to be done (and what we wait for while the clock is paused)."""
    if case.decided_at is not None:
        return phrase(lang, "status.decided", date=describe_day(case.decided_at.astimezone(LOCAL_TZ).date(), lang))
    when = phrase(lang, "status.expected", week=expected_line(due, lang, open_clock=case.status != "waiting",
                                                              today=today))
    if case.status == "waiting":
        when += phrase(lang, "status.paused")
        if waiting_for:
            when += "\n" + phrase(lang, "status.waiting_for", question=waiting_for)
    return when
