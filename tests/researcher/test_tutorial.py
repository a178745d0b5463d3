"""docs/tutorial.md stays true: its Python blocks run against a real output folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pandas")

TUTORIAL = Path(__file__).resolve().parents[2] / "docs" / "tutorial.md"


def test_tutorial_code_runs(annotated_out, tmp_path, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", TUTORIAL.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5
    try:
        import matplotlib

        matplotlib.use("Agg")
        plots = True
    except ImportError:  # matplotlib is the researcher's own choice, not a dependency: skip the plot blocks
        plots = False
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for block in blocks:
        if "plt." in block and not plots:
            continue
        exec(compile(block.replace('open_corpus("out/")', f'open_corpus({str(annotated_out)!r})'),
                     str(TUTORIAL), "exec"), namespace)
    assert len(namespace["competition"]) > 0
    assert "Maria Lind" in namespace["per_interviewee"].index
    if plots:
        assert (tmp_path / "topic_shares.png").stat().st_size > 1000
        assert (tmp_path / "topics_by_year.png").stat().st_size > 1000
