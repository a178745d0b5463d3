"""The whole recipe behind `intervju model train`: build data, train, evaluate, package."""
from __future__ import annotations

import json
from pathlib import Path

from . import build, eukalyptus, evaluate, package, paths, selftrain, train

TEST_SETS = {
    "talbanken_test": paths.TALBANKEN_TEST,
    "uner_talbanken_test": paths.UNER / "sv_talbanken-ud-test.iob2",
    "klintan_test": paths.KLINTAN / "test_corpus.txt",
}
# the shipped choice, from the ablations in models/README.md
UD_VECTORS = True
UD_STEPS = 6000  # best dev-B checkpoints: 3,250-5,000 (seeds 0-2, 0.6.0 data); 2,250-2,750 without Eukalyptus
UD_SEED = 0  # of seeds 0, 1, 2 with the 64 x 2 parser (0.11.0), dev-B LAS 77.92 / 77.41 / 77.84, UPOS 96.45 / 96.34 / 96.41
# fine-tune the UD layers on silver trees of the NER corpora (selftrain.py) before the NER starts from
# their tok2vec: dev-B LAS +0.93, MORPH +0.26; NER dev 82.95 -> 84.25 (models/README.md)
UD_SELF_TRAIN = True
NER_STEPS = 3500
NER_SEED = 2  # of seeds 0, 1, 2 from the UD tok2vec: NER dev 79.42, 79.68, 80.97 (0.6.0 data); 81.05, 79.84, 82.46 in the pipeline (0.7.0)
# spacy pretrain of the UD tok2vec over raw-text, epochs (12.5M words, ~50 minutes each). One epoch moved
# dev-B UPOS/MORPH +0.2 but LAS -0.5 and sentence F -1.8 (models/README.md): not worth 50 minutes, off
PRETRAIN_EPOCHS = 0
PRETRAIN_DOCS = 0  # all of raw-text's ~69,000 documents of ~150 words (a smaller number for a quick trial run)


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


def _train_all(work: Path, corpus: Path, runs: Path, parts: dict) -> Path:
    """The senter trains beside the tok2vec pretraining (or beside the UD layers), one core each (the
    machine has two); the UD layers start from the pretrained tok2vec and are then self-trained on silver
    from the pipeline without entities (parts: its lookup and senter); the NER starts from the final UD
    tok2vec (same architecture, vectors included). Returns the final UD layers."""
    from concurrent.futures import ProcessPoolExecutor

    vec = _vector_overrides("components.tok2vec.model.embed") if UD_VECTORS else {}
    ud_ov = {"training.max_steps": UD_STEPS, "training.patience": UD_STEPS // 2, "system.seed": UD_SEED, **vec}
    with ProcessPoolExecutor(max_workers=2) as pool:
        senter = pool.submit(train.train_one, "senter", out=runs / "senter", corpus=corpus)
        if PRETRAIN_EPOCHS:
            from . import pretrain

            raw = work / "raw" / "raw-text.jsonl"
            pretrain.prepare_jsonl(work / "raw" / "raw-text.txt", raw, max_docs=PRETRAIN_DOCS)
            ud_ov["paths.init_tok2vec"] = str(pretrain.pretrain(
                raw, work / "pretrain", work / "vectors" / "spacy-vectors" if UD_VECTORS else None, PRETRAIN_EPOCHS))
        train.train_one("ud", out=runs / "ud", corpus=corpus, overrides=ud_ov)
        senter.result()
    ud = runs / "ud" / "model-best"
    if UD_SELF_TRAIN:
        without_entities = package.assemble(out=work / "staged", **dict(parts, ud_model=ud, ner_model=None))
        ud = selftrain.run(without_entities, corpus, runs)
    ner_ov = {"training.max_steps": NER_STEPS, "system.seed": NER_SEED, **vec, "paths.init_tok2vec": str(
        train.export_tok2vec(ud, runs / "ud-tok2vec.bin"))}
    train.train_one("ner", out=runs / "ner", corpus=corpus, overrides=ner_ov)
    return ud


def run(out: Path | None = None, skip_build: bool = False, skip_train: bool = False, log=print) -> Path:
    """The final recipe, settings chosen on dev-B / the NER dev (see models/README.md). Nothing is
    retrained on the held-out splits: the UD layers train on the rebuilt train + dev-A and keep the
    checkpoint best on dev-B, the NER trains on UNER train + 90% of klintan's train and keeps the
    checkpoint best on the NER dev (UNER dev + the other 10%). Between the two, the UD layers are
    fine-tuned on silver trees of the NER corpora beside the gold (selftrain.py), again best on dev-B,
    and the NER starts from their tok2vec. The seen-form lookup's tables are then
    learnt from every UD sentence outside the test split."""
    work, corpus = paths.BUILD, paths.BUILD / "corpus"
    if not skip_build:
        log(json.dumps(build.build_all(corpus, titlecase=0.15), indent=2, ensure_ascii=False))
        if UD_VECTORS or PRETRAIN_EPOCHS:
            from . import vectors

            text = work / "raw" / "raw-text.txt"
            log(f"raw text: {vectors.prepare_text(text)} words")
            if UD_VECTORS:
                vectors.train_floret(text, work / "vectors", dim=96, bucket=25_000, epoch=5)
    runs = work / "train"
    parts = dict(ud_model=runs / ("ud-selftrain" if UD_SELF_TRAIN else "ud") / "model-best",
                 ner_model=runs / "ner" / "model-best",
                 senter_model=runs / "senter" / "model-last",
                 lookup_train=[f for f in sorted((corpus / "ud-train").glob("*.spacy")) if f.name != eukalyptus.DOCBIN]
                 + [corpus / "ud-dev.spacy"],  # Talbanken only: dev-B UPOS 95.60 vs 95.37 with Eukalyptus
                 gazetteer_common=package.lowercase_words(corpus / "ud-train", corpus / "ner-train"),
                 gender_text=work / "raw" / "raw-text.txt")  # "en/ett X" counts for unseen nouns' gender
    if not skip_train:
        parts["ud_model"] = _train_all(work, corpus, runs, parts)
    staged = package.assemble(out=work / "staged", **parts)
    scores = score_all(staged, log)
    report_file = corpus / "report.json"
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    final = package.assemble(out=out or paths.SHIPPED, scores=scores, notes={"data_report": report}, **parts)
    log(f"model written to {final} ({package.dir_size(final) / 1e6:.1f} MB)")
    return final
