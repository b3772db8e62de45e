"""Our receiving server's spam verdict: ``X-Spam-Flag: YES`` or ``X-Spam-Status: Yes, score=...``. Pure.

SpamAssassin (and rspamd's compatible headers) write these on top of the message and drop any the message
arrived with, so only the topmost value of each is read. Anyone can write them too, so they are read only when
the service trusts its receiving server's headers (``authserv_ids`` set, as for ``Authentication-Results``;
``intake.pipeline.check_sender``). A flag never stops a message: it only withholds our automatic answers from a
From that may be forged (a spam sender's From is usually someone else's address).
"""
from __future__ import annotations

from email.message import Message

from intake.mail.headers import header_value


def spam_flag(msg: Message) -> str:
    """``X-Spam-Flag: YES`` / ``X-Spam-Status: Yes`` when the topmost such header says so, else ""."""
    if header_value(msg, "X-Spam-Flag", 40).strip().lower() == "yes":
        return "X-Spam-Flag: YES"
    status = header_value(msg, "X-Spam-Status", 40).strip().lower()
    if status == "yes" or status.startswith(("yes,", "yes ")):
        return "X-Spam-Status: Yes"
    return ""
