"""Language: tokens, sentences, lemmas, POS, morphology and dependencies from a spaCy Swedish pipeline.

Each block is parsed on its own, so no sentence crosses a paragraph; very long blocks are cut into
pieces at sentence ends (or, failing those, at spaces) so that the parser never sees a run of more
than `max_sentence_chars` characters.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from pydantic import TypeAdapter

from pipeline.document import Sentence, Token
from pipeline.registry import stage
from pipeline.work import Work

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_TOKENS = TypeAdapter(list[Token])  # validates a document's tokens in one call, cheaper than one by one


@lru_cache(maxsize=4)
def load_nlp(model: str, fallback: str | None = None):
    """Load once per process: workers of a parallel run each pay this cost a single time."""
    import spacy

    from pipeline.config import project_root

    if model.startswith("blank:"):
        nlp = spacy.blank(model.split(":", 1)[1])
        nlp.add_pipe("sentencizer")
        return nlp
    path = project_root() / model if not model.startswith("/") else model
    try:
        return spacy.load(path)
    except OSError:
        if fallback:
            return load_nlp(fallback)
        raise


def model_label(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'sv')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0.0.0')}"


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, each piece at most `limit` characters long."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            window = text[start:end]
            cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
            if cut < limit // 4:
                cut = window.rfind(" ") + 1
            if cut <= 0:
                cut = len(window)
            end = start + cut
        out.append((start, text[start:end]))
        start = end
    return out


def units_of(work: Work, max_chars: int) -> list[tuple[int, str]]:
    """(offset in the document text, text) of every piece an engine parses: each block, cut if long."""
    return [(block.start + offset, piece) for block in work.blocks for offset, piece in pieces(block.text, max_chars)]


def turn_finder(doc):
    """A function from a text offset to the id of the turn holding it (None outside turns)."""
    turn_starts = [t.start for t in doc.turns]

    def turn_of(start: int) -> str | None:
        k = bisect.bisect_right(turn_starts, start) - 1
        if k >= 0 and start < doc.turns[k].end:
            return doc.turns[k].id
        return None

    return turn_of


def annotate(works: list[Work], nlp, batch_size: int, max_chars: int) -> None:
    """Parse the pieces of all `works` in one `nlp.pipe` stream, so that the model's batches are full
    even when documents are short. spaCy gives a text the same analysis whatever batch it is in (the
    outputs are byte-identical to parsing each document alone)."""
    units = [units_of(work, max_chars) for work in works]
    parsed = nlp.pipe((text for pieces in units for _, text in pieces), batch_size=batch_size)
    for work, pieces in zip(works, units):
        # zip asks `pieces` first, so it takes exactly this document's Docs from the shared stream
        work.nlp_docs = [(offset, sdoc) for (offset, _), sdoc in zip(pieces, parsed)]
        set_annotations(work)


def set_annotations(work: Work) -> None:
    """Tokens and sentences of the document from its parsed pieces (`work.nlp_docs`)."""
    doc = work.doc
    tokens: list[dict] = []
    sentences: list[Sentence] = []
    turn_of = turn_finder(doc)
    for offset, sdoc in work.nlp_docs:
        index: dict[int, int] = {}
        kept = [t for t in sdoc if not t.is_space]
        for t in kept:
            index[t.i] = len(tokens) + len(index)
        for t in kept:
            start = offset + t.idx
            tokens.append(dict(
                start=start, end=start + len(t.text), text=t.text, lemma=t.lemma_ or t.text,
                upos=t.pos_, xpos=t.tag_, feats=str(t.morph),
                head=index.get(t.head.i, index[t.i]), deprel=t.dep_ or "",
            ))
        if sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP"):
            spans = [(s.start_char, s.end_char, s.text) for s in sdoc.sents]
        else:
            spans = [(0, len(sdoc.text), sdoc.text)]
        for s_start, s_end, s_text in spans:
            stripped = s_text.strip()
            if not stripped:
                continue
            s_start += len(s_text) - len(s_text.lstrip())
            start = offset + s_start
            sentences.append(Sentence(start=start, end=start + len(stripped), turn=turn_of(start)))
    doc.tokens, doc.sentences = _TOKENS.validate_python(tokens), sentences


@stage("language.spacy", requires=("text", "turns"), provides=("tokens", "sentences", "nlp_docs"))
def make_language(config=None, model: str = "blank:sv", fallback: str | None = "blank:sv",
                  batch_size: int = 64, **settings):
    nlp = load_nlp(model, fallback)
    max_chars = int(config.limits.get("max_sentence_chars", 2000)) if config else 2000

    def language(work: Work) -> None:
        batch([work])

    def batch(works: list[Work]) -> None:  # the runner's batch hook: one stream for many documents
        annotate(works, nlp, batch_size, max_chars)
        for work in works:
            work.doc.pipeline.model = model_label(nlp)

    language.nlp = nlp
    language.batch = batch
    return language
