"""Matching compiled cues on a run of tokens: which topics a text discusses, with score and evidence."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.stages.topics.taxonomy import Cue, Topic

MAX_GAP = 3


@dataclass
class Hit:
    label: str
    weight: float
    spans: list[tuple[int, int]]

    @property
    def score(self) -> float:
        return round(1.0 - math.exp(-self.weight), 4)


def token_forms(tokens) -> list[tuple[str, ...]]:
    """Each token's lower-cased lemma and word form (the same on the blank fallback)."""
    return [tuple({(t.lemma or t.text).lower(), t.text.lower()}) for t in tokens]


def _match_at(cue: Cue, forms: list[tuple[str, ...]], i: int) -> int | None:
    """End index (exclusive) of a match of `cue` starting at token i, or None."""
    k, gap = i, False
    for n, el in enumerate(cue.elements):
        if el is None:
            gap = True
            continue
        limit = k + (MAX_GAP + 1 if gap else 1) if n else k + 1
        gap = False
        while k < min(limit, len(forms)) and not el.matches(forms[k]):
            if n == 0:
                return None
            k += 1
        if k >= min(limit, len(forms)):
            return None
        k += 1
    return k


def match(topics: list[Topic], tokens) -> list[Hit]:
    forms = token_forms(tokens)
    hits = []
    for topic in topics:
        weight, spans, counts = 0.0, [], {}
        for i in range(len(forms)):
            if topic.excludes and any(f.startswith(x) for f in forms[i] for x in topic.excludes):
                continue
            for cue in topic.cues:
                end = _match_at(cue, forms, i)
                if end is None:
                    continue
                seen = counts.get(cue.text, 0)
                counts[cue.text] = seen + 1
                weight += cue.weight * (1.0 if seen == 0 else 0.5 / seen)
                spans.append((tokens[i].start, tokens[end - 1].end))
                break
        if weight >= topic.threshold:
            hits.append(Hit(topic.id, weight, sorted(set(spans))))
    return sorted(hits, key=lambda h: -h.weight)
