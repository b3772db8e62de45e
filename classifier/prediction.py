"""What a classifier answers, and the protocol every classifier meets."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from classifier.segments import Parts

# progress(stage, done, total): library code reports, the CLI draws a bar.
Progress = Callable[[str, int, int], None]

# (sentences, task types) -> each sentence's calibrated probability of each task type
# (``classifier.model.TaskModel.probabilities``; read by ``intake.details.attribution`` and the desk)
SentenceScorer = Callable[[Sequence[str], Sequence[str]], list[dict[str, float]]]


def no_progress(stage: str, done: int, total: int) -> None:
    """The progress callback that reports nothing."""


@dataclass(frozen=True)
class Prediction:
    """The task types that apply to one text, primary first, and how sure the model is."""

    task_types: list[tuple[str, float]]  # primary first, every label that applies, with probability
    confidence: float                    # probability of the primary label
    needs_triage: bool                   # below the threshold of the primary label
    model_version: str

    @property
    def primary(self) -> str:
        return self.task_types[0][0]


class Classifier(Protocol):
    """Anything that turns the composed text of a mail (and, when there are any, its parts) into a Prediction."""

    version: str

    def predict(self, text: str, parts: Parts | None = None) -> Prediction: ...
