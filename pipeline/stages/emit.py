"""Emit: the last check of a finished document: every offset must hold (text[start:end] equals each
span's text, turns do not overlap), so no document with a broken offset reaches the output folder.
The JSON Schema validation and the atomic write follow in the runner (pipeline/executors.py, api.py).
"""

from __future__ import annotations

from pipeline.registry import stage
from pipeline.work import Work


class InvalidDocument(ValueError):
    pass


def check_offsets(work: Work) -> None:
    doc = work.doc
    text = doc.text
    n = len(text)

    def bad(what: str, span) -> None:
        raise InvalidDocument(f"{what} at {span.start}:{span.end} does not match the text")

    for t in doc.turns:
        if not (0 <= t.start < t.end <= n) or text[t.start:t.end] != t.text:
            bad("turn " + t.id, t)
        for hit in t.topics:
            for ev in hit.evidence:
                if text[ev.start:ev.end] != ev.text:
                    bad("topic evidence", ev)
    for group, items in (("token", doc.tokens), ("entity", doc.entities), ("comment", doc.comments)):
        for s in items:
            if not (0 <= s.start <= s.end <= n) or text[s.start:s.end] != s.text:
                bad(group, s)
    for s in doc.sentences + doc.sections:
        if not (0 <= s.start <= s.end <= n):
            bad("sentence/section", s)
    for a, b in zip(doc.turns, doc.turns[1:]):
        if b.start < a.end:
            raise InvalidDocument(f"turns {a.id} and {b.id} overlap")


@stage("emit.validated", requires=("text",), provides=("checked",))
def make_emit(config=None, **settings):
    return check_offsets
