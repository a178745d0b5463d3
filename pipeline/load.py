"""Load a processed output folder into pandas tables, for research.

    >>> from pipeline.load import open_corpus
    >>> corpus = open_corpus("out/")
    >>> corpus.documents          # one row per document: id, source, metadata (title, interviewee, date, ...)
    >>> corpus.turns              # one row per turn; join on (doc_id, turn_id)
    >>> corpus.topics             # one row per turn-topic assignment

Tables and their keys (every table has `doc_id`; turn-level rows have `turn_id`, unique within a document):

    documents     doc_id, path, status, source_*, pipeline_*, title, interviewee, interviewer, date, kind, ...
    turns         doc_id, turn_id, turn_index, role, speaker, start, end, text, topics, n_tokens, n_words
    sentences     doc_id, sentence (0-based per document), turn_id, start, end, text
    tokens        doc_id, token (index in the document's tokens), sentence, turn_id, start, end, text, lemma,
                  upos, xpos, feats, head (token index of the head; a root points to itself), deprel
    entities      doc_id, entity, turn_id, start, end, text, label, norm, kb_id
    topics        doc_id, turn_id, label, score, n_evidence, evidence (turn-topic assignments)
    evidence      doc_id, turn_id, label, start, end, text (the spans that triggered each assignment)
    doc_topics    doc_id, label, score, n_turns (document-level topics)

Offsets are code-point offsets into the document's `text` (`corpus.text(doc_id)[start:end]`).

Laziness: opening a folder reads only `_manifest.json` (or lists the files when there is none).
`documents` reads just the head of each JSON (everything before the long `text`), and the other tables
parse each document once, on the first access to any of them, and are cached. Every document whose
content is loaded is validated against the shipped JSON Schema; an invalid one raises
`InvalidDocumentError` naming the file, or, with `skip_invalid=True`, is left out and listed in
`corpus.skipped`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from pipeline import outputs

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["open_corpus", "Corpus", "InvalidDocumentError", "Skipped", "TABLES"]

TABLES = ("documents", "turns", "sentences", "tokens", "entities", "topics", "evidence", "doc_topics")
_CONTENT_TABLES = TABLES[1:]

_HEAD_MARK = b', "text": '
_HEAD_BYTES = 1 << 16

_COLUMNS = {
    "turns": ["doc_id", "turn_id", "turn_index", "role", "speaker", "start", "end", "text", "topics",
              "n_tokens", "n_words"],
    "sentences": ["doc_id", "sentence", "turn_id", "start", "end", "text"],
    "tokens": ["doc_id", "token", "sentence", "turn_id", "start", "end", "text", "lemma", "upos", "xpos",
               "feats", "head", "deprel"],
    "entities": ["doc_id", "entity", "turn_id", "start", "end", "text", "label", "norm", "kb_id"],
    "topics": ["doc_id", "turn_id", "label", "score", "n_evidence", "evidence"],
    "evidence": ["doc_id", "turn_id", "label", "start", "end", "text"],
    "doc_topics": ["doc_id", "label", "score", "n_turns"],
}
_INT_COLUMNS = {"turn_index", "start", "end", "n_tokens", "n_words", "sentence", "token", "head", "entity",
                "n_evidence", "n_turns"}


class InvalidDocumentError(ValueError):
    """A document file that cannot be loaded: unreadable, not JSON, or not valid against the schema."""

    def __init__(self, path: Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Skipped:
    doc_id: str
    path: str
    reason: str


@dataclass(frozen=True)
class _Entry:
    doc_id: str
    path: Path
    status: str
    sha256: str | None


def open_corpus(out_dir: str | Path, skip_invalid: bool = False, *, validate: str = "schema") -> "Corpus":
    """Open an output folder written by `intervju run` (only the manifest is read now).

    skip_invalid: leave out documents that are unreadable or fail schema validation (listed in
        `corpus.skipped`) instead of raising InvalidDocumentError.
    validate: "schema" (default) validates every loaded document against the JSON Schema shipped with the
        package (pipeline/resources/document.schema.json); "none" skips validation (trusted folders only).
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(f"{out}: not a folder (expected the output folder of `intervju run`)")
    if validate not in ("schema", "none"):
        raise ValueError("validate must be 'schema' or 'none'")
    return Corpus(out, _list_documents(out), skip_invalid=skip_invalid, validate=validate,
                  failed=_failed_documents(out))


