"""known_labels gives curated names their curated label and street and place names the label LOC."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.gazetteer import curated_labels  # noqa: E402
from pipeline.model.known_labels import KnownLabels  # noqa: E402


def _labelled(words, ents):
    nlp = spacy.blank("sv")
    doc = Doc(nlp.vocab, words=words, ents=ents)
    return [(e.text, e.label_) for e in KnownLabels(nlp, "known_labels", curated_labels())(doc).ents]


def test_curated_organisations_and_their_genitives_take_the_curated_label():
    words = ["Nato", "och", "FN:s", "råd", "citerades", "i", "SvD", "och", "Sverige"]
    ents = ["B-LOC", "O", "B-LOC", "O", "O", "O", "B-MISC", "O", "B-LOC"]
    assert _labelled(words, ents) == [("Nato", "ORG"), ("FN:s", "ORG"), ("SvD", "ORG"), ("Sverige", "LOC")]


def test_street_and_place_names_are_places():
    words = ["Bussen", "går", "från", "S:t", "Eriksgatan", "via", "Essingeledens", "bro", "till", "Sergels", "torg"]
    ents = ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "O", "B-PER", "I-PER"]
    assert _labelled(words, ents) == [("S:t Eriksgatan", "LOC"), ("Essingeledens", "LOC"), ("Sergels torg", "LOC")]


def test_surnames_that_are_place_words_or_curated_places_stay_persons():
    words = ["Anna", "Allén", "och", "Berget", "mötte", "Israel", "från", "Volvo"]
    ents = ["B-PER", "I-PER", "O", "B-PER", "O", "B-PER", "O", "B-ORG"]
    assert _labelled(words, ents) == [("Anna Allén", "PER"), ("Berget", "PER"), ("Israel", "PER"), ("Volvo", "ORG")]
