"""Capitalised names that no gazetteer knows: which runs of capitalised words are names, and of what."""

from __future__ import annotations

from pipeline.stages.entities import lexicon as lx
from pipeline.stages.entities.mentions import ADJECTIVE_ENDINGS, Mention, runs, strip_genitive
from pipeline.stages.entities.words import Word, gap_ok


def is_name_word(w: Word) -> bool:
    if ":" in w.text and not w.text.endswith(":s"):  # "CV:t", "VD:n": an inflected abbreviation
        return False
    if "-" in w.text:  # "EU-nivå", "S-styrda" are not names; "EU-nämnden" is
        tail = w.text.rsplit("-", 1)[1]
        if tail.islower() and not tail.endswith(HYPHEN_ORG_HEADS):
            return False
    if w.text.lower().endswith("sverige") and len(w.text) > 7:  # "Upphandlingssverige"
        return False
    if w.text.lower() in lx.NOT_NAMES:
        return False
    return w.cap and not w.caps and w.text.lower() not in lx.FUNCTION_WORDS and w.text.lower() not in lx.ROLE_WORDS


HYPHEN_ORG_HEADS = ("nämnden", "kommissionen", "parlamentet", "domstolen", "utskottet")


def _has_suffix(word: str, suffixes: tuple[str, ...]) -> bool:
    low = word.lower()
    base = strip_genitive(low) or low
    return any((low.endswith(s) or base.endswith(s)) and len(base) > len(s) + 2 for s in suffixes)


def capitalised(text: str, words: list[Word], taken: set[int], gaz: lx.Gazetteer,
                known_persons: set[str]) -> list[Mention]:
    # Forms seen capitalised where capitals mean something: evidence that an initial word is a name too.
    mid = {w.text for k, w in enumerate(words) if w.cap and not w.initial and k not in taken}
    mid |= {strip_genitive(t) or t for t in mid}
    out = []
    for i, j in runs(text, words, taken, is_name_word):
        while i < j and not _keep_initial(words, i, j, mid, gaz, known_persons):
            i += 1
        # "Electroluxchefen Leif Johansson": a title compound before a name is not part of it.
        if j - i >= 2 and words[i].text.lower().endswith(lx.ROLE_ENDINGS):
            i += 1
        if i == j:
            continue
        # A lower-case head closes some names: "Familjen Kamprads stiftelse", "Nationella upphandlingsstrategin".
        if j < len(words) and j not in taken and gap_ok(text, words[j - 1], words[j]):
            head = words[j].text
            if head.islower() and (head in lx.NAME_HEADS or _has_suffix(head, lx.MISC_SUFFIXES)):
                j += 1
        m = _label(text, words, i, j, gaz, known_persons)
        if m:
            out.append(m)
    return out


def _title_extent(text: str, words: list[Word], i: int, taken: set[int]) -> int:
    """A title in sentence case, 'Mat och marknad som kom 2011': a capitalised word, 'och', then
    lower-case words up to a function word; returns the end of the title (i + 1 when it is none)."""
    k = i + 1
    if k + 1 >= len(words) or words[k].text != "och" or not gap_ok(text, words[i], words[k]):
        return i + 1
    k += 1
    while k < len(words) and k - i <= 6 and k not in taken and words[k].text.islower() and words[k].text.isalpha() \
            and words[k].text not in lx.FUNCTION_WORDS and words[k].text not in lx.NOT_AFTER_GENITIVE \
            and gap_ok(text, words[k - 1], words[k]):
        k += 1
    return k if k > i + 2 else i + 1


def _name_compound(word: str, gaz: lx.Gazetteer) -> bool:
    """'Natomedlemskap', 'Sverigebilden': a known name and a lower-case noun make a common noun."""
    for k in range(3, len(word) - 3):
        head, rest = word[:k], word[k:]
        if rest.islower() and (gaz.entries.get(head) or gaz.entries.get(head.upper())):
            return True
    return False


def _keep_initial(words: list[Word], i: int, j: int, mid: set[str], gaz: lx.Gazetteer, persons: set[str]) -> bool:
    w = words[i]
    if not w.initial:
        return True
    if w.text in mid or (strip_genitive(w.text) or "") in mid:
        return True
    if j - i >= 2 and (w.text in gaz.first_names or any(p.startswith(w.text + " ") for p in persons)):
        return True
    if j - i >= 2 and w.text.lower() in lx.ORG_OPENERS:  # "Region Österlid är ..."
        return True
    if "-" in w.text and all(part[:1].isupper() for part in w.text.split("-")):  # "Mörkeby-Posten"
        return True
    if j - i >= 2 and words[i + 1].cap and not words[i + 1].caps:  # "Offentlig Digital har ..."
        return True
    return j - i == 1 and _has_suffix(w.text, lx.ORG_SUFFIXES)


def _label(text: str, words: list[Word], i: int, j: int, gaz: lx.Gazetteer, persons: set[str]) -> Mention | None:
    start, end = words[i].start, words[j - 1].end
    surface = text[start:end]
    key = " ".join(surface.split())
    base = strip_genitive(key) or key
    last = words[j - 1].text
    first = words[i].text

    def make(label: str, source: str) -> Mention:
        return Mention(start, end, surface, label, key, None, source, (i, j))

    if key in persons or base in persons or key in gaz.full_names or base in gaz.full_names:
        return make("PER", "name")
    if j - i >= 2 and first in gaz.first_names and all(words[k].cap for k in range(i, j)):
        return make("PER", "name")
    if _has_suffix(last, lx.ORG_SUFFIXES) or (j - i >= 2 and last.lower() in lx.ORG_LAST_WORDS) \
            or (j - i >= 2 and first.lower() in lx.ORG_OPENERS):
        return make("ORG", "suffix")
    if _has_suffix(last, lx.MISC_SUFFIXES) or (j - i >= 2 and last.lower() in lx.MISC_LAST_WORDS):
        return make("MISC", "suffix")
    if _has_suffix(last, lx.LOC_SUFFIXES):
        return make("LOC", "suffix")
    before = text[max(0, start - 20):start].lower().rstrip()
    if any(before.endswith(cue) for cue in lx.WORK_CUES):
        return make("MISC", "suffix")
    if j - i == 1:
        low = first.lower()
        if low.endswith(ADJECTIVE_ENDINGS) or len(first) < 2 or _name_compound(first, gaz):
            return None
        if first in gaz.first_names:
            return make("PER", "name")
        k = _title_extent(text, words, i, set())
        if k > j:
            end = words[k - 1].end
            return Mention(start, end, text[start:end], "MISC", text[start:end], None, "suffix", (i, k))
    return make("ORG", "default")
