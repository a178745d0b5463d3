"""Topics: taxonomy topics per turn, with the score and the evidence spans that triggered each.

The lexicon (configs/topics.toml, or the user's `--topics FILE`; format in taxonomy.py) is matched on
the model's lemmas and the lower-cased words, so inflections and compounds count and mere substrings
do not. With `classifier = "path.joblib"` (made by `intervju topics train`) and `mode = "combined"` or
`"classifier"`, a scikit-learn classifier's decisions are added to, or replace, the lexicon's.

Document topics: each topic assigned to at least one turn, with the share of turns that carry it as
score; a document without turns (a press release, an op-ed) is matched as one text and has topics
with no turn ids. Keyphrases (keyphrases.py) are ranked for each turn and for the document.
"""

from __future__ import annotations

import bisect
import math

from pipeline.config import ConfigError
from pipeline.document import DocumentTopic, Span, TopicHit
from pipeline.registry import stage
from pipeline.stages.topics import keyphrases
from pipeline.stages.topics.matcher import Hit, match
from pipeline.stages.topics.taxonomy import Topic, load_taxonomy
from pipeline.work import Work

MODES = ("lexicon", "classifier", "combined")
QUESTION_EVIDENCE = 0.3
TURN_KEYPHRASES, DOC_KEYPHRASES = 5, 10  # the evidence a question needs for a topic its answer has


def tokens_between(doc, start: int, end: int, starts: list[int] | None = None):
    starts = starts if starts is not None else [t.start for t in doc.tokens]
    return doc.tokens[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def _hits(doc, toks, topics, classifier, mode: str) -> list[Hit]:
    lexical = match(topics, toks) if mode != "classifier" else []
    if classifier is None:
        return lexical
    by_label = {h.label: h for h in lexical}
    for label, proba, spans in classifier.predict(toks):
        if label not in by_label:
            by_label[label] = Hit(label, 0.0, spans)
        by_label[label].weight = max(by_label[label].weight, -math.log(max(1e-6, 1 - proba)))
    return sorted(by_label.values(), key=lambda h: -h.weight)


def _questions_follow_answers(doc, topics, turn_hits: list[list[Hit]], starts: list[int]) -> None:
    """A question and its answer are read together: each takes up a topic the other has when it carries
    any evidence of it ("Hur stort stöd kommer nyhetsmedier att få?" before an answer about money)."""
    weak = [Topic(t.id, t.name, t.cues, t.excludes, QUESTION_EVIDENCE) for t in topics]
    for k, turn in enumerate(doc.turns[:-1]):
        if turn.role != "question" or doc.turns[k + 1].role != "answer":
            continue
        have = {h.label for h in turn_hits[k]}
        answer = {h.label for h in turn_hits[k + 1]}
        for h in match(weak, tokens_between(doc, turn.start, turn.end, starts)):
            if h.label in answer and h.label not in have:
                turn_hits[k].append(h)
        reply = doc.turns[k + 1]
        for h in match(weak, tokens_between(doc, reply.start, reply.end, starts)):
            if h.label in have and h.label not in answer:
                turn_hits[k + 1].append(h)


def annotate(work: Work, topics, classifier=None, mode: str = "lexicon") -> None:
    doc = work.doc
    per_topic: dict[str, list[str]] = {}
    scores: dict[str, float] = {}
    starts = [t.start for t in doc.tokens]
    turn_tokens = [tokens_between(doc, t.start, t.end, starts) for t in doc.turns]
    turn_hits = [_hits(doc, toks, topics, classifier, mode) for toks in turn_tokens]
    _questions_follow_answers(doc, topics, turn_hits, starts)
    for turn, hits, toks in zip(doc.turns, turn_hits, turn_tokens):
        turn.keyphrases = keyphrases.rank(toks, TURN_KEYPHRASES)
        turn.topics = [TopicHit(label=h.label, score=h.score,
                                evidence=[Span(start=s, end=e, text=doc.text[s:e]) for s, e in h.spans])
                       for h in hits]
        for h in hits:
            per_topic.setdefault(h.label, []).append(turn.id)
    if doc.turns:
        for label, ids in per_topic.items():
            scores[label] = round(len(ids) / len(doc.turns), 4)
    else:
        for h in _hits(doc, doc.tokens, topics, classifier, mode):
            per_topic[h.label], scores[h.label] = [], h.score
    doc.keyphrases = keyphrases.rank(doc.tokens, DOC_KEYPHRASES)
    order = [t.id for t in topics]
    doc.topics = [DocumentTopic(label=label, score=scores[label], turns=per_topic[label])
                  for label in sorted(per_topic, key=lambda x: (-scores[x], order.index(x) if x in order else 99))]


@stage("topics.lexicon", requires=("tokens", "turns"), provides=("topics",))
def make_topics(config=None, taxonomy: str = "configs/topics.toml", classifier: str | None = None,
                mode: str = "lexicon", **settings):
    path = config.resolve(taxonomy) if config else taxonomy
    topics = load_taxonomy(path)
    if mode not in MODES:
        raise ConfigError(f"topics stage: mode must be one of {', '.join(MODES)}, not {mode!r}")
    model = None
    if classifier and mode != "lexicon":
        from pipeline.stages.topics.classifier import TopicClassifier

        model = TopicClassifier.load(config.resolve(classifier) if config else classifier)

    def topics_stage(work: Work) -> None:
        annotate(work, topics, model, mode)

    return topics_stage
