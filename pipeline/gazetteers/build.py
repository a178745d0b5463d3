"""Build the entity lookup tables from ../shared/data/gazetteers plus curated.toml.

    python -m pipeline.gazetteers.build [--source DIR] [--out DIR]

Writes pipeline/resources/gazetteers/{names,persons}.json:
- names.json: surface form -> [label, norm, id, kind] for municipalities, counties and regions,
  government agencies (official names and their name variants), political parties and the curated
  actors and places; `lower` lists the forms also matched in lower case; `parties` maps party-label
  abbreviations ("KD") to [name, Wikidata id]; `ambiguous` lists place names that are also common
  Swedish words ("Vara", "Mark") and so are only trusted in the middle of a sentence.
- persons.json: given names (for recognising "Förnamn Efternamn") and full names of Riksdag members.
Both tables are facts, small enough to commit; rerun this after the source data changes.
"""

from __future__ import annotations

import argparse
import csv
import json
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent.parent / "shared" / "data" / "gazetteers"
DEFAULT_OUT = HERE.parent / "resources" / "gazetteers"
CURATED = HERE / "curated.toml"

# Place names that are also everyday words or very common surnames.
AMBIGUOUS = {"Ale", "Berg", "Boden", "Eda", "Flen", "Habo", "Hjo", "Kil", "Lund", "Mark", "Mora", "Nora",
             "Orsa", "Osby", "Sala", "Salem", "Säter", "Tanum", "Vara", "Ydre", "Island", "Rom", "Grums",
             # organisations named by a common noun ("Företagarna i min valkrets" opens a sentence)
             "Företagarna", "Unionen", "Vision", "Kommunal", "Posten", "Transport"}
# Agency-list keys that are not names of one organisation.
NOT_AGENCIES = {"Okänd", "Kammarrätter", "Tingsrätter", "Beslutsgrupper", "Biståndskontorschef",
                "Handelssekreterare", "Arbetsmiljöattaché", "Domkapitlen", "Landsarkiven", "Civilbefälhavarna"}
ENGLISH = {"the", "of", "and", "for", "swedish", "sweden", "agency", "national", "board", "authority",
           "council", "office", "institute", "service", "administration", "committee", "court"}
# Region names that do not follow "Region <county>".
REGION_EXTRA = {"Västra Götalands län": ["Västra Götalandsregionen"], "Gotlands län": ["Region Gotland"]}