def _manifest_documents(out: Path) -> dict[str, dict]:
    """The manifest's documents (with any journal of an interrupted run replayed); {} when there is none."""
    try:
        from pipeline.manifest import Manifest
    except ImportError:  # pragma: no cover - an older layout: the plain file
        try:
            data = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
            return dict(data.get("documents") or {})
        except (OSError, ValueError, AttributeError):
            return {}
    return dict(Manifest(out).documents)


def _list_documents(out: Path) -> list[_Entry]:
    manifest = _manifest_documents(out)
    entries: list[_Entry] = []
    if manifest:
        for doc_id, info in manifest.items():
            status = (info or {}).get("status", "ok")
            if status == "failed":
                continue
            path = outputs.output_path(out, doc_id)
            if path.is_file():
                entries.append(_Entry(doc_id, path, status, (info or {}).get("sha256")))
        return sorted(entries, key=lambda e: e.doc_id)
    # No manifest (a folder copied by hand, say): every JSON but the run's own files.
    for path in sorted(out.rglob("*.json")):
        rel = path.relative_to(out)
        if any(part.startswith(("_", ".")) for part in rel.parts):
            continue
        entries.append(_Entry(rel.as_posix()[: -len(".json")], path, "ok", None))
    return entries


def _failed_documents(out: Path) -> list[dict]:
    manifest = _manifest_documents(out)
    return [{"doc_id": k, **v} for k, v in sorted(manifest.items()) if (v or {}).get("status") == "failed"]


# ---------------------------------------------------------------------------------------------- validation

def _schema_errors(data) -> list[str]:
    from pipeline.schema import validation_errors

    if not isinstance(data, dict):
        return ["(root): not a JSON object"]
    return validation_errors(data)


def _validate(data, mode: str) -> list[str]:
    return [] if mode == "none" else _schema_errors(data)


# ---------------------------------------------------------------------------------------------- the corpus

