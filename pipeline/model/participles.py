"""The lemma of a participle used as an adjective, as current UD Swedish writes it.

UD Talbanken lemmatises "anpassade", "avlönat", "angivna" as the participle's own base form
(anpassad, avlönad, angiven); the SUC-style lemmas of the efselab table and Eukalyptus give the verb
(anpassa, avlöna, ange). The base form is the common-gender singular indefinite one, which the word's
ending and features give: -ade/-at -> -ad, -da/-dda/-tt -> -d/-dd, -ta -> -t, -na/-et -> -en, and a
neuter -t after a voiced sound -> -d (höjt -> höjd; köpt stays). Present participles are their own
lemma (skiftande), without a genitive -s.
"""
from __future__ import annotations

VOICELESS = frozenset("fkpstx")
# (ending, replacement) tried in order; the first that fits wins
PAST_ENDINGS = (("ade", "ad"), ("at", "ad"), ("dda", "dd"), ("tt", "dd"), ("da", "d"), ("ta", "t"),
                ("na", "en"), ("et", "en"))


def participle_lemma(form: str, feats: dict) -> str | None:
    """The base form of an adjectival participle, or None where the features do not say participle."""
    if feats.get("VerbForm") != "Part":
        return None
    low = form.lower()
    if feats.get("Case") == "Gen" and low.endswith("s"):
        low = low[:-1]
    if feats.get("Tense") == "Pres":
        return low if low.endswith(("ande", "ende")) else None
    if feats.get("Tense") != "Past":
        return None
    if feats.get("Gender") == "Com" and feats.get("Number") == "Sing" and feats.get("Definite") == "Ind":
        return low
    if low.endswith(("att", "ätt")):  # satt, bosatt, mätt: the same form in both genders
        return low
    for ending, base in PAST_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return low[: -len(ending)] + base
    if low.endswith("t") and len(low) > 2:
        return low if low[-2] in VOICELESS else low[:-1] + "d"
    return low if low.endswith(("d", "en")) else None
