"""The desk's words for stored values: a status and decision, a service goal, in Danish / English as every desk
page reads. The words are the letters' and the track page's (``intake.letters.wording``, ``routing.goals``):
one table each, not a second one for the desk."""
from __future__ import annotations

from intake.letters.wording import state_words
from routing.catalogue import ServiceGoal
from routing.goals import describe_goal


def both(da: str, en: str) -> str:
    """"da / en", as the desk writes its labels; once when the two are the same."""
    return da if da == en else f"{da} / {en}"


def state_label(status: str, decision: str | None = None) -> str:
    """"under behandling / in progress", "afgjort (godkendt) / decided (approved)"."""
    return both(state_words(status, decision, "da"), state_words(status, decision, "en"))


def goal_label(value: int, unit: str) -> str:
    """"10 arbejdsdage / 10 working days"; a unit the words do not know, as it is stored."""
    try:
        goal = ServiceGoal(value, unit)  # type: ignore[arg-type]
        return both(describe_goal(goal, "da"), describe_goal(goal, "en"))
    except KeyError:
        return f"{value} {unit}"
