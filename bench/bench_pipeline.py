"""Throughput of the whole pipeline beside raw spaCy `nlp.pipe` with the same model on the same texts.

Runs on one core (CPU affinity set to core 0), prints words/s of each and the ratio, the peak memory
of this process (one worker), and the start-up time of `intervju --help`.

    python bench/bench_pipeline.py [N_DOCS]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402


def startup_seconds(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["intervju", "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(n: int) -> None:
    os.sched_setaffinity(0, {0})
    from pipeline.executors import GROUP_DOCS, PipelineSpec, pipeline_for

    pipe = pipeline_for(PipelineSpec(None, "{}"))
    nlp = next(fn.nlp for name, fn in pipe.stages if hasattr(fn, "nlp"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(n, Path(tmp))
        raws = [p.read_bytes() for p in paths]
        pipe.process(paths[0], "warmup", raws[0])
        items = [(p, p.name, raw, None) for p, raw in zip(paths, raws)]
        t = time.perf_counter()
        # in groups as `intervju run` hands them to the pipeline (pipeline/executors.py)
        docs = [d for i in range(0, n, GROUP_DOCS) for d in pipe.process_many(items[i:i + GROUP_DOCS])]
        t_pipeline = time.perf_counter() - t
        n_words = sum(1 for d in docs for tok in d.tokens if any(c.isalnum() for c in tok.text))
        paragraphs = [p for d in docs for p in d.text.split("\n\n")]
        t = time.perf_counter()
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass
        t_raw = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model: {pipe.model}   documents: {n}   words: {n_words}   cores used: 1 of {os.cpu_count()}")
    print(f"raw spaCy nlp.pipe:  {n_words / t_raw:10.0f} words/s  ({t_raw:.2f} s)")
    print(f"whole pipeline:      {n_words / t_pipeline:10.0f} words/s  ({t_pipeline:.2f} s)")
    print(f"ratio pipeline/raw:  {t_raw / t_pipeline:10.2f}")
    print(f"peak memory, one worker: {peak_mb:.0f} MB")
    print(f"`intervju --help` start-up (median of 7): {startup_seconds():.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
