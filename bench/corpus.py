"""Generate a benchmark corpus of N documents from the bundled samples in corpus/ (not committed).

Each copy gets its number written into its first paragraph, so every file has its own content hash.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_FORMATS = (".txt", ".md", ".html", ".xml")


def samples() -> list[tuple[Path, str, str]]:
    found = []
    for p in sorted((ROOT / "corpus").iterdir()):
        if p.suffix in TEXT_FORMATS and not p.name.startswith(("_", "README")):
            raw = p.read_bytes()
            encoding = "utf-8"
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                encoding = "cp1252"
                text = raw.decode(encoding)
            found.append((p, text, encoding))
    return found


def generate(n: int, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    base = samples()
    paths = []
    for i in range(n):
        src, text, encoding = base[i % len(base)]
        marker = f" Nummer {i}."
        cut = text.find(". ") + 1 or len(text)  # end of the first sentence of the text body
        variant = text[:cut] + marker + text[cut:]
        path = dest / f"{i // 1000:03d}" / f"{src.stem}-{i:05d}{src.suffix}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(variant.encode(encoding))
        paths.append(path)
    return paths


def words(paths: list[Path]) -> int:
    return sum(len(p.read_bytes().split()) for p in paths)


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
