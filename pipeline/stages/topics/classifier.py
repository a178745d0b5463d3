"""A supervised topic classifier (scikit-learn), trained by `intervju topics train` on gold turns.

Features: tf-idf of the turn's lemmas plus the lexicon's evidence weight for each topic; one logistic
regression per topic. Used by the topics stage when its settings name it (`classifier = "...joblib"`,
`mode = "combined"` or `"classifier"`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.stages.topics.matcher import match
from pipeline.stages.topics.taxonomy import Topic

THRESHOLD = 0.5


def lemma_text(tokens) -> str:
    return " ".join((t.lemma or t.text).lower() for t in tokens if any(c.isalpha() for c in t.text))


def lexicon_features(topics: list[Topic], tokens) -> list[float]:
    weights = {h.label: h.weight for h in match([_open(t) for t in topics], tokens)}
    return [min(weights.get(t.id, 0.0), 5.0) for t in topics]


def _open(topic: Topic) -> Topic:
    """The same topic with no threshold, so that weak evidence is a feature too."""
    return Topic(topic.id, topic.name, topic.cues, topic.excludes, 1e-9)


@dataclass
class TopicClassifier:
    topics: list[Topic]
    labels: list[str]
    vectorizer: object
    model: object

    @classmethod
    def fit(cls, topics: list[Topic], token_lists: list, label_sets: list[set[str]], seed: int = 0):
        import numpy as np
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.preprocessing import MultiLabelBinarizer

        labels = [t.id for t in topics]
        vec = TfidfVectorizer(min_df=2, sublinear_tf=True)
        text = vec.fit_transform([lemma_text(t) for t in token_lists])
        lex = csr_matrix(np.array([lexicon_features(topics, t) for t in token_lists]))
        y = MultiLabelBinarizer(classes=labels).fit_transform(label_sets)
        keep = y.sum(axis=0) > 0
        model = OneVsRestClassifier(LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000,
                                                       random_state=seed))
        model.fit(hstack([text, lex]).tocsr(), y[:, keep])
        return cls(topics, [lbl for lbl, k in zip(labels, keep) if k], vec, model)

    def probabilities(self, tokens) -> dict[str, float]:
        import numpy as np
        from scipy.sparse import csr_matrix, hstack

        x = hstack([self.vectorizer.transform([lemma_text(tokens)]),
                    csr_matrix(np.array([lexicon_features(self.topics, tokens)]))]).tocsr()
        return dict(zip(self.labels, self.model.predict_proba(x)[0]))

    def predict(self, tokens) -> list[tuple[str, float, list[tuple[int, int]]]]:
        """(label, probability, evidence spans) for each topic the classifier assigns."""
        out = []
        evidence = {h.label: h.spans for h in match([_open(t) for t in self.topics], tokens)}
        for label, p in self.probabilities(tokens).items():
            if p >= THRESHOLD:
                out.append((label, float(p), evidence.get(label, [])))
        return out

    def save(self, path: Path) -> None:
        import joblib

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path)

    @staticmethod
    def load(path) -> "TopicClassifier":
        import joblib

        return joblib.load(path)
