"""REFI-QDA project (.qdpx): a zip holding `project.qde` (QDA-XML, namespace urn:QDA-XML:project:1.0) and
`sources/`, one UTF-8 text file per interview.

- Each document is a TextSource whose plain text is exactly the document's `text`, so the pipeline's
  code-point offsets are the selections' startPosition/endPosition.
- The taxonomy's topics are the codes (Swedish name, the id in the description).
- Each turn-topic assignment is a PlainTextSelection over the turn, coded with the topic; its
  description gives the speaker, the score and the evidence.
- Speakers are cases (with the variable "Talare") that refer to the sources they speak in and to their
  coded turns; document metadata (title, interviewee, interviewer, date, kind) are source variables.

GUIDs are derived from the content (uuid5), so exporting the same output twice gives the same project.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from pathlib import Path

from pipeline.load import Corpus, load_taxonomy

NS = "urn:QDA-XML:project:1.0"
_ROOT = uuid.UUID("6f1c1f0e-5d0b-4e55-9a57-2f1a3c9b7d21")
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173")

# Source variables: (metadata key, variable name, REFI-QDA type)
_SOURCE_VARIABLES = (("title", "Titel", "Text"), ("interviewee", "Intervjuperson", "Text"),
                     ("interviewer", "Intervjuare", "Text"), ("date", "Datum", "Date"), ("kind", "Typ", "Text"))


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(_ROOT, "\x1f".join(parts)))


def _iso_date(value) -> str | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def build_project(corpus: Corpus, *, taxonomy: str | Path | None = None, name: str | None = None,
                  now: dt.datetime | None = None, write_source=None):
    """The project.qde tree and the source texts: (lxml element, {internal file name: text}).

    With `write_source(file_name, text)`, each text is handed over as its document is read instead of
    being kept (the returned dict is then empty), so a large corpus is never all in memory at once."""
    from lxml import etree

    from pipeline import __version__ as version

    def el(parent, tag, **attrs):
        node = etree.SubElement(parent, f"{{{NS}}}{tag}")
        for key, value in attrs.items():
            if value is not None:
                node.set(key, str(value))
        return node

    stamp = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    user = _guid("user", "intervju")
    root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
    root.set("name", name or corpus.out.resolve().name or "intervju")
    root.set("origin", f"intervju {version}")
    root.set("creatingUserGUID", user)
    root.set("creationDateTime", stamp)

    users = el(root, "Users")
    el(users, "User", guid=user, name="intervju (automatisk kodning)", id="intervju")

    topics = load_taxonomy(taxonomy)
    names = {t["id"]: t["name"] for t in topics}
    code_guid: dict[str, str] = {}
    codes = el(el(root, "CodeBook"), "Codes")

    def add_code(t: dict) -> None:
        code_guid[t["id"]] = _guid("code", t["id"])
        code = el(codes, "Code", guid=code_guid[t["id"]], name=t["name"], isCodable="true",
                  color=_PALETTE[(len(code_guid) - 1) % len(_PALETTE)])
        desc = f"intervju topic id: {t['id']}" + (f". {t['description']}" if t.get("description") else "")
        el(code, "Description").text = desc

    for t in topics:
        add_code(t)

    variables = el(root, "Variables")
    var_guid = {}
    for key, vname, vtype in _SOURCE_VARIABLES + (("speaker", "Talare", "Text"),):
        var_guid[key] = _guid("variable", key)
        var = el(variables, "Variable", guid=var_guid[key], name=vname, typeOfVariable=vtype)
        el(var, "Description").text = ("Den som talar, som det står i dokumentet" if key == "speaker"
                                       else f"Dokumentets metadata: {key}")

    # Speakers: named ones are one case across the corpus; initials ("I", "R") only within a document.
    cases: dict[str, dict] = {}
    cases_el = el(root, "Cases")  # filled after the sources are read; dropped if nobody speaks
    sources = el(root, "Sources")
    files: dict[str, str] = {}
    n_docs = 0
    for doc in corpus.iter_documents():
        n_docs += 1
        doc_id = doc["id"]
        src_guid = _guid("source", doc_id)
        file_name = f"{src_guid}.txt"
        if write_source is None:
            files[file_name] = doc.get("text", "")
        else:
            write_source(file_name, doc.get("text", ""))
        src = el(sources, "TextSource")
        for key, value in (("guid", src_guid), ("name", doc_id), ("plainTextPath", f"internal://{file_name}"),
                           ("creatingUser", user), ("creationDateTime", stamp)):
            src.set(key, value)
        meta = doc.get("metadata") or {}
        if meta.get("title"):
            el(src, "Description").text = meta["title"]
        for turn in doc.get("turns") or []:
            speaker = turn.get("speaker")
            case = None
            if speaker:
                key = speaker if len(speaker.strip(". ")) > 2 else f"{speaker}\x1f{doc_id}"
                case = cases.setdefault(key, {"name": speaker if "\x1f" not in key else f"{speaker} ({doc_id})",
                                              "speaker": speaker, "guid": _guid("case", key),
                                              "sources": [], "selections": []})
                if src_guid not in case["sources"]:
                    case["sources"].append(src_guid)
            for hit in turn.get("topics") or []:
                if hit["label"] not in code_guid:  # a label of another taxonomy still gets a code
                    add_code({"id": hit["label"], "name": hit["label"], "description": ""})
                sel_guid = _guid("selection", doc_id, turn["id"], hit["label"])
                label = names.get(hit["label"], hit["label"])
                sel = el(src, "PlainTextSelection", guid=sel_guid,
                         name=f"{turn['id']} · {speaker or turn['role']} · {label}",
                         startPosition=turn["start"], endPosition=turn["end"], creatingUser=user,
                         creationDateTime=stamp)
                evidence = "; ".join(f"«{e['text']}» [{e['start']}–{e['end']}]" for e in hit.get("evidence") or [])
                el(sel, "Description").text = (f"Tur {turn['id']} ({turn['role']}), talare: {speaker or 'okänd'}. "
                                               f"Ämne {hit['label']}, poäng {hit['score']:.2f}."
                                               + (f" Belägg: {evidence}" if evidence else ""))
                coding = el(sel, "Coding", guid=_guid("coding", doc_id, turn["id"], hit["label"]),
                            creatingUser=user, creationDateTime=stamp)
                el(coding, "CodeRef", targetGUID=code_guid[hit["label"]])
                if case is not None:
                    case["selections"].append(sel_guid)
        for key, _, vtype in _SOURCE_VARIABLES:
            value = meta.get(key)
            if vtype == "Date":
                value = _iso_date(value)
            if value in (None, ""):
                continue
            vv = el(src, "VariableValue")
            el(vv, "VariableRef", targetGUID=var_guid[key])
            el(vv, "DateValue" if vtype == "Date" else "TextValue").text = str(value)

    if not cases:
        root.remove(cases_el)
    else:
        for case in cases.values():
            c = el(cases_el, "Case", guid=case["guid"], name=case["name"])
            vv = el(c, "VariableValue")
            el(vv, "VariableRef", targetGUID=var_guid["speaker"])
            el(vv, "TextValue").text = case["speaker"]
            for g in case["sources"]:
                el(c, "SourceRef", targetGUID=g)
            for g in case["selections"]:
                el(c, "SelectionRef", targetGUID=g)
    if not len(sources):
        root.remove(sources)
    el(root, "Description").text = (f"Automatiskt kodad av intervju {version}: {n_docs} dokument, "
                                    "ämnen enligt taxonomin som koder, varje tur–ämne som kodat textsegment.")
    return root, files


def write_qdpx(corpus: Corpus, dest: Path, *, taxonomy: str | Path | None = None) -> Path:
    from lxml import etree

    if dest.suffix.lower() != ".qdpx":
        dest = dest.with_name(dest.name + ".qdpx") if dest.suffix == "" else dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            def write_source(name: str, text: str) -> None:
                z.writestr(f"sources/{name}", text.encode("utf-8"))

            root, _ = build_project(corpus, taxonomy=taxonomy, name=dest.stem, write_source=write_source)
            z.writestr("project.qde", etree.tostring(root, xml_declaration=True, encoding="utf-8",
                                                     pretty_print=True))
        tmp.replace(dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest
