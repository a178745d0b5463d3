"""Reading a topic taxonomy (TOML) into compiled cues, with errors that name the file and the line.

Format (configs/topics.toml is the default):

    [settings]
    threshold = 1.0            # evidence weight a turn needs before a topic is assigned

    [[topic]]
    id = "competition"         # the label written to the output
    name = "Konkurrens"
    threshold = 1.0            # optional, overrides the default
    cues = ["konkurrens", "anbud-", "antal ... anbud", "leverantörsdialog^2", "!konkurrenskraft"]
    # `lemmas = [...]` and `patterns = [...]` are accepted too and read the same way

A cue is written in lemmas (base forms), matched on the model's lemmas and on the lower-cased words:
- `anbud`        the lemma and its inflections ("anbuden"), and compounds that end in it ("totalanbud");
                 cues of four letters or fewer match whole words only ("lag" does not match "förslag")
- `anbud-`       also compounds that begin with it ("anbudsgivare", "anbudsutvärdering")
- `=lag`         whole words only, whatever the length
- `dialog med marknad-`  consecutive words; `antal ... anbud` allows up to three words between
- `^2`, `^0.5`   the cue's weight (default 1)
- `!konkurrenskraft`     words beginning like this never count for the topic
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import ConfigError

INFLECTION = ("|e|a|n|en|et|er|ar|or|na|erna|arna|orna|ernas|arnas|ornas|ens|ets|s|es|ns|t|ts|ade|at|ad|ande"
              "|ende|are|aren|arens|arna|ig|iga|igt|isk|iska|iskt|ell|ella|ellt|heten|heter")
GAP = "..."
CUE_KEYS = ("cues", "lemmas", "patterns")  # the same syntax under any of these names


@dataclass(frozen=True)
class Element:
    pattern: re.Pattern

    def matches(self, words: tuple[str, ...]) -> bool:
        return any(self.pattern.match(w) for w in words)


@dataclass(frozen=True)
class Cue:
    text: str
    elements: tuple[Element | None, ...]  # None marks a gap
    weight: float = 1.0


@dataclass
class Topic:
    id: str
    name: str
    cues: list[Cue]
    excludes: list[str] = field(default_factory=list)
    threshold: float = 1.0


def compile_element(word: str) -> Element:
    whole = word.startswith("=")
    modifier = word.endswith("-") and len(word) > 1
    core = re.escape(word.strip("=").rstrip("-").lower())
    if whole or len(core) <= 4:
        head = rf"{core}(?:{INFLECTION})"
    else:
        head = rf"(?:\w{{2,}}?)?{core}(?:{INFLECTION})"
    body = rf"{head}|{core}(?:s|-)?\w{{3,}}" if modifier else head
    return Element(re.compile(rf"^(?:{body})$"))


def compile_cue(raw: str) -> Cue:
    text, weight = raw, 1.0
    if "^" in raw:
        text, w = raw.rsplit("^", 1)
        weight = float(w)
    parts = text.split()
    if not parts or parts[0] == GAP or parts[-1] == GAP:
        raise ValueError("a cue needs at least one word and cannot begin or end with '...'")
    return Cue(text, tuple(None if p == GAP else compile_element(p) for p in parts), weight)


def _line_of(source: str, needle: str) -> int:
    for n, line in enumerate(source.splitlines(), 1):
        if needle in line:
            return n
    return 1


def load_taxonomy(path: Path) -> list[Topic]:
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the topic taxonomy ({err.strerror})") from err
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as err:
        m = re.search(r"line (\d+)", str(err))
        line = m.group(1) if m else max(1, len(source.splitlines()))
        raise ConfigError(f"{path}, line {line}: not valid TOML: {err}") from err
    default = data.get("settings", {}).get("threshold", 1.0)
    topics = data.get("topic")
    if not isinstance(topics, list) or not topics:
        raise ConfigError(f"{path}, line 1: no [[topic]] tables: a taxonomy needs at least one topic")
    out, seen = [], set()
    for n, t in enumerate(topics, 1):
        tid = t.get("id")
        where = f"{path}, line {_line_of(source, repr(tid)[1:-1]) if tid else _nth_table(source, n)}"
        if not isinstance(tid, str) or not re.fullmatch(r"[\w\-]+", tid):
            raise ConfigError(f"{where}: topic #{n} needs an 'id' made of letters, digits, '_' or '-'")
        if tid in seen:
            raise ConfigError(f"{where}: topic id {tid!r} is defined twice")
        seen.add(tid)
        lists = [t[k] for k in CUE_KEYS if k in t]
        cues = [c for lst in lists if isinstance(lst, list) for c in lst]
        if not cues or not all(isinstance(lst, list) for lst in lists) or not all(isinstance(c, str) for c in cues):
            raise ConfigError(f"{where}: topic {tid!r} needs 'cues' (or 'lemmas', 'patterns'), a non-empty list of strings")
        compiled, excludes = [], []
        for c in cues:
            if c.startswith("!"):
                excludes.append(c[1:].lower())
                continue
            try:
                compiled.append(compile_cue(c))
            except ValueError as err:
                raise ConfigError(f"{path}, line {_line_of(source, c)}: topic {tid!r}, cue {c!r}: {err}") from None
        threshold = t.get("threshold", default)
        if not isinstance(threshold, (int, float)) or threshold <= 0:
            raise ConfigError(f"{where}: topic {tid!r}: 'threshold' must be a positive number")
        out.append(Topic(tid, str(t.get("name", tid)), compiled, excludes, float(threshold)))
    return out


def _nth_table(source: str, n: int) -> int:
    lines = [i for i, line in enumerate(source.splitlines(), 1) if line.strip() == "[[topic]]"]
    return lines[n - 1] if n <= len(lines) else 1
