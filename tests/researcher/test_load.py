"""The loader: tables, join keys, offsets, laziness, validation and skip_invalid."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from pipeline.load import InvalidDocumentError, load_taxonomy, open_corpus  # noqa: E402


def _docs(out: Path) -> dict[str, dict]:
    return {d["id"]: d for d in (json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("*.json")
                                 if not any(part.startswith("_") for part in p.relative_to(out).parts))}


def test_tables_match_the_json(annotated_out):
    corpus = open_corpus(annotated_out)
    docs = _docs(annotated_out)
    assert sorted(corpus.ids) == sorted(docs) == ["kommuner/sjoberg.txt", "lind.txt"]
    assert len(corpus.documents) == 2
    for name, key in (("turns", "turns"), ("sentences", "sentences"), ("tokens", "tokens"),
                      ("entities", "entities"), ("doc_topics", "topics")):
        frame = getattr(corpus, name)
        for doc_id, doc in docs.items():
            assert (frame["doc_id"] == doc_id).sum() == len(doc[key]), (name, doc_id)
    n_assignments = sum(len(t["topics"]) for d in docs.values() for t in d["turns"])
    assert len(corpus.topics) == n_assignments > 0
    assert len(corpus.evidence) == sum(len(h["evidence"]) for d in docs.values() for t in d["turns"]
                                       for h in t["topics"])


def test_offsets_and_join_keys(annotated_out):
    corpus = open_corpus(annotated_out)
    texts = {d: corpus.text(d) for d in corpus.ids}
    for name in ("turns", "tokens", "entities", "evidence"):
        frame = getattr(corpus, name)
        for row in frame.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text, (name, row)
    turn_keys = set(zip(corpus.turns.doc_id, corpus.turns.turn_id))
    assert set(zip(corpus.topics.doc_id, corpus.topics.turn_id)) <= turn_keys
    ents = corpus.entities.dropna(subset=["turn_id"])
    assert len(ents) and set(zip(ents.doc_id, ents.turn_id)) <= turn_keys
    # tokens carry their sentence and the doc-level index their head refers to
    tok = corpus.tokens
    assert (tok["sentence"] >= 0).all()
    for doc_id, group in tok.groupby("doc_id"):
        assert group["token"].tolist() == list(range(len(group)))
        assert group["head"].between(0, len(group) - 1).all()
    # metadata: dates parsed, speakers on turns, answers joinable to topics
    docs = corpus.documents.set_index("doc_id")
    assert str(docs.loc["lind.txt", "date"].date()) == "2025-03-12"
    assert docs.loc["lind.txt", "interviewee"] == "Maria Lind"
    answers = corpus.turns[corpus.turns.role == "answer"].merge(corpus.topics, on=["doc_id", "turn_id"])
    assert "competition" in set(answers["label"])
    assert set(corpus.turns["speaker"].dropna()) >= {"Maria Lind", "Johan Ek", "Åsa Sjöberg"}


def test_listing_is_lazy_and_documents_reads_only_heads(annotated_out, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(annotated_out, out)
    path = out / "lind.txt.json"
    raw = path.read_bytes()
    cut = raw.index(b', "text": ')
    path.write_bytes(raw[: cut + 200])  # the body is cut off: only the head is intact
    corpus = open_corpus(out)
    assert "lind.txt" in corpus.ids  # the manifest alone
    assert corpus.documents.set_index("doc_id").loc["lind.txt", "title"].startswith("Intervju med Maria Lind")
    with pytest.raises(InvalidDocumentError) as err:
        corpus.turns
    assert str(path) in str(err.value) and "not valid JSON" in str(err.value)


def test_invalid_document_is_named_or_skipped(annotated_out, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(annotated_out, out)
    path = out / "kommuner" / "sjoberg.txt.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["turns"][0]["role"] = "interjection"  # not a role the schema allows
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InvalidDocumentError) as err:
        open_corpus(out).turns
    assert str(path) in str(err.value) and "schema" in str(err.value) and "turns/0/role" in str(err.value)
    assert set(open_corpus(out, validate="none").turns["doc_id"]) == {"lind.txt", "kommuner/sjoberg.txt"}
    corpus = open_corpus(out, skip_invalid=True)
    assert set(corpus.turns["doc_id"]) == {"lind.txt"}
    assert [s.doc_id for s in corpus.skipped] == ["kommuner/sjoberg.txt"]
    assert "turns/0/role" in corpus.skipped[0].reason
    assert corpus.documents["doc_id"].tolist() == ["lind.txt"]  # once found invalid, out of every table


def test_head_with_a_bad_type_is_caught_in_the_documents_table(annotated_out, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(annotated_out, out)
    path = out / "lind.txt.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["source"]["sha256"] = 42
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InvalidDocumentError, match="lind.txt.json"):
        open_corpus(out).documents
    assert len(open_corpus(out, skip_invalid=True).documents) == 1


def test_a_folder_without_manifest_is_listed_from_files(annotated_out, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(annotated_out, out)
    for name in ("_manifest.json", "_summary.json"):
        (out / name).unlink(missing_ok=True)
    assert sorted(open_corpus(out).ids) == ["kommuner/sjoberg.txt", "lind.txt"]


def test_select_and_missing_folder(annotated_out):
    corpus = open_corpus(annotated_out)
    one = corpus.select(["lind.txt"])
    assert one.ids == ["lind.txt"] and set(one.tokens["doc_id"]) == {"lind.txt"}
    with pytest.raises(KeyError):
        corpus.select(["nope"])
    with pytest.raises(FileNotFoundError):
        open_corpus(annotated_out / "nowhere")


def test_ten_thousand_documents_list_fast(tmp_path):
    """10,000 documents: listing reads the manifest only; the documents table reads heads, not bodies."""
    from pipeline.document import Document

    out = tmp_path / "big"
    out.mkdir()
    filler = "Det här är en lång text om offentlig upphandling. " * 200  # ~10 kB body per document
    manifest = {}
    for i in range(10_000):
        doc_id = f"d{i // 1000}/doc{i:05d}.txt"
        doc = Document(id=doc_id, source={"path": doc_id, "sha256": "0" * 64, "format": "txt"},
                       pipeline={"version": "0", "model": "m", "config": "c"},
                       metadata={"title": f"Intervju {i}", "date": f"20{10 + i % 15}-01-01"}, text=filler)
        path = out / f"{doc_id}.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(doc.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8")
        manifest[doc_id] = {"sha256": "0" * 64, "fingerprint": "f", "status": "ok", "path": doc_id}
    (out / "_manifest.json").write_text(json.dumps({"fingerprint": "f", "documents": manifest}), encoding="utf-8")
    started = time.perf_counter()
    corpus = open_corpus(out)
    assert len(corpus.ids) == 10_000
    listed = time.perf_counter() - started
    docs = corpus.documents
    headed = time.perf_counter() - started - listed
    assert len(docs) == 10_000 and docs["title"].iloc[-1] == "Intervju 9999"
    print(f"10,000 documents: listed in {listed:.2f} s, documents table in {headed:.2f} s")
    assert listed < 2.0
    assert headed < 20.0


def test_taxonomy_default_has_swedish_names():
    topics = {t["id"]: t["name"] for t in load_taxonomy()}
    assert topics["contract_management"] == "Avtalsuppföljning"
    assert "competition" in topics
