"""python -m pipeline.stanza_engine {all,data,vectors,train,package,score,evaluate}: see recipe.py."""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from . import recipe

    ap = argparse.ArgumentParser(prog="python -m pipeline.stanza_engine", description=recipe.__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("all", help="data, vectors, train all four, package, score")
    sub.add_parser("data", help="build/stanza/data from ../shared/data")
    sub.add_parser("vectors", help="build/stanza/pretrain from ../shared/data/raw-text")
    t = sub.add_parser("train", help="train processors with stanza's own trainers")
    t.add_argument("names", nargs="*", default=list(recipe.SETTINGS), choices=list(recipe.SETTINGS))
    p = sub.add_parser("package", help="copy the trained models into a stanza model folder")
    p.add_argument("--out", type=Path, default=recipe.SHIPPED)
    s = sub.add_parser("score", help="score a model folder on Talbanken dev B and test; write meta.json")
    s.add_argument("--out", type=Path, default=recipe.SHIPPED)
    e = sub.add_parser("evaluate", help="score a stanza model folder on a .conllu file, raw text in")
    e.add_argument("file", type=Path)
    e.add_argument("--stanza-dir", type=Path, default=recipe.SHIPPED)
    e.add_argument("--threads", type=int, default=1)
    a = ap.parse_args(argv)

    if a.cmd == "all":
        recipe.run_all()
    elif a.cmd == "data":
        from . import data

        print(json.dumps(data.build() | data.ner_files(), indent=2))
    elif a.cmd == "vectors":
        from . import vectors

        print(vectors.build(recipe.PRETRAIN))
    elif a.cmd == "train":
        for name in a.names:
            print(recipe.train(name))
    elif a.cmd == "package":
        recipe.package(a.out)
    elif a.cmd == "score":
        recipe.score(a.out)
    elif a.cmd == "evaluate":
        from . import evaluate

        print(evaluate.format_scores(evaluate.evaluate(a.file, a.stanza_dir, a.threads)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
