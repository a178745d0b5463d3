"""participle_lemma: the base form of adjectival participles from their ending and features."""
from __future__ import annotations

import pytest

from pipeline.model.participles import participle_lemma

PAST = {"VerbForm": "Part", "Tense": "Past"}
NEUT = dict(PAST, Gender="Neut", Number="Sing", Definite="Ind")
PLUR = dict(PAST, Number="Plur")


@pytest.mark.parametrize("form, feats, lemma", [
    ("anpassade", PLUR, "anpassad"),
    ("avlönat", NEUT, "avlönad"),
    ("höjt", NEUT, "höjd"),          # voiced stem: -t in the neuter, -d in the base form
    ("köpt", NEUT, "köpt"),          # voiceless stem: -t in both
    ("gift", NEUT, "gift"),
    ("bosatt", NEUT, "bosatt"),
    ("fött", NEUT, "född"),
    ("avsedda", PLUR, "avsedd"),
    ("angivna", PLUR, "angiven"),
    ("utgivet", NEUT, "utgiven"),
    ("vidgad", dict(PAST, Gender="Com", Number="Sing", Definite="Ind"), "vidgad"),
    ("Skiftande", {"VerbForm": "Part", "Tense": "Pres"}, "skiftande"),
    ("dubbelarbetandes", {"VerbForm": "Part", "Tense": "Pres", "Case": "Gen"}, "dubbelarbetande"),
])
def test_participle_lemmas(form, feats, lemma):
    assert participle_lemma(form, feats) == lemma


def test_words_that_are_not_participles_are_left_alone():
    assert participle_lemma("stora", {"Degree": "Pos", "Number": "Plur"}) is None
