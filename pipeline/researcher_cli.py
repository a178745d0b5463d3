"""`intervju export` and `intervju report`: the researcher's side of an output folder.

Plain functions with typer annotations; pipeline/cli.py registers them as top-level commands. Only typer
is imported here at module level, so `intervju --help` stays fast: pandas, pyarrow and lxml load when a
command runs.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _missing(err: ModuleNotFoundError) -> None:
    if err.name and err.name.split(".")[0] in ("pandas", "pyarrow", "numpy"):
        _fail(f"this needs {err.name.split('.')[0]}: pip install 'intervju[research]'", 2)
    raise err


@contextmanager
def _plain_errors(target: Path):
    """What export and report can meet, said in plain words with the exit code it deserves."""
    from pipeline.load import InvalidDocumentError

    try:
        yield
    except InvalidDocumentError as err:
        _fail(f"{err}\n(use --skip-invalid to leave such documents out)")
    except ModuleNotFoundError as err:
        _missing(err)
    except OSError as err:
        _fail(f"cannot write {err.filename or target}: {err.strerror}")


def _report_skipped(corpus) -> None:
    for s in corpus.skipped:
        typer.echo(f"skipped: {s.path}: {s.reason}", err=True)


def export(
    out_dir: Path = typer.Argument(..., metavar="OUT_DIR", help="An output folder written by `intervju run`.",
                                   show_default=False),
    to: str = typer.Option(..., "--to", help="csv or parquet: one file per table (documents, turns, sentences, "
                                            "tokens, entities, topics, evidence, doc_topics) in the folder DEST. "
                                            "conllu: CoNLL-U with UD columns and turn/speaker comments; DEST "
                                            "ending in .conllu gives one file for the corpus, otherwise a folder "
                                            "with one file per document. qdpx: a REFI-QDA project for NVivo, "
                                            "ATLAS.ti, MAXQDA or QualCoder, topics as codes and each turn-topic "
                                            "assignment as a coded segment.", show_default=False),
    dest: Path = typer.Option(..., "--dest", help="Where to write: a folder (csv, parquet, conllu per document) "
                                                 "or a file (corpus.conllu, project.qdpx).", show_default=False),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Leave out (and list) documents that do "
                                                                    "not validate against the schema instead "
                                                                    "of stopping."),
    taxonomy: Optional[Path] = typer.Option(None, "--taxonomy", help="qdpx only: the topic taxonomy (TOML) "
                                                                     "whose topics become codes (default: the "
                                                                     "configured one)."),
) -> None:
    """Export an output folder to CSV, Parquet, CoNLL-U or a REFI-QDA project (.qdpx).
    Exit code 0 on success, 1 when a document is invalid (see --skip-invalid), 2 for usage errors."""
    from pipeline.export import FORMATS, export_corpus
    from pipeline.load import open_corpus

    if to.lower().lstrip(".") not in FORMATS:
        _fail(f"unknown format {to!r}: choose one of {', '.join(FORMATS)}", 2)
    if not out_dir.is_dir():
        _fail(f"{out_dir} is not a folder (give the output folder of `intervju run`)", 2)
    with _plain_errors(dest):
        corpus = open_corpus(out_dir, skip_invalid=skip_invalid)
        written = export_corpus(corpus, to, dest, taxonomy=taxonomy)
    _report_skipped(corpus)
    where = written[0] if len(written) == 1 else dest
    typer.echo(f"{len(written)} file{'s' if len(written) != 1 else ''} written → {where}", err=True)


def report(
    out_dir: Path = typer.Argument(..., metavar="OUT_DIR", help="An output folder written by `intervju run`.",
                                   show_default=False),
    dest: Optional[Path] = typer.Option(None, "--dest", help="The HTML file to write (default: "
                                                             "OUT_DIR/report.html)."),
    title: Optional[str] = typer.Option(None, "--title", help="Heading of the report (default: the folder "
                                                              "name)."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Leave out (and list) documents that do "
                                                                    "not validate against the schema."),
    max_documents: int = typer.Option(1000, "--max-documents", help="Interviews included in the reader view "
                                                                    "(the charts always cover the corpus)."),
) -> None:
    """Write a self-contained HTML report: corpus overview, topic heatmap, topics over time, frequent
    entities, and a reader view of every interview. Opens offline in any browser."""
    from pipeline.load import open_corpus
    from pipeline.report import write_report

    if not out_dir.is_dir():
        _fail(f"{out_dir} is not a folder (give the output folder of `intervju run`)", 2)
    target = dest or out_dir / "report.html"
    with _plain_errors(target):
        corpus = open_corpus(out_dir, skip_invalid=skip_invalid)
        path = write_report(corpus, target, title=title, max_documents=max_documents)
    _report_skipped(corpus)
    typer.echo(f"report written → {path} ({path.stat().st_size / 1024:.0f} KB)", err=True)
