"""The guidance on matters the municipality does not decide (forvaltningsloven § 7(2)), in the letters.

``intake.details.external`` finds the topics in what the sender wrote; this
module says, in the business's language, who decides each one and where to go
(the words are in ``templates/phrases.<lang>.toml``, section ``[guidance]``).
"""
from __future__ import annotations

from collections.abc import Sequence

from intake.letters.wording import phrase
from routing.catalogue import Catalogue

GENERAL_TASK = "generel"  # the catalogue's general enquiry (no municipal permit recognised)


def only_external(task_types: Sequence[str], external: Sequence[str]) -> bool:
    """The mail asks only about non-municipal matters: topics matched and no task but the general one."""
    return bool(external) and all(t == GENERAL_TASK for t in task_types)


def guidance_text(topic_ids: Sequence[str], task_types: Sequence[str], catalogue: Catalogue, lang: str, *,
                  from_name: str) -> str:
    """One paragraph per non-municipal topic: who decides it and where to go ('' when there is none).

    It says that we have not passed the matter on but guide the business there
    (forvaltningsloven § 7), and whether the municipal part goes on or the whole
    enquiry is external (``only_external``).
    """
    topics = [catalogue.external[t] for t in topic_ids if t in catalogue.external]
    if not topics:
        return ""
    paragraphs = [phrase(lang, "guidance.topic", name=getattr(t, f"name_{lang}"),
                         authority=getattr(t, f"authority_{lang}"), guidance=getattr(t, f"guidance_{lang}"),
                         url=t.url) for t in topics]
    which = "only" if only_external(task_types, topic_ids) else "part"
    head = phrase(lang, f"guidance.head_{which}")
    intro = phrase(lang, f"guidance.intro_{which}", from_name=from_name)
    return f"\n{head}\n{intro}\n\n" + "\n\n".join(paragraphs) + "\n"
