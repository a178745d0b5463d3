"""person_spans moves a person's start by the words around it: titles out, particles and initials in,
and a capitalised word after a title is a person. The titles are the shipped list in curated.toml."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.gazetteer import person_titles  # noqa: E402
from pipeline.model.person_spans import PersonSpans  # noqa: E402


def _persons(rows):
    """rows: (word, BIO entity tag, sentence start) per token, as the recogniser and parser left them."""
    words, ents, starts = map(list, zip(*rows))
    nlp = spacy.blank("sv")
    doc = Doc(nlp.vocab, words=words, ents=ents, sent_starts=starts)
    return [(e.text, e.label_) for e in PersonSpans(nlp, "person_spans", person_titles())(doc).ents]


def test_a_capitalised_title_opening_a_sentence_is_not_part_of_the_name():
    assert _persons([("Lektor", "B-PER", True), ("Öqvist", "I-PER", False), ("har", "O", False),
                     ("funnit", "O", False), ("svaret", "O", False), (".", "O", False),
                     ("Personalintendent", "B-PER", True), ("Gunnar", "I-PER", False),
                     ("Hultgren", "I-PER", False), ("säger", "O", False), ("nej", "O", False)]) == [
        ("Öqvist", "PER"), ("Gunnar Hultgren", "PER")]


def test_a_surname_that_is_a_common_word_is_a_person_after_a_title():
    assert _persons([("Enligt", "O", True), ("dr", "O", False), ("Horn", "O", False), ("och", "O", False),
                     ("docenten", "O", False), ("Ingmar", "O", False), ("Klockhoff", "O", False),
                     ("vid", "O", False), ("Uppsala", "B-LOC", False), ("röker", "O", False), ("få", "O", False)]) == [
        ("Horn", "PER"), ("Ingmar Klockhoff", "PER"), ("Uppsala", "LOC")]


def test_name_particles_and_initials_belong_to_the_name():
    assert _persons([("Genom", "O", True), ("de", "O", False), ("Gaulle", "B-PER", False), ("och", "O", False),
                     ("E.", "O", False), ("W.", "O", False), ("Burgess", "B-PER", False), ("bröts", "O", False),
                     ("länken", "O", False)]) == [("de Gaulle", "PER"), ("E. W. Burgess", "PER")]


def test_names_without_titles_and_other_labels_are_left_alone():
    assert _persons([("I", "O", True), ("Lund", "B-LOC", False), ("bor", "O", False), ("Anna", "B-PER", False),
                     ("Lind", "I-PER", False), ("hos", "O", False), ("Volvo", "B-ORG", False), (".", "O", False),
                     ("Karl", "B-PER", True), ("Berg", "I-PER", False), ("skrev", "O", False), (".", "O", False),
                     ("Bror", "B-PER", True), ("Hjorth", "I-PER", False), ("målade", "O", False)]) == [
        ("Lund", "LOC"), ("Anna Lind", "PER"), ("Volvo", "ORG"), ("Karl Berg", "PER"), ("Bror Hjorth", "PER")]
