"""Normalisation into `norm`: genitives, acronyms defined in the document, short names.

- Genitives: "Ardalan Shekarabis" -> "Ardalan Shekarabi", "SOI:s" -> "SOI", "Förenklingsrådets" ->
  "Förenklingsrådet" (gazetteer matches already carry their base form).
- Acronyms defined in the text ("Sveriges Offentliga Inköpare, SOI", "Lantbrukarnas Riksförbund (LRF)")
  make every mention of the acronym point to the full name, with its label.
- Short names: "Kristina" -> "Kristina Alsér", "Slottner" -> "Erik Slottner", when exactly one person
  of the document has that given name or surname; "Kommentus" -> "SKL Kommentus" likewise for ORG.
"""

from __future__ import annotations

import re

from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities.mentions import Mention, strip_genitive
from pipeline.stages.entities.words import Word

DEFINITION_AFTER = re.compile(r"\s*(?:,\s*|\(\s*)([A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{1,7})(?=[\s),.;:]|$)")


def genitives(text: str, mentions: list[Mention], words: list[Word], gaz: lx.Gazetteer) -> None:
    forms = {m.text for m in mentions} | {m.norm for m in mentions}
    for m in mentions:
        if m.source in ("gazetteer", "party", "time", "acronym", "document", "extended"):
            continue
        key = m.norm
        base = strip_genitive(key)
        if not base:
            continue
        if key.endswith(":s") or base in forms or base in gaz.full_names:
            m.norm = base
            continue
        last = key.split()[-1].lower()
        if m.label in ("ORG", "LOC", "MISC") and last.endswith(("ets", "ens", "ans", "ernas", "arnas")):
            m.norm = base
        elif m.label == "PER" and len(key.split()) >= 2 and _noun_follows(text, m.end):
            m.norm = base


def _noun_follows(text: str, end: int) -> bool:
    nxt = re.match(r"\s+([a-zåäöé]+)", text[end:end + 40])
    return bool(nxt) and nxt.group(1) not in lx.NOT_AFTER_GENITIVE


def initials_match(acronym: str, full: str) -> bool:
    letters, pos = acronym.lower(), 0
    low = full.lower()
    if not low.startswith(letters[0]):
        return False
    for c in letters[1:]:
        pos = low.find(c, pos + 1)
        if pos < 0:
            return False
    return True


def acronyms(text: str, mentions: list[Mention], words: list[Word]) -> list[Mention]:
    """Find 'Full Name, ACR' / 'Full Name (ACR)' and point every ACR (and ACR:s) at the full name."""
    defined: dict[str, Mention] = {}
    for m in mentions:
        if len(m.norm.split()) < 2 and not m.norm[:1].isupper():
            continue
        d = DEFINITION_AFTER.match(text, m.end)
        if d and sum(c.isupper() for c in d.group(1)) >= 2 and initials_match(d.group(1), m.norm):
            defined.setdefault(d.group(1), m)
    if not defined:
        return mentions
    by_start = {m.start: m for m in mentions}
    for w in words:
        acr = w.text[:-2] if w.text.endswith(":s") else w.text
        full = defined.get(acr)
        if not full:
            continue
        m = by_start.get(w.start)
        if m and m.end == w.end:
            m.norm, m.label, m.id = full.norm, full.label, full.id or m.id
        elif not any(o.start < w.end and w.start < o.end for o in mentions):
            mentions.append(Mention(w.start, w.end, w.text, full.label, full.norm, full.id, "acronym"))
    return mentions


def short_names(mentions: list[Mention], persons: set[str]) -> None:
    full_persons = {m.norm for m in mentions if m.label == "PER" and len(m.norm.split()) >= 2} | persons
    full_orgs = {m.norm for m in mentions if m.label == "ORG" and len(m.norm.split()) >= 2}
    for m in mentions:
        if len(m.norm.split()) != 1 or m.source in ("gazetteer", "party", "time", "acronym", "document", "extended"):
            continue
        keys = {m.norm, strip_genitive(m.norm) or m.norm}
        people = {p for p in full_persons if keys & {p.split()[0], p.split()[-1]}}
        if len(people) == 1 and (m.label == "PER" or m.source == "default"):
            m.norm, m.label, m.source = people.pop(), "PER", "name"
            continue
        if m.label == "ORG" and m.source == "default":
            orgs = {o for o in full_orgs if o.split()[-1] in keys}
            if len(orgs) == 1:
                m.norm, m.source = orgs.pop(), "name"
