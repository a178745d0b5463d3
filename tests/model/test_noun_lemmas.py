"""noun_lemmas: base forms of inflected nouns that the edit trees missed, checked against known nouns."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.noun_lemmas import candidates, noun_lemma  # noqa: E402

DEF_PLUR = "Case=Nom|Definite=Def|Gender=Com|Number=Plur"
KNOWN = {"flicka", "nyckel", "utlänning", "butik", "läger", "hus"}


def _token(form, lemma, morph):
    return Doc(spacy.blank("sv").vocab, words=[form], lemmas=[lemma], pos=["NOUN"], morphs=[morph])[0]


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
