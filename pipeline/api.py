"""The library behind the CLI: annotate one file, or run a batch into an output folder."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import outputs
from pipeline.discover import InputFile, discover
from pipeline.document import Document, ErrorRecord


@dataclass
class RunSummary:
    out: str
    processed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
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
                       "removed": len(self.removed), "failed": len(self.failed), "problems": len(self.problems)},
            "processed": self.processed, "unchanged": self.unchanged, "removed": self.removed,
            "failed": [e.model_dump() for e in self.failed], "problems": self.problems,
        }


def _pipeline(config: Path | None, overrides: dict | None):
    from pipeline.runner import Pipeline

    return Pipeline.from_config(config, overrides)


def process_path(path: str | Path, config: Path | None = None, pipeline=None) -> Document:
    """Annotate one file and return its Document (raises StageFailure with the reason if it fails)."""
    path = Path(path)
    pipe = pipeline or _pipeline(config, None)
    return pipe.process(path, path.name, path.read_bytes(), rel=path.name)


def _read(item: InputFile, max_bytes: int) -> bytes:
    size = item.path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"the file is {size / 2**20:.1f} MB, over the limit of {max_bytes / 2**20:.0f} MB "
                         "(raise limits.max_file_mb to allow it)")
    return item.path.read_bytes()


def _progress(enabled: bool, total: int):
    if not enabled:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("[bold]intervju"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), TextColumn("{task.description}"), transient=True)
    progress.start()
    progress.add_task("", total=total)
    return progress


def run_batch(inputs: list[str | Path], out: str | Path, config: Path | None = None, *, force: bool = False,
              keep_orphans: bool = False, progress: bool | None = None, validate: bool = True,
              overrides: dict | None = None) -> RunSummary:
    """Annotate every supported file under `inputs` into `out`, redoing only what changed."""
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    items, problems = discover([Path(p) for p in inputs], exclude=out)
    pipe = _pipeline(config, overrides)
    summary = RunSummary(out=str(out), problems=problems, fingerprint=pipe.fingerprint)
    manifest = outputs.read_manifest(out)
    previous: dict = manifest["documents"]
    current: dict = {}
    max_bytes = int(float(pipe.config.limits.get("max_file_mb", 10)) * 2**20)
    bar = _progress(sys.stderr.isatty() if progress is None else progress, len(items))
    try:
        for item in items:
            _run_one(pipe, item, out, previous, current, summary, max_bytes, force, validate)
            if bar is not None:
                bar.advance(bar.task_ids[0])
                bar.update(bar.task_ids[0], description=item.rel[-40:])
    finally:
        if bar is not None:
            bar.stop()
        for doc_id, entry in previous.items():
            if doc_id in current:
                continue
            if keep_orphans:
                current[doc_id] = {**entry, "status": "orphaned"}
                continue
            for p in (outputs.output_path(out, doc_id), outputs.error_path(out, doc_id)):
                p.unlink(missing_ok=True)
            summary.removed.append(doc_id)
        outputs.write_json(out / outputs.MANIFEST, {"fingerprint": pipe.fingerprint, "documents": current})
        summary.seconds = time.perf_counter() - started
        outputs.write_json(out / outputs.SUMMARY, summary.as_dict())
    return summary


def _run_one(pipe, item: InputFile, out: Path, previous: dict, current: dict, summary: RunSummary,
             max_bytes: int, force: bool, validate: bool) -> None:
    from pipeline.runner import StageFailure

    doc_id = item.doc_id
    target = outputs.output_path(out, doc_id)
    try:
        raw = _read(item, max_bytes)
    except (OSError, ValueError) as err:
        reason = f"cannot read the file ({err.strerror})" if isinstance(err, OSError) else str(err)
        _fail(summary, current, out, ErrorRecord(id=doc_id, path=str(item.path), stage="read", reason=reason))
        return
    sha = hashlib.sha256(raw).hexdigest()
    entry = previous.get(doc_id)
    if (not force and entry and entry.get("sha256") == sha and entry.get("fingerprint") == pipe.fingerprint
            and entry.get("status") == "ok" and target.is_file()):
        current[doc_id] = entry
        summary.unchanged.append(doc_id)
        return
    try:
        doc = pipe.process(item.path, doc_id, raw, rel=item.rel)
        data = doc.model_dump(mode="json")
        if validate:
            from pipeline.schema import validation_errors

            errors = validation_errors(data)
            if errors:
                raise StageFailure(ErrorRecord(id=doc_id, path=str(item.path), stage="emit",
                                               reason="output does not match the schema: " + "; ".join(errors[:3])))
        outputs.write_atomic(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except StageFailure as failure:
        _fail(summary, current, out, failure.record, sha)
        return
    except OSError as err:
        _fail(summary, current, out, ErrorRecord(id=doc_id, path=str(item.path), stage="write",
                                                 reason=f"cannot write {target} ({err.strerror})"), sha)
        return
    outputs.error_path(out, doc_id).unlink(missing_ok=True)
    current[doc_id] = {"sha256": sha, "fingerprint": pipe.fingerprint, "status": "ok", "path": item.rel}
    summary.processed.append(doc_id)


def _fail(summary: RunSummary, current: dict, out: Path, record: ErrorRecord, sha: str | None = None) -> None:
    summary.failed.append(record)
    current[record.id] = {"sha256": sha, "status": "failed", "path": record.path, "stage": record.stage,
                          "reason": record.reason}
    try:
        outputs.write_json(outputs.error_path(out, record.id), record.model_dump())
    except OSError:
        pass  # the summary still records the failure
