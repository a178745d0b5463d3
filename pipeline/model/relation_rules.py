"""`relation_rules`: word classes that the parser's relation decides, set after the parser.

The taggers guess from the words around; for these words the relation is the more reliable
(models/README.md):
- UD's definition of the auxiliaries: ha, få, komma, bli, vilja are AUX exactly where they are aux,
  aux:pass or cop, VERB elsewhere; vara, kunna, skola, måste, böra are AUX on those relations
  (dev-B UPOS 95.67 -> 95.95).
- "som" is a relative pronoun as the relative clause's subject or object and a subjunction as a marker
  ("lika stor som"); training trees: mark 360 SCONJ, 3 PRON; nsubj/obj all PRON. dev-B UPOS, XPOS and
  MORPH each +0.11.
- den, det, de, denna, detta, dessa as "det" of a noun are determiners with the article's analysis
  (training: 1,899 of 1,903). dev-B UPOS, XPOS and MORPH each +0.07.

Until 0.11.0 these were two attribute_rulers. Their matchers tried every pattern on every token, 4% of
the whole model's time; here numpy picks the few candidate words first and the rules run on those only,
with the same results. Registered through the `spacy_factories` entry point.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from .harmonise import AUX_RELATIONS

FACTORY = "relation_rules"
AUX_OR_VERB = frozenset({"ha", "få", "komma", "bli", "vilja"})
ALWAYS_AUX = frozenset({"vara", "kunna", "skola", "måste", "böra"})
SOM_AS_PRONOUN = frozenset({"nsubj", "nsubj:pass", "obj"})
# The article and demonstrative analyses of the training trees, for words the parser made "det"
DETERMINERS = {"den": ("DT|UTR|SIN|DEF", "Definite=Def|Gender=Com|Number=Sing|PronType=Art"),
               "det": ("DT|NEU|SIN|DEF", "Definite=Def|Gender=Neut|Number=Sing|PronType=Art"),
               "de": ("DT|UTR/NEU|PLU|DEF", "Definite=Def|Number=Plur|PronType=Art"),
               "dom": ("DT|UTR/NEU|PLU|DEF", "Definite=Def|Number=Plur|PronType=Art"),
               "denna": ("DT|UTR|SIN|DEF", "Definite=Def|Gender=Com|Number=Sing|PronType=Dem"),
               "detta": ("DT|NEU|SIN|DEF", "Definite=Def|Gender=Neut|Number=Sing|PronType=Dem"),
               "dessa": ("DT|UTR/NEU|PLU|DEF", "Definite=Def|Number=Plur|PronType=Dem")}


def _auxiliary(t: Token, lemma: str, pos: str) -> None:
    on_aux_relation = t.dep_ in AUX_RELATIONS
    if pos == "VERB" and on_aux_relation:
        t.pos_ = "AUX"
    elif pos == "AUX" and not on_aux_relation and lemma in AUX_OR_VERB:
        t.pos_ = "VERB"


def _closed_class(t: Token, low: str, pos: str) -> None:
    dep = t.dep_
    if low == "som":
        if dep in SOM_AS_PRONOUN and pos != "PRON":
            t.pos_, t.tag_ = "PRON", "HP|-|-|-"
            t.set_morph("PronType=Rel")
        elif dep == "mark" and pos == "PRON":
            t.pos_, t.tag_ = "SCONJ", "KN"
            t.set_morph("")
    elif dep == "det" and pos != "DET":
        t.pos_, t.tag_ = "DET", DETERMINERS[low][0]
        t.set_morph(DETERMINERS[low][1])


class RelationRules:
    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name
        strings = nlp.vocab.strings
        self._lemma_ids = numpy.array([strings.add(w) for w in AUX_OR_VERB | ALWAYS_AUX], dtype="uint64")
        self._word_ids = numpy.array([strings.add(w) for w in ["som", *DETERMINERS]], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        ids = doc.to_array([LEMMA, LOWER])
        lemma_hit = numpy.isin(ids[:, 0], self._lemma_ids)
        word_hit = numpy.isin(ids[:, 1], self._word_ids)
        for i in numpy.flatnonzero(lemma_hit | word_hit).tolist():
            t = doc[i]
            if lemma_hit[i]:
                _auxiliary(t, t.lemma_, t.pos_)
            if word_hit[i]:
                _closed_class(t, t.lower_, t.pos_)
        return doc


@Language.factory(FACTORY)
def make_relation_rules(nlp: Language, name: str) -> RelationRules:
    return RelationRules(nlp, name)
