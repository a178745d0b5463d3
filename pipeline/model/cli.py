"""`intervju model ...`: rebuild, train, evaluate and package intervju's own Swedish spaCy model."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Our own Swedish spaCy model: `train` runs the whole recipe (data, training, "
                       "evaluation, packaging into models/); `evaluate FILE` scores a model on raw text.",
                  no_args_is_help=True, add_completion=False)


@app.command()
def train(
    out: Optional[Path] = typer.Option(None, help="Where to write the pipeline (default models/sv_intervju_core)."),
    skip_build: bool = typer.Option(False, "--skip-build", help="Reuse the corpora already in build/model/corpus."),
    skip_train: bool = typer.Option(False, "--skip-train", help="Reuse the trained pipelines in build/model/train."),
) -> None:
    """Build the training data from ../shared/data, train UD and NER, self-train the UD layers on the NER
    corpora's text, evaluate on the test sets, package (about an hour on 2 cores)."""
    from . import recipe

    recipe.run(out=out, skip_build=skip_build, skip_train=skip_train, log=typer.echo)


@app.command()
def evaluate(
    file: Path = typer.Argument(..., exists=True, help=".conllu (UD), .iob2 (UNER) or klintan .txt (NER)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Pipeline directory (default: the shipped model)."),
    engine: str = typer.Option("spacy", "--engine", help="'spacy' (the shipped spaCy model, or --model) or "
                                                        "'stanza' (needs pip install 'intervju[stanza]')."),
    stanza_dir: Optional[Path] = typer.Option(None, "--stanza-dir",
                                              help="Stanza model folder (default: models/stanza_sv_intervju)."),
) -> None:
    """Score a model with raw text in: token acc, UPOS, XPOS, MORPH, LEMMA, UAS, LAS, sentence P/R/F, entities."""
    if engine == "stanza":
        from pipeline.stanza_engine import evaluate as sev
        from pipeline.stanza_engine.recipe import SHIPPED

        typer.echo(sev.format_scores(sev.evaluate(file, stanza_dir or SHIPPED)))
        return
    if engine != "spacy":
        typer.echo(f"error: --engine must be 'spacy' or 'stanza', not {engine!r}", err=True)
        raise typer.Exit(2)
    from . import evaluate as ev

    typer.echo(ev.format_scores(ev.evaluate(file, model)))


@app.command()
def build(out: Optional[Path] = typer.Option(None, help="Corpus folder (default build/model/corpus).")) -> None:
    """Only build the training data (rebuilt Talbanken, NER corpora) and print the data report."""
    import json

    from . import build as b

    typer.echo(json.dumps(b.build_all(out, titlecase=0.15), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    app()
