"""The details of an application: company, CVR, contact, address, period... with where each was found.

``extract`` combines the finders of the other modules (``identifiers``,
``names``, ``addresses``, ``periods``, ``text``); ``external`` finds the
non-municipal matters a sender asks about.
"""
from intake.details.extract import (
    DETAIL_KEYS,
    Field,
    details_to_json,
    extract_details,
    redact_cpr,
)

__all__ = ["DETAIL_KEYS", "Field", "details_to_json", "extract_details", "redact_cpr"]
