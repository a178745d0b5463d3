"""The supervised topic classifier: fits on labelled turns, predicts with evidence, survives a save/load."""

from __future__ import annotations

from pipeline.config import project_root
from pipeline.stages.topics.classifier import TopicClassifier
from pipeline.stages.topics.taxonomy import load_taxonomy
from tests.topics.plain_tokens import tokens


FISH = "jag fiskar gärna gädda på fritiden med familjen"
MONEY = "budgeten räcker inte och kostnaderna för skattemedel ökar"


def test_fit_predict_save_load(tmp_path):
    topics = load_taxonomy(project_root() / "configs" / "topics.toml")
    turns = [tokens(FISH), tokens(MONEY)] * 6
    labels = [{"leisure"}, {"economy"}] * 6
    model = TopicClassifier.fit(topics, turns, labels, seed=0)
    path = tmp_path / "topics.joblib"
    model.save(path)
    again = TopicClassifier.load(path)
    predicted = {label for label, p, spans in again.predict(tokens("vi fiskar gädda på fritiden"))}
    assert "leisure" in predicted and "economy" not in predicted
    label, p, spans = next(x for x in again.predict(tokens(MONEY)) if x[0] == "economy")
    assert 0.5 <= p <= 1 and spans
