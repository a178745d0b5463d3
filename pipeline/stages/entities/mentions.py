"""Finding mentions: gazetteer matches, party labels, caps-lock and capitalised names, lower-case bodies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities.words import Word, gap_ok

PARTY_LABEL = re.compile(r"\((S|M|C|L|KD|V|MP|SD|s|m|c|l|kd|v|mp|sd)\)")
ADJECTIVE_ENDINGS = ("ska", "iska", "ella", "ell", "isk", "iga", "liga", "ande", "ende", "ade", "ivt", "iva", "fri")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    norm: str
    id: str | None = None
    source: str = "rule"  # gazetteer, party, caps, name, suffix, default, model, time, acronym
    words: tuple[int, int] = (0, 0)  # word index range [i, j)


def strip_genitive(key: str) -> str | None:
    if key.endswith(":s"):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return None


def lookup(gaz: lx.Gazetteer, key: str) -> tuple[list, bool] | None:
    hit = gaz.lookup(key)
    if hit:
        return hit, False
    base = strip_genitive(key)
    if base and (hit := gaz.lookup(base)):
        return hit, True
    return None


_FIRST_WORDS: dict[int, tuple[lx.Gazetteer, frozenset[str]]] = {}


def _first_words(gaz: lx.Gazetteer) -> frozenset[str]:
    """The first word of every gazetteer name: a position whose word is none of them starts no match."""
    entry = _FIRST_WORDS.get(id(gaz))
    if entry is None or entry[0] is not gaz:
        entry = _FIRST_WORDS[id(gaz)] = (gaz, frozenset(key.split(" ", 1)[0] for key in gaz.entries))
    return entry[1]


def _may_start(text: str, word: Word, first: frozenset[str]) -> bool:
    chunk = text[word.start:word.start + 80].split(None, 1)[0]
    for c in (chunk, word.text):
        if c in first or (strip_genitive(c) or "") in first:
            return True
    return False


def gazetteer(text: str, words: list[Word], gaz: lx.Gazetteer, taken: set[int]) -> list[Mention]:
    out, i, n = [], 0, len(words)
    first = _first_words(gaz)
    while i < n:
        found = None
        for j in range(min(n, i + 7), i, -1) if _may_start(text, words[i], first) else ():
            if any(k in taken for k in range(i, j)) or any(not gap_ok(text, words[k], words[k + 1]) for k in range(i, j - 1)):
                continue
            key = " ".join(text[words[i].start:words[j - 1].end].split())
            if (hit := lookup(gaz, key)) and _accept(text, words, i, j, hit, gaz):
                found = (j, key, hit)
                break
        if not found and i + 1 < n and _broken_word(text, words[i], words[i + 1]):
            key = words[i].text + words[i + 1].text  # "Bygg  företagen": a word split at a line break
            if (hit := lookup(gaz, key)) and hit[0][0] != "LOC":
                found = (i + 2, key, hit)
        if not found:
            i += 1
            continue
        j, key, (entry, _genitive) = found
        label, norm, id_, _kind = entry
        out.append(Mention(words[i].start, words[j - 1].end, text[words[i].start:words[j - 1].end],
                           label, norm, id_, "gazetteer", (i, j)))
        i = j
    return out


def _broken_word(text: str, a: Word, b: Word) -> bool:
    gap = text[a.end:b.start]
    return a.cap and b.text.islower() and gap.strip() == "" and "\n" not in gap


def _accept(text: str, words: list[Word], i: int, j: int, hit, gaz: lx.Gazetteer) -> bool:
    entry, genitive = hit
    w = words[i]
    if j - i == 1 and w.text.lower() in lx.ROLE_WORDS:
        return False
    nxt = words[j] if j < len(words) else None
    title_follows = nxt is not None and nxt.cap and not nxt.caps and not nxt.initial \
        and gap_ok(text, words[j - 1], nxt) and nxt.text.lower() not in lx.FUNCTION_WORDS
    if entry[1] in gaz.ambiguous or w.text in gaz.ambiguous:
        prev = words[i - 1] if i else None
        title_before = prev is not None and prev.cap and gap_ok(text, prev, w)
        return not w.initial and not title_before and not title_follows
    # "Sveriges Ingenjörer": a genitive place that opens a longer capitalised name is not the place.
    if genitive and entry[0] == "LOC" and j - i == 1 and title_follows:
        return False
    return True


def parties(text: str, gaz: lx.Gazetteer) -> list[Mention]:
    out = []
    for m in PARTY_LABEL.finditer(text):
        abbr = m.group(1)
        if (party := gaz.parties.get(abbr.upper())):
            out.append(Mention(m.start(1), m.end(1), abbr, "ORG", party[0], party[1], "party"))
    return out


def runs(text: str, words: list[Word], taken: set[int], test) -> list[tuple[int, int]]:
    """Maximal runs of consecutive free words passing `test`, joined only by spaces."""
    out, i, n = [], 0, len(words)
    while i < n:
        if i in taken or not test(words[i]):
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken and test(words[j]) and gap_ok(text, words[j - 1], words[j]):
            j += 1
        out.append((i, j))
        i = j
    return out


def caps_names(text: str, words: list[Word], taken: set[int], gaz: lx.Gazetteer) -> list[Mention]:
    """'ERIK SLOTTNER', 'OFFENTLIGA AFFÄRER': two to four caps-lock words (longer runs are headings)."""
    out = []
    for i, j in runs(text, words, taken, lambda w: w.caps and w.text.isalpha()):
        if j - i == 1 and len(words[i].text) >= 7:  # "UPPHANDLINGSNYTT": too long for an acronym
            w = words[i]
            out.append(Mention(w.start, w.end, w.text, "ORG", w.text, None, "caps", (i, j)))
            continue
        if not 2 <= j - i <= 4:
            continue
        surface = text[words[i].start:words[j - 1].end]
        titled = " ".join(p.capitalize() for p in surface.split())
        if titled.split()[0] in gaz.first_names or titled in gaz.full_names:
            out.append(Mention(words[i].start, words[j - 1].end, surface, "PER", titled, None, "caps", (i, j)))
        else:
            out.append(Mention(words[i].start, words[j - 1].end, surface, "ORG", surface, None, "caps", (i, j)))
    return out


def lower_bodies(words: list[Word], taken: set[int]) -> list[Mention]:
    """Lower-case compounds naming one body or law: 'finansutskottet', 'mediestödsnämnden', 'arbetsmiljölagen'."""
    out = []
    for k, w in enumerate(words):
        t = w.text
        if k in taken or not t.islower() or not t.isalpha():
            continue
        if t.endswith(lx.NOT_LAWS):
            continue
        for suffixes, label in ((lx.LOWER_ORG_SUFFIXES, "ORG"), (lx.LOWER_MISC_SUFFIXES, "MISC")):
            if not t.endswith(suffixes):  # most words: one call instead of one per suffix
                continue
            suffix = next((s for s in suffixes if t.endswith(s) and len(t) >= len(s) + 4), None)
            if suffix:
                base = t[:-1] if suffix.endswith("s") else t
                out.append(Mention(w.start, w.end, t, label, base[:1].upper() + base[1:], None, "suffix", (k, k + 1)))
                break
    return out
