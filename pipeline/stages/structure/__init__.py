"""Structure: title, lede, captions, sections, and the turns of the interview with their speakers.

Reads the blocks laid out by the clean stage; provides `turns`, `sections` and `metadata`.
"""

from __future__ import annotations

import re

from pipeline.document import Section, SectionKind, Turn, TurnRole
from pipeline.registry import stage
from pipeline.stages.structure import cues, speakers
from pipeline.stages.structure.turns import Segmentation, segment_turns
from pipeline.work import Block, BlockKind, Work

_FAQ_TITLE = re.compile(r"frågor och svar|vanliga frågor|\bfaq\b|frågor & svar", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^(?:§\s*\d+\s*|\d+\s*§\s*)")


def _find_title(blocks: list[Block], main: list[int]) -> int | None:
    if not main:
        return None
    first = blocks[main[0]]
    if first.kind == BlockKind.TITLE or (first.kind == BlockKind.HEADING and first.level <= 1):
        return main[0]
    if first.kind != BlockKind.PARAGRAPH or len(main) < 2:
        return None
    text = first.text
    asks_and_is_answered = text.endswith("?") and cues.strip_reply_dash(blocks[main[1]].text) > 0
    if (len(text) <= 160 and not re.search(r"[.!:;]$", text) and not asks_and_is_answered
            and not cues.strip_reply_dash(text)
            and not cues.SPEAKER_LABEL.match(text) and not cues.DEBATE_LABEL.match(text)):
        return main[0]
    return None


def _header_names(blocks: list[Block], lede: list[int]) -> dict[str, str]:
    """Names a transcript header gives its roles: "Intervjuare: Karin Lund" → interviewer."""
    names = {}
    for i in lede:
        m = cues.SPEAKER_LABEL.match(blocks[i].text)
        if not m or len(m.group("rest")) > 60:
            continue
        label, rest = m.group("label").lower(), re.sub(r"\s*\(.*\)\s*$", "", m.group("rest")).strip(" .")
        if label in cues.INTERVIEWER_LABELS and rest:
            names["interviewer"] = rest
        elif label in cues.RESPONDENT_LABELS and rest:
            names["interviewee"] = rest
    return names


def _assign_speakers(work: Work, seg: Segmentation, lede_text: list[str], body_text: list[str]) -> None:
    meta, hints = work.doc.metadata, work.hints
    if seg.kind == "interpellation":
        meta.interviewer = hints.get("asker") or hints.get("author")
        meta.interviewee = hints.get("answerer")
        return
    if seg.kind == "debate":
        return
    names = _header_names(work.blocks, seg.lede)
    labelled = seg.interviewer_label or seg.respondent_label
    if labelled and (seg.interviewer_label or "").lower() in cues.ROLE_WORDS:
        labelled = None  # "Fråga:"/"Svar:" say who asks, not who speaks: names come from the lede
    if labelled or any(d.speaker for d in seg.drafts):
        # A transcript names its speakers on every turn; its header may name the roles.
        answering = {d.speaker for d in seg.drafts if d.role == TurnRole.ANSWER}
        meta.interviewer = names.get("interviewer") or seg.interviewer_label
        meta.interviewee = names.get("interviewee") or seg.respondent_label or (
            answering.pop() if len(answering) == 1 else None)
        return
    meta.interviewee = names.get("interviewee") or speakers.find_interviewee(lede_text, body_text)
    meta.interviewer = names.get("interviewer") or speakers.find_interviewer(lede_text)
    if meta.interviewee is not None:
        seg.kind = "interview"
    elif _FAQ_TITLE.search(meta.title or ""):
        seg.kind = "faq"
    for d in seg.drafts:
        d.speaker = meta.interviewer if d.role == TurnRole.QUESTION else meta.interviewee


def _sections(blocks: list[Block], title: int | None, lede: set[int], in_turns: set[int]) -> list[Section]:
    sections: list[Section] = []
    for i, b in enumerate(blocks):
        if i == title:
            kind = SectionKind.TITLE
        elif b.zone == "comments":
            kind = SectionKind.COMMENTS
        elif b.kind == BlockKind.CAPTION:
            kind = SectionKind.CAPTION
        elif i in in_turns:
            kind = SectionKind.QA
        elif i in lede:
            kind = SectionKind.LEDE
        elif b.kind == BlockKind.HEADING:
            kind = SectionKind.HEADING
        else:
            kind = SectionKind.BODY
        if sections and sections[-1].kind == kind and kind != SectionKind.CAPTION:
            sections[-1].end = b.end
        else:
            sections.append(Section(kind=kind, start=b.start, end=b.end))
    return sections


def structure(work: Work) -> None:
    doc, blocks = work.doc, work.blocks
    main = [i for i, b in enumerate(blocks) if b.zone != "comments"]
    title = _find_title(blocks, main)
    if title is not None:
        doc.metadata.title = _SECTION_NUMBER.sub("", blocks[title].text)
    elif work.hints.get("title"):
        doc.metadata.title = work.hints["title"]
    body = [i for i in main if i != title]
    seg = segment_turns(blocks, body, work.hints)
    lede = seg.lede
    if not seg.drafts:  # no Q/A: the first paragraph after the title is the lede
        first = next((i for i in body if blocks[i].kind == BlockKind.PARAGRAPH), None)
        lede = [first] if first is not None else []
    lede = [i for i in lede if blocks[i].kind != BlockKind.CAPTION]
    in_turns = {i for d in seg.drafts for i in d.blocks}
    _assign_speakers(work, seg, [blocks[i].text for i in lede],
                     [blocks[i].text for i in sorted(in_turns)])
    doc.metadata.kind = seg.kind
    doc.metadata.date = doc.metadata.date or work.hints.get("date")
    turns = []
    for n, d in enumerate(seg.drafts, 1):
        first, last = blocks[d.blocks[0]], blocks[d.blocks[-1]]
        start = first.start + d.skip
        while start < first.end and doc.text[start].isspace():
            start += 1
        turns.append(Turn(id=f"t{n}", role=d.role, speaker=d.speaker, start=start, end=last.end,
                          text=doc.text[start:last.end]))
    limit = work.settings.get("max_turns")
    if limit and len(turns) > limit:
        raise ValueError(f"{len(turns)} turns, more than the limit of {limit} (raise max_turns to allow it)")
    doc.turns = turns
    doc.sections = _sections(blocks, title, set(lede), in_turns)


@stage("structure.turns", requires=("text",), provides=("turns", "sections", "metadata"))
def make_structure(config=None, **settings):
    return structure
