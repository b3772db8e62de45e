"""Each part of an application of several reads its own sentences (``intake.details.attribution``), and its
checklist its own numbers (``intake.details.checklist.check`` with ``own``).

The sentence scores come from a fake that reads topic words, so the rules are tested apart from any model; the
end-to-end test with the trained model is ``tests/e2e/test_checklist_flow.py``."""
from __future__ import annotations

from collections.abc import Sequence

import pytest

from classifier.prediction import SentenceScorer
from classifier.segments import sentence_spans
from intake.details import attribution
from intake.details.attribution import by_part, own_parts, owners
from intake.details.checklist import check, check_parts
from routing.catalogue import load_catalogue
from tests.intake.details.checklist_evidence import evidence

TOPICS = {"udeservering": ("udeservering", "servering", "borde", "outdoor"), "skilte": ("skilt", "sign"),
          "vejareal": ("stillads", "container", "scaffold", "vejareal"),
          "stoej_byggeplads": ("støj", "hammer", "noisy")}


def by_words(topics: dict[str, tuple[str, ...]]) -> SentenceScorer:
    """A fake scorer: each task type's probability is 1.0 where the sentence names one of its ``topics`` words, 0.0
    elsewhere."""
    def probabilities(sentences: Sequence[str], tasks: Sequence[str]) -> list[dict[str, float]]:
        return [{t: float(any(w in s.lower() for w in topics.get(t, ()))) for t in tasks} for s in sentences]
    return probabilities


fake = by_words(TOPICS)


def whose(text: str, tasks: Sequence[str] = ("udeservering", "skilte")) -> list[tuple[str, str | None]]:
    spans = sentence_spans(text)
    return [(text[s:e], o) for (s, e), o in zip(spans, owners(text, spans, tasks, fake), strict=True)]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_a_sentence_about_one_part_is_that_parts_and_one_about_both_or_none_is_every_parts():
    assert whose("Vi søger om udeservering med fire borde foran caféen. Vi vil også sætte et skilt op over døren. "
                 "Vi søger om udeservering og et skilt til facaden. Caféen ligger på Elmegade 14.") == [
        ("Vi søger om udeservering med fire borde foran caféen.", "udeservering"),
        ("Vi vil også sætte et skilt op over døren.", "skilte"),
        ("Vi søger om udeservering og et skilt til facaden.", None),
        ("Caféen ligger på Elmegade 14.", None)]


def test_a_sentence_that_points_back_goes_with_the_one_before_but_an_article_does_not():
    assert [o for _, o in whose("Vi vil også sætte et nyt skilt op. Det bliver 120 x 40 cm.")] == ["skilte", "skilte"]
    assert [o for _, o in whose("We also want a new sign over the door. It will be 120 by 40 cm.")] \
        == ["skilte", "skilte"]
    # "Den opgravede jord" is an article and a noun, not a pronoun that points back
    assert [o for _, o in whose("Vi vil også sætte et nyt skilt op. Den gamle facade males om.")] == ["skilte", None]
    # the time of what the sentence before was about: "Datoen er ikke fastlagt endnu" is the serving's, not the sign's
    assert [o for _, o in whose("Vi vil gerne have udeservering med 6 borde. Datoen er ikke fastlagt endnu.")] \
        == ["udeservering", "udeservering"]
    assert [o for _, o in whose("We also want a new sign over the door. The dates will follow.")] \
        == ["skilte", "skilte"]


def test_the_lines_under_a_heading_are_its_parts_until_the_paragraph_ends():
    text = "Støj:\n- 1. juni til 25. juni 2027\n- Hverdage kl. 8-16\n\nVi ses.\nKontakt: Jonas, 28 91 60 54"
    # (the heading itself holds nothing to read: one word is too little to tell a part by)
    assert [o for _, o in whose(text, ("stoej_byggeplads", "vejareal"))] == [
        None, "stoej_byggeplads", "stoej_byggeplads", None, None]


def test_under_a_heading_a_sentence_clearly_about_another_part_is_that_parts():
    text = "Støj:\n- hydraulisk hammer på facaden, hverdage kl. 8-16\n- stillads på fortovet hele perioden"
    assert [o for _, o in whose(text, ("stoej_byggeplads", "vejareal"))] == [None, "stoej_byggeplads", "vejareal"]


