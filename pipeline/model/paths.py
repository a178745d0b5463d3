"""Where things live: the shared corpora, the build folder, configs and the shipped model."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("INTERVJU_SHARED", REPO / ".." / "shared")).resolve()
DATA = SHARED / "data"
BUILD = REPO / "build" / "model"
CONFIGS = REPO / "configs" / "model"
MODELS = REPO / "models"
SHIPPED = MODELS / "sv_intervju_core"

TALBANKEN_DEV = DATA / "ud-talbanken" / "sv_talbanken-ud-dev.conllu"
TALBANKEN_TEST = DATA / "ud-talbanken" / "sv_talbanken-ud-test.conllu"
UNER = DATA / "uner-talbanken"
EFSELAB_TRAIN = DATA / "efselab-talbanken-tab" / "sv-ud-train.tab"
V1_TRAIN = DATA / "ud-talbanken-v1.0-train" / "sv-ud-train.conll.xz"
KLINTAN = DATA / "swedish-ner-corpus"
SUC_REMOVED = DATA / "sucx3-ner-kblab" / "removed_sents_from_original_to_simple.txt.xz"
SUC_DEV = DATA / "sucx3-ner-kblab" / "dev.jsonl.xz"
RAW_TEXT = DATA / "raw-text"


def require_shared() -> Path:
    if not DATA.is_dir():
        raise FileNotFoundError(f"shared corpora not found at {DATA} (set INTERVJU_SHARED)")
    return DATA
