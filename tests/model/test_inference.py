"""The shipped model's speed settings (pipeline/model/inference.py) change nothing but speed."""
from __future__ import annotations

from pathlib import Path

import numpy
import pytest

spacy = pytest.importorskip("spacy")

from pipeline.model import inference  # noqa: E402

MODEL = Path(__file__).resolve().parents[2] / "models" / "sv_intervju_core"
PARAGRAPHS = [
    "Upphandlingarna i kommunen har enligt SOI:s rapport blivit dyrare, t.ex. när det gäller skolskjutsar.",
    "Anna Lindberg på Upphandlingsmyndigheten i Stockholm säger att regeringen bl.a. måste se över lagen.",
    "– Vi följer upp avtalen varje kvartal, och leverantörerna vet om det, säger hon.",
    "Konkurrensen har minskat sedan 2019: i snitt kom 2,3 anbud per upphandling mot 4,1 år 2012.",
]


@pytest.fixture(scope="module")
def shipped():
    if not (MODEL / "meta.json").exists():
        pytest.skip(f"no shipped model at {MODEL}")
    return spacy.load(MODEL)


@pytest.fixture(scope="module")
def stock():
    """The same weights loaded with spaCy's own vectors table and BLIS ops."""
    if not (MODEL / "meta.json").exists():
        pytest.skip(f"no shipped model at {MODEL}")
    return spacy.load(MODEL, config={"nlp": {"vectors": {"@vectors": "spacy.Vectors.v1"},
                                             "after_pipeline_creation": None}})


def test_config_names_both_settings(shipped, stock):
    assert isinstance(shipped.vocab.vectors, inference.MemoFloretVectors)
    assert shipped.vocab.vectors.mode == "floret"
    ops = shipped.get_pipe("parser").model.ops
    assert ops.use_blis is False
    assert type(stock.vocab.vectors) is not inference.MemoFloretVectors
    assert stock.get_pipe("parser").model.ops.use_blis is True
    assert shipped.config["paths"]["train"] is None  # no build folder named in the shipped config


def test_same_annotations_as_spacy_defaults(shipped, stock):
    for ours, theirs in zip(shipped.pipe(PARAGRAPHS * 2), stock.pipe(PARAGRAPHS * 2)):
        assert ours.to_json() == theirs.to_json()
        assert [(t.lemma_, t.tag_, str(t.morph), t.dep_, t.head.i) for t in ours] == \
               [(t.lemma_, t.tag_, str(t.morph), t.dep_, t.head.i) for t in theirs]


def test_memo_returns_spacys_vectors(shipped, stock):
    words = ["upphandling", "Upphandlingsmyndigheten", "", "å", "SOI:s", "upphandling", "t.ex."]
    keys = [shipped.vocab.strings.add(w) for w in words]
    for _ in range(2):  # computed, then read back from the memo
        got = shipped.vocab.vectors.get_batch(keys)
        assert got.dtype == numpy.float32 and got.shape == (len(words), 96)
        numpy.testing.assert_array_equal(got, stock.vocab.vectors.get_batch(keys))
    assert not got[2].any()  # the empty string has no n-grams


def test_memo_starts_afresh_when_the_table_changes(shipped):
    vectors = inference.MemoFloretVectors(strings=shipped.vocab.strings)
    vectors.from_bytes(shipped.vocab.vectors.to_bytes(exclude=["strings"]), exclude=["strings"])
    key = [shipped.vocab.strings.add("anbud")]
    before = vectors.get_batch(key).copy()
    vectors.data = vectors.data * 2  # a new table: the remembered vector must not be served
    numpy.testing.assert_allclose(vectors.get_batch(key), before * 2, rtol=1e-6)
