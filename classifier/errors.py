"""Errors of the classifier package. Each says whose fault it is."""
from __future__ import annotations


class ClassifierError(Exception):
    """Base class of every error the classifier package raises."""


class ModelRefused(ClassifierError):
    """A stored model was not loaded: tampered, truncated, missing or made by an incompatible version."""


class NoActiveModel(ClassifierError):
    """The model store has no active version (and none could be made)."""


class UnknownVersion(ClassifierError):
    """An operator named a model version that is not in the store."""


class TrainingDataError(ClassifierError):
    """Training or evaluation data is unreadable, unlabelled or too small to train on."""
