"""Build the document-frequency table that makes keyphrase scores corpus-aware.

    python -m pipeline.stages.topics.build_df [--source DIR] [--docs N]

Reads the raw Swedish text in ../shared/data/raw-text (regeringen.se pages, Riksdag interpellations;
documents separated by `<<<DOC path>>>` lines), counts in how many documents each lower-cased word
occurs, and writes pipeline/resources/keyphrases/df.json (words seen in at least 3 documents, capped at
the 40,000 most frequent). Only counts are stored, never text.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[2].parent / "shared" / "data" / "raw-text"
OUT = HERE.parents[1] / "resources" / "keyphrases" / "df.json"
WORD = re.compile(r"[^\W\d_][\w-]*")


def documents(path: Path, limit: int):
    n, words = 0, set()
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("<<<DOC "):
                if words:
                    yield words
                    n += 1
                    if n >= limit:
                        return
                words = set()
            else:
                words.update(w.lower() for w in WORD.findall(line))
    if words:
        yield words


def build(source: Path, per_file: int) -> dict:
    df: Counter[str] = Counter()
    total = 0
    for path in sorted(source.glob("*.xz")):
        for words in documents(path, per_file):
            df.update(words)
            total += 1
    kept = dict(sorted(((w, c) for w, c in df.most_common(40000) if c >= 3), key=lambda p: p[0]))
    return {"documents": total, "df": kept}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--docs", type=int, default=8000, help="documents read from each file")
    args = parser.parse_args()
    table = build(args.source, args.docs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(table['df'])} words from {table['documents']} documents -> {OUT}")


if __name__ == "__main__":
    main()
