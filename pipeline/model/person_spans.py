"""`person_spans`: where a person's name starts, by the words around it.

The recogniser learnt persons mostly from news text and misplaces the start of a name in three ways the
words themselves settle:
- A title opening a sentence is capitalised and read as part of the name: "Lektor Öqvist", "Hr Rohlin",
  "Personalintendent Gunnar Hultgren". UD's NER layer (UNER) leaves titles out, so they are trimmed.
- A surname that is also a common word is missed after a title: "dr Horn", "docent Klockhoff". A
  capitalised word (up to three) after a title becomes a person.
- Name particles and initials before the name are left out: "de Gaulle", "af Ugglas", "E. W. Burgess".

The titles are data (`[person_titles]` in pipeline/gazetteers/curated.toml), saved into the model's
config. Measured on the UNER Talbanken train halves read by recognisers trained without them, and on the
NER dev (models/README.md). Registered for spaCy through the `spacy_factories` entry point.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

FACTORY = "person_spans"
DEFINITE_ENDINGS = ("", "n", "en", "et", "er", "ern")
COMPOUND_HEAD = 5  # letters a title needs to close a compound ("personal|intendent"; not "hus|son")
NAME_PARTICLES = frozenset({"af", "von", "van", "de", "der", "da", "di", "du", "zu"})
INITIAL = re.compile(r"[A-ZÅÄÖ]\.|[B-HJ-NP-Z]")  # "E.", "W"; not "I" or "A", which open sentences
MAX_NAME_WORDS = 3


class PersonSpans:
    def __init__(self, nlp: Language, name: str, titles: list[str]):
        self.name = name
        self.titles = list(titles)
        self._forms = {t + ending for t in self.titles for ending in DEFINITE_ENDINGS}
        self._heads = {f for f in self._forms if len(f) >= COMPOUND_HEAD}

    def is_title(self, word: str) -> bool:
        word = word.lower().rstrip(".")
        return word in self._forms or any(word[i:] in self._heads for i in range(3, len(word) - COMPOUND_HEAD + 1))

    def _title_before(self, doc: Doc, i: int) -> bool:
        j = i - 2 if i >= 2 and doc[i - 1].text == "." else i - 1  # "prof. Hansen"
        return j >= 0 and self.is_title(doc[j].text)

    def _start(self, ent: Span, taken: set[int]) -> int:
        doc, start = ent.doc, ent.start
        if len(ent) > 1 and ent[0].text[:1].isupper() and self.is_title(ent[0].text):
            start += 1 + (start + 2 < ent.end and doc[start + 1].text == ".")
            return start
        while start > 0 and start - 1 not in taken and not doc[start].is_sent_start \
                and (doc[start - 1].text in NAME_PARTICLES or INITIAL.fullmatch(doc[start - 1].text)):
            start -= 1
        return start

    def _after_titles(self, doc: Doc, taken: set[int]) -> list[Span]:
        found = []
        for i in range(1, len(doc)):
            if i in taken or not _capitalised(doc[i]) or doc[i].is_sent_start or not self._title_before(doc, i):
                continue
            end = i + 1
            while end < len(doc) and end - i < MAX_NAME_WORDS and end not in taken and _capitalised(doc[end]) \
                    and not doc[end].is_sent_start:
                end += 1
            found.append(Span(doc, i, end, label="PER"))
            taken.update(range(i, end))
        return found

    def __call__(self, doc: Doc) -> Doc:
        ents, taken = [], {i for e in doc.ents for i in range(e.start, e.end)}
        for ent in doc.ents:
            start = self._start(ent, taken) if ent.label_ == "PER" else ent.start
            ents.append(ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_))
        taken = {i for e in ents for i in range(e.start, e.end)}
        doc.ents = sorted(ents + self._after_titles(doc, taken), key=lambda e: e.start)
        return doc


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


@Language.factory(FACTORY, default_config={"titles": []}, requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_person_spans(nlp: Language, name: str, titles: list[str]) -> PersonSpans:
    return PersonSpans(nlp, name, titles)
