"""What flows between stages: the output `Document` being filled in, plus the stages' scratch state."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pipeline.document import Document


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TITLE = "title"
    CAPTION = "caption"
    COMMENT = "comment"


@dataclass
class Block:
    """A paragraph-sized unit as the input format gave it, before offsets exist."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    level: int = 0
    bold: bool = False  # the whole block is bold/strong: a common way to mark questions
    speaker: str | None = None  # formats that name the speaker per block (TEI <u who>)
    zone: str = "main"  # "main", "comments", or "header" (metadata lines of a transcript)
    start: int = -1  # offsets into Document.text, set by the clean stage
    end: int = -1


@dataclass
class Work:
    """One document on its way through the pipeline."""

    path: Path
    doc: Document
    raw: bytes = b""
    blocks: list[Block] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)  # format facts for later stages (kind, persons)
    nlp_docs: list[Any] = field(default_factory=list)  # spaCy Docs, one per block in `blocks`
    settings: dict[str, Any] = field(default_factory=dict)  # run-wide limits and options
