"""Plain text (.txt): paragraphs are separated by blank lines; a line of its own is a paragraph when
the text is written one paragraph per line, and hard-wrapped lines are joined."""

from __future__ import annotations

import re

from pipeline.work import Block

# A line that starts a new unit even without a blank line before it: an answer dash, a bullet,
# a speaker label ("I:", "Anna Berg:", "Anf. 72 ..."), or a numbered item.
_STARTS_UNIT = re.compile(
    r"^\s*(?:[-–—−‒]|[•*]\s|\d{1,3}[.)]\s|Anf\.\s|[A-ZÅÄÖ][\wåäöÅÄÖ.\- ]{0,40}:\s)"
)
_ENDS_SENTENCE = re.compile(r"[.!?:;…”\"»)\]*]\s*$")


def _split_paragraph(lines: list[str]) -> list[str]:
    if len(lines) == 1:
        return lines
    ended = sum(1 for line in lines[:-1] if _ENDS_SENTENCE.search(line))
    if ended >= (len(lines) - 1) / 2:
        return lines  # one paragraph per line
    # Hard-wrapped lines are of similar width; a line much shorter than the rest ends its unit
    # (a comment's "Name 14 mars 2025 kl. 08:12" line above its text, a heading above a paragraph).
    width = max(len(line) for line in lines)
    units: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        short = len(prev) < 0.6 * width and line[:1].isupper()
        if _STARTS_UNIT.match(line) or short or _ENDS_SENTENCE.search(prev) and line[:1].isupper():
            units.append([line])
        else:
            units[-1].append(line)
    return [" ".join(part.strip() for part in unit) for unit in units]


def text_to_blocks(text: str) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    for para in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines:
            continue
        for unit in _split_paragraph(lines):
            blocks.append(Block(text=unit.strip()))
    return blocks
