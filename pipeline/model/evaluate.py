"""Score a pipeline on a gold file with raw text in: the model tokenises and splits sentences itself.

.conllu  -> token acc, UPOS, XPOS, MORPH, LEMMA, UAS, LAS, sentence P/R/F (one Doc a paragraph)
.iob2    -> entity P/R/F (UNER format, # text gives the spacing)
.txt     -> entity P/R/F (klintan's token / IO-tag format, spacing reconstructed)
.spacy   -> a DocBin built by the recipe (UD if it has trees, else NER)
Entity figures are for PER/ORG/LOC (the labels all our NER test sets share) and per label.
"""
from __future__ import annotations

from pathlib import Path

from . import docs as docs_mod
from . import ner_data, paths
from .readers import read_conllu, read_iob2, spaces_from_text

CORE_LABELS = ("PER", "ORG", "LOC")


def gold_ud_docs(vocab, path: Path) -> list:
    sents = list(read_conllu(path))
    for s in sents:
        for t in s["tokens"]:
            t["space"] = "SpaceAfter=No" not in (t.get("misc") or "")
    return [docs_mod.ud_doc(vocab, g) for g in docs_mod.group_by_doc(sents, n=10_000)]


def gold_ner_docs(vocab, path: Path) -> list:
    path = Path(path)
    if path.suffix == ".iob2":
        items, groups = [], []
        for s in read_iob2(path):
            w = [t["form"] for t in s["tokens"]]
            if "newdoc id" in s["meta"] and items:
                groups.append(items)
                items = []
            items.append((w, [t["ner"] for t in s["tokens"]], spaces_from_text(w, s["text"])))
        groups.append(items)
        groups = [c for g in groups for c in docs_mod.chunks(g, 20)]
    else:
        items = [(w, t, ner_data.detokenise(w)) for w, t in ner_data.read_klintan(path)]
        groups = list(docs_mod.chunks(items, 20))
    return [docs_mod.ner_doc(vocab, g) for g in groups if g]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": 100 * p, "r": 100 * r, "f": 100 * (2 * p * r / (p + r) if p + r else 0.0), "n_gold": n_gold}


def entity_scores(examples, labels=CORE_LABELS) -> dict:
    """Exact-span P/R/F over character offsets, for the given labels together and each label."""
    out = {}
    for group in [tuple(labels)] + [(lab,) for lab in labels]:
        tp = n_pred = n_gold = 0
        for eg in examples:
            gold = {(e.start_char, e.end_char, e.label_) for e in eg.reference.ents if e.label_ in group}
            pred = {(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents if e.label_ in group}
            tp += len(gold & pred)
            n_pred += len(pred)
            n_gold += len(gold)
        out["/".join(group)] = _prf(tp, n_pred, n_gold)
    return out


def evaluate(path: Path, model: Path | None = None, nlp=None) -> dict:
    """Run the model on the raw text of each gold Doc and score it."""
    import spacy
    from spacy.training import Example

    nlp = nlp or spacy.load(model or paths.SHIPPED)
    path = Path(path)
    if path.suffix == ".spacy":  # a built DocBin (dev splits): UD if it carries trees
        from spacy.tokens import DocBin

        gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        is_ud = any(d.has_annotation("DEP") for d in gold)
    else:
        is_ud = path.suffix == ".conllu"
        gold = gold_ud_docs(nlp.vocab, path) if is_ud else gold_ner_docs(nlp.vocab, path)
    import time

    from spacy.scorer import Scorer

    # the whole pipeline, as users run it: proper_names reads the tags and sentences, and person_names
    # sets the tags of the words in persons' names
    start = time.perf_counter()
    preds = list(nlp.pipe(d.text for d in gold))
    seconds = time.perf_counter() - start
    examples = [Example(p, g) for p, g in zip(preds, gold)]
    res = Scorer(nlp).score(examples)
    if is_ud:
        keys = ("token_acc", "pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
                "sents_p", "sents_r", "sents_f")
        out = {k: 100 * res[k] for k in keys if res.get(k) is not None}
        return out | {"speed": sum(len(p) for p in preds) / seconds}
    return {"token_acc": 100 * res["token_acc"], "ents": entity_scores(examples)}


NAMES = {"token_acc": "tokens", "pos_acc": "UPOS", "tag_acc": "XPOS", "morph_acc": "MORPH",
         "lemma_acc": "LEMMA", "dep_uas": "UAS", "dep_las": "LAS", "sents_p": "sent P", "sents_r": "sent R",
         "sents_f": "sent F", "speed": "words/s"}


def format_scores(scores: dict) -> str:
    lines = []
    for k, v in scores.items():
        if k == "ents":
            for lab, s in v.items():
                lines.append(f"ents {lab:<12} P {s['p']:6.2f}  R {s['r']:6.2f}  F {s['f']:6.2f}  (gold {s['n_gold']})")
        else:
            lines.append(f"{NAMES.get(k, k):<10} {v:9.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    model = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    print(format_scores(evaluate(Path(sys.argv[1]), model)))
