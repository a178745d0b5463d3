"""Eukalyptus (Språkbanken, 118k tokens of blogs, Europarl, news, novels, Wikipedia) as extra tagger data.

Its tags are SUC-like but coarser (PO for every pronoun and determiner, AJ for adjectives and participles,
SU for "att" and "som"), its lemmas mark compounds with "|" and its trees are not UD. So only the
morphology layers are taken, and only where they can be given in Talbanken's conventions:

- a form seen in Talbanken (the harmonised rebuilt train and dev-A) gets the Talbanken analysis that is
  compatible with its Eukalyptus tag, when one analysis has at least `MIN_SHARE` of the compatible ones;
- an unseen form of an open class gets the SUC tag spelled out from the Eukalyptus tag, and UPOS and
  FEATS from Talbanken's majority for that SUC tag;
- everything else is left as missing annotation (spaCy skips it in the loss), and so are the trees.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from . import paths
from .harmonise import AMBIGUOUS_PLURAL, _DEF_FEATS, _feats, _majority
from .readers import _blocks, _meta

EUKALYPTUS = paths.DATA / "eukalyptus"
DOCBIN = "eukalyptus.spacy"  # its file among the UD training DocBins (the senter and the lookup leave it out)
MIN_SHARE = 0.8

# Eukalyptus part of speech -> the SUC parts of speech it can stand for
SUC_POS = {"NN": {"NN"}, "EN": {"PM"}, "VB": {"VB"}, "AJ": {"JJ", "PC"}, "PO": {"DT", "PN", "PS", "HP", "HD", "HS"},
           "AB": {"AB", "HA", "PL"}, "PE": {"PP"}, "KO": {"KN"}, "SU": {"SN", "HP", "IE", "KN"}, "NU": {"RG", "RO"},
           "IJ": {"IN"}, "SY": {"MAD", "MID", "PAD"}, "UO": {"UO"}}
# morphological values, by category, in both tag sets (Eukalyptus spells the supine SPM)
CATEGORIES = {
    "gender": ["UTR", "NEU", "MAS"], "number": ["SIN", "PLU"], "definite": ["IND", "DEF"],
    "case": ["NOM", "GEN", "SMS"], "degree": ["POS", "KOM", "SUV"], "tense": ["PRS", "PRT"],
    "verbform": ["INF", "SUP", "IMP", "KON", "FIN"], "voice": ["AKT", "SFO"], "pronform": ["SUB", "OBJ"],
}
_SUC_ORDER = [v for vs in CATEGORIES.values() for v in vs]  # as SUC writes alternatives: UTR/NEU, SIN/PLU, IND/DEF
_VALUE_CATEGORY = {v: c for c, vs in CATEGORIES.items() for v in vs}
_SENTENCE_END = {".", "!", "?", "...", "…", ":"}
_PAIRED = set("()[]{}\"'”“«»")


def read(path: Path):
    """Sentences of token dicts: form, lemma, pos, msd (fields), case, head (index or None), rel."""
    for comments, rows in _blocks(path):
        ids = {r[0]: i for i, r in enumerate(rows)}
        toks = []
        for r in rows:
            case = r[4].split(".")
            toks.append({"form": r[1], "lemma": r[2].replace("|", ""), "pos": r[3], "msd": r[5].split(".")[1:],
                         "case": case[1] if len(case) > 1 else "-", "flags": set(case) - {"-"},
                         "head": ids.get(r[6]), "rel": r[7]})
        meta = _meta(comments)
        yield {"id": meta.get("sent_id"), "doc": meta.get("subcorpus"), "tokens": toks}


def _values(fields) -> dict[str, set[str]]:
    """category -> the values a tag allows (a field like UTR/NEU allows both)."""
    out: dict[str, set[str]] = {}
    for field in fields:
        for v in field.split("/"):
            v = "SUP" if v == "SPM" else v
            if v in _VALUE_CATEGORY:
                out.setdefault(_VALUE_CATEGORY[v], set()).add(v)
    if "tense" in out and "verbform" not in out:  # SUC spells finite verbs by tense alone, Eukalyptus adds IND
        out["verbform"] = {"FIN"}
    return out


def euk_values(tok: dict) -> dict[str, set[str]]:
    vals = _values(tok["msd"])
    if tok["pos"] in ("NN", "EN", "AJ", "NU"):
        vals["case"] = {"GEN" if tok["case"] == "GEN" else "NOM"}
    return vals


def compatible(tok: dict, xpos: str) -> bool:
    """Could the Eukalyptus token carry this SUC tag? Same part of speech, no clash in any category."""
    suc = xpos.split("|")
    if suc[0] not in SUC_POS.get(tok["pos"], ()):
        return False
    if "PSS" in tok["msd"] and suc[0] != "PS" or "FRL" in tok["msd"] and not suc[0].startswith("H"):
        return False
    if tok["pos"] == "AB" and "FRL" not in tok["msd"] and suc[0] == "HA":
        return False
    if tok["pos"] == "PO":  # pronoun features are the word's own in Talbanken (man, ni): the part of speech decides
        return (suc[0] in ("DT", "PS")) == (tok["rel"] == "DT") or suc[0] == "PS"
    theirs = _values(suc[1:])
    return all(not (c in theirs and not (v & theirs[c])) for c, v in euk_values(tok).items())


def lexicon(sents: list[dict]) -> dict[str, Counter]:
    """lower-case form -> Counter of (xpos, upos, feats, lemma) over Talbanken sentences."""
    lex: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for t in s["tokens"]:
            lex[t["form"].lower()][(t["xpos"], t["upos"], t["feats"], t["lemma"])] += 1
    return lex


def by_xpos(lex: dict[str, Counter]) -> dict[str, tuple[str, str]]:
    """SUC tag -> the majority (UPOS, FEATS) over the tokens carrying it (for unseen forms)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for analyses in lex.values():
        for (x, u, f, _), n in analyses.items():
            if u != "AUX":  # auxiliaries are a closed class: an unseen verb is a lexical one
                counts[x][(u, f)] += n
    return {x: _majority(c, 2, 0.6) for x, c in counts.items() if _majority(c, 2, 0.6)}


