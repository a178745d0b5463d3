"""The whole recipe behind `intervju model train`: build data, train UD and NER, evaluate, package."""
from __future__ import annotations

import json
from pathlib import Path

from . import build, evaluate, package, paths, train

TEST_SETS = {
    "talbanken_test": paths.TALBANKEN_TEST,
    "uner_talbanken_test": paths.UNER / "sv_talbanken-ud-test.iob2",
    "klintan_test": paths.KLINTAN / "test_corpus.txt",
}


def score_all(model: Path, log=print) -> dict:
    import spacy

    nlp = spacy.load(model)
    scores = {}
    for name, path in TEST_SETS.items():
        scores[name] = evaluate.evaluate(path, nlp=nlp)
        log(f"== {name} ({path.name}, raw text in)\n{evaluate.format_scores(scores[name])}")
    return scores


def run(out: Path | None = None, skip_build: bool = False, skip_train: bool = False, log=print) -> Path:
    work = paths.BUILD
    if not skip_build:
        log(json.dumps(build.build_all(), indent=2, ensure_ascii=False))
    if not skip_train:
        train.train_one("ud")
        train.train_one("ner")
    ud_best, ner_best = work / "train" / "ud" / "model-best", work / "train" / "ner" / "model-best"
    staged = package.assemble(ud_best, ner_best, out=work / "staged")
    scores = score_all(staged, log)
    report = json.loads((work / "corpus" / "report.json").read_text()) if (work / "corpus" / "report.json").exists() else {}
    final = package.assemble(ud_best, ner_best, out=out or paths.SHIPPED, scores=scores,
                             notes={"data_report": report})
    log(f"model written to {final} ({package.dir_size(final) / 1e6:.1f} MB)")
    return final
