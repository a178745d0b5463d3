"""Matching compiled cues on a run of tokens: which topics a text discusses, with score and evidence."""

from __future__ import annotations

import math
import re
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


_STARTS: dict[int, tuple[list[Cue], re.Pattern | None, dict]] = {}


def _start_filter(cues: list[Cue]) -> tuple[re.Pattern | None, dict]:
    """One regular expression that any word starting some cue of a topic matches, with a cache of its
    answers per word: most words start no cue, and are then skipped at the cost of one dict lookup."""
    key = id(cues)
    if key not in _STARTS or _STARTS[key][0] is not cues:
        bodies = []
        for cue in cues:
            p = cue.elements[0].pattern.pattern if cue.elements and cue.elements[0] else ""
            if not (p.startswith("^(?:") and p.endswith(")$")):
                bodies = None
                break
            bodies.append(p[4:-2])
        union = re.compile("^(?:" + "|".join(f"(?:{b})" for b in bodies) + ")$") if bodies else None
        _STARTS[key] = (cues, union, {})  # holding `cues` keeps its id from being reused
    return _STARTS[key][1:]


_STARTING: dict[tuple[int, ...], dict] = {}


def _candidates_by_topic(topics: list[Topic], forms: list[tuple[str, ...]]) -> list[list[tuple[int, tuple[int, ...]]]]:
    """For each topic, the token positions where one of its cues can start, each with the indices of
    those cues: one pass over the tokens, with the answer cached per word."""
    filters = [_start_filter(t.cues)[0] for t in topics]
    cache = _STARTING.setdefault(tuple(id(t.cues) for t in topics), {})
    if len(cache) > 200_000:
        cache.clear()
    per: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in topics]
    for i, f in enumerate(forms):
        which = cache.get(f)
        if which is None:
            which = cache[f] = tuple(_starting(topics, filters, f))
        for k, cues in which:
            per[k].append((i, cues))
    return per


def _starting(topics: list[Topic], filters: list, f: tuple[str, ...]):
    """(topic index, indices of its cues whose first word matches `f`) for each topic with any."""
    for k, (topic, union) in enumerate(zip(topics, filters)):
        if union is None or any(union.match(w) for w in f):
            cues = tuple(c for c, cue in enumerate(topic.cues) if cue.elements[0].matches(f))
            if cues:
                yield k, cues


def match(topics: list[Topic], tokens) -> list[Hit]:
    forms = token_forms(tokens)
    hits = []
    for topic, candidates in zip(topics, _candidates_by_topic(topics, forms)):
        weight, spans, counts = 0.0, [], {}
        for i, cue_ids in candidates:
            if topic.excludes and any(f.startswith(x) for f in forms[i] for x in topic.excludes):
                continue
            for c in cue_ids:
                cue = topic.cues[c]
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
