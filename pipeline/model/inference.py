"""CPU inference settings that the shipped model's config.cfg names, so `spacy.load` alone gets them.

Both change speed only: the annotations are the same as with spaCy's defaults (tests/model/test_inference.py).
- `intervju.openblas_ops.v1`: thinc's NumpyOps without BLIS, so matrix products go to numpy's BLAS.
  The BLIS kernels in the blis wheel ran this machine's gemm shapes 2.5-3x slower than numpy's OpenBLAS.
- `intervju.memo_floret_vectors.v1`: floret vectors that remember each word's vector. spaCy hashes every
  character n-gram of every distinct word in every batch, once per tok2vec that reads the vectors (ours
  has two: the UD layers' and the NER's), though a word's vector never changes.
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy
from spacy.util import registry
from spacy.vectors import Vectors

VECTORS = "intervju.memo_floret_vectors.v1"
OPS = "intervju.openblas_ops.v1"
MEMO_LIMIT = 200_000  # distinct words kept (200k x 96 floats = 77 MB); past it the memo starts afresh


class MemoFloretVectors(Vectors):
    """spaCy's Vectors; in floret mode get_batch computes a word's vector once and then reads it back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._memo_lock = threading.Lock()
        self._forget()

    def _forget(self, data=None) -> None:
        self._memo_for = data
        self._memo_index: dict[str, int] = {}
        self._memo_table = None

    def get_batch(self, keys):
        if self.mode != "floret" or not isinstance(self.data, numpy.ndarray):  # on a GPU spaCy's own path
            return super().get_batch(keys)
        words = [self.strings.as_string(key) for key in keys]
        with self._memo_lock:
            if self._memo_for is not self.data or len(self._memo_index) > MEMO_LIMIT:
                self._forget(self.data)
            missing = [w for w in dict.fromkeys(words) if w not in self._memo_index]
            if missing:
                self._remember(missing, numpy.asarray(super().get_batch(missing), dtype="float32"))
            rows = numpy.fromiter((self._memo_index[w] for w in words), dtype="int64", count=len(words))
            return numpy.ascontiguousarray(self._memo_table[rows])

    def _remember(self, words: list[str], vecs) -> None:
        start = len(self._memo_index)
        table = self._memo_table
        if table is None or start + len(words) > len(table):
            grown = numpy.zeros((max(2 * (start + len(words)), 4096), vecs.shape[1]), dtype="float32")
            if table is not None:
                grown[:start] = table[:start]
            self._memo_table = table = grown
        table[start:start + len(words)] = vecs
        self._memo_index.update((w, start + i) for i, w in enumerate(words))


@registry.vectors(VECTORS)
def create_memo_floret_vectors():
    def make(vocab) -> Vectors:
        return MemoFloretVectors(strings=vocab.strings)

    return make


@registry.callbacks(OPS)
def create_openblas_ops():
    def use_openblas(nlp):
        from thinc.api import NumpyOps, get_current_ops

        if type(get_current_ops()) is not NumpyOps:  # a GPU or another backend chosen by the user stays
            return nlp
        ops = NumpyOps(use_blis=False)
        for _, component in nlp.components:
            model = getattr(component, "model", None)
            for node in model.walk() if hasattr(model, "walk") else ():
                node.ops = ops
        return nlp

    return use_openblas


def name_in_config(model_dir: Path) -> None:
    """Write both settings into a saved pipeline's config.cfg (and drop the build folders its [paths] name)."""
    from thinc.api import Config

    cfg_path = Path(model_dir) / "config.cfg"
    cfg = Config().from_disk(cfg_path, interpolate=False)
    cfg["nlp"]["vectors"] = {"@vectors": VECTORS}
    cfg["nlp"]["after_pipeline_creation"] = {"@callbacks": OPS}
    for key in cfg["paths"]:
        cfg["paths"][key] = None
    cfg.to_disk(cfg_path)
