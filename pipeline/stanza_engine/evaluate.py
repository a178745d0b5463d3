"""Score a stanza model folder on a gold .conllu file with raw text in, exactly as the spaCy model is scored.

The gold file is read into spaCy Docs by pipeline.model.evaluate.gold_ud_docs (one Doc a paragraph);
stanza annotates the raw text of each, the result becomes a spaCy Doc through the same conversion the
language stage uses (pipeline.stages.language_stanza.spacy_doc), and spaCy's Scorer computes the same
figures as `intervju model evaluate`: token accuracy, UPOS, XPOS, MORPH, LEMMA, UAS, LAS, sentence P/R/F.
Speed is words (tokens) per second of the stanza call alone, with torch held to one thread (one core).
"""
from __future__ import annotations

import time
from pathlib import Path


def predicted_docs(nlp, texts: list[str], vocab, batch: int = 32) -> tuple[list, float]:
    from pipeline.stages.language_stanza import piece_tokens, run_stanza, spacy_doc

    docs, seconds = [], 0.0
    for b in range(0, len(texts), batch):
        chunk = texts[b:b + batch]
        started = time.perf_counter()
        sdocs = run_stanza(nlp, chunk)
        seconds += time.perf_counter() - started
        for text, sdoc in zip(chunk, sdocs):
            toks, ents = piece_tokens(sdoc, text) if text.strip() else ([], [])
            docs.append(spacy_doc(text, toks, ents, vocab))
    return docs, seconds


def evaluate(path: Path, stanza_dir: Path, threads: int = 1) -> dict:
    """Scores (percentages) and words/s of the stanza models in `stanza_dir` on a gold file:
    .conllu (UD: tokens, tags, lemmas, trees, sentences) or .iob2 / klintan .txt (entities, PER/ORG/LOC)."""
    import spacy
    from spacy.scorer import Scorer
    from spacy.training import Example

    from pipeline.model.evaluate import entity_scores, gold_ner_docs, gold_ud_docs
    from pipeline.stages.language_stanza import load_stanza

    path = Path(path)
    if path.suffix not in (".conllu", ".iob2", ".txt"):
        raise ValueError(f"{path}: expected a .conllu (UD), .iob2 (UNER) or klintan .txt (NER) file")
    p, nlp = load_stanza(str(Path(stanza_dir).resolve()), threads)
    vocab = spacy.blank("sv").vocab
    if path.suffix != ".conllu":
        if "ner" not in p.processors:
            raise ValueError(f"{p.root} has no NER model to score on {path.name}")
        gold = gold_ner_docs(vocab, path)
        preds, _ = predicted_docs(nlp, [d.text for d in gold], vocab)
        examples = [Example(pr, g) for pr, g in zip(preds, gold)]
        return {"token_acc": 100 * Scorer.score_tokenization(examples)["token_acc"], "ents": entity_scores(examples)}
    gold = gold_ud_docs(vocab, path)
    preds, seconds = predicted_docs(nlp, [d.text for d in gold], vocab)
    examples = [Example(p, g) for p, g in zip(preds, gold)]
    scorer = Scorer(default_lang="sv", default_pipeline=("senter", "tagger", "morphologizer", "parser",
                                                          "trainable_lemmatizer"))
    res = scorer.score(examples)
    keys = ("token_acc", "pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
            "sents_p", "sents_r", "sents_f")
    out = {k: 100 * res[k] for k in keys if res.get(k) is not None}
    words = sum(1 for d in preds for t in d if not t.is_space)
    return out | {"speed": words / seconds if seconds else 0.0}


def format_scores(scores: dict) -> str:
    from pipeline.model.evaluate import format_scores as fmt

    return fmt(scores)


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("stanza_dir", type=Path, nargs="?", default=None)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    from pipeline.stanza_engine.recipe import SHIPPED

    print(format_scores(evaluate(a.file, a.stanza_dir or SHIPPED, a.threads)))
