"""Rebuild a UD2-like Talbanken train from three aligned sources (see ../shared/data/SOURCES.md).

forms, sentence ids, text, spacing  <- UNER Talbanken train (.iob2)
lemma, XPOS (SUC), UPOS             <- efselab sv-ud-train.tab, aligned by sentence order
FEATS, HEAD, DEPREL                 <- UD 1.0 train (UD v1), matched by token sequence, converted to v2
"""
from __future__ import annotations

from collections import Counter, defaultdict

from . import paths
from .readers import read_conllu, read_efselab, read_iob2, spaces_from_text

V1_TO_V2 = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "neg": "advmod",
    "mwe": "fixed", "name": "flat:name", "nmod:agent": "obl:agent",
}
PREDICATE_UPOS = {"VERB", "AUX", "ADJ", "ADV"}
UD2_LABELS = {
    "acl", "acl:cleft", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos", "aux", "aux:pass",
    "case", "cc", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj", "csubj:pass", "dep",
    "det", "discourse", "dislocated", "expl", "fixed", "flat", "flat:name", "goeswith", "iobj", "list",
    "mark", "nmod", "nmod:poss", "nsubj", "nsubj:pass", "nsubj:outer", "nummod", "obj", "obl", "obl:agent",
    "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
}
NOMINAL_UPOS = {"NOUN", "PROPN", "ADJ", "NUM", "PRON"}
# current UD Swedish's auxiliaries (its AUX list); UD 1.0 also hung other verbs on a verb as `aux`
AUX_LEMMAS = {"bli", "böra", "få", "ha", "komma", "kunna", "lär", "må", "måste", "skola", "torde", "vara", "vilja"}


def _v1_key(tokens):
    return tuple(t["form"].replace("_", " ") for t in tokens)


def convert_mwe(toks: list[dict]) -> int:
    """Restructure v1 `mwe` groups the way current Talbanken annotates them; returns groups left as fixed.

    PP idioms (i dag, i regel, på grund): the noun becomes the head, the preposition its `case`.
    Multiword subordinators (för att, så att, även om): both words attach to the clause.
    Everything else is relabelled `fixed`.
    """
    groups = defaultdict(list)
    for t in toks:
        if t["deprel"] == "mwe":
            groups[t["head"]].append(t)
    left = 0
    for hid, deps in groups.items():
        h = toks[hid - 1]
        if len(deps) == 1:
            d = deps[0]
            if h["upos"] == "ADP" and d["upos"] in ("NOUN", "ADJ", "PROPN") and d["id"] == h["id"] + 1:
                d["head"], h["head"] = h["head"], d["id"]
                up = toks[d["head"] - 1]["upos"] if d["head"] else None
                rel = h["deprel"]
                if rel in ("root", "conj", "appos", "dislocated"):
                    d["deprel"] = rel
                else:
                    d["deprel"] = "obl" if up in PREDICATE_UPOS else "nmod"
                h["deprel"] = "case"
                for t in toks:  # other children of the preposition move to the noun
                    if t["head"] == h["id"] and t is not d:
                        t["head"] = d["id"]
                continue
            if d["upos"] in ("SCONJ", "PART") and h["deprel"] in ("mark", "advmod"):
                d["head"], d["deprel"] = h["head"], "mark"
                continue
            if d["form"].lower() in ("här", "där"):
                d["deprel"] = "advmod"
                continue
        for d in deps:
            d["deprel"] = "fixed"
        left += 1
    return left


def reattach_cc(toks: list[dict]) -> None:
    """v1 hangs a coordinator (and the comma before a conjunct) on the first conjunct; v2 on the next one."""
    for t in toks:
        if t["deprel"] not in ("cc", "punct") or not t["head"]:
            continue
        nxt = [c for c in toks if c["head"] == t["head"] and c["deprel"] == "conj" and c["id"] > t["id"]]
        if nxt and (t["deprel"] == "cc" or t["form"] == ","):
            t["head"] = min(c["id"] for c in nxt)


def _children(toks: list[dict], head: dict) -> list[dict]:
    return [t for t in toks if t["head"] == head["id"]]


