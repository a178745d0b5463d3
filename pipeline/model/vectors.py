"""floret word vectors trained by the recipe on ../shared/data/raw-text (11.6M words), small enough to ship."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from . import paths
from .readers import open_text

_TOKEN = re.compile(r"\w+(?:[-:.']\w+)*|[^\w\s]", re.UNICODE)
_MARKUP = re.compile(r"[#*_`>|\[\]()]+|https?://\S+|<[^>]+>")


def prepare_text(out: Path, max_lines: int | None = None) -> int:
    """One paragraph a line, tokenised on word/punctuation boundaries; returns the word count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    words = lines = 0
    with open(out, "w", encoding="utf-8") as fh:
        for f in sorted(paths.RAW_TEXT.glob("*.xz")):
            with open_text(f) as src:
                for line in src:
                    if line.startswith("<<<DOC"):
                        continue
                    toks = _TOKEN.findall(_MARKUP.sub(" ", line))
                    if len(toks) < 4:
                        continue
                    fh.write(" ".join(toks) + "\n")
                    words += len(toks)
                    lines += 1
                    if max_lines and lines >= max_lines:
                        return words
    return words


def train_floret(text: Path, out_dir: Path, dim: int = 96, bucket: int = 50_000, epoch: int = 5,
                 threads: int = 1) -> Path:
    """Train floret (cbow, 2 hashes, char 4-5-grams) and convert it to a spaCy vectors directory."""
    try:
        import floret
    except ImportError as exc:
        raise SystemExit("training the vectors needs floret: pip install -e '.[train]'") from exc

    model = floret.train_unsupervised(str(text), model="cbow", mode="floret", hashCount=2, bucket=bucket,
                                      minn=4, maxn=5, minCount=5, dim=dim, epoch=epoch, thread=threads)
    out_dir.mkdir(parents=True, exist_ok=True)
    vec = out_dir / "vectors.floret"
    model.save_floret_vectors(str(vec))
    spacy_dir = out_dir / "spacy-vectors"
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "sv", str(vec), str(spacy_dir),
                    "--mode", "floret"], check=True)
    return spacy_dir


if __name__ == "__main__":
    text = paths.BUILD / "raw" / "raw-text.txt"
    if not text.exists():
        print("words:", prepare_text(text))
    print(train_floret(text, paths.BUILD / "vectors", epoch=int(sys.argv[1]) if len(sys.argv) > 1 else 5))
