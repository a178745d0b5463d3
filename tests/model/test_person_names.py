"""person_names makes the capitalised words of multi-word persons proper nouns, with UD's lemmas."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from pipeline.model.person_names import PersonNames  # noqa: E402


def _tagged(rows):
    """rows: (word, BIO entity tag, UPOS, XPOS, FEATS, lemma) per token, as the tagger left them."""
    words, ents, pos, tags, morphs, lemmas = map(list, zip(*rows))
    nlp = spacy.blank("sv")
    doc = Doc(nlp.vocab, words=words, ents=ents, pos=pos, tags=tags, morphs=morphs, lemmas=lemmas)
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in PersonNames(nlp)(doc)]


def test_a_mistagged_name_becomes_proper_nouns_and_its_genitive_loses_the_s():
    got = _tagged([("Enligt", "O", "ADP", "PP", "", "enligt"),
                   ("Ingvar", "B-PER", "NOUN", "NN|NEU|SIN|IND|NOM", "Case=Nom|Definite=Ind|Gender=Neut|Number=Sing", "ingvar"),
                   ("Kamprads", "I-PER", "ADJ", "JJ|POS|UTR|SIN|IND|GEN", "Case=Gen|Degree=Pos", "kamprads"),
                   ("bok", "O", "NOUN", "NN|UTR|SIN|IND|NOM", "Case=Nom", "bok")])
    assert got[1] == ("Ingvar", "PROPN", "PM|NOM", "Case=Nom", "Ingvar")
    assert got[2] == ("Kamprads", "PROPN", "PM|GEN", "Case=Gen", "Kamprad")
    assert got[0][1] == "ADP" and got[3][4] == "bok"  # words outside the name keep their analysis


def test_only_the_last_word_is_a_genitive_and_only_where_the_tagger_read_one():
    got = _tagged([("Francois", "B-PER", "PROPN", "PM|GEN", "Case=Gen", "Francois"),
                   ("Bozizé", "I-PER", "NOUN", "NN|UTR|SIN|IND|NOM", "Case=Nom", "bozizé"),
                   ("och", "O", "CCONJ", "KN", "", "och"),
                   ("Linus", "B-PER", "VERB", "VB|PRS|SFO", "VerbForm=Fin", "Linu"),
                   ("Klasen", "I-PER", "NOUN", "NN|UTR|SIN|DEF|NOM", "Case=Nom|Definite=Def", "klase")])
    assert [(w, tag, lemma) for w, _, tag, _, lemma in got] == [
        ("Francois", "PM|NOM", "Francois"), ("Bozizé", "PM|NOM", "Bozizé"), ("och", "KN", "och"),
        ("Linus", "PM|NOM", "Linus"), ("Klasen", "PM|NOM", "Klasen")]


def test_one_word_persons_and_other_labels_are_left_to_the_tagger():
    got = _tagged([("Hustrun", "B-PER", "NOUN", "NN|UTR|SIN|DEF|NOM", "Definite=Def", "hustru"),
                   ("på", "O", "ADP", "PP", "", "på"),
                   ("Statens", "B-ORG", "NOUN", "NN|UTR|SIN|DEF|GEN", "Case=Gen", "stat"),
                   ("veterinärmedicinska", "I-ORG", "ADJ", "JJ|POS|UTR|SIN|DEF|NOM", "Degree=Pos", "veterinärmedicinsk"),
                   ("anstalt", "I-ORG", "NOUN", "NN|UTR|SIN|IND|NOM", "Case=Nom", "anstalt")])
    assert [pos for _, pos, _, _, _ in got] == ["NOUN", "ADP", "NOUN", "ADJ", "NOUN"]
