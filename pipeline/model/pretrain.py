"""`spacy pretrain` of the UD tok2vec on the raw Swedish text (characters objective: the CNN learns to
predict the first and last four letters of each word from its context). The floret vectors are an input
of the same tok2vec, so the vectors objective would be trivial."""
from __future__ import annotations

import json
import os
from pathlib import Path

from . import paths


def prepare_jsonl(text: Path, out: Path, words_per_doc: int = 150, max_docs: int = 0) -> int:
    """raw-text.txt (a paragraph a line) -> JSONL documents of about words_per_doc words (at most max_docs,
    0 = all); returns their number."""
    out.parent.mkdir(parents=True, exist_ok=True)
    n, buf, count = 0, [], 0
    with open(text, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as fh:
        for line in src:
            buf.append(line.strip())
            count += len(line.split())
            if count >= words_per_doc:
                fh.write(json.dumps({"text": " ".join(buf)}, ensure_ascii=False) + "\n")
                n, buf, count = n + 1, [], 0
                if n == max_docs:
                    return n
        if buf:
            fh.write(json.dumps({"text": " ".join(buf)}, ensure_ascii=False) + "\n")
            n += 1
    return n


def pretrain(raw_jsonl: Path, out: Path, vectors: Path | None, epochs: int = 1) -> Path:
    """One core; about 4,300 words/s here, so an epoch over raw-text's 12.5M words takes ~50 minutes.
    Returns the weights file that paths.init_tok2vec reads."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    overrides = {"paths.raw_text": str(raw_jsonl), "pretraining.max_epochs": epochs}
    if vectors:
        overrides.update({"paths.vectors": str(vectors), "components.tok2vec.model.embed.include_static_vectors": True})
    config = load_config(paths.CONFIGS / "ud.cfg", overrides=overrides, interpolate=False).interpolate()
    out.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(config, out, use_gpu=-1, silent=False)
    return out / f"model{epochs - 1}.bin"
