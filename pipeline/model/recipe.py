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
UD_VECTORS = True
UD_STEPS = 2750  # with parameter averaging the best dev-B checkpoint came at 2,250-2,750 steps
NER_STEPS = 3500


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
    """The final recipe, settings chosen on dev-B / the NER dev (see models/README.md). Nothing is
    retrained on the held-out splits: the UD layers train on the rebuilt train + dev-A and keep the
    checkpoint best on dev-B, the NER trains on UNER train + 90% of klintan's train and keeps the
    checkpoint best on the NER dev (UNER dev + the other 10%). The seen-form lookup's tables are then
    learnt from every UD sentence outside the test split."""
    work, corpus = paths.BUILD, paths.BUILD / "corpus"
    if not skip_build:
        log(json.dumps(build.build_all(corpus, titlecase=0.15), indent=2, ensure_ascii=False))
        if UD_VECTORS:
            from . import vectors

            text = work / "raw" / "raw-text.txt"
            log(f"raw text: {vectors.prepare_text(text)} words")
            vectors.train_floret(text, work / "vectors", dim=96, bucket=25_000, epoch=5)
    runs = work / "train"
    if not skip_train:
        ud_ov = {"training.max_steps": UD_STEPS}
        if UD_VECTORS:
            ud_ov.update(_vector_overrides("components.tok2vec.model.embed"))
        # the UD layers and the senter train side by side, one core each (the machine has two); the NER
        # then starts from the trained UD tok2vec (same architecture, vectors included)
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=2) as pool:
            jobs = [pool.submit(train.train_one, "ud", out=runs / "ud", corpus=corpus, overrides=ud_ov),
                    pool.submit(train.train_one, "senter", out=runs / "senter", corpus=corpus)]
            [j.result() for j in jobs]
        ner_ov = {"training.max_steps": NER_STEPS, "paths.init_tok2vec": str(
            train.export_tok2vec(runs / "ud" / "model-best", runs / "ud-tok2vec.bin"))}
        if UD_VECTORS:
            ner_ov.update(_vector_overrides("components.tok2vec.model.embed"))
        train.train_one("ner", out=runs / "ner", corpus=corpus, overrides=ner_ov)
    parts = dict(ud_model=runs / "ud" / "model-best", ner_model=runs / "ner" / "model-best",
                 senter_model=runs / "senter" / "model-last",
                 lookup_train=[corpus / "ud-train", corpus / "ud-dev.spacy"],
                 gazetteer_common=package.lowercase_words(corpus / "ud-train", corpus / "ner-train"))
    staged = package.assemble(out=work / "staged", **parts)
    scores = score_all(staged, log)
    report_file = corpus / "report.json"
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    final = package.assemble(out=out or paths.SHIPPED, scores=scores, notes={"data_report": report}, **parts)
    log(f"model written to {final} ({package.dir_size(final) / 1e6:.1f} MB)")
    return final