def _participle(tok: dict) -> str | None:
    """PRS/PRF for an adjective that looks like a participle, '' for a plain adjective, None if unsure."""
    lemma = tok["lemma"].lower()
    if lemma.endswith(("ande", "ende")):
        return "PRS"
    if len(lemma) >= 5 and lemma.endswith("ad"):
        return "PRF"
    if lemma.endswith(("d", "t", "en")):
        return None
    return ""


def spelled_xpos(tok: dict) -> str | None:
    """The SUC tag of an unseen open-class form, spelled from its Eukalyptus tag (None when ambiguous)."""
    v = {c: "/".join(sorted(vs, key=_SUC_ORDER.index)) for c, vs in euk_values(tok).items()}
    pos, msd = tok["pos"], tok["msd"]
    if tok["flags"] & {"FKN", "ESM", "??"}:  # abbreviations and compound parts: SUC spells them otherwise
        return None
    if pos == "NN" and all(k in v and "/" not in v[k] for k in ("gender", "number", "definite")):
        return f"NN|{v['gender']}|{v['number']}|{v['definite']}|{v['case']}"
    if pos == "EN":
        return f"PM|{v['case']}"
    if pos == "VB":
        form = v.get("verbform") or ""
        if "IND" in msd and "tense" in v:
            return f"VB|{v['tense']}|{v['voice']}"
        if form in ("INF", "SUP", "IMP") and "voice" in v:
            return f"VB|{form}|{v['voice']}"
        return None
    if pos == "AJ" and {"degree", "gender", "number", "definite"} <= v.keys():
        kind = _participle(tok)
        if kind is None or kind and v["degree"] != "POS":
            return None
        gender = "UTR/NEU" if "/" in v["gender"] else v["gender"]
        if kind == "PRS":
            return "PC|PRS|UTR/NEU|SIN/PLU|IND/DEF|NOM"
        head = "PC|PRF" if kind else f"JJ|{v['degree']}"
        return f"{head}|{gender}|{v['number']}|{v['definite']}|{v['case']}"
    if pos == "AB" and "FRL" not in msd:
        return "AB|" + v["degree"] if "degree" in v else "AB"
    if pos == "NU" and tok["form"][:1].isdigit():
        return f"RG|{v['case']}"
    if pos == "SY":
        return "MAD" if tok["form"] in _SENTENCE_END else "PAD" if tok["form"] in _PAIRED else "MID"
    return {"PE": "PP", "KO": "KN", "IJ": "IN", "UO": "UO"}.get(pos)


