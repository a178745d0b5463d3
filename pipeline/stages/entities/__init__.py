"""Entities: named entities from the language model, attached to turns."""

from __future__ import annotations

import bisect

from pipeline.document import Entity
from pipeline.registry import stage
from pipeline.work import Work


def entities(work: Work) -> None:
    doc = work.doc
    starts = [t.start for t in doc.turns]
    found = []
    for offset, sdoc in work.nlp_docs:
        for ent in sdoc.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            k = bisect.bisect_right(starts, start) - 1
            turn = doc.turns[k].id if k >= 0 and start < doc.turns[k].end else None
            found.append(Entity(start=start, end=end, text=ent.text, label=ent.label_, norm=ent.text, turn=turn))
    doc.entities = found


@stage("entities.normalised", requires=("tokens", "turns"), provides=("entities",))
def make_entities(config=None, **settings):
    return entities
