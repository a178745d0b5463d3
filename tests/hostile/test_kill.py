"""Killing a refresh with SIGKILL at random moments never leaves a damaged output; the next run finishes
the job and the result equals an uninterrupted run's."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

from pipeline.api import run_batch
from pipeline.schema import validation_errors
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402

N_DOCS = 200


def _outputs(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")
            if not p.name.startswith("_") and "_errors" not in p.parts}


def test_sigkill_at_random_moments_then_finish(tmp_path):
    src = tmp_path / "in"
    generate(N_DOCS, src)
    reference = tmp_path / "reference"
    assert not run_batch([src], reference, progress=False).failed
    expected = _outputs(reference)
    assert len(expected) == N_DOCS

    out = tmp_path / "out"
    rng = random.Random(20261125)
    partial_counts = []
    for _ in range(4):
        before = len(_outputs(out)) if out.exists() else 0
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:  # wait until it is writing outputs
            if out.exists() and len(_outputs(out)) > before:
                break
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.5))  # then kill it at a random moment of its work
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        done = _outputs(out)
        partial_counts.append(len(done))
        for name, data in done.items():  # whatever is there is complete and right
            assert data == expected[name], name
    assert 0 < partial_counts[0] < N_DOCS, partial_counts  # the kills did land mid-run

    final = subprocess.run([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out)],
                           capture_output=True, text=True, timeout=900)
    assert final.returncode == 0, final.stderr
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["counts"]["unchanged"] > 0  # finished documents were not redone
    got = _outputs(out)
    assert got == expected
    for data in got.values():
        assert validation_errors(json.loads(data)) == []
    assert not list(out.rglob("*.tmp"))  # temporary files of killed runs are swept up
