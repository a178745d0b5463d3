"""Where documents are processed: in this process, in N local worker processes, or on a Dask cluster.

The main process reads and hashes inputs and writes outputs; workers only compute. Each worker loads
the pipeline (and so the model) once and keeps it for every document it is given. Because a task
carries the input's bytes and the result carries the output's bytes, Dask workers need no access to
the input or output folders.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import ErrorRecord


@dataclass
class Task:
    doc_id: str
    path: str
    rel: str
    raw: bytes
    sha256: str


@dataclass
class Result:
    doc_id: str
    sha256: str
    data: bytes | None = None
    error: ErrorRecord | None = None


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the same pipeline as the main process."""

    config: str | None
    overrides: str  # JSON, so that the spec is hashable and cheap to ship
    validate: bool = True


_PIPELINES: dict[PipelineSpec, object] = {}


def pipeline_for(spec: PipelineSpec):
    if spec not in _PIPELINES:
        from pipeline.runner import Pipeline

        _PIPELINES[spec] = Pipeline.from_config(Path(spec.config) if spec.config else None,
                                                json.loads(spec.overrides))
        # The model, gazetteers and taxonomy just loaded stay for the life of the process. Freezing takes
        # every object that exists now out of the cycle collector's reach, so that full collections stop
        # walking them again and again (bench_pipeline: 0.40 s of collection in an 11 s run, 0.14 s with
        # this). They are still freed by reference counting, but no longer as parts of cycles.
        gc.freeze()
    return _PIPELINES[spec]


# How many documents the pipeline is given at once, so that the language model's batches span documents
# (a short document's paragraphs fill only part of one), and at most how much input, so that a group
# of large documents holds no more memory than one or two of them would.
GROUP_DOCS = 32
GROUP_BYTES = 2**20


def groups(tasks: Iterable[Task], most: int = GROUP_DOCS) -> Iterator[list[Task]]:
    """The tasks in order, in groups of at most `most` documents and about GROUP_BYTES of input."""
    group: list[Task] = []
    size = 0
    for task in tasks:
        group.append(task)
        size += len(task.raw)
        if len(group) >= most or size >= GROUP_BYTES:
            yield group
            group, size = [], 0
    if group:
        yield group


def process_tasks(tasks: list[Task], spec: PipelineSpec) -> list[Result]:
    """Several documents through one pipeline call; each fails or succeeds on its own."""
    pipe = pipeline_for(spec)
    done = pipe.process_many([(Path(t.path), t.doc_id, t.raw, t.rel) for t in tasks])
    return [_result(task, doc, spec) for task, doc in zip(tasks, done)]


def process_task(task: Task, spec: PipelineSpec) -> Result:
    return process_tasks([task], spec)[0]


def _result(task: Task, doc, spec: PipelineSpec) -> Result:
    from pipeline.runner import StageFailure

    if isinstance(doc, StageFailure):
        return Result(task.doc_id, task.sha256, error=doc.record)
    data = doc.model_dump(mode="json")
    if spec.validate:
        from pipeline.schema import validation_errors

        errors = validation_errors(data)
        if errors:
            return Result(task.doc_id, task.sha256, error=ErrorRecord(
                id=task.doc_id, path=task.path, stage="emit",
                reason="output does not match the schema: " + "; ".join(errors[:3])))
    return Result(task.doc_id, task.sha256, data=json.dumps(data, ensure_ascii=False).encode("utf-8"))


def run_serial(tasks: Iterable[Task], spec: PipelineSpec) -> Iterator[Result]:
    for group in groups(tasks):
        yield from process_tasks(group, spec)


def _init_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what an interrupt means


def run_processes(tasks: Iterable[Task], spec: PipelineSpec, jobs: int) -> Iterator[Result]:
    """N local processes; each loads the pipeline (and the model) once, on its first group of documents.
    A worker that dies (killed, out of memory) fails only the documents it held, which are recorded."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker) as pool:
        pending: dict = {}

        def settle(done) -> Iterator[Result]:
            for future in done:
                group = pending.pop(future)
                try:
                    yield from future.result()
                except Exception as err:  # noqa: BLE001 - BrokenProcessPool and the like
                    for task in group:
                        yield Result(task.doc_id, task.sha256, error=ErrorRecord(
                            id=task.doc_id, path=task.path, stage="worker",
                            reason=f"the worker process failed: {err.__class__.__name__}: {err}"))

        # Small groups: most of the gain of full batches, and every worker busy even on a small corpus.
        for group in groups(tasks, most=4):
            pending[pool.submit(process_tasks, group, spec)] = group
            if len(pending) >= 2 * jobs:  # bound the inputs held in memory
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                yield from settle(done)
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            yield from settle(done)


def run_dask(tasks: Iterable[Task], spec: PipelineSpec, scheduler: str) -> Iterator[Result]:
    """One Dask task per document, so that the scheduler spreads and accounts for each on its own
    (without the batches across documents of the other executors; the outputs are the same)."""
    try:
        from distributed import Client, as_completed
    except ImportError as err:
        raise RuntimeError("the Dask executor needs the dask extra: pip install 'intervju[dask]'") from err
    with Client(scheduler, timeout="30s") as client:
        window = 4 * max(1, sum(client.nthreads().values()))
        queue = as_completed()
        submitted: dict[str, Task] = {}
        for task in tasks:
            future = client.submit(process_task, task, spec, key=f"intervju-{task.sha256[:16]}-{task.doc_id}",
                                   pure=False)
            submitted[future.key] = task
            queue.add(future)
            if queue.count() >= window:
                yield _dask_result(next(queue), submitted)
        for future in queue:
            yield _dask_result(future, submitted)


def _dask_result(future, submitted: dict) -> Result:
    task = submitted.pop(future.key)
    if future.status == "error":  # a worker died or the task raised: recorded, never lost
        return Result(task.doc_id, task.sha256, error=ErrorRecord(
            id=task.doc_id, path=task.path, stage="dask", reason=f"worker failed: {future.exception()}"))
    result = future.result()
    future.release()
    return result
