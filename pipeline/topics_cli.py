"""`intervju topics train` and `intervju topics discover`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Train a topic classifier on gold turns; discover topics in a processed corpus.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)


@app.command()
def train(
    gold: list[Path] = typer.Argument(..., help="Gold files (*.gold.json) or folders holding them beside their documents."),
    out: Path = typer.Option(Path("models/topics.joblib"), help="Where to write the trained classifier."),
    taxonomy: Optional[Path] = typer.Option(None, help="The taxonomy whose ids the gold uses (default: configs/topics.toml)."),
    folds: int = typer.Option(5, help="Cross-validation folds (grouped by document)."),
    seed: int = typer.Option(0, help="Random seed."),
) -> None:
    """Fit a classifier on the turns labelled in gold files; report cross-validated F1 against the lexicon alone.

    To use it, set `classifier = "models/topics.joblib"` and `mode = "combined"` (or "classifier") in the
    topics stage of configs/pipeline.toml.
    """
    from pipeline.stages.topics.train import cross_validate, gold_turns
    from pipeline.stages.topics.classifier import TopicClassifier
    from pipeline.stages.topics.taxonomy import load_taxonomy

    from pipeline.config import project_root

    topics = load_taxonomy(taxonomy or project_root() / "configs" / "topics.toml")
    tokens, labels, groups = gold_turns(gold)
    if len(set(groups)) < 2:
        raise typer.BadParameter("need turns from at least two gold documents", param_hint="GOLD")
    typer.echo(f"{len(tokens)} labelled turns from {len(set(groups))} documents")
    for name, (p, r, f) in cross_validate(topics, tokens, labels, groups, folds, seed).items():
        typer.echo(f"  {name:10} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    TopicClassifier.fit(topics, tokens, labels, seed).save(out)
    typer.echo(f"classifier written to {out}")


@app.command()
def discover(
    out_dir: Path = typer.Argument(..., help="A folder written by `intervju run`."),
    topics: int = typer.Option(10, "--topics", "-k", help="Number of topics to find."),
    method: str = typer.Option("nmf", help="nmf or lda."),
    seed: int = typer.Option(0, help="Random seed: the same seed gives the same topics."),
    top_terms: int = typer.Option(12, help="Terms listed per topic."),
    write: Optional[Path] = typer.Option(None, "--write", help="Output JSON (default OUT_DIR/_discovered_topics.json)."),
) -> None:
    """Find topics nobody listed: NMF (or LDA) over the lemmas of every turn (documents without turns count as one)."""
    import json

    from pipeline.stages.topics.discover import discover_topics

    if method not in ("nmf", "lda"):
        raise typer.BadParameter("method must be nmf or lda", param_hint="--method")
    result = discover_topics(out_dir, topics, method, seed, top_terms)
    target = write or out_dir / "_discovered_topics.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    typer.echo(f"{result['units']} turns from {result['documents']} documents, {len(result['topics'])} topics:")
    for t in result["topics"]:
        typer.echo(f"  {t['id']:2d} ({len(t['turns'])} turns) {', '.join(t['top_terms'])}")
    typer.echo(f"written to {target}")