def _infinitive_marker(toks: list[dict], i: int) -> bool:
    nxt = [t for t in toks[i + 1:i + 3] if t["pos"] != "AB"]
    return bool(nxt) and nxt[0]["pos"] == "VB" and "INF" in nxt[0]["msd"]


def _auxiliary(toks: list[dict], i: int) -> bool:
    """The verb governs a supine or infinitive later in its clause (har gjort, får se, kommer att gå)."""
    for t in toks[i + 1:i + 7]:
        if t["pos"] in ("SY", "KO") or t["pos"] == "SU" and t["form"].lower() != "att":
            return False
        if t["pos"] == "VB":
            return bool({"SPM", "INF"} & set(t["msd"]))
    return False


def _plural_key(xpos: str, upos: str, feats: str) -> str:
    """Plural adjectives count as one analysis whatever their definiteness: convert() decides it from the
    noun phrase, as the harmonised train does."""
    if xpos not in AMBIGUOUS_PLURAL or upos != "ADJ" or "Definite" not in _feats(feats):
        return feats
    base = {k: v for k, v in _feats(feats).items() if k not in ("Definite", "Number")}
    return "|".join(f"{k}={v}" for k, v in sorted((base | _feats(_DEF_FEATS["Def"])).items()))


def analyse(tok: dict, toks: list[dict], i: int, lex: dict, xpos_map: dict) -> tuple[dict, str]:
    """(xpos, upos, feats, lemma: '' where missing) and how it was found."""
    missing = {"xpos": "", "upos": "", "feats": "", "lemma": ""}
    form = tok["form"].lower()
    seen = lex.get(form)
    if form == "att" and tok["pos"] == "SU":  # Talbanken splits "att": infinitive marker or subjunction
        want = "IE" if _infinitive_marker(toks, i) else "SN"
        seen = Counter({k: n for k, n in (seen or {}).items() if k[0] == want})
    if form == "som" and tok["pos"] == "SU":  # relative pronoun (a modifier) or comparison (SUC's KN)
        want = {"MD": "HP", "JF": "KN"}.get(tok["rel"])
        if want is None:
            return missing, "seen, ambiguous"
        seen = Counter({k: n for k, n in (seen or {}).items() if k[0].startswith(want)})
    if seen:
        fits = Counter({k: n for k, n in seen.items() if compatible(tok, k[0])})
        if not fits:
            return missing, "seen, no compatible analysis"
        if {k[1] for k in fits} >= {"AUX", "VERB"}:  # har, får, kommer: auxiliary only before a verb form
            want = "AUX" if _auxiliary(toks, i) else "VERB"
            fits = Counter({k: n for k, n in fits.items() if k[1] == want})
        fits = Counter({(x, u, _plural_key(x, u, f), lem): n for (x, u, f, lem), n in fits.items()})
        best = _majority(Counter({k[1:3]: n for k, n in fits.items()}), 1, MIN_SHARE)
        if best is None:
            return missing, "seen, ambiguous"
        xpos = Counter({k[0]: n for k, n in fits.items() if k[1:3] == best}).most_common(1)[0][0]
        lemma = Counter({k[3]: n for k, n in fits.items() if k[1:3] == best}).most_common(1)[0][0]
        return {"xpos": xpos, "upos": best[0], "feats": best[1], "lemma": lemma}, "seen"
    xpos = spelled_xpos(tok)
    if not xpos or xpos not in xpos_map:
        return missing, "unseen, no SUC tag"
    upos, feats = xpos_map[xpos]
    lemma = tok["form"] if tok["pos"] in ("SY", "EN") or tok["lemma"] in ("_", "") else tok["lemma"]
    if tok["pos"] == "NU" or " " in lemma:  # Eukalyptus spells numbers out ("tvåtusen"); Talbanken keeps digits
        lemma = tok["form"]
    return {"xpos": xpos, "upos": upos, "feats": feats, "lemma": lemma}, "unseen, spelled"


