"""The seen-form lookup: learns lemmas (and unambiguous FEATS) of training forms, overwrites only those,
survives a save/load, and plain `spacy.load` finds it through the entry point."""
from __future__ import annotations

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402


def _gold(nlp, words, lemmas, pos, morphs=None):
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, morphs=morphs)
    return doc


@pytest.fixture
def nlp_with_lookup():
    nlp = spacy.blank("sv")
    train = [
        _gold(nlp, ["Kommunerna", "upphandlar", "tjänster", "."], ["kommun", "upphandla", "tjänst", "."],
              ["NOUN", "VERB", "NOUN", "PUNCT"],
              ["Definite=Def|Number=Plur", "Tense=Pres", "Definite=Ind|Number=Plur", ""]),
        _gold(nlp, ["tjänster", "kostar", "."], ["tjänst", "kosta", "."], ["NOUN", "VERB", "PUNCT"],
              ["Definite=Ind|Number=Plur", "Tense=Pres", ""]),
        # an ambiguous form: two lemmas half each, so the lookup must leave it to the model
        _gold(nlp, ["för", "för"], ["för", "föra"], ["ADP", "ADP"]),
    ]
    lookup = nlp.add_pipe("seen_form_lookup")
    lookup.learn(train, min_share=0.6, feats_min=2)
    return nlp


def _predicted(nlp, words, pos):
    # what the edit trees "predicted": a marker, so that every lemma the lookup did not set shows
    doc = Doc(nlp.vocab, words=words, pos=pos, lemmas=["MODEL"] * len(words))
    return nlp.get_pipe("seen_form_lookup")(doc)


def test_seen_forms_get_their_training_lemma_unseen_keep_the_model_s(nlp_with_lookup):
    doc = _predicted(nlp_with_lookup, ["Kommunerna", "upphandlar", "anbud", "för"], ["NOUN", "VERB", "NOUN", "ADP"])
    assert [t.lemma_ for t in doc] == ["kommun", "upphandla", "MODEL", "MODEL"]


def test_upos_of_forms_with_one_upos_in_training(nlp_with_lookup):
    doc = _predicted(nlp_with_lookup, ["kostar", "anbud"], ["NOUN", "NOUN"])
    assert [t.pos_ for t in doc] == ["VERB", "NOUN"]
    assert doc[0].lemma_ == "kosta"  # the lemma follows the corrected UPOS


def test_feats_only_for_forms_seen_often_enough(nlp_with_lookup):
    doc = _predicted(nlp_with_lookup, ["tjänster", "upphandlar"], ["NOUN", "VERB"])
    assert str(doc[0].morph) == "Definite=Ind|Number=Plur"  # seen twice, one analysis
    assert str(doc[1].morph) == ""  # seen once: below feats_min


