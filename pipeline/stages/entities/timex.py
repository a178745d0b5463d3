"""TIME: dates with a day, month or year ("den 11 februari 2014", "september 2020", "våren 2016",
"1990-talet", "2023"). Years are four digits 1800-2099 that are not part of a reference number
("2023/24:347", "(2023:664)", "Ds 2022:14") or of an amount."""

from __future__ import annotations

import re

from pipeline.stages.entities.mentions import Mention

MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
SEASONS = "våren|sommaren|hösten|vintern"
YEAR = r"(?:1[89]\d\d|20\d\d)"
PATTERNS = [
    rf"\b(?:[Dd]en\s+)?\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{MONTHS})(?:\s+{YEAR})?\b",
    rf"\b(?:{MONTHS}|{SEASONS})\s+{YEAR}\b",
    rf"\b{YEAR}-[01]\d-[0-3]\d\b",
    r"\b(?:1[89]|20)?\d0-talet\b",
    rf"(?<![\d/:.,\-])\b{YEAR}\b(?![/:]\d|[.,]\d|\s\d{{3}}\b|-\d)",
]
TIME = re.compile("|".join(f"(?:{p})" for p in PATTERNS))
NOT_AFTER = re.compile(r"\s*(?:kronor|kr\b|miljoner|miljarder|personer|st\b|procent|%)")


def times(text: str) -> list[Mention]:
    out = []
    for m in TIME.finditer(text):
        if NOT_AFTER.match(text, m.end()) and m.group().isdigit():
            continue
        if m.start() >= 3 and text[m.start() - 3:m.start()] in ("Ds ", "SOU", "rop") and m.group().isdigit():
            continue
        out.append(Mention(m.start(), m.end(), m.group(), "TIME", m.group(), None, "time"))
    return out
