"""Training data for the stanza models, from the same rebuilt Talbanken train as the spaCy recipe.

train: the rebuilt UD2-like Talbanken train (pipeline.model.talbanken), harmonised with the maps that
       pipeline.model.harmonise learns from the dev split, only sentences whose converted tree is valid,
       plus the first half of UD Talbanken dev (current-UD trees), as the spaCy recipe does.
dev:   the second half of UD Talbanken dev (early stopping and model selection).
The test split is never read here. UD LinES is never read here.

Written to build/stanza/data/:
  sv_intervju.train.conllu, sv_intervju.dev.conllu       words, lemmas, tags, trees, SpaceAfter=No
  sv_intervju.{train,dev}.txt / .labels                  raw paragraphs and stanza's per-character
                                                         labels (0 inside, 1 end of word, 2 end of sentence)
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.model import harmonise, paths, talbanken
from pipeline.model.readers import read_conllu

BUILD = paths.REPO / "build" / "stanza"
DATA = BUILD / "data"
SENTS_PER_PARAGRAPH = 6  # the train has documents but no paragraph marks: cut documents into chunks


def split_dev(dev: list[dict]) -> tuple[list[dict], list[dict]]:
    """Dev in two at the paragraph boundary nearest the middle (the same cut as the spaCy recipe)."""
    cut = len(dev) // 2
    while cut < len(dev) and "newpar id" not in dev[cut]["meta"] and "newdoc id" not in dev[cut]["meta"]:
        cut += 1
    return dev[:cut], dev[cut:]


def read_dev() -> list[dict]:
    dev = list(read_conllu(paths.TALBANKEN_DEV))
    for s in dev:
        for t in s["tokens"]:
            t["space"] = "SpaceAfter=No" not in (t.get("misc") or "")
    return dev


def rebuilt_train(dev: list[dict], report: dict) -> list[dict]:
    sents = talbanken.rebuild_train(report=report)
    maps = harmonise.learn_maps(dev)
    harmonise.apply_maps(sents, maps)
    talbanken.finish_trees(sents, report)
    harmonise.relabel(sents, maps)
    kept = [s for s in sents if s["tokens"][0]["head"] is not None]
    report["train_sentences_with_trees"] = len(kept)
    return kept


def write_conllu(sents: list[dict], path: Path) -> None:
    """CoNLL-U with # text and SpaceAfter=No; paragraph starts keep a # newpar comment."""
    with open(path, "w", encoding="utf-8") as fh:
        for k, s in enumerate(sents):
            if s.get("newpar"):
                fh.write("# newpar\n")
            fh.write(f"# sent_id = {s.get('id') or k + 1}\n# text = {sentence_text(s)}\n")
            for t in s["tokens"]:
                misc = "_" if t.get("space", True) else "SpaceAfter=No"
                fh.write("\t".join([str(t["id"]), t["form"], t.get("lemma") or "_", t["upos"], t.get("xpos") or "_",
                                    t.get("feats") or "_", str(t["head"]), t["deprel"], "_", misc]) + "\n")
            fh.write("\n")


def sentence_text(s: dict) -> str:
    out = []
    for i, t in enumerate(s["tokens"]):
        out.append(t["form"])
        if t.get("space", True) and i < len(s["tokens"]) - 1:
            out.append(" ")
    return "".join(out)


def paragraphs(sents: list[dict]) -> list[list[dict]]:
    """Group sentences into paragraphs: at # newpar / # newdoc, and every SENTS_PER_PARAGRAPH otherwise."""
    out: list[list[dict]] = []
    for s in sents:
        new = "newpar id" in s["meta"] or "newdoc id" in s["meta"] or not out
        if new or len(out[-1]) >= SENTS_PER_PARAGRAPH:
            out.append([])
        out[-1].append(s)
    for para in out:
        para[0]["newpar"] = True
    return out


def tokenizer_files(sents: list[dict], txt: Path, labels: Path) -> None:
    """Raw text (one paragraph a line, blank lines between) and stanza's per-character label file."""
    texts, marks = [], []
    for para in paragraphs(sents):
        text, lab = [], []
        for j, s in enumerate(para):
            if j:
                text.append(" ")
                lab.append("0")
            for i, t in enumerate(s["tokens"]):
                form = t["form"].replace("\u00a0", " ")
                text.append(form)
                lab.append("0" * (len(form) - 1) + ("2" if i == len(s["tokens"]) - 1 else "1"))
                if t.get("space", True) and i < len(s["tokens"]) - 1:
                    text.append(" ")
                    lab.append("0")
        texts.append("".join(text))
        marks.append("".join(lab))
        assert len(texts[-1]) == len(marks[-1])
    txt.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    labels.write_text("\n\n".join(marks) + "\n", encoding="utf-8")


def build(out: Path = DATA) -> dict:
    paths.require_shared()
    out.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    dev = read_dev()
    dev_a, dev_b = split_dev(dev)
    train = rebuilt_train(dev, report) + dev_a
    for t in (t for s in train for t in s["tokens"]):
        t.setdefault("space", True)
    # paragraphs() marks paragraph starts, which write_conllu records as # newpar
    for name, sents in (("train", train), ("dev", dev_b)):
        tokenizer_files(sents, out / f"sv_intervju.{name}.txt", out / f"sv_intervju.{name}.labels")
        write_conllu(sents, out / f"sv_intervju.{name}.conllu")
        report[f"{name}_sentences"] = len(sents)
        report[f"{name}_words"] = sum(len(s["tokens"]) for s in sents)
    report = {k: v for k, v in report.items() if isinstance(v, (int, str, float))}
    (out / "report.json").write_text(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    print(json.dumps(build(), indent=2))


def ner_files(out: Path = DATA, dev_share: float = 0.08, seed: int = 13) -> dict:
    """NER training data in stanza's JSON (a list of sentences of {"text", "ner"}), BIO tags PER/ORG/LOC:
    UNER Talbanken train + klintan's news NER train (MISC dropped: UNER does not annotate it; sentences
    that also occur in klintan's test are left out). Dev: UNER Talbanken dev + a held-out share of klintan.
    The UNER test split and klintan's test file are never read here."""
    import random

    from pipeline.model import ner_data

    def keep(tags: list[str]) -> list[str]:
        return ["O" if t.endswith("MISC") else t for t in tags]

    uner = {split: [([t["form"] for t in s["tokens"]], [t["ner"] for t in s["tokens"]])
                    for s in ner_data.read_uner(split)] for split in ("train", "dev")}
    kl = [(w, keep(t)) for w, t in ner_data.klintan_train()]
    random.Random(seed).shuffle(kl)
    k = int(len(kl) * dev_share)
    sets = {"train": uner["train"] + kl[k:], "dev": uner["dev"] + kl[:k]}
    report = {}
    for name, sents in sets.items():
        doc = [[{"text": w, "ner": t} for w, t in zip(words, tags)] for words, tags in sents]
        (out / f"sv_intervju.ner.{name}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        report[f"ner_{name}_sentences"] = len(sents)
        report[f"ner_{name}_entities"] = sum(t.startswith("B-") for _, tags in sents for t in tags)
    return report
