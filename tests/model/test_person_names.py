"""person_names makes the capitalised words of multi-word persons proper nouns, with UD's lemmas."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.person_names import PersonNames  # noqa: E402


def _tagged(words, ents, pos, tags, morphs, lemmas):
    nlp = spacy.blank("sv")
    doc = Doc(nlp.vocab, words=words, ents=ents, pos=pos, tags=tags, morphs=morphs, lemmas=lemmas)
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in PersonNames(nlp)(doc)]


def test_a_mistagged_name_becomes_proper_nouns_and_its_genitive_loses_the_s():
    words = ["Enligt", "Ingvar", "Kamprads", "bok"]
    got = _tagged(words, ["O", "B-PER", "I-PER", "O"], ["ADP", "NOUN", "ADJ", "NOUN"],
                  ["PP", "NN|NEU|SIN|IND|NOM", "JJ|POS|UTR|SIN|IND|GEN", "NN|UTR|SIN|IND|NOM"],
                  ["", "Case=Nom|Definite=Ind|Gender=Neut|Number=Sing", "Case=Gen|Degree=Pos", "Case=Nom"],
                  ["enligt", "ingvar", "kamprads", "bok"])
    assert got[1] == ("Ingvar", "PROPN", "PM|NOM", "Case=Nom", "Ingvar")
    assert got[2] == ("Kamprads", "PROPN", "PM|GEN", "Case=Gen", "Kamprad")
    assert got[0][1] == "ADP" and got[3][4] == "bok"  # words outside the name keep their analysis


def test_only_the_last_word_is_a_genitive_and_only_where_the_tagger_read_one():
    words = ["Francois", "Bozizé", "och", "Linus", "Klasen"]
    got = _tagged(words, ["B-PER", "I-PER", "O", "B-PER", "I-PER"], ["PROPN", "NOUN", "CCONJ", "VERB", "NOUN"],
                  ["PM|GEN", "NN|UTR|SIN|IND|NOM", "KN", "VB|PRS|SFO", "NN|UTR|SIN|DEF|NOM"],
                  ["Case=Gen", "Case=Nom", "", "VerbForm=Fin", "Case=Nom|Definite=Def"],
                  ["Francois", "bozizé", "och", "Linu", "klase"])
    assert [(w, tag, lemma) for w, _, tag, _, lemma in got] == [
        ("Francois", "PM|NOM", "Francois"), ("Bozizé", "PM|NOM", "Bozizé"), ("och", "KN", "och"),
        ("Linus", "PM|NOM", "Linus"), ("Klasen", "PM|NOM", "Klasen")]


def test_one_word_persons_and_other_labels_are_left_to_the_tagger():
    words = ["Hustrun", "på", "Statens", "veterinärmedicinska", "anstalt"]
    got = _tagged(words, ["B-PER", "O", "B-ORG", "I-ORG", "I-ORG"], ["NOUN", "ADP", "NOUN", "ADJ", "NOUN"],
                  ["NN|UTR|SIN|DEF|NOM", "PP", "NN|UTR|SIN|DEF|GEN", "JJ|POS|UTR|SIN|DEF|NOM", "NN|UTR|SIN|IND|NOM"],
                  ["Definite=Def", "", "Case=Gen", "Degree=Pos", "Case=Nom"],
                  ["hustru", "på", "stat", "veterinärmedicinsk", "anstalt"])
    assert [pos for _, pos, _, _, _ in got] == ["NOUN", "ADP", "NOUN", "ADJ", "NOUN"]
