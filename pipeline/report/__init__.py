"""`intervju report`: one self-contained HTML file about an output folder.

Everything is inline (CSS, a little JavaScript, SVG charts drawn here in Python), so the page opens offline
and can be mailed or archived as one file. Sections: corpus overview, topic share per document (heatmap),
topics over time (documents with a date), most frequent entities by type, and a reader view of each
interview with questions and answers, speakers, entities and topic evidence highlighted.

Topic share of a document = words in the turns coded with the topic / words in all its turns (a turn can
carry several topics, so a row can sum to more than 100 %). Documents without turn-level topics fall back
to their document-level topic scores.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from pipeline.load import Corpus, load_taxonomy, open_corpus

_ASSETS = Path(__file__).parent
ROLE_SV = {"question": "Fråga", "answer": "Svar", "statement": "Anförande"}
ENTITY_SV = {"PER": "Personer", "ORG": "Organisationer", "LOC": "Platser", "MISC": "Övrigt", "TIME": "Tid"}
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173")
HEATMAP_ROWS = 60


def _str(value) -> str | None:
    """A table cell as text; None for missing values (None, NaN, NaT)."""
    if value is None or (isinstance(value, float) and value != value) or str(value) in ("NaT", "nan"):
        return None
    return str(value)


def esc(value) -> str:
    return html.escape(_str(value) or "", quote=True)


def write_report(out_dir: str | Path | Corpus, dest: str | Path, *, title: str | None = None,
                 skip_invalid: bool = False, max_documents: int = 1000, taxonomy: str | Path | None = None) -> Path:
    """Write the report on an output folder (or an opened Corpus) to the HTML file `dest`."""
    corpus = out_dir if isinstance(out_dir, Corpus) else open_corpus(out_dir, skip_invalid=skip_invalid)
    page = render_report(corpus, title=title or f"intervju · {corpus.out.resolve().name}",
                         max_documents=max_documents, taxonomy=taxonomy)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(dest)
    return dest


# ---------------------------------------------------------------------------------------------- figures

def _stats(corpus: Corpus, taxonomy) -> dict:
    docs = corpus.documents
    turns = corpus.turns
    tokens = corpus.tokens
    words_per_doc = tokens[tokens["text"].map(lambda t: any(c.isalnum() for c in t))].groupby("doc_id").size()
    topics = corpus.topics
    names = {t["id"]: t["name"] for t in load_taxonomy(taxonomy)}
    labels = list(dict.fromkeys(list(topics["label"]) + list(corpus.doc_topics["label"])))
    order = [t for t in names if t in labels] + sorted(t for t in labels if t not in names)
    colors = {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(order)}

    # topic share per document, by words in coded turns
    turn_words = turns.set_index(["doc_id", "turn_id"])["n_words"]
    total_turn_words = turns.groupby("doc_id")["n_words"].sum()
    share: dict[str, dict[str, float]] = {}
    if len(topics):
        coded = topics.join(turn_words, on=["doc_id", "turn_id"])
        for (doc_id, label), w in coded.groupby(["doc_id", "label"])["n_words"].sum().items():
            denom = total_turn_words.get(doc_id, 0)
            share.setdefault(doc_id, {})[label] = float(w) / denom if denom else 0.0
    for row in corpus.doc_topics.itertuples():
        if row.doc_id not in share or not share[row.doc_id]:
            share.setdefault(row.doc_id, {})[row.label] = float(row.score)
    return {"docs": docs, "turns": turns, "words": words_per_doc, "share": share, "order": order,
            "names": names, "colors": colors}


def _heat(value: float) -> str:
    v = max(0.0, min(1.0, value))
    lo, hi = (247, 251, 255), (8, 69, 148)
    r, g, b = (round(a + (b_ - a) * v) for a, b_ in zip(lo, hi))
    return f"#{r:02x}{g:02x}{b:02x}"


def _heatmap(stats: dict, doc_index: dict[str, int]) -> str:
    order, names, share = stats["order"], stats["names"], stats["share"]
    docs = stats["docs"]
    if not order or not share:
        return '<p class="empty">Inga ämnen tilldelade i den här körningen.</p>'
    words = stats["words"]
    ranked = sorted(docs["doc_id"], key=lambda d: (-len(share.get(d, {})), -int(words.get(d, 0)), d))
    rows = [d for d in ranked if d in share][:HEATMAP_ROWS]
    titles = {d: _str(t) for d, t in zip(docs["doc_id"], docs["title"])}
    cell, label_w, head_h = 26, 330, 150
    width, height = label_w + cell * len(order) + 110, head_h + cell * len(rows) + 10
    parts = [f'<svg class="chart heatmap" role="img" aria-label="Ämnesandel per dokument" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for j, label in enumerate(order):
        x = label_w + j * cell + cell / 2
        parts.append(f'<text class="col" x="{x}" y="{head_h - 6}" transform="rotate(-55 {x} {head_h - 6})">'
                     f'{esc(names.get(label, label))}</text>')
    for i, doc_id in enumerate(rows):
        y = head_h + i * cell
        name = titles.get(doc_id) or doc_id
        short = name if len(name) <= 48 else name[:46] + "…"
        target = f"#doc/{doc_index[doc_id]}" if doc_id in doc_index else "#"
        parts.append(f'<a href="{target}"><text class="row" x="{label_w - 8}" y="{y + cell * 0.65}">'
                     f'<title>{esc(name)}</title>{esc(short)}</text></a>')
        for j, label in enumerate(order):
            v = share.get(doc_id, {}).get(label, 0.0)
            parts.append(f'<rect class="cell" x="{label_w + j * cell}" y="{y}" width="{cell - 2}" '
                         f'height="{cell - 2}" fill="{_heat(v)}"><title>{esc(name)} · '
                         f'{esc(names.get(label, label))}: {v:.0%}</title></rect>')
    parts.append("</svg>")
    note = (f'<p class="note">De {len(rows)} dokument med flest ämnen visas (av {len(share)}).</p>'
            if len(share) > len(rows) else "")
    legend = ('<p class="legend">Andel av dokumentets ord (i turer) som hör till turer kodade med ämnet: '
              f'<span class="swatch" style="background:{_heat(0)}"></span>0 % '
              f'<span class="swatch" style="background:{_heat(0.5)}"></span>50 % '
              f'<span class="swatch" style="background:{_heat(1)}"></span>100 %</p>')
    return "".join(parts) + legend + note


def _timeline(stats: dict) -> str:
    import pandas as pd

    docs = stats["docs"]
    dated = docs[docs["date"].notna()] if "date" in docs else docs.iloc[0:0]
    if dated.empty:
        return '<p class="empty">Inga dokument har datum (metadata.date), så ingen tidslinje.</p>'
    span_years = dated["date"].max().year - dated["date"].min().year
    period = dated["date"].dt.to_period("Y" if span_years >= 3 else "M").astype(str)
    by_period: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = {}
    for doc_id, p in zip(dated["doc_id"], period):
        counts[p] = counts.get(p, 0) + 1
        for label, v in stats["share"].get(doc_id, {}).items():
            by_period.setdefault(p, {}).setdefault(label, 0.0)
            by_period[p][label] += v
    periods = sorted(counts)
    order, names, colors = stats["order"], stats["names"], stats["colors"]
    # mean share per document of the period, stacked
    values = {p: {t: by_period.get(p, {}).get(t, 0.0) / counts[p] for t in order} for p in periods}
    top = max([sum(v.values()) for v in values.values()] + [0.01])
    bar, gap, chart_h, left, bottom = 44, 14, 220, 44, 40
    width = left + len(periods) * (bar + gap) + 20
    height = chart_h + bottom + 20
    parts = [f'<svg class="chart timeline" role="img" aria-label="Ämnen över tid" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{left}" y1="{chart_h + 10}" x2="{width - 10}" y2="{chart_h + 10}" class="axis"/>']
    for frac in (0.5, 1.0):  # y ticks: the stacked mean shares, in per cent
        ty = chart_h + 10 - frac * chart_h
        parts.append(f'<line x1="{left - 4}" y1="{ty:.1f}" x2="{width - 10}" y2="{ty:.1f}" class="grid"/>'
                     f'<text class="ytick" x="{left - 6}" y="{ty + 4:.1f}">{top * frac:.0%}</text>')
    for i, p in enumerate(periods):
        x = left + i * (bar + gap)
        y = chart_h + 10
        for t in order:
            v = values[p][t]
            if v <= 0:
                continue
            h = v / top * chart_h
            y -= h
            parts.append(f'<rect class="seg" x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{colors[t]}">'
                         f'<title>{esc(p)} · {esc(names.get(t, t))}: {v:.0%} (snitt över {counts[p]} dok.)'
                         f'</title></rect>')
        if y == chart_h + 10:  # a period whose documents have no topics: an empty outline
            parts.append(f'<rect class="seg empty" x="{x}" y="{chart_h + 8}" width="{bar}" height="2" '
                         f'fill="#ccc"><title>{esc(p)}: inga ämnen</title></rect>')
        parts.append(f'<text class="tick" x="{x + bar / 2}" y="{chart_h + 26}">{esc(p)}</text>'
                     f'<text class="tick small" x="{x + bar / 2}" y="{chart_h + 40}">{counts[p]} dok.</text>')
    parts.append("</svg>")
    legend = "".join(f'<span class="key"><span class="swatch" style="background:{colors[t]}"></span>'
                     f'{esc(names.get(t, t))}</span>' for t in order)
    return ("".join(parts) + f'<p class="legend">{legend}</p>'
            '<p class="note">Staplarna visar ämnenas andel av intervjuernas ord, i snitt per dokument under '
            'perioden (en tur kan ha flera ämnen, så summan kan bli över 100 %).</p>')


def _entities(corpus: Corpus) -> str:
    ents = corpus.entities
    if ents.empty:
        return '<p class="empty">Inga entiteter hittades i den här körningen.</p>'
    blocks = []
    labels = sorted(ents["label"].unique(), key=lambda l: (list(ENTITY_SV).index(l) if l in ENTITY_SV else 99, l))
    for label in labels:
        top = ents[ents["label"] == label].groupby("norm").size().sort_values(ascending=False).head(12)
        most = int(top.iloc[0])
        bar_w, row_h, label_w = 220, 20, 200
        height = row_h * len(top) + 6
        parts = [f'<svg class="chart bars" role="img" aria-label="{esc(label)}" width="{label_w + bar_w + 50}" '
                 f'height="{height}" xmlns="http://www.w3.org/2000/svg">']
        for i, (norm, n) in enumerate(top.items()):
            y = i * row_h + 3
            w = max(2, bar_w * int(n) / most)
            short = norm if len(norm) <= 30 else norm[:28] + "…"
            parts.append(f'<text class="row" x="{label_w - 6}" y="{y + 13}"><title>{esc(norm)}</title>{esc(short)}</text>'
                         f'<rect class="bar ent-{esc(label)}" x="{label_w}" y="{y}" width="{w:.1f}" '
                         f'height="{row_h - 5}"><title>{esc(norm)}: {int(n)}</title></rect>'
                         f'<text class="count" x="{label_w + w + 4:.1f}" y="{y + 13}">{int(n)}</text>')
        parts.append("</svg>")
        blocks.append(f'<div class="entblock"><h3><span class="ent ent-{esc(label)}">{esc(label)}</span> '
                      f'{esc(ENTITY_SV.get(label, ""))}</h3>{"".join(parts)}</div>')
    return f'<div class="entgrid">{"".join(blocks)}</div>'


# ---------------------------------------------------------------------------------------------- the page

def _reader_data(corpus: Corpus, ids: list[str]) -> list[dict]:
    data = []
    wanted = set(ids)
    for doc in corpus.iter_documents() if len(wanted) == len(corpus) else map(corpus.document, ids):
        if doc["id"] not in wanted:
            continue
        meta = doc.get("metadata") or {}
        turns = [[t["role"], t.get("speaker"), t["start"], t["end"], t["id"],
                  [[h["label"], round(float(h["score"]), 2)] for h in t.get("topics") or []]]
                 for t in doc.get("turns") or []]
        ev = [[e["start"], e["end"], h["label"]] for t in doc.get("turns") or [] for h in t.get("topics") or []
              for e in h.get("evidence") or []]
        ents = [[e["start"], e["end"], e["label"], e["norm"]] for e in doc.get("entities") or []]
        data.append({"id": doc["id"], "title": meta.get("title"), "meta": {k: v for k, v in meta.items()
                                                                          if v not in (None, "")},
                     "text": doc.get("text", ""), "turns": turns, "ev": ev, "ents": ents,
                     "topics": [[t["label"], round(float(t["score"]), 2)] for t in doc.get("topics") or []]})
    return data


def render_report(corpus: Corpus, *, title: str, max_documents: int = 1000, taxonomy=None) -> str:
    stats = _stats(corpus, taxonomy)
    docs = stats["docs"]
    turns = stats["turns"]
    ids = list(docs["doc_id"])[:max_documents]
    doc_index = {d: i for i, d in enumerate(ids)}
    reader = _reader_data(corpus, ids)
    n_words = int(stats["words"].sum()) if len(stats["words"]) else 0
    roles = turns["role"].value_counts()
    kinds = docs["kind"].fillna("okänd").value_counts() if "kind" in docs else {}
    dated = int(docs["date"].notna().sum()) if "date" in docs else 0
    cards = [("Dokument", len(docs)), ("Turer", len(turns)), ("Frågor", int(roles.get("question", 0))),
             ("Svar", int(roles.get("answer", 0))), ("Ord", n_words), ("Entiteter", len(corpus.entities)),
             ("Ämnestilldelningar", len(corpus.topics)), ("Daterade", dated)]
    overview = "".join(f'<div class="card"><div class="num">{v:,}</div><div class="lbl">{esc(k)}</div></div>'
                       .replace(",", "\u202f") for k, v in cards)
    kinds_html = ", ".join(f"{esc(k)}: {int(v)}" for k, v in dict(kinds).items())

    rows = []
    words = stats["words"]
    n_turns = turns.groupby("doc_id").size()
    has_qa = set(turns.loc[turns["role"] == "question", "doc_id"]) & set(turns.loc[turns["role"] == "answer", "doc_id"])
    for i, r in enumerate(docs.itertuples()):
        date = r.date.date().isoformat() if _str(getattr(r, "date", None)) else ""
        name = _str(r.title) or r.doc_id
        qa = " qa" if r.doc_id in has_qa else ""
        link = (f'<a href="#doc/{doc_index[r.doc_id]}" class="doclink{qa}">{esc(name)}</a>'
                if r.doc_id in doc_index else esc(name))
        rows.append(f"<tr><td>{link}<div class=\"id\">{esc(r.doc_id)}</div></td><td>{esc(r.kind)}</td>"
                    f"<td>{esc(date)}</td><td>{esc(r.interviewee)}</td>"
                    f"<td class=\"n\">{int(n_turns.get(r.doc_id, 0))}</td><td class=\"n\">{int(words.get(r.doc_id, 0))}</td></tr>")
    skipped = "".join(f"<li>{esc(s.path)}: {esc(s.reason)}</li>" for s in corpus.skipped)
    failed = "".join(f"<li>{esc(f.get('path') or f['doc_id'])}: {esc(f.get('stage'))}: {esc(f.get('reason'))}</li>"
                     for f in corpus.failed)
    problems = ""
    if skipped or failed:
        problems = (f'<section id="problems"><h2>Dokument som saknas</h2><ul>{skipped}{failed}</ul></section>')

    payload = {"docs": reader, "names": stats["names"], "colors": stats["colors"], "roles": ROLE_SV,
               "fields": {"interviewee": "Intervjuperson", "interviewer": "Intervjuare", "date": "Datum",
                          "kind": "Typ"}}
    # "<" as \u003c: no "</script>" or "<!--" in the text can end or confuse the data block
    data_json = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    css = (_ASSETS / "report.css").read_text(encoding="utf-8")
    js = (_ASSETS / "report.js").read_text(encoding="utf-8")
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    more = (f'<p class="note">Läsvyn innehåller de första {len(ids)} av {len(docs)} dokumenten '
            '(--max-documents).</p>' if len(ids) < len(docs) else "")
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{esc(title)}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{esc(title)}</h1><p class="sub">Rapport från intervju · {esc(str(corpus.out))} · skapad {generated}</p>
<nav><a href="#overview">Översikt</a><a href="#topics">Ämnen</a><a href="#time">Över tid</a>
<a href="#entities">Entiteter</a><a href="#documents">Dokument</a></nav></header>
<main id="main">
<section id="overview"><h2>Översikt</h2><div class="cards">{overview}</div>
<p class="note">Dokumenttyper: {kinds_html or '–'}</p></section>
<section id="topics"><h2>Ämnesandel per dokument</h2>{_heatmap(stats, doc_index)}</section>
<section id="time"><h2>Ämnen över tid</h2>{_timeline(stats)}</section>
<section id="entities"><h2>Vanligaste entiteter per typ</h2>{_entities(corpus)}</section>
<section id="documents"><h2>Dokument</h2>{more}
<table class="docs"><thead><tr><th>Titel</th><th>Typ</th><th>Datum</th><th>Intervjuperson</th><th>Turer</th><th>Ord</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></section>
{problems}
</main>
<section id="reader" hidden></section>
<script type="application/json" id="intervju-data">{data_json}</script>
<script>{js}</script>
</body>
</html>
"""
