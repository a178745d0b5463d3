"""`intervju run` as a user runs it: real files, real subprocess, exit codes, outputs, reruns, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pipeline.schema import validation_errors

GOOD = "Rubrik\n\nAnna Berg, 50, är chef på Region Gävleborg.\n\nHur går det?\n\n– Det går bra, tack.\n"


def intervju(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def _outputs(out: Path) -> dict[str, dict]:
    return {p.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in out.rglob("*.json") if not p.name.startswith("_") and "_errors" not in p.parts}


def test_run_writes_valid_documents_and_reruns_only_what_changed(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "sub" / "b.md").write_text("# B\n\n**Varför?**\n\nFör att.\n", encoding="utf-8")
    (src / "notes.pdf").write_bytes(b"%PDF-1.4")  # unsupported formats are not picked up
    out = tmp_path / "out"
    first = intervju("run", str(src), "--out", str(out))
    assert first.returncode == 0, first.stderr
    docs = _outputs(out)
    assert sorted(docs) == ["a.txt.json", "sub/b.md.json"]
    for data in docs.values():
        assert validation_errors(data) == []
        for group in ("turns", "tokens", "entities", "comments"):
            for span in data[group]:
                assert data["text"][span["start"]:span["end"]] == span["text"]
    assert docs["sub/b.md.json"]["id"] == "sub/b.md"
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["counts"]["processed"] == 2 and summary["counts"]["failed"] == 0

    (src / "a.txt").write_text(GOOD.replace("bra", "utmärkt"), encoding="utf-8")
    (src / "sub" / "b.md").unlink()
    second = intervju("run", str(src), "--out", str(out))
    assert second.returncode == 0, second.stderr
    summary = json.loads((out / "_summary.json").read_text())
    assert summary["processed"] == ["a.txt"] and summary["removed"] == ["sub/b.md"]
    assert not (out / "sub" / "b.md.json").exists()
    assert "utmärkt" in _outputs(out)["a.txt.json"]["text"]
    assert not [p for p in out.rglob("*.tmp")]


def test_bad_inputs_get_error_records_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (src / "latin.txt").write_bytes(GOOD.replace("Rubrik", "Rubrik för Åsa").encode("cp1252"))
    (src / "tom.html").write_text("<html><head><title></title></head><body><script>var x=1;</script></body></html>")
    (src / "fake.docx").write_bytes(b"this is not a zip file")
    with open(src / "huge.txt", "wb") as f:  # 20 MB, over the default 10 MB limit
        f.write(("Det här är en mening om upphandling. " * 1000 + "\n\n").encode() * 560)
    os.symlink(src / "gone.txt", src / "vanished.txt")  # a file that disappeared after it was listed
    out = tmp_path / "out"
    out.mkdir()
    result = intervju("run", str(src), "--out", str(out))
    assert result.returncode == 1, result.stderr
    summary = json.loads((out / "_summary.json").read_text())
    failed = {Path(e["path"]).name: e for e in summary["failed"]}
    assert set(failed) == {"empty.txt", "binary.txt", "tom.html", "fake.docx", "huge.txt", "vanished.txt"}
    assert "empty" in failed["empty.txt"]["reason"]
    assert "binary" in failed["binary.txt"]["reason"]
    assert "main text" in failed["tom.html"]["reason"]
    assert "not a zip" in failed["fake.docx"]["reason"]
    assert "limit" in failed["huge.txt"]["reason"] and failed["huge.txt"]["stage"] == "read"
    assert "No such file" in failed["vanished.txt"]["reason"]
    for name in failed:
        assert f"{name}" in result.stderr  # the message names the file
        record = json.loads((out / "_errors" / f"{name}.json").read_text())
        assert record["reason"] == failed[name]["reason"]
    docs = _outputs(out)
    assert sorted(docs) == ["good.txt.json", "latin.txt.json"]
    assert docs["latin.txt.json"]["metadata"]["title"] == "Rubrik för Åsa"
    assert docs["latin.txt.json"]["source"]["encoding"] == "cp1252"


def test_usage_errors_exit_with_2(tmp_path):
    assert intervju("run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")).returncode == 2
    assert intervju("run", str(tmp_path)).returncode == 2  # --out is required
    bad = tmp_path / "bad.toml"
    bad.write_text("[[stage]\nname=", encoding="utf-8")
    result = intervju("run", str(tmp_path), "--out", str(tmp_path / "o"), "--config", str(bad))
    assert result.returncode == 2 and "bad.toml" in result.stderr


def test_help_explains_every_command():
    result = intervju("--help")
    assert result.returncode == 0
    for command in ("run", "schema", "evaluate"):
        assert command in result.stdout
    run_help = intervju("run", "--help").stdout
    assert "--out" in run_help and "Exit code" in run_help


def test_schema_command_prints_the_shipped_schema():
    from pipeline.schema import SHIPPED, generate

    result = intervju("schema")
    assert json.loads(result.stdout) == generate() == json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_progress_bar_on_a_terminal_and_quiet_in_pipes(tmp_path):
    import pty

    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(GOOD, encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(tmp_path / "tty")],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=300)
    assert proc.returncode == 0
    assert b"intervju" in seen and "━".encode() in seen and b"3/3" in seen
    piped = intervju("run", str(src), "--out", str(tmp_path / "pipe"))
    assert "━" not in piped.stderr and piped.stdout == ""
