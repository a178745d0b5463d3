"""Shared fixtures: the real pipeline (real model, real configs) and the shared reference data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "samples").is_dir():
        pytest.skip(f"needs the shared reference data at {SHARED} (present in CI, absent on a user's machine)")
    return SHARED


@pytest.fixture(scope="session")
def pipe():
    from pipeline.runner import Pipeline

    return Pipeline.from_config()


@pytest.fixture(scope="session")
def process(pipe):
    """Annotate a file with the real pipeline; returns the output as JSON data (what users read)."""

    def run(path: Path) -> dict:
        path = Path(path)
        return pipe.process(path, path.name, path.read_bytes()).model_dump(mode="json")

    return run


def load_gold(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))
