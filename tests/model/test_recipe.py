"""The data recipe on a few sentences of each source (skips where ../shared is absent)."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from pipeline.model import harmonise, ner_data, talbanken
from pipeline.model.readers import read_conllu, read_efselab, read_iob2, spaces_from_text

SHARED = Path(__file__).parents[2] / ".." / "shared"
DATA = SHARED / "data"


@pytest.fixture(scope="module")
def data() -> Path:
    if not (DATA / "ud-talbanken").is_dir():
        pytest.skip(f"needs the shared corpora at {DATA} (absent outside the project's machines)")
    return DATA


def _first(it, n):
    return list(itertools.islice(it, n))


def _tree(spec: str) -> list[dict]:
    """A hand-written tree: "form/UPOS/head/relation[/lemma]" per token (lemma: the lower-cased form)."""
    toks = []
    for i, item in enumerate(spec.split(), 1):
        form, upos, head, rel, *lemma = item.split("/")
        toks.append({"id": i, "form": form, "lemma": lemma[0] if lemma else form.lower(), "upos": upos,
                     "head": int(head), "deprel": rel})
    return toks


def test_rebuild_aligns_and_converts_first_sentences(data):
    uner = _first(read_iob2(data / "uner-talbanken" / "sv_talbanken-ud-train.iob2"), 30)
    efs = _first(read_efselab(data / "efselab-talbanken-tab" / "sv-ud-train.tab"), 30)
    v1 = _first(read_conllu(data / "ud-talbanken-v1.0-train" / "sv-ud-train.conll.xz"), 60)
    report = {}
    sents = talbanken.rebuild_train(uner, efs, v1, report)
    assert report["aligned"] >= 28
    first = sents[0]["tokens"]
    assert [t["form"] for t in first] == ["Individuell", "beskattning", "av", "arbetsinkomster"]
    assert first[3]["lemma"] == "arbetsinkomst" and first[3]["xpos"].startswith("NN")
    talbanken.finish_trees(sents, report)
    assert report["valid_trees"] >= 28
    labels = {t["deprel"] for s in sents for t in s["tokens"] if t["deprel"]}
    assert not labels & {"dobj", "nsubjpass", "neg", "mwe", "name"}
    assert labels <= talbanken.UD2_LABELS


def test_harmonise_learns_from_dev(data):
    dev = _first(read_conllu(data / "ud-talbanken" / "sv_talbanken-ud-dev.conllu"), 60)
    maps = harmonise.learn_maps(dev)
    sent = {"tokens": [{"form": "kommer", "xpos": "VB|PRS|AKT", "upos": "VERB", "lemma": "komma", "feats": "_",
                        "deprel": "aux"}]}
    maps["upos"][("kommer", "VB|PRS|AKT")] = "AUX"
    harmonise.apply_maps([sent], maps)
    assert sent["tokens"][0]["upos"] == "AUX"
    assert "Mood=Ind" in sent["tokens"][0]["feats"]


def test_klintan_and_suc_conversion(data, tmp_path):
    sample = tmp_path / "k.txt"
    sample.write_text("Anna\tPER\nLindberg PER\nbor\t0\ni\t0\nS\u00adtockholm\tLOC\n\n")
    (words, tags), = ner_data.read_klintan(sample)
    assert words[-1] == "Stockholm"
    assert tags == ["B-PER", "I-PER", "O", "O", "B-LOC"]
    suc = ner_data.read_suc_removed()[:20]
    labels = {t.split("-", 1)[1] for _, tags in suc for t in tags if t != "O"}
    assert labels <= set(ner_data.LABELS)
    train = ner_data.klintan_train()
    assert len({tuple(w) for w, _ in train}) == len(train)


def test_uner_spacing(data):
    s = next(read_iob2(data / "uner-talbanken" / "sv_talbanken-ud-train.iob2"))
    s2 = _first(read_iob2(data / "uner-talbanken" / "sv_talbanken-ud-train.iob2"), 2)[1]
    forms = [t["form"] for t in s2["tokens"]]
    spaces = spaces_from_text(forms, s2["text"])
    assert spaces[forms.index("(")] is False and s["text"].startswith("Individuell")


def test_mwe_and_coordination_conversion():
    # "Vi åker i dag och kommer hem" in v1 style: "i" heads the idiom, cc on the first conjunct
    toks = _tree("Vi/PRON/2/nsubj åker/VERB/0/root i/ADP/2/advmod dag/NOUN/3/mwe och/CCONJ/2/cc "
                 "kommer/VERB/2/conj hem/ADV/6/advmod")
    assert _converted_arcs(toks)[2:5] == [(4, "case"), (2, "obl"), (6, "cc")]


def _converted_arcs(toks):
    talbanken.convert_v1_tree(toks)
    assert talbanken.validate_tree(toks) is None
    return [(t["head"], t["deprel"]) for t in toks]


def test_full_verbs_hung_as_aux_and_nominal_determiners_are_restructured():
    # UD 1.0: "Att skydda , vårda och förbättra vår miljö" with skydda and vårda as aux of förbättra
    coord = _tree("Att/PART/6/mark skydda/VERB/6/aux ,/PUNCT/6/punct vårda/VERB/6/aux och/CCONJ/6/cc "
                  "förbättra/VERB/0/root miljö/NOUN/6/dobj")
    assert _converted_arcs(coord) == [(2, "mark"), (0, "root"), (4, "punct"), (2, "conj"), (6, "cc"), (2, "conj"), (2, "obj")]
    # "Du behöver inte betala 250 miljoner kronor": the catenative verb heads, "miljoner" is nmod
    caten = _tree("Du/PRON/4/nsubj behöver/VERB/4/aux/behöva inte/PART/4/neg betala/VERB/0/root 250/NUM/6/nummod "
                  "miljoner/NOUN/7/det/miljon kronor/NOUN/4/dobj/krona")
    assert _converted_arcs(caten) == [(2, "nsubj"), (0, "root"), (2, "advmod"), (2, "xcomp"), (6, "nummod"), (7, "nmod"), (4, "obj")]
    # real auxiliaries stay where they are
    assert _converted_arcs(_tree("kan/AUX/2/aux/kunna betala/VERB/0/root")) == [(2, "aux"), (0, "root")]


def test_asyndetic_clauses_become_parataxis():
    # "Vi tar vägen , han behöver hjälp": UD 1.0 conj with the comma on the first clause
    toks = _tree("Vi/PRON/2/nsubj tar/VERB/0/root vägen/NOUN/2/dobj ,/PUNCT/2/punct han/PRON/6/nsubj "
                 "behöver/VERB/2/conj hjälp/NOUN/6/dobj")
    assert _converted_arcs(toks)[3:6] == [(2, "punct"), (6, "nsubj"), (2, "parataxis")]
    # a clause list that ends in "och" stays coordination, and so does a conjunct with no subject
    listed = _tree("Vi/PRON/2/nsubj tar/VERB/0/root ,/PUNCT/2/punct han/PRON/5/nsubj går/VERB/2/conj och/CCONJ/2/cc "
                   "hon/PRON/8/nsubj åker/VERB/2/conj ,/PUNCT/2/punct stannar/VERB/2/conj")
    rels = [rel for _, rel in _converted_arcs(listed)]
    assert [rels[i] for i in (4, 7, 9)] == ["conj", "conj", "conj"]


def test_plural_adjectives_follow_the_noun_phrase():
    def tok(i, form, upos, xpos, feats, head, rel):
        return {"id": i, "form": form, "upos": upos, "xpos": xpos, "feats": feats, "head": head, "deprel": rel}

    part, adj = "PC|PRF|UTR/NEU|PLU|IND/DEF|NOM", "JJ|POS|UTR/NEU|PLU|IND/DEF|NOM"
    v1 = "Case=Nom|Number=Plur|Tense=Past|VerbForm=Part"  # UD 1.0: no definiteness, no degree
    # "de anställda fick nya regler": weak (definite) participle, strong (indefinite) adjective
    toks = [tok(1, "de", "DET", "DT|UTR/NEU|PLU|DEF", "Definite=Def|Number=Plur|PronType=Art", 2, "det"),
            tok(2, "anställda", "ADJ", part, v1, 3, "nsubj"),
            tok(3, "fick", "VERB", "VB|PRT|AKT", "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act", 0, "root"),
            tok(4, "nya", "ADJ", adj, "Case=Nom|Definite=Def|Degree=Pos", 5, "amod"),
            tok(5, "regler", "NOUN", "NN|UTR|PLU|IND|NOM", "Case=Nom|Definite=Ind|Gender=Com|Number=Plur", 3, "obj")]
    # "stängda butikerna": double definiteness from the head noun alone
    toks2 = [tok(1, "stängda", "ADJ", part, v1, 2, "amod"),
             tok(2, "butikerna", "NOUN", "NN|UTR|PLU|DEF|NOM", "Case=Nom|Definite=Def|Gender=Com|Number=Plur", 0, "root")]
    moved = harmonise.plural_adjectives([{"tokens": toks}, {"tokens": toks2}], {"feats": {}})
    assert toks[1]["feats"] == "Case=Nom|Definite=Def|Degree=Pos|Tense=Past|VerbForm=Part"
    assert toks[3]["feats"] == "Case=Nom|Definite=Ind|Degree=Pos|Number=Plur"
    assert toks2[0]["feats"] == "Case=Nom|Definite=Def|Degree=Pos|Tense=Past|VerbForm=Part"
    assert moved == {"Def": 2, "Ind": 1}
    # a form the dev split gives no definiteness keeps its features
    olika = [tok(1, "olika", "ADJ", adj, "Case=Nom|Degree=Pos", 2, "amod"), toks2[1] | {"id": 2}]
    harmonise.plural_adjectives([{"tokens": olika}], {"feats": {("olika", adj, "ADJ"): "Case=Nom|Degree=Pos"}})
    assert olika[0]["feats"] == "Case=Nom|Degree=Pos"


def test_auxiliaries_follow_their_relation():
    def tok(i, form, lemma, upos, head, rel):
        return {"id": i, "form": form, "lemma": lemma, "upos": upos, "head": head, "deprel": rel}

    dev = [{"tokens": [tok(1, "vi", "vi", "PRON", 3, "nsubj"), tok(2, "har", "ha", "AUX", 3, "aux"),
                       tok(3, "ätit", "äta", "VERB", 0, "root")] + [tok(4, "har", "ha", "AUX", 3, "aux")] * 2
            + [tok(5, "har", "ha", "VERB", 0, "root")] * 3}]
    for t in dev[0]["tokens"]:
        t.update(xpos="X", feats="_")
    maps = harmonise.learn_maps(dev)
    # "vi har ätit" with the (form, XPOS) map's VERB on the perfect auxiliary; "vi har en bil" stays VERB
    perfect = [tok(1, "vi", "vi", "PRON", 3, "nsubj"), tok(2, "har", "ha", "VERB", 3, "aux"), tok(3, "ätit", "äta", "VERB", 0, "root")]
    possess = [tok(1, "vi", "vi", "PRON", 2, "nsubj"), tok(2, "har", "ha", "VERB", 0, "root"), tok(3, "bil", "bil", "NOUN", 2, "obj")]
    # "det kommer till användning": the (form, XPOS) map's AUX on a main verb; a copula heading its
    # clause (a predicate UD 1.0 left as a dependent) keeps AUX
    main = _tree("det/PRON/2/nsubj kommer/AUX/0/root/komma användning/NOUN/2/obl")
    cop = _tree("Annat/ADJ/2/dep var/AUX/0/root/vara det/PRON/2/nsubj")
    moved = harmonise.auxiliaries([{"tokens": t} for t in (perfect, possess, main, cop)], maps)
    assert perfect[1]["upos"] == "AUX" and possess[1]["upos"] == "VERB" and main[1]["upos"] == "VERB"
    assert cop[1]["upos"] == "AUX"
    assert moved == {"ha VERB->AUX": 1, "komma AUX->VERB": 1}


def test_clefts_take_the_focus_as_head():
    # UD 1.0: "Det är främst hörseln som skadas" with the copula as root and the focus as dep
    cleft = _tree("Det/PRON/2/nsubj är/AUX/0/root/vara främst/ADV/2/advmod hörseln/NOUN/2/dep som/PRON/6/nsubjpass "
                  "skadas/VERB/4/acl:relcl")
    assert _converted_arcs(cleft) == [(4, "expl"), (4, "cop"), (4, "advmod"), (0, "root"), (6, "nsubj:pass"), (4, "acl:cleft")]
    # a relative clause set off by a comma is not a cleft
    plain = _tree("Det/PRON/2/nsubj är/AUX/0/root/vara kärnorna/NOUN/2/dep ,/PUNCT/3/punct som/PRON/6/nsubj "
                  "klyvs/VERB/3/acl:relcl")
    assert _converted_arcs(plain) == [(2, "nsubj"), (0, "root"), (2, "dep"), (3, "punct"), (6, "nsubj"), (3, "acl:relcl")]

def test_prepositions_before_att_mark_the_clause():
    def tok(i, form, upos, head, rel):
        return {"id": i, "form": form, "upos": upos, "head": head, "deprel": rel}

    clause = [tok(1, "för", "ADP", 3, "case"), tok(2, "att", "PART", 3, "mark"), tok(3, "hinna", "VERB", 0, "root")]
    noun = [tok(1, "för", "ADP", 2, "case"), tok(2, "barnen", "NOUN", 0, "root")]
    moved = harmonise.markers_before_att([{"tokens": clause}, {"tokens": noun}])
    assert (clause[0]["deprel"], noun[0]["deprel"]) == ("mark", "case") and moved == {"för": 1}



def test_adpositions_on_verbs_become_particles_markers_or_stranded_obliques():
    def tok(i, form, upos, xpos, head, rel):
        return {"id": i, "form": form, "upos": upos, "xpos": xpos, "head": head, "deprel": rel}

    # "de går ur", "osäker på vad du gör", "som de trivs med", "i stort sett ändras", "på bordet"
    particle = [tok(1, "de", "PRON", "PN", 2, "nsubj"), tok(2, "går", "VERB", "VB", 0, "root"), tok(3, "ur", "ADP", "PL", 2, "case")]
    clause = [tok(1, "osäker", "ADJ", "JJ", 0, "root"), tok(2, "på", "ADP", "PP", 5, "case"), tok(3, "vad", "PRON", "HP", 5, "obj"),
              tok(4, "du", "PRON", "PN", 5, "nsubj"), tok(5, "gör", "VERB", "VB", 1, "advcl")]
    stranded = [tok(1, "som", "PRON", "HP", 3, "obl"), tok(2, "de", "PRON", "PN", 3, "nsubj"), tok(3, "trivs", "VERB", "VB", 0, "root"),
                tok(4, "med", "ADP", "PP", 3, "case")]
    idiom = [tok(1, "i", "ADP", "PP", 4, "case"), tok(2, "stort", "ADJ", "JJ", 1, "fixed"), tok(3, "sett", "VERB", "PC", 1, "fixed"),
             tok(4, "ändras", "VERB", "VB", 0, "root")]
    noun = [tok(1, "på", "ADP", "PP", 2, "case"), tok(2, "bordet", "NOUN", "NN", 0, "root")]
    moved = harmonise.adpositions_on_verbs([{"tokens": s} for s in (particle, clause, stranded, idiom, noun)])
    assert (particle[2]["deprel"], clause[1]["deprel"], stranded[3]["deprel"]) == ("compound:prt", "mark", "obl")
    assert (idiom[0]["deprel"], noun[0]["deprel"]) == ("case", "case")
    assert moved == {"compound:prt": 1, "mark": 1, "obl": 1}

def test_adjectival_participles_take_their_own_base_form_as_lemma():
    def tok(form, lemma, upos, feats):
        return {"form": form, "lemma": lemma, "upos": upos, "feats": feats}

    plural = "Case=Nom|Definite=Ind|Degree=Pos|Number=Plur|Tense=Past|VerbForm=Part"
    sent = [tok("anpassade", "anpassa", "ADJ", plural), tok("lokaler", "lokal", "NOUN", "Number=Plur"),
            tok("anpassade", "anpassa", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act")]
    assert harmonise.participle_lemmas([{"tokens": sent}]) == 1
    assert [t["lemma"] for t in sent] == ["anpassad", "lokal", "anpassa"]


def test_lower_case_entities_leave_the_ner_training_data():
    words = ["Beslutet", "togs", "av", "riksdagen", "och", "Anna", "Lind", "på", "polisen", "i", "Umeå"]
    tags = ["O", "O", "O", "B-ORG", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC"]
    kept, dropped = ner_data.capitalised_names(words, tags)
    assert dropped == 2
    assert ner_data.spans(kept) == [(5, 7, "PER"), (10, 11, "LOC")]
