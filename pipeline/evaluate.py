"""Scoring the pipeline against reference annotations (*.gold.json, see ../shared/spec/gold-format.md).

Turns match when their text starts and ends with the gold turn's opening and closing words (and, where
the gold says roles are strict, the roles agree). Entities are compared as distinct (surface form,
coarse label) pairs per document; topics as (matched turn, topic id) pairs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

COARSE = {"PER", "ORG", "LOC"}


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "")).strip()


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class DocScore:
    file: str
    turns: Counts = field(default_factory=Counts)
    speakers_right: int = 0
    speakers_total: int = 0
    entities: Counts = field(default_factory=Counts)
    topics: Counts = field(default_factory=Counts)
    norms_right: int = 0
    norms_total: int = 0
    false_entities: list[str] = field(default_factory=list)
    title_ok: bool = True
    people_ok: bool = True
    comments: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)
    error: str | None = None


def _turn_matches(pred: dict, gold: dict, strict: bool) -> bool:
    text = _norm(pred["text"])
    if not (text.startswith(_norm(gold["starts"])) and text.endswith(_norm(gold["ends"]))):
        return False
    return not strict or pred["role"] == gold["role"]


def score_document(doc: dict, gold: dict) -> DocScore:
    s = DocScore(file=gold["file"])
    strict = gold.get("role_strict", True)
    preds, golds = doc["turns"], gold.get("turns", [])
    used: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    for g in golds:
        hit = next((k for k, p in enumerate(preds) if k not in used and _turn_matches(p, g, strict)), None)
        if hit is None:
            s.misses.append(f"missed {g['role']} turn: {g['starts']!r} … {g['ends']!r}")
            continue
        used.add(hit)
        matched.append((preds[hit], g))
    for k, p in enumerate(preds):
        if k not in used:
            s.misses.append(f"extra {p['role']} turn: {_norm(p['text'])[:60]!r}")
    s.turns = Counts(len(matched), len(preds), len(golds))
    for p, g in matched:
        s.speakers_total += 1
        s.speakers_right += _norm(p.get("speaker")) == _norm(g.get("speaker"))
        pt = {t["label"] for t in p.get("topics", [])}
        gt = set(g.get("topics", []))
        s.topics.add(Counts(len(pt & gt), len(pt), len(gt)))
    meta = doc.get("metadata", {})
    s.title_ok = _norm(meta.get("title")) == _norm(gold.get("title"))
    s.people_ok = all(_norm(meta.get(k)) == _norm(gold.get(k)) for k in ("interviewee", "interviewer"))
    gold_comments = gold.get("comments", [])
    found = sum(any(_norm(c["text"]).startswith(_norm(g["starts"])) for c in doc.get("comments", []))
                for g in gold_comments)
    s.comments = Counts(found, len(doc.get("comments", [])), len(gold_comments))
    _score_entities(s, doc, gold)
    return s


def _score_entities(s: DocScore, doc: dict, gold: dict) -> None:
    gold_ents = {(_norm(e["text"]), e["label"]) for e in gold.get("entities", []) if e["label"] in COARSE}
    pred_ents = {(_norm(e["text"]), e["label"]) for e in doc.get("entities", []) if e["label"] in COARSE}
    s.entities = Counts(len(gold_ents & pred_ents), len(pred_ents), len(gold_ents))
    norms = {}
    for e in doc.get("entities", []):
        norms.setdefault(_norm(e["text"]), _norm(e.get("norm")))
    for e in gold.get("entities", []):
        if e["label"] in COARSE and _norm(e["text"]) in norms:
            s.norms_total += 1
            s.norms_right += norms[_norm(e["text"])] == _norm(e.get("norm") or e["text"])
    not_ents = {_norm(x) for x in gold.get("not_entities", [])}
    s.false_entities = sorted({_norm(e["text"]) for e in doc.get("entities", [])} & not_ents)


def _gold_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.gold.json")) if p.is_dir() else [p])
    return files


def evaluate_paths(paths: list[Path], config: Path | None = None) -> list[DocScore]:
    from pipeline.runner import Pipeline, StageFailure

    pipe = Pipeline.from_config(config)
    scores = []
    for gold_path in _gold_files([Path(p) for p in paths]):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = gold_path.with_name(gold["file"])
        try:
            doc = pipe.process(doc_path, doc_path.name, doc_path.read_bytes()).model_dump(mode="json")
        except (StageFailure, OSError) as err:
            scores.append(DocScore(file=gold["file"], error=str(err), turns=Counts(0, 0, len(gold["turns"]))))
            continue
        scores.append(score_document(doc, gold))
    return scores


def totals(scores: list[DocScore]) -> dict[str, float]:
    turns, ents, topics = Counts(), Counts(), Counts()
    right = total = 0
    for s in scores:
        turns.add(s.turns)
        ents.add(s.entities)
        topics.add(s.topics)
        right += s.speakers_right
        total += s.speakers_total
    return {"turn_p": turns.p, "turn_r": turns.r, "turn_f": turns.f,
            "speaker_acc": right / total if total else 1.0,
            "entity_p": ents.p, "entity_r": ents.r, "entity_f": ents.f,
            "topic_p": topics.p, "topic_r": topics.r, "topic_f": topics.f,
            "title_acc": sum(s.title_ok for s in scores) / len(scores) if scores else 1.0,
            "people_acc": sum(s.people_ok for s in scores) / len(scores) if scores else 1.0}


def print_report(scores: list[DocScore], verbose: bool = False) -> None:
    print(f"{'document':58} {'turnF':>6} {'spk':>5} {'entF':>5} {'topF':>5} title people")
    for s in scores:
        spk = s.speakers_right / s.speakers_total if s.speakers_total else 1.0
        print(f"{s.file[:58]:58} {s.turns.f:6.3f} {spk:5.2f} {s.entities.f:5.2f} {s.topics.f:5.2f} "
              f"{'ok' if s.title_ok else 'NO':5} {'ok' if s.people_ok else 'NO'}")
        if s.error:
            print(f"    error: {s.error}")
        if verbose:
            for m in s.misses:
                print(f"    {m}")
            if s.false_entities:
                print(f"    not-entities tagged: {', '.join(s.false_entities)}")
    t = totals(scores)
    print(f"\nturns P {t['turn_p']:.3f} R {t['turn_r']:.3f} F1 {t['turn_f']:.3f} | speaker accuracy "
          f"{t['speaker_acc']:.3f} | title {t['title_acc']:.2f} | interviewee/interviewer {t['people_acc']:.2f}")
    print(f"entities (PER/ORG/LOC distinct forms) P {t['entity_p']:.3f} R {t['entity_r']:.3f} F1 {t['entity_f']:.3f}"
          f" | topics P {t['topic_p']:.3f} R {t['topic_r']:.3f} F1 {t['topic_f']:.3f}")
