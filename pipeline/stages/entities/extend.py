"""Names that continue past what was first found, and places implied by them.

- "Företagarna i Mörkeby", "Högskolan i Vättersund": an organisation, "i", a capitalised place.
- "LRF Norrstrand", "SKL Kommentus": an organisation's acronym and a capitalised name after it.
- "Samverkansrådet för offentliga inköp (SOFI)": the words before an acronym in parentheses whose
  letters spell it.
- Places implied by such names: "Region Österlid", "Tallbergs kommun", "... i Mörkeby" make a lone
  "Österlid", "Tallberg", "Mörkeby" a place (LOC).
"""

from __future__ import annotations

import re

from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities.mentions import Mention, strip_genitive
from pipeline.stages.entities.words import Word

BRANCH = re.compile(r" i ([A-ZÅÄÖ][\wåäöé-]+)")
AFTER_ACRONYM = re.compile(r" ([A-ZÅÄÖ][a-zåäöé]+)\b")
PARENTHESISED = re.compile(r"\(([A-ZÅÄÖ]{2,6})\)")
PLACE_PATTERNS = (re.compile(r"^Region (\w+)$"), re.compile(r"^(\w+?)s? (?:kommun|län)$"),
                  re.compile(r" i (\w+)$"))


def _overlaps(m: Mention, start: int, end: int) -> bool:
    return m.start < end and start < m.end


def _org_head(m: Mention) -> bool:
    """A one-word organisation that needs its place to name one body: 'Företagarna', 'Högskolan'."""
    words = m.text.split()
    return m.label == "ORG" and len(words) == 1 and (m.source in ("gazetteer", "suffix")
                                                     or words[0].lower().endswith(lx.ORG_SUFFIXES))


def branches(text: str, words: list[Word], mentions: list[Mention]) -> list[Mention]:
    initial_at = {w.start for w in words if w.initial}
    for m in list(mentions):
        if m.label != "ORG" or m not in mentions:
            continue
        national = m.source == "gazetteer" and m.id  # "Trafikverket i Borlänge" is where, not which
        b = BRANCH.match(text, m.end) if _org_head(m) and not national else None
        a = AFTER_ACRONYM.match(text, m.end) if m.text.isupper() and len(m.text) >= 2 else None
        hit = b or a
        if not hit or hit.start(1) in initial_at:
            continue
        end = hit.end(1)
        inner = [o for o in mentions if o is not m and _overlaps(o, m.end, end)]
        if any(o.source in ("gazetteer", "party") and o.label != "LOC" for o in inner):
            continue
        for o in inner:
            mentions.remove(o)
        surface = text[m.start:end]
        mentions[mentions.index(m)] = Mention(m.start, end, surface, "ORG", surface, None, "extended", m.words)
    return mentions


def _initials(span: str) -> str:
    return "".join(w[0] for w in span.split())


def _spells(acr: str, span: str) -> bool:
    """The words' initials spell the acronym, in order or not ('Samverkansrådet för offentliga inköp', SOFI)."""
    initials = _initials(span).upper()
    return initials == acr or (len(initials) == len(acr) and sorted(initials) == sorted(acr))


def _name_like(span: str, first: Word) -> bool:
    """Capitals mean a name only mid-sentence; at a sentence start an organisation head must show it."""
    parts = span.split()
    return not first.initial or sum(p[:1].isupper() for p in parts) >= 2 \
        or any(p.lower().endswith(lx.ORG_SUFFIXES) for p in parts)


def before_acronyms(text: str, words: list[Word], mentions: list[Mention], known) -> list[Mention]:
    """Make the words before '(ACR)' one ORG mention when their initials spell ACR (unless ACR is known)."""
    ends = {w.end: k for k, w in enumerate(words)}
    for p in PARENTHESISED.finditer(text):
        acr = p.group(1)
        k = ends.get(p.start() - 1) if text[p.start() - 1:p.start()] == " " else None
        if k is None or known(acr):
            continue
        best = None
        for i in range(k, max(-1, k - len(acr)), -1):
            span = text[words[i].start:words[k].end]
            if "\n" not in span and words[i].cap and _spells(acr, span) and _name_like(span, words[i]):
                best = i
                break
        if best is None:
            continue
        start, end = words[best].start, words[k].end
        inner = [o for o in mentions if _overlaps(o, start, end)]
        if any(o.start < start or o.end > end for o in inner) or any(o.start == start and o.end == end for o in inner):
            continue
        for o in inner:
            mentions.remove(o)
        surface = text[start:end]
        label = "MISC" if surface.split()[-1].lower().endswith(lx.MISC_SUFFIXES) else "ORG"
        mentions.append(Mention(start, end, surface, label, surface, None, "extended", (best, k + 1)))
    return mentions


LOCATIVE = re.compile(r"(?:\b[Ii]|\butanför|\bnära|\bsöder om|\bnorr om|\böster om|\bväster om)\s+$")


def implied_places(text: str, mentions: list[Mention]) -> None:
    """Unknown single names that are places by the names around them, or by a locative 'i' before them."""
    places = set()
    for m in mentions:
        for pat in PLACE_PATTERNS:
            if m.label == "ORG" and (hit := pat.search(m.text)):
                places.add(hit.group(1))
    for m in mentions:
        key = m.norm
        if len(key.split()) != 1 or m.source not in ("default", "model"):
            continue
        if key in places or strip_genitive(key) in places:
            m.label, m.source = "LOC", "name"
            m.norm = key if key in places else strip_genitive(key)
        elif m.source == "default" and LOCATIVE.search(text, max(0, m.start - 12), m.start):
            m.label, m.source = "LOC", "name"