def load_curated() -> dict:
    """curated.toml: label sections of canonical name -> variants, plus first_names and agency_acronyms."""
    return tomllib.loads(CURATED.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def geography(src: Path, add) -> None:
    geo = src / "swedish-geodata" / "data"
    for row in read_csv(geo / "counties.csv"):
        code, name, short = row["county_code"], row["county_name"], row["county_name_short"]
        add(name, "LOC", name, f"län:{code}", "county")
        for region in [f"Region {short}", f"Region {name}", *REGION_EXTRA.get(name, [])]:
            add(region, "ORG", region, f"län:{code}", "region")
    for row in read_csv(geo / "municipalities.csv"):
        code, name, short = row["municipality_code"], row["municipality_name"], row["municipality_name_short"]
        add(name, "ORG", name, f"kommun:{code}", "municipality")
        add(short, "LOC", short, f"kommun:{code}", "municipality")


def _first(value) -> dict:
    """The source lists give a record, or a list of records for agencies that appear more than once."""
    if isinstance(value, list):
        value = value[0] if value else {}
    return value if isinstance(value, dict) else {}


def agencies(src: Path, add, acronyms: set[str]) -> None:
    """Official names and their Swedish variants. The lists' acronyms are mostly internal codes
    ("BRA", "DOM", "VAL"), so only the well-known ones named in curated.toml are kept."""
    data = src / "myndighetsdata" / "data"
    merged = json.loads((data / "merged.json").read_text(encoding="utf-8"))
    ids: dict[str, str | None] = {}
    for name, rec in merged.items():
        if name in NOT_AGENCIES or name.isupper() or not name[:1].isupper():
            continue
        if not {"esv", "stkt", "scb", "sfs", "wd"} & rec.keys():
            continue
        wd, esv, scb = (_first(rec.get(k)) for k in ("wd", "esv", "scb"))
        org = wd.get("org_nr") or esv.get("org_nr") or scb.get("org_nr")
        ids[name] = wd.get("id") or org
        add(name, "ORG", name, ids[name], "agency")
    for row in read_csv(data / "matchlist.csv"):
        variant, official = row["name"].strip(), row["official_name"].strip()
        if official not in ids or "," in variant or set(variant.split()) & ENGLISH:
            continue
        if variant.isalpha() and len(variant) <= 6 and variant.lower() != official.lower():
            if variant.upper() in acronyms:
                add(variant.upper(), "ORG", official, ids[official], "agency")
            continue
        if sum(c.isalpha() for c in variant) < 3:
            continue
        add(variant[:1].upper() + variant[1:], "ORG", official, ids[official], "agency")


def parties(src: Path, add) -> dict[str, list]:
    data = src / "riksdagen-persons" / "data"
    party_ids = {row["party"]: row["party_id"] for row in read_csv(data / "party.csv")}
    party_ids.setdefault("Moderaterna", party_ids.get("Moderata samlingspartiet"))
    for name, qid in party_ids.items():
        if name[:1].isupper() and "(" not in name:
            add(name, "ORG", name, qid, "party")
    canonical: dict[str, str] = {}
    for row in read_csv(data / "party_abbreviation.csv"):
        name, abbr = row["party"], row["abbreviation"]
        if row["ocr_correction"] == "False" and not name.startswith("(") and abbr.isupper():
            canonical[abbr] = name  # the last listed name is the current one
    return {abbr: [name, party_ids.get(name)] for abbr, name in canonical.items()}


def persons(src: Path, curated: dict) -> dict[str, list[str]]:
    first: set[str] = set(curated.get("first_names", {}).get("names", []))
    full: set[str] = set()
    for row in read_csv(src / "riksdagen-persons" / "data" / "name.csv"):
        parts = row["name"].split()
        if row["primary_name"] == "True" and len(parts) >= 2 and all(p[:1].isupper() for p in parts):
            full.add(row["name"])
            if parts[0].isalpha() and len(parts[0]) > 2:
                first.add(parts[0])
    return {"first_names": sorted(first), "full_names": sorted(full)}


def build(src: Path, out: Path) -> dict[str, int]:
    entries: dict[str, list] = {}
    lower: set[str] = set()

    def add(surface: str, label: str, norm: str, id_: str | None, kind: str, override: bool = False) -> None:
        surface = " ".join(surface.split())
        if surface and (override or surface not in entries):
            entries[surface] = [label, norm, id_, kind]

    curated = load_curated()
    geography(src, add)
    agencies(src, add, set(curated.get("agency_acronyms", {}).get("names", [])))
    party_abbr = parties(src, add)
    for label in ("ORG", "LOC", "PER", "MISC"):
        for canon, variants in curated.get(label, {}).items():
            known = entries.get(canon)
            id_ = known[2] if known else None
            add(canon, label, canon, id_, "curated", override=True)
            for v in variants:
                add(v, label, canon, id_, "curated", override=True)
                if v[:1].islower():
                    lower.add(v)
    out.mkdir(parents=True, exist_ok=True)
    names = {"entries": dict(sorted(entries.items())), "lower": sorted(lower), "parties": party_abbr,
             "ambiguous": sorted(AMBIGUOUS)}
    people = persons(src, curated)
    for fname, obj in (("names.json", names), ("persons.json", people)):
        (out / fname).write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return {"names": len(entries), "parties": len(party_abbr), "first_names": len(people["first_names"]),
            "full_names": len(people["full_names"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    counts = build(args.source, args.out)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
