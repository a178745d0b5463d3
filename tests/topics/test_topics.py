"""Topics through the real pipeline: the default taxonomy on sample 000, lemma-aware matching, user taxonomies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.api import process_path
from pipeline.config import ConfigError, project_root
from pipeline.stages.topics.matcher import match
from pipeline.stages.topics.taxonomy import load_taxonomy
from tests.topics.plain_tokens import tokens

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLE = SHARED / "samples" / "000_c00c13c8b725d565.txt"
TAXONOMY = project_root() / "configs" / "topics.toml"


def labels(sentence: str) -> set[str]:
    return {h.label for h in match(load_taxonomy(TAXONOMY), tokens(sentence))}


def test_inflections_and_compounds_count():
    assert "competition" in labels("konkurrensen är svag och anbuden blir färre")
    assert "contract_management" in labels("vi satsar på avtalsuppföljningen")
    assert "market_dialogue" in labels("en fördjupad dialogen med marknadsaktörerna är viktig")
    assert "strategy" in labels("en mer strategisk upphandlingsorganisation")


def test_substrings_do_not():
    assert "competition" not in labels("det stärker Sveriges konkurrenskraft")
    assert "market_dialogue" not in labels("dialogen med ministern var god")


def test_evidence_spans_point_into_the_text():
    sentence = "antal inkomna anbud minskar och konkurrensen är svag"
    hit = next(h for h in match(load_taxonomy(TAXONOMY), tokens(sentence)) if h.label == "competition")
    assert 0 < hit.score <= 1
    assert any(sentence[s:e] == "konkurrensen" for s, e in hit.spans)


@pytest.mark.parametrize("body, line", [
    ('[[topic]]\nid = "x"\ncues = ["a",\n', 3),
    ('[settings]\nthreshold = 1\n\n[[topic]]\nid = "x"\n', 5),
    ('[[topic]]\nid = "x"\ncues = ["ok"]\n[[topic]]\nid = "x"\ncues = ["b"]\n', 2),
])
def test_malformed_taxonomy_names_file_and_line(tmp_path, body, line):
    path = tmp_path / "mine.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"mine\.toml, line {line}:"):
        load_taxonomy(path)


def test_user_taxonomy_through_the_cli(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    doc = tmp_path / "in" / "intervju.txt"
    doc.parent.mkdir()
    doc.write_text("Fiske\n\nVad gör du på fritiden?\n\n– Jag fiskar gädda och abborre varje helg.\n", encoding="utf-8")
    tax = tmp_path / "fish.toml"
    tax.write_text('[[topic]]\nid = "fishing"\ncues = ["fiska", "gädda"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(doc.parent), "--out", str(tmp_path / "out"), "--topics", str(tax)])
    assert result.exit_code == 0, result.output
    out = json.loads(next((tmp_path / "out").glob("intervju*.json")).read_text(encoding="utf-8"))
    assert [t["label"] for t in out["topics"]] == ["fishing"]


def test_sample_topic_f1():
    if not SAMPLE.is_file():
        pytest.skip(f"needs the shared sample {SAMPLE} (../shared is absent)")
    from pipeline.evaluate import _turn_matches

    gold = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))
    doc = process_path(SAMPLE)
    tp = npred = ngold = 0
    for gt in gold["turns"]:
        turn = next(t for t in doc.turns if _turn_matches(t.model_dump(), gt, False))
        pred, want = {h.label for h in turn.topics}, set(gt["topics"])
        tp, npred, ngold = tp + len(pred & want), npred + len(pred), ngold + len(want)
        for hit in turn.topics:
            assert hit.evidence and all(doc.text[e.start:e.end] == e.text for e in hit.evidence)
    f1 = 2 * tp / (npred + ngold)
    assert f1 >= 0.9
    assert {t.label for t in doc.topics} >= {"competition", "leisure"}


def test_keyphrases_per_turn_and_document():
    if not SAMPLE.is_file():
        pytest.skip(f"needs the shared sample {SAMPLE} (../shared is absent)")
    doc = process_path(SAMPLE)
    assert 0 < len(doc.keyphrases) <= 10
    assert all(0 < len(t.keyphrases) <= 5 for t in doc.turns)
    leisure = doc.turns[-1].keyphrases
    assert any("fiske" in k or "cykling" in k or "skidor" in k for k in leisure)