def verbs_as_aux(toks: list[dict]) -> int:
    """Full verbs that UD 1.0 hung on another verb as `aux` (144 in the rebuilt train, none in the UD dev
    split). Two kinds: coordinated verbs sharing their dependents ("skydda , vårda och förbättra vår
    miljö", "få se och höra"): the first conjunct becomes the head, the others its `conj`, the shared
    dependents go to it, as current UD does; and catenative verbs ("behöver du inte betala", "brukar man
    utnyttja"): the catenative verb becomes the head, the infinitive its `xcomp`, and what stands before
    the infinitive moves up with it. Returns how many verbs moved."""
    moved = 0
    while True:
        heads = [(h, [t for t in _children(toks, h) if t["deprel"] == "aux" and t["upos"] == "VERB"
                      and t["lemma"].lower() not in AUX_LEMMAS and t["id"] < h["id"]]) for h in toks]
        head, fake = next(((h, f) for h, f in heads if f), (None, None))
        if head is None:
            return moved
        first = fake[0]
        between = [t for t in toks if first["id"] < t["id"] < head["id"] and t["head"] == head["id"]]
        coordinated = any(t["deprel"] == "cc" or t["form"] == "," for t in between)
        if coordinated:
            conjuncts = fake + [head]
        else:
            first, conjuncts = fake[-1], [head]
        first["head"], first["deprel"] = head["head"], head["deprel"]
        staying = {first["id"]} | {c["id"] for c in conjuncts}
        for t in toks:
            if t["head"] == head["id"] and t["id"] not in staying:
                if coordinated and t["deprel"] == "compound:prt" and t["id"] > head["id"]:
                    continue  # "bygga eller bygga om": the particle is the second verb's own
                if coordinated or t["id"] < head["id"]:  # reattach_cc then moves cc and commas on
                    t["head"] = first["id"]
        for c in conjuncts:
            if c is not first:
                c["head"], c["deprel"] = first["id"], "conj" if coordinated else "xcomp"
        moved += len(conjuncts)


def _span_start(toks: list[dict], node: dict) -> int:
    span = {node["id"]}
    while grown := {t["id"] for t in toks if t["head"] in span} - span:
        span |= grown
    return min(span)


def _cleft_clause(toks: list[dict], focus: dict, clause: dict) -> bool:
    """A restrictive relative clause after the focus: one set off by a comma is an ordinary relative."""
    if clause["deprel"] != "acl:relcl" or clause["id"] < focus["id"]:
        return False
    start = _span_start(toks, clause)
    return start < 2 or toks[start - 2]["form"] != ","


def clefts(toks: list[dict]) -> int:
    """UD 1.0 made the copula of a cleft its head ("Det är främst diskanthörseln som skadas": är root,
    diskanthörseln dep, skadas acl:relcl); current UD makes the clefted phrase the head, with "är" its
    cop, "det" its expl and the clause its acl:cleft (54 in the rebuilt train). Returns clefts moved."""
    moved = 0
    for cop in toks:
        if cop["upos"] != "AUX" or cop["lemma"] != "vara":
            continue
        focus = next((d for d in _children(toks, cop) if d["deprel"] == "dep" and d["id"] > cop["id"]
                      and any(_cleft_clause(toks, d, c) for c in _children(toks, d))), None)
        if focus is None:
            continue
        clause = next(c for c in _children(toks, focus) if _cleft_clause(toks, focus, c))
        focus["head"], focus["deprel"] = cop["head"], cop["deprel"]
        for t in _children(toks, cop):
            t["head"] = focus["id"]
            if t["deprel"] == "nsubj" and t["form"].lower() == "det":
                t["deprel"] = "expl"
        cop["head"], cop["deprel"] = focus["id"], "cop"
        clause["deprel"] = "acl:cleft"
        moved += 1
    return moved


def parataxis(toks: list[dict]) -> int:
    """A clause joined to the one before it with no conjunction and its own subject ("vi har givit henne
    lika rättigheter , vi har emanciperat henne") is parataxis in current UD (the UD dev split: 33 of 40;
    UD 1.0 has no parataxis: 104 such conj in the rebuilt train). Lists that end in a conjunction stay
    conj. The comma before the clause goes back to the first clause, as in the dev split. Run after
    reattach_cc. Returns relations moved."""
    moved = 0
    for t in toks:
        if t["deprel"] != "conj" or t["upos"] not in ("VERB", "AUX") or not t["head"] or t["head"] > t["id"]:
            continue
        kids = _children(toks, t)
        if any(k["deprel"] == "cc" for k in kids) or not any(
                k["deprel"].startswith("nsubj") or k["deprel"] == "expl" for k in kids):
            continue
        later = [c for c in toks if c["head"] == t["head"] and c["deprel"] == "conj" and c["id"] > t["id"]]
        if any(k["deprel"] == "cc" for c in later for k in _children(toks, c)):
            continue
        t["deprel"] = "parataxis"
        start = _span_start(toks, t)
        for k in kids:
            if k["deprel"] == "punct" and k["id"] == start:
                k["head"] = t["head"]
        moved += 1
    return moved


