"""Labelled turns from gold files, and cross-validation of lexicon, classifier and both combined."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.stages.topics import tokens_between
from pipeline.stages.topics.matcher import match


def gold_turns(paths: list[Path]):
    """Process each gold file's document; pair every matched turn's tokens with the gold topic set."""
    from pipeline.evaluate import _gold_files, _turn_matches
    from pipeline.runner import Pipeline

    pipe = Pipeline.from_config(None)
    tokens, labels, groups = [], [], []
    for gold_path in _gold_files([Path(p) for p in paths]):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = gold_path.with_name(gold["file"])
        doc = pipe.process(path, path.name, path.read_bytes())
        for gt in gold.get("turns", []):
            turn = next((t for t in doc.turns if _turn_matches(t.model_dump(), gt, False)), None)
            if turn is not None:
                tokens.append(tokens_between(doc, turn.start, turn.end))
                labels.append(set(gt.get("topics", [])))
                groups.append(gold["file"])
    return tokens, labels, groups


def _prf(pairs) -> tuple[float, float, float]:
    pairs = list(pairs)
    tp = sum(len(p & g) for p, g in pairs)
    npred = sum(len(p) for p, _ in pairs)
    ngold = sum(len(g) for _, g in pairs)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(topics, tokens, labels, groups, folds: int, seed: int) -> dict[str, tuple[float, float, float]]:
    """Micro P/R/F1 on held-out documents (GroupKFold) for the lexicon, the classifier, and their union."""
    from sklearn.model_selection import GroupKFold

    from pipeline.stages.topics.classifier import TopicClassifier

    lexicon = [{h.label for h in match(topics, t)} for t in tokens]
    clf_pred: list[set[str]] = [set() for _ in tokens]
    n = min(folds, len(set(groups)))
    for train_idx, test_idx in GroupKFold(n_splits=n).split(tokens, groups=groups):
        model = TopicClassifier.fit(topics, [tokens[i] for i in train_idx], [labels[i] for i in train_idx], seed)
        for i in test_idx:
            clf_pred[i] = {lbl for lbl, _, _ in model.predict(tokens[i])}
    return {
        "lexicon": _prf(zip(lexicon, labels)),
        "classifier": _prf(zip(clf_pred, labels)),
        "combined": _prf(zip([a | b for a, b in zip(lexicon, clf_pred)], labels)),
    }
