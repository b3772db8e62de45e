"""One message through a pipeline of small stages.

The state that flows between the stages is ``MessageState``. The stages are
glue around pure functions in other modules; a stage that stops a message on
purpose (an auto-reply, a bounce) raises ``StopMessage``, which only the
driver (``intake.runner`` or the dry run in ``intake.dryrun``) catches.

``PRELUDE`` decides what kind of message this is; ``ANALYSIS`` reads an
application: attachments, details, task types, office and service goal, and
the non-municipal topics the business should be guided to (``intake.details.external``).
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from classifier import Parts, Prediction
from classifier.features import compose
from intake.attachments import AttachmentResult, extract_attachment, safe_filename
from intake.attachments.result import refusal
from intake.cases.desk import ModelSource
from intake.details import Field, extract_details
from intake.details.attribution import own_parts
from intake.details.checklist import Checklist, Evidence, check_parts
from intake.details.external import find_external_topics
from intake.errors import StopMessage
from intake.mail.authentication import UNCHECKED, AuthVerdict, Resolver, system_resolver, trusted_results, verify
from intake.mail.automated import detect_automated, wrapped_own_mail
from intake.mail.bodytext import own_history, quoted_text
from intake.mail.language import detect_language
from intake.mail.message import ParsedMail, attached_messages, parse_mail
from intake.mail.parties import Parties, parties_of
from intake.mail.references import find_references
from intake.mail.spam import spam_flag
from intake.privacy import redact_cpr
from intake.settings import Settings
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue, ExternalTopic, ServiceGoal
from routing.goals import due_date, iso_week, local_date
from routing.parts import PartPlan, plan_parts

log = logging.getLogger(__name__)


class Extractor(Protocol):
    def read(self, inbound_id: int, names: Sequence[tuple[str, str, int]],
             budget: float) -> list[AttachmentResult]: ...


@dataclass(frozen=True)
class Context:
    """What the stages need besides the message: settings, catalogue, calendar, the model.

    ``extractor``, when set, reads a recorded message's attachments elsewhere (the
    queue mode, ``intake.extraction``); without it they are read here, in the sandbox.
    """

    settings: Settings
    catalogue: Catalogue
    calendar: WorkingCalendar
    models: ModelSource
    extractor: Extractor | None = None
    resolver: Resolver | None = None  # DNS for checking senders ourselves (None: the system's)


@dataclass
class MessageState:
    """One message on its way through the pipeline."""

    raw: bytes
    received: datetime
    inbound_id: int | None = None  # the recorded message (None in a dry run)
    parsed: ParsedMail | None = None
    kind: str = "application"
    reason: str = ""
    language: str = "da"
    references: list[str] = field(default_factory=list)
    attachments: list[AttachmentResult] = field(default_factory=list)
    details: dict[str, Field] = field(default_factory=dict)
    classifier_text: str = ""
    prediction: Prediction | None = None
    task_types: list[str] = field(default_factory=list)
    office: str = ""
    needs_triage: bool = False
    goal: ServiceGoal | None = None
    due: date | None = None
    week: str = ""
    external: list[str] = field(default_factory=list)  # ids of [external.*] topics the sender asked about
    elsewhere: str = ""  # the [external.*] municipality whose postcodes the application's site has (``route``)
    parties: Parties | None = None  # who applies, whom we answer, who forwarded it
    parts: list[PartPlan] = field(default_factory=list)  # one per task type of a new case, the primary first
    earlier_case_id: int | None = None  # the decided or closed case a renewal quotes (set by intake.kinds)
    earlier_reference: str | None = None
    earlier_open: bool = False  # the earlier case is still open (a new period applied for before it is decided)
    threaded: list[str] = field(default_factory=list)  # references in the subject or the thread headers (not the text)
    about_anothers_case: bool = False  # mail quoting a case its sender does not belong to (intake.kinds)
    forwarded_to: str = ""  # our forward's recipient, when the mail answers that forward (intake.kinds)
    auth: AuthVerdict = UNCHECKED  # DMARC/DKIM/SPF of the From (intake.mail.authentication)
    sender_proven: bool = True  # the From may be taken as the sender (setting sender_auth)
    unproven: str = ""  # why the From may be forged (DMARC failed, our server's spam flag): nothing automatic to it
    checklists: dict[str, Checklist] = field(default_factory=dict)  # per part with a checklist (not triage)

    @property
    def mail(self) -> ParsedMail:
        assert self.parsed is not None, "parse stage has not run"
        return self.parsed

    @property
    def who(self) -> Parties:
        assert self.parties is not None, "find_parties has not run"
        return self.parties

    @property
    def writers(self) -> list[str]:
        """Whose mail this is, as far as the From proves it (a colleague's forward: the business it forwards);
        Reply-To proves nothing."""
        who = self.who
        return [who.applicant_addr] if who.forward is not None else [self.mail.from_addr]

    @property
    def subject(self) -> str:
        """The business's subject: a forwarded application's own, else the mail's."""
        fwd = self.parties.forward if self.parties else None
        return fwd.subject if fwd is not None and fwd.subject else self.mail.subject

    @property
    def text_now(self) -> str:
        """What the business wrote now: a forwarded application's text (the colleague's note after it)."""
        fwd = self.parties.forward if self.parties else None
        if fwd is not None:
            return "\n\n".join(t for t in (fwd.text, fwd.note) if t.strip())
        return self.mail.text_now


Stage = Callable[[MessageState, Context], None]
# A new application in words: asking for a permit, applying, renewing, again, as last year.
APPLIES = re.compile(
    r"\b(?:ans[øo]g\w*|s[øo]ge\w* om|forl[æa]ng\w*|forny\w*|tilladelse\w* til|igen (?:i|til|n[æa]ste)|"
    r"som sidste [åa]r|samme som sidst|ny(?:e)? (?:tilladelse|periode|s[æa]son)|"
    r"appl(?:y|ying|ication)\w*|renew\w*|extend\w*|extension|permit (?:for|to)|again (?:this|next|for)|"
    r"same as last (?:year|time)|new (?:permit|period|season))",
    re.IGNORECASE)
# asking for a permit in so many words (not the noun alone: "where does our application stand?", "ansøgningen og mine
# oplysninger" ask for nothing)
ASKS_FOR_A_PERMIT = re.compile(
    r"\b(?:(?:an)?s[øo]ge[rs]?\b(?:[ \t]+\w+){0,3}?[ \t]+om|ans[øo]gning(?:en)? om"
    r"|(?:vil|vi|jeg) gerne (?:have|s[øo]ge|ans[øo]ge)|tilladelse til (?:at )?\w+"
    r"|apply(?:ing)?\b(?:[ \t]+\w+){0,2}?[ \t]+for|applications? for|permit (?:for|to)"
    r"|request(?:ing)? (?:a |permission)|would like to (?:apply|have|place|put|hold|open|use))", re.IGNORECASE)
# applying again, not asking how the case is going: "søge igen til næste jul", "a new period", "renew"
APPLIES_AGAIN = re.compile(
    r"\b(?:(?:ans[øo]ge?|s[øo]ge?)r? igen|igen (?:i [åa]r|til n[æa]ste|n[æa]ste)|n[æa]ste (?:[åa]r|s[æa]son)|"
    r"ny(?:e)? (?:tilladelse|periode|s[æa]son)|forny\w*|forl[æa]ng\w*|apply(?:ing)? again|again (?:this|next)|"
    r"next (?:year|season)|new (?:permit|period|season)|renew\w*|extend\w*)", re.IGNORECASE)
# an objection to an application (a neighbour's reply-all under the bar's mail): a say in another's matter, no
# application of the writer's own
OBJECTS = re.compile(
    r"\b(?:g[øo]re?|g[øo]r|gjort|har)[ \t]+(?:\w+[ \t]+)?indsigelse|\bindsigelser?[ \t]+mod\b"
    r"|\bprotestere[rs]?[ \t]+mod\b|\bh[øo]ringssvar"
    r"|\bobject(?:s|ing)?[ \t]+to[ \t]+(?:the|this|your|their|his|her)\b|\b(?:an|my|our)[ \t]+objection\b",
    re.IGNORECASE)
# a withdrawal of an application ("Please withdraw the application", "vi trækker ansøgningen tilbage"): when it names
# no case of ours (an earlier system's reference, or none) the quoted application under it is not applied for again
WITHDRAWS = re.compile(
    r"\bwithdraw(?:s|ing|n)?[ \t]+(?:(?:our|my|the|this|that)[ \t]+)?(?:\w+[ \t]+)?(?:application|request)"
    r"|\bcancel(?:s|led|ling)?[ \t]+(?:(?:our|my|the|this|that)[ \t]+)?(?:\w+[ \t]+)?(?:application|request|booking)"
    r"|\b(?:have|need|want)[ \t]+to[ \t]+cancel[ \t]+(?:this|it|the|our)\b"
    r"|\btr[æa]k(?:ke[rs]?)?[ \t]+(?=(?:vores|min|den|ans[øo]gning\w*|sagen)\b)[^\n.!?]{0,80}?\btilbage\b"
    r"|\btilbagekald\w*[ \t]+(?:(?:vores|min|den)[ \t]+)?ans[øo]gning"
    r"|\bannuller\w*[ \t]+(?:(?:vores|min|den|jeres)[ \t]+)?(?:ans[øo]gning|sagen|booking)", re.IGNORECASE)
# news beside a status question: "Og så en rettelse: markedet er rykket en uge", "the date has changed", "instead of"
CARRIES_NEWS = re.compile(
    r"\b(?:rettelse|rettelser|ret(?:ter)?[ \t]+(?:datoen|adressen|perioden)|rykket|ændret|ændring(?:er)?"
    r"|i[ \t]+stedet[ \t]+for|ny[ \t]+dato|nye[ \t]+datoer|correction|corrected|changed|postponed|moved[ \t]+to"
    r"|instead[ \t]+of|new[ \t]+dates?|vedhæft\w*|vedlagt|attached)\b", re.IGNORECASE)
STATUS_WORDS = re.compile(
    r"\b(status|hvor langt|hvorn[aå]r|nyt i sagen|how far|any news|update on|progress)\b", re.I)


def parse(state: MessageState, ctx: Context) -> None:
    state.parsed = parse_mail(state.raw)


def detect_loops(state: MessageState, ctx: Context) -> None:
    loop_id = ctx.settings.loop_id
    verdict = (detect_automated(state.mail.msg, loop_id=loop_id)
               or wrapped_own_mail(attached_messages(state.mail), loop_id))
    if verdict is not None:
        state.kind, state.reason = verdict.kind, verdict.reason
        raise StopMessage("skipped", verdict.reason)
    if state.mail.from_addr and state.mail.from_addr.lower() == ctx.settings.from_address.lower():
        # our own address writing to us without our X-Loop: a loop through a forwarding rule, or a forgery
        state.kind, state.reason = "loop", "from our own address"
        raise StopMessage("skipped", state.reason)
    if not state.mail.attachments and len(_WORD.findall(f"{state.mail.subject} {state.mail.full_text}")) < 2:
        # a 0-byte file, random bytes, headers alone: nothing a person wrote to answer
        state.kind, state.reason = "empty", "nothing to read: no words in the subject or text, no attachment"
        raise StopMessage("skipped", state.reason)


_WORD = re.compile(r"[^\W\d_]{2,}")


def find_parties(state: MessageState, ctx: Context) -> None:
    """Who applies: the author of an application a colleague forwarded, else the sender (and its agent)."""
    state.parties = parties_of(state.mail, ctx.settings.internal)


def detect_lang(state: MessageState, ctx: Context) -> None:
    state.language = detect_language(f"{state.subject}\n{state.text_now or state.mail.full_text}")


def find_refs(state: MessageState, ctx: Context) -> None:
    mail = state.mail
    texts = [mail.subject, state.subject, state.text_now, mail.in_reply_to, *mail.references]
    state.references = find_references(ctx.settings.reference_prefix, texts)
    if state.references:
        state.threaded = find_references(ctx.settings.reference_prefix,
                                         [mail.subject, state.subject, mail.in_reply_to, *mail.references])
        short = len(state.text_now) < 600
        said = f"{state.subject}\n{state.text_now}"
        # "Jeg vil gerne søge igen til næste jul ... sig til hvornår jeg skal sende": applying, not asking for news
        asks = STATUS_WORDS.search(said) and not APPLIES_AGAIN.search(said)
        # a status question that also brings news (a date moved, a document sent) is for a caseworker to read
        news = CARRIES_NEWS.search(state.text_now) or any(
            not a.content_type.startswith("image/") for a in mail.attachments)
        state.kind = "status_query" if (short and asks and not news) else "follow_up"


_SYSTEM_RESOLVER = system_resolver()


def check_sender(state: MessageState, ctx: Context) -> None:
    """Our receiving server's Authentication-Results, else (for mail quoting a case) DKIM/DMARC checked here; and
    ``state.unproven`` when the From failed DMARC or our server flagged the mail as spam (``intake.mail.spam``).

    Mail from inside the municipality is not checked here: it rarely crosses the internet, so DKIM and DMARC
    say nothing about it (only the receiving server's header, with ``authserv_ids`` set, can prove it).
    """
    settings = ctx.settings
    spam = spam_flag(state.mail.msg) if settings.authserv_ids else ""  # our server's header, when it is trusted
    if spam:
        state.unproven = f"our receiving server marked it as spam ({spam})"
    if settings.sender_auth == "off":
        return
    trusted = trusted_results(state.mail.msg, settings.authserv_ids, state.mail.from_addr.rpartition("@")[2])
    if trusted is not None:
        state.auth = trusted
    elif state.references and not state.who.internal:
        state.auth = verify(state.raw, ctx.resolver or _SYSTEM_RESOLVER)
    state.sender_proven = state.auth.proves_sender(settings.sender_auth)
    if state.who.internal and settings.authserv_ids and state.auth.dmarc != "pass":
        # a colleague's reply is passed on to the business in our name, and a colleague's forward adds to a case:
        # once our server's results are trusted, only its pass proves a sender inside the municipality (a forged
        # "jens@kk.dk" came without the header, or with dmarc=none, and its payment instruction was mailed on)
        state.sender_proven = False
    if state.auth.dmarc == "fail":
        # a new application too: its acknowledgement (and reference) would go to whoever the From names
        state.unproven = f"the From failed DMARC ({state.auth.summary})"


def read_attachments(state: MessageState, ctx: Context) -> None:
    if ctx.extractor is not None and state.inbound_id is not None:
        names = [(p.filename, p.content_type, len(p.data)) for p in state.mail.attachments]
        state.attachments = ctx.extractor.read(state.inbound_id, names, ctx.settings.extraction_wait_seconds)
        state.attachments += [refusal(safe_filename(name), "", "unknown", "too_many_parts", 0)
                              for name in state.mail.skipped]
        return
    state.attachments = attachments_of(state.mail, ctx.settings.attachment_budget_seconds)


def find_details(state: MessageState, ctx: Context) -> None:
    mail = state.mail
    fwd = state.parties.forward if state.parties else None
    if fwd is not None:  # the business's own text first; the colleague's note (and signature) last
        sources = [("subject", state.subject), ("body", fwd.text), ("note", fwd.note)]
    else:
        sources = [("subject", mail.subject), ("body", mail.full_text)]
    sources += [(a.filename, a.text) for a in state.attachments if a.text]
    forms = [a for a in state.attachments if a.fields]
    form_fields: dict[str, str] = {}
    for att in forms:
        form_fields.update(att.fields)
    form_source = forms[0].filename if len(forms) == 1 else "form"
    # the business: a forwarded application's author, not the colleague who forwarded it
    who = state.parties or parties_of(mail, ())
    state.details = extract_details(sources, form_fields, form_source=form_source,
                                    reference=local_date(state.received), sender=who.applicant_addr,
                                    sender_name=who.applicant_name,
                                    reply_to=who.reply_addr if who.has_agent else "")


def classify(state: MessageState, ctx: Context) -> None:
    subject, text, attachments = classifier_input(state.mail, [a.text for a in state.attachments])
    if state.parties is not None and state.parties.forward is not None:
        subject, text = state.subject, state.text_now
    state.classifier_text = redact_cpr(compose(subject, text, attachments))  # stored with the case: no CPR
    state.prediction = ctx.models.get().predict(state.classifier_text, Parts(subject, text, state.attachments))


def route(state: MessageState, ctx: Context) -> None:
    pred = state.prediction
    cat = ctx.catalogue
    known = [t for t, _ in (pred.task_types if pred else []) if t in cat.tasks]
    doubt = pred is None or pred.needs_triage
    if cat.general_task and (
            state.about_anothers_case and not ASKS_FOR_A_PERMIT.search(f"{state.subject}\n{state.text_now}")
            # (an objection's subject is the application's it answers: only its own words count)
            or OBJECTS.search(state.text_now) and not ASKS_FOR_A_PERMIT.search(state.text_now)
            or WITHDRAWS.search(state.text_now) and not ASKS_FOR_A_PERMIT.search(WITHDRAWS.sub(" ", state.text_now))):
        # about someone else's case, objecting to someone else's application or withdrawing one we do not know,
        # applying for nothing: a question
        known, doubt = [cat.general_task], False
    elsewhere = site_elsewhere(state.details, known, cat)
    if elsewhere is not None and cat.general_task:
        # the site lies in another municipality: that authority's to decide; a general enquiry whose acknowledgement
        # says where to apply (``find_external``), flagged for a caseworker to pass on (forvaltningsloven § 7(2))
        known, doubt, state.elsewhere = [cat.general_task], False, elsewhere.id
    state.task_types = known or ["generel"]
    state.needs_triage = bool(doubt or not known)
    primary = cat.task(state.task_types[0])
    state.office = cat.triage_office if state.needs_triage else primary.office
    state.goal = primary.goal
    state.due = due_date(state.received, primary.goal, ctx.calendar)
    state.week = iso_week(state.due)
    litres = state.details.get("litres")
    state.parts = plan_parts(state.task_types, state.needs_triage, state.received, cat, ctx.calendar,
                             litres=float(litres.value) if litres is not None and _is_number(litres.value) else None,
                             text=state.classifier_text)
    first = state.parts[0]
    state.office, state.goal, state.due, state.week = first.office, first.goal, first.due, first.week


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# task types done at the business's own premises: without a site of its own, the address is where it happens
AT_THE_PREMISES = frozenset({"udeservering", "skilte", "spildevand", "erhvervsaffald", "miljoegodkendelse", "olietank",
                             "byggetilladelse", "nedrivning"})
_POSTCODE_IN = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def site_elsewhere(details: Mapping[str, Field], task_types: Sequence[str], cat: Catalogue) -> ExternalTopic | None:
    """The other municipality whose postcodes the application's site has: the site's postcode ("Værnedamsvej 10, 1819
    Frederiksberg C"), or the business's own postcode when no other site is named and the primary task is done at
    its premises (outdoor serving in front of the café); None when the site is in town, or not known."""
    site = details.get("activity_location")
    if site is not None:
        found = _POSTCODE_IN.findall(str(site.value))
        postcode = found[-1] if found else ""
    elif task_types and task_types[0] in AT_THE_PREMISES and "postcode" in details:
        postcode = str(details["postcode"].value)
    else:
        return None
    return next((t for t in cat.external.values() if t.has_postcode(postcode)), None) if postcode else None


def attachments_of(mail: ParsedMail, budget: float | None = None) -> list[AttachmentResult]:
    """Every attachment of ``mail`` read in the sandbox (for the pipeline and for training on .eml files).

    Within ``budget`` seconds for all of them when given: once it is spent the
    rest are not read and say so ("time_budget"), as do the parts past the
    parser's part limit ("too_many_parts"), so the letters name every file not read.
    """
    deadline = None if budget is None else time.monotonic() + budget
    results: list[AttachmentResult] = []
    for p in mail.attachments:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            results.append(refusal(safe_filename(p.filename), p.content_type, "unknown", "time_budget", len(p.data)))
        else:
            results.append(extract_attachment(p.filename, p.content_type, p.data, left))
    results += [refusal(safe_filename(name), "", "unknown", "too_many_parts", 0) for name in mail.skipped]
    if any(r.reason in ("time_budget", "too_many_parts") for r in results):
        log.info("attachments not read", extra={"time_budget": sum(r.reason == "time_budget" for r in results),
                                                "too_many_parts": len(mail.skipped)})
    return results


def classifier_input(mail: ParsedMail, attachment_texts: Sequence[str]) -> tuple[str, str, list[str]]:
    """What the classifier reads of a message: subject, what the sender wrote now, attachment texts.

    ``classifier.features.compose`` joins the three. The ``classify`` stage and
    training on labelled .eml files (``intake classifier train --data``) both
    take the text from here, so the model is trained on the text it is served.
    """
    return mail.subject, mail.text_now or mail.full_text, [t for t in attachment_texts if t]


def read_for_classifier(raw: bytes) -> tuple[str, str, list[str]]:
    """A raw message as the classifier reads it, through the same parsing and attachment reading as the pipeline."""
    mail = parse_mail(raw)
    return classifier_input(mail, [a.text for a in attachments_of(mail)])


def find_external(state: MessageState, ctx: Context) -> None:
    """Non-municipal topics (food approval, alcohol licence, VAT...) in what the sender wrote now."""
    topics = find_external_topics(f"{state.subject}\n{state.text_now}", ctx.catalogue)
    state.external = ([state.elsewhere] if state.elsewhere else []) + [t.id for t in topics if t.id != state.elsewhere]


def evidence_of(state: MessageState) -> Evidence:
    """What the business sent, as the checklist reads it: details, attachments, subject, text and form fields."""
    forms = [f"{label}: {value}" for a in state.attachments for label, value in (a.fields or {}).items()]
    texts = [("subject", state.subject), ("body", state.text_now or state.mail.full_text),
             *((a.filename, a.text) for a in state.attachments if a.text), ("form", "\n".join(forms))]
    fwd = state.parties.forward if state.parties else None
    quoted = "" if fwd is not None else quoted_text(state.mail.full_text, state.mail.subject)
    signature = _signature(state.mail.full_text, state.text_now, quoted)
    own = own_history(state.mail.full_text, quoted, state.mail.from_addr, state.mail.from_name)
    if own:  # a reply quoting the sender's own earlier mail ("se min mail nedenfor"): that mail is the application
        texts.append(("history", own))
        quoted = ""
    return Evidence(details=state.details, attachments=[(a.filename, a.text or "") for a in state.attachments],
                    texts=[(source, text) for source, text in texts if text],
                    signature=signature, quoted=quoted, received=local_date(state.received))


def _signature(full_text: str, text_now: str, quoted: str) -> str:
    """The lines of the body that are neither what the sender wrote now nor quoted: its signature, mostly."""
    taken = set(text_now.splitlines()) | set(quoted.splitlines())
    return "\n".join(line for line in full_text.splitlines() if line not in taken)


def check_completeness(state: MessageState, ctx: Context) -> None:
    """Each part's checklist: what the application has and where, what is missing (none for a triage case)."""
    tasks = [p.task_type for p in state.parts if not p.needs_triage and ctx.catalogue.task(p.task_type).checklist]
    if not tasks:
        state.checklists = {}
        return
    evidence = evidence_of(state)
    state.checklists = check_parts(tasks, ctx.catalogue, evidence, own_evidence(evidence, tasks, ctx))


def own_evidence(evidence: Evidence, tasks: Sequence[str], ctx: Context) -> dict[str, Evidence] | None:
    """Each part's own evidence where the application has several (``intake.details.attribution``): each reads its
    own numbers, not the sentences about another part. None for one part, or for a model that cannot score sentences
    (a test's fake): each part then reads the whole."""
    return own_parts(evidence, tasks, getattr(ctx.models.get(), "probabilities", None))


PRELUDE: Sequence[Stage] = (parse, detect_loops, find_parties, detect_lang, find_refs, check_sender)
ANALYSIS: Sequence[Stage] = (read_attachments, find_details, classify, route, find_external, check_completeness)


def run_stages(stages: Sequence[Stage], state: MessageState, ctx: Context) -> MessageState:
    """Run ``stages`` in order; ``StopMessage`` propagates to the driver."""
    for stage in stages:
        stage(state, ctx)
    return state
