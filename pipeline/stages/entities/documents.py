"""MISC names of official documents: report numbers ("Ds 2022:14", "prop. 2015/16:195") and laws
named by their subject ("lagen (2023:664) om mediestöd", "Lagen om offentlig upphandling")."""

from __future__ import annotations

import bisect
import re

from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities.mentions import Mention

REFERENCE = re.compile(r"\b(?:Ds|SOU|[Pp]rop\.|[Dd]ir\.|[Bb]et\.)\s*\d{4}(?:/\d{2})?:[A-Za-zÅÄÖåäö]*\d+")


def references(text: str) -> list[Mention]:
    """Official document numbers: 'Ds 2022:14', 'SOU 2023:5', 'prop. 2015/16:195' (MISC)."""
    return [Mention(m.start(), m.end(), m.group(), "MISC", m.group(), None, "document") for m in REFERENCE.finditer(text)]


LAW = re.compile(r"\b(?:[Ll]agen|[Ff]örordningen|[Bb]alken)(?:\s*\(\d{4}:\d+\))?\s+om\s+")
BASE_FORM = {"lagen": "lag", "förordningen": "förordning", "balken": "balk"}
SUBJECT_POS = {"NOUN", "ADJ", "PROPN"}
VERBISH = {"ingår", "innehåller", "gäller", "följer", "trädde", "träder", "ska", "kan", "har", "är", "var", "blir"}


def laws(text: str, tokens) -> list[Mention]:
    """A law named by its subject: the words after 'om' up to the first that is not a noun or adjective
    (with a tagger), or up to a function word or common verb (without one); at most four words."""
    starts = [t.start for t in tokens]
    tagged = any(t.upos for t in tokens)
    out = []
    for m in LAW.finditer(text):
        k = bisect.bisect_left(starts, m.end())
        end, n = None, 0
        while k < len(tokens) and n < 4:
            t = tokens[k]
            w = t.text.lower()
            if not t.text.isalpha() or w in lx.FUNCTION_WORDS or w in VERBISH:
                break
            if tagged and t.upos not in SUBJECT_POS:
                break
            end, n, k = t.end, n + 1, k + 1
        if end:
            surface = text[m.start():end]
            head = surface.split()[0]
            norm = BASE_FORM[head.lower()] + surface[len(head):]  # the citation form: "lag (2023:664) om ..."
            out.append(Mention(m.start(), end, surface, "MISC", norm, None, "document"))
    return out
