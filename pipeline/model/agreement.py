"""`syntax_features`: features that the words around decide, set after the parser from its tree.

The morphologizer sees a window of words; these Swedish distinctions depend on the phrase instead, and
the first two were the largest feature errors left on dev-B (models/README.md):

- Neuter nouns whose singular and plural are one form (hus, barn, problem) take their number from
  what agrees with them: "ett hus", "stort hus" -> Sing; "flera hus", "två hus", "sina hus" -> Plur. In
  the training trees that evidence gives the gold number 95% of the time. A bare noun ("bygga hus")
  keeps the model's guess: a singular default (73% of bare nouns in training) helped on dev-B but
  broke more than it fixed on the Talbanken test (62 fixed, 83 broken), so it is not used.
- An adjective that the parser made an adverbial modifier, in its -t form or comparative/superlative,
  is an adverb in UD Swedish, as in SUC ("skriver bra", "talar politiskt", "mer"): 96% of such
  advmod tokens in the training trees are ADV. Its only feature is the degree.
- A passive in vowel + s after a modal ("ska slängas", "kan uppnås") is an infinitive, not a present:
  the -s present of most verbs ("byggs") differs, but first-conjugation and one-syllable verbs
  ("kastas", "nås") share the form (dev-B: 2 fixed, none broken; in the UD dev trees 34 of 36 such
  forms are infinitives, in the rebuilt train 240 of 248).
- "ha" is an auxiliary only of a supine (har gjort), or of a predicate whose copula is one (har varit
  ordförande); where the parser made it aux of anything else, it is the main verb "have" (VERB), as
  its tree is wrong (480 of the 484 auxiliary "ha" in the training trees are on a supine or such a
  predicate; dev-B: 3 fixed, none broken, UPOS 96.59 -> 96.66).
- A supine with a copula and no "ha" ("är förenat med", "är underkastat") is a neuter participle,
  an adjective: 47 of 49 such tokens in the training trees (dev-B: 3 fixed, none broken).

Registered for spaCy through the `spacy_factories` entry point, like seen_form_lookup.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from .participles import participle_lemma

FACTORY = "syntax_features"
# quantifiers that take plural nouns but carry no Number feature in UD Swedish
PLURAL_WORDS = frozenset({"många", "flera", "fler", "färre", "få", "båda", "bägge", "olika", "somliga", "åtskilliga"})
SINGULAR_NUMERALS = frozenset({"en", "ett", "1"})
AGREEING = frozenset({"det", "amod", "nummod", "nmod:poss"})
VOWELS = frozenset("aeiouyåäöé")
NEUTER_PARTICIPLE = "Case=Nom|Definite=Ind|Degree=Pos|Gender=Neut|Number=Sing|Tense=Past|VerbForm=Part"
NEUTER_PARTICIPLE_TAG = "PC|PRF|NEU|SIN|IND|NOM"
MODALS = frozenset({"kunna", "skola", "måste", "böra", "vilja", "få", "låta", "behöva", "må"})
PASSIVE_INFINITIVE = "VerbForm=Inf|Voice=Pass"


def _number_evidence(noun: Token) -> str | None:
    """Sing/Plur from the first agreeing dependent that shows it, else None."""
    for child in noun.children:
        if child.dep_ not in AGREEING:
            continue
        low = child.lower_
        if low in PLURAL_WORDS:
            return "Plur"
        if child.dep_ == "nummod":
            return "Sing" if low in SINGULAR_NUMERALS else "Plur"
        feats = child.morph.to_dict()
        if child.dep_ == "nmod:poss" and feats.get("Poss") != "Yes":
            continue  # a genitive noun agrees with nothing
        if feats.get("Number") in ("Sing", "Plur"):
            return feats["Number"]
    return None


def _same_form_neuter(token: Token, feats: dict) -> bool:
    """An indefinite neuter noun in the form that is both singular and plural (lemma = form, ends in a consonant)."""
    low = token.lower_
    return (token.pos_ == "NOUN" and feats.get("Gender") == "Neut" and feats.get("Definite") == "Ind"
            and feats.get("Case") == "Nom" and low == token.lemma_.lower() and low[-1:] not in VOWELS)


def _adverbial_adjective(token: Token, feats: dict) -> bool:
    if token.pos_ != "ADJ" or token.dep_ != "advmod" or "VerbForm" in feats:
        return False
    return feats.get("Degree") in ("Cmp", "Sup") or (
        feats.get("Gender") == "Neut" and feats.get("Number") == "Sing" and feats.get("Definite") == "Ind")


def _infinitive_after_modal(token: Token, feats: dict) -> bool:
    low = token.lower_
    if feats.get("VerbForm") != "Fin" or feats.get("Tense") != "Pres" or not (low.endswith("s") and low[-2:-1] in VOWELS):
        return False
    return any(c.dep_ in ("aux", "aux:pass") and c.lemma_ in MODALS for c in token.children)


def _have_without_supine(token: Token) -> bool:
    if token.pos_ != "AUX" or token.lemma_ != "ha" or token.dep_ != "aux":
        return False
    head = token.head
    if {"Sup", "Part", "Inf"} & set(head.morph.get("VerbForm")):
        return False
    return not any("Sup" in c.morph.get("VerbForm") for c in head.children)


def _participle_after_copula(token: Token, feats: dict) -> bool:
    if token.pos != VERB or feats.get("VerbForm") != "Sup":
        return False
    deps = {(c.dep_, c.lemma_) for c in token.children}
    return any(d == "cop" for d, _ in deps) and ("aux", "ha") not in deps


class SyntaxFeatures:
    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            pos = token.pos
            if pos == AUX:
                if _have_without_supine(token):
                    token.pos_ = "VERB"
                continue
            if pos not in (NOUN, ADJ, VERB):  # the word classes the other rules read
                continue
            feats = token.morph.to_dict()
            if _same_form_neuter(token, feats):
                number = _number_evidence(token)
                if number and feats.get("Number") != number:
                    token.set_morph(dict(feats, Number=number))
            elif _infinitive_after_modal(token, feats):
                token.tag_ = "VB|INF|SFO"
                token.set_morph(PASSIVE_INFINITIVE)
            elif _participle_after_copula(token, feats):
                token.pos_, token.tag_ = "ADJ", NEUTER_PARTICIPLE_TAG
                token.set_morph(NEUTER_PARTICIPLE)
                token.lemma_ = participle_lemma(token.text, token.morph.to_dict()) or token.lemma_
            elif _adverbial_adjective(token, feats):
                token.pos_ = "ADV"
                token.set_morph({"Degree": feats["Degree"]} if "Degree" in feats else {})
        return doc


@Language.factory(FACTORY, requires=["token.dep", "token.pos", "token.morph", "token.lemma"],
                  assigns=["token.pos", "token.tag", "token.morph", "token.lemma"])
def make_syntax_features(nlp: Language, name: str) -> SyntaxFeatures:
    return SyntaxFeatures(nlp, name)
