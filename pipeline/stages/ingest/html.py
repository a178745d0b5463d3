"""Web pages (.html): trafilatura finds the main text and the reader comments; we keep its structure
(headings, bold lines, list items) and add the figure captions it drops."""

from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from pipeline.work import Block, BlockKind


class NoMainText(ValueError):
    pass


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _whole_bold(el) -> bool:
    his = [c for c in el if c.tag == "hi" and (c.get("rend") or "") in ("#b", "#i", "#t")]
    if not his:
        return False
    outside = (el.text or "").strip() + "".join((c.tail or "").strip() for c in el)
    return not outside.strip(" :")


def _blocks_from(container, zone: str) -> list[Block]:
    blocks: list[Block] = []
    for el in container:
        tag = el.tag
        if tag == "head":
            level = int((el.get("rend") or "h2").lstrip("h") or 2)
            blocks.append(Block(text=_text(el), kind=BlockKind.HEADING, level=level, zone=zone))
        elif tag == "list":
            for item in el.iter("item"):
                if t := _text(item):
                    blocks.append(Block(text=f"- {t}", kind=BlockKind.LIST_ITEM, zone=zone))
        elif tag in ("p", "quote", "code"):
            if t := _text(el):
                kind = BlockKind.COMMENT if zone == "comments" else BlockKind.PARAGRAPH
                blocks.append(Block(text=t, bold=_whole_bold(el), kind=kind, zone=zone))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_text(c) for c in row]
                if any(cells):
                    blocks.append(Block(text=" | ".join(c for c in cells if c), zone=zone))
        elif len(el):
            blocks.extend(_blocks_from(el, zone))
    return blocks


def _captions(page: str) -> list[str]:
    try:
        tree = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    return [t for t in (_text(c) for c in tree.iter("figcaption")) if t]


def html_to_blocks(page: str) -> tuple[list[Block], dict[str, str]]:
    import trafilatura

    xml = trafilatura.extract(
        page, output_format="xml", include_comments=True, include_formatting=True,
        include_tables=True, include_images=False, favor_recall=True, with_metadata=True,
    )
    if not xml:
        raise NoMainText("the page has no main text that could be extracted")
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    meta = {k: v for k, v in root.attrib.items() if k in ("title", "author", "date", "sitename") and v}
    blocks: list[Block] = []
    main = root.find("main")
    if main is not None:
        blocks = _blocks_from(main, "main")
    if meta.get("title") and not (blocks and blocks[0].kind == BlockKind.HEADING
                                  and blocks[0].text == meta["title"]):
        blocks.insert(0, Block(text=meta["title"], kind=BlockKind.TITLE))
    elif blocks:
        blocks[0].kind = BlockKind.TITLE
    captions = [c for c in _captions(page) if not any(c in b.text for b in blocks)]
    if captions:
        at = next((i + 1 for i, b in enumerate(blocks) if b.kind == BlockKind.PARAGRAPH), len(blocks))
        for c in reversed(captions):
            blocks.insert(at, Block(text=c, kind=BlockKind.CAPTION))
    comments = root.find("comments")
    if comments is not None:
        blocks.extend(_blocks_from(comments, "comments"))
    if not any(b.kind != BlockKind.TITLE for b in blocks):
        raise NoMainText("the page has no main text that could be extracted")
    return blocks, meta
