"""Assemble the shipped pipeline: UD layers + NER (its own copy of a tok2vec) + Swedish tokenizer exceptions + meta."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import MODEL_NAME, VERSION, docs, inference, paths
from .agreement import FACTORY as SYNTAX_FEATURES
from .known_labels import FACTORY as KNOWN_LABELS
from .person_names import FACTORY as PERSON_NAMES
from .person_spans import FACTORY as PERSON_SPANS
from .proper_names import FACTORY as PROPER_NAMES
from .relation_rules import FACTORY as RELATION_RULES
from .tokenizer import add_swedish_exceptions

SOURCES = [
    {"name": "UD Swedish-Talbanken (dev; train rebuilt from UNER Talbanken, efselab and UD 1.0 train)",
     "url": "https://github.com/UniversalDependencies/UD_Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {"name": "UNER Swedish-Talbanken", "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken",
     "license": "CC BY-SA 4.0"},
    {"name": "efselab Talbanken tables (lemma, SUC, UPOS)", "url": "https://github.com/robertostling/efselab",
     "license": "data derived from Talbanken (CC BY-SA); repository GPL-3.0"},
    {"name": "swedish-ner-corpus (Webbnyheter 2012)", "url": "https://github.com/klintan/swedish-ner-corpus",
     "license": "CC BY 4.0"},
    {"name": "Eukalyptus treebank (Språkbanken; morphology and lemmas, converted to Talbanken's conventions)",
     "url": "https://github.com/spraakbanken/golddatatools", "license": "MIT (repository)"},
    {"name": "SUC 3.0 name layers (kb-labb/sucx3_ner): manual names for the senter's boundaries, the automatic "
             "(SweNER) layer as silver NER data; its text, with klintan's, as silver UD data (self-training)",
     "url": "https://github.com/kb-labb/sucx3_ner", "license": "CC BY 4.0 (SUC 3.0)"},
]


def lowercase_words(*dirs: Path) -> set[str]:
    """Lower-case word forms of the training corpora (gazetteer names equal to one are left out)."""
    import spacy

    return {t.text for doc in docs.load(spacy.blank("sv").vocab, *dirs) for t in doc if t.text.islower()}


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def assemble(ud_model: Path, ner_model: Path | None, out: Path | None = None, scores: dict | None = None,
             notes: dict | None = None, lookup_train: list[Path] | None = None, senter_model: Path | None = None,
             gazetteer_common: set | None = None, gender_text: Path | None = None) -> Path:
    """UD pipeline + sourced NER and senter, both before the parser (which then keeps the senter's
    boundaries, and the NER is not cut by them) (+ the seen-form lookup learnt on lookup_train) -> out."""
    import spacy

    out = Path(out or paths.SHIPPED)
    nlp = spacy.load(ud_model)
    if lookup_train:
        from .lookup import FACTORY

        lookup = nlp.add_pipe(FACTORY, after="trainable_lemmatizer")
        notes = dict(notes or {}, lookup_forms=lookup.learn(docs.load(nlp.vocab, *lookup_train)), lookup_feats=len(lookup.feats),
                     lookup_upos=len(lookup.pos))
        if gender_text:
            with open(gender_text, encoding="utf-8") as lines:
                notes["lookup_gender"] = lookup.learn_gender(lines)
    if ner_model:
        ner_nlp = spacy.load(ner_model)
        if "tok2vec" in ner_nlp.pipe_names:  # the NER gets its own copy: the UD layers keep theirs
            ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        if ner_nlp.vocab.vectors.shape[0] and not nlp.vocab.vectors.shape[0]:
            nlp.vocab.vectors = ner_nlp.vocab.vectors  # the UD tok2vec ignores them; the NER needs them
        nlp.add_pipe("ner", source=ner_nlp, before="parser")
        if gazetteer_common is not None:
            from .gazetteer import add_ruler

            # after the NER, filling its gaps: with the SUC silver in the NER's data, NER dev 82.78 after,
            # 82.07 first (its names win), 82.46 without (models/README.md)
            notes = dict(notes or {}, gazetteer_names=add_ruler(nlp, gazetteer_common, first=False))
    if senter_model:
        nlp.add_pipe("senter", source=spacy.load(senter_model), before="parser")
    nlp.add_pipe(RELATION_RULES, last=True)
    nlp.add_pipe(SYNTAX_FEATURES, last=True)
    if ner_model:  # after the parser: it reads the tags and the sentences
        from .gazetteer import curated_labels, person_titles

        nlp.add_pipe(PROPER_NAMES, last=True)
        nlp.add_pipe(PERSON_SPANS, last=True, config={"titles": person_titles()})
        nlp.add_pipe(KNOWN_LABELS, last=True, config={"names": curated_labels()})
        nlp.add_pipe(PERSON_NAMES, last=True)  # on the final entities
    add_swedish_exceptions(nlp)
    nlp.meta.update({
        "name": MODEL_NAME.split("_", 1)[1], "lang": "sv", "version": VERSION,
        "description": "intervju's Swedish CNN pipeline: tokenizer with Swedish exceptions, XPOS (SUC), "
                       "UPOS+FEATS, edit-tree lemmas, dependencies and sentences (parser), entities "
                       "PER/ORG/LOC/MISC. Trained by `intervju model train` from open corpora.",
        "author": "intervju contributors", "license": "CC BY-SA 4.0", "sources": SOURCES,
        "url": "https://github.com/intervju/intervju",
        "performance": scores or {}, "intervju": notes or {},
    })
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    inference.name_in_config(out)
    (out / "meta.json").write_text(json.dumps(nlp.meta, indent=2, ensure_ascii=False))
    return out