def test_a_sentence_that_goes_on_about_the_same_matter_stays_with_it():
    def leaning(sentences: Sequence[str], tasks: Sequence[str]) -> list[dict[str, float]]:
        return [{"udeservering": 1.0, "skilte": 0.0} if "udeservering" in s else
                {"udeservering": 0.6, "skilte": 0.4} for s in sentences]
    text = "Vi søger om udeservering foran butikken. Området bliver ca. 4 m x 1,5 m langs facaden."
    spans = sentence_spans(text)
    assert owners(text, spans, ["udeservering", "skilte"], leaning) == ["udeservering", "udeservering"]
    # after a sentence of every part's, the same leaning is too weak to tell
    text = "Hej med jer. Området bliver ca. 4 m x 1,5 m langs facaden."
    spans = sentence_spans(text)
    assert owners(text, spans, ["udeservering", "skilte"], leaning) == [None, None]


def test_a_line_that_only_tells_when_is_no_parts_by_itself():
    def hours_are_noise(sentences: Sequence[str], tasks: Sequence[str]) -> list[dict[str, float]]:
        return [{"vejareal": 0.0, "stoej_byggeplads": 1.0 if "kl." in s else 0.0} for s in sentences]
    text = "Ansøger\tKranudlejningen ApS\nDato\t20.01.2027 kl. 7 - 21.01.2027 kl. 16"
    spans = sentence_spans(text)
    assert owners(text, spans, ["vejareal", "stoej_byggeplads"], hours_are_noise) == [None, None]
    text = "Ansøger\tKranudlejningen ApS\nStøjende arbejde med trykluftbor kl. 7 - 16"
    assert owners(text, sentence_spans(text), ["vejareal", "stoej_byggeplads"], hours_are_noise) \
        == [None, "stoej_byggeplads"]


def test_a_part_does_not_read_the_sentences_of_another_and_keeps_their_places():
    ev = evidence("Vi søger om udeservering med borde 1,5 m ud fra facaden og 4 m langs. "
                  "Vi vil også sætte et skilt op over døren.")
    own = by_part(ev, ["udeservering", "skilte"], fake)
    body = dict(own["skilte"].texts)["body"]
    assert len(body) == len(dict(ev.texts)["body"]) and "1,5 m" not in body and "skilt op over døren" in body
    assert own["skilte"].others == ("Vi søger om udeservering med borde 1,5 m ud fra facaden og 4 m langs.",)
    assert "1,5 m" in dict(own["udeservering"].texts)["body"]
    assert own["udeservering"].others == ("Vi vil også sætte et skilt op over døren.",)
    assert by_part(ev, ["skilte"], fake) == {"skilte": ev}  # one part reads everything


def test_own_parts_only_where_there_are_several_parts_and_a_model():
    ev = evidence("Vi søger om udeservering med borde 1,5 m ud fra facaden og 4 m langs. "
                  "Vi vil også sætte et skilt op over døren.")
    assert own_parts(ev, ["udeservering", "skilte"], fake) == by_part(ev, ["udeservering", "skilte"], fake)
    assert own_parts(ev, ["udeservering", "skilte"], None) is None  # no model: each part reads the whole
    assert own_parts(ev, ["skilte", "skilte"], fake) is None  # one task type is one part


def test_the_sign_does_not_take_the_serving_areas_size_but_both_keep_the_address(catalogue):
    ev = evidence("Vi søger om udeservering foran Café Lærken, Vesterbrogade 112, 1620 København V, fra 1. april til "
                  "30. september 2027. Serveringen med borde bliver 1,5 m ud fra facaden og 4 m langs.\n\n"
                  "Vi vil også sætte et skilt op over døren.", address="Vesterbrogade 112", postcode="1620",
                  area_m2=6.0, period_from="2027-04-01", period_to="2027-09-30")
    whole = check_parts(["udeservering", "skilte"], catalogue, ev)
    assert "size" in whole["skilte"].have  # read as one text, the serving area is the sign's size
    own = by_part(ev, ["udeservering", "skilte"], fake)
    parts = check_parts(["udeservering", "skilte"], catalogue, ev, own)
    assert parts["skilte"].required_missing == ("size",)
    assert {"address", "area", "period"} <= set(parts["udeservering"].have)
    assert "address" in parts["skilte"].have  # a place is the business's, whatever sentence names it


