"""The language model's own entities, where it has a recogniser: kept when the rules found nothing
there and the span passes the same checks (no lone sentence-initial common word, no role nouns)."""

from __future__ import annotations

import bisect

from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities.mentions import ADJECTIVE_ENDINGS, Mention
from pipeline.stages.entities.names import is_name_word
from pipeline.stages.entities.words import Word

LABEL_MAP = {"PER": "PER", "PRS": "PER", "PERSON": "PER", "ORG": "ORG", "INST": "ORG", "LOC": "LOC",
             "GPE": "LOC", "PLACE": "LOC", "MISC": "MISC", "WRK": "MISC", "EVN": "MISC", "OBJ": "MISC",
             "TME": "TIME", "TIME": "TIME", "DATE": "TIME"}


def _proper(tokens, starts: list[int], start: int) -> bool:
    k = bisect.bisect_left(starts, start)
    return k < len(tokens) and tokens[k].upos in ("PROPN", "X", "")


def text_of(work, start: int, end: int) -> str:
    return work.doc.text[start:end]


def model_mentions(work, words: list[Word], found: list[Mention]) -> list[Mention]:
    by_span = {(m.start, m.end): m for m in found}
    mid = {w.text for w in words if w.cap and not w.initial}
    word_at = {w.start: w for w in words}
    word_starts = [w.start for w in words]
    tokens = work.doc.tokens
    starts = [t.start for t in tokens]
    for offset, sdoc in work.nlp_docs:
        for ent in getattr(sdoc, "ents", ()):
            label = LABEL_MAP.get(ent.label_.upper())
            if not label or label == "TIME":
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            same = by_span.get((start, end))
            if same is not None:
                # The rules decide labels (the model's are less reliable on these texts), except that an
                # unknown multi-word name the model calls a person is one ("Volodymyr Zelenskyj").
                if same.source == "default" and label == "PER" and len(text_of(work, start, end).split()) >= 2:
                    same.label, same.source = "PER", "model"
                continue
            if any(m.start < end and start < m.end for m in found):
                continue
            text = work.doc.text[start:end]
            first = word_at.get(start)
            if not text[:1].isupper() or first is None:
                continue
            if text.lower() in lx.FUNCTION_WORDS | lx.ROLE_WORDS or first.text.lower() in lx.ROLE_WORDS:
                continue
            if first.initial and len(text.split()) == 1 and text not in mid:
                continue
            inside = words[bisect.bisect_left(word_starts, start):bisect.bisect_left(word_starts, end)]
            if not inside or not all(is_name_word(w) or w.caps for w in inside):
                continue
            if len(inside) == 1 and inside[0].caps:  # an unknown acronym ("BNP")
                continue
            if len(inside) == 1 and (inside[0].text.lower().endswith(ADJECTIVE_ENDINGS) or not _proper(tokens, starts, start)):
                continue  # "Självkörande", "Svensk": a lone word the tagger does not call a proper noun
            m = Mention(start, end, text, label, " ".join(text.split()), None, "model")
            found.append(m)
            by_span[(start, end)] = m
    return found
