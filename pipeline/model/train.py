"""Train the UD and NER pipelines with spaCy from configs/model/*.cfg on the built corpora."""
from __future__ import annotations

import os
from pathlib import Path

from . import paths


def train_one(name: str, out: Path | None = None, corpus: Path | None = None, overrides: dict | None = None,
              config: Path | None = None) -> Path:
    """Train configs/model/{name}.cfg (or `config`); returns the model-best directory."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from spacy.cli.train import train

    corpus = corpus or paths.BUILD / "corpus"
    out = out or paths.BUILD / "train" / name
    prefix = "ner" if name.startswith("ner") else "ud"
    train_dir = "senter-train" if name.startswith("senter") else f"{prefix}-train"
    ov = {"paths.train": str(corpus / train_dir), "paths.dev": str(corpus / f"{prefix}-dev.spacy")}
    ov.update(overrides or {})
    train(config or paths.CONFIGS / f"{name}.cfg", out, use_gpu=-1, overrides=ov)
    return out / "model-best"


def export_tok2vec(model: Path, out: Path) -> Path:
    """The weights of a trained pipeline's tok2vec, in the format paths.init_tok2vec reads."""
    import spacy

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(spacy.load(model).get_pipe("tok2vec").model.to_bytes())
    return out


if __name__ == "__main__":
    import sys

    name = sys.argv[1]
    extra = dict(a.split("=", 1) for a in sys.argv[2:])
    for k, v in list(extra.items()):
        extra[k] = int(v) if v.isdigit() else v
    train_one(name, out=Path(extra.pop("out")) if "out" in extra else None, overrides=extra)