def test_a_value_written_only_in_another_parts_sentence_is_not_given_but_its_own_dates_are(catalogue):
    task = catalogue.task("stoej_byggeplads")
    ev = evidence("Vi skal have stillads på fortovet fra 4. oktober til 17. december 2027.\n"
                  "Vi skal også bruge hydraulisk hammer på facaden, hverdage kl. 7-15.",
                  period_from="2027-10-04", period_to="2027-12-17")
    own = by_part(ev, ["vejareal", "stoej_byggeplads"], fake)
    assert "period" in check(task, ev).have
    assert "period" in check(task, ev, own["stoej_byggeplads"]).required_missing
    assert "hours" in check(task, ev, own["stoej_byggeplads"]).have
    # the noisy work's own dates (the extracted period is the scaffold's)
    ev = evidence("Vi skal have stillads på fortovet fra 4. oktober til 17. december 2027.\n"
                  "Vi skal også bruge hydraulisk hammer fra 11. til 22. oktober 2027, hverdage kl. 7-15.",
                  period_from="2027-10-04", period_to="2027-12-17")
    assert "period" in check(task, ev, by_part(ev, ["vejareal", "stoej_byggeplads"], fake)["stoej_byggeplads"]).have
    # or the same period as the other part
    ev = evidence("Vi skal have stillads på fortovet fra 4. oktober til 17. december 2027.\n"
                  "Vi skal også bruge hydraulisk hammer i samme periode, hverdage kl. 7-15.",
                  period_from="2027-10-04", period_to="2027-12-17")
    assert "period" in check(task, ev, by_part(ev, ["vejareal", "stoej_byggeplads"], fake)["stoej_byggeplads"]).have


def test_a_long_attachment_is_scored_only_up_to_its_first_sentences(monkeypatch):
    seen: list[int] = []

    def counting(sentences: Sequence[str], tasks: Sequence[str]) -> list[dict[str, float]]:
        seen.append(len(sentences))
        return fake(sentences, tasks)
    monkeypatch.setattr(attribution, "MAX_SENTENCES", 10)
    ev = evidence("Vi søger om udeservering.\n" + "Et skilt over døren.\n" * 50)
    own = by_part(ev, ["udeservering", "skilte"], counting)
    assert seen == [10]
    assert dict(own["udeservering"].texts)["body"].count("Et skilt") == 41  # the rest is every part's


@pytest.mark.parametrize("own_words", [
    "Under koncerten vil en isvogn sælge is fra stadepladsen",
    "Samtidig med koncerten vil en isvogn sælge is fra stadepladsen",
    "A food truck would like to sell tacos from a stall there, same hours as the concert",
    "A food truck would like to sell tacos from a stall during the concert",
])
def test_a_part_held_during_another_has_its_period(catalogue, own_words):
    ev = evidence("Vi holder en gratis koncert på Sankt Hans Torv fredag den 18. juni 2027 kl. 17-22. "
                  f"{own_words}.", period_from="2027-06-18", period_to="2027-06-18")
    tasks = {"arrangement": ("koncert",), "gadesalg": ("isvogn", "stall", "stadeplads")}
    topics = by_words(tasks)
    own = by_part(ev, list(tasks), topics)
    assert "period" in check(catalogue.task("gadesalg"), ev, own["gadesalg"]).have
    # without a word of when, the stall's period is not the concert's day
    ev = evidence("Vi holder en gratis koncert på Sankt Hans Torv fredag den 18. juni 2027 kl. 17-22. "
                  "En isvogn vil gerne sælge is fra en stadeplads.", period_from="2027-06-18", period_to="2027-06-18")
    own = by_part(ev, list(tasks), topics)
    assert "period" in check(catalogue.task("gadesalg"), ev, own["gadesalg"]).required_missing


def test_a_period_in_the_parts_own_words_counts_though_no_pattern_reads_it(catalogue):
    # the event's "on Saturday 21 August 2027 from 12:00 to 22:00" is what the period patterns read; the site hut's
    # own sentence gives its period in words they do not know
    ev = evidence("We hold our summer street festival at Øresundsvej 6 on Saturday 21 August 2027 from 12:00 to 22:00. "
                  "We would like to park a site hut and a lift on the road there. "
                  "They will stand there from the morning of 20 August until noon on 22 August.")
    tasks = {"arrangement": ("festival",), "vejareal": ("site hut", "lift")}
    topics = by_words(tasks)
    own = by_part(ev, list(tasks), topics)
    assert "period" in check(catalogue.task("vejareal"), ev, own["vejareal"]).have
    ev = evidence("We hold our summer street festival at Øresundsvej 6 on Saturday 21 August 2027 from 12:00 to 22:00. "
                  "We would like to park a site hut and a lift on the road there.")
    own = by_part(ev, list(tasks), topics)
    assert "period" in check(catalogue.task("vejareal"), ev, own["vejareal"]).required_missing


def test_the_firm_doing_the_work_is_every_parts(catalogue):
    ev = evidence("Nørrebro Fundering ApS søger om tilladelse til støjende arbejde (spunsning) på Sjællandsgade 40. "
                  "Derudover skal vi grave i fortovet foran grunden. Udgravningen bliver ca. 12 m x 0,6 m.")
    tasks = {"stoej_byggeplads": ("støj",), "gravetilladelse": ("grave",)}
    topics = by_words(tasks)
    own = by_part(ev, list(tasks), topics)
    assert "Nørrebro Fundering" not in dict(own["gravetilladelse"].texts)["body"]
    assert "contractor" in check(catalogue.task("gravetilladelse"), ev, own["gravetilladelse"]).have