class Corpus:
    """A processed output folder. Tables are pandas DataFrames, built on first access and cached."""

    def __init__(self, out: Path, entries: list[_Entry], *, skip_invalid: bool, validate: str,
                 failed: list[dict] | None = None):
        self.out = out
        self._entries = entries
        self._by_id = {e.doc_id: e for e in entries}
        self.skip_invalid = skip_invalid
        self.validate = validate
        self.failed = failed or []  # documents `intervju run` could not process (from the manifest)
        self._skipped: dict[str, Skipped] = {}
        self._frames: dict[str, "pd.DataFrame"] = {}
        self._rows: dict[str, dict[str, list]] | None = None
        self._texts: dict[str, str] = {}

    # -- listing, without parsing
    @property
    def ids(self) -> list[str]:
        """Document ids, from the manifest (no document is parsed)."""
        return [e.doc_id for e in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._by_id

    def __repr__(self) -> str:
        return f"<Corpus {self.out} · {len(self)} documents>"

    def path(self, doc_id: str) -> Path:
        return self._entry(doc_id).path

    def _entry(self, doc_id: str) -> _Entry:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r} in {self.out}") from None

    @property
    def skipped(self) -> list[Skipped]:
        """Documents left out as invalid (with skip_invalid=True), so far."""
        return list(self._skipped.values())

    def select(self, ids: Iterable[str] | Callable[[str], bool]) -> "Corpus":
        """A corpus over some of the documents: a list of ids, or a predicate on the id."""
        keep = set(filter(ids, self.ids)) if callable(ids) else set(ids)
        unknown = keep - set(self._by_id)
        if unknown:
            raise KeyError(f"not in {self.out}: {', '.join(sorted(unknown)[:5])}")
        return Corpus(self.out, [e for e in self._entries if e.doc_id in keep], skip_invalid=self.skip_invalid,
                      validate=self.validate, failed=self.failed)

    # -- single documents
    def _invalid(self, entry: _Entry, reason: str) -> None:
        if not self.skip_invalid:
            raise InvalidDocumentError(entry.path, reason)
        self._skipped[entry.doc_id] = Skipped(entry.doc_id, str(entry.path), reason)
        return None

    def document(self, doc_id: str) -> dict:
        """The full annotated JSON of one document, validated."""
        entry = self._entry(doc_id)
        got = self._read(entry)
        if got is None:
            raise InvalidDocumentError(entry.path, self._skipped[doc_id].reason)
        return got[1]

    def iter_documents(self) -> Iterator[dict]:
        """Every valid document's JSON, one at a time (memory stays flat on large corpora)."""
        for entry in self._entries:
            got = self._read(entry)
            if got is not None:
                yield got[1]

    def text(self, doc_id: str) -> str:
        """The document text all offsets point into."""
        if doc_id not in self._texts:
            self._texts[doc_id] = self.document(doc_id).get("text", "")
        return self._texts[doc_id]

    # -- tables
    @property
    def documents(self) -> "pd.DataFrame":
        """One row per document, from the head of each file; documents found invalid so far are left out."""
        frame = self._table("documents")
        if self._skipped and len(frame):
            frame = frame[~frame["doc_id"].isin(list(self._skipped))].reset_index(drop=True)
        return frame

    @property
    def turns(self) -> "pd.DataFrame":
        return self._table("turns")

    @property
    def sentences(self) -> "pd.DataFrame":
        return self._table("sentences")

    @property
    def tokens(self) -> "pd.DataFrame":
        return self._table("tokens")

    @property
    def entities(self) -> "pd.DataFrame":
        return self._table("entities")

    @property
    def topics(self) -> "pd.DataFrame":
        """Turn-topic assignments: one row per (document, turn, topic)."""
        return self._table("topics")

    @property
    def evidence(self) -> "pd.DataFrame":
        return self._table("evidence")

    @property
    def doc_topics(self) -> "pd.DataFrame":
        return self._table("doc_topics")

    def tables(self) -> dict[str, "pd.DataFrame"]:
        return {name: self._table(name) for name in TABLES}

    def _table(self, name: str) -> "pd.DataFrame":
        if name not in self._frames:
            self._frames[name] = self._build_documents() if name == "documents" else self._build(name)
        return self._frames[name]

    # -- the documents table: the head of each file only
    def _head(self, entry: _Entry) -> dict | None:
        try:
            with entry.path.open("rb") as f:
                chunk = f.read(_HEAD_BYTES)
        except OSError as err:
            return self._invalid(entry, f"cannot read the file ({err.strerror})")
        cut = chunk.find(_HEAD_MARK)
        if cut > 0:
            try:
                head = json.loads(chunk[:cut] + b"}")
            except ValueError:
                head = None
            if isinstance(head, dict) and "id" in head and "metadata" in head:
                if self.validate != "none":
                    errors = _schema_errors(head)  # small: schema_version, id, source, pipeline, metadata
                    if errors:
                        return self._invalid(entry, "does not match the intervju document schema: "
                                             + "; ".join(errors[:3]))
                return head
        got = self._read(entry)  # written some other way: parse it whole
        return None if got is None else got[1]

    def _build_documents(self) -> "pd.DataFrame":
        import pandas as pd

        rows = []
        for entry in self._entries:
            if entry.doc_id in self._skipped:
                continue
            head = self._head(entry)
            if head is None:
                continue
            source = head.get("source") or {}
            pipe = head.get("pipeline") or {}
            meta = dict(head.get("metadata") or {})
            row = {"doc_id": entry.doc_id, "path": str(entry.path), "status": entry.status,
                   "schema_version": head.get("schema_version"),
                   "source_path": source.get("path"), "source_format": source.get("format"),
                   "source_sha256": source.get("sha256"), "source_encoding": source.get("encoding"),
                   "pipeline_version": pipe.get("version"), "pipeline_model": pipe.get("model"),
                   "pipeline_config": pipe.get("config")}
            for key in ("title", "interviewee", "interviewer", "date", "kind"):
                row[key] = meta.pop(key, None)
            for key, value in meta.items():  # extra metadata keys become columns of their own
                col = key if key not in row else f"meta_{key}"
                row[col] = value if not isinstance(value, (dict, list)) else json.dumps(value, ensure_ascii=False)
            rows.append(row)
        frame = pd.DataFrame(rows, columns=None if rows else ["doc_id", "path", "status", "title", "interviewee",
                                                               "interviewer", "date", "kind"])
        frame["date"] = pd.to_datetime(frame["date"], errors="coerce", format="mixed") if len(frame) else frame["date"]
        return frame

    # -- the content tables: one pass over every document, all tables at once
    def _build(self, name: str) -> "pd.DataFrame":
        import pandas as pd

        if self._rows is None:
            self._rows = self._collect()
        cols = self._rows.pop(name)  # the frame keeps the data from now on
        frame = pd.DataFrame({c: cols[c] for c in _COLUMNS[name]}, columns=_COLUMNS[name])
        for col in frame.columns:
            if col in _INT_COLUMNS:
                frame[col] = frame[col].astype("int64")
            elif col == "score":
                frame[col] = frame[col].astype("float64")
            elif col in _CATEGORICAL.get(name, ()):
                frame[col] = frame[col].astype("category")
        return frame

    def _collect(self) -> dict[str, dict[str, list]]:
        rows = {name: {c: [] for c in _COLUMNS[name]} for name in _CONTENT_TABLES if name not in self._frames}
        for entry in self._entries:
            got = self._read(entry)
            if got is None:
                continue
            _rows_of(entry.doc_id, got[1], rows)
        return rows

    def _read(self, entry: _Entry) -> tuple[bytes, dict] | None:
        """Raw bytes and parsed, validated JSON of one document; None when it is skipped as invalid."""
        try:
            raw = entry.path.read_bytes()
            data = _loads(raw)
        except OSError as err:
            return self._invalid(entry, f"cannot read the file ({err.strerror})")
        except ValueError as err:
            return self._invalid(entry, f"not valid JSON ({err})")
        errors = _validate(data, self.validate)
        if errors:
            more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
            return self._invalid(entry, "does not match the intervju document schema: "
                                 + "; ".join(errors[:3]) + more)
        return raw, data


