"""Round trip: annotate with the real pipeline, load, export every format, re-read each with a standard
reader (pandas, pyarrow, the `conllu` package, lxml against the REFI-QDA schema) and compare with the JSON."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")
conllu = pytest.importorskip("conllu")

from pipeline.export import export  # noqa: E402
from pipeline.load import TABLES, open_corpus  # noqa: E402

XSD = Path(__file__).with_name("refi_qda_project_subset.xsd")
NS = {"q": "urn:QDA-XML:project:1.0"}


def _docs(out: Path) -> dict[str, dict]:
    return {d["id"]: d for d in (json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("*.json")
                                 if not any(part.startswith("_") for part in p.relative_to(out).parts))}


def _check_tables(out: Path, dest: Path, fmt: str) -> dict[str, int]:
    corpus = open_corpus(out)
    docs = _docs(out)
    written = export(out, fmt, dest)
    assert sorted(p.name for p in written) == sorted(f"{t}.{fmt}" for t in TABLES)
    read = {t: (pd.read_csv(dest / f"{t}.csv", keep_default_na=False, na_values=[""]) if fmt == "csv"
                else pq.read_table(dest / f"{t}.parquet").to_pandas()) for t in TABLES}
    counts = {t: len(read[t]) for t in TABLES}
    for t in TABLES:
        assert len(read[t]) == len(getattr(corpus, t)), t
    assert counts["tokens"] == sum(len(d["tokens"]) for d in docs.values())
    assert counts["turns"] == sum(len(d["turns"]) for d in docs.values())
    assert counts["sentences"] == sum(len(d["sentences"]) for d in docs.values())
    assert counts["entities"] == sum(len(d["entities"]) for d in docs.values())
    assert counts["topics"] == sum(len(t["topics"]) for d in docs.values() for t in d["turns"])
    for table, key in (("tokens", "tokens"), ("entities", "entities"), ("turns", "turns")):
        for row in read[table].itertuples():
            item = docs[row.doc_id][key][getattr(row, {"tokens": "token", "entities": "entity",
                                                        "turns": "turn_index"}[table])]
            assert (row.start, row.end) == (item["start"], item["end"])
            assert docs[row.doc_id]["text"][row.start:row.end] == item["text"]
            if table != "turns":
                assert str(row.text) == item["text"]
    tok = read["tokens"]
    assert tok["head"].tolist() == [t["head"] for d in sorted(docs) for t in docs[d]["tokens"]]
    return counts


def test_csv_and_parquet_round_trip(annotated_out, tmp_path):
    csv = _check_tables(annotated_out, tmp_path / "csv", "csv")
    parquet = _check_tables(annotated_out, tmp_path / "parquet", "parquet")
    assert csv == parquet and csv["topics"] > 0 and csv["entities"] > 0
    docs = pq.read_table(tmp_path / "parquet" / "documents.parquet").to_pandas()
    assert "Åsa Sjöberg" in set(docs["interviewee"])  # UTF-8 all the way


def _conllu_checks(docs: dict[str, dict], sentences) -> None:
    by_doc: dict[str, list] = {}
    current = None
    for s in sentences:
        current = s.metadata.get("newdoc id", current)
        by_doc.setdefault(current, []).append(s)
    assert set(by_doc) == {d for d, doc in docs.items() if doc["tokens"]}
    for doc_id, sents in by_doc.items():
        doc = docs[doc_id]
        text, tokens = doc["text"], doc["tokens"]
        flat = [tok for s in sents for tok in s]
        assert len(flat) == len(tokens)
        assert len(sents) == sum(1 for s in doc["sentences"] if any(s["start"] <= t["start"] < s["end"]
                                                                      for t in tokens))
        turns = {t["id"]: t for t in doc["turns"]}
        k = 0
        for s in sents:
            ids = [tok["id"] for tok in s]
            assert ids == list(range(1, len(s) + 1))
            first = k
            for tok in s:
                src = tokens[k]
                start, end = map(int, tok["misc"]["TokenRange"].split(":"))
                assert (start, end) == (src["start"], src["end"]) and text[start:end] == tok["form"]
                space_after = end >= len(text) or text[end].isspace()
                assert (tok["misc"].get("SpaceAfter") == "No") == (not space_after)
                assert (tok["feats"] or None) == (None if not src["feats"] else
                                                  dict(f.split("=", 1) for f in src["feats"].split("|")))
                if src["deprel"]:
                    if src["head"] == k:
                        assert tok["head"] == 0 and tok["deprel"] == "root"
                    elif first <= src["head"] < first + len(s):
                        assert tok["head"] == src["head"] - first + 1 and tok["deprel"] == src["deprel"]
                k += 1
            if "turn" in s.metadata:
                turn = turns[s.metadata["turn"]]
                assert s.metadata.get("speaker") == turn["speaker"]
                assert s.metadata["role"] == turn["role"]
        roots = [sum(1 for tok in s if tok["head"] == 0) for s in sents]
        if any(t["deprel"] for t in tokens):
            assert all(r >= 1 for r in roots)


def test_conllu_round_trip(annotated_out, tmp_path):
    docs = _docs(annotated_out)
    [one] = export(annotated_out, "conllu", tmp_path / "corpus.conllu")
    sentences = conllu.parse(one.read_text(encoding="utf-8"))
    _conllu_checks(docs, sentences)
    assert any(s.metadata.get("speaker") == "Åsa Sjöberg" for s in sentences)
    per_doc = export(annotated_out, "conllu", tmp_path / "per-doc")
    assert sorted(p.relative_to(tmp_path / "per-doc").as_posix() for p in per_doc) == [
        "kommuner/sjoberg.txt.conllu", "lind.txt.conllu"]
    again = [s for p in per_doc for s in conllu.parse(p.read_text(encoding="utf-8"))]
    assert len(again) == len(sentences)
    # heads form trees: every sentence has exactly one root when the parse is one tree per sentence
    assert all(len(s.to_tree().children) >= 0 for s in sentences if sum(t["head"] == 0 for t in s) == 1)


def test_qdpx_validates_and_codes_every_assignment(annotated_out, tmp_path):
    from lxml import etree

    docs = _docs(annotated_out)
    [qdpx] = export(annotated_out, "qdpx", tmp_path / "projekt.qdpx")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(qdpx) as z:
        names = set(z.namelist())
        project = etree.fromstring(z.read("project.qde"))
        assert schema.validate(project), schema.error_log
        sources = project.findall("q:Sources/q:TextSource", NS)
        assert len(sources) == len(docs)
        codes = {c.get("guid"): c.get("name") for c in project.iterfind(".//q:Code", NS)}
        assert {"Konkurrens", "Avtalsuppföljning", "Hållbarhet"} <= set(codes.values())
        n_codings = 0
        for src in sources:
            doc = docs[src.get("name")]
            path = src.get("plainTextPath")
            assert path.startswith("internal://") and f"sources/{path[len('internal://'):]}" in names
            text = z.read(f"sources/{path[len('internal://'):]}").decode("utf-8")
            assert text == doc["text"]
            spans = {(t["start"], t["end"]): t for t in doc["turns"]}
            for sel in src.iterfind("q:PlainTextSelection", NS):
                start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
                turn = spans[(start, end)]
                assert text[start:end] == turn["text"]
                [ref] = sel.findall("q:Coding/q:CodeRef", NS)
                assert ref.get("targetGUID") in codes
                n_codings += 1
        assert n_codings == sum(len(t["topics"]) for d in docs.values() for t in d["turns"]) > 0
        cases = {c.get("name") for c in project.iterfind("q:Cases/q:Case", NS)}
        assert {"Maria Lind", "Åsa Sjöberg"} <= cases
        variables = {v.get("name") for v in project.iterfind("q:Variables/q:Variable", NS)}
        assert {"Talare", "Intervjuperson", "Datum"} <= variables
    # the schema is really checking: a selection without positions is rejected
    broken = etree.fromstring(etree.tostring(project))
    sel = broken.find(".//q:PlainTextSelection", NS)
    del sel.attrib["startPosition"]
    assert not schema.validate(broken)


def test_corpus_round_trip(corpus_out, tmp_path):
    """The acceptance run: the repository's sample corpus, every format, counts and offsets against the JSON."""
    docs = _docs(corpus_out)
    assert docs
    counts = _check_tables(corpus_out, tmp_path / "csv", "csv")
    assert _check_tables(corpus_out, tmp_path / "parquet", "parquet") == counts
    [one] = export(corpus_out, "conllu", tmp_path / "corpus.conllu")
    sentences = conllu.parse(one.read_text(encoding="utf-8"))
    _conllu_checks(docs, sentences)
    [qdpx] = export(corpus_out, "qdpx", tmp_path / "corpus.qdpx")
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(qdpx) as z:
        project = etree.fromstring(z.read("project.qde"))
    assert schema.validate(project), schema.error_log
    selections = project.findall(".//q:PlainTextSelection", NS)
    assert len(selections) == counts["topics"]
    print(f"corpus round trip: {len(docs)} documents, {counts}, {len(sentences)} CoNLL-U sentences, "
          f"{len(selections)} coded selections")


def test_shared_samples_round_trip(shared_out, tmp_path):
    """The shared reference samples (web pages, Riksdag XML, transcripts) survive every export too."""
    from lxml import etree

    out = shared_out
    docs = _docs(out)
    counts = _check_tables(out, tmp_path / "pq", "parquet")
    [one] = export(out, "conllu", tmp_path / "s.conllu")
    _conllu_checks(docs, conllu.parse(one.read_text(encoding="utf-8")))
    [qdpx] = export(out, "qdpx", tmp_path / "s.qdpx")
    with zipfile.ZipFile(qdpx) as z:
        project = etree.fromstring(z.read("project.qde"))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(project), schema.error_log
    assert len(project.findall(".//q:PlainTextSelection", NS)) == counts["topics"]
