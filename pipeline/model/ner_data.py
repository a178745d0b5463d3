"""NER corpora as sentences of (forms, BIO tags): UNER Talbanken, klintan's swedish-ner-corpus, SUC gold."""
from __future__ import annotations

import re

from . import paths
from .readers import open_text, read_iob2

SUC_MAP = {"person": "PER", "place": "LOC", "inst": "ORG"}  # everything else -> MISC
LABELS = ("PER", "ORG", "LOC", "MISC")


def io_to_bio(tags: list[str]) -> list[str]:
    """IO tags (outside written 'O' or '0') to BIO; adjacent same-type tokens form one entity."""
    out, prev = [], "O"
    for t in tags:
        t = "O" if t in ("0", "O", "") else t
        if t == "O":
            out.append("O")
        else:
            out.append(("I-" if prev == t else "B-") + t)
        prev = t
    return out


def read_klintan(path) -> list[tuple[list[str], list[str]]]:
    """klintan format: token, whitespace, IO tag; blank line between sentences; soft hyphens removed."""
    sents, words, tags = [], [], []
    with open_text(path) as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    sents.append((words, io_to_bio(tags)))
                words, tags = [], []
                continue
            form = parts[0].replace("\u00ad", "")
            if not form:
                continue
            words.append(form)
            tags.append(parts[1] if len(parts) > 1 else "0")
    if words:
        sents.append((words, io_to_bio(tags)))
    return sents


def klintan_train(drop_test: bool = True) -> list[tuple[list[str], list[str]]]:
    """Deduplicated klintan train without the sentences that also occur in its test file."""
    test = {tuple(w) for w, _ in read_klintan(paths.KLINTAN / "test_corpus.txt")} if drop_test else set()
    seen, out = set(), []
    for words, tags in read_klintan(paths.KLINTAN / "train_corpus.txt"):
        key = tuple(words)
        if key in seen or key in test:
            continue
        seen.add(key)
        out.append((words, tags))
    return out


def read_suc_removed(path=None) -> list[tuple[list[str], list[str]]]:
    """Gold manual SUC <name> tags (column 2) mapped to PER/LOC/ORG/MISC."""
    sents, words, tags = [], [], []
    with open_text(path or paths.SUC_REMOVED) as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                if words:
                    sents.append((words, tags))
                words, tags = [], []
                continue
            words.append(parts[0])
            tag = parts[1]
            if tag != "O":
                prefix, kind = tag.split("-", 1)
                tag = f"{prefix}-{SUC_MAP.get(kind, 'MISC')}"
            tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents


def read_uner(split: str) -> list[dict]:
    return list(read_iob2(paths.UNER / f"sv_talbanken-ud-{split}.iob2"))


_NO_SPACE_BEFORE = re.compile(r"^[.,:;!?)\]}%»”]+$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{«“]$")


def detokenise(words: list[str]) -> list[bool]:
    """Plausible spacing for corpora without it (no space before closing punctuation)."""
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and not _NO_SPACE_BEFORE.match(nxt) and not _NO_SPACE_AFTER.match(w))
    if spaces:
        spaces[-1] = True
    return spaces


# KBLab writes persons PER (SUC itself says PRS): both map to PER
SILVER_MAP = {"PER": "PER", "PRS": "PER", "LOC": "LOC", "ORG": "ORG", "WRK": "MISC", "EVN": "MISC", "OBJ": "MISC"}


def read_suc_silver(exclude: set | None = None) -> list[tuple[list[str], list[str]]]:
    """SUC's automatic (SweNER) layer from KBLab's dev.jsonl: PER (PRS)->PER, LOC, ORG, WRK/EVN/OBJ->MISC,
    TME/MSR and mixed labels dropped; sentences that are also in the gold sample are left out."""
    import json

    exclude = exclude or set()
    out = []
    with open_text(paths.SUC_DEV) as fh:
        for line in fh:
            rec = json.loads(line)
            words = rec["tokens"]
            if tuple(words) in exclude:
                continue
            out.append((words, io_to_bio([SILVER_MAP.get(t, "O") for t in rec["ner_tags"]])))
    return out


def capitalised_names(words: list[str], tags: list[str]) -> tuple[list[str], int]:
    """Tags with entities that have no capital letter ("riksdagen", "polisen") made O, as UNER annotates
    and the pipeline's proper_names keeps (NER dev 81.89 -> 82.46 at the same seed and start); and how
    many were dropped."""
    out, dropped = list(tags), 0
    for start, end, _ in spans(tags):
        if not any(ch.isupper() for w in words[start:end] for ch in w):
            out[start:end] = ["O"] * (end - start)
            dropped += 1
    return out, dropped


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) spans of a BIO sequence."""
    out, start, label = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == label):
            out.append((start, i, label))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, label = i, t[2:]
    return out


def harmonise_labels(target: list, reference: list, min_count: int = 2, min_share: float = 0.8):
    """Relabel target entities whose text the reference corpora label otherwise (SUC tags countries as
    'inst' where UNER and klintan say LOC). Returns (sentences, number relabelled)."""
    from collections import Counter, defaultdict

    seen = defaultdict(Counter)
    for words, tags in reference:
        for s, e, lab in spans(tags):
            seen[" ".join(words[s:e])][lab] += 1
    out, moved = [], 0
    for words, tags in target:
        tags = list(tags)
        for s, e, lab in spans(tags):
            dist = seen.get(" ".join(words[s:e]))
            if not dist:
                continue
            best, n = dist.most_common(1)[0]
            if best != lab and n >= min_count and n / sum(dist.values()) >= min_share:
                tags[s:e] = [f"B-{best}"] + [f"I-{best}"] * (e - s - 1)
                moved += 1
        out.append((words, tags))
    return out, moved
