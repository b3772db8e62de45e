"""Errors of the classifier package, each on the branch of ``models.errors`` that says whose fault it is.

A model that cannot be loaded is ours (the service retries, an operator
activates a good one); bad training data or an unknown version named by an
operator is a refused request.
"""
from __future__ import annotations

from models.errors import IntakeError, OurFault, RequestRefused


class ClassifierError(IntakeError):
    """Base class of every error the classifier package raises; each subclass is on its fault's branch."""


class ModelRefused(ClassifierError, OurFault):
    """A stored model was not loaded: tampered, truncated, missing or made by an incompatible version."""


class NoActiveModel(ClassifierError, OurFault):
    """The model store has no active version (and none could be made)."""


class UnknownVersion(ClassifierError, RequestRefused):
    """An operator named a model version that is not in the store."""


class TrainingDataError(ClassifierError, RequestRefused):
    """Training or evaluation data is unreadable, unlabelled or too small to train on."""
