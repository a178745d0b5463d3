"""An entity_ruler from the shared gazetteers (municipalities, counties, agencies, parties) and the
curated places of pipeline/gazetteers/curated.toml (countries, capitals, regions, seas: the NER has
seen too few of them to tell "Kenya" from a surname). Shipped first in the pipeline, so its names win."""
from __future__ import annotations

import csv

from ..gazetteers.build import load_curated
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


def gazetteer_names(common_words: set[str] | None = None) -> dict[str, str]:
    """name -> label; names whose lower-case form is a common word (Vara, Mark) are left out."""
    common = common_words or set()
    names: dict[str, str] = {}
    geo = GAZ / "swedish-geodata" / "data"
    for r in _rows(geo / "municipalities.csv"):
        names[r["municipality_name"]] = "ORG"
        names[r["municipality_name_short"]] = "LOC"
    for r in _rows(geo / "counties.csv"):
        names[r["county_name"]] = "LOC"
    for r in _rows(GAZ / "myndighetsdata" / "data" / "matchlist.csv"):
        names[r["official_name"]] = "ORG"
    for r in _rows(GAZ / "riksdagen-persons" / "data" / "party.csv"):
        names[r["party"]] = "ORG"
    names.update(curated_places())
    out = {}
    for name, label in names.items():
        name = name.strip()
        if not name or not name[0].isupper() or name.lower() in common or len(name) < 3:
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
