"""Finding input documents: files given directly, and supported files under folders (recursively)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.stages.ingest import SUFFIX_FORMAT


# A folder's own documentation is not an interview.
SKIPPED = ("README.", "LICENSE.", "CHANGELOG.")


@dataclass(frozen=True)
class InputFile:
    path: Path
    rel: str  # path relative to the input root, with forward slashes: the document's id

    @property
    def doc_id(self) -> str:
        return self.rel


def discover(inputs: list[Path], exclude: Path | None = None) -> tuple[list[InputFile], list[str]]:
    """Return the input files and the problems met (missing paths). Symlinked folders are not followed,
    so a link loop cannot trap the walk; hidden and _-prefixed files, README/LICENSE files, reference
    annotations (*.gold.json) and the output folder are skipped. A file named directly is always taken."""
    found: dict[str, InputFile] = {}
    problems: list[str] = []
    excluded = exclude.resolve() if exclude else None
    for given in inputs:
        given = Path(given)
        if given.is_file():
            rel = given.name
            found.setdefault(rel, InputFile(given, rel))
            continue
        if not given.is_dir():
            problems.append(f"{given}: no such file or folder")
            continue
        for dirpath, dirnames, filenames in os.walk(given, followlinks=False, onerror=lambda e: problems.append(
                f"{e.filename}: cannot list the folder ({e.strerror})")):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not d.startswith("_")
                                 and (excluded is None or (here / d).resolve() != excluded))
            for name in sorted(filenames):
                p = here / name
                if (name.startswith((".", "_")) or name.endswith(".gold.json") or name.upper().startswith(SKIPPED)
                        or p.suffix.lower() not in SUFFIX_FORMAT):
                    continue
                if not p.is_file() and p.exists():
                    continue  # FIFOs, sockets and devices would block or never end; broken links are kept
                    # so that they get an error record
                rel = p.relative_to(given).as_posix()
                if rel in found:
                    rel = f"{given.name}/{rel}"
                found.setdefault(rel, InputFile(p, rel))
    return sorted(found.values(), key=lambda f: f.rel), problems
