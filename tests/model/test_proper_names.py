"""proper_names drops entities written without a capital in normally cased text, and keeps the
recogniser's entities in a lower-case transcript."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.proper_names import ProperNames  # noqa: E402


def _named(words, ents, sent_starts=None):
    nlp = spacy.blank("sv")
    doc = Doc(nlp.vocab, words=words, ents=ents, sent_starts=sent_starts)
    return [(e.text, e.label_) for e in ProperNames(nlp)(doc).ents]


def test_lower_case_institutions_are_not_names_in_normally_cased_text():
    words = ["Beslutet", "fattades", "av", "riksdagen", "i", "Stockholm", "."]
    ents = ["O", "O", "O", "B-ORG", "O", "B-LOC", "O"]
    assert _named(words, ents) == [("Stockholm", "LOC")]


def test_a_lower_case_transcript_keeps_its_names():
    words = ["Beslutet", "var", "klart", ".", "jag", "ringde", "anna", "lindh", "i", "riksdagen"]
    ents = ["O", "O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "B-ORG"]
    starts = [True, False, False, False, True, False, False, False, False, False]
    assert _named(words, ents, starts) == [("anna lindh", "PER"), ("riksdagen", "ORG")]
    # the same words in one capitalised sentence: the lower-case spans go
    assert _named(words, ents, [True] + [False] * 9) == []


def test_names_with_a_capital_inside_stay():
    words = ["Intervjun", "med", "al-Assad", "och", "SOI:s", "chef"]
    ents = ["O", "O", "B-PER", "O", "B-ORG", "O"]
    assert _named(words, ents) == [("al-Assad", "PER"), ("SOI:s", "ORG")]


def test_a_sentence_initial_common_word_is_not_a_person():
    nlp = spacy.blank("sv")
    words = ["Hustrun", "ägnade", "sig", "åt", "barnen", ".", "Malin", "kom", "hem", "."]
    pos = ["NOUN", "VERB", "PRON", "ADP", "NOUN", "PUNCT", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=["B-PER"] + ["O"] * 5 + ["B-PER"] + ["O"] * 3,
              sent_starts=[True] + [False] * 5 + [True] + [False] * 3)
    assert [(e.text, e.label_) for e in ProperNames(nlp)(doc).ents] == [("Malin", "PER")]


def test_an_indefinite_common_noun_opening_a_sentence_is_not_a_name_but_an_institution_is():
    nlp = spacy.blank("sv")
    words = ["Pensionärer", "får", "bidrag", ".", "Polisen", "kom", "."]
    doc = Doc(nlp.vocab, words=words, pos=["NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"],
              morphs=["Definite=Ind|Number=Plur", "", "", "", "Definite=Def|Number=Sing", "", ""],
              ents=["B-ORG", "O", "O", "O", "B-ORG", "O", "O"],
              sent_starts=[True, False, False, False, True, False, False])
    assert [(e.text, e.label_) for e in ProperNames(nlp)(doc).ents] == [("Polisen", "ORG")]


def test_an_entity_across_a_sentence_boundary_is_a_run_of_headings():
    words = ["Fotnot", "Tillväxtens", "storlek", "ökar", ".", "Anna", "Lind", "ler"]
    doc_ents = ["B-PER", "I-PER", "O", "O", "O", "B-PER", "I-PER", "O"]
    starts = [True, True, False, False, False, True, False, False]
    assert _named(words, doc_ents, starts) == [("Anna Lind", "PER")]
