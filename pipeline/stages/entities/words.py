"""Words of the document text with their offsets, and whether each opens a sentence.

The entity rules work on these rather than on the model's tokens, so that they behave the same on the
blank fallback and on the trained model: a word keeps its internal hyphens and colons ("EU-nivå",
"SOI:s"), and capitalisation means something only where a word does not open a sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_](?:\w|[-:’'](?=\w))*")
OPENERS = set("”\"“«»:.!?–—-•*#")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    initial: bool

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_words(text: str, sentence_starts: list[int]) -> list[Word]:
    starts = sorted(set(sentence_starts) | {0})
    out: list[Word] = []
    for m in WORD.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        before = text[starts[k]:m.start()] if k >= 0 else text[:m.start()]
        initial = not any(c.isalpha() for c in before)
        if not initial:
            prev = before.rstrip()
            initial = not prev or prev[-1] in OPENERS or "\n" in text[m.start() - len(before) + len(prev):m.start()]
        out.append(Word(m.start(), m.end(), m.group(), initial))
    return out


def gap_ok(text: str, a: Word, b: Word) -> bool:
    """Two words can belong to one name: only spaces (or a hyphen of 'Klimat- och') between them."""
    gap = text[a.end:b.start]
    return 0 < len(gap) <= 3 and "\n" not in gap and all(c in " -–\u00a0" for c in gap) and gap.strip() != "–"
