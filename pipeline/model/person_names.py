"""`person_names`: the capitalised words of a person's name of two or more words are proper nouns.

The tagger learnt from Talbanken, whose prose has few personal names, and reads an unseen name by its
ending: on the NER dev, 53 of the 284 words inside persons' names came out as a noun, adjective or verb,
with lemmas such as "helln" (Hellner), "johns" (Johnsen), "Nikla" (Niklas). The recogniser finds these
names far more reliably, above all when they have a first name and a surname, so its persons set the
tags of their capitalised words: UPOS PROPN, XPOS PM|NOM or PM|GEN, the form as lemma. Only the name's last
word can be a genitive, where the tagger read one, and its lemma loses the -s as in UD ("Müllers" ->
"Müller", "Reinfeldts" -> "Reinfeldt"); the tagger had also put PM|GEN on first names ("Francois").
One-word persons are left to the tagger: a lone capitalised word is too often a heading.

Registered for spaCy through the `spacy_factories` entry point, like proper_names; it runs after it, on
the final entities.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .unseen_lemmas import genitive_base

FACTORY = "person_names"


def _genitive(token: Token, last: bool) -> bool:
    """Only the name's last word takes the genitive, and only where the tagger read one."""
    return last and "Gen" in token.morph.get("Case") and token.text[-1:] in ("s", "'")


def mark_proper_noun(token: Token, genitive: bool) -> None:
    token.pos_ = "PROPN"
    token.tag_ = "PM|GEN" if genitive else "PM|NOM"
    token.set_morph("Case=Gen" if genitive else "Case=Nom")
    token.lemma_ = genitive_base(token.text) if genitive else token.text


class PersonNames:
    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ != "PER" or len(ent) < 2:
                continue
            for token in ent:
                if any(ch.isupper() for ch in token.text):
                    mark_proper_noun(token, _genitive(token, token.i == ent.end - 1))
        return doc


@Language.factory(FACTORY, requires=["doc.ents", "token.pos"], assigns=["token.pos", "token.tag", "token.morph",
                                                                       "token.lemma"])
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames(nlp, name)
