"""Self-training data: silver trees from the shipped model, gold counted twice, a config that sources."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import selftrain

MODEL = Path(__file__).resolve().parents[2] / "models" / "sv_intervju_core"
SENTENCES = [["Konkurrensverket", "granskade", "upphandlingen", "i", "Malmö", "."],
             ["Anna", "Lindbergs", "rapport", "kom", "i", "mars", ",", "t.ex.", "om", "skolskjutsar", "."]]


@pytest.fixture(scope="module")
def spacy():
    return pytest.importorskip("spacy")


def _docbin(spacy, folder: Path, name: str, sentences) -> Path:
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("sv").vocab
    folder.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[Doc(vocab, words=s) for s in sentences]).to_disk(folder / f"{name}.spacy")
    return folder / f"{name}.spacy"


def test_silver_has_every_ud_layer_on_the_corpus_own_tokens(spacy, tmp_path):
    if not (MODEL / "meta.json").exists():
        pytest.skip(f"no shipped model at {MODEL}")
    from spacy.tokens import DocBin

    _docbin(spacy, tmp_path / "ner-train", "klintan", SENTENCES)
    n = selftrain.make_silver(MODEL, tmp_path / "ner-train", tmp_path / "silver", names=["klintan"])
    docs = list(DocBin().from_disk(tmp_path / "silver" / "klintan.spacy").get_docs(spacy.blank("sv").vocab))
    assert n == 2 and [[t.text for t in d] for d in docs] == SENTENCES
    first, second = docs
    assert first.has_annotation("DEP") and first.has_annotation("TAG") and first.has_annotation("LEMMA")
    assert [t.lemma_ for t in first][2] == "upphandling"
    assert first[1].dep_ == "ROOT" and first[1].pos_ == "VERB"
    assert second[7].lemma_ == "till_exempel"  # Talbanken's lemma of the abbreviation, kept one token
    assert not first.ents  # the silver carries no entities: the entity components were off


def test_training_dir_counts_gold_twice_and_silver_once(spacy, tmp_path):
    _docbin(spacy, tmp_path / "gold", "rebuilt", SENTENCES)
    _docbin(spacy, tmp_path / "silver", "klintan", SENTENCES[:1])
    out = selftrain.training_dir(tmp_path / "gold", tmp_path / "silver", tmp_path / "train")
    assert sorted(f.name for f in out.iterdir()) == ["rebuilt-1.spacy", "rebuilt-2.spacy", "silver-klintan.spacy"]


def test_fine_tune_config_sources_the_trained_layers_and_trains_a_fresh_lemmatizer(spacy, tmp_path):
    config = selftrain.selftrain_config(Path("some/model"))
    assert "${components." not in config.to_str()
    assert all(config["components"][name] == {"source": "some/model"} for name in selftrain.SOURCED)
    assert config["components"]["trainable_lemmatizer"]["factory"] == "trainable_lemmatizer"
    assert config["components"]["trainable_lemmatizer"]["model"]["tok2vec"]["width"] == 96
    assert set(selftrain.SOURCED) | {"trainable_lemmatizer"} == set(config["nlp"]["pipeline"])
