"""unseen_lemmas: base forms of inflected nouns and verbs that the edit trees missed, checked against known ones."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.unseen_lemmas import candidates, noun_lemma, proper_genitive_lemma, verb_lemma  # noqa: E402

DEF_PLUR = "Case=Nom|Definite=Def|Gender=Com|Number=Plur"
KNOWN = {"flicka", "nyckel", "utlänning", "butik", "läger", "hus"}


def _token(form, lemma, morph, pos="NOUN"):
    return Doc(spacy.blank("sv").vocab, words=[form], lemmas=[lemma], pos=[pos], morphs=[morph])[0]


@pytest.mark.parametrize("form, model_lemma, morph, lemma", [
    ("flickorna", "flickorna", DEF_PLUR, "flicka"),
    ("nycklarna", "nycklare", DEF_PLUR, "nyckel"),
    ("utlänningarnas", "utlänningarnas", "Case=Gen|Definite=Def|Gender=Com|Number=Plur", "utlänning"),
    ("butikers", "butiker", "Case=Gen|Definite=Ind|Gender=Com|Number=Plur", "butik"),
    ("läger", "läger", "Case=Nom|Definite=Ind|Gender=Neut|Number=Plur", None),   # a known same-form plural
    ("husen", "hus", "Case=Nom|Definite=Def|Gender=Neut|Number=Plur", None),     # the model was right
    ("bilen", "bilen", "Case=Nom|Definite=Def|Gender=Com|Number=Sing", None),    # no known base: keep
])
def test_noun_lemma(form, model_lemma, morph, lemma):
    assert noun_lemma(_token(form, model_lemma, morph), KNOWN.__contains__) == lemma


def test_candidates_put_back_the_declension_vowel():
    assert list(candidates("pojkarna", {"Definite": "Def", "Number": "Plur"}))[:2] == ["pojk", "pojke"]


@pytest.mark.parametrize("form, model_lemma, morph, lemma", [
    ("lydde", "lydde", "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act", "lyda"),
    ("utlöste", "utlöstea", "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act", "utlösa"),
    ("sugs", "sugs", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass", "suga"),
    ("bor", "bor", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", "bo"),
    ("köper", "köpa", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", None),  # the model's lemma is a known verb
])
def test_verb_lemma(form, model_lemma, morph, lemma):
    known = {"lyda", "utlösa", "suga", "bo", "köpa"}.__contains__
    assert verb_lemma(_token(form, model_lemma, morph, "VERB"), known) == lemma


@pytest.mark.parametrize("form, model_lemma, morph, lemma", [
    ("Malmös", "Malmös", "Case=Gen", "Malmö"),
    ("EU:s", "EU:s", "Case=Gen", "EU"),
    ("Sveriges", "Sverige", "Case=Gen", None),  # the edit trees already took the -s off
    ("Kalmar", "Kalmar", "Case=Gen", None),     # nothing to take off
    ("Paris", "Paris", "Case=Nom", None),       # not a genitive
])
def test_proper_genitive_lemma(form, model_lemma, morph, lemma):
    assert proper_genitive_lemma(_token(form, model_lemma, morph, "PROPN")) == lemma