def _adverbial(tok: dict, toks: list[dict]) -> dict:
    """An adjective's neuter form modifying a verb or an adjective ("springer snabbt", "väldigt stor") is an
    adverb in SUC and Talbanken; Eukalyptus calls it AJ."""
    h = tok["head"]
    if (tok["pos"] == "AJ" and tok["rel"] == "MD" and h is not None and toks[h]["pos"] in ("VB", "AJ", "AB")
            and {"NEU", "SIN", "IND"} <= set(tok["msd"])):
        return dict(tok, pos="AB", msd=[d for d in tok["msd"] if d in ("POS", "KOM", "SUV")] or ["-"])
    return tok


def _definite_np(toks: list[dict], out: list[dict], i: int) -> bool:
    """The plural adjective's noun phrase is definite: a definite head noun, or a definite
    determiner, possessive or genitive before it (as harmonise.plural_adjectives, on Eukalyptus trees)."""
    h = toks[i]["head"]
    if h is not None and toks[h]["pos"] in ("NN", "EN") and "DEF" in toks[h]["msd"]:
        return True
    j = i - 1
    while j >= 0 and toks[j]["pos"] in ("AJ", "AB", "NU", "KO") or j >= 0 and toks[j]["form"] == ",":
        j -= 1
    if j < 0:
        return False
    f = _feats(out[j]["feats"])
    return (out[j]["upos"] == "DET" and f.get("Definite") == "Def") or f.get("Poss") == "Yes" or f.get("Case") == "Gen"


def convert(sents, lex: dict, report: Counter | None = None) -> list[dict]:
    """Eukalyptus sentences -> token dicts for docs.ud_doc (no trees); sentences with multi-word tokens
    ("i dag" as one token) are dropped, since Talbanken's tokenizer never makes them."""
    from .ner_data import detokenise

    report = report if report is not None else Counter()
    xpos_map = by_xpos(lex)
    out_sents = []
    for s in sents:
        toks = s["tokens"]
        if any(" " in t["form"] for t in toks):
            report["sentences dropped (multi-word token)"] += 1
            continue
        toks = [_adverbial(t, toks) for t in toks]
        out = []
        for i, t in enumerate(toks):
            a, how = analyse(t, toks, i, lex, xpos_map)
            report[how] += 1
            out.append(a)
        for i, a in enumerate(out):
            if a["xpos"] in AMBIGUOUS_PLURAL and a["upos"] == "ADJ" and "Definite" in _feats(a["feats"]):
                kind = "Def" if _definite_np(toks, out, i) else "Ind"
                base = {k: v for k, v in _feats(a["feats"]).items() if k not in ("Definite", "Number")}
                a["feats"] = "|".join(f"{k}={v}" for k, v in sorted((base | _feats(_DEF_FEATS[kind])).items()))
                report[f"plural adjective {kind}"] += 1
        spaces = detokenise([t["form"] for t in toks])
        out_sents.append({"id": s["id"], "meta": {"newdoc id": ""} if not out_sents or out_sents[-1]["doc"] != s["doc"] else {},
                          "doc": s["doc"], "tokens": [dict(a, form=t["form"], space=sp, head=None, deprel="")
                                                      for a, t, sp in zip(out, toks, spaces)]})
        report["sentences"] += 1
    return out_sents


def read_all(folder: Path = EUKALYPTUS):
    for f in sorted(Path(folder).glob("eukalyptus_*.conllu")):
        yield from read(f)
