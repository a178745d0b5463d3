"""Lookup corrections for the edit-tree lemmatizer, shipped as a built-in attribute_ruler.

The ablation (lemma_ablation.py) shows that a lookup of lemmas seen in training beats the edit trees on
known forms. A full lookup table needs custom code at load time; instead the forms whose training lemma
the edit trees get wrong (with a consistent training lemma) become attribute_ruler patterns
{ORTH, POS} -> LEMMA, which every spaCy can load.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path


def correction_patterns(nlp, train_docs, min_count: int = 2, min_share: float = 0.9) -> list[dict]:
    """attribute_ruler patterns for (form, UPOS) the model lemmatises wrongly on its own training data."""
    from spacy.tokens import Doc

    gold_lemmas, wrong = defaultdict(Counter), Counter()
    for g in train_docs:
        pred = nlp(Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]))
        for gt, pt in zip(g, pred):
            key = (gt.text, pt.pos_)
            gold_lemmas[key][gt.lemma_] += 1
            if pt.lemma_ != gt.lemma_:
                wrong[key] += 1
    patterns = []
    for (form, pos), n_wrong in wrong.items():
        lemma, n = gold_lemmas[(form, pos)].most_common(1)[0]
        total = sum(gold_lemmas[(form, pos)].values())
        if total >= min_count and n / total >= min_share and n_wrong * 2 >= total:
            patterns.append({"patterns": [[{"ORTH": form, "POS": pos}]], "attrs": {"LEMMA": lemma}})
    return patterns


def add_corrections(nlp, train_dir: Path) -> int:
    """Add an attribute_ruler after the lemmatizer with the correction patterns; returns their number."""
    from spacy.tokens import DocBin

    train = [d for f in sorted(Path(train_dir).glob("*.spacy")) for d in DocBin().from_disk(f).get_docs(nlp.vocab)]
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p in ("ner", "lemma_fixes")]):
        patterns = correction_patterns(nlp, train)
    ruler = nlp.add_pipe("attribute_ruler", name="lemma_fixes", after="trainable_lemmatizer")
    ruler.add_patterns(patterns)
    return len(patterns)
