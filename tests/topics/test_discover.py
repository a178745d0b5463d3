"""`intervju topics discover` on a processed folder: topics with terms and turns, the same for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REAL = SHARED / "samples" / "real"


def test_discover_is_deterministic(tmp_path):
    if not REAL.is_dir():
        pytest.skip(f"needs the shared samples {REAL} (../shared is absent)")
    from typer.testing import CliRunner

    from pipeline.cli import app

    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(REAL), "--out", str(out)]).exit_code in (0, 1)
    results = []
    for name in ("a.json", "b.json"):
        r = runner.invoke(app, ["topics", "discover", str(out), "-k", "3", "--seed", "7", "--write", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
        results.append((tmp_path / name).read_text(encoding="utf-8"))
    assert results[0] == results[1]
    assert '"top_terms"' in results[0] and '"turns"' in results[0]
