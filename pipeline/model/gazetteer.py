"""An entity_ruler from the shared gazetteers (municipalities, counties, agencies, parties) and the
curated places of pipeline/gazetteers/curated.toml (countries, capitals, regions, seas: the NER has
seen too few of them to tell "Kenya" from a surname). Shipped after the NER: it fills the NER's gaps."""
from __future__ import annotations

import csv
import json

from ..gazetteers.build import AMBIGUOUS, DEFAULT_OUT, load_curated
from . import paths

GAZ = paths.DATA / "gazetteers"


def _rows(path):
    with open(path, encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def curated_places() -> dict[str, str]:
    """name -> "LOC" for the curated places and their variants (Holland, Förenta staterna)."""
    return {n: "LOC" for name, variants in load_curated()["LOC"].items() for n in [name, *variants]}


def curated_labels() -> dict[str, str]:
    """Capitalised curated ORG and LOC names and variants -> label (known_labels); a place wins a tie."""
    curated = load_curated()
    return {n: label for label in ("ORG", "LOC") for name, variants in curated[label].items()
            for n in [name, *variants] if n[:1].isupper()}


def person_titles() -> list[str]:
    """The titles that stand before a person's name (person_spans)."""
    return list(load_curated()["person_titles"]["names"])


def organisation_names() -> dict[str, str]:
    """Agencies (official names and the Swedish variants, "Arbetsmarknadsstyrelsen") and parties, as the
    main pipeline's lookup table (pipeline/resources/gazetteers/names.json) has them -> "ORG"."""
    entries = json.loads((DEFAULT_OUT / "names.json").read_text(encoding="utf-8"))["entries"]
    return {name: "ORG" for name, (label, _norm, _id, kind) in entries.items()
            if kind in ("agency", "party") and label == "ORG" and name not in AMBIGUOUS}


def gazetteer_names(common_words: set[str] | None = None) -> dict[str, str]:
    """name -> label. A place whose lower-case form is a common word (Vara, Mark) is left out; an
    agency or party is not: "arbetsförmedlingen" in lower case is still the agency, which UNER annotates
    where it is capitalised (held-out UNER train halves 80.00 -> 80.52, NER dev 82.68 -> 82.84)."""
    common = common_words or set()
    places: dict[str, str] = {}
    geo = GAZ / "swedish-geodata" / "data"
    for r in _rows(geo / "municipalities.csv"):
        places[r["municipality_name"]] = "ORG"
        places[r["municipality_name_short"]] = "LOC"
    for r in _rows(geo / "counties.csv"):
        places[r["county_name"]] = "LOC"
    places.update(curated_places())
    names = {n.strip(): lab for n, lab in places.items() if n.strip().lower() not in common}
    for name, label in organisation_names().items():
        names.setdefault(name, label)
    out = {}
    for name, label in names.items():
        if len(name) < 3 or not name[0].isupper():
            continue
        out[name] = label
        if not name.endswith(("s", "x", "z")):
            out[name + "s"] = label  # genitive
    return out


def add_ruler(nlp, common_words: set[str] | None = None, first: bool = False) -> int:
    """after the NER (fills gaps) or first (its names win; loads faster: the patterns are only tokenised)."""
    names = gazetteer_names(common_words)
    where = {"first": True} if first else {"after": "ner"}
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", config={"overwrite_ents": False}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns([{"label": lab, "pattern": name} for name, lab in names.items()])
    return len(names)
