"""Wiring: builds the pipeline context, mailbox, sender and database from the settings."""
from __future__ import annotations

import logging

from sqlalchemy.engine import Engine

from classifier.store import ModelHolder
from intake.mailbox.base import Mailbox
from intake.mailbox.maildir import MaildirMailbox
from intake.pipeline import Context
from intake.settings import Settings
from models.db import open_database
from routing.calendar import WorkingCalendar
from routing.catalogue import load_catalogue

log = logging.getLogger(__name__)


def build_context(settings: Settings) -> Context:
    catalogue = load_catalogue(settings.catalogue_path)
    calendar = WorkingCalendar(catalogue.extra_closure_days)
    return Context(settings, catalogue, calendar, ModelHolder(settings.model_dir))


def open_mailbox(settings: Settings) -> Mailbox:
    """IMAP when ``imap_host`` is set, else the local Maildir (the embedded default)."""
    if settings.uses_imap:
        from intake.mailbox.imap import from_settings

        return from_settings(settings)
    return MaildirMailbox(settings.maildir, processed=settings.imap_processed_folder,
                          quarantine=settings.imap_quarantine_folder)


def open_engine(settings: Settings) -> Engine:
    return open_database(settings.database_url)
