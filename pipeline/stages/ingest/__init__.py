"""Ingest: the input file's bytes become blocks (paragraph-sized units) and format facts.

Provides `blocks`, `source.format`, and hints (title, date, persons) for the structure stage.
"""

from __future__ import annotations

from pipeline.registry import stage
from pipeline.work import Block, Work

SUFFIX_FORMAT = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "xml",
    ".docx": "docx",
}


class IngestError(ValueError):
    """The file cannot be read as the format it claims; the message says why in plain words."""


def format_of(path) -> str | None:
    return SUFFIX_FORMAT.get(path.suffix.lower())


def _decode(work: Work) -> str:
    from pipeline.stages.ingest.decode import NotText, binary_ratio, decode_text

    try:
        text, encoding = decode_text(work.raw)
    except NotText as err:
        raise IngestError(str(err)) from None
    if binary_ratio(text[:20000]) > 0.05:
        raise IngestError("binary data: too many control characters for a text file")
    work.doc.source.encoding = encoding
    return text


def ingest(work: Work) -> None:
    fmt = format_of(work.path)
    if fmt is None:
        raise IngestError(f"unsupported file type {work.path.suffix!r}")
    work.doc.source.format = fmt
    if not work.raw.strip():
        raise IngestError("the file is empty")
    meta: dict = {}
    try:
        if fmt == "txt":
            from pipeline.stages.ingest.text import text_to_blocks

            blocks = text_to_blocks(_decode(work))
        elif fmt == "md":
            from pipeline.stages.ingest.markdown import markdown_to_blocks

            blocks, meta = markdown_to_blocks(_decode(work))
        elif fmt == "html":
            from pipeline.stages.ingest.html import html_to_blocks

            blocks, meta = html_to_blocks(_decode(work))
        elif fmt == "docx":
            from pipeline.stages.ingest.docx import docx_to_blocks

            blocks, meta = docx_to_blocks(work.raw)
        else:
            from pipeline.stages.ingest.tei import tei_to_blocks

            blocks, meta = tei_to_blocks(work.raw)
    except IngestError:
        raise
    except ValueError as err:  # each reader raises a ValueError subclass with a plain-words reason
        raise IngestError(str(err)) from None
    blocks = [b for b in blocks if b.text.strip()]
    if not blocks:
        raise IngestError("no text found in the file")
    work.blocks = blocks
    work.hints.update(meta)


@stage("ingest.auto", requires=("raw",), provides=("blocks", "source.format"))
def make_ingest(config=None, **settings):
    return ingest


__all__ = ["Block", "IngestError", "SUFFIX_FORMAT", "format_of", "ingest"]