def _loads(raw: bytes):
    """json.loads, or orjson's (several times faster) where it is installed."""
    try:
        import orjson
    except ImportError:
        return json.loads(raw)
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise ValueError(str(err)) from None


_CATEGORICAL = {"tokens": ("upos", "xpos", "feats", "deprel"), "turns": ("role",),
                "entities": ("label",), "topics": ("label",), "evidence": ("label",), "doc_topics": ("label",)}


def _turn_lookup(turns: list[dict]):
    import numpy as np

    starts = np.fromiter((t["start"] for t in turns), dtype=np.int64, count=len(turns))
    ends = np.fromiter((max(t["end"], t["start"] + 1) for t in turns), dtype=np.int64, count=len(turns))
    ids = [t["id"] for t in turns]

    def turn_at(offsets):
        """Turn id (or None) for each offset."""
        offsets = np.asarray(offsets, dtype=np.int64)
        i = np.searchsorted(starts, offsets, side="right") - 1
        inside = (i >= 0) & (offsets < ends[np.maximum(i, 0)]) if len(turns) else np.zeros(len(offsets), bool)
        return [ids[k] if ok else None for k, ok in zip(i.tolist(), inside.tolist())]

    return turn_at


def _rows_of(doc_id: str, doc: dict, rows: dict[str, dict[str, list]]) -> None:
    """Append one document's rows to the content tables in `rows` (column lists, filled column-wise)."""
    import numpy as np

    text = doc.get("text", "")
    turns = doc.get("turns") or []
    sentences = doc.get("sentences") or []
    tokens = doc.get("tokens") or []
    turn_at = _turn_lookup(turns)
    n = len(tokens)
    need_tokens = "tokens" in rows or "turns" in rows

    if need_tokens and n:
        tok_start = [t["start"] for t in tokens]
        sent_index = np.asarray(sentence_of_tokens(tokens, sentences), dtype=np.int64)
        sent_turn = [s.get("turn") for s in sentences]
        by_offset = turn_at(tok_start)
        tok_turn = [sent_turn[si] if si >= 0 and sent_turn[si] is not None else by_offset[i]
                    for i, si in enumerate(sent_index.tolist())]
    else:
        tok_start, sent_index, tok_turn = [], np.zeros(0, np.int64), []

    if "tokens" in rows:
        r = rows["tokens"]
        r["doc_id"].extend([doc_id] * n)
        r["token"].extend(range(n))
        r["sentence"].extend(sent_index.tolist())
        r["turn_id"].extend(tok_turn)
        r["start"].extend(tok_start)
        r["end"].extend([t["end"] for t in tokens])
        r["text"].extend([t["text"] for t in tokens])
        for col, default in (("lemma", ""), ("upos", ""), ("xpos", ""), ("feats", ""), ("deprel", "")):
            r[col].extend([t.get(col, default) for t in tokens])
        r["head"].extend([t.get("head", i) for i, t in enumerate(tokens)])

    n_tokens: dict[str, int] = {}
    n_words: dict[str, int] = {}
    if "turns" in rows:
        for turn, tok in zip(tok_turn, tokens):
            if turn is not None:
                n_tokens[turn] = n_tokens.get(turn, 0) + 1
                if any(ch.isalnum() for ch in tok["text"]):
                    n_words[turn] = n_words.get(turn, 0) + 1

    r = rows.get("sentences")
    for i, s in enumerate(sentences if r is not None else ()):
        for col, value in (("doc_id", doc_id), ("sentence", i), ("turn_id", s.get("turn")), ("start", s["start"]),
                           ("end", s["end"]), ("text", text[s["start"]:s["end"]])):
            r[col].append(value)

    r, rt, re_ = rows.get("turns"), rows.get("topics"), rows.get("evidence")
    for i, t in enumerate(turns):
        hits = t.get("topics") or []
        for col, value in () if r is None else (("doc_id", doc_id), ("turn_id", t["id"]), ("turn_index", i), ("role", t["role"]),
                           ("speaker", t.get("speaker")), ("start", t["start"]), ("end", t["end"]),
                           ("text", t.get("text", "")), ("topics", ";".join(h["label"] for h in hits)),
                           ("n_tokens", n_tokens.get(t["id"], 0)), ("n_words", n_words.get(t["id"], 0))):
            r[col].append(value)
        for h in hits:
            ev = h.get("evidence") or []
            for col, value in () if rt is None else (("doc_id", doc_id), ("turn_id", t["id"]), ("label", h["label"]),
                               ("score", float(h["score"])), ("n_evidence", len(ev)),
                               ("evidence", " | ".join(e["text"] for e in ev))):
                rt[col].append(value)
            for e in ev if re_ is not None else ():
                for col, value in (("doc_id", doc_id), ("turn_id", t["id"]), ("label", h["label"]),
                                   ("start", e["start"]), ("end", e["end"]), ("text", e["text"])):
                    re_[col].append(value)

    r = rows.get("entities")
    ents = (doc.get("entities") or []) if r is not None else []
    ent_turns = turn_at([e["start"] for e in ents]) if ents else []
    for i, e in enumerate(ents):
        turn = e.get("turn") if e.get("turn") is not None else ent_turns[i]
        for col, value in (("doc_id", doc_id), ("entity", i), ("turn_id", turn), ("start", e["start"]),
                           ("end", e["end"]), ("text", e["text"]), ("label", e["label"]), ("norm", e["norm"]),
                           ("kb_id", e.get("id"))):
            r[col].append(value)

    r = rows.get("doc_topics")
    for dt in (doc.get("topics") or []) if r is not None else ():
        for col, value in (("doc_id", doc_id), ("label", dt["label"]), ("score", float(dt["score"])),
                           ("n_turns", len(dt.get("turns") or []))):
            r[col].append(value)


