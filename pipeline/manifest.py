"""The output folder's memory of what was done: per document, the input's SHA-256, the pipeline
fingerprint and the outcome. A refresh compares against it to redo exactly what changed.

Progress is appended to a journal as each document finishes, so a run killed at any moment loses at
most the document in flight; the next run replays the journal and carries on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.outputs import write_json

MANIFEST = "_manifest.json"
JOURNAL = "_journal.jsonl"


class Manifest:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.documents: dict[str, dict] = {}
        self.inputs: list[str] = []
        self._journal = None
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads((self.out / MANIFEST).read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("documents"), dict):
                self.documents = data["documents"]
                self.inputs = list(data.get("inputs", []))
        except (OSError, ValueError):
            pass
        try:
            with open(self.out / JOURNAL, encoding="utf-8") as f:
                for line in f:
                    try:
                        doc_id, entry = json.loads(line)
                    except ValueError:
                        break  # a line cut short by a crash ends the journal
                    if entry is None:
                        self.documents.pop(doc_id, None)
                    else:
                        self.documents[doc_id] = entry
        except OSError:
            pass

    def by_sha(self, fingerprint: str) -> dict[str, str]:
        """Input SHA-256 → a document id whose output is current: lets a renamed file reuse its output."""
        return {e["sha256"]: doc_id for doc_id, e in self.documents.items()
                if e.get("status") == "ok" and e.get("fingerprint") == fingerprint and e.get("sha256")}

    def record(self, doc_id: str, entry: dict | None) -> None:
        if entry is None:
            self.documents.pop(doc_id, None)
        else:
            self.documents[doc_id] = entry
        if self._journal is None:
            self._journal = open(self.out / JOURNAL, "a", encoding="utf-8")
        self._journal.write(json.dumps([doc_id, entry], ensure_ascii=False) + "\n")
        self._journal.flush()

    def save(self, fingerprint: str) -> None:
        write_json(self.out / MANIFEST, {"fingerprint": fingerprint, "inputs": self.inputs,
                                         "documents": dict(sorted(self.documents.items()))})
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        try:
            os.unlink(self.out / JOURNAL)
        except FileNotFoundError:
            pass
