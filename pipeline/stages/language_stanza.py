"""Language with Stanza: the same Document fields as `language.spacy`, from a stanza pipeline on disk.

Select it with `factory = "language.stanza"` and `stanza_dir = "DIR"` in the language stage's table
(configs/pipeline-stanza.toml), or `intervju run --engine stanza --stanza-dir DIR`.

DIR is a stanza model folder in stanza's own layout: `DIR/resources.json` and `DIR/sv/<processor>/
<package>.pt` -- what `stanza.download("sv", model_dir=DIR)` leaves, and what our own models in
models/stanza_sv_intervju look like. It is loaded fully offline (download_method=None); a missing
folder, resources file, processor or model file is reported by name before stanza is asked to load.

Each block is annotated on its own (cut by `pieces()` exactly as the spaCy engine does). Tokens get
exact code-point offsets into doc.text from stanza's start_char/end_char. Each annotated piece is also
turned into a spaCy Doc (blank Swedish vocab: words, spaces, lemmas, POS, tags, morphs, heads, deps,
entities) whose text is the piece's text, character for character, so that the stages after this one
(entities, topics) read `work.nlp_docs` without knowing which engine ran. The root relation is written
"ROOT", as spaCy does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.document import Sentence, Token
from pipeline.registry import stage
from pipeline.work import Work

REQUIRED = ("tokenize", "pos", "lemma", "depparse")
OPTIONAL = ("mwt", "ner")
LANG = "sv"


class StanzaModelError(ValueError):
    """A stanza model folder that cannot be used; the message names the folder and what is missing."""


@dataclass
class StanzaPlan:
    """What will be loaded from a model folder: processor -> package, and every file that must exist."""

    root: Path
    lang: str
    processors: dict[str, str]
    files: dict[str, Path] = field(default_factory=dict)  # "pos" / "pos:pretrain" -> path
    meta: dict = field(default_factory=dict)


def _package_files(root: Path, lang: str, lang_res: dict, proc: str, package: str) -> dict[str, Path]:
    files = {proc: root / lang / proc / f"{package}.pt"}
    for dep in (lang_res.get(proc, {}).get(package, {}) or {}).get("dependencies", []) or []:
        files[f"{proc}:{dep['model']}"] = root / lang / dep["model"] / f"{dep['package']}.pt"
    return files


def plan(stanza_dir: str | Path) -> StanzaPlan:
    """Check a stanza model folder without loading anything; raise StanzaModelError naming what is missing."""
    root = Path(stanza_dir).expanduser()
    if not root.is_dir():
        raise StanzaModelError(f"stanza model folder {root} does not exist")
    if not (root / "resources.json").is_file() and root.name == LANG and (root.parent / "resources.json").is_file():
        root = root.parent  # pointed at DIR/sv rather than DIR
    res_path = root / "resources.json"
    if not res_path.is_file():
        raise StanzaModelError(f"stanza model folder {root} has no resources.json: not a stanza model folder "
                               f"(expected DIR/resources.json and DIR/{LANG}/<processor>/<package>.pt)")
    try:
        resources = json.loads(res_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise StanzaModelError(f"{res_path}: cannot read it as JSON ({err})") from None
    lang = LANG
    seen = set()
    while isinstance(resources.get(lang), dict) and "alias" in resources[lang] and lang not in seen:
        seen.add(lang)
        lang = resources[lang]["alias"]
    lang_res = resources.get(lang)
    if not isinstance(lang_res, dict):
        raise StanzaModelError(f"{res_path} describes no Swedish ('{LANG}') models")
    defaults = dict(lang_res.get("default_processors") or {})
    missing = [p for p in REQUIRED if p not in defaults]
    if missing:
        raise StanzaModelError(f"{res_path}: no Swedish model for the processor(s) {', '.join(missing)} "
                               f"(the language stage needs {', '.join(REQUIRED)})")
    processors = {p: defaults[p] for p in REQUIRED + OPTIONAL if p in defaults}
    files: dict[str, Path] = {}
    for proc, package in processors.items():
        files.update(_package_files(root, lang, lang_res, proc, package))
    absent = [(k, p) for k, p in files.items() if not p.is_file()]
    if absent:
        what = "; ".join(f"{k.replace(':', ' needs ')}: {p}" for k, p in absent)
        raise StanzaModelError(f"stanza model folder {root} lacks model files for processor(s) "
                               f"{', '.join(sorted({k.split(':')[0] for k, _ in absent}))}: {what}")
    meta = {}
    if (root / "meta.json").is_file():
        try:
            meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
        except ValueError:
            meta = {}
    return StanzaPlan(root=root, lang=lang, processors=processors, files=files, meta=meta)


@lru_cache(maxsize=4)
def load_stanza(stanza_dir: str, threads: int = 0):
    """The stanza Pipeline for a folder, loaded once per process, with no download attempt."""
    p = plan(stanza_dir)
    try:
        import stanza
        import torch
    except ImportError as err:
        raise StanzaModelError(f"the stanza engine needs stanza and torch ({err.name} is not installed): "
                               "pip install torch==2.13.0 'intervju[stanza]'") from None
    if threads:
        torch.set_num_threads(threads)
    try:
        nlp = stanza.Pipeline(lang=p.lang, dir=str(p.root), processors=dict(p.processors), download_method=None,
                              use_gpu=False, logging_level="WARN", tokenize_no_ssplit=False)
    except Exception as err:  # noqa: BLE001 - stanza raises many kinds; name the folder in all of them
        raise StanzaModelError(f"stanza could not load the models in {p.root}: {type(err).__name__}: {err}") from err
    return p, nlp


@lru_cache(maxsize=1)
def blank_vocab():
    import spacy

    return spacy.blank("sv").vocab


@dataclass
class Tok:
    """One token of an annotated piece; offsets relative to the piece, head an index into the piece."""

    start: int
    end: int
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    sent_start: bool


def _clean(value, default: str = "") -> str:
    return default if value in (None, "_") else str(value)


def piece_tokens(sdoc, text: str) -> tuple[list[Tok], list[tuple[int, int, str]]]:
    """Tokens (one per stanza Token; a multi-word token takes the annotation of its syntactic head word)
    and entities (start, end, label) of one stanza Document over `text`."""
    toks: list[Tok] = []
    for sent in sdoc.sentences:
        base = len(toks)
        word_tok: dict[int, int] = {}  # stanza word id (1-based in the sentence) -> token index
        chosen = []
        for k, token in enumerate(sent.tokens):
            words = token.words
            ids = {w.id for w in words}
            for w in words:
                word_tok[w.id] = base + k
            # the word whose head lies outside the token carries the token's syntax
            head_word = next((w for w in words if w.head not in ids), words[0])
            chosen.append((token, head_word, words))
        for k, (token, w, words) in enumerate(chosen):
            start, end = token.start_char, token.end_char
            if start is None or end is None or text[start:end] != token.text:
                found = text.find(token.text, toks[-1].end if toks else 0)
                if found < 0:
                    raise ValueError(f"stanza token {token.text!r} not found in the text at or after "
                                     f"{toks[-1].end if toks else 0}")
                start, end = found, found + len(token.text)
            lemma = "+".join(_clean(x.lemma, x.text) for x in words) if len(words) > 1 else _clean(w.lemma, w.text)
            head = base + k if not w.head else word_tok.get(w.head, base + k)
            deprel = _clean(w.deprel, "dep")
            if not w.head or deprel == "root":
                deprel = "ROOT"
            toks.append(Tok(start, end, lemma, _clean(w.upos, "X"), _clean(w.xpos), _clean(w.feats),
                            head, deprel, k == 0))
    ents = [(e.start_char, e.end_char, e.type) for e in getattr(sdoc, "ents", []) or []]
    return toks, ents


def spacy_doc(text: str, toks: list[Tok], ents: list[tuple[int, int, str]], vocab=None):
    """A spaCy Doc whose text is exactly `text`: gaps other than one space become whitespace tokens."""
    from spacy.tokens import Doc

    vocab = vocab or blank_vocab()
    words, spaces, lemmas, pos, tags, morphs, heads, deps, starts = ([] for _ in range(9))
    index: list[int] = []  # Tok index -> Doc token index
    gap_head: list[int | None] = []  # whitespace token -> Tok index it hangs on

    def whitespace(gap: str, attach: int | None) -> None:
        words.append(gap)
        spaces.append(False)
        lemmas.append(gap)
        pos.append("SPACE")
        tags.append("_SP")
        morphs.append("")
        deps.append("dep")
        starts.append(False)
        heads.append(-1)
        gap_head.append(attach)

    pos_at = 0
    for i, t in enumerate(toks):
        gap = text[pos_at:t.start]
        if gap:
            if words and gap[0] == " ":
                spaces[-1], gap = True, gap[1:]
            if gap:
                whitespace(gap, i - 1 if i else 0)
        index.append(len(words))
        words.append(text[t.start:t.end])
        spaces.append(False)
        lemmas.append(t.lemma)
        pos.append(t.upos)
        tags.append(t.xpos)
        morphs.append(t.feats)
        deps.append(t.deprel)
        starts.append(t.sent_start)
        heads.append(-1)
        gap_head.append(None)
        pos_at = t.end
    tail = text[pos_at:]
    if tail:
        if words and tail[0] == " ":
            spaces[-1], tail = True, tail[1:]
        if tail:
            whitespace(tail, len(toks) - 1 if toks else None)
    if not words:
        return Doc(vocab, words=[])
    tok_of = {d: i for i, d in enumerate(index)}
    for j in range(len(words)):
        if j in tok_of:
            heads[j] = index[toks[tok_of[j]].head]
        elif gap_head[j] is not None and toks:
            heads[j] = index[gap_head[j]]
        else:
            heads[j] = j
    kw = dict(words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, morphs=morphs, heads=heads,
              deps=deps, sent_starts=starts)
    if ents:
        iob = ["O"] * len(words)
        begins = {toks[i].start: index[i] for i in range(len(toks))}
        ends = {toks[i].end: index[i] for i in range(len(toks))}
        for start, end, label in ents:
            if start in begins and end in ends and begins[start] <= ends[end]:
                a, b = begins[start], ends[end]
                if all(v == "O" for v in iob[a:b + 1]):
                    iob[a] = f"B-{label}"
                    for j in range(a + 1, b + 1):
                        iob[j] = f"I-{label}"
        kw["ents"] = iob
    return Doc(vocab, **kw)


def run_stanza(nlp, texts: list[str]):
    """Annotate several texts in one stanza call (stanza batches them); empty texts give empty Documents."""
    import stanza

    docs = [stanza.Document([], text=t) for t in texts]
    todo = [d for d, t in zip(docs, texts) if t.strip()]
    if todo:
        nlp(todo)
    return docs


def annotate(work: Work, nlp, max_chars: int, batch: int = 32) -> None:
    from pipeline.stages.language import turn_finder, units_of

    doc = work.doc
    units = units_of(work, max_chars)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    turn_of = turn_finder(doc)
    work.nlp_docs = []

    for b in range(0, len(units), batch):
        chunk = units[b:b + batch]
        for (offset, text), sdoc in zip(chunk, run_stanza(nlp, [u[1] for u in chunk])):
            toks, ents = piece_tokens(sdoc, text) if text.strip() else ([], [])
            work.nlp_docs.append((offset, spacy_doc(text, toks, ents)))
            base = len(tokens)
            sent_first = None
            for i, t in enumerate(toks):
                start = offset + t.start
                tokens.append(Token(start=start, end=offset + t.end, text=text[t.start:t.end], lemma=t.lemma or
                                    text[t.start:t.end], upos=t.upos, xpos=t.xpos, feats=t.feats, head=base + t.head,
                                    deprel=t.deprel))
                if t.sent_start:
                    sent_first = i
                if i == len(toks) - 1 or toks[i + 1].sent_start:
                    s_start = offset + toks[sent_first].start
                    sentences.append(Sentence(start=s_start, end=offset + t.end, turn=turn_of(s_start)))
    doc.tokens, doc.sentences = tokens, sentences


def model_label(p: StanzaPlan) -> str:
    name = p.meta.get("name") or "stanza_" + "-".join(sorted(set(p.processors.values())))
    version = p.meta.get("version")
    if not version:
        try:
            from importlib.metadata import version as dist_version

            version = dist_version("stanza")
        except Exception:  # noqa: BLE001
            version = "0.0.0"
    return f"{p.lang}_{name}-{version}"


@stage("language.stanza", requires=("text", "turns"), provides=("tokens", "sentences", "nlp_docs"))
def make_language_stanza(config=None, stanza_dir: str | None = None, threads: int = 0, batch_size: int = 32,
                         **settings):
    """`stanza_dir`: the model folder (relative paths from the project root); other keys of the language
    table (model, fallback: the spaCy engine's) are ignored, so a CLI override can switch engines."""
    if not stanza_dir:
        raise StanzaModelError("the stanza language engine needs stanza_dir (a folder of stanza models)")
    path = Path(stanza_dir)
    if not path.is_absolute():
        from pipeline.config import project_root

        path = project_root() / path
    p, nlp = load_stanza(str(path), int(threads))
    max_chars = int(config.limits.get("max_sentence_chars", 2000)) if config else 2000
    label = model_label(p)
    vocab = blank_vocab()

    def language(work: Work) -> None:
        annotate(work, nlp, max_chars, batch=int(batch_size))
        work.doc.pipeline.model = label

    # The runner names the model from `fn.nlp.meta`, as for spaCy: a blank vocab's Language with our label.
    import spacy

    shell = spacy.blank("sv", vocab=vocab)
    name, _, version = label.rpartition("-")
    shell.meta.update({"lang": p.lang, "name": name.split("_", 1)[1], "version": version})
    language.nlp = shell
    language.stanza = nlp
    language.plan = p
    return language
