"""Dev aid: check the sample corpus' reference annotations against their documents.

For every ``*.gold.json`` in this folder (or the gold files given on the command
line) it loads the document the way a reader would see it and verifies that

- each turn's ``starts``/``ends`` and each comment's ``starts``/``ends`` occur in
  the document text, in document order, ``ends`` after ``starts``;
- the ``paragraphs`` count (default 1) matches the number of paragraphs the turn spans;
- title, lede openings, captions, boilerplate lines, entity forms and
  not_entities occur in the text; entity forms are listed once each;
- roles, kinds, entity labels and topic ids are from the documented sets;
- ``starts``/``ends`` are 4-8 words (unless the whole turn is shorter) and
  ``ends`` finishes with punctuation (warnings only).

Document loading per format:
  .txt/.md  UTF-8, falling back to cp1252; every non-empty line is a paragraph
  .html     lxml.html; script/style/head dropped; leaf block elements are paragraphs
  .xml      lxml.etree; leaf <p>, <seg>, <note>, <title>, <head> elements are paragraphs
  .docx     python-docx; every non-empty paragraph is a paragraph

Whitespace is collapsed to single spaces before matching.
This is not a test; run it by hand after editing a gold file:

    python3 corpus/_check_gold.py            # all gold files here
    python3 corpus/_check_gold.py FILE.gold.json ...

Exit status 1 when an error was found (warnings do not count).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

KINDS = {"interview", "faq", "debate", "interpellation", "other"}
ROLES = {"question", "answer", "statement"}
LABELS = {"PER", "ORG", "LOC", "MISC", "TIME"}
TOPICS = {
    "competition", "transparency", "market_dialogue", "contract_management",
    "professionalisation", "legislation_policy", "economy", "strategy",
    "sustainability", "innovation", "digitalisation", "integrity_crime", "leisure",
}
HTML_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "td", "th",
               "blockquote", "dt", "dd", "div", "section", "article", "header", "footer",
               "nav", "aside", "main", "figure", "ol", "ul", "body"}
XML_BLOCKS = {"p", "seg", "note", "title", "head"}
END_PUNCT = tuple(".?!:;)”\"…*")
PREFIX_OK = re.compile(r"^[\W_]*$")  # nothing but dashes, bullets, markup
LABEL_OK = re.compile(r"^[\w .]{1,40}:\s*$")  # a speaker label such as 'I: ' or 'Karin Lund: '



def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _read_plain(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_paragraphs(path: Path) -> list[str]:
    """The document's paragraphs, whitespace-normalised, in reading order."""
    suffix = path.suffix.lower()
    if suffix in {".txt", ".md"}:
        paras = _read_plain(path).split("\n")
    elif suffix in {".html", ".htm"}:
        import lxml.html

        root = lxml.html.document_fromstring(path.read_bytes())
        for bad in root.xpath("//script|//style|//head"):
            bad.drop_tree()
        paras = []
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag not in HTML_BLOCKS:
                continue
            if any(isinstance(d.tag, str) and d.tag in HTML_BLOCKS for d in el.iterdescendants()):
                # only leaf blocks; loose text directly in a container is rare here
                own = (el.text or "") + "".join(d.tail or "" for d in el)
                if _ws(own):
                    paras.append(own)
                continue
            paras.append(el.text_content())
    elif suffix == ".xml":
        from lxml import etree

        root = etree.parse(str(path)).getroot()
        paras = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            if local not in XML_BLOCKS:
                continue
            if any(isinstance(d.tag, str) and etree.QName(d).localname in XML_BLOCKS
                   for d in el.iterdescendants()):
                continue
            paras.append("".join(el.itertext()))
    elif suffix == ".docx":
        import docx

        paras = [p.text for p in docx.Document(str(path)).paragraphs]
    else:
        raise ValueError(f"unsupported format: {path.name}")
    return [p for p in (_ws(x) for x in paras) if p]


