"""Speed and size of the shipped model beside a pipeline of sv_core_news_sm's architecture, same texts, same run.

The reference is a blank spaCy pipeline with sv_core_news_sm's components and sizes (tok2vec width 96,
depth 4, hash rows 5000/1000/2500/2500; tagger, morphologizer, edit-tree lemmatizer, parser; NER with its
own tok2vec), initialised and trained for two passes on our model's own output on the bench texts, so
both carry similar label sets. Run on one core: `python bench/bench_model.py [--model PATH] [--words N]`.

Our model's config names numpy's BLAS for its matrix products and remembers floret vectors
(pipeline/model/inference.py). So the sm architecture is timed twice: with spaCy's defaults (BLIS), and with
the same BLAS as ours (the fair ratio of the architectures). Ours is also timed with spaCy's defaults.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "models" / "sv_intervju_core"
TALBANKEN_TEST = REPO / ".." / "shared" / "data" / "ud-talbanken" / "sv_talbanken-ud-test.conllu"
FALLBACK = ("Upphandlingarna i kommunen har enligt SOI:s rapport blivit dyrare, t.ex. när det gäller "
            "skolskjutsar. Anna Lindberg på Upphandlingsmyndigheten i Stockholm säger att regeringen bl.a. "
            "måste se över lagen om offentlig upphandling. ")

SM_ARCH = """
[nlp]
lang = "sv"
pipeline = ["tok2vec","tagger","morphologizer","trainable_lemmatizer","parser","ner"]

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96

[components.morphologizer]
factory = "morphologizer"

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"

[components.morphologizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96

[components.trainable_lemmatizer]
factory = "trainable_lemmatizer"
backoff = "orth"

[components.trainable_lemmatizer.model]
@architectures = "spacy.Tagger.v2"

[components.trainable_lemmatizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96

[components.parser]
factory = "parser"

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
hidden_width = 64
maxout_pieces = 2

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
hidden_width = 64
maxout_pieces = 2

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3
"""


def bench_texts(n_words: int) -> list[str]:
    paras, cur = [], []
    if TALBANKEN_TEST.exists():
        for line in TALBANKEN_TEST.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                cur.append(line[9:])
            elif line.startswith("# newpar") and cur:
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
    else:
        paras = [FALLBACK * 3]
    texts, words = [], 0
    while words < n_words:
        for p in paras:
            texts.append(p)
            words += len(p.split())
            if words >= n_words:
                break
    return texts


def words_per_second(nlp, texts: list[str], repeats: int = 2) -> float:
    list(nlp.pipe(texts[:20]))  # warm-up
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=128))
        best = max(best, n / (time.perf_counter() - start))
    return best


def reference_pipeline(ours, texts: list[str]):
    import random

    import spacy
    from spacy.training import Example
    from thinc.api import Config

    nlp = spacy.util.load_model_from_config(Config().from_str(SM_ARCH), auto_fill=True, validate=True)
    silver = [Example(nlp.make_doc(d.text), d) for d in ours.pipe(texts[:300])]
    opt = nlp.initialize(lambda: silver)
    for _ in range(2):
        random.shuffle(silver)
        for i in range(0, len(silver), 16):
            nlp.update(silver[i:i + 16], sgd=opt)
    return nlp


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=SHIPPED)
    ap.add_argument("--words", type=int, default=40_000)
    args = ap.parse_args(argv)

    import spacy

    from pipeline.model import inference

    texts = bench_texts(args.words)
    ours = spacy.load(args.model)
    ours_defaults = spacy.load(args.model, config={"nlp": {"vectors": {"@vectors": "spacy.Vectors.v1"},
                                                           "after_pipeline_creation": None}})
    ref = reference_pipeline(ours, texts)
    wps_ref = words_per_second(ref, texts)
    ref = inference.create_openblas_ops()(ref)
    wps_ref_same = words_per_second(ref, texts)
    wps_ours_defaults = words_per_second(ours_defaults, texts)
    wps_ours = words_per_second(ours, texts)
    print(f"texts: {len(texts)} paragraphs, ~{args.words} words, one core (OMP_NUM_THREADS=1)")
    print(f"ours ({args.model.name}, as shipped): {wps_ours:,.0f} words/s   pipes {ours.pipe_names}")
    print(f"ours with spaCy's defaults (BLIS, no floret memo): {wps_ours_defaults:,.0f} words/s")
    print(f"sv_core_news_sm architecture, spaCy's defaults (BLIS): {wps_ref:,.0f} words/s   pipes {ref.pipe_names}")
    print(f"sv_core_news_sm architecture, numpy's BLAS as ours: {wps_ref_same:,.0f} words/s")
    print(f"ratio ours / sm-architecture with spaCy's defaults: {wps_ours / wps_ref:.2f}")
    print(f"ratio ours / sm-architecture on the same BLAS: {wps_ours / wps_ref_same:.2f}")
    print(f"model size on disk: {dir_mb(args.model):.1f} MB")


if __name__ == "__main__":
    sys.exit(main())
