"""Eukalyptus -> Talbanken-convention tagger data: a hand-written sentence in Eukalyptus' format, and
the real files where ../shared is present."""
from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

from pipeline.model import docs, eukalyptus
from pipeline.model.readers import read_conllu

DATA = Path(__file__).parents[2] / ".." / "shared" / "data"

# "Den nya bilen har stannat snabbt och de gamla bilarna står kvar ."
SENTENCE = """# corpus = test
# subcorpus = doc1
# sent_id = doc1.1
1001\tDen\tden\tPO\t-.-.-\tPO.DEF.SIN.UTR.SUB/OBJ.-\t1003\tDT\t\t
1002\tnya\tny\tAJ\t-.-.-\tAJ.POS.SIN.DEF.UTR/NEU.-\t1003\tMD\t\t
1003\tbilen\tbil\tNN\t-.-.-\tNN.UTR.SIN.DEF\t1004\tSB\t\t
1004\thar\tha\tVB\t-.-.-\tVB.IND.AKT.PRS\t0\t--\t\t
1005\tstannat\tstanna\tVB\t-.-.-\tVB.SPM.AKT.-\t1004\tIV\t\t
1006\tsnabbt\tsnabb\tAJ\t-.-.-\tAJ.POS.SIN.IND.NEU.-\t1005\tMD\t\t
1007\toch\toch\tKO\t-.-.-\tKO.-\t1004\t++\t\t
1008\tde\tden\tPO\t-.-.-\tPO.DEF.PLU.UTR/NEU.SUB/OBJ.-\t1010\tDT\t\t
1009\tgamla\tgammal\tAJ\t-.-.-\tAJ.POS.PLU.IND/DEF.UTR/NEU.-\t1010\tMD\t\t
1010\tbilarna\tbil\tNN\t-.-.-\tNN.UTR.PLU.DEF\t1011\tSB\t\t
1011\tstår\tstå\tVB\t-.-.-\tVB.IND.AKT.PRS\t1007\tKL\t\t
1012\tkvar\tkvar\tAB\t-.-.-\tAB.-.-\t1011\tPL\t\t
1013\t.\t_\tSY\t-.-.-\tSY.DEL\t1004\t--\t\t

# corpus = test
# subcorpus = doc1
# sent_id = doc1.2
1001\tDe\tden\tPO\t-.-.-\tPO.DEF.PLU.UTR/NEU.SUB.-\t1002\tSB\t\t
1002\tkom\tkomma\tVB\t-.-.-\tVB.IND.AKT.PRT\t0\t--\t\t
1003\ti dag\ti dag\tAB\t-.-.-\tAB.-.-\t1002\tAA\t\t
"""


def _tok(form, xpos, upos, feats, lemma):
    return {"form": form, "xpos": xpos, "upos": upos, "feats": feats, "lemma": lemma}


