"""Corpus runs: how cost grows with the number of documents, and what a refresh of an unchanged corpus costs.

    python bench/bench_corpus_runs.py [--sizes 100 1000 10000] [--real-model-sizes 100 1000]

A refresh never loads the model when nothing changed, so its cost does not depend on the model: the
large sizes are processed with the structure stages only (ingest, clean, structure, emit) to keep the
benchmark short; `--real-model-sizes` runs the whole shipped pipeline too. The baseline beside each refresh is the cost of just
reading and hashing every input, measured in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate, words  # noqa: E402

from pipeline.api import run_batch  # noqa: E402
from pipeline.config import default_config_path  # noqa: E402



def structure_only_config(tmp: Path) -> Path:
    from pipeline.config import load_config

    config = load_config()
    lines = ["[limits]"] + [f"{k} = {v!r}" for k, v in config.limits.items()]
    for stage in config.stages:
        if stage["name"] in ("ingest", "clean", "structure", "emit"):
            lines.append("[[stage]]")
            lines += [f"{k} = {str(config.resolve(v)) if k == 'furniture' else v!r}".replace("'", '"')
                      for k, v in stage.items()]
    path = tmp / "structure-only.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hash_all(paths: list[Path]) -> float:
    t = time.perf_counter()
    for p in paths:
        hashlib.sha256(p.read_bytes()).hexdigest()
    return time.perf_counter() - t


def measure(n: int, config: Path | None, label: str, tmp: Path) -> None:
    src, out = tmp / f"in-{n}-{label}", tmp / f"out-{n}-{label}"
    paths = generate(n, src)
    n_words = words(paths)
    t = time.perf_counter()
    first = run_batch([src], out, config, progress=False)
    t_first = time.perf_counter() - t
    assert len(first.processed) == n, first.failed[:3]
    refresh_times = []
    for _ in range(3):
        t = time.perf_counter()
        again = run_batch([src], out, config, progress=False)
        refresh_times.append(time.perf_counter() - t)
        assert len(again.unchanged) == n, again.as_dict()["counts"]
    t_hash = min(hash_all(paths) for _ in range(3))
    t_refresh = min(refresh_times)
    print(f"{label:10} {n:6d} docs {n_words:9d} words | first run {t_first:8.2f} s "
          f"({1000 * t_first / n:6.2f} ms/doc, {n_words / t_first:8.0f} words/s) | unchanged refresh "
          f"{t_refresh:6.2f} s, hashing alone {t_hash:5.2f} s, ratio {t_refresh / t_hash:5.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--real-model-sizes", type=int, nargs="*", default=[100, 1000])
    args = parser.parse_args()
    os.sched_setaffinity(0, {0})
    print(f"machine: {os.cpu_count()} cores (1 used); config {default_config_path()}")
    with tempfile.TemporaryDirectory() as tmp:
        structure = structure_only_config(Path(tmp))
        for n in args.sizes:
            measure(n, structure, "structure", Path(tmp))
        for n in args.real_model_sizes:
            measure(n, None, "full", Path(tmp))


if __name__ == "__main__":
    main()
