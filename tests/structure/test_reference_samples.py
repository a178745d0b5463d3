"""Turns, speakers, title and comments of the real reference documents in ../shared/samples."""

from __future__ import annotations

import pytest

from pipeline.evaluate import score_document, totals
from tests.conftest import load_gold


def _golds(shared):
    return sorted(shared.joinpath("samples").rglob("*.gold.json"))


def test_original_example_gives_its_ten_turns(shared, process):
    gold = load_gold(shared / "samples/000_c00c13c8b725d565.gold.json")
    doc = process(shared / "samples/000_c00c13c8b725d565.txt")
    assert [(t["role"], t["speaker"]) for t in doc["turns"]] == [(g["role"], g["speaker"]) for g in gold["turns"]]
    for turn, g in zip(doc["turns"], gold["turns"]):
        assert turn["text"].startswith(g["starts"]) and turn["text"].endswith(g["ends"])
        assert doc["text"][turn["start"]:turn["end"]] == turn["text"]
    assert doc["metadata"]["title"] == gold["title"]
    assert doc["metadata"]["interviewee"] == "Jesper Zetterström"
    assert doc["metadata"]["interviewer"] == "OFFENTLIGA AFFÄRER"
    assert [c["text"] for c in doc["comments"]] == [
        "Jag vill tas bort från nyhetsbrevet – hittade ingen snabbknapp för detta. Tack."]
    for line in gold["boilerplate"]:
        assert all(line not in t["text"] for t in doc["turns"]), line
        assert line not in doc["text"]
    assert "Foto: SOI." not in doc["text"]
    lede = [doc["text"][s["start"]:s["end"]] for s in doc["sections"] if s["kind"] == "lede"]
    assert lede and lede[0].startswith(gold["lede_starts"][0]) and gold["lede_starts"][1] in lede[0]
    captions = [doc["text"][s["start"]:s["end"]] for s in doc["sections"] if s["kind"] == "caption"]
    assert captions == ["Jesper Zetterström."]


@pytest.mark.parametrize("kind", ["interview", "faq", "debate", "interpellation", "other"])
def test_each_family_of_real_documents_scores_fully(shared, process, kind):
    scores = []
    for gold_path in _golds(shared):
        gold = load_gold(gold_path)
        if gold["kind"] != kind:
            continue
        doc = process(gold_path.with_name(gold["file"]))
        score = score_document(doc, gold)
        assert score.turns.f == 1.0, (gold["file"], score.misses)
        assert score.title_ok, (gold["file"], doc["metadata"]["title"])
        assert doc["metadata"]["kind"] == kind
        scores.append(score)
    assert scores, f"no reference document of kind {kind}"
    assert totals(scores)["speaker_acc"] >= 0.95


def test_overall_turn_f1_and_speaker_accuracy_meet_the_target(shared, process):
    scores = [score_document(process(p.with_name(load_gold(p)["file"])), load_gold(p)) for p in _golds(shared)]
    t = totals(scores)
    assert t["turn_f"] >= 0.97
    assert t["speaker_acc"] >= 0.95
    assert t["people_acc"] >= 0.95
