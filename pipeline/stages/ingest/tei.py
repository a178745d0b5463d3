"""TEI XML: Riksdag interpellations (SWERIK's ipq files) and Parla-CLARIN debate records (<u who>).

The parser never resolves entities, loads DTDs or touches the network: XML from the wild may carry
entity-expansion bombs or external entities pointing at local files.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.work import Block, BlockKind

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class BadXml(ValueError):
    pass


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _local(tag) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def tei_to_blocks(raw: bytes) -> tuple[list[Block], dict]:
    if b"<!ENTITY" in raw[:65536]:
        raise BadXml("the XML declares entities (DOCTYPE <!ENTITY>); refused to protect against entity attacks")
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as err:
        raise BadXml(f"not well-formed XML: {err}") from err
    persons: dict[str, str] = {}
    for person in root.iter(f"{TEI}person"):
        pid = person.findtext(f"{TEI}idno") or person.get(XML_ID)
        name = person.findtext(f"{TEI}persName")
        if pid and name:
            persons[pid.strip()] = name.strip()
    meta: dict = {"persons": list(persons.values())}
    title_el = root.find(f".//{TEI}titleStmt/{TEI}title")
    if title_el is not None:
        meta["title"] = _text(title_el)
    author = root.findtext(f".//{TEI}titleStmt/{TEI}author")
    if author:
        meta["author"] = re.sub(r"\s*\([^)]*\)\s*$", "", author.strip())
    sent = root.find(f".//{TEI}correspAction[@type='sent']")
    received = root.find(f".//{TEI}correspAction[@type='received']")
    if sent is not None:
        date = sent.find(f"{TEI}date")
        if date is not None and date.get("when"):
            meta["date"] = date.get("when")
        if sent.get("corresp") in persons:
            meta["asker"] = persons[sent.get("corresp")]
    if received is not None and received.get("corresp") in persons:
        meta["answerer"] = persons[received.get("corresp")]

    body = root.find(f".//{TEI}body")
    if body is None:
        raise BadXml("TEI file without a <body>")
    blocks: list[Block] = []
    if body.find(f".//{TEI}u") is not None:
        meta["kind"] = "debate"
        speaker = None
        for el in body.iter():
            name = _local(el.tag)
            if name == "note" and el.get("type") == "head" and (t := _text(el)):
                blocks.append(Block(text=t, kind=BlockKind.HEADING, level=1 if not blocks else 2))
            elif name == "note" and el.get("type") == "speaker":
                blocks.append(Block(text=_text(el), kind=BlockKind.HEADING, level=3))
                speaker = None
            elif name == "u":
                who = (el.get("who") or "").lstrip("#")
                speaker = persons.get(who, speaker)
                for seg in el:
                    if _local(seg.tag) in ("seg", "p") and (t := _text(seg)):
                        blocks.append(Block(text=t, speaker=speaker or who or None))
            elif name in ("head",) and (t := _text(el)):
                blocks.append(Block(text=t, kind=BlockKind.HEADING, level=2))
        return blocks, meta

    kind = "interpellation" if root.get(XML_ID, "").startswith("ipq") or body.find(
        f".//{TEI}div[@type='ipqBody']") is not None else "other"
    meta["kind"] = kind
    for div in body.iter(f"{TEI}div"):
        dtype = div.get("type") or ""
        for p in div:
            if _local(p.tag) not in ("p", "head"):
                continue
            t = _text(p)
            if not t:
                continue
            if dtype.endswith("Title") or _local(p.tag) == "head":
                blocks.append(Block(text=t, kind=BlockKind.TITLE if not blocks else BlockKind.HEADING))
            else:
                blocks.append(Block(text=t))
    return blocks, meta
