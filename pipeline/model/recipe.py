"""The whole recipe behind `intervju model train`: build data, train, evaluate, package."""
from __future__ import annotations

import json
from pathlib import Path

from . import build, evaluate, package, paths, train

TEST_SETS = {
    "talbanken_test": paths.TALBANKEN_TEST,
    "uner_talbanken_test": paths.UNER / "sv_talbanken-ud-test.iob2",
    "klintan_test": paths.KLINTAN / "test_corpus.txt",
}
# the shipped choice, from the ablations in models/README.md
NER_VECTORS = False
UD_VECTORS = True


def score_all(model: Path, log=print) -> dict:
    import spacy

    nlp = spacy.load(model)
    scores = {}
    for name, path in TEST_SETS.items():
        scores[name] = evaluate.evaluate(path, nlp=nlp)
        log(f"== {name} ({path.name}, raw text in)\n{evaluate.format_scores(scores[name])}")
    return scores


def _vector_overrides(component_embed: str) -> dict:
    return {"paths.vectors": str(paths.BUILD / "vectors" / "spacy-vectors"),
            f"{component_embed}.include_static_vectors": True}


def run(out: Path | None = None, skip_build: bool = False, skip_train: bool = False, log=print) -> Path:
    """The final recipe: settings chosen on dev-B / the NER dev (see models/README.md), then the UD layers
    retrained on train + the whole dev split and the NER on UNER train+dev and all of klintan's train,
    for the chosen number of steps (model-last: the dev split is no longer held out)."""
    work, corpus = paths.BUILD, paths.BUILD / "corpus"
    if not skip_build:
        log(json.dumps(build.build_all(corpus, full_dev=True, titlecase=0.15), indent=2, ensure_ascii=False))
        if NER_VECTORS or UD_VECTORS:
            from . import vectors

            text = work / "raw" / "raw-text.txt"
            log(f"raw text: {vectors.prepare_text(text)} words")
            vectors.train_floret(text, work / "vectors", dim=96, bucket=25_000, epoch=5)
    runs = work / "train"
    if not skip_train:
        ud_ov = {"training.max_steps": 2250}
        if UD_VECTORS:
            ud_ov.update(_vector_overrides("components.tok2vec.model.embed"))
        train.train_one("ud", out=runs / "ud", corpus=corpus, overrides=ud_ov)
        ner_ov = {"training.max_steps": 2750, "paths.train": str(corpus / "ner-train-final")}
        if NER_VECTORS:
            ner_ov.update(_vector_overrides("components.ner.model.tok2vec.embed"))
        train.train_one("ner", out=runs / "ner", corpus=corpus, overrides=ner_ov)
        train.train_one("senter", out=runs / "senter", corpus=corpus)
    parts = dict(ud_model=runs / "ud" / "model-last", ner_model=runs / "ner" / "model-last",
                 senter_model=runs / "senter" / "model-last", lookup_train=corpus / "ud-train",
                 gazetteer_common=package.lowercase_words(corpus / "ud-train", corpus / "ner-train"))
    staged = package.assemble(out=work / "staged", **parts)
    scores = score_all(staged, log)
    report_file = corpus / "report.json"
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    final = package.assemble(out=out or paths.SHIPPED, scores=scores, notes={"data_report": report}, **parts)
    log(f"model written to {final} ({package.dir_size(final) / 1e6:.1f} MB)")
    return final
