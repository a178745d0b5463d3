"""closed_class_by_relation: "som" and the articles take their word class from the parser's relation."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model import package  # noqa: E402


def _ruled(words, pos, heads, deps):
    nlp = spacy.blank("sv")
    package.add_closed_class_by_relation(nlp)
    return nlp.get_pipe("closed_class_by_relation")(Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps))


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
