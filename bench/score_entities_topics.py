"""Entity and topic diagnostics against gold files, on top of `intervju evaluate`'s scoring.

    python bench/score_entities_topics.py ../shared/samples/000_c00c13c8b725d565.gold.json ../shared/samples/real

Prints per document the missed and spurious entities (PER/ORG/LOC distinct surface forms), wrong norms,
gold entities of any label (MISC, TIME too) not found with the right label and norm, tagged
not_entities, and per-turn topic misses; then micro totals.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.evaluate import COARSE, Counts, _gold_files, _norm, _turn_matches


def main(args: list[str]) -> None:
    from pipeline.runner import Pipeline

    pipe = Pipeline.from_config(None)
    ents, topics, strict = Counts(), Counts(), Counts()
    for gold_path in _gold_files([Path(a) for a in args]):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = gold_path.with_name(gold["file"])
        doc = pipe.process(path, path.name, path.read_bytes()).model_dump(mode="json")
        print(f"== {gold['file']}")
        pred = {(_norm(e["text"]), e["label"]): _norm(e["norm"]) for e in doc["entities"]}
        g = {(_norm(e["text"]), e["label"]): _norm(e.get("norm") or e["text"]) for e in gold["entities"]}
        gc = {k for k in g if k[1] in COARSE}
        pc = {k for k in pred if k[1] in COARSE}
        ents.add(Counts(len(gc & pc), len(pc), len(gc)))
        strict.add(Counts(sum(1 for k in g if pred.get(k) == g[k]), len(pred), len(g)))
        for k in sorted(gc - pc):
            print("  missed  ", k, "| predicted as", [p for p in pred if p[0] == k[0]])
        for k in sorted(pc - gc):
            print("  spurious", k)
        for k in sorted(g):
            if k in pred and pred[k] != g[k]:
                print("  norm    ", k, pred[k], "!= gold", g[k])
            elif k not in pred and k[1] not in COARSE:
                print("  missed  ", k)
        bad = sorted({e["text"] for e in doc["entities"]} & set(gold.get("not_entities", [])))
        if bad:
            print("  NOT-ENTITIES TAGGED", bad)
        for gt in gold["turns"]:
            match = next((p for p in doc["turns"] if _turn_matches(p, gt, False)), None)
            pt = {h["label"] for h in match["topics"]} if match else set()
            want = set(gt.get("topics", []))
            topics.add(Counts(len(pt & want), len(pt), len(want)))
            if pt != want:
                print(f"  topics {gt['starts'][:30]!r}: missed {sorted(want - pt)} spurious {sorted(pt - want)}")
    print(f"entities PER/ORG/LOC distinct forms: P {ents.p:.3f} R {ents.r:.3f} F1 {ents.f:.3f}")
    print(f"entities all labels with right norm: P {strict.p:.3f} R {strict.r:.3f} F1 {strict.f:.3f}")
    print(f"topics per turn: P {topics.p:.3f} R {topics.r:.3f} F1 {topics.f:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/samples"])
