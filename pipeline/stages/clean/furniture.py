"""Recognising web furniture (comment forms, share and cookie lines, photo credits) by configured patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ACTIONS = {"remove", "comments_start", "comments_end", "credit"}


@dataclass(frozen=True)
class Pattern:
    kind: str
    action: str
    regex: re.Pattern


@lru_cache(maxsize=8)
def load_patterns(path: Path) -> tuple[Pattern, ...]:
    from pipeline.config import ConfigError, read_toml

    data = read_toml(path, "furniture patterns")
    patterns = []
    for i, p in enumerate(data.get("pattern", []), 1):
        if p.get("action") not in ACTIONS:
            raise ConfigError(f"{path}: pattern #{i}: action must be one of {sorted(ACTIONS)}")
        try:
            patterns.append(Pattern(p["kind"], p["action"], re.compile(p["regex"], re.IGNORECASE)))
        except (KeyError, re.error) as err:
            raise ConfigError(f"{path}: pattern #{i}: {err}") from err
    return tuple(patterns)


def match(patterns: tuple[Pattern, ...], text: str) -> tuple[Pattern, re.Match] | None:
    for p in patterns:
        m = p.regex.search(text) if p.action == "credit" else p.regex.fullmatch(text)
        if m:
            return p, m
    return None
