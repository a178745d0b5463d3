"""The library behind the CLI: annotate one file, run a batch into an output folder, or report its status."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import outputs
from pipeline.discover import InputFile, discover
from pipeline.document import Document, ErrorRecord
from pipeline.executors import PipelineSpec, Result, Task, pipeline_for
from pipeline.manifest import Manifest


@dataclass
class RunSummary:
    out: str
    processed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)  # renamed or copied inputs whose output was carried over
    removed: list[str] = field(default_factory=list)
    failed: list[ErrorRecord] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fingerprint: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.problems else 0

    def as_dict(self) -> dict:
        return {
            "out": self.out, "fingerprint": self.fingerprint, "seconds": round(self.seconds, 3),
            "counts": {"processed": len(self.processed), "unchanged": len(self.unchanged),
                       "reused": len(self.reused), "removed": len(self.removed), "failed": len(self.failed),
                       "problems": len(self.problems)},
            "processed": self.processed, "unchanged": self.unchanged, "reused": self.reused,
            "removed": self.removed, "failed": [e.model_dump() for e in self.failed], "problems": self.problems,
        }


def _spec(config: Path | None, overrides: dict | None, validate: bool = True) -> PipelineSpec:
    return PipelineSpec(str(Path(config).resolve()) if config else None,
                        json.dumps(overrides or {}, sort_keys=True), validate)


def process_path(path: str | Path, config: Path | None = None) -> Document:
    """Annotate one file and return its Document (raises StageFailure with the reason if it fails)."""
    path = Path(path)
    pipe = pipeline_for(_spec(config, None))
    return pipe.process(path, path.name, path.read_bytes(), rel=path.name)


def _progress(enabled: bool, total: int):
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("[bold]intervju"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), TextColumn("{task.description}"), transient=True,
                        console=Console(stderr=True))
    progress.start()
    progress.add_task("", total=total)
    return progress


def run_batch(inputs: list[str | Path], out: str | Path, config: Path | None = None, *, jobs: int = 1,
              executor: str = "local", scheduler: str | None = None, force: bool = False,
              keep_orphans: bool = False, progress: bool | None = None, validate: bool = True,
              overrides: dict | None = None, wait: bool = True, on_wait=None) -> RunSummary:
    """Annotate every supported file under `inputs` into `out`, redoing only what changed."""
    from pipeline.lock import locked

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with locked(out, wait=wait, on_wait=on_wait):
        return _run_locked(inputs, out, config, jobs, executor, scheduler, force, keep_orphans, progress,
                           validate, overrides)


def _run_locked(inputs, out: Path, config, jobs, executor, scheduler, force, keep_orphans, progress, validate,
                overrides) -> RunSummary:
    from pipeline import executors

    started = time.perf_counter()
    for stale in out.rglob(".*.tmp"):  # left by a run that was killed mid-write; we hold the lock
        stale.unlink(missing_ok=True)
    items, problems = discover([Path(p) for p in inputs], exclude=out)
    from pipeline.config import load_config
    from pipeline.runner import fingerprint

    spec = _spec(config, overrides, validate)
    settings = load_config(config, overrides)  # the model is loaded only once a document needs work
    summary = RunSummary(out=str(out), problems=problems, fingerprint=fingerprint(settings))
    manifest = Manifest(out)
    manifest.inputs = [str(Path(p).resolve()) for p in inputs]
    previous = dict(manifest.documents)
    seen: set[str] = set()
    max_bytes = int(float(settings.limits.get("max_file_mb", 10)) * 2**20)
    bar = _progress(sys.stderr.isatty() if progress is None else progress, len(items))
    try:
        todo = _plan(items, out, manifest, previous, seen, summary, max_bytes, force, bar)
        if executor == "dask":
            if not scheduler:
                raise ValueError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
            results = executors.run_dask(todo, spec, scheduler)
        elif jobs > 1:
            results = executors.run_processes(todo, spec, jobs)
        else:
            results = executors.run_serial(todo, spec)
        for result in results:
            _finish(result, out, manifest, summary)
            if bar is not None:
                bar.advance(bar.task_ids[0])
                bar.update(bar.task_ids[0], description=result.doc_id[-40:])
        _orphans(out, manifest, previous, seen, summary, keep_orphans)
    finally:
        if bar is not None:
            bar.stop()
        manifest.save(summary.fingerprint)
        summary.seconds = time.perf_counter() - started
        outputs.write_json(out / outputs.SUMMARY, summary.as_dict())
    return summary


def _plan(items: list[InputFile], out: Path, manifest: Manifest, previous: dict, seen: set, summary: RunSummary,
          max_bytes: int, force: bool, bar) -> Iterator[Task]:
    """Yield the documents that need work; settle unchanged, renamed and unreadable ones on the way."""
    fingerprint = summary.fingerprint
    by_sha = manifest.by_sha(fingerprint)
    for item in items:
        doc_id = item.doc_id
        seen.add(doc_id)
        try:
            size = item.path.stat().st_size
            if size > max_bytes:
                raise ValueError(f"the file is {size / 2**20:.1f} MB, over the limit of {max_bytes / 2**20:g} MB "
                                 "(raise it with --max-file-mb or limits.max_file_mb)")
            raw = item.path.read_bytes()
        except (OSError, ValueError) as err:
            reason = f"cannot read the file ({err.strerror})" if isinstance(err, OSError) else str(err)
            _fail(summary, manifest, out, ErrorRecord(id=doc_id, path=str(item.path), stage="read", reason=reason))
            if bar is not None:
                bar.advance(bar.task_ids[0])
            continue
        sha = hashlib.sha256(raw).hexdigest()
        entry = previous.get(doc_id)
        target = outputs.output_path(out, doc_id)
        if (not force and entry and entry.get("sha256") == sha and entry.get("fingerprint") == fingerprint
                and entry.get("status") == "ok" and target.is_file()):
            summary.unchanged.append(doc_id)
            if bar is not None:
                bar.advance(bar.task_ids[0])
            continue
        source_id = by_sha.get(sha)
        if not force and source_id and source_id != doc_id and _reuse(out, source_id, item):
            manifest.record(doc_id, {"sha256": sha, "fingerprint": fingerprint, "status": "ok", "path": item.rel})
            summary.reused.append(doc_id)
            if bar is not None:
                bar.advance(bar.task_ids[0])
            continue
        yield Task(doc_id, str(item.path), item.rel, raw, sha)


def _reuse(out: Path, source_id: str, item: InputFile) -> bool:
    """A renamed (or copied) input with unchanged content: carry its output over instead of redoing it."""
    try:
        data = json.loads(outputs.output_path(out, source_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    data["id"] = item.doc_id
    data["source"]["path"] = item.rel
    outputs.write_atomic(outputs.output_path(out, item.doc_id), json.dumps(data, ensure_ascii=False).encode())
    return True


def _finish(result: Result, out: Path, manifest: Manifest, summary: RunSummary) -> None:
    if result.error is not None:
        _fail(summary, manifest, out, result.error, result.sha256)
        return
    target = outputs.output_path(out, result.doc_id)
    try:
        outputs.write_atomic(target, result.data)
    except OSError as err:
        _fail(summary, manifest, out, ErrorRecord(id=result.doc_id, path=result.doc_id, stage="write",
                                                  reason=f"cannot write {target} ({err.strerror})"), result.sha256)
        return
    outputs.error_path(out, result.doc_id).unlink(missing_ok=True)
    manifest.record(result.doc_id, {"sha256": result.sha256, "fingerprint": summary.fingerprint, "status": "ok",
                                    "path": result.doc_id})
    summary.processed.append(result.doc_id)


def _orphans(out: Path, manifest: Manifest, previous: dict, seen: set, summary: RunSummary, keep: bool) -> None:
    for doc_id, entry in previous.items():
        if doc_id in seen:
            continue
        if keep:
            manifest.record(doc_id, {**entry, "status": "orphaned"})
            continue
        for p in (outputs.output_path(out, doc_id), outputs.error_path(out, doc_id)):
            p.unlink(missing_ok=True)
        manifest.record(doc_id, None)
        summary.removed.append(doc_id)


def _fail(summary: RunSummary, manifest: Manifest, out: Path, record: ErrorRecord, sha: str | None = None) -> None:
    summary.failed.append(record)
    previous = manifest.documents.get(record.id, {})
    # A failure never damages an earlier good output: it stays, and the manifest remembers it is stale.
    manifest.record(record.id, {"sha256": sha, "status": "failed", "path": record.path, "stage": record.stage,
                                "reason": record.reason, "previous_sha256": previous.get("sha256")})
    try:
        outputs.write_json(outputs.error_path(out, record.id), record.model_dump())
    except OSError:
        pass  # the summary still records the failure


def corpus_status(out: str | Path, inputs: list[str | Path] | None = None, config: Path | None = None,
                  overrides: dict | None = None) -> dict[str, list[str]]:
    """What a refresh would do, without doing it: up to date, stale (input or pipeline changed), new,
    failed, orphaned (input gone). Reads inputs only to hash them; loads no model."""
    from pipeline.config import load_config
    from pipeline.runner import fingerprint

    out = Path(out)
    manifest = Manifest(out)
    roots = [Path(p) for p in (inputs or manifest.inputs)]
    items, problems = discover(roots, exclude=out) if roots else ([], [])
    current = fingerprint(load_config(config, overrides))
    status: dict[str, list[str]] = {k: [] for k in ("up_to_date", "stale", "new", "failed", "orphaned")}
    seen = set()
    for item in items:
        seen.add(item.doc_id)
        entry = manifest.documents.get(item.doc_id)
        if entry is None:
            status["new"].append(item.doc_id)
            continue
        try:
            sha = hashlib.sha256(item.path.read_bytes()).hexdigest()
        except OSError:
            sha = None
        if entry.get("status") == "failed" and entry.get("sha256") == sha:
            status["failed"].append(item.doc_id)
        elif (entry.get("status") == "ok" and entry.get("sha256") == sha and entry.get("fingerprint") == current
              and outputs.output_path(out, item.doc_id).is_file()):
            status["up_to_date"].append(item.doc_id)
        else:
            status["stale"].append(item.doc_id)
    status["orphaned"] = sorted(d for d in manifest.documents if d not in seen)
    status["problems"] = problems
    return status
