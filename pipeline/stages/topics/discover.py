"""Topic discovery over a processed corpus: NMF or LDA on the lemmas of each turn, Swedish stop words out."""

from __future__ import annotations

import json
from pathlib import Path

CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}


def plausible(lemma: str, form: str, upos: str) -> bool:
    """Swedish nouns and adjectives inflect by endings, so their lemma shares all but its last letter
    with the word; a lemma that does not ('ukrainasma' for 'ukrainas') is an artefact of the model."""
    if upos in ("VERB", "AUX"):
        return lemma[:2] == form[:2]
    return len(lemma) <= len(form) + 1 and form.startswith(lemma[:-1])


def units(out_dir: Path):
    """(document id, turn id or None, lemma text) for every turn; a document without turns is one unit."""
    from spacy.lang.sv.stop_words import STOP_WORDS

    for path in sorted(Path(out_dir).rglob("*.json")):
        if path.name.startswith("_") or "errors" in path.parts:
            continue
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(doc, dict) or "tokens" not in doc:
            continue
        tokens = doc["tokens"]
        tagged = any(t.get("upos") for t in tokens)

        def lemmas(start: int, end: int) -> str:
            out = []
            for t in tokens:
                if start <= t["start"] < end and (not tagged or t["upos"] in CONTENT_POS):
                    lemma, form = (t.get("lemma") or t["text"]).lower(), t["text"].lower()
                    if not plausible(lemma, form, t.get("upos", "")):
                        lemma = form
                    if len(lemma) > 2 and lemma.isalpha() and lemma not in STOP_WORDS:
                        out.append(lemma)
            return " ".join(out)

        spans = [(t["id"], t["start"], t["end"]) for t in doc.get("turns", [])] or [(None, 0, len(doc["text"]))]
        for tid, start, end in spans:
            yield doc["id"], tid, lemmas(start, end)


def discover_topics(out_dir: Path, k: int, method: str, seed: int, top: int) -> dict:
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    rows = [u for u in units(out_dir) if u[2]]
    if len(rows) < k:
        raise ValueError(f"{out_dir}: only {len(rows)} turns with content words; need at least {k}")
    texts = [r[2] for r in rows]
    if method == "lda":
        vec = CountVectorizer(min_df=2, max_df=0.5)
        model = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method="batch")
    else:
        vec = TfidfVectorizer(min_df=2, max_df=0.5, sublinear_tf=True)
        model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=500)
    x = vec.fit_transform(texts)
    weights = model.fit_transform(x)
    terms = vec.get_feature_names_out()
    found = []
    for c, comp in enumerate(model.components_):
        order = comp.argsort()[::-1][:top]
        carriers = [(i, float(weights[i, c])) for i in range(len(rows))
                    if weights[i, c] > 0 and weights[i].argmax() == c]
        carriers.sort(key=lambda p: -p[1])
        found.append({"id": c, "top_terms": [str(terms[i]) for i in order],
                      "turns": [{"document": rows[i][0], "turn": rows[i][1], "weight": round(w, 4)}
                                for i, w in carriers]})
    return {"method": method, "seed": seed, "documents": len({r[0] for r in rows}), "units": len(rows),
            "topics": found}
