"""--jobs N and a real Dask cluster on localhost give the same outputs as one process."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.api import run_batch
from tests.conftest import CORPUS


def _docs(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.json")
            if not p.name.startswith("_") and "_errors" not in p.parts}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    shutil.copytree(CORPUS, src / "corpus", ignore=shutil.ignore_patterns("*.gold.json", "*.py", "README.md"))
    (src / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return src


@pytest.fixture(scope="module")
def serial(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    summary = run_batch([inputs], out, progress=False)
    assert [e.id for e in summary.failed] == ["broken.docx"]
    return _docs(out)


def test_local_worker_processes_match_serial(inputs, serial, tmp_path):
    summary = run_batch([inputs], tmp_path, jobs=2, progress=False)
    assert [e.id for e in summary.failed] == ["broken.docx"]
    assert _docs(tmp_path) == serial


def test_dask_cluster_on_localhost_matches_serial(inputs, serial, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the Dask extra is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        summary = run_batch([inputs], tmp_path, executor="dask", scheduler=cluster.scheduler_address,
                            progress=False)
    failed = {e.id: e for e in summary.failed}
    assert list(failed) == ["broken.docx"] and "zip" in failed["broken.docx"].reason
    assert _docs(tmp_path) == serial
    record = json.loads((tmp_path / "_errors" / "broken.docx.json").read_text())
    assert record["stage"] == "ingest"
