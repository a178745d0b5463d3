"""Documents handed to the pipeline in groups (so that the language model's batches span documents) come
out exactly as they do one at a time, and a document that fails, even inside a batch, fails alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.executors import GROUP_BYTES, GROUP_DOCS, Task, groups
from pipeline.runner import Pipeline, StageFailure
from tests.conftest import CORPUS

BROKEN_DOCX = b"PK\x03\x04 not really a zip"


@pytest.fixture(scope="module")
def items() -> list[tuple[Path, str, bytes, None]]:
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html", ".xml", ".docx"))
    found = [(p, p.name, p.read_bytes(), None) for p in paths]
    found.insert(3, (Path("broken.docx"), "broken.docx", BROKEN_DOCX, None))
    return found


def _outcome(result) -> dict:
    if isinstance(result, StageFailure):
        return result.record.model_dump()
    return result.model_dump(mode="json")


def _one_at_a_time(pipe: Pipeline, items) -> list[dict]:
    out = []
    for item in items:
        try:
            out.append(_outcome(pipe.process(*item)))
        except StageFailure as failure:
            out.append(_outcome(failure))
    return out


def test_a_group_gives_the_outputs_of_one_document_at_a_time(pipe, items):
    assert [_outcome(r) for r in pipe.process_many(items)] == _one_at_a_time(pipe, items)


def test_a_document_that_breaks_a_batch_fails_alone(pipe, items):
    broken = Pipeline(load_config())
    language = dict(broken.stages)["language"]
    bad = items[1][1]

    def stage(work):  # the real language stage, as if the model ran out of memory on one document
        language(work)
        if work.doc.id == bad:
            raise MemoryError()

    def batch(works):  # the real batch runs first: every document must be fit to be redone after it
        language.batch(works)
        if any(work.doc.id == bad for work in works):
            raise MemoryError()

    stage.batch = batch
    broken.stages = [(name, stage if name == "language" else fn) for name, fn in broken.stages]
    results = [_outcome(r) for r in broken.process_many(items)]
    expected = _one_at_a_time(pipe, items)
    assert results[1] == {"id": bad, "path": str(items[1][0]), "stage": "language",
                          "reason": "out of memory while processing this document"}
    assert results[:1] + results[2:] == expected[:1] + expected[2:]


def test_the_time_limit_holds_for_each_document_of_a_group(items):
    config = load_config(overrides={"limits": {"max_seconds_per_document": 0.001}})
    results = Pipeline(config).process_many(items[:4])
    assert all(isinstance(r, StageFailure) for r in results)
    reasons = [r.record.reason for r in results if r.record.id != "broken.docx"]
    assert reasons and all("took longer than the limit of 0.001 s" in reason for reason in reasons)


def test_groups_hold_a_bounded_number_of_documents_and_bytes():
    small = [Task(f"d{i}", f"d{i}.txt", f"d{i}.txt", b"x" * 100, "") for i in range(GROUP_DOCS * 2 + 5)]
    assert [len(g) for g in groups(small)] == [GROUP_DOCS, GROUP_DOCS, 5]
    big = [Task(f"b{i}", f"b{i}.txt", f"b{i}.txt", b"x" * (GROUP_BYTES // 2), "") for i in range(5)]
    assert [len(g) for g in groups(big)] == [2, 2, 1]
    assert [t.doc_id for g in groups(small) for t in g] == [t.doc_id for t in small]
