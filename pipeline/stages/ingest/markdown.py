"""Markdown (.md): headings, bold lines, list items and paragraphs become blocks; inline markup goes."""

from __future__ import annotations

import re

from pipeline.work import Block, BlockKind

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
_LIST = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s+(.*)$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def strip_inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for _ in range(2):  # nested bold/italic
        text = _EMPHASIS.sub(r"\2", text)
    text = text.replace("`", "")
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for i in range(1, min(len(lines), 60)):
        if lines[i].strip() in ("---", "..."):
            meta = {}
            for line in lines[1:i]:
                key, sep, value = line.partition(":")
                if sep:
                    meta[key.strip().lower()] = value.strip().strip("\"'")
            return meta, lines[i + 1:]
    return {}, lines


def markdown_to_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, lines = _front_matter(lines)
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = strip_inline(" ".join(p.strip() for p in para)).strip()
            if joined:
                blocks.append(Block(text=joined))
            para.clear()

    for line in lines:
        stripped = line.strip()
        if not stripped or re.fullmatch(r"(-{3,}|\*{3,}|_{3,})", stripped):
            flush()
            continue
        if stripped.startswith(">"):
            stripped = stripped.lstrip("> ").strip()
        if m := _HEADING.match(stripped):
            flush()
            blocks.append(Block(text=strip_inline(m.group(2)), kind=BlockKind.HEADING, level=len(m.group(1))))
        elif m := _BOLD_LINE.match(stripped):
            flush()
            blocks.append(Block(text=strip_inline(m.group(2)).strip(), bold=True))
        elif m := _LIST.match(stripped):
            flush()
            marker = m.group(1)
            marker = "-" if marker in "*+" else marker
            blocks.append(Block(text=f"{marker} {strip_inline(m.group(2))}", kind=BlockKind.LIST_ITEM))
        elif stripped.startswith("|"):
            flush()
            cells = [strip_inline(c.strip()) for c in stripped.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                blocks.append(Block(text=" | ".join(c for c in cells if c)))
        else:
            para.append(stripped)
    flush()
    return blocks, meta
