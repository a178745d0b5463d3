"""Incremental refresh: exactly what changed is redone; renames are cheap; status tells without running."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import pytest

from pipeline.api import corpus_status, run_batch
from pipeline.lock import Busy, locked
from tests.conftest import CORPUS


@pytest.fixture()
def corpus_copy(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CORPUS, src, ignore=shutil.ignore_patterns("*.gold.json", "*.py", "README.md"))
    return src


def _summary(out):
    return json.loads((out / "_summary.json").read_text())


def test_refresh_redoes_exactly_what_changed(corpus_copy, tmp_path):
    out = tmp_path / "out"
    first = run_batch([corpus_copy], out, progress=False)
    n = len(first.processed)
    assert n >= 8 and not first.failed
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json") if not p.name.startswith("_")}
    assert corpus_status(out)["up_to_date"] == sorted(first.processed)

    edited = next(corpus_copy.glob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nEtt nytt stycke.\n", encoding="utf-8")
    renamed = next(corpus_copy.glob("*.html"))
    renamed.rename(corpus_copy / "omdopt.html")
    (corpus_copy / "ny.txt").write_text("Ny\n\nVad nu?\n\n– Inget särskilt.\n", encoding="utf-8")
    state = corpus_status(out)
    assert state["stale"] == [edited.name] and state["new"] == ["ny.txt", "omdopt.html"]
    assert state["orphaned"] == [renamed.name]

    second = run_batch([corpus_copy], out, progress=False)
    assert sorted(second.processed) == sorted([edited.name, "ny.txt"])
    assert second.reused == ["omdopt.html"] and second.removed == [renamed.name]
    assert len(second.unchanged) == n - 2
    moved = json.loads((out / "omdopt.html.json").read_text())
    assert moved["id"] == "omdopt.html" and moved["source"]["path"] == "omdopt.html"
    for p, mtime in before.items():
        if p.exists() and p.name not in (f"{edited.name}.json",):
            assert p.stat().st_mtime_ns == mtime, f"{p.name} was rewritten"
    assert all(not v for k, v in corpus_status(out).items() if k != "up_to_date")


def test_changed_configuration_redoes_everything_and_orphans_can_be_kept(corpus_copy, tmp_path):
    out = tmp_path / "out"
    run_batch([corpus_copy], out, progress=False)
    next(corpus_copy.glob("*.docx")).unlink()
    again = run_batch([corpus_copy], out, progress=False, keep_orphans=True,
                      overrides={"language": {"batch_size": 8}})
    assert not again.unchanged and len(again.processed) >= 7 and not again.removed
    manifest = json.loads((out / "_manifest.json").read_text())["documents"]
    orphans = [d for d, e in manifest.items() if e["status"] == "orphaned"]
    assert len(orphans) == 1 and (out / f"{orphans[0]}.json").exists()


def test_a_second_run_on_the_same_folder_waits_or_refuses(corpus_copy, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with locked(out):
        with pytest.raises(Busy):
            run_batch([corpus_copy], out, progress=False, wait=False)
        refused = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus_copy), "--out", str(out),
                                  "--no-wait"], capture_output=True, text=True, timeout=300)
        assert refused.returncode == 2 and "another intervju run" in refused.stderr
        waiting = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(corpus_copy), "--out", str(out)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None  # still waiting for the lock
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert "waiting for another run" in err
    assert _summary(out)["counts"]["processed"] >= 8
