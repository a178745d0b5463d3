"""Who speaks: the interviewee and interviewer named in a lede, and debate speakers from their labels."""

from __future__ import annotations

import re
from collections import Counter

_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüë]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
PERSON = re.compile(rf"\b({_WORD}(?:\s+{_WORD}){{1,2}})\b")
# Capitalised words that open names of organisations, places and roles rather than persons.
NOT_FIRST_NAMES = {
    "Region", "Regionen", "Familjen", "Sveriges", "Svenska", "Svensk", "Statens", "Riksdagens", "Regeringens",
    "Kommun", "Kommunen", "Länsstyrelsen", "Landstinget", "Stiftelsen", "Föreningen", "Förbundet", "Herr",
    "Fru", "Statsrådet", "Ministern", "Europeiska", "Nationella", "Offentliga", "Upphandlingsmyndigheten",
    "Konkurrensverket", "Sedan", "Under", "Enligt", "Efter", "Inom", "Genom", "Med", "För", "Hos", "Vid",
    "Den", "Det", "Detta", "Denna", "Dessa", "Som", "När", "Men", "Och", "Eller", "Här", "Där", "Nu", "Idag",
    "Vad", "Hur", "Varför", "Vilka", "Vilken", "Vem", "Foto", "Bild", "Text", "Läs", "Intervju",
}
INTERVIEWED_BY = re.compile(
    r"(?P<who>[A-ZÅÄÖ][\wÅÄÖåäö\-]*(?:\s+[A-ZÅÄÖ][\wÅÄÖåäö\-]*){0,3})\s+(?:har\s+)?"
    r"(?:intervjuat|intervjuade|träffat|träffade|pratat med|pratade med|talat med|talade med|mött|mötte|"
    r"samtalat med|samtalade med|ställt (?:några )?frågor till|ställde (?:några )?frågor till|bad)\s+"
    r"(?:honom|henne|hen|dem|(?:[a-zåäö]+\s+)?(?P<whom>[A-ZÅÄÖ][a-zåäöé]+(?:\s+[A-ZÅÄÖ][a-zåäöé\-]+)+))"
)
AGE = re.compile(rf"({_WORD}(?:\s+{_WORD}){{1,2}}),\s*\d{{2}},")
SAYS = re.compile(rf"\b(?:säger|berättar|förklarar|menar|konstaterar)\s+(?:[a-zåäö]+\s+)?({_WORD}(?:\s+{_WORD})?)")
AGE_OR_ROLE = re.compile(rf"^({_WORD}(?:\s+{_WORD}){{1,2}})(?:,\s*\d{{2}},|\s+är\s|,\s+[a-zåäö])")


def _clean_name(found: str) -> str | None:
    """Drop leading words that open organisation names or are titles ("Ekonomichefen Jonas Lindqvist")."""
    words = found.split()
    while words and (words[0] in NOT_FIRST_NAMES or (len(words) > 2 and len(words[0]) > 5
                                                      and words[0].endswith(("en", "et", "ern")))):
        words = words[1:]
    return " ".join(words[:3]) if len(words) >= 2 else None


def _candidates(text: str) -> list[str]:
    return [name for m in PERSON.finditer(text) if (name := _clean_name(m.group(1)))]


def find_interviewee(lede: list[str], body: list[str] = ()) -> str | None:
    """The person the lede introduces: named at a paragraph's start with age or role, quoted with 'säger',
    or mentioned most (a first name alone counts for the full name)."""
    scores: Counter[str] = Counter()
    full_names: list[str] = []
    for para in lede:
        for name in _candidates(para):
            full_names.append(name)
            scores[name] += 1
        strong = [m.group(1) for m in AGE.finditer(para)]
        strong += [m.group(1) for m in [AGE_OR_ROLE.match(para)] if m]
        strong += [m.group("whom") for m in INTERVIEWED_BY.finditer(para) if m.group("whom")]
        for found in strong:
            name = _clean_name(found)
            if name:
                scores[name] += 3
                full_names.append(name)
    for m in INTERVIEWED_BY.finditer(" ".join(lede)):  # the publication asking is not the interviewee
        scores.pop(m.group("who"), None)
    full_names = [n for n in full_names if n in scores]
    if not full_names:
        return None
    for para in list(lede) + list(body):
        for m in SAYS.finditer(para):
            said = m.group(1)
            for name in set(full_names):
                if name == said or name.split()[0] == said:
                    scores[name] += 3
        for name in set(full_names):
            first = name.split()[0]
            scores[name] += len(re.findall(rf"\b{re.escape(first)}\b(?!\s+[A-ZÅÄÖ])", para)) * 0.5
    name, score = scores.most_common(1)[0]
    return name if score >= 3 else None


def find_interviewer(lede: list[str]) -> str | None:
    for para in lede:
        if m := INTERVIEWED_BY.search(para):
            who = m.group("who")
            if who.split()[0] not in {"Vi", "Jag", "Vem", "Som", "Han", "Hon"}:
                return who
    return None


def expand_first_name(name: str, known: list[str]) -> str:
    for full in known:
        if full.split()[0] == name:
            return full
    return name
