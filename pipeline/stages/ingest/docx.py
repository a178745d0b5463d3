"""Word files (.docx): paragraphs in document order, with heading styles, list styles and bold kept."""

from __future__ import annotations

import io
import zipfile

from pipeline.work import Block, BlockKind

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb claims far more than any real transcript


class BadDocx(ValueError):
    pass


def _check_zip(raw: bytes) -> None:
    """Refuse archives that are not Word files or that unpack to far more than any transcript: the
    members are inflated in chunks, so a zip bomb that lies about its sizes is caught too."""
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise BadDocx("not a Word document: the file is not a zip archive")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            if "word/document.xml" not in z.namelist():
                raise BadDocx("not a Word document: word/document.xml is missing")
            claimed = sum(info.file_size for info in z.infolist())
            if claimed > MAX_UNCOMPRESSED:
                raise BadDocx(f"refusing to unpack: the archive claims {claimed // 2**20} MB uncompressed "
                              "(a zip bomb?)")
            total = 0
            for info in z.infolist():
                with z.open(info) as member:
                    while chunk := member.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_UNCOMPRESSED:
                            raise BadDocx("refusing to unpack: the archive inflates to more than "
                                          f"{MAX_UNCOMPRESSED // 2**20} MB (a zip bomb?)")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as err:
        if isinstance(err, BadDocx):
            raise
        raise BadDocx(f"damaged Word document: {err}") from err


def docx_to_blocks(raw: bytes) -> tuple[list[Block], dict[str, str]]:
    _check_zip(raw)
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as err:  # python-docx raises several unrelated types for damaged files
        raise BadDocx(f"damaged Word document: {err}") from err
    meta = {}
    props = document.core_properties
    if props.title:
        meta["title"] = props.title
    if props.created:
        meta["date"] = props.created.date().isoformat()
    blocks: list[Block] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        runs = [r for r in para.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        if style == "Title":
            blocks.append(Block(text=text, kind=BlockKind.TITLE))
        elif style.startswith("Heading") or style.startswith("Rubrik"):
            level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
            blocks.append(Block(text=text, kind=BlockKind.HEADING, level=level))
        elif "List" in style or "Lista" in style:
            blocks.append(Block(text=f"- {text}", kind=BlockKind.LIST_ITEM))
        else:
            blocks.append(Block(text=text, bold=bold))
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                blocks.append(Block(text=" | ".join(dict.fromkeys(cells))))
    return blocks, meta