class Checker:
    def __init__(self, gold_path: Path):
        self.gold_path = gold_path
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)

    def run(self) -> None:
        gold = json.loads(self.gold_path.read_text(encoding="utf-8"))
        doc_path = self.gold_path.with_name(self.gold_path.name[: -len(".gold.json")])
        if gold.get("file") != doc_path.name:
            self.err(f"'file' is {gold.get('file')!r}, expected {doc_path.name!r}")
        if not doc_path.exists():
            self.err(f"document {doc_path.name} missing")
            return
        paras = load_paragraphs(doc_path)
        self.paras = paras
        self.text = "\n".join(paras)
        # paragraph index of every character offset
        self.starts_of = []
        pos = 0
        for p in paras:
            self.starts_of.append(pos)
            pos += len(p) + 1
        self.words = len(self.text.split())

        if gold.get("kind") not in KINDS:
            self.err(f"kind {gold.get('kind')!r} not in {sorted(KINDS)}")
        if not isinstance(gold.get("role_strict"), bool):
            self.err("role_strict must be true/false")
        for key in ("title", "interviewee", "interviewer"):
            if key not in gold:
                self.err(f"missing key {key!r}")
        if gold.get("title") and _ws(gold["title"]) not in self.text:
            self.err(f"title not found: {gold['title']!r}")
        for s in gold.get("lede_starts", []):
            self._find(s, "lede_starts")
        for s in gold.get("captions", []):
            self._find(s, "caption")
        for s in gold.get("boilerplate", []):
            self._find(s, "boilerplate")

        cursor = 0
        for i, turn in enumerate(gold.get("turns", [])):
            if turn.get("role") not in ROLES:
                self.err(f"turn {i}: role {turn.get('role')!r}")
            bad = set(turn.get("topics", [])) - TOPICS
            if bad:
                self.err(f"turn {i}: unknown topics {sorted(bad)}")
            if "speaker" not in turn:
                self.err(f"turn {i}: no speaker key")
            cursor = self._span(turn, f"turn {i}", cursor, turn.get("paragraphs", 1))
        ccur = 0
        for i, com in enumerate(gold.get("comments", [])):
            ccur = self._span(com, f"comment {i}", ccur, com.get("paragraphs"))

        seen = set()
        for ent in gold.get("entities", []):
            t = ent.get("text", "")
            if t in seen:
                self.err(f"entity listed twice: {t!r}")
            seen.add(t)
            if ent.get("label") not in LABELS:
                self.err(f"entity {t!r}: label {ent.get('label')!r}")
            if _ws(t) not in self.text:
                self.err(f"entity not in text: {t!r}")
        for t in gold.get("not_entities", []):
            if t in seen:
                self.err(f"{t!r} is both entity and not_entity")
            if _ws(t) not in self.text:
                self.err(f"not_entity not in text: {t!r}")

    def _find(self, s: str, what: str, start: int = 0) -> int:
        idx = self.text.find(_ws(s), start)
        if idx < 0:
            self.err(f"{what} not found: {s!r}")
        return idx

    def _para_of(self, offset: int) -> int:
        lo = 0
        for i, st in enumerate(self.starts_of):
            if st <= offset:
                lo = i
            else:
                break
        return lo

    def _span(self, item: dict, what: str, cursor: int, paragraphs) -> int:
        starts, ends = item.get("starts", ""), item.get("ends", "")
        for key, val in (("starts", starts), ("ends", ends)):
            n = len(val.split())
            if not 4 <= n <= 8 and _ws(starts) != _ws(ends):
                self.warn(f"{what}: {key} has {n} words: {val!r}")
        if not ends.rstrip().endswith(END_PUNCT):
            self.warn(f"{what}: ends without final punctuation: {ends!r}")
        b = self.text.find(_ws(starts), cursor)
        if b < 0:
            if self.text.find(_ws(starts)) >= 0:
                self.err(f"{what}: starts found only before the previous span: {starts!r}")
            else:
                self.err(f"{what}: starts not found: {starts!r}")
            return cursor
        e = self.text.find(_ws(ends), b)
        if e < 0:
            self.err(f"{what}: ends not found after starts: {ends!r}")
            return b
        end = e + len(_ws(ends))
        if "\n" in self.text[b:b + len(_ws(starts))]:
            self.err(f"{what}: starts crosses a paragraph break")
        # a turn begins a paragraph (after a dash, bullet, '**' or a 'Speaker:' label)
        # and ends one (before closing markup such as '**')
        para_b, para_e = self._para_of(b), self._para_of(end - 1)
        prefix = self.text[self.starts_of[para_b]:b]
        if not (PREFIX_OK.match(prefix) or LABEL_OK.match(prefix)):
            self.err(f"{what}: starts is not at the start of a paragraph (after {prefix!r})")
        suffix = self.text[end:self.starts_of[para_e] + len(self.paras[para_e])]
        if not PREFIX_OK.match(suffix):
            self.err(f"{what}: ends is not at the end of a paragraph (before {suffix!r})")
        n_paras = para_e - para_b + 1
        if paragraphs is not None and n_paras != paragraphs:
            self.err(f"{what}: spans {n_paras} paragraphs, gold says {paragraphs}")
        return end


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.gold.json"))
    failed = 0
    for gp in paths:
        c = Checker(gp)
        try:
            c.run()
        except Exception as exc:  # a broken gold file or document is an error, not a crash
            c.err(f"{type(exc).__name__}: {exc}")
        status = "FAIL" if c.errors else "ok"
        words = getattr(c, "words", 0)
        print(f"{status:4} {gp.name}  ({words} words in extracted text)")
        for m in c.errors:
            print(f"     error: {m}")
        for m in c.warnings:
            print(f"     warning: {m}")
        failed += bool(c.errors)
    print(f"{len(paths) - failed}/{len(paths)} gold files pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
