"""The guidance on matters the municipality does not decide (forvaltningsloven § 7(2)), in the letters.

``intake.details.external`` finds the topics in what the sender wrote; this
module says, in the business's language, who decides each one and where to go.
"""
from __future__ import annotations

from collections.abc import Sequence

from routing.catalogue import Catalogue

GENERAL_TASK = "generel"  # the catalogue's general enquiry (no municipal permit recognised)


def only_external(task_types: Sequence[str], external: Sequence[str]) -> bool:
    """The mail asks only about non-municipal matters: topics matched and no task but the general one."""
    return bool(external) and all(t == GENERAL_TASK for t in task_types)


GUIDANCE_WORDS = {
    "da": {
        "head_part": "Dele af din henvendelse afgøres af en anden myndighed",
        "head_only": "Din henvendelse afgøres af en anden myndighed",
        "intro_part": ("Vi har ikke sendt disse dele videre. Efter forvaltningslovens § 7 vejleder vi dig i stedet "
                       "om, hvor du skal henvende dig. Den kommunale del af din sag behandler vi som beskrevet ovenfor."),
        "intro_only": ("Din henvendelse ser ud til kun at handle om noget, som kommunen ikke afgør. Vi har ikke sendt "
                       "den videre. Efter forvaltningslovens § 7 vejleder vi dig i stedet om, hvor du skal henvende "
                       "dig. Vi har registreret henvendelsen, og Erhvervsservice ser den igennem og skriver til dig, "
                       "hvis en del af den alligevel hører under kommunen."),
        "decides": "afgøres af", "more": "Læs mere og søg her",
    },
    "en": {
        "head_part": "Parts of your enquiry are decided by another authority",
        "head_only": "Your enquiry is decided by another authority",
        "intro_part": ("We have not passed these parts on. Under section 7 of the Danish Public Administration Act "
                       "we instead tell you where to go. We handle the municipal part of your case as described above."),
        "intro_only": ("Your enquiry seems to concern only matters that the municipality does not decide. We have "
                       "not passed it on. Under section 7 of the Danish Public Administration Act we instead tell you "
                       "where to go. We have registered your enquiry, and Copenhagen Business Service will review it "
                       "and write to you if part of it does belong to the municipality."),
        "decides": "is decided by", "more": "Read more and apply here",
    },
}


def guidance_text(topic_ids: Sequence[str], task_types: Sequence[str], catalogue: Catalogue, lang: str) -> str:
    """One paragraph per non-municipal topic: who decides it and where to go ('' when there is none).

    It says that we have not passed the matter on but guide the business there
    (forvaltningsloven § 7), and whether the municipal part goes on or the whole
    enquiry is external (``only_external``).
    """
    topics = [catalogue.external[t] for t in topic_ids if t in catalogue.external]
    if not topics:
        return ""
    words = GUIDANCE_WORDS[lang]
    only = only_external(task_types, topic_ids)
    paragraphs = [f"{getattr(t, f'name_{lang}')} {words['decides']} {getattr(t, f'authority_{lang}')}. "
                  f"{getattr(t, f'guidance_{lang}')}\n{words['more']}: {t.url}" for t in topics]
    head, intro = (words["head_only"], words["intro_only"]) if only else (words["head_part"], words["intro_part"])
    return f"\n{head}\n{intro}\n\n" + "\n\n".join(paragraphs) + "\n"
