"""The stanza model folder is checked before anything loads: clear errors naming what is missing.
These need neither stanza nor torch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.stages.language_stanza import StanzaModelError, plan

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models" / "stanza_sv_intervju"


@pytest.fixture()
def folder(tmp_path) -> Path:
    if not (MODELS / "resources.json").is_file():
        pytest.skip(f"no shipped stanza models at {MODELS}")
    dst = tmp_path / "stanza"
    shutil.copytree(MODELS, dst)
    return dst


def test_shipped_folder_plans_all_processors():
    p = plan(MODELS)
    assert set(p.processors) == {"tokenize", "pos", "lemma", "depparse", "ner"}
    assert all(f.is_file() for f in p.files.values())
    assert p.meta.get("name") == "stanza_intervju"


def test_meta_records_small_models_and_scores():
    meta = json.loads((MODELS / "meta.json").read_text())
    assert all(size < 6_000_000 for size in meta["sizes_bytes"].values()), meta["sizes_bytes"]
    assert "talbanken_test" in meta["scores"]


def test_missing_folder(tmp_path):
    with pytest.raises(StanzaModelError, match="does not exist"):
        plan(tmp_path / "nowhere")


def test_folder_without_resources(tmp_path):
    with pytest.raises(StanzaModelError, match="resources.json"):
        plan(tmp_path)


def test_missing_model_file_names_the_processor(folder):
    (folder / "sv" / "depparse" / "intervju.pt").unlink()
    with pytest.raises(StanzaModelError, match=r"processor\(s\) depparse.*depparse/intervju\.pt"):
        plan(folder)


def test_missing_pretrain_names_the_dependency(folder):
    (folder / "sv" / "pretrain" / "intervju.pt").unlink()
    with pytest.raises(StanzaModelError, match=r"depparse, ner, pos.*pos needs pretrain"):
        plan(folder)


def test_resources_without_a_required_processor(folder):
    res = json.loads((folder / "resources.json").read_text())
    del res["sv"]["default_processors"]["lemma"]
    (folder / "resources.json").write_text(json.dumps(res))
    with pytest.raises(StanzaModelError, match="processor\\(s\\) lemma"):
        plan(folder)


def test_pointing_at_the_language_folder_works(folder):
    assert plan(folder / "sv").root == folder


def test_stage_factory_reports_a_bad_folder(tmp_path):
    from pipeline.config import ConfigError, build_stages, load_config

    cfg = load_config(ROOT / "configs" / "pipeline-stanza.toml",
                      {"language": {"stanza_dir": str(tmp_path / "missing")}})
    with pytest.raises((StanzaModelError, ConfigError), match="does not exist"):
        build_stages(cfg)


def test_spacy_doc_from_tokens_keeps_text_whitespace_heads_and_entities():
    """The conversion the later stages see: exact text, whitespace tokens, absolute heads, IOB entities."""
    from pipeline.stages.language_stanza import Tok, spacy_doc

    text = "  Anna Berg bor i Gävle.\n\nHon  ler"
    spans = [(2, 6), (7, 11), (12, 15), (16, 17), (18, 23), (23, 24), (26, 29), (31, 34)]
    heads = [2, 0, 2, 4, 2, 2, 7, 7]
    upos = ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB"]
    deps = ["nsubj", "flat:name", "ROOT", "case", "obl", "punct", "nsubj", "ROOT"]
    toks = [Tok(s, e, text[s:e].lower(), u, "X", "", h, d, i in (0, 6))
            for i, ((s, e), h, u, d) in enumerate(zip(spans, heads, upos, deps))]
    doc = spacy_doc(text, toks, [(2, 11, "PER"), (18, 23, "LOC"), (3, 9, "ORG")])
    assert doc.text == text
    words = [t for t in doc if not t.is_space]
    assert [(t.idx, t.idx + len(t.text)) for t in words] == spans
    assert [t.head.text for t in words] == ["bor", "Anna", "bor", "Gävle", "bor", "bor", "ler", "ler"]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(2, 11, "PER"), (18, 23, "LOC")]
    assert [s.text.strip() for s in doc.sents] == ["Anna Berg bor i Gävle.", "Hon  ler"]
    assert spacy_doc("", [], []).text == "" and spacy_doc("  \n", [], []).text == "  \n"
