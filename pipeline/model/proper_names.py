"""`proper_names`: an entity must be written as a name: a capital letter in it, and not a common word.

Swedish writes institutions named by a common noun in lower case (riksdagen, regeringen, polisen,
finansdepartementet), and UD's NER layer (UNER) does not annotate them: 6 of 967 entities in the UNER
Talbanken train are all lower case, 41 of about 4,200 in klintan's train. The SUC layers in our NER data
do mark them, so the recogniser proposes them (NER dev: 4 of the 12 false entities on the UNER part).
Dropping them raised NER dev from 81.17 to 81.89 (UNER part 70.37 -> 76.00, klintan part 82.01 -> 82.32).

Only in normally cased text: where a sentence starts in lower case (a lower-case transcript) the
recogniser's entities stay. The pipeline's entity stage finds lower-case bodies ("finansutskottet") by
its own rules, so nothing downstream is lost.

A one-word entity at the start of a sentence (or after a colon, dash or quote) is a capitalised common
word where the tagger says so: a person it does not call a proper noun ("Hustrun", "Spola", "Monogami"
opening a sentence or a heading), or any entity it reads as an indefinite noun, adjective or verb
("Pensionärer", "Krav"). Dropping them lost no correct entity on the NER dev (82.46 -> 82.68) nor on the
UNER train read by an NER trained without it (72.28 -> 72.74 for persons, -> 73.08 with the rest).

An entity does not run across a sentence boundary. Where one does, it is a run of capitalised headings
and list items the recogniser joined ("Bostad Kommunal", "Fotnot Tillväxtens"), and it
goes. On the UNER Talbanken train halves read by recognisers trained without them, 10 such entities:
9 wrong, 1 right ("Oscar Öqvist", split by the parser); NER dev unchanged (models/README.md).

Registered for spaCy through the `spacy_factories` entry point, like syntax_features.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

FACTORY = "proper_names"
SENTENCE_OPENERS = frozenset({".", ":", "!", "?", '"', "”", "'", "–", "-", "*"})


def _lower_case_name(ent: Span) -> bool:
    return not any(ch.isupper() for ch in ent.text)


def _common_word_opening(ent: Span) -> bool:
    first = ent[0]
    if len(ent) != 1 or not (first.i == 0 or first.is_sent_start or first.nbor(-1).text in SENTENCE_OPENERS):
        return False
    if ent.label_ == "PER" and first.pos_ not in ("PROPN", "X", ""):
        return True
    # institutions are definite ("Polisen", "Riksdagen"); "Pensionärer", "Krav" opening a sentence are not
    return first.pos_ in ("NOUN", "ADJ", "VERB") and "Def" not in first.morph.get("Definite")


def _normally_cased(ent: Span) -> bool:
    """The entity's sentence (or the text before it, without sentence boundaries) starts with a capital."""
    doc = ent.doc
    start = ent.sent.start if doc.has_annotation("SENT_START") else 0
    first = next((ch for ch in doc[start:ent.end].text if ch.isalpha()), "")
    return first.isupper()


def _across_sentences(ent: Span) -> bool:
    return any(token.is_sent_start for token in ent[1:])


class ProperNames:
    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc.ents:
            doc.ents = [e for e in doc.ents
                        if not (_lower_case_name(e) and _normally_cased(e)) and not _common_word_opening(e)
                        and not _across_sentences(e)]
        return doc


@Language.factory(FACTORY, requires=["doc.ents", "token.pos"], assigns=["doc.ents"])
def make_proper_names(nlp: Language, name: str) -> ProperNames:
    return ProperNames(nlp, name)
