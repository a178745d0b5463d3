"""The bundled corpus/: one document per format family, each with its own reference annotation."""

from __future__ import annotations

import pytest

from pipeline.evaluate import score_document
from tests.conftest import CORPUS, load_gold

GOLDS = sorted(CORPUS.glob("*.gold.json"))


def test_corpus_covers_every_format_family():
    files = [CORPUS / load_gold(g)["file"] for g in GOLDS]
    assert len(files) >= 8
    assert {f.suffix for f in files} >= {".txt", ".md", ".html", ".docx", ".xml"}
    assert {load_gold(g)["kind"] for g in GOLDS} >= {"interview", "faq", "debate", "interpellation", "other"}


@pytest.mark.parametrize("gold_path", GOLDS, ids=[g.name.split(".")[0][:40] for g in GOLDS])
def test_document_matches_its_reference(gold_path, process):
    gold = load_gold(gold_path)
    doc = process(CORPUS / gold["file"])
    score = score_document(doc, gold)
    assert score.turns.f == 1.0, score.misses
    assert score.speakers_right == score.speakers_total
    assert score.title_ok, doc["metadata"]["title"]
    assert score.people_ok, doc["metadata"]
    assert score.comments.tp == len(gold.get("comments", [])) == len(doc["comments"])
    removed = " ".join(r["text"] for r in doc["removed"])
    for line in gold.get("boilerplate", []):
        assert all(line not in t["text"] for t in doc["turns"]), line
    for caption in gold.get("captions", []):
        assert caption.split(" Foto:")[0] in doc["text"] and "Foto:" in removed