def convert_v1_tree(toks: list[dict], stats: Counter | None = None) -> int:
    """Convert v1 relations to v2 in place (tokens already carry their final UPOS). Returns mwe left."""
    left = convert_mwe(toks)
    moved = Counter(verbs_as_aux=verbs_as_aux(toks), clefts=clefts(toks))
    reattach_cc(toks)
    moved["parataxis"] = parataxis(toks)
    if stats is not None:
        stats.update(moved)
    for t in toks:
        rel = V1_TO_V2.get(t["deprel"], t["deprel"])
        if rel == "nmod" and t["head"]:
            if toks[t["head"] - 1]["upos"] in PREDICATE_UPOS:
                rel = "obl"
        if rel == "nmod:poss" and t["upos"] == "DET":
            t["upos"] = "PRON"
        rel = {("det", "ADJ"): "amod", ("amod", "DET"): "det", ("case", "SCONJ"): "mark",
               ("nummod", "DET"): "det", ("det", "NUM"): "nummod",
               # quantity and title nouns ("en rad förmåner", "år 1969", "dr Horn"): nmod in current UD
               ("det", "NOUN"): "nmod", ("det", "PROPN"): "nmod"}.get((rel, t["upos"]), rel)
        t["deprel"] = rel
    return left


def validate_tree(toks: list[dict]) -> str | None:
    """None if the sentence is a tree with one root and known labels, else the reason."""
    n = len(toks)
    roots = [t for t in toks if t["head"] == 0]
    if len(roots) != 1:
        return f"{len(roots)} roots"
    for t in toks:
        if t["head"] is None or not 0 <= t["head"] <= n or t["head"] == t["id"]:
            return "bad head"
        if t["deprel"] not in UD2_LABELS:
            return f"unknown label {t['deprel']}"
        if (t["head"] == 0) != (t["deprel"] == "root"):
            return "root label mismatch"
    for t in toks:  # no cycles
        seen, cur = set(), t["id"]
        while cur:
            if cur in seen:
                return "cycle"
            seen.add(cur)
            cur = toks[cur - 1]["head"]
    return None


def rebuild_train(uner=None, efselab=None, v1=None, report: dict | None = None) -> list[dict]:
    """Aligned sentences with form, lemma, upos, xpos, feats, head, deprel, ner, space_after.

    Sentences with no exact v1 match keep their tags but get head=None (missing, not wrong).
    """
    uner = list(uner if uner is not None else read_iob2(paths.UNER / "sv_talbanken-ud-train.iob2"))
    efselab = list(efselab if efselab is not None else read_efselab(paths.EFSELAB_TRAIN))
    v1 = list(v1 if v1 is not None else read_conllu(paths.V1_TRAIN))
    v1_index = defaultdict(list)
    for s in v1:
        v1_index[_v1_key(s["tokens"])].append(s)
    stats = Counter()
    out = []
    for i, us in enumerate(uner):
        es = efselab[i] if i < len(efselab) else None
        if es is None or len(es["tokens"]) != len(us["tokens"]):
            stats["dropped_length_mismatch"] += 1
            continue
        forms = [t["form"] for t in us["tokens"]]
        spaces = spaces_from_text(forms, us["text"])
        toks = []
        for j, (ut, et) in enumerate(zip(us["tokens"], es["tokens"])):
            toks.append({"id": j + 1, "form": ut["form"], "lemma": et["lemma"], "upos": et["upos"],
                         "xpos": et["xpos"], "feats": "_", "head": None, "deprel": None,
                         "ner": ut["ner"], "space": spaces[j]})
        match = v1_index.get(tuple(forms))
        if match:
            vs = match.pop(0)
            for t, vt in zip(toks, vs["tokens"]):
                t["feats"], t["head"], t["deprel"] = vt["feats"], vt["head"], vt["deprel"]
            stats["aligned"] += 1
        else:
            stats["no_v1_match"] += 1
        out.append({"id": us["id"], "text": us["text"], "meta": us["meta"], "tokens": toks})
    if report is not None:
        report.update(stats)
    return out


def finish_trees(sents: list[dict], report: dict | None = None) -> None:
    """Convert v1 trees to v2 and drop (mark missing) any that fail validation."""
    stats = Counter()
    for s in sents:
        toks = s["tokens"]
        if toks[0]["head"] is None:
            continue
        stats["mwe_left_fixed"] += convert_v1_tree(toks, stats)
        why = validate_tree(toks)
        if why:
            stats[f"invalid: {why}"] += 1
            for t in toks:
                t["head"], t["deprel"] = None, None
        else:
            stats["valid_trees"] += 1
    if report is not None:
        report.update(stats)
