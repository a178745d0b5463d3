"""A Pipeline: the configured stages, run in order over one document."""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline import __version__
from pipeline.config import PipelineConfig, build_stages, load_config
from pipeline.document import Document, ErrorRecord, PipelineInfo, Source
from pipeline.work import Work


class DocumentTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupt a document that runs past its time limit. The alarm works in a process's main thread
    (serial runs, --jobs workers); elsewhere (Dask worker threads) the limit is checked between stages."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class StageFailure(Exception):
    """A document failed in a stage; carries the error record."""

    def __init__(self, record: ErrorRecord):
        super().__init__(f"{record.path}: {record.stage}: {record.reason}")
        self.record = record


def _reason(err: BaseException) -> str:
    text = str(err).strip() or err.__class__.__name__
    if isinstance(err, MemoryError):
        return "out of memory while processing this document"
    if isinstance(err, RecursionError):
        return "the document is nested too deeply to process"
    return text


def fingerprint(config: PipelineConfig) -> str:
    """Changes whenever the output could change: package version, model, configuration, taxonomy.
    Computed from files alone, so that `intervju status` need not load the model."""
    return hashlib.sha256(f"{__version__}|{config.fingerprint()}".encode()).hexdigest()[:16]


class Pipeline:
    def __init__(self, config: PipelineConfig):
        self.config = config
        self.stages = build_stages(config)
        self.model = "none"
        for _, fn in self.stages:
            nlp = getattr(fn, "nlp", None)
            if nlp is not None:
                from pipeline.stages.language import model_label

                self.model = model_label(nlp)

    @classmethod
    def from_config(cls, path: Path | None = None, overrides: dict | None = None) -> "Pipeline":
        return cls(load_config(path, overrides))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.config)

    def process(self, path: Path, doc_id: str, raw: bytes, rel: str | None = None) -> Document:
        """One document; raises StageFailure with its error record if it fails."""
        (result,) = self.process_many([(Path(path), doc_id, raw, rel)])
        if isinstance(result, StageFailure):
            raise result
        return result

    def process_many(self, items: list[tuple[Path, str, bytes, str | None]]) -> list[Document | StageFailure]:
        """Several documents, given as (path, doc_id, raw, rel), each with its own failures and time limit.

        Each stage runs over all of them before the next, so that a stage with a batch hook
        (`fn.batch(works)`, the spaCy language stage) hands its model many documents in one call. When a
        batch fails or runs past the limit, the stage is run again one document at a time: only the
        documents at fault fail, with the record `process` would give them (a hook must therefore leave
        each Work fit to redo). A document stuck in a batch is stopped twice at worst: after the limit in
        the batch, then within its own remaining time alone."""
        runs = [_Run(self._work(Path(path), doc_id, raw, rel)) for path, doc_id, raw, rel in items]
        for name, fn in self.stages:
            live = [run for run in runs if run.failure is None]
            batch = getattr(fn, "batch", None)
            if batch is not None and len(live) > 1 and self._batch(batch, live):
                continue
            for run in live:
                self._stage(name, fn, run)
        return [run.failure or run.work.doc for run in runs]

    @property
    def _limit(self) -> float:
        return float(self.config.limits.get("max_seconds_per_document") or 0)

    def _work(self, path: Path, doc_id: str, raw: bytes, rel: str | None) -> Work:
        doc = Document(
            id=doc_id,
            source=Source(path=rel or doc_id, sha256=hashlib.sha256(raw).hexdigest(), format=""),
            pipeline=PipelineInfo(version=__version__, model=self.model, config=self.fingerprint),
        )
        return Work(path=path, doc=doc, raw=raw, settings=dict(self.config.limits))

    def _batch(self, batch, live: list["_Run"]) -> bool:
        """Run a batch hook over the live documents, each charged an equal share of its time; False when
        it failed or took longer than one document may, and the stage must be run one by one instead."""
        limit = self._limit
        started = time.monotonic()
        try:
            with time_limit(limit):
                batch([run.work for run in live])
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # noqa: BLE001 - the documents at fault are found when run one by one
            return False
        took = time.monotonic() - started
        if limit and took > limit:  # where no alarm can interrupt
            return False
        for run in live:
            run.spent += took / len(live)
        return True

    def _stage(self, name: str, fn, run: "_Run") -> None:
        """One stage over one document, within what is left of the document's time limit."""
        limit, work = self._limit, run.work
        started = time.monotonic()
        try:
            with time_limit(max(limit - run.spent, 1e-6) if limit else 0):
                fn(work)
            run.spent += time.monotonic() - started
            if limit and run.spent > limit:  # where no alarm can interrupt
                raise DocumentTimeout()
        except (KeyboardInterrupt, SystemExit):
            raise
        except DocumentTimeout:
            run.failure = StageFailure(ErrorRecord(
                id=work.doc.id, path=str(work.path), stage=name,
                reason=f"took longer than the limit of {limit:g} s per document (raise it with "
                       "--max-seconds or limits.max_seconds_per_document)"))
        except BaseException as err:  # noqa: BLE001 - every failure becomes a per-document record
            run.failure = StageFailure(ErrorRecord(id=work.doc.id, path=str(work.path), stage=name,
                                                   reason=_reason(err)))
            run.failure.__cause__ = err


@dataclass
class _Run:
    """One document of a `process_many` call: its Work, the seconds it has spent, its failure if any."""

    work: Work
    spent: float = 0.0
    failure: StageFailure | None = None
