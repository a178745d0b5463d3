"""Packaging: an NER trained on a tok2vec of its own (started from the UD one) ships with its own copy."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.training import Example

from pipeline.model import package, train

LISTENER = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}


def _pipeline(components: dict, examples_for):
    nlp = spacy.blank("sv")
    nlp.add_pipe("tok2vec")
    for name, config in components.items():
        nlp.add_pipe(name, config={"model": config})
    examples = examples_for(nlp)
    nlp.initialize(lambda: examples)
    return nlp


def _tagged(nlp):
    doc = Doc(nlp.vocab, words=["Anna", "bor", "i", "Umeå"], tags=["PM", "VB", "PP", "PM"],
              heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "case", "obl"])
    return [Example(nlp.make_doc(doc.text), doc)]


def _named(nlp):
    doc = Doc(nlp.vocab, words=["Anna", "bor", "i", "Umeå"], ents=["B-PER", "O", "O", "B-LOC"])
    return [Example(nlp.make_doc(doc.text), doc)]


def test_ner_from_the_ud_tok2vec_is_packaged_with_its_own_copy(tmp_path):
    parser = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "parser", "hidden_width": 64,
              "maxout_pieces": 2, "use_upper": True, "tok2vec": LISTENER}
    ud = _pipeline({"tagger": {"@architectures": "spacy.Tagger.v2", "tok2vec": LISTENER}, "parser": parser}, _tagged)
    ud.to_disk(tmp_path / "ud")
    weights = train.export_tok2vec(tmp_path / "ud", tmp_path / "ud-tok2vec.bin")
    ner = _pipeline({"ner": parser | {"state_type": "ner"}}, _named)
    # what init_tok2vec does: the NER's tok2vec starts from the UD weights
    ner.get_pipe("tok2vec").model.from_bytes(weights.read_bytes())
    assert ner.get_pipe("tok2vec").model.to_bytes() == ud.get_pipe("tok2vec").model.to_bytes()
    ner.to_disk(tmp_path / "ner")

    out = package.assemble(tmp_path / "ud", tmp_path / "ner", out=tmp_path / "shipped")
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "ner", "parser", "relation_rules", "syntax_features", "proper_names", "person_spans", "known_labels", "person_names"]
    assert nlp.get_pipe("tok2vec").listening_components == ["tagger", "parser"]
    doc = nlp("Anna bor i Umeå")
    assert len(doc) == 4 and all(t.tag_ for t in doc)
    assert nlp.meta["license"] == "CC BY-SA 4.0"
