"""Builders of synthetic labelled mail for the classifier tests."""
from __future__ import annotations

import random

from classifier.data import Example
from classifier.features import compose

PHRASES = {
    "udeservering": ["borde og stole foran caféen", "udeservering på fortovet", "outdoor seating for our restaurant",
                     "vi vil servere udenfor om sommeren", "tables and chairs on the pavement", "fortovsservering"],
    "skilte": ["nyt skilt på facaden", "facadereklame med lys", "a sign above the shop window",
               "skiltetilladelse til butikken", "illuminated sign on the front", "reklameskilt ved indgangen"],
    "gravetilladelse": ["gravearbejde i vejen", "vi skal grave et kabel ned", "excavation in the street",
                        "gravetilladelse til fjernvarme", "dig up the road for a water pipe", "opgravning af fortov"],
    "olietank": ["sløjfning af olietank", "gammel olietank i haven", "removal of an oil tank",
                 "nedgravet olietank på 1200 liter", "decommission the heating oil tank", "olietanken skal fjernes"],
    "stoej_byggeplads": ["støjende arbejde om natten", "støvende nedbrydning", "noisy construction work at night",
                         "anmeldelse af støjende byggearbejde", "pile driving noise",
                         "stojende arbejde med vibrationer"],
}
FILLER = ["Hej", "Kære kommune", "Dear sir or madam", "Med venlig hilsen Jens", "Best regards, Anna",
          "Vi håber på hurtigt svar.", "Please let us know.", "Adressen er Nørrebrogade 12.", "Tak på forhånd."]


def make_examples(per_label: int = 24, multi: int = 12, seed: int = 1) -> list[Example]:
    """Synthetic mails: each label's phrases mixed with filler; a few two-label applications."""
    rng = random.Random(seed)
    out = []
    for label, phrases in PHRASES.items():
        for i in range(per_label):
            body = " ".join(rng.sample(FILLER, 2) + rng.sample(phrases, 2))
            out.append(Example(compose(rng.choice(phrases).capitalize(), body), (label,), f"{label}:{i}"))
    for i in range(multi):
        body = " ".join([rng.choice(PHRASES["udeservering"]), "og", rng.choice(PHRASES["skilte"]), rng.choice(FILLER)])
        out.append(Example(compose("Ny café", body), ("udeservering", "skilte"), f"multi:{i}"))
    rng.shuffle(out)
    return out