# A Talbanken-like lexicon: what the rebuilt train would say about these words
TALBANKEN = [{"tokens": [
    _tok("den", "DT|UTR|SIN|DEF", "DET", "Definite=Def|Gender=Com|Number=Sing|PronType=Art", "den"),
    _tok("den", "PN|UTR|SIN|DEF|SUB/OBJ", "PRON", "Definite=Def|Gender=Com|Number=Sing|PronType=Prs", "den"),
    _tok("de", "DT|UTR/NEU|PLU|DEF", "DET", "Definite=Def|Number=Plur|PronType=Art", "den"),
    _tok("har", "VB|PRS|AKT", "AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", "ha"),
    _tok("har", "VB|PRS|AKT", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act", "ha"),
    _tok("snabbt", "AB|POS", "ADV", "Degree=Pos", "snabbt"),
    _tok("snabbt", "JJ|POS|NEU|SIN|IND|NOM", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing", "snabb"),
    _tok("gamla", "JJ|POS|UTR/NEU|PLU|IND/DEF|NOM", "ADJ", "Case=Nom|Definite=Ind|Degree=Pos|Number=Plur", "gammal"),
    _tok("gamla", "JJ|POS|UTR/NEU|PLU|IND/DEF|NOM", "ADJ", "Case=Nom|Definite=Def|Degree=Pos", "gammal"),
    _tok("och", "KN", "CCONJ", "_", "och"),
    _tok(".", "MAD", "PUNCT", "_", "."),
    # unseen words (bilen, bilarna, stannat, står) get UPOS and FEATS from their SUC tag's majority
    _tok("huset", "NN|NEU|SIN|DEF|NOM", "NOUN", "Case=Nom|Definite=Def|Gender=Neut|Number=Sing", "hus"),
    _tok("vägen", "NN|UTR|SIN|DEF|NOM", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing", "väg"),
    _tok("dagen", "NN|UTR|SIN|DEF|NOM", "NOUN", "Case=Nom|Definite=Def|Gender=Com|Number=Sing", "dag"),
    _tok("åkt", "VB|SUP|AKT", "VERB", "VerbForm=Sup|Voice=Act", "åka"),
    _tok("gått", "VB|SUP|AKT", "VERB", "VerbForm=Sup|Voice=Act", "gå"),
]}]


@pytest.fixture()
def converted(tmp_path):
    path = tmp_path / "eukalyptus_test.conllu"
    path.write_text(SENTENCE, encoding="utf-8")
    report = Counter()
    sents = eukalyptus.convert(eukalyptus.read(path), eukalyptus.lexicon(TALBANKEN), report)
    return sents, report


def _by_form(sents):
    return {t["form"]: t for s in sents for t in s["tokens"]}


def test_multiword_tokens_drop_the_sentence(converted):
    sents, report = converted
    assert len(sents) == 1 and report["sentences dropped (multi-word token)"] == 1


def test_seen_words_take_the_compatible_talbanken_analysis(converted):
    t = _by_form(converted[0])
    assert t["Den"]["upos"] == "DET"  # a determiner (DT) in Eukalyptus' tree
    assert t["har"]["upos"] == "AUX"  # a supine follows
    assert t["snabbt"]["upos"] == "ADV" and t["snabbt"]["xpos"] == "AB|POS"  # modifies a verb


def test_unseen_words_get_their_spelled_suc_tag(converted):
    t = _by_form(converted[0])
    assert t["bilen"]["xpos"] == "NN|UTR|SIN|DEF|NOM"
    assert t["bilen"]["feats"] == "Case=Nom|Definite=Def|Gender=Com|Number=Sing"
    assert t["bilen"]["lemma"] == "bil"
    assert t["stannat"]["xpos"] == "VB|SUP|AKT" and t["stannat"]["upos"] == "VERB"


def test_plural_adjective_definite_from_its_noun(converted):
    assert _by_form(converted[0])["gamla"]["feats"] == "Case=Nom|Definite=Def|Degree=Pos"


def test_unknown_analyses_are_missing_not_empty(converted):
    sents, _ = converted
    t = _by_form(sents)
    assert t["står"]["upos"] == ""  # no VB|PRS|AKT lexical verb in the lexicon: left out
    import spacy

    doc = docs.ud_doc(spacy.blank("sv").vocab, sents)
    missing = [tok for tok in doc if tok.text == "står"][0]
    assert missing.pos_ == "" and not missing.has_morph() and missing.tag_ == "" and missing.lemma_ == ""
    assert [tok for tok in doc if tok.text == "bilen"][0].has_morph()
    assert not doc.has_annotation("DEP")


def test_real_files_convert(tmp_path):
    if not (DATA / "eukalyptus").is_dir():
        pytest.skip(f"needs the shared corpora at {DATA} (absent outside the project's machines)")
    dev = list(itertools.islice(read_conllu(DATA / "ud-talbanken" / "sv_talbanken-ud-dev.conllu"), 300))
    report = Counter()
    sents = eukalyptus.convert(itertools.islice(eukalyptus.read_all(), 200), eukalyptus.lexicon(dev), report)
    toks = [t for s in sents for t in s["tokens"]]
    assert len(sents) > 180 and not any(" " in t["form"] for t in toks)
    labelled = [t for t in toks if t["upos"]]
    assert len(labelled) / len(toks) > 0.7
    assert all(t["xpos"] and t["lemma"] and "|" not in t["lemma"] for t in labelled)
    assert all(t["head"] is None for t in toks)
