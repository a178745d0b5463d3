"""Keyphrases per turn and per document: noun chunks (or, on the blank fallback, runs of content words)
ranked by frequency in the text times their rarity in a reference corpus of Swedish public-sector text
(pipeline/resources/keyphrases/df.json, built by `python -m pipeline.stages.topics.build_df`)."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

DF_TABLE = Path(__file__).resolve().parents[2] / "resources" / "keyphrases" / "df.json"
NOUNS = {"NOUN", "PROPN"}
CHUNK_POS = NOUNS | {"ADJ"}
MAX_WORDS = 3
# Debate and interview furniture that is frequent but says nothing about content.
FURNITURE = {"herr", "fru", "talman", "talmannen", "anf", "statsrådet", "statsråd", "ministern", "tack"}


@lru_cache(maxsize=1)
def _reference() -> tuple[int, dict[str, int], frozenset[str]]:
    from spacy.lang.sv.stop_words import STOP_WORDS

    table = json.loads(DF_TABLE.read_text(encoding="utf-8")) if DF_TABLE.is_file() else {"documents": 1, "df": {}}
    return table["documents"], table["df"], frozenset(STOP_WORDS)


def _content(t, stop) -> bool:
    w = t.text.lower()
    return len(w) >= 3 and w.replace("-", "").isalpha() and w not in stop and w not in FURNITURE


def _chunks(tokens, stop):
    """Runs of (ADJ)* NOUN+ when tagged, else runs of content words; at most MAX_WORDS, ending in a noun."""
    tagged = any(t.upos for t in tokens)
    run = []
    for t in [*tokens, None]:
        ok = t is not None and _content(t, stop) and (not tagged or t.upos in CHUNK_POS)
        if ok and run and t.start - run[-1].end > 1:
            ok = False
            yield from _close(run, tagged)
            run = []
            ok = True
        if ok:
            run.append(t)
            continue
        yield from _close(run, tagged)
        run = []


def _close(run, tagged):
    while run and tagged and run[-1].upos not in NOUNS:
        run = run[:-1]
    if run:
        yield run[-MAX_WORDS:]


def rank(tokens, top: int) -> list[str]:
    n_docs, df, stop = _reference()
    lower_seen = {t.text for t in tokens if t.text.islower()}
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for chunk in _chunks(tokens, stop):
        key = " ".join((t.lemma or t.text).lower() for t in chunk)
        counts[key] += 1
        # Keep capitals only where the word is never written in lower case (names, acronyms).
        surfaces[key][" ".join(t.text if t.text.lower() not in lower_seen else t.text.lower() for t in chunk)] += 1
    scored = []
    for key, c in counts.items():
        words = key.split()
        idf = sum(math.log((n_docs + 1) / (df.get(w, 0) + 1)) + 1 for w in words) / len(words)
        scored.append((c * idf * (1 + 0.3 * (len(words) - 1)), key))
    scored.sort(key=lambda p: (-p[0], p[1]))
    out, seen = [], set()
    for _, key in scored:
        surface = surfaces[key].most_common(1)[0][0]
        if surface.lower() not in seen:
            seen.add(surface.lower())
            out.append(surface)
        if len(out) == top:
            break
    return out
