"""segment_turns: from a document's blocks to question, answer and statement turns.

Each layout family has its own small segmenter; `segment_turns` picks the one the document's cues
call for, in this order: debate labels, transcript speaker labels, marked questions (headings or bold
lines), and unmarked questions answered with reply dashes. A document that fits none has no turns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.document import TurnRole
from pipeline.stages.structure import cues
from pipeline.work import Block, BlockKind


@dataclass
class Draft:
    role: TurnRole
    speaker: str | None
    blocks: list[int] = field(default_factory=list)
    skip: int = 0  # characters of the first block that are markup (a reply dash, a label)


@dataclass
class Segmentation:
    kind: str  # interview, faq, debate, interpellation, other
    drafts: list[Draft]
    lede: list[int]  # blocks before the first turn that introduce it
    interviewer_label: str | None = None
    respondent_label: str | None = None


def _label(block: Block) -> tuple[str, str] | None:
    m = cues.SPEAKER_LABEL.match(block.text)
    if not m:
        return None
    label = m.group("label").strip()
    if label.lower() in cues.HEADER_LABELS or len(label) > 40:
        return None
    return label, m.group("rest")


def segment_debate(blocks: list[Block], body: list[int]) -> Segmentation | None:
    drafts: list[Draft] = []
    lede: list[int] = []
    current: Draft | None = None
    for i in body:
        b = blocks[i]
        m = cues.DEBATE_LABEL.match(b.text)
        if m:
            current = Draft(TurnRole.STATEMENT, m.group("name"))
            drafts.append(current)
            continue
        if b.speaker and current is not None and not current.blocks:
            current.speaker = b.speaker  # the record's own name for the person the label announced
        elif b.speaker and (current is None or current.speaker != b.speaker):
            current = Draft(TurnRole.STATEMENT, b.speaker)
            drafts.append(current)
        if current is None:
            lede.append(i)
        elif b.kind != BlockKind.HEADING:
            current.blocks.append(i)
    drafts = [d for d in drafts if d.blocks]
    return Segmentation("debate", drafts, lede) if drafts else None


def segment_labelled(blocks: list[Block], body: list[int]) -> Segmentation | None:
    labels = {i: lab for i in body if (lab := _label(blocks[i]))}
    counts = Counter(lab[0] for lab in labels.values())
    recurring = {lab for lab, n in counts.items() if n >= 2}
    if sum(counts[lab] for lab in recurring) < 3:
        return None
    asks: Counter[str] = Counter()
    for i, (lab, rest) in labels.items():
        if lab in recurring and cues.is_question_text(rest or blocks[i].text):
            asks[lab] += 1
    interviewer = next((lab for lab in recurring if lab.lower() in cues.INTERVIEWER_LABELS), None)
    if interviewer is None and asks:
        top, n = asks.most_common(1)[0]
        if n >= max(1, counts[top] // 2):
            interviewer = top
    respondent = next((lab for lab in recurring if lab.lower() in cues.RESPONDENT_LABELS), None)
    drafts: list[Draft] = []
    lede: list[int] = []
    current: Draft | None = None
    for i in body:
        lab = labels.get(i)
        if lab and lab[0] in recurring:
            label, rest = lab
            if interviewer is None:
                role = TurnRole.STATEMENT
            else:
                role = TurnRole.QUESTION if label == interviewer else TurnRole.ANSWER
            speaker = None if label.lower() in cues.ROLE_WORDS else label
            current = Draft(role, speaker, [i] if rest.strip() else [], len(blocks[i].text) - len(rest))
            drafts.append(current)
        elif current is None:
            lede.append(i)
        elif blocks[i].kind == BlockKind.HEADING:
            current = None
        else:
            if not current.blocks:
                current.skip = 0
            current.blocks.append(i)
    drafts = [d for d in drafts if d.blocks]
    seg = Segmentation("interview", drafts, lede, interviewer, respondent)
    return seg if drafts else None


def _is_marked_question(blocks: list[Block], i: int, nxt: int | None) -> bool:
    b = blocks[i]
    if not (b.kind == BlockKind.HEADING or b.bold):
        return False
    if cues.is_question_text(b.text):
        return True
    return nxt is not None and cues.strip_reply_dash(blocks[nxt].text) > 0


def segment_marked(blocks: list[Block], body: list[int]) -> Segmentation | None:
    marked = {i for k, i in enumerate(body) if _is_marked_question(blocks, i, body[k + 1] if k + 1 < len(body) else None)}
    if not marked:
        return None
    drafts: list[Draft] = []
    lede: list[int] = []
    current: Draft | None = None
    for i in body:
        b = blocks[i]
        if i in marked:
            drafts.append(Draft(TurnRole.QUESTION, None, [i]))
            current = Draft(TurnRole.ANSWER, None)
            drafts.append(current)
        elif b.kind == BlockKind.HEADING:
            current = None  # a section heading that is no question ends the answer
        elif current is not None:
            if not current.blocks:
                current.skip = cues.strip_reply_dash(b.text)
            current.blocks.append(i)
        elif not drafts:
            lede.append(i)
    drafts = [d for d in drafts if d.blocks]
    replies = any(d.skip for d in drafts if d.role == TurnRole.ANSWER)
    return Segmentation("interview" if replies else "faq", drafts, lede)


def _question_group(blocks: list[Block], group: list[int]) -> int:
    """How many blocks at the end of a run of undashed paragraphs form the question before a reply."""
    n = 1
    while n < len(group) and cues.addresses_listener(blocks[group[-n - 1]].text):
        n += 1
    return n


def segment_dashed(blocks: list[Block], body: list[int]) -> Segmentation | None:
    items = [i for i in body if blocks[i].kind not in (BlockKind.CAPTION, BlockKind.HEADING)]
    dashed = {i for i in items if cues.strip_reply_dash(blocks[i].text)}
    # A question is an undashed paragraph that a reply follows and that asks (a question mark) or
    # addresses the interviewee; rhetorical questions of an answer speak in the first person.
    questions: set[int] = set()
    for k, i in enumerate(items[:-1]):
        nxt = items[k + 1]
        if i in dashed or nxt not in dashed or cues.ATTRIBUTED_QUOTE.search(blocks[nxt].text):
            continue
        text = blocks[i].text
        asks = "?" in text or cues.addresses_listener(text)
        if asks and not (cues.FIRST_PERSON.search(text) and not cues.SECOND_PERSON.search(text)
                         and any(j in dashed for j in items[:k])):
            questions.add(i)
    if not questions:
        return None
    drafts: list[Draft] = []
    lede: list[int] = []
    group: list[int] = []  # undashed paragraphs waiting to be placed
    current: Draft | None = None
    for i in items:
        if i in questions:
            n = _question_group(blocks, group + [i]) if current is not None else 1
            keep, ask = (group + [i])[:-n], (group + [i])[-n:]
            (current.blocks if current is not None else lede).extend(keep)
            drafts.append(Draft(TurnRole.QUESTION, None, ask))
            current, group = None, []
        elif i in dashed and drafts and drafts[-1].role == TurnRole.QUESTION and current is None:
            current = Draft(TurnRole.ANSWER, None, [i], cues.strip_reply_dash(blocks[i].text))
            drafts.append(current)
        elif current is not None and i in dashed:
            current.blocks.extend(group + [i])
            group = []
        else:
            group.append(i)
    if current is not None:
        tail = [i for i in group if re.search(r"[.!?…”\"]$", blocks[i].text)]
        current.blocks.extend(tail)
    else:
        lede.extend(i for i in group if not drafts)
    return Segmentation("interview", drafts, lede)


def segment_interpellation(blocks: list[Block], body: list[int], asker: str | None) -> Segmentation:
    text_blocks = [i for i in body if blocks[i].kind != BlockKind.HEADING]
    drafts = [Draft(TurnRole.QUESTION, asker, text_blocks)] if text_blocks else []
    return Segmentation("interpellation", drafts, [])


def segment_turns(blocks: list[Block], body: list[int], hints: dict) -> Segmentation:
    if hints.get("kind") == "interpellation":
        return segment_interpellation(blocks, body, hints.get("asker") or hints.get("author"))
    if any(cues.DEBATE_LABEL.match(blocks[i].text) for i in body) or any(blocks[i].speaker for i in body):
        if seg := segment_debate(blocks, body):
            return seg
    for segmenter in (segment_labelled, segment_marked, segment_dashed):
        if seg := segmenter(blocks, body):
            return seg
    return Segmentation("other", [], [])
