"""Compare lemmatisers on gold tokens of a dev file: edit-tree (trained), lookup, and both combined.

lookup: the most frequent training lemma of (form, UPOS), then of form, then of lower-cased form,
        else the form itself.  combined: lookup where the form was seen in training, else edit-tree.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path


def lookup_tables(train_docs) -> tuple[dict, dict, dict]:
    by_pos, by_form, by_lower = defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)
    for doc in train_docs:
        for t in doc:
            by_pos[(t.text, t.pos_)][t.lemma_] += 1
            by_form[t.text][t.lemma_] += 1
            by_lower[t.text.lower()][t.lemma_] += 1
    best = lambda d: {k: v.most_common(1)[0][0] for k, v in d.items()}  # noqa: E731
    return best(by_pos), best(by_form), best(by_lower)


def compare(model: Path, train_dir: Path, dev: Path) -> dict:
    import spacy

    from . import docs

    nlp = spacy.load(model)
    by_pos, by_form, by_lower = lookup_tables(docs.load(nlp.vocab, train_dir))
    gold = docs.load(nlp.vocab, dev)
    hits = Counter()
    n = 0
    for g in gold:
        from spacy.tokens import Doc

        pred = nlp(Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]))
        for gt, pt in zip(g, pred):
            n += 1
            seen = (gt.text, pt.pos_) in by_pos or gt.text in by_form
            look = by_pos.get((gt.text, pt.pos_)) or by_form.get(gt.text) or by_lower.get(gt.text.lower()) or gt.text
            hits["edit_tree"] += pt.lemma_ == gt.lemma_
            hits["lookup"] += look == gt.lemma_
            hits["combined"] += (look if seen else pt.lemma_) == gt.lemma_
            hits["oracle_either"] += gt.lemma_ in (look, pt.lemma_)
    return {k: 100 * v / n for k, v in hits.items()}


if __name__ == "__main__":
    import sys

    print(compare(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
