"""Entities on real files through the real pipeline: gold sample 000, normalisation rules, gazetteer ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.api import process_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLE = SHARED / "samples" / "000_c00c13c8b725d565.txt"


@pytest.fixture(scope="module")
def sample():
    if not SAMPLE.is_file():
        pytest.skip(f"needs the shared sample {SAMPLE} (../shared is absent)")
    gold = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return process_path(SAMPLE), gold


def test_every_gold_entity_with_label_and_norm(sample):
    doc, gold = sample
    found = {(e.text, e.label, e.norm) for e in doc.entities}
    for g in gold["entities"]:
        assert (g["text"], g["label"], g.get("norm") or g["text"]) in found


def test_no_not_entities(sample):
    doc, gold = sample
    assert not {e.text for e in doc.entities} & set(gold["not_entities"])


def test_offsets_exact_and_turns_attached(sample):
    doc, _ = sample
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
    assert any(e.turn for e in doc.entities)


TEXT = """Ny chef för upphandlingen

Anna Lindqvist är ny ordförande för Lantbrukarnas Riksförbund (LRF) sedan den 1 mars 2024. Hon kommer närmast från Konkurrensverkets ledning.

Vad vill du göra först?

– Anna Lindqvists första uppgift blir att träffa Upphandlingsmyndigheten och Region Skåne. Men jag vill också besöka Vara och Gotland. LRF:s medlemmar ska märka skillnad, säger Anna.

Anf. 12 Statsrådet ERIK SLOTTNER (KD):

Herr talman! Jag tackar för frågan. Mötet i Bryssel i hösten 2023 var viktigt för EU-nivån och för Slottner själv.
"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("ents") / "chef.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = process_path(path)
    return {e.text: e for e in doc.entities}


def test_genitives_and_short_names(synthetic):
    assert synthetic["Anna Lindqvists"].norm == "Anna Lindqvist"
    assert synthetic["Anna"].norm == "Anna Lindqvist" and synthetic["Anna"].label == "PER"
    assert synthetic["Konkurrensverkets"].norm == "Konkurrensverket"


def test_acronyms_and_gazetteer_ids(synthetic):
    assert synthetic["LRF"].norm == "Lantbrukarnas Riksförbund"
    assert synthetic["LRF:s"].norm == "Lantbrukarnas Riksförbund"
    assert synthetic["Upphandlingsmyndigheten"].id and synthetic["Upphandlingsmyndigheten"].label == "ORG"
    assert synthetic["Region Skåne"].label == "ORG"
    assert synthetic["KD"].norm == "Kristdemokraterna"


def test_caps_lock_and_sentence_initial_words(synthetic):
    assert synthetic["ERIK SLOTTNER"].label == "PER" and synthetic["ERIK SLOTTNER"].norm == "Erik Slottner"
    for word in ("Men", "Vad", "Hon", "Herr", "Statsrådet", "Mötet", "EU-nivån"):
        assert word not in synthetic
    assert synthetic["Gotland"].label == "LOC" and synthetic["Vara"].label == "LOC"  # mid-sentence: the place


def test_time(synthetic):
    assert synthetic["den 1 mars 2024"].label == "TIME"
    assert synthetic["hösten 2023"].label == "TIME"
