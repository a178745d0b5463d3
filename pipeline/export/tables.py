"""CSV and Parquet: the loader's tables, one file each."""

from __future__ import annotations

from pathlib import Path

from pipeline.load import TABLES, Corpus


def write_tables(corpus: Corpus, dest: Path, fmt: str) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        frame = getattr(corpus, name)
        path = dest / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False, encoding="utf-8")
        else:
            _to_parquet(frame, path)
        written.append(path)
    return written


def _to_parquet(frame, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # Extra metadata keys can mix types across documents (a number here, a text there): store as text.
        frame = frame.copy()
        for col in frame.columns:
            if frame[col].dtype == object:
                frame[col] = frame[col].map(lambda v: v if v is None or isinstance(v, str) else str(v))
        table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_table(table, path)
