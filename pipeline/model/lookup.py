"""`seen_form_lookup`: UPOS, FEATS and lemmas of word forms seen in training, after the lemmatizer.

On ~70k training tokens the CNN taggers and the edit-tree lemmatizer (letter-specific, context-blind
trees) still get known forms wrong; the ablation on dev-B (models/README.md) shows a lookup of what
training says about a form beats them there. This component holds form -> UPOS (forms with one UPOS in
training), (form, UPOS) -> FEATS (one analysis) and (form, UPOS) / form -> lemma (majority) tables
learnt from the training DocBins, and overwrites the predictions only for forms it has seen. For the
forms it has not seen, it gives nouns their gender and base form, and verbs their infinitive, where raw
text knows them (unseen_lemmas.py), and adjectival participles their own base form (participles.py). It is
registered for spaCy through the `spacy_factories` entry point in pyproject.toml, so
`spacy.load(models/sv_intervju_core)` finds it wherever intervju is installed.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from .participles import participle_lemma
from .unseen_lemmas import noun_lemma, proper_genitive_lemma, verb_lemma

FACTORY = "seen_form_lookup"
# a form's UPOS is looked up only where training (nearly) never gave it another
UPOS_SHARE = 0.995
# Swedish compounds take word class, features and inflection from their last part: an unseen form that
# ends in a training noun form of at least this many letters ("flug|fiske", "kvälls|timmar") is analysed
# as that noun, its lemma the first part + the noun's lemma. Shorter heads wrongly split
# "illuso|risk" (dev-B: heads of 4+ letters LEMMA +0.39, UPOS 0; 5+ LEMMA +0.37, UPOS +0.07, MORPH +0.04).
COMPOUND_HEAD = 5
COMPOUND_FIRST = 3  # letters at least in the first part
# Gender of nouns unseen in training, from raw text: "en X" / "ett X" where X ends the noun phrase (a
# punctuation mark or a preposition, conjunction or verb follows), so "ett litet hus" does not make
# "litet" a noun. Seen at least GENDER_MIN times with one article in GENDER_SHARE of them.
GENDER_MIN, GENDER_SHARE = 5, 0.9
KNOWN_MIN = 2  # "en/ett X" (or "att X", X ending in a vowel) this often: a known noun (verb) for unseen_lemmas
_PHRASE_END = (r"(?:\s*[.,;:!?)]|\s+(?:i|på|av|för|med|till|om|från|som|och|eller|att|är|var|har|kan|ska|skulle|"
               r"inom|under|mellan|efter|vid|mot|utan|där|när)(?=\s|$))")
_ARTICLE_NOUN = re.compile(r"\b([Ee]n|[Ee]tt)\s+([a-zåäöé]+)" + _PHRASE_END)
_INFINITIVE = re.compile(r"\b[Aa]tt\s+([a-zåäöé]+[aeiouyåäö])\b")


def _last_parts(low: str):
    """(first part, last part) splits of a compound candidate, longest last part first."""
    for k in range(COMPOUND_FIRST, len(low) - COMPOUND_HEAD + 1):
        yield low[:k], low[k:]


class SeenFormLookup:
    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name
        self.by_pos: dict[tuple[str, str], str] = {}
        self.by_form: dict[str, str] = {}
        self.feats: dict[tuple[str, str], str] = {}
        self.pos: dict[str, str] = {}
        self.noun_heads: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.raw_nouns: list[str] = []  # raw text's "en/ett X" nouns (learn_gender)
        self.raw_verbs: list[str] = []  # raw text's "att X" infinitives (learn_gender)
        self.noun_bases: set[str] = set()  # those and the training nouns' lemmas
        self.verb_bases: set[str] = set()  # those and the training verbs' lemmas

    def learn(self, docs: Iterable[Doc], min_share: float = 0.9, feats_min: int = 1,
              feats_share: float = 0.9, pos_min: int = 1) -> int:
        """Majority lemma per (form, UPOS) and per form; ambiguous forms (< min_share) stay out.
        feats_min > 0 also learns FEATS for (form, UPOS) seen that often with (almost) one analysis,
        pos_min > 0 the UPOS of forms seen that often with one UPOS. The defaults scored best on dev-B
        (models/README.md): even forms seen once are better looked up than predicted."""
        by_pos, by_form, feats = defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)
        upos = defaultdict(Counter)
        for doc in docs:
            for t in doc:
                if t.lemma_:
                    by_pos[(t.text, t.pos_)][t.lemma_] += 1
                    by_form[t.text][t.lemma_] += 1
                if t.pos_:
                    feats[(t.text, t.pos_)][str(t.morph)] += 1
                    upos[t.text][t.pos_] += 1

        def majority(table, share, at_least=1):
            out = {}
            for key, values in table.items():
                value, n = values.most_common(1)[0]
                total = sum(values.values())
                if total >= at_least and n / total >= share:
                    out[key] = value
            return out

        self.by_pos, self.by_form = majority(by_pos, min_share), majority(by_form, min_share)
        self.feats = majority(feats, feats_share, feats_min) if feats_min else {}
        self.pos = majority(upos, UPOS_SHARE, pos_min) if pos_min else {}
        self._index_heads()
        return len(self.by_pos)

    def learn_gender(self, lines: Iterable[str]) -> int:
        """The gender table and the known nouns and verbs, from raw text (one document or sentence per line)."""
        counts: dict[str, Counter] = defaultdict(Counter)
        infinitives: Counter = Counter()
        for line in lines:
            for article, word in _ARTICLE_NOUN.findall(line):
                counts[word][article.lower()] += 1
            infinitives.update(_INFINITIVE.findall(line))
        self.gender = {w: "Com" if article == "en" else "Neut" for w, c in counts.items()
                       for article, n in [c.most_common(1)[0]]
                       if sum(c.values()) >= GENDER_MIN and n / sum(c.values()) >= GENDER_SHARE}
        self.raw_nouns = sorted(w for w, c in counts.items() if sum(c.values()) >= KNOWN_MIN)
        self.raw_verbs = sorted(w for w, n in infinitives.items() if n >= KNOWN_MIN)
        self._index_heads()
        return len(self.gender)

    def _known_noun(self, low: str) -> bool:
        return low in self.noun_bases or any(part in self.noun_bases for _, part in _last_parts(low))

    def _known_verb(self, low: str) -> bool:
        return low in self.verb_bases

    def _gender_of(self, low: str) -> str | None:
        """The word's gender, else its last part's."""
        if low in self.gender:
            return self.gender[low]
        return next((self.gender[part] for _, part in _last_parts(low) if part in self.gender), None)

    def _set_gender(self, token) -> None:
        """An unseen indefinite singular noun takes the gender that its article shows in raw text."""
        feats = token.morph.to_dict()
        if feats.get("Definite") == "Ind" and feats.get("Number") == "Sing" and feats.get("Case") == "Nom":
            gender = self._gender_of(token.lower_)
            if gender and gender != feats.get("Gender"):
                token.set_morph(dict(feats, Gender=gender))

    def _definite_en(self, token) -> None:
        """A definite noun in -en is singular common gender (bil|en) or plural neuter (hus|en), as the
        article of its stem shows: right for 952 of the 955 such gold train and dev tokens."""
        low = token.lower_
        gender = self.gender.get(low[:-2]) if low.endswith("en") else None
        number = {"Com": "Sing", "Neut": "Plur"}.get(gender)
        if number is None:
            return
        feats = token.morph.to_dict()
        if feats.get("Definite") == "Def" and (feats.get("Gender"), feats.get("Number")) != (gender, number):
            token.set_morph(dict(feats, Gender=gender, Number=number))

    def _index_heads(self) -> None:
        """Lower-case noun forms with one UPOS and a lemma (the possible last parts of compounds), and the
        known nouns and verbs: raw text's and the training lemmas of that class."""
        self.noun_heads = {f: lemma for (f, p), lemma in self.by_pos.items()
                           if p == "NOUN" and self.pos.get(f) == "NOUN" and len(f) >= COMPOUND_HEAD and f.islower()}
        self.noun_bases = set(self.raw_nouns) | {lemma.lower() for (f, p), lemma in self.by_pos.items() if p == "NOUN"}
        self.verb_bases = set(self.raw_verbs) | {lemma.lower() for (f, p), lemma in self.by_pos.items() if p in ("VERB", "AUX")}

    def _compound(self, token) -> bool:
        """An unseen lower-case (or sentence-initial) word that ends in a known noun is that noun."""
        text = token.text
        if (len(text) < COMPOUND_HEAD + COMPOUND_FIRST or not text.isalpha()
                or text[0].isupper() and not token.is_sent_start):
            return False
        low = text.lower()
        for first, head in _last_parts(low):
            lemma = self.noun_heads.get(head)
            if lemma is not None:
                token.pos_ = "NOUN"
                token.lemma_ = first + lemma
                f = self.feats.get((head, "NOUN"))
                if f is not None:
                    token.set_morph(f)
                return True
        return False

    def _lemma_seen(self, text: str, pos: str) -> bool:
        """The tables hold a lemma for this form itself (not only for a compound's last part)."""
        return (text, pos) in self.by_pos or text in self.by_form

    def _analyse(self, t, text: str) -> bool:
        """Training's UPOS, lemma and FEATS for a seen form (or a compound's last part); True where its
        FEATS came from the tables."""
        pos = t.pos_
        seen_pos = self.pos.get(text)
        if seen_pos is not None and seen_pos != pos:
            t.pos_ = pos = seen_pos
        lemma = self.by_pos.get((text, pos)) or self.by_form.get(text)
        if lemma is not None:
            t.lemma_ = lemma
        elif self.noun_heads and text not in self.pos and text not in self.by_form:
            return self._compound(t)
        f = self.feats.get((text, pos))
        if f is not None:
            t.set_morph(f)
        return f is not None

    def __call__(self, doc: Doc) -> Doc:
        for t in doc:
            text = t.text  # read once: each attribute read of a spaCy token builds a new str
            from_tables = self._analyse(t, text)
            pos = t.pos_
            if pos == "NOUN":
                if not from_tables:
                    self._set_gender(t)
                if not self._lemma_seen(text, pos):  # unseen, or analysed as a compound
                    lemma = noun_lemma(t, self._known_noun)
                    if lemma:
                        t.lemma_ = lemma
                self._definite_en(t)
            elif pos == "VERB" and not self._lemma_seen(text, pos):
                lemma = verb_lemma(t, self._known_verb)
                if lemma:
                    t.lemma_ = lemma
            elif pos == "PROPN" and not self._lemma_seen(text, pos):
                t.lemma_ = proper_genitive_lemma(t) or t.lemma_
            elif pos == "ADJ":  # the lemmatizer learnt verb lemmas for participles from SUC-style data
                lemma = participle_lemma(t.text, t.morph.to_dict())
                if lemma:
                    t.lemma_ = lemma
        return doc

    # serialisation: one msgpack file; (form, UPOS) keys joined by a tab (forms never contain one)
    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"by_pos": {f"{f}\t{p}": v for (f, p), v in self.by_pos.items()},
                                    "by_form": self.by_form,
                                    "feats": {f"{f}\t{p}": v for (f, p), v in self.feats.items()},
                                    "pos": self.pos, "gender": self.gender, "raw_nouns": self.raw_nouns,
                                    "raw_verbs": self.raw_verbs})

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "SeenFormLookup":
        msg = srsly.msgpack_loads(data)
        self.by_pos = {tuple(k.split("\t", 1)): v for k, v in msg["by_pos"].items()}
        self.by_form = dict(msg["by_form"])
        self.feats = {tuple(k.split("\t", 1)): v for k, v in msg["feats"].items()}
        self.pos = dict(msg["pos"])
        self.gender = dict(msg.get("gender", {}))
        self.raw_nouns = list(msg.get("raw_nouns", []))
        self.raw_verbs = list(msg.get("raw_verbs", []))
        self._index_heads()
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "tables.msgpack").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> "SeenFormLookup":
        return self.from_bytes((Path(path) / "tables.msgpack").read_bytes())


@Language.factory(FACTORY, requires=["token.pos"], assigns=["token.pos", "token.morph", "token.lemma"])
def make_seen_form_lookup(nlp: Language, name: str) -> SeenFormLookup:
    return SeenFormLookup(nlp, name)
