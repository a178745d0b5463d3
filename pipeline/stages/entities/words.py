"""Words of the document text with their offsets, and whether each opens a sentence.

The entity rules work on these rather than on the model's tokens, so that they behave the same on the
blank fallback and on the trained model: a word keeps its internal hyphens and colons ("EU-nivå",
"SOI:s"), and capitalisation means something only where a word does not open a sentence.
"""

from __future__ import annotations

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
        first = self.text[:1]
        if first.isalpha() and not first.isupper():  # most words, answered without a look at the rest
            return False
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_words(text: str) -> list[Word]:
    """A word opens a sentence when only punctuation, quotes or dashes separate it from the end of the
    previous sentence or paragraph. The model's sentence boundaries are not used: a parser that splits
    before a surname would make every name look sentence-initial."""
    out: list[Word] = []
    prev_end = 0
    for m in WORD.finditer(text):
        gap = text[prev_end:m.start()]
        prev = gap.strip()
        initial = not out or "\n" in gap or not OPENERS.isdisjoint(prev)
        if out and out[-1].initial and out[-1].text.isdigit():  # "§ 4 Frågestund", "1. Inledning"
            initial = True
        if prev.endswith("("):
            initial = False
        out.append(Word(m.start(), m.end(), m.group(), initial))
        prev_end = m.end()
    return out


def gap_ok(text: str, a: Word, b: Word) -> bool:
    """Two words can belong to one name: only spaces (or a hyphen of 'Klimat- och') between them."""
    gap = text[a.end:b.start]
    if gap == ". " and len(a.text) == 1 and a.text.isupper() and b.text[:1].isupper():
        return True  # a middle initial: "Lloyd J. Austin"
    return 0 < len(gap) <= 3 and "\n" not in gap and all(c in " -–\u00a0" for c in gap) and gap.strip() != "–"
