"""`intervju export` and `intervju report` from the command line, as a researcher types them."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

pytest.importorskip("pandas")


def _intervju(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=120)


def test_export_every_format_and_report(annotated_out, tmp_path):
    for fmt, dest in (("csv", "csv"), ("parquet", "pq"), ("conllu", "alla.conllu"), ("qdpx", "projekt.qdpx")):
        done = _intervju("export", str(annotated_out), "--to", fmt, "--dest", str(tmp_path / dest))
        assert done.returncode == 0, done.stderr
        assert "written" in done.stderr
    assert (tmp_path / "csv" / "turns.csv").is_file() and (tmp_path / "pq" / "tokens.parquet").is_file()
    assert (tmp_path / "alla.conllu").read_text(encoding="utf-8").startswith("# newdoc id = ")
    assert "project.qde" in zipfile.ZipFile(tmp_path / "projekt.qdpx").namelist()
    done = _intervju("report", str(annotated_out), "--dest", str(tmp_path / "rapport.html"))
    assert done.returncode == 0, done.stderr
    assert "Åsa Sjöberg" in (tmp_path / "rapport.html").read_text(encoding="utf-8")


def test_usage_errors_and_invalid_documents(annotated_out, tmp_path):
    done = _intervju("export", str(annotated_out), "--to", "xlsx", "--dest", str(tmp_path / "x"))
    assert done.returncode == 2 and "csv, parquet, conllu, qdpx" in done.stderr
    done = _intervju("report", str(tmp_path / "missing"))
    assert done.returncode == 2 and "not a folder" in done.stderr
    import shutil

    out = tmp_path / "out"
    shutil.copytree(annotated_out, out)
    bad = out / "lind.txt.json"
    doc = json.loads(bad.read_text(encoding="utf-8"))
    doc["tokens"][0]["head"] = "two"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = _intervju("export", str(out), "--to", "csv", "--dest", str(tmp_path / "csv"))
    assert done.returncode == 1 and str(bad) in done.stderr and "--skip-invalid" in done.stderr
    done = _intervju("export", str(out), "--to", "csv", "--dest", str(tmp_path / "csv"), "--skip-invalid")
    assert done.returncode == 0 and "skipped" in done.stderr and str(bad) in done.stderr


def test_help_texts():
    for cmd in ("export", "report"):
        done = _intervju(cmd, "--help")
        assert done.returncode == 0 and "OUT_DIR" in done.stdout
    assert "qdpx" in _intervju("export", "--help").stdout
