"""Plain readers for the corpus formats: CoNLL-U / CoNLL-X, UNER .iob2, efselab .tab, token-tag files.

Every reader yields sentences as dicts: {"id", "text", "meta", "tokens": [dict, ...]}.
"""
from __future__ import annotations

import lzma
from pathlib import Path
from typing import Iterator


def open_text(path: Path):
    path = Path(path)
    if path.suffix == ".xz":
        return lzma.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _blocks(path: Path) -> Iterator[tuple[list[str], list[list[str]]]]:
    comments: list[str] = []
    rows: list[list[str]] = []
    with open_text(path) as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield comments, rows
                comments, rows = [], []
            elif line.startswith("#") and not rows:
                comments.append(line)
            else:
                rows.append(line.split("\t"))
    if rows:
        yield comments, rows


def _meta(comments: list[str]) -> dict:
    meta = {}
    for c in comments:
        body = c.lstrip("#").strip()
        if " = " in body:
            k, v = body.split(" = ", 1)
            meta[k.strip()] = v
        elif body.startswith(("newdoc", "newpar")):
            meta[body.split()[0]] = ""
    return meta


CONLLU_FIELDS = ("id", "form", "lemma", "upos", "xpos", "feats", "head", "deprel", "deps", "misc")


def read_conllu(path: Path) -> Iterator[dict]:
    """CoNLL-U (or the 10-column CoNLL-X of UD 1.0); multiword-token and empty-node lines are skipped."""
    for comments, rows in _blocks(path):
        toks = []
        for r in rows:
            if "-" in r[0] or "." in r[0]:
                continue
            t = dict(zip(CONLLU_FIELDS, r))
            t["id"] = int(t["id"])
            t["head"] = int(t["head"]) if t.get("head", "_") not in ("_", "") else None
            toks.append(t)
        meta = _meta(comments)
        yield {"id": meta.get("sent_id"), "text": meta.get("text"), "meta": meta, "tokens": toks}


def read_iob2(path: Path) -> Iterator[dict]:
    """UNER .iob2: id, form, BIO tag, and two unused columns; # sent_id and # text comments."""
    for comments, rows in _blocks(path):
        meta = _meta(comments)
        toks = [{"id": int(r[0]), "form": r[1], "ner": r[2]} for r in rows]
        yield {"id": meta.get("sent_id"), "text": meta.get("text"), "meta": meta, "tokens": toks}


def read_efselab(path: Path) -> Iterator[dict]:
    """efselab .tab: LEMMA, SUC coarse tag, SUC full tag (XPOS), UPOS; no forms."""
    for _, rows in _blocks(path):
        toks = [{"lemma": r[0], "suc": r[1], "xpos": r[2], "upos": r[3]} for r in rows]
        yield {"id": None, "text": None, "meta": {}, "tokens": toks}


def spaces_from_text(forms: list[str], text: str | None) -> list[bool]:
    """Whether each token is followed by a space, recovered by walking the sentence text."""
    if not text:
        return [True] * len(forms)
    spaces, pos = [], 0
    for form in forms:
        start = text.find(form, pos)
        if start < 0:  # form not in text: fall back to a space
            spaces.append(True)
            continue
        pos = start + len(form)
        spaces.append(pos < len(text) and text[pos].isspace())
    if spaces:
        spaces[-1] = True
    return spaces
