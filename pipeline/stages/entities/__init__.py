"""Entities: named entities attached to turns, normalised, and linked to gazetteers where they match.

Labels
- PER   persons ("Jesper Zetterström", "ERIK SLOTTNER" with norm "Erik Slottner")
- ORG   organisations: agencies, companies, parties, councils, publications, municipalities and regions
        as organisations ("Helsingborgs kommun", "Region Kalmar")
- LOC   places: countries, provinces, counties, municipalities as places, cities, buildings
- MISC  named laws, strategies, programmes, events and works ("Nationella upphandlingsstrategin")
- TIME  dates with a day, month or year ("den 11 februari 2014", "september 2020", "2023")

Every entity has `norm`, its canonical name (the base form of a genitive, the full name of an acronym
defined in the document or known to the gazetteer, the full name behind a short name), and `id` when
a gazetteer knows it: a Wikidata id (agencies, parties), an organisation number (agencies without
one), or an official code ("kommun:0880", "län:08") for municipalities, counties and regions.

How: gazetteer matches first (pipeline/resources/gazetteers, built by `python -m pipeline.gazetteers.build`),
then party labels "(KD)", caps-lock names, capitalised runs that are names by their position (a
capital at the start of a sentence means nothing unless the word is known or recurs mid-sentence),
by known given names or by their head word ("-verket", "-rådet", "-utredningen"); then the language
model's own entities where it has a recogniser (the blank fallback has none, the project model does).
"""

from __future__ import annotations

import bisect

from pipeline.document import Entity
from pipeline.registry import stage
from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities import mentions as mt
from pipeline.stages.entities import documents, extend, names, normalise
from pipeline.stages.entities.model import model_mentions
from pipeline.stages.entities.timex import times
from pipeline.stages.entities.words import split_words
from pipeline.work import Work

LABELS = ("PER", "ORG", "LOC", "MISC", "TIME")


def known_persons(work: Work, gaz: lx.Gazetteer) -> set[str]:
    """Persons the document names in its structure: speakers and interviewee, in their normal case."""
    found = set()
    meta = work.doc.metadata
    for name in [meta.interviewee, *(t.speaker for t in work.doc.turns)]:
        if not name:
            continue
        titled = " ".join(p.capitalize() for p in name.split()) if name.isupper() else name
        parts = titled.split()
        if 2 <= len(parts) <= 4 and parts[0] in gaz.first_names:
            found.add(titled)
    return found


def find(work: Work) -> list[mt.Mention]:
    gaz = lx.load()
    doc = work.doc
    text = doc.text
    words = split_words(text)
    persons = known_persons(work, gaz)
    found = documents.references(text) + documents.laws(text, doc.tokens) + mt.parties(text, gaz)
    found += mt.gazetteer(text, words, gaz, _taken(found, words))
    taken = _taken(found, words)
    for finder in (lambda: mt.caps_names(text, words, taken, gaz), lambda: mt.lower_bodies(words, taken),
                   lambda: names.capitalised(text, words, taken, gaz, persons)):
        new = finder()
        found += new
        taken |= _taken(new, words)
    found = model_mentions(work, words, found)
    found = extend.branches(text, words, found)
    found = extend.before_acronyms(text, words, found, lambda acr: gaz.lookup(acr) is not None)
    normalise.genitives(text, found, words, gaz)
    found = normalise.acronyms(text, found, words)
    extend.implied_places(text, found)
    normalise.short_names(found, persons)
    found = _drop_common_nouns(doc, found)
    found += [t for t in times(text) if not any(t.start < m.end and m.start < t.end for m in found)]
    return sorted(found, key=lambda m: (m.start, -m.end))


def _drop_common_nouns(doc, found: list[mt.Mention]) -> list[mt.Mention]:
    """With a tagger, a lone capitalised word that nothing else vouches for must be tagged a proper noun:
    'Energi', 'Marknad', 'Militära' in list items and headings are not names."""
    if not any(t.upos for t in doc.tokens):
        return found
    starts = [t.start for t in doc.tokens]
    keep = []
    for m in found:
        if m.source == "default" and len(m.text.split()) == 1 and "-" not in m.text:
            k = bisect.bisect_left(starts, m.start)
            if k < len(doc.tokens) and doc.tokens[k].start == m.start and doc.tokens[k].upos not in ("PROPN", "X", ""):
                continue
        keep.append(m)
    return keep


def _taken(found: list[mt.Mention], words) -> set[int]:
    starts = [w.start for w in words]
    out = set()
    for m in found:
        i = bisect.bisect_left(starts, m.start)
        while i < len(words) and words[i].start < m.end:
            out.add(i)
            i += 1
    return out


def entities(work: Work) -> None:
    doc = work.doc
    starts = [t.start for t in doc.turns]
    out = []
    for m in find(work):
        k = bisect.bisect_right(starts, m.start) - 1
        turn = doc.turns[k].id if k >= 0 and m.start < doc.turns[k].end else None
        out.append(Entity(start=m.start, end=m.end, text=doc.text[m.start:m.end], label=m.label,
                          norm=m.norm, id=m.id, turn=turn))
    doc.entities = out


@stage("entities.normalised", requires=("tokens", "turns"), provides=("entities",))
def make_entities(config=None, **settings):
    lx.load()
    return entities
