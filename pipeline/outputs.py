"""The output folder: one JSON per document, written atomically, the manifest and the run summary."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SUMMARY = "_summary.json"
ERRORS_DIR = "_errors"


def output_path(out: Path, doc_id: str) -> Path:
    return out / f"{doc_id}.json"


def error_path(out: Path, doc_id: str) -> Path:
    return out / ERRORS_DIR / f"{doc_id}.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, flush it to disk, then rename over the target:
    a reader (or a crash) only ever sees the old complete file or the new complete one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_json(path: Path, obj) -> None:
    write_atomic(path, (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


