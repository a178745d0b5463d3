"""Coverage-guided fuzzing of the ingest and clean stages with atheris (not part of the test suite).

    pip install atheris
    mkdir -p build/fuzz-corpus && cp corpus/*.txt corpus/*.md corpus/*.xml build/fuzz-corpus/
    python bench/fuzz_ingest.py build/fuzz-corpus -max_total_time=600 -max_len=4096

Each input is tried as every supported format. A StageFailure is the expected outcome for garbage (a
clear per-document error); anything else that escapes, or a document whose offsets do not match its
text, is a finding and stops the run with the crashing input saved by libFuzzer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import pipeline.stages.clean  # noqa: F401
    import pipeline.stages.emit  # noqa: F401
    import pipeline.stages.ingest.decode  # noqa: F401
    import pipeline.stages.ingest.docx  # noqa: F401
    import pipeline.stages.ingest.html  # noqa: F401
    import pipeline.stages.ingest.markdown  # noqa: F401
    import pipeline.stages.ingest.tei  # noqa: F401
    import pipeline.stages.ingest.text  # noqa: F401
    import pipeline.stages.structure  # noqa: F401
    from pipeline.config import load_config
    from pipeline.runner import Pipeline, StageFailure

config = load_config()
config.stages = [s for s in config.stages if s["name"] in ("ingest", "clean", "structure", "emit")]
PIPE = Pipeline(config)
SUFFIXES = (".txt", ".md", ".html", ".xml", ".docx")
COUNT = [0]


def one_input(data: bytes) -> None:
    COUNT[0] += 1
    for suffix in SUFFIXES:
        try:
            doc = PIPE.process(Path(f"fuzz{suffix}"), "fuzz", data)
        except StageFailure:
            continue
        for turn in doc.turns:
            assert doc.text[turn.start:turn.end] == turn.text


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    try:
        atheris.Fuzz()
    finally:
        print(f"inputs tried: {COUNT[0]}", file=sys.stderr)
