"""Where documents are processed: in this process, in N local worker processes, or on a Dask cluster.

The main process reads and hashes inputs and writes outputs; workers only compute. Each worker loads
the pipeline (and so the model) once and keeps it for every document it is given. Because a task
carries the input's bytes and the result carries the output's bytes, Dask workers need no access to
the input or output folders.
"""

from __future__ import annotations

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
    return _PIPELINES[spec]


def process_task(task: Task, spec: PipelineSpec) -> Result:
    from pipeline.runner import StageFailure

    pipe = pipeline_for(spec)
    try:
        doc = pipe.process(Path(task.path), task.doc_id, task.raw, rel=task.rel)
        data = doc.model_dump(mode="json")
        if spec.validate:
            from pipeline.schema import validation_errors

            errors = validation_errors(data)
            if errors:
                return Result(task.doc_id, task.sha256, error=ErrorRecord(
                    id=task.doc_id, path=task.path, stage="emit",
                    reason="output does not match the schema: " + "; ".join(errors[:3])))
        return Result(task.doc_id, task.sha256, data=json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except StageFailure as failure:
        return Result(task.doc_id, task.sha256, error=failure.record)


def run_serial(tasks: Iterable[Task], spec: PipelineSpec) -> Iterator[Result]:
    for task in tasks:
        yield process_task(task, spec)


def _init_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process decides what an interrupt means


def run_processes(tasks: Iterable[Task], spec: PipelineSpec, jobs: int) -> Iterator[Result]:
    """N local processes; each loads the pipeline (and the model) once, on its first document.
    A worker that dies (killed, out of memory) fails only the documents it held, which are recorded."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker) as pool:
        pending: dict = {}

        def settle(done) -> Iterator[Result]:
            for future in done:
                task = pending.pop(future)
                try:
                    yield future.result()
                except Exception as err:  # noqa: BLE001 - BrokenProcessPool and the like
                    yield Result(task.doc_id, task.sha256, error=ErrorRecord(
                        id=task.doc_id, path=task.path, stage="worker",
                        reason=f"the worker process failed: {err.__class__.__name__}: {err}"))

        for task in tasks:
            pending[pool.submit(process_task, task, spec)] = task
            if len(pending) >= 4 * jobs:  # bound the inputs held in memory
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                yield from settle(done)
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            yield from settle(done)


def run_dask(tasks: Iterable[Task], spec: PipelineSpec, scheduler: str) -> Iterator[Result]:
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