def sentence_of_tokens(tokens: list[dict], sentences: list[dict]) -> list[int]:
    """For each token, the index of the sentence it starts in (-1 when it lies in none)."""
    import numpy as np

    if not sentences:
        return [-1] * len(tokens)
    starts = np.fromiter((s["start"] for s in sentences), dtype=np.int64, count=len(sentences))
    ends = np.fromiter((s["end"] for s in sentences), dtype=np.int64, count=len(sentences))
    offsets = np.fromiter((t["start"] for t in tokens), dtype=np.int64, count=len(tokens))
    i = np.searchsorted(starts, offsets, side="right") - 1
    ok = (i >= 0) & (offsets < ends[np.maximum(i, 0)])
    return np.where(ok, i, -1).tolist()


# ---------------------------------------------------------------------------------------------- taxonomy

# The default taxonomy's ids and Swedish names (shared/spec/taxonomy.md), used when no taxonomy file is found.
_DEFAULT_TOPICS = (
    ("competition", "Konkurrens"), ("transparency", "Transparens"), ("market_dialogue", "Marknadsdialog"),
    ("contract_management", "Avtalsuppföljning"), ("professionalisation", "Professionalisering"),
    ("legislation_policy", "Lagstiftning och politik"), ("economy", "Ekonomi"),
    ("strategy", "Strategi och organisation"), ("sustainability", "Hållbarhet"), ("innovation", "Innovation"),
    ("digitalisation", "Digitalisering"), ("integrity_crime", "Oseriösa aktörer och brott"), ("leisure", "Fritid"),
)


