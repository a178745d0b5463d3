"""syntax_features: number of same-form neuter nouns from what agrees with them, and adverbially used
adjectives as adverbs, on hand-built parsed Docs (the parser's output is what it reads)."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.agreement import SyntaxFeatures  # noqa: E402

NEUT_PLUR = "Case=Nom|Definite=Ind|Gender=Neut|Number=Plur"
NEUT_SING = "Case=Nom|Definite=Ind|Gender=Neut|Number=Sing"


def _parsed(words, pos, morphs, heads, deps, lemmas=None):
    nlp = spacy.blank("sv")
    doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs, heads=heads, deps=deps,
              lemmas=lemmas or [w.lower() for w in words])
    return SyntaxFeatures(nlp)(doc)


def test_same_form_neuter_nouns_agree_with_their_determiner_or_numeral():
    one = _parsed(["De", "köpte", "ett", "hus"], ["PRON", "VERB", "DET", "NOUN"],
                  ["", "", "Definite=Ind|Gender=Neut|Number=Sing|PronType=Art", NEUT_PLUR],
                  [1, 1, 3, 1], ["nsubj", "ROOT", "det", "obj"])
    assert one[3].morph.get("Number") == ["Sing"]
    two = _parsed(["De", "köpte", "två", "hus"], ["PRON", "VERB", "NUM", "NOUN"], ["", "", "NumType=Card", NEUT_SING],
                  [1, 1, 3, 1], ["nsubj", "ROOT", "nummod", "obj"])
    assert two[3].morph.get("Number") == ["Plur"]
    many = _parsed(["många", "hus"], ["ADJ", "NOUN"], ["Case=Nom|Degree=Pos", NEUT_SING], [1, 1], ["amod", "ROOT"])
    assert many[1].morph.get("Number") == ["Plur"]  # "många" shows no Number feature, but takes plurals


def test_bare_nouns_and_nouns_with_their_own_plural_form_are_left_alone():
    bare = _parsed(["bygga", "hus"], ["VERB", "NOUN"], ["", NEUT_PLUR], [0, 0], ["ROOT", "obj"])
    assert bare[1].morph.get("Number") == ["Plur"]  # no agreeing word: the model's guess stands
    own = _parsed(["ett", "äpple"], ["DET", "NOUN"], ["Number=Plur", NEUT_PLUR], [1, 1], ["det", "ROOT"])
    assert own[1].morph.get("Number") == ["Plur"]  # vowel-final: "äpple" is not also a plural form


def test_adjectives_the_parser_made_adverbials_become_adverbs():
    doc = _parsed(["Hon", "skriver", "bättre", "och", "talar", "politiskt", "om", "ensam"],
                  ["PRON", "VERB", "ADJ", "CCONJ", "VERB", "ADJ", "ADP", "ADJ"],
                  ["", "", "Case=Nom|Degree=Cmp", "", "", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing",
                   "", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Com|Number=Sing"],
                  [1, 1, 1, 4, 1, 4, 7, 4], ["nsubj", "ROOT", "advmod", "cc", "conj", "advmod", "case", "advmod"])
    assert [(t.pos_, str(t.morph)) for t in (doc[2], doc[5])] == [("ADV", "Degree=Cmp"), ("ADV", "Degree=Pos")]
    assert doc[7].pos_ == "ADJ"  # a common-gender form is not the adverbial -t form


def test_a_supine_with_a_copula_is_an_adjectival_participle():
    words = ["Det", "är", "förenat", "med", "risker"]
    doc = _parsed(words, ["PRON", "AUX", "VERB", "ADP", "NOUN"], ["", "", "VerbForm=Sup|Voice=Act", "", ""],
                  [2, 2, 2, 4, 2], ["nsubj", "cop", "ROOT", "case", "obl"], lemmas=["det", "vara", "förena", "med", "risk"])
    assert (doc[2].pos_, doc[2].tag_, doc[2].lemma_) == ("ADJ", "PC|PRF|NEU|SIN|IND|NOM", "förenad")
    assert doc[2].morph.get("VerbForm") == ["Part"] and doc[2].morph.get("Gender") == ["Neut"]
    perfect = _parsed(["Han", "har", "sagt", "det"], ["PRON", "AUX", "VERB", "PRON"], ["", "", "VerbForm=Sup|Voice=Act", ""],
                      [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "obj"], lemmas=["han", "ha", "säga", "det"])
    assert perfect[2].pos_ == "VERB"


def test_a_passive_after_a_modal_is_an_infinitive():
    present = "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass"
    doc = _parsed(["Det", "kan", "uppnås"], ["PRON", "AUX", "VERB"], ["", "", present], [2, 2, 2],
                  ["nsubj:pass", "aux", "ROOT"], lemmas=["det", "kunna", "uppnå"])
    assert (str(doc[2].morph), doc[2].tag_) == ("VerbForm=Inf|Voice=Pass", "VB|INF|SFO")
    own_form = _parsed(["Det", "bör", "byggs"], ["PRON", "AUX", "VERB"], ["", "", present], [2, 2, 2],
                       ["nsubj:pass", "aux", "ROOT"], lemmas=["det", "böra", "bygga"])
    assert str(own_form[2].morph) == present  # "byggas" would be the infinitive


def test_have_is_an_auxiliary_only_of_a_supine():
    wrong_tree = _parsed(["Vi", "har", "ett", "hus"], ["PRON", "AUX", "DET", "NOUN"],
                         ["", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", "", "Number=Sing"],
                         [3, 3, 3, 3], ["nsubj", "aux", "det", "ROOT"], lemmas=["vi", "ha", "en", "hus"])
    assert wrong_tree[1].pos_ == "VERB"
    copula = _parsed(["Hon", "har", "varit", "ordförande"], ["PRON", "AUX", "AUX", "NOUN"],
                     ["", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", "VerbForm=Sup|Voice=Act", ""],
                     [3, 3, 3, 3], ["nsubj", "aux", "cop", "ROOT"], lemmas=["hon", "ha", "vara", "ordförande"])
    assert copula[1].pos_ == "AUX"  # "har varit ordförande": the copula is the supine
