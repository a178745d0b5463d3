"""Whitespace tokens with offsets, standing in for model tokens where a test checks only the matching."""

from __future__ import annotations


class Tok:
    def __init__(self, text: str, start: int):
        self.text, self.lemma, self.start, self.end, self.upos = text, text, start, start + len(text), ""


def tokens(sentence: str) -> list[Tok]:
    out, pos = [], 0
    for word in sentence.split():
        pos = sentence.index(word, pos)
        out.append(Tok(word, pos))
        pos += len(word)
    return out