def load_taxonomy(path: str | Path | None = None) -> list[dict]:
    """The topic taxonomy as [{"id", "name", "description"}]: from `path`, else the configured default
    (configs/topics.toml), else the built-in default ids. Accepts `[[topic]]` arrays of tables with an
    `id`, or tables keyed by id (`[topics.competition]` / `[competition]`)."""
    import tomllib

    if path is None:
        try:
            from pipeline.config import project_root

            candidate = project_root() / "configs" / "topics.toml"
            path = candidate if candidate.is_file() else None
        except Exception:  # noqa: BLE001 - the built-in list is a fine answer
            path = None
    topics: list[dict] = []
    if path is not None:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        topics = _topics_in(data)
    if not topics:
        topics = [{"id": i, "name": n, "description": ""} for i, n in _DEFAULT_TOPICS]
    return topics


def _topics_in(data) -> list[dict]:
    def one(key, value: dict) -> dict | None:
        tid = value.get("id", key)
        if not isinstance(tid, str):
            return None
        name = value.get("name") or value.get("sv") or value.get("label") or value.get("title") or tid
        desc = value.get("description") or value.get("discusses") or ""
        return {"id": tid, "name": str(name), "description": str(desc)}

    if isinstance(data, list):
        found = [one(None, v) for v in data if isinstance(v, dict) and "id" in v]
        return [t for t in found if t]
    if not isinstance(data, dict):
        return []
    for key in ("topic", "topics"):
        if key in data:
            got = _topics_in(data[key])
            if got:
                return got
            if isinstance(data[key], dict):
                found = [one(k, v) for k, v in data[key].items() if isinstance(v, dict)]
                return [t for t in found if t]
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    found = [one(k, v) for k, v in tables.items() if {"name", "keywords", "patterns", "terms", "evidence",
                                                        "description"} & set(v)]
    return [t for t in found if t]
