"""`known_labels`: an entity whose text is a curated name takes the curated label.

The recogniser reads "Nato" as a place, and "DN" and "SvD" as MISC (the SUC silver in its data marks
newspapers as works), while UD's NER layer, klintan and the intervju pipeline call them
organisations. The curated ORG and LOC names of pipeline/gazetteers/curated.toml (saved into the
model's config) settle the label of an entity with exactly that text, or its genitive ("Natos", "FN:s"),
unless the recogniser read it as a person (UNER halves and NER dev the same either way).
Spans are left as the recogniser found them: putting the gazetteer first, so that its names also set
spans, cost more than it gave (models/README.md).

A name that ends in a word for a street or a place ("S:t Eriksgatan", "Stortorpsvägen", "Norra
Järvafältet") is a place, where the recogniser said organisation or person: Swedish street and place
names are compounds on these words. In the NER training data 94 of 101 such names are places (UNER 31 of
31, the SUC silver 52 of 52, klintan 11 of 18, its others MISC but one: "Sandviken", the club).

Registered through the `spacy_factories` entry point.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .unseen_lemmas import genitive_base

FACTORY = "known_labels"
PLACE_ENDINGS = ("gatan", "vägen", "leden", "plan", "torget", "torg", "gränd", "parken", "bron", "stigen",
                 "allén", "kajen", "platsen", "området", "regionen", "fältet", "sjön", "älven", "fjärden",
                 "viken", "berget", "dalen", "skogen")


def _base_forms(text: str) -> tuple[str, ...]:
    """The text and, for a genitive, the name it is the genitive of ("FN:s" -> "FN", "Natos" -> "Nato")."""
    base = genitive_base(text)
    return (text, base) if base != text else (text,)


def _place_word(ent: Span) -> bool:
    """The last word is a compound on a place word ("Essinge|leden"), or the place word itself in lower
    case after a name ("Sergels torg"); "Allén" and "Berget" alone are surnames."""
    last = ent[-1]
    if not last.is_alpha:
        return False
    for form in _base_forms(last.text.lower()):
        ending = next((e for e in PLACE_ENDINGS if form.endswith(e)), None)
        if ending and (len(form) >= len(ending) + 3 or (len(ent) > 1 and last.text.islower())):
            return True
    return False


class KnownLabels:
    def __init__(self, nlp: Language, name: str, names: dict[str, str]):
        self.name = name
        self.names = dict(names)

    def label(self, ent: Span) -> str | None:
        # a person keeps its label: "Berlin", "Haag", "Israel" are also Swedish surnames and first names
        known = next((self.names[t] for t in _base_forms(ent.text) if t in self.names), None)
        if known and ent.label_ != "PER":
            return known
        return "LOC" if ent.label_ in ("ORG", "PER") and _place_word(ent) else None

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        for ent in doc.ents:
            label = self.label(ent)
            ents.append(Span(doc, ent.start, ent.end, label=label) if label and label != ent.label_ else ent)
        doc.ents = ents
        return doc


@Language.factory(FACTORY, default_config={"names": {}}, requires=["doc.ents"], assigns=["doc.ents"])
def make_known_labels(nlp: Language, name: str, names: dict[str, str]) -> KnownLabels:
    return KnownLabels(nlp, name, names)
