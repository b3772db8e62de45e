"""Whether a candidate model replaces the active one: one rule, applied to two evaluation reports.

Both reports (``classifier.evaluate.metrics``) are of the same examples, none of
which either model was trained on. The candidate is activated when all hold:

1. its macro-F1 is at least ``Rule.margin`` higher than the active model's;
2. no task type with at least ``Rule.min_support`` examples has an F1 more than
   ``Rule.max_drop`` lower than the active model's (a better average must not
   hide an office that loses its cases);
3. its triage rate is at most ``Rule.max_triage_rise`` higher.

A tie is not better: retraining on unchanged data never switches models.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rule:
    """The thresholds of the decision (fractions, not percentage points)."""

    margin: float = 0.01
    max_drop: float = 0.05
    min_support: int = 5
    max_triage_rise: float = 0.02

    def describe(self) -> str:
        return (f"activate when macro-F1 is at least {self.margin:.3f} higher, no task type with "
                f"{self.min_support}+ examples loses more than {self.max_drop:.3f} F1, and the triage rate "
                f"rises by at most {self.max_triage_rise:.3f}")


DEFAULT_RULE = Rule()


@dataclass(frozen=True)
class Decision:
    """The outcome and the reason, one sentence each."""

    activate: bool
    reason: str


def worst_drop(candidate: dict[str, Any], active: dict[str, Any], min_support: int) -> tuple[str, float] | None:
    """The task type (with enough support) whose F1 falls most from active to candidate, and by how much."""
    drops = []
    for task, scores in active["per_task"].items():
        if scores["support"] < min_support:
            continue
        new = candidate["per_task"].get(task, {"f1": 0.0})["f1"]
        drops.append((round(scores["f1"] - new, 4), task))
    if not drops:
        return None
    drop, task = max(drops)
    return task, drop


def decide(candidate: dict[str, Any], active: dict[str, Any], rule: Rule = DEFAULT_RULE) -> Decision:
    """Apply ``rule`` to the two reports of the same examples (see the module docstring)."""
    gain = round(candidate["macro_f1"] - active["macro_f1"], 4)
    if gain < rule.margin:
        return Decision(False, f"macro-F1 {candidate['macro_f1']:.3f} vs {active['macro_f1']:.3f}: "
                               f"a gain of {gain:+.3f}, less than the margin {rule.margin:.3f}")
    worst = worst_drop(candidate, active, rule.min_support)
    if worst is not None and worst[1] > rule.max_drop:
        return Decision(False, f"macro-F1 gains {gain:+.3f}, but {worst[0]} loses {worst[1]:.3f} F1 "
                               f"(more than {rule.max_drop:.3f})")
    rise = round(candidate["triage_rate"] - active["triage_rate"], 4)
    if rise > rule.max_triage_rise:
        return Decision(False, f"macro-F1 gains {gain:+.3f}, but the triage rate rises by {rise:.3f} "
                               f"(more than {rule.max_triage_rise:.3f})")
    return Decision(True, f"macro-F1 {candidate['macro_f1']:.3f} vs {active['macro_f1']:.3f} ({gain:+.3f}); "
                          "no task type worse beyond the limit; triage rate "
                          f"{candidate['triage_rate']:.3f} vs {active['triage_rate']:.3f}")


SUMMARY = (("macro-F1", "macro_f1"), ("primary accuracy", "primary_accuracy"), ("triage rate", "triage_rate"))


def side_by_side(left: dict[str, Any], right: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Rows (measure, left, right) of two reports of the same examples: the summary, multi-task, per task F1."""
    rows = [(name, f"{left[key]:.3f}", f"{right[key]:.3f}") for name, key in SUMMARY]
    lm, rm = left.get("multi_task") or {}, right.get("multi_task") or {}
    if lm.get("n"):
        for name in ("recall", "precision"):
            rows.append((f"multi-task {name} (n={lm['n']})", _num(lm.get(name)), _num(rm.get(name))))
    for task in sorted(set(left["per_task"]) | set(right["per_task"])):
        ls, rs = left["per_task"].get(task), right["per_task"].get(task)
        support = (ls or rs or {}).get("support", 0)
        if support:
            rows.append((f"F1 {task} (n={support})", _num(ls and ls["f1"]), _num(rs and rs["f1"])))
    return rows


def _num(value: Any) -> str:
    return "-" if value is None else f"{float(value):.3f}"
