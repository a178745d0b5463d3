"""The `intervju` command. Thin: it parses options and calls the library (pipeline.api and friends)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="intervju",
    help="Swedish interviews in, annotated JSON out: turns and speakers, tokens, lemmas, POS, "
         "dependencies, entities and topics. Start with `intervju run corpus/ --out out/`.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _mount(module: str, name: str, help_text: str) -> None:
    """Sub-command groups live beside the code they drive; a missing one is simply not offered."""
    try:
        sub = importlib.import_module(module).app
    except ModuleNotFoundError as err:
        if err.name and module.startswith(err.name):
            return
        raise
    app.add_typer(sub, name=name, help=help_text)


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (searched recursively for .txt, .md, "
                                                  ".html, .xml, .docx)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: one JSON per document, _summary.json, "
                                                      "_manifest.json, and _errors/ for failed documents."),
    config: Optional[Path] = typer.Option(None, help="Pipeline configuration (default: configs/pipeline.toml)."),
    topics: Optional[Path] = typer.Option(None, help="Your own topic taxonomy (TOML) instead of the default."),
    model: Optional[str] = typer.Option(None, help="spaCy model directory for the language stage."),
    engine: str = typer.Option("spacy", help="Language engine: 'spacy' (the shipped model) or 'stanza' "
                                             "(a stanza pipeline from --stanza-dir; pip install 'intervju[stanza]')."),
    stanza_dir: Optional[Path] = typer.Option(None, help="Folder of stanza Swedish models, loaded offline "
                                                         "(default: the project's own, models/stanza_sv_intervju)."),
    max_file_mb: Optional[float] = typer.Option(None, help="Skip (with an error record) files larger than this "
                                                         "many MB (default 10, from configs/pipeline.toml)."),
    max_turns: Optional[int] = typer.Option(None, help="Fail documents with more turns than this (default 5000)."),
    max_sentence_chars: Optional[int] = typer.Option(None, help="Longest run of text handed to the parser at "
                                                               "once; longer unpunctuated runs are split, not "
                                                               "dropped (default 2000)."),
    max_seconds: Optional[float] = typer.Option(None, help="Time limit per document in seconds (default 300)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Documents processed in parallel on this machine "
                                                            "(each worker loads the model once)."),
    executor: str = typer.Option("local", help="'local' (this machine, see --jobs) or 'dask' (a Dask cluster, "
                                               "see --scheduler; needs pip install 'intervju[dask]')."),
    scheduler: Optional[str] = typer.Option(None, help="Address of the Dask scheduler, e.g. tcp://10.0.0.5:8786."),
    wait: bool = typer.Option(True, "--wait/--no-wait", help="If another run is writing to --out, wait for it "
                                                             "(default) or give up at once."),
    force: bool = typer.Option(False, "--force", help="Redo every document, even unchanged ones."),
    keep_orphans: bool = typer.Option(False, "--keep-orphans",
                                      help="Mark outputs whose input disappeared instead of removing them."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar (default: only on a terminal)."),
) -> None:
    """Annotate documents. Only new or changed documents are redone (or all after a config/model change).
    Exit code 0: all processed; 1: some documents failed (see _summary.json); 2: usage error."""
    from pipeline.api import run_batch
    from pipeline.config import ConfigError

    overrides = {}
    if topics:
        overrides["topics"] = {"taxonomy": str(topics.resolve())}
    limits = {"max_file_mb": max_file_mb, "max_turns": max_turns, "max_sentence_chars": max_sentence_chars,
              "max_seconds_per_document": max_seconds}
    if any(v is not None for v in limits.values()):
        overrides["limits"] = {k: v for k, v in limits.items() if v is not None}
    if model:
        overrides["language"] = {"model": model, "fallback": None}
    if engine == "stanza":
        from pipeline.config import project_root

        folder = stanza_dir.resolve() if stanza_dir else project_root() / "models" / "stanza_sv_intervju"
        overrides["language"] = {"factory": "language.stanza", "stanza_dir": str(folder)}
    elif engine != "spacy":
        typer.echo(f"error: --engine must be 'spacy' or 'stanza', not {engine!r}", err=True)
        raise typer.Exit(2)
    from pipeline.lock import Busy

    if executor not in ("local", "dask"):
        typer.echo(f"error: --executor must be 'local' or 'dask', not {executor!r}", err=True)
        raise typer.Exit(2)
    try:
        summary = run_batch(inputs, out, config, jobs=jobs, executor=executor, scheduler=scheduler, force=force,
                            keep_orphans=keep_orphans, progress=progress, overrides=overrides, wait=wait,
                            on_wait=lambda pid: typer.echo(f"waiting for another run (pid {pid}) to finish "
                                                           f"writing to {out} …", err=True))
    except (ConfigError, Busy, ValueError, RuntimeError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    c = summary.as_dict()["counts"]
    for e in summary.failed:
        typer.echo(f"failed: {e.path}: {e.stage}: {e.reason}", err=True)
    for p in summary.problems:
        typer.echo(f"problem: {p}", err=True)
    typer.echo(f"{c['processed']} processed, {c['unchanged']} unchanged, {c['reused']} reused, {c['failed']} failed, "
               f"{c['removed']} removed in {summary.seconds:.1f} s → {out}", err=True)
    if not summary.processed and not summary.unchanged and not summary.failed:
        typer.echo("error: no supported input files found", err=True)
        raise typer.Exit(2)
    raise typer.Exit(summary.exit_code)


@app.command()
def status(
    out: Path = typer.Argument(..., help="An output folder of `intervju run`."),
    inputs: Optional[list[Path]] = typer.Argument(None, help="Input files or folders (default: those of the "
                                                             "last run, from the manifest)."),
    config: Optional[Path] = typer.Option(None, help="Pipeline configuration (default: configs/pipeline.toml)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List the documents in each state."),
) -> None:
    """Tell what is up to date, stale, new, failed or orphaned in an output folder, without running anything.
    Exit code 0 when everything is up to date, 1 when a refresh has work to do."""
    from pipeline.api import corpus_status

    if not out.is_dir():
        typer.echo(f"error: {out} is not an output folder", err=True)
        raise typer.Exit(2)
    state = corpus_status(out, inputs or None, config)
    for key in ("up_to_date", "stale", "new", "failed", "orphaned"):
        typer.echo(f"{key.replace('_', ' '):11} {len(state[key])}")
        if verbose:
            for doc_id in state[key]:
                typer.echo(f"    {doc_id}")
    for p in state["problems"]:
        typer.echo(f"problem: {p}", err=True)
    busy = any(state[k] for k in ("stale", "new", "failed", "orphaned"))
    raise typer.Exit(1 if busy else 0)


@app.command()
def schema(write: bool = typer.Option(False, "--write", help="Regenerate the schema file shipped in the package.")) -> None:
    """Print the JSON Schema of the output documents (generated from the document model)."""
    from pipeline import schema as schema_mod

    if write:
        typer.echo(str(schema_mod.write_shipped()))
    else:
        sys.stdout.write(schema_mod.render())


@app.command()
def stages() -> None:
    """List the registered stages that configs can name."""
    from pipeline import registry

    for name in registry.names():
        spec = registry.get(name)
        typer.echo(f"{name:24} needs {', '.join(spec.requires) or '-':30} gives {', '.join(spec.provides)}")


@app.command()
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold files (*.gold.json) or folders holding them beside "
                                                "their documents."),
    config: Optional[Path] = typer.Option(None, help="Pipeline configuration."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show each mismatched turn."),
) -> None:
    """Score the pipeline against reference annotations: turns P/R/F1, speaker accuracy, title, entities, topics."""
    from pipeline.evaluate import evaluate_paths, print_report

    report = evaluate_paths(gold, config)
    print_report(report, verbose=verbose)


def _commands(module: str, names: tuple[str, ...]) -> None:
    """Top-level commands defined beside the code they drive (plain functions with typer options)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name and module.startswith(err.name):
            return
        raise
    for name in names:
        app.command(name)(getattr(mod, name))


_commands("pipeline.researcher_cli", ("export", "report"))
_mount("pipeline.model.cli", "model", "Train, evaluate and package the Swedish language model.")
_mount("pipeline.topics_cli", "topics", "Train a topic classifier and discover corpus topics.")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