def test_round_trip_through_plain_spacy_load(nlp_with_lookup, tmp_path):
    nlp_with_lookup.to_disk(tmp_path / "p")
    # a fresh interpreter that never imports intervju's code: the spacy_factories entry point must do it
    code = ("import spacy; from spacy.tokens import Doc; nlp = spacy.load(r'%s'); "
            "d = Doc(nlp.vocab, words=['tjänster'], pos=['NOUN'], lemmas=['MODEL']); "
            "print(nlp.get_pipe('seen_form_lookup')(d)[0].lemma_)" % (tmp_path / "p"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "tjänst"


def test_unseen_compounds_take_their_last_part(tmp_path):
    nlp = spacy.blank("sv")
    train = [_gold(nlp, ["tjänsterna", "kostar", "risk", "."], ["tjänst", "kosta", "risk", "."],
                   ["NOUN", "VERB", "NOUN", "PUNCT"], ["Definite=Def|Number=Plur", "Tense=Pres", "Definite=Ind", ""])]
    lookup = nlp.add_pipe("seen_form_lookup")
    lookup.learn(train)
    doc = _predicted(nlp, ["städtjänsterna", "illusorisk", "kostar", "Vasatjänsterna"], ["ADV", "ADJ", "VERB", "PROPN"])
    assert (doc[0].pos_, doc[0].lemma_, str(doc[0].morph)) == ("NOUN", "städtjänst", "Definite=Def|Number=Plur")
    assert (doc[1].pos_, doc[1].lemma_) == ("ADJ", "MODEL")  # "risk" is too short a last part to trust
    assert (doc[3].pos_, doc[3].lemma_) == ("PROPN", "MODEL")  # capitalised inside a sentence: a name
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p").get_pipe("seen_form_lookup")
    assert again.noun_heads == {"tjänsterna": "tjänst"}


def test_unseen_nouns_take_the_gender_their_article_shows_in_raw_text():
    nlp = spacy.blank("sv")
    lookup = nlp.add_pipe("seen_form_lookup")
    lookup.learn([_gold(nlp, ["risk", "."], ["risk", "."], ["NOUN", "PUNCT"], ["Definite=Ind|Gender=Com|Number=Sing", ""])])
    raw = ["Det blev ett avtal i år .", "Vi skrev ett avtal och en plan .", "Ett avtal är ett avtal ."] * 2
    raw += ["Hon köpte ett litet hus .", "Ett litet hus ."] * 3  # "litet" does not end its phrase: no entry
    assert lookup.learn_gender(raw) == 1 and lookup.gender == {"avtal": "Neut"}
    ind = "Case=Nom|Definite=Ind|Gender=Com|Number=Sing"
    doc = Doc(nlp.vocab, words=["avtal", "ramavtal", "avtalet", "litet"], pos=["NOUN"] * 4, lemmas=["MODEL"] * 4,
              morphs=[ind, ind, "Case=Nom|Definite=Def|Gender=Com|Number=Sing", ind])
    lookup(doc)
    # the compound takes its last part's gender; a definite form shows its own gender; "litet" is unknown
    assert [t.morph.get("Gender") for t in doc] == [["Neut"], ["Neut"], ["Com"], ["Com"]]
    assert spacy.blank("sv").add_pipe("seen_form_lookup").from_bytes(lookup.to_bytes()).gender == {"avtal": "Neut"}
    # a definite -en form of a neuter stem is plural: avtal|en
    plural = lookup(Doc(nlp.vocab, words=["avtalen"], pos=["NOUN"], lemmas=["MODEL"],
                        morphs=["Case=Nom|Definite=Def|Gender=Com|Number=Sing"]))[0]
    assert (plural.morph.get("Gender"), plural.morph.get("Number")) == (["Neut"], ["Plur"])


def test_adjectival_participles_get_the_participle_as_lemma(nlp_with_lookup):
    doc = Doc(nlp_with_lookup.vocab, words=["anpassade", "lokaler"], pos=["ADJ", "NOUN"], lemmas=["anpassa", "MODEL"],
              morphs=["Case=Nom|Definite=Ind|Degree=Pos|Number=Plur|Tense=Past|VerbForm=Part", "Number=Plur"])
    doc = nlp_with_lookup.get_pipe("seen_form_lookup")(doc)
    assert [t.lemma_ for t in doc] == ["anpassad", "MODEL"]


def test_unseen_inflected_nouns_get_a_base_form_known_from_raw_text(nlp_with_lookup):
    lookup = nlp_with_lookup.get_pipe("seen_form_lookup")
    lookup.learn_gender(["Hon är en flicka som läser.", "Det var en flicka i går."])
    doc = Doc(nlp_with_lookup.vocab, words=["flickorna", "läser"], pos=["NOUN", "VERB"], lemmas=["flickorna", "läsa"],
              morphs=["Case=Nom|Definite=Def|Gender=Com|Number=Plur", ""])
    assert [t.lemma_ for t in lookup(doc)] == ["flicka", "läsa"]
    # and after a save and load
    again = spacy.blank("sv").add_pipe("seen_form_lookup").from_bytes(lookup.to_bytes())
    assert again.raw_nouns == ["flicka"]
