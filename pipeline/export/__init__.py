"""Exports of a processed output folder for the tools researchers use.

    csv      one CSV per table of `pipeline.load` (UTF-8) in the folder DEST
    parquet  one Parquet file per table in the folder DEST
    conllu   CoNLL-U (UD columns; turn, speaker and role as comments): DEST ending in .conllu gives one file
             for the corpus, any other DEST a folder with one file per document
    qdpx     a REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder): texts as sources, the taxonomy's topics
             as codes, each turn-topic assignment as a coded selection, speakers as cases with a variable
"""

from __future__ import annotations

from pathlib import Path

FORMATS = ("csv", "parquet", "conllu", "qdpx")


def export(out_dir: str | Path, to: str, dest: str | Path, *, skip_invalid: bool = False,
           taxonomy: str | Path | None = None) -> list[Path]:
    """Export the output folder `out_dir` as `to` (one of FORMATS) to `dest`; returns the files written."""
    from pipeline.load import open_corpus

    return export_corpus(open_corpus(out_dir, skip_invalid=skip_invalid), to, dest, taxonomy=taxonomy)


def export_corpus(corpus, to: str, dest: str | Path, *, taxonomy: str | Path | None = None) -> list[Path]:
    """Export an opened corpus (pipeline.load.Corpus); see `export`."""
    fmt = to.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {to!r}: choose one of {', '.join(FORMATS)}")
    dest = Path(dest)
    if fmt in ("csv", "parquet"):
        from pipeline.export.tables import write_tables

        return write_tables(corpus, dest, fmt)
    if fmt == "conllu":
        from pipeline.export.conllu import write_conllu

        return write_conllu(corpus, dest)
    from pipeline.export.qdpx import write_qdpx

    return [write_qdpx(corpus, dest, taxonomy=taxonomy)]
