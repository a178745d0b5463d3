"""Topics: taxonomy topics per turn, with the evidence that triggered each."""

from __future__ import annotations

from pipeline.registry import stage
from pipeline.work import Work


def topics(work: Work) -> None:
    work.doc.topics = []


@stage("topics.lexicon", requires=("tokens", "turns"), provides=("topics",))
def make_topics(config=None, taxonomy: str = "configs/topics.toml", **settings):
    return topics
