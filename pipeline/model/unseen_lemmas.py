"""Lemmas of inflected nouns and verbs the edit trees could not handle, checked against raw text.

The edit-tree lemmatizer leaves rare forms as they are or cuts them wrong (utlänningarna, känslornas;
nycklarna -> "nycklare", utlöste -> "utlöstea"). Swedish endings are few: strip a definite, plural or
tense ending, put back what the inflection takes away (flick|orna -> flicka, nyckl|arna -> nyckel,
ly|dde -> lyda, sug|s -> suga) and keep the first candidate that raw text shows as a noun ("en/ett X")
or a verb ("att X"), or a training lemma of that class. Only where the model's lemma is not one.
Nouns: dev-B LEMMA 97.56 -> 97.79 (10 fixed, none broken); verbs: see VERB_ENDINGS.
"""
from __future__ import annotations

from typing import Callable, Iterator

# (ending, what the base form ends in instead), most specific first
DEFINITE_SING = (("en", ""), ("en", "e"), ("n", ""), ("et", ""), ("t", ""))
DEFINITE_PLUR = (("arna", ""), ("arna", "e"), ("orna", "a"), ("erna", ""), ("erna", "e"), ("rna", ""),
                 ("na", ""), ("en", ""), ("ena", ""))
INDEFINITE_PLUR = (("ar", ""), ("ar", "e"), ("or", "a"), ("er", ""), ("er", "e"), ("r", ""))
# past, present and supine endings -> the infinitive (a passive's -s is stripped first)
VERB_ENDINGS = (("ade", "a"), ("dde", "da"), ("tte", "ta"), ("de", "a"), ("te", "a"), ("ar", "a"), ("er", "a"),
                ("at", "a"), ("tt", "ta"), ("it", "a"), ("t", "a"), ("r", ""), ("", ""), ("", "a"))
VOWELS = frozenset("aeiouyåäö")


def _endings(feats: dict):
    if feats.get("Definite") == "Ind":
        return INDEFINITE_PLUR if feats.get("Number") == "Plur" else ()
    if feats.get("Number") == "Plur":
        return DEFINITE_PLUR + DEFINITE_SING
    return DEFINITE_SING + DEFINITE_PLUR


def candidates(low: str, feats: dict) -> Iterator[str]:
    if feats.get("Case") == "Gen" and low.endswith("s"):
        low = low[:-1]
    for ending, base in _endings(feats):
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            stem = low[: -len(ending)]
            yield stem + base
            if not base and len(stem) > 3 and stem[-1] in "lnr" and stem[-2] not in VOWELS:
                yield stem[:-1] + "e" + stem[-1]  # nyckl -> nyckel, fågl -> fågel


def noun_lemma(token, known: Callable[[str], bool]) -> str | None:
    """A better lemma for an inflected noun the tables did not analyse, or None to keep the model's."""
    feats = token.morph.to_dict()
    low, lemma = token.lower_, token.lemma_.lower()
    if not token.text.isalpha() or "Definite" not in feats:
        return None
    if known(lemma) and (lemma != low or feats["Definite"] == "Ind"):
        return None  # the model's lemma is a known noun (a same-form plural such as "läger" included)
    return next((c for c in candidates(low, feats) if known(c)), None)


def verb_candidates(low: str, feats: dict) -> Iterator[str]:
    if feats.get("Voice") == "Pass" and low.endswith("s"):
        low = low[:-1]
    for ending, base in VERB_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            yield low[: len(low) - len(ending)] + base


def verb_lemma(token, known: Callable[[str], bool]) -> str | None:
    """A better lemma for a verb form the tables did not analyse, or None to keep the model's."""
    if not token.text.isalpha() or known(token.lemma_.lower()):
        return None
    return next((c for c in verb_candidates(token.lower_, token.morph.to_dict()) if known(c)), None)


def genitive_base(text: str) -> str:
    """A name's genitive without its ending, as UD Talbanken writes proper nouns' lemmas (Sveriges ->
    Sverige, EU:s -> EU). A name that ends in -s already takes no other ("Paris gator") and loses a
    letter here: in Talbanken's training genitives about 1 in 12 ending in -s is such a name."""
    for ending in (":s", "'s", "'", "s"):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


def proper_genitive_lemma(token) -> str | None:
    """The base of an unseen proper noun in the genitive whose lemma the edit trees left as the form.

    Eukalyptus writes such lemmas as the form (358 of its 390 PM|GEN tokens), Talbanken without the -s
    (108 of 130; most of the rest are names ending in -s or a vowel), so the lemmatizer learnt both."""
    if token.lemma_ != token.text or "Gen" not in token.morph.get("Case"):
        return None
    base = genitive_base(token.text)
    return base if base != token.text else None
