"""The one document model. The JSON Schema users validate against is generated from these classes.

Offsets everywhere are Unicode code-point offsets into `Document.text`, end exclusive, so that
`doc.text[start:end]` in Python gives the span.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class TurnRole(str, Enum):
    QUESTION = "question"
    ANSWER = "answer"
    STATEMENT = "statement"


class SectionKind(str, Enum):
    TITLE = "title"
    LEDE = "lede"
    CAPTION = "caption"
    HEADING = "heading"
    BODY = "body"
    QA = "qa"
    COMMENTS = "comments"


class Source(_Model):
    path: str = Field(description="Input path relative to the input root it was found under")
    sha256: str = Field(description="SHA-256 of the input file's bytes")
    format: str = Field(description="txt, md, html, xml, docx")
    encoding: str | None = Field(default=None, description="Detected text encoding, for text formats")


class PipelineInfo(_Model):
    version: str
    model: str = Field(description="Language model name and version")
    config: str = Field(description="Hash of the effective configuration and taxonomy")


class Metadata(_Model):
    model_config = ConfigDict(extra="allow")
    title: str | None = None
    interviewee: str | None = None
    interviewer: str | None = None
    date: str | None = Field(default=None, description="ISO date of the document, where it says")
    kind: str | None = Field(default=None, description="interview, faq, debate, interpellation or other")


class Span(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Section(_Model):
    kind: SectionKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TopicHit(_Model):
    label: str = Field(description="Topic id of the active taxonomy")
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[Span] = Field(default_factory=list, description="The spans that triggered the topic")


class Turn(_Model):
    id: str
    role: TurnRole
    speaker: str | None = Field(description="Who speaks, as written in the document; null when unknown")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    topics: list[TopicHit] = Field(default_factory=list)
    keyphrases: list[str] = Field(default_factory=list, description="Key noun phrases of the turn, best first")


class Sentence(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    turn: str | None = Field(default=None, description="Id of the turn the sentence lies in")


class Token(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str = Field(description="UD features, 'Name=Value|...'; empty when none")
    head: int = Field(description="Index in `tokens` of the syntactic head; a root points to itself")
    deprel: str


class Entity(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    label: str = Field(description="PER, ORG, LOC, MISC, TIME (see README)")
    norm: str = Field(description="Canonical name: base form of a genitive, full name of an acronym, ...")
    id: str | None = Field(default=None, description="Wikidata id or organisation number from a gazetteer")
    turn: str | None = None


class DocumentTopic(_Model):
    label: str
    score: float = Field(ge=0.0, le=1.0)
    turns: list[str] = Field(default_factory=list)


class Removed(_Model):
    kind: str = Field(description="boilerplate, navigation, caption_credit, comment_form, share, ...")
    text: str


class Document(_Model):
    """One annotated input document, as written to `<out>/<id>.json`."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(description="Stable id derived from the input's path relative to the input root")
    source: Source
    pipeline: PipelineInfo
    metadata: Metadata = Field(default_factory=Metadata)
    text: str = ""
    sections: list[Section] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    tokens: list[Token] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    topics: list[DocumentTopic] = Field(default_factory=list)
    comments: list[Span] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    keyphrases: list[str] = Field(default_factory=list, description="Key noun phrases of the document, best first")


class ErrorRecord(_Model):
    """What a failed document leaves in the run summary and in `<out>/errors/<id>.json`."""

    id: str
    path: str
    stage: str
    reason: str
