"""Both language engines on the bundled corpus: the same schema, structure, turns and offsets; stanza's
token-level annotation populated. Skipped where the stanza extra (stanza + torch) is not installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="the stanza engine needs torch: pip install torch==2.13.0 'intervju[stanza]'")
pytest.importorskip("stanza", reason="the stanza engine needs stanza: pip install torch==2.13.0 'intervju[stanza]'")

import pipeline.stages.language_stanza  # noqa: E402,F401 - registers language.stanza
from pipeline.schema import validation_errors  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
MODELS = ROOT / "models" / "stanza_sv_intervju"
SAMPLES = sorted(p for p in CORPUS.iterdir() if p.is_file() and (CORPUS / f"{p.name}.gold.json").is_file())
OVERRIDE = {"language": {"factory": "language.stanza", "stanza_dir": str(MODELS), "threads": 1}}


def _process(pipe, path: Path) -> dict:
    return pipe.process(path, path.name, path.read_bytes(), rel=path.name).model_dump(mode="json")


@pytest.fixture(scope="module")
def both():
    """{sample name: (spaCy output, stanza output)} for every corpus sample with a gold file."""
    from pipeline.runner import Pipeline

    spacy_pipe = Pipeline.from_config()
    stanza_pipe = Pipeline.from_config(overrides=json.loads(json.dumps(OVERRIDE)))
    return {p.name: (_process(spacy_pipe, p), _process(stanza_pipe, p)) for p in SAMPLES}


def test_corpus_is_there():
    assert len(SAMPLES) >= 10, SAMPLES


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_both_engines_validate_and_agree_on_structure(both, name):
    a, b = both[name]
    assert validation_errors(a) == [] and validation_errors(b) == []
    assert a["pipeline"]["model"] != b["pipeline"]["model"] and "stanza" in b["pipeline"]["model"]
    for key in ("id", "source", "metadata", "text", "sections", "turns", "comments", "removed"):
        if key == "turns":  # topics and keyphrases come from lemmas and may differ; the turns may not
            keep = ("id", "role", "speaker", "start", "end", "text")
            strip = [[{k: t[k] for k in keep} for t in d["turns"]] for d in (a, b)]
            assert strip[0] == strip[1]
        else:
            assert a[key] == b[key], key


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_offsets_agree_and_tokens_are_annotated(both, name):
    a, b = both[name]
    text = b["text"]
    covered = []
    for doc in (a, b):
        chars = set()
        last_end = 0
        for i, t in enumerate(doc["tokens"]):
            assert text[t["start"]:t["end"]] == t["text"] and t["start"] >= last_end
            last_end = t["end"]
            chars.update(k for k in range(t["start"], t["end"]) if not text[k].isspace())
            assert 0 <= t["head"] < len(doc["tokens"])
        covered.append(chars)
    # both engines tokenise exactly the same characters of the text (the blocks the structure stage kept)
    assert covered[0] == covered[1]
    toks = b["tokens"]
    assert toks, name
    for t in toks:
        assert t["lemma"] and t["upos"] and t["deprel"], t
    assert {t["upos"] for t in toks} >= {"NOUN", "VERB", "ADP"}
    assert sum(t["xpos"] != "" for t in toks) == len(toks)
    assert sum(t["feats"] != "" for t in toks) > len(toks) / 3
    # sentences: inside the text, in order, each with one root, heads inside the sentence, turns right
    turn_of = {}
    for turn in b["turns"]:
        for k in range(turn["start"], turn["end"]):
            turn_of[k] = turn["id"]
    starts = [t["start"] for t in toks]
    import bisect

    prev = 0
    for s in b["sentences"]:
        assert prev <= s["start"] < s["end"] <= len(text)
        prev = s["end"]
        assert s["turn"] == turn_of.get(s["start"])
        lo, hi = bisect.bisect_left(starts, s["start"]), bisect.bisect_left(starts, s["end"])
        assert hi > lo
        roots = [i for i in range(lo, hi) if toks[i]["head"] == i]
        assert len(roots) == 1 and toks[roots[0]]["deprel"] == "ROOT"
        assert all(lo <= toks[i]["head"] < hi for i in range(lo, hi))
    assert covered[1]


def test_later_stages_read_stanza_docs(both):
    """Entities and topics run on the stanza output (from work.nlp_docs and token lemmas)."""
    ents = sum(len(b["entities"]) for _, b in both.values())
    topics = sum(len(b["topics"]) for _, b in both.values())
    assert ents > 0 and topics > 0


def test_spacy_doc_conversion_keeps_text_and_annotation():
    from pipeline.stages.language_stanza import load_stanza, piece_tokens, run_stanza, spacy_doc

    _, nlp = load_stanza(str(MODELS), 1)
    texts = ["  Anna Berg bor i Gävle.\n\nHon arbetar  på kommunen sedan 2019 ", "", "Ja."]
    for text, sdoc in zip(texts, run_stanza(nlp, texts)):
        toks, ents = piece_tokens(sdoc, text) if text.strip() else ([], [])
        doc = spacy_doc(text, toks, ents)
        assert doc.text == text
        words = [t for t in doc if not t.is_space]
        assert [(t.idx, t.idx + len(t.text)) for t in words] == [(t.start, t.end) for t in toks]
        if toks:
            assert all(t.lemma_ and t.pos_ and t.dep_ for t in words)
            assert sum(1 for s in doc.sents if s.text.strip()) == sum(t.sent_start for t in toks)


def test_stanza_entities_reach_the_spacy_docs():
    """The shipped folder has an NER model: its entities arrive in the spaCy Docs the entity stage reads."""
    from pipeline.stages.language_stanza import load_stanza, piece_tokens, run_stanza, spacy_doc

    p, nlp = load_stanza(str(MODELS), 1)
    assert "ner" in p.processors
    text = "Statsminister Ulf Kristersson besökte Volvo i Göteborg i går tillsammans med Magdalena Andersson."
    toks, ents = piece_tokens(run_stanza(nlp, [text])[0], text)
    doc = spacy_doc(text, toks, ents)
    assert ents and len(doc.ents) == len(ents)
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC"}
    assert all(doc.text[e.start_char:e.end_char] == text[s:t] for e, (s, t, _) in zip(doc.ents, ents))


def test_cli_engine_stanza(tmp_path):
    from pipeline import registry

    if "pipeline.stages.language_stanza" not in registry._STAGE_MODULES:
        pytest.skip("pipeline/registry.py does not list pipeline.stages.language_stanza yet")
    sample = CORPUS / "intervju-klimatkrav-som-fungerar-i-praktiken.md"
    out = tmp_path / "out"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    r = subprocess.run([sys.executable, "-m", "pipeline", "run", str(sample), "--out", str(out), "--engine",
                        "stanza", "--stanza-dir", str(MODELS)], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    data = json.loads((out / f"{sample.name}.json").read_text(encoding="utf-8"))
    assert validation_errors(data) == [] and "stanza" in data["pipeline"]["model"] and data["tokens"]
