"""CoNLL-U with the UD columns.

ID and HEAD count from 1 within each sentence, HEAD 0 marks the root (whose DEPREL is `root`). A token
the parser did not attach (no DEPREL: the language model was not loaded) gets `_` for HEAD and DEPREL.
MISC carries `SpaceAfter=No` where the text has no space after the token, and `TokenRange=start:end`, the
token's code-point offsets into the document text (as UDPipe writes them). Each sentence has `sent_id`,
`text`, and, inside the interview, `turn`, `role` and `speaker` comments; a document begins with
`# newdoc id = ...`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from pipeline.load import Corpus, sentence_of_tokens


def write_conllu(corpus: Corpus, dest: Path) -> list[Path]:
    """DEST ending in `.conllu`: one file for the whole corpus; otherwise a folder, one file per document."""
    if dest.suffix.lower() == ".conllu":
        dest.parent.mkdir(parents=True, exist_ok=True)
        with dest.open("w", encoding="utf-8", newline="\n") as f:
            for doc in corpus.iter_documents():
                f.writelines(document_lines(doc))
        return [dest]
    written = []
    for doc in corpus.iter_documents():
        path = dest / f"{doc['id']}.conllu"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as f:
            f.writelines(document_lines(doc))
        written.append(path)
    return written


def _field(value: str | None) -> str:
    """A CoNLL-U field: never empty, no tabs or line breaks."""
    if not value:
        return "_"
    return " ".join(value.split()) or "_"


def _comment(value: str) -> str:
    return " ".join(value.split())


def _sentence_groups(doc: dict) -> Iterator[tuple[dict | None, list[int]]]:
    """(sentence or None, token indices) in text order; tokens outside every sentence form their own group."""
    tokens, sentences = doc.get("tokens") or [], doc.get("sentences") or []
    owner = sentence_of_tokens(tokens, sentences)
    current: list[int] = []
    current_owner = None
    for i, s in enumerate(owner):
        if current and s != current_owner:
            yield (sentences[current_owner] if current_owner >= 0 else None), current
            current = []
        current_owner = s
        current.append(i)
    if current:
        yield (sentences[current_owner] if current_owner >= 0 else None), current


def document_lines(doc: dict) -> Iterable[str]:
    text: str = doc.get("text", "")
    tokens = doc.get("tokens") or []
    turns = {t["id"]: t for t in doc.get("turns") or []}
    first = True
    n = 0
    for sentence, members in _sentence_groups(doc):
        n += 1
        if first:
            yield f"# newdoc id = {_comment(doc['id'])}\n"
            title = (doc.get("metadata") or {}).get("title")
            if title:
                yield f"# doc_title = {_comment(title)}\n"
            first = False
        yield f"# sent_id = {_comment(doc['id'])}#{n}\n"
        turn = turns.get(sentence.get("turn")) if sentence else None
        if turn is not None:
            yield f"# turn = {_comment(turn['id'])}\n"
            yield f"# role = {turn['role']}\n"
            if turn.get("speaker"):
                yield f"# speaker = {_comment(turn['speaker'])}\n"
        if sentence is not None:
            span = text[sentence["start"]:sentence["end"]]
        else:
            span = text[tokens[members[0]]["start"]:tokens[members[-1]]["end"]]
        yield f"# text = {_comment(span)}\n"
        local = {doc_index: k + 1 for k, doc_index in enumerate(members)}
        for k, i in enumerate(members):
            tok = tokens[i]
            deprel = tok.get("deprel") or ""
            head_index = tok.get("head", i)
            if not deprel:
                head, rel = "_", "_"
            elif head_index == i or head_index not in local or deprel.lower() == "root":
                head, rel = "0", "root"  # a head outside the sentence is cut: the token becomes a root
            else:
                head, rel = str(local[head_index]), deprel
            misc = []
            end = tok["end"]
            if end < len(text) and not text[end].isspace():
                misc.append("SpaceAfter=No")
            misc.append(f"TokenRange={tok['start']}:{end}")
            cols = [str(k + 1), _field(tok["text"]), _field(tok.get("lemma")), _field(tok.get("upos")),
                    _field(tok.get("xpos")), _field(tok.get("feats")), head, rel, "_", "|".join(misc)]
            yield "\t".join(cols) + "\n"
        yield "\n"
