"""Fixtures for the researcher-side tests: small output folders made by the real pipeline.

`annotated_out` runs the real pipeline on two short Swedish interviews written for these tests, then fills
in whatever annotation the pipeline of the day does not produce yet (dependency heads, entities, topics with
evidence, dates), only where it is empty, so that every column of the loader, the exports and the report
is exercised. Each filled document is validated against the document model before it is written.
`corpus_out` is the repository's sample corpus (corpus/) as the pipeline annotates it, untouched.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

INTERVIEWS = {
    "lind.txt": """Intervju med Maria Lind om öppna anbud

Datum: 2025-03-12

Johan Ek: Hur ser konkurrensen ut i era upphandlingar i Göteborg?

Maria Lind: Vi får allt färre anbud. Många småföretag avstår, och det oroar mig. Därför träffar vi leverantörer tidigt i en marknadsdialog.

Johan Ek: Vad gör Upphandlingsmyndigheten för att hjälpa er?

Maria Lind: Upphandlingsmyndigheten har tagit fram vägledning om klimatkrav och hållbarhet. Det gör att vi kan ställa tydligare miljökrav.
""",
    "kommuner/sjoberg.txt": """Åsa Sjöberg: uppföljning är halva affären

Datum: 2024-11-05

Karin Holm: Varför är avtalsuppföljning så viktig för Örebro kommun?

Åsa Sjöberg: Utan uppföljning av avtal vet vi inte om leverantören håller vad den lovar. Vi har hittat felaktiga fakturor för miljoner kronor.

Karin Holm: Hur arbetar ni med digitalisering?

Åsa Sjöberg: Vi har infört e-handel och ett nytt system för avtalsuppföljning, och det sparar både tid och skattemedel.
""",
}

ENTITIES = (("Maria Lind", "PER"), ("Johan Ek", "PER"), ("Åsa Sjöberg", "PER"), ("Karin Holm", "PER"),
            ("Upphandlingsmyndigheten", "ORG"), ("Örebro kommun", "ORG"), ("Göteborg", "LOC"))
KEYWORDS = {"konkurrens": "competition", "anbud": "competition", "småföretag": "competition",
            "marknadsdialog": "market_dialogue", "klimatkrav": "sustainability", "hållbarhet": "sustainability",
            "miljökrav": "sustainability", "avtalsuppföljning": "contract_management",
            "uppföljning av avtal": "contract_management", "digitalisering": "digitalisation",
            "e-handel": "digitalisation", "skattemedel": "economy"}


def _turn_at(doc: dict, offset: int) -> str | None:
    for t in doc["turns"]:
        if t["start"] <= offset < t["end"]:
            return t["id"]
    return None


def fill_annotation(doc: dict) -> dict:
    """Add what the current pipeline leaves empty (never overwrite what it produced)."""
    text = doc["text"]
    tokens, sentences = doc["tokens"], doc["sentences"]
    if tokens and not any(t["deprel"] for t in tokens):
        for s in sentences:
            members = [i for i, t in enumerate(tokens) if s["start"] <= t["start"] < s["end"]]
            if not members:
                continue
            root = members[0]
            for i in members:
                tok = tokens[i]
                tok["head"] = root if i != root else i
                tok["deprel"] = "root" if i == root else ("punct" if not tok["text"][0].isalnum() else "dep")
                tok["upos"] = tok["upos"] or ("PUNCT" if not tok["text"][0].isalnum() else "X")
                tok["feats"] = tok["feats"] or ("Case=Nom" if i == root else "")
        for i, tok in enumerate(tokens):  # tokens outside every sentence: their own roots
            if not tok["deprel"]:
                tok["head"], tok["deprel"] = i, "root"
    if not doc["entities"]:
        for surface, label in ENTITIES:
            for m in re.finditer(re.escape(surface), text):
                doc["entities"].append({"start": m.start(), "end": m.end(), "text": surface, "label": label,
                                        "norm": surface, "id": None, "turn": _turn_at(doc, m.start())})
        doc["entities"].sort(key=lambda e: e["start"])
    if not any(t["topics"] for t in doc["turns"]):
        per_label: dict[str, list[str]] = {}
        for turn in doc["turns"]:
            hits: dict[str, list] = {}
            low = text[turn["start"]:turn["end"]].lower()
            for word, label in KEYWORDS.items():
                for m in re.finditer(re.escape(word), low):
                    s = turn["start"] + m.start()
                    hits.setdefault(label, []).append({"start": s, "end": s + len(word), "text": text[s:s + len(word)]})
            turn["topics"] = [{"label": label, "score": min(1.0, 0.5 + 0.2 * len(ev)), "evidence": ev}
                              for label, ev in sorted(hits.items())]
            for label in hits:
                per_label.setdefault(label, []).append(turn["id"])
        doc["topics"] = [{"label": label, "score": round(len(ids) / max(1, len(doc["turns"])), 3), "turns": ids}
                         for label, ids in sorted(per_label.items())]
    if not doc["metadata"].get("date"):
        seen = text + "\n".join(r["text"] for r in doc.get("removed") or [])
        m = re.search(r"Datum: (\d{4}-\d\d-\d\d)", seen)
        if m:
            doc["metadata"]["date"] = m.group(1)
    return doc


def _write_inputs(folder: Path) -> Path:
    for rel, body in INTERVIEWS.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def annotated_out(tmp_path_factory) -> Path:
    from pipeline.api import run_batch
    from pipeline.document import Document

    base = tmp_path_factory.mktemp("annotated")
    inputs = _write_inputs(base / "in")
    out = base / "out"
    summary = run_batch([inputs], out, progress=False)
    assert not summary.failed, summary.failed
    for doc_id in summary.processed:
        path = out / f"{doc_id}.json"
        doc = fill_annotation(json.loads(path.read_text(encoding="utf-8")))
        data = Document.model_validate(doc).model_dump(mode="json")
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory) -> Path:
    from pipeline.api import run_batch

    if not CORPUS.is_dir() or not any(p.suffix in (".txt", ".md", ".html", ".xml", ".docx") for p in CORPUS.iterdir()):
        pytest.skip(f"the sample corpus at {CORPUS} has no documents yet")
    out = tmp_path_factory.mktemp("corpus") / "out"
    run_batch([CORPUS], out, progress=False)  # what `intervju run corpus/ --out OUT` does
    return out


@pytest.fixture(scope="session")
def shared_out(shared, tmp_path_factory) -> Path:
    """The shared reference samples as the pipeline annotates them (skipped where ../shared is absent)."""
    from pipeline.api import run_batch

    out = tmp_path_factory.mktemp("shared") / "out"
    run_batch([shared / "samples"], out, progress=False)
    return out
