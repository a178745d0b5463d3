"""spacy pretrain of the UD tok2vec (an option of the recipe) on a few paragraphs of real Swedish."""
from __future__ import annotations

import json

import spacy
from thinc.api import Config

from pipeline.model import paths, pretrain

PARAGRAPHS = [
    "Regeringen har i dag beslutat att ge Konkurrensverket i uppdrag att följa upp den offentliga upphandlingen .",
    "Kommunerna ska redovisa hur de arbetar med marknadsdialog inför större upphandlingar , t.ex. inom vården .",
    "Interpellationen handlar om hur avtalsuppföljningen fungerar i statliga myndigheter och regioner .",
    "Ministern svarade att transparens och konkurrens är viktiga för att skattebetalarnas pengar används väl .",
] * 8


def test_prepare_jsonl_groups_paragraphs(tmp_path):
    text = tmp_path / "raw.txt"
    text.write_text("\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    n = pretrain.prepare_jsonl(text, tmp_path / "raw.jsonl", words_per_doc=40)
    docs = [json.loads(line) for line in (tmp_path / "raw.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == len(docs) and 5 <= n <= 16
    assert sum(len(d["text"].split()) for d in docs) == sum(len(p.split()) for p in PARAGRAPHS)
    assert "upphandlingar" in docs[0]["text"] and "t.ex." in docs[0]["text"]
    assert pretrain.prepare_jsonl(text, tmp_path / "few.jsonl", words_per_doc=40, max_docs=2) == 2


def test_pretrained_weights_load_into_the_ud_tok2vec(tmp_path):
    text = tmp_path / "raw.txt"
    text.write_text("\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    pretrain.prepare_jsonl(text, tmp_path / "raw.jsonl", words_per_doc=40)
    weights = pretrain.pretrain(tmp_path / "raw.jsonl", tmp_path / "out", vectors=None, epochs=1)
    assert weights.exists() and weights.stat().st_size > 1_000_000
    config = Config().from_disk(paths.CONFIGS / "ud.cfg")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    tok2vec = nlp.get_pipe("tok2vec").model
    tok2vec.initialize()
    before = tok2vec.to_bytes()
    tok2vec.from_bytes(weights.read_bytes())  # what paths.init_tok2vec does before training
    assert tok2vec.to_bytes() != before