def test_a_sentence_that_runs_on_over_many_matters_is_every_parts():
    run_on = ("we would like to continue the outdoor serving on the quay with six tables " * 3
              + "and on 14 August we hold a summer party there for 150 guests")
    assert len(run_on.split()) > attribution.MAX_WORDS
    assert owners(run_on, sentence_spans(run_on), ["udeservering", "skilte"], fake) == [None]
    short = "we would like to continue the outdoor serving on the quay with six tables"
    assert owners(short, sentence_spans(short), ["udeservering", "skilte"], fake) == ["udeservering"]


def test_a_short_sentence_giving_another_parts_time_goes_with_the_one_before_it(catalogue):
    tasks = {"nedrivning": ("nedriv", "olietank"), "vejareal": ("container", "skurvogn")}
    topics = by_words(tasks)
    text = "Container og skurvogn ud for porten. Samme periode som nedrivningen."
    assert owners(text, sentence_spans(text), list(tasks), topics) == ["vejareal", "vejareal"]
    ev = evidence("Nedrivningen sker 15. - 30. marts 2027. " + text, period_from="2027-03-15", period_to="2027-03-30")
    assert "period" in check(catalogue.task("vejareal"), ev, by_part(ev, list(tasks), topics)["vejareal"]).have
    # a longer sentence that opens so has its own matter
    text = "Container og skurvogn ud for porten. Samtidig med nedrivningen skal den gamle olietank graves op."
    assert owners(text, sentence_spans(text), list(tasks), topics) == ["vejareal", "nedrivning"]


def test_a_period_the_part_cannot_find_written_needs_its_own_sentences_to_give_one(catalogue):
    # "from 6 to 10 September 2027" is not found as the extracted 2027-09-06: before, taken as it is, for every part
    ev = evidence("We need a 10 m³ container in front of the building from 6 to 10 September 2027.\n"
                  "We also need to apply for noisy work: the old window frames are cut out with angle grinders.\n"
                  "We work 07:00-15:00.", period_from="2027-09-06", period_to="2027-09-10")
    own = by_part(ev, ["vejareal", "stoej_byggeplads"], fake)
    assert "period" in check(catalogue.task("stoej_byggeplads"), ev).have
    assert "period" in check(catalogue.task("stoej_byggeplads"), ev, own["stoej_byggeplads"]).required_missing


def test_months_give_a_period_but_not_an_events_day(catalogue):
    tasks = {"arrangement": ("fest",), "gadesalg": ("sælge", "is fra")}
    topics = by_words(tasks)
    ev = evidence("Vi vil sælge is fra en ladcykel på Islands Brygge fra 1. juni til 31. august 2027. "
                  "Vi vil også holde en fest foran butikken engang sidst i maj, 150 gæster.",
                  period_from="2027-06-01", period_to="2027-08-31")
    assert "date" in check(catalogue.task("arrangement"), ev, by_part(ev, list(tasks), topics)["arrangement"]).missing
    ev = evidence("Vi holder en fest på pladsen 12. juni 2027 kl. 12-18 for 150 gæster. "
                  "Vi vil også sælge is fra en ladcykel i juni, juli og august.", period_from="2027-06-12")
    assert "period" in check(catalogue.task("gadesalg"), ev, by_part(ev, list(tasks), topics)["gadesalg"]).have


@pytest.mark.parametrize("unsettled", [
    "Vi kender ikke de præcise datoer for kranen endnu.",
    "Datoer for kranen følger, når entreprenøren har lagt planen.",
    "We don't know the exact dates for the crane yet.",
])
def test_a_part_whose_dates_the_writer_does_not_know_lacks_its_period_though_the_project_has_one(catalogue,
                                                                                               unsettled):
    """The building project's dates are no period of the crane whose dates the writer says are not known; in a mail
    of one task the dates written still count, as before."""
    task = catalogue.task("vejareal")
    text = ("Vi bygger tagboliger i Classensgade 50. Selve byggeriet forventes at vare fra 1. april til 1. november "
            f"2027.\nI en periode skal der stå en kran på fortovet. {unsettled}")
    ev = evidence(text, period_from="2027-04-01", period_to="2027-11-01")
    own = by_part(ev, ["byggetilladelse", "vejareal"], by_words({"vejareal": ("kran", "crane")}))
    assert "period" in check(task, ev, own["vejareal"]).required_missing
    assert "period" in check(task, ev).have
