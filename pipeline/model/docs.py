"""Turn token dicts into spaCy Docs and DocBins (several sentences a Doc, so sentence splitting is learnt)."""
from __future__ import annotations

from pathlib import Path


def ud_doc(vocab, sents: list[dict], with_ents: bool = False):
    """One Doc from consecutive sentences; trees only where every sentence has one."""
    from spacy.tokens import Doc

    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts, ents = ([] for _ in range(10))
    has_tree = all(s["tokens"][0].get("head") is not None for s in sents)
    for s in sents:
        offset = len(words)
        for i, t in enumerate(s["tokens"]):
            words.append(t["form"])
            spaces.append(t.get("space", True))
            tags.append(t["xpos"])
            pos.append(t["upos"])
            morphs.append("" if t["feats"] in ("_", None) else t["feats"])
            lemmas.append(t["lemma"])
            starts.append(i == 0)
            ents.append(t.get("ner", "O"))
            if has_tree:
                heads.append(offset + (t["head"] - 1 if t["head"] else i))
                deps.append("ROOT" if t["deprel"] == "root" else t["deprel"])  # spaCy's root label
    if spaces:
        spaces[-1] = True
    kw = dict(words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas)
    if has_tree:
        kw.update(heads=heads, deps=deps)
    else:
        kw.update(sent_starts=starts)
    if with_ents:
        kw.update(ents=ents)
    doc = Doc(vocab, **kw)
    for token, p, m in zip(doc, pos, morphs):
        if not p and not m:  # no UPOS and no FEATS is missing annotation, not an empty analysis
            token.set_morph(None)
    return doc


def ner_doc(vocab, sents: list[tuple[list[str], list[str], list[bool]]]):
    """One Doc with entities (BIO) from several sentences of (words, tags, spaces)."""
    from spacy.tokens import Doc

    words, spaces, tags, starts = [], [], [], []
    for w, t, sp in sents:
        words += w
        spaces += sp
        tags += t
        starts += [True] + [False] * (len(w) - 1)
    return Doc(vocab, words=words, spaces=spaces, ents=tags, sent_starts=starts)


def chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def group_by_doc(sents: list[dict], n: int = 10):
    """Groups of up to n consecutive sentences that share a newdoc (or newpar) and all have trees or not."""
    group = []
    for s in sents:
        new = "newdoc id" in s["meta"] or "newpar id" in s["meta"]
        tree = s["tokens"][0].get("head") is not None
        if group and (new or len(group) >= n or tree != (group[0]["tokens"][0].get("head") is not None)):
            yield group
            group = []
        group.append(s)
    if group:
        yield group


def save(docs, path: Path) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def load(vocab, *sources: Path) -> list:
    """The Docs of DocBin files, given as files or folders of *.spacy files (read in name order)."""
    from spacy.tokens import DocBin

    files = [f for p in map(Path, sources) for f in (sorted(p.glob("*.spacy")) if p.is_dir() else [p])]
    return [d for f in files for d in DocBin().from_disk(f).get_docs(vocab)]
