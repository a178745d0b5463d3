"""Clean: normalise every block, set web furniture aside, and lay out the document's `text`.

Provides `text` (blocks joined by blank lines, each block's offsets recorded), `removed` and `comments`.
"""

from __future__ import annotations

import re

from pipeline.document import Removed, Span
from pipeline.registry import stage
from pipeline.stages.clean.furniture import load_patterns, match
from pipeline.stages.clean.normalize import normalize
from pipeline.work import Block, BlockKind, Work

_COMMENT_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")
SEPARATOR = "\n\n"


def clean(work: Work, patterns) -> None:
    removed: list[Removed] = []
    kept: list[Block] = []
    in_comments = False
    for block in work.blocks:
        block.text = normalize(block.text)
        if not block.text:
            continue
        hit = match(patterns, block.text)
        if hit:
            pattern, m = hit
            if pattern.action == "credit":
                credit = m.group(0).strip()
                removed.append(Removed(kind=pattern.kind, text=credit))
                block.text = block.text[: m.start()].strip()
                if not block.text:
                    continue
                block.kind = BlockKind.CAPTION
            else:
                removed.append(Removed(kind=pattern.kind, text=block.text))
                if pattern.action == "comments_start":
                    in_comments = True
                elif pattern.action == "comments_end":
                    in_comments = False
                continue
        if in_comments or block.zone == "comments":
            block.zone = "comments"
            block.kind = BlockKind.COMMENT
            block.text = _COMMENT_NUMBER.sub("", block.text)
        kept.append(block)

    # Reader comments always come last in the text, after the article.
    kept = [b for b in kept if b.zone != "comments"] + [b for b in kept if b.zone == "comments"]
    parts, pos = [], 0
    for block in kept:
        if parts:
            pos += len(SEPARATOR)
        block.start, block.end = pos, pos + len(block.text)
        parts.append(block.text)
        pos = block.end
    doc = work.doc
    doc.text = SEPARATOR.join(parts)
    doc.removed = removed
    doc.comments = [Span(start=b.start, end=b.end, text=b.text) for b in kept if b.zone == "comments"]
    work.blocks = kept


@stage("clean.swedish_web", requires=("blocks",), provides=("text", "removed", "comments"))
def make_clean(config=None, furniture: str = "configs/furniture.toml", **settings):
    patterns = load_patterns(config.resolve(furniture))
    return lambda work: clean(work, patterns)
