"""Task-type classifier: features, model, model store, training and evaluation.

The pipeline needs only ``compose``, ``Parts``, ``Prediction``, ``Classifier`` and
``load_active`` (or ``ModelHolder`` for hot switching); the rest is for operators.
"""
from __future__ import annotations

import logging
from pathlib import Path

from classifier.errors import (
    ClassifierError,
    ModelRefused,
    NoActiveModel,
    TrainingDataError,
    UnknownVersion,
)
from classifier.features import compose
from classifier.prediction import Classifier, Prediction
from classifier.segments import Attachment, Parts

log = logging.getLogger(__name__)

__all__ = ["Attachment", "Classifier", "ClassifierError", "ModelHolder", "ModelRefused", "NoActiveModel", "Parts",
           "Prediction", "TrainingDataError", "UnknownVersion", "compose", "load_active"]


def load_active(model_dir: Path) -> Classifier:
    """The active version in ``model_dir``; when there is none, train one on the seed corpus,
    store it as the first version, activate it, and return it.

    A refused active model falls back to the last good activated version; when none
    loads, ``ModelRefused`` says what to do.
    """
    from classifier.bootstrap import load_or_bootstrap

    return load_or_bootstrap(Path(model_dir))


def __getattr__(name: str):
    if name == "ModelHolder":
        from classifier.holder import ModelHolder

        return ModelHolder
    raise AttributeError(name)
