"""Swedish tokenizer exceptions added to a pipeline's tokenizer (saved with the model)."""
from __future__ import annotations

ABBREVIATIONS = [
    "t.ex.", "bl.a.", "m.m.", "s.k.", "fr.o.m.", "t.o.m.", "o.s.v.", "m.fl.", "d.v.s.", "dvs.", "osv.",
    "etc.", "resp.", "jfr.", "ca.", "st.", "nr.", "kap.", "sid.", "s.", "fig.", "tr.", "kl.", "f.d.",
    "p.g.a.", "pga.", "i.o.m.", "e.d.", "o.d.", "m.a.o.", "bl.", "tel.", "tfn.", "milj.", "mdr.", "kr.",
    "jan.", "febr.", "aug.", "sept.", "okt.", "nov.", "dec.", "f.n.", "fr.", "vol.", "ang.", "inkl.",
    "exkl.", "prop.", "bet.", "dir.", "s.a.s.", "e.Kr.", "f.Kr.",
]
NO_SPLIT = ["ca", "nr", "st", "SOI:s", "EU:s", "FN:s", "SCB:s"]


def _variants(word: str) -> set[str]:
    return {word, word[:1].upper() + word[1:]}


def add_swedish_exceptions(nlp) -> None:
    """Abbreviations stay one token; en/em dashes between words split; ”quotes” split off; a full stop
    after a mixed-case acronym ("skrev SvD.") is punctuation, where spaCy keeps "SvD." whole."""
    from spacy.attrs import ORTH
    from spacy.util import compile_infix_regex, compile_suffix_regex

    for abbr in ABBREVIATIONS + NO_SPLIT:
        for v in _variants(abbr):
            nlp.tokenizer.add_special_case(v, [{ORTH: v}])
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[\w”])[–—](?=[\w“”])", r"[”“„]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[a-zåäö][A-ZÅÄÖ])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
