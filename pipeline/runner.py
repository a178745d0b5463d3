"""A Pipeline: the configured stages, run in order over one document."""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from contextlib import contextmanager
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
        doc = Document(
            id=doc_id,
            source=Source(path=rel or doc_id, sha256=hashlib.sha256(raw).hexdigest(), format=""),
            pipeline=PipelineInfo(version=__version__, model=self.model, config=self.fingerprint),
        )
        work = Work(path=Path(path), doc=doc, raw=raw, settings=dict(self.config.limits))
        limit = float(self.config.limits.get("max_seconds_per_document") or 0)
        with time_limit(limit):
            started = time.monotonic()
            for name, fn in self.stages:
                try:
                    fn(work)
                    if limit and time.monotonic() - started > limit:  # where no alarm can interrupt
                        raise DocumentTimeout()
                except (KeyboardInterrupt, SystemExit):
                    raise
                except DocumentTimeout:
                    raise StageFailure(ErrorRecord(
                        id=doc_id, path=str(path), stage=name,
                        reason=f"took longer than the limit of {limit:g} s per document (raise it with "
                               "--max-seconds or limits.max_seconds_per_document)")) from None
                except BaseException as err:  # noqa: BLE001 - every failure becomes a per-document record
                    raise StageFailure(ErrorRecord(id=doc_id, path=str(path), stage=name,
                                                   reason=_reason(err))) from err
        return doc
