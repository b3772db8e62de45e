"""The desk's words for stored values: a status and decision, a service goal, a task type, a history event, in
Danish / English as every desk page reads. Statuses, decisions and goals are the letters' and the track page's words
(``intake.letters.wording``, ``routing.goals``): one table each, not a second one for the desk; only where the
business's wording speaks to the business ("venter på oplysninger fra dig") does the desk say it from its own side.
History events are written for caseworkers here: the business's words for them (``[events]`` of the phrases) speak
to the business and name only the events it may read."""
from __future__ import annotations

from types import MappingProxyType

from intake.letters.wording import state_words
from routing.catalogue import ServiceGoal, TaskType
from routing.goals import describe_goal

# the desk's own words where the letters address the business
_DESK_STATUSES = MappingProxyType({"waiting": ("venter på virksomheden", "waiting for the business")})

# every history event (``CaseEvent.action``) as a caseworker reads it: (Danish, English)
EVENTS = MappingProxyType({
    "received": ("modtaget", "received"),
    "routed": ("sendt til enheden", "sent to the office"),
    "started": ("behandling startet", "processing started"),
    "waiting": ("oplysninger bedt om", "information requested"),
    "resumed": ("uret kører igen", "clock running again"),
    "approved": ("godkendt", "approved"),
    "rejected": ("afslag", "rejected"),
    "forwarded": ("henvist til en anden myndighed", "referred to another authority"),
    "reopened": ("afgørelse genoptaget", "decision reopened"),
    "rerouted": ("omdirigeret", "rerouted"),
    "part_added": ("del tilføjet", "part added"),
    "assigned": ("tildelt", "assigned"),
    "contact_person": ("kontaktperson", "contact person"),
    "closed": ("lukket", "closed"),
    "follow_up": ("mail fra virksomheden", "mail from the business"),
    "status_query": ("statusforespørgsel besvaret", "status question answered"),
    "closed_case_mail": ("mail om en lukket sag", "mail about a closed case"),
    "checklist": ("tjekliste opdateret", "checklist updated"),
    "caseworker_note": ("intern note", "internal note"),
    "caseworker_reply": ("sagsbehandlers svar sendt", "caseworker's reply sent"),
    "contact_added": ("adresse tilføjet", "address added"),
    "contact_removed": ("adresse fjernet", "address removed"),
    "meeting_proposed": ("stjernemøde foreslået", "star meeting proposed"),
    "meeting_moved": ("stjernemøde flyttet", "star meeting moved"),
    "meeting_cancelled": ("stjernemøde aflyst", "star meeting cancelled"),
    "meeting_held": ("stjernemøde holdt", "star meeting held"),
    "guided_external": ("vejledt om en anden myndighed", "guided to another authority"),
    "forwarded_to_us": ("videresendt til os", "forwarded to us"),
    "renewal": ("fornyer en tidligere sag", "renews an earlier case"),
    "quotes_another_case": ("nævner en anden sag", "quotes another case"),
    "unproven_sender": ("afsender ikke bekræftet", "sender not proven"),
    "unverified_mail": ("mail fra ubekræftet afsender", "unverified mail"),
    "authority_reply": ("svar fra myndigheden", "answer from the authority"),
    "attachment_read_late": ("bilag læst senere", "attachment read later"),
    "bounced": ("mail ikke leveret", "mail not delivered"),
    "mail_failed": ("mail kunne ikke sendes", "mail could not be sent"),
    "purged": ("personoplysninger slettet", "personal data erased"),
})


def both(da: str, en: str) -> str:
    """"da / en", as the desk writes its labels; once when the two are the same."""
    return da if da == en else f"{da} / {en}"


def state_label(status: str, decision: str | None = None) -> str:
    """"under behandling / in progress", "afgjort (godkendt) / decided (approved)"; "venter på virksomheden /
    waiting for the business" where the business reads "venter på oplysninger fra dig"."""
    if status in _DESK_STATUSES and not decision:
        return both(*_DESK_STATUSES[status])
    return both(state_words(status, decision, "da"), state_words(status, decision, "en"))


def goal_label(value: int, unit: str) -> str:
    """"10 arbejdsdage / 10 working days"; a unit the words do not know, as it is stored."""
    try:
        goal = ServiceGoal(value, unit)  # type: ignore[arg-type]
        return both(describe_goal(goal, "da"), describe_goal(goal, "en"))
    except KeyError:
        return f"{value} {unit}"


def task_label(task: TaskType) -> str:
    """A task type as the catalogue names it: "Skilte og facadereklamer / Signs and facade advertising"."""
    return both(task.name_da, task.name_en)


def event_label(action: str) -> str:
    """A history event in words: "intern note / internal note"; an event without words, as it is stored."""
    words = EVENTS.get(action)
    return both(*words) if words else action
