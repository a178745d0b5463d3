"""Every hostile input yields a valid document or a per-document error record; the run goes on."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.schema import validation_errors
from tests.hostile.cases import write_cases


def intervju(*args: str, preexec_fn=None, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          timeout=900, preexec_fn=preexec_fn)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    src, out = folder / "in", folder / "out"
    expect = write_cases(src)
    result = intervju("run", str(src), "--out", str(out))
    summary = json.loads((out / "_summary.json").read_text())
    return src, out, expect, result, summary


def test_the_run_finishes_and_says_some_failed(hostile_run):
    src, out, expect, result, summary = hostile_run
    assert result.returncode == 1, result.stderr
    failed = {Path(e["path"]).name for e in summary["failed"]}
    assert failed == {name for name, outcome in expect.items() if outcome != "ok"}
    assert sorted(summary["processed"]) == sorted(name for name, outcome in expect.items() if outcome == "ok")


@pytest.mark.parametrize("name", ["not-a-zip.docx", "zip-bomb.docx", "billion-laughs.xml", "external-entity.xml",
                                  "mostly-nul.txt", "loop-a.txt", "loop-b.txt"])
def test_each_failure_names_the_file_the_stage_and_the_reason(hostile_run, name):
    src, out, expect, result, summary = hostile_run
    record = json.loads((out / "_errors" / f"{name}.json").read_text())
    assert Path(record["path"]).name == name and record["stage"] in ("read", "ingest")
    assert expect[name] in record["reason"], record["reason"]
    assert f"{name}: {record['stage']}: {record['reason']}" in result.stderr
    assert not (out / f"{name}.json").exists()


@pytest.mark.parametrize("name", ["script-heavy.html", "utf16-no-bom.txt", "mixed-encodings.txt", "stray-nul.txt",
                                  "only-dashes.txt", "only-questions.txt", "one-char-lines.txt", "rtl-emoji.txt",
                                  "long-line.txt"])
def test_each_survivor_is_a_valid_document_with_exact_offsets(hostile_run, name):
    src, out, expect, result, summary = hostile_run
    doc = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    assert validation_errors(doc) == []
    text = doc["text"]
    for group in ("turns", "tokens", "entities", "comments"):
        for span in doc[group]:
            assert text[span["start"]:span["end"]] == span["text"]
    for a, b in zip(doc["turns"], doc["turns"][1:]):
        assert a["end"] <= b["start"]
    assert "\0" not in text and "root:x:0:0" not in text


def test_what_survivors_contain(hostile_run):
    src, out, expect, result, summary = hostile_run
    load = lambda name: json.loads((out / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    html = load("script-heavy.html")
    assert "reklam" not in html["text"] and [t["role"] for t in html["turns"]] == ["question", "answer"]
    assert "Åsa" in load("utf16-no-bom.txt")["text"]
    mixed = load("mixed-encodings.txt")["text"]
    assert "Ångermanälven" in mixed and "Östersund och Örebro" in mixed
    emoji = load("rtl-emoji.txt")
    assert "🇸🇪" in emoji["text"] and any(t["text"] == "🎉" for t in emoji["tokens"])
    long_line = load("long-line.txt")
    assert max(s["end"] - s["start"] for s in long_line["sentences"]) <= 2000
    assert sum(1 for t in long_line["tokens"] if t["text"] == "upphandlar") == 12_000  # split, not dropped
    assert len(load("one-char-lines.txt")["tokens"]) >= 90_000


def test_an_unreadable_file_gets_an_error_record(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text("Rubrik\n\nText.\n", encoding="utf-8")
    locked = src / "locked.txt"
    locked.write_text("Hemligt\n", encoding="utf-8")
    locked.chmod(0)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that let it
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        caps = "-dac_override,-dac_read_search"
        prefix = (setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}")
    result = intervju("run", str(src), "--out", str(tmp_path / "out"), prefix=prefix)
    assert result.returncode == 1
    record = json.loads((tmp_path / "out" / "_errors" / "locked.txt.json").read_text())
    assert record["stage"] == "read" and "Permission denied" in record["reason"]
    assert (tmp_path / "out" / "ok.txt.json").exists()


def test_a_full_disk_leaves_no_partial_file_and_keeps_old_outputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("Kort\n\nHur?\n\n– Så här.\n", encoding="utf-8")
    big = "Lång intervju\n\n" + "".join(f"Fråga {i}?\n\n– Svar nummer {i} om upphandling.\n\n" for i in range(300))
    (src / "b.txt").write_text(big, encoding="utf-8")
    assert intervju("run", str(src), "--out", str(out)).returncode == 0
    before = (out / "b.txt.json").read_bytes()
    (src / "b.txt").write_text(big + "Fråga sist?\n\n– Sista svaret.\n", encoding="utf-8")

    def small_disk():  # writes past 64 KB fail as on a full disk (EFBIG here, ENOSPC there)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = intervju("run", str(src), "--out", str(out), preexec_fn=small_disk)
    assert result.returncode == 1
    assert "b.txt: write: cannot write" in result.stderr
    assert (out / "b.txt.json").read_bytes() == before  # the old complete version stays
    assert not list(out.rglob("*.tmp"))
    assert intervju("run", str(src), "--out", str(out)).returncode == 0  # and the next run finishes the job
    assert (out / "b.txt.json").read_bytes() != before


def test_limits_fail_documents_with_clear_reasons(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "many.txt").write_text("Titel\n\n" + "".join(f"Fråga {i}?\n\n– Svar {i}.\n\n" for i in range(60)))
    result = intervju("run", str(src), "--out", str(tmp_path / "out"), "--max-turns", "50")
    assert result.returncode == 1 and "120 turns, more than the limit of 50" in result.stderr
    slow = intervju("run", str(src), "--out", str(tmp_path / "out2"), "--max-seconds", "0.001")
    assert slow.returncode == 1 and "longer than the limit of 0.001 s" in slow.stderr


def test_a_failing_rerun_never_damages_the_earlier_output(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    doc = src / "intervju.txt"
    doc.write_text("Rubrik\n\nHur?\n\n– Bra.\n", encoding="utf-8")
    assert intervju("run", str(src), "--out", str(out)).returncode == 0
    before = (out / "intervju.txt.json").read_bytes()
    doc.write_bytes(b"\0\1\2\3" * 1000)
    assert intervju("run", str(src), "--out", str(out)).returncode == 1
    assert (out / "intervju.txt.json").read_bytes() == before
    assert json.loads((out / "_manifest.json").read_text())["documents"]["intervju.txt"]["status"] == "failed"


def test_broken_taxonomy_and_config_files_are_usage_errors_naming_the_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Rubrik\n\nText.\n", encoding="utf-8")
    bad = tmp_path / "mina-ämnen.toml"
    bad.write_text('[[topic]]\nid = "konkurrens"\nlemmas = ["anbud",\n', encoding="utf-8")
    result = intervju("run", str(src), "--out", str(tmp_path / "out"), "--topics", str(bad))
    assert result.returncode == 2
    assert "mina-ämnen.toml" in result.stderr and "line" in result.stderr
    config = tmp_path / "pipeline.toml"
    config.write_text("[[stage]]\nname = 'ingest'\nfactory = \n", encoding="utf-8")
    result = intervju("run", str(src), "--out", str(tmp_path / "out"), "--config", str(config))
    assert result.returncode == 2 and "pipeline.toml" in result.stderr and "line 3" in result.stderr
