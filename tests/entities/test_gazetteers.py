"""The gazetteer recipe rebuilds the committed tables from ../shared/data/gazetteers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.gazetteers.build import DEFAULT_OUT, DEFAULT_SOURCE, build


def test_build_matches_committed_tables(tmp_path):
    if not DEFAULT_SOURCE.is_dir():
        pytest.skip(f"needs {DEFAULT_SOURCE} (../shared is absent)")
    counts = build(DEFAULT_SOURCE, tmp_path)
    assert counts["names"] > 2000 and counts["parties"] >= 8
    for name in ("names.json", "persons.json"):
        assert (tmp_path / name).read_bytes() == (DEFAULT_OUT / name).read_bytes(), f"{name} is stale: rerun the build"


def test_committed_tables_are_small_and_know_the_basics():
    names = json.loads((DEFAULT_OUT / "names.json").read_text(encoding="utf-8"))
    assert sum(p.stat().st_size for p in Path(DEFAULT_OUT).iterdir()) < 3_000_000
    e = names["entries"]
    assert e["Region Kalmar län"][0] == "ORG" and e["Kalmar län"][0] == "LOC"
    assert e["UHM"][1] == "Upphandlingsmyndigheten"
    assert e["SOI"][1] == "Sveriges Offentliga Inköpare"
    assert names["parties"]["S"][0] == "Socialdemokraterna"
