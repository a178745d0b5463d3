"""Small Swedish word vectors for stanza's tagger and parser, made here from ../shared/data/raw-text.

stanza's tagger and parser read a "pretrain" file (vocabulary + embedding matrix). No vectors are
downloaded: we count word co-occurrences (window of 2 either side) in a few million words of the
unannotated Swedish raw text, weight them by positive pointwise mutual information (PPMI, with
context-distribution smoothing 0.75) and keep a truncated SVD of that matrix (Levy, Goldberg &
Dagan 2015): count-based vectors that are close to word2vec's on similarity tasks, computed in under a
minute on one core with numpy/scipy, deterministic for a seed, and with no extra dependency.
Words are lowercased, as stanza looks them up lowercased.
"""
from __future__ import annotations

import lzma
import re
from collections import Counter
from pathlib import Path

import numpy as np

from pipeline.model import paths

TOKEN = re.compile(r"\w+(?:[-.:]\w+)*|[^\w\s]")
SOURCES = ("riksdagen-interpellations.txt.xz", "g0vse-regeringen-pages.md.xz")


def read_tokens(max_words: int) -> list[str]:
    """Lowercased tokens, half from each raw-text file, leaving out the <<<DOC>>> separator lines."""
    out: list[str] = []
    share = max_words // len(SOURCES)
    for name in SOURCES:
        n = 0
        with lzma.open(paths.RAW_TEXT / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("<<<DOC"):
                    continue
                toks = TOKEN.findall(line.lower())
                out.extend(toks)
                n += len(toks)
                if n >= share:
                    break
    return out


def ppmi_svd(tokens: list[str], vocab_size: int, dim: int, window: int = 2, seed: int = 13):
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    counts = Counter(tokens)
    words = [w for w, _ in counts.most_common(vocab_size)]
    index = {w: i for i, w in enumerate(words)}
    ids = np.fromiter((index.get(t, -1) for t in tokens), dtype=np.int64, count=len(tokens))
    v = len(words)
    rows, cols, vals = [], [], []
    for off in range(1, window + 1):
        a, b = ids[:-off], ids[off:]
        keep = (a >= 0) & (b >= 0)
        weight = 1.0 / off  # nearer contexts count more, as in word2vec's dynamic window
        for x, y in ((a[keep], b[keep]), (b[keep], a[keep])):
            rows.append(x)
            cols.append(y)
            vals.append(np.full(len(x), weight, dtype=np.float32))
    m = sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(v, v)).tocsr()
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col /= col.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (row[m.row] / total) / col[m.col])
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=(v, v))
    u, s, _ = randomized_svd(ppmi, n_components=dim, random_state=seed)
    emb = u * np.sqrt(s)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-8
    return words, emb.astype(np.float32)


def build(out: Path, max_words: int = 4_000_000, vocab_size: int = 20_000, dim: int = 50) -> Path:
    """Write `out` (.pt, stanza's pretrain format) via a word2vec-style text file beside it."""
    from stanza.models.common.pretrain import Pretrain

    words, emb = ppmi_svd(read_tokens(max_words), vocab_size, dim)
    out.parent.mkdir(parents=True, exist_ok=True)
    txt = out.with_suffix(".txt")
    with open(txt, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {dim}\n")
        for w, row in zip(words, emb):
            fh.write(w.replace(" ", "\u00a0") + " " + " ".join(f"{x:.5f}" for x in row) + "\n")
    Pretrain(str(out), str(txt)).load()
    return out


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.REPO / "build" / "stanza" / "pretrain" / "sv_intervju.pretrain.pt"
    print(build(target))
