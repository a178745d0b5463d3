"""relation_rules: the auxiliaries, "som" and the articles take their word class from the parser's relation."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model import relation_rules  # noqa: E402,F401  (registers the factory)


def _ruled(words, pos, heads, deps, lemmas=None):
    nlp = spacy.blank("sv")
    return nlp.add_pipe("relation_rules")(Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas))


@pytest.mark.parametrize("dep, pos, want_pos, want_morph", [
    ("nsubj", "SCONJ", "PRON", "PronType=Rel"),   # "mannen som kom": the relative clause's subject
    ("mark", "PRON", "SCONJ", ""),                # "lika stor som": a marker
    ("advmod", "ADV", "ADV", ""),                 # other relations: the tagger's word stands
])
def test_som_takes_its_word_class_from_its_relation(dep, pos, want_pos, want_morph):
    doc = _ruled(["mannen", "som", "kom"], ["NOUN", pos, "VERB"], [0, 2, 0], ["ROOT", dep, "acl:relcl"])
    assert (doc[1].pos_, str(doc[1].morph)) == (want_pos, want_morph)


def test_articles_the_parser_made_determiners_are_determiners():
    doc = _ruled(["den", "nya", "lagen", "gäller", "det"], ["PRON", "ADJ", "NOUN", "VERB", "PRON"],
                 [2, 2, 3, 3, 3], ["det", "amod", "nsubj", "ROOT", "obj"])
    assert (doc[0].pos_, doc[0].tag_, doc[0].morph.get("Gender")) == ("DET", "DT|UTR|SIN|DEF", ["Com"])
    assert doc[4].pos_ == "PRON"  # an object: the pronoun stays


@pytest.mark.parametrize("words, pos, heads, deps, want", [
    (["hon", "har", "sagt"], ["PRON", "VERB", "VERB"], [2, 2, 2], ["nsubj", "aux", "ROOT"], "AUX"),  # on a supine
    (["hon", "har", "bilen"], ["PRON", "AUX", "NOUN"], [1, 1, 1], ["nsubj", "ROOT", "obj"], "VERB"),  # heads its clause
    (["hon", "har", "sagt"], ["PRON", "AUX", "VERB"], [2, 2, 2], ["nsubj", "aux", "ROOT"], "AUX"),
])
def test_ha_takes_its_word_class_from_its_relation(words, pos, heads, deps, want):
    doc = _ruled(words, pos, heads, deps, lemmas=[words[0], "ha", words[2]])
    assert doc[1].pos_ == want


def test_vara_is_aux_on_its_relations_and_not_made_verb_elsewhere():
    cop = _ruled(["det", "är", "bra"], ["PRON", "VERB", "ADJ"], [2, 2, 2], ["nsubj", "cop", "ROOT"],
                 lemmas=["det", "vara", "bra"])
    alone = _ruled(["det", "är", "så"], ["PRON", "AUX", "ADV"], [1, 1, 1], ["nsubj", "ROOT", "advmod"],
                   lemmas=["det", "vara", "så"])
    assert (cop[1].pos_, alone[1].pos_) == ("AUX", "AUX")
